"""Pair features and the pair score.  Each feature is in [0, 1]; None means a hard gate failed.

Hard gates (the pair can never be the same event): reports from the same article,
incompatible event types, dates further apart than the slack, places beyond the distance
allowance in different admin1 regions or different countries.
"""

from __future__ import annotations

import math

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from sitrep.resolve.model import ResolveOptions
from sitrep.resolve.profile import Profile

EARTH_KM = 6371.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def type_score(a: Profile, b: Profile, opts: ResolveOptions) -> float | None:
    t = opts.type
    if a.sub_event_type and a.sub_event_type == b.sub_event_type:
        return 1.0
    if not a.event_type or not b.event_type:
        return t["unknown"]
    pair = opts.compatible.get(frozenset((a.sub_event_type, b.sub_event_type)))
    if pair is not None:
        return pair
    if a.event_type == b.event_type and (not a.sub_event_type or not b.sub_event_type):
        return t["same_event_type_partial"]
    return None


def _confusable_group(name: str, opts: ResolveOptions) -> str:
    """The actor's group of names outlets confuse (as a key), else the name itself."""
    for i, group in enumerate(opts.confusable_actors):
        if any(part in name for part in group):
            return f"\x00group{i}"
    return name


def actor_score(a: Profile, b: Profile, opts: ResolveOptions) -> float:
    if not a.actors or not b.actors:
        return opts.actors_missing
    shared = len(a.actors & b.actors)
    if not shared and not (a.paired or b.paired):
        return opts.actors_unpaired  # each names one party: maybe the two sides of one fight
    # Jaccard: a report naming one of the other's two parties agrees only in part
    score = shared / len(a.actors | b.actors)
    if score < 1.0 and opts.confusable_actors:
        # "Russian warplanes" in one report, "Syrian government jets" in the other: the same
        # attack told with the attacker mistaken, when nothing else differs
        ga = {_confusable_group(n, opts) for n in a.actors}
        gb = {_confusable_group(n, opts) for n in b.actors}
        if ga == gb:
            score = max(score, opts.actors_confusable)
    return score


def time_score(a: Profile, b: Profile, opts: ResolveOptions) -> tuple[float | None, float | None]:
    """(score, gap in days); gap <= 0 means the ranges overlap."""
    t = opts.time
    if a.vague or b.vague:
        return None, None  # a summary over months or years is not one event
    if not (a.dated and b.dated):
        return t["undated"], None
    assert a.start is not None and a.end is not None and b.start is not None and b.end is not None
    gap = max(a.start, b.start) - min(a.end, b.end)
    if gap <= 0:
        # the wider the ranges, the less an overlap says: a day inside a month is weak evidence
        width = max(a.end - a.start, b.end - b.start) + 1
        low = t["overlap"]
        return low + (t["same_day"] - low) / width, float(gap)
    if gap <= opts.slack_days:
        return t["within_slack"], float(gap)
    return None, float(gap)


def place_score(a: Profile, b: Profile, opts: ResolveOptions) -> tuple[float | None, float | None]:
    """(score, distance in km or None)."""
    p = opts.place
    if a.country and b.country and a.country != b.country:
        return None, None
    dist = None
    if a.lat is not None and b.lat is not None:
        assert a.lon is not None and b.lon is not None
        dist = haversine_km(a.lat, a.lon, b.lat, b.lon)
    same_admin1 = bool(a.admin1) and a.admin1 == b.admin1
    if max(a.precision, b.precision) == 3:
        # a region-level report names its region: another region is another place, however
        # close its centroid lies; the same region is no more than the same region
        if a.admin1 and b.admin1:
            return (float(p["same_admin1"]) if same_admin1 else None), dist
        if a.name and a.name == b.name:
            return float(p["same_admin1"]), dist
    elif a.name and a.name == b.name:
        return float(p["same_name"]), dist
    if dist is not None:
        allow = opts.max_km(max(a.precision, b.precision))
        if dist <= allow:
            low = float(p["min_in_range"])
            return 1.0 - (1.0 - low) * dist / allow, dist
        return (float(p["same_admin1"]) if same_admin1 else None), dist
    if a.admin1 and b.admin1:
        return (float(p["same_admin1"]) if same_admin1 else None), None
    return float(p["unknown"]), None


def text_score(a: Profile, b: Profile, opts: ResolveOptions) -> float:
    if not a.text or not b.text:
        return opts.text_missing
    return fuzz.token_set_ratio(a.text, b.text, processor=default_process) / 100.0


def compatible(a: Profile, b: Profile, opts: ResolveOptions) -> bool:
    """Could a and b be in one event at all?  The hard gates, plus: named actors not disjoint.

    Used against EVERY member of a cluster a report joins (the score only against the best
    one), so single links cannot chain a cluster across days, places or actor pairs.
    """
    if a.article and a.article == b.article:
        return False
    if type_score(a, b, opts) is None or time_score(a, b, opts)[0] is None:
        return False
    if place_score(a, b, opts)[0] is None:
        return False
    return actor_score(a, b, opts) > 0.0


def score_pair(a: Profile, b: Profile, opts: ResolveOptions) -> tuple[float, dict[str, float]] | None:
    """Weighted score and the feature values, or None when a hard gate fails."""
    if a.article and a.article == b.article:
        return None
    ts = type_score(a, b, opts)
    if ts is None:
        return None
    tm, gap = time_score(a, b, opts)
    if tm is None:
        return None
    pl, dist = place_score(a, b, opts)
    if pl is None:
        return None
    if pl < opts.anchor["place"] and tm < opts.anchor["time"]:
        return None  # neither where nor when is pinned down
    ac = actor_score(a, b, opts)
    tx = text_score(a, b, opts)
    w = opts.weights
    total = w["type"] * ts + w["actors"] * ac + w["place"] * pl + w["time"] * tm + w["text"] * tx
    score = total / sum(w.values())
    features = {"type": ts, "actors": ac, "place": pl, "date_overlap": tm, "text_similarity": tx}
    if dist is not None:
        features["distance_km"] = round(dist, 2)
    if gap is not None:
        features["date_gap_days"] = gap
    return round(score, 4), {k: round(v, 4) for k, v in features.items()}
