"""Datelines: the publication date a text states at its head, and the article's anchor date.

Wire and web texts often begin with their date ("Wed 05 Apr 2017 ...",
"Posted on April 19 2017 by ...", "12 February 2015 ...") or put it right after
the headline ("... Monitor AFP Saturday 16 Jul 2016 ...").  A dateline is the
first complete date (day, month, year) in the head of the text that is either
at the very start, introduced by a label ("Published", "Last updated at"), or
not preceded by a preposition (a date after "on"/"since"/... is part of a
sentence).  A date without a year ("BEIRUT, March 4 (Reuters) -") counts only
when the caller knows the year.
"""

from __future__ import annotations

import datetime as dt
import re

from sitrep.extract.time import calendar as cal
from sitrep.extract.time.hints import url_date, year_hint_for
from sitrep.extract.time.resolve import numeric_date, values_from
from sitrep.extract.time.rules import RuleSet, load_rules
from sitrep.records import Article

ANCHOR_ARTICLE_DATE = "article date"
ANCHOR_DATELINE = "article dateline"
ANCHOR_URL_DATE = "article URL date"
# Article.metadata key: how to read the article's ambiguous numeric dateline (date_order.py)
NUMERIC_ORDER_KEY = "numeric_date_order"

_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


def _match_date(
    m: re.Match[str], rs: RuleSet, year_hint: int | None = None, numeric_order: str | None = None
) -> dt.date | None:
    raw = {k: v for k, v in m.groupdict().items() if v is not None}
    if "a" in raw:
        return numeric_date(raw, rs, numeric_order)
    v = values_from(m.groupdict(), rs, m.group(0))
    year = v.year if v.year is not None else year_hint
    if year is None or v.month is None or v.day is None:
        return None
    return cal.safe_date(year, v.month, v.day)


def _in_dateline_position(head: str, start: int, rs: RuleSet) -> bool:
    before = head[:start]
    if not before.strip(" \t\r\n\"'([-—:|•*"):
        return True
    if rs.dateline_label_end.search(before):
        return True
    word = _LAST_WORD.search(before)
    return not (word and word.group(1).lower() in rs.dateline_blocking)


def find_dateline(
    text: str,
    year_hint: int | None = None,
    data_dirs: tuple[str, ...] = (),
    numeric_order: str | None = None,
) -> tuple[dt.date, int, int] | None:
    """The dateline at the head of ``text``: (date, start, end) with ``text[start:end]`` the date,
    or None.  ``year_hint`` (e.g. from a URL or file metadata) lets a dateline without a year count;
    ``numeric_order`` ("dmy" / "mdy") reads an ambiguous numeric one ("05-09-2013").
    """
    rs = load_rules(data_dirs)
    head = text[: rs.settings.dateline_head_chars]
    best: tuple[dt.date, int, int] | None = None
    for rx in rs.dateline_patterns:
        for m in rx.finditer(head):
            if best is not None and m.start() > best[1]:
                break
            day = _match_date(m, rs, numeric_order=numeric_order)
            if day is None or not _in_dateline_position(head, m.start(), rs):
                continue
            if best is None or (m.start(), -m.end()) < (best[1], -best[2]):
                best = (day, m.start(), m.end())
            break
    if best is None and year_hint is not None:
        for rx in rs.dateline_no_year:
            hit = rx.search(head)
            day = _match_date(hit, rs, year_hint) if hit else None
            if hit and day is not None:
                # the span is the date itself, without the place name before it
                start = hit.start("weekday") if hit.group("weekday") else min(hit.start("month"),
                                                                              hit.start("day"))
                return day, start, max(hit.end("month"), hit.end("day"))
    return best


def numeric_dateline(text: str, data_dirs: tuple[str, ...] = ()) -> tuple[str | None, bool] | None:
    """The first numeric dateline at the head of ``text`` (day and month both in digits, separator
    not one of the day-first ones), as (the order it shows, ambiguous): ("dmy", False) for
    "25-09-2013", ("mdy", False) for "09/25/2013", (None, True) for "05-09-2013"; None when the
    head has no numeric dateline.  A source's unambiguous datelines tell how to read its ambiguous
    ones (sitrep.extract.time.date_order)."""
    rs = load_rules(data_dirs)
    head = text[: rs.settings.dateline_head_chars]
    for rx in rs.dateline_patterns:
        if "sep" not in rx.groupindex:
            continue
        for m in rx.finditer(head):
            if m.group("sep") in rs.settings.numeric_day_first_separators:
                continue
            if not _in_dateline_position(head, m.start(), rs):
                continue
            a, b = int(m.group("a")), int(m.group("b"))
            if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
                return None
            if a == b:
                return None, False  # reads the same both ways: no evidence, nothing to settle
            if a > 12:
                return "dmy", False
            if b > 12:
                return "mdy", False
            return None, True
    return None


def article_anchor(
    article: Article,
    text: str | None = None,
    data_dirs: tuple[str, ...] = (),
    year_hint: int | None = None,
    numeric_order: str | None = None,
) -> tuple[dt.date | None, str | None]:
    """The date relative expressions are resolved against, and where it came from: the article's
    own date ("article date"), else a dateline in the text ("article dateline"; a year-less one
    counts with the URL's year or ``year_hint``), else a date in the article's URL ("article URL
    date"), else (None, None).  Never today's date."""
    if article.date is not None:
        return article.date, ANCHOR_ARTICLE_DATE
    found = find_dateline(
        article.text if text is None else text,
        year_hint=year_hint_for(article, year_hint),
        data_dirs=data_dirs,
        numeric_order=numeric_order or article.metadata.get(NUMERIC_ORDER_KEY),
    )
    if found is not None:
        return found[0], ANCHOR_DATELINE
    from_url, _ = url_date(article.url)
    if from_url is not None:
        return from_url, ANCHOR_URL_DATE
    return None, None
