"""What resolve compares about a report, computed once per report (not once per pair)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sitrep.records import Event
from sitrep.resolve.model import ResolveOptions

# sort key sentinel: undated reports sort after every dated one
UNDATED = 10**9


@dataclass(slots=True)
class Profile:
    id: str
    article: str
    start: int | None  # date ordinal of event_date
    end: int | None  # ordinal of event_date_end (or event_date)
    dated: bool  # has a date range narrow enough to block on
    vague: bool  # dated, but the range is wider than max_range_days ("since 2011"): never merged
    event_type: str
    sub_event_type: str
    family: str
    actors: frozenset[str]
    paired: bool  # both actor slots filled (a generic actor such as civilians counts)
    name: str  # normalised location name ("" if none)
    lat: float | None
    lon: float | None
    precision: int  # ACLED geo_precision, 2 when coordinates come without one
    admin1: str
    country: str
    text: str
    sort_key: tuple[int, str]


_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_name(name: str | None, stopwords: frozenset[str] = frozenset()) -> str:
    """Lower-case ASCII words without accents and transliteration particles."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    words = [w for w in _NON_ALNUM.split(text) if w and w not in stopwords]
    return " ".join(words)


def sort_key(event: Event) -> tuple[int, str]:
    """Deterministic processing order: by date, then id (undated last)."""
    day = event.event_date.toordinal() if event.event_date else UNDATED
    return (day, event.event_id)


def _actors(event: Event, generic: tuple[str, ...]) -> frozenset[str]:
    names: list[str] = []
    for value in (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2):
        if value:
            names.extend(part.strip() for part in value.split(";"))
    keep = set()
    for n in names:
        low = n.casefold()
        if low and not any(g in low for g in generic):
            keep.add(low)
    return frozenset(keep)


def evidence_text(event: Event) -> str:
    """The source's own words: the distinct texts of its evidence and provenance spans.

    Not the notes: the events stage generates notes from the coded fields, so comparing them
    would count type, actors, place and date a second time.  Reports without any span (hand
    built) fall back to their notes.
    """
    seen: dict[str, None] = {}
    for ev in [*event.evidence, *(e for evs in event.provenance.values() for e in evs)]:
        t = ev.text.strip()
        if t and ev.start is not None:
            seen.setdefault(t, None)
    return " ".join(seen) or event.notes.strip()


def build_profile(event: Event, opts: ResolveOptions) -> Profile:
    start = event.event_date.toordinal() if event.event_date else None
    end = event.event_date_end.toordinal() if (event.event_date_end and start is not None) else start
    if start is not None and end is not None and end < start:
        start, end = end, start
    vague = start is not None and end is not None and end - start > opts.max_range_days
    dated = start is not None and not vague
    has_coords = event.latitude is not None and event.longitude is not None
    name = normalise_name(event.location, frozenset(opts.place.get("name_stopwords", ())))
    country = normalise_name(event.country)
    if name and name == country:
        # a country-level location ("Syria") says nothing about where in the country
        name, has_coords = "", False
    precision = event.geo_precision if event.geo_precision in (1, 2, 3) else 2
    stop = frozenset(opts.place.get("name_stopwords", ()))
    text = evidence_text(event)
    return Profile(
        id=event.event_id,
        article=event.article_ids[0] if event.article_ids else "",
        start=start,
        end=end,
        dated=dated,
        vague=vague,
        event_type=event.event_type or "",
        sub_event_type=event.sub_event_type or "",
        family=opts.families.get(event.event_type, event.event_type) if event.event_type else "",
        actors=_actors(event, opts.generic_actors),
        paired=bool(event.actor1) and bool(event.actor2),
        name=name,
        lat=event.latitude if has_coords else None,
        lon=event.longitude if has_coords else None,
        precision=int(precision),
        admin1=normalise_name(event.admin1, stop),
        country=country,
        text=text,
        sort_key=sort_key(event),
    )
