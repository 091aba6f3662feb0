"""Attributions in one parsed sentence: cue, speaker mention and the reported text.

Works on a spaCy parse of a sentence (token offsets relative to ``base``).  A
reporting verb is a cue only when it reports something: a clausal complement
("said [they were rooting out ...]"), material before it ("[Strikes hit
caves], it said"), or a quotation right after it ("said: “...”").  Quotation
segments adjoining the cue clause make the claim *direct*; quoted fragments
inside a reported clause ("said IS were “far from over”") leave it indirect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sitrep.extract.claims.lexicon import CueLexicon
from sitrep.extract.claims.quotes import ALL_MARKS, QuoteSegment
from sitrep.extract.claims.speakers import SpeakerMention, entity_at, mention_from_token
from sitrep.records import Mention

_CLAUSE_DEPS = {"ccomp", "parataxis"}
# relations through which a participle or conjoined verb shares its subject with its head
# ("issued a statement, saying ...", "did not say X but said Y")
_SHARED_SUBJECT_DEPS = {"conj", "advcl", "xcomp", "pcomp", "prep"}
# relations from a pronoun's cue verb up to a clause whose subject it may refer to
# ("Trump stunned the world when he announced ...")
_LOCAL_ANTECEDENT_DEPS = {"advcl", "conj", "xcomp", "ccomp"}
_WH = {"what", "which", "whatever"}
_NOT_SPEAKER_LABELS = ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL")
_RELATIVE = {"who", "which", "that"}
_GAP_CHARS = " \t\n,:;—–-"
# a wire dateline opening the first sentence: "KABUL (AP) —", "BEIRUT, March 3 (Reuters) -"
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,}(?:,[^()\n]{0,30})?\s*\([^)\n]{1,30}\)\s*[—–-]+\s*")


@dataclass
class RawClaim:
    sentence_index: int
    cue_start: int
    cue_end: int
    speaker: SpeakerMention
    spans: list[tuple[int, int]] = field(default_factory=list)
    kind: str = "indirect"


def _tok_start(tok: Any, base: int) -> int:
    return base + tok.idx


def _tok_end(tok: Any, base: int) -> int:
    return base + tok.idx + len(tok.text)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip edge whitespace, separators, a leading "that", a dateline and unmatched edge quotes."""
    chars = " \t\n,;:.—–-\"“”‘’"
    while start < end and text[start] in chars:
        start += 1
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()
    while end > start and text[end - 1] in chars:
        end -= 1
    if text[start:end].lower().startswith("that "):
        start += 5
    while start < end and text[start] in chars:
        start += 1
    return start, end


def _in_quote(quotes: list[QuoteSegment], offset: int) -> bool:
    return any(q.inner_start <= offset < q.inner_end for q in quotes)


def _quote_before(text: str, quotes: list[QuoteSegment], offset: int) -> QuoteSegment | None:
    """A quotation segment that ends right before ``offset`` (only separators between)."""
    for q in quotes:
        if q.end > offset or q.end < offset - 6:
            continue
        gap = text[q.inner_end : offset]
        if gap.strip(_GAP_CHARS + "\"”’.!?") or "\n" in gap:
            continue
        # “X.” followed by a new sentence is not X's attribution: “X,” he said / "X" WHO said is
        ends_sentence = any(c in gap for c in ".!?") or text[q.inner_end - 1] in ".!?"
        if ends_sentence and not text[offset : offset + 1].islower():
            continue
        return q
    return None


def _quote_after(text: str, quotes: list[QuoteSegment], offset: int) -> QuoteSegment | None:
    """A quotation segment that opens right after ``offset`` ("said: “...”")."""
    for q in quotes:
        if q.open >= offset and not text[offset : q.open].strip(_GAP_CHARS):
            return q
    return None


def _subject(tok: Any, lex: CueLexicon) -> Any | None:
    """The subject of a cue verb, inherited from its head for participles and conjuncts."""
    if tok.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in tok.children):
        # "X said the attack served Y, adding that ...": the participle continues the
        # nearest reporting verb above it, not the reported clause it hangs from
        cur = tok.head
        for _ in range(5):
            if cur.lower_ in lex.verb_forms and cur.i != tok.i:
                return _subject(cur, lex)
            if cur.head.i == cur.i:
                break
            cur = cur.head
    cur = tok
    for _ in range(4):
        if cur.lower_ == "quoted":
            # "X was quoted as saying", "Reuters quoted X as saying": X is the speaker
            quoted = [c for c in cur.children if c.dep_ in ("nsubjpass", "dobj")]
            if quoted:
                return quoted[0]
        for child in cur.children:
            if child.dep_ == "nsubj":
                return child
        if cur.dep_ not in _SHARED_SUBJECT_DEPS or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _cue_extent(tok: Any, lex: CueLexicon) -> int:
    """Index of the last token of the cue: the verb, its object for "tell" verbs, a channel PP."""
    last = tok.i
    lemma = lex.verb_forms.get(tok.lower_, "")
    for child in tok.rights:
        if child.i > last + 4:
            break
        is_object = child.dep_ in ("dobj", "dative", "iobj")
        if lemma in lex.object_verbs and is_object and child.left_edge.i <= last + 1:
            last = max(last, child.right_edge.i if child.right_edge.i - child.i < 4 else child.i)
        elif child.dep_ == "prt" and child.i == last + 1:
            last = child.i
        elif child.dep_ == "prep":
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj and pobj[0].lower_ in lex.channels:
                last = max(last, pobj[0].i)
    return last


