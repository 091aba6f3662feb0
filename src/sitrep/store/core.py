"""The store: one schema over SQLite (default, embedded) or PostgreSQL.

Writes of one article and everything derived from it are one transaction, so a
crash or kill -9 mid-batch leaves every stored article complete; the next run
skips what is stored (same content hash) and picks up where it stopped.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import and_, create_engine, delete, event, func, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from sitrep.errors import NotFoundError, StoreError
from sitrep.records import Article, Claim, Document, Event
from sitrep.serialize import claim_from_dict, event_from_dict, to_jsonable
from sitrep.store import schema as s
from sitrep.store.migrate import upgrade


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def database_url(db: str | os.PathLike[str] | None) -> str:
    """A SQLAlchemy URL from ``--db``: a path (SQLite), ``sqlite://...`` or ``postgresql://...``."""
    db = str(db or os.environ.get("SITREP_DB") or "sitrep.db")
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    if db == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(db)}"


@dataclass
class EventFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    q: str | None = None
    source: str | None = None
    reviewed: bool | None = None
    include_rejected: bool = False
    article_id: str | None = None


# the article fields listed by `sitrep articles`, the API and the articles export
ARTICLE_COLUMNS = (
    "id",
    "title",
    "date",
    "date_source",
    "source",
    "url",
    "language",
    "status",
    "fmt",
    "origin",
)

SORTABLE = {
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "location",
    "fatalities",
    "n_sources",
    "country",
    "admin1",
    "updated_at",
    "id",
}


