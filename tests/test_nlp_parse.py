"""Parsing on demand: one sentence at a time or a batch of them, from the NLP pass's own vectors."""

from __future__ import annotations

import re

import pytest

from sitrep.nlp import get_nlp
from sitrep.options import Options
from sitrep.records import Article

pytestmark = pytest.mark.model

TEXT = (
    "Government troops retook the town of Mahin after heavy fighting, the army said on Sunday. "
    "Rebels shelled a market in the provincial capital, killing six civilians. "
    "The IS group claimed the attack. "
    "A spokesman told Reuters that talks would resume."
)


def _arcs(parsed):  # type: ignore[no-untyped-def]
    return [(t.text, t.head.i, t.dep_, t.pos_, t.lemma_) for t in parsed]


def test_prefetched_parses_equal_single_parses_and_are_cached() -> None:
    nlp = get_nlp(Options())
    single = nlp.analyze(Article(id="a", text=TEXT))
    batched = nlp.analyze(Article(id="b", text=TEXT))
    assert len(single.sentences) == 4
    expected = [_arcs(single.parse(i)) for i in range(4)]

    calls: list[int] = []
    inner = batched.span_parser

    def counting(start: int, end: int):  # type: ignore[no-untyped-def]
        calls.append(start)
        return inner(start, end) if inner else None

    batched.span_parser = counting
    batched.prefetch_parses([0, 1, 3])
    assert [_arcs(batched.parse(i)) for i in (0, 1, 3)] == [expected[i] for i in (0, 1, 3)]
    assert calls == []  # served from the batch
    assert _arcs(batched.parse(2)) == expected[2] and len(calls) == 1  # not prefetched: parsed alone


def test_masked_sentences_are_prefetched_as_one_batch_with_the_same_parses() -> None:
    # "IS" is written over with a same-length stand-in before parsing (parse_masks); such
    # sentences cannot reuse the pass's vectors, and are parsed together as texts
    nlp = get_nlp(Options())
    text = "IS fighters attacked a checkpoint near Hajin. IS claimed the raid. Troops fought IS near Susah."
    single = nlp.analyze(Article(id="a", text=text))
    batched = nlp.analyze(Article(id="b", text=text))
    for doc in (single, batched):
        doc.parse_masks = [(m.start(), m.start() + 2, "Xx") for m in re.finditer(r"\bIS\b", text)]
    expected = [_arcs(single.parse(i)) for i in range(3)]

    def one_by_one(t: str):  # type: ignore[no-untyped-def]
        raise AssertionError(f"parsed alone, not in the batch: {t!r}")

    batched.parser = one_by_one
    batched.prefetch_parses([0, 1, 2])
    assert [_arcs(batched.parse(i)) for i in range(3)] == expected  # all three from the batch
    assert expected[0][0][0] == "Xx"  # the parser saw the stand-in
