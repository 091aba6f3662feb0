"""Associated actors (ACLED's assoc_actor_1 / assoc_actor_2): the actors the text names with a
side's own actor ("... troops and Hezbollah fighters attacked", "killed four soldiers and a
policeman", "Iraqi and American jets"), each traceable to its words; never the other side ("clashes
between the army and Boko Haram", "the army and al-Shabaab fighters clashed") and never an
apposition ("Al-Shabaab, an al-Qaeda affiliate, ...").  Own wire-style sentences; the real model."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import Article, Document, Event

OPTS = Options()


def _doc(text: str) -> Document:
    art = Article(id="a", text=text, source="test", date=dt.date(2021, 3, 4), date_source="jsonl")
    return analyze_articles([art], OPTS)[0]


def _one(text: str) -> Event:
    (ev,) = _doc(text).events
    return ev


def test_a_force_named_with_the_perpetrator_is_its_associate() -> None:
    ev = _one("Government troops and Hezbollah fighters attacked rebel positions near Qusair on Tuesday.")
    assert ev.actor1 and ev.actor1.startswith("Military Forces of Syria")
    assert ev.assoc_actor_1 == "Hezbollah"
    (span,) = ev.provenance["assoc_actor_1"]
    assert span.text == "Hezbollah fighters" and span.field == "assoc_actor_1"
    assert "and Hezbollah" in (ev.notes or "")


def test_victims_of_two_forces_give_an_associate_of_the_target() -> None:
    ev = _one("Gunmen killed four soldiers and a policeman at a checkpoint near Mopti on Sunday.")
    assert ev.actor2 == "Military Forces of Mali" and ev.assoc_actor_2 == "Police Forces of Mali"
    assert ev.assoc_actor_1 is None


def test_a_bare_demonym_joined_to_the_forces_is_the_other_countrys_forces() -> None:
    ev = _one("Iraqi and American jets bombed Islamic State hideouts near Mosul on Friday.")
    sides = {ev.actor1, ev.assoc_actor_1}
    assert any(s and s.startswith("Military Forces of Iraq") for s in sides)
    assert any(s and s.startswith("Military Forces of the United States") for s in sides)


def test_a_list_of_groups_names_every_associate() -> None:
    ev = _one(
        "Ahrar al-Sham, Jaish al-Islam and Hayat Tahrir al-Sham fighters stormed an army checkpoint "
        "near Harasta on Monday."
    )
    named = {ev.actor1, *(ev.assoc_actor_1 or "").split("; ")}
    assert {"Ahrar al Sham", "Jaish al Islam", "Hayat Tahrir al Sham"} <= named
    assert len((ev.assoc_actor_1 or "").split("; ")) == 2


def test_the_two_sides_of_a_fight_are_no_associates() -> None:
    ev = _one("Clashes between the army and Boko Haram erupted near Maiduguri on Monday.")
    assert ev.actor2 and ev.actor2.startswith("Boko Haram") and ev.assoc_actor_1 is None
    ev = _one("The army and al-Shabaab fighters clashed near Afgoye on Monday.")
    assert ev.actor1 == "Military Forces of Somalia" and ev.actor2 == "Al Shabaab"
    assert ev.assoc_actor_1 is None


def test_an_apposition_is_no_associate() -> None:
    ev = _one("Al-Shabaab, an al-Qaeda affiliate, attacked an army base near Baidoa on Monday.")
    assert ev.actor1 == "Al Shabaab" and ev.assoc_actor_1 is None


def test_associates_reach_the_acled_csv(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "mopti.txt").write_text(
        "date 2021-03-04\nGunmen kill five at Mopti checkpoint\n\n"
        "Gunmen killed four soldiers and a policeman at a checkpoint near Mopti on Sunday.\n"
    )
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db]).exit_code == 0
    out = runner.invoke(app, ["export", "--what", "events", "--format", "csv", "--db", db])
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert [r["assoc_actor_2"] for r in rows] == ["Police Forces of Mali"]


def test_an_actors_name_is_no_place() -> None:
    # GeoNames lists "Hamas" as a name of Hamm (Germany): the actor dictionary's names are no places
    ev = _one("Police arrested two Hamas members in Jenin on Monday.")
    assert ev.sub_event_type == "Arrests" and ev.actor2 == "Hamas Movement"
    assert ev.location == "Janīn" and ev.country == "Palestinian Territory"


def test_the_place_struck_is_a_place_whatever_the_model_says() -> None:
    # the model reads "Khan Sheikhoun" as a person; after "struck" it is a place
    ev = _one("Warplanes struck Khan Sheikhoun on Monday, killing 12 civilians.")
    assert ev.location == "Khan Sheikhoun" and ev.admin1 == "Idleb"
