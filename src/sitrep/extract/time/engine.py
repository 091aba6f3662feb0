"""The scanning engine: find time expressions in sentences and resolve them against the anchor.

Per sentence: run every rule's patterns (each gated by its words), keep the
longest non-overlapping matches that resolve, apply a "since" prefix and a
future cue, then build ``TimeExpression`` records with article offsets.  Per
document: resolve anaphoric expressions ("a day later") against the previous
dated expression, and add explicit calendar dates that only spaCy found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.extract.time import calendar as cal
from sitrep.extract.time.resolve import RESOLVERS, Resolution, Values, shift, values_from
from sitrep.extract.time.rules import Rule, RuleSet
from sitrep.records import Mention, Sentence, TimeExpression

# An undated article keeps relative expressions relative.  Their precision and direction are
# still learned by resolving them against this reference day (a Wednesday in mid-month and
# mid-year, so "this week", "last month" or "the weekend" have their typical length); its dates
# are never reported.
REFERENCE_ANCHOR = dt.date(2001, 6, 13)

TENSE_CURRENT = "current"
TENSE_HISTORICAL = "historical"
TENSE_FUTURE = "future"

# kinds whose direction depends on where the anchor falls in the year ("in December"): in an
# undated article their tense cannot be learned from the reference day
_CALENDAR_KINDS = frozenset({"date", "date_range", "month"})
_CLAUSE_BREAK = re.compile(r"[,;:!?()\"“”]")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMERIC_TRIPLE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")


@dataclass
class Found:
    """A resolved match inside one text (offsets relative to that text)."""

    start: int
    end: int
    rule: Rule
    values: Values
    res: Resolution
    since: bool = False


def precision_of(start: dt.date, end: dt.date, rs: RuleSet) -> int:
    days = cal.days_in((start, end))
    if days <= 1:
        return 1
    return 2 if days <= rs.settings.precision_by_days else 3


def _future_cue(text: str, start: int, rs: RuleSet) -> bool:
    """A future cue ("will", "is due to") among the few words before ``start`` in the same clause."""
    before = text[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    words = before.split()[-rs.settings.future_cue_window:]
    return bool(words) and rs.future_cue.search(" " + " ".join(words)) is not None


def _since(text: str, start: int, match_text: str, rs: RuleSet) -> int | None:
    """Start of a "since" prefix (inside the match or right before it), else None."""
    lowered = match_text.lower()
    for word in ("ever since ", "since "):
        if lowered.startswith(word):
            return start
    # wide enough for "since it was launched on"; the pattern is anchored at ``start``
    m = rs.since_before.search(text, max(0, start - 80), start)
    if not m:
        return None
    return m.start(1) if m.group(1) is not None else m.start(2)


def scan(text: str, anchor: dt.date | None, rs: RuleSet) -> list[Found]:
    """All resolved, non-overlapping expressions in ``text``, in text order."""
    words = set(_WORD.findall(text.lower()))
    has_digit = _DIGIT.search(text) is not None
    if rs.gated and not ((rs.gate_digit and has_digit) or not words.isdisjoint(rs.gate_words)):
        return []
    candidates: list[tuple[int, int, Rule, re.Match[str]]] = []
    for rule in rs.rules:
        if (rule.requires or rule.needs_digit) and not (
            (rule.needs_digit and has_digit) or not words.isdisjoint(rule.requires)
        ):
            continue  # the rule's gate words are absent: its patterns cannot match
        for rx in rule.regexes:
            candidates.extend((m.start(), m.end(), rule, m) for m in rx.finditer(text) if m.end() > m.start())
    # longest first, then the rule listed first; a match that does not resolve gives way
    candidates.sort(key=lambda c: (c[0] - c[1], c[2].order, c[0]))
    base = anchor or REFERENCE_ANCHOR
    found: list[Found] = []
    for start, end, rule, m in candidates:
        if any(start < f.end and f.start < end for f in found):
            continue
        since_at = _since(text, start, m.group(0), rs)
        future = since_at is None and _future_cue(text, start, rs)
        values = values_from(m.groupdict(), rs, m.group(0))
        res = RESOLVERS[rule.kind](values, base, rule, rs, future)
        if res is None:
            continue
        is_since = since_at is not None and res.start is not None and res.start <= base
        if is_since and res.start is not None:
            # "since Sunday": from the expression's first day up to the anchor
            res = Resolution(res.start, base, anchored=True)
            start = min(start, start if since_at is None else since_at)
        found.append(Found(start, end, rule, values, res, since=is_since))
    found.sort(key=lambda f: f.start)
    return found


def _describe(found: Found, rs: RuleSet) -> str:
    v = found.values
    template = (found.rule.relative_future if found.res.cue_used else None) or found.rule.relative
    fields: dict[str, str] = defaultdict(str, {k: val for k, val in v.raw.items()})
    if v.weekday is not None:
        fields["weekday"] = rs.vocab.full_weekdays[v.weekday]
    if v.month is not None:
        fields["month"] = rs.vocab.full_months[v.month - 1]
    if found.res.offset is not None:
        unit = v.raw.get("unit", "")
        fields["amount"] = f"{v.raw['num']} {unit}" if "num" in v.raw else (
            unit if unit.endswith("s") else f"one {unit}")
        fields["direction"] = "after" if found.res.offset[0] > 0 else "before"
    if template is None:
        template = _SPACES.sub(" ", v.text.strip())
    text = _SPACES.sub(" ", template.format_map(fields)).strip()
    if found.since:
        text = f"since {text}, up to publication"
    return text


def _tense(start: dt.date | None, end: dt.date | None, future: bool, anchor: dt.date, rs: RuleSet) -> str:
    if end is not None and end < anchor - dt.timedelta(days=rs.settings.historical_days):
        return TENSE_HISTORICAL
    if future or (start is not None and start > anchor):
        return TENSE_FUTURE
    return TENSE_CURRENT


def to_expression(
    found: Found,
    text: str,
    offset: int,
    sentence_index: int,
    anchor: dt.date | None,
    anchor_label: str | None,
    rs: RuleSet,
) -> TimeExpression:
    """A TimeExpression for a match found in ``text`` (which starts at ``offset`` in the article)."""
    res = found.res
    start = found.start
    if not found.since:
        m = rs.neutral_prefix.match(text, start, found.end)
        if m and m.end() < found.end:
            start = m.end()
    dated = anchor is not None or not res.anchored
    precision = found.rule.precision
    if found.since or precision is None:
        precision = res.precision
        if found.since or precision is None:
            precision = precision_of(res.start, res.end, rs) if res.start and res.end else None
    if res.anchored and anchor is None:
        if found.rule.kind in _CALENDAR_KINDS or res.start is None:
            tense = TENSE_FUTURE if res.cue_used else TENSE_CURRENT
        else:
            tense = _tense(res.start, res.end, res.future, REFERENCE_ANCHOR, rs)
    elif anchor is not None:
        tense = _tense(res.start, res.end, res.future, anchor, rs)
    else:
        tense = TENSE_CURRENT
    relative = None
    if res.offset is not None or (anchor is None and res.anchored):
        relative = _describe(found, rs)
    rule = found.rule.name + ("+since" if found.since else "") + ("+future-cue" if res.cue_used else "")
    return TimeExpression(
        start=offset + start,
        end=offset + found.end,
        text=text[start:found.end],
        sentence_index=sentence_index,
        date_start=res.start if dated else None,
        date_end=res.end if dated else None,
        precision=precision,
        relative=relative,
        tense=tense,
        rule=rule,
        anchor=anchor_label if (res.anchored and anchor is not None and res.offset is None) else None,
    )


def sentence_times(
    sentence: Sentence, anchor: dt.date | None, anchor_label: str | None, rs: RuleSet
) -> tuple[list[TimeExpression], list[Found]]:
    found = scan(sentence.text, anchor, rs)
    return [
        to_expression(f, sentence.text, sentence.start, sentence.index, anchor, anchor_label, rs)
        for f in found
    ], found


def resolve_anaphora(times: list[TimeExpression], offsets: dict[int, tuple[int, str]],
                     max_sentences: int = 2) -> None:
    """Date "a day later" / "the next day" from the closest dated expression before it
    (same sentence or up to ``max_sentences`` back).  ``offsets`` maps an index in ``times``
    to the anaphoric offset; other expressions are left as they are."""
    for i, (amount, unit) in offsets.items():
        te = times[i]
        prev = next(
            (p for p in reversed(times[:i])
             if p.date_start is not None and p.date_end is not None
             and te.sentence_index - p.sentence_index <= max_sentences),
            None,
        )
        if prev is None or prev.date_start is None or prev.date_end is None:
            continue
        te.date_start = shift(prev.date_start, amount, unit)
        te.date_end = shift(prev.date_end, amount, unit)
        te.precision = max(te.precision or 1, prev.precision or 1)
        te.tense = prev.tense
        te.anchor = prev.anchor
        te.relative = None
        te.rule = f"{te.rule} (from {prev.text!r})"


def parser_dates(
    mentions: Iterable[Mention], taken: list[TimeExpression], anchor: dt.date | None, rs: RuleSet
) -> list[TimeExpression]:
    """Explicit calendar dates in spaCy DATE mentions that no rule matched, parsed with dateparser
    in strict mode (day, month and year required).  Only mentions that look like a calendar date
    (a month name and a year, or three numbers) are tried: dateparser reads "4 years" as a date
    four years from today, and calling it on every number would cost more than all the rules."""
    out: list[TimeExpression] = []
    for m in mentions:
        if m.label != "DATE" or not _looks_calendar(m.text, rs):
            continue
        if any(m.start < t.end and t.start < m.end for t in taken):
            continue
        day = _dateparser_day(m.text)
        if day is None:
            continue
        tense = _tense(day, day, False, anchor, rs) if anchor else TENSE_CURRENT
        out.append(TimeExpression(start=m.start, end=m.end, text=m.text, sentence_index=m.sentence_index,
                                  date_start=day, date_end=day, precision=1, tense=tense,
                                  rule="dateparser"))
    return out


def _looks_calendar(text: str, rs: RuleSet) -> bool:
    if _NUMERIC_TRIPLE.search(text):
        return True
    if not _YEAR.search(text):
        return False
    return any(w.lower().rstrip(".,") in rs.vocab.months for w in text.split())


def _dateparser_day(text: str) -> dt.date | None:
    try:
        import dateparser
    except ImportError:  # dateparser is a dependency; without it the fallback just finds nothing
        return None
    parsed = dateparser.parse(
        text,
        languages=["en"],
        # a fixed relative base: whatever dateparser reads as relative must never become today
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                  "PREFER_DATES_FROM": "past", "RELATIVE_BASE": dt.datetime(2000, 1, 1)},
    )
    return parsed.date() if parsed else None
