"""What ``read_inputs`` yields besides articles: an item that failed, an item left out."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.errors import SitrepError


@dataclass
class ItemError:
    """An input item that could not be read; the iteration goes on with the next item.

    ``item`` is the path, ``path:LINE`` for a JSONL line, or ``path#N`` for a
    feed entry (N counts from 1).  ``error`` is an ``InputError`` subclass whose
    message names the item, the problem and the fix.
    """

    item: str
    error: SitrepError

    def __str__(self) -> str:
        return str(self.error)


@dataclass
class ItemSkipped:
    """An input item deliberately not read as an article (metadata, documentation, images...)."""

    item: str
    reason: str

    def __str__(self) -> str:
        return f"{self.item}: skipped ({self.reason})"
