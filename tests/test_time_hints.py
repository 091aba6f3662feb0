"""Date clues beyond the article's own head: the URL's date and year, the user's year_hint, and the
numeric date order of the article's source learned from the run (no model)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.errors import ConfigError
from sitrep.extract.time import (
    NUMERIC_ORDER_KEY,
    DateOrderLearner,
    article_anchor,
    find_dateline,
    numeric_dateline,
    url_date,
    year_hint_for,
)
from sitrep.extract.time.date_order import EVIDENCE_KEY
from sitrep.options import build_options
from sitrep.records import Article

D = dt.date


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.org/2018/03/04/syria-jets-strike", (D(2018, 3, 4), 2018)),
        ("https://example.com/world/2021-06-09-gao-attack.html", (D(2021, 6, 9), 2021)),
        ("http://example.net/africa/20190402/mali-ambush", (D(2019, 4, 2), 2019)),
        ("https://example.com/2017/sahel-clashes-continue", (None, 2017)),
        # digits that are not a date path: an id, a query string, an impossible day
        ("https://example.com/article/201904021234567", (None, None)),
        ("https://example.com/story?id=2019&page=2", (None, None)),
        ("https://example.com/2019/02/30/x", (None, 2019)),
        ("not a url", (None, None)),
        (None, (None, None)),
    ],
)
def test_url_date(url: str | None, expected: tuple[dt.date | None, int | None]) -> None:
    assert url_date(url) == expected


def test_year_hint_prefers_the_url_over_the_option() -> None:
    art = Article(id="a", text="x", url="https://example.com/2016/05/story")
    assert year_hint_for(art, 2019) == 2016
    assert year_hint_for(Article(id="b", text="x"), 2019) == 2019
    assert year_hint_for(Article(id="c", text="x"), None) is None


def test_year_less_dateline_counts_with_the_url_year() -> None:
    text = "KABUL, June 12 (Reuters) - Insurgents attacked a checkpoint on Friday."
    assert article_anchor(Article(id="a", text=text), text) == (None, None)
    art = Article(id="b", text=text, url="https://example.com/world/2020/afghan-checkpoint")
    assert article_anchor(art, text) == (D(2020, 6, 12), "article dateline")
    assert article_anchor(Article(id="c", text=text), text, year_hint=2015) == (D(2015, 6, 12),
                                                                               "article dateline")


def test_url_date_is_the_anchor_when_the_text_has_no_dateline() -> None:
    text = "Insurgents attacked a checkpoint on Friday, officials said."
    art = Article(id="a", text=text, url="https://example.com/2020/06/12/afghan-checkpoint")
    assert article_anchor(art, text) == (D(2020, 6, 12), "article URL date")
    # the input's own date still wins
    art = Article(id="b", text=text, url=art.url, date=D(2020, 6, 13), date_source="jsonl")
    assert article_anchor(art, text) == (D(2020, 6, 13), "article date")


def test_year_hint_option_is_checked() -> None:
    assert build_options(year_hint="2019").year_hint == 2019
    with pytest.raises(ConfigError, match="year_hint"):
        build_options(year_hint="last year")
    with pytest.raises(ConfigError, match="year_hint"):
        build_options(year_hint=19)


# ------------------------------------------------------------------ numeric date order per source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25-09-2013 Car bomb kills four in Homs.", ("dmy", False)),
        ("09/25/2013 Car bomb kills four in Homs.", ("mdy", False)),
        ("05-09-2013 Car bomb kills four in Homs.", (None, True)),
        ("06-06-2014 Car bomb kills four in Homs.", (None, False)),  # reads the same both ways
        ("05.09.2013 Car bomb kills four.", None),  # dotted dates are day-first by convention
        ("Car bomb kills four on 05-09-2013.", None),  # inside a sentence: not a dateline
        ("Tuesday 3 September 2013 Car bomb kills four.", None),
    ],
)
def test_numeric_dateline(text: str, expected: tuple[str | None, bool] | None) -> None:
    assert numeric_dateline(text) == expected


def _art(i: str, text: str, source: str | None) -> Article:
    return Article(id=i, text=text, source=source)


def test_ambiguous_dateline_read_the_way_its_source_writes_dates() -> None:
    arts = [
        _art("a1", "25-09-2013 Mortar shells hit a school in Aleppo.", "wire-a"),
        _art("a2", "18-10-2013 Gunmen attacked a checkpoint near Homs.", "wire-a"),
        _art("a3", "05-09-2013 A car bomb killed four people in Damascus on Thursday.", "wire-a"),
        _art("b1", "12/28/2015 Rebels shelled an army post in Hama.", "wire-b"),
        _art("b2", "05/09/2015 Rebels shelled an army post in Hama.", "wire-b"),  # one witness only
        _art("c1", "05-09-2013 A car bomb killed four people in Homs.", None),
    ]
    learner = DateOrderLearner()
    assert learner.annotate(arts) == 1
    a3 = arts[2]
    assert a3.metadata[NUMERIC_ORDER_KEY] == "dmy"
    assert "2 of 2 unambiguous numeric datelines of source 'wire-a'" in a3.metadata[EVIDENCE_KEY]
    assert article_anchor(a3) == (D(2013, 9, 5), "article dateline")
    # too little evidence (one dateline) or none: the ambiguous dateline is still refused
    assert NUMERIC_ORDER_KEY not in arts[4].metadata and article_anchor(arts[4]) == (None, None)
    assert NUMERIC_ORDER_KEY not in arts[5].metadata
    assert find_dateline(arts[5].text) is None


def test_date_order_needs_near_unanimous_evidence() -> None:
    arts = [_art(f"x{i}", f"{13 + i}-0{1 + i}-2016 Clashes in Idlib.", "mixed") for i in range(3)]
    arts += [_art("y", "01/31/2016 Clashes in Idlib.", "mixed"),
             _art("z", "03-04-2016 Clashes in Idlib.", "mixed")]
    learner = DateOrderLearner()
    learner.annotate(arts)
    assert learner.order_for("mixed") is None  # 3 of 4 day-first: below the 0.9 agreement
    assert NUMERIC_ORDER_KEY not in arts[-1].metadata


def test_an_article_with_its_own_date_is_left_alone() -> None:
    arts = [_art("a", "25-09-2013 x", "s"), _art("b", "26-09-2013 x", "s"),
            Article(id="c", text="05-09-2013 x", source="s", date=D(2013, 9, 5), date_source="jsonl")]
    DateOrderLearner().annotate(arts)
    assert NUMERIC_ORDER_KEY not in arts[2].metadata


def test_an_article_is_counted_once_even_when_observed_and_annotated() -> None:
    """ingest observes each article as it is read, then annotates its batch: one count each."""
    learner = DateOrderLearner()
    arts = [_art("a", "25-09-2013 x", "s"), _art("b", "05-09-2013 x", "s")]
    for art in arts:
        learner.observe(art)
    learner.annotate(arts)
    assert learner.counts["s"] == {"dmy": 1}
    assert NUMERIC_ORDER_KEY not in arts[1].metadata  # one witness is not enough
    later = [_art("c", "26-09-2013 x", "s"), _art("d", "07-09-2013 x", "s")]
    assert learner.annotate(later) == 1 and later[1].metadata[NUMERIC_ORDER_KEY] == "dmy"
    assert not learner._pending  # nothing held after annotation
