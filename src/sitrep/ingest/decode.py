"""Bytes -> text: size limits, gzip, binary detection and charset decoding.

Each check raises an ``InputError`` subclass naming the item, the problem and the fix.
"""

from __future__ import annotations

import codecs
import gzip
import io
import zlib
from pathlib import Path
from typing import BinaryIO

import charset_normalizer

from sitrep.errors import BinaryInputError, DecodeError, InputError, MalformedInputError, TooLargeError

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 8192
# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Well-known binary formats, named so the message can say what the file is.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
# C0 control bytes that do occur in text files.
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x0b\x1b")
# Above this share of other control bytes the file is taken as binary.
_MAX_CONTROL_SHARE = 0.05
_HINT_TEXT = "give sitrep text, HTML, RSS/Atom, JSON Lines or a .gz of one of these"


def _too_large(item: str, size: int | str, max_bytes: int) -> TooLargeError:
    return TooLargeError(
        f"{size} bytes is over the limit of {max_bytes} bytes",
        item=item,
        hint="raise --max-bytes (max_bytes) or split the input",
    )


def read_path(path: Path, item: str, max_bytes: int) -> bytes:
    """The file's bytes; the size is checked before reading so a huge file is never loaded."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(item, size, max_bytes)
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(
            f"cannot read: {exc.strerror or exc}", item=item, hint="check the path and its permissions"
        ) from exc
    if len(data) > max_bytes:  # the file grew while we looked at it
        raise _too_large(item, f"more than {max_bytes}", max_bytes)
    return data


def read_stream(stream: BinaryIO, item: str, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(item, f"more than {max_bytes}", max_bytes)
    return data


def gunzip(data: bytes, item: str, max_bytes: int) -> bytes:
    """Decompress, refusing output over ``max_bytes`` (a small .gz can expand enormously)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            out = gz.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise MalformedInputError(
            f"not a valid gzip file ({exc})", item=item, hint="re-compress it, or pass the uncompressed file"
        ) from exc
    if len(out) > max_bytes:
        raise TooLargeError(
            f"decompresses to more than {max_bytes} bytes",
            item=item,
            hint="raise --max-bytes (max_bytes) or split the input",
        )
    return out


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def check_not_binary(data: bytes, item: str) -> None:
    """Raise ``BinaryInputError`` for NUL bytes, a known binary signature, or mostly control bytes."""
    if _bom_encoding(data) in ("utf-16", "utf-32"):
        return  # NUL bytes are normal there
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"binary file: this is {what}", item=item, hint=_HINT_TEXT)
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        raise BinaryInputError("binary file (contains NUL bytes)", item=item, hint=_HINT_TEXT)
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS)
    if head and controls / len(head) > _MAX_CONTROL_SHARE:
        raise BinaryInputError("binary file (mostly non-text bytes)", item=item, hint=_HINT_TEXT)


def decode(data: bytes, item: str) -> str:
    """UTF-8 (with or without BOM) or a BOM-marked UTF-16/32; else the charset charset-normalizer finds."""
    encoding = _bom_encoding(data)
    try:
        return data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        if encoding:
            raise DecodeError(
                f"declares {encoding} with a byte-order mark but is not valid {encoding} ({exc.reason})",
                item=item,
                hint="re-save the file as UTF-8",
            ) from exc
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeError(
            "not UTF-8 and no other character encoding fits the bytes",
            item=item,
            hint="re-save the file as UTF-8",
        )
    return str(best)
