"""Cluster scoring (pairwise, B-cubed) and the merge test set in tests/data/merge."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.resolve import resolve
from sitrep.resolve.evaluate import bcubed_prf, pairwise_prf, score
from sitrep.resolve.testset import gold_labels, load, oracle_reports

MERGE_SET = Path(__file__).resolve().parent / "data" / "merge"


def test_perfect_clustering() -> None:
    gold = {"a": "1", "b": "1", "c": "2"}
    for prf in score([["a", "b"], ["c"]], gold).values():
        assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)


def test_over_merge_hurts_precision_only() -> None:
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    pw = pairwise_prf([["a", "b", "c", "d"]], gold)
    assert pw.precision == pytest.approx(2 / 6) and pw.recall == 1.0
    b3 = bcubed_prf([["a", "b", "c", "d"]], gold)
    assert b3.precision == pytest.approx(0.5) and b3.recall == 1.0


def test_split_hurts_recall_only() -> None:
    gold = {"a": "1", "b": "1", "c": "1"}
    pw = pairwise_prf([["a", "b"], ["c"]], gold)
    assert pw.precision == 1.0 and pw.recall == pytest.approx(1 / 3)
    b3 = bcubed_prf([["a", "b"], ["c"]], gold)
    # B-cubed recall: a, b see 2/3 of their gold cluster, c sees 1/3
    assert b3.precision == 1.0 and b3.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert b3.f1 == pytest.approx(2 * b3.recall / (1 + b3.recall))


def test_items_outside_the_gold_are_ignored_and_duplicates_refused() -> None:
    gold = {"a": "1", "b": "1"}
    assert pairwise_prf([["a", "b", "zz"]], gold).precision == 1.0
    with pytest.raises(ValueError):
        pairwise_prf([["a"], ["a", "b"]], gold)


def test_merge_test_set_with_hand_coded_reports() -> None:
    """The merge logic alone (oracle extraction) on the written test set."""
    ts = load(MERGE_SET)
    assert len(ts.articles) >= 15 and all(a.date for a in ts.articles.values())
    reports = oracle_reports(ts)
    labels, extra = gold_labels(ts, reports)
    assert not extra and len(labels) == len(reports)
    clusters = resolve(reports)
    s = score([c.member_ids for c in clusters], labels)
    assert s["bcubed"].f1 >= 0.95 and s["pairwise"].precision == 1.0
    # the traps: same town and day, different incidents, stay apart
    where = {m: c.event_id for c in clusters for m in c.member_ids}
    assert where["afp_azaz#azaz-carbomb"] != where["afp_azaz#azaz-clash"]
    assert where["reuters_monguno#monguno-base"] != where["reuters_monguno#monguno-airstrike"]
    assert where["afp_maarat_1220#maarat-1220"] != where["afp_maarat_1224#maarat-1224"]
    # the report one day off still joins
    assert where["local_hawija#hawija-checkpoint"] == where["afp_hawija#hawija-checkpoint"]
