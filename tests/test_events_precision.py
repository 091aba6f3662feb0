"""Event precision: non-conflict stories, speakers as actors, damage of a coded attack, generic mentions."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import Document

pytestmark = pytest.mark.model

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def analyze(text: str, date: dt.date | None = dt.date(2022, 5, 10)) -> Document:
    return analyze_articles([_article(text, date)], Options(progress=False))[0]


def _article(text: str, date: dt.date | None):  # type: ignore[no-untyped-def]
    from sitrep.records import Article

    return Article(id="p1", text=text, date=date, source="Wire")


def violent(doc: Document) -> list[str]:
    return [e.sub_event_type or "" for e in doc.events if e.event_type in VIOLENT]


def test_robbery_grenade_is_crime_not_political_violence() -> None:
    doc = analyze(
        "Two people died on Friday after a hand grenade exploded during an attempted robbery at a "
        "petrol station in Cluj, police said. The robber threw the grenade when the cashier refused to pay."
    )
    assert violent(doc) == []


def test_disaster_lead_sets_the_story() -> None:
    # the third sentence has no disaster word of its own; the lead makes it an accident story
    doc = analyze(
        "Hundreds of wildfires are burning across the Algarve, threatening dozens of villages. "
        "Firefighters gained ground overnight. Residents said loud blasts were heard near the depot."
    )
    assert violent(doc) == []


def test_armed_actor_keeps_violence_in_a_crime_sentence() -> None:
    doc = analyze("Al-Shabaab militants clashed with bank guards in Garissa during a robbery on Monday.")
    assert violent(doc)


def test_gang_rape_is_not_gang_crime() -> None:
    doc = analyze("Soldiers gang-raped two women in a village near Bunia on Sunday, local officials said.")
    assert "Sexual violence" in violent(doc)


def test_sanctions_sentence_reports_no_attack() -> None:
    doc = analyze(
        "The European Union imposed new sanctions on four officials over the chemical weapons attacks."
    )
    assert violent(doc) == []


def test_speaker_is_not_the_perpetrator() -> None:
    doc = analyze(
        "Police in Kaduna said on Tuesday that gunmen had abducted 12 farmers near Kajuru. "
        "A source at the Homs Police Command said a shell hit the Bab Amr district, killing two civilians."
    )
    for ev in doc.events:
        assert not (ev.actor1 or "").startswith("Police Forces"), ev


def test_speaker_reporting_its_own_action_stays_actor() -> None:
    doc = analyze("The Nigerian army said it killed 20 Boko Haram fighters near Bama on Monday.")
    assert any((e.actor1 or "").startswith("Military Forces of Nigeria") for e in doc.events)


def test_damage_of_a_coded_bombing_is_not_another_event() -> None:
    doc = analyze(
        "A car bomb exploded at a bus station in Kandahar on Monday, killing six people, officials said.\n\n"
        "Footage shared by residents showed burning buses and charred cars at the station."
    )
    subs = [e.sub_event_type for e in doc.events]
    assert "Remote explosive/landmine/IED" in subs
    assert "Looting/property destruction" not in subs
    bomb = next(e for e in doc.events if e.sub_event_type == "Remote explosive/landmine/IED")
    assert len({ev.sentence_index for ev in bomb.evidence}) == 2


def test_looting_by_another_actor_stays_separate() -> None:
    doc = analyze(
        "Rebels attacked an army post in Beni on Monday, killing four soldiers. "
        "Rioters looted shops in the market of Beni the same day."
    )
    # the second sentence names its own perpetrators: not damage done by the rebels' attack
    assert len(doc.events) == 2


def test_class_of_attacks_is_generic() -> None:
    doc = analyze(
        "A roadside bomb killed three soldiers near Gao on Sunday. "
        "Mali has in the past blamed such attacks on jihadists linked to Al-Qaeda."
    )
    assert len(doc.events) == 1


def test_source_is_outlet_or_empty() -> None:
    from sitrep.records import Article

    art = Article(id="file-123", text="Gunmen attacked a police post in Zamfara on Monday.", date=None)
    doc = analyze_articles([art], Options(progress=False))[0]
    assert doc.events and all(e.source in (None, "") for e in doc.events)
