"""Speaker mentions: the noun phrase that says something, read off a dependency parse.

A mention is classified by *form* (``pronoun``, ``name``: a proper noun or a
named entity, ``description``: a common-noun phrase such as "an official") and
by *kind* of speaker (``person``, ``org``, ``plural``, ``unknown``), which is
what pronoun and description coreference check.  For a named person the words
before the name that are not honorifics ("coalition spokesman", "US President")
and an appositive ("Mustafa Bali, a spokesman for the SDF") are the speaker's
affiliation; honorifics ("General") stay part of the name.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sitrep.extract.claims.lexicon import CueLexicon
from sitrep.records import Mention

ENTITY_LABELS = {"PERSON": "person", "ORG": "org", "NORP": "org", "GPE": "org", "FAC": "org"}
# left dependents that belong to a noun phrase ("the", "US-backed", "coalition" in
# "coalition spokesman", "Britain-based"); nmod is left out on purpose: it is where the
# parser hangs stray material such as a date line glued to the first sentence
_LEFT_DEPS = {"det", "amod", "compound", "poss", "nummod", "quantmod", "npadvmod", "advmod", "punct", "case"}
_RIGHT_DEPS_DESCRIPTION = {"prep", "amod", "acl", "compound", "nummod"}
_DEFINITE = {"the", "this", "that", "these", "those"}
_INDEFINITE = {"a", "an", "one", "another", "some", "several", "many", "two", "three"}
_STOP = {"the", "a", "an", "of", "for", "and", "in", "on", "at", "to", "'s", "’s", "-"}
_AFFILIATION_PREPS = {"of", "for", "from", "at", "with"}
_TIME_LABELS = ("DATE", "TIME")


@dataclass
class SpeakerMention:
    start: int
    end: int
    text: str
    sentence_index: int
    form: str  # "pronoun" | "name" | "description"
    kind: str  # "person" | "org" | "plural" | "unknown"
    head: str  # lower-case head word
    determiner: str = "bare"  # "definite" | "indefinite" | "bare"
    words: frozenset[str] = frozenset()  # lower-case content words of the mention
    honorifics: frozenset[str] = frozenset()
    affiliation: tuple[int, int] | None = None
    affiliation_words: frozenset[str] = frozenset()
    role: bool = False  # has an office/role (spokesman, general, minister ...)
    # extent of the whole noun phrase (title, name, appositive), for finding what adjoins it
    np_start: int = -1
    np_end: int = -1
    local_antecedent: SpeakerMention | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.np_start < 0:
            self.np_start, self.np_end = self.start, self.end

    @property
    def surname(self) -> str:
        toks = [w for w in self.text.split() if w.lower() not in self.honorifics]
        return toks[-1].lower() if toks else ""


def content_words(text: str) -> frozenset[str]:
    out = set()
    for raw in text.replace("-", " ").split():
        w = raw.strip(",.;:\"'“”‘’()").lower()
        if w and w not in _STOP:
            out.add(w)
    return frozenset(out)


def entity_at(
    mentions: list[Mention], start: int, end: int, labels: Collection[str] = ENTITY_LABELS.keys()
) -> Mention | None:
    for m in mentions:
        if m.label in labels and m.start < end and start < m.end:
            return m
    return None


def _left_bound(tok: Any) -> int:
    """Index of the first token of tok's noun phrase (left dependents only)."""
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in _LEFT_DEPS:
            left = min(left, child.left_edge.i)
    return left


