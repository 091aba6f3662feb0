"""Scoring dates: datelines (and the time component) against FA-KES gold event dates.

FA-KES articles (``shared/eval/fakes_events.jsonl``) are read WITHOUT their date;
the text usually starts with a dateline.  ``evaluate_datelines`` reports how
often ``find_dateline`` finds a date and how close it is to the gold event date
(exact, within 1 and 3 days).  An article with several annotated events is
scored against the closest one (shared/eval/README.md: "score the best-matching
one").  ``benchmark_time_component`` runs the NLP pass and the ``time``
component on the same texts: time per article and how often the first dated
expression of the lead (after the dateline) hits the gold date.

Run: ``python -m sitrep.evaluate.dates [gold.jsonl] [--component N]``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.errors import InputError

DEFAULT_GOLD = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "fakes_events.jsonl"


def _records(gold_path: str | Path) -> Iterator[dict[str, Any]]:
    path = Path(gold_path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read gold file: {exc}", item=str(path)) from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc}", item=f"{path}:{n}") from exc


def _gold_dates(record: dict[str, Any]) -> list[dt.date]:
    out = []
    for event in record.get("events") or ():
        try:
            out.append(dt.date.fromisoformat(event["date"]))
        except (KeyError, TypeError, ValueError):
            continue
    return out


def _error_days(found: dt.date, gold: list[dt.date]) -> int:
    return min(abs((found - g).days) for g in gold)


def _shares(errors: list[int], n_all: int) -> dict[str, Any]:
    found = len(errors)

    def share(k: int) -> float:
        return round(k / found, 4) if found else 0.0

    exact = sum(1 for e in errors if e == 0)
    w1 = sum(1 for e in errors if e <= 1)
    w3 = sum(1 for e in errors if e <= 3)
    return {
        "articles": n_all,
        "found": found,
        "found_share": round(found / n_all, 4) if n_all else 0.0,
        "exact": exact,
        "within_1": w1,
        "within_3": w3,
        "exact_of_found": share(exact),
        "within_1_of_found": share(w1),
        "within_3_of_found": share(w3),
        "exact_of_all": round(exact / n_all, 4) if n_all else 0.0,
    }


def evaluate_datelines(gold_path: str | Path = DEFAULT_GOLD) -> dict[str, Any]:
    """Dateline detection and accuracy on a gold JSONL (fields ``text``, ``events[].date``).

    As in a real run, ambiguous numeric datelines are read the way the same source's unambiguous
    ones are (``DateOrderLearner`` over the whole file)."""
    from sitrep.extract.time import NUMERIC_ORDER_KEY, DateOrderLearner, find_dateline
    from sitrep.records import Article

    records = [r for r in _records(gold_path) if _gold_dates(r)]
    articles = [Article(id=str(r.get("id")), text=r.get("text") or "", source=r.get("source"))
                for r in records]
    DateOrderLearner().annotate(articles)
    errors: list[int] = []
    by_source: dict[str, list[int]] = {}
    n_by_source: Counter[str] = Counter()
    n = 0
    elapsed = 0.0
    for record, article in zip(records, articles, strict=True):
        gold = _gold_dates(record)
        n += 1
        source = str(record.get("source") or "unknown")
        n_by_source[source] += 1
        t0 = time.perf_counter()
        found = find_dateline(article.text, numeric_order=article.metadata.get(NUMERIC_ORDER_KEY))
        elapsed += time.perf_counter() - t0
        if found is None:
            continue
        err = _error_days(found[0], gold)
        errors.append(err)
        by_source.setdefault(source, []).append(err)
    result = _shares(errors, n)
    result["ms_per_article"] = round(1000 * elapsed / n, 4) if n else 0.0
    result["by_source"] = {s: _shares(by_source.get(s, []), k) for s, k in sorted(n_by_source.items())}
    return result


def benchmark_time_component(gold_path: str | Path = DEFAULT_GOLD, limit: int = 200) -> dict[str, Any]:
    """Run the NLP pass and the time component on ``limit`` gold texts (no date given).

    Reports seconds per article for the component alone and for the NLP pass, expressions per
    article, and the accuracy of the lead date: the first dated, current, day-precise expression
    after the dateline in the first two sentences, else the dateline (what an event extractor that
    dates the lead event from its sentence would get).
    """
    from sitrep.extract.time import time_component
    from sitrep.nlp import get_nlp
    from sitrep.options import Options
    from sitrep.records import Article

    options = Options()
    nlp = get_nlp(options)
    records = [r for r in _records(gold_path) if _gold_dates(r)][:limit]
    articles = [Article(id=str(r.get("id")), text=r.get("text") or "") for r in records]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(articles))
    nlp_s = time.perf_counter() - t0
    comp_s = 0.0
    n_times = 0
    dated = 0
    lead_errors: list[int] = []
    dateline_errors: list[int] = []
    for record, doc in zip(records, docs, strict=True):
        t1 = time.perf_counter()
        time_component(doc, options)
        comp_s += time.perf_counter() - t1
        n_times += len(doc.times)
        dated += sum(1 for t in doc.times if t.date_start is not None)
        gold = _gold_dates(record)
        dateline = next((t for t in doc.times if t.rule == "dateline"), None)
        if dateline and dateline.date_start:
            dateline_errors.append(_error_days(dateline.date_start, gold))
        lead = next(
            (t for t in doc.times
             if t.rule != "dateline" and t.sentence_index <= 1 and t.date_start is not None
             and t.precision == 1 and t.tense == "current"),
            dateline,
        )
        if lead is not None and lead.date_start is not None:
            lead_errors.append(_error_days(lead.date_start, gold))
    n = len(records)
    return {
        "articles": n,
        "component_ms_per_article": round(1000 * comp_s / n, 3) if n else 0.0,
        "nlp_ms_per_article": round(1000 * nlp_s / n, 1) if n else 0.0,
        "expressions_per_article": round(n_times / n, 2) if n else 0.0,
        "dated_share": round(dated / n_times, 4) if n_times else 0.0,
        "dateline": _shares(dateline_errors, n),
        "lead_date": _shares(lead_errors, n),
    }


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    limit = 0
    if "--component" in args:
        i = args.index("--component")
        limit = int(args[i + 1])
        del args[i:i + 2]
    gold = args[0] if args else DEFAULT_GOLD
    out: dict[str, Any] = {"datelines": evaluate_datelines(gold)}
    if limit:
        out["component"] = benchmark_time_component(gold, limit)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
