"""A country or capital that is the subject of a government verb ("Riyadh denies ...", "Ankara has
warned ...") stands for its government: it stays a place mention (with the reason) but is never an
event's location.  Own wire-style sentences; the real model (tags only, no parse)."""

from __future__ import annotations

from sitrep.extract.places import resolve_places
from sitrep.extract.places.resolve import GOVERNMENT_RELATION, SPEAKER_RELATION
from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import Article
from tests.test_places import by_text, make_doc

OPTS = Options()


def _doc(text: str):  # type: ignore[no-untyped-def]
    return analyze_articles([Article(id="m", text=text, source="test")], OPTS)[0]


def _relations(text: str) -> dict[str, str | None]:
    return {p.text: p.relation for p in _doc(text).places if p.place is not None}


def test_capitals_and_countries_as_subjects_of_government_verbs() -> None:
    rel = _relations(
        "Ankara and Tehran have repeatedly warned Kurdish fighters. Washington will respond, officials said. "
        "Beijing did not comment. "
        "Kabul was shaken by two blasts on Monday. France deployed 200 soldiers."
    )
    assert rel["Ankara"] == GOVERNMENT_RELATION
    assert rel["Tehran"] == GOVERNMENT_RELATION  # coordinated with the subject
    assert rel["Washington"] == GOVERNMENT_RELATION  # "will respond": modal + infinitive
    assert rel["France"] == GOVERNMENT_RELATION
    assert rel["Beijing"] == GOVERNMENT_RELATION  # do-support + negation
    assert rel["Kabul"] != GOVERNMENT_RELATION  # a passive verb: the city itself


def test_a_city_that_is_not_a_capital_stays_a_place() -> None:
    rel = _relations("Mosul said goodbye to its last checkpoint on Monday as Basra announced a curfew.")
    assert rel.get("Mosul") != GOVERNMENT_RELATION
    assert rel.get("Basra") != GOVERNMENT_RELATION


def test_a_speaking_capital_is_not_the_location_of_the_strike() -> None:
    doc = _doc(
        "SAADA, Yemen (Wire) - Air strikes hit a market in the town of Dahyan on Sunday, killing 12 people, "
        "medics said. Residents said the raids were carried out by coalition jets. Riyadh denies targeting "
        "civilians and says it strikes only military targets."
    )
    strikes = [e for e in doc.events if e.sub_event_type == "Air/drone strike"]
    assert strikes and all(e.location != "Riyadh" for e in strikes)
    assert all(e.country == "Yemen" for e in strikes)
    riyadh = [p for p in doc.places if p.text == "Riyadh"]
    assert riyadh and riyadh[0].relation == GOVERNMENT_RELATION
    assert "stands for its government" in riyadh[0].explanation


def test_a_capital_after_a_preposition_is_a_place_not_a_speaker() -> None:
    rel = _relations(
        "Activists in Damascus said three people were killed. A doctor in rebel-held Sanaa told the agency "
        "the clinic was hit. In December Moscow said it would help."
    )
    assert rel["Damascus"] != GOVERNMENT_RELATION
    assert rel["Sanaa"] != GOVERNMENT_RELATION
    assert rel["Moscow"] == GOVERNMENT_RELATION  # a date before the subject is no preposition's object


def test_names_that_speak_like_persons_are_no_event_location() -> None:
    doc = _doc(
        "A gunman shot two men in Chicago, Illinois on Sunday, according to Winfield, a US security analyst. "
        "Winfield notes that such attacks are rare. Moscow warns against new strikes."
    )
    rel = {p.text: p.relation for p in doc.places}
    assert rel["Winfield"] == SPEAKER_RELATION
    assert rel["Moscow"] == GOVERNMENT_RELATION
    moscow = next(p for p in doc.places if p.text == "Moscow")
    assert moscow.place is not None and moscow.place.iso2 == "RU"  # the capital, not a namesake
    assert all(e.location != "Winfield" for e in doc.events)
    # a name that goes on ("according to Chicago police", "said Hawaii's growth") is no speaker
    rel = _relations(
        "Two men were shot, according to Chicago police. An economist said Hawaii's growth lagged."
    )
    assert rel.get("Chicago") != SPEAKER_RELATION and rel.get("Hawaii") != SPEAKER_RELATION


def test_names_introduced_by_a_place_noun_are_places_even_as_ner_persons() -> None:
    text = "Shelling hit the villages of Khan Sheikhoun and Kafr Zita on Friday. Omar Hassan said so."
    doc = make_doc(
        text,
        [
            ("Khan Sheikhoun", "PERSON"),
            ("Kafr Zita", "PERSON"),
            ("Friday", "DATE"),
            ("Omar Hassan", "PERSON"),
        ],
    )
    got = by_text(resolve_places(doc, OPTS))
    assert got["Khan Sheikhoun"].place is not None and got["Khan Sheikhoun"].place.iso2 == "SY"
    assert got["Kafr Zita"].place is not None and got["Kafr Zita"].place.iso2 == "SY"
    assert "Omar Hassan" not in got  # a person not introduced by a place noun stays a person


def test_names_after_a_preposition_of_place_are_places_even_as_ner_persons() -> None:
    text = (
        "A rocket hit a school in Maaret al-Numan on Friday. Jets struck near Khan Sheikhoun. "
        "Thousands rallied in Bashar al-Assad's honour. Omar Hassan said so."
    )
    doc = make_doc(
        text,
        [
            ("Maaret al-Numan", "PERSON"),
            ("Friday", "DATE"),
            ("Khan Sheikhoun", "PERSON"),
            ("Bashar al-Assad", "PERSON"),
            ("Omar Hassan", "PERSON"),
        ],
    )
    got = by_text(resolve_places(doc, OPTS))
    assert got["Maaret al-Numan"].place is not None and got["Maaret al-Numan"].place.iso2 == "SY"
    assert got["Khan Sheikhoun"].place is not None and got["Khan Sheikhoun"].place.iso2 == "SY"
    # a possessive after the name makes it a person's; no preposition of place, a person
    assert "Bashar al-Assad" not in got and "Omar Hassan" not in got
