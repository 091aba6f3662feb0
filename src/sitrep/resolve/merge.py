"""One merged Event from the reports of a cluster: every source, every span, conflicts side by side.

Conservative rules for the exported values (never an average):
- fatalities: the lowest credible figure.  A figure is credible when the report gives one;
  a 0 counts only when it has provenance (the text said "no casualties"), because a 0
  without evidence usually means "not reported".
- date: the earliest start and the latest end of the members' ranges; when the sources
  disagree the time_precision widens to at least 2 (ACLED: "within a few days"), or 3 when
  the ranges span more than a week.
- location: the location fields (name, coordinates, admin levels, geo_precision) all come
  from ONE member: the one with the best (lowest) geo_precision among those whose place
  agrees with another member's, then the most agreed-with, then the earliest.
- type and actors: the most frequent sub_event_type / actor1 (ties: earliest member); the
  type and actor fields come from one member so they stay consistent with each other.
Where members differ on a field in ResolveOptions.conflict_fields, Event.conflicts[field]
lists every member's value with its article id, outlet and report id, Event.tags gets
"sources disagree: <field>" and the notes say so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sitrep.errors import ResolveError
from sitrep.records import MODALITY_ASSERTED, Event
from sitrep.resolve.features import haversine_km, place_score
from sitrep.resolve.model import ResolveOptions
from sitrep.resolve.profile import build_profile, sort_key

LOCATION_FIELDS = ("location", "latitude", "longitude", "geo_precision", "admin1", "admin2", "admin3",
                   "country", "iso", "region")
TYPE_FIELDS = ("disorder_type", "event_type", "sub_event_type", "civilian_targeting")
ACTOR_FIELDS = ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction")


def _distinct(values: Sequence[str | None]) -> list[str]:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return out


def _majority(members: Sequence[Event], get: Callable[[Event], Any]) -> Event | None:
    """The earliest member carrying the most frequent non-empty value."""
    counts = Counter(get(m) for m in members if get(m))
    if not counts:
        return None
    top = max(counts.values())
    return next(m for m in members if get(m) and counts[get(m)] == top)


def _fatalities(members: Sequence[Event]) -> int | None:
    credible = [m.fatalities for m in members
                if m.fatalities is not None and (m.fatalities > 0 or m.provenance.get("fatalities"))]
    if credible:
        return min(credible)
    return 0 if any(m.fatalities == 0 for m in members) else None


def _pick_location(members: Sequence[Event], opts: ResolveOptions) -> Event | None:
    placed = [m for m in members if m.location or m.latitude is not None]
    if not placed:
        return None
    profiles = {m.event_id: build_profile(m, opts) for m in placed}

    def agreeing(m: Event) -> int:
        pm = profiles[m.event_id]
        n = 0
        for o in placed:
            if o is m:
                continue
            po = profiles[o.event_id]
            score, dist = place_score(pm, po, opts)
            in_range = dist is not None and dist <= opts.max_km(max(pm.precision, po.precision))
            if score is not None and (pm.name == po.name != "" or in_range):
                n += 1
        return n

    order = {m.event_id: i for i, m in enumerate(placed)}
    return min(placed, key=lambda m: (agreeing(m) == 0 and len(placed) > 1, m.geo_precision or 4,
                                      -agreeing(m), order[m.event_id]))


def _locations_differ(ms: Sequence[Event], options: ResolveOptions) -> bool:
    """Two location names differ unless they normalise alike or lie within same_place_km."""
    profiles = [build_profile(m, options) for m in ms]
    for i, a in enumerate(profiles):
        for b in profiles[i + 1:]:
            if a.name == b.name:
                continue
            if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None \
                    and haversine_km(a.lat, a.lon, b.lat, b.lon) <= options.same_place_km:
                continue
            return True
    return False


def _date_value(m: Event) -> str | None:
    if not m.event_date:
        return None
    if m.event_date_end and m.event_date_end != m.event_date:
        return f"{m.event_date.isoformat()}/{m.event_date_end.isoformat()}"
    return m.event_date.isoformat()


# how each conflict field's value is read from a member
_VALUE: dict[str, Callable[[Event], Any]] = {"event_date": _date_value}


def merge_reports(
    event_id: str,
    members: Sequence[Event],
    sources: Mapping[str, str] | None = None,
    options: ResolveOptions | None = None,
) -> Event:
    """The merged Event of a cluster's reports.

    ``sources`` maps article id -> outlet name (the store knows it); without it each
    report's own ``source`` is used.
    """
    if not members:
        raise ResolveError("cannot merge an empty cluster", item=event_id)
    if options is None:
        from sitrep.resolve.cluster import default_options

        options = default_options()
    ms = sorted(members, key=sort_key)

    def outlet(m: Event) -> str:
        art = m.article_ids[0] if m.article_ids else ""
        if sources and art in sources and sources[art]:
            return sources[art]
        return m.source or ""

    ev = Event(event_id=event_id)
    ev.article_ids = _distinct([a for m in ms for a in m.article_ids])
    # ACLED's source column names outlets only; the article ids are in article_ids (documents)
    ev.source = "; ".join(_distinct([o for o in (outlet(m) for m in ms) if o]))
    ev.source_scale = "; ".join(_distinct([m.source_scale for m in ms])) or None

    base_type = _majority(ms, lambda m: m.sub_event_type) or _majority(ms, lambda m: m.event_type) or ms[0]
    for f in TYPE_FIELDS:
        setattr(ev, f, getattr(base_type, f))
    base_actor = _majority(ms, lambda m: m.actor1) or ms[0]
    for f in ACTOR_FIELDS:
        setattr(ev, f, getattr(base_actor, f))
    base_place = _pick_location(ms, options)
    if base_place is not None:
        for f in LOCATION_FIELDS:
            setattr(ev, f, getattr(base_place, f))

    dated = [m for m in ms if m.event_date]
    if dated:
        start = min(m.event_date for m in dated if m.event_date)
        end = max((m.event_date_end or m.event_date) for m in dated if m.event_date)
        ev.event_date = start
        ev.event_date_end = end if end != start or any(m.event_date_end for m in dated) else None
        precision = max((m.time_precision or 1) for m in dated)
        if len({_date_value(m) for m in dated}) > 1:
            precision = max(precision, 2 if (end - start).days <= 7 else 3)
        ev.time_precision = precision
    else:
        ev.relative_date = next((m.relative_date for m in ms if m.relative_date), None)
        ev.time_precision = max((m.time_precision or 0) for m in ms) or None

    ev.fatalities = _fatalities(ms)
    ev.modality = MODALITY_ASSERTED if any(m.modality == MODALITY_ASSERTED for m in ms) else ms[0].modality
    ev.attributed_to = "; ".join(_distinct([m.attributed_to for m in ms])) or None
    ev.claim_ids = _distinct([c for m in ms for c in m.claim_ids])
    ev.evidence = [e for m in ms for e in m.evidence]
    for m in ms:
        for f, evs in m.provenance.items():
            ev.provenance.setdefault(f, []).extend(evs)
        for f, entries in m.conflicts.items():  # disagreements already found inside one article
            ev.conflicts.setdefault(f, []).extend(entries)

    disagree: list[str] = []
    for f in options.conflict_fields:
        get = _VALUE.get(f, lambda m, f=f: getattr(m, f))
        entries = [{"value": get(m), "article_id": m.article_ids[0] if m.article_ids else "",
                    "source": outlet(m), "event_id": m.event_id} for m in ms if get(m) is not None]
        if f == "location":
            differ = _locations_differ([m for m in ms if m.location], options)
        else:
            differ = len({str(e["value"]) for e in entries}) > 1
        if differ:
            ev.conflicts.setdefault(f, []).extend(entries)
            disagree.append(f)

    tags = _distinct([t.strip() for m in ms for t in (m.tags or "").split(";")])
    tags += [f"sources disagree: {f}" for f in disagree if f"sources disagree: {f}" not in tags]
    ev.tags = "; ".join(tags)
    ev.notes = _notes(ms, ev, disagree)
    ev.confidence = _confidence(ms, len(disagree), options)
    return ev


_FATALITIES_NOTE = re.compile(r"Fatalities: \d+\.")


def _notes(ms: Sequence[Event], ev: Event, disagree: list[str]) -> str:
    # the summary of the member that agrees most with the merged fields, so the note does not say
    # "Fatalities: 12" over a merged (lowest) figure of 9
    fields = ("fatalities", "actor1", "sub_event_type", "location", "event_date")

    def agreement(m: Event) -> int:
        return sum(getattr(m, f) == getattr(ev, f) for f in fields)

    noted = [m for m in ms if m.notes.strip()]
    base = max(noted, key=agreement).notes.strip() if noted else ""
    if "fatalities" in disagree and ev.fatalities is not None:
        # ACLED codes the lowest of conflicting figures: the note says which one it is
        base = _FATALITIES_NOTE.sub(f"Fatalities: {ev.fatalities} (the lowest reported).", base)
    parts = [base] if base else []
    for f in disagree:
        seen: list[str] = []
        for e in ev.conflicts[f]:
            if e.get("event_id") is None:
                continue
            item = f"{e['value']} ({e['source']})"
            if item not in seen:
                seen.append(item)
        parts.append(f"Sources disagree on {f.replace('_', ' ')}: {', '.join(seen)}.")
    return " ".join(parts)


def _confidence(ms: Sequence[Event], n_conflicts: int, options: ResolveOptions) -> float:
    miss = 1.0
    for m in ms:
        miss *= 1.0 - max(0.0, min(1.0, m.confidence))
    value = 1.0 - miss - options.conflict_penalty * n_conflicts
    if len(ms) == 1:  # a single source keeps its own confidence
        return ms[0].confidence
    return round(max(0.05, min(0.99, value)), 4)
