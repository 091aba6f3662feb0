"""Context an event takes from its article: one country's forces coded one way whatever the phrase
("warplanes" and "Syrian government jets"), the date of the trigger's own clause, and victims
added with "also" as another incident.  Own wire-style sentences."""

from __future__ import annotations

import datetime as dt

from sitrep.extract.actors import load_dictionary
from sitrep.extract.events.build import own_forces
from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import Article, Document, Event

OPTS = Options(progress=False)


def analyze(text: str, day: dt.date = dt.date(2022, 5, 12)) -> Document:
    art = Article(id="c1", text=text, date=day, source="Wire", date_source="jsonl")
    return analyze_articles([art], OPTS)[0]


def of_type(doc: Document, sub_event_type: str) -> list[Event]:
    return [e for e in doc.events if e.sub_event_type == sub_event_type]


def test_generic_forces_phrase_is_the_countrys_own_forces_entry() -> None:
    d = load_dictionary()
    generic, police = d.get("Military forces"), d.get("Police forces")
    assert generic is not None and police is not None
    own = own_forces(generic, "Syria", d)
    assert own is not None and own.name == "Syrian government forces"
    # no specific entry for the country, or another kind of force: unchanged
    assert own_forces(generic, "Atlantis", d) is generic
    assert own_forces(police, "Syria", d) is police
    assert own_forces(generic, None, d) is generic


def test_unnamed_warplanes_and_named_jets_are_one_strike() -> None:
    doc = analyze(
        "Warplanes bombed a bakery in the town of Saraqeb in Idlib province on Tuesday, killing four "
        "civilians, rescuers said. Residents said the raids were carried out by Syrian government jets."
    )
    strikes = of_type(doc, "Air/drone strike")
    assert len(strikes) == 1
    assert strikes[0].actor1 == "Military Forces of Syria (2000-)"
    assert strikes[0].fatalities == 4


def test_the_date_of_the_triggers_own_clause_wins_over_a_nearer_one() -> None:
    # published Thursday 2022-05-12; "on Tuesday" = 2022-05-10
    doc = analyze(
        "Government forces have stepped up a ground offensive in recent weeks, and artillery shells hit "
        "the town of Maarat al-Numan on Tuesday, the monitor said."
    )
    shelling = of_type(doc, "Shelling/artillery/missile attack")
    assert shelling and shelling[0].event_date == dt.date(2022, 5, 10)


def test_victims_added_with_also_are_another_incident_of_the_same_kind() -> None:
    two = analyze(
        "Air strikes killed 11 people in the town of Saraqeb on Thursday, medics said. Nine civilians "
        "were also killed when warplanes bombed a market in Saraqeb."
    )
    strikes = sorted(
        (e for e in two.events if e.sub_event_type == "Air/drone strike"), key=lambda e: e.fatalities or 0
    )
    assert [e.fatalities for e in strikes] == [9, 11]
    # a revised figure for the same strikes stays one event, both figures shown
    one = analyze(
        "Air strikes killed 11 people in the town of Saraqeb on Thursday, medics said. The death toll from "
        "the air strikes on Saraqeb later rose to 14, the monitor said."
    )
    strikes = of_type(one, "Air/drone strike")
    assert len(strikes) == 1


def test_a_span_of_years_in_the_triggers_clause_is_no_event_and_never_a_date() -> None:
    doc = analyze(
        "Government troops have fought the Houthi rebels since 2015. Government troops fought the rebels "
        "near Marib on Monday. An air strike hit a market in the town of Saada, in a war that has raged "
        "since 2015.",
        dt.date(2021, 3, 9),
    )
    events = sorted(
        (e for e in doc.events if e.event_type != "Strategic developments"), key=lambda e: e.sub_event_type
    )
    assert [e.sub_event_type for e in events] == ["Air/drone strike", "Armed clash"]
    # the setting clause does not date the strike: the article date, not 2015..2021
    strike, clash = events
    assert strike.event_date == dt.date(2021, 3, 9) and strike.event_date_end in (None, strike.event_date)
    assert clash.event_date == dt.date(2021, 3, 8)
    years = [d for d in doc.discarded if d.modality == "historical" and d.sub_event_type == "Armed clash"]
    assert years and "span of years" in years[0].provenance["modality"][0].note


