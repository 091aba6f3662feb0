#!/usr/bin/env python3
"""Gazetteer benchmark: build time and size, open time, lookup latency (cold and memoised), and the
places component's time per article on shared/corpus (spaCy pass excluded).

    python bench/bench_gazetteer.py [--build] [--articles 50]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from sitrep.extract.places import Gazetteer, build_gazetteer, default_gazetteer_path, resolve_places
from sitrep.options import Options

NAMES = ["Baghouz", "Baghuz", "Raqa", "Raqqa", "ar-Raqqah", "Kobane", "Manbij", "Syria", "Mosul", "Idlib",
         "Deir ez-Zor", "Kabul", "Mogadishu", "Springfield", "Paris", "London", "Aleppo", "Tal Afar",
         "Euphrates River", "Nowhereville"]
CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "trnews.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", action="store_true", help="also time a full build into a temp file")
    ap.add_argument("--articles", type=int, default=50)
    args = ap.parse_args()
    out: dict[str, object] = {}
    if args.build:
        with tempfile.TemporaryDirectory() as tmp:
            stats = build_gazetteer(Path(tmp) / "g.sqlite")
        out["build"] = {k: stats[k] for k in ("rows", "names", "seconds", "bytes")}
    t = time.perf_counter()
    Gazetteer.open(Options())
    out["open_ms"] = round(1000 * (time.perf_counter() - t), 2)
    fresh = Gazetteer(default_gazetteer_path())  # uncached instance for cold lookups
    cold, warm = [], []
    for name in NAMES:
        t = time.perf_counter()
        fresh.candidates(name)
        cold.append(time.perf_counter() - t)
    for _ in range(20):
        for name in NAMES:
            t = time.perf_counter()
            fresh.candidates(name)
            warm.append(time.perf_counter() - t)
    out["lookup_cold_us_median"] = round(1e6 * statistics.median(cold), 1)
    out["lookup_warm_us_median"] = round(1e6 * statistics.median(warm), 1)
    if CORPUS.exists():
        from sitrep.nlp import get_nlp
        from sitrep.records import Article

        opts = Options()
        lines = CORPUS.read_text(encoding="utf-8").splitlines()[: args.articles]
        docs = [get_nlp(opts).analyze(Article(id=str(i), text=json.loads(line)["text"]))
                for i, line in enumerate(lines)]
        t = time.perf_counter()
        for doc in docs:
            resolve_places(doc, opts)
        out["places_ms_per_article"] = round(1000 * (time.perf_counter() - t) / max(1, len(docs)), 2)
        out["articles"] = len(docs)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
