"""Ingest: input paths -> ``Article`` records, and nothing after.

    for item in read_inputs(["samples/", "-"], options, stdin=sys.stdin.buffer):
        if isinstance(item, Article): ...        # a readable article
        elif isinstance(item, ItemError): ...    # an input that could not be read (item.error says why)
        else: ...                                # ItemSkipped: left out on purpose (item.reason)

Formats: plain text (optional ``date YYYY-MM-DD`` line), HTML (trafilatura),
RSS/Atom (feedparser), JSON Lines, a JSON article list, and ``.gz`` of each.
One bad item never stops the iteration.  See docs/INGEST.md.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from sitrep.errors import EmptyInputError, InputError, MalformedInputError
from sitrep.ingest import decode as _decode
from sitrep.ingest import jsonl as _jsonl
from sitrep.ingest.formats import FORMATS
from sitrep.ingest.language import detect_language
from sitrep.ingest.loaded import Loaded, Yielded
from sitrep.ingest.normalize import content_hash, normalize_text
from sitrep.ingest.results import ItemError, ItemSkipped
from sitrep.ingest.sniff import detect_format, format_by_name
from sitrep.ingest.sources import Entry, expand
from sitrep.options import Options
from sitrep.records import Article

__all__ = ["FORMATS", "ItemError", "ItemSkipped", "content_hash", "detect_language", "read_inputs"]


def read_inputs(
    paths: Sequence[str], options: Options, stdin: BinaryIO | None = None
) -> Iterator[Article | ItemError | ItemSkipped]:
    """Articles from files, directories (recursive, sorted by name) and ``-`` (standard input).

    Yields, in input order, an ``Article`` for every article read (with
    ``content_hash``, ``language``, ``origin`` and ``fmt`` set), an ``ItemError``
    for every input or part of one that could not be read, and an ``ItemSkipped``
    for files deliberately left out.  ``stdin`` defaults to ``sys.stdin.buffer``.
    """
    for entry in expand(paths, options.data_dirs):
        if isinstance(entry, Entry):
            yield from _read_entry(entry, options, stdin)
        else:
            yield entry


def _read_entry(entry: Entry, options: Options, stdin: BinaryIO | None) -> Iterator[Yielded]:
    try:
        for out in _parse_entry(entry, options, stdin):
            if isinstance(out, Article):
                out.content_hash = content_hash(out.text)
                out.language = detect_language(out.text, options.data_dirs)
            yield out
    except InputError as exc:
        yield ItemError(exc.item or entry.item, exc)
    except Exception as exc:  # a parser library failing on odd input must not end the batch
        err = MalformedInputError(
            f"could not be read ({type(exc).__name__}: {exc})",
            item=entry.item,
            hint="check the file; if it looks valid, report this as a sitrep bug",
        )
        yield ItemError(entry.item, err)


def _parse_entry(entry: Entry, options: Options, stdin: BinaryIO | None) -> Iterator[Yielded]:
    name = entry.path.name if entry.path is not None else ""
    if entry.path is not None and format_by_name(name) == "jsonl":
        yield from _jsonl.stream_file(entry.path, entry.item, options)
        return
    if entry.path is not None:
        data = _decode.read_path(entry.path, entry.item, options.max_bytes)
    else:
        data = _decode.read_stream(stdin or sys.stdin.buffer, entry.item, options.max_bytes)
    if data.startswith(_decode.GZIP_MAGIC):
        data = _decode.gunzip(data, entry.item, options.max_bytes)
    if not data.strip():
        what = "nothing but whitespace" if data else "no bytes"
        raise EmptyInputError(
            f"empty input ({what})", item=entry.item, hint="remove it or give it the article text"
        )
    _decode.check_not_binary(data, entry.item)
    text = normalize_text(_decode.decode(data, entry.item))
    fmt = detect_format(name, text)
    yield from FORMATS[fmt](Loaded(entry.item, name, data, text), options)
