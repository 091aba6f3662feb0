"""Modality of an event trigger: asserted, negated, future, hypothetical, generic, attributed,
historical.

Cues come from data/modality.yaml.  With a dependency parse the cue must govern
the trigger (be attached to it or to one of its heads inside the same clause);
without one, the clause text before the trigger is searched.  Historical comes
from the event's time expression (``tense == "historical"`` or a date well
before the article date).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sitrep.extract.events.lexicon import ModalityRules
from sitrep.records import (
    MODALITY_ASSERTED,
    MODALITY_ATTRIBUTED,
    MODALITY_FUTURE,
    MODALITY_GENERIC,
    MODALITY_HISTORICAL,
    MODALITY_HYPOTHETICAL,
    MODALITY_NEGATED,
    TimeExpression,
)

_NAMES = {
    "negated": MODALITY_NEGATED,
    "future": MODALITY_FUTURE,
    "hypothetical": MODALITY_HYPOTHETICAL,
    "generic": MODALITY_GENERIC,
    "attributed": MODALITY_ATTRIBUTED,
    "historical": MODALITY_HISTORICAL,
}
_SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# a clause boundary: the climb checks the clause head, then stops
_CLAUSE_EDGE = frozenset({"relcl", "acl", "advcl", "parataxis", "appos"})
_CLAUSE_SPLIT = re.compile(
    r"[,;:—–\n]|\bsaid\b|\bsays\b|\bthat\b|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE
)


@dataclass(frozen=True)
class ModalityResult:
    modality: str
    cue: str = ""
    start: int | None = None  # article offsets of the cue
    end: int | None = None


ASSERTED = ModalityResult(MODALITY_ASSERTED)


def trigger_token(parse: Any, rel_start: int, rel_end: int) -> Any | None:
    """The syntactic head among the tokens of a trigger span (sentence-relative offsets)."""
    toks = [t for t in parse if t.idx < rel_end and t.idx + len(t.text) > rel_start]
    if not toks:
        return None
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    return heads[-1] if heads else toks[-1]


def _child_cue(child: Any, cues: dict[str, Any], first: bool) -> bool:
    """A dependent that marks modality: "not", "will", "if", "no" (on the trigger itself)."""
    low, dep = child.lower_, child.dep_
    if dep == "neg":
        return bool(cues["neg"])
    if dep in ("aux", "auxpass"):
        return low in cues["aux"] or child.lemma_ in cues["aux"]
    if dep == "mark":
        return low in cues["marks"]
    return first and dep == "det" and low in cues["dets"]


# particles that turn a verb of intention into one of action ("call in", "call up")
_DONE_PARTICLES = frozenset({"in", "up"})


def _head_cue(node: Any, cues: dict[str, Any]) -> bool:
    """A governing verb, adjective or noun that marks modality: "prepare (for)", "ready (to)",
    "plans (for)"."""
    lemma = node.lemma_.lower()
    if node.pos_ in ("VERB", "AUX"):
        # "called in air support", "ordered up reinforcements": a phrasal verb that did something
        return lemma in cues["verbs"] and not any(
            c.lower_ in _DONE_PARTICLES and (c.dep_ == "prt" or (c.dep_ == "prep" and c.i == node.i + 1))
            for c in node.children
        )
    if node.pos_ == "ADJ":
        # "was ready to retake the city", "likely to strike"
        return lemma in cues["adjs"]
    return node.pos_ in ("NOUN", "PROPN") and lemma in cues["nouns"]


def _relative_cue(node: Any, cues: dict[str, Any]) -> Any | None:
    """The auxiliary of a relative clause that describes its noun by a past deed ("terrorist
    groups that had attacked its positions"): the characterisation of an actor, not an incident
    told as news.  A clause with its own date ("gunmen who had attacked a checkpoint on Monday")
    tells an event and keeps it."""
    if node.dep_ != "relcl" or not cues["relative_aux"]:
        return None
    aux = next((c for c in node.children if c.dep_ == "aux" and c.lower_ in cues["relative_aux"]), None)
    if aux is None or any(t.ent_type_ in ("DATE", "TIME") for t in node.subtree):
        return None
    return aux


def _content_clause(node: Any, rules: ModalityRules) -> bool:
    """The clause that tells what a report, claim or rumour says ("denied reports that troops had
    shelled the village"): whatever governs the noun governs the clause, so the climb goes on."""
    head = node.head
    return (
        node.dep_ == "acl"
        and head.pos_ in ("NOUN", "PROPN")
        and head.lemma_.lower() in rules.content_nouns
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children)
    )


def _from_parse(tok: Any, rules: ModalityRules) -> tuple[str, Any] | None:
    found: list[tuple[int, str, Any]] = []
    order = {name: i for i, name in enumerate(rules.order)}
    node = tok
    via_subject = False
    first = True
    for _ in range(12):  # parse trees are shallow; bound the climb
        for name in rules.order:
            cues = rules.cues[name]
            found.extend((order[name], name, c) for c in node.children if _child_cue(c, cues, first))
            # a governing verb counts when the trigger is in its complement, not its subject
            # ("the strikes are expected" vs "expected to strike")
            if not first and not via_subject and _head_cue(node, cues):
                found.append((order[name], name, node))
            rel = _relative_cue(node, cues)
            if rel is not None:
                found.append((order[name], name, rel))
        if found:
            break
        head = node.head
        if head is node or (node.dep_ in _CLAUSE_EDGE and not _content_clause(node, rules)):
            break
        if node.dep_ == "conj" and any(c.dep_ in _SUBJECT for c in node.children):
            # a clause of its own with its own subject ("... called in air support and that
            # helicopters struck the attackers"): the first clause's verb does not govern it
            break
        if head.lemma_.lower() in rules.reporting_verbs and node.dep_ in ("ccomp", "xcomp", "dobj", "conj"):
            break
        via_subject = node.dep_ in _SUBJECT
        node = head
        first = False
    if not found:
        return None
    found.sort(key=lambda f: f[0])
    return found[0][1], found[0][2]


def _clause_before(sentence_text: str, rel_start: int) -> tuple[str, int]:
    """Text of the trigger's clause that precedes it, and its sentence offset."""
    before = sentence_text[:rel_start]
    cut = 0
    for m in _CLAUSE_SPLIT.finditer(before):
        cut = m.end()
    return before[cut:], cut


def classify(
    sentence_text: str,
    sentence_start: int,
    rel_start: int,
    rel_end: int,
    rules: ModalityRules,
    parse: Any = None,
) -> ModalityResult:
    """Modality of the trigger at sentence-relative [rel_start, rel_end)."""
    clause, clause_at = _clause_before(sentence_text, rel_start)
    # surface cues hold with or without a parse ("years of fighting")
    for name in rules.order:
        for rx in rules.cues[name]["surface"]:
            m = rx.search(clause)
            if m:
                s = sentence_start + clause_at + m.start()
                return ModalityResult(_NAMES[name], m.group(0).strip(), s, s + len(m.group(0).rstrip()))
        for rx in rules.cues[name].get("sentence", ()):
            m = rx.search(sentence_text, 0, rel_start)
            if m:
                return ModalityResult(
                    _NAMES[name],
                    m.group(0).strip(),
                    sentence_start + m.start(),
                    sentence_start + m.start() + len(m.group(0).rstrip()),
                )
        # what follows the trigger ("battling rebels in a two-year conflict", "... are cylinders
        # often rolled out of helicopters")
        for rx in rules.cues[name].get("from_trigger", ()):
            m = rx.match(sentence_text, rel_start)
            if m:
                return ModalityResult(
                    _NAMES[name], m.group(0).strip(), sentence_start + m.start(), sentence_start + m.end()
                )
    if parse is not None:
        tok = trigger_token(parse, rel_start, rel_end)
        if tok is not None:
            hit = _from_parse(tok, rules)
            if hit is None:
                return ASSERTED
            name, cue = hit
            s = sentence_start + cue.idx
            return ModalityResult(_NAMES[name], cue.text, s, s + len(cue.text))
    for name in rules.order:
        for rx in rules.cues[name]["before"]:
            m = rx.search(clause)
            if m:
                s = sentence_start + clause_at + m.start()
                word = m.group(0).split()[0] if m.group(0).split() else m.group(0)
                return ModalityResult(_NAMES[name], word, s, s + len(word))
    return ASSERTED


def historical(time: TimeExpression | None, article_date: dt.date | None, rules: ModalityRules) -> bool:
    """Background: the time expression says so, or it ends long before the article date."""
    if time is None:
        return False
    if time.tense == "historical":
        return True
    end = time.date_end or time.date_start
    return bool(end and article_date and (article_date - end).days > rules.historical_days)


def long_running(time: TimeExpression, article_date: dt.date | None, days: int) -> bool:
    """A span that starts long before the article date and runs up to it ("since 2011", "over the
    past five years"): the course of a war or a cumulative toll, never the date of one event."""
    if article_date is None or time.date_start is None:
        return False
    end = time.date_end or time.date_start
    return (article_date - time.date_start).days > days and (article_date - end).days <= days


def background_setting(
    sub_event_type: str, sentence_text: str, sentence_start: int, rel_start: int, rules: ModalityRules
) -> ModalityResult | None:
    """A mention of ``sub_event_type`` that is the setting of another event ("despite the
    truce", "a truce in force since Monday"): generic, with its cue; None when it is not."""
    before_rx, after_rx = rules.background.get(sub_event_type, ((), ()))
    clause, clause_at = _clause_before(sentence_text, rel_start)
    for rx in before_rx:
        m = rx.search(clause)
        if m:
            s = sentence_start + clause_at + m.start()
            return ModalityResult(MODALITY_GENERIC, m.group(0).strip(), s, s + len(m.group(0).rstrip()))
    for rx in after_rx:
        m = rx.match(sentence_text, rel_start)
        if m:
            return ModalityResult(
                MODALITY_GENERIC, m.group(0).strip(), sentence_start + m.start(), sentence_start + m.end()
            )
    return None


def presupposed(sub_event_type: str, sentence_text: str, rel_start: int, rules: ModalityRules) -> bool:
    """A mention the sentence takes as done, whatever modal governs its clause: "Under the deal,
    the militants will hand over their weapons" (the deal was made; what it provides is future)."""
    patterns = rules.presupposed.get(sub_event_type, ())
    if not patterns:
        return False
    clause, _ = _clause_before(sentence_text, rel_start)
    return any(rx.search(clause) for rx in patterns)


def anaphoric(sentence_text: str, rel_start: int, rel_end: int, rules: ModalityRules) -> bool:
    """The trigger refers back to an event told elsewhere in the article ("Thursday's attack
    comes as ...", "those killed included ...") rather than reporting a new one."""
    clause, _ = _clause_before(sentence_text, rel_start)
    trig, rest = sentence_text[rel_start:rel_end], sentence_text[rel_end:]
    for before, trigger, after in rules.anaphoric:
        if before is not None and not before.search(clause):
            continue
        if trigger is not None and not trigger.search(trig):
            continue
        if after is not None and not after.match(rest):
            continue
        return True
    return False
