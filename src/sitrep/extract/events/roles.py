"""Who did what to whom: actor1 / actor2 / object of a trigger from the dependency parse.

"IS killed seven US-backed fighters" -> actor1 Islamic State (subject), actor2 SDF
(object).  Noun triggers take their actor1 from modifiers ("coalition airstrikes",
"an IS attack") or a "by" phrase and their actor2 from "on"/"against"/"with"; when the
trigger itself has none, the verb that governs it lends its subject/object ("IS
killed seven fighters in an attack").  Without a parse, actors before and after the
trigger in the sentence are used, and the result is marked so confidence drops.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from sitrep.datafiles import load_yaml
from sitrep.errors import DataFileError
from sitrep.extract.events.modality import trigger_token
from sitrep.records import ActorMention, PlaceMention

_SUBJ = ("nsubj", "csubj")
_PASS_SUBJ = ("nsubjpass", "csubjpass")
_OBJ = ("dobj", "attr", "oprd")
_MODIFIERS = ("compound", "amod", "poss", "nmod", "npadvmod")
_TARGET_PREPS = ("on", "against", "at", "upon", "targeting", "into")
_VERBAL = ("VERB", "AUX")


@dataclass(frozen=True)
class RoleWords:
    """data/roles.yaml: verbs and prepositions that decide who acts (see the file's header)."""

    stance_verbs: frozenset[str] = frozenset()
    patient_verbs: frozenset[str] = frozenset()
    relation_verbs: frozenset[str] = frozenset()
    place_preps: frozenset[str] = frozenset()
    cause_marks: frozenset[str] = frozenset()
    event_heads: frozenset[str] = frozenset()
    defender_verbs: frozenset[str] = frozenset()
    opponent_verbs: frozenset[str] = frozenset()
    relation_nouns: frozenset[str] = frozenset()
    site_nouns: frozenset[str] = frozenset()
    loser_nouns: frozenset[str] = frozenset()
    loser_verbs: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=8)
def load_role_words(data_dirs: tuple[str, ...] = ()) -> RoleWords:
    data = load_yaml("roles.yaml", data_dirs) or {}
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping of word lists", item="roles.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return RoleWords(
        stance_verbs=words("stance_verbs"),
        patient_verbs=words("patient_verbs"),
        relation_verbs=words("relation_verbs"),
        place_preps=words("place_preps"),
        cause_marks=words("cause_marks"),
        event_heads=words("event_heads"),
        defender_verbs=words("defender_verbs"),
        opponent_verbs=words("opponent_verbs"),
        relation_nouns=words("relation_nouns"),
        site_nouns=words("site_nouns"),
        loser_nouns=words("loser_nouns"),
        loser_verbs=words("loser_verbs"),
    )


@dataclass
class Roles:
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    object_kind: str | None = None  # "place" | "person" | None
    method: str = "none"  # "parse" | "order" | "none"
    # mentions the parse showed to be no agent of the trigger (the subject of "condemned the
    # bombing"): word order must not make them actor1 either
    not_agents: tuple[ActorMention, ...] = ()
    # whose site the event struck ("near a checkpoint manned by rebels"): the side acted on when
    # word order finds no better one
    site_owners: tuple[ActorMention, ...] = ()


