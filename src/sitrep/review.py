"""Review: local users and the actions reviewers take on merged events.

This is the library; the HTTP API (sitrep.web) and the CLI are thin faces over
it, so every rule lives here once:

- users have a role: ``viewer`` (read only), ``reviewer`` (may change events),
  ``admin`` (reviewer + user management).  Every action checks the acting
  user's role in the store, so a caller cannot skip the check.
- a correction is stored in ``corrections`` (the current override of a field)
  and ``audit`` (who, when, old, new, why).  The store re-applies corrections
  whenever an event is recomputed (``Store.write_events``); the immediate update
  here goes through the same ``apply_corrections`` so both paths agree.
- merge/split decisions are stored as must_link / cannot_link constraints
  between reports and the merge stage is re-run for the reports involved, so
  they too survive re-processing.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import bcrypt
from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from sitrep.datafiles import load_yaml
from sitrep.errors import AuthError, DataFileError, NotFoundError, ReviewError
from sitrep.options import Options
from sitrep.records import Event
from sitrep.review_apply import CORRECTABLE, apply_corrections
from sitrep.serialize import event_from_dict, to_jsonable
from sitrep.store import schema as s
from sitrep.store.core import Store, _event_row, now

ROLES = ("viewer", "reviewer", "admin")
WRITE_ROLES = ("reviewer", "admin")
MIN_PASSWORD = 8
MAX_NAME = 128
MAX_REASON = 4000
BCRYPT_ROUNDS = 12  # bcrypt's cost factor (2**12 rounds, ~0.2 s a hash); tests lower it


@dataclass(frozen=True)
class User:
    name: str
    role: str

    @property
    def can_write(self) -> bool:
        return self.role in WRITE_ROLES


# ---------------------------------------------------------------------- users
def _hash(password: str) -> str:
    # bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(BCRYPT_ROUNDS)).decode("ascii")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ReviewError(f"password too short (at least {MIN_PASSWORD} characters)")
    if len(password.encode("utf-8")) > 72:
        raise ReviewError("password too long (at most 72 bytes)")


def add_user(store: Store, name: str, password: str, role: str = "reviewer") -> User:
    """Create a local account.  Raises ReviewError for a bad name/role/password or an existing name."""
    name = (name or "").strip()
    if not name or len(name) > MAX_NAME or any(c.isspace() or not c.isprintable() for c in name):
        raise ReviewError("user name must be 1-128 printable characters without spaces", item=name or None)
    if role not in ROLES:
        raise ReviewError(f"unknown role {role!r}", item=name, hint=f"use one of {', '.join(ROLES)}")
    _check_password(password)
    with store.engine.begin() as conn:
        if conn.execute(select(s.users.c.name).where(s.users.c.name == name)).first():
            raise ReviewError("user already exists", item=name, hint="use set_password to change a password")
        conn.execute(insert(s.users).values(name=name, password_hash=_hash(password), role=role,
                                            created_at=now()))
    return User(name, role)


def set_password(store: Store, name: str, password: str) -> None:
    _check_password(password)
    with store.engine.begin() as conn:
        res = conn.execute(update(s.users).where(s.users.c.name == name)
                           .values(password_hash=_hash(password)))
        if not res.rowcount:
            raise NotFoundError("no such user", item=name)


def list_users(store: Store) -> list[dict[str, Any]]:
    """Users without their password hashes."""
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(
            select(s.users.c.name, s.users.c.role, s.users.c.created_at).order_by(s.users.c.name)).mappings()]


def get_user(store: Store, name: str) -> User:
    with store.engine.connect() as conn:
        return _user(conn, name)


def _user(conn: Connection, name: str) -> User:
    row = conn.execute(select(s.users.c.name, s.users.c.role).where(s.users.c.name == name)).first()
    if row is None:
        raise AuthError("unknown user", item=name)
    return User(row.name, row.role)


@functools.lru_cache(maxsize=1)
def _dummy_hash() -> bytes:
    # checked against when the user does not exist, so the response time does not reveal names
    return bcrypt.hashpw(b"not-a-password", bcrypt.gensalt(BCRYPT_ROUNDS))


def authenticate(store: Store, name: str, password: str) -> User:
    """The user if the password matches; AuthError otherwise (same message for both failures)."""
    with store.engine.connect() as conn:
        row = conn.execute(select(s.users).where(s.users.c.name == (name or "").strip())).mappings().first()
    hashed = row["password_hash"].encode("ascii") if row else _dummy_hash()
    try:
        ok = bcrypt.checkpw((password or "").encode("utf-8")[:72], hashed)
    except ValueError:
        ok = False
    if not row or not ok:
        raise AuthError("wrong user name or password")
    return User(row["name"], row["role"])


def _writer(conn: Connection, user: str | User) -> User:
    """The acting user from the store (never trusted from the caller), refused unless it may write."""
    u = _user(conn, user.name if isinstance(user, User) else user)
    if not u.can_write:
        raise AuthError(f"role {u.role!r} may not change events", item=u.name,
                        hint="ask an admin for the reviewer role")
    return u


# ---------------------------------------------------------------------- value validation
_HINTS = typing.get_type_hints(Event)


@functools.lru_cache(maxsize=8)
def _rules(data_dirs: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    try:
        return dict((load_yaml("review_fields.yaml", data_dirs) or {}).get("fields") or {})
    except DataFileError:
        return {}


@functools.lru_cache(maxsize=8)
def _taxonomy(data_dirs: tuple[str, ...]) -> dict[str, set[str]]:
    try:
        types_ = (load_yaml("event_taxonomy.yaml", data_dirs) or {}).get("event_types") or {}
    except DataFileError:
        return {}
    return {name: set((spec or {}).get("sub_event_types") or {}) for name, spec in types_.items()}


def _base_type(field: str) -> tuple[type, bool]:
    """(value type, optional) of an Event field from its annotation."""
    hint = _HINTS[field]
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        inner = [a for a in args if a is not type(None)]
        return inner[0], type(None) in args
    return hint, False


def coerce_value(field: str, value: Any, options: Options | None = None,
                 current: dict[str, Any] | None = None) -> Any:
    """The JSON value to store for ``field``, or ReviewError saying what is wrong with ``value``.

    Dates are ISO ``YYYY-MM-DD``; ints and floats are parsed from strings too (form input);
    an empty string clears an optional field.  ``current`` (the event as stored) lets
    sub_event_type be checked against the event type.
    """
    if field not in CORRECTABLE:
        raise ReviewError(f"field {field!r} cannot be corrected",
                          hint="correctable: " + ", ".join(CORRECTABLE))
    kind, optional = _base_type(field)
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        if optional:
            return None
        if kind is str:
            return ""
        raise ReviewError(f"{field} needs a value")
    try:
        if kind is dt.date:
            out: Any = dt.date.fromisoformat(str(value)).isoformat()
        elif kind is int:
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError
            out = int(value)
        elif kind is float:
            if isinstance(value, bool):
                raise ValueError
            out = float(value)
            if out != out or out in (float("inf"), float("-inf")):
                raise ValueError
        else:
            if not isinstance(value, str | int | float) or isinstance(value, bool):
                raise ValueError
            out = str(value)
    except (TypeError, ValueError):
        what = {dt.date: "an ISO date (YYYY-MM-DD)", int: "a whole number",
                float: "a number"}.get(kind, "text")
        raise ReviewError(f"{field} must be {what}, not {value!r}") from None
    opts = options or Options()
    rule = _rules(opts.data_dirs).get(field) or {}
    if ("min" in rule and out < rule["min"]) or ("max" in rule and out > rule["max"]):
        raise ReviewError(f"{field} must be between {rule.get('min')} and {rule.get('max')}, not {out!r}")
    if "choices" in rule and out not in rule["choices"]:
        raise ReviewError(f"{field} must be one of {rule['choices']}, not {out!r}")
    taxonomy = _taxonomy(opts.data_dirs)
    if taxonomy and field == "event_type" and out not in taxonomy:
        raise ReviewError(f"unknown event type {out!r}", hint="one of " + ", ".join(taxonomy))
    if taxonomy and field == "sub_event_type":
        etype = (current or {}).get("event_type")
        allowed: set[str] = taxonomy[etype] if etype in taxonomy else set().union(*taxonomy.values())
        if out not in allowed:
            raise ReviewError(f"sub-event type {out!r} does not belong to {etype or 'any event type'!r}",
                              hint="correct event_type first, or pick one of " + ", ".join(sorted(allowed)))
    return out


# ---------------------------------------------------------------------- actions
def _event_row_for(conn: Connection, event_id: str) -> Any:
    row = conn.execute(select(s.events).where(s.events.c.id == event_id)).mappings().first()
    if row is None:
        raise NotFoundError("no such event", item=event_id)
    return row


def _reason(reason: str | None, required: bool = True) -> str | None:
    reason = (reason or "").strip()
    if required and not reason:
        raise ReviewError("give a reason (it goes into the audit trail)")
    if len(reason) > MAX_REASON:
        raise ReviewError(f"reason too long (at most {MAX_REASON} characters)")
    return reason or None


def _audit(conn: Connection, event_id: str, action: str, user: User, reason: str | None,
           field: str | None = None, old: Any = None, new: Any = None) -> None:
    conn.execute(insert(s.audit).values(event_id=event_id, action=action, field=field, old=to_jsonable(old),
                                        new=to_jsonable(new), user=user.name, reason=reason, at=now()))


def correct_event(store: Store, event_id: str, field: str, value: Any, user: str | User,
                  reason: str | None, options: Options | None = None) -> dict[str, Any]:
    """Set ``field`` of a merged event; returns {"field", "old", "new"}.

    The correction is stored, audited, applied to the events row at once (through the
    same function the store applies on every recompute) and the event is marked reviewed.
    """
    why = _reason(reason)
    with store.engine.begin() as conn:
        actor = _writer(conn, user)
        row = _event_row_for(conn, event_id)
        data = dict(row["data"])
        new = coerce_value(field, value, options, current=data)
        old = data.get(field)
        if old == new:
            raise ReviewError(f"{field} is already {new!r}", item=event_id)
        conn.execute(delete(s.corrections).where(s.corrections.c.event_id == event_id,
                                                 s.corrections.c.field == field))
        conn.execute(insert(s.corrections).values(event_id=event_id, field=field, value=new, user=actor.name,
                                                  at=now()))
        _audit(conn, event_id, "correct", actor, why, field=field, old=old, new=new)
        _rewrite(conn, row, apply_corrections(event_from_dict(data), {field: new}), reviewed=True)
    return {"field": field, "old": old, "new": new}


def _rewrite(conn: Connection, row: Any, ev: Event, reviewed: bool) -> None:
    values = _event_row(ev, row["status"], reviewed)
    values.pop("id")
    values["n_sources"] = row["n_sources"]
    conn.execute(update(s.events).where(s.events.c.id == row["id"]).values(**values))


def _set_flags(store: Store, event_id: str, user: str | User, action: str, reason: str | None,
               field: str, new: Any, reason_required: bool = True) -> None:
    why = _reason(reason, reason_required)
    with store.engine.begin() as conn:
        actor = _writer(conn, user)
        row = _event_row_for(conn, event_id)
        old = row[field]
        if old == new:
            raise ReviewError(f"event is already {field}={new!r}", item=event_id)
        values: dict[str, Any] = {field: new, "updated_at": now()}
        if field == "status":
            values["reviewed"] = True  # deciding an event is wrong (or right after all) is a review
        store.set_event_flags(conn, event_id, **values)
        _audit(conn, event_id, action, actor, why, field=field, old=old, new=new)


def reject_event(store: Store, event_id: str, user: str | User, reason: str | None) -> None:
    """Mark a merged event as wrong: hidden from lists and exports, kept with its audit trail."""
    _set_flags(store, event_id, user, "reject", reason, "status", "rejected")


def restore_event(store: Store, event_id: str, user: str | User, reason: str | None) -> None:
    _set_flags(store, event_id, user, "restore", reason, "status", "active")


def mark_reviewed(store: Store, event_id: str, user: str | User, reason: str | None = None,
                  reviewed: bool = True) -> None:
    _set_flags(store, event_id, user, "review", reason, "reviewed", reviewed, reason_required=False)


def add_note(store: Store, event_id: str, user: str | User, text: str) -> None:
    """A free-text note on an event, kept in the audit trail (action "note")."""
    note = _reason(text)
    with store.engine.begin() as conn:
        actor = _writer(conn, user)
        _event_row_for(conn, event_id)
        _audit(conn, event_id, "note", actor, note)


def _members(conn: Connection, event_id: str) -> list[str]:
    return [r for (r,) in conn.execute(select(s.event_members.c.report_id)
                                       .where(s.event_members.c.event_id == event_id)
                                       .order_by(s.event_members.c.report_id))]


def _event_of(store: Store, report_ids: Sequence[str]) -> list[str]:
    with store.engine.connect() as conn:
        return sorted({r for (r,) in conn.execute(select(s.event_members.c.event_id)
                                                   .where(s.event_members.c.report_id.in_(list(report_ids))))})


def _link(store: Store, conn: Connection, pairs: list[tuple[str, str]], kind: str, user: User,
          reason: str | None) -> list[int]:
    """Record a reviewer's decision for these report pairs; returns the new constraint ids.

    The later decision wins: an opposite constraint on the same pair (a merge after a split,
    or the reverse) is removed, so the two never contradict each other.
    """
    opposite = "cannot_link" if kind == "must_link" else "must_link"
    mc = s.merge_constraints.c
    for x, y in pairs:
        conn.execute(delete(s.merge_constraints).where(
            mc.kind == opposite, or_(and_(mc.report_a == x, mc.report_b == y),
                                     and_(mc.report_a == y, mc.report_b == x))))
    before = conn.execute(select(func.max(mc.id))).scalar() or 0
    for x, y in pairs:
        store.add_constraint(conn, x, y, kind, user.name, reason)
    return [i for (i,) in conn.execute(select(mc.id).where(mc.id > before))]


def _recluster(store: Store, report_ids: list[str], added: list[int], options: Options | None) -> None:
    """Re-run the merge; if it refuses the new decision, take the decision back and re-raise."""
    from sitrep.pipeline import recluster

    try:
        recluster(store, report_ids, options or Options())
    except Exception:
        with store.engine.begin() as conn:
            conn.execute(delete(s.merge_constraints).where(s.merge_constraints.c.id.in_(added)))
        recluster(store, report_ids, options or Options())
        raise


def merge_events(store: Store, a: str, b: str, user: str | User, reason: str | None,
                 options: Options | None = None) -> list[str]:
    """Say events ``a`` and ``b`` are the same: must_link their reports and re-run the merge.

    Returns the event id(s) the reports belong to afterwards (one, unless a cannot_link
    decision made earlier keeps them apart).
    """
    why = _reason(reason)
    if a == b:
        raise ReviewError("cannot merge an event with itself", item=a)
    with store.engine.begin() as conn:
        actor = _writer(conn, user)
        for eid in (a, b):
            _event_row_for(conn, eid)
        ra, rb = _members(conn, a), _members(conn, b)
        if not ra or not rb:
            raise ReviewError("an event without reports cannot be merged", item=a if not ra else b)
        added = _link(store, conn, [(x, y) for x in ra for y in rb], "must_link", actor, why)
        _audit(conn, a, "merge", actor, why, old=ra, new={"merged_with": b, "reports": rb})
        _audit(conn, b, "merge", actor, why, old=rb, new={"merged_with": a, "reports": ra})
    _recluster(store, ra + rb, added, options)
    return _event_of(store, ra + rb)


def split_event(store: Store, event_id: str, report_ids: Sequence[str], user: str | User, reason: str | None,
                options: Options | None = None) -> list[str]:
    """Say these reports of an event are a different event: cannot_link them to the rest, re-merge.

    Returns the event ids of all the event's former reports afterwards.
    """
    why = _reason(reason)
    split = sorted(set(report_ids))
    with store.engine.begin() as conn:
        actor = _writer(conn, user)
        _event_row_for(conn, event_id)
        members = _members(conn, event_id)
        unknown = [r for r in split if r not in members]
        if unknown:
            raise ReviewError(f"not reports of this event: {', '.join(unknown)}", item=event_id)
        keep = [r for r in members if r not in split]
        if not split or not keep:
            raise ReviewError("choose some, but not all, of the event's reports to split off", item=event_id)
        added = _link(store, conn, [(x, y) for x in split for y in keep], "cannot_link", actor, why)
        _audit(conn, event_id, "split", actor, why, old=members, new={"split_off": split, "kept": keep})
    _recluster(store, members, added, options)
    after = _event_of(store, members)
    with store.engine.begin() as conn:
        for eid in after:
            if eid != event_id:
                _audit(conn, eid, "split", actor, why, old={"split_from": event_id}, new=split)
    return after


def audit_trail(store: Store, event_id: str) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(s.audit).where(s.audit.c.event_id == event_id)
                                              .order_by(s.audit.c.id)).mappings()]
