"""Sub-type lexicon and context rules: the protest family, mob violence, territory, disrupted
weapons use, agreements, attributions (docs/EVENTS.md, "Sub-type rules")."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.events.build import Draft
from sitrep.extract.events.lexicon import load_lexicon
from sitrep.extract.events.merge import load_merge_rules, merge_drafts
from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import MODALITY_ASSERTED, MODALITY_ATTRIBUTED, Article, Document, Event, Evidence

LEX = load_lexicon()
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def analyze(text: str) -> Document:
    art = Article(id="s1", text=text, date=dt.date(2023, 4, 18), source="Wire")
    return analyze_articles([art], Options(progress=False))[0]


def subtypes(text: str) -> list[str]:
    doc = analyze(text)
    return [e.sub_event_type or "" for e in sorted(doc.events, key=lambda e: e.evidence[0].start or 0)]


def lead(text: str) -> str | None:
    found = subtypes(text)
    return found[0] if found else None


# ---------------------------------------------------------------- protest family
model = pytest.mark.model


@model
def test_protest_told_over_sentences_is_coded_by_its_most_violent_moment() -> None:
    found = subtypes(
        "Thousands of teachers marched through Valparaiso on Thursday to demand higher wages. "
        "Some demonstrators scuffled with police near the congress building and smashed shop windows."
    )
    assert found == ["Violent demonstration"]


@model
def test_police_breaking_up_a_gathering_is_an_intervention() -> None:
    assert (
        lead("Police in Tbilisi fired tear gas at crowds gathered outside the parliament building on Sunday.")
        == "Protest with intervention"
    )
    found = subtypes(
        "Hundreds of farmers rallied in Lahore on Monday against new crop prices. Police dispersed the "
        "rally with batons."
    )
    assert found == ["Protest with intervention"]


@model
def test_deaths_a_crowd_protests_against_are_no_excessive_force() -> None:
    assert (
        lead("Hundreds of students rallied in Accra on Friday against the killing of a classmate by a guard.")
        == "Peaceful protest"
    )
    assert (
        lead("Soldiers opened fire on demonstrators in Mandalay on Friday, killing four of them.")
        == "Excessive force against protesters"
    )


@model
def test_die_in_only_with_its_hyphen_and_non_violent_is_peaceful() -> None:
    assert (
        lead("Nurses staged a die-in outside the health ministry in Nairobi on Tuesday.")
        == "Peaceful protest"
    )
    found = subtypes("Thousands of non-violent protesters marched through Lima on Saturday.")
    assert found == ["Peaceful protest"]


@model
def test_protest_turning_violent_or_descending_into_chaos() -> None:
    assert (
        lead("A march by dock workers in Antwerp turned very violent on Wednesday.")
        == "Violent demonstration"
    )
    assert (
        lead("A rally against fuel prices in Quito descended into some of the worst rioting in years.")
        == "Violent demonstration"
    )


@model
def test_riot_is_not_silenced_by_a_fire_in_the_same_sentence() -> None:
    # "blaze" makes a sentence a non-conflict one (fires, accidents); riots are told with their fires
    assert (
        lead(
            "Protesters in Leipzig smashed bank windows and set a dumpster blaze during a march on Saturday."
        )
        == "Violent demonstration"
    )


@model
def test_throwing_is_violent_only_with_a_harmful_object_or_a_target() -> None:
    assert (
        lead("Protesters in Cagliari threw hundreds of paper flowers into the air during a march on Sunday.")
        == "Peaceful protest"
    )
    assert (
        lead("Protesters in Cagliari threw bottles at police during a march on Sunday.")
        == "Violent demonstration"
    )


@model
def test_mob_and_communal_riots_are_mob_violence() -> None:
    assert lead("Communal riots broke out in the town of Sitamarhi on Tuesday, leaving four injured.") == (
        "Mob violence"
    )
    assert lead("An angry mob beat a suspected cattle thief to death in Bauchi on Sunday.") == "Mob violence"


@model
def test_a_curfew_defied_is_no_curfew_imposed() -> None:
    found = subtypes(
        "Groups of youths confronted police in Eindhoven on Saturday night, defying the city's night "
        "curfew and throwing fireworks at officers."
    )
    assert "Other" not in found


# ---------------------------------------------------------------- territory
@model
def test_pushing_a_group_out_of_a_place_is_territory_regained() -> None:
    assert (
        lead("Malian troops pushed the jihadists out of three villages near Douentza on Friday.")
        == "Government regains territory"
    )


@model
def test_a_place_held_briefly_is_a_clash() -> None:
    assert (
        lead("Militants briefly seized the town of Bardera on Monday before troops arrived.") == "Armed clash"
    )


@model
def test_withdrawal_under_bombardment_is_no_peaceful_handover() -> None:
    assert (
        lead(
            "Government forces regained control of the village of Kansafra after rebels withdrew "
            "following heavy air and artillery bombardment."
        )
        == "Government regains territory"
    )


# ---------------------------------------------------------------- explosions, weapons, agreements
@model
def test_vehicle_hitting_a_mine_is_an_explosive_device() -> None:
    assert (
        lead("Five soldiers were killed when their truck hit a buried mine near Ndoki on Monday.")
        == "Remote explosive/landmine/IED"
    )


@model
def test_weapons_stores_and_intercepted_drones_are_disrupted_weapons_use() -> None:
    assert (
        lead("Police found a cache of explosives in a farmhouse near Kaduna on Tuesday.")
        == "Disrupted weapons use"
    )
    assert (
        lead("Air defences intercepted two drones over the port of Mokha on Sunday.")
        == "Disrupted weapons use"
    )
    assert lead("Kenyan police intercepted 12 suspected members of the group near Mandera.") != (
        "Disrupted weapons use"
    )


@model
def test_accord_signed_is_an_agreement_and_amnesty_international_is_not() -> None:
    assert lead("The two armed factions inked a ten-point accord in Juba on Sunday.") == "Agreement"
    found = subtypes(
        "Amnesty International said security forces killed three protesters in Khartoum on Monday."
    )
    assert "Agreement" not in found


# ---------------------------------------------------------------- attributions
@model
def test_claim_of_responsibility_for_an_earlier_attack_is_attributed() -> None:
    doc = analyze(
        "The Islamic State group on Tuesday claimed responsibility for the car bomb that hit a market in "
        "Kirkuk last week."
    )
    assert [e for e in doc.events if e.event_type in VIOLENT] == []
    assert any(e.modality == MODALITY_ATTRIBUTED for e in doc.discarded)


@model
def test_accusation_is_attributed_but_the_attack_reported_as_news_stays() -> None:
    doc = analyze("The foreign minister accused Ankara of shelling Kurdish villages.")
    assert [e for e in doc.events if e.event_type in VIOLENT] == []
    doc = analyze(
        "A car bomb killed nine people at a market in Kirkuk on Sunday. The Islamic State group later "
        "claimed responsibility for the attack."
    )
    assert [e.sub_event_type for e in doc.events if e.modality == MODALITY_ASSERTED][:1] == [
        "Remote explosive/landmine/IED"
    ]


@model
def test_a_possible_attack_is_not_asserted() -> None:
    doc = analyze("Villagers in Bambari fled their homes on Monday fearing a possible attack by the rebels.")
    assert [e for e in doc.events if e.sub_event_type == "Attack"] == []


# ---------------------------------------------------------------- merge rule (no model)
def _draft(sub: str, start: int, sentence: int, actor1: str | None, actor2: str | None) -> Draft:
    st = LEX.subtypes[sub]
    ev = Event(event_id=f"e{start}", article_ids=["a1"])
    ev.event_type, ev.sub_event_type, ev.disorder_type = st.event_type, st.name, st.disorder_type
    ev.location, ev.country, ev.geo_precision = "Tunis", "Tunisia", 1
    ev.actor1, ev.actor2 = actor1, actor2
    ev.evidence = [Evidence("a1", sentence, start, start + 5, "trig")]
    return Draft(event=ev, sub=st, weight=0.8, place_level="sentence", actor1_name=actor1, actor2_name=actor2)


def test_protest_folds_into_intervention_with_the_police_as_actor1() -> None:
    drafts = [
        _draft("Peaceful protest", 0, 0, "Protesters", None),
        _draft("Protest with intervention", 90, 1, "Police forces", "Protesters"),
    ]
    out = merge_drafts(drafts, None, load_merge_rules(), LEX.subtypes)
    assert len(out) == 1
    ev = out[0].event
    assert ev.sub_event_type == "Protest with intervention"
    assert (ev.actor1, ev.actor2) == ("Police forces", "Protesters")
    assert sorted(e.start for e in ev.evidence) == [0, 90]


def test_protests_far_apart_in_the_article_stay_apart() -> None:
    drafts = [
        _draft("Peaceful protest", 0, 0, "Protesters", None),
        _draft("Violent demonstration", 400, 6, "Rioters", None),
    ]
    out = merge_drafts(drafts, None, load_merge_rules(), LEX.subtypes)
    assert [d.event.sub_event_type for d in out] == ["Peaceful protest", "Violent demonstration"]
