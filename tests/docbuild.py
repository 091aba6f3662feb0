"""Hand-built Documents for unit tests that need no spaCy model."""

from __future__ import annotations

import re

from sitrep.records import Sentence

_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences at sentence punctuation, whitespace trimmed, offsets into ``text``."""
    sentences: list[Sentence] = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences
