"""Readable lines saying why the reports of a cluster were merged (for `sitrep events --show`)."""

from __future__ import annotations

from sitrep.resolve.model import Cluster

# feature name -> label, in print order
_LABELS = (
    ("type", "type"),
    ("actors", "actors"),
    ("place", "place"),
    ("distance_km", "km apart"),
    ("date_overlap", "date"),
    ("date_gap_days", "days apart"),
    ("text_similarity", "text"),
)


def explain(cluster: Cluster) -> list[str]:
    n = len(cluster.member_ids)
    lines = [f"{cluster.event_id}: {n} report{'s' if n != 1 else ''} ({', '.join(cluster.member_ids)})"]
    if cluster.member_ids:
        lines.append(f"  {cluster.member_ids[0]} founded the event")
    for e in cluster.explanations:
        feats = []
        for key, label in _LABELS:
            if key in e.features:
                value = e.features[key]
                if key in ("distance_km", "date_gap_days"):
                    feats.append(f"{label} {value:g}")
                else:
                    feats.append(f"{label} {value:.2f}")
        extra = [f"{k} {v:g}" for k, v in sorted(e.features.items()) if k not in dict(_LABELS)]
        detail = ", ".join(feats + extra) if (feats or extra) else "no comparable features"
        lines.append(f"  {e.report_id} joined via {e.matched_report_id}: {e.decision}, "
                     f"score {e.score:.2f} ({detail})")
    return lines
