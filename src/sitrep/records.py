"""Typed records passed between pipeline stages.

Every stage takes and returns these plain dataclasses, so a stage can be tested
with hand-built inputs and swapped without touching the others.  All character
offsets (``start``/``end``) are offsets into ``Article.text`` (Python slicing:
``article.text[start:end] == text``), never into a sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

# Processing status of an article.
STATUS_PROCESSED = "processed"
STATUS_NOT_ENGLISH = "not_english"
STATUS_PENDING = "pending"

# Modality of a mention (time expression, event trigger, claim-embedded event).
MODALITY_ASSERTED = "asserted"  # a current, real event
MODALITY_NEGATED = "negated"  # "the SDF was not advancing"
MODALITY_FUTURE = "future"  # "will withdraw", "prepare for a final offensive"
MODALITY_HYPOTHETICAL = "hypothetical"  # "could be poised to"
MODALITY_HISTORICAL = "historical"  # "proclaimed in mid-2014" in a 2019 article
MODALITY_GENERIC = "generic"  # habitual/summary, no single event: "years of fighting", "continue to attack"
# the event is only the object of an attribution, an event reported before: "IS claimed responsibility for
# the car bomb", "accused the army of shelling the town"
MODALITY_ATTRIBUTED = "attributed"
MODALITIES = (
    MODALITY_ASSERTED,
    MODALITY_NEGATED,
    MODALITY_FUTURE,
    MODALITY_HYPOTHETICAL,
    MODALITY_HISTORICAL,
    MODALITY_GENERIC,
    MODALITY_ATTRIBUTED,
)


@dataclass
class Article:
    """One news article as ingested.

    ``date`` is the publication date when the input gives one (date line, HTML
    metadata, feed entry, JSONL field), a dateline in the text or a date in its URL; it is never
    today's date or a file time.  ``date_source`` says which.
    """

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    # "date-line" | "html-meta" | "feed" | "jsonl" | "dateline" (head of the text) | "url" (its path)
    date_source: str | None = None
    source: str | None = None  # outlet, e.g. "AFP", "reuters", a web domain
    url: str | None = None
    language: str | None = None
    content_hash: str = ""
    origin: str = ""  # where it came from: path, path:line, path#entry
    fmt: str = ""  # text | html | feed | jsonl
    status: str = STATUS_PENDING
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A named-entity mention from the NLP pass (spaCy label or a ruler's)."""

    start: int
    end: int
    text: str
    label: str
    sentence_index: int
    source: str = "spacy"  # which component produced it


@dataclass
class TimeExpression:
    """A temporal expression normalised relative to the article date.

    ``date_start``/``date_end`` are None when the article has no date: then
    ``relative`` holds a description such as "the weekend before publication".
    ``precision`` follows ACLED's time_precision (1 day, 2 days/week, 3 month+).
    ``tense`` is "current", "historical" (background) or "future".
    """

    start: int
    end: int
    text: str
    sentence_index: int
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    precision: int | None = None
    relative: str | None = None
    tense: str = "current"
    rule: str = ""  # the rule or parser that matched, for explanation
    anchor: str | None = None  # "article date" | "article dateline" | None


@dataclass
class Place:
    """A gazetteer entry as resolved for a mention (ACLED geography fields)."""

    name: str
    latitude: float
    longitude: float
    country: str | None = None
    iso: int | None = None  # ISO 3166 numeric, as ACLED's `iso` column
    iso2: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    region: str | None = None  # ACLED region, e.g. "Middle East"
    feature_class: str | None = (
        None  # GeoNames class: P populated, A admin, H water, T terrain, L area, S spot
    )
    feature_code: str | None = None
    population: int = 0
    geonames_id: int | None = None
    source: str = ""  # "geonames" | "conflict_places" | "pycountry" | user file name


@dataclass
class PlaceMention:
    """A toponym in the text and what it resolved to (``place`` None if unresolved)."""

    start: int
    end: int
    text: str
    sentence_index: int
    place: Place | None = None
    geo_precision: int | None = None  # ACLED 1 town, 2 near/part of region, 3 region only
    score: float = 0.0
    relation: str | None = None  # "in" | "near" | ...
    candidates: int = 0
    is_focus_country: bool = False
    explanation: str = ""


@dataclass
class ActorMention:
    """An actor (armed group, force, institution, civilians) mentioned in the text."""

    start: int
    end: int
    text: str
    sentence_index: int
    actor: str  # canonical name, e.g. "Syrian Democratic Forces"
    inter: int | None = None  # ACLED inter code 1..8
    group: str | None = None  # actor group / class, e.g. "rebel", "state", "external"
    country: str | None = None
    source: str = "dictionary"  # "dictionary" | "ner" | "country" (a country named as who acts)
    territory: bool = False  # "IS-held", "rebel-controlled": who holds a place, never who acts


@dataclass
class Evidence:
    """Provenance: where a value came from."""

    article_id: str
    sentence_index: int | None
    start: int | None
    end: int | None
    text: str
    field: str = ""  # which event field this supports; "" = the trigger/sentence
    note: str = ""  # e.g. "inferred from article date", "from article dateline"


