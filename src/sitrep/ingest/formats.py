"""Format name -> parser.  To add a format, see docs/INGEST.md ("Adding a format")."""

from __future__ import annotations

from sitrep.ingest import feed, html, jsonl, text
from sitrep.ingest.loaded import Parser

FORMATS: dict[str, Parser] = {
    "text": text.parse,
    "html": html.parse,
    "feed": feed.parse,
    "jsonl": jsonl.parse,
    "json": jsonl.parse_json,
}
