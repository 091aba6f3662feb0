"""One event per real-world event within an article, then notes and confidence.

Two drafts are the same event when their sub-type matches, their actors do not
contradict, their places are compatible (same place, or one of them only guessed
from the paragraph/article or given as a country) and their dates overlap (or
one was only inferred from the article date).  Drafts of different sub-types that
are mentions of one incident ("a helicopter dropped a barrel bomb" ... "chlorine gas
was released") fold into the more specific one by ``merge_precedence`` in
event_triggers.yaml, unless the text sets the later one apart ("in a separate attack").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sitrep.datafiles import load_yaml
from sitrep.errors import DataFileError
from sitrep.extract.events import fields as F
from sitrep.extract.events.build import PLACE_FIELDS, Draft, event_id, set_interaction
from sitrep.extract.events.lexicon import TRIGGERS_FILE, SubType
from sitrep.extract.places.resolve import GOVERNMENT_RELATION, SPEAKER_RELATION
from sitrep.records import Document, Event, Evidence


@dataclass(frozen=True)
class PrecedenceRule:
    """A draft of a ``general`` sub-type folds into one of the ``specific`` sub-type."""

    specific: str
    general: frozenset[str]
    same_actor1: bool = False
    shared_actor: bool = False
    # one crowd told from either side (protesters marching, police dispersing them): the sides are
    # not compared, and the specific draft's actors win
    specific_sides: bool = False


@dataclass(frozen=True)
class MergeRules:
    precedence: tuple[PrecedenceRule, ...] = ()
    separate_cues: tuple[re.Pattern[str], ...] = ()
    # descriptor actor ("Islamist militants", from "jihadists") -> the groups it may stand for
    # (actors.yaml `refers_to`): for folding, the vague name is the same side as one of those
    vague: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # sub-types whose two sides have no direction (an armed clash told from either side): two
    # mentions with the sides swapped are one event
    symmetric: frozenset[str] = frozenset()
    # descriptors too vague to make two mentions one event by standing for a group ("gunmen",
    # "terrorists": anyone), though they still fold by `same` in merge_precedence
    too_vague: frozenset[str] = frozenset()

    def same_side(self, a: str | None, b: str | None) -> bool:
        """``same``, but never through a descriptor listed in ``too_vague``."""
        if a in self.too_vague or b in self.too_vague:
            return bool(a and b) and a == b
        return self.same(a, b)

    def same(self, a: str | None, b: str | None) -> bool:
        return bool(a and b) and (
            a == b or b in self.vague.get(a or "", ()) or a in self.vague.get(b or "", ())
        )

    def rule_for(self, general: str | None, specific: str | None) -> PrecedenceRule | None:
        for r in self.precedence:
            if r.specific == specific and general in r.general:
                return r
        return None


def build_merge_rules(raw: Mapping[str, Any]) -> MergeRules:
    rules = []
    for item in raw.get("merge_precedence") or []:
        if not isinstance(item, dict) or not item.get("specific") or not item.get("general"):
            raise DataFileError("merge_precedence entries need `specific` and `general`", item=TRIGGERS_FILE)
        rules.append(
            PrecedenceRule(
                specific=str(item["specific"]),
                general=frozenset(str(g) for g in item["general"]),
                same_actor1=bool(item.get("same_actor1", False)),
                shared_actor=bool(item.get("shared_actor", False)),
                specific_sides=bool(item.get("specific_sides", False)),
            )
        )
    cues = []
    for c in raw.get("separate_cues") or []:
        try:
            cues.append(re.compile(str(c), re.IGNORECASE))
        except re.error as exc:
            raise DataFileError(f"bad regex in separate_cues: {c!r}: {exc}", item=TRIGGERS_FILE) from exc
    symmetric = frozenset(str(x) for x in raw.get("symmetric_sides") or [])
    too_vague = frozenset(str(x) for x in raw.get("too_vague_to_merge") or [])
    return MergeRules(tuple(rules), tuple(cues), symmetric=symmetric, too_vague=too_vague)


@functools.lru_cache(maxsize=8)
def load_merge_rules(data_dirs: tuple[str, ...] = ()) -> MergeRules:
    raw = load_yaml(TRIGGERS_FILE, data_dirs)
    if not isinstance(raw, dict):
        raise DataFileError("event triggers must be a YAML mapping", item=TRIGGERS_FILE)
    return build_merge_rules(raw)


_PLACE_RANK = {"sentence": 0, "paragraph": 1, "document": 2, None: 3}


def _actors_ok(
    a: str | None, b: str | None, a_implied: bool, b_implied: bool, rules: MergeRules | None = None
) -> bool:
    # a descriptor ("militants") is the same side as a group it may stand for ("ISWAP")
    if a is None or b is None or a == b or a_implied or b_implied:
        return True
    return rules is not None and rules.same_side(a, b)


def _places_ok(x: Draft, y: Draft) -> bool:
    ex, ey = x.event, y.event
    if ex.location is None or ey.location is None or ex.location == ey.location:
        return True
    if ex.country and ey.country and ex.country != ey.country:
        return False
    guessed = x.place_level != "sentence" or y.place_level != "sentence"
    coarse = (ex.geo_precision or 3) >= 3 or (ey.geo_precision or 3) >= 3
    if guessed or coarse:
        return True
    # same first-level division and both only "near"/region level
    return bool(
        ex.admin1 and ex.admin1 == ey.admin1 and min(ex.geo_precision or 3, ey.geo_precision or 3) >= 2
    )


def _dates_ok(x: Draft, y: Draft) -> bool:
    if not x.date_explicit or not y.date_explicit:
        return True
    ex, ey = x.event, y.event
    if ex.event_date is None or ey.event_date is None:
        return (ex.relative_date or "") == (ey.relative_date or "") or ex.event_date is ey.event_date
    x_end = ex.event_date_end or ex.event_date
    y_end = ey.event_date_end or ey.event_date
    return ex.event_date <= y_end and ey.event_date <= x_end


def compatible(x: Draft, y: Draft, rules: MergeRules | None = None, doc: Document | None = None) -> bool:
    return _match(x, y, rules, doc) is not None


def _match(x: Draft, y: Draft, rules: MergeRules | None = None, doc: Document | None = None) -> str | None:
    """How ``y`` is the same event as ``x``: "same" (sides as they are), "swap" (sides swapped, for
    a sub-type without direction: "militants attacked the base ... troops repelled the attack"),
    or None."""
    if not (x.event.sub_event_type == y.event.sub_event_type and _places_ok(x, y) and _dates_ok(x, y)):
        return None
    if _actors_ok(x.actor1_name, y.actor1_name, x.actor1_implied, y.actor1_implied) and _actors_ok(
        x.actor2_name, y.actor2_name, x.actor2_implied, y.actor2_implied
    ):
        return "same"
    if rules is None or not _told_at_one_place(x, y, doc):
        # a descriptor matching a group, or sides told the other way round, is weaker evidence:
        # only when the two mentions do not name two places ("terrorists" shelling Aleppo and
        # "Jaish al-Fateh" shelling Adra are two incidents; "the fighters ... exchanged fire" after
        # "militants attacked a base near Gubio" is the same one)
        return None
    if _actors_ok(x.actor1_name, y.actor1_name, x.actor1_implied, y.actor1_implied, rules) and _actors_ok(
        x.actor2_name, y.actor2_name, x.actor2_implied, y.actor2_implied, rules
    ):
        return "same"
    if (
        x.event.sub_event_type in rules.symmetric
        and _actors_ok(x.actor1_name, y.actor2_name, x.actor1_implied, y.actor2_implied, rules)
        and _actors_ok(x.actor2_name, y.actor1_name, x.actor2_implied, y.actor1_implied, rules)
    ):
        return "swap"
    return None


def _names_a_place(d: Draft, doc: Document | None) -> bool:
    """The mention's own sentences name a place, resolved or not (so a place taken from the
    paragraph or the article is not where it happened)."""
    if d.place_level == "sentence":
        return True
    if doc is None:
        return True
    sents = {e.sentence_index for e in d.event.evidence}
    return any(
        p.sentence_index in sents
        and p.relation not in _NOT_LOCATIONS
        # a name inside an actor's name ("Islamic State West Africa Province") is no place
        and not any(a.start <= p.start and p.end <= a.end for a in doc.actors)
        for p in doc.places
    )


_NOT_LOCATIONS = (GOVERNMENT_RELATION, SPEAKER_RELATION)


def _told_at_one_place(x: Draft, y: Draft, doc: Document | None) -> bool:
    """The two mentions do not name two places: one of them names none, or both name the same
    place (not one within the other: "terrorists" shelling Aleppo and "Nusra terrorists" shelling
    two towns of its province are two attacks)."""
    nx, ny = _names_a_place(x, doc), _names_a_place(y, doc)
    if not (nx and ny):
        return True
    ex, ey = x.event, y.event
    if x.place_level != "sentence" or y.place_level != "sentence" or not ex.location or not ey.location:
        return False
    return ex.location == ey.location


_DATE_FIELDS = ("event_date", "event_date_end", "time_precision", "relative_date")


def _take(into: Draft, other: Draft, names: tuple[str, ...]) -> None:
    for n in names:
        setattr(into.event, n, getattr(other.event, n))
        if n in other.event.provenance:
            into.event.provenance[n] = list(other.event.provenance[n])
        else:
            into.event.provenance.pop(n, None)


def _told_date(ev: Event) -> bool:
    """The event's date comes from a time expression of the text (not the article's date)."""
    return any(p.start is not None for p in ev.provenance.get("event_date") or [])


def add_conflicting_toll(a: Event, b: Event) -> None:
    """``b``'s other figure for ``a``'s toll, side by side in ``a.conflicts`` (``a``'s stands)."""
    a.conflicts.setdefault(
        "fatalities", [{"value": a.fatalities, "article_id": a.article_ids[0], "source": a.source}]
    ).append({"value": b.fatalities, "article_id": b.article_ids[0], "source": b.source})
    a.provenance.setdefault("fatalities", []).extend(b.provenance.get("fatalities", []))


def absorb(into: Draft, other: Draft) -> None:
    """Fold ``other`` (a later mention) into ``into``, keeping the most specific values."""
    a, b = into.event, other.event
    a.evidence.extend(b.evidence)
    into.mentions += other.mentions
    better_place = _PLACE_RANK[other.place_level] < _PLACE_RANK[into.place_level] or (
        other.place_level == into.place_level == "sentence"
        # a place within the other one is more specific at any precision ("Syria" -> "Hama province")
        and ((b.geo_precision or 3) < (a.geo_precision or 3) or contains(into, other))
    )
    if better_place:
        _take(into, other, PLACE_FIELDS)
        into.place_level = other.place_level
    if other.date_explicit and not into.date_explicit:
        _take(into, other, _DATE_FIELDS)
        into.date_explicit = True
    elif a.event_date is None and not _told_date(a) and _told_date(b):
        # an undated article: the mention told "overnight" dates the headline that told nothing
        _take(into, other, _DATE_FIELDS)
    for slot in ("1", "2"):
        mine, theirs, label = f"actor{slot}_name", f"actor{slot}_implied", f"actor{slot}_label"
        if getattr(other, mine) and (
            getattr(into, mine) is None or (getattr(into, theirs) and not getattr(other, theirs))
        ):
            for k in (mine, theirs, label):
                setattr(into, k, getattr(other, k))
            _take(into, other, (f"actor{slot}", f"inter{slot}", f"assoc_actor_{slot}"))
        elif getattr(a, f"actor{slot}") and getattr(a, f"actor{slot}") == getattr(b, f"actor{slot}"):
            # the same side told twice: the actors named with it in either mention
            _join_associates(a, b, slot)
    if b.fatalities is not None and into.sub.takes_fatalities:
        if a.fatalities is None or (_lent_toll(a) and not _lent_toll(b)):
            a.fatalities = b.fatalities
            a.provenance["fatalities"] = list(b.provenance.get("fatalities", []))
        elif _lent_toll(b):
            # a figure lent from a sentence without an event ("We pulled two bodies from one
            # house") is a guess at this event's toll; the event's own figure stands
            pass
        elif a.fatalities != b.fatalities:
            add_conflicting_toll(a, b)
    for cid in b.claim_ids:
        if cid not in a.claim_ids:
            a.claim_ids.append(cid)
    if a.attributed_to is None and b.attributed_to:
        a.attributed_to = b.attributed_to
        a.provenance["attributed_to"] = list(b.provenance.get("attributed_to", []))
    into.weight = max(into.weight, other.weight)
    if other.roles_method == "parse":
        into.roles_method = "parse"


def _join_associates(a: Event, b: Event, slot: str) -> None:
    k = f"assoc_actor_{slot}"
    theirs = [n for n in (getattr(b, k) or "").split("; ") if n]
    mine = [n for n in (getattr(a, k) or "").split("; ") if n]
    new = [n for n in theirs if n not in mine]
    if new:
        setattr(a, k, "; ".join(mine + new))
        have = {(p.article_id, p.start) for p in a.provenance.get(k, [])}
        a.provenance.setdefault(k, []).extend(
            p for p in b.provenance.get(k, []) if (p.article_id, p.start) not in have
        )


def _lent_toll(ev: Event) -> bool:
    """The event's toll was lent from a sentence of its own (``_lend_tolls``), not read with it."""
    notes = [p.note for p in ev.provenance.get("fatalities", [])]
    return bool(notes) and all(F.LENT_TOLL_NOTE in n for n in notes)


def _consequence_of(d: Draft, kept: Draft, consequences: dict[str, frozenset[str]]) -> bool:
    """``d`` describes damage done by the earlier event ``kept`` ("burning stalls and charred
    vehicles" after a car bomb; "burned several vehicles before they were pushed back" in an
    attack): same place and time, and no other perpetrator named."""
    causes = consequences.get(d.event.sub_event_type or "")
    if not causes or kept.event.event_type not in causes:
        return False
    own = d.actor1_name if not d.actor1_implied and d.event.inter1 not in _NO_PERPETRATOR else None
    perpetrators = {kept.actor1_name, kept.actor2_name}
    no_other = own is None or own in perpetrators or kept.actor1_name is None
    return no_other and _places_ok(kept, d) and _dates_ok(kept, d)


def _last_before(d: Draft, at: int | None) -> int:
    starts = [e.start for e in d.event.evidence if e.start is not None and (at is None or e.start < at)]
    return max(starts, default=-1)


# inter codes that never carry out the violence they are mentioned with (civilians)
_NO_PERPETRATOR = frozenset({7})


def _swap_sides(d: Draft) -> None:
    """Exchange actor1 and actor2 of a draft (an armed clash told from the other side)."""
    for a, b in (
        ("actor1_name", "actor2_name"),
        ("actor1_label", "actor2_label"),
        ("actor1_implied", "actor2_implied"),
    ):
        va, vb = getattr(d, a), getattr(d, b)
        setattr(d, a, vb)
        setattr(d, b, va)
    ev = d.event
    ev.actor1, ev.actor2 = ev.actor2, ev.actor1
    ev.inter1, ev.inter2 = ev.inter2, ev.inter1
    ev.assoc_actor_1, ev.assoc_actor_2 = ev.assoc_actor_2, ev.assoc_actor_1
    for one, two in (("actor1", "actor2"), ("assoc_actor_1", "assoc_actor_2")):
        p1, p2 = ev.provenance.pop(one, None), ev.provenance.pop(two, None)
        for k, v in ((one, p2), (two, p1)):
            if v is not None:
                ev.provenance[k] = v


def _named(d: Draft) -> set[str]:
    return {
        n
        for n, implied in ((d.actor1_name, d.actor1_implied), (d.actor2_name, d.actor2_implied))
        if n and not implied
    }


def _sides_ok(x: Draft, y: Draft, rules: MergeRules) -> bool:
    for slot in ("1", "2"):
        a, b = getattr(x, f"actor{slot}_name"), getattr(y, f"actor{slot}_name")
        vague = getattr(x, f"actor{slot}_implied") or getattr(y, f"actor{slot}_implied")
        if a and b and not vague and not rules.same(a, b):
            return False
    return True


def _take_actor(into: Draft, other: Draft, slot: str) -> None:
    for k in (f"actor{slot}_name", f"actor{slot}_implied", f"actor{slot}_label"):
        setattr(into, k, getattr(other, k))
    _take(into, other, (f"actor{slot}", f"inter{slot}", f"assoc_actor_{slot}"))


def _prefer_named_group(into: Draft, other: Draft, rules: MergeRules) -> None:
    """After a fold, a descriptor ("jihadists") gives way to the group the other mention names."""
    for slot in ("1", "2"):
        mine, theirs = getattr(into, f"actor{slot}_name"), getattr(other, f"actor{slot}_name")
        if mine in rules.vague and theirs and theirs != mine and rules.same(mine, theirs):
            _take_actor(into, other, slot)


def _first_sentence(d: Draft) -> int | None:
    return min(_sentences(d), default=None)


def _told_last_before(drafts: list[Draft], at: int | None) -> tuple[int, Draft] | None:
    """The draft with a mention nearest before sentence ``at``, with that sentence's index."""
    if at is None:
        return None
    told = []
    for k in drafts:
        earlier = [s for s in _sentences(k) if s < at]
        if earlier:
            told.append((max(earlier), k))
    return max(told, key=lambda x: x[0]) if told else None


def _outcome_told(d: Draft, out: list[Draft], rules: MergeRules | None, doc: Document | None) -> Draft | None:
    """The violent event told last before ``d`` when ``d`` only tells who was hurt, with no
    perpetrator, place, date or death figure of its own ("Three more fighters were wounded."
    after the strike that hit them), unless its sentence sets it apart ("In a separate attack")."""
    ev = d.event
    if not d.extra.get("outcome") or ev.fatalities is not None or d.date_explicit:
        return None
    if rules is not None and _set_apart(d, rules, doc):
        return None
    told = _told_last_before([k for k in out if k.sub.violent], _first_sentence(d))
    if told is None:
        return None
    _s, kept = told
    if not _actors_ok(kept.actor2_name, d.actor2_name, kept.actor2_implied, d.actor2_implied, rules):
        return None
    return kept


def _set_apart(d: Draft, rules: MergeRules, doc: Document | None) -> bool:
    """The later mention's sentence says it is another incident ("in a separate attack")."""
    if doc is None or not rules.separate_cues or not d.event.evidence:
        return False
    i = d.event.evidence[0].sentence_index
    if i is None or not 0 <= i < len(doc.sentences):
        return False
    text = doc.sentences[i].text
    return any(c.search(text) for c in rules.separate_cues)


# "Twenty-six civilians were also killed ...": more victims than those told before, not a revised toll
_ALSO_KILLED = re.compile(
    r"\b(?:were|was|have been|had been|has been)\s+also\s+\w+|\balso\s+(?:killed|died|dead|"
    r"perished|lost their lives|massacred|executed|killing)\b",
    re.IGNORECASE,
)


def _more_victims(kept: Draft, d: Draft, doc: Document | None) -> bool:
    """A later mention with a toll of its own, other than the kept one's, whose sentence adds victims
    ("were also killed"): two incidents of one kind, not one told twice with two figures."""
    kf, df = kept.event.fatalities, d.event.fatalities
    if doc is None or kf is None or df is None or kf == df or not d.event.evidence:
        return False
    i = d.event.evidence[0].sentence_index
    if i is None or not 0 <= i < len(doc.sentences):
        return False
    text = doc.sentences[i].text
    # not the `separate_cues`: "the toll later rose to 14" revises the figure of the same strikes
    return bool(_ALSO_KILLED.search(text))


def contains(x: Draft, y: Draft) -> bool:
    """``x``'s place contains ``y``'s: a country the places in it, a first-level division (named
    as such: "Idlib province") its towns, a town or district its neighbourhoods."""
    ex, ey = x.event, y.event
    if not ex.location or not ey.location or ex.location == ey.location:
        return False
    if not ex.country or ex.country != ey.country:
        return False
    if ex.admin1 is None:
        return ex.location == ex.country and ey.location != ey.country
    if ex.admin1 != ey.admin1:
        return False
    return (ex.location == ex.admin1 and ey.location != ey.admin1) or ex.location in (ey.admin2, ey.admin3)


def same_place(x: Draft, y: Draft, within: bool = True) -> bool:
    """Stricter than ``_places_ok``: two places each named with its own mention differ
    ("gas attack in Khan Sheikhoun" and "airstrikes on Eastern Ghouta" are two incidents),
    unless one contains the other ("in Idlib province" ... "in the town of Saraqib"; not with
    ``within`` False)."""
    if not _places_ok(x, y):
        return False
    ex, ey = x.event.location, y.event.location
    if ex is None or ey is None or ex == ey or x.place_level != "sentence" or y.place_level != "sentence":
        return True
    return within and (contains(x, y) or contains(y, x))


def take_place_within(into: Draft, other: Draft) -> None:
    """``into`` takes ``other``'s place when that lies within its own (or its own is only guessed)."""
    if other.place_level != "sentence" or other.event.location is None:
        return
    if into.place_level != "sentence" or into.event.location is None or contains(into, other):
        _take(into, other, PLACE_FIELDS)
        into.place_level = other.place_level


# how many sentences apart two mentions of one incident may be when one of them is undated
NEAR_SENTENCES = 2


def _near(x: Draft, y: Draft) -> bool:
    xs = [e.sentence_index for e in x.event.evidence if e.sentence_index is not None]
    ys = [e.sentence_index for e in y.event.evidence if e.sentence_index is not None]
    return any(abs(i - j) <= NEAR_SENTENCES for i in xs for j in ys)


def _fold(kept: Draft, d: Draft, rules: MergeRules) -> tuple[bool, bool, PrecedenceRule] | None:
    """(kept is the general one, swap d's sides, the rule) when ``d`` and ``kept`` are one
    incident coded as two sub-types; None when they are not."""
    ks, ds = kept.event.sub_event_type, d.event.sub_event_type
    rule = rules.rule_for(ks, ds)
    kept_general = rule is not None
    if rule is None:
        rule = rules.rule_for(ds, ks)
    # demonstrations told at a wider place ("protests across the province") are a wave of many
    # gatherings, not the one in the town: the protest family folds only in the same place
    within = rule is not None and not rule.specific_sides
    if rule is None or not (same_place(kept, d, within) and _dates_ok(kept, d)):
        return None
    if rule.specific_sides:
        # one demonstration is told in neighbouring sentences, its date given once ("marched on
        # Thursday ... some demonstrators smashed windows")
        if not _near(kept, d):
            return None
        return kept_general, False, rule
    if kept.date_explicit != d.date_explicit or not (kept.date_explicit or _near(kept, d)):
        # a date only inferred from the article says nothing about being the same incident (a
        # caption's "toxic gas attack" is no part of the air strikes dated "on Saturday" below):
        # an undated mention folds only into another undated one told close by
        return None
    swap = False
    if not _sides_ok(kept, d, rules):
        if not rule.shared_actor:
            return None
        _swap_sides(d)
        ok = _sides_ok(kept, d, rules)
        _swap_sides(d)
        if not ok:
            return None
        swap = True
    if rule.same_actor1 and not rules.same(kept.actor1_name, d.actor1_name):
        return None
    if rule.shared_actor and not any(rules.same(a, b) for a in _named(kept) for b in _named(d)):
        return None
    return kept_general, swap, rule


def _become(d: Draft, sub: SubType, doc: Document | None) -> None:
    """``d`` takes the more specific sub-type of a draft folded into it."""
    ev = d.event
    ev.event_type, ev.sub_event_type, ev.disorder_type = sub.event_type, sub.name, sub.disorder_type
    d.sub = sub
    for k in ("event_type", "sub_event_type", "disorder_type"):
        for e in ev.provenance.get(k, []):
            e.note = (e.note + "; " if e.note else "") + "more specific sub-type of the same incident"
    first = ev.evidence[0].start if ev.evidence and ev.evidence[0].start is not None else 0
    ev.event_id = event_id(ev.article_ids[0], sub.name, first)
    if doc is not None:
        set_interaction(ev, doc)


def merge_drafts(
    drafts: list[Draft],
    consequences: dict[str, frozenset[str]] | None = None,
    rules: MergeRules | None = None,
    subtypes: Mapping[str, SubType] | None = None,
    doc: Document | None = None,
) -> list[Draft]:
    """Mentions of one event become one draft; damage that an earlier event of the article
    caused (``consequences``, from event_triggers.yaml) becomes evidence of that event; then
    a draft of a general sub-type folds into a more specific one of the same incident
    (``rules``: merge_precedence; ``subtypes`` give the specific sub-type's definition)."""
    out: list[Draft] = []
    for d in drafts:
        # a mention that names neither a place nor who acted ("Eight soldiers were wounded")
        # belongs to the nearest event told before it (the attack of the paragraph before, not
        # the headline's summary of the day); others join the first that fits
        bare = d.place_level != "sentence" and d.actor1_name is None
        for kept in reversed(out) if bare else out:
            how = _match(kept, d, rules, doc)
            if how is not None and not _more_victims(kept, d, doc):
                if how == "swap":
                    _swap_sides(d)
                absorb(kept, d)
                if rules is not None:
                    _prefer_named_group(kept, d, rules)
                break
        else:
            told = _outcome_told(d, out, rules, doc) if bare else None
            if told is not None:
                absorb(told, d)
                continue
            causes = [k for k in out if consequences and _consequence_of(d, k, consequences)]
            if causes:
                # the event told last before the damage ("... a building demolished after the attack")
                at = d.event.evidence[0].start if d.event.evidence else None
                cause = max(causes, key=lambda k: _last_before(k, at))
                cause.event.evidence.extend(d.event.evidence)
                continue
            out.append(d)
    if rules and rules.precedence and subtypes:
        # after the same-sub-type merge, so each side has gathered its dates and actors
        out = _fold_all(out, rules, subtypes, doc)
    return out


def _fold_all(
    drafts: list[Draft], rules: MergeRules, subtypes: Mapping[str, SubType], doc: Document | None
) -> list[Draft]:
    out: list[Draft] = []
    for d in drafts:
        target = (
            None
            if _set_apart(d, rules, doc)
            else next(((k, how) for k in out if (how := _fold(k, d, rules)) is not None), None)
        )
        if target is None:
            out.append(d)
            continue
        kept, (kept_general, swap, rule) = target
        if swap:
            # the specific sub-type tells who took the place: its sides win
            _swap_sides(kept if kept_general else d)
        specific = subtypes.get(d.event.sub_event_type or "") if kept_general else None
        absorb(kept, d)
        if rule.specific_sides and kept_general:
            for slot in ("1", "2"):
                if getattr(d, f"actor{slot}_name") is not None:
                    _take_actor(kept, d, slot)
        _prefer_named_group(kept, d, rules)
        if specific is not None:
            _become(kept, specific, doc)
        elif doc is not None:
            set_interaction(kept.event, doc)
    return out


def _with_associates(label: str, assoc: str | None) -> str:
    """"Military Forces of Syria and Hezbollah", "A, B and C"."""
    names = [label, *(n for n in (assoc or "").split("; ") if n)] if label else []
    if len(names) < 2:
        return label
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _note(d: Draft) -> str:
    ev = d.event
    if ev.event_date is not None:
        when = f"On {F.format_date(ev.event_date)}"
        if ev.event_date_end and ev.event_date_end != ev.event_date:
            when = f"Between {F.format_date(ev.event_date)} and {F.format_date(ev.event_date_end)}"
    else:
        when = f"Undated ({ev.relative_date})" if ev.relative_date else "Undated"
    a1 = _with_associates(d.actor1_label or ev.actor1 or "unidentified actors", ev.assoc_actor_1)
    a2 = _with_associates(d.actor2_label or ev.actor2 or "", ev.assoc_actor_2)
    phrase = (d.sub.note if a2 else d.sub.note_alone).format(actor1=a1, actor2=a2)
    where = ""
    if ev.location:
        where = " near " if ev.geo_precision == 2 else " in "
        where += ev.location
        extras = [x for x in (ev.admin1, ev.country) if x and x != ev.location]
        if extras:
            where += f" ({', '.join(extras)})"
    text = f"{when}, {phrase}{where}."
    if ev.fatalities is not None:
        text += f" Fatalities: {ev.fatalities}."
    if ev.attributed_to:
        text += f" According to {ev.attributed_to}."
    return text[0].upper() + text[1:]


def confidence(d: Draft) -> float:
    """How complete and certain the coding is: trigger strength, actors, place, date, syntax."""
    ev = d.event
    score = 0.35 * d.weight
    score += 0.15 if ev.actor1 and not d.actor1_implied else (0.07 if ev.actor1 else 0.0)
    score += 0.1 if ev.actor2 and not d.actor2_implied else 0.04
    score += {"sentence": 0.15, "paragraph": 0.09, "document": 0.04}.get(d.place_level or "", 0.0)
    score += 0.15 if d.date_explicit else (0.08 if ev.event_date else 0.03)
    score += 0.05 if d.roles_method == "parse" else 0.0
    score += min(0.05, 0.025 * (d.mentions - 1))
    # a reported death figure is part of a complete coding (ACLED codes the toll with the event)
    score += 0.05 if ev.fatalities is not None else 0.0
    return round(min(1.0, max(0.0, score)), 3)


def finalize(d: Draft, doc: Document) -> None:
    ev = d.event
    if ev.actor1 and ev.actor1 == ev.actor2:
        # one actor on both sides ("the army" and "regime forces" after mentions were merged): an
        # event has two different sides or one; the second slot stays empty
        ev.actor2 = ev.inter2 = None
        d.actor2_name, d.actor2_label = None, None
        ev.provenance.pop("actor2", None)
        ev.provenance.pop("inter2", None)
        set_interaction(ev, doc)
    for slot in ("1", "2"):
        # an associate that became a side after mentions were merged is that side only
        k = f"assoc_actor_{slot}"
        kept = [n for n in (getattr(ev, k) or "").split("; ") if n and n not in (ev.actor1, ev.actor2)]
        if not getattr(ev, f"actor{slot}"):
            kept = []
        setattr(ev, k, "; ".join(kept) or None)
        if not kept:
            ev.provenance.pop(k, None)
    ev.notes = _note(d)
    ev.confidence = confidence(d)
    aid = doc.article.id
    ev.provenance["notes"] = [
        Evidence(aid, None, None, None, "", field="notes", note="generated from the coded fields")
    ]
    ev.provenance["confidence"] = [
        Evidence(
            aid,
            None,
            None,
            None,
            str(ev.confidence),
            field="confidence",
            note="trigger weight, actors, place, date, parse, reported toll",
        )
    ]


# a headline: most of its longer words capitalised ("Syrian Army Kills 11 ISIL Terrorists in ...")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
HEADLINE_SENTENCES = 2  # a headline is among the first sentences (after a dateline)
LEAD_AFTER_HEADLINE = 2  # its lead follows within this many sentences


def headline_index(doc: Document) -> int | None:
    """The index of the article's headline sentence, if it has one: one in title case, or a
    summary told before the dateline ("Clashes ... killed 32 on Tuesday.\n\nMOPTI, Mali (Wire) -")."""
    first = doc.sentences[:HEADLINE_SENTENCES]
    for s in first:
        words = _WORD.findall(s.text)
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            return s.index
    for s in first[1:]:
        if F.opens_with_dateline(doc.text, s.start):
            return first[0].index if first[0].end <= s.start else None
    return None


def _headline_swapped(hd: Draft, ld: Draft, rules: MergeRules) -> bool:
    """The headline's clash has the lead's sides the other way round (a descriptor on either
    side may stand for the other's actor); or, whatever the two sub-types, the headline's
    perpetrator is the lead's named target and it names no target of its own (a title-case headline read
    backwards: "Syrian Army Kills Dozens of al-Nusra Members in Adra Ambush" over "an army unit
    killed dozens of al-Nusra Front terrorists").  Where both name both sides the other way
    round, which one is misread is not known: they stay apart."""
    back = _actors_ok(hd.actor1_name, ld.actor2_name, hd.actor1_implied, ld.actor2_implied, rules)
    if hd.event.sub_event_type == ld.event.sub_event_type and hd.event.sub_event_type in rules.symmetric:
        forth = _actors_ok(hd.actor2_name, ld.actor1_name, hd.actor2_implied, ld.actor1_implied, rules)
        return back and forth
    named = hd.actor1_name is not None and ld.actor2_name is not None and not hd.actor1_implied
    return named and back and (hd.actor2_name is None or hd.actor2_implied)


HEADLINE_LAG_DAYS = 3  # a headline dated by the dateline may tell a lead's event of days before


def _summarises(hd: Draft, ld: Draft) -> bool:
    """A headline with no date of its own and no toll other than the lead's ("Regime Escalates
    Attacks on Alwaer", "200 Killed by Army in Aleppo") over a lead dated a few days before the
    report ("shelling ... killed six on Sunday"): the headline names the lead's event, dated only by
    the dateline.  A headline with a toll the lead does not give ("Air strikes kill 30") may be the
    day's sum of several events: it stays apart."""
    h, lv = hd.event, ld.event
    if hd.date_explicit or h.event_date is None or lv.event_date is None:
        return False
    if h.fatalities is not None and h.fatalities != lv.fatalities:
        return False
    return 0 <= (h.event_date - lv.event_date).days <= HEADLINE_LAG_DAYS


def _sentences(d: Draft) -> set[int]:
    return {e.sentence_index for e in d.event.evidence if e.sentence_index is not None}


def fold_headline(drafts: list[Draft], doc: Document, rules: MergeRules) -> list[Draft]:
    """A headline's violent event told only in the headline folds into the lead's first violent
    event of the same incident (same perpetrator or one unnamed, compatible place and date): the
    lead tells it in full ("Syrian Army Kills 11 ISIL Terrorists ..." then "the army killed 11
    terrorists in an attack on their positions"), so its coding wins."""
    h = headline_index(doc)
    if h is None:
        return drafts
    heads = [d for d in drafts if d.sub.violent and _sentences(d) == {h}]
    if not heads:
        return drafts
    lead = sorted(
        (d for d in drafts if d.sub.violent and d not in heads and _sentences(d)),
        key=lambda d: min(_sentences(d)),
    )
    out = list(drafts)
    for hd in heads:
        for ld in lead:
            first = min(_sentences(ld))
            if not h < first <= h + LEAD_AFTER_HEADLINE:
                continue
            a1, b1 = hd.actor1_name, ld.actor1_name
            same_side = a1 is None or b1 is None or hd.actor1_implied or rules.same(a1, b1)
            # a clash the lead tells from the other side ("clashes between the army and
            # militants" over "militants attacked an army post")
            swap = not same_side and _headline_swapped(hd, ld, rules)
            # a headline's country ("... In Eastern Congo Village") only summarises the lead's place
            coarse = hd.event.location is None or hd.event.location == hd.event.country
            # the same day: a headline dated by the dateline and a lead told "on Tuesday" may
            # be two reports (the day's toll and one strike of it); they stay apart
            # (a lead with no date of its own takes the headline's)
            same_day = not ld.date_explicit or (
                hd.event.event_date == ld.event.event_date
                and hd.event.event_date_end == ld.event.event_date_end
            ) or _summarises(hd, ld)
            if (same_side or swap) and (coarse or _places_ok(ld, hd)) and same_day:
                if coarse:
                    hd.place_level = None  # the lead's own place stands
                if swap:
                    _swap_sides(hd)
                absorb(ld, hd)
                out.remove(hd)
                break
    return out


INHERITED_DATE_NOTE = "no date of its own: told after an event dated in the text"




def _told_day(d: Draft, doc: Document) -> bool:
    """The draft's date is a day the text tells of the event ("on Thursday"), not of the report
    ("the Observatory said Sunday")."""
    ev = d.event
    if not d.date_explicit or ev.event_date is None or ev.time_precision != 1:
        return False
    if ev.event_date_end not in (None, ev.event_date):
        return False  # a period: "hostages taken in the past week" dates no later detail
    spans = [(p.start, p.end) for p in ev.provenance.get("event_date") or [] if p.start is not None]
    return bool(spans) and not any(F.attached_to_speech(doc.text, lo, hi or lo) for lo, hi in spans)


def inherit_dates(drafts: list[Draft], doc: Document) -> None:
    """An event told without a date after one the text dates ("Government forces shelled Kafr
    Nabl on Thursday ... artillery fire also hit the nearby villages of Hish and Maarzita")
    happened in that story, not on the day the article was published: it takes the date of the
    nearest event told before it with a day of its own, at precision 2 (the day is inferred, not
    stated), with provenance to that time expression.  A period ("in the past week") or the day
    of a report ("the monitor said on Sunday") lends none; events told before any dated one, with
    a relative date of their own, or at a place of their own in another first-level division
    ("Elsewhere, rebels shelled ...") keep theirs."""
    dated = [d for d in drafts if _told_day(d, doc)]
    for d in drafts:
        ev = d.event
        if d.date_explicit or ev.event_date is None or _told_date(ev):
            continue
        told = _told_last_before([k for k in dated if k is not d], _first_sentence(d))
        if told is None:
            continue
        _s, src = told
        sev = src.event
        if d.place_level == "sentence" and ev.admin1 != sev.admin1:
            continue  # another place of its own: another story ("Elsewhere, rebels fired ...")
        if sev.event_date is None or (ev.event_date is not None and sev.event_date > ev.event_date):
            continue
        ev.event_date, ev.event_date_end = sev.event_date, sev.event_date_end
        ev.time_precision = max(sev.time_precision or 1, 2)
        base = next(iter(sev.provenance.get("event_date") or []), None)
        note = f"{INHERITED_DATE_NOTE} (sentence {_s})"
        e = (
            Evidence(**{**base.__dict__, "field": "event_date", "note": note})
            if base is not None
            else Evidence(
                ev.article_ids[0], None, None, None, str(sev.event_date), field="event_date", note=note
            )
        )
        ev.provenance["event_date"] = [e]
        for k in ("event_date_end", "time_precision"):
            ev.provenance[k] = [Evidence(**{**e.__dict__, "field": k})]
