"""merge_reports(): one Event from a cluster's reports, conflicts side by side, never averaged."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.errors import ResolveError
from sitrep.resolve import merge_reports, resolve
from tests.resolve_helpers import report

SDF, TFSA = "Syrian Democratic Forces", "Turkish-backed Syrian National Army"


def members() -> list:
    return [
        report("wireA-1", "wireA", "2019-10-13", "Armed clash", "Tal Abyad", actor1=TFSA, actor2=SDF,
               fatalities=9, source="Wire A", confidence=0.6, notes="Nine fighters died in Tal Abyad."),
        report("wireB-1", "wireB", "2019-10-13", "Armed clash", "Tal Abyad", actor1=TFSA, actor2=SDF,
               fatalities=7, source="Wire B", confidence=0.5, notes="Seven killed in Tal Abyad clashes."),
        report("local-1", "local", "2019-10-14", "Armed clash", "Ain Issa", actor1=SDF, precision=2,
               fatalities=12, source="Local outlet", confidence=0.4, notes="Twelve dead near Ain Issa."),
    ]


def test_three_sources_conflicting_fatalities_side_by_side() -> None:
    ev = merge_reports("M-wireA-1", members())
    assert ev.event_id == "M-wireA-1"
    assert ev.article_ids == ["wireA", "wireB", "local"]
    assert ev.source == "Wire A; Wire B; Local outlet"
    assert ev.fatalities == 7  # the lowest credible figure, not the mean (9.33)
    values = {(c["value"], c["article_id"], c["source"]) for c in ev.conflicts["fatalities"]}
    assert values == {(9, "wireA", "Wire A"), (7, "wireB", "Wire B"), (12, "local", "Local outlet")}
    assert "sources disagree: fatalities" in ev.tags
    assert "Sources disagree on fatalities: 9 (Wire A), 7 (Wire B), 12 (Local outlet)." in ev.notes
    # every evidence span and provenance entry of every source is kept
    assert [e.article_id for e in ev.evidence] == ["wireA", "wireB", "local"]
    assert len(ev.provenance["fatalities"]) == 3


def test_date_location_and_actor_rules() -> None:
    ev = merge_reports("M-wireA-1", members())
    # earliest date, range widened, precision widened because one source says the next day
    assert ev.event_date == dt.date(2019, 10, 13) and ev.event_date_end == dt.date(2019, 10, 14)
    assert ev.time_precision == 2 and "sources disagree: event_date" in ev.tags
    # the most precise location that agrees with another source, all fields from one report
    assert (ev.location, ev.geo_precision, ev.latitude) == ("Tal Abyad", 1, 36.6974)
    assert {c["value"] for c in ev.conflicts["location"]} == {"Tal Abyad", "Ain Issa"}
    # the majority actor pair, kept together
    assert (ev.actor1, ev.actor2) == (TFSA, SDF)
    assert {c["value"] for c in ev.conflicts["actor1"]} == {TFSA, SDF}


def test_spelling_variants_are_not_a_location_conflict() -> None:
    a = report("a-1", "a", "2021-02-06", "Air/drone strike", "Gao", fatalities=3, source="A")
    b = report("b-1", "b", "2021-02-06", "Air/drone strike", "Gao", location="Gao town", fatalities=3,
               source="B")
    ev = merge_reports("M-a-1", [a, b])
    assert "location" not in ev.conflicts and ev.tags == ""
    assert ev.fatalities == 3 and ev.source == "A; B"


def test_zero_without_evidence_is_not_a_figure() -> None:
    a = report("a-1", "a", "2021-02-06", "Air/drone strike", "Gao", fatalities=4, notes="Four died.")
    b = report("b-1", "b", "2021-02-06", "Air/drone strike", "Gao", fatalities=0)  # no provenance
    assert merge_reports("M-a-1", [a, b]).fatalities == 4
    c = report("c-1", "c", "2021-02-06", "Air/drone strike", "Gao", fatalities=0,
               notes="No casualties were reported.")
    assert merge_reports("M-a-1", [a, c]).fatalities == 0


def test_sources_mapping_and_confidence() -> None:
    ms = members()
    ev = merge_reports("M-wireA-1", ms, sources={"wireA": "AFP", "wireB": "Reuters"})
    assert ev.source == "AFP; Reuters; Local outlet"
    # independent corroboration raises confidence above any single source, conflicts lower it
    assert ev.confidence > max(m.confidence for m in ms)
    single = merge_reports("M-wireA-1", ms[:1])
    assert single.confidence == ms[0].confidence and single.conflicts == {} and single.tags == ""


def test_merge_is_order_independent_and_input_untouched() -> None:
    ms = members()
    before = [m.to_dict() for m in ms]
    a = merge_reports("M-x", ms)
    b = merge_reports("M-x", list(reversed(ms)))
    assert a.to_dict() == b.to_dict()
    assert [m.to_dict() for m in ms] == before


def test_end_to_end_with_resolve() -> None:
    ms = members()[:2]
    clusters = resolve(ms)
    assert len(clusters) == 1
    by_id = {m.event_id: m for m in ms}
    ev = merge_reports(clusters[0].event_id, [by_id[i] for i in clusters[0].member_ids])
    assert ev.fatalities == 7 and len(ev.article_ids) == 2


def test_empty_cluster_is_refused() -> None:
    with pytest.raises(ResolveError):
        merge_reports("M-x", [])
