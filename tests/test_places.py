"""Places component: recognition and resolution on hand-built Documents (own wire-style sentences)
and, with the spaCy model, on raw text (seed 000 and own articles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.extract.places import resolve_places
from sitrep.options import Options
from sitrep.records import Article, Document, Mention, PlaceMention
from tests.docbuild import split_sentences

OPTS = Options()
SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"


def make_doc(text: str, ents: list[tuple[str, str]]) -> Document:
    """A Document with regex sentences and the given (surface, NER label) mentions, in text order."""
    sentences = split_sentences(text)
    mentions, pos = [], 0
    for surface, label in ents:
        i = text.index(surface, pos)
        sent = next(s for s in sentences if s.start <= i < s.end)
        mentions.append(Mention(i, i + len(surface), surface, label, sent.index))
        pos = i + len(surface)
    return Document(article=Article(id="t", text=text), sentences=sentences, mentions=mentions)


def by_text(places: list[PlaceMention]) -> dict[str, PlaceMention]:
    return {p.text: p for p in places}


def test_syrian_north_with_containers_precision_and_compounds() -> None:
    text = ("Turkish-backed rebels shelled the town of Tal Rifaat near Azaz in northern Aleppo province on "
            "Sunday, the Britain-based Syrian Observatory for Human Rights said. Kurdish fighters withdrew "
            "towards Kobane.")
    doc = make_doc(text, [("Turkish", "NORP"), ("Tal Rifaat", "GPE"), ("Azaz", "ORG"), ("Aleppo", "GPE"),
                          ("Sunday", "DATE"), ("Britain", "GPE"),
                          ("Syrian Observatory for Human Rights", "ORG"),
                          ("Kurdish", "NORP"), ("Kobane", "PERSON")])
    got = by_text(resolve_places(doc, OPTS))
    assert got["Tal Rifaat"].place.iso2 == "SY" and got["Tal Rifaat"].place.admin1 == "Aleppo"
    assert got["Tal Rifaat"].geo_precision == 1
    assert got["Azaz"].geo_precision == 2 and got["Azaz"].relation == "near"
    assert got["Aleppo"].place.feature_code == "ADM1" and got["Aleppo"].geo_precision == 2  # "northern"
    assert got["Britain"].place.iso2 == "GB" and got["Britain"].geo_precision == 3
    assert got["Kobane"].place.iso2 == "SY" and abs(got["Kobane"].place.latitude - 36.89) < 0.1
    assert all(p.is_focus_country for t, p in got.items() if t != "Britain")
    for not_place in ("Turkish", "Kurdish", "Syrian Observatory for Human Rights", "Syrian", "Observatory"):
        assert not_place not in got


def test_iraq_article_resolves_to_iraq_admin_names() -> None:
    text = ("Iraqi forces retook the Old City of Mosul after a nine-month battle. Militants still hold "
            "pockets near Tal Afar, west of Mosul, and in the desert of Anbar province around Qaim, close to "
            "the Syrian border.")
    doc = make_doc(text, [("Iraqi", "NORP"), ("Mosul", "GPE"), ("Tal Afar", "GPE"), ("Mosul", "GPE"),
                          ("Anbar", "GPE"), ("Qaim", "PERSON"), ("Syrian", "NORP")])
    places = resolve_places(doc, OPTS)
    got = by_text(places)
    assert got["Mosul"].place.admin1 == "Ninewa" and got["Mosul"].place.iso == 368
    assert got["Tal Afar"].place.admin1 == "Ninewa" and got["Tal Afar"].relation == "near"
    assert got["Anbar"].place.feature_code == "ADM1" and got["Anbar"].place.admin1 == "Al-Anbar"
    assert got["Qaim"].place.iso2 == "IQ" and got["Qaim"].place.admin1 == "Al-Anbar"
    assert "Syrian" not in got and "Iraqi" not in got


def test_far_away_places_and_capital_preference() -> None:
    text = ("A car bomb killed nine people in Mogadishu on Saturday, police in Somalia said. In Afghanistan, "
            "a suicide attacker struck a wedding hall in Kabul.")
    doc = make_doc(text, [("Mogadishu", "GPE"), ("Saturday", "DATE"), ("Somalia", "GPE"),
                          ("Afghanistan", "GPE"), ("Kabul", "GPE")])
    got = by_text(resolve_places(doc, OPTS))
    assert got["Mogadishu"].place.iso2 == "SO" and got["Mogadishu"].place.region == "Eastern Africa"
    assert got["Kabul"].place.iso2 == "AF" and got["Kabul"].place.feature_class == "P"
    assert got["Somalia"].geo_precision == 3 and got["Somalia"].place.iso == 706


def test_unresolvable_place_does_not_blank_the_others() -> None:
    text = "Clashes erupted in Qwzxplorb and in Idlib, in north-western Syria."
    doc = make_doc(text, [("Qwzxplorb", "GPE"), ("Idlib", "GPE"), ("Syria", "GPE")])
    places = resolve_places(doc, OPTS)
    got = by_text(places)
    assert "Qwzxplorb" not in got or got["Qwzxplorb"].place is None
    assert got["Idlib"].place.iso2 == "SY" and got["Idlib"].place.admin1 == "Idleb"
    assert got["Syria"].place.iso2 == "SY"


def test_context_disambiguates_a_shared_name() -> None:
    # "Homs" also exists in Libya (al-Khums); Syrian context must win, Libyan context the other way
    syr = make_doc("Shelling hit Homs and Hama, the Syrian observatory said, as Damascus denied it.",
                   [("Homs", "GPE"), ("Hama", "GPE"), ("Syrian", "NORP"), ("Damascus", "GPE")])
    assert by_text(resolve_places(syr, OPTS))["Homs"].place.iso2 == "SY"
    lib = make_doc("Fighting near Tripoli spread east to Misrata and Homs, Libyan officials said.",
                   [("Tripoli", "GPE"), ("Misrata", "GPE"), ("Homs", "GPE"), ("Libyan", "NORP")])
    got = by_text(resolve_places(lib, OPTS))
    assert got["Tripoli"].place.iso2 == "LY"
    assert got["Homs"].place.iso2 == "LY"


def test_ruler_finds_unlabelled_names_but_not_common_words() -> None:
    text = "But residents fled Manbij and Jarabulus. More strikes were reported."
    doc = make_doc(text, [])
    got = by_text(resolve_places(doc, OPTS))
    assert got["Manbij"].place.iso2 == "SY" and got["Jarabulus"].place.iso2 == "SY"
    assert "But" not in got and "More" not in got


# --- with the spaCy model on raw text ------------------------------------------------------------


def _analyze(text: str) -> Document:
    from sitrep.nlp import get_nlp

    return get_nlp(OPTS).analyze(Article(id="m", text=text))


@pytest.mark.model
@pytest.mark.skipif(not SEEDS.exists(), reason="shared/seeds not present")
def test_seed_000_places() -> None:
    path = next(SEEDS.glob("000_*.txt"))
    doc = _analyze(path.read_text(encoding="utf-8"))
    places = resolve_places(doc, OPTS)
    got: dict[str, PlaceMention] = {}
    for p in places:
        got.setdefault(p.text, p)
    for name, iso2 in [("Baghouz", "SY"), ("Manbij", "SY"), ("Raqqa", "SY"), ("Raqa", "SY"), ("Mosul", "IQ")]:
        assert got[name].place is not None and got[name].place.iso2 == iso2, name
        assert got[name].place.admin1 and got[name].geo_precision in (1, 2), name
    assert got["Raqa"].place.admin1 == got["Raqqa"].place.admin1 == "Ar-Raqqa"
    assert got["Baghouz"].place.admin1 == "Deir ez-Zor"
    for country, iso in [("Syria", 760), ("Iraq", 368)]:
        assert got[country].place.iso == iso and got[country].geo_precision == 3
    river = next(p for t, p in got.items() if t.startswith("Euphrates"))
    assert river.place.feature_class == "H" and river.place.admin1
    for not_place in ("Syrian Democratic Forces", "Islamic State", "Syrian", "Bali", "Mustafa Bali", "IS"):
        assert not_place not in got


@pytest.mark.model
def test_own_article_raw_text() -> None:
    text = ("BEIRUT (Reuters) - Russian jets pounded rebel-held towns in Idlib province on Tuesday, "
            "killing at least 12 civilians in Maarat al-Numan and Saraqeb, a war monitor said. "
            "The strikes came as Turkish troops reinforced observation posts near the M5 highway south of "
            "Aleppo.")
    places = resolve_places(_analyze(text), OPTS)
    got = {p.text: p for p in places}
    assert got["Saraqeb"].place.admin1 == "Idleb"
    assert got["Maarat al-Numan"].place.admin1 == "Idleb"
    assert got["Aleppo"].place.iso2 == "SY" and got["Aleppo"].relation == "near"
    assert not any(t in got for t in ("Russian", "Turkish", "Reuters"))
