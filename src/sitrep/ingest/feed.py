"""RSS and Atom feeds (feedparser): every entry is an article."""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import io
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from sitrep.errors import EmptyInputError, MalformedInputError
from sitrep.ingest.htmltext import html_to_text
from sitrep.ingest.loaded import Loaded, Yielded
from sitrep.ingest.normalize import normalize_text, parse_iso_date
from sitrep.ingest.results import ItemError
from sitrep.options import Options
from sitrep.records import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _entry_date(entry: Any) -> dt.date | None:
    """The publication (else update) date as the feed writes it, in the publisher's time zone.

    feedparser's ``*_parsed`` values are converted to UTC, which moves a late
    evening story to the next day; the raw string keeps the publisher's date.
    """
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        date = parse_iso_date(raw)
        if date:
            return date
        try:
            return email.utils.parsedate_to_datetime(raw).date()
        except (TypeError, ValueError, IndexError):
            pass
        parsed: time.struct_time | None = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _as_text(detail: Any) -> str:
    """Text of a content/summary value: markup rendered to paragraphs, plain text kept as written."""
    value = detail.get("value") or ""
    is_html = detail.get("type", "text/html") in _HTML_TYPES
    if is_html and "<" in value:
        return html_to_text(value)
    # No tags: keep the writer's line breaks (html_to_text would fold them into spaces).
    return (html.unescape(value) if is_html else value).strip()


def _entry_text(entry: Any) -> str:
    """The fullest text the entry has: its content, else its summary."""
    contents = [_as_text(c) for c in entry.get("content") or []]
    best = max(contents, key=len, default="")
    if not best and entry.get("summary"):
        best = _as_text(entry.get("summary_detail") or {"value": entry.get("summary"), "type": "text/html"})
    return normalize_text(best)


def _entry_article(entry: Any, n: int, loaded: Loaded, feed_title: str | None) -> Article:
    item = f"{loaded.item}#{n}"
    text = _entry_text(entry)
    if not text.strip():
        raise EmptyInputError("feed entry has no content or summary", item=item, hint="the entry is left out")
    title = entry.get("title")
    source_detail = entry.get("source") or {}
    metadata: dict[str, Any] = {}
    if entry.get("author"):
        metadata["author"] = entry["author"]
    if entry.get("tags"):
        metadata["tags"] = [t.get("term") for t in entry["tags"] if t.get("term")]
    if feed_title:
        metadata["feed_title"] = feed_title
    date = _entry_date(entry)
    return Article(
        id=str(entry.get("id") or entry.get("link") or f"{loaded.single_id()}#{n}"),
        text=text,
        title=html_to_text(title) if title else None,
        date=date,
        date_source="feed" if date else None,
        source=source_detail.get("title") or feed_title or None,
        url=entry.get("link") or None,
        origin=item,
        fmt="feed",
        metadata=metadata,
    )


def parse(loaded: Loaded, options: Options) -> Iterator[Yielded]:
    # A stream, never a string: feedparser would take a string for a URL or a file name.
    parsed = feedparser.parse(io.BytesIO(loaded.data))
    feed_title = (parsed.get("feed") or {}).get("title")
    feed_title = html_to_text(feed_title) if feed_title else None
    results: list[Yielded] = []
    for n, entry in enumerate(parsed.get("entries") or [], start=1):
        try:
            results.append(_entry_article(entry, n, loaded, feed_title))
        except (EmptyInputError, MalformedInputError) as exc:
            results.append(ItemError(f"{loaded.item}#{n}", exc))
    if parsed.get("bozo") and not any(isinstance(r, Article) for r in results):
        # Broken XML that yielded nothing usable: one error for the file, not one per debris entry.
        raise MalformedInputError(
            f"malformed feed ({parsed.get('bozo_exception')})",
            item=loaded.item,
            hint="check that it is well-formed RSS or Atom XML",
        )
    if not results:
        raise EmptyInputError("feed has no entries", item=loaded.item, hint="nothing to ingest in it")
    yield from results
