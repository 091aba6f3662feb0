"""Recognition/resolution rules loaded from data files (place_rules.yaml, country_names.yaml)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.datafiles import load_yaml
from sitrep.extract.places.normalize import norm_key


@dataclass(frozen=True)
class PlaceRules:
    never_places: frozenset[str]  # norm keys
    org_words: frozenset[str]  # norm keys of single words / phrases
    place_suffixes: frozenset[str]
    actor_suffixes: frozenset[str]
    type_words: dict[str, frozenset[str]]  # lower word -> feature classes
    near_cue: re.Pattern[str]  # matches at the end of the text before a toponym
    part_cue: re.Pattern[str]
    demonyms: dict[str, str]  # norm demonym -> ISO2
    government_verbs: frozenset[str] = frozenset()  # lemmas: "Moscow denies" names a government
    speech_verbs: frozenset[str] = frozenset()  # lemmas: "Winfield notes" names a person
    intro_nouns: frozenset[str] = frozenset()  # "the towns of X": X is a place whatever NER says
    place_prepositions: frozenset[str] = frozenset()  # "in X": X is a place if the gazetteer knows it
    place_verbs: frozenset[str] = frozenset()  # "struck X": likewise
    # names the actor dictionary gives an actor ("Hamas", "Taliban", "farmers"): GeoNames keeps some
    # as alternate names of towns (Hamm, Bozhuyuk), which must not turn an actor into a place
    actor_names: frozenset[str] = frozenset()
    # type words of a small settlement ("the village of Tera"): a candidate far bigger than
    # `small_max_population` does not fit them, whatever its feature class
    small_words: frozenset[str] = frozenset()
    small_max_population: int = 0
    media_nouns: frozenset[str] = frozenset()  # "the TV channel Al-Mayadin": a medium's name

    def has_org_word(self, text: str) -> bool:
        key = norm_key(text)
        words = key.split()
        if any(w in self.org_words for w in words):
            return True
        return any(" " in o and f" {o} " in f" {key} " for o in self.org_words)


def _cue_pattern(phrases: list[str]) -> re.Pattern[str]:
    # a cue, optionally followed by "the village/town/city of" etc., right before the toponym
    alts = "|".join(sorted((re.escape(p) for p in phrases), key=len, reverse=True))
    filler = r"(?:\s+(?:the|a)\s+(?:village|town|city|area|camp|region|province|district)\s+of)?"
    return re.compile(rf"\b(?:{alts}){filler}\s+(?:the\s+)?$", re.IGNORECASE)


@functools.lru_cache(maxsize=8)
def load_rules(data_dirs: tuple[str, ...] = ()) -> PlaceRules:
    data = load_yaml("place_rules.yaml", data_dirs) or {}
    countries = load_yaml("country_names.yaml", data_dirs) or {}
    demonyms: dict[str, str] = {}
    for iso2, entry in countries.items():
        for d in (entry or {}).get("demonyms") or []:
            demonyms.setdefault(norm_key(d), iso2)
    type_words = {str(k).lower(): frozenset(v) for k, v in (data.get("type_words") or {}).items()}
    return PlaceRules(
        never_places=frozenset(norm_key(str(w)) for w in data.get("never_places") or []),
        org_words=frozenset(norm_key(str(w)) for w in data.get("org_words") or []),
        place_suffixes=frozenset(str(s).lower() for s in data.get("place_compound_suffixes") or []),
        actor_suffixes=frozenset(str(s).lower() for s in data.get("actor_compound_suffixes") or []),
        type_words=type_words,
        near_cue=_cue_pattern([str(p) for p in data.get("near_cues") or []]),
        part_cue=_cue_pattern([str(p) for p in data.get("part_cues") or []]),
        demonyms=demonyms,
        government_verbs=frozenset(str(v).lower() for v in data.get("government_verbs") or []),
        speech_verbs=frozenset(str(v).lower() for v in data.get("speech_verbs") or []),
        intro_nouns=frozenset(str(v).lower() for v in data.get("intro_nouns") or []),
        place_prepositions=frozenset(str(v).lower() for v in data.get("place_prepositions") or []),
        place_verbs=frozenset(str(v).lower() for v in data.get("place_verbs") or []),
        actor_names=_actor_names(data_dirs),
        small_words=frozenset(str(w).lower() for w in data.get("small_settlement_words") or []),
        small_max_population=int(data.get("small_settlement_max_population") or 0),
        media_nouns=frozenset(str(w).lower() for w in data.get("media_nouns_before") or []),
    )


def _actor_names(data_dirs: tuple[str, ...]) -> frozenset[str]:
    """Norm keys of every alias in actors.yaml (the user's files first, like the dictionary)."""
    data = load_yaml("actors.yaml", data_dirs) or {}
    out = set()
    for entry in data.get("actors") or []:
        for alias in [*(entry.get("aliases") or []), *(entry.get("aliases_cs") or [])]:
            out.add(norm_key(str(alias)))
    out.discard("")
    return frozenset(out)
