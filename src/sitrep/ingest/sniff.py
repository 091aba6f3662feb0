"""Which format an input is in: by file name first, then by content.

Formats: ``text``, ``html``, ``feed`` (RSS/Atom), ``jsonl`` (one article per
line) and ``json`` (a JSON file: an article list, else metadata that is skipped).
"""

from __future__ import annotations

import json
import re

# File extension (lower case, after any ".gz") -> format.
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
# Extensions whose name only says "XML": the content decides between feed and HTML.
_XML_LIKE = {"feed"}

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]", re.I)
_HTML_MARK = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_HTML_TAG = re.compile(r"<(?:p|div|span|a|h[1-6]|table|meta|title|article|section)[\s>/]", re.I)


def strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def format_by_name(name: str) -> str | None:
    """The format a file name claims (``.gz`` looked through), or None for an unknown extension."""
    base = strip_gz(name).lower()
    dot = base.rfind(".")
    return EXTENSIONS.get(base[dot:]) if dot > 0 else None


def _looks_html(head: str) -> bool:
    return bool(_HTML_MARK.search(head)) and not _FEED_ROOT.search(head)


def sniff_content(head: str) -> str:
    """Format from decoded text (the whole input, or at least its first line)."""
    text = head.lstrip("\ufeff \t\r\n")
    s = text[:8192]
    if s.startswith("<"):
        if _FEED_ROOT.search(s) and not _HTML_MARK.search(s):
            return "feed"
        if _HTML_MARK.search(s) or _HTML_TAG.search(s):
            return "html"
        if s.startswith("<?xml"):
            return "feed"  # an XML file that is not HTML: let the feed parser judge it
        return "text"
    if s.startswith("["):
        return "json"
    if s.startswith("{"):
        first = text.split("\n", 1)[0]
        try:
            json.loads(first)
        except ValueError:
            return "json"  # one object over several lines (pretty-printed), or broken JSON
        return "jsonl"
    return "text"


def detect_format(name: str, head: str) -> str:
    """Extension first; XML-ish names and unknown extensions are settled by the content."""
    by_name = format_by_name(name)
    if by_name in _XML_LIKE:
        return "html" if _looks_html(head) else by_name
    if by_name:
        return by_name
    return sniff_content(head)
