"""Component "actors": dictionary (data/actors.yaml) + NER fallback for unknown armed groups.

Fills ``doc.actors`` with one ActorMention per actor phrase.  Descriptor phrases
("jihadists", "the US-backed alliance") resolve to the nearest earlier mention of
an actor they can stand for, so later stages see one canonical name per actor.
"""

from __future__ import annotations

import re

from sitrep.extract.actors.dictionary import (
    ActorDictionary,
    ActorEntry,
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

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _sentence_index(doc: Document, offset: int) -> int:
    s = doc.sentence_at(offset)
    if s is not None:
        return s.index
    before = [x.index for x in doc.sentences if x.start <= offset]
    return before[-1] if before else 0


def _resolve(entry: ActorEntry, seen: list[str], d: ActorDictionary) -> ActorEntry:
    """A descriptor stands for the most recent earlier actor it can refer to, else its fallback."""
    if not entry.descriptor:
        return entry
    for name in reversed(seen):
        if name in entry.refers_to:
            return d.entries[name]
    return d.entries.get(entry.fallback or "", entry)


def extract_actors(doc: Document, d: ActorDictionary) -> list[ActorMention]:
    text = doc.text
    out: list[ActorMention] = []
    seen: list[str] = []  # canonical names of specific (non-descriptor) mentions so far
    for m in d.match(text):
        entry = _resolve(m.entry, seen, d)
        if not m.entry.descriptor and not entry.descriptor:
            seen.append(entry.name)
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
