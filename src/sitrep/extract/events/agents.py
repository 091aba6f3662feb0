"""Article-level agents: who carried out an attack whose own sentence names no one.

An ACLED coder reads the whole article.  When the sentence of an air strike, a shelling or a
bombing names no perpetrator ("air raids hit the town of X, killing 12"), but the same article
names one for that kind of attack elsewhere ("Regime jets kill 12 in X", "the coalition said it
carried out strikes on X", "Nusra Front claimed responsibility for the bombing"), the event takes
that actor, with provenance pointing at the other sentence.  Only what the article says, and only
when it is unambiguous: exactly one actor named for that kind of attack (two air forces named:
nothing is lent).  Which kinds of attack and which mentions count: ``article_agents`` in
data/roles.yaml.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from sitrep.datafiles import load_yaml
from sitrep.errors import DataFileError
from sitrep.extract.actors.dictionary import ActorDictionary
from sitrep.extract.events.associates import AssociateWords, associates
from sitrep.extract.events.build import Draft, fill_actors, set_interaction
from sitrep.extract.events.roles import Roles
from sitrep.records import ActorMention, Document

# how a source mention's actor1 must have been found: from the parse or an aircraft noun, not by
# mere word order, nor lent itself (no chains)
_SOURCE_METHODS = frozenset({"parse", "agent named with aircraft"})

NOTE = "named for the same kind of attack elsewhere in the article"


@dataclass(frozen=True)
class ArticleAgents:
    """``article_agents`` of data/roles.yaml."""

    kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    modalities: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=8)
def load_article_agents(data_dirs: tuple[str, ...] = ()) -> ArticleAgents:
    data = load_yaml("roles.yaml", data_dirs) or {}
    raw = data.get("article_agents") if isinstance(data, dict) else None
    if raw is None:
        return ArticleAgents()
    if not isinstance(raw, dict) or not isinstance(raw.get("kinds") or {}, dict):
        raise DataFileError(
            "article_agents: expected a mapping with 'kinds' and 'modalities'", item="roles.yaml"
        )
    kinds = {str(k): frozenset(str(s) for s in v or [k]) for k, v in (raw.get("kinds") or {}).items()}
    return ArticleAgents(kinds=kinds, modalities=frozenset(str(m) for m in raw.get("modalities") or []))


def _named_agent(d: Draft, kinds: frozenset[str], modalities: frozenset[str]) -> ActorMention | None:
    """The actor a draft names as the perpetrator of an attack of one of ``kinds`` (by any method)."""
    if d.sub.name not in kinds or d.event.modality not in modalities:
        return None
    roles = d.extra.get("roles")
    a1 = roles.actor1 if isinstance(roles, Roles) else None
    if a1 is None or d.event.actor1 is None or a1.inter in (6, 7) or a1.territory:
        return None
    return a1


# "also" before the trigger's verb: the same kind of thing again ("shells also hit the nearby
# villages"); a clause break in between ends it
_ALSO = re.compile(r"\balso\b[^,;.]{0,40}$", re.IGNORECASE)
_ALSO_AFTER = re.compile(r"[^,;.]{0,40}?\balso\b", re.IGNORECASE)


def _also_after(
    d: Draft, sources: list[Draft], kinds: frozenset[str], modalities: frozenset[str], doc: Document
) -> Draft | None:
    """The draft with a named perpetrator of the same kind told last before ``d``, when ``d``'s
    trigger follows an "also" in its clause."""
    ev = d.event.evidence[0] if d.event.evidence else None
    if ev is None or ev.start is None or ev.end is None or ev.sentence_index is None:
        return None
    sent = doc.sentences[ev.sentence_index]
    if not (_ALSO.search(doc.text, sent.start, ev.start) or _ALSO_AFTER.match(doc.text, ev.end, sent.end)):
        return None
    at = ev.sentence_index
    before = [
        s
        for s in sources
        if s is not d
        and _named_agent(s, kinds, modalities) is not None
        and any(e.sentence_index is not None and e.sentence_index < at for e in s.event.evidence)
    ]
    return max(before, key=lambda s: min(e.start or 0 for e in s.event.evidence), default=None)


def _co_agents(a1: ActorMention, doc: Document, actors: ActorDictionary, words: AssociateWords) -> list[str]:
    """Keys of the other actors named with ``a1`` on its side ("Syrian and Russian warplanes",
    "regime forces and Russian jets"): each counts as another actor named for the attack."""
    found = associates(a1, [], doc, actors, words, acting=True)
    return [f"{a.actor}|{a.country}" for a in found]


def lend_article_agents(
    targets: list[Draft],
    sources: list[Draft],
    doc: Document,
    actors: ActorDictionary,
    rules: ArticleAgents,
    words: AssociateWords,
) -> None:
    """Give each target draft without actor1 the one actor the article names (in ``sources``,
    kept and discarded drafts alike) for the same kind of attack; none when two or more are named
    or the only one is the draft's own target."""
    for d in targets:
        kinds = rules.kinds.get(d.sub.name)
        roles = d.extra.get("roles")
        if kinds is None or d.event.actor1 is not None or not isinstance(roles, Roles):
            continue
        # every actor named for that kind of attack counts against ambiguity, however it was found;
        # the one lent must have been found by the parse (or an aircraft noun), not by word order
        named: dict[str, list[ActorMention]] = {}
        for s in sources:
            a1 = _named_agent(s, kinds, rules.modalities) if s is not d else None
            if a1 is not None and s.event.actor1 is not None:
                named.setdefault(s.event.actor1, [])
                if s.roles_method in _SOURCE_METHODS:
                    named[s.event.actor1].append(a1)
                # "Syrian and Russian warplanes", "regime forces and Russian jets": both act
                for other in _co_agents(a1, doc, actors, words):
                    named.setdefault(other, [])
        if len(named) > 1:
            # "artillery and rocket fire also hit the nearby villages": the same hands as the
            # attack of that kind told just before
            prior = _also_after(d, sources, kinds, rules.modalities, doc)
            if prior is not None and prior.event.actor1 is not None:
                named = {prior.event.actor1: named.get(prior.event.actor1, [])}
        if len(named) != 1:
            continue
        ((name, found),) = named.items()
        if not found or (d.event.actor2 is not None and d.event.actor2 == name):
            continue
        mention = found[0]
        lent = Roles(
            actor1=mention,
            actor2=roles.actor2,
            object_kind=roles.object_kind,
            method=NOTE,
            not_agents=roles.not_agents,
        )
        fill_actors(d, doc, lent, actors, words)
        set_interaction(d.event, doc)
        d.extra["roles"] = lent
