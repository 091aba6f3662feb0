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
