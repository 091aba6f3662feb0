"""Sub-type wordings added in session 13 (2026-11-24): territory that falls to someone, a place
recovered or liberated from someone, peace deals in articles that name no armed group by name,
fights between rival supporters, blasts told as attacks, people seized, civilians killed at a
military site (docs/EVENTS.md, "Sub-type wordings").  Every sentence is our own wire-style example."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import Article, Document

pytestmark = pytest.mark.model

GOV = "Government regains territory"
NSO = "Non-state actor overtakes territory"
AGREEMENT = "Agreement"
MOB = "Mob violence"
IED = "Remote explosive/landmine/IED"
DISRUPTED = "Disrupted weapons use"
ATTACK = "Attack"
CLASH = "Armed clash"
ABDUCTION = "Abduction/forced disappearance"
ARRESTS = "Arrests"
CHANGE = "Change to group/activity"


def analyze(text: str) -> Document:
    art = Article(id="s13", text=text, date=dt.date(2024, 6, 3), source="Wire")
    return analyze_articles([art], Options(progress=False))[0]


def lead(text: str) -> str | None:
    events = sorted(analyze(text).events, key=lambda e: e.evidence[0].start or 0)
    return events[0].sub_event_type if events else None


CASES = [
    # a place that fell to someone: what fell is the place, who it fell to took it
    ("The border town fell to army units on Sunday after a week-long siege, officers said.", GOV),
    ("The provincial capital fell to the insurgents overnight, residents said.", NSO),
    # the liberation or recapture of a place from someone: the "from" side lost it
    ("Troops celebrated the recapture of the airfield from the rebels on Friday.", GOV),
    # control restored, told at the end of the clause
    ("Government soldiers drove the militia from the hills and restored state control on Monday.", GOV),
    # a place recovered from an armed group (not "recovered the bodies")
    ("Somali troops recovered the coastal town from al-Shabaab fighters after a dawn assault.", GOV),
    # "taking" with a place as its object
    ("Army troops pressed their offensive, taking three villages east of the river.", GOV),
    # a peace deal is no business deal, even where the sides are named only as "warring"
    ("The warring parties signed a peace agreement in the capital after months of mediation.", AGREEMENT),
    ("Elders brokered a reconciliation between two feuding clans in the district.", AGREEMENT),
    # unarmed camps fighting each other: no armed group, no demonstration
    ("Rival groups of party supporters fought with clubs outside the polling centre.", MOB),
    ("Clashes between supporters of rival candidates left one man dead in the market town.", MOB),
    # a blast told as an attack on a place, with no armed group named
    ("An explosion tore through a busy bus terminal on Friday, killing six travellers.", IED),
    ("A farmer was killed when his tractor hit a mine while ploughing a field.", IED),
    # explosives made safe
    ("Sappers safely detonated a car bomb found outside the municipal building.", DISRUPTED),
    ("Three roadside bombs were neutralised by army engineers on the highway.", DISRUPTED),
    # people seized: by a non-state group an abduction, by the state an arrest
    ("Bandits seized 20 travellers from two buses on the highway and led them into the bush.", ABDUCTION),
    ("Border guards seized 14 fishermen whose boats had strayed into the lagoon.", ARRESTS),
    # civilians killed at a military site are civilians attacked; a site attacked is a clash
    ("Troops killed three farmers at a roadblock, relatives said.", ATTACK),
    ("Gunmen attacked an army roadblock, killing two soldiers.", CLASH),
    # an armed group wound up
    ("The militia announced the dissolution of its armed wing at a ceremony.", CHANGE),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[1] + ":" + c[0][:40] for c in CASES])
def test_session13_wordings(text: str, want: str) -> None:
    assert lead(text) == want


NO_EVENT = [
    # business and everyday senses stay out
    "The two firms reached a supply deal worth $40 million on Tuesday.",
    # a gas explosion is an accident
    "A gas explosion tore through an apartment block on Friday, killing four residents.",
    # damage a weapon did is that weapon's event: no looting
    "The blast damaged several shops, firefighters said.",
    # recovered from the rubble is no territory
    "Rescuers recovered the bodies from the rubble of the collapsed school.",
]


@pytest.mark.parametrize("text", NO_EVENT, ids=[t[:40] for t in NO_EVENT])
def test_session13_no_event(text: str) -> None:
    events = analyze(text).events
    assert not [e.sub_event_type for e in events if e.event_type != "Strategic developments"], events
