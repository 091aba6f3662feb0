"""An event told without a date of its own after one the text dates happened in that story, not
on the day the article was published ("Government forces shelled X on Thursday ... artillery
fire also hit the nearby villages"): it takes that day at precision 2, with provenance to the
time expression.  A period ("in the past week"), a day of the report ("said on Sunday") and an
event at another place of its own do not lend their date.  Own wire-style articles; the real
model."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.events.merge import INHERITED_DATE_NOTE
from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import Article, Event

OPTS = Options()
PUBLISHED = dt.date(2021, 3, 4)  # a Thursday
MONDAY = dt.date(2021, 3, 1)


def _events(text: str) -> list[Event]:
    art = Article(id="d", text=text, source="test", date=PUBLISHED, date_source="jsonl")
    return analyze_articles([art], OPTS)[0].events


def _at(events: list[Event], place_part: str) -> Event:
    (ev,) = [e for e in events if place_part in (e.location or "")]
    return ev


def _later(events: list[Event]) -> Event:
    (ev,) = [e for e in events if all(x.sentence_index == 1 for x in e.evidence)]
    return ev


def test_a_detail_told_after_a_dated_event_takes_its_day() -> None:
    for text in (
        "ADEN, Yemen (Wire) - Houthi fighters shelled the town of Mocha on Monday, killing four "
        "civilians, medics said.\n\n"
        "Coalition aircraft struck Houthi positions outside the town in response, a military source said.",
        "Militants on motorcycles attacked an army post near Gao on Monday, killing three soldiers, "
        "the army said.\n\nHelicopters struck the attackers as they withdrew towards the border.",
    ):
        events = _events(text)
        strike = _later(events)
        assert strike.sub_event_type == "Air/drone strike"
        assert strike.event_date == strike.event_date_end == MONDAY and strike.time_precision == 2
        (prov,) = strike.provenance["event_date"]
        assert INHERITED_DATE_NOTE in prov.note and prov.text == "Monday"
        assert prov.sentence_index == 0 and text[prov.start : prov.end] == "Monday"
        (first,) = [e for e in events if e is not strike]
        assert first.event_date == MONDAY and first.time_precision == 1


KEEPS_ARTICLE_DATE = {
    # "Elsewhere": a place of its own in another province is another story
    "Shelling/artillery/missile attack": (
        "Government forces shelled the town of Kafr Zita in Hama province on Monday, killing two "
        "civilians, a monitor said.\n\n"
        "Rebels fired rockets at army positions in Latakia province, the monitor said."
    ),
    # a period lends no day
    "Armed clash": (
        "Gunmen have kidnapped 30 villagers near Tillaberi in the past week, officials said.\n\n"
        "Soldiers clashed with the gunmen near the village of Ayorou, a local official said."
    ),
    # "said on Monday" is the day of the report, not of the shelling it reports
    "Air/drone strike": (
        "A monitor said on Monday that three civilians were killed in shelling of Ariha.\n\n"
        "Warplanes struck the nearby town of Saraqib, wounding two children."
    ),
}


@pytest.mark.parametrize("sub_event_type", sorted(KEEPS_ARTICLE_DATE))
def test_another_place_a_period_or_a_report_day_lends_no_date(sub_event_type: str) -> None:
    later = _later(_events(KEEPS_ARTICLE_DATE[sub_event_type]))
    assert later.sub_event_type == sub_event_type
    assert later.event_date == PUBLISHED and later.time_precision == 2


def test_the_start_of_a_since_clause_lends_no_day() -> None:
    # "since it was launched on February 15" opens a range up to the report; the strike told
    # after it did not happen on February 15
    events = _events(
        "Government forces pressed on with their assault on Marib, which has killed 200 fighters "
        "since it was launched on February 15, officials said.\n\n"
        "Warplanes struck rebel positions near the city, wounding two children."
    )
    later = _later(events)
    assert later.sub_event_type == "Air/drone strike"
    assert later.event_date == PUBLISHED and later.time_precision == 2
    (assault,) = [e for e in events if e is not later]
    assert (assault.event_date, assault.event_date_end) == (dt.date(2021, 2, 15), PUBLISHED)
