"""One event per real-world event within an article, then notes and confidence.

Two drafts are the same event when their sub-type matches, their actors do not
contradict, their places are compatible (same place, or one of them only guessed
from the paragraph/article or given as a country) and their dates overlap (or
one was only inferred from the article date).
"""

from __future__ import annotations

from sitrep.extract.events import fields as F
from sitrep.extract.events.build import Draft
from sitrep.records import Document, Evidence

_PLACE_RANK = {"sentence": 0, "paragraph": 1, "document": 2, None: 3}


def _actors_ok(a: str | None, b: str | None, a_implied: bool, b_implied: bool) -> bool:
    return a is None or b is None or a == b or a_implied or b_implied


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


def compatible(x: Draft, y: Draft) -> bool:
    return (
        x.event.sub_event_type == y.event.sub_event_type
        and _actors_ok(x.actor1_name, y.actor1_name, x.actor1_implied, y.actor1_implied)
        and _actors_ok(x.actor2_name, y.actor2_name, x.actor2_implied, y.actor2_implied)
        and _places_ok(x, y)
        and _dates_ok(x, y)
    )


_PLACE_FIELDS = (
    "location",
    "country",
    "iso",
    "region",
    "admin1",
    "admin2",
    "admin3",
    "latitude",
    "longitude",
    "geo_precision",
)
_DATE_FIELDS = ("event_date", "event_date_end", "time_precision", "relative_date")


def _take(into: Draft, other: Draft, names: tuple[str, ...]) -> None:
    for n in names:
        setattr(into.event, n, getattr(other.event, n))
        if n in other.event.provenance:
            into.event.provenance[n] = list(other.event.provenance[n])
        else:
            into.event.provenance.pop(n, None)


def absorb(into: Draft, other: Draft) -> None:
    """Fold ``other`` (a later mention) into ``into``, keeping the most specific values."""
    a, b = into.event, other.event
    a.evidence.extend(b.evidence)
    into.mentions += other.mentions
    better_place = _PLACE_RANK[other.place_level] < _PLACE_RANK[into.place_level] or (
        other.place_level == into.place_level == "sentence"
        and (b.geo_precision or 3) < (a.geo_precision or 3)
    )
    if better_place:
        _take(into, other, _PLACE_FIELDS)
        into.place_level = other.place_level
    if other.date_explicit and not into.date_explicit:
        _take(into, other, _DATE_FIELDS)
        into.date_explicit = True
    for slot in ("1", "2"):
        mine, theirs, label = f"actor{slot}_name", f"actor{slot}_implied", f"actor{slot}_label"
        if getattr(other, mine) and (
            getattr(into, mine) is None or (getattr(into, theirs) and not getattr(other, theirs))
        ):
            for k in (mine, theirs, label):
                setattr(into, k, getattr(other, k))
            for k in (f"actor{slot}", f"inter{slot}"):
                setattr(a, k, getattr(b, k))
                a.provenance[k] = list(b.provenance.get(k, []))
    if b.fatalities is not None:
        if a.fatalities is None:
            a.fatalities = b.fatalities
            a.provenance["fatalities"] = list(b.provenance.get("fatalities", []))
        elif a.fatalities != b.fatalities:
            a.conflicts.setdefault(
                "fatalities",
                [
                    {"value": a.fatalities, "article_id": a.article_ids[0], "source": a.source},
                ],
            ).append({"value": b.fatalities, "article_id": b.article_ids[0], "source": b.source})
            a.provenance.setdefault("fatalities", []).extend(b.provenance.get("fatalities", []))
    for cid in b.claim_ids:
        if cid not in a.claim_ids:
            a.claim_ids.append(cid)
    if a.attributed_to is None and b.attributed_to:
        a.attributed_to = b.attributed_to
        a.provenance["attributed_to"] = list(b.provenance.get("attributed_to", []))
    into.weight = max(into.weight, other.weight)
    if other.roles_method == "parse":
        into.roles_method = "parse"


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


def merge_drafts(drafts: list[Draft], consequences: dict[str, frozenset[str]] | None = None) -> list[Draft]:
    """Mentions of one event become one draft; damage that an earlier event of the article
    caused (``consequences``, from event_triggers.yaml) becomes evidence of that event."""
    out: list[Draft] = []
    for d in drafts:
        for kept in out:
            if compatible(kept, d):
                absorb(kept, d)
                break
        else:
            causes = [k for k in out if consequences and _consequence_of(d, k, consequences)]
            if causes:
                # the event told last before the damage ("... a building demolished after the attack")
                at = d.event.evidence[0].start if d.event.evidence else None
                cause = max(causes, key=lambda k: _last_before(k, at))
                cause.event.evidence.extend(d.event.evidence)
                continue
            out.append(d)
    return out


def _note(d: Draft) -> str:
    ev = d.event
    if ev.event_date is not None:
        when = f"On {F.format_date(ev.event_date)}"
        if ev.event_date_end and ev.event_date_end != ev.event_date:
            when = f"Between {F.format_date(ev.event_date)} and {F.format_date(ev.event_date_end)}"
    else:
        when = f"Undated ({ev.relative_date})" if ev.relative_date else "Undated"
    a1 = d.actor1_label or ev.actor1 or "unidentified actors"
    a2 = d.actor2_label or ev.actor2 or ""
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
    return round(min(1.0, max(0.0, score)), 3)


def finalize(d: Draft, doc: Document) -> None:
    ev = d.event
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
            note="trigger weight, actors, place, date, parse",
        )
    ]
