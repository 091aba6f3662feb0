"""Finding trigger phrases in a sentence and choosing the ones that make event candidates."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.extract.events.lexicon import Lexicon, TriggerEntry
from sitrep.records import ActorMention, Sentence

ARMED_INTER = frozenset({1, 2, 3, 4, 8})


@dataclass
class TriggerHit:
    entry: TriggerEntry
    start: int  # article offsets
    end: int
    text: str


@dataclass
class Candidate:
    """Triggers of one sentence that signal the same kind of event."""

    sentence: Sentence
    entry: TriggerEntry
    hits: list[TriggerHit] = field(default_factory=list)

    @property
    def first(self) -> TriggerHit:
        return self.hits[0]


def _armed_context(text: str, actors: list[ActorMention], lex: Lexicon) -> bool:
    return any(a.inter in ARMED_INTER for a in actors) or bool(lex.weapon_words.search(text))


def _alternatives(a: TriggerHit, b: TriggerHit) -> bool:
    """Readings of one word told apart by its object ("captured the town" / "captured nine men")."""
    return bool(a.entry.object and b.entry.object and a.entry.object != b.entry.object)


def find_hits(sentence: Sentence, actors: list[ActorMention], lex: Lexicon) -> list[TriggerHit]:
    """All trigger matches in the sentence that pass their conditions, without overlaps."""
    text = sentence.text
    non_conflict = any(rx.search(text) for rx in lex.non_conflict)
    armed: bool | None = None
    hits: list[TriggerHit] = []
    for entry in lex.triggers:
        if entry.exclude and any(rx.search(text) for rx in entry.exclude):
            continue
        if entry.context and not any(rx.search(text) for rx in entry.context):
            continue
        if entry.needs_armed or entry.priority <= 1:
            if non_conflict:
                continue
            if entry.needs_armed:
                if armed is None:
                    armed = _armed_context(text, actors, lex)
                if not armed:
                    continue
        for m in entry.pattern.finditer(text):
            if m.end() > m.start():
                hits.append(TriggerHit(entry, sentence.start + m.start(), sentence.start + m.end(), m.group(0)))
    # overlapping matches: the higher priority wins, then the longer phrase
    hits.sort(key=lambda h: (-h.entry.priority, -(h.end - h.start), h.start))
    kept: list[TriggerHit] = []
    for h in hits:
        if all(h.end <= k.start or h.start >= k.end or _alternatives(h, k) for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def group_candidates(sentence: Sentence, hits: list[TriggerHit]) -> tuple[list[Candidate], list[TriggerHit]]:
    """Candidates from the highest-priority triggers; lower ones are returned as support.

    One candidate per trigger entry (several mentions of "airstrikes" in a sentence are one
    event); distinct entries of the same priority are distinct events ("SDF artillery and
    coalition air strikes").
    """
    if not hits:
        return [], []
    top = max(h.entry.priority for h in hits)
    by_entry: dict[int, Candidate] = {}
    support: list[TriggerHit] = []
    for h in hits:
        if h.entry.priority < top:
            support.append(h)
            continue
        cand = by_entry.setdefault(h.entry.index, Candidate(sentence=sentence, entry=h.entry))
        cand.hits.append(h)
    return sorted(by_entry.values(), key=lambda c: c.first.start), support
