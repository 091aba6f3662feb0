"""Issue 6 end to end through `sitrep ingest`: several outlets' reports of one incident become one
event with every source and the disagreeing figures side by side; a different incident in the same
town on the same day stays a separate event."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.store.core import Store

pytestmark = pytest.mark.model
MERGE_SET = Path(__file__).resolve().parent / "data" / "merge"
AZAZ_BOMB = {"afp_azaz.txt", "reuters_azaz.txt", "local_azaz.txt", "monitor_azaz.txt"}
runner = CliRunner()


def test_one_incident_three_outlets_one_event(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in [*sorted(AZAZ_BOMB), "local_azaz_clash.txt"]:
        (inputs / name).write_text((MERGE_SET / name).read_text(encoding="utf-8"), encoding="utf-8")
    db = str(tmp_path / "m.db")
    r = runner.invoke(app, ["ingest", str(inputs), "--db", db])
    assert r.exit_code == 0, r.output
    store = Store(db)
    rows, _ = store.list_events(limit=500)
    bomb = [e for e in rows if e["sub_event_type"] == "Remote explosive/landmine/IED"]
    assert len(bomb) == 1, [(e["sub_event_type"], e["article_ids"]) for e in rows]
    ev = bomb[0]
    assert len(set(ev["article_ids"]) & AZAZ_BOMB) >= 3
    # the outlets disagree on the toll: each figure is kept with its source, never averaged
    figures = ev["conflicts"]["fatalities"]
    values = {f["value"] for f in figures}
    assert len(values) >= 2 and all(f.get("article_id") for f in figures)
    assert ev["fatalities"] == min(values)  # documented conservative rule: lowest figure
    # the separate clash reported by the local outlet is not folded into the bombing
    assert "local_azaz_clash.txt" not in ev["article_ids"]
    assert any("local_azaz_clash.txt" in e["article_ids"] for e in rows)
    # the disagreement is visible in the CSV export and the merge is explained
    out = runner.invoke(app, ["export", "--what", "events", "--format", "csv", "--db", db])
    row = next(x for x in csv.DictReader(io.StringIO(out.output)) if x["event_id_cnty"] == ev["event_id"])
    assert "fatalities" in row["sources_disagree"]
    assert len(row["documents"].split(";")) >= 3
    shown = runner.invoke(app, ["events", "--db", db, "--show", ev["event_id"]])
    assert shown.exit_code == 0 and "sources disagree" in shown.output and "score=" in shown.output
