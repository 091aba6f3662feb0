"""Blocking: candidate pairs come from shared keys, never from comparing every pair.

Keys (all prefixed by the event-type family, so a protest is never compared with an air
strike):

- (geo_precision level, grid cell, day) for dated reports with coordinates.  There is one
  grid per precision level, its cell as large as that level's distance allowance; a query
  covers the cells within the pair's allowance (the less precise side's), so a town-level
  report finds a region-level report of the same day and vice versa.
- (location name, day) for dated reports with a location name (geocoders may disagree on
  coordinates while outlets agree on the name).
- (admin1 or country, day) for dated reports with neither coordinates nor a name, capped.
- (location name) for undated reports (no date at all): they are compared only with
  reports at the same location name, the latest first, capped.
- Reports with a range wider than max_range_days are summaries ("since 2011"): never
  indexed, never compared.

A report is indexed on every day of its range; a query covers its range plus the slack.
With a fixed number of keys per report and events spread over time and space, the number
of candidates per report does not grow with the collection, so the cost is about linear.
"""

from __future__ import annotations

import math
from collections import defaultdict

from sitrep.resolve.model import ResolveOptions
from sitrep.resolve.profile import Profile

KM_PER_DEG = 111.32


class BlockIndex:
    def __init__(self, opts: ResolveOptions):
        self.opts = opts
        self.cell_deg = {q: opts.max_km(q) / KM_PER_DEG for q in (1, 2, 3)}
        self.cells: dict[tuple[str, int, int, int, int], list[Profile]] = defaultdict(list)
        self.names: dict[tuple[str, str, int], list[Profile]] = defaultdict(list)
        self.areas: dict[tuple[str, str, int], list[Profile]] = defaultdict(list)
        self.by_name: dict[tuple[str, str], list[Profile]] = defaultdict(list)  # every report
        self.undated_by_name: dict[tuple[str, str], list[Profile]] = defaultdict(list)
        self.families: set[str] = set()
        self.keys_looked_up = 0

    def _cell(self, q: int, lat: float, lon: float) -> tuple[int, int]:
        d = self.cell_deg[q]
        return math.floor(lat / d), math.floor(lon / d)

    def add(self, p: Profile) -> None:
        if p.vague:
            return
        self.families.add(p.family)
        if p.name:
            self.by_name[(p.family, p.name)].append(p)
        if not p.dated:
            if p.name:
                self.undated_by_name[(p.family, p.name)].append(p)
            return
        assert p.start is not None and p.end is not None
        area = p.admin1 or p.country
        cell = self._cell(p.precision, p.lat, p.lon) if p.lat is not None and p.lon is not None else None
        for day in range(p.start, p.end + 1):
            if cell is not None:
                self.cells[(p.family, p.precision, cell[0], cell[1], day)].append(p)
            if p.name:
                self.names[(p.family, p.name, day)].append(p)
            if area:
                self.areas[(p.family, area, day)].append(p)

    def _query_families(self, p: Profile) -> list[str]:
        # a report without an event type may be anything: it queries every family
        if not p.family:
            return sorted(self.families)
        return [p.family, ""] if "" in self.families else [p.family]

    def candidates(self, p: Profile) -> list[Profile]:
        """Reports sharing a key with p, each once, in a deterministic order."""
        seen: dict[str, Profile] = {}
        if p.vague:
            return []
        families = self._query_families(p)
        if not p.dated:
            cap = self.opts.max_undated_candidates
            for fam in families:
                if p.name:
                    for c in reversed(self.by_name.get((fam, p.name), [])[-cap:]):
                        seen.setdefault(c.id, c)
            self.keys_looked_up += len(families)
            return list(seen.values())
        assert p.start is not None and p.end is not None
        slack = self.opts.slack_days
        days = range(p.start - slack, p.end + slack + 1)
        for fam in families:
            if p.lat is not None and p.lon is not None:
                self._cells_near(p, fam, days, seen)
            if p.name:
                for day in days:
                    self.keys_looked_up += 1
                    for c in self.names.get((fam, p.name, day), ()):
                        seen.setdefault(c.id, c)
                # undated reports already placed at the same name
                for c in self.undated_by_name.get((fam, p.name), ())[-self.opts.max_undated_candidates:]:
                    seen.setdefault(c.id, c)
            if p.lat is None and not p.name and (p.admin1 or p.country):
                area = p.admin1 or p.country
                found: list[Profile] = []
                for day in days:
                    self.keys_looked_up += 1
                    found.extend(self.areas.get((fam, area, day), ()))
                for c in found[: self.opts.max_coarse_candidates]:
                    seen.setdefault(c.id, c)
        return list(seen.values())

    def _cells_near(self, p: Profile, fam: str, days: range, seen: dict[str, Profile]) -> None:
        assert p.lat is not None and p.lon is not None
        coslat = max(0.1, math.cos(math.radians(p.lat)))
        for q in (1, 2, 3):
            radius_km = max(self.opts.max_km(p.precision), self.opts.max_km(q))
            cell_km = self.opts.max_km(q)
            ri = math.ceil(radius_km / cell_km)
            rj = math.ceil(radius_km / (cell_km * coslat))
            ci, cj = self._cell(q, p.lat, p.lon)
            for i in range(ci - ri, ci + ri + 1):
                for j in range(cj - rj, cj + rj + 1):
                    for day in days:
                        self.keys_looked_up += 1
                        bucket = self.cells.get((fam, q, i, j, day))
                        if bucket:
                            for c in bucket:
                                seen.setdefault(c.id, c)