def _trim_tokens(sp: Any, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and (sp[lo].is_punct or sp[lo].is_space):
        lo += 1
    while hi > lo and (sp[hi].is_punct or sp[hi].is_space):
        hi -= 1
    return lo, hi


def _char_span(sp: Any, lo: int, hi: int, base: int) -> tuple[int, int]:
    return base + sp[lo].idx, base + sp[hi].idx + len(sp[hi].text)


def mention_from_token(
    tok: Any, base: int, text: str, sentence_index: int, mentions: list[Mention], lex: CueLexicon
) -> SpeakerMention:
    """The speaker mention headed by ``tok`` (a token of a sentence parse starting at ``base``)."""
    sp = tok.doc
    low = tok.lower_
    if low in lex.pronouns:
        kind = (
            "person" if low in lex.person_pronouns else "org" if low in lex.org_pronouns else "plural"
        )
        s, e = _char_span(sp, tok.i, tok.i, base)
        return SpeakerMention(s, e, text[s:e], sentence_index, "pronoun", kind, low)

    lo, hi = _left_bound(tok), tok.i
    # a date glued before the phrase (a date line) is not part of it
    while lo < hi and entity_at(mentions, base + sp[lo].idx, base + sp[lo].idx + 1, _TIME_LABELS):
        lo += 1
    tok_start = base + tok.idx
    ent = entity_at(mentions, tok_start, tok_start + len(tok.text))
    is_name = tok.pos_ == "PROPN" or ent is not None
    if not is_name:
        for child in tok.rights:
            if child.dep_ in _RIGHT_DEPS_DESCRIPTION:
                hi = max(hi, child.right_edge.i)
    lo, hi = _trim_tokens(sp, lo, hi)
    determiner = "bare"
    if sp[lo].lower_ in _DEFINITE or sp[lo].dep_ == "poss":
        determiner = "definite"
    elif sp[lo].lower_ in _INDEFINITE:
        determiner = "indefinite"

    affiliation: tuple[int, int] | None = None
    honorifics: set[str] = set()
    if is_name:
        s, e = _char_span(sp, lo, hi, base)
        name_start, name_end = s, e
        if ent is not None:
            # the entity is the name; PROPN compounds glued to it by the parser stay too
            name_start, name_end = max(ent.start, s), max(ent.end, e)
            kind = ENTITY_LABELS[ent.label]
        else:
            kind = "org" if low in lex.org_nouns or tok.tag_ == "NNPS" else "unknown"
        # honorifics written right before the name are part of it ("General Joseph Votel")
        first = next((t for t in sp[lo : hi + 1] if base + t.idx >= name_start), sp[hi])
        j = first.i - 1
        while j >= lo and sp[j].lower_ in lex.honorifics and sp[j].text[:1].isupper():
            honorifics.add(sp[j].lower_)
            name_start = base + sp[j].idx
            j -= 1
        if first.lower_ in lex.honorifics and first.text[:1].isupper():
            honorifics.add(first.lower_)
        if honorifics and kind == "unknown":
            kind = "person"
        if kind == "person":
            # words before the name (minus the article) are the person's title
            k = lo + 1 if sp[lo].lower_ in _DEFINITE | _INDEFINITE else lo
            if k <= j:
                a, b = _trim_tokens(sp, k, j)
                if a <= b:
                    affiliation = _char_span(sp, a, b, base)
            for child in tok.rights:
                after_name = base + child.idx >= name_end
                if child.dep_ == "prep" and child.lower_ in _AFFILIATION_PREPS and after_name:
                    pobj = [c for c in child.children if c.dep_ == "pobj"]
                    if pobj:
                        a, b = _trim_tokens(sp, child.i + 1, pobj[0].right_edge.i)
                        affiliation = _char_span(sp, a, b, base)
        s, e = name_start, name_end
        # an article before an organisation's name is not part of the name
        while text[s:e].lower().startswith(("the ", "a ")):
            s += text[s:e].index(" ") + 1
        form = "name"
    else:
        s, e = _char_span(sp, lo, hi, base)
        form = "description"
        if low in lex.person_nouns:
            kind = "plural" if tok.tag_ in ("NNS", "NNPS") else "person"
        elif low in lex.org_nouns:
            kind = "org"
        elif tok.tag_ in ("NNS", "NNPS"):
            kind = "plural"
        else:
            kind = "unknown"

    # an appositive gives the affiliation ("Mustafa Bali, a spokesman for ...") or, after a
    # description, the name ("a spokesman, Ahmed Omar, said")
    for child in tok.rights:
        if child.dep_ != "appos":
            continue
        a, b = _trim_tokens(sp, child.left_edge.i, child.right_edge.i)
        if a > b:
            continue
        app_s, app_e = _char_span(sp, a, b, base)
        app_ent = entity_at(mentions, base + child.idx, base + child.idx + len(child.text))
        if form == "description" and (app_ent is not None or child.pos_ == "PROPN"):
            affiliation = (s, e)
            if app_ent is not None:
                s, e = app_ent.start, app_ent.end
                kind = ENTITY_LABELS[app_ent.label]
            else:
                s, e = app_s, app_e
            form, low, determiner = "name", child.lower_, "bare"
        elif form != "pronoun":
            affiliation = (app_s, app_e)
        break

    # a bracket cut in half by the phrase edge ("(SRF) commander" seen as "SRF) commander")
    if ")" in text[s:e] and "(" not in text[s:e]:
        s += text[s:e].index(")") + 1
        while s < e and text[s].isspace():
            s += 1
    mention_text = text[s:e]
    np_start, np_end = _char_span(sp, lo, hi, base)
    if affiliation:
        np_start, np_end = min(np_start, affiliation[0], s), max(np_end, affiliation[1], e)
    aff_words = content_words(text[affiliation[0] : affiliation[1]]) if affiliation else frozenset()
    words = content_words(mention_text)
    role = bool((words | aff_words | honorifics) & lex.role_nouns)
    return SpeakerMention(
        start=s,
        end=e,
        text=mention_text,
        sentence_index=sentence_index,
        form=form,
        kind=kind,
        head=low,
        determiner=determiner,
        words=words,
        honorifics=frozenset(honorifics),
        affiliation=affiliation,
        affiliation_words=aff_words,
        role=role,
        np_start=min(np_start, s),
        np_end=max(np_end, e),
    )


def mention_from_entity(m: Mention, lex: CueLexicon) -> SpeakerMention:
    """A speaker mention for a named entity found by NER (antecedent of a pronoun or surname)."""
    text = m.text
    start = m.start
    if text.lower().startswith("the "):
        text, start = text[4:], start + 4
    words = content_words(text)
    head = text.split()[-1].lower() if text.split() else ""
    return SpeakerMention(
        start=start,
        end=m.end,
        text=text,
        sentence_index=m.sentence_index,
        form="name",
        kind=ENTITY_LABELS.get(m.label, "unknown"),
        head=head,
        words=words,
        role=bool(words & lex.role_nouns),
    )
