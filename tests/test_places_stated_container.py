"""A place the text says lies in a division or country ("the village of Hatla in the Deir ez-Zor
province", "Hajin, Syria") resolves inside it or not at all: GeoNames lists "Hatla" as a name of
Hatta in India, and an Indian town for a Syrian village is a wrong point on the map.  A list of
countries ("Iraq, Syria and Libya") states no container.  And a name of the actor dictionary
("Hamas", an alternate name of Hamm in GeoNames) is no place.  Hand-built Documents (no model)."""

from __future__ import annotations

from sitrep.extract.places import resolve_places
from sitrep.options import Options
from tests.test_places import make_doc

OPTS = Options()


def _resolved(text: str, ents: list[tuple[str, str]]) -> dict[str, tuple[str, str | None] | None]:
    doc = make_doc(text, ents)
    return {
        p.text: (p.place.country, p.place.admin1) if p.place else None for p in resolve_places(doc, OPTS)
    }


def test_a_place_said_to_be_in_a_division_resolves_inside_it_or_not_at_all() -> None:
    got = _resolved(
        "Syrian jets struck the village of Hatla in the Deir ez-Zor province on Monday.",
        [("Syrian", "NORP"), ("Hatla", "GPE"), ("Deir ez-Zor", "GPE")],
    )
    assert got["Hatla"] is None and got["Deir ez-Zor"] == ("Syria", "Deir ez-Zor")
    got = _resolved(
        "SDF fighters advanced on Baghouz in Deir ez-Zor province.",
        [("Baghouz", "GPE"), ("Deir ez-Zor", "GPE")],
    )
    assert got["Baghouz"] == ("Syria", "Deir ez-Zor")


def test_a_country_after_a_comma_is_a_container_but_a_list_is_not() -> None:
    got = _resolved("Fighting raged in Hajin, Syria, on Monday.", [("Hajin", "GPE"), ("Syria", "GPE")])
    assert got["Hajin"] == ("Syria", "Deir ez-Zor")
    got = _resolved(
        "Strikes hit targets in Iraq, Syria and Libya.", [("Iraq", "GPE"), ("Syria", "GPE"), ("Libya", "GPE")]
    )
    assert all(got[n] == (n, None) for n in ("Iraq", "Syria", "Libya"))


def test_an_actors_name_is_never_a_place() -> None:
    got = _resolved("Police arrested two Hamas members in Jenin.", [("Hamas", "GPE"), ("Jenin", "GPE")])
    assert "Hamas" not in got and got["Jenin"] == ("Palestinian Territory", "West Bank")


def test_a_container_outside_the_focus_country_vetoes_nothing() -> None:
    # "Georgia" may resolve to the country; in a US story that must not unplace Atlanta
    got = _resolved(
        "Police in Atlanta, Georgia, arrested two men, a United States attorney said.",
        [("Atlanta", "GPE"), ("Georgia", "GPE"), ("United States", "GPE")],
    )
    assert got["Atlanta"] is not None and got["Atlanta"][0] == "United States"
