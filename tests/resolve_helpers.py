"""Hand-built per-article reports for the resolve tests (no NLP needed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sitrep.records import Event, Evidence

# name -> (lat, lon, admin1, country)
PLACES = {
    "Tal Abyad": (36.6974, 38.9567, "Ar-Raqqa", "Syria"),
    "Ain Issa": (36.3855, 38.8595, "Ar-Raqqa", "Syria"),
    "Tel Tamer": (36.6500, 40.3700, "Al-Hasakeh", "Syria"),
    "Gao": (16.2666, -0.0400, "Gao", "Mali"),
    "Ansongo": (15.6597, 0.5022, "Gao", "Mali"),
    "Baidoa": (3.1138, 43.6498, "Bay", "Somalia"),
    "Raqqa governorate": (35.9500, 38.9900, "Ar-Raqqa", "Syria"),
}

TYPES = {
    "Armed clash": "Battles",
    "Attack": "Violence against civilians",
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Peaceful protest": "Protests",
}


def report(rid: str, article: str, day: str | None, sub: str, place: str | None, *,
           actor1: str | None = None, actor2: str | None = None, fatalities: int | None = None,
           notes: str = "", precision: int = 1, source: str | None = None, confidence: float = 0.5,
           location: str | None = None, **extra: Any) -> Event:
    ev = Event(event_id=rid, article_ids=[article], sub_event_type=sub, event_type=TYPES[sub],
               actor1=actor1, actor2=actor2, fatalities=fatalities, notes=notes, source=source,
               confidence=confidence, time_precision=1 if day else None)
    if day:
        ev.event_date = dt.date.fromisoformat(day)
    if place:
        lat, lon, admin1, country = PLACES[place]
        ev.location, ev.latitude, ev.longitude = location or place, lat, lon
        ev.admin1, ev.country, ev.geo_precision = admin1, country, precision
    if notes:
        ev.evidence = [Evidence(article, 0, 0, len(notes), notes)]
        if fatalities is not None:
            ev.provenance["fatalities"] = [Evidence(article, 0, 0, len(notes), notes, field="fatalities")]
    for k, v in extra.items():
        setattr(ev, k, v)
    return ev
