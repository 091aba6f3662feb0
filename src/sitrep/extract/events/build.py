"""From a trigger candidate to a coded Event with provenance for every field."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Any

from sitrep.extract.actors.dictionary import ActorDictionary, ActorEntry, acled_actor_name, inter_code
from sitrep.extract.events import fields as F
from sitrep.extract.events.associates import Associate, AssociateWords, associates
from sitrep.extract.events.lexicon import Lexicon, SubType
from sitrep.extract.events.modality import ModalityResult
from sitrep.extract.events.roles import Roles
from sitrep.extract.events.triggers import ARMED_INTER, Candidate
from sitrep.records import ActorMention, Document, Event, Evidence

# event types whose civilian participants are victims
VICTIM_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


@dataclass
class Draft:
    """An event under construction, with what merging needs to know."""

    event: Event
    sub: SubType
    weight: float
    place_level: str | None = None  # "sentence" | "paragraph" | "document" | None
    date_explicit: bool = False
    roles_method: str = "none"
    actor1_name: str | None = None  # canonical names, for merging and notes
    actor2_name: str | None = None
    actor1_label: str | None = None  # readable names for the notes
    actor2_label: str | None = None
    actor1_implied: bool = False
    actor2_implied: bool = False
    mentions: int = 1
    extra: dict[str, Any] = field(default_factory=dict)


def event_id(article_id: str, sub_event_type: str, offset: int) -> str:
    """Stable id: the same trigger in the same article gives the same id across runs."""
    return hashlib.sha1(f"{article_id}|{sub_event_type}|{offset}".encode()).hexdigest()[:16]


def evidence(doc: Document, start: int | None, end: int | None, fld: str, note: str = "") -> Evidence:
    sent = doc.sentence_at(start) if start is not None else None
    text = doc.text[start:end] if start is not None and end is not None else ""
    return Evidence(doc.article.id, sent.index if sent else None, start, end, text, field=fld, note=note)


def target_key(actor: ActorMention | None) -> str:
    if actor is None or actor.inter is None:
        return "default"
    if actor.inter == 7:
        return "civilians"
    if actor.inter == 6:
        return "protesters"
    return "armed" if actor.inter in ARMED_INTER or actor.inter == 5 else "default"


def actor1_key(actor: ActorMention | None) -> str:
    if actor is None:
        return "default"
    return "state" if actor.inter == 1 or (actor.group in ("state", "external")) else "nonstate"


# where the civilians acted on were: "killed four civilians at a checkpoint"
_SITE_OF_VICTIMS = re.compile(
    r"^\s*(?:at|near|outside|inside|beside|by|in\s+front\s+of)\s+(?:(?:a|an|the|their|its|his|her)\s+)?"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.I,
)


def _target_from_text(
    cand: Candidate,
    lex: Lexicon,
    window: int,
    victims: ActorMention | None = None,
    agent: ActorMention | None = None,
) -> str:
    """A military or police site or unit just after the trigger makes the target armed, unless it
    only says where the civilians the trigger acts on (``victims``, named right after it) were, or
    it is the one acting (``agent``: "five villagers were killed by soldiers")."""
    off = cand.first.end - cand.sentence.start
    after = cand.sentence.text[off:]
    if lex.armed_targets is None:
        return "default"
    m = next(
        (
            hit
            for hit in lex.armed_targets.finditer(after[:window])
            if agent is None
            or not (agent.start < cand.first.end + hit.end() and cand.first.end + hit.start() < agent.end)
        ),
        None,
    )
    if m is None:
        return "default"
    if victims is not None and cand.first.end <= victims.start and victims.end <= cand.first.end + m.start():
        between = cand.sentence.text[victims.end - cand.sentence.start : off + m.start()]
        if _SITE_OF_VICTIMS.match(between):
            return "default"
    return "armed"


def resolve_sub_type(cand: Candidate, roles: Roles, lex: Lexicon, sentence_actors: list[ActorMention]) -> str:
    entry = cand.entry
    if entry.sub_event_type:
        sub = entry.sub_event_type
    elif entry.resolve == "actor1":
        key = actor1_key(roles.actor1)
        if key == "default" and roles.actor2 is not None and not roles.actor2.territory:
            # no taker named, the side that lost it is: the other side took it ("the town was
            # recaptured from NPA rebels" is the government's; "seized from the army", a rebel gain)
            if roles.actor2.inter == 1 or roles.actor2.group == "state":
                key = "nonstate"
            elif roles.actor2.inter in (2, 3, 4):
                key = "state"
        sub = entry.sub_type_for(key)
    else:
        # "attacked a checkpoint, killing five people": the thing attacked decides, then victims
        victims = roles.actor2 if target_key(roles.actor2) == "civilians" else None
        key = _target_from_text(cand, lex, 40, victims, roles.actor1)
        if key == "default":
            key = target_key(roles.actor2)
        if key == "default":
            key = _target_from_text(cand, lex, 120, agent=roles.actor1)
        sub = entry.sub_type_for(key)
    text = cand.sentence.text
    crowd = any(a.inter in (5, 6) for a in sentence_actors) or any(
        rx.search(text) for rx in lex.crowd_context
    )
    for rule in lex.context_rules:
        if sub not in rule.when:
            continue
        if rule.needs_crowd and not crowd:
            continue
        seen = text
        for rx in rule.ignore:
            seen = rx.sub(lambda m: " " * len(m.group(0)), seen)
        if any(rx.search(seen) for rx in rule.context) and not any(rx.search(text) for rx in rule.unless):
            sub = rule.becomes
    return sub


def object_kind_by_text(doc: Document, end: int, lex: Lexicon) -> str:
    """No parse: a toponym or place noun among the first words after the trigger makes a place
    ("captured the town of Gao", "seized Gao"); anything else is a person ("six men")."""
    words = list(re.finditer(r"[A-Za-z][\w'-]*", doc.text[end : end + 60]))[:3]
    for m in words:
        pos = end + m.start()
        if m.group(0).lower() in lex.place_nouns or any(p.start == pos for p in doc.places):
            return "place"
    return "person"


# an ACLED actor name's period suffix: "Military Forces of Syria (2000-)"
_PERIOD = re.compile(r"\s*\(\d{4}-\d{0,4}\)$")


def own_forces(entry: ActorEntry | None, country: str | None, actors: ActorDictionary) -> ActorEntry | None:
    """A generic phrase for a country's forces ("warplanes", "troops", "government forces") is that
    country's own forces entry when the dictionary has one whose ACLED name is the same but for its
    period: bare "warplanes" over Syria and "Syrian jets" are then one actor, coded one way."""
    if entry is None or not country or "{country}" not in entry.acled_name or entry.group != "state":
        return entry
    specific = actors.get(actors.forces_by_country.get(country))
    if specific is None:
        return entry
    generic_name = entry.acled_name.replace("{country}", country)
    return specific if _PERIOD.sub("", specific.acled_name) == generic_name else entry


def _code(
    mention: ActorMention | None, entry: ActorEntry | None, country: str | None, actors: ActorDictionary
) -> tuple[str, int | None, str, str]:
    """(ACLED name, inter code, canonical name, label for notes) of an actor mention, or of the
    dictionary entry an event type implies when there is no mention."""
    entry = own_forces(entry, (mention.country if mention else None) or country, actors)
    if mention is not None and entry is None:  # an NER actor outside the dictionary
        inter = mention.inter
        if inter == 1 and country and mention.country and mention.country != country:
            inter = 8
        return mention.actor, inter, mention.actor, mention.actor
    assert entry is not None
    name = acled_actor_name(entry, (mention.country if mention else None) or country) or entry.name
    inter = inter_code(entry, country, mention.country if mention else None)
    # "Military Forces of Syria" reads better than "Military forces"; "SDF" needs no expansion
    return name, inter, entry.name, (name if "{country}" in entry.acled_name else entry.name)


def fill_actors(
    draft: Draft, doc: Document, roles: Roles, actors: ActorDictionary, words: AssociateWords
) -> None:
    ev, sub = draft.event, draft.sub
    country = ev.country
    a1, a2 = roles.actor1, roles.actor2
    if a1 is not None and a1.inter in (6, 7) and sub.event_type in VICTIM_TYPES:
        # civilians (and protesters, activists) are the ones acted upon in political violence, never
        # the perpetrator; two of them ("families of the victims ... the wounded"): no perpetrator
        if a2 is None or a2.inter not in (6, 7):
            roles.actor1, roles.actor2 = a2, (a1 if a1.inter == 7 or a2 is not None else None)
        else:
            roles.actor1 = None
    for slot, mention, implied in (
        (1, roles.actor1, sub.implied_actor1),
        (2, roles.actor2, sub.implied_actor2),
    ):
        original = mention
        if mention is not None and implied and mention.inter == 7:
            # "students protested": coded as the protesters the event type implies, with the
            # mention as evidence
            implied_entry = actors.get(implied)
            if implied_entry is not None and implied_entry.inter != 7:
                mention = replace(
                    mention, actor=implied_entry.name, inter=implied_entry.inter, group=implied_entry.group
                )
        entry = actors.get(mention.actor) if mention else actors.get(implied)
        if mention is None and entry is None:
            continue
        name, inter, canonical, label = _code(mention, entry, country, actors)
        if mention is not None:
            prov = [
                evidence(
                    doc, mention.start, mention.end, f"actor{slot}", note=f"{roles.method} ({mention.source})"
                )
            ]
        else:
            prov = [
                Evidence(
                    doc.article.id, None, None, None, "", field=f"actor{slot}", note="implied by event type"
                )
            ]
        code_prov = [
            Evidence(
                doc.article.id,
                None,
                None,
                None,
                str(inter),
                field=f"inter{slot}",
                note=f"ACLED inter code of {canonical} (actor dictionary)",
            )
        ]
        if slot == 1:
            ev.actor1, ev.inter1, draft.actor1_name, draft.actor1_label = name, inter, canonical, label
            draft.actor1_implied = mention is None
        else:
            ev.actor2, ev.inter2, draft.actor2_name, draft.actor2_label = name, inter, canonical, label
            draft.actor2_implied = mention is None
        ev.provenance[f"actor{slot}"] = prov
        ev.provenance[f"inter{slot}"] = code_prov
        if original is not None:
            other = roles.actor2 if slot == 1 else roles.actor1
            found = associates(original, [other], doc, actors, words, acting=slot == 1)
            set_associates(draft, doc, slot, found, country, actors)


def set_associates(
    draft: Draft,
    doc: Document,
    slot: int,
    found: list[Associate],
    country: str | None,
    actors: ActorDictionary,
) -> None:
    """assoc_actor_<slot>: the ACLED names of the actors found beside the side's mention,
    "; "-joined as ACLED writes several; none that is either side's own actor."""
    ev = draft.event
    sides = {ev.actor1, ev.actor2}
    names: list[str] = []
    prov: list[Evidence] = []
    for a in found:
        entry = actors.get(a.actor)
        if a.mention is None and entry is None:
            continue
        name = _code(a.mention, entry, a.country or country, actors)[0]
        if name in sides or name in names:
            continue
        names.append(name)
        prov.append(evidence(doc, a.start, a.end, f"assoc_actor_{slot}", note="named with the side's actor"))
    field = f"assoc_actor_{slot}"
    setattr(ev, field, "; ".join(names) or None)
    if names:
        ev.provenance[field] = prov
    else:
        ev.provenance.pop(field, None)


