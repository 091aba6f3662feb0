"""Component "events": ACLED-coded events with modality and provenance.

Per sentence: trigger phrases (data/event_triggers.yaml) make candidates; only
sentences with a candidate are dependency-parsed, to find who did what to whom;
modality cues (data/modality.yaml) and the event's time expression decide whether
the candidate is a current, asserted event (doc.events) or is kept for review in
doc.discarded.  Candidates of one real-world event are merged (docs/EVENTS.md).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import replace
from typing import Any

from sitrep.extract.actors.dictionary import ActorDictionary, ActorEntry, load_dictionary
from sitrep.extract.events import fields as F
from sitrep.extract.events.agents import lend_article_agents, load_article_agents
from sitrep.extract.events.associates import AssociateWords, load_associate_words
from sitrep.extract.events.build import (
    Draft,
    event_id,
    evidence,
    fill_actors,
    object_kind_by_text,
    resolve_sub_type,
    set_date,
    set_fatalities,
    set_interaction,
    set_modality,
    set_place,
)
from sitrep.extract.events.lexicon import Lexicon, ModalityRules, load_lexicon, load_modality
from sitrep.extract.events.merge import (
    add_conflicting_toll,
    finalize,
    fold_headline,
    inherit_dates,
    load_merge_rules,
    merge_drafts,
    same_place,
    take_place_within,
)
from sitrep.extract.events.modality import (
    ModalityResult,
    anaphoric,
    background_setting,
    classify,
    historical,
    long_running,
    presupposed,
    trigger_token,
)
from sitrep.extract.events.roles import (
    Roles,
    RoleWords,
    load_role_words,
    other_side,
    roles_by_order,
    roles_from_parse,
    victims_acted_on,
)
from sitrep.extract.events.triggers import (
    ARMED_INTER,
    Candidate,
    TriggerHit,
    conflict_context,
    find_hits,
    group_candidates,
    is_protest,
    non_conflict_story,
    select,
)
from sitrep.options import Options
from sitrep.records import (
    MODALITY_ASSERTED,
    MODALITY_ATTRIBUTED,
    MODALITY_HISTORICAL,
    ActorMention,
    Document,
    Event,
    Evidence,
    PlaceMention,
    Sentence,
    TimeExpression,
)
from sitrep.registry import component

__all__ = ["extract_events", "load_lexicon", "load_modality"]

log = logging.getLogger(__name__)

# sentences that set an article's story (a disaster, a crime): the lead, often a title and its first line
LEAD_SENTENCES = 2


def _parse(doc: Document, sent: Sentence) -> Any:
    """The sentence's shared, cached parse (acronyms masked by the actors component)."""
    if doc.parser is None:
        return None
    try:
        return doc.parse(sent.index)
    except Exception as exc:  # a parser failure must not lose the article's other events
        log.warning("parse failed for %s sentence %d: %s", doc.article.id, sent.index, exc)
        return None


class _Context:
    def __init__(self, doc: Document, options: Options):
        dd = options.data_dirs
        self.doc = doc
        self.lex: Lexicon = load_lexicon(dd)
        self.rules: ModalityRules = load_modality(dd)
        self.actors: ActorDictionary = load_dictionary(dd)
        self.role_words: RoleWords = load_role_words(dd)
        self.associate_words: AssociateWords = load_associate_words(dd)
        self.article_agents = load_article_agents(dd)
        self.merge_rules = replace(
            load_merge_rules(dd),
            vague={e.name: frozenset(e.refers_to) for e in self.actors.entries.values() if e.descriptor},
        )
        self.places: list[PlaceMention] = F.usable_places(doc)
        self.breaks = F.paragraph_breaks(doc.text)
        self.by_sentence: dict[int, list[ActorMention]] = defaultdict(list)
        for a in doc.actors:
            self.by_sentence[a.sentence_index].append(a)
        # who is quoted: the words naming a claim's speaker (and its affiliation, "a source at the
        # Police Command") report the event; they are no actor of it by mere word order
        self.speaker_spans: list[tuple[int, int]] = [
            (s, e)
            for c in doc.claims
            for s, e in (
                (c.speaker_start, c.speaker_end),
                (c.speaker_mention_start, c.speaker_mention_end),
                (c.affiliation_start, c.affiliation_end),
            )
            if s is not None and e is not None
        ]

    def not_speakers(self, actors: list[ActorMention]) -> list[ActorMention]:
        return [a for a in actors if not any(s <= a.start and a.end <= e for s, e in self.speaker_spans)]


def _reporting_subjects(
    parse: Any, base: int, reporting_verbs: frozenset[str] | set[str]
) -> list[tuple[int, int]]:
    """Article spans of the subjects of verbs of saying ("Residents and rebels said the raids ..."):
    whoever tells of an event is no actor of it by mere word order (the claims component may have
    taken only part of a coordinated speaker)."""
    spans = []
    for tok in parse:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in reporting_verbs:
            left, right = tok.left_edge, tok.right_edge
            spans.append((base + left.idx, base + right.idx + len(right.text)))
    return spans


