"""Regression tests for false geocoding resolutions (one test per cause), on hand-built Documents with
own wire-style sentences: fuzzy sub-token matches, acronyms, common words, person names, minor
foreign towns, generic place words, and admin1 names with a type word ("Borno State")."""

from __future__ import annotations

from sitrep.extract.places import Gazetteer, resolve_places
from sitrep.extract.places.gazetteer import fuzzy_ratio
from sitrep.extract.places.normalize import vowel_fold
from sitrep.extract.places.recognize import Recognizer
from sitrep.extract.places.resolve import is_prominent
from sitrep.extract.places.rules import load_rules
from sitrep.options import Options
from tests.test_places import by_text, make_doc

OPTS = Options()


def test_fuzzy_compares_whole_names_with_a_high_threshold() -> None:
    # transliteration variants (vowels swapped, letters doubled) match ...
    assert fuzzy_ratio("kobane", "kobani") == 100.0
    assert fuzzy_ratio("tadmur", "tadmour") is not None
    assert vowel_fold("qamishly") == vowel_fold("qamishli")
    # ... a different short name, another first letter or a much shorter name do not
    assert fuzzy_ratio("human", "humen") is None
    assert fuzzy_ratio("numan", "uman") is None
    assert fuzzy_ratio("saraqib", "sarab") is None


def test_sub_token_of_an_arabic_name_is_not_looked_up_alone() -> None:
    # "Kafr al-Numanat" is unknown; its tail "Numan..." or head "Kafr" must not be matched alone
    text = "Warplanes struck Kafr al-Numan village in Idlib province on Friday, residents said."
    doc = make_doc(text, [("Idlib", "GPE"), ("Friday", "DATE")])
    got = by_text(resolve_places(doc, OPTS))
    assert "Numan" not in got and "al-Numan" not in got
    assert got["Idlib"].place.iso2 == "SY"
    # the ruler's n-grams never split words bound by an article
    run = Recognizer._runs("Ras al Ain")[0]
    assert [t for _, _, t in Recognizer._ngrams(run)] == ["Ras al Ain"]
    run = Recognizer._runs("Damascus as Homs")[0]
    assert {t for _, _, t in Recognizer._ngrams(run)} >= {"Damascus", "Homs"}


def test_acronyms_are_not_places_but_country_codes_and_datelines_are() -> None:
    text = ("BASRA, Iraq (Wire) - The UN and the EU condemned the shelling of Basra, the state agency "
            "INA reported, as US envoys arrived.")
    doc = make_doc(text, [("BASRA", "GPE"), ("Iraq", "GPE"), ("UN", "ORG"), ("EU", "ORG"), ("Basra", "GPE"),
                          ("INA", "ORG"), ("US", "GPE")])
    got = by_text(resolve_places(doc, OPTS))
    assert "UN" not in got and "EU" not in got and "INA" not in got
    assert got["BASRA"].place.iso2 == "IQ"
    assert got["US"].place.iso2 == "US"


def test_words_of_a_rejected_phrase_are_not_places() -> None:
    # "Human" alone is an alternate name of Uman (Ukraine); "Spring" is a town in Texas
    text = ("Activists from Human Rights Watch said the Arab Spring protests in Homs were crushed. "
            "Clashes continued in Homs on Monday.")
    doc = make_doc(text, [("Human Rights Watch", "ORG"), ("Homs", "GPE"), ("Homs", "GPE"),
                          ("Monday", "DATE")])
    got = by_text(resolve_places(doc, OPTS))
    assert "Human" not in got and "Spring" not in got
    assert got["Homs"].place.iso2 == "SY"



def test_a_region_named_with_a_foreign_name_of_a_city_is_no_place() -> None:
    # "Rim" is Rome in several Slavic languages
    text = "Leaders of Pacific Rim countries met in Manila on Monday."
    doc = make_doc(text, [("Pacific Rim", "LOC"), ("Manila", "GPE"), ("Monday", "DATE")])
    got = by_text(resolve_places(doc, OPTS))
    assert all(m.place is None or m.place.iso2 != "IT" for m in got.values())
    assert got["Manila"].place.iso2 == "PH"


