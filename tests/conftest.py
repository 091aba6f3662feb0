"""Shared fixtures: in-memory stores, the shared data folder, a real PostgreSQL server."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"

_db_counter = itertools.count()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """A PostgreSQL server on loopback for the whole session (Debian's binaries)."""
    from tests.pgserver import PgServer

    server = PgServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture()
def pg_url(pg_server: object) -> str:
    """A fresh, empty database on the session's server."""
    return pg_server.create_database(f"sitrep_test_{next(_db_counter)}")  # type: ignore[attr-defined]


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Both backends: a SQLite file and a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "sitrep.db")
    return str(request.getfixturevalue("pg_url"))
