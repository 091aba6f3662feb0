"""evaluate_events: matching by document, type, place (name or 50 km) and overlapping dates."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sitrep.evaluate.events import evaluate_events, governorate, weighted_f1
from sitrep.options import Options


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


GOLD = [
    {
        "doc_id": "d1",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "location": "Gao",
        "latitude": 16.27,
        "longitude": -0.04,
        "event_date": "2021-06-08",
        "actor1": "JNIM",
        "fatalities": 4,
    },
    {
        "doc_id": "d1",
        "event_type": "Strategic developments",
        "sub_event_type": "Arrests",
        "location": "Mopti",
        "latitude": 14.49,
        "longitude": -4.19,
        "event_date": "2021-06-07",
    },
    {
        "doc_id": "d2",
        "event_type": "Protests",
        "sub_event_type": "Peaceful protest",
        "location": "Bamako",
        "latitude": 12.65,
        "longitude": -8.0,
        "event_date": "2021-06-01",
    },
]


def test_matching_fields_misses_and_false_positives(tmp_path: Path) -> None:
    gold = _jsonl(tmp_path / "gold.jsonl", GOLD)
    export = [
        # 20 km away, date range overlapping, other sub-type of the same type: a match
        {
            "event_id": "e1",
            "article_ids": ["d1"],
            "event_type": "Battles",
            "sub_event_type": "Non-state actor overtakes territory",
            "location": "Near Gao",
            "latitude": 16.3,
            "longitude": 0.14,
            "event_date": "2021-06-06",
            "event_date_end": "2021-06-09",
            "actor1": "JNIM",
            "fatalities": 4,
        },
        # right type and date, 300 km off: no match
        {
            "event_id": "e2",
            "article_ids": ["d1"],
            "event_type": "Strategic developments",
            "sub_event_type": "Arrests",
            "location": "Timbuktu",
            "latitude": 16.77,
            "longitude": -3.0,
            "event_date": "2021-06-07",
        },
        # same name, dates do not overlap: no match
        {
            "event_id": "e3",
            "article_ids": ["d2"],
            "event_type": "Protests",
            "sub_event_type": "Peaceful protest",
            "location": "Bamako",
            "event_date": "2021-05-20",
        },
        # another document entirely: ignored
        {"event_id": "e4", "article_ids": ["zz"], "event_type": "Riots", "location": "Kayes"},
    ]
    res = evaluate_events(gold, _jsonl(tmp_path / "export.jsonl", export))
    assert res["overall"]["tp"] == 1 and res["overall"]["predicted"] == 3 and res["overall"]["gold"] == 3
    assert res["per_event_type"]["Battles"]["f1"] == 1.0
    assert res["per_event_type"]["Protests"]["recall"] == 0.0
    assert res["field_accuracy"] == {
        "sub_event_type": 0.0,
        "actor1": 1.0,
        "fatalities": 1.0,
        "location": 1.0,
        "date": 0.0,
    }
    assert {m["sub_event_type"] for m in res["misses"]} == {"Arrests", "Peaceful protest"}
    assert {f["id"] for f in res["false_positives"]} == {"e2", "e3"}


def test_csv_export_is_read(tmp_path: Path) -> None:
    gold = _jsonl(tmp_path / "gold.jsonl", GOLD[2:])
    path = tmp_path / "events.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(
            fh,
            [
                "event_id_cnty",
                "documents",
                "event_type",
                "sub_event_type",
                "location",
                "latitude",
                "longitude",
                "event_date",
                "event_date_end",
                "fatalities",
            ],
        )
        w.writeheader()
        w.writerow(
            {
                "event_id_cnty": "x",
                "documents": "d2",
                "event_type": "Protests",
                "sub_event_type": "Peaceful protest",
                "location": "bamako",
                "latitude": "",
                "longitude": "",
                "event_date": "2021-06-01",
                "event_date_end": "",
                "fatalities": "",
            }
        )
    res = evaluate_events(gold, path)
    assert res["overall"]["f1"] == 1.0


def test_helpers() -> None:
    assert governorate("Deir ez-Zor") == "deir ezzor"
    assert governorate("Rif Dimashq") == "damascus"
    assert governorate("Al-Hasakah Governorate") == "hasakeh"
    assert governorate(None, "Aleppo") == "aleppo"
    assert governorate("Kandahar") is None
    wf1, mf1, per = weighted_f1(["a", "a", "b"], ["a", "b", "b"])
    assert per["a"]["f1"] == round(2 / 3, 4) and per["b"]["f1"] == round(2 / 3, 4)
    assert wf1 == mf1 == round(2 / 3, 4)


def test_fakes_perpetrator_classes_cover_descriptor_fallback_names() -> None:
    """Every ACLED name sitrep can code maps to its FA-KES class: a descriptor that resolved to no
    named group is coded under its fallback ("Opposition Rebels (Syria)") and must map as well."""
    from sitrep.evaluate.events import _canonical_actor_map, actor_class

    canon = _canonical_actor_map(Options())
    assert actor_class("Opposition Rebels (Syria)", canon) == "armed opposition groups"
    assert actor_class("Islamist Militia (Syria)", canon) == "armed opposition groups"
    assert actor_class("Military Forces of Syria (2000-)", canon) == "syrian government or russian troops"
    assert actor_class("Islamic State (Syria)", canon).endswith("- isis")
    assert actor_class("Hayat Tahrir al Sham", canon) == "al-nusra front"
    assert actor_class("Unidentified Armed Group (Syria)", canon) == "unknown"
    assert actor_class(None, canon) == "unknown"


def test_fakes_cause_match_picks_the_event_of_the_gold_kind() -> None:
    """The default FA-KES matcher picks by governorate and date only; ``match_cause`` also prefers
    the event whose sub-type tells the gold's cause of death. Fatalities never choose the match."""
    import datetime as dt

    from sitrep.evaluate.events import score_fakes
    from sitrep.records import Article, Document, Event

    def ev(i: str, sub: str, etype: str, fat: int | None, conf: float) -> Event:
        e = Event(event_id=i, event_date=dt.date(2016, 5, 2), event_type=etype, sub_event_type=sub)
        e.admin1, e.fatalities, e.confidence = "Aleppo", fat, conf
        return e

    doc = Document(article=Article(id="a1", text="..."))
    doc.events = [
        ev("e1", "Air/drone strike", "Explosions/Remote violence", 3, 0.9),
        ev("e2", "Remote explosive/landmine/IED", "Explosions/Remote violence", 12, 0.5),
    ]
    gold = {"id": "a1", "events": [{"location": "aleppo", "date": "2016-05-02", "actor": "unknown",
                                    "cause_of_death": "explosion", "nb_civilians": 12}]}
    plain = score_fakes([gold], [doc], {})
    by_cause = score_fakes([gold], [doc], {}, match_cause=True)
    assert plain["rows"][0]["pred_fatalities"] == 3 and plain["fatalities_10pct"] == 0.0
    assert by_cause["rows"][0]["pred_fatalities"] == 12 and by_cause["fatalities_10pct"] == 1.0


