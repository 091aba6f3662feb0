"""Where an article's body ends and the page furniture after it begins.

Text copied from news pages often ends with a list of links to other stories
("Related", "Read also", "You may also like" followed by their headlines).  Those
headlines ("US-Led Coalition Conducts 12 Strikes in Tabqa") read like events but are
not this article's report, so the NLP pass and every extractor after it stop at
``body_end``.  The text itself is kept whole, so offsets, storage and the article
view are unchanged; the cut is only where reading stops.

The markers are regular expressions in ``data/ingest.yaml`` (``page_furniture``),
which users extend.  A marker only counts after the first ``min_body_chars``
characters, so an article that opens with the word "Related" loses nothing.

A link inside the body, on a line of its own ("READ MORE: <headline>"), is skipped line
by line (``inline_furniture``, ``inline_spans``) and reading goes on after it.
"""

from __future__ import annotations

import functools
import re

from sitrep.datafiles import load_yaml
from sitrep.errors import DataFileError


def _section(key: str, data_dirs: tuple[str, ...]) -> tuple[dict, tuple[re.Pattern[str], ...]]:
    """The ``key`` section of ingest.yaml and its compiled ``markers``."""
    spec = (load_yaml("ingest.yaml", data_dirs) or {}).get(key) or {}
    patterns = []
    for raw in spec.get("markers") or []:
        try:
            patterns.append(re.compile(raw))
        except re.error as exc:
            raise DataFileError(
                f"{key} marker {raw!r} is not a valid regular expression: {exc}",
                item="ingest.yaml",
            ) from exc
    return spec, tuple(patterns)


@functools.lru_cache(maxsize=8)
def _rules(data_dirs: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], ...], int]:
    spec, patterns = _section("page_furniture", data_dirs)
    return patterns, int(spec.get("min_body_chars", 200))


def body_end(text: str, data_dirs: tuple[str, ...] = ()) -> int:
    """Offset where the article body ends: the earliest furniture marker after the first
    ``min_body_chars`` characters, else ``len(text)``."""
    patterns, min_body = _rules(data_dirs)
    end = len(text)
    if len(text) <= min_body:
        return end
    for pattern in patterns:
        m = pattern.search(text, min_body)
        if m and m.start() < end:
            end = m.start()
    # the body ends at the last character of text before the marker
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


@functools.lru_cache(maxsize=8)
def _inline_rules(data_dirs: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return _section("inline_furniture", data_dirs)[1]


_LINES = re.compile(r"[^\n]+")


def inline_spans(text: str, data_dirs: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """(start, end) of each line that is a link to another story (``inline_furniture``): the
    NLP pass makes no sentence of it and its entities are dropped; offsets stay those of the
    whole text."""
    patterns = _inline_rules(data_dirs)
    if not patterns:
        return []
    out = []
    for line in _LINES.finditer(text):
        lead = len(line.group()) - len(line.group().lstrip())
        if any(p.match(text, line.start() + lead, line.end()) for p in patterns):
            out.append((line.start(), line.end()))
    return out
