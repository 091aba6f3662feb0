"""Within-article precision: background, generic, cumulative and anaphoric mentions are no events.

Own wire-style sentences (other wars and places than the development sets), and a small gold set
(tests/data/precision) scored with sitrep.evaluate.events.evaluate_events."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitrep.evaluate.events import evaluate_events
from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import Article, Document

pytestmark = pytest.mark.model

DATA = Path(__file__).parent / "data" / "precision"


# optional rules shipped empty (modality.yaml `background`; `anaphoric` is shipped): loaded from a data dir
RULES = Options(progress=False, data_dirs=(str(DATA / "rules"),))


def analyze(
    text: str, date: dt.date | None = dt.date(2021, 6, 10), options: Options | None = None
) -> Document:
    art = Article(id="bg1", text=text, date=date, source="Wire")
    return analyze_articles([art], options or Options(progress=False))[0]


def subs(doc: Document) -> list[str]:
    return [e.sub_event_type or "" for e in doc.events]


def test_fighting_in_the_war_as_a_whole_is_generic() -> None:
    doc = analyze(
        "Hezbollah fighters battling rebels in Syria's civil war have suffered heavy losses, analysts say."
    )
    assert "Armed clash" not in subs(doc)
    doc = analyze("The Taliban have been fighting the Kabul government for nearly two decades.")
    assert subs(doc) == []


def test_the_war_as_subject_is_generic() -> None:
    doc = analyze("The war has grown more complex with Kurdish militias battling Turkish-backed factions.")
    assert subs(doc) == []


def test_war_toll_in_a_relative_clause_is_no_event_and_no_toll() -> None:
    doc = analyze(
        "Government troops battling Tigrayan forces in a year-long war that has killed more than "
        "5000 people routinely call in air strikes."
    )
    assert all(e.fatalities != 5000 for e in doc.events)
    assert doc.events == []
    doc = analyze("Yemen's war, which has killed more than 150,000 people, shows no sign of ending.")
    assert doc.events == []


def test_habitual_and_definitional_statements_are_generic() -> None:
    doc = analyze("Improvised explosive devices are crude weapons often buried under dirt roads.")
    assert doc.events == []
    doc = analyze("Separatist units routinely shell Ukrainian positions along the front line.")
    assert doc.events == []
    doc = analyze("Over the past month the militia has carried out repeated raids on the camps.")
    assert doc.events == []


def test_the_violence_asked_to_stop_is_no_incident() -> None:
    # what a call or a lull is about is the ongoing violence, not one event; the strike told
    # beside it still is one
    doc = analyze(
        "Relief agencies appealed for a pause in the bombing of Marib so that the wounded could leave. "
        "The envoy demanded an end to the shelling. A lull in the fighting let families flee. "
        "Houthi rebels shelled the town of Harib on Tuesday, killing three people."
    )
    assert [e.sub_event_type for e in doc.events] == ["Shelling/artillery/missile attack"]
    assert doc.events[0].fatalities == 3


def test_state_and_setting_clauses_are_background() -> None:
    doc = analyze("Government forces are on the offensive against Al-Shabaab in the Middle Shabelle region.")
    assert doc.events == []
    doc = analyze("The abduction comes as troops press an offensive against bandits in Katsina state.")
    assert "Armed clash" not in subs(doc)


def test_threat_in_the_clause_is_future() -> None:
    doc = analyze(
        "The militia said on Monday it was threatening to hit two towns it has surrounded with rockets."
    )
    assert doc.events == []


def test_an_event_dated_ahead_right_after_its_word_is_future() -> None:
    doc = analyze("Riot police detained six students on Monday ahead of union marches next week.")
    assert subs(doc) == ["Arrests"]
    assert any(e.modality == "future" and "march" in e.evidence[0].text.lower() for e in doc.discarded)
    # "the next day" is told from the past
    assert "Armed clash" in subs(analyze("Fighting resumed the next day near the dam, killing two soldiers."))


def test_an_agreement_in_force_is_the_setting_not_an_event() -> None:
    doc = analyze("Aid deliveries to the region have stayed limited despite the ceasefire.", options=RULES)
    assert "Agreement" not in subs(doc)
    doc = analyze(
        "A ceasefire in force since March does not cover areas held by the jihadists.", options=RULES
    )
    assert "Agreement" not in subs(doc)
    # a new agreement stays one
    doc = analyze("Sudan's army and the rebels signed a ceasefire in Juba on Wednesday.", options=RULES)
    assert "Agreement" in subs(doc)
    # the shipped rules leave `background` empty
    assert "Agreement" in subs(analyze("Aid deliveries have stayed limited despite the ceasefire."))


@pytest.mark.parametrize("options", [RULES, None])
def test_a_reference_back_is_evidence_of_the_event(options: Options | None) -> None:
    # `anaphoric` is shipped (2026-11-26); the data dir repeats it, which changes nothing
    doc = analyze(
        "Gunmen attacked a police post in Kidal on Wednesday, killing four officers, officials said. "
        "Those killed included the post commander. "
        "Wednesday's attack comes amid rising insecurity in northern Mali, where jihadist groups are active.",
        options=options,
    )
    assert len(doc.events) == 1
    assert {x.sentence_index for x in doc.events[0].evidence} == {0, 2}
    # the country of the setting ("in northern Mali") does not replace the town of the attack
    assert doc.events[0].location == "Kidal"


def test_a_reference_back_keeps_the_place_of_the_event_not_of_its_setting() -> None:
    # Helmand is where the setting happens, not the shelling: one event, in Kunduz
    doc = analyze(
        "Militants shelled a market in Kunduz on Monday, killing five civilians, police said. "
        "The shelling comes as government forces push against the Taliban in Helmand province."
    )
    assert [(e.sub_event_type, e.location, e.fatalities) for e in doc.events] == [
        ("Shelling/artillery/missile attack", "Kunduz", 5)
    ]
    assert {x.sentence_index for x in doc.events[0].evidence} == {0, 1}


def test_a_reference_back_alone_stays_an_event() -> None:
    doc = analyze(
        "The attack came after talks between the two clans broke down, elders in Baidoa said.", options=RULES
    )
    assert len(doc.events) <= 1


def test_headline_folds_into_the_lead() -> None:
    doc = analyze(
        "Nigerian Troops Kill 9 Boko Haram Terrorists Near Bama\n"
        "Nigerian troops killed nine Boko Haram fighters in a clash near Bama in Borno state on "
        "Wednesday, the army said."
    )
    assert len(doc.events) == 1
    assert doc.events[0].sub_event_type == "Armed clash"


def test_toll_goes_to_the_violent_event() -> None:
    doc = analyze(
        "After jihadists attacked the market in Djibo on Tuesday, killing 14 villagers, troops were "
        "deployed to the town."
    )
    tolls = {e.sub_event_type: e.fatalities for e in doc.events}
    assert tolls.pop("Change to group/activity") is None
    assert list(tolls.values()) == [14]


@pytest.mark.parametrize(("with_rules", "floor"), [(False, 0.85), (True, 0.85)])
def test_precision_gold_set(tmp_path: Path, with_rules: bool, floor: float) -> None:
    rows = [json.loads(line) for line in (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    arts = [
        Article(id=r["id"], text=r["text"], date=dt.date.fromisoformat(r["date"]), source=r["source"])
        for r in rows
    ]
    out = tmp_path / "events.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for doc in analyze_articles(arts, RULES if with_rules else Options(progress=False)):
            for e in doc.events:
                fh.write(json.dumps(e.to_dict(), default=str) + "\n")
    res = evaluate_events(DATA / "gold.jsonl", out)["overall"]
    # 2026-11-25: 14 gold events, 13 matched (the Mali ambush is placed in "Mali": the gazetteer has
    # no Boni); predicted 18 with the shipped rules (precision 0.72), 15 with the optional
    # `background`/`anaphoric` rules (0.87: the Congo headline, dated by the article, stays apart
    # from its lead told "on Wednesday"); without this pass's rules 23 (0.57).
    # 2026-11-26: `anaphoric` shipped (a reference back keeps its event's place, not its setting's):
    # 15 predicted with the shipped rules (0.87), 15 with the optional ones
    assert res["precision"] >= floor
    assert res["recall"] >= 0.9


def test_a_past_deed_describing_an_actor_is_no_incident() -> None:
    # the justification given by one side: the relative clause characterises the target
    doc = analyze(
        'Ethiopian state television said the army had struck "militants" that had attacked its bases.'
    )
    assert "Armed clash" not in subs(doc)
    assert any(e.modality == "generic" for e in doc.discarded)
    # the main clause is the incident; the described deed under it is no second event
    doc = analyze("Soldiers shot dead two militants who had stormed a village near Maiduguri.")
    assert subs(doc) == ["Armed clash"]
    assert doc.events[0].fatalities == 2
    doc = analyze("Police killed three gunmen who had attacked a checkpoint in Kano.")
    assert subs(doc) == ["Armed clash"] and doc.events[0].fatalities == 3


def test_a_described_deed_with_its_own_date_is_an_event() -> None:
    doc = analyze("Police killed three gunmen who had attacked a checkpoint in Kano on Monday.")
    assert doc.events and doc.events[0].event_date == dt.date(2021, 6, 7)