class _Index:
    """Maps parse tokens to actor and place mentions (sentence-relative offsets)."""

    def __init__(
        self,
        parse: Any,
        base: int,
        actors: list[ActorMention],
        places: list[PlaceMention],
        words: RoleWords | None = None,
        states: list[ActorMention] | None = None,
    ):
        self.words = words or RoleWords()
        self.not_agents: list[ActorMention] = []  # left out of an agent phrase by agent_in
        self.actor_tokens: list[tuple[set[int], ActorMention]] = []
        # countries named as who acts ("Turkey shelled ...", "air strikes by Russia"): agents only,
        # never a target ("strikes on Syria" names a place)
        self.state_tokens: list[tuple[set[int], ActorMention]] = []
        self.place_tokens: set[int] = set()
        # token character spans once: creating spaCy Token objects per mention is the slow part
        spans = [(t.i, t.idx, t.idx + len(t.text)) for t in parse]
        for pool, mentions in ((self.actor_tokens, actors), (self.state_tokens, states or [])):
            for a in mentions:
                lo, hi = a.start - base, a.end - base
                toks = {i for i, s, e in spans if s < hi and e > lo}
                if toks:
                    pool.append((toks, a))
        for p in places:
            lo, hi = p.start - base, p.end - base
            self.place_tokens |= {i for i, s, e in spans if s < hi and e > lo}

    def agent_in(self, tok: Any) -> ActorMention | None:
        """The actor who acts in a subject or "by" phrase: as ``actor_in``, but not inside a
        phrase of place or target ("a blast near the headquarters of X", "an air strike on IS
        positions") nor the object of a verb inside the phrase ("the blast which wiped out X's
        meeting", "a bomber targeting X"; "a bomb planted by IS" keeps IS), and never an actor
        named as holding a place."""
        stack = [tok]
        blocked: set[int] = set()
        while stack:
            t = stack.pop()
            for c in t.children:
                acted_on = t.pos_ in _VERBAL and c.dep_ in ("dobj", "dative", *_PASS_SUBJ)
                if acted_on or (c.dep_ == "prep" and c.lower_ in self.words.place_preps):
                    blocked |= {x.i for x in c.subtree}
                else:
                    stack.append(c)
        # the closest of actors and countries: "strikes by regime ally Russia" is Russia acting
        pool = self.actor_tokens + self.state_tokens if self.state_tokens else None
        found = self.actor_in(tok, exclude=blocked, pool=pool)
        if found is None and tok.lemma_.lower() in self.words.relation_nouns:
            # "strikes by regime ally Russia": the name in apposition right after the relation
            # noun is the agent, wherever the parser hung it
            found = next(
                (a for toks, a in self.actor_tokens + self.state_tokens if min(toks) == tok.i + 1), None
            )
        self.not_agents += [a for toks, a in self.actor_tokens if toks & blocked]
        return None if found is None or found.territory else found

    def state_in(self, tok: Any, exclude: set[int] | None = None) -> ActorMention | None:
        """A country named in tok's subtree, standing for its forces (closest to tok)."""
        return self.actor_in(tok, exclude, self.state_tokens) if self.state_tokens else None

    def actor_in(
        self,
        tok: Any,
        exclude: set[int] | None = None,
        pool: list[tuple[set[int], ActorMention]] | None = None,
    ) -> ActorMention | None:
        """The actor mention in tok's subtree closest to tok (in tree distance)."""
        sub = _subtree_depths(tok)
        best: tuple[int, int, ActorMention] | None = None
        for toks, a in self.actor_tokens if pool is None else pool:
            hit = toks & sub.keys()
            if not hit or (exclude and toks & exclude):
                continue
            d = min(sub[i] for i in hit)
            key = (d, min(hit), a)
            if best is None or key[:2] < best[:2]:
                best = key
        return best[2] if best else None

    def mentions_under(self, tok: Any) -> list[ActorMention]:
        """Every actor mention with a token in tok's subtree."""
        sub = {t.i for t in tok.subtree}
        return [a for toks, a in self.actor_tokens if toks & sub]

    def tokens_of(self, mention: ActorMention | None) -> set[int]:
        for toks, a in self.actor_tokens:
            if a is mention:
                return toks
        return set()


def _subtree_depths(root: Any) -> dict[int, int]:
    """Token index -> distance from ``root`` in the dependency tree, for root's subtree (one walk)."""
    out = {root.i: 0}
    stack = [root]
    while stack:
        t = stack.pop()
        d = out[t.i] + 1
        for c in t.children:
            if c.i not in out:
                out[c.i] = d
                stack.append(c)
    return out


# "seized control of the town", "gained ground in": the real object is inside the phrase
_LIGHT_OBJECTS = frozenset(
    {"control", "ground", "possession", "charge", "hold", "grip", "part", "parts", "most"}
)


