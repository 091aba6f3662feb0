"""Claims: units that need no spaCy model (quotes, lexicon, coreference, continuation)."""

from __future__ import annotations

import pytest

from sitrep.errors import DataFileError
from sitrep.extract.claims import build_lexicon, claim_id, find_quotes, get_lexicon
from sitrep.extract.claims.coref import Resolver
from sitrep.extract.claims.cues import trim_span
from sitrep.extract.claims.extract import attach_continuations
from sitrep.extract.claims.speakers import SpeakerMention, content_words
from sitrep.records import Article, Claim, Document, Mention, Sentence


def _inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text)]


def test_curly_and_straight_quotes_pair() -> None:
    text = '“We will hold the line,” he said. Then "nobody came," she added.'
    assert _inner(text) == ["We will hold the line", "nobody came"]


def test_apostrophes_are_not_quotes() -> None:
    text = "The army’s advance stalled, a commander said. ‘We are tired,’ he said."
    assert _inner(text) == ["We are tired"]


def test_quote_spanning_sentences_is_one_segment() -> None:
    text = '"The town is calm. Shops are open again," the mayor said.'
    assert _inner(text) == ["The town is calm. Shops are open again"]


def test_stray_mark_does_not_swallow_the_article() -> None:
    text = 'Shelling hit Hama" on Monday.\nThe ministry said ten people died.'
    assert all(q.end <= text.index("\n") for q in find_quotes(text))


def test_quote_continued_into_next_paragraph() -> None:
    text = "“We saw the tanks come in.\n“Then the shooting started,” she said."
    quotes = find_quotes(text)
    assert text[quotes[0].inner_start : quotes[0].inner_end] == "We saw the tanks come in."
    assert len(quotes) == 2


def test_trim_span_drops_that_dateline_and_edges() -> None:
    text = "BEIRUT, March 3 (Reuters) - that rebels took the town,”"
    s, e = trim_span(text, 0, len(text))
    assert text[s:e] == "rebels took the town"


def test_lexicon_from_file_and_prefilter() -> None:
    lex = get_lexicon(())
    assert lex.verb_forms["told"] == "tell" and "tell" in lex.object_verbs
    assert lex.prefilter.search("Rebels fired rockets, the ministry said.")
    assert lex.prefilter.search("according to the Observatory")
    assert not lex.prefilter.search("Rebels fired rockets at the town on Monday.")
    assert "statement" in lex.channels and "he" in lex.person_pronouns


def test_lexicon_rejects_bad_file() -> None:
    with pytest.raises(DataFileError):
        build_lexicon({"phrases": []})


def test_lexicon_user_extension(tmp_path) -> None:
    (tmp_path / "claim_cues.yaml").write_text("verbs:\n  brief: {forms: [briefed], object: true}\n")
    lex = get_lexicon((str(tmp_path),))
    assert lex.verb_forms["briefed"] == "brief" and "brief" in lex.object_verbs
    assert lex.verb_forms["said"] == "say"  # bundled entries are kept


def test_claim_id_is_stable_and_distinct() -> None:
    assert claim_id("a1", 10) == claim_id("a1", 10)
    assert claim_id("a1", 10) != claim_id("a1", 11) != claim_id("a2", 10)
    assert len(claim_id("a1", 10)) == 16


def _m(text: str, start: int, form: str, kind: str, sentence: int = 0, **kw) -> SpeakerMention:
    words = content_words(text)
    head = kw.pop("head", text.split()[-1].lower())
    return SpeakerMention(start, start + len(text), text, sentence, form, kind, head, words=words, **kw)


def test_coref_surname_pronoun_and_title() -> None:
    lex = get_lexicon(())
    r = Resolver([], lex)
    full = _m("Ahmed Omar", 0, "name", "person", affiliation=(12, 30),
              affiliation_words=frozenset({"spokesman"}), role=True)
    org = _m("Red Crescent", 100, "name", "org")
    c1 = r.resolve(full)
    c2 = r.resolve(org)
    assert r.resolve(_m("Omar", 200, "name", "person", sentence=2)) is c1
    assert r.resolve(_m("it", 250, "pronoun", "org", sentence=2)) is c2
    assert r.resolve(_m("he", 300, "pronoun", "person", sentence=3)) is c1
    # "the official" refers back to the last speaker with a role
    official = _m("the official", 400, "description", "person", determiner="definite", sentence=4)
    assert r.resolve(official) is c1
    # ... but "the army source" only a speaker whose own words say army
    army = _m("the army source", 450, "description", "person", determiner="definite", sentence=4)
    assert r.resolve(army) is not c1
    # "an official" is somebody new
    another = _m("an official", 500, "description", "person", determiner="indefinite")
    assert r.resolve(another) not in (c1, c2)


def test_coref_org_word_subset_and_acronym() -> None:
    r = Resolver([], get_lexicon(()))
    c = r.resolve(_m("Syrian Observatory for Human Rights", 0, "name", "org"))
    assert r.resolve(_m("Observatory", 80, "name", "org")) is c
    d = r.resolve(_m("National Defence Forces", 120, "name", "org"))
    assert r.resolve(_m("NDF", 200, "name", "org")) is d
    assert r.resolve(_m("Syrian Civil Defence", 260, "name", "org")) not in (c, d)


def test_coref_cataphora_joins_description_to_named_general() -> None:
    r = Resolver([], get_lexicon(()))
    desc = _m("A senior Turkish general", 0, "description", "person", head="general", determiner="indefinite")
    c_desc = r.resolve(desc)
    named = _m("General Hulusi Akar", 90, "name", "person", sentence=1, honorifics=frozenset({"general"}))
    c_named = r.resolve(named)
    r.cataphora()
    assert r.find(c_desc) is c_named
    assert c_named.best.text == "General Hulusi Akar"


def test_coref_pronoun_falls_back_to_recent_entity() -> None:
    ents = [Mention(0, 11, "Maria Lopez", "PERSON", 0)]
    r = Resolver(ents, get_lexicon(()))
    c = r.resolve(_m("she", 60, "pronoun", "person", sentence=1))
    assert c.best.text == "Maria Lopez"


def test_continuation_quote_attaches_to_previous_claim() -> None:
    text = "“The road is closed,” the governor said. “Nobody can leave.” Fighting went on."
    doc = Document(article=Article(id="t", text=text), sentences=[Sentence(0, 0, len(text), text)])
    cue = text.index("said")
    claim = Claim(claim_id="x", article_id="t", speaker="the governor", cue="said", cue_start=cue,
                  cue_end=cue + 4, kind="direct", quote="The road is closed", quote_spans=[(1, 19)],
                  start=1, end=cue + 4)
    attach_continuations(doc, [claim], find_quotes(text))
    assert [text[s:e] for s, e in claim.quote_spans] == ["The road is closed", "Nobody can leave."]
    assert claim.end == text.index("” Fighting")


def test_fragment_quote_is_not_a_continuation() -> None:
    text = "The governor said the road was closed. Rebels called it a “siege” on Monday."
    doc = Document(article=Article(id="t", text=text), sentences=[Sentence(0, 0, len(text), text)])
    cue = text.index("said")
    claim = Claim(claim_id="x", article_id="t", speaker="the governor", cue="said", cue_start=cue,
                  cue_end=cue + 4, quote_spans=[(cue + 5, text.index("."))], start=0, end=text.index("."))
    attach_continuations(doc, [claim], find_quotes(text))
    assert len(claim.quote_spans) == 1
