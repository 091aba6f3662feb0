"""Extraction components: time, places, actors, claims, events.

Each sub-package registers its component (see sitrep.registry) on import.
"""

from __future__ import annotations

import importlib

from sitrep.registry import Component, order

# component name -> module that registers it
BUILTIN_MODULES = {
    "time": "sitrep.extract.time",
    "places": "sitrep.extract.places",
    "actors": "sitrep.extract.actors",
    "claims": "sitrep.extract.claims",
    "events": "sitrep.extract.events",
}
DEFAULT_COMPONENTS = ("time", "places", "actors", "claims", "events")


def load_components(names: tuple[str, ...] = DEFAULT_COMPONENTS) -> list[Component]:
    for name in names:
        module = BUILTIN_MODULES.get(name)
        if module:
            importlib.import_module(module)
    return order(names)
