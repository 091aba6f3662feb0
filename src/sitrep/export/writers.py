"""Streaming writers: every format writes row by row to a text stream, so exports of any size
stream in constant memory (the HTTP API streams the same generators)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from sitrep.acled import ACLED_COLUMNS
from sitrep.errors import ConfigError
from sitrep.serialize import to_jsonable
from sitrep.store.core import ARTICLE_COLUMNS, EventFilter, Store

# sitrep's own, after ACLED's
SITREP_COLUMNS = ["event_date_end", "documents", "evidence", "confidence", "reviewed", "sources_disagree"]
CLAIM_COLUMNS = [
    "claim_id",
    "speaker",
    "affiliation",
    "cue",
    "kind",
    "quote",
    "documents",
    "start",
    "end",
    "event_ids",
]
MENTION_COLUMNS = ["article_id", "kind", "label", "start", "end", "text", "sentence_index", "attrs"]

EVENT_FORMATS = ("csv", "geojson", "jsonl")


def _fmt_date(v: Any) -> str:
    return "" if v in (None, "") else str(v)[:10]


def event_csv_row(e: dict[str, Any]) -> dict[str, Any]:
    """One ACLED-column row (plus sitrep's columns) from a stored merged event."""
    date = _fmt_date(e.get("event_date"))
    ts = e.get("updated_at") or ""
    row: dict[str, Any] = {c: e.get(c) for c in ACLED_COLUMNS}
    row.update(
        event_id_cnty=e.get("event_id"),
        event_date=date,
        year=date[:4] if date else "",
        timestamp=ts,
        event_date_end=_fmt_date(e.get("event_date_end")),
        documents=";".join(e.get("article_ids") or []),
        evidence=" | ".join(
            dict.fromkeys(ev.get("text", "") for ev in e.get("evidence") or [] if ev.get("text"))
        ),
        confidence=e.get("confidence"),
        reviewed="yes" if e.get("reviewed") else "no",
        sources_disagree=";".join(sorted((e.get("conflicts") or {}).keys())),
    )
    if not date and e.get("relative_date"):
        # undated article: no calendar date is invented; the relative description goes in tags
        row["tags"] = "; ".join(x for x in (row.get("tags"), f"relative date: {e['relative_date']}") if x)
    return {k: ("" if v is None else v) for k, v in row.items()}


def _events(store: Store, flt: EventFilter | None, include_unreviewed: bool) -> Iterator[dict[str, Any]]:
    flt = flt or EventFilter()
    if not include_unreviewed:
        flt.reviewed = True
    yield from store.iter_events(flt)


def iter_events_export(
    store: Store, fmt: str, flt: EventFilter | None = None, include_unreviewed: bool = True
) -> Iterator[str]:
    """The export as chunks of text (used by the CLI and streamed by the API)."""
    if fmt not in EVENT_FORMATS:
        raise ConfigError(f"unknown events format {fmt!r}", hint=f"use one of {', '.join(EVENT_FORMATS)}")
    events = _events(store, flt, include_unreviewed)
    if fmt == "csv":
        yield from _csv_chunks((event_csv_row(e) for e in events), ACLED_COLUMNS + SITREP_COLUMNS)
    elif fmt == "jsonl":
        for e in events:
            yield json.dumps(to_jsonable(e), ensure_ascii=False) + "\n"
    else:
        yield '{"type": "FeatureCollection", "features": [\n'
        first = True
        for e in events:
            if e.get("latitude") is None or e.get("longitude") is None:
                continue
            props = {k: v for k, v in to_jsonable(e).items() if k not in ("provenance",)}
            feat = {
                "type": "Feature",
                "id": e.get("event_id"),
                "geometry": {"type": "Point", "coordinates": [e["longitude"], e["latitude"]]},
                "properties": props,
            }
            yield ("" if first else ",\n") + json.dumps(feat, ensure_ascii=False)
            first = False
        yield "\n]}\n"


def _csv_chunks(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    yield buf.getvalue()
    for row in rows:
        buf.seek(0)
        buf.truncate()
        w.writerow(row)
        yield buf.getvalue()


def write_events(
    store: Store, fmt: str, out: TextIO, flt: EventFilter | None = None, include_unreviewed: bool = True
) -> int:
    n = 0
    for chunk in iter_events_export(store, fmt, flt, include_unreviewed):
        out.write(chunk)
        n += 1
    return n


def iter_claims_export(store: Store, fmt: str, **filters: Any) -> Iterator[str]:
    claims = store.iter_claims(**filters)
    if fmt == "jsonl":
        for c in claims:
            yield json.dumps(to_jsonable(c), ensure_ascii=False) + "\n"
    elif fmt == "csv":

        def rows() -> Iterator[dict[str, Any]]:
            for c in claims:
                yield {
                    "claim_id": c.get("claim_id"),
                    "speaker": c.get("speaker"),
                    "affiliation": c.get("affiliation") or "",
                    "cue": c.get("cue"),
                    "kind": c.get("kind"),
                    "quote": c.get("quote"),
                    "documents": c.get("article_id"),
                    "start": c.get("start"),
                    "end": c.get("end"),
                    "event_ids": ";".join(c.get("event_ids") or []),
                }

        yield from _csv_chunks(rows(), CLAIM_COLUMNS)
    else:
        raise ConfigError(f"unknown claims format {fmt!r}", hint="use csv or jsonl")


def write_claims(store: Store, fmt: str, out: TextIO, **filters: Any) -> None:
    for chunk in iter_claims_export(store, fmt, **filters):
        out.write(chunk)


def write_articles(store: Store, fmt: str, out: TextIO) -> None:
    arts = store.iter_articles()
    if fmt == "jsonl":
        for a in arts:
            out.write(json.dumps(to_jsonable(a), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        for chunk in _csv_chunks(
            ({k: ("" if a.get(k) is None else a.get(k)) for k in ARTICLE_COLUMNS} for a in arts),
            list(ARTICLE_COLUMNS),
        ):
            out.write(chunk)
    else:
        raise ConfigError(f"unknown articles format {fmt!r}", hint="use csv or jsonl")


def write_mentions(store: Store, fmt: str, out: TextIO, kind: str | None = None) -> None:
    ms = store.iter_mentions(kind)
    if fmt == "jsonl":
        for m in ms:
            out.write(json.dumps(to_jsonable(m), ensure_ascii=False) + "\n")
    elif fmt == "csv":

        def rows() -> Iterator[dict[str, Any]]:
            for m in ms:
                m = dict(m)
                m["attrs"] = json.dumps(m.get("attrs") or {}, ensure_ascii=False)
                yield m

        for chunk in _csv_chunks(rows(), MENTION_COLUMNS):
            out.write(chunk)
    else:
        raise ConfigError(f"unknown mentions format {fmt!r}", hint="use csv or jsonl")
