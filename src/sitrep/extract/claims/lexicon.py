"""The claim cue lexicon (src/sitrep/data/claim_cues.yaml), loaded once per data_dirs."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from sitrep.datafiles import load_yaml
from sitrep.errors import DataFileError

FILE = "claim_cues.yaml"


@dataclass(frozen=True)
class CueLexicon:
    # surface form -> lemma of a reporting verb
    verb_forms: dict[str, str]
    # lemmas whose object is part of the cue ("told AFP")
    object_verbs: frozenset[str]
    # multi-word cues, lower-case tokens ("according", "to")
    phrases: tuple[tuple[str, ...], ...]
    channels: frozenset[str]
    report_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    org_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    honorifics: frozenset[str]
    person_nouns: frozenset[str]
    role_nouns: frozenset[str]
    generic_person_nouns: frozenset[str]
    org_nouns: frozenset[str]
    synonyms: dict[str, frozenset[str]]
    # lexical pre-filter: a sentence is parsed only if this matches it
    prefilter: re.Pattern[str]

    @property
    def pronouns(self) -> frozenset[str]:
        return self.person_pronouns | self.org_pronouns | self.plural_pronouns


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise DataFileError(f"{key} must be a list", item=FILE)
    return frozenset(str(v).lower() for v in value)


def build_lexicon(data: dict[str, Any]) -> CueLexicon:
    """A CueLexicon from the parsed YAML mapping (separate from loading, for tests)."""
    if not isinstance(data, dict) or "verbs" not in data:
        raise DataFileError("expected a mapping with 'verbs'", item=FILE)
    verb_forms: dict[str, str] = {}
    object_verbs: set[str] = set()
    for lemma, spec in (data.get("verbs") or {}).items():
        spec = spec or {}
        forms = spec.get("forms") or [lemma]
        for form in forms:
            verb_forms.setdefault(str(form).lower(), str(lemma).lower())
        if spec.get("object"):
            object_verbs.add(str(lemma).lower())
    phrases = tuple(tuple(str(w).lower() for w in p) for p in (data.get("phrases") or []))
    pronouns = data.get("pronouns") or {}
    synonyms = {
        str(k).lower(): frozenset(str(v).lower() for v in (vals or []))
        for k, vals in (data.get("synonyms") or {}).items()
    }
    words = sorted(set(verb_forms) | {p[0] for p in phrases}, key=len, reverse=True)
    prefilter = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    return CueLexicon(
        verb_forms=verb_forms,
        object_verbs=frozenset(object_verbs),
        phrases=phrases,
        channels=_words(data, "channels"),
        report_nouns=_words(data, "report_nouns"),
        person_pronouns=frozenset(str(p).lower() for p in pronouns.get("person") or []),
        org_pronouns=frozenset(str(p).lower() for p in pronouns.get("org") or []),
        plural_pronouns=frozenset(str(p).lower() for p in pronouns.get("plural") or []),
        honorifics=_words(data, "honorifics"),
        person_nouns=_words(data, "person_nouns"),
        role_nouns=_words(data, "role_nouns"),
        generic_person_nouns=_words(data, "generic_person_nouns"),
        org_nouns=_words(data, "org_nouns"),
        synonyms=synonyms,
        prefilter=prefilter,
    )


@functools.lru_cache(maxsize=16)
def get_lexicon(data_dirs: tuple[str, ...] = ()) -> CueLexicon:
    return build_lexicon(load_yaml(FILE, data_dirs))
