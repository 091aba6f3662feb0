"""Words that only tell what happened to people ("died", "wounded", "dead") are the outcome of
an event, not an event of their own, when the text ties them to one: "died in the explosion",
a lower toll given where the event is referred back to ("confirmed the attack but gave a lower
toll of six dead": both figures kept side by side), "Two more soldiers were wounded." after the
attack; and "three more fighters" are more of the group last named "fighters".  Own wire-style
articles; the real model."""

from __future__ import annotations

import datetime as dt

from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import Article, Document

OPTS = Options()


def _doc(text: str) -> Document:
    art = Article(id="o", text=text, source="test", date=dt.date(2021, 3, 4), date_source="jsonl")
    return analyze_articles([art], OPTS)[0]


def test_died_in_the_explosion_is_the_explosions_toll() -> None:
    doc = _doc(
        "GAO, Mali (Wire) - Four soldiers died in the explosion of a roadside bomb near Gao on Monday, "
        "the army said. Two more soldiers were wounded."
    )
    (ev,) = doc.events
    assert ev.sub_event_type == "Remote explosive/landmine/IED" and ev.fatalities == 4
    assert {e.sentence_index for e in ev.evidence} == {0, 1}


def test_an_explosion_and_a_killing_told_apart_stay_two_events() -> None:
    doc = _doc("An explosion hit a market in Gao and gunmen killed two guards at a checkpoint on Monday.")
    subs = sorted(e.sub_event_type or "" for e in doc.events)
    assert len(subs) == 2 and "Remote explosive/landmine/IED" in subs


def test_a_lower_toll_given_with_a_reference_back_is_a_conflicting_figure() -> None:
    doc = _doc(
        "Nine fighters of the Taliban were killed in an air strike in Kunduz province on Monday, "
        "officials said. A Taliban spokesman confirmed the air strike but gave a lower toll of six dead. "
        "Three more fighters were wounded."
    )
    (ev,) = doc.events
    assert ev.sub_event_type == "Air/drone strike" and ev.fatalities == 9
    assert [c["value"] for c in ev.conflicts["fatalities"]] == [9, 6]
    assert ev.actor2 == "Taliban"
    more = [a for a in doc.actors if a.text == "fighters" and a.sentence_index == 2]
    assert more and more[0].actor == "Taliban"


def test_one_named_victim_is_one_death() -> None:
    (ev,) = _doc(
        "Gunmen on a motorcycle shot dead a local council member in the village of Tal Tamr on Monday, "
        "a monitor said."
    ).events
    assert ev.fatalities == 1
