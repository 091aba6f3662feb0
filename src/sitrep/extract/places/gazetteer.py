"""Read side of the offline gazetteer: opened once per process, indexed lookups in microseconds.

The SQLite file stays on disk (the OS caches its pages); each lookup is one indexed query on the
name key, memoised per process.  Fuzzy lookups go through the consonant-skeleton key and are scored
with rapidfuzz, so transliteration variants (Raqa/Raqqa, Baghuz/Baghouz) are found without scanning.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from sitrep.errors import ConfigError
from sitrep.extract.places.build import (
    INPUT_FILES,
    build_gazetteer,
    default_gazetteer_path,
    is_stale,
)
from sitrep.extract.places.normalize import norm_key, skeleton_key, variant_key, vowel_fold
from sitrep.options import Options
from sitrep.records import Place

# A fuzzy (skeleton) match is a candidate only when it looks like a transliteration variant of the
# WHOLE name: rapidfuzz ratio of the variant keys at least FUZZY_MIN (FUZZY_MIN_SHORT for short names,
# where one letter is a big change: "Human"/"Humen"), the same first letter, and lengths within
# FUZZY_MAX_LENGTH_RATIO.  Looser matching proposed far-away towns for partial or common-word names.
FUZZY_MIN = 88.0
FUZZY_MIN_SHORT = 92.0
FUZZY_SHORT_LEN = 6
FUZZY_MIN_LENGTH_RATIO = 0.8
# a name the model tagged as a place but the gazetteer lacks letter for letter is still recognised
# when it is long and this close to an indexed name (``has_close``): one letter in ten may differ
CLOSE_MIN = 92.0
CLOSE_MIN_LEN = 8
_BUILD_LOCK = threading.Lock()


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry proposed for a name, with how well the name matched (0..1)."""

    place_id: int
    place: Place
    similarity: float
    matched: str  # the gazetteer name that matched


def gazetteer_path_for(options: Options) -> Path:
    """Where the gazetteer for these options lives: Options.gazetteer, or the default file; with user
    data dirs holding gazetteer inputs, a separate file keyed by those dirs (built on first use)."""
    if options.gazetteer:
        return Path(options.gazetteer)
    dirs = tuple(d for d in options.data_dirs if any((Path(d) / n).exists() for n in INPUT_FILES))
    if not dirs:
        return default_gazetteer_path()
    digest = hashlib.sha1(json.dumps([str(Path(d).resolve()) for d in dirs]).encode()).hexdigest()[:12]
    return default_gazetteer_path().with_name(f"gazetteer-{digest}.sqlite")


def fuzzy_ratio(a: str, b: str) -> float | None:
    """Similarity (0..100) of two variant keys when they may be spellings of the same whole name,
    else None."""
    if not a or not b or a[0] != b[0]:
        return None
    if min(len(a), len(b)) / max(len(a), len(b)) < FUZZY_MIN_LENGTH_RATIO:
        return None
    a, b = vowel_fold(a), vowel_fold(b)
    ratio = fuzz.ratio(a, b)
    floor = FUZZY_MIN_SHORT if min(len(a), len(b)) <= FUZZY_SHORT_LEN else FUZZY_MIN
    return ratio if ratio >= floor else None


