"""Who is actor1: the wrong actor named as perpetrator (a reacting subject, the dead, a target's
group, a place holder, a phrase that only contains an alias).  Own wire-style sentences; the
dictionary tests need no model, the parse tests do."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.actors import extract_actors, load_dictionary
from sitrep.extract.events.roles import load_role_words
from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import Article, Document, Event
from tests.test_actors import actors_of, make_doc

DAY = dt.date(2021, 3, 9)


def analyze(text: str) -> Document:
    art = Article(id="r1", text=text, date=DAY, source="AFP", date_source="jsonl")
    return analyze_articles([art], Options(progress=False))[0]


def violent(doc: Document) -> list[Event]:
    kinds = ("Battles", "Explosions/Remote violence", "Violence against civilians")
    return [e for e in doc.events if e.event_type in kinds]


# --- dictionary: phrases that hold an alias but name no actor, places held, NER institutions ---


def test_phrases_holding_an_alias_name_no_actor() -> None:
    # the Syrian opposition's political coalition is not the US-led one
    assert actors_of("The Syrian National Coalition condemned the raid.") == []
    assert actors_of("A spokesman for the National Coalition said so.") == []
    assert actors_of("The US-led coalition said it struck a depot.")[0][1] == "US-led coalition"
    # "anti-X" names X's enemies
    assert actors_of("Clashes erupted between rival anti-government factions in Derna.") == []
    assert actors_of("Anti-Houthi forces advanced on the port.") == []
    assert actors_of("anti-government protesters marched")[0][1] == "Protesters"
    assert actors_of("The anti-IS coalition carried out six strikes.")[0][1] == "US-led coalition"
    # "Hama's countryside" without its apostrophe is no Hamas
    assert actors_of("Shelling hit villages in Hamas northern countryside.") == []
    assert actors_of("Hamas fired rockets at Ashkelon.")[0][1] == "Hamas"


def test_a_group_named_before_a_descriptor_is_one_actor() -> None:
    found = actors_of("Al-Shabaab militants stormed a base. Taliban insurgents attacked a post.")
    assert found == [("Al-Shabaab militants", "Al-Shabaab"), ("Taliban insurgents", "Taliban")]
    # a descriptor of its own still resolves to the group named before it
    assert actors_of("Al-Qaeda claimed it. The loyalists held out.")[0][1] == "Al-Qaeda"


def test_terrorists_with_or_without_article_are_one_unidentified_group() -> None:
    assert actors_of("The terrorists fired mortars.")[0][1] == "Unidentified armed group"
    assert actors_of("A terrorist group shelled the town.")[0][1] == "Unidentified armed group"
    assert actors_of("Boko Haram struck. The terrorists fled.")[1][1] == "Boko Haram"


def test_a_place_held_by_an_actor_is_marked() -> None:
    doc = make_doc("Jets bombed IS-held villages and a Taliban-controlled district. IS attacked.")
    marked = [(a.text, a.territory) for a in extract_actors(doc, load_dictionary())]
    assert marked == [("IS", True), ("Taliban", True), ("IS", False)]


def test_institutions_are_no_ner_force() -> None:
    d = load_dictionary()
    assert d.classify_org("Kabul Military Academy") is None
    assert d.classify_org("Division") is None
    assert d.classify_org("Division 30") is not None
    assert d.classify_org("Sudan Liberation Army") is not None


def test_role_words_load() -> None:
    words = load_role_words()
    assert "condemn" in words.stance_verbs and "die" in words.patient_verbs
    assert "back" in words.relation_verbs and "near" in words.place_preps


# --- parse roles (spaCy model) ---


@pytest.mark.model
def test_a_political_body_or_activists_are_no_perpetrator() -> None:
    doc = analyze("The Syrian Coalition condemned the bombing that targeted a market in Azaz.")
    assert all(e.actor1 is None for e in doc.events)
    doc = analyze("Activists published photos of cluster munitions used in air strikes on rural Idlib.")
    assert all(not (e.actor1 or "").startswith("Protesters") for e in doc.events)


@pytest.mark.model
def test_who_died_is_acted_upon() -> None:
    doc = analyze("Taliban fighters died in an explosion inside a compound in Ghazni province on Sunday.")
    evs = violent(doc)
    assert evs and all(e.actor1 != "Taliban" for e in evs)
    assert any(e.actor2 == "Taliban" for e in evs)


@pytest.mark.model
def test_a_target_named_in_the_subject_is_no_agent() -> None:
    doc = analyze("An air strike on a Houthi base caused heavy damage in Sanaa on Friday.")
    (ev,) = [e for e in doc.events if e.sub_event_type == "Air/drone strike"]
    assert ev.actor1 is None and ev.actor2 == "Ansar Allah"
    doc = analyze(
        "A suicide blast near the headquarters of the Houthi movement in Hodeidah left at least 30 "
        "people dead on Sunday."
    )
    assert all(e.actor1 != "Ansar Allah" for e in violent(doc))
    doc = analyze("The car bomb which hit a Houthi meeting in Sanaa killed 11 people on Monday.")
    assert all(e.actor1 != "Ansar Allah" for e in violent(doc))


@pytest.mark.model
def test_the_agent_of_a_participle_on_the_weapon_acts() -> None:
    doc = analyze("A roadside bomb planted by Taliban fighters killed four policemen in Helmand on Tuesday.")
    (ev,) = [e for e in doc.events if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert ev.actor1 == "Taliban"
    doc = analyze("Eleven civilians were killed by air strikes carried out by the US-led coalition at Hajin.")
    (ev,) = [e for e in doc.events if e.sub_event_type == "Air/drone strike"]
    assert ev.actor1 == "Operation Inherent Resolve" and (ev.actor2 or "").startswith("Civilians")


@pytest.mark.model
def test_an_actor_tied_to_a_noun_by_a_participle_does_not_act() -> None:
    doc = analyze(
        "A source said Malian troops fought rebels backed by Al-Qaeda amid heavy shelling near Gao on Monday."
    )
    shelling = [e for e in doc.events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling and all(e.actor1 != "Al Qaeda" for e in shelling)


@pytest.mark.model
def test_who_holds_the_place_is_the_target_side() -> None:
    doc = analyze("Government troops shelled the IS-held village of Sukhna on Monday.")
    (ev,) = [e for e in doc.events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert ev.actor2 is not None and ev.actor2.startswith("Islamic State")
    doc = analyze("The Houthi-held port of Hodeidah came under heavy shelling on Monday.")
    assert violent(doc) and all(e.actor1 != "Ansar Allah" for e in violent(doc))
    doc = analyze("IS-held villages near Raqqa were hit by air strikes on Monday.")
    (ev,) = [e for e in doc.events if e.sub_event_type == "Air/drone strike"]
    assert ev.actor1 is None and (ev.actor2 or "").startswith("Islamic State")


def test_who_tells_of_a_raid_is_not_its_agent_and_passive_jets_make_it_an_air_strike() -> None:
    """'Villagers and militiamen said the raids were carried out by government jets': the speakers
    (even coordinated, beyond the claim's own speaker) never act by word order, and a raid carried out
    by jets is an air strike."""
    import datetime as dt

    from sitrep.extract import DEFAULT_COMPONENTS, load_components
    from sitrep.nlp import get_nlp
    from sitrep.options import Options
    from sitrep.pipeline import process_documents
    from sitrep.records import Article

    text = ("Villagers and militiamen said the raids on the market in Kutum were carried out by "
            "Sudanese government jets on Sunday.")
    doc = get_nlp(Options()).analyze(Article(id="k", text=text, date=dt.date(2021, 3, 2)))
    [doc] = list(process_documents([doc], load_components(DEFAULT_COMPONENTS), Options()))
    subs = {e.sub_event_type for e in doc.events}
    assert subs == {"Air/drone strike"}, subs
    assert all("Militia" not in (e.actor1 or "") and "Protesters" not in (e.actor1 or "") for e in doc.events)


@pytest.mark.model
def test_a_trigger_noun_read_as_a_verb_keeps_its_modifiers_as_agent() -> None:
    # the tagger reads "airstrikes" after "Russian and Assad regime" as a verb; a word with a
    # noun's modifiers and no subject or object of its own is a noun, and its modifiers its agent
    doc = analyze(
        "At least 30 villagers were killed in Russian and Assad regime airstrikes on besieged "
        "towns in Daraa on Sunday."
    )
    (ev,) = violent(doc)
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor1 == "Military Forces of Syria (2000-)"
    assert ev.fatalities == 30


@pytest.mark.model
def test_an_actor_word_that_names_a_site_is_no_agent_by_word_order() -> None:
    # "police" only says whose station it is; the bombers are nobody the dictionary knows
    doc = analyze(
        "A car bomb went off near a police station in the Midan district of Homs shortly before "
        "two suicide bombers detonated their explosive belts, the group added."
    )
    evs = violent(doc)
    assert evs and all(e.actor1 != "Police Forces of Syria" for e in evs)
    # a named agent still acts, with or without a site in the sentence
    doc = analyze("Syrian army troops shelled a rebel checkpoint near Tafas in Daraa province on Monday.")
    assert [e.actor1 for e in violent(doc)] == ["Military Forces of Syria (2000-)"]


def test_a_crowd_met_by_force_has_the_force_and_the_crowd_on_their_sides() -> None:
    """ACLED codes excessive force as force / protesters and an intervention as protesters / force,
    whatever the word order or the trigger (often the crowd's own noun)."""
    force = "Excessive force against protesters"
    doc = analyze("Police shot dead four demonstrators in Lagos on Tuesday.")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in doc.events] == [
        (force, "Police Forces of Nigeria", "Protesters (Nigeria)")
    ]
    doc = analyze("Hundreds of students marched in Lagos on Tuesday and troops opened fire on them, "
                  "killing two.")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in doc.events] == [
        (force, "Military Forces of Nigeria", "Protesters (Nigeria)")
    ]
    doc = analyze("Demonstrators were dispersed with tear gas by police in Lagos on Tuesday.")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in doc.events] == [
        ("Protest with intervention", "Protesters (Nigeria)", "Police Forces of Nigeria")
    ]