# a country after a comma qualifies the place before it ("in Gao, Mali")
_QUALIFIER_BEFORE = re.compile(r"\w,\s*$")


def _states(ctx: _Context, cand: Candidate) -> list[ActorMention]:
    """The countries named in the candidate's sentence, each as its own forces ("Turkey shelled
    Kurdish positions": Military Forces of Turkey), for a trigger of violence only: a country
    that signs, arrests or protests is its government, not its army."""
    entry = cand.entry
    subs = [entry.sub_event_type] if entry.sub_event_type else [v for _k, v in entry.mapping]
    if not all(s in ctx.lex.subtypes and ctx.lex.subtypes[s].violent for s in subs):
        return []
    out = []
    text = ctx.doc.text
    for p in ctx.doc.places:
        if p.sentence_index != cand.sentence.index or p.place is None or p.place.feature_code != "PCLI":
            continue
        if F.in_dateline(text, p.start, p.end) or _QUALIFIER_BEFORE.search(
            text, max(0, p.start - 3), p.start
        ):
            continue  # "TAIZ, Yemen —", "Gao, Mali": where the place is, not who acts
        country = p.place.country
        forces = ctx.actors.get(ctx.actors.forces_by_country.get(country or "", "Military forces"))
        if not country or forces is None:
            continue
        out.append(_entry_mention(forces, p.start, p.end, p.text, p.sentence_index, country, "country"))
    return out


def _entry_mention(
    entry: ActorEntry, start: int, end: int, text: str, sentence_index: int, country: str | None, source: str
) -> ActorMention:
    """A mention of a dictionary actor that the text names by other words (a country that acts,
    the site of forces attacked)."""
    return ActorMention(
        start=start,
        end=end,
        text=text,
        sentence_index=sentence_index,
        actor=entry.name,
        inter=entry.inter,
        group=entry.group,
        country=country,
        source=source,
    )


# how far after the trigger a site or unit noun still names what was attacked
TARGET_WINDOW = 40


def _target_forces(ctx: _Context, cand: Candidate) -> ActorMention | None:
    """The forces a site or unit noun right after the trigger names ("attacked an army post near
    Douentza": the military; `armed_target_actors` in event_triggers.yaml)."""
    hit, text = cand.first, ctx.doc.text
    window = text[hit.end : min(cand.sentence.end, hit.end + TARGET_WINDOW)]
    # the site named first after the trigger ("attacked a police station near the army base": police)
    found = [(m, name) for rx, name in ctx.lex.target_actors if (m := rx.search(window)) is not None]
    for m, name in sorted(found, key=lambda f: f[0].start()):
        entry = ctx.actors.get(name)
        if entry is not None:
            at = hit.end + m.start()
            return _entry_mention(entry, at, at + len(m.group(0)), m.group(0), cand.sentence.index, None,
                                  "dictionary")
    return None


# "in mortar shelling by ISIS militants": a "by" phrase right after the event's words (at most two
# words between, the rest of a phrase the parser split) names who did it
_BY_RIGHT_AFTER = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}?by\s+(?:the\s+)?", re.IGNORECASE)


def _by_agent_after(
    cand: Candidate, actors: list[ActorMention], text: str, acted_on: ActorMention | None
) -> ActorMention | None:
    for h in cand.hits:
        for a in actors:
            if a.start < h.end or a.territory or a.inter in (6, 7) or a is acted_on:
                continue
            if _BY_RIGHT_AFTER.fullmatch(text, h.end, a.start):
                return a
    return None


def _roles(ctx: _Context, cand: Candidate, parse: Any, actors: list[ActorMention]) -> Roles:
    sent, hit = cand.sentence, cand.first
    if parse is not None:
        sent_places = [p for p in ctx.places if p.sentence_index == sent.index]
        states = _states(ctx, cand)
        # the first word of the event that the parse ties to an actor ("called in air support
        # and helicopters struck the attackers": the strike's own verb names both sides)
        for h in cand.hits:
            roles = roles_from_parse(
                parse,
                sent.start,
                h.start - sent.start,
                h.end - sent.start,
                actors,
                sent_places,
                ctx.lex.place_nouns,
                ctx.rules.reporting_verbs,
                ctx.role_words,
                states,
            )
            if roles.actor1 is not None or roles.actor2 is not None:
                break
        if roles.actor1 is None:
            roles.actor1 = _by_agent_after(cand, actors, ctx.doc.text, roles.actor2)
        if roles.actor1 is None and roles.actor2 is None:
            reporters = _reporting_subjects(parse, sent.start, ctx.rules.reporting_verbs)
            free = [
                a
                for a in ctx.not_speakers(actors)
                if a not in roles.not_agents and not any(s <= a.start and a.end <= e for s, e in reporters)
            ]
            fallback = roles_by_order(hit.start, free, ctx.doc.text)
            fallback.object_kind = roles.object_kind
            owner = next(
                (a for a in roles.site_owners if a.start > hit.start and a.inter not in (6, 7)), None
            )
            unnamed = fallback.actor2 is None or fallback.actor2.actor.startswith("Unidentified")
            if owner is not None and unnamed:
                # "a car bomb exploded near a checkpoint manned by rebels, killing five fighters":
                # the rebels, not an unnamed group of fighters, were struck
                fallback.actor2 = owner
            return fallback
        return roles
    return roles_by_order(hit.start, ctx.not_speakers(actors), ctx.doc.text)


