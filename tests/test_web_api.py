"""HTTP API tests (FastAPI TestClient) on SQLite and PostgreSQL, with hand-built stores."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.options import Options
from sitrep.pipeline import resolve_pending
from sitrep.web import create_app

from .test_web_support import PASSWORD, SCRIPT, build_store, event_of, make_docs


@pytest.fixture()
def env(db_url: str) -> dict[str, Any]:
    store = build_store(db_url)
    app = create_app(Options(db=db_url), store=store, secret="test-secret")
    return {"client": TestClient(app), "store": store, "db": db_url,
            "mali": event_of(store, "wire-mali-1")["event_id"],
            "yemen": event_of(store, "wire-yemen-1")["event_id"],
            "ukraine": event_of(store, "wire-ukraine-1")["event_id"]}


def login(client: TestClient, name: str) -> dict[str, str]:
    r = client.post("/api/v1/auth/login", json={"name": name, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"X-CSRF-Token": r.json()["csrf_token"]}


def total(client: TestClient, **params: Any) -> int:
    r = client.get("/api/v1/events", params=params)
    assert r.status_code == 200, r.text
    return int(r.json()["total"])


def test_filters(env: dict[str, Any]) -> None:
    c = env["client"]
    assert total(c) == 3
    assert total(c, event_type="Battles") == 1
    assert total(c, sub_event_type="Air/drone strike") == 1
    assert total(c, date_from="2020-01-01") == 2
    assert total(c, date_from="2020-01-01", date_to="2020-12-31") == 1
    assert total(c, actor="saudi") == 1
    assert total(c, location="boni") == 1
    assert total(c, country="Yemen") == 1
    assert total(c, admin1="kharkiv") == 1
    assert total(c, bbox="-5,10,5,20") == 1  # Mali only
    assert total(c, q="demonstrators") == 1
    assert total(c, source="Wire B") == 1  # only the merged Mali event has Wire B
    assert total(c, reviewed="false") == 3
    assert total(c, reviewed="true") == 0
    assert total(c, article_id="wire-mali-2") == 1


def test_sort_and_pagination(env: dict[str, Any]) -> None:
    c = env["client"]
    r = c.get("/api/v1/events", params={"sort": "fatalities", "desc": "true"}).json()
    assert [e["fatalities"] for e in r["items"]] == [9, 4, 0]
    page = c.get("/api/v1/events", params={"limit": 1, "offset": 1, "sort": "event_date"}).json()
    assert page["total"] == 3 and len(page["items"]) == 1
    assert page["items"][0]["event_id"] == env["yemen"]
    for bad in ({"sort": "password"}, {"limit": 0}, {"limit": 10_000}, {"offset": -1},
                {"date_from": "yesterday"}, {"bbox": "1,2,3"}, {"bbox": "0,50,10,40"}):
        r = c.get("/api/v1/events", params=bad)
        assert r.status_code == 422, (bad, r.text)
        assert r.json()["error"]["message"]


def test_event_page_has_provenance_conflicts_and_merge_explanation(env: dict[str, Any]) -> None:
    ev = env["client"].get(f"/api/v1/events/{env['mali']}").json()
    assert ev["n_sources"] == 2
    assert sorted(s["article_id"] for s in ev["sources"]) == ["wire-mali-1", "wire-mali-2"]
    assert {s["source"] for s in ev["sources"]} == {"Wire A", "Wire B"}
    assert sorted(v["value"] for v in ev["conflicts"]["fatalities"]) == [4, 5]
    assert len(ev["members"]) == 2
    assert any(m["explanation"] for m in ev["members"])  # the joining report says why it joined
    texts = {e["text"] for e in ev["provenance"]["fatalities"]}
    assert texts == {"killing four soldiers", "Five soldiers were killed"}
    assert ev["audit"] == [] and ev["corrections"] == {}
    r = env["client"].get("/api/v1/events/no-such-event")
    assert r.status_code == 404
    assert r.json()["error"]["type"] == "NotFoundError"


def test_points_stats_meta(env: dict[str, Any]) -> None:
    c = env["client"]
    pts = c.get("/api/v1/events/points", params={"event_type": "Protests"}).json()
    assert pts["total"] == 1 and not pts["truncated"]
    eid, lat, lon, etype, date, loc = pts["points"][0]
    assert (eid, etype, date, loc) == (env["ukraine"], "Protests", "2014-05-05", "Kharkiv")
    assert (lat, lon) == (49.99, 36.23)
    stats = c.get("/api/v1/events/stats").json()
    assert stats["by_type"] == {"Battles": 1, "Explosions/Remote violence": 1, "Protests": 1}
    assert sum(d["n"] for d in stats["per_day"]) == 3
    assert sum(d["fatalities"] for d in stats["per_day"]) == 13
    meta = c.get("/api/v1/meta").json()
    assert "fatalities" in meta["correctable"] and "Armed clash" in meta["event_types"]["Battles"]
    assert meta["summary"]["events"] == 3


def test_articles_and_claims(env: dict[str, Any]) -> None:
    c = env["client"]
    lst = c.get("/api/v1/articles", params={"limit": 2}).json()
    assert lst["total"] == 4 and len(lst["items"]) == 2
    art = c.get("/api/v1/articles/wire-mali-1").json()
    assert art["sentences"] and {m["kind"] for m in art["mentions"]} == {"entity", "time", "place", "actor"}
    for m in art["mentions"]:
        assert art["text"][m["start"]:m["end"]] == m["text"]
    assert art["reports"][0]["merged_event_id"] == env["mali"]
    assert isinstance(art["metadata"], dict)  # how the date was read, when it needed reading
    assert c.get("/api/v1/articles/nope").status_code == 404
    assert c.get("/api/v1/claims").json()["total"] == 0


def test_script_in_article_is_returned_as_data_never_as_html(env: dict[str, Any]) -> None:
    c = env["client"]
    r = c.get("/api/v1/articles/wire-yemen-1")
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert SCRIPT in r.json()["text"]
    # pages are static shells: data is never rendered into HTML on the server
    for path in ("/", f"/events/{env['yemen']}", "/login"):
        page = c.get(path)
        assert page.status_code == 200 and "window.__pwned" not in page.text
        assert "script-src 'self'" in page.headers["content-security-policy"]
    docs = c.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    spec = c.get("/openapi.json").json()
    assert "/api/v1/events" in spec["paths"] and "/api/v1/events/{event_id}/corrections" in spec["paths"]


def test_auth_csrf_and_roles(env: dict[str, Any]) -> None:
    c, mali = env["client"], env["mali"]
    body = {"field": "fatalities", "value": 6, "reason": "official toll"}
    url = f"/api/v1/events/{mali}/corrections"
    r = c.post(url, json=body)
    assert r.status_code == 401 and r.json()["error"]["type"] == "AuthError"
    r = c.post("/api/v1/auth/login", json={"name": "rita", "password": "wrong password"})
    assert r.status_code == 401
    assert c.get("/api/v1/auth/me").json()["name"] is None
    # viewer: signed in, valid token, still refused
    headers = login(c, "vic")
    r = c.post(url, json=body, headers=headers)
    assert r.status_code == 403 and "read-only" in r.json()["error"]["message"]
    # reviewer without, or with a wrong, CSRF token
    headers = login(c, "rita")
    assert c.post(url, json=body).status_code == 403
    r = c.post(url, json=body, headers={"X-CSRF-Token": "forged"})
    assert r.status_code == 403 and "CSRF" in r.json()["error"]["message"]
    # a tampered session cookie is anonymous
    tampered = (c.cookies.get("sitrep_session") or "") + "x"
    c.cookies.clear()
    c.cookies.set("sitrep_session", tampered)
    assert c.post(url, json=body, headers=headers).status_code == 401
    c.cookies.clear()
    headers = login(c, "rita")
    assert c.get("/api/v1/auth/me").json() == {"name": "rita", "role": "reviewer",
                                                "csrf_token": headers["X-CSRF-Token"],
                                                "read_requires_login": False}
    assert c.post(url, json=body, headers=headers).status_code == 200
    c.post("/api/v1/auth/logout")
    assert c.post(url, json={**body, "value": 8}, headers=headers).status_code == 401
    assert env["store"].get_event(mali)["fatalities"] == 6


def test_read_can_require_login(env: dict[str, Any]) -> None:
    app = create_app(Options(db=env["db"]), store=env["store"], secret="s", read_requires_login=True)
    c = TestClient(app)
    assert c.get("/api/v1/events").status_code == 401
    assert c.get("/api/v1/export").status_code == 401
    login(c, "vic")
    assert c.get("/api/v1/events").json()["total"] == 3


def _csv(c: TestClient, **params: Any) -> list[dict[str, str]]:
    r = c.get("/api/v1/export", params={"format": "csv", **params})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(r.text)))


def test_correction_shows_in_export_with_audit(env: dict[str, Any]) -> None:
    c, mali = env["client"], env["mali"]
    headers = login(c, "rita")
    r = c.post(f"/api/v1/events/{mali}/corrections", headers=headers,
               json={"field": "fatalities", "value": "7", "reason": "hospital toll"})
    assert r.status_code == 200, r.text
    out = r.json()
    assert (out["old"], out["new"], out["event"]["fatalities"], out["event"]["reviewed"]) == (4, 7, 7, True)
    rows = {row["event_id_cnty"]: row for row in _csv(c)}
    assert rows[mali]["fatalities"] == "7" and rows[mali]["reviewed"] == "yes"
    # only reviewed events when unreviewed ones are left out
    assert [row["event_id_cnty"] for row in _csv(c, include_unreviewed="false")] == [mali]
    ev = c.get(f"/api/v1/events/{mali}").json()
    assert ev["corrections"] == {"fatalities": 7}
    [entry] = ev["audit"]
    assert (entry["action"], entry["field"], entry["old"], entry["new"], entry["user"], entry["reason"]) == (
        "correct", "fatalities", 4, 7, "rita", "hospital toll")
    geo = c.get("/api/v1/export", params={"format": "geojson"}).json()
    feat = next(f for f in geo["features"] if mali in json.dumps(f["properties"]))
    assert feat["geometry"]["coordinates"] == [-1.93, 15.03]
    lines = c.get("/api/v1/export", params={"format": "jsonl", "event_type": "Battles"}).text.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["fatalities"] == 7
    # invalid corrections: 400 with the reason
    for bad in ({"field": "fatalities", "value": "many"}, {"field": "event_date", "value": "03/02/2021"},
                {"field": "event_id", "value": "x"}, {"field": "sub_event_type", "value": "Peaceful protest"},
                {"field": "latitude", "value": 123}):
        r = c.post(f"/api/v1/events/{mali}/corrections", headers=headers, json={**bad, "reason": "test"})
        assert r.status_code == 400, (bad, r.text)
    r = c.post(f"/api/v1/events/{mali}/corrections", headers=headers,
               json={"field": "fatalities", "value": 1, "reason": ""})
    assert r.status_code == 422


def test_reject_restore_review_note(env: dict[str, Any]) -> None:
    c, yemen = env["client"], env["yemen"]
    headers = login(c, "rita")
    r = c.post(f"/api/v1/events/{yemen}/reject", headers=headers, json={"reason": "duplicate"})
    assert r.status_code == 200
    assert total(c) == 2 and total(c, include_rejected="true") == 3
    assert yemen not in c.get("/api/v1/export", params={"format": "jsonl"}).text
    r = c.post(f"/api/v1/events/{yemen}/reject", headers=headers, json={"reason": "again"})
    assert r.status_code == 400
    r = c.post(f"/api/v1/events/{yemen}/restore", headers=headers, json={"reason": "not a dup"})
    assert r.status_code == 200
    assert total(c) == 3
    assert total(c, reviewed="true") == 1  # deciding an event is wrong or right is a review
    assert c.post(f"/api/v1/events/{yemen}/review", headers=headers, json={}).status_code == 400
    r = c.post(f"/api/v1/events/{yemen}/review", headers=headers, json={"reviewed": False})
    assert r.status_code == 200
    assert total(c, reviewed="true") == 0
    assert c.post(f"/api/v1/events/{yemen}/notes", headers=headers,
                  json={"text": "check the medics' count"}).status_code == 200
    actions = [(a["action"], a["reason"]) for a in c.get(f"/api/v1/events/{yemen}").json()["audit"]]
    assert actions == [("reject", "duplicate"), ("restore", "not a dup"), ("review", None),
                       ("note", "check the medics' count")]


def test_merge_and_split(env: dict[str, Any]) -> None:
    c, yemen, ukraine = env["client"], env["yemen"], env["ukraine"]
    headers = login(c, "rita")
    r = c.post(f"/api/v1/events/{yemen}/merge", headers=headers, json={"other": ukraine, "reason": "same"})
    assert r.status_code == 200, r.text
    [merged] = r.json()["event_ids"]
    ev = c.get(f"/api/v1/events/{merged}").json()
    assert sorted(ev["article_ids"]) == ["wire-ukraine-1", "wire-yemen-1"]
    assert total(c) == 2
    split_off = next(m["report_id"] for m in ev["members"] if m["article_id"] == "wire-ukraine-1")
    r = c.post(f"/api/v1/events/{merged}/split", headers=headers,
               json={"report_ids": [split_off], "reason": "different places"})
    assert r.status_code == 200, r.text
    assert len(r.json()["event_ids"]) == 2 and total(c) == 3
    assert [a["action"] for a in c.get(f"/api/v1/events/{merged}").json()["audit"]] == ["merge", "split"]
    r = c.post(f"/api/v1/events/{merged}/split", headers=headers,
               json={"report_ids": ["not-a-member"], "reason": "x"})
    assert r.status_code == 400


def test_ingest_requires_a_reviewer(env: dict[str, Any]) -> None:
    c = env["client"]
    files = {"files": ("a.txt", b"Rebels shelled a village near Goma on Monday.", "text/plain")}
    assert c.post("/api/v1/ingest/files", files=files).status_code == 401
    headers = login(c, "vic")
    assert c.post("/api/v1/ingest/files", files=files, headers=headers).status_code == 403
    assert c.post("/api/v1/ingest/articles", json={"articles": [{"text": "x"}]},
                  headers=headers).status_code == 403
    headers = login(c, "rita")
    r = c.post("/api/v1/ingest/articles", json={"articles": []}, headers=headers)
    assert r.status_code == 422


def test_correction_survives_reprocessing_hand_built(env: dict[str, Any]) -> None:
    """The store's recompute path re-applies corrections: re-save the articles and re-merge."""
    c, mali, store = env["client"], env["mali"], env["store"]
    headers = login(c, "rita")
    c.post(f"/api/v1/events/{mali}/corrections", headers=headers,
           json={"field": "location", "value": "Boni (Hombori commune)", "reason": "gazetteer name"})
    for doc in make_docs()[:2]:
        store.save_document(doc)  # what re-ingesting with --force does to an article's reports
    resolve_pending(store, Options(db=env["db"]))
    ev = c.get(f"/api/v1/events/{mali}").json()
    assert ev["location"] == "Boni (Hombori commune)" and ev["reviewed"] is True
    assert total(c, location="Hombori") == 1
    assert ev["provenance"]["location"][0]["note"].startswith("corrected by a reviewer")