def test_a_generic_noun_from_a_named_group_is_the_group() -> None:
    doc = analyze("Gunmen from the Islamic State ambushed an army patrol near Kirkuk on Monday, "
                  "killing three.")
    assert [e.actor1 for e in doc.events] == ["Islamic State (Iraq)"]
    doc = analyze("Turkish-backed Syrian militiamen shelled Kurdish positions near Tal Rifaat on Monday.")
    assert [e.actor1 for e in doc.events] == ["Syrian National Army"]


def test_who_holds_the_site_a_bomb_struck_is_acted_on() -> None:
    """"near a checkpoint manned by Kurdish-led forces": the agent of a participle on the site owns
    the site; it did not plant the bomb, it was struck by it."""
    doc = analyze("A car bomb went off near a checkpoint manned by Kurdish-led forces in Manbij on Monday, "
                  "killing four fighters.")
    assert [(e.actor1, e.actor2, e.fatalities) for e in doc.events] == [
        (None, "SDF: Syrian Democratic Forces", 4)
    ]
    # a real agent of the trigger still acts
    doc = analyze("A checkpoint in Manbij was struck by Islamic State mortars on Monday.")
    assert [e.actor1 for e in doc.events] == ["Islamic State (Syria)"]


def test_a_force_named_by_its_fire_or_by_its_country_s_aircraft() -> None:
    """"Rebel shelling" names the rebels as "government shelling" names the government; "Syrian
    government helicopters" are Syria's forces wherever they strike."""
    doc = analyze("Rebel shelling of government-held districts of Homs killed four civilians on Monday.")
    assert [e.actor1 for e in doc.events] == ["Opposition Rebels (Syria)"]
    doc = analyze("Syrian government helicopters dropped barrel bombs on a village on Friday, killing two.")
    assert [e.actor1 for e in doc.events] == ["Military Forces of Syria (2000-)"]