def _has_anchor(ctx: _Context, sent: Sentence) -> bool:
    """A place or a number in the sentence: something a parse can attach to the trigger."""
    if any(p.sentence_index == sent.index for p in ctx.places):
        return True
    return bool(ctx.lex.number_rx.search(sent.text))


def _agent(
    ctx: _Context, sub_name: str, sent: Sentence, offset: int, actor2: ActorMention | None
) -> ActorMention | None:
    """The actor named with an aircraft noun in the sentence, else in the lead (``agents`` rules)."""
    text = ctx.doc.text
    for rule in ctx.lex.agent_rules:
        if sub_name not in rule.sub_event_types:
            continue
        lead = range(min(rule.lead_sentences, len(ctx.doc.sentences)))
        for indexes in ([sent.index], [i for i in lead if i != sent.index]):
            for i in indexes:
                for a in ctx.by_sentence.get(i, []):
                    if a.inter in (6, 7) or (actor2 is not None and a.actor == actor2.actor):
                        continue  # protesters and civilians fly no raids; the target is no agent
                    if rule.ends_with.search(a.text) or rule.followed_by.match(text, a.end, a.end + 30):
                        return a
    return None


# a comma, semicolon or dash between a trigger and a time expression: another clause or an apposition
# (not the comma of a figure, "killed 3,000 people since 2014", or the colon of a clock time)
_CLAUSE_GAP = re.compile(r"(?<!\d)[,:](?!\d)|[;—–]|\s-\s")


def _war_span(ctx: _Context, sent: Sentence, trigger_start: int) -> TimeExpression | None:
    """A span of years ("since 2011") in the trigger's own clause ("the conflict has been raging
    since 2011 with troops fighting rebels", "the war since 2011 has brought 230000 deaths").  Across
    a comma it is the setting of the event, not its date ("an air strike killed five, in a war that
    has raged since 2011")."""
    days = ctx.rules.historical_days
    for t in ctx.doc.times:
        if t.sentence_index != sent.index or not long_running(t, ctx.doc.article.date, days):
            continue
        lo, hi = (t.end, trigger_start) if t.end <= trigger_start else (trigger_start, t.start)
        if _CLAUSE_GAP.search(ctx.doc.text, lo, hi):
            continue
        # "the first attack since the 2016 deal": the span measures this event against the past
        if any(rx.search(ctx.doc.text, sent.start, t.start) for rx in ctx.rules.since_yardstick):
            continue
        return t
    return None


def _modality(
    ctx: _Context, cand: Candidate, parse: Any, date: F.DateChoice, sub_name: str = ""
) -> tuple[ModalityResult, str]:
    sent, hit = cand.sentence, cand.first
    result = classify(sent.text, sent.start, hit.start - sent.start, hit.end - sent.start, ctx.rules, parse)
    if result.modality != MODALITY_ASSERTED:
        # "Under the deal, the militants will hand over ...": the deal itself was made
        if not presupposed(sub_name, sent.text, hit.start - sent.start, ctx.rules):
            return result, ""
        result = ModalityResult(MODALITY_ASSERTED)
    setting = background_setting(sub_name, sent.text, sent.start, hit.start - sent.start, ctx.rules)
    if setting is not None:
        return setting, "the setting of another event"
    art_date = ctx.doc.article.date
    span = _war_span(ctx, sent, hit.start)
    if span is not None:
        return ModalityResult(MODALITY_HISTORICAL, span.text, span.start, span.end), (
            "a span of years in the same clause: the course of a war or a cumulative toll"
        )
    before = ctx.doc.text[max(sent.start, hit.start - 60) : hit.start]
    named = F.year_modifier(before, art_date, ctx.rules.historical_days)
    if named is not None:
        s = hit.start - len(before) + named.start("y")
        year = ModalityResult(MODALITY_HISTORICAL, named.group("y"), s, s + 4)
        return year, "the event is named with its year"
    if date.time is not None and historical(date.time, art_date, ctx.rules):
        t = date.time
        return ModalityResult(MODALITY_HISTORICAL, t.text, t.start, t.end), "time expression is background"
    if date.time is None:
        background = [
            t for t in ctx.doc.times if t.sentence_index == sent.index and historical(t, art_date, ctx.rules)
        ]
        if background:
            t = background[0]
            return ModalityResult(
                MODALITY_HISTORICAL, t.text, t.start, t.end
            ), "time expression is background"
        if not any(t.sentence_index == sent.index for t in ctx.doc.times):
            m = F.background_year(sent.text, art_date, ctx.rules.historical_days)
            if m:
                s = sent.start + m.start()
                return (
                    ModalityResult(MODALITY_HISTORICAL, m.group(0), s, s + len(m.group(0))),
                    "year long before the article date",
                )
    return result, ""


