"""Quotation segments in an article, found lexically (no parse needed).

A segment is the text between an opening and a closing quotation mark.  Marks
are paired within a paragraph: curly and angle marks by shape, straight ``"``
by what surrounds them (a mark after a space opens, a mark before a space or
punctuation closes) and otherwise by alternation.  Single curly quotes open a
segment only at a word start, so the apostrophe in "IS’s" is never a quote.
News style leaves a quote open at the end of a paragraph when the next
paragraph continues it; such a segment is kept only when the next paragraph
opens with a quotation mark, otherwise an unpaired mark is ignored (one stray
mark must not swallow the rest of an article).
"""

from __future__ import annotations

from dataclasses import dataclass

# typographic marks, not domain knowledge, so they live here
DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
STRAIGHT = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT + SINGLE_OPEN + SINGLE_CLOSE
_OPEN_CONTEXT = " \t\n([{—–-/" + DOUBLE_OPEN + SINGLE_OPEN
_TRIM = " \t\n,;:"


@dataclass(frozen=True)
class QuoteSegment:
    open: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph end)
    inner_start: int
    inner_end: int
    closed: bool = True

    def contains(self, offset: int) -> bool:
        return self.inner_start <= offset < self.inner_end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _straight_role(text: str, i: int, lo: int, hi: int) -> str:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    opening = prev in _OPEN_CONTEXT and not nxt.isspace()
    closing = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    return "either"


def _segment(text: str, open_at: int, close_at: int, closed: bool) -> QuoteSegment | None:
    inner_start, inner_end = open_at + 1, close_at
    while inner_start < inner_end and text[inner_start] in _TRIM:
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1] in _TRIM:
        inner_end -= 1
    if inner_start >= inner_end:
        return None
    end = close_at + 1 if closed else close_at
    return QuoteSegment(open_at, end, inner_start, inner_end, closed)


def find_quotes(text: str) -> list[QuoteSegment]:
    """All top-level quotation segments in ``text``, in order."""
    out: list[QuoteSegment] = []
    paragraphs = _paragraphs(text)
    for p, (lo, hi) in enumerate(paragraphs):
        dbl: int | None = None  # offset of the open double mark
        sgl: int | None = None
        for i in range(lo, hi):
            ch = text[i]
            if ch in DOUBLE_OPEN:
                dbl, sgl = i, None
            elif ch in DOUBLE_CLOSE and dbl is not None:
                seg = _segment(text, dbl, i, True)
                if seg:
                    out.append(seg)
                dbl = None
            elif ch == STRAIGHT:
                role = _straight_role(text, i, lo, hi)
                if dbl is None and role != "close":
                    dbl, sgl = i, None
                elif dbl is not None and (role != "open" or text[dbl] == STRAIGHT):
                    seg = _segment(text, dbl, i, True)
                    if seg:
                        out.append(seg)
                    dbl = None
            elif dbl is None and ch == SINGLE_OPEN:
                prev = text[i - 1] if i > lo else " "
                if prev in _OPEN_CONTEXT:
                    sgl = i
            elif dbl is None and ch == SINGLE_CLOSE and sgl is not None:
                nxt = text[i + 1] if i + 1 < hi else " "
                if not nxt.isalpha():
                    seg = _segment(text, sgl, i, True)
                    if seg:
                        out.append(seg)
                    sgl = None
        # a quote running on into the next paragraph (which re-opens it)
        if dbl is not None and p + 1 < len(paragraphs):
            nxt_lo = paragraphs[p + 1][0]
            before_end = text[lo:hi].rstrip()
            if text[nxt_lo] in DOUBLE_OPEN + STRAIGHT and before_end[-1:] in ".!?":
                seg = _segment(text, dbl, lo + len(before_end), False)
                if seg:
                    out.append(seg)
    return out


def segment_at(quotes: list[QuoteSegment], offset: int) -> QuoteSegment | None:
    """The segment whose quoted text contains ``offset``."""
    for q in quotes:
        if q.inner_start <= offset < q.inner_end:
            return q
        if q.open > offset:
            break
    return None