def set_interaction(ev: Event, doc: Document) -> None:
    codes = sorted(c for c in (ev.inter1, ev.inter2) if c is not None)
    if not codes:
        ev.interaction = None
    elif len(codes) == 1:
        ev.interaction = codes[0] * 10
    else:
        ev.interaction = codes[0] * 10 + codes[1]
    if ev.interaction is not None:
        ev.provenance["interaction"] = [
            Evidence(
                doc.article.id,
                None,
                None,
                None,
                str(ev.interaction),
                field="interaction",
                note="inter1/inter2, lower first",
            )
        ]
    if ev.inter2 == 7:
        ev.civilian_targeting = "Civilian targeting"
        ev.provenance["civilian_targeting"] = [
            Evidence(
                doc.article.id,
                None,
                None,
                None,
                ev.actor2 or "",
                field="civilian_targeting",
                note="actor2 is civilians",
            )
        ]
    else:
        ev.civilian_targeting = None
        ev.provenance.pop("civilian_targeting", None)


# the Event fields that come from the place (set together, folded together)
PLACE_FIELDS = (
    "location",
    "country",
    "iso",
    "region",
    "admin1",
    "admin2",
    "admin3",
    "latitude",
    "longitude",
    "geo_precision",
)


def set_place(ev: Event, doc: Document, choice: F.PlaceChoice | None) -> None:
    for k in PLACE_FIELDS:
        ev.provenance.pop(k, None)
    if choice is None or choice.mention.place is None:
        ev.location = ev.country = ev.admin1 = ev.admin2 = ev.admin3 = ev.region = None
        ev.iso = ev.latitude = ev.longitude = ev.geo_precision = None
        ev.provenance["location"] = [
            Evidence(
                doc.article.id,
                None,
                None,
                None,
                "",
                field="location",
                note="no resolved place in the article",
            )
        ]
        return
    p = choice.mention.place
    ev.location = p.name
    ev.country, ev.iso, ev.region = p.country, p.iso, p.region
    ev.admin1, ev.admin2, ev.admin3 = p.admin1, p.admin2, p.admin3
    ev.latitude, ev.longitude = p.latitude, p.longitude
    ev.geo_precision = choice.geo_precision
    note = choice.note or {
        "sentence": "toponym in the event sentence",
        "paragraph": "nearest toponym in the paragraph",
        "document": "article's focus place (no toponym near the event)",
    }[choice.level]
    ev_ = evidence(doc, choice.mention.start, choice.mention.end, "location", note=note)
    for k in ("location", "country", "iso", "region", "admin1", "admin2", "admin3", "latitude", "longitude"):
        ev.provenance[k] = [Evidence(**{**ev_.__dict__, "field": k})]
    ev.provenance["geo_precision"] = [
        Evidence(
            doc.article.id,
            ev_.sentence_index,
            ev_.start,
            ev_.end,
            ev_.text,
            field="geo_precision",
            note=f"{choice.level}{', near' if choice.near else ''}",
        )
    ]


