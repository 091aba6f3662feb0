"""Perpetrators the article names elsewhere, and agents the event's own sentence names in ways the
roles missed (possessives without their apostrophe, "at the hands of", "the use of X by Y", a
clause telling how the dead died, a "by" agent after the trigger).  Own wire-style sentences; the
dictionary and word-order tests need no model, the others do."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.events.agents import NOTE, load_article_agents
from sitrep.extract.events.roles import load_role_words, roles_by_order
from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import ActorMention, Article, Document, Event
from tests.test_actors import actors_of

DAY = dt.date(2021, 3, 9)


def analyze(text: str) -> Document:
    art = Article(id="a1", text=text, date=DAY, source="AFP", date_source="jsonl")
    return analyze_articles([art], Options(progress=False))[0]


def of_type(doc: Document, sub: str) -> list[Event]:
    return [e for e in doc.events if e.sub_event_type == sub]


# --- dictionary ---


def test_a_possessive_without_its_apostrophe_is_the_actor() -> None:
    assert actors_of("The US-led coalitions airstrikes hit Hajin.") == [
        ("US-led coalitions", "US-led coalition")
    ]
    assert actors_of("It was hit by the Nigerian armys shelling.")[0][1] == "Military forces"
    assert actors_of("The Syrian armys artillery fired.")[0][1] == "Syrian government forces"
    # a plural alias is still itself, and a phrase that names no actor stays none with an "s"
    assert actors_of("Militants attacked.") == [("Militants", "Unidentified armed group")]
    assert actors_of("The Syrian Coalitions media office said so.") == []
    # no "s" glued at the end of a sentence
    assert actors_of("They blamed the coalitions.") == []


def test_forces_named_by_their_weapons_or_units() -> None:
    assert actors_of("Kenyan tanks shelled the camp.")[0][1] == "Military forces"
    assert actors_of("Strikes by Turkish air forces hit Qandil.")[0][1] == "Turkish forces"
    assert actors_of("US-led air strikes hit Baghuz.")[0][1] == "US-led coalition"
    assert actors_of("An army unit ambushed the convoy.")[0][1] == "Military forces"
    assert actors_of("Government barrel bombs fell on Daraya.")[0] == (
        "Government barrel bombs",
        "Military forces",
    )


def test_its_forces_are_the_owner_named_before() -> None:
    found = actors_of("The Saudi-led coalition said its warplanes struck Houthi positions in Saada.")
    assert found[1] == ("warplanes", "Saudi-led coalition")
    assert actors_of("Al-Shabaab said its fighters overran the base.")[1] == ("fighters", "Al-Shabaab")
    # no owner named before it in the sentence, or only civilians: the generic forces
    assert actors_of("Their warplanes struck the town.") == [("warplanes", "Military forces")]
    assert actors_of("Residents said their troops fled.")[1] == ("troops", "Military forces")


def test_role_and_agent_words_load() -> None:
    words = load_role_words()
    assert (
        {"as", "when"} <= words.cause_marks and "use" in words.event_heads and "repel" in words.defender_verbs
    )
    rules = load_article_agents()
    assert rules.kinds["Air/drone strike"] == frozenset({"Air/drone strike"})
    assert "attributed" in rules.modalities and "negated" not in rules.modalities


def test_a_by_agent_after_the_trigger_acts_by_word_order() -> None:
    text = "Shells hit Zamalka overnight in a raid by government forces, residents said."
    start = text.index("government forces")
    forces = ActorMention(start, start + 17, "government forces", 0, "Regime forces (descriptor)", 1, "state")
    roles = roles_by_order(text.index("Shells"), [forces], text)
    assert roles.actor1 is forces and roles.actor2 is None
    # without the text (or without "by") the actor after the trigger is acted upon, as before
    assert roles_by_order(text.index("Shells"), [forces]).actor2 is forces
    text2 = text.replace("by government", "on government")
    assert roles_by_order(text2.index("Shells"), [forces], text2).actor2 is forces


# --- the article names the perpetrator elsewhere (spaCy model) ---


@pytest.mark.model
def test_an_air_strike_takes_the_one_air_force_the_article_names() -> None:
    doc = analyze(
        "Air strikes hit a market in the town of Ariha on Monday, killing nine civilians, rescuers said. "
        "Russian warplanes also bombed Saraqib on Sunday."
    )
    ariha = [e for e in of_type(doc, "Air/drone strike") if e.evidence[0].sentence_index == 0]
    assert ariha and ariha[0].actor1 == "Military Forces of Russia (2000-)"
    (prov,) = ariha[0].provenance["actor1"]
    assert NOTE in prov.note and prov.sentence_index == 1 and prov.text == "Russian warplanes"


@pytest.mark.model
def test_two_air_forces_named_lend_none() -> None:
    for second in (
        "Syrian and Russian warplanes also bombed Saraqib on Sunday.",
        "Syrian government forces and Russian jets also bombed Saraqib on Sunday.",
    ):
        doc = analyze(
            "Air strikes hit a market in the town of Ariha on Monday, killing nine civilians, rescuers "
            "said. " + second
        )
        ariha = [e for e in of_type(doc, "Air/drone strike") if e.evidence[0].sentence_index == 0]
        assert ariha and ariha[0].actor1 is None, second


@pytest.mark.model
def test_only_the_same_kind_of_attack_lends_its_agent() -> None:
    # the army's shelling says nothing about who flew the raid
    doc = analyze(
        "Air strikes killed six civilians in the village of Kafranbel on Tuesday, a monitor said. "
        "Government forces shelled Maarat al-Numan on Monday."
    )
    strikes = of_type(doc, "Air/drone strike")
    assert strikes and all(e.actor1 is None for e in strikes)


# --- the event's own sentence (spaCy model) ---


@pytest.mark.model
def test_at_the_hands_of_names_the_agent() -> None:
    doc = analyze("Two villagers were killed at the hands of Boko Haram fighters near Maiduguri on Sunday.")
    evs = [e for e in doc.events if e.event_type == "Violence against civilians"]
    assert evs and evs[0].actor1 == "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"


@pytest.mark.model
def test_a_clause_telling_how_they_died_names_the_agent() -> None:
    doc = analyze("Seven villagers were killed as Boko Haram fighters swept through Konduga on Sunday.")
    (ev,) = [e for e in doc.events if e.event_type == "Violence against civilians"]
    assert ev.actor1 == "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
    doc = analyze("Eleven people were killed in Kharkiv as Russian forces shelled the city on Monday.")
    assert all(e.actor1 == "Military Forces of Russia (2000-)" for e in doc.events)


@pytest.mark.model
def test_the_noun_that_carries_the_event_carries_its_roles() -> None:
    doc = analyze(
        "Activists reported casualties from the use of toxic gas by the regime in Douma on Wednesday."
    )
    (ev,) = of_type(doc, "Chemical weapon")
    assert ev.actor1 == "Military Forces of Syria (2000-)"
    doc = analyze(
        "Saudi-led jets carried out a wave of air strikes on Houthi positions in Hodeidah on Monday."
    )
    (ev,) = of_type(doc, "Air/drone strike")
    assert ev.actor1 == "Military Forces of Saudi Arabia (2015-)" and ev.actor2 == "Ansar Allah"


@pytest.mark.model
def test_a_possessive_without_apostrophe_before_the_attack_noun_acts() -> None:
    doc = analyze("The US-led coalitions airstrikes killed 10 civilians in Hasakah province on Saturday.")
    (ev,) = of_type(doc, "Air/drone strike")
    assert ev.actor1 == "Operation Inherent Resolve" and (ev.actor2 or "").startswith("Civilians")


@pytest.mark.model
def test_who_repels_attacks_is_the_side_attacked() -> None:
    doc = analyze("Iraqi troops repelled a series of attacks on their positions near Mosul on Tuesday.")
    assert doc.events and all(e.actor1 != "Military Forces of Iraq (2014-)" for e in doc.events)
    assert any(e.actor2 == "Military Forces of Iraq (2014-)" for e in doc.events)
