"""The review library: users, value validation, corrections and their consistency with the
store's recompute path, status changes, merge/split constraints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sitrep import review
from sitrep.errors import AuthError, NotFoundError, ReviewError
from sitrep.options import Options
from sitrep.pipeline import recluster, resolve_pending
from sitrep.store import schema as s
from sitrep.store.core import Store

from .test_web_support import PASSWORD, build_store, event_of, make_docs


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return build_store(str(tmp_path / "sitrep.db"))


def test_users(store: Store) -> None:
    assert [(u["name"], u["role"]) for u in review.list_users(store)] == [
        ("ada", "admin"), ("rita", "reviewer"), ("vic", "viewer")]
    assert all("password_hash" not in u for u in review.list_users(store))
    assert review.authenticate(store, "rita", PASSWORD) == review.User("rita", "reviewer")
    for name, pw in (("rita", "not the password"), ("nobody", PASSWORD), ("rita", "")):
        with pytest.raises(AuthError):
            review.authenticate(store, name, pw)
    with pytest.raises(ReviewError, match="exists"):
        review.add_user(store, "rita", PASSWORD, "viewer")
    with pytest.raises(ReviewError, match="role"):
        review.add_user(store, "sam", PASSWORD, "superuser")
    with pytest.raises(ReviewError, match="short"):
        review.add_user(store, "sam", "1234", "viewer")
    with pytest.raises(ReviewError, match="user name"):
        review.add_user(store, "two words", PASSWORD, "viewer")
    with store.engine.connect() as conn:
        stored = conn.execute(select(s.users.c.password_hash).where(s.users.c.name == "rita")).scalar()
    assert stored and PASSWORD not in stored and stored.startswith("$2")
    review.set_password(store, "rita", "a new passphrase")
    assert review.authenticate(store, "rita", "a new passphrase").name == "rita"


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("event_date", "2021-03-04", "2021-03-04"),
    ("event_date_end", "", None),
    ("fatalities", "12", 12),
    ("fatalities", 3.0, 3),
    ("latitude", "15.5", 15.5),
    ("time_precision", 2, 2),
    ("location", "  Douentza ", "Douentza"),
    ("notes", "", ""),
    ("actor2", None, None),
    ("event_type", "Riots", "Riots"),
])
def test_coerce_value_accepts(field: str, value: Any, expected: Any) -> None:
    assert review.coerce_value(field, value) == expected


@pytest.mark.parametrize(("field", "value", "message"), [
    ("event_date", "04/03/2021", "ISO date"),
    ("event_date", "2021-02-30", "ISO date"),
    ("fatalities", "a dozen", "whole number"),
    ("fatalities", 2.5, "whole number"),
    ("fatalities", True, "whole number"),
    ("fatalities", -1, "between"),
    ("latitude", "nan", "number"),
    ("longitude", 200, "between"),
    ("geo_precision", 4, "between"),
    ("event_type", "Skirmish", "unknown event type"),
    ("civilian_targeting", "yes", "one of"),
    ("event_id", "x", "cannot be corrected"),
    ("provenance", {}, "cannot be corrected"),
    ("location", {"name": "x"}, "text"),
])
def test_coerce_value_refuses(field: str, value: Any, message: str) -> None:
    with pytest.raises(ReviewError, match=message):
        review.coerce_value(field, value)


def test_sub_event_type_must_fit_the_event_type() -> None:
    battle = {"event_type": "Battles"}
    assert review.coerce_value("sub_event_type", "Armed clash", current=battle) == "Armed clash"
    with pytest.raises(ReviewError, match="does not belong"):
        review.coerce_value("sub_event_type", "Peaceful protest", current=battle)


def test_correction_is_audited_and_matches_the_recompute_path(store: Store, tmp_path: Path) -> None:
    eid = event_of(store, "wire-mali-1")["event_id"]
    out = review.correct_event(store, eid, "location", "Boni village", "rita", "local name")
    assert out == {"field": "location", "old": "Boni", "new": "Boni village"}
    immediate = store.get_event(eid)
    assert immediate["location"] == "Boni village" and immediate["reviewed"] is True
    [entry] = immediate["audit"]
    assert (entry["user"], entry["action"], entry["old"], entry["new"], entry["reason"]) == (
        "rita", "correct", "Boni", "Boni village", "local name")
    _, n = store.list_events(store_filter(location="village"))
    assert n == 1  # the indexed column and the search text follow the correction
    _, n = store.list_events(store_filter(q="Boni village"))
    assert n == 1
    # re-merging from the reports (the store's write path) gives the same row
    recluster(store, [m["report_id"] for m in immediate["members"]], Options())
    recomputed = store.get_event(eid)
    for key in ("location", "fatalities", "event_date", "provenance", "reviewed", "status", "n_sources"):
        assert recomputed[key] == immediate[key], key
    # a second correction of the same field keeps one override and two audit rows
    review.correct_event(store, eid, "location", "Boni town", "ada", "admin can review too")
    ev = store.get_event(eid)
    assert ev["corrections"] == {"location": "Boni town"}
    assert [a["new"] for a in ev["audit"]] == ["Boni village", "Boni town"]


def store_filter(**kw: Any) -> Any:
    from sitrep.store.core import EventFilter

    return EventFilter(**kw)


def test_refusals(store: Store) -> None:
    eid = event_of(store, "wire-yemen-1")["event_id"]
    with pytest.raises(AuthError, match="may not change"):
        review.correct_event(store, eid, "fatalities", 3, "vic", "viewer tries")
    with pytest.raises(AuthError, match="unknown user"):
        review.reject_event(store, eid, "mallory", "not a user")
    with pytest.raises(AuthError):  # the role comes from the store, not from the caller's object
        review.add_note(store, eid, review.User("vic", "admin"), "forged role")
    with pytest.raises(ReviewError, match="reason"):
        review.correct_event(store, eid, "fatalities", 3, "rita", "  ")
    with pytest.raises(ReviewError, match="already"):
        review.correct_event(store, eid, "fatalities", 9, "rita", "same value")
    with pytest.raises(NotFoundError):
        review.correct_event(store, "M-none", "fatalities", 3, "rita", "x")
    assert store.get_event(eid)["audit"] == []


def test_status_note_review(store: Store) -> None:
    eid = event_of(store, "wire-ukraine-1")["event_id"]
    review.reject_event(store, eid, "rita", "not political")
    assert store.list_events()[1] == 2
    ev = store.get_event(eid)
    assert ev["status"] == "rejected" and ev["reviewed"] is True
    review.restore_event(store, eid, "rita", "it was")
    review.mark_reviewed(store, eid, "rita", reviewed=False)
    review.add_note(store, eid, "rita", "ask the stringer")
    assert [(a["action"], a["old"], a["new"]) for a in review.audit_trail(store, eid)] == [
        ("reject", "active", "rejected"), ("restore", "rejected", "active"), ("review", True, False),
        ("note", None, None)]
    assert store.get_event(eid)["status"] == "active"


def test_merge_then_split_records_constraints(store: Store) -> None:
    a = event_of(store, "wire-yemen-1")["event_id"]
    b = event_of(store, "wire-ukraine-1")["event_id"]
    [merged] = review.merge_events(store, a, b, "rita", "same incident")
    assert [c["kind"] for c in store.constraints()] == ["must_link"]
    members = store.get_event(merged)["members"]
    off = [m["report_id"] for m in members if m["article_id"] == "wire-ukraine-1"]
    after = review.split_event(store, merged, off, "rita", "two incidents")
    assert len(after) == 2
    # the later decision replaced the earlier one: no contradiction left behind
    assert [c["kind"] for c in store.constraints()] == ["cannot_link"]
    # and it holds when new reports are merged later
    resolve_pending(store, Options())
    assert store.list_events()[1] == 3
    with pytest.raises(ReviewError, match="some, but not all"):
        review.split_event(store, after[0], [m for m in [r["report_id"] for r in
                                                          store.get_event(after[0])["members"]]], "rita", "x")
    with pytest.raises(ReviewError, match="itself"):
        review.merge_events(store, a, a, "rita", "x")


def test_correction_survives_reprocessing(store: Store) -> None:
    eid = event_of(store, "wire-mali-2")["event_id"]
    review.correct_event(store, eid, "fatalities", 6, "rita", "final toll")
    review.reject_event(store, eid, "rita", "checking")
    for doc in make_docs():
        store.save_document(doc)
    resolve_pending(store, Options())
    ev = store.get_event(eid)
    assert (ev["fatalities"], ev["status"], ev["reviewed"]) == (6, "rejected", True)
    assert len(ev["audit"]) == 2
