"""resolve_expression: every kind of expression against hand-picked anchors (no model)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.time import resolve_expression
from sitrep.records import TimeExpression

D = dt.date
THU = D(2016, 8, 11)  # a Thursday
SUN = D(2021, 1, 3)  # a Sunday, early in the year
SAT = D(2018, 9, 29)  # a Saturday


def r(text: str, anchor: dt.date | None = THU) -> TimeExpression:
    te = resolve_expression(text, anchor)
    assert te is not None, text
    assert text[te.start:te.end] == te.text
    return te


def span(te: TimeExpression) -> tuple[dt.date | None, dt.date | None, int | None]:
    return te.date_start, te.date_end, te.precision


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        # weekdays: the most recent on or before the anchor
        ("Thursday", D(2016, 8, 11), D(2016, 8, 11), 1),
        ("said on Wednesday night", D(2016, 8, 10), D(2016, 8, 10), 1),
        ("early Friday", D(2016, 8, 5), D(2016, 8, 5), 1),
        ("late on Monday", D(2016, 8, 8), D(2016, 8, 8), 1),
        ("on Monday morning", D(2016, 8, 8), D(2016, 8, 8), 1),
        ("last Thursday", D(2016, 8, 4), D(2016, 8, 4), 1),
        # days
        ("yesterday", D(2016, 8, 10), D(2016, 8, 10), 1),
        ("last night", D(2016, 8, 10), D(2016, 8, 10), 1),
        ("today", THU, THU, 1),
        ("tonight", THU, THU, 1),
        ("three days ago", D(2016, 8, 8), D(2016, 8, 8), 1),
        # ranges of days
        ("since Sunday", D(2016, 8, 7), THU, 2),
        ("last week", D(2016, 8, 1), D(2016, 8, 7), 2),
        ("this week", D(2016, 8, 8), THU, 2),
        ("earlier this week", D(2016, 8, 8), THU, 2),
        ("over the weekend", D(2016, 8, 6), D(2016, 8, 7), 2),
        ("over the past three days", D(2016, 8, 9), THU, 2),
        ("in the past 24 hours", D(2016, 8, 10), THU, 2),
        ("over the past day", D(2016, 8, 10), THU, 2),
        ("two weeks ago", D(2016, 7, 25), D(2016, 7, 31), 2),
        ("in recent days", D(2016, 8, 5), THU, 2),
        ("between August 3 and 5", D(2016, 8, 3), D(2016, 8, 5), 2),
        # months and longer
        ("the past two weeks", D(2016, 7, 29), THU, 3),
        ("earlier this month", D(2016, 8, 1), THU, 3),
        ("last month", D(2016, 7, 1), D(2016, 7, 31), 3),
        ("in July", D(2016, 7, 1), D(2016, 7, 31), 3),
        ("in early July", D(2016, 7, 1), D(2016, 7, 10), 3),
        ("in August last year", D(2015, 8, 1), D(2015, 8, 31), 3),
        ("since 2011", D(2011, 1, 1), THU, 3),
        # calendar days
        ("on August 6", D(2016, 8, 6), D(2016, 8, 6), 1),
        ("on 6 August", D(2016, 8, 6), D(2016, 8, 6), 1),
        ("the 23rd of July", D(2016, 7, 23), D(2016, 7, 23), 1),
        ("Aug. 3", D(2016, 8, 3), D(2016, 8, 3), 1),
        ("Tuesday, August 9, 2016", D(2016, 8, 9), D(2016, 8, 9), 1),
        ("on 5 March 2019", D(2019, 3, 5), D(2019, 3, 5), 1),
        ("2017-10-05", D(2017, 10, 5), D(2017, 10, 5), 1),
        ("05.10.2017", D(2017, 10, 5), D(2017, 10, 5), 1),
        ("13/10/2017", D(2017, 10, 13), D(2017, 10, 13), 1),
        # absolute months and years
        ("March 2019", D(2019, 3, 1), D(2019, 3, 31), 3),
        ("in 2017", D(2017, 1, 1), D(2017, 12, 31), 3),
        ("in mid-2014", D(2014, 5, 1), D(2014, 8, 31), 3),
        ("in early 2018", D(2018, 1, 1), D(2018, 4, 30), 3),
        ("by the end of 2015", D(2015, 9, 1), D(2015, 12, 31), 3),
        ("in the summer of 2015", D(2015, 6, 1), D(2015, 8, 31), 3),
        ("in the 1990s", D(1990, 1, 1), D(1999, 12, 31), 3),
    ],
)
def test_resolves_against_a_thursday(text: str, start: dt.date, end: dt.date, precision: int) -> None:
    assert span(r(text)) == (start, end, precision)


def test_weekday_on_the_anchor_day_is_the_anchor() -> None:
    assert r("Sunday", SUN).date_start == SUN
    assert r("Saturday", SUN).date_start == D(2021, 1, 2)
    # "last Sunday" said on a Sunday is a week earlier
    assert r("last Sunday", SUN).date_start == D(2020, 12, 27)


def test_weekend_is_clipped_to_the_anchor() -> None:
    # said on a Saturday: the weekend so far is that Saturday
    assert span(r("over the weekend", SAT)) == (SAT, SAT, 2)
    assert span(r("over the weekend", SUN)) == (D(2021, 1, 2), SUN, 2)


def test_weeks_cross_the_year_boundary() -> None:
    assert span(r("last week", SUN)) == (D(2020, 12, 21), D(2020, 12, 27), 2)
    assert span(r("last month", SUN)) == (D(2020, 12, 1), D(2020, 12, 31), 3)


def test_month_day_without_year_after_the_anchor_is_last_year() -> None:
    # an article of 3 January 2021 speaking of "December 28" means 2020
    assert r("on December 28", SUN).date_start == D(2020, 12, 28)
    # a few days ahead stays in the anchor's year (a scheduled date)
    assert r("on August 14").date_start == D(2016, 8, 14)
    # far ahead: the previous year
    assert r("on October 2").date_start == D(2015, 10, 2)
    assert r("in December", SUN).date_start == D(2020, 12, 1)
    assert r("in December").date_start == D(2015, 12, 1)


def test_tense_historical_and_future() -> None:
    assert r("in mid-2014").tense == "historical"
    assert r("in 2017", D(2019, 4, 2)).tense == "historical"
    assert r("last year").tense == "historical"
    assert r("last week").tense == "current"
    assert r("on August 6").tense == "current"
    assert r("tomorrow").tense == "future"
    assert r("next week").tense == "future"
    assert span(r("next week")) == (D(2016, 8, 15), D(2016, 8, 21), 2)
    assert r("later this week").tense == "future"
    assert r("in 2017").tense == "future"  # after a 2016 anchor


def test_future_cue_turns_ambiguous_expressions_forward() -> None:
    te = r("Peace talks are due to resume on Monday")
    assert te.text == "Monday"
    assert te.date_start == D(2016, 8, 15) and te.tense == "future"
    te = r("The ministers will meet in October")
    assert te.date_start == D(2016, 10, 1) and te.tense == "future"
    # the same words in the past tense look back
    assert r("The ministers met on Monday").date_start == D(2016, 8, 8)
    # a cue in another clause does not count
    assert r("He will stay, he said on Monday").date_start == D(2016, 8, 8)


def test_spans_leave_out_neutral_prepositions_but_keep_since() -> None:
    assert r("attacked on Monday").text == "Monday"
    assert r("in 2017").text == "2017"
    assert r("fighting since Sunday").text == "since Sunday"
    assert r("over the past three days").text == "over the past three days"


def test_anchor_label_only_for_relative_expressions() -> None:
    assert r("Monday").anchor == "article date"
    assert r("in 2017").anchor is None
    te = resolve_expression("Monday", THU, anchor_label="article dateline")
    assert te is not None and te.anchor == "article dateline"


def test_relative_to_another_event_stays_relative() -> None:
    te = r("hours after the blast")
    assert te.text == "hours after"
    assert te.date_start is None and te.date_end is None
    assert te.precision == 1
    assert te.relative == "hours after another event"
    te = r("10 days after declaring victory")
    assert te.relative == "10 days after another event"
    assert r("two weeks before the vote").precision == 2


def test_undated_relative_expressions_stay_relative() -> None:
    cases = {
        "Thursday": ("Thursday (weekday of the publication week)", 1),
        "over the weekend": ("the weekend before publication", 2),
        "over the past three days": ("the past three days up to publication", 2),
        "over the past day": ("the past day up to publication", 2),
        "in December": ("December (year not stated)", 3),
        "on March 23": ("March 23 (year not stated)", 1),
        "yesterday": ("the day before publication", 1),
        "since Sunday": ("since Sunday (weekday of the publication week), up to publication", 2),
        "last week": ("last week (relative to publication)", 2),
    }
    for text, (relative, precision) in cases.items():
        te = r(text, None)
        assert (te.date_start, te.date_end) == (None, None), text
        assert te.relative == relative, text
        assert te.precision == precision, text
        assert te.anchor is None


def test_undated_absolute_expressions_keep_their_dates() -> None:
    assert span(r("in December 2018", None)) == (D(2018, 12, 1), D(2018, 12, 31), 3)
    assert span(r("on 5 March 2019", None)) == (D(2019, 3, 5), D(2019, 3, 5), 1)
    assert r("in December 2018", None).relative is None
    # never today's date: "tomorrow" without an anchor is a description
    te = r("tomorrow", None)
    assert te.date_start is None and te.tense == "future"


def test_not_dates() -> None:
    for text in ("The may be true", "a march on the capital", "killed 23 people", "05/10/2017",
                 "the nearly five years of fighting", "a 2,000-strong force", "on February 30"):
        assert resolve_expression(text, THU) is None, text


@pytest.mark.parametrize(
    ("text", "start", "words"),
    [
        # a "since" clause that tells when something began: the range runs from that day on
        ("killed 300 people since it was launched on August 2", D(2016, 8, 2), "since it was launched on"),
        ("since fighting broke out in July, 40 people died", D(2016, 7, 1), "since fighting broke out in"),
        ("since the truce took effect in June, 12 were killed", D(2016, 6, 1),
         "since the truce took effect in"),
    ],
)
def test_a_since_clause_makes_a_range_up_to_the_anchor(text: str, start: dt.date, words: str) -> None:
    te = r(text)
    assert (te.date_start, te.date_end) == (start, THU)
    assert te.text.startswith(words)


def test_a_month_followed_by_a_count_is_still_a_month() -> None:
    # "in July, 40 people": the figure after the comma is not a day or a year
    assert span(r("in July, 40 people were killed")) == (D(2016, 7, 1), D(2016, 7, 31), 3)
    assert span(r("in July 2015")) == (D(2015, 7, 1), D(2015, 7, 31), 3)
    assert r("in July 5").date_start == D(2016, 7, 5)