def _object_kind(tok: Any, idx: _Index, place_nouns: frozenset[str], taking: bool = False) -> str | None:
    """"place" or "person": what ``tok`` names as what a verb acts on (``taking``: the verb is one
    of taking a place, ``loser_verbs``)."""
    if tok.lemma_.lower() in _LIGHT_OBJECTS and tok.lemma_.lower() != "control":
        inner = [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        if inner:
            return _object_kind(inner[0], idx, place_nouns, taking)
        return "place" if tok.lemma_.lower() in ("control", "ground") else None
    if tok.lemma_.lower() == "control":
        return "place"  # "seized control of the border crossing" is territory whatever follows
    if tok.lemma_.lower() == "way" and tok.dep_ in _OBJ:
        # "pushed their way into the enclave": the place is the verb's "into" phrase
        into = [p for c in tok.head.children if c.dep_ == "prep" and c.lower_ in ("into", "to", "through")
                for p in c.children if p.dep_ == "pobj"]
        return _object_kind(into[0], idx, place_nouns, taking) if into else None
    # the object's own words: its head and name parts, and "the village of X" (not every
    # toponym in its subtree: "the editor of Turkey's newspaper" is a person)
    own = {tok.i} | {c.i for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "appos")}
    own |= {p.i for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children}
    if own & idx.place_tokens or tok.lemma_.lower() in place_nouns or tok.lower_ in place_nouns:
        return "place"
    compounds = [c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1]
    two_words = f"{compounds[0].lower_} {tok.lower_}" if compounds else ""
    if (tok.dep_ in _PASS_SUBJ or taking) and two_words in place_nouns:
        # "the border post was seized", "seized a police post": a place noun of two words as what
        # was taken (as the object of another verb, "stormed a police post" is an assault, told by
        # the other rules)
        return "place"
    if tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return "place"
    if idx.actor_in(tok) is not None or tok.ent_type_ in ("PERSON", "NORP") or tok.pos_ in ("PRON", "NUM"):
        return "person"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "person" if tok.lemma_.lower() not in place_nouns else "place"
    return None


# where a noun phrase stands, and what only a noun takes: a trigger tagged as a verb there is a
# noun the tagger misread ("killed in Russian and Assad regime airstrikes on Aleppo": "airstrikes"
# as VERB, with "regime" as its compound)
_NOMINAL_DEPS = ("pobj", "dobj", "nsubj", "nsubjpass")
_NOUN_MODIFIERS = ("amod", "compound", "det", "nummod", "poss")


def _verbal(tok: Any) -> bool:
    """The trigger acts as a verb: tagged so, and not a noun phrase's head misread (a word in a
    noun's place or with a noun's modifiers, and with no subject or object of its own)."""
    if tok.pos_ not in _VERBAL:
        return False
    deps = {c.dep_ for c in tok.children}
    if deps & {"dobj", "nsubj", "nsubjpass", "auxpass", "aux"}:
        return True
    return not (tok.dep_ in _NOMINAL_DEPS or deps & set(_NOUN_MODIFIERS))


def _verb_roles(v: Any, idx: _Index, roles: Roles, place_nouns: frozenset[str]) -> None:
    _own_verb_roles(v, idx, roles, place_nouns)
    if roles.actor2 is None and roles.object_kind is None:
        # "killed and wounded scores of fighters": coordinated verbs share the object
        for conj in v.children:
            if conj.dep_ == "conj" and conj.pos_ in _VERBAL:
                shared = Roles()
                _own_verb_roles(conj, idx, shared, place_nouns)
                roles.actor2, roles.object_kind = shared.actor2, shared.object_kind
                break


def _bare(v: Any) -> bool:
    """A verb with neither subject nor object ("shelling from Houthi positions killed ...")."""
    return not any(o.dep_ in (*_SUBJ, "dobj") for o in v.children)


def _opponent_in_subject(v: Any, idx: _Index, actor1: ActorMention) -> ActorMention | None:
    """"The army and IS fighters clashed": a verb of fighting whose subject coordinates two
    actors has them on opposite sides; the one joined to actor1 is actor2."""
    for c in v.children:
        if c.dep_ not in _SUBJ:
            continue
        stack = [c]
        while stack:
            t = stack.pop()
            for conj in (x for x in t.children if x.dep_ == "conj"):
                found = idx.actor_in(conj)
                if found is not None and found.actor != actor1.actor and not found.territory:
                    return found
                stack.append(conj)
    return None