def test_the_dateline_place_is_the_event_place_only_when_the_sentence_names_no_other() -> None:
    doc = analyze(
        "NAIROBI (Wire) - Militants attacked a police post in the town of Mandera on Tuesday, killing "
        "three officers, police said.\n\nKAMPALA, Uganda (Wire) - Gunmen killed two people on Monday."
    )
    places = {
        e.location
        for e in doc.events
        if e.event_type == "Violence against civilians" or e.event_type == "Battles"
    }
    assert "Mandera" in places and "Nairobi" not in places
    assert "Kampala" in places  # nothing else named: the dateline is all there is


def test_a_datelines_date_and_place_are_the_reports_not_the_events() -> None:
    # published Friday 2022-05-13 (the dateline's "May 13"); "on Thursday" = 2022-05-12
    doc = analyze(
        "MOGADISHU, May 13 (Wire) - Militants attacked an army base in the town of Balad on Thursday, "
        "killing four soldiers, officials said.\n\nThe attackers fled after a two-hour gun battle.",
        dt.date(2022, 5, 13),
    )
    battles = [e for e in doc.events if e.event_type == "Battles"]
    assert battles and all(e.location == "Balad" for e in battles)
    assert battles[0].event_date == dt.date(2022, 5, 12)


def test_a_dateline_kept_after_a_flattened_headline_is_still_a_dateline() -> None:
    doc = analyze(
        "Rebels shell army posts in Hama Related stories MOSCOW (Sputnik) Rebels shelled army positions "
        "in the north of Hama province on Tuesday, the monitor said."
    )
    shelling = of_type(doc, "Shelling/artillery/missile attack")
    assert shelling and all(e.location != "Moscow" and e.country == "Syria" for e in shelling)


def test_a_dash_dateline_after_a_headline_places_an_event_its_sentence_does_not() -> None:
    # the dateline's country is the event's when the sentence names no place; a country's
    # possessive elsewhere ("Kenya's defeat") is no place of the event
    doc = analyze(
        "Kenya Detains Opposition Activists. NAIROBI, Kenya -- Kenyan police detained eleven "
        "opposition activists on Monday, their lawyer said. The opposition has gained support "
        "since Kenya's humiliating defeat in the border dispute."
    )
    (arrest,) = of_type(doc, "Arrests")
    assert arrest.country == "Kenya" and arrest.actor1 == "Police Forces of Kenya"


def test_a_country_or_capital_named_as_an_actor_is_not_the_events_place() -> None:
    doc = analyze(
        "Air strikes carried out by the United States against militants in Idlib city killed "
        "seven people on Monday. The militants, outlawed in Russia, fired rockets at Afrin on Tuesday. "
        "Fighters trained by Washington clashed with the militants."
    )
    places = {e.sub_event_type: e.location for e in doc.events}
    assert places.get("Air/drone strike") == "Idlib"
    assert places.get("Shelling/artillery/missile attack") == "Afrin"
    assert all(e.country == "Syria" for e in doc.events)


def test_the_coalition_is_the_one_that_fights_in_the_articles_country() -> None:
    yemen = analyze(
        "HODEIDAH, Yemen (Wire) - Coalition jets struck a fuel depot in the port city of Hodeidah on "
        "Sunday, killing three workers, officials said."
    )
    syria = analyze(
        "RAQQA, Syria (Wire) - Coalition jets struck a fuel depot near the city of Raqqa on Sunday, "
        "killing three workers, officials said."
    )
    (y,) = of_type(yemen, "Air/drone strike")
    (s,) = of_type(syria, "Air/drone strike")
    assert y.actor1 == "Military Forces of Saudi Arabia (2015-)"
    assert s.actor1 == "Operation Inherent Resolve"


def test_a_dateline_with_country_and_date_and_a_long_victim_phrase() -> None:
    # published Thursday 2022-05-12; the dateline's "May 12" is the report's, "on Wednesday" the event's
    doc = analyze(
        "GAO, Mali, May 12 (Wire) - Eight soldiers of the Malian army's special forces battalion were killed "
        "on Wednesday when a roadside bomb hit their convoy near the town of Ansongo, officials said."
    )
    bombs = of_type(doc, "Remote explosive/landmine/IED")
    assert len(bombs) == 1
    assert bombs[0].location == "Ansongo" and bombs[0].event_date == dt.date(2022, 5, 11)
    assert bombs[0].fatalities == 8


def test_a_death_toll_told_across_a_long_clause() -> None:
    doc = analyze(
        "The death toll from the drone strikes on a crowded livestock market in the town of Gwoza in Borno "
        "state on Tuesday has risen to 14 civilians, including two children, medics said on Wednesday."
    )
    strikes = of_type(doc, "Air/drone strike")
    assert strikes and strikes[0].fatalities == 14
