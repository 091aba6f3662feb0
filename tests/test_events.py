"""The "events" component on hand-built Documents (no spaCy model: roles by word order,
modality from the clause text).  Wire-style sentences about places other than the seeds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from sitrep.extract.actors import extract_actors, load_dictionary
from sitrep.extract.events import extract_events
from sitrep.records import (
    MODALITY_FUTURE,
    MODALITY_HISTORICAL,
    MODALITY_HYPOTHETICAL,
    MODALITY_NEGATED,
    Article,
    Claim,
    Document,
    Event,
    Place,
    PlaceMention,
    TimeExpression,
)
from tests.docbuild import split_sentences

PLACES = {
    "Kandahar": Place(
        "Kandahar",
        31.61,
        65.71,
        country="Afghanistan",
        iso=4,
        admin1="Kandahar",
        feature_class="P",
        feature_code="PPLA",
    ),
    "Afghanistan": Place(
        "Afghanistan", 33.0, 65.0, country="Afghanistan", iso=4, feature_class="A", feature_code="PCLI"
    ),
    "Gao": Place(
        "Gao", 16.27, -0.04, country="Mali", iso=466, admin1="Gao", feature_class="P", feature_code="PPLA"
    ),
    "Beledweyne": Place(
        "Beledweyne",
        4.74,
        45.2,
        country="Somalia",
        iso=706,
        admin1="Hiiraan",
        feature_class="P",
        feature_code="PPLA",
    ),
    "Idlib": Place(
        "Idlib",
        35.93,
        36.63,
        country="Syria",
        iso=760,
        admin1="Idlib",
        feature_class="P",
        feature_code="PPLA",
    ),
}


def build(
    text: str,
    date: dt.date | None = dt.date(2021, 6, 9),
    times: list[tuple[str, dict]] = (),  # type: ignore[assignment]
    source: str = "Reuters",
) -> Document:
    """Sentences split at sentence punctuation; toponyms from PLACES; actors from the dictionary;
    time expressions given as (surface, TimeExpression fields)."""
    sentences = split_sentences(text)
    doc = Document(
        article=Article(
            id="art-1", text=text, date=date, source=source, date_source="jsonl" if date else None
        ),
        sentences=sentences,
    )

    def sent_of(pos: int) -> int:
        return next(s.index for s in sentences if s.start <= pos < s.end)

    for name, place in PLACES.items():
        for m in re.finditer(rf"\b{name}\b", text):
            prec = 3 if place.feature_code == "PCLI" else 1
            doc.places.append(
                PlaceMention(m.start(), m.end(), name, sent_of(m.start()), place=place, geo_precision=prec)
            )
    doc.places.sort(key=lambda p: p.start)
    for surface, fields in times:
        pos = text.index(surface)
        doc.times.append(TimeExpression(pos, pos + len(surface), surface, sent_of(pos), **fields))
    doc.actors = extract_actors(doc, load_dictionary())
    return doc


def run(doc: Document) -> tuple[list[Event], list[Event]]:
    doc.events, doc.discarded = extract_events(doc)
    return doc.events, doc.discarded


TUESDAY = {"date_start": dt.date(2021, 6, 8), "date_end": dt.date(2021, 6, 8), "precision": 1}


def test_attack_on_checkpoint_is_a_clash_with_fatalities_place_and_date() -> None:
    doc = build(
        "Taliban fighters attacked a police checkpoint in Kandahar on Tuesday, killing four policemen.",
        times=[("Tuesday", TUESDAY)],
    )
    (ev,), discarded = run(doc)
    assert discarded == []
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")
    assert ev.actor1 == "Taliban" and ev.inter1 == 2
    assert ev.actor2 == "Police Forces of Afghanistan" and ev.inter2 == 1
    assert ev.interaction == 12
    assert ev.fatalities == 4
    assert (ev.location, ev.country, ev.admin1, ev.geo_precision) == (
        "Kandahar",
        "Afghanistan",
        "Kandahar",
        1,
    )
    assert ev.event_date == dt.date(2021, 6, 8) and ev.time_precision == 1
    assert ev.source == "Reuters"
    assert "Taliban" in ev.notes and "Kandahar" in ev.notes and "8 June 2021" in ev.notes
    assert 0.0 < ev.confidence <= 1.0
    # provenance for every coded field, pointing at the characters it came from
    coded = {f.name for f in dataclasses.fields(Event)}
    coded -= {"event_id", "article_ids", "provenance", "evidence", "conflicts", "claim_ids"}
    for name in coded:
        if getattr(ev, name) not in (None, "", [], {}):
            assert ev.provenance.get(name), name
    for name in ("actor1", "actor2", "fatalities", "location", "event_date", "source", "notes", "modality"):
        assert ev.provenance.get(name), name
    fat = ev.provenance["fatalities"][0]
    assert doc.text[fat.start : fat.end] == fat.text and "four" in fat.text
    assert doc.text[ev.evidence[0].start : ev.evidence[0].end] == "attacked"


def test_attack_on_civilians_is_violence_against_civilians() -> None:
    doc = build("Gunmen killed five civilians in Gao on Tuesday.", times=[("Tuesday", TUESDAY)])
    (ev,), _ = run(doc)
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")
    assert ev.actor2 == "Civilians (Mali)" and ev.civilian_targeting == "Civilian targeting"
    assert ev.interaction == 37 and ev.fatalities == 5


def test_no_figure_from_vague_amounts() -> None:
    (ev,), _ = run(build("An air strike on Idlib killed dozens of people."))
    assert ev.sub_event_type == "Air/drone strike" and ev.fatalities is None
    (ev,), _ = run(build("A car bomb in Beledweyne left at least 12 dead."))
    assert ev.sub_event_type == "Remote explosive/landmine/IED" and ev.fatalities == 12


def test_no_date_in_sentence_falls_back_to_article_date() -> None:
    (ev,), _ = run(build("Rebels shelled Idlib."))
    assert ev.event_date == dt.date(2021, 6, 9) and ev.time_precision == 2
    assert ev.provenance["event_date"][0].note == "inferred from article date"


def test_undated_article_keeps_relative_date() -> None:
    doc = build(
        "Al-Shabaab fighters overran a military base near Beledweyne over the weekend.",
        date=None,
        times=[("over the weekend", {"relative": "the weekend before publication", "precision": 2})],
    )
    (ev,), _ = run(doc)
    assert ev.event_date is None and ev.relative_date == "the weekend before publication"
    assert ev.sub_event_type == "Non-state actor overtakes territory"


def test_modalities_are_discarded_with_reason() -> None:
    cases = {
        "Government troops did not attack rebels in Idlib.": MODALITY_NEGATED,
        "Al-Shabaab denied carrying out a bombing in Beledweyne.": MODALITY_NEGATED,
        "Taliban fighters plan to launch an offensive on Kandahar.": MODALITY_FUTURE,
        "Rebels will withdraw from Idlib next month.": MODALITY_FUTURE,
        "Officials fear that militants could attack Gao.": MODALITY_HYPOTHETICAL,
        "If talks fail, the army may shell Idlib.": MODALITY_HYPOTHETICAL,
    }
    for text, modality in cases.items():
        events, discarded = run(build(text))
        assert events == [], text
        assert [d.modality for d in discarded] == [modality], text
        assert discarded[0].provenance["modality"][0].text, text


def test_historical_background_is_discarded() -> None:
    doc = build(
        "Islamic State fighters captured Idlib in 2015 before the army returned.",
        times=[
            (
                "2015",
                {
                    "date_start": dt.date(2015, 1, 1),
                    "date_end": dt.date(2015, 12, 31),
                    "precision": 3,
                    "tense": "historical",
                },
            )
        ],
    )
    events, discarded = run(doc)
    assert events == [] and [d.modality for d in discarded] == [MODALITY_HISTORICAL]
    # without any time expression a year long before the article date still counts as background
    events, discarded = run(build("Islamic State fighters captured Idlib in 2015."))
    assert events == [] and [d.modality for d in discarded] == [MODALITY_HISTORICAL]


def test_reported_event_is_attributed_to_the_claim() -> None:
    text = "A monitoring group said an air strike hit a market in Idlib on Tuesday."
    doc = build(text, times=[("Tuesday", TUESDAY)])
    quote_start = text.index("an air strike")
    doc.claims = [
        Claim(
            claim_id="c1",
            article_id="art-1",
            speaker="A monitoring group",
            speaker_start=0,
            speaker_end=18,
            cue="said",
            quote_spans=[(quote_start, len(text) - 1)],
            start=0,
            end=len(text),
            sentence_indexes=[0],
        )
    ]
    (ev,), _ = run(doc)
    assert ev.claim_ids == ["c1"] and ev.attributed_to == "A monitoring group"
    assert doc.claims[0].event_ids == [ev.event_id]
    assert "According to A monitoring group" in ev.notes
    assert ev.provenance["attributed_to"][0].text == "A monitoring group"


def test_same_strike_in_three_sentences_is_one_event() -> None:
    text = (
        "Russian warplanes struck Idlib on Tuesday, killing nine people. "
        "The air strikes also hit a bakery. Residents said the airstrikes lasted an hour."
    )
    doc = build(text, times=[("Tuesday", TUESDAY)])
    events, _ = run(doc)
    assert len(events) == 1
    ev = events[0]
    assert ev.sub_event_type == "Air/drone strike" and len(ev.evidence) == 3
    assert {e.sentence_index for e in ev.evidence} == {0, 1, 2}
    assert ev.event_date == dt.date(2021, 6, 8) and ev.fatalities == 9
    assert ev.actor1 == "Military Forces of Russia (2000-)" and ev.inter1 == 8  # Russian forces in Syria


def test_distinct_events_in_one_sentence() -> None:
    events, _ = run(build("Turkish artillery and Russian air strikes pounded Idlib."))
    assert sorted(e.sub_event_type for e in events) == [
        "Air/drone strike",
        "Shelling/artillery/missile attack",
    ]


def test_event_ids_are_stable_and_distinct() -> None:
    text = "Rebels shelled Idlib. Police arrested six men in Gao."
    first = [e.event_id for e in run(build(text))[0]]
    again = [e.event_id for e in run(build(text))[0]]
    assert first == again and len(set(first)) == 2
    # a sentence added in front moves offsets: ids follow the trigger, not the position in a list
    moved = [e.event_id for e in run(build("Markets reopened. " + text))[0]]
    assert set(moved).isdisjoint(first)


def test_protests_and_their_escalation() -> None:
    (ev,), _ = run(build("Hundreds of students protested in Kandahar against fee rises."))
    assert ev.sub_event_type == "Peaceful protest" and ev.actor1 == "Protesters (Afghanistan)"
    assert ev.interaction == 60
    (ev,), _ = run(build("Police fired tear gas to disperse demonstrators in Gao."))
    assert ev.sub_event_type == "Protest with intervention"
    (ev,), _ = run(build("Protesters threw stones at police and torched cars in Gao."))
    assert ev.event_type == "Riots"


def test_non_conflict_sentences_make_no_event() -> None:
    for text in (
        "Floods killed 20 people in Beledweyne.",
        "A gas cylinder explosion killed three in Gao.",
        "The striker shot the ball past the keeper in Kandahar.",
    ):
        events, discarded = run(build(text))
        assert events == [] and discarded == [], text


def test_arrests_and_territory_are_told_apart_by_the_object() -> None:
    (ev,), _ = run(build("Malian soldiers captured the town of Gao."))
    assert ev.sub_event_type == "Government regains territory"
    (ev,), _ = run(build("Police captured nine suspected militants in Gao."))
    assert ev.sub_event_type == "Arrests"
