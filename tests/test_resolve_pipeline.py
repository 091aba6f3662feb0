"""The merge test set through the whole pipeline (spaCy model + extraction stages), then resolve."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.resolve import resolve
from sitrep.resolve.evaluate import pairwise_prf
from sitrep.resolve.testset import gold_labels, load, pipeline_reports

pytestmark = pytest.mark.model
MERGE_SET = Path(__file__).resolve().parent / "data" / "merge"


def test_pipeline_then_resolve_on_the_merge_set() -> None:
    pytest.importorskip("sitrep.extract.events")
    ts = load(MERGE_SET)
    reports, context = pipeline_reports(list(ts.articles.values()))
    labels, _ = gold_labels(ts, reports, context)
    assert len(labels) >= len(ts.articles)  # the extraction found most incidents
    clusters = resolve(reports)
    by_id = {r.event_id: r for r in reports}
    for c in clusters:
        arts = [by_id[m].article_ids[0] for m in c.member_ids]
        assert len(arts) == len(set(arts)), c  # never two reports of one article
        assert [e.report_id for e in c.explanations] == c.member_ids[1:]
    # merges that happen are right (different incidents at one place and day stay apart)
    assert pairwise_prf([c.member_ids for c in clusters], labels).precision >= 0.8