def _own_verb_roles(v: Any, idx: _Index, roles: Roles, place_nouns: frozenset[str]) -> None:
    patient = v.lemma_.lower() in idx.words.patient_verbs
    for c in v.children:
        if c.dep_ in _SUBJ and patient:
            # "25 fighters died in the blast": who died is acted upon, as the dead of a toll are
            roles.actor2 = roles.actor2 or idx.actor_in(c)
        elif c.dep_ in _SUBJ and roles.actor1 is None:
            roles.actor1 = idx.agent_in(c)
        elif c.dep_ in _PASS_SUBJ:
            if roles.actor2 is None:
                roles.actor2 = idx.actor_in(c)
            roles.object_kind = roles.object_kind or _object_kind(c, idx, place_nouns)
        elif c.dep_ == "agent":
            for p in c.children:
                if roles.actor1 is None:
                    roles.actor1 = idx.agent_in(p)
        elif c.dep_ in _OBJ:
            if roles.actor2 is None:
                roles.actor2 = idx.actor_in(c)
            taking = v.lemma_.lower() in idx.words.loser_verbs
            roles.object_kind = roles.object_kind or _object_kind(c, idx, place_nouns, taking)
        elif c.dep_ == "prep" and c.lower_ == "at" and any(p.lower_ == "hands" for p in c.children):
            # "were killed at the hands of Boko Haram fighters": the agent, as with "by"
            for p in (p for p in c.children if p.lower_ == "hands"):
                roles.actor1 = roles.actor1 or idx.agent_in(p)
        elif c.dep_ == "prep" and c.lower_ == "by" and v.tag_ == "VBG" and _bare(v) and roles.actor1 is None:
            # a gerund with no subject or object is the noun the tagger misread ("killed in mortar
            # shelling by ISIS militants"): its "by" phrase is the agent, as a noun's is
            for p in c.children:
                roles.actor1 = roles.actor1 or idx.agent_in(p)
        elif c.dep_ == "prep" and c.lower_ == "with" and v.lemma_.lower() in idx.words.opponent_verbs:
            # "clashed with rebels", "exchanged fire with troops": the other side
            for p in c.children:
                roles.actor2 = roles.actor2 or idx.actor_in(p)
        elif c.dep_ == "prep" and c.lower_ in _TARGET_PREPS and roles.actor2 is None:
            for p in c.children:
                roles.actor2 = idx.actor_in(p)
        elif c.dep_ == "prep" and c.lower_ == "to" and v.lemma_ == "fall":
            # "the town fell to the rebels": the rebels take it
            for p in c.children:
                roles.actor1 = idx.actor_in(p) or roles.actor1
        elif (c.dep_ == "prep" and c.lower_ == "from" and _bare(v)
              and v.lemma_.lower() not in idx.words.loser_verbs):
            # no subject, no object: where the fire came from ("shelling from Houthi positions")
            for p in c.children:
                roles.actor1 = roles.actor1 or idx.agent_in(p)
        elif c.dep_ == "prep" and c.lower_ == "from":
            # "recaptured the village from the SAA", "withdrew from Taliban-held areas"
            for p in c.children:
                roles.actor2 = roles.actor2 or idx.actor_in(p)
    if (roles.actor1 is None and v.dep_ == "acl" and v.tag_ == "VBD" and v.head.dep_ == "ROOT"
            and v.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "dobj" for c in v.children)):
        # the parser read the sentence as a noun with a relative clause ("ADF rebels hacked to
        # death 14 villagers": "rebels" the root, "hacked" its modifier); a past-tense verb with
        # an object of its own is active, so the noun is who acted
        roles.actor1 = idx.agent_in(v.head)
    if v.lemma_ == "fall" and roles.object_kind is None and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in v.children
    ):
        # "the district fell to government forces": what fell is what was taken
        for c in (c for c in v.children if c.dep_ in _SUBJ):
            roles.object_kind = _object_kind(c, idx, place_nouns)
    if roles.actor1 is not None and roles.actor2 is None and v.lemma_.lower() in idx.words.opponent_verbs:
        roles.actor2 = _opponent_in_subject(v, idx, roles.actor1)


def _cause_agent(v: Any, idx: _Index) -> ActorMention | None:
    """Who acts in a clause that tells how the dead of an agentless verb died ("twelve killed in
    Idlib as regime jets pounded the town", "three soldiers died when militants stormed the post"):
    the clause's subject, when the verb itself has no acting subject (passive, participle, or a
    verb whose subject undergoes it)."""
    if v.lemma_.lower() not in idx.words.patient_verbs and any(c.dep_ in _SUBJ for c in v.children):
        return None
    for c in v.children:
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        if c.dep_ != "advcl" or not marks & idx.words.cause_marks:
            continue
        for subj in (s for s in c.children if s.dep_ in _SUBJ):
            a = idx.agent_in(subj)
            if a is not None and a.inter not in (6, 7):
                return a
    return None


