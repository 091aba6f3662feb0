"""Which figure is an event's toll: totals with their breakdown, one victim, coordinated figures,
parts of a total, ranges, figures that count something else.  Own wire-style sentences (no spaCy
model: roles by word order)."""

from __future__ import annotations

from sitrep.extract.events.fields import find_fatalities
from sitrep.extract.events.lexicon import load_lexicon
from sitrep.records import Sentence
from tests.test_events import TUESDAY, build, run


def _tolls(text: str) -> list[int]:
    return [
        f.value for f in find_fatalities(Sentence(index=0, start=0, end=len(text), text=text), load_lexicon())
    ]


def test_a_total_with_its_breakdown_is_the_toll() -> None:
    assert _tolls("At least 19 people including 7 policemen were killed in the blast in Mogadishu.") == [19]
    assert _tolls("Twelve villagers mostly women and children were killed in the raid near Bunia.") == [12]
    assert _tolls("Over 40 recruits many of them teenagers have been killed in Marib this week.") == [40]
    assert _tolls("Nine herders including a boy and two women were killed in Benue.") == [9]
    # a breakdown joined to a total told after it: the total
    assert _tolls("Four medics including a driver were among at least 31 people killed in Kunduz.") == [31]
    # the total's figure after the verb counts part of it: "two of them" is no second toll
    assert _tolls("Fighting erupted in which 17 people were killed two of them paramedics.") == [17]


def test_one_victim_counts_one() -> None:
    assert _tolls("A soldier was killed and two others were wounded near Kidal.") == [1]
    assert _tolls("Militants fired a rocket at the market killing a woman and injuring four others.") == [1]
    assert _tolls("A girl was shot dead at a checkpoint outside Hebron.") == [1]
    # the perpetrator is no victim
    assert _tolls("A gunman killed 7 worshippers at a mosque in Kano.") == [7]
    # headline: the figure after "killed" counts the wounded
    assert 5 not in _tolls("Toddler killed 5 people injured in rocket fire on Kharkiv.")


def test_coordinated_figures_of_the_dead_add_up() -> None:
    assert _tolls("The strike killed 9 civilians and 4 militiamen in Marib.") == [13]
    assert _tolls("It said at least 30 Houthi fighters and 12 soldiers had been killed.") == [42]
    assert _tolls("A boy and a woman were killed by shelling in Donetsk.") == [2]
    assert _tolls("Five children and three women were among those killed.") == [8]
    # the wounded, a new clause or a place are no second figure of the dead
    assert _tolls("The blast killed 5 people and 12 others were wounded.") == [5]
    assert _tolls("The blast killed 5 people and 12 wounded in Jalalabad.") == [5]
    assert _tolls("Gunmen raided 2 villages and 6 people were killed.") == [6]


def test_a_part_of_a_total_is_used_only_without_the_total() -> None:
    assert _tolls("Nine children were among the 31 dead in the Kunduz strike.") == [31]
    (f,) = find_fatalities(
        Sentence(0, 0, 43, "Four children were among those killed there."), load_lexicon()
    )
    assert f.value == 4 and f.partial


def test_a_part_of_the_dead_is_no_toll_and_is_never_lent() -> None:
    (f,) = find_fatalities(Sentence(0, 0, 40, "Three of the dead were women, they said."), load_lexicon())
    assert f.value == 3 and f.partial
    assert _tolls("Two of those killed were aid workers, and 14 people died in all.") == [14]
    doc = build(
        "A car bomb exploded at a busy market in Beledweyne on Tuesday, killing six people."
        " Two of the dead were children.",
        times=[("Tuesday", TUESDAY)],
    )
    (ev,), _ = run(doc)
    # not a second, disagreeing figure of the same event
    assert ev.fatalities == 6 and not ev.conflicts.get("fatalities")


def test_figures_that_count_something_else_are_no_toll() -> None:
    # a number before an article opens no victims phrase ("Updated 312 At least six ...")
    assert _tolls("Updated 312 At least six people were killed in Kabul.") == [6]
    # no verb among the victims words: the vehicles were burned, not killed
    assert _tolls("At least 2 trucks were burned many fighters were killed.") == []
    # "killed" with a figure after it is the active verb: the villages are not the dead
    assert _tolls("The raid on two villages killed 14 herders in Benue.") == [14]
    # a spaced thousands group is no figure of 0
    assert _tolls("Over 1 000 people have been killed and more injured.") == []
    # "killed and injured" counts the casualties, not the dead
    assert _tolls("Shelling Leaves 64 Killed & Injured in Donetsk.") == []
    assert _tolls("About 40 people were killed or wounded in the blast in Kabul.") == []
    assert _tolls("Nine soldiers were killed and 30 injured near Kidal.") == [9]
    # a month name is a date, a word beginning like one is not ("5 martyrs", "7 Marines")
    assert _tolls("Seven Marines were killed in Anbar.") == [7]
    assert _tolls("The strike on 5 March killed 8 people.") == [8]


