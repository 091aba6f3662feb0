"""Records <-> JSON-able dicts (dates as ISO strings), used by the store, exports and the API."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sitrep.records import Claim, Event, Evidence

_PRIMITIVE = (str, int, float, bool, type(None))


def to_jsonable(obj: Any) -> Any:
    # primitives first: they are most of the values, and is_dataclass() is comparatively slow
    if isinstance(obj, _PRIMITIVE):
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {
            f.name: to_jsonable(getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if not f.name.startswith("_")
        }
    if isinstance(obj, dt.datetime):
        return obj.isoformat()
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in obj]
    return obj


def _date(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


def _evidence(items: Any) -> list[Evidence]:
    fields = {f.name for f in dataclasses.fields(Evidence)}
    return [Evidence(**{k: v for k, v in e.items() if k in fields}) for e in items or []]


def event_from_dict(d: dict[str, Any]) -> Event:
    fields = {f.name for f in dataclasses.fields(Event)}
    kw = {k: v for k, v in d.items() if k in fields}
    kw["event_date"] = _date(kw.get("event_date"))
    kw["event_date_end"] = _date(kw.get("event_date_end"))
    kw["evidence"] = _evidence(kw.get("evidence"))
    kw["provenance"] = {k: _evidence(v) for k, v in (kw.get("provenance") or {}).items()}
    return Event(**kw)


def claim_from_dict(d: dict[str, Any]) -> Claim:
    fields = {f.name for f in dataclasses.fields(Claim)}
    kw = {k: v for k, v in d.items() if k in fields}
    kw["quote_spans"] = [tuple(s) for s in kw.get("quote_spans") or []]
    return Claim(**kw)
