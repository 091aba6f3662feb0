"""Trigger words in a sense that never tells an event (`other_senses`: "a brief shot at a career",
"the cameras captured the moment", "complaints have rocketed") and capitalised trigger words inside a
name the model does not tag ("a Shell station", "The Rockets swept the series").  Own texts."""

from __future__ import annotations

import pytest

from sitrep.extract.events import fields as F
from sitrep.extract.events.lexicon import load_lexicon
from sitrep.extract.events.triggers import is_non_conflict

from .docbuild import analyze_text

# ---- units, no model ----


# words in their other sense (matched) and the same words telling an event (not matched)
OTHER_SENSE = [
    "a brief shot at",
    "his game-winning shot",
    "Mayor Okafor blasted",
    "she blasted",
    "have demonstrated that",
    "was demonstrated",
    "demonstrated remarkable",
    "sits in",
    "sit down and",
    "rallied from",
    "shares rallied",
    "the works were executed",
    "executed a search warrant",
    "regulatory bodies",
    "cameras captured",
    "captured on video",
    "capturing their third league title",
    "have rocketed",
    "skyrocketed",
    "joint custody",
    "detention centre",
    "protested that",
    "protesting his innocence",
    "Easter vigil",
    "explosive growth",
    "a 2011 Toyota Corolla",
    "approved selling $2 billion in missiles",
    "$400 million in artillery",
    "the missile defence system",
    "a cage fight",
    "helped them evade capture",
    "resisted arrest",
    "died of cardiac arrest",
    "an arrest warrant",
    "a warrant for his arrest",
    "Jailed journalist",
    "the detained activists",
    "a demonstration of military power",
    "the first shot",
    "a long legal battle",
    "fought in the courts",
    "battling cancer",
    "the documentary was shot",
    "shot on location",
    "a really good shot at",
    "as demonstrated",
    "no shell casings",
    "a string of sea shells",
    "the rocket lifted off",
    "a fire destroyed",
    "the seat vacated",
    "surrendered himself",
    "an assault rifle",
    "deployed a new flood barrier",
    "an ambulance was dispatched",
    "firefighting",
    "March 16",
]
EVENT_SENSE = [
    "gunmen shot him in the head",
    "a shot to the chest",
    "a car bomb blasted the market",
    "thousands demonstrated in the capital",
    "students demonstrated the next day",
    "they staged a sit-in",
    "supporters rallied outside the court",
    "the militants executed four hostages",
    "the bodies of six men",
    "troops captured the town",
    "fighters rocketed the base",
    "taken into custody",
    "held in detention",
    "residents protested the closure",
    "a candlelight vigil for the victims",
    "an explosive device",
    "militants fired missiles at the port",
    "artillery units shelled the village",
    "heavy fighting in the hills",
    "police arrested two journalists",
    "a demonstration of workers",
    "the first shots were fired at dawn",
    "battling the rebels",
    "gunmen shot the guard",
    "rebels fired a rocket at the base",
    "the army vacated the town",
    "the assault on the town",
    "troops were dispatched",
    "a protest march",
]


@pytest.mark.parametrize(
    ("text", "other"), [(t, True) for t in OTHER_SENSE] + [(t, False) for t in EVENT_SENSE]
)
def test_other_senses_tell_the_two_senses_apart(text: str, other: bool) -> None:
    lex = load_lexicon(())
    assert lex.other_senses is not None
    assert bool(lex.other_senses.search(text)) is other, text


