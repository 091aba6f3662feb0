"""Loading the event data files: taxonomy, trigger lexicon, fatality patterns, modality cues."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sitrep.datafiles import load_yaml
from sitrep.errors import DataFileError
from sitrep.regex_literals import Prefilter, guards

TAXONOMY_FILE = "event_taxonomy.yaml"
TRIGGERS_FILE = "event_triggers.yaml"
MODALITY_FILE = "modality.yaml"


@dataclass(frozen=True)
class SubType:
    name: str
    event_type: str
    disorder_type: str
    violent: bool
    definition: str
    note: str
    note_alone: str
    implied_actor1: str | None = None
    implied_actor2: str | None = None
    # whether an event of this sub-type carries a death toll (an agreement or an arrest does not,
    # though its sentence may tell of the dead: "handed over the bodies of eleven soldiers")
    takes_fatalities: bool = True
    # the actor slot (1 or 2) of the force that meets a crowd (a protest dispersed, protesters shot):
    # the state or armed actor named in the sentence goes there, the crowd in the other; 0 = none
    force_actor: int = 0


@dataclass(frozen=True)
class TriggerEntry:
    index: int
    pattern: re.Pattern[str]
    sub_event_type: str | None  # fixed sub-type, or None when resolved from actors
    resolve: str | None  # "target" | "actor1"
    mapping: tuple[tuple[str, str], ...]
    priority: int
    weight: float
    object: str | None
    needs_armed: bool
    context: tuple[re.Pattern[str], ...]
    exclude: tuple[re.Pattern[str], ...]
    absorbs: tuple[str, ...] = ()
    # sub-types that, asserted near this trigger, tell the same happening better: this one is
    # dropped even if its priority is higher ("looted shops as they withdrew": the looting, not a
    # non-violent handover)
    yields_to: tuple[str, ...] = ()
    # text between this trigger and another candidate's trigger after it that makes this one the
    # other's outcome ("died in the explosion": the explosion's toll, not an event of its own)
    caused_by: re.Pattern[str] | None = None
    # words of this entry that only tell what happened to people ("dead", "died"), not how:
    # beside another candidate of the same sentence part they are its toll, in either order
    # ("a mosque blast left 25 militants dead")
    outcome_words: re.Pattern[str] | None = None
    # literals one of which every match of `pattern` holds: most sentences are ruled out by a few
    # substring tests before the pattern runs (sitrep.regex_literals)
    prefilter: Prefilter | None = None

    def sub_type_for(self, key: str) -> str:
        table = dict(self.mapping)
        return table.get(key) or table.get("default") or next(iter(table.values()))


@dataclass(frozen=True)
class ContextRule:
    when: frozenset[str]
    context: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]
    needs_crowd: bool
    becomes: str
    # text matched by these is left out before `context` is tried
    ignore: tuple[re.Pattern[str], ...] = ()


@dataclass
class Lexicon:
    subtypes: dict[str, SubType]
    triggers: list[TriggerEntry]
    context_rules: list[ContextRule]
    non_conflict: tuple[re.Pattern[str], ...]
    fatalities: tuple[re.Pattern[str], ...]
    numbers: dict[str, int]
    place_nouns: frozenset[str]
    weapon_words: re.Pattern[str]
    armed_targets: re.Pattern[str] | None = None
    # site or unit nouns that name whose forces were attacked ("an army post": the military) ->
    # the actor (actors.yaml) they imply as actor2 when the sentence names none
    target_actors: tuple[tuple[re.Pattern[str], str], ...] = ()
    agent_rules: tuple[AgentRule, ...] = ()
    # armed actors that do not make a non-conflict story a conflict one (police reporting a robbery)
    story_bystanders: frozenset[str] = frozenset()
    # event types whose triggers a non-conflict sentence does not silence (a riot that "sparked a
    # dumpster blaze", protesters clashing with police over covid rules)
    non_conflict_exempt: frozenset[str] = frozenset()
    crowd_context: tuple[re.Pattern[str], ...] = ()  # a sentence's actors are a crowd (`needs_crowd`)
    # sub-type -> event types of an earlier event in the article it is a consequence of
    consequences: dict[str, frozenset[str]] = field(default_factory=dict)
    # trigger words with an everyday sense ("a trade battle", "captured the mood", "deployed
    # solar panels"): whole trigger matches that make an event only in an article with a
    # conflict context (an armed actor, protesters, or one of `conflict_words`)
    everyday: re.Pattern[str] | None = None
    # trigger words in a use that never tells an event ("a brief shot at a career", "cameras
    # captured the moment"): no trigger overlapping a match counts, in any article
    other_senses: re.Pattern[str] | None = None
    # weapons written with a capital ("a Katyusha rocket"): no names (``fields.capitalised_name``)
    weapon_names: frozenset[str] = frozenset()
    conflict_words: re.Pattern[str] | None = None
    # any number (digits or a number word): a sentence without one, an actor or a place gains
    # nothing from a parse
    number_rx: re.Pattern[str] = re.compile(r"\d")
    # a toll counted over a span of time ("160000 killed in three years of war"): no event's toll
    cumulative_tolls: tuple[re.Pattern[str], ...] = ()
    # the prefilters of `fatalities` and `non_conflict`, in the same order (None: always run)
    fatality_guards: tuple[Prefilter | None, ...] = field(default=(), init=False, repr=False)
    non_conflict_guards: tuple[Prefilter | None, ...] = field(default=(), init=False, repr=False)

    def __post_init__(self) -> None:
        self.fatality_guards = guards(self.fatalities)
        self.non_conflict_guards = guards(self.non_conflict)


@dataclass(frozen=True)
class AgentRule:
    """Who carried out an event the sentence gives no agent for (``agents`` in event_triggers.yaml)."""

    sub_event_types: frozenset[str]
    # an actor mention is the agent when its own text ends in one of the nouns ("Russian warplanes")
    # or is followed by one ("coalition aircraft", "Assad's air force")
    ends_with: re.Pattern[str]
    followed_by: re.Pattern[str]
    lead_sentences: int = 3


@dataclass
class ModalityRules:
    reporting_verbs: frozenset[str]
    historical_days: int
    # nouns whose "that" clause tells what they say ("denied reports that troops had shelled"): the
    # climb goes on through them to the verb that governs them
    content_nouns: frozenset[str] = frozenset()
    # the words before a "since ..." span that make it a yardstick, not the course of a war ("the
    # first attack since the 2016 peace deal", "the deadliest bombing since 2014")
    since_yardstick: tuple[re.Pattern[str], ...] = ()
    # modality -> cue kind -> values
    cues: dict[str, dict[str, Any]] = field(default_factory=dict)
    order: tuple[str, ...] = ("negated", "future", "hypothetical", "generic", "attributed", "historical")
    # the setting of another event, by sub-type: sub-type -> (before regexes, from-trigger regexes)
    background: dict[str, tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]] = field(
        default_factory=dict
    )
    # mentions that refer back to an event told elsewhere: (before, trigger, after), None = any
    anaphoric: tuple[tuple[re.Pattern[str] | None, ...], ...] = ()
    # the text before a death figure that makes it a war's background toll
    background_tolls: tuple[re.Pattern[str], ...] = ()
    # mentions taken as done whatever modal governs their clause, by sub-type: sub-type -> regexes
    # on the clause before the trigger ("Under the deal, the rebels will hand over ...")
    presupposed: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)


_SUFFIX = r"(?:s|es|ed|d|ing|ies|ied)?"
# function words in phrases are matched as written
_FIXED = frozenset(
    "the a an of on to in at by for and its their his her from with into over under without all "  # noqa: SIM905
    "back was were been has have had".split()
)


def _word(w: str) -> str:
    """A word of a phrase with its regular inflections (e-dropping included)."""
    esc = re.escape(w)
    if len(w) < 3 or not w.isalpha() or w.lower() in _FIXED:
        return esc
    if w.endswith("e"):
        return rf"(?:{esc}{_SUFFIX}|{re.escape(w[:-1])}(?:ed|es|ing))"
    if w.endswith("y"):
        return rf"(?:{esc}{_SUFFIX}|{re.escape(w[:-1])}(?:ies|ied))"
    return esc + _SUFFIX


def phrase_regex(phrase: str) -> str:
    words = phrase.split()
    parts = []
    for w in words:
        # hyphenated words match with a hyphen or a space: "counter-attack" ~ "counter attack"
        sub = [_word(x) for x in w.split("-")]
        parts.append(r"[\s-]?".join(sub) if len(sub) > 1 else sub[0])
    return r"[\s-]+".join(parts)


def _compile(patterns: list[str], what: str) -> tuple[re.Pattern[str], ...]:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p, re.IGNORECASE))
        except re.error as exc:
            raise DataFileError(f"bad regex in {what}: {p!r}: {exc}", item=TRIGGERS_FILE) from exc
    return tuple(out)


def _alts(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _trigger(i: int, raw: dict[str, Any], subtypes: dict[str, SubType]) -> TriggerEntry:
    sub = raw.get("sub_event_type")
    mapping: tuple[tuple[str, str], ...] = ()
    fixed: str | None = None
    if isinstance(sub, dict):
        mapping = tuple((str(k), str(v)) for k, v in sub.items())
        names = [v for _, v in mapping]
        if not raw.get("resolve"):
            raise DataFileError(f"trigger {i}: a sub_event_type mapping needs `resolve`", item=TRIGGERS_FILE)
    else:
        fixed = str(sub)
        names = [fixed]
    for n in names:
        if n not in subtypes:
            raise DataFileError(f"trigger {i}: unknown sub_event_type {n!r}", item=TRIGGERS_FILE)
    body = _phrase_alternation(raw.get("phrases") or [])
    regexes = [f"(?<![\\w-])(?:{body})(?![\\w])"] if body else []
    regexes += [str(r) for r in raw.get("regex") or []]
    if not regexes:
        raise DataFileError(f"trigger {i}: no phrases or regex", item=TRIGGERS_FILE)
    try:
        pattern = re.compile("|".join(f"(?:{r})" for r in regexes), re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"trigger {i}: bad pattern: {exc}", item=TRIGGERS_FILE) from exc
    return TriggerEntry(
        index=i,
        pattern=pattern,
        sub_event_type=fixed,
        resolve=raw.get("resolve"),
        mapping=mapping,
        priority=int(raw.get("priority", 2)),
        weight=float(raw.get("weight", 0.7)),
        object=raw.get("object"),
        needs_armed=bool(raw.get("needs_armed", False)),
        context=_compile(list(raw.get("context") or []), "context"),
        exclude=_compile(list(raw.get("exclude") or []), "exclude"),
        absorbs=tuple(str(x) for x in raw.get("absorbs") or ()),
        yields_to=tuple(str(x) for x in raw.get("yields_to") or ()),
        caused_by=_compile([raw["caused_by"]], "caused_by")[0] if raw.get("caused_by") else None,
        outcome_words=_outcome_words(raw.get("outcome_words"), i),
        prefilter=Prefilter.of(pattern),
    )


def _phrases(raw: Any, regexes: Any = None) -> re.Pattern[str] | None:
    """Phrases (hyphen or space alike) and regexes as one case-insensitive pattern, or None."""
    alts = [f"(?<!\\w)(?:{_phrase_alternation(list(raw))})(?!\\w)"] if raw else []
    alts += [f"(?:{r})" for r in regexes or []]
    if not alts:
        return None
    try:
        return re.compile("|".join(alts), re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"bad phrase list or regex: {exc}", item=TRIGGERS_FILE) from exc


def _phrase_alternation(phrases: list[Any]) -> str:
    """The phrases as one regex alternation, longest first (the engine takes the first that fits)."""
    alts = [phrase_regex(str(p)) for p in phrases]
    return "|".join(f"(?:{a})" for a in sorted(alts, key=len, reverse=True))


def _outcome_words(raw: Any, i: int) -> re.Pattern[str] | None:
    if not raw:
        return None
    try:
        return re.compile(_phrase_alternation(list(raw)), re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"trigger {i}: bad outcome_words: {exc}", item=TRIGGERS_FILE) from exc


def build_lexicon(taxonomy: dict[str, Any], triggers: dict[str, Any]) -> Lexicon:
    subtypes: dict[str, SubType] = {}
    for etype, spec in (taxonomy.get("event_types") or {}).items():
        for name, sub in (spec.get("sub_event_types") or {}).items():
            sub = sub or {}
            subtypes[name] = SubType(
                name=name,
                event_type=etype,
                disorder_type=spec.get("disorder_type", ""),
                violent=bool(spec.get("violent", False)),
                definition=sub.get("definition", ""),
                note=sub.get("note", "{actor1} ({actor2})"),
                note_alone=sub.get("note_alone", sub.get("note", "{actor1}")),
                implied_actor1=sub.get("implied_actor1"),
                implied_actor2=sub.get("implied_actor2"),
                takes_fatalities=bool(sub.get("fatalities", spec.get("fatalities", True))),
                force_actor=int(sub.get("force_actor", 0) or 0),
            )
    entries = [_trigger(i, raw, subtypes) for i, raw in enumerate(triggers.get("triggers") or [])]
    rules = []
    for raw in triggers.get("context_rules") or []:
        if raw["becomes"] not in subtypes:
            raise DataFileError(f"context rule: unknown sub-type {raw['becomes']!r}", item=TRIGGERS_FILE)
        rules.append(
            ContextRule(
                when=frozenset(raw.get("when") or ()),
                context=_compile(list(raw.get("context") or []), "context_rules"),
                unless=_compile(list(raw.get("unless") or []), "context_rules"),
                needs_crowd=bool(raw.get("needs_crowd", False)),
                becomes=str(raw["becomes"]),
                ignore=_compile(list(raw.get("ignore") or []), "context_rules"),
            )
        )
    numbers = {str(k).lower(): int(v) for k, v in (triggers.get("numbers") or {}).items()}
    words = sorted(numbers, key=len, reverse=True)
    # compound number words ("twenty-three", "forty one") before their parts, so the tens are not lost
    tens = "|".join(re.escape(w) for w in words if 20 <= numbers[w] <= 90 and numbers[w] % 10 == 0)
    units = "|".join(re.escape(w) for w in words if 1 <= numbers[w] <= 9)
    compound = rf"(?:{tens})[- ](?:{units})|" if tens and units else ""
    num = r"\d{1,3}(?:,\d{3})+|\d+|" + compound + "|".join(re.escape(w) for w in words)
    fatalities = _compile(
        [str(p).replace("{NUM}", num) for p in triggers.get("fatalities") or []], "fatalities"
    )
    weapons = [str(w) for w in triggers.get("weapon_words") or []]
    targets = [str(w) for w in triggers.get("armed_targets") or []]
    unarmed = [str(w) for w in triggers.get("unarmed_target_words") or []]
    return Lexicon(
        subtypes=subtypes,
        triggers=entries,
        context_rules=rules,
        non_conflict=_compile(list(triggers.get("non_conflict") or []), "non_conflict"),
        story_bystanders=frozenset(str(a) for a in triggers.get("story_bystanders") or []),
        non_conflict_exempt=frozenset(str(t) for t in triggers.get("non_conflict_exempt") or []),
        crowd_context=_compile(list(triggers.get("crowd_context") or []), "crowd_context"),
        consequences={
            str(k): frozenset(str(t) for t in v or [])
            for k, v in (triggers.get("consequences") or {}).items()
        },
        fatalities=fatalities,
        cumulative_tolls=_compile(list(triggers.get("cumulative_tolls") or []), "cumulative_tolls"),
        numbers=numbers,
        place_nouns=frozenset(str(p).lower() for p in triggers.get("place_nouns") or []),
        weapon_words=re.compile(r"\b(?:" + _alts(weapons) + r")\b", re.IGNORECASE)
        if weapons
        else re.compile(r"(?!x)x"),
        target_actors=tuple(
            (
                re.compile(r"\b(?:" + _alts(str(w) for w in words) + r")\b", re.IGNORECASE),
                str(actor),
            )
            for actor, words in (triggers.get("armed_target_actors") or {}).items()
            if words
        ),
        armed_targets=re.compile(
            r"\b(?:" + _alts(targets) + r")\b"
            + (rf"(?!\s+(?:of|carrying|with|for|transporting)\s+(?:[\w'-]+\s+){{0,2}}?(?:{_alts(unarmed)})\b)"
               if unarmed else ""),
            re.IGNORECASE,
        )
        if targets
        else None,
        number_rx=re.compile(rf"\b(?:{num})\b", re.IGNORECASE),
        everyday=_phrases(
            (triggers.get("everyday_triggers") or {}).get("phrases"),
            (triggers.get("everyday_triggers") or {}).get("regex"),
        ),
        other_senses=_phrases(None, triggers.get("other_senses")),
        weapon_names=frozenset(str(w).lower() for w in triggers.get("weapon_names") or []),
        conflict_words=_phrases(triggers.get("conflict_words")),
        agent_rules=tuple(_agent_rule(r) for r in triggers.get("agents") or []),
    )


def _agent_rule(raw: dict[str, Any]) -> AgentRule:
    nouns = sorted((str(n) for n in raw.get("nouns") or []), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in nouns) or "(?!x)x"
    return AgentRule(
        sub_event_types=frozenset(str(x) for x in raw.get("sub_event_types") or []),
        ends_with=re.compile(rf"\b(?:{alt})$", re.IGNORECASE),
        followed_by=re.compile(rf"(?:['’]?s)?\s+(?:{alt})\b", re.IGNORECASE),
        lead_sentences=int(raw.get("lead_sentences", 3)),
    )


@functools.lru_cache(maxsize=8)
def load_lexicon(data_dirs: tuple[str, ...] = ()) -> Lexicon:
    taxonomy = load_yaml(TAXONOMY_FILE, data_dirs)
    triggers = load_yaml(TRIGGERS_FILE, data_dirs)
    if not isinstance(taxonomy, dict) or not isinstance(triggers, dict):
        raise DataFileError("event taxonomy and triggers must be YAML mappings", item=TRIGGERS_FILE)
    return build_lexicon(taxonomy, triggers)


@functools.lru_cache(maxsize=8)
def load_modality(data_dirs: tuple[str, ...] = ()) -> ModalityRules:
    data = load_yaml(MODALITY_FILE, data_dirs)
    if not isinstance(data, dict):
        raise DataFileError("modality rules must be a YAML mapping", item=MODALITY_FILE)
    rules = ModalityRules(
        reporting_verbs=frozenset(str(v) for v in data.get("reporting_verbs") or ()),
        historical_days=int(data.get("historical_days", 365)),
        content_nouns=frozenset(str(v).lower() for v in data.get("content_nouns") or ()),
        since_yardstick=tuple(re.compile(p, re.IGNORECASE) for p in data.get("since_yardstick") or ()),
    )
    for name in rules.order:
        spec = data.get(name) or {}
        rules.cues[name] = {
            "aux": frozenset(str(v).lower() for v in spec.get("aux") or ()),
            "relative_aux": frozenset(str(v).lower() for v in spec.get("relative_aux") or ()),
            "neg": bool(spec.get("neg", False)),
            "verbs": frozenset(str(v).lower() for v in spec.get("verbs") or ()),
            "adjs": frozenset(str(v).lower() for v in spec.get("adjs") or ()),
            "nouns": frozenset(str(v).lower() for v in spec.get("nouns") or ()),
            "dets": frozenset(str(v).lower() for v in spec.get("dets") or ()),
            "marks": frozenset(str(v).lower() for v in spec.get("marks") or ()),
            "before": tuple(re.compile(p, re.IGNORECASE) for p in spec.get("before") or ()),
            "surface": tuple(re.compile(p, re.IGNORECASE) for p in spec.get("surface") or ()),
            "from_trigger": tuple(re.compile(p, re.IGNORECASE) for p in spec.get("from_trigger") or ()),
            "sentence": tuple(re.compile(p, re.IGNORECASE) for p in spec.get("sentence") or ()),
        }
    for item in data.get("background") or ():
        if not isinstance(item, dict) or not item.get("sub_event_types"):
            raise DataFileError("background entries need `sub_event_types`", item=MODALITY_FILE)
        before = tuple(re.compile(p, re.IGNORECASE) for p in item.get("before") or ())
        after = tuple(re.compile(p, re.IGNORECASE) for p in item.get("from_trigger") or ())
        for sub in item["sub_event_types"]:
            old_b, old_a = rules.background.get(str(sub), ((), ()))
            rules.background[str(sub)] = (old_b + before, old_a + after)
    for item in data.get("presupposed") or ():
        if not isinstance(item, dict) or not item.get("sub_event_types"):
            raise DataFileError("presupposed entries need `sub_event_types`", item=MODALITY_FILE)
        pres = tuple(re.compile(p, re.IGNORECASE) for p in item.get("before") or ())
        for sub in item["sub_event_types"]:
            rules.presupposed[str(sub)] = rules.presupposed.get(str(sub), ()) + pres
    ana = []
    for item in data.get("anaphoric") or ():
        if not isinstance(item, dict) or not item.get("before"):
            raise DataFileError("anaphoric entries need `before`", item=MODALITY_FILE)
        ana.append(
            tuple(
                re.compile(str(item[k]), re.IGNORECASE) if item.get(k) else None
                for k in ("before", "trigger", "after")
            )
        )
    rules.anaphoric = tuple(ana)
    rules.background_tolls = tuple(re.compile(p, re.IGNORECASE) for p in data.get("background_tolls") or ())
    return rules


def parse_number(text: str, numbers: dict[str, int]) -> int | None:
    t = text.strip().lower().replace(",", "")
    if t.isdigit():
        return int(t)
    if t in numbers:
        return numbers[t]
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and all(p in numbers for p in parts):
        tens, unit = numbers[parts[0]], numbers[parts[1]]
        if 20 <= tens <= 90 and tens % 10 == 0 and 1 <= unit <= 9:
            return tens + unit  # "twenty-three"
    return None
