"""Bad input: each case is one clear ItemError naming the item, and the iteration goes on."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest

from sitrep.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputError,
    MalformedInputError,
    TooLargeError,
)
from sitrep.ingest import ItemError
from sitrep.options import Options
from tests.test_ingest_helpers import articles, errors, one_error, read_all

GOOD = "Militants attacked a checkpoint in Sinai on Saturday, killing four soldiers, the army said.\n"


def _random_high_bytes(n: int) -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(n))


CASES = {
    "nul.txt": (b"Some text\x00\x01\x02 with NUL bytes" * 10, BinaryInputError, "NUL"),
    "doc.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", BinaryInputError, "PDF"),
    "ctrl.txt": (bytes(range(1, 9)) * 50 + b"abc", BinaryInputError, "non-text"),
    "empty.txt": (b"", EmptyInputError, "empty"),
    "blank.txt": (b"  \n\n\t \n", EmptyInputError, "whitespace"),
    "dateonly.txt": (b"date 2019-05-01\n\n", EmptyInputError, "date line but no article text"),
    "garbled.txt": (_random_high_bytes(600), DecodeError, "encoding"),
    "badbom.txt": (b"\xff\xfeA\x00B", DecodeError, "utf-16"),
    "badgz.txt.gz": (b"\x1f\x8b\x08\x00garbage-not-deflate", MalformedInputError, "gzip"),
    "empty.html": (b"<html><body></body></html>", MalformedInputError, "no article text"),
    "empty.jsonl": (b"", EmptyInputError, "empty"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_bad_input_is_one_clear_error(tmp_path: Path, name: str) -> None:
    data, kind, words = CASES[name]
    f = tmp_path / name
    f.write_bytes(data)
    err = one_error(f)
    assert isinstance(err.error, kind), err
    assert isinstance(err.error, InputError)
    message = str(err.error)
    assert message.startswith(f"{f}: ")  # names the item
    assert words.lower() in message.lower()  # says the problem
    assert err.error.hint  # and what to do about it
    assert "\n" not in message  # one line


def test_too_large_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "huge.txt"
    f.write_text(GOOD * 200)
    opened: list[object] = []
    real_open = Path.open

    def spy(self: Path, *a: object, **kw: object) -> object:
        opened.append(self)
        return real_open(self, *a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy)
    err = one_error(f, options=Options(max_bytes=1000))
    assert isinstance(err.error, TooLargeError) and "over the limit of 1000 bytes" in str(err.error)
    assert f not in opened


def test_gzip_bomb_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "bomb.txt.gz"
    f.write_bytes(gzip.compress(b"a" * 50_000))
    err = one_error(f, options=Options(max_bytes=10_000))
    assert isinstance(err.error, TooLargeError) and "decompresses" in str(err.error)


def test_stdin_too_large(tmp_path: Path) -> None:
    err = one_error("-", stdin=GOOD.encode() * 100, options=Options(max_bytes=500))
    assert isinstance(err.error, TooLargeError) and err.item == "<stdin>"


def test_missing_path_is_an_error_and_others_go_on(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(GOOD)
    items = read_all(tmp_path / "nope.txt", tmp_path / "ok.txt")
    assert isinstance(items[0], ItemError) and "no such file" in str(items[0].error)
    assert [a.id for a in articles(items)] == ["ok.txt"]


def test_corrupt_file_among_good_ones(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary\x00" * 20)
    (tmp_path / "c.html").write_text(
        "<html><head><title>Sinai attack</title></head><body><article><p>"
        + GOOD * 3
        + "</p></article></body></html>"
    )
    (tmp_path / "d.jsonl").write_text('{"id": "d1", "text": "Shelling in Idlib."}\n')
    items = read_all(tmp_path)
    assert [a.id for a in articles(items)] == ["a.txt", "c.html", "d1"]
    errs = errors(items)
    assert len(errs) == 1 and errs[0].item == str(tmp_path / "b.txt")


def test_a_parser_crash_is_contained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.ingest import formats

    def boom(loaded: object, options: object) -> object:
        raise RuntimeError("parser bug")

    monkeypatch.setitem(formats.FORMATS, "html", boom)
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "b.txt").write_text(GOOD)
    items = read_all(tmp_path)
    assert [a.id for a in articles(items)] == ["b.txt"]
    err = errors(items)[0]
    assert isinstance(err.error, MalformedInputError) and "RuntimeError: parser bug" in str(err.error)


def test_binary_jsonl_is_one_error_not_one_per_line(tmp_path: Path) -> None:
    f = tmp_path / "dump.jsonl"
    f.write_bytes(b"\x00\x01\x02\n" * 500)
    err = one_error(f)
    assert isinstance(err.error, BinaryInputError) and err.item == str(f)


def test_truncated_jsonl_gz_keeps_lines_read_so_far(tmp_path: Path) -> None:
    lines = "".join(f'{{"id": "t{i}", "text": "Rocket fire hit Sderot, report {i}."}}\n' for i in range(2000))
    packed = gzip.compress(lines.encode())
    f = tmp_path / "cut.jsonl.gz"
    f.write_bytes(packed[: len(packed) // 2])
    items = read_all(f)
    arts, errs = articles(items), errors(items)
    assert len(arts) > 100 and arts[0].id == "t0"
    assert len(errs) == 1 and errs[0].item == str(f) and isinstance(errs[0].error, MalformedInputError)
    assert "truncated" in str(errs[0].error)
