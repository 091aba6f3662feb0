"""Components registered by name with what they require and assign (after spaCy's factories).

A component is a function ``fn(doc: Document, options: Options) -> None`` that
reads some fields of the Document and fills others.  Users add an extractor
without editing core code::

    from sitrep.registry import component

    @component("my_extractor", requires=("sentences", "mentions"), assigns=("events",))
    def my_extractor(doc, options):
        ...

and list it in ``Options.extra["components"]`` (or a plugin's entry point).
The pipeline runs components in an order where every requirement is assigned
by an earlier component (the NLP pass assigns sentences and mentions).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.errors import ConfigError

if TYPE_CHECKING:
    from sitrep.options import Options
    from sitrep.records import Document

ComponentFn = Callable[["Document", "Options"], None]


@dataclass(frozen=True)
class Component:
    name: str
    fn: ComponentFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_REGISTRY: dict[str, Component] = {}

# what the NLP pass provides before any component runs
BASE_FIELDS = ("article", "sentences", "mentions")


def component(
    name: str, requires: Iterable[str] = (), assigns: Iterable[str] = ()
) -> Callable[[ComponentFn], ComponentFn]:
    def deco(fn: ComponentFn) -> ComponentFn:
        _REGISTRY[name] = Component(name, fn, tuple(requires), tuple(assigns))
        return fn

    return deco


def get(name: str) -> Component:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ConfigError(
            f"unknown component {name!r}", hint=f"registered: {', '.join(sorted(_REGISTRY))}"
        ) from None


def registered() -> dict[str, Component]:
    return dict(_REGISTRY)


def order(names: Iterable[str]) -> list[Component]:
    """Components in the given order, checked so that each one's requirements are met."""
    have = set(BASE_FIELDS)
    out: list[Component] = []
    for name in names:
        comp = get(name)
        missing = [r for r in comp.requires if r not in have]
        if missing:
            raise ConfigError(
                f"component {name!r} requires {', '.join(missing)}, which no earlier component assigns"
            )
        have.update(comp.assigns)
        out.append(comp)
    return out