def set_date(ev: Event, doc: Document, choice: F.DateChoice) -> None:
    ev.event_date, ev.event_date_end = choice.start, choice.end
    ev.time_precision = choice.precision
    ev.relative_date = choice.relative if choice.start is None else None
    if choice.time is not None:
        t = choice.time
        e = evidence(doc, t.start, t.end, "event_date", note=t.rule or "time expression in the sentence")
    else:
        e = Evidence(
            doc.article.id, None, None, None, str(choice.start or ""), field="event_date", note=choice.note
        )
    ev.provenance["event_date"] = [e]
    for k in ("event_date_end", "time_precision"):
        ev.provenance[k] = [Evidence(**{**e.__dict__, "field": k})]
    if ev.relative_date:
        ev.provenance["relative_date"] = [Evidence(**{**e.__dict__, "field": "relative_date"})]


def set_modality(ev: Event, doc: Document, result: ModalityResult, note: str = "") -> None:
    ev.modality = result.modality
    if result.start is not None:
        ev.provenance["modality"] = [evidence(doc, result.start, result.end, "modality", note=note or "cue")]
    else:
        ev.provenance["modality"] = [
            Evidence(
                doc.article.id,
                None,
                None,
                None,
                result.cue,
                field="modality",
                note=note or "no modality cue governs the trigger",
            )
        ]


def set_fatalities(
    draft: Draft, doc: Document, fatality: F.Fatality, note: str = "reported death figure"
) -> None:
    if not draft.sub.takes_fatalities:
        return  # an agreement, an arrest ...: no toll of its own (event_taxonomy.yaml `fatalities`)
    draft.event.fatalities = fatality.value
    draft.event.provenance["fatalities"] = [
        evidence(doc, fatality.start, fatality.end, "fatalities", note=note)
    ]