# who can be the crowd of a protest met by force: rioters, protesters, civilians ("students")
_CROWD_INTER = frozenset({5, 6, 7})


def _crowd_and_force(roles: Roles, force_slot: int, actors: list[ActorMention]) -> None:
    """A crowd met by force: the state or armed actor goes in ``force_slot``, the crowd in the other,
    each the one the roles found, else the first the sentence names ("Security forces shot dead three
    protesters": Military Forces / Protesters, though the trigger is the crowd's noun)."""
    found = [m for m in (roles.actor1, roles.actor2) if m is not None]
    force = next((m for m in found if m.inter in ARMED_INTER and not m.territory), None) or next(
        (a for a in actors if a.inter in ARMED_INTER and not a.territory), None
    )
    crowd = next((m for m in found if m.inter in _CROWD_INTER), None) or next(
        (a for a in actors if a.inter in _CROWD_INTER), None
    )
    if force_slot == 1:
        roles.actor1, roles.actor2 = force, crowd
    else:
        roles.actor1, roles.actor2 = crowd, force


def _civilian_victims(
    mention: ActorMention | None, actors: ActorDictionary, victims: list[tuple[int, int]]
) -> ActorMention | None:
    """A group named among a toll's dead by a livelihood word (``victim_aliases``: "bandits killed
    five herdsmen") are civilians killed, not the armed group fighting."""
    if mention is None or not any(s <= mention.start < e for s, e in victims):
        return mention
    entry = actors.get(mention.actor)
    civilians = actors.get("Civilians")
    if entry is None or civilians is None or mention.text.lower() not in entry.victim_aliases:
        return mention
    return replace(mention, actor=civilians.name, inter=civilians.inter, group=civilians.group)


def _draft(
    ctx: _Context,
    cand: Candidate,
    parse: Any,
    actors: list[ActorMention],
    victims: list[tuple[int, int]] | None = None,
) -> Draft | None:
    doc, lex, sent, hit = ctx.doc, ctx.lex, cand.sentence, cand.first
    roles = _roles(ctx, cand, parse, actors)
    victims_acted_on(roles, victims or [])
    if cand.entry.object == "place_after":
        # "drove the militants out of the town": the object is who was expelled, the place follows
        if object_kind_by_text(doc, hit.end, lex) != "place":
            return None
    elif cand.entry.object:
        kind = roles.object_kind or object_kind_by_text(doc, hit.end, lex)
        if kind != cand.entry.object:
            return None
    if roles.actor2 is None:
        # the dead of the sentence's toll ("... carried out an air strike, killing 12 al Shabaab
        # fighters"), else victims named anywhere after the trigger ("... killing 6 civilians")
        dead = [
            a
            for a in actors
            if a is not roles.actor1
            and a.start > hit.end
            and not (roles.actor1 is not None and a.actor == roles.actor1.actor)
            and any(hit.end <= s <= a.start < e for s, e in victims or [])
        ]
        civ = [a for a in actors if a.inter == 7 and a.start > hit.start and a is not roles.actor1]
        if dead or civ:
            roles.actor2 = (dead or civ)[0]
    roles.actor2 = _civilian_victims(roles.actor2, ctx.actors, victims or [])
    sub_name = resolve_sub_type(cand, roles, lex, actors)
    if lex.subtypes[sub_name].force_actor:
        _crowd_and_force(roles, lex.subtypes[sub_name].force_actor, ctx.not_speakers(actors))
    if roles.actor2 is None and lex.subtypes[sub_name].event_type == "Battles":
        roles.actor2 = _target_forces(ctx, cand)
    if roles.actor1 is None:
        agent = _agent(ctx, sub_name, sent, hit.start, roles.actor2)
        if agent is not None:
            roles.actor1, roles.method = agent, "agent named with aircraft"
    if lex.subtypes[sub_name].event_type == "Battles":
        side = other_side(roles, hit.start, ctx.not_speakers(actors), ARMED_INTER, victims)
        if side is not None:
            roles.actor1, roles.method = side, "other side of the battle named in the sentence"
    sub = lex.subtypes[sub_name]
    aid = doc.article.id
    ev = Event(event_id=event_id(aid, sub_name, hit.start), article_ids=[aid])
    ev.event_type, ev.sub_event_type, ev.disorder_type = sub.event_type, sub.name, sub.disorder_type
    trig = [evidence(doc, h.start, h.end, "") for h in cand.hits]
    ev.evidence = trig
    for k in ("event_type", "sub_event_type", "disorder_type"):
        ev.provenance[k] = [Evidence(**{**trig[0].__dict__, "field": k, "note": f"trigger {hit.text!r}"})]
    place = F.choose_place(doc, sent, hit.start, ctx.places, ctx.breaks)
    set_place(ev, doc, place)
    date = F.choose_date(
        doc, sent, hit.start, lambda t: long_running(t, doc.article.date, ctx.rules.historical_days)
    )
    set_date(ev, doc, date)
    draft = Draft(
        event=ev,
        sub=sub,
        weight=cand.entry.weight,
        place_level=place.level if place else None,
        date_explicit=date.time is not None and date.start is not None,
        roles_method=roles.method,
    )
    fill_actors(draft, doc, roles, ctx.actors, ctx.associate_words)
    draft.extra["roles"] = roles  # for agents lent from elsewhere in the article
    # only words that tell what happened to people ("killed", "wounded", "dead"): the outcome of
    # an event, which may be one told elsewhere
    draft.extra["outcome"] = all(h.entry.caused_by is not None for h in cand.hits)
    set_interaction(ev, doc)
    ev.provenance["fatalities"] = [
        Evidence(
            aid, None, None, None, "", field="fatalities", note="no death figure reported with the event"
        )
    ]
    ev.source = doc.article.source
    ev.provenance["source"] = [
        Evidence(aid, None, None, None, ev.source or "", field="source", note="article source (outlet)")
    ]
    claim = F.find_claim(doc, hit.start, sent.index)
    if claim is not None:
        ev.claim_ids.append(claim.claim_id)
        ev.attributed_to = claim.speaker
        ev.provenance["attributed_to"] = [
            evidence(
                doc, claim.speaker_start, claim.speaker_end, "attributed_to", note=f"claim {claim.claim_id}"
            )
            if claim.speaker_start is not None
            else Evidence(
                aid, None, None, None, claim.speaker, field="attributed_to", note=f"claim {claim.claim_id}"
            )
        ]
    result, note = _modality(ctx, cand, parse, date, sub_name)
    set_modality(ev, doc, result, note)
    if anaphoric(sent.text, hit.start - sent.start, hit.end - sent.start, ctx.rules):
        draft.extra["anaphoric"] = True
        draft.extra["own_place"] = _own_place(doc, place, hit.end)
    return draft


