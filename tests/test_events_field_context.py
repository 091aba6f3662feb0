"""Context that changes what an event's fields are: where the wounded were taken is not where
they were hurt; what militants "still stage" is a habit, not an incident; "people suspected of
belonging to" a group are members of that group; a headline and its lead are one arrest, dated by
the lead's "overnight" in an undated article.  Own wire-style articles; the real model."""

from __future__ import annotations

import datetime as dt

from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import Article, Event

OPTS = Options()


def _events(text: str, date: dt.date | None = dt.date(2021, 3, 4)) -> list[Event]:
    art = Article(id="c", text=text, source="test", date=date, date_source="jsonl" if date else None)
    return analyze_articles([art], OPTS)[0].events


def test_the_hospital_the_wounded_were_taken_to_is_not_the_place() -> None:
    events = _events(
        "A roadside bomb hit an army patrol near the village of Tal Afar on Monday, killing two "
        "soldiers, officials said.\n\n"
        "Three other soldiers were wounded and taken to a hospital in Mosul."
    )
    assert events and all("Mosul" not in (e.location or "") for e in events)


def test_what_militants_still_stage_is_a_habit_not_an_incident() -> None:
    events = _events(
        "Police arrested five men in Pemba on Monday. The militants still stage hit-and-run attacks "
        "in Cabo Delgado and Niassa provinces, officials said."
    )
    assert "Attack" not in {e.sub_event_type for e in events}
    assert "Arrests" in {e.sub_event_type for e in events}


def test_people_suspected_of_belonging_to_a_group_are_its_members() -> None:
    events = _events(
        "Somali forces arrest 9 suspected al-Shabaab members in Baidoa\n"
        "Somali security forces arrested nine people suspected of belonging to al-Shabaab during "
        "overnight raids in Baidoa, a police spokesman said.",
        date=None,
    )
    (arrest,) = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrest.actor2 and "Shabaab" in arrest.actor2
    assert arrest.event_date is None and "night" in (arrest.relative_date or "")


def test_also_continues_the_perpetrator_of_the_attack_told_before() -> None:
    events = _events(
        "Government forces shelled the town of Khan Sheikhoun in Idlib province on Monday, killing two "
        "civilians, a monitor said.\n\n"
        "Mortar and rocket fire also hit the nearby town of Kafr Nabl, wounding four people.\n\n"
        "Rebels fired rockets at army positions in Latakia province, the monitor said."
    )
    (village,) = [e for e in events if "Kafr" in (e.location or "")]
    assert village.actor1 == "Military Forces of Syria (2000-)"
    assert village.event_date == dt.date(2021, 3, 1)