class Gazetteer:
    _instances: dict[tuple[str, int], Gazetteer] = {}

    def __init__(self, path: Path):
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._con.execute("PRAGMA query_only=1")
        self._countries = {
            iso2: (name, num, region)
            for iso2, name, num, region in self._con.execute(
                "SELECT iso2, name, isonumeric, region FROM countries")
        }
        self._lock = threading.Lock()
        self._capitals: dict[str, str] | None = None
        # per-instance memo caches (bound here so they die with the instance)
        self.place = functools.lru_cache(maxsize=65536)(self._place)
        self._ids_for_key = functools.lru_cache(maxsize=262144)(self._ids_for_key_uncached)
        self._candidates = functools.lru_cache(maxsize=65536)(self._candidates_uncached)

    @classmethod
    def open(cls, options: Options | None = None) -> Gazetteer:
        """The process-wide gazetteer for these options, built first if missing or stale."""
        options = options or Options()
        path = gazetteer_path_for(options)
        key = (str(path), os.getpid())  # a forked worker opens its own connection
        inst = cls._instances.get(key)
        if inst is None:
            with _BUILD_LOCK:
                inst = cls._instances.get(key)
                if inst is None:
                    if options.gazetteer is None and is_stale(path, options.data_dirs):
                        build_gazetteer(path, options.data_dirs)
                    elif not path.exists():
                        raise ConfigError(f"gazetteer file {path} does not exist",
                                          hint="run scripts/build_gazetteer.py --out PATH or unset gazetteer")
                    inst = cls(path)
                    cls._instances[key] = inst
        return inst

    # -- rows ---------------------------------------------------------------------------------
    def _place(self, place_id: int) -> Place:
        with self._lock:
            row = self._con.execute(
                "SELECT name, latitude, longitude, country, admin1, admin2, feature_class, feature_code,"
                " population, geonames_id, source FROM places WHERE id=?", (place_id,)).fetchone()
        if row is None:
            raise KeyError(place_id)
        name, lat, lon, cc, a1, a2, fclass, fcode, pop, gid, source = row
        cname, num, region = self._countries.get(cc, (None, None, None)) if cc else (None, None, None)
        return Place(name=name, latitude=lat, longitude=lon, country=cname, iso=num, iso2=cc, admin1=a1,
                     admin2=a2, region=region, feature_class=fclass, feature_code=fcode, population=pop or 0,
                     geonames_id=gid, source=source)

    def _ids_for_key_uncached(self, key: str) -> tuple[tuple[int, str], ...]:
        with self._lock:
            return tuple(self._con.execute("SELECT place_id, name FROM names WHERE key=?", (key,)).fetchall())

    def capital(self, iso2: str) -> str | None:
        """The name of the country's capital (GeoNames PPLC; the most populous when several)."""
        if self._capitals is None:
            with self._lock:
                rows = self._con.execute(
                    "SELECT country, name FROM places WHERE feature_code='PPLC' ORDER BY population"
                ).fetchall()
            self._capitals = {cc: name for cc, name in rows if cc}
        return self._capitals.get(iso2)

    def country_name(self, iso2: str) -> str | None:
        entry = self._countries.get(iso2)
        return entry[0] if entry else None

    # -- lookups ------------------------------------------------------------------------------
    def candidates(self, name: str, fuzzy: bool = True, limit: int = 50) -> list[Candidate]:
        """Entries whose name or alternate name matches: exact normalised key (1.0), the key without
        articles and spaces (0.97), and with ``fuzzy`` skeleton matches scored by rapidfuzz.
        Memoised per process: a repeated name costs a dictionary lookup."""
        return list(self._candidates(name, fuzzy, limit))

    def _candidates_uncached(self, name: str, fuzzy: bool, limit: int) -> tuple[Candidate, ...]:
        nk, vk = norm_key(name), variant_key(name)
        if not nk:
            return ()
        best: dict[int, tuple[float, str]] = {}

        def offer(pid: int, sim: float, matched: str) -> None:
            if pid not in best or sim > best[pid][0]:
                best[pid] = (sim, matched)

        for pid, matched in self._ids_for_key(nk):
            offer(pid, 1.0 if norm_key(matched) == nk else 0.97, matched)
        if vk != nk:
            for pid, matched in self._ids_for_key(vk):
                offer(pid, 0.97, matched)
        if fuzzy and len(vk) >= 4:
            for pid, matched in self._ids_for_key("~" + skeleton_key(name)):
                if pid in best:
                    continue
                ratio = fuzzy_ratio(vk, variant_key(matched))
                if ratio is not None:
                    offer(pid, 0.9 * ratio / 100.0, matched)
        ranked = sorted(best.items(), key=lambda kv: -kv[1][0])
        out = []
        for pid, (sim, matched) in ranked:
            out.append(Candidate(pid, self.place(pid), sim, matched))
        out.sort(key=lambda c: (-c.similarity, -c.place.population))
        return tuple(out[:limit])

    def lookup(self, name: str, fuzzy: bool = True, limit: int = 20) -> list[Place]:
        """Candidate places for a name, best name match first, then by population."""
        return [c.place for c in self.candidates(name, fuzzy=fuzzy, limit=limit)]

    def has_name(self, name: str) -> bool:
        """True when the exact normalised name is indexed (for the entity ruler)."""
        key = norm_key(name)
        return bool(key) and bool(self._ids_for_key(key))

    def has_variant(self, name: str) -> bool:
        """True when the name is indexed exactly or up to Arabic articles and spaces ("Jisr
        al-Shughur" for "Jisr ash Shughur"): for names the model already tagged as places."""
        if self.has_name(name):
            return True
        key = variant_key(name)
        return len(key) >= 4 and bool(self._ids_for_key(key))

    def has_close(self, name: str, min_ratio: float = CLOSE_MIN, min_len: int = CLOSE_MIN_LEN) -> bool:
        """True when a long name is a close transliteration of an indexed one ("Lower Shabelle" for
        "Lower Shabeelle"): rapidfuzz ratio of the variant keys at least ``min_ratio``."""
        key = variant_key(name)
        if len(key) < min_len:
            return False
        # the letters as written, vowels unfolded: "West Wales" is not "West Allis"
        return any(
            fuzz.ratio(key, variant_key(c.matched)) >= min_ratio
            for c in self.candidates(name, fuzzy=True, limit=5)
        )
