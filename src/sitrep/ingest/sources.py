"""Input paths -> the files to read: directories walked recursively in sorted order, ``-`` for stdin."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sitrep.datafiles import load_yaml
from sitrep.errors import DataFileError, InputError
from sitrep.ingest.loaded import STDIN_ITEM
from sitrep.ingest.results import ItemError, ItemSkipped

STDIN_ARG = "-"


@dataclass(frozen=True)
class Entry:
    item: str  # the path as the user will recognise it, or "<stdin>"
    path: Path | None  # None for standard input


def skip_rules(data_dirs: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(glob pattern, reason) pairs from data/ingest.yaml ``skip_in_directories``."""
    rules = []
    for rule in (load_yaml("ingest.yaml", data_dirs) or {}).get("skip_in_directories") or []:
        if not isinstance(rule, dict) or not rule.get("pattern") or not rule.get("reason"):
            raise DataFileError(
                f"skip_in_directories entry needs pattern and reason: {rule!r}", item="ingest.yaml"
            )
        rules.append((str(rule["pattern"]).lower(), str(rule["reason"])))
    return rules


def _skip_reason(name: str, rules: list[tuple[str, str]]) -> str | None:
    lower = name.lower()
    for pattern, reason in rules:
        if fnmatch.fnmatchcase(lower, pattern):
            return reason
    return None


def _walk(
    directory: Path, rules: list[tuple[str, str]], seen: set[Path]
) -> Iterator[Entry | ItemError | ItemSkipped]:
    real = directory.resolve()
    if real in seen:  # a symlink back to a directory already searched
        yield ItemSkipped(str(directory), "directory already searched (symbolic link loop)")
        return
    seen.add(real)
    try:
        children = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        err = InputError(
            f"cannot list directory: {exc.strerror or exc}", item=str(directory), hint="check permissions"
        )
        yield ItemError(str(directory), err)
        return
    for child in children:
        item = str(child)
        if child.name.startswith("."):
            kind = "directory, not searched" if child.is_dir() else "file"
            yield ItemSkipped(item, f"hidden {kind}")
        elif child.is_dir():
            yield from _walk(child, rules, seen)
        elif child.is_file():
            reason = _skip_reason(child.name, rules)
            yield ItemSkipped(item, reason) if reason else Entry(item, child)
        else:
            yield ItemSkipped(item, "not a regular file (socket, device, broken link...)")


def expand(
    paths: Sequence[str], data_dirs: tuple[str, ...] = ()
) -> Iterator[Entry | ItemError | ItemSkipped]:
    """Files in the order given; a directory's files recursively, sorted by name.

    Skip rules apply only inside directories: a file named explicitly is read.
    """
    rules: list[tuple[str, str]] | None = None
    seen: set[Path] = set()
    for arg in paths:
        if arg == STDIN_ARG:
            yield Entry(STDIN_ITEM, None)
            continue
        path = Path(arg)
        if path.is_dir():
            if rules is None:
                rules = skip_rules(data_dirs)
            yield from _walk(path, rules, seen)
        elif path.is_file():
            yield Entry(arg, path)
        elif path.exists() or path.is_symlink():
            hint = "give files, directories or - for standard input"
            err = InputError("not a regular file or directory (or a broken link)", item=arg, hint=hint)
            yield ItemError(arg, err)
        else:
            yield ItemError(arg, InputError("no such file or directory", item=arg, hint="check the path"))
