"""Accuracy gate: the event evaluations on fixed subsets must not fall below the floors in
tests/accuracy_floors.yaml (the figures reached when they were set; docs/EVENTS.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sitrep.evaluate.events import evaluate_case2021, evaluate_fakes
from sitrep.options import Options

pytestmark = pytest.mark.model

FLOORS: dict[str, Any] = yaml.safe_load((Path(__file__).parent / "accuracy_floors.yaml").read_text("utf-8"))


def _check(measured: dict[str, float], floors: dict[str, float], ceilings: dict[str, float]) -> None:
    low = {k: (measured[k], v) for k, v in floors.items() if measured[k] < v}
    high = {k: (measured[k], v) for k, v in ceilings.items() if measured[k] > v}
    assert not low, f"below the floor (measured, floor): {low}"
    assert not high, f"above the ceiling (measured, ceiling): {high}"


def test_case2021_subset(shared_dir: Path) -> None:
    spec = FLOORS["case2021"]
    res = evaluate_case2021(
        shared_dir / "eval" / "case2021_task2_test.jsonl", Options(progress=False), limit=spec["limit"]
    )
    measured = {
        "weighted_f1": res["sub_event_type"]["weighted_f1"],
        "accuracy": res["sub_event_type"]["accuracy"],
        "event_type_weighted_f1": res["event_type"]["weighted_f1"],
        "violent_event_rate": res["out_of_taxonomy"]["violent_event_rate"],
    }
    _check(measured, spec["floors"], spec.get("ceilings", {}))


def test_fakes_subset(shared_dir: Path) -> None:
    spec = FLOORS["fakes"]
    res = evaluate_fakes(
        shared_dir / "eval" / "fakes_events.jsonl", Options(progress=False), limit=spec["limit"]
    )
    _check(res, spec["floors"], spec.get("ceilings", {}))
