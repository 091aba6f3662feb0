"""Text normalisation, content hashes and the date formats inputs carry."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

_WS = re.compile(r"\s+")
# ISO dates as inputs give them: 2019-04-02, 2019-04-02T10:15:00Z, 2019-04-02 10:15:00+03:00
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]|\s*$)")


def normalize_text(text: str) -> str:
    """NFC and ``\\n`` line ends; everything else is kept as it is so offsets match the input."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def content_hash(text: str) -> str:
    """sha256 (hex) of the text after NFC and collapsing every whitespace run to one space.

    Whitespace is collapsed so that the same story re-wrapped or re-indented by
    another channel (feed vs page vs text file) hashes the same, which is what
    duplicate detection needs.
    """
    norm = _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def parse_iso_date(value: object) -> dt.date | None:
    """A date from an ISO date or datetime string (the date part as written); None if not one.

    The calendar date is taken as written, without converting a time zone, since
    a publication date is meant in the publisher's local time.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    m = _ISO_DATE.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
