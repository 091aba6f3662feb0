"""Fatality figures, aircraft agents, state-force mapping and the shared masked parse.

Hand-built Documents (no spaCy model) except the last test; wire-style sentences about places
other than the seeds."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.extract.actors import load_dictionary, parse_masks
from sitrep.extract.events.fields import find_fatalities
from sitrep.extract.events.lexicon import load_lexicon, parse_number
from sitrep.records import Article, Document, Sentence
from tests.test_events import build, run


def tolls(text: str) -> list[int]:
    return [f.value for f in find_fatalities(Sentence(0, 0, len(text), text), load_lexicon())]


def test_compound_number_words() -> None:
    nums = load_lexicon().numbers
    assert parse_number("Twenty-three", nums) == 23
    assert parse_number("forty one", nums) == 41
    assert parse_number("ten-two", nums) is None  # not a compound number
    assert tolls("Thirty-six villagers were killed when gunmen stormed the market in Gao.") == [36]


def test_wounded_count_is_not_the_toll() -> None:
    # headline style without commas: the number after "killed" counts the wounded
    assert tolls("3 killed 14 injured in mortar attack on Kandahar market") == [3]
    assert tolls("The raid killed 4 others wounded") == []
    # "killing 8 persons injuring 30": the number is the dead
    assert tolls("Militants shelled the district killing 8 persons injuring 30 others") == [8]
    assert tolls("an air strike claiming the lives of at least eleven people") == [11]
    assert tolls("Dozens of people were killed in the blast") == []


def test_air_strike_agent_from_the_lead() -> None:
    doc = build(
        "Russian warplanes pounded rebel-held areas of Idlib on Sunday. "
        "Air strikes hit a market in Idlib, killing 14 civilians, a monitor said."
    )
    events, _ = run(doc)
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert strikes and all(e.actor1 == "Military Forces of Russia (2000-)" for e in strikes)


def test_air_strike_without_a_named_agent_stays_unknown() -> None:
    doc = build("Air strikes hit a market in Idlib on Sunday, killing 14 civilians, a monitor said.")
    events, _ = run(doc)
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert strike.actor1 is None  # no guessing
    assert strike.fatalities == 14


def test_demonym_forces_map_to_the_country_entry() -> None:
    d = load_dictionary()
    found = {m.text: (m.entry.name, m.country) for m in d.match("Turkish helicopters and Malian troops")}
    assert found["Turkish helicopters"][0] == "Turkish forces"
    assert found["Malian troops"] == ("Military forces", "Mali")


class _CountingParser:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, text: str) -> Any:
        self.texts.append(text)
        return text


def test_masked_parse_is_shared_and_keeps_offsets() -> None:
    text = "IS fighters attacked a checkpoint near Gao."
    doc = Document(article=Article(id="a", text=text), sentences=[Sentence(0, 0, len(text), text)])
    from sitrep.extract.actors import extract_actors

    d = load_dictionary()
    doc.actors = extract_actors(doc, d)
    doc.parse_masks = parse_masks(doc.actors, d)
    parser = _CountingParser()
    doc.parser = parser
    first = doc.parse(0)
    assert doc.parse(0) is first and len(parser.texts) == 1  # one parse, cached for all components
    assert len(first) == len(text) and not first.startswith("IS ") and first[2:] == text[2:]


@pytest.mark.model
def test_events_and_claims_share_one_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.options import Options
    from sitrep.pipeline import analyze_articles

    text = (
        "IS fighters attacked an army post near Deir ez-Zor on Monday, killing four soldiers, "
        "the Syrian Observatory for Human Rights said."
    )
    calls: list[str] = []
    art = Article(id="p1", text=text, source="AFP")
    from sitrep.nlp.spacy_pass import NLP

    original = NLP.parse_sentence

    def counting(self: NLP, t: str) -> Any:
        calls.append(t)
        return original(self, t)

    monkeypatch.setattr(NLP, "parse_sentence", counting)
    doc = analyze_articles([art], Options(progress=False))[0]
    assert len(calls) == 1 and not calls[0].startswith("IS ")
    assert doc.events
    assert any(e.actor1 and e.actor1.startswith("Islamic State") for e in doc.events)
