"""scripts/data/subtype_examples.yaml: the training sentences of the embedding experiment
(scripts/embed_experiment.py) cover every ACLED sub-type and share no text with the evaluation sets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "scripts" / "data"
PKG_DATA = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data"
EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"


def _examples() -> dict[str, list[str]]:
    return dict(yaml.safe_load((DATA / "subtype_examples.yaml").read_text("utf-8"))["examples"])


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()


def test_every_sub_type_has_examples_and_labels_are_known() -> None:
    taxonomy = yaml.safe_load((PKG_DATA / "event_taxonomy.yaml").read_text("utf-8"))["event_types"]
    subs = {s for t in taxonomy.values() for s in t["sub_event_types"]}
    ex = _examples()
    assert set(ex) == subs | {"none"}
    for label, sents in ex.items():
        assert len(sents) >= (50 if label == "none" else 20), label
        assert all(isinstance(s, str) and len(s.split()) >= 4 for s in sents), label


def test_no_duplicate_sentences() -> None:
    flat = [_norm(s) for sents in _examples().values() for s in sents]
    assert len(flat) == len(set(flat))


@pytest.mark.parametrize("gold", ["case2021_task2_test.jsonl", "fakes_events.jsonl"])
def test_examples_are_not_copied_from_evaluation_text(gold: str) -> None:
    path = EVAL / gold
    if not path.exists():
        pytest.skip(f"{path} not present")
    texts = [_norm(json.loads(line).get("text", "")) for line in path.open(encoding="utf-8") if line.strip()]
    corpus = "\n".join(texts)
    copied = [s for sents in _examples().values() for s in sents if _norm(s) in corpus]
    assert not copied