# a place told right after a reference back is its own ("those killed in Taiz included ...")
_OWN_PLACE_GAP = re.compile(r"\s+(?:in|at|on|near|outside)\s+(?:[\w'’.-]+\s+){0,4}$", re.IGNORECASE)


def _own_place(doc: Document, place: F.PlaceChoice | None, trigger_end: int) -> bool:
    """Whether a reference back names its own place: one in its sentence, before the trigger or in
    a phrase right after it; a place further on belongs to the setting ("The shelling comes as
    government forces advance in Marib province": Marib is not where the shelling was)."""
    if place is None or place.level != "sentence":
        return False
    at = place.mention.start
    return at < trigger_end or bool(_OWN_PLACE_GAP.fullmatch(doc.text, trigger_end, at))


# between a toll and the event noun it names: "died in the fighting", "were killed during the clashes"
_TOLL_OF = re.compile(r"\s+(?:in|during|amid)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


def _asserted(draft: Any) -> bool:
    return bool(draft.event.modality == MODALITY_ASSERTED)


def _governing_support(
    sent: Sentence, parse: Any, support: list[TriggerHit], described: list[Candidate]
) -> list[TriggerHit]:
    """The generic trigger hits whose word governs every discarded specific trigger in the parse
    (the specific one sits in a clause under it)."""
    if not described:
        return []
    found = [trigger_token(parse, c.first.start - sent.start, c.first.end - sent.start) for c in described]
    toks = [t for t in found if t is not None]
    if len(toks) < len(found):
        return []
    out = []
    for h in support:
        rel_start, rel_end = h.start - sent.start, h.end - sent.start
        words = [w for w in parse if w.idx < rel_end and w.idx + len(w.text) > rel_start]
        if words and all(any(w in t.ancestors for w in words) for t in toks):
            out.append(h)
    return out


def _named_by_toll(
    built: list[tuple[Candidate, Draft]], lost: list[int], fats: list[F.Fatality], text: str
) -> dict[int, F.Fatality]:
    """Dropped violent candidates that a toll names right after its verb, with that toll."""
    out: dict[int, F.Fatality] = {}
    for f in fats:
        for j in lost:
            c, d = built[j]
            if j in out or not d.sub.violent:
                continue
            if any(0 <= h.start - f.end <= 40 and _TOLL_OF.fullmatch(text, f.end, h.start) for h in c.hits):
                out[j] = f
                break
    return out


def _assign_fatalities(winners: list[Candidate], fats: list[F.Fatality]) -> dict[int, F.Fatality]:
    """Each reported toll in a sentence part goes to the one event of that part nearest to it."""
    out: dict[int, F.Fatality] = {}
    if not winners:
        return out
    lo, hi = winners[0].segment
    for f in fats:
        if not lo <= f.start < hi:
            continue
        best = min(range(len(winners)), key=lambda i: abs(winners[i].first.start - f.start))
        if best not in out:
            out[best] = f
    return out


def _lend_tolls(ctx: _Context, kept: list[Draft], orphans: list[tuple[Sentence, F.Fatality]]) -> None:
    """A sentence that reports a toll but has no event of its own ("An airstrike hit the market
    in Saraqib. At least 12 people died.") lends it to the one violent event of the sentence
    before it (else after it) in the same paragraph, if that event has no toll of its own and
    the toll is asserted and not dated elsewhere. Two or more events there: no guess."""
    doc = ctx.doc
    for sent, fat in orphans:
        cue = classify(sent.text, sent.start, fat.start - sent.start, fat.end - sent.start, ctx.rules, None)
        if cue.modality not in (MODALITY_ASSERTED, MODALITY_ATTRIBUTED):
            continue
        dated = [t for t in doc.times if t.sentence_index == sent.index and t.date_start is not None]
        if any(historical(t, doc.article.date, ctx.rules) for t in dated):
            continue
        para = F.paragraph_of(doc, fat.start, ctx.breaks)
        for j in (sent.index - 1, sent.index + 1):
            near = [
                d
                for d in kept
                if d.event.evidence
                and d.event.evidence[0].sentence_index == j
                and F.paragraph_of(doc, d.event.evidence[0].start or 0, ctx.breaks) == para
            ]
            if not near:
                continue
            d = near[0]
            ev = d.event
            # an event dated only by the article says nothing against the toll's own date
            same_time = not dated or not d.date_explicit or any(
                ev.event_date is not None
                and t.date_start is not None
                and t.date_start <= (ev.event_date_end or ev.event_date)
                and ev.event_date <= (t.date_end or t.date_start)
                for t in dated
            )
            if len(near) == 1 and d.sub.violent and ev.fatalities is None and same_time:
                set_fatalities(d, doc, fat, note=f"reported death figure, {F.LENT_TOLL_NOTE}")
            break


def _refer_back(merged: list[Draft], anaphors: list[Draft]) -> list[Draft]:
    """A mention that refers back ("Thursday's attack comes as ...", "those killed included ...")
    is evidence of the event it refers to: among the events told before it (else after it), the
    nearest of its event type, else of a violent type, else any.  With none, it is an event."""
    out = list(merged)

    def first(m: Draft) -> int:
        return min((e.start for e in m.event.evidence if e.start is not None), default=0)

    for d in anaphors:
        at = first(d)
        target = None
        # "those killed in Aleppo included ..." refers to no event told in another named place
        own = bool(d.extra.get("own_place"))
        fits = [m for m in merged if not own or same_place(m, d)]
        for side in ([m for m in fits if first(m) < at], [m for m in fits if first(m) >= at]):
            pool = (
                [m for m in side if m.event.event_type == d.event.event_type]
                or [m for m in side if m.sub.violent]
                or side
            )
            if pool:
                target = max(pool, key=first) if side and first(side[0]) < at else min(pool, key=first)
                break
        if target is None:
            out.append(d)
            continue
        target.event.evidence.extend(d.event.evidence)
        if own:
            take_place_within(target, d)
        tev, dev = target.event, d.event
        if not target.sub.takes_fatalities:
            pass
        elif tev.fatalities is None and dev.fatalities is not None:
            tev.fatalities = dev.fatalities
            tev.provenance["fatalities"] = list(dev.provenance.get("fatalities", []))
        elif dev.fatalities is not None and dev.fatalities != tev.fatalities:
            # "an SDF spokesman confirmed the attack but gave a lower toll of five dead": both
            # figures side by side, the first stands
            add_conflicting_toll(tev, dev)
    return out


def _narrow_country(merged: list[Draft], ctx: _Context) -> None:
    """An event whose own sentence names only a country ("air strikes on a town in eastern Syria")
    takes the place the next sentence names in that country ("... carried out the strikes on
    Al-Mayadin"), when that sentence is in the same paragraph and tells no other event."""
    doc = ctx.doc
    for d in merged:
        ev = d.event
        if d.place_level != "sentence" or ev.location is None or ev.location != ev.country or ev.admin1:
            continue
        own = [e.sentence_index for e in ev.evidence if e.sentence_index is not None]
        if not own:
            continue
        nxt = max(own) + 1
        others = {e.sentence_index for o in merged if o is not d for e in o.event.evidence}
        if nxt >= len(doc.sentences) or nxt in others:
            continue
        sent, last = doc.sentences[nxt], doc.sentences[max(own)]
        if F.paragraph_of(doc, sent.start, ctx.breaks) != F.paragraph_of(doc, last.start, ctx.breaks):
            continue
        choice = F.choose_place(doc, sent, sent.start, ctx.places, ctx.breaks)
        if (
            choice is None
            or choice.level != "sentence"
            or choice.mention.place is None
            or F.is_country(choice.mention)
            or choice.mention.place.country != ev.country
        ):
            continue
        note = "toponym in the next sentence, within the country the event sentence names"
        set_place(ev, doc, replace(choice, geo_precision=max(choice.geo_precision, 2), note=note))


def _named(
    text: str,
    names: list[F.NameSpan],
    hit: TriggerHit,
    segment_start: int,
    described: tuple[tuple[int, int], ...],
    lex: Lexicon,
) -> bool:
    """The trigger is a word of a name (in a sentence of ordinary case).  A protest's own name is
    the protest ("the Great Freedom March"), so for protest triggers only actors and dates count."""
    protest = is_protest(hit.entry, lex)
    if F.in_name(text, names, hit.start, hit.end, segment_start, described, entities=not protest):
        return True
    return not protest and F.capitalised_name(
        text, hit.start, hit.end, segment_start, described, lex.weapon_names
    )


def extract_events(doc: Document, options: Options | None = None) -> tuple[list[Event], list[Event]]:
    """(kept events, discarded candidates) for one analysed Document."""
    ctx = _Context(doc, options or Options())
    kept: list[Draft] = []
    discarded: list[Draft] = []
    orphans: list[tuple[Sentence, F.Fatality]] = []
    lead = " ".join(s.text for s in doc.sentences[:LEAD_SENTENCES])
    story_context = non_conflict_story(lead, [a for v in ctx.by_sentence.values() for a in v], ctx.lex)
    grounded = conflict_context(doc.text, doc.actors, ctx.lex)
    # per sentence: its actors, its parts (candidates, the generic hits they outrank, the part's
    # span) and whether a parse is worth its cost
    Part = tuple[list[Candidate], list[TriggerHit], tuple[int, int]]
    plans: list[tuple[Sentence, list[ActorMention], list[Part], bool]] = []
    names = F.name_spans(doc)
    for sent in doc.sentences:
        actors = ctx.by_sentence.get(sent.index, [])
        parts = []
        for seg in F.segments(doc, sent):
            seg_actors = [a for a in actors if seg.start <= a.start < seg.end]
            # a word of the dateline ("MOPTI, Mali (Sahel Dispatch) -") names the outlet, no event;
            # a capitalised word of a name ("the Houston Rockets") is no trigger, except in a
            # headline, where every word is capitalised
            titled = F.title_cased(seg.text)
            found_hits = find_hits(seg, seg_actors, ctx.lex, story_context, grounded)
            described = tuple((h.start, h.end) for h in found_hits)
            described += tuple((a.start, a.end) for a in seg_actors)
            hits = [
                h
                for h in found_hits
                if not F.in_dateline(doc.text, h.start, h.end)
                and (titled or not _named(doc.text, names, h, seg.start, described, ctx.lex))
            ]
            found, support = group_candidates(sent, hits, (seg.start, seg.end))
            if found:
                parts.append((found, support, (seg.start, seg.end)))
        if not parts:
            # a toll told in a sentence of its own ("Twelve people died in the blast.")
            # (no number needed: "A woman was killed." counts one)
            # (a part of the dead, "Two of the dead were children", is no toll to lend)
            own = [f for f in F.find_fatalities(sent, ctx.lex) if not f.partial]
            if own:
                orphans.append((sent, min(own, key=lambda f: f.start)))
            continue
        # a parse is worth its cost only when it can attach something to the trigger (an actor, a
        # place, a number) or is already there (a claim cue parsed it); otherwise the clause-level
        # fallbacks give the same roles (none) and modality
        useful = bool(actors) or sent.index in doc._parses or _has_anchor(ctx, sent)
        plans.append((sent, actors, parts, useful))
    # the sentences to parse, in one batched parser call (then cache hits below)
    doc.prefetch_parses(sent.index for sent, _a, _p, useful in plans if useful)
    for sent, actors, parts, useful in plans:
        parse = _parse(doc, sent) if useful else None
        # a war's toll told as its background ("a conflict that has killed more than 100000")
        tolls_bg = ctx.rules.background_tolls
        fatalities = [
            f
            for f in F.find_fatalities(sent, ctx.lex)
            if not any(rx.search(doc.text[max(sent.start, f.start - 80) : f.start]) for rx in tolls_bg)
        ]
        attributed_only = bool(fatalities)
        for cands, support, seg_span in parts:
            victims = [f.victims for f in fatalities]
            drafts = [(c, _draft(ctx, c, parse, actors, victims)) for c in cands]
            built = [(c, d) for c, d in drafts if d is not None]
            if not built and support:
                # the specific triggers did not hold ("stormed a police post" takes no place, so it
                # is no takeover): the generic ones they outranked ("killing four policemen") speak
                generic, _none = group_candidates(sent, support, seg_span)
                drafts = [(c, _draft(ctx, c, parse, actors, victims)) for c in generic]
                built = [(c, d) for c, d in drafts if d is not None]
            elif support and built and parse is not None and not any(_asserted(d) for _c, d in built):
                # the specific triggers are only a description under a generic one that governs
                # them ("police killed three gunmen who had attacked a checkpoint"): it speaks
                heads = _governing_support(sent, parse, support, [c for c, _d in built])
                if heads:
                    generic, _none = group_candidates(sent, heads, seg_span)
                    drafts = [(c, _draft(ctx, c, parse, actors, victims)) for c in generic]
                    built += [(c, d) for c, d in drafts if d is not None]
            keep, lost = select([(c, d.event.modality == MODALITY_ASSERTED) for c, d in built])
            winners = [built[i] for i in keep]
            # a toll told of an event the sentence names after it ("23 fighters died in the
            # fighting, which began with heavy shelling") is that event's, though a stronger
            # trigger won the sentence: the named event is kept with its toll, the winner takes none
            named = _named_by_toll(built, lost, fatalities, doc.text)
            for j, f in named.items():
                winners.append(built[j])
                set_fatalities(built[j][1], doc, f)
            own = [f for f in fatalities if not any(f is g for g in named.values())]
            # a death toll belongs to a violent event ("forces ... deploy air power" takes none)
            rest = [(c, d) for c, d in winners if not any(d is built[j][1] for j in named)]
            violent = [(c, d) for c, d in rest if d.sub.violent] or [
                (c, d) for c, d in rest if d.sub.takes_fatalities
            ]
            if own and not violent and any(not d.sub.takes_fatalities for _c, d in rest):
                # the dead of the violence beside a winning agreement ("fighting that killed 20
                # people ended with a truce", "14 were killed despite the ceasefire"): the violence
                # the sentence names is kept as its own event, with the toll -- not a word inside
                # the agreement's own words ("handed the bodies of nine policemen")
                won = [(h.start, h.end) for c, _d in winners for h in c.hits]

                def apart(c: Candidate, won: list[tuple[int, int]] = won) -> bool:
                    return not any(h.start < we and ws < h.end for h in c.hits for ws, we in won)

                pool = [built[j] for j in lost]
                if support:
                    # a generic word the agreement outranked ("were killed despite the ceasefire")
                    generic, _none = group_candidates(sent, support, seg_span)
                    pool += [(c, d) for c in generic if (d := _draft(ctx, c, parse, actors, victims))]
                ended = next(
                    (cd for cd in pool if cd[1].sub.violent and _asserted(cd[1]) and apart(cd[0])), None
                )
                if ended is not None:
                    winners.append(ended)
                    violent = [ended]
            fats = _assign_fatalities([c for c, _ in violent], own)
            for i, (_c, d) in enumerate(violent):
                if i in fats:
                    set_fatalities(d, doc, fats[i])
            kept.extend(d for _c, d in winners)
            discarded.extend(d for _c, d in built if d.event.modality != MODALITY_ASSERTED)
            attributed_only = attributed_only and bool(built) and all(
                d.event.modality == MODALITY_ATTRIBUTED for _c, d in built
            )
        if attributed_only:
            # "the opposition accused the army of killing as many as 1300 people": the claim is
            # who did it; the deaths are reported as fact and count like a toll told on its own
            orphans.append((sent, min(fatalities, key=lambda f: f.start)))
    _lend_tolls(ctx, kept, orphans)
    # an attack whose sentence names no perpetrator: the one the article names for that kind of attack
    lend_article_agents(kept, [*kept, *discarded], doc, ctx.actors, ctx.article_agents, ctx.associate_words)
    # a toll told beside a reference back ("a spokesman confirmed the strike but gave a lower toll
    # of six dead") is that event's figure, when it names no perpetrator and no place of its own
    referring = {e.sentence_index for d in kept if d.extra.get("anaphoric") for e in d.event.evidence}
    for d in kept:
        if (
            d.extra.get("outcome")
            and d.actor1_name is None
            and d.place_level != "sentence"
            and {e.sentence_index for e in d.event.evidence} <= referring
        ):
            d.extra["anaphoric"] = True
    anaphors = [d for d in kept if d.extra.get("anaphoric")]
    kept = [d for d in kept if not d.extra.get("anaphoric")]
    merged = merge_drafts(kept, ctx.lex.consequences, ctx.merge_rules, ctx.lex.subtypes, doc)
    merged = fold_headline(merged, doc, ctx.merge_rules)
    merged = _refer_back(merged, anaphors)
    _narrow_country(merged, ctx)
    inherit_dates(merged, doc)
    for d in (*merged, *discarded):
        finalize(d, doc)
    claims = {c.claim_id: c for c in doc.claims}
    for d in merged:
        for cid in d.event.claim_ids:
            c = claims.get(cid)
            if c is not None and d.event.event_id not in c.event_ids:
                c.event_ids.append(d.event.event_id)
    return [d.event for d in merged], [d.event for d in discarded]


@component(
    "events", requires=("sentences", "mentions", "times", "places", "actors", "claims"), assigns=("events",)
)
def events_component(doc: Document, options: Options) -> None:
    doc.events, doc.discarded = extract_events(doc, options)
