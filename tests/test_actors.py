"""Actor dictionary and the "actors" component, on hand-built Documents (no spaCy model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import DataFileError
from sitrep.extract.actors import acled_actor_name, extract_actors, inter_code, load_dictionary
from sitrep.extract.actors.dictionary import build_dictionary
from sitrep.records import Article, Document, Mention
from tests.docbuild import split_sentences


def make_doc(text: str, mentions: list[tuple[str, str]] = ()) -> Document:  # type: ignore[assignment]
    """A Document with sentences split at ". " and the given (text, label) entity mentions."""
    sentences = split_sentences(text)
    doc = Document(article=Article(id="a1", text=text), sentences=sentences)
    for surface, label in mentions:
        start = text.index(surface)
        idx = next(s.index for s in sentences if s.start <= start < s.end)
        doc.mentions.append(Mention(start, start + len(surface), surface, label, idx))
    return doc


def actors_of(text: str, mentions: list[tuple[str, str]] = ()) -> list[tuple[str, str]]:  # type: ignore[assignment]
    doc = make_doc(text, mentions)
    return [(a.text, a.actor) for a in extract_actors(doc, load_dictionary())]


def test_is_is_case_sensitive() -> None:
    found = actors_of("IS fighters attacked a post. The town is quiet and it is what it is.")
    assert found == [("IS fighters", "Islamic State")]
    assert actors_of("Militants loyal to IS shelled the town.")[-1] == ("IS", "Islamic State")


def test_longest_alias_wins_and_acronyms() -> None:
    found = actors_of("The Kurdish-led Syrian Democratic Forces (SDF) said the YPG held the line.")
    assert found[0] == ("Kurdish-led Syrian Democratic Forces", "Syrian Democratic Forces")
    assert ("SDF", "Syrian Democratic Forces") in found
    assert ("YPG", "YPG") in found


def test_descriptor_resolves_to_earlier_actor() -> None:
    found = actors_of("Al-Shabaab claimed the raid near Baidoa. The jihadists later withdrew.")
    assert found[-1] == ("jihadists", "Al-Shabaab")
    # no earlier group the phrase can stand for: the fallback, not a guess
    assert actors_of("The jihadists later withdrew.") == [("jihadists", "Islamist militants")]


def test_us_backed_alliance_is_sdf_only_in_context() -> None:
    found = actors_of("The US-backed alliance pushed into the village.")
    assert found == [("US-backed alliance", "Syrian Democratic Forces")]


def test_demonym_forces_carry_their_country() -> None:
    doc = make_doc("Nigerian troops repelled an attack near Maiduguri.")
    (a,) = extract_actors(doc, load_dictionary())
    assert (a.actor, a.country, a.inter) == ("Military forces", "Nigeria", 1)


def test_unknown_armed_org_is_kept_from_ner() -> None:
    text = "The Sultan Murad Brigade shelled a village. The Chamber of Commerce met."
    found = extract_actors(
        make_doc(text, [("Sultan Murad Brigade", "ORG"), ("Chamber of Commerce", "ORG")]), load_dictionary()
    )
    ner = [a for a in found if a.source == "ner"]
    assert [(a.actor, a.inter) for a in ner] == [("Sultan Murad Brigade", 2)]


def test_acled_names_and_inter_codes() -> None:
    d = load_dictionary()
    assert acled_actor_name(d.get("Islamic State"), "Iraq") == "Islamic State (Iraq)"
    assert acled_actor_name(d.get("Islamic State"), None) == "Islamic State"
    assert acled_actor_name(d.get("Military forces"), "Mali") == "Military Forces of Mali"
    assert acled_actor_name(d.get("Syrian Democratic Forces"), "Syria") == "SDF: Syrian Democratic Forces"
    # a state force outside its own country is an external force
    assert inter_code(d.get("Russian forces"), "Syria") == 8
    assert inter_code(d.get("Russian forces"), "Russia") == 1
    assert inter_code(d.get("Civilians"), "Syria") == 7


def test_user_data_dir_extends_dictionary(tmp_path: Path) -> None:
    (tmp_path / "actors.yaml").write_text(
        "actors:\n  - name: Katiba Test\n    acled_name: Katiba Test\n    inter: 3\n"
        "    group: militia\n    country: Mali\n    aliases: [Katiba Test, the Katiba]\n",
        encoding="utf-8",
    )
    d = load_dictionary((str(tmp_path),))
    doc = make_doc("The Katiba ambushed a convoy. Islamic State fighters fled.")
    names = [a.actor for a in extract_actors(doc, d)]
    assert names == ["Katiba Test", "Islamic State"]  # bundled entries are still there


def test_bad_reference_is_reported() -> None:
    with pytest.raises(DataFileError):
        build_dictionary(
            {
                "actors": [
                    {"name": "X", "inter": 2, "descriptor": True, "fallback": "Nope", "aliases": ["x men"]}
                ]
            }
        )
