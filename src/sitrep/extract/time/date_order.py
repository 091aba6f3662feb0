"""How to read ambiguous numeric datelines, learned from the other articles of the same source.

"05-09-2013" is 5 September or 9 May.  A publisher writes its dates one way, so the source's
unambiguous datelines ("25-09-2013" can only be day-first) settle its ambiguous ones — what a coder
does when a site's dates look odd.  The learner sees every article of a run before it is processed
(``observe``), and ``annotate`` writes the learned order into the metadata of undated articles whose
own dateline is ambiguous (``Article.metadata["numeric_date_order"]``, with the evidence in
``"numeric_date_order_from"``), where the time component reads it.  It decides only on enough,
nearly unanimous evidence (settings ``numeric_order_min_evidence`` and
``numeric_order_agreement`` in time_rules.yaml); otherwise the setting ``ambiguous_numeric_order``
applies (default: refuse, no date).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from sitrep.extract.time.dateline import NUMERIC_ORDER_KEY, numeric_dateline
from sitrep.extract.time.rules import load_rules
from sitrep.records import Article

EVIDENCE_KEY = "numeric_date_order_from"


def _source_key(article: Article) -> str:
    return (article.source or "").strip().lower()


class DateOrderLearner:
    """Per-source counts of the numeric date orders seen in unambiguous datelines."""

    def __init__(self, data_dirs: tuple[str, ...] = ()):
        self.data_dirs = data_dirs
        settings = load_rules(data_dirs).settings
        self.min_evidence = settings.numeric_order_min_evidence
        self.agreement = settings.numeric_order_agreement
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        # articles observed but not annotated yet, by object id -> (the article, ambiguous?).  The
        # article itself is held so that its id cannot be reused by a later object of a long run.
        self._pending: dict[int, tuple[Article, bool]] = {}

    def observe(self, article: Article) -> None:
        """Count the order the article's numeric dateline shows (once per article until annotated)."""
        if id(article) in self._pending:
            return
        found = numeric_dateline(article.text, self.data_dirs)
        ambiguous = found is not None and found[1]
        self._pending[id(article)] = (article, ambiguous)
        if found is not None and found[0] is not None:
            self.counts[_source_key(article)][found[0]] += 1

    def order_for(self, source: str | None) -> tuple[str, int, int] | None:
        """(order, agreeing, all) for a source when the evidence settles it, else None."""
        counts = self.counts.get((source or "").strip().lower())
        if not counts:
            return None
        order, agreeing = counts.most_common(1)[0]
        total = sum(counts.values())
        if agreeing < self.min_evidence or agreeing / total < self.agreement:
            return None
        return order, agreeing, total

    def annotate(self, articles: Iterable[Article]) -> int:
        """Observe ``articles``, then set the learned order on the undated ones with an ambiguous
        numeric dateline.  Returns how many were annotated."""
        arts = list(articles)
        for art in arts:
            self.observe(art)
        n = 0
        for art in arts:
            _, ambiguous = self._pending.pop(id(art))
            if art.date is not None or NUMERIC_ORDER_KEY in art.metadata or not ambiguous:
                continue
            learned = self.order_for(art.source)
            if learned is None:
                continue
            order, agreeing, total = learned
            art.metadata[NUMERIC_ORDER_KEY] = order
            who = f"source {art.source!r}" if art.source else "articles without a source"
            art.metadata[EVIDENCE_KEY] = (
                f"{agreeing} of {total} unambiguous numeric datelines of {who} in this run are "
                f"{'day-first' if order == 'dmy' else 'month-first'}"
            )
            n += 1
        return n
