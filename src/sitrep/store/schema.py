"""The one schema, SQLAlchemy Core, for SQLite and PostgreSQL.

Changes go through Alembic migrations (sitrep/store/migrations); this module is
the current shape that the code reads and writes.

Two levels of events:
- ``reports``: events as extracted from ONE article (the events stage output),
  including discarded candidates (negated, future, ...) kept for review.
- ``events``: real-world events after the resolve stage merged reports across
  articles; ``event_members`` links them, with the merge explanation.
Reviewer corrections live in ``corrections`` (current overrides) and ``audit``
(every change, who/when/old/new/why), keyed by the merged event id, and are
re-applied whenever an event is recomputed, so they survive re-processing.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(255), primary_key=True),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("date", Date),
    Column("date_source", String(32)),
    Column("source", String(255)),
    Column("url", Text),
    Column("language", String(16)),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("origin", Text),
    Column("fmt", String(16)),
    Column("status", String(32), nullable=False),
    Column("metadata", JSON),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("processed_at", DateTime(timezone=True)),
)

sentences = Table(
    "sentences",
    metadata,
    Column("article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

# entity, time, place and actor mentions, one table: kind + label + attrs
mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),  # entity | time | place | actor
    Column("label", String(64)),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("sentence_index", Integer),
    Column("attrs", JSON),
    Index("ix_mentions_article", "article_id", "kind"),
)

reports = Table(
    "reports",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("kept", Boolean, nullable=False),  # False: discarded candidate (see modality)
    Column("modality", String(16), nullable=False),
    Column("event_type", String(64)),
    Column("sub_event_type", String(64)),
    Column("event_date", Date),
    Column("location", String(255)),
    Column("data", JSON, nullable=False),  # the full Event record with provenance
    Index("ix_reports_article", "article_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("speaker", Text),
    Column("affiliation", Text),
    Column("cue", String(255)),
    Column("kind", String(16)),
    Column("quote", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("data", JSON, nullable=False),
    Index("ix_claims_article", "article_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("event_date", Date, index=True),
    Column("event_date_end", Date),
    Column("time_precision", Integer),
    Column("event_type", String(64), index=True),
    Column("sub_event_type", String(64)),
    Column("actor1", String(255)),
    Column("actor2", String(255)),
    Column("country", String(128)),
    Column("admin1", String(128)),
    Column("location", String(255)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("fatalities", Integer),
    Column("source", Text),
    Column("n_sources", Integer, nullable=False, default=1),
    Column("reviewed", Boolean, nullable=False, default=False),
    Column("status", String(16), nullable=False, default="active"),  # active | rejected
    Column("search_text", Text),  # notes + actors + location, for text search
    Column("data", JSON, nullable=False),  # the full merged Event with provenance and conflicts
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

event_members = Table(
    "event_members",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    Column("explanation", JSON),
    Index("ix_members_report", "report_id", unique=True),
)

# reviewer merge/split decisions between reports: survive re-runs of resolve
merge_constraints = Table(
    "merge_constraints",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("report_a", String(64), nullable=False),
    Column("report_b", String(64), nullable=False),
    Column("kind", String(16), nullable=False),  # must_link | cannot_link
    Column("user", String(128)),
    Column("reason", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

corrections = Table(
    "corrections",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("field", String(64), primary_key=True),
    Column("value", JSON),
    Column("user", String(128), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), index=True),
    Column(
        "action", String(32), nullable=False
    ),  # correct | reject | restore | merge | split | note | review
    Column("field", String(64)),
    Column("old", JSON),
    Column("new", JSON),
    Column("user", String(128), nullable=False),
    Column("reason", Text),
    Column("at", DateTime(timezone=True), nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("name", String(128), primary_key=True),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(16), nullable=False),  # reviewer | viewer | admin
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# per-item ingest failures, so `sitrep stats` and the dashboard can show them
ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("item", Text, nullable=False),
    Column("error", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