def _noun_roles(n: Any, idx: _Index, roles: Roles) -> None:
    for c in n.children:
        if c.dep_ in _MODIFIERS and roles.actor1 is None:
            # "Turkey's shelling of ..." (a country's own act), not "Syria's Idlib province"
            roles.actor1 = idx.actor_in(c) or (idx.state_in(c) if c.dep_ == "poss" else None)
        elif c.dep_ == "acl" and roles.actor1 is None:
            # "a bomb planted by Taliban fighters", "air strikes carried out by the coalition"
            for agent in (g for g in c.children if g.dep_ == "agent"):
                for p in agent.children:
                    roles.actor1 = roles.actor1 or idx.agent_in(p)
        elif c.dep_ == "prep":
            objs = [p for p in c.children if p.dep_ == "pobj"]
            for p in objs:
                # "air strikes by Russian jets", "shelling from regime positions"
                if c.lower_ == "from" and n.lemma_.lower() in idx.words.loser_nouns:
                    # "the liberation of the city from the jihadists": who lost it
                    roles.actor2 = roles.actor2 or idx.actor_in(p)
                elif c.lower_ in ("by", "from") and roles.actor1 is None:
                    roles.actor1 = idx.agent_in(p)
                elif c.lower_ in (*_TARGET_PREPS, "with") and roles.actor2 is None:
                    roles.actor2 = idx.actor_in(p)
                elif c.lower_ == "between":
                    first = idx.actor_in(p)
                    roles.actor1 = roles.actor1 or first
                    for conj in p.conjuncts:
                        other = idx.actor_in(conj, exclude=idx.tokens_of(first))
                        if other is not None and roles.actor2 is None:
                            roles.actor2 = other


# how a reported clause hangs from its verb of saying
_REPORTED = ("ccomp", "xcomp", "dobj", "conj", "parataxis")


# "the SDF said they were battling IS": the speaker reports its own action
_SELF_PRONOUNS = frozenset({"they", "it", "we", "he", "she", "i"})


def _self_report(clause: Any) -> bool:
    """The reported clause's subject is a pronoun, so the speaker is its agent."""
    return any(c.dep_ in _SUBJ and c.lower_ in _SELF_PRONOUNS for c in clause.children)


