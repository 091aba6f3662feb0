"""Pydantic request and response models of the HTTP API, so /openapi.json describes real shapes."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _utc(value: dt.datetime) -> dt.datetime:
    # the store writes UTC; SQLite hands it back without a zone, and RFC 3339 needs one
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


UtcDatetime = Annotated[dt.datetime, AfterValidator(_utc)]


class _Open(BaseModel):
    # stored records may carry fields newer than this model: keep them, do not fail
    model_config = ConfigDict(extra="allow")


class ErrorBody(BaseModel):
    type: str = Field(description="exception class, e.g. NotFoundError, ReviewError, AuthError")
    message: str
    item: str | None = None
    hint: str | None = None
    detail: list[dict[str, Any]] | None = Field(None, description="per-parameter problems (validation)")


class ErrorResponse(BaseModel):
    error: ErrorBody


class EvidenceModel(_Open):
    article_id: str = ""
    sentence_index: int | None = None
    start: int | None = None
    end: int | None = None
    text: str = ""
    field: str = ""
    note: str = ""


class EventSummary(_Open):
    event_id: str
    event_date: dt.date | None = None
    event_date_end: dt.date | None = None
    time_precision: int | None = None
    relative_date: str | None = None
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str | None = None
    actor2: str | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    source: str | None = None
    notes: str = ""
    confidence: float = 0.0
    n_sources: int = 1
    reviewed: bool = False
    status: str = "active"


class EventList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventSummary]


class Member(BaseModel):
    report_id: str
    article_id: str
    explanation: Any = Field(None, description="why this report was merged into the event")
    report: dict[str, Any] = Field(default_factory=dict,
                                   description="the event as extracted from one article")


class AuditEntry(BaseModel):
    id: int
    event_id: str | None = None
    action: str
    field: str | None = None
    old: Any = None
    new: Any = None
    user: str
    reason: str | None = None
    at: UtcDatetime


class SourceArticle(BaseModel):
    article_id: str
    title: str | None = None
    source: str | None = None
    date: dt.date | None = None
    url: str | None = None


class EventDetail(EventSummary):
    disorder_type: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    region: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    source_scale: str | None = None
    tags: str = ""
    modality: str = "asserted"
    attributed_to: str | None = None
    article_ids: list[str] = Field(default_factory=list)
    claim_ids: list[str] = Field(default_factory=list)
    provenance: dict[str, list[EvidenceModel]] = Field(default_factory=dict)
    evidence: list[EvidenceModel] = Field(default_factory=list)
    conflicts: dict[str, list[dict[str, Any]]] = Field(
        default_factory=dict, description="field -> the differing values reported by each source")
    members: list[Member] = Field(default_factory=list)
    audit: list[AuditEntry] = Field(default_factory=list)
    corrections: dict[str, Any] = Field(default_factory=dict)
    sources: list[SourceArticle] = Field(default_factory=list)


class PointList(BaseModel):
    total: int
    truncated: bool
    fields: list[str] = Field(description="names of the columns of each point")
    # compact rows (10k events stay small): [event_id, latitude, longitude, event_type, event_date, location]
    points: list[list[str | float | None]]


class DayCount(BaseModel):
    date: dt.date | None
    event_type: str | None
    n: int
    fatalities: int


class EventStats(BaseModel):
    per_day: list[DayCount]
    by_type: dict[str, int]
    by_country: dict[str, int]
    by_actor1: dict[str, int]


class Meta(BaseModel):
    version: str
    backend: str
    read_requires_login: bool
    correctable: list[str]
    event_types: dict[str, list[str]]
    sortable: list[str]
    export_formats: list[str]
    summary: dict[str, Any]


class ArticleSummary(_Open):
    id: str
    title: str | None = None
    date: dt.date | None = None
    date_source: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    status: str
    fmt: str | None = None
    origin: str | None = None
    ingested_at: UtcDatetime | None = None


class ArticleList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


class SentenceModel(BaseModel):
    idx: int
    start: int
    end: int


class MentionModel(BaseModel):
    kind: str = Field(description="entity | time | place | actor")
    label: str | None = None
    start: int
    end: int
    text: str
    sentence_index: int | None = None
    attrs: dict[str, Any] | None = None


class ArticleDetail(ArticleSummary):
    text: str
    metadata: dict[str, Any] = Field(
        default_factory=dict,
        description="input fields sitrep keeps, and how an ambiguous dateline was read "
        "(numeric_date_order, numeric_date_order_from)",
    )
    sentences: list[SentenceModel] = Field(default_factory=list)
    mentions: list[MentionModel] = Field(default_factory=list)
    claims: list[dict[str, Any]] = Field(default_factory=list)
    reports: list[dict[str, Any]] = Field(default_factory=list)


class ClaimModel(_Open):
    claim_id: str
    article_id: str
    speaker: str
    affiliation: str | None = None
    cue: str = ""
    kind: str = "indirect"
    quote: str = ""
    start: int = 0
    end: int = 0
    event_ids: list[str] = Field(default_factory=list)


class ClaimList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ClaimModel]


class ItemResultModel(BaseModel):
    item: str
    status: str = Field(description="stored | duplicate | not_english | failed | skipped")
    article_id: str | None = None
    message: str = ""
    events: int = 0
    claims: int = 0


class IngestSummaryModel(BaseModel):
    stored: int
    duplicates: int
    not_english: int
    failed: int
    skipped: int
    events: int
    claims: int
    merged_events: int
    seconds: float
    items: list[ItemResultModel]


class ArticleIn(BaseModel):
    """One article posted as JSON (same fields as a JSONL input line)."""

    text: str = Field(min_length=1)
    id: str | None = None
    title: str | None = None
    date: str | None = Field(None, description="publication date, ISO YYYY-MM-DD")
    source: str | None = None
    url: str | None = None


class ArticlesIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=1000)
    force: bool = False


# ---------------------------------------------------------------------- auth + review
class LoginIn(BaseModel):
    name: str = Field(min_length=1, max_length=128)
    password: str = Field(min_length=1, max_length=1024)


class UserOut(BaseModel):
    name: str | None
    role: str | None
    csrf_token: str | None = Field(None, description="send back as the X-CSRF-Token header on writes")
    read_requires_login: bool = False


class CorrectionIn(BaseModel):
    field: str
    value: Any = Field(None, description="new value: ISO date, number or text; null or '' clears the field")
    reason: str = Field(min_length=1, max_length=4000)


class CorrectionOut(BaseModel):
    field: str
    old: Any = None
    new: Any = None
    event: EventSummary


class ReasonIn(BaseModel):
    reason: str = Field(min_length=1, max_length=4000)


class ReviewIn(BaseModel):
    reviewed: bool = True
    reason: str | None = Field(None, max_length=4000)


class NoteIn(BaseModel):
    text: str = Field(min_length=1, max_length=4000)


class MergeIn(BaseModel):
    other: str = Field(min_length=1, description="id of the event to merge with this one")
    reason: str = Field(min_length=1, max_length=4000)


class SplitIn(BaseModel):
    report_ids: list[str] = Field(min_length=1, description="reports to split off into another event")
    reason: str = Field(min_length=1, max_length=4000)


class EventIds(BaseModel):
    event_ids: list[str]


class Ok(BaseModel):
    ok: Literal[True] = True