def test_fakes_matcher_prefers_an_event_that_reports_deaths_among_equals() -> None:
    """Among events equal on governorate and date, the one that reports a toll is the match (the
    gold records a deadly event); its figure never decides, and the date still outranks it."""
    import datetime as dt

    from sitrep.evaluate.events import score_fakes
    from sitrep.records import Article, Document, Event

    def ev(i: str, day: int, fat: int | None, conf: float) -> Event:
        e = Event(event_id=i, event_date=dt.date(2016, 5, day), event_type="Battles",
                  sub_event_type="Armed clash")
        e.admin1, e.fatalities, e.confidence = "Aleppo", fat, conf
        return e

    gold = {"id": "a1", "events": [{"location": "aleppo", "date": "2016-05-02", "actor": "unknown",
                                    "cause_of_death": "shooting", "nb_noncivilians": 40}]}
    doc = Document(article=Article(id="a1", text="..."))
    # the toll-less event is the more completely coded one, and still loses the tie
    doc.events = [ev("e1", 2, None, 0.9), ev("e2", 2, 7, 0.4)]
    row = score_fakes([gold], [doc], {})["rows"][0]
    assert row["pred_fatalities"] == 7  # a wrong figure is still the match: only "has a toll" counts
    # an event of the gold day beats a toll on another day
    doc.events = [ev("e1", 2, None, 0.9), ev("e2", 1, 40, 0.4)]
    row = score_fakes([gold], [doc], {})["rows"][0]
    assert row["pred_fatalities"] is None and row["date"]
