"""Places: offline gazetteer, toponym recognition and resolution (the "places" component).

Public API::

    Gazetteer.open(options) -> Gazetteer        # once per process; .lookup(name, fuzzy, limit)
    build_gazetteer(out_path, data_dirs=()) -> dict
    default_gazetteer_path() -> Path
    resolve_places(doc, options) -> list[PlaceMention]

See docs/PLACES.md.
"""

from __future__ import annotations

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
    return resolve_spans(doc, recognition, gaz, rules)


@component("places", requires=("sentences", "mentions"), assigns=("places",))
def places(doc: Document, options: Options) -> None:
    doc.places = resolve_places(doc, options)
