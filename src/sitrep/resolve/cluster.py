"""Incremental clustering of reports into events, with reviewer constraints.

Order and stability:
- Existing clusters are never reshuffled: their members stay, their event_id stays.  The only
  changes to them are a reviewer's split (cannot_link: the later of the two reports leaves,
  with the reports that joined through it, and they are placed again) and a reviewer's merge
  (must_link: the younger cluster joins the older one, whose event_id survives).
- New reports are placed one by one in (date, id) order, so the same inputs always give the
  same clusters.  A report joins the best-scoring cluster (single link: its best pair with a
  member) whose score reaches the threshold, provided no member is a reviewer's cannot_link
  and every member passes the hard gates with it (not the same article, compatible type,
  date and place) and shares a named actor when both name any.  This stops single links
  chaining a cluster across days, places or actor pairs.  Otherwise it founds a new cluster.
- Batch and incremental runs can differ (an early report cannot see a later one); re-running
  with the result as `existing` is a no-op.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.errors import ResolveError
from sitrep.records import Event
from sitrep.resolve.blocking import BlockIndex
from sitrep.resolve.features import compatible, score_pair
from sitrep.resolve.model import (
    DECISION_REVIEWER,
    Cluster,
    Constraints,
    MatchExplanation,
    ResolveOptions,
    cluster_id_for,
)
from sitrep.resolve.profile import UNDATED, Profile, build_profile


@dataclass
class ResolveStats:
    """Counters filled by resolve(): how much work blocking left to do."""

    reports: int = 0
    new_reports: int = 0
    comparisons: int = 0  # pairs scored
    candidates: int = 0  # pairs returned by blocking (before same-article skips)
    keys_looked_up: int = 0
    clusters: int = 0


_DEFAULT: dict[tuple[str, ...], ResolveOptions] = {}


def default_options(data_dirs: tuple[str, ...] = ()) -> ResolveOptions:
    if data_dirs not in _DEFAULT:
        _DEFAULT[data_dirs] = ResolveOptions.load(data_dirs)
    return _DEFAULT[data_dirs]


class _State:
    def __init__(self, profiles: dict[str, Profile], cons: Constraints, opts: ResolveOptions,
                 stats: ResolveStats):
        self.profiles = profiles
        self.cons = cons
        self.opts = opts
        self.stats = stats
        self.clusters: dict[str, Cluster] = {}
        self.member_of: dict[str, str] = {}
        self.index = BlockIndex(opts)
        self.partners: dict[str, list[str]] = {}
        for pair in sorted(cons.must_link, key=sorted):
            a, b = sorted(pair)
            self.partners.setdefault(a, []).append(b)
            self.partners.setdefault(b, []).append(a)

    # -- bookkeeping -------------------------------------------------------------------
    def add_cluster(self, cluster: Cluster) -> None:
        if cluster.event_id in self.clusters:
            raise ResolveError(f"two clusters have the event id {cluster.event_id}")
        self.clusters[cluster.event_id] = cluster
        for m in cluster.member_ids:
            if m in self.member_of:
                raise ResolveError(f"report {m} is in two clusters", item=cluster.event_id)
            self.member_of[m] = cluster.event_id

    def founder_key(self, cluster: Cluster) -> tuple[int, str]:
        p = self.profiles.get(cluster.member_ids[0]) if cluster.member_ids else None
        return p.sort_key if p else (UNDATED + 1, cluster.event_id)

    def new_cluster_id(self, founder: str) -> str:
        cid = cluster_id_for(founder)
        n = 2
        while cid in self.clusters:
            cid = f"{cluster_id_for(founder)}~{n}"
            n += 1
        return cid

    def admissible(self, p: Profile, cluster: Cluster, reviewer: bool = False) -> bool:
        for m in cluster.member_ids:
            if self.cons.forbidden(p.id, m):
                return False
            if reviewer:
                continue
            q = self.profiles.get(m)
            if q is None:
                continue
            if not compatible(p, q, self.opts):
                return False
        return True

    # -- placing one report --------------------------------------------------------------
    def place(self, p: Profile) -> None:
        best = self._best_by_score(p)
        joined = self._place_reviewer(p)
        if joined is None and best is not None:
            self._join(p, best[0], best[1])
        elif joined is None:
            self.add_cluster(Cluster(self.new_cluster_id(p.id), [p.id], []))
        elif best is not None and best[0].event_id != joined:
            # p is tied by a reviewer to one cluster and matches another: they are one event
            self.merge_clusters(joined, best[0].event_id, p.id, best[1].matched_report_id,
                                best[1].decision, (best[1].score, best[1].features))
        self.index.add(p)

    def _join(self, p: Profile, cluster: Cluster, expl: MatchExplanation) -> None:
        cluster.member_ids.append(p.id)
        cluster.explanations.append(expl)
        self.member_of[p.id] = cluster.event_id

    def _place_reviewer(self, p: Profile) -> str | None:
        """Join the cluster of a placed must_link partner; return its id."""
        for partner in self.partners.get(p.id, []):
            cid = self.member_of.get(partner)
            if cid is None:
                continue
            cluster = self.clusters[cid]
            if not self.admissible(p, cluster, reviewer=True):
                continue
            q = self.profiles.get(partner)
            scored = score_pair(p, q, self.opts) if q is not None else None
            score, features = scored if scored else (0.0, {})
            self._join(p, cluster, MatchExplanation(p.id, partner, score, features, DECISION_REVIEWER))
            return cid
        return None

    def _best_by_score(self, p: Profile) -> tuple[Cluster, MatchExplanation] | None:
        """The admissible cluster with the best pair score at or above the threshold."""
        best: dict[str, tuple[float, str, dict[str, float]]] = {}
        for c in self.index.candidates(p):
            self.stats.candidates += 1
            if c.article and c.article == p.article:
                continue
            self.stats.comparisons += 1
            scored = score_pair(p, c, self.opts)
            if scored is None:
                continue
            score, features = scored
            cid = self.member_of[c.id]
            threshold = self.opts.threshold if (p.dated and c.dated) else self.opts.undated_threshold
            if score < threshold:
                continue
            prev = best.get(cid)
            if prev is None or (score, prev[1]) > (prev[0], c.id):
                best[cid] = (score, c.id, features)
        for cid, (score, matched, features) in sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0])):
            cluster = self.clusters[cid]
            if self.admissible(p, cluster):
                return cluster, MatchExplanation(p.id, matched, score, features)
        return None

    # -- reviewer decisions on clusters that already exist -------------------------------
    def must_link_component(self, rid: str, within: set[str]) -> set[str]:
        comp, todo = {rid}, [rid]
        while todo:
            for nxt in self.partners.get(todo.pop(), []):
                if nxt in within and nxt not in comp:
                    comp.add(nxt)
                    todo.append(nxt)
        return comp

    def split(self) -> list[str]:
        """Apply cannot_link to clusters; return the ids of reports that must be placed again."""
        removed_all: list[str] = []
        for pair in sorted(self.cons.cannot_link, key=sorted):
            a, b = sorted(pair)
            cid = self.member_of.get(a)
            if cid is None or self.member_of.get(b) != cid:
                continue
            cluster = self.clusters[cid]
            members = set(cluster.member_ids)
            comp_a = self.must_link_component(a, members)
            comp_b = self.must_link_component(b, members)
            founder = cluster.member_ids[0]
            if founder in comp_a:
                leave = comp_b
            elif founder in comp_b:
                leave = comp_a
            else:
                later = max(a, b, key=cluster.member_ids.index)
                leave = comp_a if later == a else comp_b
            keep = members - leave
            # reports that joined through a leaving report leave with it (unless a reviewer tied them)
            changed = True
            while changed:
                changed = False
                for e in cluster.explanations:
                    through = e.matched_report_id in leave and e.decision != DECISION_REVIEWER
                    if e.report_id in keep and through:
                        keep.discard(e.report_id)
                        leave.add(e.report_id)
                        changed = True
            cluster.member_ids = [m for m in cluster.member_ids if m in keep]
            cluster.explanations = [e for e in cluster.explanations if e.report_id in keep]
            for m in sorted(leave, key=lambda r: self.profiles[r].sort_key if r in self.profiles else
                            (UNDATED + 1, r)):
                del self.member_of[m]
                removed_all.append(m)
        return removed_all

    def merge_linked(self) -> None:
        """Apply must_link across clusters: the younger cluster joins the older one."""
        for pair in sorted(self.cons.must_link, key=sorted):
            a, b = sorted(pair)
            ca, cb = self.member_of.get(a), self.member_of.get(b)
            if ca is None or cb is None or ca == cb:
                continue
            self.merge_clusters(ca, cb, a, b, DECISION_REVIEWER)

    def merge_clusters(self, ca: str, cb: str, a: str, b: str, decision: str,
                       scored: tuple[float, dict[str, float]] | None = None) -> None:
        """Merge the clusters of linked reports a (in ca) and b (in cb); the older cluster stays."""
        x, y = self.clusters[ca], self.clusters[cb]
        if (self.founder_key(y), y.event_id) < (self.founder_key(x), x.event_id):
            x, y = y, x
            a, b = b, a
        if any(self.cons.forbidden(m, n) for m in x.member_ids for n in y.member_ids):
            return  # a reviewer split wins over a merge that would undo it
        if scored is None:
            pa, pb = self.profiles.get(a), self.profiles.get(b)
            scored = score_pair(pb, pa, self.opts) if pa is not None and pb is not None else None
        score, features = scored if scored else (0.0, {})
        _reroot(y, b)
        # b (now y's root) hangs on the report a it is linked to in x
        x.explanations.append(MatchExplanation(b, a, score, features, decision))
        x.member_ids.extend(y.member_ids)
        x.explanations.extend(y.explanations)
        for m in y.member_ids:
            self.member_of[m] = x.event_id
        del self.clusters[y.event_id]


def _reroot(cluster: Cluster, root: str) -> None:
    """Turn the cluster's explanation tree so that ``root`` has no explanation.

    Explanations are edges member -> matched member; the pair score is symmetric, so the edges
    on the path from ``root`` to the founder are simply reversed.
    """
    by_member = {e.report_id: e for e in cluster.explanations}
    path = [root]
    while path[-1] in by_member and len(path) <= len(cluster.member_ids):
        path.append(by_member[path[-1]].matched_report_id)
    edges = [by_member.pop(child) for child in path[:-1]]
    for e in edges:
        by_member[e.matched_report_id] = MatchExplanation(e.matched_report_id, e.report_id, e.score,
                                                          e.features, e.decision)
    order = {m: i for i, m in enumerate(cluster.member_ids)}
    cluster.explanations = sorted(by_member.values(), key=lambda e: order.get(e.report_id, len(order)))
    cluster.member_ids = [root] + [m for m in cluster.member_ids if m != root]


def resolve(
    reports: Sequence[Event],
    existing: Sequence[Cluster] = (),
    constraints: Constraints | None = None,
    options: ResolveOptions | None = None,
    *,
    stats: ResolveStats | None = None,
) -> list[Cluster]:
    """Group per-article reports into clusters, one per real-world event.

    ``reports``: per-article events (exactly one article id each).  For incremental use pass
    the new reports plus the member reports of existing clusters that may match them (e.g. all
    reports within the new reports' date range +- slack): members whose Event is not given are
    kept in their cluster but cannot be compared.  ``existing``: clusters from an earlier run,
    not modified in place.  Returns every cluster (existing and new), sorted by founder date
    then id.
    """
    opts = options or default_options()
    cons = constraints or Constraints()
    cons.check()
    stats = stats if stats is not None else ResolveStats()
    profiles: dict[str, Profile] = {}
    for ev in reports:
        if ev.event_id in profiles:
            raise ResolveError(f"report id {ev.event_id} given twice", item=ev.event_id)
        if len(ev.article_ids) != 1:
            raise ResolveError(
                f"a report must come from exactly one article, got {len(ev.article_ids)}",
                item=ev.event_id, hint="pass per-article events, not merged ones",
            )
        profiles[ev.event_id] = build_profile(ev, opts)
    state = _State(profiles, cons, opts, stats)
    for cluster in existing:
        if not cluster.member_ids:
            continue
        state.add_cluster(cluster.copy())
    state.merge_linked()
    again = set(state.split())
    # index the members that stay, oldest first, so new reports can match them
    for p in sorted(profiles.values(), key=lambda p: p.sort_key):
        if p.id in state.member_of:
            state.index.add(p)
    new = [p for p in profiles.values() if p.id not in state.member_of]
    stats.reports = len(profiles)
    stats.new_reports = len(new)
    for p in sorted(new, key=lambda p: p.sort_key):
        state.place(p)
    # split-off members without an Event cannot be compared: each founds its own cluster
    for rid in sorted(again - set(state.member_of)):
        state.add_cluster(Cluster(state.new_cluster_id(rid), [rid], []))
    state.merge_linked()
    stats.keys_looked_up = state.index.keys_looked_up
    stats.clusters = len(state.clusters)
    return sorted(state.clusters.values(), key=lambda c: (state.founder_key(c), c.event_id))
