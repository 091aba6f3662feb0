"""extract_claims: who said what in one Document.

1. Quotation segments are found lexically over the whole article.
2. A sentence is parsed only if the cue pre-filter (reporting-verb forms and
   "according") matches it; parsing is the expensive part and most sentences
   have no cue.  A sentence that the sentence splitter glued across a line
   break is parsed line by line (a headline and a lede are not one clause).
3. Each cue yields a raw claim (cues.py); speakers are resolved across the
   article (coref.py).
4. A quotation that stands alone right after a claim ("“X,” he said. “Y.”")
   continues that claim.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from sitrep.extract.claims.coref import Cluster, Resolver
from sitrep.extract.claims.cues import RawClaim, claims_in_parse
from sitrep.extract.claims.lexicon import CueLexicon, get_lexicon
from sitrep.extract.claims.quotes import QuoteSegment, find_quotes
from sitrep.options import Options
from sitrep.records import ActorMention, Claim, Document

_SENTENCE_END = re.compile(r"[.!?\"”’)\]]\s*$")
_FOLLOW_GAP = re.compile(r"^[\s.,;:!?\"”’]*$")
_CONJUNCTION_BEFORE = re.compile(
    r"(?:[\s,;]+(?:while|whilst|whereas|but)|[,;]\s*(?:and|as))\s+$", re.IGNORECASE
)


def claim_id(article_id: str, cue_start: int) -> str:
    """Stable id: a short hash of the article id and the cue's start offset."""
    return hashlib.sha1(f"{article_id}:{cue_start}".encode()).hexdigest()[:16]


def _units(doc: Document) -> list[tuple[int, int, str]]:
    """(sentence index, article offset, text) of each line of each sentence."""
    out = []
    for s in doc.sentences:
        if "\n" not in s.text:
            out.append((s.index, s.start, s.text))
            continue
        pos = 0
        for line in s.text.split("\n"):
            if line.strip():
                lead = len(line) - len(line.lstrip())
                out.append((s.index, s.start + pos + lead, line.strip()))
            pos += len(line) + 1
    return out


def raw_claims(doc: Document, lex: CueLexicon, quotes: list[QuoteSegment]) -> list[RawClaim]:
    """Cue-level claims of every sentence that passes the lexical pre-filter."""
    out: list[RawClaim] = []
    units = [u for u in _units(doc) if lex.prefilter.search(u[2])]
    # whole sentences are parsed from the shared cache: fill it in one batched call
    doc.prefetch_parses(i for i, base, text in units
                        if base == doc.sentences[i].start and len(text) == len(doc.sentences[i].text))
    for index, base, text in units:
        sentence = doc.sentences[index]
        if base == sentence.start and len(text) == len(sentence.text):
            parse: Any = doc.parse(index)  # shared cache: other components may parse it too
        else:
            if doc.parser is None:
                raise RuntimeError("no parser attached to this Document")
            parse = doc.parser(text)
        out.extend(claims_in_parse(parse, base, doc.text, index, quotes, doc.mentions, lex))
    out.sort(key=lambda r: r.cue_start)
    _cut_at_coordinated_claims(out, doc.text)
    return out


def _cut_at_coordinated_claims(raws: list[RawClaim], text: str) -> None:
    """ "A said X while B said Y": the parser often hangs B's clause inside X; X ends before it.
    A nested report ("A said that B said Y") has no conjunction before B and is kept whole."""
    for a in raws:
        for b in raws:
            if b is a or not a.spans:
                continue
            s, e = a.spans[-1]
            if not s < b.speaker.np_start < e:
                continue
            m = _CONJUNCTION_BEFORE.search(text[s : b.speaker.np_start])
            if m:
                a.spans[-1] = (s, len(text[: s + m.start()].rstrip(" ,;")))


def _actor_for(actors: list[ActorMention], spans: list[tuple[int, int]]) -> str | None:
    for s, e in spans:
        for a in actors:
            if a.start < e and s < a.end:
                return a.actor
    return None


