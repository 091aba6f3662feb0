"""Events end to end with the spaCy model: dependency roles, modality from the parse, the seeds,
and wire stories written for these tests (other places, other dates, other wording)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import Article, Document, Event

pytestmark = pytest.mark.model


def plain(name: str | None) -> str:
    """Gazetteer names carry diacritics and apostrophes ("Ma'rib", "Herāt")."""
    folded = unicodedata.normalize("NFKD", name or "")
    return "".join(c for c in folded if c.isalnum()).lower()


def analyze(text: str, date: dt.date | None = None, source: str = "AFP", art_id: str = "t1") -> Document:
    art = Article(id=art_id, text=text, date=date, source=source, date_source="jsonl" if date else None)
    return analyze_articles([art], Options(progress=False))[0]


def only(doc: Document, sub: str) -> Event:
    found = [e for e in doc.events if e.sub_event_type == sub]
    assert len(found) == 1, [(e.sub_event_type, e.notes) for e in doc.events]
    return found[0]


def test_subject_and_object_from_the_parse() -> None:
    doc = analyze(
        "Al-Shabaab killed nine Somali soldiers in an attack on a base near Beledweyne on Monday.",
        dt.date(2020, 3, 4),
    )
    ev = only(doc, "Armed clash")
    assert ev.actor1 == "Al Shabaab" and ev.actor2 == "Military Forces of Somalia"
    assert ev.fatalities == 9 and ev.interaction == 12
    assert ev.event_date == dt.date(2020, 3, 2)
    assert ev.provenance["actor1"][0].note.startswith("parse")


def test_passive_victims_and_agent() -> None:
    doc = analyze(
        "Five villagers were killed by Boko Haram gunmen in Borno State on Sunday.", dt.date(2021, 1, 5)
    )
    ev = only(doc, "Attack")
    assert ev.actor1.startswith("Boko Haram") and ev.actor2.startswith("Civilians")
    assert ev.civilian_targeting == "Civilian targeting" and ev.fatalities == 5


def test_parse_modality_in_a_story() -> None:
    text = (
        "Houthi rebels fired missiles at the city of Marib on Friday, officials said.\n\n"
        "Government forces did not shell rebel positions on Saturday because of heavy rain.\n\n"
        "The coalition is expected to launch new air strikes next week, a spokesman said.\n\n"
        "The rebels denied attacking a hospital in Taez."
    )
    doc = analyze(text, dt.date(2022, 2, 13))
    assert [e.sub_event_type for e in doc.events] == ["Shelling/artillery/missile attack"]
    assert plain(doc.events[0].location) == "marib"
    reasons = sorted(d.modality for d in doc.discarded)
    assert reasons == ["future", "negated", "negated"]


def test_own_story_merge_claims_and_places() -> None:
    text = (
        "date 2020-11-18 Security forces clashed with Taliban insurgents in Kunduz province on Tuesday, "
        "killing at least 12 militants, the governor's spokesman said.\n\n"
        "The spokesman said the clashes in Kunduz lasted several hours.\n\n"
        "Police also arrested three suspects in the city of Herat on Monday."
    )
    doc = analyze(text, dt.date(2020, 11, 18), source="Reuters")
    clash = only(doc, "Armed clash")
    assert len(clash.evidence) == 2 and clash.fatalities == 12
    assert clash.event_date == dt.date(2020, 11, 17) and clash.country == "Afghanistan"
    assert clash.admin1 and "Kunduz" in clash.admin1
    assert clash.attributed_to and "spokesman" in clash.attributed_to
    arrest = only(doc, "Arrests")
    assert plain(arrest.location) == "herat" and arrest.event_date == dt.date(2020, 11, 16)
    assert arrest.source == "Reuters"


def _seed(shared: Path, prefix: str) -> Article:
    from sitrep.ingest import read_inputs

    path = next((shared / "seeds").glob(f"{prefix}_*.txt"))
    (art,) = [a for a in read_inputs([str(path)], Options(progress=False)) if isinstance(a, Article)]
    art.source = "AFP"
    return art


def _in(ev: Event, lo: str, hi: str) -> bool:
    return (
        ev.event_date is not None
        and dt.date.fromisoformat(lo) <= ev.event_date
        and (ev.event_date_end or ev.event_date) <= dt.date.fromisoformat(hi)
    )


def test_seed_000(shared_dir: Path) -> None:
    art = _seed(shared_dir, "000")
    assert art.date == dt.date(2019, 4, 2)
    doc = analyze_articles([art], Options(progress=False))[0]
    clash = [e for e in doc.events if e.sub_event_type == "Armed clash" and e.location == "Baghouz"]
    assert clash and clash[0].event_date == dt.date(2019, 4, 2)
    assert {clash[0].actor1, clash[0].actor2} == {"SDF: Syrian Democratic Forces", "Islamic State (Syria)"}
    strikes = only(doc, "Air/drone strike")
    assert strikes.location == "Baghouz" and strikes.actor1 == "Operation Inherent Resolve"
    assert (strikes.event_date, strikes.event_date_end) == (dt.date(2019, 3, 31), dt.date(2019, 4, 2))
    assert strikes.attributed_to and "Observatory" in strikes.attributed_to and strikes.claim_ids
    manbij = [e for e in doc.events if e.location == "Manbij"]
    assert len(manbij) == 1 and manbij[0].fatalities == 7 and _in(manbij[0], "2019-03-25", "2019-03-31")
    assert manbij[0].actor1 == "Islamic State (Syria)" and manbij[0].event_type == "Battles"
    arrests = only(doc, "Arrests")
    assert arrests.location == "Raqqa"
    background = ("proclaimed in mid-2014", "collapsing in 2017", "five years of fighting", "wrested back")
    for e in doc.events:
        for ev in e.evidence:
            sent = doc.sentences[ev.sentence_index].text if ev.sentence_index is not None else ""
            assert not any(b in sent for b in background) or ev.text not in sent, e.notes
    assert {d.modality for d in doc.discarded} >= {"historical"}


def test_seed_004(shared_dir: Path) -> None:
    art = _seed(shared_dir, "004")
    assert art.date is None
    doc = analyze_articles([art], Options(progress=False))[0]
    subs = sorted(e.sub_event_type for e in doc.events)
    assert subs == ["Air/drone strike", "Shelling/artillery/missile attack"]
    for e in doc.events:
        assert e.location == "Baghouz" and e.event_date is None and e.relative_date
    modalities = {d.modality for d in doc.discarded}
    assert {"future", "hypothetical"} <= modalities
    texts = " ".join(ev.text for e in doc.events for ev in e.evidence)
    assert "offensive" not in texts and "advancing" not in texts and "withdraw" not in texts
