"""Gazetteer: name keys, build (small extract, user rows), staleness, lookups on the default file."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from sitrep.extract.places import Gazetteer, build_gazetteer, is_stale
from sitrep.extract.places.normalize import norm_key, skeleton_key, variant_key
from sitrep.options import Options


@pytest.mark.parametrize(
    ("a", "b"),
    [("ar-Raqqah", "Raqqah"), ("Al Mayādīn", "Mayadin"), ("Tall ‘Afar", "Tal-lafar"),
     ("Dayr az-Zawr", "Dayr Zawr")],
)
def test_variant_keys_meet(a: str, b: str) -> None:
    assert variant_key(a) == variant_key(b) or skeleton_key(a) == skeleton_key(b)


@pytest.mark.parametrize(("a", "b"), [("Baghouz", "Baghuz"), ("Raqa", "Raqqa"), ("Kobane", "Kobani"),
                                      ("Mayadeen", "Mayadin")])
def test_skeletons_meet_for_transliterations(a: str, b: str) -> None:
    assert skeleton_key(a) == skeleton_key(b)


def test_norm_key_folds_diacritics_and_punctuation() -> None:
    assert norm_key("Deir ez-Zor") == "deir ez zor"
    assert norm_key("Şanlıurfa") == "sanliurfa"


@pytest.fixture(scope="module")
def small_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict]:
    """A gazetteer from the 15000+ extract plus a user data dir with one invented row."""
    root = tmp_path_factory.mktemp("gaz")
    data = root / "data"
    data.mkdir()
    (data / "conflict_places.csv").write_text(
        "name,alternate_names,latitude,longitude,country,admin1,admin2,feature_class,feature_code,population,"
        "coord_source\nUmm Qirfa,Umm Qirfah|Oum Kirfa,33.10,40.20,SY,Homs,,P,PPL,0,test row\n",
        encoding="utf-8")
    out = root / "g.sqlite"
    stats = build_gazetteer(out, [str(data)], min_city_population=15000)
    return out, data, stats


def test_build_stats_and_user_rows(small_gazetteer: tuple[Path, Path, dict]) -> None:
    out, _data, stats = small_gazetteer
    assert stats["rows"] > 20000 and stats["bytes"] == out.stat().st_size and stats["seconds"] > 0
    assert stats["conflict_places"] > 60  # bundled rows plus the user's
    gaz = Gazetteer(out)
    hits = gaz.lookup("Oum Kirfa")
    assert hits and hits[0].name == "Umm Qirfa" and hits[0].iso2 == "SY" and hits[0].admin1 == "Homs"
    assert gaz.lookup("Umm Qirfah")[0].name == "Umm Qirfa"


def test_staleness(small_gazetteer: tuple[Path, Path, dict], tmp_path: Path) -> None:
    out, data, _ = small_gazetteer
    assert not is_stale(out, [str(data)])
    assert is_stale(tmp_path / "missing.sqlite")
    user = data / "conflict_places.csv"
    later = time.time() + 5
    os.utime(user, (later, later))
    assert is_stale(out, [str(data)])


def test_options_gazetteer_path_missing_is_an_error(tmp_path: Path) -> None:
    from sitrep.errors import ConfigError

    with pytest.raises(ConfigError):
        Gazetteer.open(Options(gazetteer=str(tmp_path / "nope.sqlite")))


# --- the default (full) gazetteer: built on first use --------------------------------------------


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open(Options())


def test_country_fields(gaz: Gazetteer) -> None:
    syria = next(p for p in gaz.lookup("Syria") if p.feature_code == "PCLI")
    assert (syria.iso, syria.iso2, syria.region, syria.country) == (760, "SY", "Middle East", "Syria")
    iraq = next(p for p in gaz.lookup("Iraq") if p.feature_code == "PCLI")
    assert iraq.iso == 368 and abs(iraq.latitude - 33) < 2
    uk = gaz.lookup("Britain")[0]
    assert uk.iso2 == "GB" and uk.region == "Europe"


@pytest.mark.parametrize(
    ("name", "iso2", "admin1"),
    [("Baghouz", "SY", "Deir ez-Zor"), ("Baghuz", "SY", "Deir ez-Zor"), ("Raqa", "SY", "Ar-Raqqa"),
     ("Raqqa", "SY", "Ar-Raqqa"), ("Kobane", "SY", "Aleppo"), ("Manbij", "SY", "Aleppo"),
     ("Qamishli", "SY", "Al-Hasakeh"), ("Mosul", "IQ", "Ninewa"), ("Fallujah", "IQ", "Al-Anbar"),
     ("Kabul", "AF", "Kabul"), ("Mogadishu", "SO", None), ("al-Hol camp", "SY", "Al-Hasakeh"),
     ("Rukban camp", "SY", None), ("Tabqa Dam", "SY", "Ar-Raqqa"), ("Euphrates River", "SY", None)],
)
def test_lookup_top_candidate(gaz: Gazetteer, name: str, iso2: str, admin1: str | None) -> None:
    top = gaz.lookup(name)[0]
    assert top.iso2 == iso2
    if admin1:
        assert top.admin1 == admin1
    assert top.admin1  # every candidate carries an admin1 name, not a code
    assert not top.admin1.isdigit()


def test_admin1_entries_have_acled_names(gaz: Gazetteer) -> None:
    admins = {p.name for p in gaz.lookup("Deir ez-Zor") + gaz.lookup("Hasakah") + gaz.lookup("Anbar")
              if p.feature_code == "ADM1"}
    assert {"Deir ez-Zor", "Al-Hasakeh", "Al-Anbar"} <= admins


def test_unknown_name_and_speed(gaz: Gazetteer) -> None:
    assert gaz.lookup("Qwzxplorb") == []
    gaz.lookup("Aleppo")
    t = time.perf_counter()
    for _ in range(1000):
        gaz.lookup("Aleppo")
    assert (time.perf_counter() - t) / 1000 < 1e-3  # memoised: microseconds
