"""Victims named by their livelihood, agents after the event's word, forces named in pairs or
after their noun, and tolls and sub-types told in words the lexicon missed (session 18;
docs/EVENTS.md, "Victims, pairs of forces and agents after the event (session 18)").  Every
sentence is our own wire-style example."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.actors import load_dictionary
from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import Article, Document, Event

pytestmark = pytest.mark.model


def analyze(text: str) -> Document:
    art = Article(id="v1", text=text, date=dt.date(2024, 3, 9), source="Wire")
    return analyze_articles([art], Options(progress=False))[0]


def first(text: str) -> Event | None:
    events = sorted(analyze(text).events, key=lambda e: e.evidence[0].start or 0)
    return events[0] if events else None


# ---------------------------------------------------------------- victims by livelihood


def test_herders_acting_are_the_militia_acted_upon_civilians() -> None:
    ev = first("Herders killed 17 villagers in an attack on a farming settlement in Benue state on Friday.")
    assert ev is not None and ev.sub_event_type == "Attack"
    assert ev.actor1 == "Fulani Ethnic Militia (Nigeria)" and ev.fatalities == 17
    ev = first("Bandits killed six herdsmen and stole their cattle in Katsina state on Tuesday.")
    assert ev is not None and ev.sub_event_type == "Attack", ev
    assert ev.actor2 == "Civilians (Nigeria)"


def test_victim_aliases_are_read_from_the_data_file() -> None:
    entry = load_dictionary().get("Fulani militia")
    assert entry is not None and "herders" in entry.victim_aliases
    # only livelihood words: armed herders are the militia whatever befalls them
    assert "armed herders" not in entry.victim_aliases


def test_an_armed_unit_named_as_the_agent_is_no_armed_target() -> None:
    # "killed by soldiers": the soldiers act; the dead are civilians (an attack, not a battle)
    ev = first("Four traders were killed by soldiers at a market in Maiduguri on Monday.")
    assert ev is not None and ev.sub_event_type == "Attack" and ev.actor1 == "Military Forces of Nigeria"
    # the soldiers as the ones attacked still make a battle
    ev = first("Gunmen killed four soldiers at a checkpoint near Maiduguri on Monday.")
    assert ev is not None and ev.sub_event_type == "Armed clash"


# ---------------------------------------------------------------- forces named in pairs or after the noun


def test_a_pair_of_demonyms_names_both_forces() -> None:
    # (a guard: the associate rules already did this before session 18)
    ev = first("Syrian and Russian warplanes bombed the town of Saraqeb on Thursday, killing seven people.")
    assert ev is not None and ev.sub_event_type == "Air/drone strike"
    both = {"Military Forces of Syria (2000-)", "Military Forces of Russia (2000-)"}
    assert {ev.actor1, ev.assoc_actor_1} == both


def test_forces_whose_country_is_told_after_the_noun() -> None:
    ev = first("Jets believed to be Russian struck a bakery in the town of Ariha on Sunday, killing five.")
    assert ev is not None and ev.sub_event_type == "Air/drone strike"
    assert ev.actor1 == "Military Forces of Russia (2000-)"


def test_a_by_phrase_right_after_the_event_word_is_its_agent() -> None:
    ev = first(
        "Medics said two civilians were killed and many more injured in mortar shelling by Houthi "
        "rebels on a market in Taiz on Sunday."
    )
    assert ev is not None and ev.sub_event_type == "Shelling/artillery/missile attack"
    assert ev.actor1 == "Ansar Allah", ev.actor1
    assert ev.fatalities == 2


# ---------------------------------------------------------------- no event


def test_use_told_in_the_past_and_weapons_experts_are_no_event() -> None:
    doc = analyze("Investigators say both the army and the rebels used chlorine gas in the past.")
    assert not [e for e in doc.events if e.sub_event_type == "Chemical weapon"]
    doc = analyze("A team of chemical weapons inspectors reached the capital on Tuesday.")
    assert not doc.events
    # the news itself, told over the last hours, stays an event
    doc = analyze("Rebels fired chlorine gas at the village in the past 24 hours, killing four people.")
    assert [e for e in doc.events if e.sub_event_type == "Chemical weapon"]


def test_a_group_suspending_its_attacks_changes_its_activity() -> None:
    doc = analyze("The rebel movement announced on Monday that it was suspending all attacks for a month.")
    subs = {e.sub_event_type for e in doc.events}
    assert "Change to group/activity" in subs and "Attack" not in subs and "Armed clash" not in subs
    # a business that stops is no armed group: no event
    assert not analyze("The bottling plant ceased operations in March after 40 years, its owner said.").events


# ---------------------------------------------------------------- tolls


def test_left_one_dead_and_wounded_after_the_figure() -> None:
    ev = first("A rocket fired by militants hit a school in the town on Sunday, leaving a boy dead.")
    assert ev is not None and ev.fatalities == 1
    # "killed 6 civilians injured": headline style, the figure counts the wounded
    doc = analyze("Woman killed 6 civilians injured in rocket attack on Kafr Nabl")
    assert all(e.fatalities != 6 for e in doc.events)


# ---------------------------------------------------------------- territory


def test_a_post_seized_is_territory_a_post_stormed_an_assault() -> None:
    ev = first("Separatist fighters seized a border guard post in the district on Wednesday.")
    assert ev is not None and ev.sub_event_type == "Non-state actor overtakes territory"
    ev = first("Separatist fighters stormed a police post in the district on Wednesday, killing two guards.")
    assert ev is not None and ev.sub_event_type != "Non-state actor overtakes territory"


def test_clearing_the_last_pockets_held_by_militants() -> None:
    ev = first("Army troops cleared the last pockets held by the militants in the old city on Saturday.")
    assert ev is not None and ev.sub_event_type == "Government regains territory"
    ev = first("Engineers cleared the last areas of mines near the bridge on Saturday.")
    assert ev is None or ev.sub_event_type != "Government regains territory"


def test_people_killed_in_a_raid_make_it_an_attack_not_looting() -> None:
    ev = first("Gunmen killed four villagers and stole their goats in Zamfara state on Sunday.")
    assert ev is not None and ev.sub_event_type == "Attack" and ev.fatalities == 4
    ev = first("Militants set fire to the gendarmerie post, killing two gendarmes.")
    assert ev is not None and ev.sub_event_type == "Armed clash"
    # no one killed: the looting itself
    ev = first("Militiamen looted the clinic and burned several huts in the village on Sunday.")
    assert ev is not None and ev.sub_event_type == "Looting/property destruction"


def test_killed_and_wounded_figures_stay_apart() -> None:
    # (a guard for the look-ahead above: "and wounded 20" does not make 14 a count of the wounded)
    ev = first("Troops killed 14 and wounded 20 Boko Haram fighters near Bama on Friday, the army said.")
    assert ev is not None and ev.fatalities == 14


def test_a_gerund_of_taking_and_a_way_pushed_into_a_place() -> None:
    ev = first(
        "Government troops pushed their way into the rebel-held enclave on Monday, clashing with "
        "insurgents and capturing a village on its edge."
    )
    assert ev is not None and ev.sub_event_type == "Government regains territory"


def test_aid_dropped_from_the_air_is_no_strike() -> None:
    doc = analyze("The besieged city receives food through airdrops carried out by Russian warplanes.")
    assert not [e for e in doc.events if e.sub_event_type == "Air/drone strike"]
