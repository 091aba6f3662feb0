"""The HTTP API under /api/v1: thin handlers over Store, review, pipeline and export.

Reads go through ``Sessions.check_read`` (anonymous allowed unless the app was
created with ``read_requires_login``), writes through ``check_write`` (signed-in
reviewer or admin + CSRF header).  The dashboard uses nothing but this API.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Query, Request, Response, UploadFile
from fastapi.responses import PlainTextResponse, StreamingResponse
from sqlalchemy import and_, func, select

from sitrep import review
from sitrep.errors import InputError
from sitrep.export.writers import EVENT_FORMATS, iter_events_export
from sitrep.options import Options
from sitrep.review_apply import CORRECTABLE
from sitrep.store import schema as s
from sitrep.store.core import SORTABLE, EventFilter, Store
from sitrep.web import models as m
from sitrep.web.auth import Sessions

router = APIRouter(prefix="/api/v1")

MAX_LIMIT = 500
MAX_POINTS = 50_000
MEDIA = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json",
         "jsonl": "application/x-ndjson"}
if TYPE_CHECKING:
    SortField = str
    ExportFormat = str
else:  # enums in the OpenAPI spec, from the store's and the exporter's own lists
    SortField = Literal[tuple(sorted(SORTABLE))]
    ExportFormat = Literal[tuple(EVENT_FORMATS)]


def store_of(request: Request) -> Store:
    st: Store = request.app.state.store
    return st


def options_of(request: Request) -> Options:
    opts: Options = request.app.state.options
    return opts


def sessions_of(request: Request) -> Sessions:
    ss: Sessions = request.app.state.sessions
    return ss


def reader(request: Request) -> review.User | None:
    return sessions_of(request).check_read(request)


def writer(request: Request) -> review.User:
    return sessions_of(request).check_write(request)


Reader = Annotated[review.User | None, Depends(reader)]
Writer = Annotated[review.User, Depends(writer)]


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        w, so, e, n = (float(x) for x in value.split(","))
    except ValueError:
        raise InputError("bbox must be four numbers: west,south,east,north", item=value) from None
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= so <= n <= 90):
        raise InputError("bbox out of range (lon -180..180, lat -90..90, south <= north)", item=value)
    return w, so, e, n


def event_filter(
    date_from: dt.date | None = Query(None, description="events on or after (YYYY-MM-DD)"),
    date_to: dt.date | None = Query(None, description="events on or before (YYYY-MM-DD)"),
    event_type: str | None = Query(None, max_length=64),
    sub_event_type: str | None = Query(None, max_length=64),
    actor: str | None = Query(None, max_length=255, description="substring of actor1 or actor2"),
    country: str | None = Query(None, max_length=128),
    admin1: str | None = Query(None, max_length=128),
    location: str | None = Query(None, max_length=255),
    bbox: str | None = Query(None, description="west,south,east,north in degrees"),
    q: str | None = Query(None, max_length=255, description="text search in notes, actors, places"),
    source: str | None = Query(None, max_length=255),
    reviewed: bool | None = Query(None),
    include_rejected: bool = Query(False, description="include events reviewers marked as wrong"),
    article_id: str | None = Query(None, max_length=255),
) -> EventFilter:
    return EventFilter(date_from=date_from, date_to=date_to, event_type=event_type or None,
                       sub_event_type=sub_event_type or None, actor=actor or None, country=country or None,
                       admin1=admin1 or None, location=location or None, bbox=_bbox(bbox), q=q or None,
                       source=source or None, reviewed=reviewed, include_rejected=include_rejected,
                       article_id=article_id or None)


Filter = Annotated[EventFilter, Depends(event_filter)]


# ---------------------------------------------------------------------- meta / auth
@router.get("/meta", response_model=m.Meta, tags=["meta"])
def meta(request: Request, _u: Reader) -> dict[str, Any]:
    """What the dashboard needs to build its controls: fields, event types, formats, store summary."""
    from importlib.metadata import PackageNotFoundError, version

    from sitrep.review import _taxonomy

    try:
        ver = version("sitrep")
    except PackageNotFoundError:
        ver = "unknown"
    store = store_of(request)
    tax = _taxonomy(options_of(request).data_dirs)
    return {"version": ver, "backend": store.dialect,
            "read_requires_login": sessions_of(request).settings.read_requires_login,
            "correctable": list(CORRECTABLE), "event_types": {k: sorted(v) for k, v in tax.items()},
            "sortable": sorted(SORTABLE), "export_formats": list(EVENT_FORMATS), "summary": store.stats()}


@router.post("/auth/login", response_model=m.UserOut, tags=["auth"],
             responses={401: {"model": m.ErrorResponse}})
def login(body: m.LoginIn, request: Request, response: Response) -> dict[str, Any]:
    """Sign in with a local account; sets the session and CSRF cookies."""
    user = review.authenticate(store_of(request), body.name, body.password)
    csrf = sessions_of(request).start(response, user)
    return {"name": user.name, "role": user.role, "csrf_token": csrf,
            "read_requires_login": sessions_of(request).settings.read_requires_login}


@router.post("/auth/logout", response_model=m.Ok, tags=["auth"])
def logout(response: Response) -> dict[str, Any]:
    Sessions.end(response)
    return {"ok": True}


@router.get("/auth/me", response_model=m.UserOut, tags=["auth"])
def me(request: Request) -> dict[str, Any]:
    """The signed-in user (name null when anonymous) and the CSRF token for writes."""
    user, csrf = sessions_of(request).user(request)
    return {"name": user.name if user else None, "role": user.role if user else None, "csrf_token": csrf,
            "read_requires_login": sessions_of(request).settings.read_requires_login}


# ---------------------------------------------------------------------- events (read)
@router.get("/events", response_model=m.EventList, tags=["events"])
def list_events(request: Request, _u: Reader, flt: Filter,
                sort: SortField = Query("event_date"), desc: bool = Query(False),
                limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=10**9)
                ) -> dict[str, Any]:
    """Merged events matching the filters, one page, with the total count."""
    rows, total = store_of(request).list_events(flt, limit=limit, offset=offset, sort=sort, desc=desc)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


@router.get("/events/points", response_model=m.PointList, tags=["events"])
def event_points(request: Request, _u: Reader, flt: Filter) -> dict[str, Any]:
    """Every geocoded event matching the filters as compact points for the map (no pagination)."""
    store = store_of(request)
    c = s.events.c
    cond = [*store._event_conditions(flt), c.latitude.is_not(None), c.longitude.is_not(None)]
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(s.events).where(and_(*cond))).scalar() or 0
        rows = conn.execute(select(c.id, c.latitude, c.longitude, c.event_type, c.event_date, c.location)
                            .where(and_(*cond)).order_by(c.event_date, c.id).limit(MAX_POINTS)).all()
    points = [[r[0], r[1], r[2], r[3] or "", r[4].isoformat() if r[4] else None, r[5]] for r in rows]
    return {"total": total, "truncated": total > len(points),
            "fields": ["event_id", "latitude", "longitude", "event_type", "event_date", "location"],
            "points": points}


@router.get("/events/stats", response_model=m.EventStats, tags=["events"])
def event_stats(request: Request, _u: Reader, flt: Filter) -> dict[str, Any]:
    """Server-side aggregates for the charts: events and fatalities per day by type, top counts."""
    return store_of(request).event_stats(flt)


@router.get("/events/{event_id}", response_model=m.EventDetail, tags=["events"],
            responses={404: {"model": m.ErrorResponse}})
def get_event(event_id: str, request: Request, _u: Reader) -> dict[str, Any]:
    """One event with provenance, sources, conflicting figures, merge explanation, audit trail."""
    store = store_of(request)
    ev = store.get_event(event_id)
    ids = list(dict.fromkeys([mb["article_id"] for mb in ev.get("members", [])]
                             + list(ev.get("article_ids", []))))
    ev["sources"] = _articles_brief(store, ids)
    return ev


def _articles_brief(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    a = s.articles.c
    with store.engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(a.id, a.title, a.source, a.date, a.url)
                                              .where(a.id.in_(ids)))}
    return [{"article_id": i, "title": rows[i].title, "source": rows[i].source, "date": rows[i].date,
             "url": rows[i].url} for i in ids if i in rows]


# ---------------------------------------------------------------------- articles, claims
@router.get("/articles", response_model=m.ArticleList, tags=["articles"])
def list_articles(request: Request, _u: Reader, q: str | None = Query(None, max_length=255),
                  status: str | None = Query(None, max_length=32),
                  limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=10**9)
                  ) -> dict[str, Any]:
    rows, total = store_of(request).list_articles(limit=limit, offset=offset, q=q or None,
                                                  status=status or None)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


@router.get("/articles/{article_id:path}", response_model=m.ArticleDetail, tags=["articles"],
            responses={404: {"model": m.ErrorResponse}})
def get_article(article_id: str, request: Request, _u: Reader) -> dict[str, Any]:
    """The article text with its sentences, mentions (entity/time/place/actor spans), claims, reports."""
    return store_of(request).get_article(article_id)


@router.get("/claims", response_model=m.ClaimList, tags=["claims"])
def list_claims(request: Request, _u: Reader, speaker: str | None = Query(None, max_length=255),
                actor: str | None = Query(None, max_length=255),
                article_id: str | None = Query(None, max_length=255),
                limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=10**9)
                ) -> dict[str, Any]:
    rows, total = store_of(request).list_claims(speaker=speaker or None, article_id=article_id or None,
                                                actor=actor or None, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


# ---------------------------------------------------------------------- export
@router.get("/export", tags=["export"], response_class=StreamingResponse,
            responses={200: {"content": {v.split(";")[0]: {} for v in MEDIA.values()},
                             "description": "the events, streamed"}})
def export(request: Request, _u: Reader, flt: Filter, format: ExportFormat = Query("csv"),
           include_unreviewed: bool = Query(True)) -> StreamingResponse:
    """Events as CSV (ACLED columns), GeoJSON or JSON Lines: the same writer as `sitrep export`."""
    chunks = iter_events_export(store_of(request), format, flt, include_unreviewed=include_unreviewed)
    name = f"sitrep-events.{format}"
    return StreamingResponse(chunks, media_type=MEDIA[format],
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/report", tags=["export"], response_class=PlainTextResponse,
            responses={200: {"content": {"text/markdown": {}}, "description": "a situation report"}})
def report(request: Request, _u: Reader, flt: Filter,
           title: str | None = Query(None, max_length=200)) -> PlainTextResponse:
    """A situation report in Markdown over the filtered events, every statement cited
    (the same generator as `sitrep report`)."""
    from sitrep.report import build_report

    md = build_report(store_of(request), flt, title=title)
    return PlainTextResponse(md, media_type="text/markdown; charset=utf-8")


# ---------------------------------------------------------------------- ingest
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _run_ingest(request: Request, paths: list[str], tmp: str, force: bool) -> dict[str, Any]:
    from sitrep.pipeline import ingest

    opts = options_of(request).with_(force=force, progress=False)
    summary = ingest(paths, opts, store_of(request)).as_dict()
    for item in summary["items"]:  # name uploads by their file name, not the temporary path
        item["item"] = str(item["item"]).replace(tmp + "/", "upload:")
    return summary


@router.post("/ingest/files", response_model=m.IngestSummaryModel, tags=["ingest"],
             responses={401: {"model": m.ErrorResponse}, 403: {"model": m.ErrorResponse}})
def ingest_files(request: Request, _u: Writer, files: list[UploadFile] = File(...),
                 force: bool = Query(False)) -> dict[str, Any]:
    """Upload article files (text, HTML, RSS/Atom, JSONL, .gz): same reading rules and per-item
    errors as `sitrep ingest`.  Returns the ingest summary."""
    limit = options_of(request).max_bytes
    with tempfile.TemporaryDirectory(prefix="sitrep-upload-") as tmp:
        paths: list[str] = []
        for i, up in enumerate(files):
            name = _SAFE_NAME.sub("_", Path(up.filename or f"upload-{i}").name).strip("._") or f"upload-{i}"
            target = Path(tmp) / name
            if target.exists():
                target = Path(tmp) / f"{i}-{name}"
            # the reader refuses items over max_bytes; stop copying a little past it, not at the end
            data = up.file.read(limit + 1)
            target.write_bytes(data)
            paths.append(str(target))
        return _run_ingest(request, paths, tmp, force)


@router.post("/ingest/articles", response_model=m.IngestSummaryModel, tags=["ingest"],
             responses={401: {"model": m.ErrorResponse}, 403: {"model": m.ErrorResponse}})
def ingest_articles(body: m.ArticlesIn, request: Request, _u: Writer) -> dict[str, Any]:
    """Ingest articles posted as JSON (fields as in a JSONL input line).  Articles without an id get
    one from their text's hash, so two posts never overwrite each other's articles."""
    with tempfile.TemporaryDirectory(prefix="sitrep-upload-") as tmp:
        path = Path(tmp) / "articles.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for a in body.articles:
                rec = a.model_dump(exclude_none=True)
                rec.setdefault("id", "api-" + hashlib.sha256(a.text.encode("utf-8")).hexdigest()[:16])
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return _run_ingest(request, [str(path)], tmp, body.force)


# ---------------------------------------------------------------------- review (write)
_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": m.ErrorResponse}, 401: {"model": m.ErrorResponse}, 403: {"model": m.ErrorResponse},
    404: {"model": m.ErrorResponse}}


@router.post("/events/{event_id}/corrections", response_model=m.CorrectionOut, tags=["review"],
             responses=_WRITE_ERRORS)
def correct(event_id: str, body: m.CorrectionIn, request: Request, user: Writer) -> dict[str, Any]:
    """Correct one field (audited; survives re-processing; marks the event reviewed)."""
    store = store_of(request)
    out = review.correct_event(store, event_id, body.field, body.value, user, body.reason,
                               options_of(request))
    out["event"] = store.get_event(event_id)
    return out


@router.post("/events/{event_id}/reject", response_model=m.Ok, tags=["review"], responses=_WRITE_ERRORS)
def reject(event_id: str, body: m.ReasonIn, request: Request, user: Writer) -> dict[str, Any]:
    """Mark the event as wrong: hidden from lists and exports (include_rejected shows it)."""
    review.reject_event(store_of(request), event_id, user, body.reason)
    return {"ok": True}


@router.post("/events/{event_id}/restore", response_model=m.Ok, tags=["review"], responses=_WRITE_ERRORS)
def restore(event_id: str, body: m.ReasonIn, request: Request, user: Writer) -> dict[str, Any]:
    review.restore_event(store_of(request), event_id, user, body.reason)
    return {"ok": True}


@router.post("/events/{event_id}/review", response_model=m.Ok, tags=["review"], responses=_WRITE_ERRORS)
def mark_reviewed(event_id: str, body: m.ReviewIn, request: Request, user: Writer) -> dict[str, Any]:
    review.mark_reviewed(store_of(request), event_id, user, body.reason, reviewed=body.reviewed)
    return {"ok": True}


@router.post("/events/{event_id}/notes", response_model=m.Ok, tags=["review"], responses=_WRITE_ERRORS)
def add_note(event_id: str, body: m.NoteIn, request: Request, user: Writer) -> dict[str, Any]:
    review.add_note(store_of(request), event_id, user, body.text)
    return {"ok": True}


@router.post("/events/{event_id}/merge", response_model=m.EventIds, tags=["review"], responses=_WRITE_ERRORS)
def merge(event_id: str, body: m.MergeIn, request: Request, user: Writer) -> dict[str, Any]:
    """Merge another event into this one (their reports are linked for good; the merge re-runs)."""
    ids = review.merge_events(store_of(request), event_id, body.other, user, body.reason, options_of(request))
    return {"event_ids": ids}


@router.post("/events/{event_id}/split", response_model=m.EventIds, tags=["review"], responses=_WRITE_ERRORS)
def split(event_id: str, body: m.SplitIn, request: Request, user: Writer) -> dict[str, Any]:
    """Split reports off this event (kept apart for good; the merge re-runs)."""
    ids = review.split_event(store_of(request), event_id, body.report_ids, user, body.reason,
                             options_of(request))
    return {"event_ids": ids}
