"""Merge test sets: load articles + gold, build reports (pipeline or hand-coded), score resolve.

A test set folder holds plain-text articles (first line ``date YYYY-MM-DD``) and a
``gold.yaml`` (format documented at its top, see tests/data/merge/gold.yaml).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sitrep.records import Article, Event, Evidence
from sitrep.resolve.cluster import ResolveStats, resolve
from sitrep.resolve.evaluate import score
from sitrep.resolve.explain import explain
from sitrep.resolve.merge import merge_reports
from sitrep.resolve.model import Cluster

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*\n?")


@dataclass
class TestSet:
    folder: Path
    articles: dict[str, Article]  # article id (file stem) -> Article
    gold: dict[str, Any]
    # article id -> [(incident id, cue, coded)]
    entries: dict[str, list[tuple[str, str, dict[str, Any]]]] = field(default_factory=dict)


def read_article(path: Path, source: str | None = None) -> Article:
    raw = path.read_text(encoding="utf-8")
    m = _DATE_LINE.match(raw)
    date = dt.date.fromisoformat(m.group(1)) if m else None
    text = raw[m.end():] if m else raw
    return Article(id=path.stem, text=text, date=date, date_source="date-line" if m else None,
                   source=source, origin=str(path), fmt="text")


def load(folder: Path) -> TestSet:
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    articles = {Path(f).stem: read_article(folder / f, src) for f, src in gold["articles"].items()}
    ts = TestSet(folder, articles, gold)
    for inc, spec in gold["incidents"].items():
        for rep in spec["reports"]:
            ts.entries.setdefault(Path(rep["article"]).stem, []).append(
                (inc, rep["cue"], rep.get("coded", {})))
    return ts


def _sentence_around(text: str, cue: str) -> tuple[int, int]:
    i = text.lower().find(cue.lower())
    if i < 0:
        raise ValueError(f"cue {cue!r} not in the article")
    start = max(text.rfind("\n", 0, i), text.rfind(". ", 0, i) + 1, 0)
    end = text.find(".", i + len(cue))
    end = len(text) if end < 0 else end + 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def oracle_reports(ts: TestSet) -> list[Event]:
    """Events as a careful coder would code each article alone (gold.yaml `coded`)."""
    places, types = ts.gold["places"], ts.gold["event_types"]
    out = []
    for art_id, entries in sorted(ts.entries.items()):
        art = ts.articles[art_id]
        for inc, cue, coded in entries:
            lat, lon, admin1, country = places[coded["place"]]
            start, end = _sentence_around(art.text, cue)
            sentence = Evidence(art_id, None, start, end, art.text[start:end])
            fat = coded.get("fatalities")
            prov = {"fatalities": [sentence]} if fat else {}
            out.append(Event(
                event_id=f"{art_id}#{inc}", article_ids=[art_id],
                event_date=dt.date.fromisoformat(str(coded["date"])), time_precision=1,
                event_type=types[coded["sub_event_type"]], sub_event_type=coded["sub_event_type"],
                actor1=coded.get("actor1"), actor2=coded.get("actor2"),
                location=coded.get("location", coded["place"]), latitude=lat, longitude=lon,
                admin1=admin1, country=country, geo_precision=coded.get("geo_precision", 1),
                fatalities=fat, notes=sentence.text, source=art.source, confidence=0.6,
                evidence=[sentence], provenance=prov,
            ))
    return out


def pipeline_reports(articles: list[Article]) -> tuple[list[Event], dict[str, str]]:
    """Run the NLP pass and the extraction components.

    Returns every article's events and, per event id, the text of the sentences its evidence
    spans lie in (to find which gold incident it is).
    """
    from sitrep.extract import load_components
    from sitrep.nlp.spacy_pass import get_nlp
    from sitrep.options import Options

    options = Options()
    components = load_components()
    nlp = get_nlp(options)
    out: list[Event] = []
    context: dict[str, str] = {}
    for doc in nlp.pipe(articles):
        for comp in components:
            comp.fn(doc, options)
        for i, ev in enumerate(doc.events):
            ev.article_ids = [doc.article.id]
            if not ev.event_id or not ev.event_id.startswith(doc.article.id):
                ev.event_id = f"{doc.article.id}#{ev.event_id or i}"
            if not ev.source:
                ev.source = doc.article.source
            sentences = [doc.sentence_at(e.start) for e in ev.evidence if e.start is not None]
            context[ev.event_id] = " ".join(dict.fromkeys(s.text for s in sentences if s))
            out.append(ev)
    return out, context


def gold_labels(ts: TestSet, reports: list[Event], context: dict[str, str] | None = None
                ) -> tuple[dict[str, str], list[str]]:
    """report id -> incident (the cue is in its evidence sentences); and the unmatched report ids."""
    labels: dict[str, str] = {}
    extra: list[str] = []
    for ev in reports:
        art = ev.article_ids[0]
        given = (context or {}).get(ev.event_id)
        text = (given if given is not None else " ".join([ev.notes] + [e.text for e in ev.evidence])).lower()
        hit = next((inc for inc, cue, _ in ts.entries.get(art, []) if cue.lower() in text), None)
        if hit is None:
            extra.append(ev.event_id)
        else:
            labels[ev.event_id] = hit
    return labels, extra


def _print_clusters(clusters: list[Cluster], by_id: dict[str, Event], labels: dict[str, str],
                    sources: dict[str, str], verbose: bool, titles: dict[str, str] | None = None) -> None:
    for c in clusters:
        merged = merge_reports(c.event_id, [by_id[m] for m in c.member_ids], sources)
        gold = sorted({labels.get(m, "-") for m in c.member_ids})
        print(f"{c.event_id}  [{merged.event_date} {merged.sub_event_type} @ {merged.location}; "
              f"fatalities {merged.fatalities}; {merged.source}]  gold: {', '.join(gold)}")
        if verbose:
            for line in explain(c)[1:]:
                print("   ", line)
            for art in merged.article_ids:
                if titles is not None:
                    print(f"    article {art}: {titles.get(art, '')}")
            if merged.tags:
                print("    tags:", merged.tags)


def run_folder(folder: Path, oracle: bool = False, verbose: bool = False) -> int:
    ts = load(folder)
    context: dict[str, str] | None = None
    if oracle:
        reports = oracle_reports(ts)
    else:
        reports, context = pipeline_reports(list(ts.articles.values()))
    labels, extra = gold_labels(ts, reports, context)
    stats = ResolveStats()
    clusters = resolve(reports, stats=stats)
    by_id = {r.event_id: r for r in reports}
    sources = {a.id: a.source or "" for a in ts.articles.values()}
    _print_clusters(clusters, by_id, labels, sources, verbose)
    n_gold = sum(len(v) for v in ts.entries.values())
    found = {(by_id[r].article_ids[0], inc) for r, inc in labels.items()}
    print(f"\nreports {len(reports)} (matched to gold {len(labels)}, extra {len(extra)}); "
          f"gold (article, incident) entries {n_gold}, found {len(found)}; "
          f"clusters {len(clusters)}; comparisons {stats.comparisons}")
    for name, prf in score([c.member_ids for c in clusters], labels).items():
        print(f"{name:9s} {prf}")
    return 0


def run_fakes(path: Path, limit: int = 0, verbose: bool = False, dump: Path | None = None) -> int:
    """Pipeline + resolve over FA-KES articles; list the clusters with more than one source."""
    articles = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            date = dt.date.fromisoformat(rec["date"]) if rec.get("date") else None
            articles.append(Article(id=rec["id"], text=rec["text"], title=rec.get("title"), date=date,
                                    date_source="jsonl" if date else None, source=rec.get("source"),
                                    fmt="jsonl"))
            if limit and len(articles) >= limit:
                break
    t0 = time.perf_counter()
    reports, _ = pipeline_reports(articles)
    t1 = time.perf_counter()
    stats = ResolveStats()
    clusters = resolve(reports, stats=stats)
    t2 = time.perf_counter()
    by_id = {r.event_id: r for r in reports}
    sources = {a.id: a.source or "" for a in articles}
    multi = [c for c in clusters if len({by_id[m].article_ids[0] for m in c.member_ids}) > 1]
    print(f"articles {len(articles)}, reports {len(reports)}, clusters {len(clusters)}, "
          f"multi-source clusters {len(multi)}, comparisons {stats.comparisons}; "
          f"extraction {t1 - t0:.1f}s, resolve {t2 - t1:.2f}s")
    titles = {a.id: a.title or "" for a in articles}
    _print_clusters(multi, by_id, {}, sources, verbose, titles)
    if dump:
        rows = [{"event_id": c.event_id, "members": [
            {"id": m, "article": by_id[m].article_ids[0], "date": str(by_id[m].event_date),
             "sub_event_type": by_id[m].sub_event_type, "location": by_id[m].location,
             "admin1": by_id[m].admin1, "fatalities": by_id[m].fatalities} for m in c.member_ids]}
            for c in clusters]
        dump.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0
