"""Loading domain data files (actors, lexicons, taxonomy, gazetteer additions).

Data files live in ``sitrep/data/``.  Users extend them by putting a file of
the same name in a directory listed in ``Options.data_dirs`` (or the
``SITREP_DATA_DIRS`` environment variable): YAML lists and mappings are
*merged* with the bundled file (user entries first, so they win), CSV rows are
appended.
"""

from __future__ import annotations

import csv
import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from sitrep.errors import DataFileError

BUNDLED = Path(str(resources.files("sitrep") / "data"))


def _paths(name: str, data_dirs: tuple[str, ...]) -> list[Path]:
    paths = [Path(d) / name for d in data_dirs if (Path(d) / name).exists()]
    bundled = BUNDLED / name
    if bundled.exists():
        paths.append(bundled)
    if not paths:
        raise DataFileError(f"data file {name!r} not found", hint=f"looked in {BUNDLED} and {data_dirs}")
    return paths


def _merge(a: Any, b: Any) -> Any:
    """Merge b (bundled) into a (user): lists concatenate, mappings merge recursively."""
    if isinstance(a, list) and isinstance(b, list):
        return a + b
    if isinstance(a, dict) and isinstance(b, dict):
        out = dict(b)
        for k, v in a.items():
            out[k] = _merge(v, b[k]) if k in b else v
        return out
    return a


@functools.lru_cache(maxsize=64)
def load_yaml(name: str, data_dirs: tuple[str, ...] = ()) -> Any:
    result: Any = None
    for path in _paths(name, data_dirs):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise DataFileError(f"invalid YAML: {exc}", item=str(path)) from exc
        result = data if result is None else _merge(result, data)
    return result


@functools.lru_cache(maxsize=64)
def load_csv(name: str, data_dirs: tuple[str, ...] = ()) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in _paths(name, data_dirs):
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                rows.extend(
                    {k: (v or "").strip() for k, v in row.items()}
                    for row in csv.DictReader(line for line in fh if not line.startswith("#"))
                )
        except (OSError, csv.Error) as exc:
            raise DataFileError(f"invalid CSV: {exc}", item=str(path)) from exc
    return rows