def roles_from_parse(
    parse: Any,
    base: int,
    rel_start: int,
    rel_end: int,
    actors: list[ActorMention],
    places: list[PlaceMention],
    place_nouns: frozenset[str],
    reporting_verbs: frozenset[str] | set[str] = frozenset(),
    words: RoleWords | None = None,
    states: list[ActorMention] | None = None,
) -> Roles:
    """Roles from the dependency parse.  ``reporting_verbs``: the climb to governing verbs stops
    at a verb of saying, so the speaker ("police said two women were raped") is no actor; it
    stops at a verb of stance too ("the opposition condemned the bombing": ``words``, from
    data/roles.yaml), and takes nothing from a participle that ties a noun to an actor ("rebels
    backed by X amid shelling").  ``states``: countries named in the sentence as their forces, taken
    only as an agent (subject, "by" phrase, possessive: "Turkey shelled", "Russia's air strikes")."""
    roles = Roles(method="parse")
    tok = trigger_token(parse, rel_start, rel_end)
    if tok is None:
        return roles
    words = words if words is not None else load_role_words()
    idx = _Index(parse, base, actors, places, words, states)
    # the trigger is itself part of an actor phrase ("warplanes bombed", "coalition airstrikes")
    roles.actor1 = next((a for toks, a in idx.actor_tokens if tok.i in toks), None)
    if _verbal(tok):
        _verb_roles(tok, idx, roles, place_nouns)
        if roles.actor1 is None:
            roles.actor1 = _cause_agent(tok, idx)
    else:
        _noun_roles(tok, idx, roles)
        if roles.actor1 is None and tok.i > 0:
            # "the coalitions airstrikes" (apostrophe lost), read as "coalitions" with "airstrikes"
            # in apposition: an actor right before the noun and linked to it is its modifier
            prev = parse[tok.i - 1]
            if prev.head.i == tok.i or tok.head.i == prev.i:
                roles.actor1 = next(
                    (a for toks, a in idx.actor_tokens if max(toks) == prev.i and not a.territory), None
                )
    # climb to governing verbs: "killed seven fighters in an attack", "conducted airstrikes",
    # "airstrikes targeted IS hideouts", "killing 6 civilians" (advcl of "pounded")
    node = tok
    for _ in range(3):
        if roles.actor1 is not None and roles.actor2 is not None:
            break
        head = node.head
        if head.i == node.i:  # spaCy makes a new Token object per access: compare indexes
            break
        prep = head
        if node.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
            head = head.head
        if head.pos_ not in _VERBAL:
            if node.dep_ in ("conj", "appos"):
                node = head
                continue
            if node.dep_ == "pobj" and prep.lower_ == "of" and head.lemma_.lower() in words.event_heads:
                # "the use of chemical weapons by the regime", "a wave of air strikes on IS positions":
                # the noun that carries the trigger carries its roles
                sub = Roles()
                _noun_roles(head, idx, sub)
                roles.actor1 = roles.actor1 or sub.actor1
                if roles.actor2 is None and sub.actor2 is not roles.actor1:
                    roles.actor2 = sub.actor2
                node = head
                continue
            break
        if head.lemma_.lower() in reporting_verbs and node.dep_ in _REPORTED and not _self_report(node):
            break
        if head.lemma_.lower() in words.stance_verbs and node.dep_ not in ("advcl", "conj", *_SUBJ):
            # "the opposition condemned the bombing": the subject only reacts to it
            subjects = [c for c in head.children if c.dep_ in _SUBJ]
            roles.not_agents = tuple(a for c in subjects for a in idx.mentions_under(c))
            break
        if head.lemma_.lower() in words.defender_verbs and node.dep_ == "dobj":
            # "troops repelled a series of attacks": the subject is the side attacked
            subjects = [c for c in head.children if c.dep_ in _SUBJ]
            defender = next((a for c in subjects if (a := idx.agent_in(c)) is not None), None)
            if roles.actor2 is None and defender is not None and defender is not roles.actor1:
                roles.actor2 = defender
            roles.not_agents = (*roles.not_agents, *(a for c in subjects for a in idx.mentions_under(c)))
            break
        if head.dep_ in ("acl", "amod") and head.lemma_.lower() in words.relation_verbs:
            # "rebels backed by X amid bombardment": X is tied to the rebels, not the event
            idx.not_agents += [a for a in idx.mentions_under(head) if tok.i not in idx.tokens_of(a)]
            break
        sub = Roles()
        _verb_roles(head, idx, sub, place_nouns)
        was_subject = node.dep_ in (*_SUBJ, *_PASS_SUBJ)
        if roles.actor1 is None and not was_subject:
            roles.actor1 = sub.actor1
        if roles.actor2 is None and sub.actor2 is not None and sub.actor2 is not roles.actor1:
            roles.actor2 = sub.actor2
        if roles.object_kind is None and was_subject:
            roles.object_kind = sub.object_kind
        if node.dep_ not in ("advcl", "xcomp", "conj", "pobj", "dobj", "ccomp", *_SUBJ):
            break
        node = head
    owners = tuple(a for a in _site_owners(parse, idx) if a is not roles.actor1 and a is not roles.actor2)
    roles.site_owners = owners
    roles.not_agents = (
        *roles.not_agents,
        *(a for a in idx.not_agents if a is not roles.actor2),
        *owners,
    )
    if roles.actor1 is not None and roles.actor1.territory:
        # "the IS-held town was shelled": who holds the place is on the receiving end
        roles.actor2, roles.actor1 = roles.actor2 or roles.actor1, None
    if roles.actor2 is not None and roles.actor1 is not None and roles.actor2.actor == roles.actor1.actor:
        roles.actor2 = None
    return roles