def _span(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


def test_capitalised_trigger_word_inside_a_name() -> None:
    for text, word in [
        ("We stopped at a Shell garage on the ring road.", "Shell"),
        ("The car was parked behind the Price Chopper near the bridge.", "Chopper"),
        ("The Rockets swept the series with a win in Portland.", "Rockets"),
    ]:
        s, e = _span(text, word)
        assert F.capitalised_name(text, s, e, 0), text


def test_capitalised_trigger_word_that_is_no_name() -> None:
    weapons = load_lexicon(()).weapon_names
    for text, word in [
        ("Shelling resumed at dawn in the south.", "Shelling"),  # the sentence's first word
        ("He said: “Shelling resumed at dawn.”", "Shelling"),  # a quote's first word
        ("Rebels filled the shells with Chlorine gas, the monitor said.", "Chlorine"),  # after a preposition
        ("The militia fired a Katyusha rocket at the port.", "Katyusha"),  # a weapon's own spelling
        ("Published 3 May 2016 Shelling of the old town killed two people.", "Shelling"),  # after a date
        # the phrase goes on in lower case; a headline run
        ("Villagers said the Air Force destroyed two bridges.", "Air Force destroyed"),
        ("Witnesses counted 12 Dead in Barrel Bomb Attack on Rural Hama on Friday.", "Attack"),
    ]:
        s, e = _span(text, word)
        assert not F.capitalised_name(text, s, e, 0, weapons=weapons), text
    # right after an actor: the actor names the doer of the event ("an ISIS Attack on the base")
    text = "Residents described an ISIS Attack on the base."
    s, e = _span(text, "Attack")
    actor = _span(text, "ISIS")
    assert not F.capitalised_name(text, s, e, 0, described=(actor,))


def test_disasters_in_the_plural_are_non_conflict_sentences() -> None:
    lex = load_lexicon(())
    for text in ("Two strong quakes hit the north-west.", "Storms cut power to the coast.",
                 "Cyclones and landslides displaced thousands."):
        assert is_non_conflict(text, lex), text
    assert not is_non_conflict("Troops stormed the compound.", lex)


# ---- with the model ----


def _events(text: str) -> list[tuple[str, str]]:
    doc = analyze_text(text)
    return [(e.sub_event_type, doc.text[e.evidence[0].start : e.evidence[0].end]) for e in doc.events]


# own wire-style texts in which every trigger word is in its other sense or inside a name
NO_EVENT_TEXTS = {
    "sport and local news": (
        "Harbour City rallied from a 14-point deficit on Saturday to beat Millbrook 71-68. "
        "Guard Tomas Reyes, who had a brief shot at a professional career in Spain, hit the winning basket. "
        "The Hornets have demonstrated remarkable depth this season and now sit in second place. "
        "Coach Dana Whitfield blasted the league's scheduling after the game. "
        "Town officials said complaints about parking have rocketed since the stadium opened, and the "
        "works on the new car park were executed by a private contractor. "
        "Cameras captured the moment the fans ran onto the court."
    ),
    "names and church services": (
        "Bishop Anselm Mwangi led the Easter vigil at the cathedral on Saturday night. "
        "Worshippers later gathered at a Shell station on the main road before heading home. "
        "The Rockets, the parish basketball team, played a charity game on Sunday."
    ),
    "arms trade, courts and combat sports": (
        "The defence ministry approved the purchase of 40 howitzers and $600 million in missiles from a "
        "European maker on Tuesday. "
        "A former cage fighting champion was charged after a brawl at a nightclub, police said, and "
        "no arrest was made at the scene. "
        "The family has fought in the courts for a decade over the land."
    ),
    "films, launches, fires and accidents": (
        "The thriller was shot in 20 days on 16-millimetre film, the director said. "
        "A cargo rocket lifted off from the cosmodrome on Friday carrying supplies for the space station. "
        "Investigators said the sprinklers were off when a fire destroyed the old mill. "
        "A motorbike wreck on the coast road killed a passenger on Sunday, police said. "
        "The council will fill the seat vacated by the former mayor."
    ),
}


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(NO_EVENT_TEXTS))
def test_other_senses_and_names_make_no_events(name: str) -> None:
    assert _events(NO_EVENT_TEXTS[name]) == []


@pytest.mark.model
def test_the_event_senses_still_make_events() -> None:
    text = (
        "Gunmen shot dead a village chief in Bandiagara on Tuesday, residents said. "
        "On Wednesday hundreds of residents demonstrated outside the governor's office and staged a sit-in. "
        "Separately, militants fired a Katyusha rocket at an army post near the town, the army said."
    )
    subs = {sub for sub, _ in _events(text)}
    assert "Attack" in subs
    assert "Peaceful protest" in subs
    assert "Shelling/artillery/missile attack" in subs


@pytest.mark.model
def test_negated_arrest_beside_a_looting_keeps_the_looting() -> None:
    text = "No arrests have been made after shops were looted in the township on Monday night."
    doc = analyze_text(text)
    assert [e.sub_event_type for e in doc.events] == ["Looting/property destruction"]
    assert [(e.sub_event_type, e.modality) for e in doc.discarded] == [("Arrests", "negated")]


def test_users_extend_other_senses_in_their_data_dir(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # a user's event_triggers.yaml adds to the bundled lists (datafiles: lists concatenate)
    (tmp_path / "event_triggers.yaml").write_text(
        'other_senses: ["\\\\bpillow\\\\s+battles?\\\\b"]\nweapon_names: [Zolfaghar]\n', encoding="utf-8"
    )
    lex = load_lexicon((str(tmp_path),))
    assert lex.other_senses is not None
    assert lex.other_senses.search("a pillow battle")
    assert lex.other_senses.search("a brief shot at")  # the bundled ones stay
    assert "zolfaghar" in lex.weapon_names and "katyusha" in lex.weapon_names


@pytest.mark.model
def test_an_arrest_told_beside_its_warrant_is_an_arrest() -> None:
    # the warrant is no arrest, but it no longer hides the arrest in the same sentence
    text = "Police arrested the former governor on Monday under an arrest warrant from the anti-graft court."
    assert [sub for sub, _ in _events(text)] == ["Arrests"]
    assert _events("A court issued a warrant for his arrest on Monday.") == []
