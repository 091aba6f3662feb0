"""Death tolls and who caused them: figures the fatality patterns must (not) read, tolls told in
a sentence of their own, the dead never as perpetrator, the other side of a battle.
Own wire-style sentences (no spaCy model: roles by word order)."""

from __future__ import annotations

import datetime as dt

from sitrep.extract.events.fields import find_fatalities
from sitrep.extract.events.lexicon import load_lexicon
from sitrep.extract.events.roles import Roles, other_side
from sitrep.extract.events.triggers import ARMED_INTER
from sitrep.records import ActorMention, Sentence
from tests.test_events import TUESDAY, build, run


def _tolls(text: str) -> list[int]:
    return [
        f.value for f in find_fatalities(Sentence(index=0, start=0, end=len(text), text=text), load_lexicon())
    ]


def test_a_rejected_year_or_clock_time_does_not_hide_the_toll() -> None:
    # the year (and the clock time) match a toll pattern first; the real figure follows inside that match
    assert _tolls("Published March 3 2019 At least 9 people were killed in a car bomb in Gao.") == [9]
    assert _tolls("Thursday 14 March 2019 10:45 7 killed in Beledweyne market attack") == [7]
    assert _tolls("Friday 2 July 2021 18:20 Six soldiers were killed near Kidal.") == [6]


def test_kill_verbs_of_communiques_count_people_only() -> None:
    assert _tolls("The army said its units destroyed more than 40 militants near Gao.") == [40]
    assert _tolls("Special forces eliminated 12 insurgents in the hills.") == [12]
    assert _tolls("Troops destroyed 3 tanks and 12 vehicles near Kidal.") == []


def test_death_toll_far_from_its_figure() -> None:
    text = (
        "Officials raised the death toll from Sunday's shelling of a crowded bus station in the town to 27."
    )
    assert _tolls(text) == [27]


def test_tolls_over_months_or_a_whole_war_are_no_event_toll() -> None:
    assert _tolls("More than 5000 people have been killed in six years of conflict in the region.") == []
    assert _tolls("The insurgency, raging since 2012, has caused 3500 deaths.") == []
    assert _tolls("Nearly 900 civilians were killed during the past month, the monitor said.") == []
    # a span named as a comparison is no cumulative count
    assert _tolls("An air strike killed 12 people in the deadliest attack in years.") == [12]
    assert _tolls("At least 31 people were killed over a three-day stretch of fighting.") == [31]


def test_victims_span_names_the_dead() -> None:
    text = "The blast left 25 Shabaab fighters killed when a bomb exploded."
    (f,) = find_fatalities(Sentence(index=0, start=0, end=len(text), text=text), load_lexicon())
    assert "Shabaab fighters" in text[f.victims[0] : f.victims[1]]
    assert "bomb" not in text[f.victims[0] : f.victims[1]]


def test_toll_in_the_next_sentence_goes_to_the_one_event_before() -> None:
    doc = build(
        "A car bomb exploded at a busy market in Beledweyne on Tuesday. Eleven people died in hospital.",
        times=[("Tuesday", TUESDAY)],
    )
    (ev,), _ = run(doc)
    assert ev.sub_event_type == "Remote explosive/landmine/IED" and ev.fatalities == 11
    prov = ev.provenance["fatalities"][0]
    assert doc.text[prov.start : prov.end] == prov.text and "adjacent" in prov.note


def test_no_lent_toll_when_two_events_could_own_it_or_it_is_cumulative() -> None:
    doc = build("Militants shelled Gao and a drone strike hit Kidal. Eleven people died in hospital.")
    events, _ = run(doc)
    assert len(events) == 2 and all(e.fatalities is None for e in events)
    doc = build(
        "A car bomb exploded in Beledweyne on Tuesday. More than 4000 people have been killed "
        "in the past three years.",
        times=[("Tuesday", TUESDAY)],
    )
    (ev,), _ = run(doc)
    assert ev.fatalities is None


def test_the_counted_dead_are_never_the_perpetrator() -> None:
    (ev,), _ = run(build("At least 25 Shabaab fighters were killed when a bomb exploded in Beledweyne."))
    assert ev.fatalities == 25
    assert ev.actor1 is None and ev.actor2 == "Al Shabaab"


def test_battle_with_one_side_takes_the_other_armed_actor_of_the_sentence() -> None:
    (ev,), _ = run(
        build(
            "At least 30 Shabaab militants were killed as Somali troops swept through villages "
            "near Beledweyne."
        )
    )
    assert ev.sub_event_type == "Armed clash" and ev.fatalities == 30
    assert ev.actor2 == "Al Shabaab" and ev.actor1 is not None and "Somalia" in ev.actor1
    # by word order the dead came first: the victims rule hands actor1 to the troops
    # the same state's forces in the victims' own phrase are not the other side
    (ev,), _ = run(build("Gunmen ambushed and killed 14 Malian army soldiers near Gao."))
    assert ev.actor1 != ev.actor2


def test_a_reported_toll_raises_confidence() -> None:
    with_toll, _ = run(
        build("Gunmen attacked a checkpoint in Gao on Tuesday, killing four soldiers.", dt.date(2021, 6, 9))
    )
    without, _ = run(build("Gunmen attacked a checkpoint in Gao on Tuesday.", dt.date(2021, 6, 9)))
    assert with_toll[0].fatalities == 4 and without[0].fatalities is None
    assert with_toll[0].confidence > without[0].confidence


def _mention(text: str, start: int, actor: str, inter: int, country: str | None = None) -> ActorMention:
    return ActorMention(start, start + len(text), text, 0, actor, inter, country=country)


def test_other_side_is_a_different_armed_actor_never_the_same_force() -> None:
    # "346 IS fighters were killed and more than 170 government troops died in the battle for the base"
    islamic_state = _mention("IS fighters", 4, "Islamic State", 2)
    troops = _mention("government troops", 46, "Syrian government forces", 1, "Syria")
    side = other_side(
        Roles(actor2=islamic_state), 80, [islamic_state, troops], ARMED_INTER, [(0, 30), (36, 70)]
    )
    assert side is troops
    # "killed 50 Malian army soldiers": "army" and "soldiers" are one force, not two sides
    army = _mention("Malian army", 10, "Military forces", 1, "Mali")
    soldiers = _mention("soldiers", 22, "Malian Armed Forces", 1, "Mali")
    assert other_side(Roles(actor2=soldiers), 0, [army, soldiers], ARMED_INTER, [(7, 30)]) is None
    # civilians or protesters are no side of a battle; a known actor1 is kept
    civ = _mention("villagers", 40, "Civilians", 7)
    assert other_side(Roles(actor2=islamic_state), 0, [islamic_state, civ], ARMED_INTER) is None
    assert (
        other_side(Roles(actor1=troops, actor2=islamic_state), 0, [islamic_state, troops], ARMED_INTER)
        is None
    )
