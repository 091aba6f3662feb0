"""Load ``time_rules.yaml`` into compiled patterns (once per set of data directories).

The data file holds the phrases; this module only turns them into regular
expressions: ``{placeholder}`` names in a pattern become named groups built
from the vocabulary, and every pattern is compiled once, case-insensitively,
with month and weekday names kept case-sensitive (``(?-i:...)``) so that "may"
or "a march" are not dates.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sitrep.datafiles import load_yaml
from sitrep.errors import DataFileError

RULES_FILE = "time_rules.yaml"

# the resolvers that exist (sitrep.extract.time.resolve); a rule naming another kind is a data error
KINDS = (
    "offset", "weekday", "week", "weekend", "window", "recent", "ago", "month_rel", "year_rel",
    "date", "date_range", "numeric", "month", "year", "decade", "anaphoric", "event_relative",
)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Settings:
    historical_days: int = 30
    future_year_grace_days: int = 7
    dateline_head_chars: int = 300
    numeric_day_first_separators: tuple[str, ...] = (".",)
    ambiguous_numeric_order: str | None = None
    numeric_order_min_evidence: int = 2
    numeric_order_agreement: float = 0.9
    future_cue_window: int = 6
    recent_days: Mapping[str, int] = field(default_factory=dict)
    precision_by_days: int = 7


@dataclass(frozen=True)
class Vocabulary:
    months: Mapping[str, int]  # lower-case spelling -> 1..12
    full_months: tuple[str, ...]  # full names as written ("January")
    weekdays: Mapping[str, int]  # lower-case spelling -> 0 (Monday) .. 6
    full_weekdays: tuple[str, ...]
    numbers: Mapping[str, int]
    units: Mapping[str, str]
    parts: Mapping[str, str]
    part_ranges: Mapping[str, Mapping[str, tuple[int, int]]]
    seasons: Mapping[str, tuple[int, int]]
    dayparts: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    regexes: tuple[re.Pattern[str], ...]
    params: Mapping[str, Any]
    precision: int | None
    relative: str | None
    relative_future: str | None
    order: int
    requires: frozenset[str] = frozenset()  # one of these lower-case words must occur (empty: always run)
    needs_digit: bool = False  # or, with "@digits", a digit


@dataclass(frozen=True)
class RuleSet:
    settings: Settings
    vocab: Vocabulary
    rules: tuple[Rule, ...]
    gated: bool  # every rule has a gate: a sentence without any gate word (or digit) is skipped
    gate_words: frozenset[str]
    gate_digit: bool
    since_before: re.Pattern[str]  # "since " right before an expression (searched on the text before it)
    future_cue: re.Pattern[str]
    neutral_prefix: re.Pattern[str]  # a neutral preposition at the start of a match
    dateline_patterns: tuple[re.Pattern[str], ...]
    dateline_no_year: tuple[re.Pattern[str], ...]
    dateline_label_end: re.Pattern[str]  # a label ending right before a dateline
    dateline_blocking: frozenset[str]


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so "Sept" wins over "Sep")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _spellings(table: Mapping[Any, list[str]], what: str) -> tuple[dict[str, int], list[str], list[str]]:
    by_word: dict[str, int] = {}
    full: list[str] = []
    abbrev: list[str] = []
    for key, words in table.items():
        try:
            value = int(key)
        except (TypeError, ValueError):
            raise DataFileError(f"{what}: key {key!r} is not a number", item=RULES_FILE) from None
        for i, word in enumerate(words):
            by_word[str(word).lower()] = value
            (full if i == 0 else abbrev).append(str(word))
    return by_word, full, abbrev


def _placeholders(vocab: Vocabulary, abbrev_months: list[str], abbrev_days: list[str]) -> dict[str, str]:
    months_all = _alt([*vocab.full_months, *abbrev_months])
    days_all = _alt([*vocab.full_weekdays, *abbrev_days])
    day = r"(?P<{n}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    out = {
        "month": rf"(?P<month>(?-i:{months_all}))(?!\w)",
        "month2": rf"(?P<month2>(?-i:{months_all}))(?!\w)",
        "month_full": rf"(?P<month>(?-i:{_alt(vocab.full_months)}))(?!\w)",
        "weekday": rf"(?P<weekday>(?-i:{_alt(vocab.full_weekdays)}))(?!\w)",
        "weekday_any": rf"(?P<weekday>(?-i:{days_all}))\.?(?!\w)",
        "day": day.format(n="day"),
        "day2": day.format(n="day2"),
        "year": r"(?P<year>(?:19|20)\d\d)",
        "num": rf"(?P<num>\d{{1,3}}|{_alt(vocab.numbers)})",
        "unit": rf"(?P<unit>{_alt(vocab.units)})(?!\w)",
        "part": rf"(?P<part>{_alt(vocab.parts)})",
        "season": rf"(?P<season>{_alt(vocab.seasons)})",
        "daypart": rf"(?:{_alt(vocab.dayparts)})(?!\w)",
    }
    return out


def _expand(pattern: str, table: Mapping[str, str], where: str) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in table:
            return table[name]
        if name.isdigit() or "," in name:  # a quantifier such as \d{3}
            return m.group(0)
        raise DataFileError(f"unknown placeholder {{{name}}}", item=f"{RULES_FILE}: {where}")

    return _PLACEHOLDER.sub(sub, pattern)


def _compile(pattern: str, table: Mapping[str, str], where: str, bounded: bool = True,
             glued_end: bool = False) -> re.Pattern[str]:
    """Compile a pattern; ``bounded`` keeps it from starting or ending inside a word, except that
    ``glued_end`` lets it end right before letters (scraped datelines: "18.10.2014Get short URL")."""
    body = _expand(pattern, table, where)
    if bounded:
        body = rf"(?<![\w-])(?:{body})" + ("" if glued_end else r"(?![\w])")
    try:
        return re.compile(body, re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"bad pattern: {exc}", item=f"{RULES_FILE}: {where}") from exc


def _vocabulary(raw: Mapping[str, Any]) -> tuple[Vocabulary, list[str], list[str]]:
    months, full_months, abbrev_months = _spellings(raw["months"], "months")
    weekdays, full_days, abbrev_days = _spellings(raw["weekdays"], "weekdays")
    part_ranges = {
        scale: {part: (int(r[0]), int(r[1])) for part, r in parts.items()}
        for scale, parts in raw.get("part_ranges", {}).items()
    }
    vocab = Vocabulary(
        months=months,
        full_months=tuple(full_months),
        weekdays=weekdays,
        full_weekdays=tuple(full_days),
        numbers={str(k).lower(): int(v) for k, v in raw.get("numbers", {}).items()},
        units={str(k).lower(): str(v) for k, v in raw.get("units", {}).items()},
        parts={str(k).lower(): str(v) for k, v in raw.get("parts", {}).items()},
        part_ranges=part_ranges,
        seasons={str(k).lower(): (int(v[0]), int(v[1])) for k, v in raw.get("seasons", {}).items()},
        dayparts=tuple(str(d) for d in raw.get("dayparts", ())),
    )
    return vocab, abbrev_months, abbrev_days


def _requirements(items: Iterable[str], vocab: Vocabulary, rule: str) -> tuple[frozenset[str], bool]:
    classes: dict[str, Iterable[str]] = {
        "@weekdays": vocab.weekdays, "@months": vocab.months, "@units": vocab.units,
        "@seasons": vocab.seasons,
    }
    words: set[str] = set()
    needs_digit = False
    for item in items:
        item = str(item)
        if item == "@digits":
            needs_digit = True
        elif item.startswith("@"):
            if item not in classes:
                raise DataFileError(f"rule {rule!r}: unknown requirement {item!r}", item=RULES_FILE)
            words.update(w.lower().rstrip(".") for w in classes[item])
        else:
            words.update(item.lower().split())
    return frozenset(words), needs_digit


def build_ruleset(data: Mapping[str, Any]) -> RuleSet:
    """Compile a parsed rules file (the YAML as a mapping)."""
    try:
        raw_settings = dict(data.get("settings") or {})
        settings = Settings(
            historical_days=int(raw_settings.get("historical_days", 30)),
            future_year_grace_days=int(raw_settings.get("future_year_grace_days", 7)),
            dateline_head_chars=int(raw_settings.get("dateline_head_chars", 300)),
            numeric_day_first_separators=tuple(raw_settings.get("numeric_day_first_separators") or ()),
            ambiguous_numeric_order=raw_settings.get("ambiguous_numeric_order"),
            numeric_order_min_evidence=int(raw_settings.get("numeric_order_min_evidence", 2)),
            numeric_order_agreement=float(raw_settings.get("numeric_order_agreement", 0.9)),
            future_cue_window=int(raw_settings.get("future_cue_window", 6)),
            recent_days={str(k): int(v) for k, v in (raw_settings.get("recent_days") or {}).items()},
            precision_by_days=int(raw_settings.get("precision_by_days", 7)),
        )
        vocab, abbrev_months, abbrev_days = _vocabulary(data["vocabulary"])
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise DataFileError(f"invalid settings or vocabulary: {exc}", item=RULES_FILE) from exc
    if settings.ambiguous_numeric_order not in (None, "dmy", "mdy"):
        raise DataFileError("ambiguous_numeric_order must be null, 'dmy' or 'mdy'", item=RULES_FILE)
    table = _placeholders(vocab, abbrev_months, abbrev_days)

    rules: list[Rule] = []
    seen: set[str] = set()
    for order, entry in enumerate(data.get("rules") or ()):
        name = str(entry.get("name", f"rule{order}"))
        if name in seen:  # a user file listing a bundled rule name replaces it (user rules come first)
            continue
        seen.add(name)
        kind = entry.get("kind")
        if kind not in KINDS:
            raise DataFileError(f"rule {name!r}: unknown kind {kind!r}", item=RULES_FILE,
                                hint=f"one of {', '.join(KINDS)}")
        patterns = entry.get("patterns") or []
        if not patterns:
            raise DataFileError(f"rule {name!r} has no patterns", item=RULES_FILE)
        requires, needs_digit = _requirements(entry.get("requires") or (), vocab, name)
        rules.append(Rule(
            name=name,
            kind=kind,
            regexes=tuple(_compile(p, table, f"rule {name}") for p in patterns),
            params=dict(entry.get("params") or {}),
            precision=int(entry["precision"]) if entry.get("precision") is not None else None,
            relative=entry.get("relative"),
            relative_future=entry.get("relative_future"),
            order=order,
            requires=requires,
            needs_digit=needs_digit,
        ))

    # the gate of the whole rule set: a sentence with none of the rules' words (or digits) is skipped
    gated = all(r.requires or r.needs_digit for r in rules)
    gate_words = frozenset().union(*(r.requires for r in rules)) if gated else frozenset()
    gate_digit = any(r.needs_digit for r in rules)
    prefixes = [p for p, kind in (data.get("prefixes") or {}).items() if kind == "since"]
    clause_verbs = [str(v) for v in data.get("since_clause_verbs") or ()]
    clause = (
        rf"|(?:^|\W)({_alt(prefixes) or 'since'})\s+(?:[\w'-]+\s+){{0,6}}?(?:{_alt(clause_verbs)})"
        r"(?:\s+(?:on|in|at|during))?\s+$"
    ) if clause_verbs else ""
    since_before = re.compile(
        rf"(?:^|\W)({_alt(prefixes) or 'since'})\s+${clause}", re.IGNORECASE
    )
    raw_vocab = data["vocabulary"]
    cues = [str(c) for c in raw_vocab.get("future_cues", ())]
    future_cue = re.compile(rf"(?:^|\W)(?:{_alt(cues)})(?!\w)", re.IGNORECASE)
    neutral = [str(p) for p in raw_vocab.get("neutral_prepositions", ())]
    neutral_prefix = re.compile(rf"(?:{_alt(neutral)})\s+", re.IGNORECASE)

    dl = data.get("datelines") or {}
    labels = [str(x) for x in dl.get("labels", ())]
    return RuleSet(
        settings=settings,
        vocab=vocab,
        rules=tuple(rules),
        gated=gated,
        gate_words=gate_words,
        gate_digit=gate_digit,
        since_before=since_before,
        future_cue=future_cue,
        neutral_prefix=neutral_prefix,
        dateline_patterns=tuple(
            _compile(p, table, "datelines", glued_end=True) for p in dl.get("patterns", ())
        ),
        dateline_no_year=tuple(
            _compile(p, table, "datelines", bounded=False) for p in dl.get("no_year_patterns", ())
        ),
        dateline_label_end=re.compile(rf"(?:^|\W)(?:{_alt(labels) or 'posted'})\W*$", re.IGNORECASE),
        dateline_blocking=frozenset(str(w).lower() for w in dl.get("blocking_words", ())),
    )


@functools.lru_cache(maxsize=8)
def load_rules(data_dirs: tuple[str, ...] = ()) -> RuleSet:
    """The compiled rules for these data directories (bundled file + user overrides), cached."""
    data = load_yaml(RULES_FILE, data_dirs)
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping at the top level", item=RULES_FILE)
    return build_ruleset(data)
