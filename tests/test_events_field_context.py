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


def test_where_someone_spoke_is_not_where_it_happened() -> None:
    # the toll's sentence names no resolvable place; the paragraph names the city of a speech
    events = _events(
        "At least 12 people were killed overnight in heavy shelling on the besieged district, a "
        "monitor said. The minister said at a news conference in Nairobi that talks would resume. "
        "Fighting also went on around Kismayo, residents said."
    )
    assert events and all(e.location != "Nairobi" for e in events)


def test_the_seat_of_a_monitor_is_never_the_place() -> None:
    events = _events(
        "Rebels shelled army positions on Tuesday, the Observatory, which is based in Britain, said. "
        "Fighting raged in Daraa province."
    )
    assert events and all(e.country != "United Kingdom" for e in events)
    events = _events("Rebels shelled army positions on Tuesday, the Britain-based monitor said.")
    assert all(e.country != "United Kingdom" for e in events)


def test_a_suicide_attack_on_a_conference_keeps_its_city() -> None:
    events = _events("A suicide bomber struck a peace conference in Kabul on Monday, killing 12 people.")
    assert [e.location for e in events] == ["Kabul"]


def test_a_store_someone_has_is_no_seizure_and_no_chemical_attack() -> None:
    events = _events(
        "Western governments believe the regime still has caches of mustard gas and sarin in "
        "Hama province, the report said."
    )
    assert events == []
    events = _events("The army has seized caches of weapons and ammunition in the town of Daraa on Monday.")
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]
