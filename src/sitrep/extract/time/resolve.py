"""Resolvers: one small function per rule kind, turning matched values into a date range.

A resolver gets the normalised values of a match, the anchor (article date) and
whether a future cue precedes the expression, and returns a ``Resolution``.
``anchored`` says whether the result depends on the anchor: for an undated
article the engine runs anchored resolvers on a reference date only to learn
the precision and direction, and keeps the expression relative.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sitrep.extract.time import calendar as cal
from sitrep.extract.time.rules import Rule, RuleSet

DAY = dt.timedelta(days=1)
_DIGITS = re.compile(r"\d+")


@dataclass
class Values:
    """A match's groups, normalised (None where the group did not take part)."""

    raw: Mapping[str, str]
    text: str = ""  # the whole match
    weekday: int | None = None
    month: int | None = None
    month2: int | None = None
    day: int | None = None
    day2: int | None = None
    year: int | None = None
    num: int | None = None
    unit: str | None = None
    part: str | None = None
    season: str | None = None
    which: str | None = None
    yrel: str | None = None  # "last"/"this"/"next" year after a month name
    pre: str | None = None
    dir: str | None = None
    decade: int | None = None


@dataclass
class Resolution:
    start: dt.date | None
    end: dt.date | None
    anchored: bool  # depends on the anchor (relative expression)
    future: bool = False  # points after the anchor by its meaning ("tomorrow", "next week")
    precision: int | None = None  # None: from the range's length
    offset: tuple[int, str] | None = None  # anaphoric/event-relative: signed amount and unit
    cue_used: bool = False  # a future cue turned an ambiguous expression forward


def values_from(groups: Mapping[str, str | None], rs: RuleSet, text: str = "") -> Values:
    raw = {k: v for k, v in groups.items() if v is not None}
    vocab = rs.vocab
    v = Values(raw=raw, text=text)

    def number(text: str) -> int | None:
        digits = _DIGITS.fullmatch(text)
        return int(text) if digits else vocab.numbers.get(" ".join(text.lower().split()))

    if "weekday" in raw:
        v.weekday = vocab.weekdays.get(raw["weekday"].lower().rstrip("."))
    for key in ("month", "month2"):
        if key in raw:
            setattr(v, key, vocab.months.get(raw[key].lower().rstrip(".")))
    for key in ("day", "day2", "year", "decade"):
        if key in raw:
            setattr(v, key, int(_DIGITS.match(raw[key]).group()))  # type: ignore[union-attr]
    if "num" in raw:
        v.num = number(raw["num"])
    if "unit" in raw:
        unit = raw["unit"].lower()
        v.unit = vocab.units.get(unit, "day" if unit in ("morning", "afternoon", "evening") else unit)
    if "part" in raw:
        v.part = vocab.parts.get(" ".join(raw["part"].lower().split()), raw["part"].lower())
    if "season" in raw:
        v.season = raw["season"].lower()
    for key in ("which", "yrel", "pre", "dir"):
        if key in raw:
            setattr(v, key, raw[key].lower().replace("the ", ""))
    return v


# --- resolvers ------------------------------------------------------------------------------------

Resolver = Callable[[Values, dt.date, Rule, RuleSet, bool], "Resolution | None"]


