"""Finding trigger phrases in a sentence and choosing the ones that make event candidates."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.extract.events.lexicon import Lexicon, TriggerEntry
from sitrep.records import ActorMention, Sentence
from sitrep.regex_literals import fold, may_match

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
    segment: tuple[int, int] = (0, 0)  # the part of the sentence (between line breaks) it is in

    @property
    def first(self) -> TriggerHit:
        return self.hits[0]


def _armed_context(text: str, actors: list[ActorMention], lex: Lexicon) -> bool:
    return any(a.inter in ARMED_INTER for a in actors) or bool(lex.weapon_words.search(text))


def _subtype_names(entry: TriggerEntry) -> list[str]:
    """The sub-types the entry may give (its fixed one, or every one of its mapping)."""
    return [entry.sub_event_type] if entry.sub_event_type else [v for _, v in entry.mapping]


def _violent(entry: TriggerEntry, lex: Lexicon) -> bool:
    return any(lex.subtypes[n].violent for n in _subtype_names(entry) if n in lex.subtypes)


def is_protest(entry: TriggerEntry, lex: Lexicon) -> bool:
    """The entry tells of a demonstration (event type Protests, whatever its sub-type)."""
    return any(n in lex.subtypes and lex.subtypes[n].event_type == "Protests" for n in _subtype_names(entry))


def _exempt(entry: TriggerEntry, lex: Lexicon) -> bool:
    """A crowd-violence trigger (riots, mob violence): a non-conflict sentence does not silence it."""
    names = _subtype_names(entry)
    return bool(names) and all(
        n in lex.subtypes and lex.subtypes[n].event_type in lex.non_conflict_exempt for n in names
    )


def _alternatives(a: TriggerHit, b: TriggerHit) -> bool:
    """Readings of one word told apart by its object ("captured the town" / "captured nine men")."""
    return bool(a.entry.object and b.entry.object and a.entry.object != b.entry.object)


def non_conflict_story(lead: str, actors: list[ActorMention], lex: Lexicon) -> bool:
    """An article whose lead tells of an accident, disaster, crime or diplomacy and that names no
    armed actor anywhere: its later sentences ("the blasts were heard ...", "authorities took
    control of services") are read in that context, as a coder would."""
    if not is_non_conflict(lead, lex):
        return False
    return not _conflict_actor(actors, lex)


def is_non_conflict(text: str, lex: Lexicon, folded: str | None = None) -> bool:
    """The text matches one of the `non_conflict` patterns (accident, disaster, crime ...)."""
    folded = fold(text) if folded is None else folded
    return any(
        may_match(g, folded) and rx.search(text)
        for rx, g in zip(lex.non_conflict, lex.non_conflict_guards, strict=True)
    )


# protesters and rioters make a story one of political disorder, as armed actors do
_DISORDER_INTER = frozenset({5, 6})


def conflict_context(text: str, actors: list[ActorMention], lex: Lexicon) -> bool:
    """The article is about armed conflict or political disorder: it names an armed actor (other
    than the police of ordinary news), protesters or rioters, or one of `conflict_words`.
    Elsewhere (a basketball report, a trade dispute, a product launch) the `everyday_triggers`
    ("battle", "captured", "deployed") have their everyday sense."""
    if _conflict_actor(actors, lex) or any(a.inter in _DISORDER_INTER for a in actors):
        return True
    return lex.conflict_words is not None and lex.conflict_words.search(text) is not None


def _conflict_actor(actors: list[ActorMention], lex: Lexicon) -> bool:
    """An armed actor other than the bystanders of ordinary news (police reporting a robbery)."""
    return any(a.inter in ARMED_INTER and a.actor not in lex.story_bystanders for a in actors)


def find_hits(
    sentence: Sentence,
    actors: list[ActorMention],
    lex: Lexicon,
    non_conflict_context: bool = False,
    grounded: bool = True,
) -> list[TriggerHit]:
    """All trigger matches in the sentence that pass their conditions, without overlaps.

    ``non_conflict_context``: the article as a whole is a non-conflict story
    (``non_conflict_story``), so every sentence is treated like a non-conflict sentence.
    ``grounded``: the article has a conflict context (``conflict_context``); without one, a
    match that is one of the `everyday_triggers` is no trigger.
    """
    text = sentence.text
    folded = fold(text)
    nc: bool | None = True if non_conflict_context else None
    armed: bool | None = None
    hits: list[TriggerHit] = []
    # an everyday phrase is no trigger, and no shorter trigger inside it is one either ("shot
    # down rumours" is no shooting)
    everyday: list[tuple[int, int]] = []
    if not grounded and lex.everyday is not None:
        everyday = [(m.start(), m.end()) for m in lex.everyday.finditer(text)]
    # a word in another sense ("a brief shot at a career"): no trigger that touches it counts
    senses = [(m.start(), m.end()) for m in lex.other_senses.finditer(text)] if lex.other_senses else []
    for entry in lex.triggers:
        # the entry's own pattern first: most entries do not match most sentences, and their
        # conditions (exclude/context/non-conflict regexes) only matter when they do; a few
        # substring tests rule most entries out before their pattern runs
        if entry.prefilter is not None and not entry.prefilter.may_match(folded):
            continue
        matches = [
            m
            for m in entry.pattern.finditer(text)
            if m.end() > m.start()
            and not any(s <= m.start() and m.end() <= e for s, e in everyday)
            and not any(m.start() < e and s < m.end() for s, e in senses)
        ]
        if not matches:
            continue
        if nc is None:
            nc = is_non_conflict(text, lex, folded)
        non_conflict = nc
        if entry.exclude and any(rx.search(text) for rx in entry.exclude):
            continue
        if entry.context and not any(rx.search(text) for rx in entry.context):
            continue
        # an accident or disaster sentence: violence words count only with an armed actor
        if (
            non_conflict
            and _violent(entry, lex)
            and not _conflict_actor(actors, lex)
            and not _exempt(entry, lex)
        ):
            continue
        if entry.needs_armed or entry.priority <= 1:
            if non_conflict:
                continue
            if entry.needs_armed:
                if armed is None:
                    armed = _armed_context(text, actors, lex)
                if not armed:
                    continue
        hits.extend(
            TriggerHit(entry, sentence.start + m.start(), sentence.start + m.end(), m.group(0))
            for m in matches
        )
    # overlapping matches: the higher priority wins, then the longer phrase
    hits.sort(key=lambda h: (-h.entry.priority, -(h.end - h.start), h.start))
    kept: list[TriggerHit] = []
    for h in hits:
        if all(h.end <= k.start or h.start >= k.end or _alternatives(h, k) for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def group_candidates(
    sentence: Sentence, hits: list[TriggerHit], segment: tuple[int, int] | None = None
) -> tuple[list[Candidate], list[TriggerHit]]:
    """Candidates, one per trigger entry (several mentions of "airstrikes" in a sentence are
    one event); generic triggers (priority 1) are returned as support when a specific one is
    there.  Which candidates become events is decided after modality (``select``): the
    highest-priority asserted ones, so "no arrests were made after shops were looted" still
    yields the looting.
    """
    if not hits:
        return [], []
    # generic words ("killed") only make an event when nothing more specific is there
    top = max(h.entry.priority for h in hits)
    by_entry: dict[int | str, Candidate] = {}
    support: list[TriggerHit] = []
    for h in hits:
        if h.entry.priority <= 1 < top:
            support.append(h)
            continue
        # entries for the same fixed sub-type are one candidate ("riots" and "threw stones")
        key = h.entry.sub_event_type or h.entry.index
        cand = by_entry.setdefault(
            key,
            Candidate(sentence=sentence, entry=h.entry, segment=segment or (sentence.start, sentence.end)),
        )
        cand.hits.append(h)
    return sorted(by_entry.values(), key=lambda c: c.first.start), support


def select(cands: list[tuple[Candidate, bool]]) -> tuple[list[int], list[int]]:
    """Indexes of candidates kept as events and of those that lose to a more specific one.

    ``cands`` pairs each candidate with whether it is asserted.  Among asserted candidates of
    one sentence part, only the highest priority survives ("after heavy fighting the army
    recaptured the town" is one territorial event), and an entry's ``absorbs`` list drops
    same-priority candidates it explains ("suicide bomber" absorbs "explosion"); an entry's
    ``yields_to`` list drops it beside a candidate of those sub-types, whatever the priorities.
    """
    asserted = [i for i, (_, ok) in enumerate(cands) if ok]
    if not asserted:
        return [], []
    # "died in the explosion": the death word tells the explosion's toll
    outcomes = {i for i in asserted if any(_outcome_of(cands[i][0], cands[k][0]) for k in asserted if k != i)}
    # "a blast left 25 militants dead": a word that only tells the dead, beside another event
    outcomes |= {
        i for i in asserted if any(_toll_word_of(cands[i][0], cands[k][0]) for k in asserted if k != i)
    }
    asserted = [i for i in asserted if i not in outcomes] or asserted
    # an entry's ``yields_to``: a near asserted candidate of one of those sub-types tells it better
    yielded = {
        i
        for i in asserted
        if any(
            cands[k][0].entry.sub_event_type in cands[i][0].entry.yields_to
            and _near(cands[i][0], cands[k][0])
            for k in asserted
            if k != i
        )
    }
    asserted = [i for i in asserted if i not in yielded] or asserted
    keep: list[int] = []
    # strongest first; a weaker trigger is dropped only near a stronger one (the same event
    # told twice); far apart in the sentence it is another event
    for i in sorted(asserted, key=lambda i: -cands[i][0].entry.priority):
        cand = cands[i][0]
        rivals = [cands[k][0] for k in keep if cands[k][0].entry.priority > cand.entry.priority]
        if any(_near(cand, r) for r in rivals):
            continue
        keep.append(i)
    absorbed = {sub for i in keep for sub in cands[i][0].entry.absorbs}
    keep = [i for i in keep if cands[i][0].entry.sub_event_type not in absorbed] or keep
    keep.sort()
    dropped = [i for i, (_, ok) in enumerate(cands) if ok and i not in keep]
    return keep, dropped


def _outcome_of(a: Candidate, b: Candidate) -> bool:
    """``a`` tells what ``b`` did to people: a trigger of ``a`` whose entry's ``caused_by`` joins
    it to a trigger of ``b`` right after it ("killed in the blast")."""
    rx = a.entry.caused_by
    if rx is None or b.entry.caused_by is not None:
        return False
    text, off = a.sentence.text, a.sentence.start
    return any(
        0 <= y.start - x.end <= 40 and rx.search(text[x.end - off : y.start - off]) is not None
        for x in a.hits
        for y in b.hits
    )


def _toll_word_of(a: Candidate, b: Candidate) -> bool:
    """``a`` is only words for the dead or hurt (its entry's ``outcome_words``) in the sentence
    part of ``b``, an event that is no outcome itself: the toll of ``b``, told before or after
    it (however long the words between: "a blast ... left 25 militants of ... dead")."""
    rx = a.entry.outcome_words
    if rx is None or b.entry.caused_by is not None:
        return False
    return all(rx.fullmatch(h.text) for h in a.hits)


NEAR_CHARS = 80


def _near(a: Candidate, b: Candidate) -> bool:
    return any(abs(x.start - y.start) <= NEAR_CHARS for x in a.hits for y in b.hits)
