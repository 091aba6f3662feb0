"""Date clues outside the text: the URL's date and year, and the user's year_hint (no model)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.errors import ConfigError
from sitrep.extract.time import article_anchor, url_date, year_hint_for
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
