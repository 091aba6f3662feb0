"""Hand-built Documents for unit tests that need no spaCy model, and one helper that runs the model."""

from __future__ import annotations

import re

from sitrep.records import Document, Sentence

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


def analyze_text(text: str, article_id: str = "t") -> Document:
    """One own wire-style text through the whole analysis (the real model), dated 2021-03-04."""
    import datetime as dt

    from sitrep.options import Options
    from sitrep.pipeline import analyze_articles
    from sitrep.records import Article

    art = Article(id=article_id, text=text, source="test", date=dt.date(2021, 3, 4), date_source="jsonl")
    return analyze_articles([art], Options())[0]