def _offset(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution:
    days = int(rule.params.get("days", 0))
    end_days = int(rule.params.get("end_days", days))
    return Resolution(anchor + days * DAY, anchor + end_days * DAY, anchored=True, future=days > 0)


def _weekday(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution | None:
    if v.weekday is None:
        return None
    which = v.which
    cue = False
    if which in ("last", "past", "previous"):
        day = cal.weekday_on_or_before(anchor - DAY, v.weekday)
    elif which in ("next", "coming"):
        day = cal.weekday_on_or_after(anchor + DAY, v.weekday)
    elif which == "this":
        day = cal.week_of(anchor)[0] + v.weekday * DAY
    elif future:
        day, cue = cal.weekday_on_or_after(anchor, v.weekday), True
    else:
        day = cal.weekday_on_or_before(anchor, v.weekday)
    return Resolution(day, day, anchored=True, future=day > anchor, cue_used=cue)


def _week(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution:
    monday, sunday = cal.week_of(anchor)
    if v.which in ("last", "previous"):
        return Resolution(monday - 7 * DAY, sunday - 7 * DAY, anchored=True)
    if v.which in ("next", "coming"):
        return Resolution(monday + 7 * DAY, sunday + 7 * DAY, anchored=True, future=True)
    if v.pre in ("later", "late"):  # "later this week": the days after the anchor
        start = min(anchor + DAY, sunday)
        return Resolution(start, sunday, anchored=True, future=True)
    return Resolution(monday, anchor, anchored=True)  # this week / earlier this week, up to the anchor


def _weekend(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution:
    text = " ".join(v.text.lower().split())
    upcoming = "next weekend" in text or (future and anchor.weekday() < 5 and "last" not in text)
    if upcoming:
        saturday = cal.weekday_on_or_after(anchor + DAY, 5)
        return Resolution(saturday, saturday + DAY, anchored=True, future=True, cue_used=future)
    saturday = cal.weekday_on_or_before(anchor, 5)
    start, end = cal.clip_end((saturday, saturday + DAY), anchor)
    return Resolution(start, end, anchored=True)


def _days_back(n: int, unit: str, anchor: dt.date, explicit_num: bool) -> dt.date | None:
    """First day of "the past n units" ending on the anchor (see docs/TIME.md for the convention)."""
    if unit == "minute":
        return anchor
    if unit == "hour":
        return anchor - math.ceil(n / 24) * DAY
    if unit == "day":
        # "the past day" means the last 24 hours, which cross midnight; "the past three days" are
        # the anchor and the two days before it
        return anchor - (n - 1 if explicit_num else 1) * DAY
    if unit == "week":
        return anchor - (7 * n - 1) * DAY
    if unit == "month":
        return cal.shift_months(anchor, -n) + DAY
    if unit == "year":
        return cal.shift_months(anchor, -12 * n) + DAY
    return None


def _window(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution | None:
    if v.unit is None:
        return None
    start = _days_back(v.num or 1, v.unit, anchor, v.num is not None)
    return Resolution(start, anchor, anchored=True) if start else None


def _recent(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution | None:
    unit = (v.unit or "day").rstrip("s")
    days = rs.settings.recent_days.get(unit)
    if not days:
        return None
    return Resolution(anchor - (days - 1) * DAY, anchor, anchored=True)


def _ago(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution | None:
    n = v.num if v.num is not None else 1
    if v.unit in ("minute", "hour"):
        day = anchor - (n // 24 if v.unit == "hour" else 0) * DAY
        return Resolution(day, day, anchored=True, precision=1)
    if v.unit == "day":
        day = anchor - n * DAY
        return Resolution(day, day, anchored=True, precision=1)
    if v.unit == "week":
        start, end = cal.week_of(anchor - 7 * n * DAY)
        return Resolution(start, end, anchored=True, precision=2)
    if v.unit == "month":
        year, month = cal.add_months(anchor.year, anchor.month, -n)
        start, end = cal.month_range(year, month)
        return Resolution(start, end, anchored=True, precision=3)
    if v.unit == "year":
        return Resolution(dt.date(anchor.year - n, 1, 1), dt.date(anchor.year - n, 12, 31), anchored=True,
                          precision=3)
    return None


def _part_range(rs: RuleSet, scale: str, part: str | None) -> tuple[int, int] | None:
    if part is None:
        return None
    return rs.vocab.part_ranges.get(scale, {}).get(part)


def _part_name(rs: RuleSet, pre: str | None) -> str | None:
    """"beginning" (from "the beginning of last month") or "early" -> the part name."""
    if pre is None:
        return None
    return rs.vocab.parts.get(f"the {pre} of", rs.vocab.parts.get(pre, pre))


def _month_rel(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution:
    delta = {"last": -1, "previous": -1, "next": 1}.get(v.which or "", 0)
    year, month = cal.add_months(anchor.year, anchor.month, delta)
    start, end = cal.month_range(year, month)
    pre = _part_name(rs, v.pre)
    if delta == 0 and v.pre == "earlier":
        return Resolution(start, anchor, anchored=True)
    if delta == 0 and v.pre == "later":
        return Resolution(min(anchor + DAY, end), end, anchored=True, future=True)
    days = _part_range(rs, "month", pre)
    if days:
        start, end = cal.part_of_month(year, month, *days)
    return Resolution(start, end, anchored=True, future=delta > 0)


def _year_rel(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution:
    delta = {"last": -1, "previous": -1, "next": 1}.get(v.which or "", 0)
    year = anchor.year + delta
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    pre = _part_name(rs, v.pre)
    if delta == 0 and v.pre == "earlier":
        return Resolution(start, anchor, anchored=True)
    if delta == 0 and v.pre == "later":
        return Resolution(min(anchor + DAY, end), end, anchored=True, future=True)
    months = _part_range(rs, "year", pre)
    if months:
        start, end = cal.months_span(year, *months)
    return Resolution(start, end, anchored=True, future=delta > 0)


def _infer_year(month: int, day: int, anchor: dt.date, rs: RuleSet, future: bool) -> int:
    """The year of a day-and-month without a year: the anchor's, unless that is clearly after it
    (then the year before) — or, after a future cue, clearly before it (then the year after)."""
    grace = rs.settings.future_year_grace_days * DAY
    candidate = cal.safe_date(anchor.year, month, min(day, cal.month_end(anchor.year, month).day))
    assert candidate is not None
    if future:
        return anchor.year + 1 if candidate < anchor - grace else anchor.year
    return anchor.year - 1 if candidate > anchor + grace else anchor.year


def _date(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution | None:
    if v.month is None or v.day is None:
        return None
    if v.year is not None:
        day = cal.safe_date(v.year, v.month, v.day)
        return Resolution(day, day, anchored=False) if day else None
    if cal.safe_date(2000, v.month, v.day) is None:  # 2000 is a leap year: Feb 29 is valid
        return None
    year = _infer_year(v.month, v.day, anchor, rs, future)
    day = cal.safe_date(year, v.month, v.day) or cal.safe_date(year, v.month, v.day - 1)
    assert day is not None
    return Resolution(day, day, anchored=True, future=day > anchor, cue_used=future)


def _date_range(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution | None:
    if v.month is None or v.day is None or v.day2 is None or v.day2 <= v.day:
        return None
    year = v.year if v.year is not None else _infer_year(v.month, v.day, anchor, rs, future)
    start, end = cal.safe_date(year, v.month, v.day), cal.safe_date(year, v.month, v.day2)
    if start is None or end is None:
        return None
    return Resolution(start, end, anchored=v.year is None, future=start > anchor)


def _numeric(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution | None:
    day = numeric_date(v.raw, rs)
    return Resolution(day, day, anchored=False) if day else None


def numeric_date(raw: Mapping[str, str], rs: RuleSet, order: str | None = None) -> dt.date | None:
    """A numeric date from groups a, b (and sep), year; None where the order is ambiguous.

    ``order`` ("dmy" / "mdy") settles an ambiguous one, e.g. the order a source was seen to use
    (sitrep.extract.time.date_order); default: the setting ``ambiguous_numeric_order``."""
    a, b, year = int(raw["a"]), int(raw["b"]), int(raw["year"])
    sep = raw.get("sep")
    if sep is None:  # ISO year-month-day: b is the month
        return cal.safe_date(year, b, a)
    if sep in rs.settings.numeric_day_first_separators:
        return cal.safe_date(year, b, a)
    if a > 12 or a == b:
        return cal.safe_date(year, b, a)
    if b > 12:
        return cal.safe_date(year, a, b)
    order = order or rs.settings.ambiguous_numeric_order
    if order == "dmy":
        return cal.safe_date(year, b, a)
    if order == "mdy":
        return cal.safe_date(year, a, b)
    return None


def _month(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution | None:
    if v.month is None:
        return None
    anchored = v.year is None
    cue = False
    if v.year is not None:
        year = v.year
    elif v.yrel is not None:
        year = anchor.year + {"last": -1, "next": 1}.get(v.yrel, 0)
    elif v.which in ("last", "past"):
        year = anchor.year if v.month < anchor.month else anchor.year - 1
    elif v.which == "next":
        year = anchor.year if v.month > anchor.month else anchor.year + 1
    elif v.which == "this":
        year = anchor.year
    elif future:
        year, cue = (anchor.year if v.month >= anchor.month else anchor.year + 1), True
    else:
        year = anchor.year if v.month <= anchor.month else anchor.year - 1
    start, end = cal.month_range(year, v.month)
    days = _part_range(rs, "month", v.part)
    if days:
        start, end = cal.part_of_month(year, v.month, *days)
    return Resolution(start, end, anchored=anchored, future=start > anchor, precision=3, cue_used=cue)


def _year(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution | None:
    if v.year is None:
        return None
    start, end = dt.date(v.year, 1, 1), dt.date(v.year, 12, 31)
    if v.season and v.season in rs.vocab.seasons:
        start, end = cal.months_span(v.year, *rs.vocab.seasons[v.season])
    months = _part_range(rs, "year", v.part)
    if months:
        start, end = cal.months_span(v.year, *months)
    return Resolution(start, end, anchored=False)


def _decade(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution | None:
    if v.decade is None:
        return None
    first, last = _part_range(rs, "decade", v.part) or (0, 9)
    return Resolution(dt.date(v.decade + first, 1, 1), dt.date(v.decade + last, 12, 31), anchored=False)


_UNIT_PRECISION = {"minute": 1, "hour": 1, "day": 1, "week": 2, "month": 3, "year": 3}
_FORWARD = {"later", "after", "next", "following"}


def _relative(v: Values, anchor: dt.date, rule: Rule, rs: RuleSet, future: bool) -> Resolution | None:
    """Anaphoric and event-relative expressions: no dates here, an offset for the engine."""
    if v.unit is None or v.dir is None:
        return None
    n = v.num if v.num is not None else 1
    sign = 1 if v.dir in _FORWARD else -1
    return Resolution(None, None, anchored=True, precision=_UNIT_PRECISION.get(v.unit),
                      offset=(sign * n, v.unit))


RESOLVERS: dict[str, Resolver] = {
    "offset": _offset,
    "weekday": _weekday,
    "week": _week,
    "weekend": _weekend,
    "window": _window,
    "recent": _recent,
    "ago": _ago,
    "month_rel": _month_rel,
    "year_rel": _year_rel,
    "date": _date,
    "date_range": _date_range,
    "numeric": _numeric,
    "month": _month,
    "year": _year,
    "decade": _decade,
    "anaphoric": _relative,
    "event_relative": _relative,
}


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """``day`` moved by ``amount`` units (hours and minutes round to whole days)."""
    if unit == "minute":
        return day
    if unit == "hour":  # "hours later" stays on the same day unless it is a day or more
        whole_days = abs(amount) // 24
        return day + (whole_days if amount > 0 else -whole_days) * DAY
    if unit == "day":
        return day + amount * DAY
    if unit == "week":
        return day + 7 * amount * DAY
    if unit == "month":
        return cal.shift_months(day, amount)
    if unit == "year":
        return cal.shift_months(day, 12 * amount)
    return day
