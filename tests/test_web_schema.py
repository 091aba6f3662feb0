"""Property-based API tests: schemathesis generates requests from /openapi.json against the ASGI
app (in-process) and checks there is no server error and every response matches its schema.

Twice: anonymously (writes must be refused, not crash) and as a signed-in reviewer with a valid
CSRF token (writes run against a throw-away store).  Ingest is left out of the signed-in run:
it would run the NLP model on random bytes for every example (tests/test_web_api.py covers it).
Examples per operation: $SITREP_SCHEMATHESIS_EXAMPLES (default 15).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")

from fastapi import FastAPI  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance  # noqa: E402

from sitrep.options import Options  # noqa: E402
from sitrep.web import create_app  # noqa: E402

from .test_web_support import PASSWORD, build_store  # noqa: E402

EXAMPLES = int(os.environ.get("SITREP_SCHEMATHESIS_EXAMPLES", "15"))
CHECKS = [not_a_server_error, response_schema_conformance]


@pytest.fixture(scope="module")
def web_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    db = str(tmp_path_factory.mktemp("schema") / "sitrep.db")
    return create_app(Options(db=db), store=build_store(db), secret="schema-test")


@pytest.fixture(scope="module")
def api_schema(web_app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", web_app)


@pytest.fixture(scope="module")
def reviewer_headers(web_app: FastAPI) -> dict[str, str]:
    client = TestClient(web_app)
    r = client.post("/api/v1/auth/login", json={"name": "rita", "password": PASSWORD})
    assert r.status_code == 200
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    return {"Cookie": cookie, "X-CSRF-Token": r.json()["csrf_token"]}


def _run_all(api_schema: Any, headers: dict[str, str] | None, skip: str | None = None) -> int:
    """Every operation, EXAMPLES generated cases each; raises on the first failing check.

    (The loop stands in for schemathesis' pytest plugin, which does not run under the pytest
    this project pins.)"""
    ran = 0
    for result in api_schema.get_all_operations():
        op = result.ok()
        if skip and op.path.startswith(skip):
            continue

        @given(case=op.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None)
        def check(case: Any) -> None:
            case.call_and_validate(headers=headers, checks=CHECKS)

        check()
        ran += 1
    return ran


def test_anonymous_requests_never_fail_on_the_server(api_schema: Any) -> None:
    assert _run_all(api_schema, None) >= 15


def test_reviewer_requests_never_fail_on_the_server(api_schema: Any,
                                                    reviewer_headers: dict[str, str]) -> None:
    assert _run_all(api_schema, reviewer_headers, skip="/api/v1/ingest") >= 13


def test_spec_documents_every_route() -> None:
    spec = create_app(Options(db=":memory:"), secret="x").openapi()
    paths = set(spec["paths"])
    for p in ("/api/v1/events", "/api/v1/events/{event_id}", "/api/v1/events/points", "/api/v1/events/stats",
              "/api/v1/articles", "/api/v1/claims", "/api/v1/export", "/api/v1/ingest/files",
              "/api/v1/ingest/articles", "/api/v1/auth/login", "/api/v1/events/{event_id}/split"):
        assert p in paths, p
    # response models, not bare objects: the schema says what comes back
    ok = spec["paths"]["/api/v1/events/{event_id}"]["get"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/EventDetail"}
    assert Path(__file__).exists()
