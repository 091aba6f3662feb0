"""An event whose own sentence names only the country takes the town the next sentence names in
that country for it ("air strikes on a town in northern Iraq ... The strikes on Tal Afar ..."),
never the place of another event told there, of another country, or of another paragraph.  Own
wire-style text; the real model."""

from __future__ import annotations

from tests.docbuild import analyze_text as _doc


def test_the_next_sentence_names_the_town_of_a_country_wide_event() -> None:
    doc = _doc(
        "Eleven civilians were killed in air strikes on a town in northern Iraq on Tuesday, officials "
        "said. Officials did not say who carried out the strikes on Tal Afar in Nineveh province."
    )
    (ev,) = doc.events
    assert ev.location == "Tal Afar" and ev.admin1 == "Ninewa" and ev.geo_precision == 2
    (prov,) = ev.provenance["location"]
    assert prov.text == "Tal Afar" and prov.sentence_index == 1 and "next sentence" in prov.note


def test_the_town_of_another_event_or_country_is_not_taken() -> None:
    doc = _doc(
        "Air strikes killed nine people in Syria on Monday. Rebels meanwhile attacked an army post near Hama."
    )
    strike = next(e for e in doc.events if e.sub_event_type == "Air/drone strike")
    assert strike.location == "Syria"
    doc = _doc("Air strikes killed nine people in Syria on Monday. Officials in Mosul condemned the strikes.")
    strike = next(e for e in doc.events if e.sub_event_type == "Air/drone strike")
    assert strike.location == "Syria"
