"""Words with an everyday sense ("battle", "captured", "deployed", "signed an agreement") make events
only in an article about conflict or disorder; a capitalised trigger word inside a name ("the Houston
Rockets", "the Popular Mobilization Forces", "since 30 March") is no trigger.  Own texts."""

from __future__ import annotations

import pytest

from sitrep.extract.events import fields as F
from sitrep.extract.events.lexicon import load_lexicon
from sitrep.extract.events.triggers import conflict_context
from sitrep.records import ActorMention

from .docbuild import analyze_text


def _actor(actor: str, inter: int) -> ActorMention:
    return ActorMention(start=0, end=5, text=actor, sentence_index=0, actor=actor, inter=inter)


# ---- units, no model ----


def test_conflict_context_needs_an_armed_actor_protesters_or_a_conflict_word() -> None:
    lex = load_lexicon(())
    quiet = "The carmaker said the new model would go on sale in May."
    assert not conflict_context(quiet, [], lex)
    # the police of ordinary news do not make a story one of conflict
    assert not conflict_context(quiet, [_actor("Police forces", 1)], lex)
    assert conflict_context(quiet, [_actor("Islamic State", 2)], lex)
    assert conflict_context(quiet, [_actor("Protesters", 6)], lex)
    assert conflict_context("Gunmen opened fire on the convoy.", [], lex)
    assert conflict_context("The truce was holding on Sunday.", [], lex)


def test_everyday_phrases_are_whole_matches_longer_phrases_are_not() -> None:
    lex = load_lexicon(())
    assert lex.everyday is not None
    for word in ("battle", "Fighting", "captured", "deployed", "signed agreements", "shot down", "regained"):
        assert lex.everyday.fullmatch(word), word
    for phrase in ("heavy fighting", "gun battle", "airstrike", "signed a truce"):
        assert not lex.everyday.fullmatch(phrase), phrase


def test_title_cased_lines_are_told_from_sentences_crowded_with_names() -> None:
    assert F.title_cased("Rebels Clash With Troops In Northern Town")
    assert F.title_cased("Envoy Condemns Attack that Killed Two Policemen")
    assert not F.title_cased("Fighters of the Popular Mobilization Forces entered the town of Baiji")


def test_in_name_only_for_capitalised_words_inside_a_name() -> None:
    def at(text: str, word: str) -> tuple[int, int]:
        i = text.index(word)
        return i, i + len(word)

    text = "Fans cheered the Houston Rockets. The army's offensive went on."
    s, e = at(text, "Rockets")
    assert F.in_name(text, [F.NameSpan(17, 32, "entity")], s, e, 0)
    # lower case: a name read over an event word says nothing
    s, e = at(text, "offensive")
    assert not F.in_name(text, [F.NameSpan(34, 54, "entity")], s, e, 34)
    # a named entity that is the trigger alone, or starts with it, is the word itself
    t = "Rebel fighters used Sarin gas. Kills Four people."
    s, e = at(t, "Sarin")
    assert not F.in_name(t, [F.NameSpan(s, e, "entity")], s, e, 0)
    s, e = at(t, "Kills")
    assert not F.in_name(t, [F.NameSpan(s, s + 10, "entity")], s, e, s)
    # words of the name before the trigger that are themselves an actor or a trigger describe it
    t = "Nine were hurt in New Terrorist Mortar Attacks in the old city."
    n = F.NameSpan(t.index("New"), t.index(" in the"), "entity")
    s, e = at(t, "Attacks")
    assert F.in_name(t, [n], s, e, 0)
    assert not F.in_name(t, [n], s, e, 0, described=(at(t, "Mortar"),))
    # a protest's name is the protest
    t = "Thousands joined the Great Freedom March on Friday."
    s, e = at(t, "March")
    n = F.NameSpan(t.index("Great"), e, "entity")
    assert F.in_name(t, [n], s, e, 0)
    assert not F.in_name(t, [n], s, e, 0, entities=False)
    # a month name counts alone, an actor only around the trigger
    t = "Since 30 March, shops closed. Popular Mobilization Forces and Russian airstrikes."
    s, e = at(t, "March")
    assert F.in_name(t, [F.NameSpan(s, e, "month")], s, e, 0)
    s, e = at(t, "Mobilization")
    assert F.in_name(t, [F.NameSpan(t.index("Popular"), t.index(" and"), "actor")], s, e, 0)
    t2 = "Russian Airstrikes hit the town."
    assert not F.in_name(t2, [F.NameSpan(0, 18, "actor")], 8, 18, 0)
    # a headline's verb with its count
    t3 = "Car bomb in the Aleppo Kills 23 people."
    s, e = at(t3, "Kills")
    assert not F.in_name(t3, [F.NameSpan(t3.index("Aleppo"), e, "entity")], s, e, 0)


# ---- the whole pipeline, real model ----


def _subtypes(text: str) -> list[str]:
    return sorted(e.sub_event_type for e in analyze_text(text).events)


@pytest.mark.parametrize(
    "text",
    [
        # business and sport: no conflict context anywhere in the article
        "The two carmakers signed an agreement on Tuesday to build batteries together in Ohio. "
        "The deal intensified what was already shaping up to be a fierce price battle in the market. "
        "Analysts said the shares regained ground after the company deployed new software at its plants.",
        "The Lakers beat Denver 101-99 on Friday night. Their coach shot down rumours that he would leave, "
        "and the guard captured the imagination of fans with a late three-pointer in a hard-fought battle.",
    ],
)
def test_everyday_words_make_no_event_outside_conflict(text: str) -> None:
    assert _subtypes(text) == []


def test_the_same_words_are_events_in_a_conflict_story() -> None:
    text = (
        "Government troops regained control of the town of Kadugli on Sunday after heavy clashes with "
        "rebels, the army said. Soldiers captured twelve fighters during the battle."
    )
    subs = _subtypes(text)
    assert "Government regains territory" in subs
    assert any(s in subs for s in ("Arrests", "Armed clash"))


def test_a_trigger_word_inside_a_name_is_no_trigger() -> None:
    assert _subtypes("Chris Moore hit a late layup to lift the Houston Rockets to a 96-94 win.") == []
    assert _subtypes("Since 30 March, online shops in the city have stopped selling the book.") == []
    subs = _subtypes("Fighters of the Popular Mobilization Forces entered the town of Baiji on Sunday.")
    assert "Change to group/activity" not in subs


def test_a_trigger_at_a_sentence_start_or_in_a_headline_still_counts() -> None:
    assert "Peaceful protest" in _subtypes("Protesters marched through the centre of Lagos on Monday.")
    assert _subtypes("Rebels Clash With Troops In Northern Town\nThe fighting lasted two hours, police said.")


def test_a_protest_named_with_its_trigger_word_is_still_a_protest() -> None:
    assert "Peaceful protest" in _subtypes("Thousands joined the Great Freedom March in Accra on Friday.")
