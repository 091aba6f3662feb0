"""Running the resolve stage over the store: load, merge, persist.

The merge itself is a pure library (sitrep.resolve); this module only moves
records between it and the store, so the merge can be tested without a database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from sitrep.options import Options
from sitrep.records import Event
from sitrep.resolve import Cluster, Constraints, MatchExplanation, ResolveOptions, merge_reports, resolve
from sitrep.resolve.model import cluster_id_for
from sitrep.store.core import Store


def _existing_clusters(store: Store) -> list[Cluster]:
    out: list[Cluster] = []
    for event_id, members in store.clusters().items():
        ids = [rid for rid, _ in members]
        # the founding report first: the merged event id is derived from it
        founder = next((rid for rid in ids if cluster_id_for(rid) == event_id), None)
        if founder:
            ids.remove(founder)
            ids.insert(0, founder)
        expl = [MatchExplanation(**e) for _, e in members if isinstance(e, dict) and e.get("report_id")]
        out.append(Cluster(event_id=event_id, member_ids=ids, explanations=expl))
    return out


def _constraints(store: Store) -> Constraints:
    c = Constraints()
    for row in store.constraints():
        pair = frozenset((row["report_a"], row["report_b"]))
        (c.must_link if row["kind"] == "must_link" else c.cannot_link).add(pair)
    return c


def _article_sources(store: Store, reports: Sequence[Event]) -> dict[str, str]:
    return {aid: r.source for r in reports for aid in r.article_ids if r.source}


def _persist(
    store: Store, clusters: Sequence[Cluster], reports: dict[str, Event], removed: Sequence[str]
) -> int:
    merged: list[tuple[Event, list[tuple[str, Any]]]] = []
    for cl in clusters:
        members = [reports[rid] for rid in cl.member_ids if rid in reports]
        if not members:
            continue
        ev = merge_reports(cl.event_id, members, _article_sources(store, members))
        expl = {e.report_id: asdict(e) for e in cl.explanations}
        merged.append((ev, [(rid, expl.get(rid)) for rid in cl.member_ids if rid in reports]))
    store.write_events(merged, removed=removed)
    return len(merged)


def resolve_pending(store: Store, options: Options) -> int:
    """Merge the reports not yet in any event (new or re-processed articles) into events."""
    new = store.unresolved_reports()
    orphans = store.orphan_events()
    if not new and not orphans:
        return 0
    existing = [c for c in _existing_clusters(store) if c.event_id not in orphans]
    member_ids = [rid for c in existing for rid in c.member_ids]
    reports = store.reports_by_id(member_ids)
    # members whose report is gone (article re-processed) drop out of their cluster
    for c in existing:
        c.member_ids = [rid for rid in c.member_ids if rid in reports]
        c.explanations = [e for e in c.explanations if e.report_id in reports]
    existing = [c for c in existing if c.member_ids]
    reports.update({r.event_id: r for r in new})
    ropts = ResolveOptions.load(options.data_dirs)
    before = {c.event_id: list(c.member_ids) for c in existing}
    clusters = resolve(
        list(reports.values()), existing=existing, constraints=_constraints(store), options=ropts
    )
    changed = [c for c in clusters if before.get(c.event_id) != c.member_ids]
    live = {c.event_id for c in clusters}
    removed = [eid for eid in list(before) + list(orphans) if eid not in live]
    return _persist(store, changed, reports, removed)


def recluster(store: Store, report_ids: Sequence[str], options: Options) -> int:
    """Re-merge the events holding these reports from scratch (after a reviewer's merge or split).

    Their memberships are dropped and the reports resolved again with the reviewer's constraints;
    event ids stay stable because they derive from founding reports.
    """
    clusters = store.clusters()
    wanted = set(report_ids)
    affected = [eid for eid, members in clusters.items() if any(rid in wanted for rid, _ in members)]
    if affected:
        with store.engine.begin() as conn:
            from sqlalchemy import delete

            from sitrep.store import schema as s

            conn.execute(delete(s.event_members).where(s.event_members.c.event_id.in_(affected)))
    return resolve_pending(store, options)
