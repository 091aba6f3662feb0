"""Places: offline gazetteer, toponym recognition and resolution (the "places" component).

Public API::

    Gazetteer.open(options) -> Gazetteer        # once per process; .lookup(name, fuzzy, limit)
    build_gazetteer(out_path, data_dirs=()) -> dict
    default_gazetteer_path() -> Path
    resolve_places(doc, options) -> list[PlaceMention]

See docs/PLACES.md.
"""

from __future__ import annotations

import functools

from sitrep.extract.actors.dictionary import load_dictionary
from sitrep.extract.places.build import build_gazetteer, default_gazetteer_path, is_stale
from sitrep.extract.places.gazetteer import Candidate, Gazetteer
from sitrep.extract.places.recognize import Recognizer
from sitrep.extract.places.resolve import haversine_km, resolve_spans
from sitrep.extract.places.rules import load_rules
from sitrep.options import Options
from sitrep.records import Document, PlaceMention
from sitrep.registry import component

__all__ = [
    "Candidate",
    "Gazetteer",
    "build_gazetteer",
    "default_gazetteer_path",
    "haversine_km",
    "is_stale",
    "places",
    "resolve_places",
]


def resolve_places(doc: Document, options: Options) -> list[PlaceMention]:
    """Recognise and resolve the toponyms of a Document (needs sentences and mentions)."""
    gaz = Gazetteer.open(options)
    rules = load_rules(tuple(options.data_dirs))
    recognition = Recognizer(gaz, rules).recognize(doc)
    recognition.actor_countries = lambda: actor_home_countries(doc.text, gaz, tuple(options.data_dirs))
    return resolve_spans(doc, recognition, gaz, rules)


def actor_home_countries(text: str, gaz: Gazetteer, data_dirs: tuple[str, ...] = ()) -> list[str]:
    """ISO2 of the home country of each mention of a group that fights at home (actors.yaml
    ``locates``: "M23 rebels" -> CD), in text order."""
    out = []
    for m in load_dictionary(data_dirs).match(text):
        if m.entry.locates and m.entry.country:
            iso2 = _country_iso2(gaz, m.entry.country)
            if iso2:
                out.append(iso2)
    return out


@functools.lru_cache(maxsize=512)
def _country_iso2(gaz: Gazetteer, name: str) -> str | None:
    """The ISO2 code of a country named as actors.yaml names it ("Palestine", "Democratic Republic
    of Congo"): the gazetteer's country entry of that name ("Palestine" has none)."""
    for c in gaz.candidates(name, fuzzy=False):
        if (c.place.feature_code or "").startswith("PCL") and c.place.iso2:
            return c.place.iso2
    return None


@component("places", requires=("sentences", "mentions"), assigns=("places",))
def places(doc: Document, options: Options) -> None:
    doc.places = resolve_places(doc, options)
