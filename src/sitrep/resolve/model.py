"""Records of the resolve stage: clusters, explanations, reviewer constraints, options."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitrep.datafiles import load_yaml
from sitrep.errors import DataFileError, ReviewError

DECISION_MERGED = "merged"  # the pair score reached the threshold
DECISION_REVIEWER = "reviewer-merge"  # a reviewer's must_link
CLUSTER_PREFIX = "M-"  # merged event ids: prefix + the founding report's event_id


def cluster_id_for(founder_id: str) -> str:
    return CLUSTER_PREFIX + founder_id


@dataclass
class MatchExplanation:
    """Why a report joined a cluster: the member it matched best, the score and the features."""

    report_id: str
    matched_report_id: str
    score: float
    features: dict[str, float] = field(default_factory=dict)
    decision: str = DECISION_MERGED


@dataclass
class Cluster:
    """One real-world event: the reports (per-article events) that describe it.

    ``event_id`` is derived from the founding report (``member_ids[0]``) and never changes
    when reports join later.  ``explanations`` has one entry per member except the founder.
    """

    event_id: str
    member_ids: list[str] = field(default_factory=list)
    explanations: list[MatchExplanation] = field(default_factory=list)

    def copy(self) -> Cluster:
        return Cluster(self.event_id, list(self.member_ids), list(self.explanations))


@dataclass
class Constraints:
    """Reviewer decisions that must survive re-runs: pairs of report ids."""

    must_link: set[frozenset[str]] = field(default_factory=set)
    cannot_link: set[frozenset[str]] = field(default_factory=set)

    def linked(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.must_link

    def forbidden(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.cannot_link

    def check(self) -> None:
        """Raise ReviewError when must_link (transitively) joins a cannot_link pair."""
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        for pair in sorted(self.must_link, key=sorted):
            if len(pair) != 2:
                raise ReviewError(f"must_link needs two report ids, got {sorted(pair)}")
            a, b = sorted(pair)
            parent[find(a)] = find(b)
        for pair in sorted(self.cannot_link, key=sorted):
            if len(pair) != 2:
                raise ReviewError(f"cannot_link needs two report ids, got {sorted(pair)}")
            a, b = sorted(pair)
            if find(a) == find(b):
                raise ReviewError(
                    f"reports {a} and {b} are both linked (must_link) and split (cannot_link)",
                    hint="remove one of the two reviewer decisions",
                )


@dataclass(frozen=True)
class ResolveOptions:
    """Thresholds and weights of the resolve stage (src/sitrep/data/merge.yaml, documented there)."""

    threshold: float
    undated_threshold: float
    weights: dict[str, float]
    time: dict[str, float]
    place: dict[str, Any]
    actors_missing: float
    actors_unpaired: float
    generic_actors: tuple[str, ...]
    # groups of actor-name substrings outlets confuse for one another, and the score of a pair that
    # differs only within a group
    confusable_actors: tuple[tuple[str, ...], ...]
    actors_confusable: float
    text_missing: float
    type: dict[str, float]
    compatible: dict[frozenset[str], float]
    families: dict[str, str]
    max_undated_candidates: int
    max_coarse_candidates: int
    conflict_penalty: float
    conflict_fields: tuple[str, ...]
    same_place_km: float
    anchor: dict[str, float]

    @property
    def slack_days(self) -> int:
        return int(self.time["slack_days"])

    @property
    def max_range_days(self) -> int:
        return int(self.time["max_range_days"])

    def max_km(self, precision: int) -> float:
        return float(self.place["max_km"][precision])

    @classmethod
    def load(cls, data_dirs: tuple[str, ...] = ()) -> ResolveOptions:
        data = load_yaml("merge.yaml", tuple(data_dirs))
        try:
            return cls._from_mapping(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError(f"merge.yaml: bad or missing setting {exc}", item="merge.yaml",
                                hint="compare with the bundled src/sitrep/data/merge.yaml") from exc

    @classmethod
    def _from_mapping(cls, data: dict[str, Any]) -> ResolveOptions:
        weights = {k: float(v) for k, v in data["weights"].items()}
        if set(weights) != {"type", "actors", "place", "time", "text"} or sum(weights.values()) <= 0:
            raise ValueError("weights must give type, actors, place, time, text with a positive sum")
        place = dict(data["place"])
        place["max_km"] = {int(k): float(v) for k, v in place["max_km"].items()}
        if set(place["max_km"]) != {1, 2, 3}:
            raise ValueError("place.max_km needs geo_precision 1, 2 and 3")
        compatible: dict[frozenset[str], float] = {}
        for a, b, score in data["type"].get("compatible", []):
            compatible[frozenset((str(a), str(b)))] = float(score)
        type_scores = {k: float(v) for k, v in data["type"].items() if k != "compatible"}
        return cls(
            threshold=float(data["threshold"]),
            undated_threshold=float(data["undated_threshold"]),
            weights=weights,
            time={k: float(v) for k, v in data["time"].items()},
            place=place,
            actors_missing=float(data["actors"]["missing"]),
            actors_unpaired=float(data["actors"]["unpaired"]),
            generic_actors=tuple(str(g).lower() for g in data["actors"].get("generic", [])),
            confusable_actors=tuple(
                tuple(str(n).lower() for n in group) for group in data["actors"].get("confusable") or []
            ),
            actors_confusable=float(data["actors"].get("confusable_score", 0.0)),
            text_missing=float(data["text"]["missing"]),
            type=type_scores,
            compatible=compatible,
            families={str(k): str(v) for k, v in data.get("families", {}).items()},
            max_undated_candidates=int(data["max_undated_candidates"]),
            max_coarse_candidates=int(data["max_coarse_candidates"]),
            conflict_penalty=float(data["merge"]["conflict_penalty"]),
            conflict_fields=tuple(data["merge"]["conflict_fields"]),
            same_place_km=float(data["merge"]["same_place_km"]),
            anchor={k: float(v) for k, v in data["anchor"].items()},
        )
