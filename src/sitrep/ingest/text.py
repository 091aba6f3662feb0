"""Plain text: an optional ``date YYYY-MM-DD`` line (or prefix), else a title line."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from sitrep.errors import EmptyInputError, MalformedInputError
from sitrep.ingest.loaded import Loaded, Yielded
from sitrep.options import Options
from sitrep.records import Article

# "date 2019-04-02" at the very start, alone on its line or as a prefix of the
# first sentence (" date 2019-04-02 US-backed Syrian fighters said...").  The
# trailing whitespace is part of the match so the body starts at its first word.
_DATE_LINE = re.compile(r"\A\s*date:?[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?=\s|\Z)\s*", re.I)
# A headline is a short line that does not end like a sentence.
_TITLE_MAX_CHARS = 250
_SENTENCE_END = re.compile(r"[.;,][\"'”’)\]]*\Z")
_MD_HEADING = re.compile(r"\A#{1,6}\s+")


def split_date_line(text: str, item: str) -> tuple[dt.date | None, str]:
    """(date, body): the date line removed; (None, text) when there is none."""
    m = _DATE_LINE.match(text)
    if not m:
        return None, text
    y, mo, d = (int(g) for g in m.group(1).split("-"))
    try:
        date = dt.date(y, mo, d)
    except ValueError:
        raise MalformedInputError(
            f"date line has an impossible date {m.group(1)!r}", item=item, hint="write it as date YYYY-MM-DD"
        ) from None
    return date, text[m.end() :]


def title_of(text: str) -> str | None:
    """The first line when it reads as a headline: more text follows, it is short, no final period.

    A next line starting in lower case means the text is hard-wrapped and the
    first line is part of a sentence, not a headline.
    """
    lines = text.lstrip().split("\n", 1)
    if len(lines) < 2 or not lines[1].strip() or lines[1].lstrip()[:1].islower():
        return None
    first = lines[0].strip()
    if not first or len(first) > _TITLE_MAX_CHARS or _SENTENCE_END.search(first):
        return None
    return _MD_HEADING.sub("", first) or None


def parse(loaded: Loaded, options: Options) -> Iterator[Yielded]:
    if not loaded.text.strip():
        raise EmptyInputError(
            "empty file (nothing but whitespace)" if loaded.text else "empty file",
            item=loaded.item,
            hint="remove it or give it the article text",
        )
    date, body = split_date_line(loaded.text, loaded.item)
    if not body.strip():
        raise EmptyInputError(
            "has a date line but no article text",
            item=loaded.item,
            hint="put the article text after the date",
        )
    yield Article(
        id=loaded.single_id(),
        text=body,
        title=title_of(body),
        date=date,
        date_source="date-line" if date else None,
        origin=loaded.item,
        fmt="text",
    )
