"""Shared helpers for the ingest tests (fixtures are built in tmp_path)."""

from __future__ import annotations

import io
from pathlib import Path

from sitrep.ingest import ItemError, ItemSkipped, read_inputs
from sitrep.options import Options
from sitrep.records import Article

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def read_all(*paths: object, options: Options | None = None, stdin: bytes | None = None) -> list:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_inputs([str(p) for p in paths], options or Options(), stdin=stream))


def articles(items: list) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def errors(items: list) -> list[ItemError]:
    return [x for x in items if isinstance(x, ItemError)]


def skipped(items: list) -> list[ItemSkipped]:
    return [x for x in items if isinstance(x, ItemSkipped)]


def one_article(*paths: object, **kw: object) -> Article:
    items = read_all(*paths, **kw)  # type: ignore[arg-type]
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def one_error(*paths: object, **kw: object) -> ItemError:
    items = read_all(*paths, **kw)  # type: ignore[arg-type]
    assert len(items) == 1 and isinstance(items[0], ItemError), items
    return items[0]
