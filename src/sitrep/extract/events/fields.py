"""Choosing an event's place, date, fatalities and claim, each with the evidence it came from."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sitrep.extract.events.lexicon import Lexicon, parse_number
from sitrep.extract.places.resolve import GOVERNMENT_RELATION, SPEAKER_RELATION, seat_of_government
from sitrep.records import Claim, Document, PlaceMention, Sentence, TimeExpression
from sitrep.regex_literals import fold, may_match

# words before a toponym that attach it to the event ("in", "near", "outside")
_ATTACH = re.compile(
    r"(?:\b(?:in|at|near|outside|around|on|into|inside|across|of|from|towards?|between|west|east|north|south)"
    r"(?:\s+the)?(?:\s+(?:village|town|city|district|province|region|area|outskirts|countryside|suburb)s?(?:\s+of)?)?"
    r"(?:\s+(?:northern|southern|eastern|western|central|rural|northwestern|northeastern|southwestern|southeastern))?\s*)$",
    re.IGNORECASE,
)
_NEAR = re.compile(
    r"\b(?:near|outside|around|close to|on the outskirts of|outskirts of)\s+(?:the\s+)?$", re.IGNORECASE
)
_MONTHS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*$",
    re.IGNORECASE,
)
_MONTH_AFTER = re.compile(
    # whole month names only: "5 martyrs", "7 Marines", "3 decapitated bodies" are no dates
    r"^\s*(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?|^\s*(?:am|pm|a\.m|p\.m|hours|years?|km|kilomet|miles?|percent|%)",
    re.IGNORECASE,
)
# the number at ``pos`` is part of a clock time or a decimal ("14:28", "2.5")
_CLOCK = re.compile(r"(?<=\d[:.])\d|\d+(?=[:.]\d)")
# the digits before a spaced thousands group ("Over 1 000 civilians": "000" is no figure)
_SPACED_THOUSANDS = re.compile(r"(?<![\d,.])\d{1,3} $")
_SPEECH_NEAR = re.compile(
    r"\b(?:said|says|told|reported|announced|stated|added|claimed|confirmed|according)\b", re.IGNORECASE
)
# a report's verb and its addressee before a day: "told SANA reporter on Wednesday", "the
# Observatory announced on Sunday that ..."
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|reported|announced|stated|added|claimed|confirmed)"
    r"(?:\s+(?:the|a|an|[A-Z][\w'’.-]*|reporters?|journalists?|correspondents?|press|news|media)){0,4}"
    r"\s+(?:(?:on|late|early|earlier)\s+)?$"
)
_COUNTRY_CODES = ("PCLI", "PCLD", "PCLF", "PCL", "PCLS", "PCLIX", "TERR")


@dataclass
class PlaceChoice:
    mention: PlaceMention
    level: str  # "sentence" | "paragraph" | "document"
    geo_precision: int
    near: bool = False
    note: str = ""  # how it was chosen, where the level alone does not say


@dataclass
class DateChoice:
    time: TimeExpression | None
    start: dt.date | None
    end: dt.date | None
    precision: int | None
    relative: str | None
    note: str


def is_country(p: PlaceMention) -> bool:
    place = p.place
    if place is None:
        return False
    if place.feature_code and place.feature_code.upper() in _COUNTRY_CODES:
        return True
    return bool(place.country and place.name == place.country and not place.admin1)


def _specificity(p: PlaceMention) -> int:
    """0 most specific (a town), 2 a whole country."""
    if is_country(p):
        return 2
    place = p.place
    if place is not None and place.feature_class == "A" and not place.admin2:
        return 1
    return 0


def usable_places(doc: Document) -> list[PlaceMention]:
    """Resolved toponyms that are not part of an actor or an organisation name ("Britain-based")."""
    out = []
    for p in doc.places:
        if p.place is None:
            continue
        if doc.text[p.end : p.end + 6].lower().startswith("-based"):
            continue
        if p.relation in (GOVERNMENT_RELATION, SPEAKER_RELATION):  # "Moscow denies", "says Winfield"
            continue
        if any(
            a.start <= p.start and p.end <= a.end and a.end - a.start > p.end - p.start for a in doc.actors
        ):
            continue
        out.append(p)
    return out


def paragraph_of(doc: Document, offset: int, breaks: list[int]) -> int:
    return bisect.bisect_right(breaks, offset)


def paragraph_breaks(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\n\s*\n|\n", text)]


def _base_precision(p: PlaceMention, near: bool) -> int:
    if p.geo_precision:
        base = p.geo_precision
    else:
        base = 3 if is_country(p) else (2 if _specificity(p) == 1 else 1)
    return max(base, 2) if near else base


# a dateline at the start of a line: "BEIRUT (Reuters) -", "ARIHA, Syria (AFP) -", "DAMASCUS -"
_DATELINE = re.compile(
    r"[\"'“]?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:,\s*[A-Z][\w.'’ -]{1,40}){0,2}\s*"
    r"(?:\([^)]{1,60}\)\s*)?[-–—:]\s"
)


# a dateline anywhere, as flattened web texts keep it after the headline: "... WASHINGTON (Sputnik)
# The US-led coalition ...": a name in capitals, then the outlet in brackets
_CAPS_DATELINE = re.compile(
    r"\b[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+){0,2}(?:,\s*[A-Z][\w.'’ -]{1,40}?){0,2}\s*"
    r"\([A-Z][^()]{1,40}\)"
)


# the same after a headline with a dash instead of the outlet: "... on Arms Charges. TBILISI,
# Georgia -- Georgian police ..."
_CAPS_DASH_DATELINE = re.compile(
    r"\b[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+){0,2}(?:,\s*[A-Z][\w.'’ ]{1,40}?){0,2}\s+(?:--|[-–—])\s"
)


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies in a dateline ("AMMAN (Kestrel News) - ...", "KAMPALA,
    Uganda (Wire) -", "BEIRUT, March 8 (Reuters) -", "... MOSCOW (Sputnik) The ..."): where and
    when the report was filed."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _DATELINE.match(text, line_start)
    if m and end <= m.end():
        return True
    lo = max(line_start, start - 50)
    return any(
        c.start() <= start and end <= c.end()
        for rx in (_CAPS_DATELINE, _CAPS_DASH_DATELINE)
        for c in rx.finditer(text, lo, end + 60)
    )


# named-entity labels whose spans are names, never the telling of an event: a capitalised trigger
# word inside one is part of the name ("the Houston Rockets", "the Organisation for the Prohibition
# of Chemical Weapons"); places are left out (the model runs a headline's verb into a town: "Aleppo
# Kills 23"), named events too (a march's name is the march: "the Great March of Return"), and of
# a DATE or TIME only its month names count ("since 30 March": the model also runs a time into
# the next word, "8 p.m. Protesters")
NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "PRODUCT", "LAW"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_MONTH_NAME = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# function words some headline styles keep in lower case ("Envoy Condemns Attack that Killed ...")
_HEADLINE_LOWER = frozenset({
    "that", "with", "from", "into", "over", "under", "after", "amid", "near", "than", "upon", "onto",
    "about", "against", "during", "before", "between", "across", "through", "toward", "towards",
    "without", "while", "when", "where", "which",
})
_COUNT_AFTER = re.compile(r"\s+(?:at\s+least\s+|more\s+than\s+|over\s+|some\s+|nearly\s+)?\d")


@dataclass(frozen=True)
class NameSpan:
    """A name of the article: ``kind`` "entity" (named entity), "actor" (an actor of the
    dictionary) or "month" (a month name inside a date)."""

    start: int
    end: int
    kind: str


def name_spans(doc: Document) -> list[NameSpan]:
    """The article's names a trigger word may sit in (``in_name``)."""
    spans = {NameSpan(m.start, m.end, "entity") for m in doc.mentions if m.label in NAME_LABELS}
    spans |= {
        NameSpan(m.start + w.start(), m.start + w.end(), "month")
        for m in doc.mentions
        if m.label in _TIME_LABELS
        for w in _MONTH_NAME.finditer(m.text)
    }
    spans |= {NameSpan(a.start, a.end, "actor") for a in doc.actors if a.source != "ner"}
    return sorted(spans, key=lambda n: (n.start, n.end))


