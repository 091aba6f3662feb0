"""End-to-end: ingest through the store, from the CLI and the library (real spaCy model)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.options import Options
from sitrep.pipeline import ingest
from sitrep.store.core import EventFilter, Store

pytestmark = pytest.mark.model
runner = CliRunner()

WIRE = [
    "date 2019-06-03\nTurkish-backed fighters clashed with Kurdish forces near Tal Abyad on Sunday, "
    "a monitor said. Three fighters were killed.",
    "date 2019-06-04\nA roadside bomb exploded in the town of Azaz on Monday, killing two civilians, "
    "local officials said.",
    "Police arrest protesters in Khartoum\nSecurity forces arrested dozens of protesters in Khartoum on "
    "Friday, witnesses told Reuters.",
]


def _write(tmp: Path, n: int = 3) -> list[Path]:
    paths = []
    for i in range(n):
        p = tmp / f"wire_{i:03d}.txt"
        base = WIRE[i % len(WIRE)]
        # make each text distinct so none is a duplicate of another
        p.write_text(base + f" Report number {i}.\n", encoding="utf-8")
        paths.append(p)
    return paths


def test_seeds_end_to_end_and_idempotent(tmp_path: Path, shared_dir: Path) -> None:
    db = str(tmp_path / "s.db")
    r = runner.invoke(app, ["ingest", str(shared_dir / "seeds"), "--db", db])
    assert r.exit_code == 0, r.output
    assert "2 stored" in r.output
    st = Store(db)
    arts = {a["id"]: a for a in st.iter_articles()}
    assert set(arts) == {"000_df3e2df6235e640f.txt", "004_8a172ed92d259b5f.txt"}
    assert str(arts["000_df3e2df6235e640f.txt"]["date"]) == "2019-04-02"
    assert arts["004_8a172ed92d259b5f.txt"]["date"] is None
    # every stored mention points at its exact characters
    for aid in arts:
        art = st.get_article(aid)
        assert art["sentences"]
        for m in art["mentions"]:
            assert art["text"][m["start"] : m["end"]] == m["text"], m
        for s in art["sentences"]:
            assert art["text"][s["start"] : s["end"]].strip()
    # again: nothing new
    r2 = runner.invoke(app, ["ingest", str(shared_dir / "seeds"), "--db", db])
    assert r2.exit_code == 0, r2.output
    assert "0 stored" in r2.output and "2 skipped as duplicates" in r2.output
    assert Store(db).stats()["articles"] == 2
    # show renders the article with its spans
    r3 = runner.invoke(app, ["show", "000_df3e2df6235e640f.txt", "--db", db])
    assert r3.exit_code == 0 and "Baghouz" in r3.output
    # --force re-processes without duplicating anything
    before = Store(db).stats()
    r4 = runner.invoke(app, ["ingest", str(shared_dir / "seeds"), "--db", db, "--force"])
    assert r4.exit_code == 0, r4.output
    after = Store(db).stats()
    for k in ("articles", "sentences", "mentions", "reports", "claims", "events"):
        assert after[k] == before[k], k


def test_corrupt_file_among_good_ones(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    _write(inputs)
    (inputs / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    (inputs / "empty.txt").write_text("")
    db = str(tmp_path / "c.db")
    r = runner.invoke(app, ["ingest", str(inputs), "--db", db])
    assert r.exit_code == 1, r.output
    assert "broken.txt" in r.output and "empty.txt" in r.output
    assert "3 stored" in r.output and "2 failed" in r.output
    assert Store(db).stats()["articles"] == 3
    assert Store(db).stats()["ingest_errors"] == 2


def test_library_ingest_and_exports(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    _write(inputs)
    opts = Options(db=str(tmp_path / "l.db"))
    store = Store(opts.db)
    summary = ingest([str(inputs)], opts, store)
    assert summary.stored == 3 and summary.failed == 0
    undated = next(a for a in store.iter_articles() if a["id"] == "wire_002.txt")
    assert undated["date"] is None and undated["title"] == "Police arrest protesters in Khartoum"
    for fmt in ("csv", "jsonl", "geojson"):
        r = runner.invoke(
            app,
            [
                "export",
                "--what",
                "events",
                "--format",
                fmt,
                "--db",
                opts.db,
                "-o",
                str(tmp_path / f"e.{fmt}"),
            ],
        )
        assert r.exit_code == 0, r.output
    header = (tmp_path / "e.csv").read_text().splitlines()[0].split(",")
    assert header[:4] == ["event_id_cnty", "event_date", "year", "time_precision"]
    assert "documents" in header and "evidence" in header
    geo = json.loads((tmp_path / "e.geojson").read_text())
    assert geo["type"] == "FeatureCollection"
    for what in ("articles", "mentions", "claims"):
        r = runner.invoke(app, ["export", "--what", what, "--format", "jsonl", "--db", opts.db])
        assert r.exit_code == 0, r.output


def test_stdin_and_non_english(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    fr = (
        "Des affrontements ont éclaté lundi dans la ville de Manbij entre les forces kurdes et des "
        "combattants, selon l'Observatoire syrien des droits de l'homme, qui fait état de plusieurs morts."
    )
    inputs = tmp_path / "fr.txt"
    inputs.write_text(fr, encoding="utf-8")
    r = runner.invoke(app, ["ingest", str(inputs), "--db", db])
    assert r.exit_code == 0, r.output
    assert "not processed" in r.output
    arts = list(Store(db).iter_articles())
    assert arts[0]["status"] == "not_english" and arts[0]["language"] == "fr"


def test_killed_mid_batch_resumes(tmp_path: Path) -> None:
    """kill -9 during a batch: every stored article is complete, the next run finishes the job."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    n = 40
    _write(inputs, n)
    db = tmp_path / "k.db"
    env = dict(os.environ, SITREP_BATCH_SIZE="2")
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitrep.cli", "ingest", str(inputs), "--db", str(db), "-q"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db) as c:
                    stored = c.execute("select count(*) from articles").fetchone()[0]
            except sqlite3.Error:
                stored = 0
            if stored >= 3:
                break
        time.sleep(0.05)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as c:
        n_stored = c.execute("select count(*) from articles").fetchone()[0]
        # complete: every stored article has its sentences
        incomplete = c.execute(
            "select count(*) from articles a where not exists "
            "(select 1 from sentences s where s.article_id = a.id)"
        ).fetchone()[0]
    assert 0 < n_stored <= n
    assert incomplete == 0
    r = runner.invoke(app, ["ingest", str(inputs), "--db", str(db)])
    assert r.exit_code == 0, r.output
    st = Store(str(db))
    assert st.stats()["articles"] == n
    assert f"{n - n_stored} stored" in r.output
    assert st.unresolved_reports() == []