def test_minor_foreign_town_is_left_unresolved_with_a_reason() -> None:
    # "Sparks" (Nevada) and "Laila" (Saudi Arabia) are names or words here; their countries are not
    # named in this article about Yemen, and they are not major places
    text = ("Houthi fighters shelled Taiz on Tuesday, a doctor named Laila told reporters in Aden. "
            "Sparks flew over the port of Hodeidah, Yemen, residents said.")
    doc = make_doc(text, [("Houthi", "NORP"), ("Taiz", "GPE"), ("Tuesday", "DATE"), ("Laila", "PERSON"),
                          ("Aden", "GPE"), ("Sparks", "ORG"), ("Hodeidah", "GPE"), ("Yemen", "GPE")])
    got = by_text(resolve_places(doc, OPTS))
    for word in ("Laila", "Sparks"):
        if word in got:  # recognised or not: never placed in another continent
            assert got[word].place is None or got[word].place.iso2 in {"YE", "SA", "OM"}
            if got[word].place is None:
                assert "left unresolved" in got[word].explanation
    assert got["Taiz"].place.iso2 == "YE" and got["Aden"].place.iso2 == "YE"
    assert got["Hodeidah"].place.iso2 == "YE"


def test_person_name_relabelled_to_a_foreign_town_is_unresolved_but_others_stay() -> None:
    # "Millis" is a town in Massachusetts; this article is about Lebanon
    text = "Spokesman Millis said rockets hit Tyre and Nabatieh in southern Lebanon overnight."
    doc = make_doc(text, [("Millis", "PERSON"), ("Tyre", "GPE"), ("Nabatieh", "GPE"), ("Lebanon", "GPE")])
    got = by_text(resolve_places(doc, OPTS))
    assert "Millis" not in got or got["Millis"].place is None
    assert got["Tyre"].place.iso2 == "LB" and got["Lebanon"].place.iso2 == "LB"


def test_prominent_foreign_places_still_resolve() -> None:
    # capitals and big cities need no mention of their country
    text = "Talks on the Idlib truce resumed in Geneva and Moscow, while Tehran stayed silent, Syria said."
    doc = make_doc(text, [("Idlib", "GPE"), ("Geneva", "GPE"), ("Moscow", "GPE"), ("Tehran", "GPE"),
                          ("Syria", "GPE")])
    got = by_text(resolve_places(doc, OPTS))
    assert got["Geneva"].place.iso2 == "CH"
    assert got["Moscow"].place.iso2 == "RU"
    assert got["Tehran"].place.iso2 == "IR"
    gaz = Gazetteer.open(OPTS)
    boni = [c for c in gaz.candidates("Boni") if c.place.name == "Bonn"]
    assert boni and not is_prominent(boni[0])  # an alternate name of a city is not enough


def test_generic_words_are_not_places() -> None:
    text = "Shells fell on the Old City of Mosul and in Wadi Hajar near Tal Afar, Iraqi officials said."
    doc = make_doc(text, [("the Old City", "GPE"), ("Mosul", "GPE"), ("Tal Afar", "GPE"), ("Iraqi", "NORP")])
    got = by_text(resolve_places(doc, OPTS))
    assert "Old City" not in got and "Wadi" not in got
    assert got["Mosul"].place.iso2 == "IQ" and got["Tal Afar"].place.iso2 == "IQ"


def test_admin1_found_without_its_type_word() -> None:
    # GeoNames calls it "Borno State"; news says "Borno"; a German town has "Borno" as alternate name
    text = "Gunmen attacked a village near Maiduguri in Borno, Nigeria, on Sunday, police said."
    doc = make_doc(text, [("Maiduguri", "GPE"), ("Borno", "GPE"), ("Nigeria", "GPE"), ("Sunday", "DATE")])
    got = by_text(resolve_places(doc, OPTS))
    assert got["Borno"].place.iso2 == "NG" and got["Borno"].place.feature_code == "ADM1"
    assert got["Maiduguri"].place.iso2 == "NG"
    rules = load_rules(())
    assert "free" in rules.never_places  # "Free State" is not indexed as "Free"
    assert not Gazetteer.open(OPTS).has_name("Free")


