"""HTML pages: main text, title and publication date with trafilatura."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

import trafilatura

from sitrep.errors import MalformedInputError
from sitrep.ingest.loaded import Loaded, Yielded
from sitrep.ingest.normalize import normalize_text, parse_iso_date
from sitrep.options import Options
from sitrep.records import Article

# Only dates the page states about itself (meta tags, structured data, URL), not
# the first date-like string in the body: a body date is often the event, not
# the publication.  "original_date" prefers the first publication over updates.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# Extracted "text" with fewer letters than this is debris of broken markup or a
# menu, not an article.
_MIN_LETTERS = 12
_LETTER = re.compile(r"[^\W\d_]")
_HINT = "save the article page itself (not an index or a login page), or paste its text into a .txt file"

# trafilatura logs every page it finds nothing in; the ItemError already says so.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def _extract(text: str, item: str) -> Any:
    try:
        return trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, date_extraction_params=_DATE_PARAMS
        )
    except Exception as exc:  # lxml and trafilatura raise many types on broken markup
        raise MalformedInputError(
            f"malformed HTML ({type(exc).__name__}: {exc})", item=item, hint=_HINT
        ) from exc


def parse(loaded: Loaded, options: Options) -> Iterator[Yielded]:
    doc = _extract(loaded.text, loaded.item)
    body = normalize_text(doc.text or "") if doc is not None else ""
    if len(_LETTER.findall(body, 0, 1000)) < _MIN_LETTERS:
        raise MalformedInputError(
            "no article text could be extracted from the HTML", item=loaded.item, hint=_HINT
        )
    date = parse_iso_date(doc.date)
    metadata = {
        key: value
        for key, value in (
            ("author", doc.author),
            ("description", doc.description),
            ("hostname", doc.hostname),
        )
        if value
    }
    yield Article(
        id=loaded.single_id(),
        text=body,
        title=doc.title or None,
        date=date,
        date_source="html-meta" if date else None,
        source=doc.sitename or doc.hostname or None,
        url=doc.url or None,
        origin=loaded.item,
        fmt="html",
        metadata=metadata,
    )