def test_same_result_on_postgresql_and_sqlite(tmp_path: Path, pg_url: str, shared_dir: Path) -> None:
    """The whole ingest on a real PostgreSQL server gives what it gives on SQLite."""
    results = {}
    for name, db in (("sqlite", str(tmp_path / "s.db")), ("postgresql", pg_url)):
        r = runner.invoke(app, ["ingest", str(shared_dir / "seeds"), "--db", db])
        assert r.exit_code == 0, r.output
        st = Store(db)
        rows, _ = st.list_events(limit=100)
        results[name] = sorted(
            (e["sub_event_type"], str(e["event_date"]), e["location"], e["fatalities"]) for e in rows
        )
        stats = st.stats()
        results[name + "_counts"] = [stats[k] for k in ("articles", "sentences", "mentions", "claims")]
        again = runner.invoke(app, ["ingest", str(shared_dir / "seeds"), "--db", db])
        assert "0 stored" in again.output
    assert results["sqlite"] == results["postgresql"] and results["sqlite"]
    assert results["sqlite_counts"] == results["postgresql_counts"]


def test_year_hint_and_url_dates_from_the_cli(tmp_path: Path) -> None:
    """A year-less dateline counts only with --year-hint; a JSONL item's URL date anchors its text."""
    db = str(tmp_path / "s.db")
    p = tmp_path / "gao.txt"
    p.write_text("GAO, 13 August (AFP) - Gunmen attacked an army post near Gao on Friday, killing four "
                 "soldiers, the army said.\n", encoding="utf-8")
    r = runner.invoke(app, ["ingest", str(p), "--db", db])
    assert r.exit_code == 0, r.output
    store = Store(db)
    assert store.get_article("gao.txt")["date"] is None
    r = runner.invoke(app, ["ingest", str(p), "--db", db, "--force", "--year-hint", "2016"])
    assert r.exit_code == 0, r.output
    art = store.get_article("gao.txt")
    assert (str(art["date"]), art["date_source"]) == ("2016-08-13", "dateline")
    events, _ = store.list_events(EventFilter(article_id="gao.txt"))
    assert [str(e["event_date"]) for e in events] == ["2016-08-12"]  # "on Friday", the day before
    r = runner.invoke(app, ["ingest", str(p), "--db", db, "--force", "--year-hint", "last year"])
    assert r.exit_code == 2  # not a number: refused by the command line
    r = runner.invoke(app, ["ingest", str(p), "--db", db, "--force", "--year-hint", "19"])
    assert r.exit_code == 2 and "year_hint must be a year" in r.output

    j = tmp_path / "items.jsonl"
    j.write_text(json.dumps({"id": "kabul-1", "url": "https://example.org/2020/06/12/kabul-checkpoint",
                             "text": "Insurgents attacked a police checkpoint in Kabul on Friday, killing "
                                     "three officers, officials said."}) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["ingest", str(j), "--db", db])
    assert r.exit_code == 0, r.output
    art = store.get_article("kabul-1")
    assert (str(art["date"]), art["date_source"]) == ("2020-06-12", "url")
    [ev], _ = store.list_events(EventFilter(article_id="kabul-1"))
    assert str(ev["event_date"]) == "2020-06-12"  # Friday of the publication day, 12 June 2020


def test_ingest_reads_ambiguous_datelines_the_way_the_source_does(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    items = [
        {"id": "w1", "source": "wire-a", "text": "25-09-2013 Mortar shells hit a school in Aleppo, "
                                                  "killing two pupils, state media said."},
        {"id": "w2", "source": "wire-a", "text": "18-10-2013 Gunmen attacked a checkpoint near Homs "
                                                  "on Friday, killing three soldiers."},
        {"id": "w3", "source": "wire-a", "text": "05-09-2013 A car bomb killed four people in "
                                                  "Damascus on Thursday, state media said."},
    ]
    j = tmp_path / "items.jsonl"
    j.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    r = runner.invoke(app, ["ingest", str(j), "--db", db])
    assert r.exit_code == 0, r.output
    art = Store(db).get_article("w3")
    assert (str(art["date"]), art["date_source"]) == ("2013-09-05", "dateline")
    assert art["metadata"]["numeric_date_order"] == "dmy"
    [ev], _ = Store(db).list_events(EventFilter(article_id="w3"))
    assert str(ev["event_date"]) == "2013-09-05"  # "on Thursday": 5 September 2013 was a Thursday
    r = runner.invoke(app, ["show", "w3", "--db", db], env={"COLUMNS": "200"})
    assert r.exit_code == 0 and "unambiguous numeric datelines of source 'wire-a'" in r.output