@dataclass
class Event:
    """An ACLED-coded event.  Within one article first; merged across articles by resolve."""

    event_id: str
    article_ids: list[str] = field(default_factory=list)
    event_date: dt.date | None = None
    event_date_end: dt.date | None = None
    time_precision: int | None = None
    relative_date: str | None = None  # when the article is undated
    disorder_type: str | None = None
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str | None = None
    source_scale: str | None = None
    notes: str = ""
    fatalities: int | None = None
    tags: str = ""
    confidence: float = 0.0
    modality: str = MODALITY_ASSERTED
    claim_ids: list[str] = field(default_factory=list)
    # field name -> list of Evidence supporting that field
    provenance: dict[str, list[Evidence]] = field(default_factory=dict)
    # evidence sentences (trigger spans) for the whole event
    evidence: list[Evidence] = field(default_factory=list)
    # field name -> [{"value": v, "article_id": a, "source": outlet}] when merged sources disagree
    conflicts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    attributed_to: str | None = None  # "according to the Observatory"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Claim:
    """An attributed statement: who said what, with cue and quote spans."""

    claim_id: str
    article_id: str
    speaker: str
    speaker_start: int | None = None
    speaker_end: int | None = None
    affiliation: str | None = None
    affiliation_start: int | None = None
    affiliation_end: int | None = None
    cue: str = ""
    cue_start: int | None = None
    cue_end: int | None = None
    kind: str = "indirect"  # "direct" | "indirect"
    quote: str = ""
    # spans of the quoted/reported text (a quote split around its cue has two)
    quote_spans: list[tuple[int, int]] = field(default_factory=list)
    start: int = 0  # whole claim extent
    end: int = 0
    sentence_indexes: list[int] = field(default_factory=list)
    speaker_actor: str | None = None  # canonical actor, when the speaker is an actor in the dictionary
    event_ids: list[str] = field(default_factory=list)
    # the words of this claim that name the speaker ("he", "Bali", "the official") when the speaker
    # was resolved from them to an earlier/later full mention (``speaker`` and its span)
    speaker_mention: str | None = None
    speaker_mention_start: int | None = None
    speaker_mention_end: int | None = None


@dataclass
class Document:
    """An article with everything the pipeline derived from it.

    Components read and fill the lists.  ``spacy_doc`` is the NLP pass output
    (not stored).  ``parse(i)`` gives a dependency parse of sentence ``i`` on
    demand: the NLP pass does not parse every sentence, only those a component
    asks for, because parsing is the expensive part.
    """

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # candidate events left out (negated/future/hypothetical/historical), kept for review
    discarded: list[Event] = field(default_factory=list)
    spacy_doc: Any = None
    # where the article body ends (sitrep.ingest.furniture): nothing after it is read
    body_end: int | None = None
    parser: Callable[[str], Any] | None = None
    # parse a span of the NLP pass's own Doc by (start, end) article offsets, reusing the token
    # vectors the pass already computed (about 3.5x cheaper than parsing the text again); returns
    # None when the span does not align with the pass's tokens
    span_parser: Callable[[int, int], Any] | None = None
    # the same for many spans in one batched parser call (much cheaper per sentence than one call
    # each); entries are None where a span does not align
    spans_parser: Callable[[list[tuple[int, int]]], list[Any]] | None = None
    # ``parser`` for many texts in one batched call (masked sentences, see ``parse_masks``)
    texts_parser: Callable[[list[str]], list[Any]] | None = None
    # same-length stand-ins (article start, end, stand-in) written over the sentence text before it
    # is parsed, for words the parser misreads ("IS" as the verb "is"); offsets do not move, so the
    # original words stay readable through the token offsets.  Filled by the actors component.
    parse_masks: list[tuple[int, int, str]] = field(default_factory=list, repr=False)
    _parses: dict[int, Any] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def parse(self, index: int) -> Any:
        """Dependency-parsed spaCy Doc of sentence ``index``.

        Token offsets in the returned Doc are relative to the sentence: add
        ``self.sentences[index].start`` to get article offsets.
        """
        if index not in self._parses:
            text = self.parse_text(index)
            sent = self.sentences[index]
            parsed = None
            if text == sent.text and self.span_parser is not None:
                parsed = self.span_parser(sent.start, sent.end)
            if parsed is None:
                if self.parser is None:
                    raise RuntimeError("no parser attached to this Document")
                parsed = self.parser(text)
            self._parses[index] = parsed
        return self._parses[index]

    def prefetch_parses(self, indices: Iterable[int]) -> None:
        """Parse the sentences ``indices`` that are not parsed yet in batched calls, so the
        following ``parse(i)`` calls are cache hits: unmasked sentences as spans of the NLP pass,
        masked ones (``parse_masks``) as texts."""
        if self.spans_parser is None:
            return
        todo = sorted({i for i in indices if i not in self._parses})
        texts = {i: self.parse_text(i) for i in todo}
        plain = [i for i in todo if texts[i] == self.sentences[i].text]
        masked = [i for i in todo if texts[i] != self.sentences[i].text]
        if len(plain) >= 2:
            parsed = self.spans_parser([(self.sentences[i].start, self.sentences[i].end) for i in plain])
            for i, p in zip(plain, parsed, strict=True):
                if p is not None:
                    self._parses[i] = p
        if len(masked) >= 2 and self.texts_parser is not None:
            for i, p in zip(masked, self.texts_parser([texts[i] for i in masked]), strict=True):
                self._parses[i] = p

    def parse_text(self, index: int) -> str:
        """Sentence ``index`` as the parser sees it: ``parse_masks`` applied, same length."""
        sent = self.sentences[index]
        masks = [m for m in self.parse_masks if sent.start <= m[0] and m[1] <= sent.end]
        if not masks:
            return sent.text
        chars = list(sent.text)
        for start, end, stand_in in masks:
            if len(stand_in) == end - start:
                chars[start - sent.start : end - sent.start] = list(stand_in)
        return "".join(chars)