def title_cased(text: str) -> bool:
    """A headline or label line in title case or capitals ("Rebels Clash With Troops In Idlib"),
    where a capital says nothing about a name."""
    # (a sentence crowded with names still has its verbs and nouns in lower case: "Fighters of the
    # Popular Mobilization Forces entered the town of Baiji")
    words = _content_words(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.9 * len(words)


def _content_words(text: str) -> list[str]:
    """The words of ``text`` that are no short function words (the ones title case capitalises)."""
    return [w for w in _WORD.findall(text) if len(w) >= 4 and w not in _HEADLINE_LOWER]


def _in_title_run(text: str, start: int, end: int, sentence_start: int) -> bool:
    """The words on both sides of ``text[start:end]`` are capitalised too: a headline run into the
    body ("... 18 Civilians Killed in Barrel Bomb Attack on Rural Aleppo The regime ..."), where
    the model reads title-case words as names."""
    before = _content_words(text[max(sentence_start, start - 40) : start])[-1:]
    after = _content_words(text[end : end + 40])[:1]
    sides = before + after
    return bool(sides) and all(w[0].isupper() for w in sides)


def in_name(
    text: str,
    names: list[NameSpan],
    start: int,
    end: int,
    sentence_start: int,
    described: tuple[tuple[int, int], ...] = (),
    entities: bool = True,
) -> bool:
    """Whether the trigger ``text[start:end]`` is a capitalised word of a name (``name_spans``).

    Only capitalised words: a name holds lower-case words of the event ("the army's offensive"
    read as one ORG says nothing).  A month name counts alone.  An actor of the dictionary counts
    when a word of it follows the trigger ("the Popular Mobilization Forces").  A named entity counts
    when a word of the name comes before the trigger ("Houston Rockets"; not "Kills Four", nor
    "Warplanes of Syrian Air Force"), none of those words is another trigger or an actor
    (``described``: "New Terrorist Mortar Shell Attacks", "Syrian Army Kills" are headline words
    describing the event, not a name) and the name is not in a run of title-case words.
    ``entities=False``: named entities do not count (a protest's name is the protest: "the
    Peaceful March").
    """
    if not text[start:end][:1].isupper():
        return False
    for n in names:
        if n.start > start:
            break
        if end > n.end:
            continue
        if n.kind == "month":
            return True
        if n.kind == "actor":
            # inside the name, a word of it after the trigger ("Russian airstrikes", "regime air
            # raids" are the deed named with its doer)
            if n.start <= start and end < n.end:
                return True
            continue
        if not entities or n.start == start or any(n.start <= s and e <= start for s, e in described):
            continue
        if _COUNT_AFTER.match(text, end):
            continue  # a headline's verb with its count ("... Aleppo Kills 23"): no name goes on so
        if not _in_title_run(text, n.start, n.end, sentence_start):
            return True
    return False


# what may open a sentence inside a segment: a capital after these starts a new sentence or quote
_OPENERS = frozenset(".:;!?\"“”‘'—–-([")
_PREVIOUS_WORD = re.compile(r"[^\W\d_][\w'’]*$")
_NAME_OPENERS = frozenset(
    {"a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "my", "your"}
)
# a determiner opening the sentence: a capital after it is a name ("The Rockets swept ...")
_OPENING_DETERMINER = re.compile(r"(?:The|A|An|This|That|These|Those|Its|Their|His|Her|Our)", re.ASCII)


def capitalised_name(
    text: str,
    start: int,
    end: int,
    segment_start: int,
    described: tuple[tuple[int, int], ...] = (),
    weapons: frozenset[str] = frozenset(),
) -> bool:
    """Whether the trigger ``text[start:end]`` is a capitalised word inside a sentence of ordinary
    case, which makes it a name even where the model finds no entity ("stopped at a Shell
    station", "the Price Chopper parking lot", "The Rockets swept the series").

    Not a name: the first word of the sentence or of a quote; a word in capitals ("IED"); a weapon
    written with a capital (``weapons``: "a Katyusha rocket"); a word after a verb, a preposition or
    a number ("filled with Chlorine gas", "fired Grad rockets"); a word
    in a run of title-case words (a headline run into the body); a word right after an actor or
    another trigger (``described``: "an ISIS Attack on ...", the words describe the event).
    Callers skip title-case segments, where every word has its capital."""
    word = text[start:end]
    if not word[:1].isupper() or word[:2].isupper() or word.split()[0].lower() in weapons:
        return False
    if any(w[:1].islower() for w in word.split()[1:]):
        return False  # the phrase goes on in lower case: a description ("the Air Force destroyed")
    before = text[segment_start:start].rstrip()
    if not before or before[-1] in _OPENERS:
        return False
    if _OPENING_DETERMINER.fullmatch(before):
        return True
    if any(s < start and e >= start - 2 for s, e in described):
        return False  # right after (or inside) an actor or another trigger
    # inside a name: after an article or a possessive ("a Shell station") or another capitalised
    # word ("the Price Chopper"); after a verb or a preposition a capital is the writer's habit
    # ("filled with Chlorine gas", "fired Grad rockets"), after a date the sentence's start
    prev = _PREVIOUS_WORD.search(before)
    if prev is None or not (prev.group(0).lower() in _NAME_OPENERS or prev.group(0)[0].isupper()):
        return False
    # a headline run has capitals on both sides, two words deep ("Killed in Barrel Bomb Attack on
    # Rural Aleppo"); a name sits among lower-case words ("the lot of the Price Chopper at Vivion Road")
    sides = _content_words(text[max(segment_start, start - 60) : start])[-2:]
    sides += _content_words(text[end : end + 60])[:2]
    return not (len(sides) >= 3 and all(w[0].isupper() for w in sides))


def opens_with_dateline(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` opens a line with a dateline ("MOPTI, Mali (Wire) - ...")."""
    if text[text.rfind("\n", 0, start) + 1 : start].strip():
        return False  # not at the start of its line
    m = _DATELINE.match(text, start)
    # the place in capitals, as wire services write it
    word = re.match(r"[\w.'’-]+", text[start : start + 40])
    return m is not None and word is not None and len(word.group(0)) >= 3 and word.group(0).isupper()


def dateline_place(text: str, p: PlaceMention) -> bool:
    return in_dateline(text, p.start, p.end)


# words before a place that make it where something happened ("in", "across northern", "near")
_LOCATIVE = re.compile(
    r"\b(?:in|inside|into|across|throughout|near|outside|at|around|within|over|towards?|on|hit|struck|"
    r"bombed|shelled|targeted|attacked|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# a legal status, not a place: "Daesh (banned in Russia)", "outlawed in many countries including Russia"
_STATUS = re.compile(
    r"\b(?:banned|outlawed|prohibited|proscribed|illegal|designated|blacklisted|listed)\b[^.;()]{0,40}$",
    re.IGNORECASE,
)


# a place named as a direction or a destination, not where something happened ("withdrew towards
# the border with Burkina Faso", "residents fled to Boni")
_DIRECTION = re.compile(
    r"(?:\b(?:border|borders|frontier|boundary)\s+with|\b(?:towards?|fled(?:\s+\w+)?\s+(?:to|towards?|into)|"
    r"flee(?:ing)?\s+(?:to|towards?|into)|heading\s+(?:to|for|towards?)|headed\s+(?:to|for|towards?))"
    r"(?:\s+the\s+(?:border|borders|frontier)\s+with)?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# where the wounded were taken, not where they were hurt: "taken to a hospital in Hasakah",
# "evacuated to Turkey", "airlifted to the capital"
_DESTINATION = re.compile(
    r"\b(?:taken|rushed|transferred|evacuated|moved|brought|flown|airlifted|transported|admitted|"
    r"referred)\s+(?:\w+\s+)?(?:to|into)\s+(?:(?:a|an|the)\s+)?(?:(?:[\w-]+\s+){0,3}?(?:hospitals?|"
    r"clinics?|medical\s+(?:centres?|centers?|facilit(?:y|ies))|field\s+hospital)\s+(?:in|at|near)\s+"
    r"(?:the\s+)?)?$",
    re.IGNORECASE,
)


# where someone spoke, not where anything happened: "said at a news conference in Lima", "at a
# summit in Brussels", "talks in Astana", "speaking in Moscow"
_SETTING = re.compile(
    r"\b(?:(?:(?:news|press)\s+conference|summit|talks|negotiations|conference|forum|interview|briefing|"
    r"(?:speech|address)\s+(?:to\s+(?:[\w-]+\s+){1,3})?|meeting\s+(?:of|with)\s+(?:[\w-]+\s+){1,4}?)"
    r"\s+(?:(?:held|hosted|convened)\s+)?(?:in|at)|(?:speaking|spoke|speaks)\s+(?:to\s+(?:[\w-]+\s+){1,3}?)?"
    r"(?:in|at|from))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# where an organisation sits: "the Observatory, which is based in Britain", "the Britain-based
# Observatory", "headquartered in Geneva"
_HOME = re.compile(r"\b(?:based|headquartered|exiled)\s+in\s+(?:the\s+)?$", re.IGNORECASE)


def _setting(text: str, p: PlaceMention) -> bool:
    return bool(_SETTING.search(text, max(0, p.start - 60), p.start))


def _home(text: str, p: PlaceMention) -> bool:
    return bool(_HOME.search(text, max(0, p.start - 30), p.start)) or bool(
        re.match(r"-based\b", text[p.end : p.end + 7])
    )


def _direction(text: str, p: PlaceMention) -> bool:
    return bool(
        _DIRECTION.search(text, max(0, p.start - 60), p.start)
        or _DESTINATION.search(text, max(0, p.start - 80), p.start)
    )


def _seat(p: PlaceMention) -> bool:
    return p.place is not None and seat_of_government(p.place)


# a possessive (with or without its apostrophe: texts stripped of punctuation write "Syrias Hama")
# and what follows it: a part of the place ("Syria's north", "Iraq's western desert")
_POSSESSIVE_AFTER = re.compile(r"(?:['’]s|s)\s+")
_PART_OF_PLACE = re.compile(
    r"(?:(?:far|central|restive|embattled|war-torn|mountainous|rural|remote)\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central|capital|border\w*|countryside|"
    r"provinces?|regions?|territory|coast\w*|interior|heartland|desert|frontier|hinterland|"
    r"hills?|mountains?)\b",
    re.I,
)


def _locative(text: str, p: PlaceMention, starts: frozenset[int] = frozenset()) -> bool:
    """Whether the text names ``p`` as where something is: after a locative word ("in Syria",
    "near Damascus", "hit Kabul") or as the possessive of a place within it ("Syria's Idlib province",
    "Iraq's north"; ``starts``: where the other toponyms begin), and not as a legal status
    ("outlawed in Russia") or an owner ("Russia's warplanes", "Syria's army")."""
    before = text[max(0, p.start - 60) : p.start]
    if _STATUS.search(before):
        return False
    if _LOCATIVE.search(before):
        return True
    poss = _POSSESSIVE_AFTER.match(text, p.end)
    if poss is None or (text[p.end] == "s" and not text[poss.end() : poss.end() + 1].isupper()):
        return False
    return poss.end() in starts or bool(_PART_OF_PLACE.match(text, poss.end()))


def choose_place(
    doc: Document, sentence: Sentence, trigger_start: int, places: list[PlaceMention], breaks: list[int]
) -> PlaceChoice | None:
    """The toponym attached to the trigger in its sentence, else nearby, else the article's focus."""
    text = doc.text
    lo, hi = segment(doc, sentence, trigger_start)
    # a country or a capital the text names other than as a location ("airstrikes carried out by
    # the United States", "trained by Washington", "Daesh (outlawed in Russia)") is an actor, never
    # the event's place; the event's place is then looked for nearby
    starts = frozenset(p.start for p in places)
    places = [p for p in places if not _seat(p) or _locative(text, p, starts) or dateline_place(text, p)]
    # a direction or a destination ("towards the border with Burkina Faso", "fled to Boni", "taken
    # to a hospital in Hasakah") is not where the event happened
    places = [p for p in places if not _direction(text, p)]
    # the seat of an organisation ("the Britain-based Observatory") is never where it happened
    places = [p for p in places if not _home(text, p)]
    in_sent = [p for p in places if p.sentence_index == sentence.index and lo <= p.start < hi]
    # "told a news conference in Lima": the place of a speech is the event's only when the
    # sentence names no other; nearby and article-wide it never is
    in_sent = [p for p in in_sent if not _setting(text, p)] or in_sent
    places = [p for p in places if not _setting(text, p)]
    # "AMMAN (Wire) - ... clashed around Kafr Nabudah in Hama province": the dateline names where
    # the reporter files from; it is the event's place only when the sentence names no other
    told = [p for p in in_sent if not dateline_place(text, p)]
    in_sent = told or in_sent
    if in_sent:

        def rank(p: PlaceMention) -> tuple[int, int, int]:
            before = text[max(sentence.start, p.start - 60) : p.start]
            attached = 0 if (p.relation in ("in", "near", "at") or _ATTACH.search(before)) else 1
            return (_specificity(p), attached, abs(p.start - trigger_start))

        best = min(in_sent, key=rank)
        near = best.relation == "near" or bool(_NEAR.search(text[max(0, best.start - 40) : best.start]))
        return PlaceChoice(best, "sentence", _base_precision(best, near), near)
    # nearby and article-wide too, the dateline counts only when nothing else is named
    places = [p for p in places if not dateline_place(text, p)] or places
    para = paragraph_of(doc, trigger_start, breaks)
    in_para = [p for p in places if paragraph_of(doc, p.start, breaks) == para]
    if in_para:
        best = min(in_para, key=lambda p: (_specificity(p), abs(p.start - trigger_start)))
        return PlaceChoice(best, "paragraph", max(_base_precision(best, False), 2))
    if places:
        counts = Counter((p.place.name if p.place else p.text) for p in places)
        best = min(
            places,
            key=lambda p: (_specificity(p), -counts[p.place.name if p.place else p.text], p.start),
        )
        return PlaceChoice(best, "document", 3)
    return None


def attached_to_speech(text: str, start: int, end: int) -> bool:
    """ "said Tuesday", "on Monday told AFP": the date of the report, not of the event."""
    after = text[end : end + 12]
    before = text[max(0, start - 12) : start]
    return bool(
        _SPEECH_NEAR.search(after[:9])
        or _SPEECH_NEAR.search(before)
        or _SPEECH_BEFORE.search(text, max(0, start - 60), start)
    )


def segment(doc: Document, sentence: Sentence, offset: int) -> tuple[int, int]:
    """The part of a sentence inside one paragraph (the sentence splitter may run across a
    blank line; a date or place in the next paragraph does not belong to the event)."""
    start, end = sentence.start, sentence.end
    for m in re.finditer(r"\n\s*", doc.text[sentence.start : sentence.end]):
        cut = sentence.start + m.start()
        if cut < offset:
            start = sentence.start + m.end()
        else:
            end = min(end, cut)
            break
    return start, end


def segments(doc: Document, sentence: Sentence) -> list[Sentence]:
    """The sentence cut at line breaks, each part as a Sentence with the same index."""
    out = []
    pos = sentence.start
    while pos < sentence.end:
        lo, hi = segment(doc, sentence, pos)
        text = doc.text[lo:hi]
        if text.strip():
            out.append(Sentence(index=sentence.index, start=lo, end=hi, text=text))
        nxt = doc.text.find("\n", hi) if hi < sentence.end else -1
        pos = max(hi + 1, nxt + 1) if nxt >= 0 else sentence.end
        while pos < sentence.end and doc.text[pos].isspace():
            pos += 1
    return out or [sentence]


# a boundary between coordinated or contrasted clauses: "...; ...", "..., and ...", "..., while ..."
_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|but|while|whereas|as)\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)


def _across_clauses(text: str, t: TimeExpression, trigger_start: int) -> bool:
    lo, hi = (t.end, trigger_start) if t.end <= trigger_start else (trigger_start, t.start)
    return bool(_CLAUSE_BREAK.search(text, lo, hi)) if lo < hi else False


def choose_date(
    doc: Document,
    sentence: Sentence,
    trigger_start: int,
    skip: Callable[[TimeExpression], bool] | None = None,
) -> DateChoice:
    """The sentence's time expression for the event, else the article date or dateline.

    Expressions ``skip`` rejects are never used (a span of years: the war, not the event).
    Expressions of the report ("said Tuesday") are used only when the sentence has no
    other; an expression without a calendar date ("10 days after declaring victory")
    is used only when the article has no date either.
    """
    art = doc.article
    lo, hi = segment(doc, sentence, trigger_start)
    times = [
        t
        for t in doc.times
        if t.sentence_index == sentence.index
        and t.tense != "future"
        and lo <= t.start < hi
        and t.rule != "dateline"
        and not in_dateline(doc.text, t.start, t.end)
        and not (skip and skip(t))
    ]
    dated = [t for t in times if t.date_start is not None]
    pool = ([t for t in dated if not attached_to_speech(doc.text, t.start, t.end)] or dated) if dated else []
    if not pool and art.date is None:
        pool = [t for t in times if t.relative]
    if pool:
        # the trigger's own clause first: "X stepped up an offensive in recent weeks, and shelling
        # hit Y on Tuesday" dates the shelling Tuesday, although "recent weeks" is nearer
        t = min(
            pool, key=lambda x: (_across_clauses(doc.text, x, trigger_start), abs(x.start - trigger_start))
        )
        return DateChoice(t, t.date_start, t.date_end or t.date_start, t.precision, t.relative, "")
    if art.date is not None:
        note = {"dateline": "from article dateline", "url": "from article URL"}.get(
            art.date_source or "", "inferred from article date")
        return DateChoice(None, art.date, art.date, 2, None, note)
    return DateChoice(None, None, None, None, "undated article", "article has no date")


_YEAR_BACKGROUND = re.compile(
    r"\b(?:in|since|from|during|by|until|of)\s+(?:(?:the|its|their|his|her)\s+)?(?:(?:early|mid|late)[-\s]?)?"
    r"(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def background_year(sentence_text: str, article_date: dt.date | None, days: int) -> re.Match[str] | None:
    """A year long before the article date ("in 2017" in a 2019 article), when no time
    expressions are available for the sentence."""
    if article_date is None:
        return None
    for m in _YEAR_BACKGROUND.finditer(sentence_text):
        year_end = dt.date(int(m.group("y")), 12, 31)
        if (article_date - year_end).days > days:
            return m
    return None


# a year that names the event itself ("the 2015 bombing of a bus station", "its 2014 offensive",
# "the 2013 chemical attack"): a determiner, the year and at most one more word before the trigger
# (not a plural, so "the 2000 soldiers attacked" in text stripped of its commas is no year)
_YEAR_MODIFIER = re.compile(
    r"\b(?:the|a|an|its|their|his|her|this|that)\s+(?P<y>(?:19|20)\d\d)\s+(?:[A-Za-z][\w'’-]*(?<!s)\s+)?$",
    re.IGNORECASE,
)


def year_modifier(text_before: str, article_date: dt.date | None, days: int) -> re.Match[str] | None:
    """The year the trigger is named with, right before it, when it ended long before the article
    date: the event is history whatever else the sentence dates ("sentenced on Monday for the 2015
    bombing")."""
    if article_date is None:
        return None
    m = _YEAR_MODIFIER.search(text_before)
    if m and (article_date - dt.date(int(m.group("y")), 12, 31)).days > days:
        return m
    return None


@dataclass
class Fatality:
    value: int
    start: int
    end: int
    text: str
    # the words naming the dead ("25 Nusra fighters were killed", "killed 28 IS militants"):
    # an actor named there is a victim, never the perpetrator (document offsets)
    victims: tuple[int, int] = (0, 0)
    # a part of a total told elsewhere ("six women were among those killed")
    partial: bool = False


# the words after a death figure that name who died, up to a preposition or conjunction
_VICTIM_WORDS = re.compile(
    r"(?:\s+(?!(?:in|on|at|near|when|as|after|during|and|while|by|from|including|since|"
    r"with|for|of|to|were|was|have|had|are)\b)[\w'-]+){1,6}",
    re.IGNORECASE,
)
# words that make a coordinated figure a count of the wounded, or the subject of a new clause
_NOT_DEAD = re.compile(r"\b(?:injured|wounded|hurt|others?|more)\b", re.IGNORECASE)
_CLAUSE_AFTER = re.compile(r"\s+(?:were|was|are|is|have|has|had|injured|wounded|hurt)\b", re.IGNORECASE)
# what may come before a first conjunct that counts the dead: punctuation, a verb of saying, a
# subordinator ("Activists said that a boy and two women were killed", "... in which 5 soldiers and")
_CLAUSE_OPENING = re.compile(
    r"(?:[,;:.!?\"'(\u201c\u2018-]|\b(?:said|says|say|reported|added|stated|announced|that|which|whom|where|when|while|as)"
    r")\s*$",
    re.IGNORECASE,
)
_LEADING_QUALIFIER = re.compile(
    r"\b(?:at least|more than|well over|over|some|about|around|nearly|almost|as many as)\s+$", re.IGNORECASE
)
_QUALIFIER = r"(?:(?:at least|more than|well over|over|some|about|around|nearly|almost|as many as)\s+)?"
_OPENING = re.compile(_QUALIFIER, re.IGNORECASE)
# "a woman was killed": "a"/"an" in a fatality pattern's number group count one
_ONE = frozenset({"a", "an"})


@functools.lru_cache(maxsize=8)
def _coordination(number: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a figure coordinated after a toll's victims: "killed 15 civilians and 27 fighters";
    a figure coordinated before a toll: "45 militants and 20 fighters were killed")."""
    # ("a woman and her two children": the family of the first named)
    after = re.compile(rf"\s+and\s+(?:(?:his|her|their)\s+)?{_QUALIFIER}(?P<n>{number})", re.IGNORECASE)
    before = re.compile(
        rf"(?P<n>{number}|\b(?:an?|one)\b)\s+(?:(?!(?:{number}|were|was|are|is|have|has|had|been|killed|died|"
        rf"injured|wounded|and)\b)[\w'-]+\s+){{1,4}}?and\s+(?:(?:his|her|their)\s+)?$",
        re.IGNORECASE,
    )
    return after, before


def _value(text: str, lex: Lexicon) -> int | None:
    return 1 if text.strip().lower() in _ONE else parse_number(text, lex.numbers)


def _coordinated(
    sentence: Sentence, lex: Lexicon, m: re.Match[str], v_end: int
) -> tuple[int, int, int] | None:
    """A figure of the dead coordinated with the toll ``m`` (ACLED counts all of an event's dead):
    (its value, the start of the victims span, its end).  "killed 15 civilians and 27 fighters",
    "45 militants and 20 fighters had been killed", "a child and a woman were killed" — not "killed
    3 people and 5 others were wounded", nor "the attack on 2 villages and 5 people were killed"."""
    text = sentence.text
    after, before = _coordination(lex.number_rx.pattern)
    s = m.start("n")
    # "killed N <who>" or "killed a woman": a second figure may follow the victims
    if m.end() == m.end("n") or (m.group("n").lower() in _ONE | {"one"} and s > m.start()):
        if re.search(r"\bbetween\s+$", text[m.start() : s], re.IGNORECASE):
            return None  # "killing between 1000 and 1800": a range, its lowest figure stands
        a = after.match(text, v_end)
        if a is not None:
            words = _VICTIM_WORDS.match(text, a.end("n"))
            if words and not _NOT_DEAD.search(words.group(0)) and not _CLAUSE_AFTER.match(text, words.end()):
                value = _value(a.group("n"), lex)
                if value is not None:
                    return value, s, words.end()
        return None
    if not _OPENING.fullmatch(text, m.start(), s):  # the figure opens the match: "N <who> were killed"
        return None
    b = before.search(text[max(0, m.start() - 80) : m.start()])
    if b is None:
        return None
    b_start = max(0, m.start() - 80) + b.start()
    # the first figure opens a clause ("It said at least 45 militants and 20 soldiers ..."); after
    # a verb or a preposition it is an object ("raided 2 villages and 6 people were killed")
    prefix = _LEADING_QUALIFIER.sub("", text[max(0, b_start - 40) : b_start])
    if prefix.strip() and not _CLAUSE_OPENING.search(prefix):
        return None
    value = _value(b.group("n"), lex)
    return (value, b_start, v_end) if value is not None else None


# the provenance note of a toll lent from a sentence that reports it without an event of its own
LENT_TOLL_NOTE = "in an adjacent sentence"


def find_fatalities(sentence: Sentence, lex: Lexicon) -> list[Fatality]:
    """Reported death figures in the sentence; vague amounts ("dozens") give none."""
    out: list[Fatality] = []
    taken: list[tuple[int, int]] = []
    text = sentence.text
    folded = fold(text)
    for rx, guard in zip(lex.fatalities, lex.fatality_guards, strict=True):
        if not may_match(guard, folded):
            continue
        pos = 0
        while (m := rx.search(text, pos)) is not None:
            s, e = m.span("n")
            # a rejected number must not hide a toll inside its own match ("October 2 2017 At
            # least 17 people were killed": the year matches first), so search again just after it
            pos = max(m.start() + 1, s + 1)
            # a figure inside a toll already read is part of its breakdown ("26 people including
            # 16 soldiers were killed")
            if any(s < te and ts < e for ts, te in taken):
                continue
            # a number that is part of a date, a clock time ("14:28"), a measure or a spaced
            # thousands group ("1 000") is no death toll
            if (
                _MONTHS.search(text[max(0, s - 10) : s])
                or _MONTH_AFTER.search(text[e : e + 10])
                or _CLOCK.match(text, s)
                or (
                    len(m.group("n")) == 3
                    and m.group("n").isdigit()
                    and _SPACED_THOUSANDS.search(text, max(0, s - 5), s)
                )
            ):
                continue
            value = _value(m.group("n"), lex)
            if value is None or (1900 <= value <= 2100 and m.group("n").isdigit()):
                continue  # a year ("in 2016 ... were killed"), not a toll
            clause = text[max(0, m.start() - 80) : m.end() + 80]
            if any(rx.search(clause) for rx in lex.cumulative_tolls):
                pos = m.end()
                taken.append((s, e))  # deaths over months or a whole war: no event's toll
                continue
            pos = m.end()
            taken.append((m.start(), m.end()))
            words = _VICTIM_WORDS.match(text, e)
            v_start, v_end = s, max(m.end(), words.end() if words else e)
            more = _coordinated(sentence, lex, m, v_end)
            if more is not None:
                value += more[0]
                v_start, v_end = min(s, more[1]), max(v_end, more[2])
                taken.append((more[1], more[2]))
            out.append(
                Fatality(
                    value,
                    sentence.start + m.start(),
                    sentence.start + m.end(),
                    m.group(0),
                    (sentence.start + v_start, sentence.start + v_end),
                    partial="partial" in rx.groupindex and m.group("partial") is not None,
                )
            )
    whole = [f for f in out if not f.partial]
    return whole if whole else out


def find_claim(doc: Document, offset: int, sentence_index: int) -> Claim | None:
    """The claim whose reported content holds the trigger."""
    for c in doc.claims:
        if any(s <= offset < e for s, e in c.quote_spans):
            return c
    for c in doc.claims:
        if c.quote_spans:
            continue
        if c.start <= offset < c.end or sentence_index in c.sentence_indexes:
            if c.speaker_start is not None and c.speaker_start <= offset < (c.speaker_end or 0):
                continue
            return c
    return None


def format_date(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


def describe_place(choice: Any) -> str:
    if choice is None:
        return ""
    place = choice.mention.place
    name = place.name if place else choice.mention.text
    parts = [p for p in ((place.admin1 if place else None),) if p and p != name]
    where = f"{name} ({', '.join(parts)})" if parts else name
    if place is not None and place.country and place.country != name:
        where += f", {place.country}"
    prep = "near" if choice.near or choice.level != "sentence" else "in"
    return f"{prep} {where}"