def _is_free_relative(tok: Any, clauses: list[Any]) -> bool:
    """ "what it said was ..." reports no statement of its own."""
    if any(c.dep_ == "dobj" and c.lower_ in _WH for c in tok.children):
        return True
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in _WH for cl in clauses for c in cl.children
    )


def _local_antecedent(
    tok: Any, base: int, text: str, sentence_index: int, mentions: list[Mention], lex: CueLexicon
) -> SpeakerMention | None:
    cur = tok
    for _ in range(3):
        if cur.dep_ not in _LOCAL_ANTECEDENT_DEPS or cur.head.i == cur.i:
            return None
        cur = cur.head
        for child in cur.children:
            if child.dep_ == "nsubj" and child.lower_ not in lex.pronouns and child.i < tok.i:
                m = mention_from_token(child, base, text, sentence_index, mentions, lex)
                if m.form == "name":
                    return m
    return None


def _fallback_before(tok: Any, last: int, base: int, text: str, clause_start: int) -> list[tuple[int, int]]:
    """ "[X happened] the ministry said on Monday." with no comma for the parser to go by: the
    cue clause closes the sentence, so what comes before it is the report."""
    sp = tok.doc
    root = tok
    while root.head.i != root.i:
        root = root.head
    after = sp[last + 1 : root.right_edge.i + 1]
    if any(t.pos_ in ("VERB", "AUX") for t in after):
        return []
    first = root.left_edge
    if clause_start - (base + first.idx) < 15:
        return []
    return [trim_span(text, base + first.idx, clause_start)]


def _verb_claim(
    tok: Any, base: int, text: str, sentence_index: int, quotes: list[QuoteSegment],
    mentions: list[Mention], lex: CueLexicon,
) -> RawClaim | None:
    if tok.dep_ in ("amod", "compound", "nsubj", "dobj", "pobj") or not tok.tag_.startswith("VB"):
        return None
    if any(c.dep_ == "neg" for c in tok.children):
        return None  # "did not say"
    subj = _subject(tok, lex)
    if subj is None or subj.dep_ == "expl":
        return None
    if subj.lower_ in _RELATIVE and subj.tag_ in ("WP", "WDT"):
        if tok.dep_ != "relcl":
            return None
        subj = tok.head  # "residents, who said ..."
    if entity_at(mentions, base + subj.idx, base + subj.idx + len(subj.text), _NOT_SPEAKER_LABELS):
        return None  # a date or a number glued before the verb is no speaker
    lemma = lex.verb_forms[tok.lower_]
    has_object = any(c.dep_ == "dobj" for c in tok.children)
    if has_object and lemma not in lex.object_verbs:
        return None  # "declared victory", "announced a ceasefire", "claimed responsibility"
    clauses = [c for c in tok.children if c.dep_ in _CLAUSE_DEPS]
    if _is_free_relative(tok, clauses):
        return None

    speaker = mention_from_token(subj, base, text, sentence_index, mentions, lex)
    if any(ch in ALL_MARKS for ch in speaker.text):
        return None  # a quotation inside the "speaker": the parse went wrong
    last = _cue_extent(tok, lex)
    cue_start, cue_end = _tok_start(tok, base), _tok_end(tok.doc[last], base)
    clause_start = min(speaker.np_start, cue_start)
    clause_end = max(speaker.np_end, cue_end)
    spans: list[tuple[int, int]] = []
    direct = False

    # material before the cue clause: a pre-posed complement or quotation
    pre = [c for c in clauses if c.i < tok.i and _tok_start(c, base) < clause_start]
    if tok.dep_ == "parataxis" and tok.head.i < tok.i:
        pre.append(tok.head)
    q_before = _quote_before(text, quotes, clause_start)
    if q_before is not None and q_before.inner_start < clause_start:
        start = q_before.inner_start
        if pre:
            start = min(start, _tok_start(min(pre, key=lambda c: c.left_edge.i).left_edge, base))
        spans.append((start, q_before.inner_end))
        direct = True
    elif pre:
        first = min(pre, key=lambda c: c.left_edge.i).left_edge
        spans.append(trim_span(text, _tok_start(first, base), clause_start))

    # material after the cue: a quotation opening right after it, else a complement clause
    q_after = _quote_after(text, quotes, clause_end)
    post = [c for c in clauses if c.i > tok.i]
    if not post and last + 1 < len(tok.doc) and tok.doc[last + 1].lower_ == "that":
        # "said in a statement that ...": the parser hangs the clause on the noun
        post = [tok.doc[last + 1].head] if tok.doc[last + 1].head.i > last + 1 else []
    if q_after is not None:
        spans.append((q_after.inner_start, q_after.inner_end))
        direct = True
    elif post:
        lo = min(c.left_edge.i for c in post)
        hi = max(c.right_edge.i for c in post)
        start, end = _tok_start(tok.doc[lo], base), _tok_end(tok.doc[hi], base)
        # the parser often cuts a reported clause short (it takes "IS" for a verb): the clause
        # runs on to the end of the sentence unless punctuation ends it first
        root = tok
        while root.head.i != root.i:
            root = root.head
        rest = tok.doc[hi + 1 : root.right_edge.i + 1]
        if len(rest) and not any(t.is_punct for t in rest[:-1]) and not any(
            t.lower_ in lex.verb_forms for t in rest
        ):
            end = _tok_end(rest[-1], base)
        # a quotation the clause opens belongs to it whole
        for q in quotes:
            if start <= q.open < end < q.end:
                end = q.inner_end
        start = max(start, clause_end)
        spans.append(trim_span(text, start, end))

    if not spans and speaker.start < cue_start and not (
        tok.dep_ == "relcl" and tok.head.lower_ in lex.report_nouns
    ):
        spans = _fallback_before(tok, last, base, text, clause_start)
    spans = [(s, e) for s, e in spans if e > s and len(text[s:e].split()) >= 2]
    if not spans:
        return None
    if speaker.form == "pronoun":
        speaker.local_antecedent = _local_antecedent(tok, base, text, sentence_index, mentions, lex)
    return RawClaim(sentence_index, cue_start, cue_end, speaker, spans, "direct" if direct else "indirect")


