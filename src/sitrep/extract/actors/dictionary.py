"""The actor dictionary (data/actors.yaml): entries, alias matching, ACLED names and codes."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from sitrep.datafiles import load_yaml
from sitrep.errors import DataFileError

ACTORS_FILE = "actors.yaml"


@dataclass(frozen=True)
class ActorEntry:
    name: str
    acled_name: str
    inter: int | None
    group: str | None
    country: str | None
    descriptor: bool = False
    refers_to: tuple[str, ...] = ()
    fallback: str | None = None
    masks: tuple[tuple[str, str], ...] = ()
    # the fallback where the article's focus country is one of these: {country: actor name}
    fallback_by_country: tuple[tuple[str, str], ...] = ()
    # naming the group places a story in its home country when the text names no country ("M23
    # rebels seized Rutshuru"): true only for groups that fight at home (not Hezbollah or the PKK)
    locates: bool = False
    # aliases that name the group's people by their livelihood ("herdsmen"): as the ones acted upon
    # they are civilians ("bandits killed five herdsmen"), as the ones acting the group
    victim_aliases: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AliasMatch:
    start: int
    end: int
    text: str
    entry: ActorEntry
    country: str | None = None  # a "<demonym> troops" match carries its country


@dataclass
class ActorDictionary:
    entries: dict[str, ActorEntry]
    _ci: re.Pattern[str] | None = None
    _cs: re.Pattern[str] | None = None
    _alias_ci: dict[str, str] = field(default_factory=dict)
    _alias_cs: dict[str, str] = field(default_factory=dict)
    _state: re.Pattern[str] | None = None
    # "warplanes believed to be Russian": a forces noun whose country is told after it
    _state_told: re.Pattern[str] | None = None
    demonyms: dict[str, str] = field(default_factory=dict)
    # country -> name of its first specific state-forces entry (actors.yaml order)
    forces_by_country: dict[str, str] = field(default_factory=dict)
    police_nouns: frozenset[str] = frozenset()
    ner_rules: list[tuple[re.Pattern[str], int, str]] = field(default_factory=list)
    # ORG entities that name no armed actor although a ner rule matches ("Military Academy")
    ner_exclude: list[re.Pattern[str]] = field(default_factory=list)
    # phrases that hold an alias but name no actor ("Syrian Coalition", "anti-regime")
    _not_actors: re.Pattern[str] | None = None
    # "-held", "-controlled" right after a mention: it names who holds a place
    territory_suffix: re.Pattern[str] | None = None
    # the words between a descriptor and the group that identifies it ("militants, believed to
    # belong to X"): matched in full against the text between the two mentions
    identified_by: re.Pattern[str] | None = None

    def get(self, name: str | None) -> ActorEntry | None:
        return self.entries.get(name) if name else None

    def match(self, text: str) -> list[AliasMatch]:
        """All alias matches in ``text``, non-overlapping, longest first."""
        found: list[AliasMatch] = []
        if self._state_told is not None:
            # the noun alone is the mention (it may be an event's word too: "warplanes struck");
            # found first, it wins over the same noun as a bare alias (a stable sort below)
            for m in self._state_told.finditer(text):
                country, noun = self.demonyms.get(m.group("demonym")), m.group("noun")
                entry = self._forces_entry(noun, country)
                found.append(AliasMatch(m.start("noun"), m.end("noun"), noun, entry, country=country))
        for pattern, table, fold in ((self._ci, self._alias_ci, True), (self._cs, self._alias_cs, False)):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                key = m.group(0).lower() if fold else m.group(0)
                name = table.get(key)
                if name is None and fold and key.endswith("s"):
                    name = table.get(key[:-1])  # "the armys shelling": the possessive of "the army"
                if name:
                    found.append(AliasMatch(m.start(), m.end(), m.group(0), self.entries[name]))
        if self._state is not None:
            for m in self._state.finditer(text):
                country = self.demonyms.get(m.group("demonym"))
                entry = self._forces_entry(m.group("noun"), country)
                found.append(AliasMatch(m.start(), m.end(), m.group(0), entry, country=country))
        if self._not_actors is not None:
            for m in self._not_actors.finditer(text):
                found.append(AliasMatch(m.start(), m.end(), m.group(0), _NOT_AN_ACTOR))
        # longest first, then leftmost; drop anything overlapping a kept match
        found.sort(key=lambda a: (-(a.end - a.start), a.start))
        kept: list[AliasMatch] = []
        for a in found:
            if all(a.end <= k.start or a.start >= k.end for k in kept):
                kept.append(a)
        return sorted((k for k in kept if k.entry is not _NOT_AN_ACTOR), key=lambda a: a.start)

    def _forces_entry(self, noun: str, country: str | None) -> ActorEntry:
        if noun.lower() in self.police_nouns:
            return self.entries["Police forces"]
        # "Russian helicopters" are the country's own forces entry when it has one ("Military
        # Forces of Russia (2000-)"), so one actor is coded one way
        return self.entries[self.forces_by_country.get(country or "", "Military forces")]

    def classify_org(self, text: str) -> tuple[int, str] | None:
        """(inter, group) for an unknown ORG entity that looks like an armed actor."""
        if any(rx.search(text) for rx in self.ner_exclude):
            return None
        for pattern, inter, group in self.ner_rules:
            if pattern.search(text):
                return inter, group
        return None


# a phrase of `not_actors`: it takes part in the longest match, then is dropped
_NOT_AN_ACTOR = ActorEntry(name="", acled_name="", inter=None, group=None, country=None)


def _alternation(phrases: list[str]) -> str:
    # longest first so the regex engine prefers "Islamic State group" over "Islamic State"
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


# a possessive whose apostrophe was lost ("the Syrian armys shelling", "the coalitions airstrikes"):
# an "s" glued to the alias, before another word
POSSESSIVE_S = r"(?:s(?=\s+\w))?"


def _bounded(body: str, flags: int = 0, possessive: bool = False) -> re.Pattern[str]:
    # whole words; a following hyphen is allowed ("IS-held"), a preceding one is not part of a word
    return re.compile(rf"(?<![\w])(?:{body}){POSSESSIVE_S if possessive else ''}(?![\w])", flags)


def _entry(raw: dict[str, Any]) -> ActorEntry:
    try:
        name = str(raw["name"])
    except KeyError:
        raise DataFileError("actor entry without a name", item=ACTORS_FILE) from None
    masks = raw.get("masks") or {}
    return ActorEntry(
        name=name,
        acled_name=str(raw.get("acled_name") or name),
        inter=int(raw["inter"]) if raw.get("inter") is not None else None,
        group=raw.get("group"),
        country=raw.get("country") or None,
        descriptor=bool(raw.get("descriptor", False)),
        refers_to=tuple(raw.get("refers_to") or ()),
        fallback=raw.get("fallback"),
        masks=tuple((str(k), str(v)) for k, v in masks.items()),
        fallback_by_country=tuple(
            (str(k), str(v)) for k, v in (raw.get("fallback_by_country") or {}).items()
        ),
        locates=bool(raw.get("locates", False)),
        victim_aliases=frozenset(str(a).lower() for a in raw.get("victim_aliases") or ()),
    )


def build_dictionary(data: dict[str, Any]) -> ActorDictionary:
    entries: dict[str, ActorEntry] = {}
    alias_ci: dict[str, str] = {}
    alias_cs: dict[str, str] = {}
    for raw in data.get("actors") or []:
        entry = _entry(raw)
        if entry.name in entries:  # user file first: the first definition wins
            continue
        entries[entry.name] = entry
        for alias in raw.get("aliases") or []:
            alias_ci.setdefault(str(alias).lower(), entry.name)
        for alias in raw.get("aliases_cs") or []:
            alias_cs.setdefault(str(alias), entry.name)
    for entry in entries.values():
        for ref in (*entry.refers_to, entry.fallback, *(v for _, v in entry.fallback_by_country)):
            if ref and ref not in entries:
                raise DataFileError(f"actor {entry.name!r} refers to unknown actor {ref!r}", item=ACTORS_FILE)
    d = ActorDictionary(entries=entries, _alias_ci=alias_ci, _alias_cs=alias_cs)
    if alias_ci:
        d._ci = _bounded(_alternation(list(alias_ci)), re.IGNORECASE, possessive=True)
    if alias_cs:
        d._cs = _bounded(_alternation(list(alias_cs)))
    d.demonyms = {str(k): str(v) for k, v in (data.get("demonyms") or {}).items()}
    # a country's possessive names its forces as its demonym does ("Russia's warplanes" = "Russian
    # warplanes"), also without the apostrophe in texts stripped of punctuation ("Syrias army")
    for country in set(d.demonyms.values()):
        for form in (f"{country}'s", f"{country}’s", *(() if country.endswith("s") else (f"{country}s",))):
            d.demonyms.setdefault(form, country)
    for e in entries.values():
        if e.group == "state" and e.inter == 1 and e.country and not e.descriptor and "{" not in e.acled_name:
            d.forces_by_country.setdefault(e.country, e.name)
    state = data.get("state_forces") or {}
    nouns = [str(n) for n in state.get("nouns") or []]
    d.police_nouns = frozenset(str(n).lower() for n in state.get("police_nouns") or [])
    if d.demonyms and nouns and "Military forces" in entries and "Police forces" in entries:
        d._state = re.compile(
            rf"(?<![\w-])(?P<demonym>{_alternation(list(d.demonyms))})\s+(?P<noun>{_alternation(nouns)}){POSSESSIVE_S}(?![\w])",
            re.IGNORECASE,
        )
        demonym, noun = _alternation(list(d.demonyms)), _alternation(nouns)
        d._state_told = re.compile(
            rf"(?<![\w-])(?P<noun>{noun})\s*,?\s+(?:(?:widely|also)\s+)?(?:believed|thought|said|suspected|"
            rf"reported|understood|presumed|assumed)\s+to\s+(?:be|have\s+been)\s+(?P<demonym>{demonym})(?![\w-])"
            rf"(?!\s+(?:{noun})\b)",
            re.IGNORECASE,
        )
        # demonym lookup must survive case folding of the match
        d.demonyms.update({k.lower(): v for k, v in list(d.demonyms.items())})
        d.demonyms.update({k.upper(): v for k, v in list(d.demonyms.items())})
        d.demonyms.update({k.title(): v for k, v in list(d.demonyms.items())})
    for rule in data.get("ner_rules") or []:
        try:
            d.ner_rules.append((re.compile(rule["pattern"]), int(rule["inter"]), str(rule["group"])))
        except (KeyError, re.error, ValueError) as exc:
            raise DataFileError(f"bad ner_rules entry: {exc}", item=ACTORS_FILE) from exc
    try:
        d.ner_exclude = [re.compile(str(p)) for p in data.get("ner_exclude") or []]
        not_actors = [re.escape(str(p)) for p in data.get("not_actors") or []]
        not_actors += [f"(?:{p})" for p in data.get("not_actor_patterns") or []]
        if not_actors:
            d._not_actors = _bounded("|".join(not_actors), re.IGNORECASE, possessive=True)
    except re.error as exc:
        raise DataFileError(f"bad not_actors / ner_exclude entry: {exc}", item=ACTORS_FILE) from exc
    identified = [str(x) for x in data.get("identified_by") or []]
    if identified:
        d.identified_by = re.compile(
            rf"\s*,?\s*(?:{_alternation(identified)})\s+(?:the\s+)?", re.IGNORECASE
        )
    suffixes = [str(x) for x in data.get("territory_suffixes") or []]
    if suffixes:
        d.territory_suffix = re.compile(rf"-(?:{_alternation(suffixes)})(?![\w])", re.IGNORECASE)
    return d


@functools.lru_cache(maxsize=8)
def load_dictionary(data_dirs: tuple[str, ...] = ()) -> ActorDictionary:
    data = load_yaml(ACTORS_FILE, data_dirs)
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping with an 'actors' list", item=ACTORS_FILE)
    return build_dictionary(data)


def acled_actor_name(
    entry: ActorEntry | None, country: str | None, fallback: str | None = None
) -> str | None:
    """ACLED-style name, e.g. "Islamic State (Syria)"; the country part is dropped when unknown."""
    if entry is None:
        return fallback
    name = entry.acled_name
    if "{country}" in name:
        if country:
            return name.replace("{country}", country)
        return re.sub(r"\s*\(?\{country\}\)?", "", name).replace(" of", "").strip() or entry.name
    return name


def inter_code(
    entry: ActorEntry | None, event_country: str | None, actor_country: str | None = None
) -> int | None:
    """ACLED inter code; a state force acting outside its own country is external (8)."""
    if entry is None:
        return None
    home = actor_country or entry.country
    if entry.inter == 1 and home and event_country and home != event_country:
        return 8
    return entry.inter
