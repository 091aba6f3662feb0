"""Applying reviewer corrections to a computed event (used by the store on every recompute)."""

from __future__ import annotations

import dataclasses
from typing import Any

from sitrep.acled import CORRECTABLE
from sitrep.errors import ReviewError
from sitrep.records import Event
from sitrep.serialize import event_from_dict, to_jsonable


def apply_corrections(event: Event, corrections: dict[str, Any]) -> Event:
    """A copy of ``event`` with corrected values; provenance records that a reviewer set them."""
    if not corrections:
        return event
    data = to_jsonable(event)
    for field, value in corrections.items():
        if field not in CORRECTABLE:
            raise ReviewError(f"field {field!r} cannot be corrected", item=event.event_id)
        data[field] = value
        data.setdefault("provenance", {})[field] = [
            {
                "article_id": "",
                "sentence_index": None,
                "start": None,
                "end": None,
                "text": "",
                "field": field,
                "note": "corrected by a reviewer (see audit trail)",
            }
        ]
    new = event_from_dict(data)
    return dataclasses.replace(new)