def _site_owners(parse: Any, idx: _Index) -> list[ActorMention]:
    """Actor mentions that only qualify a site noun outside them ("near a police station", "an
    army checkpoint", "the regime's base", "a checkpoint manned by rebels"): whose site it is, no
    agent (``site_nouns``)."""
    out = []
    for toks, a in idx.actor_tokens:
        for i in toks:
            tok = parse[i]
            if tok.head.i in toks:
                continue
            if tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.lower_ in idx.words.site_nouns:
                out.append(a)
                break
            # the agent of a participle or clause on the site ("near a checkpoint manned by
            # Turkish-backed rebels", "a base that is run by the militia")
            verb = tok.head.head
            if (
                tok.dep_ == "pobj"
                and tok.head.dep_ == "agent"
                and verb.dep_ in ("acl", "relcl")
                and verb.head.lower_ in idx.words.site_nouns
            ):
                out.append(a)
                break
    return out


# an actor named as the agent of a passive or a noun ("... during a bombardment by government
# forces", "at the hands of IS"): it acts, even after the trigger
_AGENT_BEFORE = re.compile(r"(?:\bby|\bat\s+the\s+hands\s+of)\s+(?:the\s+)?$", re.IGNORECASE)


def roles_by_order(trigger_start: int, actors: list[ActorMention], text: str | None = None) -> Roles:
    """Fallback: the nearest actor before the trigger acts, the nearest after is acted on; an actor
    after the trigger that ``text`` shows as a "by" agent acts when none before does."""
    # an actor phrase that holds the trigger ("Russian warplanes", "coalition airstrikes") acts
    before = [a for a in actors if a.start < trigger_start or a.start <= trigger_start < a.end]
    after = [a for a in actors if a.start > trigger_start and a not in before]
    # who holds a place ("in the rebel-held town") does not act by word order
    before = [a for a in before if not a.territory]
    roles = Roles(method="order")
    roles.actor1 = before[-1] if before else None
    if roles.actor1 is None and text is not None:
        agents = [
            a
            for a in after
            if not a.territory
            and a.inter not in (6, 7)
            and _AGENT_BEFORE.search(text, max(0, a.start - 25), a.start)
        ]
        if agents:
            roles.actor1 = agents[0]
            after = [a for a in after if a is not agents[0]]
    for a in after:
        if roles.actor1 is None or a.actor != roles.actor1.actor:
            roles.actor2 = a
            break
    return roles


def victims_acted_on(roles: Roles, victims: list[tuple[int, int]]) -> None:
    """An actor named among the dead of a reported toll ("25 Nusra fighters were killed when a
    bomb exploded", "killed 28 IS militants") is acted upon: never actor1, and it is actor2; the
    actor the roles had as acted upon ("14 civilians were killed by airstrikes carried out by the
    coalition", by word order) is then the one acting, unless it is among the dead or civilians."""
    a1, a2 = roles.actor1, roles.actor2
    if a1 is None or not any(s <= a1.start < e for s, e in victims):
        return
    acting = a2 is not None and a2.inter != 7 and not any(s <= a2.start < e for s, e in victims)
    roles.actor1, roles.actor2 = (a2 if acting else None), a1


def other_side(
    roles: Roles,
    trigger_start: int,
    actors: list[ActorMention],
    armed: frozenset[int],
    victims: list[tuple[int, int]] | None = None,
) -> ActorMention | None:
    """A battle with one known side (actor2, armed) and no actor1: the other armed actor the
    sentence names ("40 insurgents were killed as YPG forces advanced", "346 IS fighters were
    killed and more than 170 government troops died"), nearest to the trigger; None when there
    is none (no guessing). Both sides may have lost people: a side named among the dead counts,
    but not a word of actor2's own phrase ("50 Syrian army troops") nor the same state's forces."""
    a2 = roles.actor2
    if roles.actor1 is not None or a2 is None or a2.inter not in armed:
        return None
    own = [(s, e) for s, e in victims or [] if s <= a2.start < e]

    def same_side(a: ActorMention) -> bool:
        if a.actor == a2.actor or (a.start < a2.end and a2.start < a.end):
            return True
        if any(s <= a.start < e for s, e in own):
            return True
        return a.inter == a2.inter == 1 and a.country is not None and a.country == a2.country

    others = [a for a in actors if a.inter in armed and not a.territory and not same_side(a)]
    return min(others, key=lambda a: abs(a.start - trigger_start), default=None)