# ---------------------------------------------------------------------- with the real pipeline
WIRE = ("date 2022-11-08\nGOMA, Nov 8 (Wire) - M23 rebels attacked Congolese army positions near the town of "
        "Rutshuru on Monday, killing six soldiers, an army spokesman said.\n")


@pytest.mark.model
def test_ingest_upload_and_correction_survives_forced_reprocessing(env: dict[str, Any]) -> None:
    c = env["client"]
    headers = login(c, "rita")
    files = [("files", ("goma.txt", WIRE.encode(), "text/plain")),
             ("files", ("blob.txt", bytes(range(256)) * 4, "application/octet-stream")),
             ("files", ("empty.txt", b"  \n", "text/plain"))]
    r = c.post("/api/v1/ingest/files", files=files, headers=headers)
    assert r.status_code == 200, r.text
    s = r.json()
    assert (s["stored"], s["failed"]) == (1, 2)
    failed = {i["item"] for i in s["items"] if i["status"] == "failed"}
    assert failed == {"upload:blob.txt", "upload:empty.txt"}
    stored = next(i for i in s["items"] if i["status"] == "stored")
    rows = c.get("/api/v1/events", params={"article_id": stored["article_id"]}).json()["items"]
    if not rows:
        pytest.skip("the extractor found no event in the test article")
    eid = rows[0]["event_id"]
    r = c.post(f"/api/v1/events/{eid}/corrections", headers=headers,
               json={"field": "fatalities", "value": 11, "reason": "later toll"})
    assert r.status_code == 200, r.text
    again = c.post("/api/v1/ingest/files", params={"force": "true"}, headers=headers,
                   files={"files": ("goma.txt", WIRE.encode(), "text/plain")}).json()
    assert again["stored"] == 1
    ev = c.get(f"/api/v1/events/{eid}").json()
    assert ev["fatalities"] == 11 and ev["audit"][0]["new"] == 11
    # JSON articles: the same per-item rules
    r = c.post("/api/v1/ingest/articles", headers=headers,
               json={"articles": [{"text": WIRE.split("\n", 1)[1], "date": "2022-11-08",
                                   "source": "Wire D"}]})
    assert r.status_code == 200 and r.json()["failed"] == 0


def test_odd_input_is_a_client_error_on_both_backends(env: dict[str, Any]) -> None:
    """PostgreSQL refuses NUL characters in text; that is the client's error, not a 500."""
    c = env["client"]
    for path, params in (("/api/v1/events/a%00b", {}), ("/api/v1/events", {"q": "a\x00b"}),
                         ("/api/v1/articles", {"q": "\x00"}), ("/api/v1/claims", {"speaker": "\x00"})):
        r = c.get(path, params=params)
        assert r.status_code in (200, 404, 422), (path, params, r.status_code, r.text)