# --- session 17: groups of other wars, their home country, a misparsed lead ---------------------


def test_groups_of_other_wars_are_in_the_dictionary() -> None:
    for text, name in (
        ("Naxalites ambushed a patrol.", "CPI (Maoist)"),
        ("M23 rebels advanced on the town.", "M23"),
        ("Abu Sayyaf gunmen seized a boat.", "Abu Sayyaf"),
        ("Fighters of the Oromo Liberation Army attacked a bus.", "Oromo Liberation Army"),
        ("The Pakistani Taliban claimed the attack.", "TTP"),
        ("Palestinian Islamic Jihad fired rockets.", "Palestinian Islamic Jihad"),
    ):
        assert name in [a for _, a in actors_of(text)], text


def test_a_group_that_fights_at_home_places_a_story_naming_no_country() -> None:
    """A text that names no country: the home country of the group it names decides between towns
    of one name (Beni in Congo, not the Bolivian department), and "Maoists" there are the CPI
    (Maoist) in India, an unnamed rebel group elsewhere."""
    doc = analyze("ADF rebels killed nine villagers in Beni territory overnight, a local official said.")
    (ev,) = violent(doc)
    assert ev.country is not None and "Congo" in ev.country
    assert ev.actor1 == "ADF: Allied Democratic Forces" and ev.fatalities == 9
    doc = analyze("Maoists ambushed a police patrol in Dantewada district of Chhattisgarh, killing two "
                  "constables.")
    (ev,) = violent(doc)
    assert ev.actor1 == "CPI (Maoist): Communist Party of India (Maoist)"


def test_a_lead_read_as_a_noun_with_a_relative_clause_keeps_its_doer() -> None:
    """ "M23 rebels hacked to death ...": the parser makes "rebels" the root and "hacked" its
    modifier; a past-tense verb with an object of its own is active, so the rebels acted."""
    (ev,) = violent(analyze("M23 rebels hacked to death six farmers near Rutshuru on Tuesday."))
    assert ev.actor1 == "M23: March 23 Movement" and ev.sub_event_type == "Attack"


def test_the_side_that_lost_a_place_is_actor2() -> None:
    """ "Recaptured from the insurgents": a "from" phrase of a verb of taking names who lost the
    place, even with no subject or object (a bare "from" elsewhere is where fire came from)."""
    doc = analyze("The hill town of Kora was recaptured from the insurgents on Thursday.")
    (ev,) = [e for e in doc.events if e.event_type == "Battles"]
    assert ev.actor1 is None and ev.actor2 is not None and "Unidentified Armed Group" in ev.actor2
    assert ev.sub_event_type == "Government regains territory"
