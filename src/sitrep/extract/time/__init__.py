"""Time expressions: find them, normalise them to date ranges with ACLED precision.

The component ``time`` fills ``doc.times``.  Relative expressions are resolved
against the article date, else a dateline found in the text (which then becomes
the article date, ``date_source="dateline"``); in an undated article they stay
relative (``date_start``/``date_end`` None, a readable ``relative``).  The
phrases live in ``sitrep/data/time_rules.yaml``; docs/TIME.md explains the
conventions (ranges are inclusive, weeks start on Monday, ...).
"""

from __future__ import annotations

import datetime as dt

from sitrep.extract.time.date_order import DateOrderLearner
from sitrep.extract.time.dateline import (
    ANCHOR_ARTICLE_DATE,
    ANCHOR_DATELINE,
    ANCHOR_URL_DATE,
    NUMERIC_ORDER_KEY,
    article_anchor,
    find_dateline,
    numeric_dateline,
)
from sitrep.extract.time.engine import (
    REFERENCE_ANCHOR,
    TENSE_CURRENT,
    TENSE_FUTURE,
    TENSE_HISTORICAL,
    parser_dates,
    resolve_anaphora,
    scan,
    sentence_times,
    to_expression,
)
from sitrep.extract.time.hints import url_date, year_hint_for
from sitrep.extract.time.rules import load_rules
from sitrep.options import Options
from sitrep.records import Document, TimeExpression
from sitrep.registry import component

__all__ = [
    "ANCHOR_ARTICLE_DATE",
    "ANCHOR_DATELINE",
    "ANCHOR_URL_DATE",
    "NUMERIC_ORDER_KEY",
    "REFERENCE_ANCHOR",
    "TENSE_CURRENT",
    "TENSE_FUTURE",
    "TENSE_HISTORICAL",
    "DateOrderLearner",
    "article_anchor",
    "extract_times",
    "find_dateline",
    "numeric_dateline",
    "resolve_expression",
    "time_component",
    "url_date",
    "year_hint_for",
]

DATELINE_RULE = "dateline"


def resolve_expression(
    text: str,
    anchor: dt.date | None,
    anchor_label: str | None = ANCHOR_ARTICLE_DATE,
    data_dirs: tuple[str, ...] = (),
) -> TimeExpression | None:
    """The first time expression in ``text`` resolved against ``anchor`` (None: keep it relative).

    Offsets in the result are offsets into ``text``; ``sentence_index`` is 0.  Returns None when
    ``text`` holds no expression the rules know.
    """
    rs = load_rules(data_dirs)
    found = scan(text, anchor, rs)
    if not found:
        return None
    return to_expression(found[0], text, 0, 0, anchor, anchor_label if anchor else None, rs)


def extract_times(doc: Document, anchor: dt.date | None, anchor_label: str | None,
                  data_dirs: tuple[str, ...] = (), year_hint: int | None = None,
                  numeric_order: str | None = None) -> list[TimeExpression]:
    """All time expressions of a Document (sentences already split), in text order."""
    rs = load_rules(data_dirs)
    times: list[TimeExpression] = []
    anaphoric: dict[int, tuple[int, str]] = {}
    for sentence in doc.sentences:
        expressions, found = sentence_times(sentence, anchor, anchor_label, rs)
        for te, f in zip(expressions, found, strict=True):
            if f.rule.kind == "anaphoric" and f.res.offset is not None:
                anaphoric[len(times)] = f.res.offset
            times.append(te)
    resolve_anaphora(times, anaphoric)

    dateline = find_dateline(doc.text, year_hint=year_hint, data_dirs=data_dirs, numeric_order=numeric_order)
    if dateline is not None:
        day, start, end = dateline
        same = [t for t in times if t.start == start and t.end == end]
        if same:
            same[0].rule = DATELINE_RULE
        elif not any(start < t.end and t.start < end for t in times):
            holder = doc.sentence_at(start)
            times.append(TimeExpression(
                start=start, end=end, text=doc.text[start:end],
                sentence_index=holder.index if holder else 0,
                date_start=day, date_end=day, precision=1, rule=DATELINE_RULE,
            ))
    times.extend(parser_dates(doc.mentions, times, anchor, rs))
    times.sort(key=lambda t: (t.start, t.end))
    return times


@component("time", requires=("sentences",), assigns=("times",))
def time_component(doc: Document, options: Options) -> None:
    """Fill ``doc.times``; set the article date from a dateline when the article has none."""
    article = doc.article
    hint = year_hint_for(article, options.year_hint)
    order = article.metadata.get(NUMERIC_ORDER_KEY)
    anchor, label = article_anchor(article, doc.text, options.data_dirs, options.year_hint, order)
    if article.date is None and anchor is not None:
        article.date = anchor
        article.date_source = "url" if label == ANCHOR_URL_DATE else "dateline"
    doc.times = extract_times(doc, anchor, label, options.data_dirs, year_hint=hint, numeric_order=order)
