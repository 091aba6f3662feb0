"""Cross-article resolve: one event per real-world event.

Pure library (no database code): the store passes per-article events ("reports") and the
clusters of an earlier run, and persists what comes back.

    clusters = resolve(reports, existing=previous, constraints=reviewer_decisions)
    events = [merge_reports(c.event_id, [by_id[m] for m in c.member_ids]) for c in clusters]
    print("\\n".join(explain(clusters[0])))

Thresholds and weights: src/sitrep/data/merge.yaml.  Method and figures: docs/MERGE.md.
"""

from __future__ import annotations

from sitrep.resolve.cluster import ResolveStats, default_options, resolve
from sitrep.resolve.explain import explain
from sitrep.resolve.merge import merge_reports
from sitrep.resolve.model import (
    DECISION_MERGED,
    DECISION_REVIEWER,
    Cluster,
    Constraints,
    MatchExplanation,
    ResolveOptions,
    cluster_id_for,
)

__all__ = [
    "DECISION_MERGED",
    "DECISION_REVIEWER",
    "Cluster",
    "Constraints",
    "MatchExplanation",
    "ResolveOptions",
    "ResolveStats",
    "cluster_id_for",
    "default_options",
    "explain",
    "merge_reports",
    "resolve",
]
