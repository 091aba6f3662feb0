"""Situation reports: built only from stored fields, every statement cited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.records import Article, Claim, Document, Event, Evidence
from sitrep.report import build_report
from sitrep.store.core import EventFilter, Store


def _store(tmp_path: Path) -> Store:
    st = Store(str(tmp_path / "r.db"))
    text_a = "Gunmen attacked an army post near Boni on Tuesday, killing four soldiers, the army said."
    text_b = "Militants attacked an army post at Boni on Tuesday. Five soldiers were killed."
    for aid, text, src in (("a", text_a, "Wire A"), ("b", text_b, "Wire B")):
        art = Article(
            id=aid,
            text=text,
            title=f"Attack ({src})",
            date=dt.date(2021, 3, 3),
            source=src,
            content_hash=aid,
            status="processed",
        )
        claims = (
            [
                Claim(
                    claim_id=f"c-{aid}",
                    article_id=aid,
                    speaker="the army",
                    cue="said",
                    quote=text[:40],
                    start=0,
                    end=40,
                )
            ]
            if aid == "a"
            else []
        )
        st.save_document(Document(article=art, claims=claims))
    merged = Event(
        event_id="M-1",
        article_ids=["a", "b"],
        event_date=dt.date(2021, 3, 2),
        time_precision=1,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Unidentified Armed Group (Mali)",
        actor2="Military Forces of Mali",
        country="Mali",
        admin1="Mopti",
        location="Boni",
        fatalities=4,
        notes="Gunmen attacked an army post near Boni.",
        source="Wire A; Wire B",
        evidence=[Evidence("a", 0, 0, 40, text_a[:40])],
        conflicts={
            "fatalities": [
                {"value": 4, "article_id": "a", "source": "Wire A"},
                {"value": 5, "article_id": "b", "source": "Wire B"},
            ]
        },
    )
    st.write_events([(merged, [])])
    return st


def test_report_cites_sources_and_shows_disagreement(tmp_path: Path) -> None:
    md = build_report(_store(tmp_path), EventFilter(), title="Mali, March 2021")
    assert md.startswith("# Mali, March 2021")
    assert "2021-03-02 — Armed clash, Boni, Mopti, Mali" in md
    assert "4 fatalities reported" in md
    # both figures with their outlets, never an average
    assert "4 per Wire A [1]" in md and "5 per Wire B [2]" in md and "4.5" not in md
    assert "## Sources" in md and "1. Wire A, 2021-03-03" in md and "2. Wire B" in md
    assert "the army" in md  # what they said


def test_report_cli_and_empty_filter(tmp_path: Path) -> None:
    st = _store(tmp_path)
    out = tmp_path / "r.md"
    r = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "r.db"), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "Armed clash" in out.read_text()
    assert "No events match." in build_report(st, EventFilter(country="Chad"))


def test_report_over_the_api(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from sitrep.options import Options
    from sitrep.web import create_app

    st = _store(tmp_path)
    client = TestClient(create_app(Options(db=str(tmp_path / "r.db")), store=st))
    r = client.get("/api/v1/report", params={"country": "Mali", "title": "Mali"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/markdown")
    assert r.text.startswith("# Mali") and "Armed clash" in r.text and "## Sources" in r.text
    assert "No events match." in client.get("/api/v1/report", params={"country": "Chad"}).text
