"""The pipeline, one direction: ingest -> nlp -> extract -> store -> resolve.

``ingest()`` is what ``sitrep ingest`` and ``POST /api/v1/ingest`` call.  Each
article and everything derived from it is written in one transaction; the
merge (resolve) stage runs after the batch over the reports not yet merged, so
an interrupted batch is completed by the next run.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from sitrep.errors import BatchAborted, SitrepError
from sitrep.extract import DEFAULT_COMPONENTS, load_components
from sitrep.extract.time.date_order import DateOrderLearner
from sitrep.nlp import get_nlp
from sitrep.options import Options
from sitrep.records import STATUS_NOT_ENGLISH, STATUS_PROCESSED, Article, Document
from sitrep.registry import Component
from sitrep.store.core import Store

log = logging.getLogger(__name__)


@dataclass
class ItemResult:
    """What happened to one input item."""

    item: str
    status: str  # stored | duplicate | not_english | failed | skipped
    article_id: str | None = None
    message: str = ""
    events: int = 0
    claims: int = 0


@dataclass
class IngestSummary:
    stored: int = 0
    duplicates: int = 0
    not_english: int = 0
    failed: int = 0
    skipped: int = 0
    events: int = 0
    claims: int = 0
    merged_events: int = 0
    seconds: float = 0.0
    items: list[ItemResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def add(self, r: ItemResult) -> None:
        self.items.append(r)
        if r.status == "stored":
            self.stored += 1
            self.events += r.events
            self.claims += r.claims
        elif r.status == "duplicate":
            self.duplicates += 1
        elif r.status == "not_english":
            self.not_english += 1
        elif r.status == "failed":
            self.failed += 1
        else:
            self.skipped += 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "stored": self.stored,
            "duplicates": self.duplicates,
            "not_english": self.not_english,
            "failed": self.failed,
            "skipped": self.skipped,
            "events": self.events,
            "claims": self.claims,
            "merged_events": self.merged_events,
            "seconds": round(self.seconds, 3),
            "items": [r.__dict__ for r in self.items],
        }


Callback = Callable[[ItemResult], None]


def process_documents(
    docs: Iterable[Document], components: Sequence[Component], options: Options
) -> Iterator[Document]:
    """Run extraction components over NLP-pass Documents."""
    for doc in docs:
        for comp in components:
            comp.fn(doc, options)
        doc.article.status = STATUS_PROCESSED
        yield doc


def analyze_articles(
    articles: Sequence[Article], options: Options, components: Sequence[Component] | None = None
) -> list[Document]:
    """Library entry point without a store: Articles in, fully extracted Documents out."""
    comps = list(components) if components is not None else load_components(_component_names(options))
    arts = list(articles)
    DateOrderLearner(options.data_dirs).annotate(arts)
    docs = get_nlp(options).pipe(arts)
    return list(process_documents(docs, comps, options))


def _component_names(options: Options) -> tuple[str, ...]:
    names = options.extra.get("components")
    return tuple(names) if names else DEFAULT_COMPONENTS


def ingest(
    paths: Sequence[str],
    options: Options,
    store: Store | None = None,
    on_item: Callback | None = None,
    stdin: BinaryIO | None = None,
    articles: Iterable[Any] | None = None,
) -> IngestSummary:
    """Read inputs, process new articles, store them, then merge events across articles.

    ``articles`` may be given instead of ``paths`` (already-read Article / ItemError / ItemSkipped
    records, as the HTTP API does with uploads).  Bad items are reported through ``on_item`` and
    counted; with ``options.on_error == "stop"`` the first failure raises BatchAborted.
    """
    from sitrep.ingest import ItemError, ItemSkipped, read_inputs

    t0 = time.perf_counter()
    store = store or Store(options.db)
    summary = IngestSummary()
    components = load_components(_component_names(options))
    seen_hashes: dict[str, str] = {}
    # how this run's sources write numeric dates, learned from every article read so far
    date_orders = DateOrderLearner(options.data_dirs)

    def report(r: ItemResult) -> None:
        summary.add(r)
        if on_item:
            on_item(r)
        if r.status == "failed":
            store.record_error(r.item, r.message)
            if options.on_error == "stop":
                raise BatchAborted(
                    f"stopped at the first failure: {r.message}",
                    item=r.item,
                    hint="use --on-error continue to go on past bad items",
                )

    pending: list[Article] = []

    def flush() -> None:
        if not pending:
            return
        batch = list(pending)
        pending.clear()
        date_orders.annotate(batch)
        _process_batch(batch, components, options, store, report)

    source = articles if articles is not None else read_inputs(list(paths), options, stdin=stdin)
    for rec in source:
        if isinstance(rec, ItemError):
            report(ItemResult(rec.item, "failed", message=str(rec.error)))
            continue
        if isinstance(rec, ItemSkipped):
            report(ItemResult(rec.item, "skipped", message=rec.reason))
            continue
        art: Article = rec
        dup = _duplicate_of(art, store, seen_hashes, options)
        if dup:
            report(ItemResult(art.origin or art.id, "duplicate", art.id, message=dup))
            continue
        seen_hashes[art.content_hash] = art.id
        if art.language and art.language not in options.languages:
            art.status = STATUS_NOT_ENGLISH
            try:
                store.save_document(Document(article=art))
            except SitrepError as exc:
                report(ItemResult(art.origin or art.id, "failed", art.id, message=str(exc)))
                continue
            report(
                ItemResult(
                    art.origin or art.id,
                    "not_english",
                    art.id,
                    message=f"language {art.language!r}: stored, not processed",
                )
            )
            continue
        pending.append(art)
        date_orders.observe(art)
        if len(pending) >= max(1, options.batch_size):
            flush()
    flush()
    if options.merge:
        summary.merged_events = resolve_pending(store, options)
    summary.seconds = time.perf_counter() - t0
    return summary


def _duplicate_of(art: Article, store: Store, seen: dict[str, str], options: Options) -> str | None:
    if art.content_hash in seen:
        return f"same text as {seen[art.content_hash]} earlier in this batch"
    if options.force:
        return None
    existing = store.find_article(art.id)
    if existing and existing["content_hash"] == art.content_hash:
        return "already stored (use --force to re-process)"
    other = store.find_by_hash(art.content_hash)
    if other and other != art.id:
        return f"same text already stored as {other}"
    return None


def _process_batch(
    batch: list[Article], components: Sequence[Component], options: Options, store: Store, report: Callback
) -> None:
    nlp = get_nlp(options)
    try:
        docs = list(nlp.pipe(batch))
    except Exception:  # one bad text must not sink the batch: retry one by one
        log.exception("NLP batch failed; retrying articles one by one")
        docs = []
        for art in batch:
            try:
                docs.append(nlp.analyze(art))
            except Exception as exc:
                report(ItemResult(art.origin or art.id, "failed", art.id, message=f"NLP pass failed: {exc}"))
    for doc in docs:
        art = doc.article
        try:
            for comp in components:
                comp.fn(doc, options)
            art.status = STATUS_PROCESSED
            store.save_document(doc)
        except SitrepError as exc:
            report(ItemResult(art.origin or art.id, "failed", art.id, message=str(exc)))
            continue
        except Exception as exc:
            log.exception("processing %s failed", art.id)
            report(
                ItemResult(
                    art.origin or art.id,
                    "failed",
                    art.id,
                    message=f"processing failed ({type(exc).__name__}: {exc}); please report this",
                )
            )
            continue
        report(
            ItemResult(art.origin or art.id, "stored", art.id, events=len(doc.events), claims=len(doc.claims))
        )


# ---------------------------------------------------------------------- resolve (merge across articles)
def resolve_pending(store: Store, options: Options | None = None) -> int:
    """Attach reports not yet merged to existing events or new ones; returns events written."""
    from sitrep.resolve_store import resolve_pending as run

    return run(store, options or Options())


def recluster(store: Store, report_ids: Sequence[str], options: Options | None = None) -> int:
    """Re-run the merge for these reports (after a reviewer's merge/split decision)."""
    from sitrep.resolve_store import recluster as run

    return run(store, report_ids, options or Options())
