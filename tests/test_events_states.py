"""A country named as who acts is its armed forces ("Turkey shelled ...", "air strikes by Russia",
"Israel's raids"), only as an agent and only for violence; a bombing verb is an attack whose kind
follows who bombs.  Own wire-style sentences about several wars; the real model."""

from __future__ import annotations

from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import Article, Event

OPTS = Options()


def _events(text: str) -> list[Event]:
    return analyze_articles([Article(id="s", text=text, source="test")], OPTS)[0].events


def _one(text: str) -> Event:
    (ev,) = _events(text)
    return ev


def test_a_country_as_subject_or_agent_of_an_attack_is_its_forces() -> None:
    ev = _one("Turkey shelled Kurdish positions near Tal Rifaat on Tuesday, a war monitor said.")
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    # a state's forces abroad are external forces in ACLED's codes
    assert ev.actor1 == "Military Forces of Turkey (2016-)" and ev.inter1 == 8
    assert ev.location == "Tal Rifaat"  # the acting country is not where it happened
    ev = _one("Air strikes by Russia killed eight civilians in Maarat al-Numan on Tuesday.")
    assert ev.actor1 == "Military Forces of Russia (2000-)" and ev.actor2 == "Civilians (Syria)"
    ev = _one("Kenya's air strikes killed 20 al Shabaab fighters in the Gedo region of Somalia on Sunday.")
    assert ev.actor1 == "Military Forces of Kenya" and ev.sub_event_type == "Air/drone strike"
    assert ev.fatalities == 20 and ev.actor2 and "Shabaab" in ev.actor2


def test_a_country_that_is_a_place_or_a_target_is_no_agent() -> None:
    ev = _one("Air strikes on Syria's Idlib province killed eight civilians on Tuesday.")
    assert ev.actor1 is None
    ev = _one("Gunmen attacked a convoy in Mali on Tuesday, killing four soldiers.")
    assert ev.actor1 != "Military Forces of Mali"
    # a country that arrests or signs is its government, not its army
    for ev in _events("Iraq arrested 12 suspects in Basra on Monday."):
        assert not (ev.actor1 or "").startswith("Military Forces of Iraq")


def test_who_bombs_decides_the_kind_of_bombing() -> None:
    ev = _one("Russia bombed the town of Ariha in Idlib province on Tuesday, killing nine civilians.")
    assert (ev.sub_event_type, ev.actor1) == ("Air/drone strike", "Military Forces of Russia (2000-)")
    assert ev.fatalities == 9
    ev = _one("Militants bombed a police station in Quetta on Tuesday, killing three officers.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert _events("The film bombed at the box office in Lagos last week.") == []
    assert _events("Medical sources said the bombed hospital in Idlib had closed.") == []


def test_an_actor_named_by_its_relation_is_the_one_named_after_it() -> None:
    # "government ally Turkey": the government is not the agent, Turkey is (wherever the parser
    # hangs the name in apposition)
    ev = _one("Drone strikes by government ally Turkey killed four fighters near Tarhuna on Sunday.")
    assert ev.actor1 == "Military Forces of Turkey (2016-)" and ev.fatalities == 4
    ev = _one("Artillery fire by Moscow ally Belarus hit a village near the border on Sunday.")
    assert ev.actor1 == "Military Forces of Belarus"
