"""Toponym recognition: spaCy GPE/LOC/FAC mentions plus the gazetteer as an entity ruler.

The small English model misses or mislabels many Middle-East toponyms ("Manbij" as ORG, "Raqa" as
PRODUCT), so capitalised word sequences are also looked up in the gazetteer.  What keeps this from
tagging every capitalised word that some village is called: a stop-list, organisation words
("Syrian Democratic Forces"), person surnames, and for spans no NER label supports, a demand that the
match be significant (a country, first-level division, curated place, or a town of some size).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import IDX
from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.extract.places.gazetteer import Gazetteer
from sitrep.extract.places.normalize import norm_key
from sitrep.extract.places.rules import PlaceRules
from sitrep.records import Document, Mention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# NER labels the small model gives to place names it does not know
MAYBE_PLACE_LABELS = frozenset({"ORG", "PRODUCT", "PERSON", "WORK_OF_ART", "EVENT", "NORP"})
MAX_NGRAM = 5
# a ruler match no NER label supports must be at least this populous (or a country/admin1/curated place)
RULER_MIN_POPULATION = 15000
# an ORG/PRODUCT/PERSON mention taken for a place needs this much (or a country/admin1/curated place)
RELABEL_MIN_POPULATION = 5000

# a capitalised word, possibly with a transliterated article glued on ("al-Baghuz", "ez-Zor")
_WORD = re.compile(r"(?:(?:al|el|ar|as|ash|ad|an|at|az|ez|es|ed|ibn|bin|abu)[-‐])?[A-Z][\w’'‘`.\-]*")
# lower-case words allowed inside a name ("Ras al Ain", "Gulf of Aden", "Deir ez Zor")
_CONNECTORS = frozenset({"al", "el", "ar", "as", "ash", "ad", "an", "at", "az", "ez", "es", "ed", "of", "de",
                         "du", "la", "le", "del", "di", "da", "bin", "ibn", "abu", "on", "upon"})
_TOKEN = re.compile(r"[\w’'‘`.\-]+")
_COMPOUND_AFTER = re.compile(r"^[-‐](\w+)")
# a capitalised word of four letters or more with a bare "s" ("Syrias"), alone or before more words
_BARE_POSSESSIVE = re.compile(r"^([A-Z][a-z]{3,})s(?:\s+|$)")
# words after a country name that show it is used as a modifier ("US troops"), not as the location
_FUNCTION_WORDS = frozenset({"and", "or", "in", "on", "at", "of", "is", "was", "has", "had", "have", "said",
                             "says", "to", "for", "from", "with", "by", "which", "that", "will", "would",
                             "the", "a", "as", "are", "were", "since", "after", "before", "over", "into"})
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
# an all-capitals word this short is an acronym ("UN", "EU", "SANA", "IDA") unless it names a country
# ("US", "UK", "UAE") or stands where a dateline does ("BASRA, Iraq (Reuters) -")
ACRONYM_MAX_LEN = 5
_DATELINE_AFTER = re.compile(r"^\s*(?:,|\(|[-–—])")
# Arabic article tokens that bind the words around them into one name ("Maarat al-Numan")
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ar|as|ash|ad|an|at|az|ez|es|ed)[-‐]", re.IGNORECASE)
# the same as separate words; not "as", "at", "an", "es": English/Romance words ("Damascus as Moscow")
_ARTICLE_WORDS = frozenset({"al", "el", "ar", "ash", "ad", "adh", "az", "ez"})
# names coordinated with a place name: "Moscow and Damascus", "Ankara, Tehran and Moscow"
_COORDINATION = re.compile(r",?\s+(?:and|or)\s+|,\s*")
_SPACE = re.compile(r"\s*")
_SUBJECT_GAP_TAGS = frozenset({"MD", "RB", "RBR", "RBS"})
_SUBJECT_GAP_WORDS = frozenset({"has", "have", "had", "also", "not", "never", "again", "already",
                                "repeatedly", "strongly", "swiftly", "quickly", "immediately", "officially",
                                "publicly", "do", "does", "did"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# a possessive, another capitalised word or a noun after a name: it is part of a longer noun phrase
# ("Hawaii's growth", "Suffolk City chief", "Chicago police")
_NAME_GOES_ON = re.compile(
    r"[’']s\b|\s+[A-Z]|\s+(?!(?:and|or|in|on|at|of|is|was|has|had|have|to|for|from|with|by|which|who|that|"
    r"will|would|the|a|an|as|are|were|said|says|told|added|noted)\b)[a-z]"
)
_MODIFIER_TAGS = frozenset({"DT", "JJ", "JJR", "JJS", "VBN", "HYPH", "PRP$", "CD", "NN"})
_PREPOSITIONS = frozenset({"in", "at", "of", "from", "near", "inside", "outside", "to", "into", "around",
                           "across", "throughout", "for", "on", "by", "with"})
# a verb of speech or "according to" right before a name: "says Winfield", "according to Winfield"
_SPEECH_BEFORE = re.compile(
    r"\b(?:according to|says|said|notes|noted|adds|added|told|tells|explains|explained|writes|wrote)\s+$"
)


class _Tokens:
    """Tokens of the NLP pass looked up by character offset, without materialising every token
    (a span check touches a handful of tokens per place name)."""

    def __init__(self, sdoc: Any):
        self.doc = sdoc
        self.starts = sdoc.to_array(IDX) if len(sdoc) else numpy.zeros(0, dtype="uint64")

    def at(self, char: int) -> Any | None:
        """The token starting at ``char``."""
        i = int(numpy.searchsorted(self.starts, char))
        return self.doc[i] if i < len(self.starts) and int(self.starts[i]) == char else None

    def ending(self, char: int) -> Any | None:
        """The token ending at ``char``."""
        i = int(numpy.searchsorted(self.starts, char)) - 1
        if i < 0:
            return None
        t = self.doc[i]
        return t if t.idx + len(t.text) == char else None


def _after_preposition(text: str, start: int, tokens: _Tokens) -> bool:
    """Whether a preposition governs the name at ``start``, across determiners and modifiers:
    "in Aleppo", "in rural Idlib", "in rebel-held eastern Ghouta", "for the Middle East"."""
    pos = start
    for _ in range(5):
        end = pos
        while end > 0 and text[end - 1].isspace():
            end -= 1
        prev = tokens.ending(end)
        if prev is None:
            return False
        if prev.tag_ in ("IN", "TO") or prev.lower_ in _PREPOSITIONS:
            return True
        if prev.tag_ not in _MODIFIER_TAGS:
            return False
        pos = prev.idx
    return False


def _governs(tok: Any, verbs: frozenset[str]) -> bool:
    """Whether ``tok`` starts "[aux/adv]{0,3} VERB" with a listed verb used actively."""
    doc = tok.doc
    j, after_aux = tok.i, ""
    for _ in range(4):
        if j >= len(doc):
            return False
        t = doc[j]
        low = t.lower_
        if t.lemma_.lower() in verbs and t.pos_ == "VERB" and t.text[:1].islower():  # "Rodi Said": a name
            if t.tag_ in _FINITE_TAGS:
                return True
            if t.tag_ == "VBN":
                return after_aux in ("has", "have", "had")
            return t.tag_ == "VB" and after_aux == "modal"
        if low in _SUBJECT_GAP_WORDS or t.tag_ in _SUBJECT_GAP_TAGS:
            if low in ("has", "have", "had"):
                after_aux = low
            elif t.tag_ == "MD" or low in ("do", "does", "did"):
                after_aux = "modal"
            j += 1
            continue
        return False
    return False


# "<noun> of" then only names (and "and"/commas between them) up to the span: "the towns of X and "
_NAME_WORD = r"(?:[A-Z][\w'’‘`.-]*|al|el|ad|ar|as|ash|az|ez|bin|ibn|abu)"
_INTRODUCED = re.compile(
    rf"\b(?P<noun>[A-Za-z]+)\s+of\s+(?:{_NAME_WORD}(?:\s+|,\s*|\s+and\s+|\s*,\s*and\s+))*$"
)
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\s+(?:the\s+)?$")
_POSSESSIVE_AFTER = re.compile(r"[’'](?:s\b|(?=\s))")
_TRAILING = re.compile(r"(?:[’']s|[.,;:’'])$")


@dataclass
class Span:
    start: int
    end: int
    text: str
    sentence_index: int
    origin: str  # "ner:GPE", "ner-relabel:ORG", "ruler", "compound"
    feature_hint: frozenset[str] = field(default_factory=frozenset)
    lookup: str = ""  # the name to look up (text without a type word such as "province")
    small: bool = False  # told as a village or hamlet ("the village of Tera")


@dataclass
class Recognition:
    spans: list[Span]
    demonym_countries: list[str]  # ISO2 of demonyms ("Syrian fighters"), for the focus country
    modifier_spans: set[int] = field(default_factory=set)  # starts of spans used as modifiers ("US troops")
    # starts of spans that are the subject of a government verb ("Moscow and Damascus deny ..."); the
    # resolver treats those that resolve to a country or a capital as standing for a government
    speaker_spans: set[int] = field(default_factory=set)
    # starts of spans that speak like a person ("says Winfield", "according to Winfield", "Winfield
    # notes"): a place by name only; the resolver keeps them only as a seat of government
    person_spans: set[int] = field(default_factory=set)
    # ISO2 of the home countries of groups named in the text that place a story at home (actors.yaml
    # `locates`): the focus country when the text names no country itself.  A function, called only
    # then: most articles name a country, and matching the actor dictionary costs a pass over the text
    actor_countries: Callable[[], list[str]] | None = None


def _clean(text: str, start: int) -> tuple[str, int, int]:
    """Strip a leading "the" and trailing possessive/punctuation; returns text, start, end."""
    m = _LEADING.match(text)
    if m:
        text, start = text[m.end():], start + m.end()
    while True:
        t = _TRAILING.search(text)
        if not t or t.start() == 0:
            break
        text = text[: t.start()]
    return text, start, start + len(text)


def _significant(gaz: Gazetteer, name: str, min_population: int) -> bool:
    for c in gaz.candidates(name, fuzzy=False, limit=50):
        if c.similarity < 0.97:
            continue
        p = c.place
        if p.feature_code in ("PCLI", "ADM1") or p.source == "conflict_places" \
                or p.population >= min_population:
            return True
    return False


# "the Syrian capital", "Syria's capital", "Syrias capital" (a country's name or demonym)
_CAPITAL = re.compile(r"\b(?P<who>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:'s|’s)?)\s+capital\b")
# "... capital Damascus", "... capital, Damascus", "... capital city of Kabul"
_NAMED_NEXT = re.compile(r"\s*,?\s*(?:city\s+)?(?:of\s+)?[A-Z]")
# type words of a part of a town: "the Salaheddine district of Aleppo" names the part first
PART_WORDS = frozenset({"district", "neighbourhood", "neighborhood", "quarter", "suburb"})


class Recognizer:
    def __init__(self, gazetteer: Gazetteer, rules: PlaceRules):
        self.gaz = gazetteer
        self.rules = rules

    def _type_hint(self, doc: Document, span: Span) -> Span:
        """"Idlib province", "the Euphrates River", "the village of Baghouz": note the feature class
        the type word implies, and look the name up without it when the full name is unknown."""
        words = span.text.split()
        last = words[-1].lower() if words else ""
        if len(words) > 1 and last in self.rules.type_words:
            span.feature_hint = self.rules.type_words[last]
            span.small = last in self.rules.small_words
            if not self.gaz.has_name(span.text):
                span.lookup = " ".join(words[:-1])
            return span
        after = doc.text[span.end: span.end + 20].split()
        if after and after[0].lower().strip(".,;:") in self.rules.type_words:
            span.feature_hint = self.rules.type_words[after[0].lower().strip(".,;:")]
            span.small = after[0].lower().strip(".,;:") in self.rules.small_words
        before = doc.text[max(0, span.start - 25): span.start].split()
        # ("the province of Idlib", "the Syrian city of Aleppo"; not "the Salaheddine district of
        # Aleppo", where the word belongs to the name before it)
        named_before = (
            len(before) >= 3
            and before[-2].lower() in PART_WORDS
            and before[-3][:1].isupper()
            and "-" not in before[-3]
            and before[-3].lower() not in ("the", "a", "an")
            and norm_key(before[-3]) not in self.rules.demonyms
        )
        if (len(before) >= 2 and before[-1].lower() == "of" and before[-2].lower() in self.rules.type_words
                and not named_before):
            span.feature_hint = self.rules.type_words[before[-2].lower()]
            span.small = before[-2].lower() in self.rules.small_words
        return span

    def _acronym(self, doc: Document, start: int, end: int, text: str) -> bool:
        """An all-capitals short word that is not a country and not in a dateline position."""
        letters = text.replace(" ", "").replace(".", "")
        if not (letters.isalpha() and letters.isupper() and len(letters) <= ACRONYM_MAX_LEN):
            return False
        if self._is_country(text):
            return False
        line_start = doc.text.rfind("\n", 0, start) + 1
        at_line_start = not doc.text[line_start:start].strip()
        return not (at_line_start and _DATELINE_AFTER.match(doc.text[end:end + 3]))

    def _capitals(self, doc: Document) -> list[Span]:
        """"the Syrian capital", "Syria's capital" (or "Syrias capital", its apostrophe stripped):
        the country's capital, looked up by its name.  Not when the capital is named next ("the
        Syrian capital Damascus"): that name is its own span."""
        out: list[Span] = []
        for m in _CAPITAL.finditer(doc.text):
            if _NAMED_NEXT.match(doc.text, m.end()):
                continue
            word = m.group("who")
            iso = self.rules.demonyms.get(norm_key(word))
            if iso is None:
                country = re.sub(r"(?:'s|’s|s)$", "", word)
                iso = next((c.place.iso2 for c in self.gaz.candidates(country, fuzzy=False)
                            if c.place.feature_code == "PCLI" and c.similarity >= 1.0), None)
            name = self.gaz.capital(iso) if iso else None
            sent = doc.sentence_at(m.start())
            if name is None or sent is None:
                continue
            out.append(Span(m.start("who"), m.end(), doc.text[m.start("who"):m.end()], sent.index,
                            f"capital:{iso}", lookup=name))
        return out

    def _media_name(self, doc: Document, start: int) -> bool:
        """The name of a channel or paper, told right after its lower-case kind ("the Lebanese TV
        channel Al-Mayadin", "the daily Tishreen")."""
        words = doc.text[max(0, start - 20):start].split()
        if not words:
            return False
        last = words[-1]
        return (last.islower() or last == "TV") and last.lower() in self.rules.media_nouns

    def _rejected(self, text: str) -> bool:
        key = norm_key(text)
        if key in self.rules.actor_names and not self._curated(text):
            return True
        return not key or key in self.rules.never_places or self.rules.has_org_word(text)

    def _curated(self, text: str) -> bool:
        """A name conflict_places.csv lists: a place even where an actor has the same name."""
        return any(c.place.source == "conflict_places" for c in self.gaz.candidates(text, fuzzy=False))

    def _surnames(self, mentions: list[Mention]) -> set[str]:
        out: set[str] = set()
        for m in mentions:
            if m.label == "PERSON" and len(m.text.split()) > 1:
                out.add(norm_key(m.text.split()[-1]))
        return out

    def recognize(self, doc: Document) -> Recognition:
        spans: list[Span] = []
        demonyms: list[str] = []
        blocked: list[tuple[int, int]] = []  # spans of non-place entities (ORG, PERSON...)
        mentions = self._split_bare_possessives(doc.mentions)
        surnames = self._surnames(mentions)
        for m in mentions:
            text, start, end = _clean(m.text, m.start)
            if not text:
                continue
            key = norm_key(text)
            if key in self.rules.demonyms:
                demonyms.append(self.rules.demonyms[key])
                blocked.append((m.start, m.end))
                continue
            after = _COMPOUND_AFTER.match(doc.text[m.end: m.end + 30])
            if after and after.group(1).lower() in self.rules.actor_suffixes:
                blocked.append((m.start, m.end))  # "US-backed": an actor reference, not a location
                continue
            if self._acronym(doc, start, end, text) or self._media_name(doc, start):
                blocked.append((m.start, m.end))
                continue
            if m.label in PLACE_LABELS:
                if self._rejected(text) or (not self.gaz.has_variant(text) and not self._typed_name(text)
                                             and not self.gaz.has_close(text)):
                    if self._rejected(text):
                        blocked.append((m.start, m.end))
                    continue
                spans.append(Span(start, end, text, m.sentence_index, f"ner:{m.label}", lookup=text))
            elif m.label in MAYBE_PLACE_LABELS:
                if (not self._rejected(text) and key not in surnames
                        and not self._is_person_name(m) and self.gaz.has_name(text)
                        and _significant(self.gaz, text, RELABEL_MIN_POPULATION)):
                    spans.append(Span(start, end, text, m.sentence_index, f"ner-relabel:{m.label}",
                                      lookup=text))
                elif (not self._rejected(text) and self.gaz.has_name(text)
                        and (self._introduced(doc, start) or self._after_place_preposition(doc, start, end))):
                    # "the towns of Khan Sheikhoun and Kafr Zita", "a school in Maaret al-Numan":
                    # the model's PERSON is a place
                    spans.append(Span(start, end, text, m.sentence_index,
                                      f"ner-relabel:{m.label}:introduced", lookup=text))
                else:
                    blocked.append((m.start, m.end))
        spans += self._ruler(doc, spans, blocked, surnames)
        spans += self._capitals(doc)
        spans.sort(key=lambda s: (s.start, -s.end))
        out: list[Span] = []
        for s in spans:  # drop overlaps, keeping the earlier (and longer) span
            if out and s.start < out[-1].end:
                continue
            out.append(self._type_hint(doc, s))
        modifiers = set()
        for s in out:
            s.lookup = s.lookup or s.text
            nxt = doc.text[s.end: s.end + 30].split(maxsplit=1)
            if doc.text[s.end: s.end + 1] == " " and nxt and nxt[0].isalpha() and nxt[0].islower() \
                    and nxt[0] not in _FUNCTION_WORDS:
                modifiers.add(s.start)
        tokens = _Tokens(doc.spacy_doc) if doc.spacy_doc is not None and out else None
        return Recognition(out, demonyms, modifiers,
                           self._speakers(doc, out, self.rules.government_verbs, tokens),
                           self._persons(doc, out, modifiers, tokens))

    def _persons(
        self, doc: Document, spans: list[Span], modifiers: set[int], tokens: _Tokens | None
    ) -> set[int]:
        """Spans a verb of speech introduces ("says X", "according to X") or that speak ("X notes");
        not a name that modifies what follows ("according to Chicago police", "said Hawaii's
        growth", "said Suffolk City chief of detectives")."""
        out = self._speakers(doc, spans, self.rules.speech_verbs, tokens)
        for s in spans:
            if s.start in modifiers or _NAME_GOES_ON.match(doc.text, s.end):
                continue
            if _SPEECH_BEFORE.search(doc.text, max(0, s.start - 20), s.start):
                out.add(s.start)
        return out

    def _speakers(
        self, doc: Document, spans: list[Span], verbs: frozenset[str], tokens: _Tokens | None
    ) -> set[int]:
        """Spans that are the subject of a verb of government action or speech: the span (with the
        names coordinated with it: "Moscow and Damascus", "Ankara, Tehran and Moscow"), then at
        most three auxiliaries, adverbs or particles, then a finite verb (or a participle after
        "has"/"had", an infinitive after a modal) whose lemma is listed.  Tags only; no parse."""
        if tokens is None or not verbs or not spans:
            return set()
        by_start = {s.start: s for s in spans}
        out: set[int] = set()
        i = 0
        while i < len(spans):
            chain = [spans[i]]
            while True:
                m = _COORDINATION.match(doc.text, chain[-1].end)
                nxt = by_start.get(m.end()) if m else None
                if nxt is None:
                    break
                chain.append(nxt)
            i += len(chain)
            # a subject, not the object of a preposition: "activists in Aleppo said" is no Aleppo
            # speaking
            if _after_preposition(doc.text, chain[0].start, tokens):
                continue
            m = _SPACE.match(doc.text, chain[-1].end)
            tok = tokens.at(m.end()) if m else None
            if tok is not None and _governs(tok, verbs):
                out.update(s.start for s in chain)
        return out

    def _typed_name(self, text: str) -> bool:
        words = text.split()
        return len(words) > 1 and words[-1].lower() in self.rules.type_words and self.gaz.has_name(
            " ".join(words[:-1]))

    def _introduced(self, doc: Document, start: int) -> bool:
        """Whether a place-type noun and "of" introduce the name ("the village of X", "the towns of
        Y and X"): a name the model took for a person is then a place."""
        before = doc.text[max(0, start - 120): start]
        m = _INTRODUCED.search(before)
        return bool(m and m.group("noun").lower() in self.rules.intro_nouns)

    def _after_place_preposition(self, doc: Document, start: int, end: int) -> bool:
        """Whether a preposition of place ("in X", "near X") or a verb of striking or taking a
        place ("struck X") governs the name, and no possessive follows it ("in Bashar al-Assad's
        Syria" names a person)."""
        if _POSSESSIVE_AFTER.match(doc.text, end):
            return False
        m = _WORD_BEFORE.search(doc.text, max(0, start - 20), start)
        word = m.group(1).lower() if m else ""
        return word in self.rules.place_prepositions or word in self.rules.place_verbs

    @staticmethod
    def _is_person_name(m: Mention) -> bool:
        # a multi-word PERSON ("Mustafa Bali") is a person even if its last word is a village
        return m.label == "PERSON" and len(m.text.split()) > 1

    def _ruler(self, doc: Document, taken: list[Span], blocked: list[tuple[int, int]],
               surnames: set[str]) -> list[Span]:
        found: list[Span] = []
        occupied = [(s.start, s.end) for s in taken]

        def overlaps(a: int, b: int, ranges: list[tuple[int, int]]) -> bool:
            return any(a < e and s < b for s, e in ranges)

        for sent in doc.sentences:
            for run in self._runs(sent.text):
                for start, end, text in self._ngrams(run):
                    a, b = sent.start + start, sent.start + end
                    if overlaps(a, b, occupied):
                        continue
                    compound = self._compound(text)
                    if compound is not None:
                        name, is_place = compound
                        if is_place and self.gaz.has_name(name) and not self._rejected(name):
                            found.append(Span(a, a + len(name), name, sent.index, "compound", lookup=name))
                            occupied.append((a, a + len(name)))
                        continue
                    if overlaps(a, b, blocked) or norm_key(text) in surnames:
                        continue
                    if self._rejected(text):
                        if " " in text and norm_key(text) in self.rules.never_places:
                            blocked.append((a, b))  # "Human Rights": not "Human" (Uman) either
                        continue
                    if " " not in text and (start == 0 or text.lower() in STOP_WORDS):
                        continue  # "But", "More": a sentence's first word is capitalised anyway
                    if self._acronym(doc, a, b, text):
                        continue  # acronyms: only country abbreviations (US, UK)
                    if self.gaz.has_name(text) and _significant(self.gaz, text, RULER_MIN_POPULATION):
                        found.append(Span(a, b, text, sent.index, "ruler", lookup=text))
                        occupied.append((a, b))
        return found

    def _split_bare_possessives(self, mentions: list[Mention]) -> list[Mention]:
        """A country's possessive written without its apostrophe, as in texts stripped of
        punctuation ("central Syrias Hama province", "Iraqs Anbar"), is the country and, after it,
        a name of its own: one mention becomes two.  Only a country name (not "Hamas", which is no
        "Hama" + s) and only where the word with its "s" is no place name itself."""
        out: list[Mention] = []
        for m in mentions:
            g = _BARE_POSSESSIVE.match(m.text)
            if g is None or self.gaz.has_name(g.group(0).rstrip()) or not self._is_country(g.group(1)):
                out.append(m)
                continue
            country = g.group(1)
            out.append(Mention(m.start, m.start + len(country), country, "GPE", m.sentence_index, m.source))
            rest = m.text[g.end():]
            if rest:
                out.append(Mention(m.start + g.end(), m.end, rest, m.label, m.sentence_index, m.source))
        return out

    def _is_country(self, text: str) -> bool:
        return any(c.place.feature_code == "PCLI" for c in self.gaz.candidates(text, fuzzy=False))

    def _compound(self, text: str) -> tuple[str, bool] | None:
        """"Britain-based" -> ("Britain", True); "US-backed" -> ("US", False); else None."""
        if " " in text or "-" not in text:
            return None
        head, _, suffix = text.rpartition("-")
        if suffix.lower() in self.rules.place_suffixes:
            return head, True
        if suffix.lower() in self.rules.actor_suffixes:
            return head, False
        return None

    @staticmethod
    def _runs(text: str) -> list[list[tuple[int, int, str]]]:
        """Maximal runs of capitalised words (with lower-case connectors inside)."""
        runs: list[list[tuple[int, int, str]]] = []
        cur: list[tuple[int, int, str]] = []
        last_end = -1
        for m in _TOKEN.finditer(text):
            word = m.group()
            gap = text[last_end: m.start()] if last_end >= 0 else " "
            contiguous = last_end >= 0 and gap == " "
            is_cap = bool(_WORD.fullmatch(word.rstrip(".")))
            if is_cap or (word.lower() in _CONNECTORS and cur and contiguous):
                if cur and not contiguous:
                    runs.append(cur)
                    cur = []
                cur.append((m.start(), m.end(), word))
            else:
                if cur:
                    runs.append(cur)
                cur = []
            last_end = m.end()
        if cur:
            runs.append(cur)
        return runs

    @staticmethod
    def _bound(run: list[tuple[int, int, str]]) -> list[bool]:
        """bound[j]: words j and j+1 belong to one name, joined by an Arabic article ("Maarat
        al-Numan", "Ras al Ain"), so no sub-sequence may split them: the tail alone ("Numan") is
        another town somewhere (Numan, Nigeria), and so is the head ("Ras")."""
        out = []
        for j in range(len(run) - 1):
            here, nxt = run[j][2], run[j + 1][2]
            out.append(here.lower() in _ARTICLE_WORDS or nxt.lower() in _ARTICLE_WORDS
                       or bool(_ARTICLE_PREFIX.match(nxt)))
        return out

    @classmethod
    def _ngrams(cls, run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Sub-sequences of a run, longest first, never starting or ending with a connector and
        never splitting a name bound by an Arabic article."""
        out: list[tuple[int, int, str]] = []
        n = len(run)
        bound = cls._bound(run)
        for size in range(min(MAX_NGRAM, n), 0, -1):
            for i in range(n - size + 1):
                first, last = run[i], run[i + size - 1]
                if first[2].lower() in _CONNECTORS or last[2].lower() in _CONNECTORS:
                    continue
                if (i > 0 and bound[i - 1]) or (i + size < n and bound[i + size - 1]):
                    continue
                start, end = first[0], last[1]
                text = "".join(w if j == 0 else " " + w for j, (_, _, w) in enumerate(run[i:i + size]))
                # strip trailing sentence punctuation kept by the token pattern
                while text and text[-1] in ".’'":
                    text, end = text[:-1], end - 1
                if text:
                    out.append((start, end, text))
        return out