def test_golan_is_the_heights_not_an_iranian_village() -> None:
    text = "Israeli jets struck positions in the Golan after rockets were fired from Syria, the army said."
    doc = make_doc(text, [("Israeli", "NORP"), ("Golan", "LOC"), ("Syria", "GPE")])
    got = by_text(resolve_places(doc, OPTS))
    assert got["Golan"].place is not None and got["Golan"].place.iso2 in {"SY", "IL"}


def test_a_country_possessive_without_its_apostrophe_is_the_country_then_a_name() -> None:
    # texts stripped of punctuation write "Syria's Hama province" as "Syrias Hama province"; the
    # model takes "Syrias Hama" for one person, and its last word must not become a "surname"
    text = "Militants stormed two villages in central Syrias Hama province on Thursday, a monitor said."
    doc = make_doc(text, [("Syrias Hama", "PERSON"), ("Thursday", "DATE")])
    got = by_text(resolve_places(doc, OPTS))
    assert got["Syria"].place.feature_code == "PCLI"
    assert got["Hama"].place.iso2 == "SY"
    # only a country: "Hamas" is no "Hama" + s, and a name that ends in "s" stays whole
    text = "Hamas fighters fired rockets from Gaza, while Homs stayed quiet."
    doc = make_doc(text, [("Hamas", "ORG"), ("Gaza", "GPE"), ("Homs", "GPE")])
    got = by_text(resolve_places(doc, OPTS))
    assert "Hama" not in got and "Homs" in got


def test_a_place_across_the_focus_country_border_beats_a_namesake_far_away() -> None:
    """News about a country names places across its borders far more often than on another
    continent: a candidate in a land neighbour of the focus country gains W_NEIGHBOUR (less than a
    country the article names)."""
    from collections import Counter

    from sitrep.extract.places.gazetteer import Candidate
    from sitrep.extract.places.recognize import Span
    from sitrep.extract.places.resolve import W_MENTIONED_COUNTRY, W_NEIGHBOUR, _Context, _score
    from sitrep.records import Place

    def cand(iso2: str) -> Candidate:
        p = Place(name="Dara", latitude=0.0, longitude=0.0, country=iso2, iso2=iso2, feature_class="P",
                  feature_code="PPL", population=20000)
        return Candidate(place_id=1, place=p, similarity=1.0, matched="Dara")

    span = Span(start=0, end=4, text="Dara", sentence_index=0, origin="ner:GPE")
    ctx = _Context(focus="SY", mentioned=Counter({"SY": 2}), containers={}, anchors=[])
    near, far = _score(cand("JO"), span, ctx, 0), _score(cand("PE"), span, ctx, 0)
    assert 0 < W_NEIGHBOUR < W_MENTIONED_COUNTRY
    assert near[0] - far[0] == W_NEIGHBOUR and "neighbour of the focus country" in near[1]
    # no focus country, no neighbour
    ctx = _Context(focus=None, mentioned=Counter(), containers={}, anchors=[])
    assert _score(cand("JO"), span, ctx, 0)[0] == _score(cand("PE"), span, ctx, 0)[0]


def test_gaza_named_alone_is_the_strip_not_a_province_of_mozambique() -> None:
    for text, ents in (
        ("Israeli tanks shelled targets in Gaza on Sunday.", [("Israeli", "NORP"), ("Gaza", "GPE")]),
        ("Militants fired rockets from Gaza overnight.", [("Gaza", "GPE")]),
    ):
        got = by_text(resolve_places(make_doc(text, ents), OPTS))
        assert got["Gaza"].place is not None and got["Gaza"].place.iso2 == "PS", text
    # the province is still there when the text says so
    text = "Floods hit Gaza province in southern Mozambique."
    got = by_text(resolve_places(make_doc(text, [("Gaza", "GPE"), ("Mozambique", "GPE")]), OPTS))
    assert got["Gaza"].place is not None and got["Gaza"].place.iso2 == "MZ"


def test_a_village_is_not_a_city_of_millions_met_by_a_spelling_variant() -> None:
    """GeoNames lists "Teera" as a name of Tehran: "the village of Tera" is the small Tera, not a
    capital that only a fuzzy match proposes."""
    text = "Gunmen attacked the village of Tera overnight, killing five people."
    got = by_text(resolve_places(make_doc(text, [("Tera", "GPE")]), OPTS))
    assert got["Tera"].place is not None and got["Tera"].place.iso2 == "NE"


