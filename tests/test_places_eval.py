"""Geocoding evaluation: the AUC helper, scope rules and a small end-to-end run on a hand-written file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.evaluate.geocoding import auc, evaluate_geocoding, in_scope
from sitrep.options import Options


def test_auc_bounds() -> None:
    assert auc([0.0, 0.0]) == 0.0
    assert auc([20039.0, 20039.0]) == pytest.approx(1.0)
    assert 0.0 < auc([1.0, 100.0, 5000.0]) < 1.0
    assert auc([]) is None


def test_scope_excludes_expressions_and_adjectives() -> None:
    assert not in_scope({"type": "Literal_Expression", "latitude": None})
    assert not in_scope({"type": "Non_Literal_Modifier", "modifier_type": "Adjective", "latitude": 35.0})
    assert in_scope({"type": "Literal", "modifier_type": None, "latitude": 35.0})
    assert not in_scope({"offset_status": "bad", "name": "x"})
    assert in_scope({"offset_status": "ok", "name": "Mosul"})


@pytest.mark.model
def test_end_to_end_on_a_small_gold_file(tmp_path: Path) -> None:
    text = ("Government troops advanced on Saraqeb in Idlib province, Syria, while in Iraq militants "
            "attacked a checkpoint near Kirkuk. A flood hit Springfield, Illinois.")

    def top(mention: str, lat: float, lon: float) -> dict:
        i = text.index(mention)
        return {"start": i, "end": i + len(mention), "mention": mention, "offset_status": "ok",
                "latitude": lat, "longitude": lon}

    rec = {"id": "x", "text": text, "toponyms": [
        top("Saraqeb", 35.86, 36.80), top("Idlib", 35.8, 36.6), top("Syria", 35.0, 38.0),
        top("Iraq", 33.0, 44.0), top("Kirkuk", 35.47, 44.39), top("Springfield", 39.80, -89.64),
        top("Illinois", 40.0, -89.0)]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    res = evaluate_geocoding(path, Options())
    assert res["articles"] == 1
    assert res["recognition"]["recall"] >= 0.7 and res["recognition"]["precision"] >= 0.7
    assert res["gold_names"]["targets"] == 7
    assert res["gold_names"]["acc161"] >= 0.7
    assert res["end_to_end"]["median_km"] < 161
