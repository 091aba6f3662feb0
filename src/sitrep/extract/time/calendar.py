"""Date arithmetic used by the resolvers (weeks start on Monday, ranges are inclusive)."""

from __future__ import annotations

import calendar
import datetime as dt

Range = tuple[dt.date, dt.date]


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_range(year: int, month: int) -> Range:
    return dt.date(year, month, 1), month_end(year, month)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift_months(day: dt.date, delta: int) -> dt.date:
    """The same day ``delta`` months away (clamped to the month's last day)."""
    year, month = add_months(day.year, day.month, delta)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def week_of(day: dt.date) -> Range:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def weekday_on_or_before(anchor: dt.date, weekday: int) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_on_or_after(anchor: dt.date, weekday: int) -> dt.date:
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)


def part_of_month(year: int, month: int, first: int, last: int) -> Range:
    end = month_end(year, month)
    return dt.date(year, month, min(first, end.day)), dt.date(year, month, min(last, end.day))


def months_span(year: int, first_month: int, last_month: int) -> Range:
    """Months first..last of ``year``; a span that wraps (winter: 12..2) ends in the next year."""
    start = dt.date(year, first_month, 1)
    end_year = year + 1 if last_month < first_month else year
    return start, month_end(end_year, last_month)


def days_in(r: Range) -> int:
    return (r[1] - r[0]).days + 1


def clip_end(r: Range, anchor: dt.date) -> Range:
    """Cut a range at the anchor (reports do not describe the days after they were written)."""
    return r[0], min(r[1], max(anchor, r[0]))
