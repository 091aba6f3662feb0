"""Toponym recognition and geocoding evaluation on GeoWebNews, LGL and TR-News (shared/eval).

Two modes per article, both from raw text through the spaCy pass and the places component:

* end-to-end: recognition P/R/F1 (a predicted span is correct when it overlaps a gold toponym in
  scope) and, for gold toponyms with coordinates that a predicted span overlaps, the geocoding error;
* gold names: the gold toponym spans are handed to the resolver (the other gold spans of the article
  are its context), as published geocoders are compared (Mordecai3: GeoWebNews 0.941, LGL 0.827,
  TR-News 0.873 acc@161km).

Scope (GeoWebNews): gold toponyms that are real place names with coordinates - Literal,
Literal_Modifier, Mixed, Metonymic, Coercion, Embedded_Literal, Embedded_Non_Lit, Non_Literal_Modifier -
minus adjectival modifiers ("Syrian", "Kurdish": demonyms, which sitrep deliberately does not emit as
places).  Expressions ("area", "residents"), Non_Toponym, Homonym, Language and Demonym are out.
LGL and TR-News: every gold toponym (TR-News includes some demonyms; they count as misses).

    python -m sitrep.evaluate.geocoding ../shared/eval/trnews_toponyms.jsonl --limit 50
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import time
from pathlib import Path
from typing import Any

from sitrep.extract.places import Gazetteer, haversine_km
from sitrep.extract.places.recognize import Recognition, Span
from sitrep.extract.places.resolve import resolve_spans
from sitrep.extract.places.rules import load_rules
from sitrep.options import Options
from sitrep.records import Article, Document, PlaceMention

GWN_TOPONYM_TYPES = frozenset({"Literal", "Literal_Modifier", "Mixed", "Metonymic", "Coercion",
                               "Embedded_Literal", "Embedded_Non_Lit", "Non_Literal_Modifier"})
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error of a miss in the AUC
ACC_KM = 161.0


def in_scope(t: dict[str, Any]) -> bool:
    if t.get("offset_status") == "bad":
        return False
    if "type" in t:  # GeoWebNews
        return t["type"] in GWN_TOPONYM_TYPES and t.get("modifier_type") != "Adjective" \
            and t.get("latitude") is not None
    return True


def _has_coords(t: dict[str, Any]) -> bool:
    return t.get("latitude") is not None and t.get("longitude") is not None


def auc(errors: list[float]) -> float | None:
    """Area under the curve of normalised log errors (Gritta et al. 2018): 0 perfect, 1 all wrong."""
    if not errors:
        return None
    errs = sorted(math.log(1 + e) / math.log(1 + MAX_ERROR_KM) for e in errors)
    if len(errs) == 1:
        return errs[0]
    area = sum((errs[i] + errs[i + 1]) / 2 for i in range(len(errs) - 1))
    return area / (len(errs) - 1)


def _summary(errors: list[float], targets: int) -> dict[str, Any]:
    hits = sum(1 for e in errors if e <= ACC_KM)
    area = auc(errors + [MAX_ERROR_KM] * (targets - len(errors)))
    return {
        "targets": targets,
        "resolved": len(errors),
        "acc161": round(hits / len(errors), 4) if errors else None,
        "acc161_all_targets": round(hits / targets, 4) if targets else None,
        "median_km": round(statistics.median(errors), 1) if errors else None,
        "mean_km": round(statistics.fmean(errors), 1) if errors else None,
        "auc": round(area, 4) if area is not None else None,
    }


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _gold_recognition(doc: Document, gold: list[dict[str, Any]]) -> Recognition:
    spans: list[Span] = []
    for t in sorted(gold, key=lambda t: (t["start"], -t["end"])):
        if spans and t["start"] < spans[-1].end:
            continue
        sent = doc.sentence_at(t["start"])
        text = doc.text[t["start"]: t["end"]]
        spans.append(Span(t["start"], t["end"], text, sent.index if sent else 0, "gold", lookup=text))
    return Recognition(spans, [])


def evaluate_geocoding(gold_path: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    """Score recognition and geocoding on one *_toponyms.jsonl file; see the module docstring."""
    from sitrep.extract.places import resolve_places
    from sitrep.nlp import get_nlp

    nlp = get_nlp(options)
    gaz = Gazetteer.open(options)
    rules = load_rules(tuple(options.data_dirs))
    records = []
    with Path(gold_path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    tp = fp = fn = gold_hits = 0
    e2e_errors: list[float] = []
    e2e_targets = 0
    gold_errors: list[float] = []
    gold_targets = 0
    t_places = 0.0
    t0 = time.perf_counter()
    for rec in records:
        doc = nlp.analyze(Article(id=rec["id"], text=rec["text"]))
        t1 = time.perf_counter()
        predicted: list[PlaceMention] = resolve_places(doc, options)
        t_places += time.perf_counter() - t1
        gold = [t for t in rec["toponyms"] if in_scope(t)]
        annotated = [t for t in rec["toponyms"] if t.get("offset_status") != "bad"]
        for p in predicted:
            if any(_overlap(p.start, p.end, g["start"], g["end"]) for g in gold):
                tp += 1
            elif not any(_overlap(p.start, p.end, g["start"], g["end"]) for g in annotated):
                fp += 1
            # a prediction over an out-of-scope annotation (e.g. an adjectival "Syrian") is not scored
        for g in gold:
            hit = next((p for p in predicted if _overlap(p.start, p.end, g["start"], g["end"])), None)
            if hit is None:
                fn += 1
            else:
                gold_hits += 1
            if not _has_coords(g):
                continue
            e2e_targets += 1
            if hit is not None and hit.place is not None:
                e2e_errors.append(haversine_km(hit.place.latitude, hit.place.longitude,
                                               float(g["latitude"]), float(g["longitude"])))
        with_coords = [g for g in gold if _has_coords(g)]
        for g, pm in _resolve_gold(doc, with_coords, gaz, rules):
            gold_targets += 1
            if pm is not None and pm.place is not None:
                gold_errors.append(haversine_km(pm.place.latitude, pm.place.longitude,
                                                float(g["latitude"]), float(g["longitude"])))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = gold_hits / (gold_hits + fn) if gold_hits + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    seconds = time.perf_counter() - t0
    return {
        "file": Path(gold_path).name,
        "articles": len(records),
        "recognition": {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                        "tp": tp, "fp": fp, "gold": gold_hits + fn},
        "end_to_end": _summary(e2e_errors, e2e_targets),
        "gold_names": _summary(gold_errors, gold_targets),
        "seconds": round(seconds, 1),
        "places_ms_per_article": round(1000 * t_places / max(1, len(records)), 2),
    }


def _resolve_gold(doc: Document, gold: list[dict[str, Any]], gaz: Gazetteer,
                  rules: Any) -> list[tuple[dict[str, Any], PlaceMention | None]]:
    """Resolve the gold spans themselves (the article's other gold spans are the context)."""
    if not gold:
        return []
    recognition = _gold_recognition(doc, gold)
    resolved = {pm.start: pm for pm in resolve_spans(doc, recognition, gaz, rules)}
    return [(g, resolved.get(g["start"])) for g in gold]


def main() -> None:
    ap = argparse.ArgumentParser(description="Score sitrep's places component on a *_toponyms.jsonl file")
    ap.add_argument("gold", type=Path, nargs="+")
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = ap.parse_args()
    for path in args.gold:
        print(json.dumps(evaluate_geocoding(path, Options(), args.limit), indent=2))


if __name__ == "__main__":
    main()