def test_ranges_qualifiers_and_other_phrasings() -> None:
    assert _tolls("Rebels were accused of killing between 40 and 60 people in Beni.") == [40]
    assert _tolls("The army was accused of killing as many as 200 people in Tigray.") == [200]
    assert _tolls("More than 80 are believed to have been killed in the attack on the camp.") == [80]
    assert _tolls("The death toll from attacks on the city in the past 48 hours has reached 23.") == [23]
    assert _tolls("The suicide bombing left 5 martyrs in Quetta.") == [5]
    assert _tolls("Witnesses described the execution of 11 prisoners near Sirte.") == [11]
    assert _tolls("Seven civilians were martyred when shells hit the market.") == [7]


def test_the_war_as_a_whole_gives_no_toll() -> None:
    assert _tolls("The conflict has claimed the lives of more than 10000 people.") == []
    assert _tolls("More than 350000 people have been killed in Yemen's civil war which began in 2014.") == []


def test_one_victim_told_in_a_sentence_of_its_own_is_lent() -> None:
    doc = build(
        "A car bomb exploded at a busy market in Beledweyne on Tuesday. A woman was killed.",
        times=[("Tuesday", TUESDAY)],
    )
    (ev,), _ = run(doc)
    assert ev.fatalities == 1
    assert "adjacent" in ev.provenance["fatalities"][0].note


def test_deaths_told_with_an_accusation_are_the_incidents_toll() -> None:
    # who did it is a claim (the mention is discarded as attributed); the deaths are reported as fact
    doc = build(
        "Government forces used chemical weapons in Idlib on Tuesday. "
        "Rebels accused the army of killing as many as 70 people.",
        times=[("on Tuesday", TUESDAY)],
    )
    (ev,), discarded = run(doc)
    assert ev.sub_event_type == "Chemical weapon" and ev.fatalities == 70
    assert discarded and all(d.modality == "attributed" for d in discarded)


def test_a_dated_toll_goes_to_an_event_dated_only_by_the_article() -> None:
    doc = build(
        "An air strike hit a crowded market in Idlib. At least 12 people were killed on Tuesday.",
        times=[("on Tuesday", TUESDAY)],
    )
    (ev,), _ = run(doc)
    assert ev.fatalities == 12



def test_the_dead_of_a_group_named_before_are_the_toll() -> None:
    # "of them" refers back to the group attacked: those four are the dead
    assert _tolls("Soldiers fired on the crowd in Mandalay on Friday, killing four of them.") == [4]
    assert _tolls("Gunmen stopped a minibus carrying 18 traders near Kauru and killed three of them.") == [3]
    # a breakdown by kind after "of them" is no toll of its own
    assert _tolls("The blast killed 11 people in Jalalabad, two of them children.") == [11]


def test_words_for_the_dead_after_a_blast_are_its_toll_not_another_event() -> None:
    doc = build(
        "A blast at a mosque in Baidoa on Tuesday has reportedly left 14 militia fighters and "
        "their commander dead.",
        times=[("Tuesday", TUESDAY)],
    )
    events, _ = run(doc)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Remote explosive/landmine/IED", 14)]


def test_a_breakdown_between_commas_and_a_family_add_up() -> None:
    """A breakdown set off by commas is still a breakdown of the total; "a woman and her three
    children" are four dead; "members of one family": the family's "one" is no toll."""
    assert _tolls("At least 31 people, including nine children, were killed in the air raids.") == [31]
    assert _tolls("Six policemen, two of them officers, were killed in the ambush.") == [6]
    assert _tolls("The shell killed a woman and her three children in the village.") == [4]
    assert _tolls("A father and his two sons were killed when a mortar hit their house.") == [3]
    assert _tolls("Eight members of one family were killed when a shell hit their home.") == [8]
    # a woman killed and others wounded is still one dead
    assert _tolls("The shell killed a woman and wounded her three children.") == [1]


def test_a_family_told_by_its_size_is_its_toll() -> None:
    """ "Killing a family of six" is six dead; a family of five "was killed" is five; a family of
    five that fled is no toll."""
    assert _tolls("Jets struck the village of Marin, killing a family of six.") == [6]
    assert _tolls("A family of five was killed when a shell hit their home in Marin.") == [5]
    assert _tolls("A family of five fled the shelling of Marin on Monday.") == []