def _phrase_claim(
    toks: list[Any], base: int, text: str, sentence_index: int, quotes: list[QuoteSegment],
    mentions: list[Mention], lex: CueLexicon,
) -> RawClaim | None:
    """ "according to X": the speaker is X, the claim is the rest of the clause."""
    last = toks[-1]
    pobj = [c for c in last.children if c.dep_ == "pobj"]
    if not pobj:
        return None
    speaker = mention_from_token(pobj[0], base, text, sentence_index, mentions, lex)
    head = toks[0]
    phrase_lo, phrase_hi = head.left_edge.i, max(head.right_edge.i, pobj[0].right_edge.i)
    root = head
    while root.head.i != root.i:
        root = root.head
    sp = head.doc
    spans = []
    if root.left_edge.i < phrase_lo:
        spans.append(trim_span(text, _tok_start(root.left_edge, base), _tok_start(sp[phrase_lo], base)))
    if phrase_hi < root.right_edge.i:
        spans.append(trim_span(text, _tok_end(sp[phrase_hi], base), _tok_end(root.right_edge, base)))
    spans = [(s, e) for s, e in spans if e > s and len(text[s:e].split()) >= 2]
    if not spans:
        return None
    direct = any(q.inner_start <= s and e <= q.inner_end + 1 for q in quotes for s, e in spans)
    return RawClaim(
        sentence_index, _tok_start(toks[0], base), _tok_end(last, base), speaker, spans,
        "direct" if direct else "indirect",
    )


def claims_in_parse(
    sp: Any, base: int, text: str, sentence_index: int, quotes: list[QuoteSegment],
    mentions: list[Mention], lex: CueLexicon,
) -> list[RawClaim]:
    """All attributions whose cue lies in the parse ``sp`` of text starting at ``base``."""
    out: list[RawClaim] = []
    for tok in sp:
        if _in_quote(quotes, _tok_start(tok, base)):
            continue  # a cue inside a quotation is part of the quoted speech
        low = tok.lower_
        claim: RawClaim | None = None
        if low in lex.verb_forms:
            claim = _verb_claim(tok, base, text, sentence_index, quotes, mentions, lex)
        else:
            for phrase in lex.phrases:
                n = len(phrase)
                if low == phrase[0] and tok.i + n <= len(sp) and all(
                    sp[tok.i + k].lower_ == phrase[k] for k in range(n)
                ):
                    claim = _phrase_claim(
                        [sp[tok.i + k] for k in range(n)], base, text, sentence_index, quotes, mentions, lex
                    )
                    break
        if claim is not None:
            out.append(claim)
    return out