def _sentence_indexes(doc: Document, start: int, end: int) -> list[int]:
    return [s.index for s in doc.sentences if s.start < end and start < s.end]


def _build(doc: Document, raw: RawClaim, cluster: Cluster) -> Claim:
    text = doc.text
    best = cluster.best
    local = raw.speaker
    aff = cluster.affiliation
    spans = sorted(raw.spans)
    start = min([local.np_start, raw.cue_start] + [s for s, _ in spans])
    end = max([local.np_end, raw.cue_end] + [e for _, e in spans])
    speaker_spans = [(m.start, m.end) for m in cluster.mentions if m.form != "pronoun"]
    actor = _actor_for(doc.actors, speaker_spans) or (_actor_for(doc.actors, [aff]) if aff else None)
    same = (best.start, best.end) == (local.start, local.end)
    return Claim(
        claim_id=claim_id(doc.article.id, raw.cue_start),
        article_id=doc.article.id,
        speaker=best.text,
        speaker_start=best.start,
        speaker_end=best.end,
        affiliation=text[aff[0] : aff[1]] if aff else None,
        affiliation_start=aff[0] if aff else None,
        affiliation_end=aff[1] if aff else None,
        cue=text[raw.cue_start : raw.cue_end],
        cue_start=raw.cue_start,
        cue_end=raw.cue_end,
        kind=raw.kind,
        quote=" ".join(text[s:e] for s, e in spans),
        quote_spans=spans,
        start=start,
        end=end,
        sentence_indexes=_sentence_indexes(doc, start, end),
        speaker_actor=actor,
        speaker_mention=None if same else local.text,
        speaker_mention_start=None if same else local.start,
        speaker_mention_end=None if same else local.end,
    )


def _standalone(text: str, q: QuoteSegment) -> bool:
    """A quotation that is a sentence of its own (not a fragment inside a sentence)."""
    before = text[: q.open].rstrip()
    if before and not _SENTENCE_END.search(before):
        return False
    after = text[q.end : q.end + 2]
    return not after.strip() or (after[:1].isspace() and not after.strip()[:1].islower())


def attach_continuations(doc: Document, claims: list[Claim], quotes: list[QuoteSegment]) -> None:
    """Append stand-alone quotations that directly follow a claim to that claim."""
    text = doc.text
    for q in quotes:
        if not _standalone(text, q):
            continue
        if any(c.start <= q.inner_start < c.end or q.inner_start <= c.start < q.inner_end for c in claims):
            continue
        before = [c for c in claims if c.end <= q.open]
        if not before:
            continue
        prev = max(before, key=lambda c: c.end)
        if not _FOLLOW_GAP.match(text[prev.end : q.open]):
            continue
        prev.quote_spans.append((q.inner_start, q.inner_end))
        prev.quote = " ".join(text[s:e] for s, e in prev.quote_spans)
        prev.end = q.inner_end
        prev.sentence_indexes = _sentence_indexes(doc, prev.start, prev.end)


def extract_claims(doc: Document, options: Options) -> list[Claim]:
    """All attributed statements in ``doc``, in text order, with resolved speakers."""
    lex = get_lexicon(options.data_dirs)
    quotes = find_quotes(doc.text)
    raws = raw_claims(doc, lex, quotes)
    resolver = Resolver(doc.mentions, lex, {s.index: s.start for s in doc.sentences})
    clusters = [resolver.resolve(r.speaker) for r in raws]
    resolver.cataphora()
    claims = [_build(doc, r, resolver.find(c)) for r, c in zip(raws, clusters, strict=True)]
    # one claim per reported span: a conjoined second cue ("said and added") repeats the first
    seen: set[tuple[tuple[int, int], ...]] = set()
    unique = []
    for c in claims:
        key = tuple(c.quote_spans)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    attach_continuations(doc, unique, quotes)
    return unique