def test_a_place_the_model_tagged_is_found_in_another_spelling() -> None:
    """An article form ("al-" for "ash") or one letter in ten ("Shabelle" for "Shabeelle") does not
    keep a name the model tagged as a place out of the gazetteer; short names need the exact form."""
    text = "Shells fell on Jisr al-Shughur in Syria on Monday."
    got = by_text(resolve_places(make_doc(text, [("Jisr al-Shughur", "GPE"), ("Syria", "GPE")]), OPTS))
    assert got["Jisr al-Shughur"].place is not None and got["Jisr al-Shughur"].place.iso2 == "SY"
    text = "Fighting raged in Lower Shabelle region on Sunday."
    got = by_text(resolve_places(make_doc(text, [("Lower Shabelle", "LOC")]), OPTS))
    assert got["Lower Shabelle"].place is not None and got["Lower Shabelle"].place.iso2 == "SO"
    # a name that has entries of its own is not stretched to a spelling variant ("Teera", a name of
    # Tehran, for "Tira")
    text = "Fighting raged in Tira on Sunday."
    got = by_text(resolve_places(make_doc(text, [("Tira", "GPE")]), OPTS))
    assert got["Tira"].place is not None and got["Tira"].place.iso2 != "IR"
    assert "name 1.00" in got["Tira"].explanation


def test_a_part_of_a_town_is_not_a_namesake_elsewhere() -> None:
    """"the Sulaymaniyah neighbourhood of the Syrian city of Aleppo" is in Aleppo, where the
    gazetteer has no Sulaymaniyah: left unresolved in every mention, and the Iraqi province neither
    resolves nor makes Iraq the article's country."""
    text = ("Mortars hit the Sulaymaniyah neighbourhood of the Syrian city of Aleppo on Saturday. "
            "The Sulaymaniyah area is home to many Christians.")
    ents = [("Sulaymaniyah", "GPE"), ("Syrian", "NORP"), ("Aleppo", "GPE"), ("Sulaymaniyah", "GPE")]
    places = resolve_places(make_doc(text, ents), OPTS)
    sul = [p for p in places if p.text == "Sulaymaniyah"]
    assert len(sul) == 2 and all(p.place is None for p in sul)
    assert "where the text places it" in sul[0].explanation
    aleppo = by_text(places)["Aleppo"]
    assert aleppo.place is not None and aleppo.place.iso2 == "SY"


def test_a_channel_named_after_a_town_is_no_place() -> None:
    text = "A bombing in Homs killed 18 people, the Lebanese TV channel Al-Mayadin reported."
    ents = [("Homs", "GPE"), ("Lebanese", "NORP"), ("Al-Mayadin", "GPE")]
    got = by_text(resolve_places(make_doc(text, ents), OPTS))
    assert "Al-Mayadin" not in got and got["Homs"].place is not None


def test_a_country_s_capital_told_without_its_name_is_the_capital() -> None:
    """"the Afghan capital", "Kenya's capital", "Syrias capital" (apostrophe stripped) are the
    capital city; "the Syrian capital Damascus" names it, and that name is the place."""
    for text, ents, iso, name in (
        ("A car bomb exploded in the Afghan capital on Monday.", [("Afghan", "NORP")], "AF", "Kabul"),
        ("Protesters marched in Kenya's capital on Friday.", [("Kenya", "GPE")], "KE", "Nairobi"),
        ("Clashes erupted east of Syrias capital on Tuesday.", [("Syrias", "GPE")], "SY", "Damascus"),
    ):
        places = [p for p in resolve_places(make_doc(text, ents), OPTS) if p.place is not None]
        capital = [p for p in places if p.text.endswith("capital")]
        assert len(capital) == 1 and capital[0].place.iso2 == iso and capital[0].place.name == name, text
    text = "Fighting raged in the Syrian capital Damascus on Monday."
    places = resolve_places(make_doc(text, [("Syrian", "NORP"), ("Damascus", "GPE")]), OPTS)
    assert [p.text for p in places] == ["Damascus"]
    # lower-case "capital" of money, or a region's adjective, is no place
    text = "The European venture capital fund invested in Kenya."
    places = resolve_places(make_doc(text, [("European", "NORP"), ("Kenya", "GPE")]), OPTS)
    assert [p.text for p in places] == ["Kenya"]