class Store:
    def __init__(self, db: str | os.PathLike[str] | None = None, migrate: bool = True):
        self.url = database_url(db)
        try:
            self.engine: Engine = create_engine(self.url, future=True)
        except (SQLAlchemyError, ImportError) as exc:
            raise StoreError(f"cannot open store: {exc}", item=str(db)) from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if migrate:
            try:
                upgrade(self.engine)
            except SQLAlchemyError as exc:
                raise StoreError(
                    f"cannot migrate store: {exc}",
                    item=str(db),
                    hint="is it a sitrep database? is the server running?",
                ) from exc

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ articles
    def find_article(self, article_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = (
                conn.execute(
                    select(s.articles.c.id, s.articles.c.content_hash, s.articles.c.status).where(
                        s.articles.c.id == article_id
                    )
                )
                .mappings()
                .first()
            )
            return dict(row) if row else None

    def find_by_hash(self, content_hash: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(s.articles.c.id).where(s.articles.c.content_hash == content_hash).limit(1)
            ).scalar()

    def save_document(self, doc: Document) -> None:
        """Store an article with everything derived from it, replacing earlier results, atomically."""
        a = doc.article
        with self.engine.begin() as conn:
            self._delete_derived(conn, a.id)
            conn.execute(delete(s.articles).where(s.articles.c.id == a.id))
            conn.execute(insert(s.articles).values(**_article_row(a)))
            if doc.sentences:
                conn.execute(
                    insert(s.sentences),
                    [
                        {"article_id": a.id, "idx": x.index, "start": x.start, "end": x.end}
                        for x in doc.sentences
                    ],
                )
            rows = _mention_rows(doc)
            if rows:
                conn.execute(insert(s.mentions), rows)
            reports = [(e, True) for e in doc.events] + [(e, False) for e in doc.discarded]
            if reports:
                conn.execute(insert(s.reports), [_report_row(a.id, e, kept) for e, kept in reports])
            if doc.claims:
                conn.execute(insert(s.claims), [_claim_row(c) for c in doc.claims])

    def _delete_derived(self, conn: Connection, article_id: str) -> None:
        report_ids = [
            r for (r,) in conn.execute(select(s.reports.c.id).where(s.reports.c.article_id == article_id))
        ]
        if report_ids:
            conn.execute(delete(s.event_members).where(s.event_members.c.report_id.in_(report_ids)))
        for table in (s.mentions, s.sentences, s.reports, s.claims):
            conn.execute(delete(table).where(table.c.article_id == article_id))

    def record_error(self, item: str, error: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(s.ingest_errors).values(item=item, error=error, at=now()))

    def list_articles(
        self, limit: int = 50, offset: int = 0, q: str | None = None, status: str | None = None
    ) -> tuple[list[dict[str, Any]], int]:
        cols = [s.articles.c[c] for c in (*ARTICLE_COLUMNS, "ingested_at")]
        cond = []
        if q:
            cond.append(or_(s.articles.c.title.ilike(f"%{q}%"), s.articles.c.id.ilike(f"%{q}%")))
        if status:
            cond.append(s.articles.c.status == status)
        where = and_(*cond) if cond else None
        with self.engine.connect() as conn:
            stmt = (
                select(*cols).order_by(s.articles.c.ingested_at, s.articles.c.id).limit(limit).offset(offset)
            )
            cstmt = select(func.count()).select_from(s.articles)
            if where is not None:
                stmt, cstmt = stmt.where(where), cstmt.where(where)
            rows = [dict(r) for r in conn.execute(stmt).mappings()]
            total = conn.execute(cstmt).scalar() or 0
        return rows, total

    def get_article(self, article_id: str) -> dict[str, Any]:
        """The article with its sentences, mentions, claims and reports (for show / the event page)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(s.articles).where(s.articles.c.id == article_id)).mappings().first()
            if row is None:
                raise NotFoundError("no such article", item=article_id, hint="see `sitrep articles`")
            art = dict(row)
            art["sentences"] = [
                dict(r)
                for r in conn.execute(
                    select(s.sentences.c.idx, s.sentences.c.start, s.sentences.c.end)
                    .where(s.sentences.c.article_id == article_id)
                    .order_by(s.sentences.c.idx)
                ).mappings()
            ]
            art["mentions"] = [
                dict(r)
                for r in conn.execute(
                    select(
                        s.mentions.c.kind,
                        s.mentions.c.label,
                        s.mentions.c.start,
                        s.mentions.c.end,
                        s.mentions.c.text,
                        s.mentions.c.sentence_index,
                        s.mentions.c.attrs,
                    )
                    .where(s.mentions.c.article_id == article_id)
                    .order_by(s.mentions.c.start, s.mentions.c.kind)
                ).mappings()
            ]
            art["claims"] = [
                r.data
                for r in conn.execute(
                    select(s.claims.c.data)
                    .where(s.claims.c.article_id == article_id)
                    .order_by(s.claims.c.start)
                )
            ]
            art["reports"] = []
            for r in conn.execute(
                select(s.reports.c.data, s.reports.c.kept, s.event_members.c.event_id)
                .select_from(
                    s.reports.outerjoin(s.event_members, s.event_members.c.report_id == s.reports.c.id)
                )
                .where(s.reports.c.article_id == article_id)
            ):
                d = dict(r.data)
                d["kept"] = r.kept
                d["merged_event_id"] = r.event_id
                art["reports"].append(d)
        return art

    # ------------------------------------------------------------------ reports / resolve
    def unresolved_reports(self) -> list[Event]:
        """Kept reports that belong to no merged event yet (new, or re-processed articles)."""
        with self.engine.connect() as conn:
            stmt = (
                select(s.reports.c.data)
                .select_from(
                    s.reports.outerjoin(s.event_members, s.event_members.c.report_id == s.reports.c.id)
                )
                .where(s.reports.c.kept.is_(True), s.event_members.c.event_id.is_(None))
                .order_by(s.reports.c.id)
            )
            return [event_from_dict(r.data) for r in conn.execute(stmt)]

    def reports_by_id(self, ids: Sequence[str]) -> dict[str, Event]:
        out: dict[str, Event] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(list(ids), 500):
                for r in conn.execute(
                    select(s.reports.c.id, s.reports.c.data).where(s.reports.c.id.in_(chunk))
                ):
                    out[r.id] = event_from_dict(r.data)
        return out

    def clusters(self) -> dict[str, list[tuple[str, Any]]]:
        """event_id -> [(report_id, explanation)] for every merged event."""
        out: dict[str, list[tuple[str, Any]]] = {}
        with self.engine.connect() as conn:
            for r in conn.execute(
                select(s.event_members).order_by(s.event_members.c.event_id, s.event_members.c.report_id)
            ):
                out.setdefault(r.event_id, []).append((r.report_id, r.explanation))
        return out

    def constraints(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [
                dict(r)
                for r in conn.execute(
                    select(s.merge_constraints).order_by(s.merge_constraints.c.id)
                ).mappings()
            ]

    def add_constraint(
        self, conn: Connection, a: str, b: str, kind: str, user: str, reason: str | None
    ) -> None:
        conn.execute(
            insert(s.merge_constraints).values(
                report_a=a, report_b=b, kind=kind, user=user, reason=reason, created_at=now()
            )
        )

    def corrections_for(self, conn: Connection, event_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(list(event_ids), 500):
            for r in conn.execute(select(s.corrections).where(s.corrections.c.event_id.in_(chunk))):
                out.setdefault(r.event_id, {})[r.field] = r.value
        return out

    def write_events(
        self, merged: Sequence[tuple[Event, list[tuple[str, Any]]]], removed: Sequence[str] = ()
    ) -> None:
        """Replace merged events (and their membership) in one transaction.

        Reviewer corrections for each event are applied on top of the merged values here, so
        they survive re-processing and re-merging.
        """
        from sitrep.review_apply import apply_corrections

        with self.engine.begin() as conn:
            ids = [e.event_id for e, _ in merged] + list(removed)
            for chunk in _chunks(ids, 500):
                conn.execute(delete(s.event_members).where(s.event_members.c.event_id.in_(chunk)))
            member_ids = [rid for _, members in merged for rid, _ in members]
            for chunk in _chunks(member_ids, 500):
                conn.execute(delete(s.event_members).where(s.event_members.c.report_id.in_(chunk)))
            status = (
                {
                    r.id: (r.status, r.reviewed)
                    for r in conn.execute(
                        select(s.events.c.id, s.events.c.status, s.events.c.reviewed).where(
                            s.events.c.id.in_(ids)
                        )
                    )
                }
                if ids
                else {}
            )
            for chunk in _chunks(ids, 500):
                conn.execute(delete(s.events).where(s.events.c.id.in_(chunk)))
            corr = self.corrections_for(conn, [e.event_id for e, _ in merged])
            rows: list[dict[str, Any]] = []
            mrows: list[dict[str, Any]] = []
            for ev, members in merged:
                ev = apply_corrections(ev, corr.get(ev.event_id, {}))
                st, reviewed = status.get(ev.event_id, ("active", False))
                rows.append(_event_row(ev, st, reviewed))
                mrows.extend(
                    {"event_id": ev.event_id, "report_id": rid, "explanation": to_jsonable(expl)}
                    for rid, expl in members
                )
            if rows:
                conn.execute(insert(s.events), rows)
            if mrows:
                conn.execute(insert(s.event_members), mrows)

    def orphan_events(self) -> list[str]:
        """Merged events left with no member (their articles were re-processed)."""
        with self.engine.connect() as conn:
            stmt = select(s.events.c.id).where(~s.events.c.id.in_(select(s.event_members.c.event_id)))
            return [r for (r,) in conn.execute(stmt)]

    # ------------------------------------------------------------------ events (read)
    def _event_conditions(self, f: EventFilter) -> list[Any]:
        c = s.events.c
        cond: list[Any] = []
        if not f.include_rejected:
            cond.append(c.status == "active")
        if f.date_from:
            cond.append(
                or_(
                    c.event_date_end >= f.date_from,
                    and_(c.event_date_end.is_(None), c.event_date >= f.date_from),
                )
            )
        if f.date_to:
            cond.append(c.event_date <= f.date_to)
        if f.event_type:
            cond.append(c.event_type == f.event_type)
        if f.sub_event_type:
            cond.append(c.sub_event_type == f.sub_event_type)
        if f.actor:
            cond.append(or_(c.actor1.ilike(f"%{f.actor}%"), c.actor2.ilike(f"%{f.actor}%")))
        if f.country:
            cond.append(c.country.ilike(f.country))
        if f.admin1:
            cond.append(c.admin1.ilike(f"%{f.admin1}%"))
        if f.location:
            cond.append(c.location.ilike(f"%{f.location}%"))
        if f.bbox:
            w, so, e, n = f.bbox
            cond.append(and_(c.longitude >= w, c.longitude <= e, c.latitude >= so, c.latitude <= n))
        if f.q:
            cond.append(c.search_text.ilike(f"%{f.q}%"))
        if f.source:
            cond.append(c.source.ilike(f"%{f.source}%"))
        if f.reviewed is not None:
            cond.append(c.reviewed.is_(f.reviewed))
        if f.article_id:
            cond.append(
                c.id.in_(
                    select(s.event_members.c.event_id)
                    .join(s.reports, s.reports.c.id == s.event_members.c.report_id)
                    .where(s.reports.c.article_id == f.article_id)
                )
            )
        return cond

    def list_events(
        self,
        f: EventFilter | None = None,
        limit: int = 100,
        offset: int = 0,
        sort: str = "event_date",
        desc: bool = False,
    ) -> tuple[list[dict[str, Any]], int]:
        f = f or EventFilter()
        if sort not in SORTABLE:
            sort = "event_date"
        cond = self._event_conditions(f)
        col = s.events.c[sort]
        order = [col.desc() if desc else col.asc(), s.events.c.id]
        with self.engine.connect() as conn:
            stmt = select(s.events.c.data, s.events.c.reviewed, s.events.c.status, s.events.c.n_sources)
            cstmt = select(func.count()).select_from(s.events)
            if cond:
                stmt, cstmt = stmt.where(and_(*cond)), cstmt.where(and_(*cond))
            rows = []
            for r in conn.execute(stmt.order_by(*order).limit(limit).offset(offset)):
                d = dict(r.data)
                d.update(reviewed=r.reviewed, status=r.status, n_sources=r.n_sources)
                rows.append(d)
            total = conn.execute(cstmt).scalar() or 0
        return rows, total

    def iter_events(self, f: EventFilter | None = None, batch: int = 1000) -> Iterator[dict[str, Any]]:
        offset = 0
        while True:
            rows, _ = self.list_events(f, limit=batch, offset=offset)
            yield from rows
            if len(rows) < batch:
                return
            offset += batch

    def get_event(self, event_id: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            r = conn.execute(select(s.events).where(s.events.c.id == event_id)).mappings().first()
            if r is None:
                raise NotFoundError("no such event", item=event_id, hint="see `sitrep events`")
            d = dict(r["data"])
            d.update(reviewed=r["reviewed"], status=r["status"], n_sources=r["n_sources"])
            d["members"] = []
            for m in conn.execute(
                select(
                    s.event_members.c.report_id,
                    s.event_members.c.explanation,
                    s.reports.c.article_id,
                    s.reports.c.data,
                )
                .join(s.reports, s.reports.c.id == s.event_members.c.report_id)
                .where(s.event_members.c.event_id == event_id)
                .order_by(s.event_members.c.report_id)
            ):
                d["members"].append(
                    {
                        "report_id": m.report_id,
                        "article_id": m.article_id,
                        "explanation": m.explanation,
                        "report": m.data,
                    }
                )
            d["audit"] = [
                dict(a)
                for a in conn.execute(
                    select(s.audit).where(s.audit.c.event_id == event_id).order_by(s.audit.c.id)
                ).mappings()
            ]
            d["corrections"] = {
                c.field: c.value
                for c in conn.execute(select(s.corrections).where(s.corrections.c.event_id == event_id))
            }
        return d

    def event_stats(self, f: EventFilter | None = None) -> dict[str, Any]:
        """Aggregates for charts: events and fatalities per day by type, counts by type/country/actor."""
        f = f or EventFilter()
        cond = self._event_conditions(f)
        c = s.events.c
        where = and_(*cond) if cond else None

        def q(*cols: Any, group: Sequence[Any]) -> Any:
            stmt = select(*cols).group_by(*group)
            return stmt.where(where) if where is not None else stmt

        with self.engine.connect() as conn:
            per_day = [
                {
                    "date": r[0].isoformat() if r[0] else None,
                    "event_type": r[1],
                    "n": r[2],
                    "fatalities": r[3] or 0,
                }
                for r in conn.execute(
                    q(
                        c.event_date,
                        c.event_type,
                        func.count(),
                        func.sum(c.fatalities),
                        group=[c.event_date, c.event_type],
                    ).order_by(c.event_date)
                )
            ]
            by_type = {r[0]: r[1] for r in conn.execute(q(c.event_type, func.count(), group=[c.event_type]))}
            by_country = {
                r[0] or "": r[1] for r in conn.execute(q(c.country, func.count(), group=[c.country]))
            }
            by_actor = {
                r[0] or "": r[1]
                for r in conn.execute(
                    q(c.actor1, func.count(), group=[c.actor1]).order_by(func.count().desc()).limit(20)
                )
            }
        return {"per_day": per_day, "by_type": by_type, "by_country": by_country, "by_actor1": by_actor}

    # ------------------------------------------------------------------ claims
    def list_claims(
        self,
        speaker: str | None = None,
        article_id: str | None = None,
        actor: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        c = s.claims.c
        cond = []
        if speaker:
            cond.append(or_(c.speaker.ilike(f"%{speaker}%"), c.affiliation.ilike(f"%{speaker}%")))
        if article_id:
            cond.append(c.article_id == article_id)
        if actor:
            cond.append(or_(c.affiliation.ilike(f"%{actor}%"), c.speaker.ilike(f"%{actor}%")))
        with self.engine.connect() as conn:
            stmt = select(c.data).order_by(c.article_id, c.start).limit(limit).offset(offset)
            cstmt = select(func.count()).select_from(s.claims)
            if cond:
                stmt, cstmt = stmt.where(and_(*cond)), cstmt.where(and_(*cond))
            rows = [dict(r.data) for r in conn.execute(stmt)]
            total = conn.execute(cstmt).scalar() or 0
        # claims point at report ids; show the merged event ids they support
        report_to_event = self._report_event_map([e for r in rows for e in r.get("event_ids", [])])
        for r in rows:
            r["event_ids"] = sorted({report_to_event.get(e, e) for e in r.get("event_ids", [])})
        return rows, total

    def iter_claims(self, **kw: Any) -> Iterator[dict[str, Any]]:
        offset = 0
        while True:
            rows, _ = self.list_claims(limit=1000, offset=offset, **kw)
            yield from rows
            if len(rows) < 1000:
                return
            offset += 1000

    def _report_event_map(self, report_ids: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(list(set(report_ids)), 500):
                for r in conn.execute(
                    select(s.event_members.c.report_id, s.event_members.c.event_id).where(
                        s.event_members.c.report_id.in_(chunk)
                    )
                ):
                    out[r.report_id] = r.event_id
        return out

    def claims_of(self, article_id: str) -> list[Claim]:
        with self.engine.connect() as conn:
            return [
                claim_from_dict(r.data)
                for r in conn.execute(select(s.claims.c.data).where(s.claims.c.article_id == article_id))
            ]

    # ------------------------------------------------------------------ mentions / stats
    def iter_mentions(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        c = s.mentions.c
        stmt = select(c.article_id, c.kind, c.label, c.start, c.end, c.text, c.sentence_index, c.attrs)
        if kind:
            stmt = stmt.where(c.kind == kind)
        with self.engine.connect() as conn:
            for r in conn.execute(stmt.order_by(c.article_id, c.start)).mappings():
                yield dict(r)

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as conn:
            for r in conn.execute(select(s.articles).order_by(s.articles.c.id)).mappings():
                yield dict(r)

    def stats(self) -> dict[str, Any]:
        with self.engine.connect() as conn:

            def count(t: Any, *where: Any) -> int:
                stmt = select(func.count()).select_from(t)
                for w in where:
                    stmt = stmt.where(w)
                return int(conn.execute(stmt).scalar() or 0)

            by_status = {
                r[0]: r[1]
                for r in conn.execute(select(s.articles.c.status, func.count()).group_by(s.articles.c.status))
            }
            by_kind = {
                r[0]: r[1]
                for r in conn.execute(select(s.mentions.c.kind, func.count()).group_by(s.mentions.c.kind))
            }
            by_type = {
                r[0]: r[1]
                for r in conn.execute(
                    select(s.events.c.event_type, func.count())
                    .where(s.events.c.status == "active")
                    .group_by(s.events.c.event_type)
                )
            }
            return {
                "articles": count(s.articles),
                "articles_by_status": by_status,
                "undated_articles": count(s.articles, s.articles.c.date.is_(None)),
                "sentences": count(s.sentences),
                "mentions": count(s.mentions),
                "mentions_by_kind": by_kind,
                "reports": count(s.reports, s.reports.c.kept.is_(True)),
                "discarded_candidates": count(s.reports, s.reports.c.kept.is_(False)),
                "events": count(s.events, s.events.c.status == "active"),
                "events_by_type": by_type,
                "multi_source_events": count(s.events, s.events.c.n_sources > 1),
                "claims": count(s.claims),
                "ingest_errors": count(s.ingest_errors),
                "reviewed_events": count(s.events, s.events.c.reviewed.is_(True)),
                "backend": self.dialect,
            }

    def set_event_flags(self, conn: Connection, event_id: str, **values: Any) -> None:
        conn.execute(update(s.events).where(s.events.c.id == event_id).values(**values))


# ---------------------------------------------------------------------- row builders
def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _chunks(items: list[Any], n: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _article_row(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "text": a.text,
        "date": a.date,
        "date_source": a.date_source,
        "source": a.source,
        "url": a.url,
        "language": a.language,
        "content_hash": a.content_hash,
        "origin": a.origin,
        "fmt": a.fmt,
        "status": a.status,
        "metadata": to_jsonable(a.metadata),
        "ingested_at": now(),
        "processed_at": now() if a.status == "processed" else None,
    }


def _span_row(aid: str, kind: str, label: str | None, rec: Any) -> dict[str, Any]:
    """A mentions row: the span columns, the rest of the record as attrs."""
    attrs = to_jsonable(rec)
    for k in ("start", "end", "text", "sentence_index"):
        attrs.pop(k, None)
    return {
        "article_id": aid,
        "kind": kind,
        "label": label,
        "start": rec.start,
        "end": rec.end,
        "text": rec.text,
        "sentence_index": rec.sentence_index,
        "attrs": attrs,
    }


def _mention_rows(doc: Document) -> list[dict[str, Any]]:
    aid = doc.article.id
    rows: list[dict[str, Any]] = [_span_row(aid, "entity", m.label, m) for m in doc.mentions]
    rows += [_span_row(aid, "time", t.tense, t) for t in doc.times]
    rows += [_span_row(aid, "place", "resolved" if p.place else "unresolved", p) for p in doc.places]
    rows += [_span_row(aid, "actor", a.actor, a) for a in doc.actors]
    return rows


def _report_row(article_id: str, e: Event, kept: bool) -> dict[str, Any]:
    return {
        "id": e.event_id,
        "article_id": article_id,
        "kept": kept,
        "modality": e.modality,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "event_date": e.event_date,
        "location": e.location,
        "data": to_jsonable(e),
    }


def _claim_row(c: Claim) -> dict[str, Any]:
    return {
        "id": c.claim_id,
        "article_id": c.article_id,
        "speaker": c.speaker,
        "affiliation": c.affiliation,
        "cue": c.cue,
        "kind": c.kind,
        "quote": c.quote,
        "start": c.start,
        "end": c.end,
        "data": to_jsonable(c),
    }


def _event_row(e: Event, status: str, reviewed: bool) -> dict[str, Any]:
    search = " ".join(
        str(x)
        for x in (
            e.notes,
            e.actor1,
            e.actor2,
            e.assoc_actor_1,
            e.location,
            e.admin1,
            e.country,
            e.sub_event_type,
            e.source,
        )
        if x
    )
    return {
        "id": e.event_id,
        "event_date": e.event_date,
        "event_date_end": e.event_date_end,
        "time_precision": e.time_precision,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1,
        "actor2": e.actor2,
        "country": e.country,
        "admin1": e.admin1,
        "location": e.location,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "fatalities": e.fatalities,
        "source": e.source,
        "n_sources": max(1, len(e.article_ids)),
        "reviewed": reviewed,
        "status": status,
        "search_text": search,
        "data": to_jsonable(e),
        "updated_at": now(),
    }
