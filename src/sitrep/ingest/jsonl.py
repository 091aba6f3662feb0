"""JSON Lines (one article object per line) and JSON files holding a list of articles.

Known fields: ``id, title, date, source, url, text``; any other field is kept in
``Article.metadata``.  A line that is not a JSON object or has no text is an
ItemError (``path:LINE``) and the other lines go on.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sitrep.errors import EmptyInputError, InputError, MalformedInputError, TooLargeError
from sitrep.ingest.decode import GZIP_MAGIC, SNIFF_BYTES, check_not_binary, decode
from sitrep.ingest.loaded import Loaded, Yielded
from sitrep.ingest.normalize import normalize_text, parse_iso_date
from sitrep.ingest.results import ItemError, ItemSkipped
from sitrep.options import Options
from sitrep.records import Article

KNOWN_FIELDS = ("id", "title", "date", "source", "url", "text")
_FIELDS_HINT = (
    "each article needs a non-empty string field 'text' (and may have id, title, date, source, url)"
)


def _opt_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def record_to_article(record: Any, item: str, default_id: str, fmt: str) -> Article:
    """An Article from one JSON object; raises an InputError naming ``item`` if it is not one."""
    if not isinstance(record, dict):
        raise MalformedInputError(
            f"expected a JSON object, found {type(record).__name__}", item=item, hint=_FIELDS_HINT
        )
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedInputError(
            "no 'text' field" if text is None else f"'text' is a {type(text).__name__}, not a string",
            item=item,
            hint=_FIELDS_HINT,
        )
    if not text.strip():
        raise EmptyInputError("'text' is empty", item=item, hint=_FIELDS_HINT)
    metadata = {k: v for k, v in record.items() if k not in KNOWN_FIELDS}
    raw_date = record.get("date")
    date = parse_iso_date(raw_date)
    if raw_date not in (None, "") and date is None:
        # Kept rather than refused: the article is still usable without a date.
        metadata["unparsed_date"] = raw_date
    title = _opt_str(record, "title")
    return Article(
        id=_opt_str(record, "id") or default_id,
        text=normalize_text(text),
        title=normalize_text(title) if title else None,
        date=date,
        date_source="jsonl" if date else None,
        source=_opt_str(record, "source"),
        url=_opt_str(record, "url"),
        origin=item,
        fmt=fmt,
        metadata=metadata,
    )


def parse_lines(lines: Iterable[tuple[int, bytes | str]], origin: str, name: str) -> Iterator[Yielded]:
    """Articles from numbered lines; blank lines are ignored, a bad line is one ItemError."""
    for lineno, raw in lines:
        item = f"{origin}:{lineno}"
        try:
            if isinstance(raw, bytes):
                if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                line = decode(raw, item)
            else:
                line = raw
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise MalformedInputError(
                    f"line is not valid JSON ({exc})", item=item, hint="fix or remove the line"
                ) from None
            yield record_to_article(record, item, f"{name}:{lineno}", "jsonl")
        except InputError as exc:
            yield ItemError(item, exc)


_Stream = gzip.GzipFile | io.BufferedReader


def _bounded_lines(stream: _Stream, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of a stream; None for a line over ``max_bytes``, which is read past, not kept."""
    lineno = 0
    while line := stream.readline(max_bytes + 1):
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield lineno, None
        else:
            yield lineno, line


def stream_file(path: Path, origin: str, options: Options) -> Iterator[Yielded]:
    """A .jsonl (or .jsonl.gz) file read line by line: max_bytes limits each line, not the file.

    Corpora in JSON Lines are often far bigger than one article, so the file as
    a whole is neither held in memory nor refused for its size.
    """
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise InputError(
            f"cannot read: {exc.strerror or exc}", item=origin, hint="check the path and its permissions"
        ) from exc
    empty = True
    try:
        with raw:
            stream: _Stream = gzip.GzipFile(fileobj=raw) if raw.peek(2)[:2] == GZIP_MAGIC else raw
            # One error for a binary file, not one per "line" of it.
            check_not_binary(stream.peek(SNIFF_BYTES)[:SNIFF_BYTES], origin)
            for lineno, line in _bounded_lines(stream, options.max_bytes):
                empty = False
                if line is None:
                    item = f"{origin}:{lineno}"
                    err = TooLargeError(
                        f"line is over the limit of {options.max_bytes} bytes",
                        item=item,
                        hint="raise --max-bytes (max_bytes) or shorten the article",
                    )
                    yield ItemError(item, err)
                else:
                    yield from parse_lines([(lineno, line)], origin, path.name)
    except (OSError, EOFError) as exc:
        # A truncated or corrupt .gz: the lines read so far stand, the rest is one error.
        raise MalformedInputError(
            f"cannot read further ({exc})", item=origin, hint="the file is truncated or corrupt; re-create it"
        ) from exc
    if empty:
        raise EmptyInputError("empty file", item=origin, hint="remove it or add one JSON article per line")


def parse(loaded: Loaded, options: Options) -> Iterator[Yielded]:
    """JSON Lines already in memory (standard input, or sniffed from an unknown extension)."""
    if not loaded.text.strip():
        raise EmptyInputError("empty input", item=loaded.item, hint="give one JSON article per line")
    numbered = enumerate(loaded.text.split("\n"), start=1)
    yield from parse_lines(numbered, loaded.item, loaded.name or "stdin")


def _article_list(data: Any) -> list[Any] | None:
    """The article objects of a JSON document, or None when it is not an article list."""
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict) and "text" in data:
        return [data]
    if isinstance(data, list) and any(isinstance(x, dict) and "text" in x for x in data):
        return data
    return None


def parse_json(loaded: Loaded, options: Options) -> Iterator[Yielded]:
    """A .json file: a list of articles (or one article object); anything else is metadata and skipped."""
    try:
        data = json.loads(loaded.text)
    except ValueError as exc:
        raise MalformedInputError(f"not valid JSON ({exc})", item=loaded.item, hint="fix the JSON") from None
    records = _article_list(data)
    if records is None:
        yield ItemSkipped(
            loaded.item,
            "JSON file that is not an article list (no objects with a 'text' field): "
            "taken as metadata, such as a ground-truth file",
        )
        return
    for n, record in enumerate(records, start=1):
        item = f"{loaded.item}#{n}"
        try:
            yield record_to_article(record, item, f"{loaded.single_id()}#{n}", "jsonl")
        except InputError as exc:
            yield ItemError(item, exc)
