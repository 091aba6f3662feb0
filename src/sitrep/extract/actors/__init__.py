"""Component "actors": dictionary (data/actors.yaml) + NER fallback for unknown armed groups.

Fills ``doc.actors`` with one ActorMention per actor phrase.  Descriptor phrases
("jihadists", "the US-backed alliance") resolve to the nearest earlier mention of
an actor they can stand for, so later stages see one canonical name per actor.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from sitrep.extract.actors.dictionary import (
    ActorDictionary,
    ActorEntry,
    AliasMatch,
    acled_actor_name,
    inter_code,
    load_dictionary,
)
from sitrep.options import Options
from sitrep.records import ActorMention, Document
from sitrep.registry import component

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "acled_actor_name",
    "extract_actors",
    "inter_code",
    "load_dictionary",
    "parse_masks",
]

# "fighters of the Islamic State", "gunmen from the Fulani militia": a generic noun and the group
_OF = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _sentence_index(doc: Document, offset: int) -> int:
    s = doc.sentence_at(offset)
    if s is not None:
        return s.index
    before = [x.index for x in doc.sentences if x.start <= offset]
    return before[-1] if before else 0


def _resolve(entry: ActorEntry, seen: list[str], d: ActorDictionary, focus: str | None = None) -> ActorEntry:
    """A descriptor stands for the most recent earlier actor it can refer to, else its fallback
    (the one for the article's focus country when the entry names one: "the coalition" in a Yemen
    story is the Saudi-led one)."""
    if not entry.descriptor:
        return entry
    for name in reversed(seen):
        if name in entry.refers_to:
            return d.entries[name]
    fallback = dict(entry.fallback_by_country).get(focus or "", entry.fallback)
    return d.entries.get(fallback or "", entry)


def _holds_place(d: ActorDictionary, text: str, end: int) -> bool:
    """ "IS-held", "rebel-controlled": the mention ending at ``end`` names who holds a place."""
    return d.territory_suffix is not None and d.territory_suffix.match(text, end) is not None


# generic forces that take their country from the event ("troops", "warplanes")
_GENERIC_FORCES = frozenset({"Military forces", "Police forces"})
_POSSESSIVE = re.compile(r"\b(?:its|their)\s+$", re.IGNORECASE)
_MEMBERSHIP = re.compile(r"\b(?:belong\w*|members?)\b", re.IGNORECASE)
# "three more fighters", "two other soldiers": more of the group last named with that noun
_MORE_OF = re.compile(r"\b(?:more|other|further|additional)\s+$", re.IGNORECASE)


def _head(text: str) -> str:
    """The noun a mention is named by: "fighters" in "fighters of the SDF" and "SDF fighters"."""
    words = re.findall(r"[A-Za-z]+", text.split(" of ")[0])
    return words[-1].lower() if words else ""


def _owner(out: list[ActorMention], text: str, start: int, d: ActorDictionary) -> ActorMention | None:
    """The armed actor that "its"/"their" right before a generic force noun refers to: the nearest
    armed actor named before it in the same sentence ("the coalition said its warplanes struck")."""
    if not _POSSESSIVE.search(text, max(0, start - 8), start):
        return None
    for prev in reversed(out):
        if text.count(".", prev.end, start) or "\n" in text[prev.end : start]:
            return None
        if prev.territory or prev.inter in (5, 6, 7, None):
            continue
        return prev
    return None


def _more_of(out: list[ActorMention], text: str, m: AliasMatch, d: ActorDictionary) -> ActorEntry | None:
    """ "three more fighters" after "seven fighters of the SDF": more of the group last named with
    the same noun (a descriptor only; the group must be a specific one)."""
    if not m.entry.descriptor or not _MORE_OF.search(text, max(0, m.start - 12), m.start):
        return None
    head = _head(m.text)
    for prev in reversed(out):
        entry = d.get(prev.actor)
        if entry is not None and not entry.descriptor and _head(prev.text) == head:
            return entry
    return None


def extract_actors(doc: Document, d: ActorDictionary) -> list[ActorMention]:
    text = doc.text
    out: list[ActorMention] = []
    seen: list[str] = []  # canonical names of specific (non-descriptor) mentions so far
    focus = next((p.place.country for p in doc.places if p.is_focus_country and p.place), None)
    if focus is None:
        # no country stood out while resolving places (a short text naming one ambiguous town):
        # the country of most resolved places, when one has a clear majority
        countries = Counter(p.place.country for p in doc.places if p.place and p.place.country)
        ranked = countries.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            focus = ranked[0][0]
    descriptors: set[int] = set()  # start offsets of the mentions that are descriptors
    referable = {n for e in d.entries.values() if e.descriptor for n in e.refers_to}
    for m in d.match(text):
        prev = out[-1] if out else None
        if (
            not m.entry.descriptor
            and prev is not None
            and prev.start in descriptors
            and _OF.fullmatch(text, prev.end, m.start)
            and not _holds_place(d, text, m.end)
        ):
            # "militants of Al-Nusra Front", "fighters from the Islamic State group": the group's own
            entry = m.entry
            seen.append(entry.name)
            descriptors.discard(prev.start)
            out[-1] = replace(
                prev,
                end=m.end,
                text=text[prev.start : m.end],
                actor=entry.name,
                inter=entry.inter,
                group=entry.group,
                country=m.country or entry.country,
            )
            continue
        if (
            m.entry.descriptor
            and prev is not None
            and prev.source == "dictionary"
            and not prev.territory
            and (prev_entry := d.get(prev.actor)) is not None
            and not prev_entry.descriptor
            and prev_entry.inter not in (6, 7)
            and text[prev.end : m.start].isspace()
            and "\n" not in text[prev.end : m.start]
        ):
            # "Al-Qaeda loyalists", "Nusra terrorists", "Shabaab militants": one actor, named by
            # the group; the descriptor does not stand for another one
            out[-1] = replace(prev, end=m.end, text=text[prev.start : m.end])
            continue
        if (
            not m.entry.descriptor
            and prev is not None
            and d.identified_by is not None
            and (m_id := d.identified_by.fullmatch(text, prev.end, m.start)) is not None
            and (
                prev.start in descriptors
                # "14 people suspected of belonging to Islamic State": members of the group, not
                # civilians (a membership phrase only: "residents loyal to X" stay residents)
                or (
                    prev.inter == 7
                    and m.entry.inter in (1, 2, 3, 4, 8)
                    and _MEMBERSHIP.search(m_id.group(0)) is not None
                )
            )
        ):
            # "the fighters, believed to belong to the Islamic State West Africa Province": the
            # descriptor is the group that identifies it (both mentions stay)
            descriptors.discard(prev.start)
            out[-1] = replace(
                prev, actor=m.entry.name, inter=m.entry.inter, group=m.entry.group,
                country=m.country or m.entry.country,
            )
        entry = _more_of(out, text, m, d) or _resolve(m.entry, seen, d, focus)
        owner = _owner(out, text, m.start, d) if m.country is None else None
        if owner is not None and (m.entry.descriptor or m.entry.name in _GENERIC_FORCES):
            # "the Saudi-led coalition said its warplanes struck ...": the owner's own forces
            at = _sentence_index(doc, m.start)
            out.append(replace(owner, start=m.start, end=m.end, text=m.text, sentence_index=at))
            continue
        # a descriptor another can stand for ("Islamist militants" ... "the militants") counts
        specific = not m.entry.descriptor and not entry.descriptor
        if specific or (entry.descriptor and entry.name in referable):
            seen.append(entry.name)
        if m.entry.descriptor:
            descriptors.add(m.start)
        out.append(
            ActorMention(
                start=m.start,
                end=m.end,
                text=m.text,
                sentence_index=_sentence_index(doc, m.start),
                actor=entry.name,
                inter=entry.inter,
                group=entry.group,
                country=m.country or entry.country,
                source="dictionary",
                territory=_holds_place(d, text, m.end),
            )
        )
    # ORG entities the dictionary does not know, when they look like armed groups or forces
    for ment in doc.mentions:
        if ment.label != "ORG" or any(a.start < ment.end and ment.start < a.end for a in out):
            continue
        kind = d.classify_org(ment.text)
        if kind is None:
            continue
        inter, group = kind
        out.append(
            ActorMention(
                start=ment.start,
                end=ment.end,
                text=ment.text,
                sentence_index=ment.sentence_index,
                actor=_LEADING_ARTICLE.sub("", ment.text).strip(),
                inter=inter,
                group=group,
                country=None,
                source="ner",
            )
        )
    out.sort(key=lambda a: a.start)
    return out


def parse_masks(actors: list[ActorMention], d: ActorDictionary) -> list[tuple[int, int, str]]:
    """(start, end, stand-in) for each misread alias (``masks``) written as a whole word inside an
    actor mention: "IS" alone and "IS" in "IS fighters" or "IS-held"."""
    out = []
    for a in actors:
        entry = d.get(a.actor)
        for alias, stand_in in entry.masks if entry else ():
            if len(stand_in) != len(alias):
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", a.text):
                out.append((a.start + m.start(), a.start + m.end(), stand_in))
    return out


@component("actors", requires=("sentences", "mentions"), assigns=("actors",))
def actors_component(doc: Document, options: Options) -> None:
    d = load_dictionary(options.data_dirs)
    doc.actors = extract_actors(doc, d)
    # one masked parse per sentence, shared by claims and events through doc.parse
    doc.parse_masks = parse_masks(doc.actors, d)
