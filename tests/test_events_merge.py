"""Within-article folding of one incident coded as several sub-types (merge_precedence)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.events.build import Draft
from sitrep.extract.events.lexicon import load_lexicon
from sitrep.extract.events.merge import (
    build_merge_rules,
    contains,
    load_merge_rules,
    merge_drafts,
    same_place,
)
from sitrep.records import Event, Evidence

LEX = load_lexicon()
RULES = load_merge_rules()


def _draft(
    sub: str,
    start: int,
    actor1: str | None = None,
    actor2: str | None = None,
    *,
    place: str = "Kafr Nabl",
    day: int = 5,
    fatalities: int | None = None,
    sentence: int = 0,
) -> Draft:
    st = LEX.subtypes[sub]
    ev = Event(event_id=f"e{start}", article_ids=["a1"])
    ev.event_type, ev.sub_event_type, ev.disorder_type = st.event_type, st.name, st.disorder_type
    ev.location, ev.country, ev.geo_precision = place, "Syria", 1
    ev.event_date = dt.date(2018, 3, day)
    ev.actor1, ev.actor2 = actor1, actor2
    ev.fatalities = fatalities
    ev.evidence = [Evidence("a1", sentence, start, start + 5, "trig")]
    return Draft(
        event=ev,
        sub=st,
        weight=0.8,
        place_level="sentence",
        date_explicit=True,
        actor1_name=actor1,
        actor2_name=actor2,
    )


def test_chemical_weapon_absorbs_strike_and_attack_keeping_actor_and_toll() -> None:
    drafts = [
        _draft("Attack", 0, "Military forces", "Civilians"),
        _draft("Air/drone strike", 40, "Military forces"),
        _draft("Chemical weapon", 90, None, "Civilians", fatalities=4),
    ]
    out = merge_drafts(drafts, None, RULES, LEX.subtypes)
    assert len(out) == 1
    ev = out[0].event
    assert ev.sub_event_type == "Chemical weapon"
    assert ev.event_type == LEX.subtypes["Chemical weapon"].event_type
    assert ev.actor1 == "Military forces" and ev.fatalities == 4
    assert sorted(e.start for e in ev.evidence) == [0, 40, 90]


def test_suicide_bomb_absorbs_ied_either_order() -> None:
    for order in ((0, 50), (50, 0)):
        ied = _draft("Remote explosive/landmine/IED", order[0], "Islamic State")
        sb = _draft("Suicide bomb", order[1], "Islamic State", fatalities=11)
        drafts = sorted([ied, sb], key=lambda d: d.event.evidence[0].start)
        out = merge_drafts(drafts, None, RULES, LEX.subtypes)
        assert [d.event.sub_event_type for d in out] == ["Suicide bomb"]
        assert out[0].event.fatalities == 11


def test_attack_folds_into_strike_only_with_same_perpetrator() -> None:
    same = [_draft("Air/drone strike", 0, "Military forces"), _draft("Attack", 60, "Military forces")]
    assert len(merge_drafts(same, None, RULES, LEX.subtypes)) == 1
    other = [_draft("Air/drone strike", 0, "Military forces"), _draft("Attack", 60, "Islamic State")]
    assert len(merge_drafts(other, None, RULES, LEX.subtypes)) == 2
    unnamed = [_draft("Air/drone strike", 0, "Military forces"), _draft("Attack", 60, None, "Civilians")]
    assert len(merge_drafts(unnamed, None, RULES, LEX.subtypes)) == 2


def test_territory_and_clash_fold_with_shared_side_even_swapped() -> None:
    drafts = [
        _draft("Non-state actor overtakes territory", 0, "Al-Shabaab", fatalities=6),
        _draft("Armed clash", 80, "Military forces", "Al-Shabaab"),
    ]
    out = merge_drafts(drafts, None, RULES, LEX.subtypes)
    assert len(out) == 1
    d = out[0]
    assert d.event.sub_event_type == "Non-state actor overtakes territory"
    assert (d.actor1_name, d.actor2_name) == ("Al-Shabaab", "Military forces")
    assert d.event.fatalities == 6
    reverse = [
        _draft("Armed clash", 0, "Military forces", "Al-Shabaab"),
        _draft("Non-state actor overtakes territory", 80, "Al-Shabaab", fatalities=6),
    ]
    (r,) = merge_drafts(reverse, None, RULES, LEX.subtypes)
    assert r.event.sub_event_type == "Non-state actor overtakes territory"
    assert (r.actor1_name, r.actor2_name) == ("Al-Shabaab", "Military forces")
    assert r.event.actor1 == "Al-Shabaab"


def test_descriptor_actor_is_the_group_it_may_stand_for() -> None:
    rules = build_merge_rules(
        {
            "merge_precedence": [
                {
                    "specific": "Non-state actor overtakes territory",
                    "general": ["Armed clash"],
                    "shared_actor": True,
                }
            ]
        }
    )
    from dataclasses import replace

    rules = replace(rules, vague={"Islamist militants": frozenset({"Al-Shabaab"})})
    drafts = [
        _draft("Non-state actor overtakes territory", 0, "Islamist militants"),
        _draft("Armed clash", 80, "Al-Shabaab", "Military forces"),
    ]
    out = merge_drafts(drafts, None, rules, LEX.subtypes)
    assert len(out) == 1 and out[0].actor1_name == "Al-Shabaab"


@pytest.mark.parametrize(
    "change",
    [{"place": "Maarat Misrin"}, {"day": 7}],
)
def test_other_place_or_day_stays_apart(change: dict[str, object]) -> None:
    drafts = [
        _draft("Air/drone strike", 0, "Military forces"),
        _draft("Chemical weapon", 90, "Military forces", **change),  # type: ignore[arg-type]
    ]
    assert len(merge_drafts(drafts, None, RULES, LEX.subtypes)) == 2


def _placed(
    d: Draft,
    location: str,
    admin1: str | None,
    admin2: str | None = None,
    prec: int = 1,
    country: str = "Syria",
) -> Draft:
    ev = d.event
    ev.location, ev.admin1, ev.admin2, ev.geo_precision, ev.country = location, admin1, admin2, prec, country
    return d


def test_place_within_the_other_folds_two_places_apart_do_not() -> None:
    # "air strikes on Idlib province" ... "the chlorine attack on the town of Saraqeb" (in Idlib)
    province = _placed(_draft("Air/drone strike", 0, "Military forces"), "Idlib", "Idlib", prec=3)
    town = _placed(_draft("Chemical weapon", 90, "Military forces"), "Saraqeb", "Idlib", "Idlib District")
    assert contains(province, town) and not contains(town, province)
    (one,) = merge_drafts([province, town], None, RULES, LEX.subtypes)
    assert one.event.sub_event_type == "Chemical weapon" and one.event.location == "Saraqeb"
    # the country contains its towns; a district its neighbourhoods
    country = _placed(_draft("Attack", 0), "Syria", None, prec=3)
    assert contains(country, town) and not contains(town, country)
    # a province folded into an event placed only in its country lends its place, same precision
    taken = _placed(_draft("Non-state actor overtakes territory", 0, "Islamic State"), "Syria", None, prec=3)
    clash = _placed(_draft("Armed clash", 60, "Islamic State", "Military forces"), "Hama", "Hama", prec=3)
    (one,) = merge_drafts([taken, clash], None, RULES, LEX.subtypes)
    assert one.event.sub_event_type == "Non-state actor overtakes territory" and one.event.admin1 == "Hama"
    district = _placed(_draft("Attack", 0), "Idlib District", "Idlib", prec=2)
    assert contains(district, town)
    # two towns of one province, or a province and a town of another: two incidents
    other_town = _placed(_draft("Chemical weapon", 90, "Military forces"), "Ariha", "Idlib")
    assert not same_place(town, other_town)
    # demonstrations told for a whole province are a wave, not the one gathering in its town
    rally = _placed(_draft("Peaceful protest", 0, "Protesters"), "Idlib", "Idlib", prec=3)
    force = _placed(
        _draft("Excessive force against protesters", 40, "Police", sentence=1), "Saraqeb", "Idlib"
    )
    assert len(merge_drafts([rally, force], None, RULES, LEX.subtypes)) == 2
    hama = _placed(_draft("Chemical weapon", 90, "Military forces"), "Latamneh", "Hama")
    assert not same_place(province, hama)
    assert len(merge_drafts([province, hama], None, RULES, LEX.subtypes)) == 2


def test_a_reference_back_goes_to_the_event_of_its_place() -> None:
    from sitrep.extract.events import _refer_back

    # "Houthi missiles hit Marib city ... Saudi-led jets bombed Saada ... The strikes in Saada came as ..."
    marib = _placed(
        _draft("Shelling/artillery/missile attack", 0, "Houthis", fatalities=8),
        "Marib",
        "Marib",
        country="Yemen",
    )
    saada = _placed(
        _draft("Air/drone strike", 100, "Coalition", sentence=1), "Saada", "Saada", country="Yemen"
    )
    back = _placed(
        _draft("Air/drone strike", 200, sentence=2, fatalities=5), "Saada", "Saada", country="Yemen"
    )
    back.extra["own_place"] = True
    out = _refer_back([marib, saada], [back])
    assert len(out) == 2 and saada.event.fatalities == 5 and len(saada.event.evidence) == 2
    # told in another named place than every event: it refers to none of them, it is an event
    elsewhere = _placed(_draft("Air/drone strike", 200, sentence=2), "Hajjah", "Hajjah", country="Yemen")
    elsewhere.extra["own_place"] = True
    out = _refer_back([marib], [elsewhere])
    assert len(out) == 2 and len(marib.event.evidence) == 1
    # a place that belongs to the setting ("The strikes came as the rebels advanced in Hajjah") is
    # not the reference's own: it goes to the event it refers to, whose place stands
    elsewhere.extra["own_place"] = False
    out = _refer_back([marib], [elsewhere])
    assert len(out) == 1 and len(marib.event.evidence) == 2 and marib.event.location == "Marib"


def test_a_reference_back_lends_a_place_within_the_event_s() -> None:
    from sitrep.extract.events import _refer_back

    # "A suicide bomber struck a market in Somalia ... those killed in Mogadishu included ..."
    country = _placed(
        _draft("Suicide bomb", 0, "Al-Shabaab", fatalities=12), "Somalia", None, prec=3, country="Somalia"
    )
    back = _placed(_draft("Suicide bomb", 150, sentence=1), "Mogadishu", "Banaadir", country="Somalia")
    back.extra["own_place"] = True
    (one,) = _refer_back([country], [back])
    assert one.event.location == "Mogadishu" and one.event.admin1 == "Banaadir"
    assert one.event.fatalities == 12
    # a country named by the reference back says nothing more than the event's own town
    town = _placed(_draft("Suicide bomb", 0, "Al-Shabaab"), "Mogadishu", "Banaadir", country="Somalia")
    vague = _placed(_draft("Suicide bomb", 150, sentence=1), "Somalia", None, prec=3, country="Somalia")
    vague.extra["own_place"] = True
    (one,) = _refer_back([town], [vague])
    assert one.event.location == "Mogadishu"


def test_undated_mention_does_not_fold_into_a_dated_one() -> None:
    dated = _draft("Air/drone strike", 0, "Military forces")
    undated = _draft("Chemical weapon", 90, "Military forces", sentence=1)
    undated.date_explicit = False
    assert len(merge_drafts([dated, undated], None, RULES, LEX.subtypes)) == 2
    a, b = (
        _draft("Attack", 0, "Military forces"),
        _draft("Air/drone strike", 40, "Military forces", sentence=1),
    )
    a.date_explicit = b.date_explicit = False
    assert len(merge_drafts([a, b], None, RULES, LEX.subtypes)) == 1
    far = _draft("Air/drone strike", 400, "Military forces", sentence=6)
    far.date_explicit = False
    assert len(merge_drafts([_undated_attack(), far], None, RULES, LEX.subtypes)) == 2


def _undated_attack() -> Draft:
    d = _draft("Attack", 0, "Military forces")
    d.date_explicit = False
    return d


def test_without_rules_nothing_folds() -> None:
    drafts = [
        _draft("Air/drone strike", 0, "Military forces"),
        _draft("Chemical weapon", 90, "Military forces"),
    ]
    assert len(merge_drafts(drafts)) == 2


def test_separate_cue_in_the_later_sentence() -> None:
    rules = RULES
    assert any(c.search("In a separate attack, gunmen opened fire") for c in rules.separate_cues)
    assert any(c.search("Another suicide bombing hit the checkpoint") for c in rules.separate_cues)
    assert not any(c.search("The blast killed 11 people at the checkpoint") for c in rules.separate_cues)


@pytest.mark.model
def test_end_to_end_one_chemical_event_and_a_separate_one() -> None:
    from sitrep.options import Options
    from sitrep.pipeline import analyze_articles
    from sitrep.records import Article

    text = (
        "A government helicopter dropped a barrel bomb on the town of Saraqeb in Idlib province on Sunday, "
        "residents said.\n\n"
        "Four civilians suffocated on Sunday after chlorine gas was released by the bomb, a doctor at a "
        "field hospital said.\n\n"
        "In a separate attack on Monday, rebels shelled a government checkpoint near Hama."
    )
    art = Article(id="t-saraqeb", text=text, date=dt.date(2018, 2, 6), source="Wire")
    doc = analyze_articles([art], Options())[0]
    subs = [e.sub_event_type for e in doc.events]
    assert subs.count("Chemical weapon") == 1
    assert "Air/drone strike" not in subs
    chem = next(e for e in doc.events if e.sub_event_type == "Chemical weapon")
    assert len(chem.evidence) >= 2
