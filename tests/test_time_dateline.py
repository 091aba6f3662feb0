"""find_dateline and article_anchor on hand-written heads of articles (no model)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.time import article_anchor, find_dateline
from sitrep.records import Article

D = dt.date


@pytest.mark.parametrize(
    ("text", "date", "dateline"),
    [
        ("Sun 16 Apr 2017 Rockets hit a market in Idlib.", D(2017, 4, 16), "Sun 16 Apr 2017"),
        ("Tuesday, 2 April 2019 Fighters advanced on the town.", D(2019, 4, 2), "Tuesday, 2 April 2019"),
        ("April 2, 2019 - Fighters advanced on the town.", D(2019, 4, 2), "April 2, 2019"),
        ("Mon Nov 7 2016 Two killed in Hasakah.", D(2016, 11, 7), "Mon Nov 7 2016"),
        ("Posted on June 12 2015 by Staff Writer Clashes erupted.", D(2015, 6, 12), "June 12 2015"),
        ("Published March 3 2014 Aid trucks reached Madaya.", D(2014, 3, 3), "March 3 2014"),
        ("Date of publication 9 October 2018 Shelling resumed.", D(2018, 10, 9), "9 October 2018"),
        ("Last updated at Sep 032015 BEIRUT Jets struck the city.", D(2015, 9, 3), "Sep 032015"),
        ("date 2020-02-27\nTurkish troops were killed in Idlib.", D(2020, 2, 27), "2020-02-27"),
        ("27.02.2020 Turkish troops were killed in Idlib.", D(2020, 2, 27), "27.02.2020"),
        ("27.02.2020Get short URL Turkish troops were killed.", D(2020, 2, 27), "27.02.2020"),
        ("27/02/2020 Turkish troops were killed in Idlib.", D(2020, 2, 27), "27/02/2020"),
        # the date right after the headline, as some sites print it
        ("Air raids kill 9 in Maarat al-Numan Monitor AFP Friday 3 Jan 2020 Air raids killed nine.",
         D(2020, 1, 3), "Friday 3 Jan 2020"),
    ],
)
def test_datelines(text: str, date: dt.date, dateline: str) -> None:
    found = find_dateline(text)
    assert found is not None, text
    day, start, end = found
    assert day == date
    assert text[start:end] == dateline


@pytest.mark.parametrize(
    "text",
    [
        # a date inside a sentence is not a dateline
        "On August 21 2013 rockets hit Ghouta, killing hundreds.",
        "The truce agreed in Astana on 4 May 2017 did not hold.",
        # no date at all
        "Gunmen attacked an army post near Gao on Friday.",
        # numeric dates that read both ways are refused
        "05/10/2017 Gunmen attacked an army post near Gao.",
        "05-10-2017 Gunmen attacked an army post near Gao.",
        # a date without a year
        "BEIRUT, March 4 (Reuters) - Jets struck rebel areas.",
        # impossible dates
        "31 February 2019 Jets struck rebel areas.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_dateline_without_year_needs_a_year_hint() -> None:
    text = "BEIRUT, March 4 (Reuters) - Jets struck rebel areas."
    found = find_dateline(text, year_hint=2018)
    assert found is not None
    assert found[0] == D(2018, 3, 4)
    assert text[found[1]:found[2]] == "March 4"
    found = find_dateline("GAO, Mali, 14 November (AFP) - Gunmen attacked.", year_hint=2019)
    assert found is None  # the place is not in capitals only: not a dateline head
    found = find_dateline("GAO, 14 November (AFP) - Gunmen attacked.", year_hint=2019)
    assert found is not None and found[0] == D(2019, 11, 14)


def test_dateline_only_in_the_head() -> None:
    text = "Gunmen attacked an army post. " + "The army said more. " * 30 + "Friday 3 Jan 2020"
    assert find_dateline(text) is None


def test_article_anchor_prefers_the_article_date() -> None:
    text = "Sun 16 Apr 2017 Rockets hit a market in Idlib on Saturday."
    art = Article(id="a", text=text, date=D(2017, 4, 17), date_source="jsonl")
    assert article_anchor(art, text) == (D(2017, 4, 17), "article date")
    art = Article(id="b", text=text)
    assert article_anchor(art, text) == (D(2017, 4, 16), "article dateline")
    assert article_anchor(Article(id="c", text="Rockets hit Idlib on Saturday."), None) == (None, None)
