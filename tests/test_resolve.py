"""resolve(): clustering reports across articles (hand-built reports, no NLP)."""

from __future__ import annotations

import random

import pytest

from sitrep.errors import ResolveError, ReviewError
from sitrep.resolve import (
    DECISION_MERGED,
    DECISION_REVIEWER,
    Cluster,
    Constraints,
    ResolveStats,
    explain,
    merge_reports,
    resolve,
)
from tests.resolve_helpers import report

SDF, TFSA = "Syrian Democratic Forces", "Turkish-backed Syrian National Army"


def tal_abyad_clash() -> list:
    return [
        report("wireA-1", "wireA", "2019-10-13", "Armed clash", "Tal Abyad", actor1=TFSA, actor2=SDF,
               fatalities=9, source="Wire A",
               notes="Turkish-backed fighters battled Kurdish-led forces in Tal Abyad on Sunday, "
                     "leaving nine fighters dead, a monitor said."),
        report("wireB-1", "wireB", "2019-10-13", "Armed clash", "Tal Abyad", actor1=SDF, actor2=TFSA,
               fatalities=7, source="Wire B",
               notes="Seven fighters were killed as the SDF fought Ankara's proxies for control of "
                     "Tal Abyad on Sunday."),
        report("local-1", "local", "2019-10-14", "Armed clash", "Tal Abyad", actor1=SDF,
               fatalities=12, source="Local outlet", location="Tell Abiad",
               notes="Twelve dead in Tell Abiad fighting between SDF and Turkish-backed factions."),
    ]


def test_three_reports_of_one_clash_make_one_event() -> None:
    clusters = resolve(tal_abyad_clash())
    assert len(clusters) == 1
    c = clusters[0]
    assert c.event_id == "M-wireA-1"  # founder: earliest date, then id
    assert c.member_ids[0] == "wireA-1" and set(c.member_ids) == {"wireA-1", "wireB-1", "local-1"}
    assert [e.report_id for e in c.explanations] == c.member_ids[1:]
    for e in c.explanations:
        assert e.decision == DECISION_MERGED and e.score >= 0.7
        assert {"type", "actors", "place", "date_overlap", "text_similarity"} <= set(e.features)
    lines = explain(c)
    assert lines[0].startswith("M-wireA-1: 3 reports") and len(lines) == 4
    assert "joined via" in lines[2] and "score" in lines[2]


def test_air_strike_and_clash_same_town_same_day_stay_apart() -> None:
    reports = [
        report("a-1", "a", "2021-02-06", "Air/drone strike", "Gao", actor1="Military Forces of France",
               actor2="JNIM", notes="French jets struck militants near Gao on Saturday."),
        report("b-1", "b", "2021-02-06", "Armed clash", "Gao", actor1="Military Forces of Mali",
               actor2="JNIM", notes="Malian soldiers clashed with jihadists in Gao on Saturday."),
        report("c-1", "c", "2021-02-06", "Air/drone strike", "Gao", actor1="Military Forces of France",
               notes="An air strike hit a militant camp outside Gao on Saturday, the army said."),
    ]
    clusters = resolve(reports)
    assert sorted(sorted(c.member_ids) for c in clusters) == [["a-1", "c-1"], ["b-1"]]


def test_same_place_days_apart_and_far_places_stay_apart() -> None:
    reports = [
        report("a-1", "a", "2020-01-10", "Air/drone strike", "Tel Tamer", actor1="Military Forces of Turkey",
               notes="Drone strike on a car near Tel Tamer."),
        report("b-1", "b", "2020-01-14", "Air/drone strike", "Tel Tamer", actor1="Military Forces of Turkey",
               notes="Drone strike on a car near Tel Tamer."),
        report("c-1", "c", "2020-01-10", "Air/drone strike", "Ain Issa", actor1="Military Forces of Turkey",
               notes="Drone strike on a car near Ain Issa."),
    ]
    assert len(resolve(reports)) == 3


def test_reports_of_the_same_article_never_merge() -> None:
    reports = [
        report("x-1", "x", "2020-05-01", "Armed clash", "Ansongo", actor1="JNIM", actor2="ISGS",
               notes="JNIM and ISGS fighters clashed near Ansongo."),
        report("x-2", "x", "2020-05-01", "Armed clash", "Ansongo", actor1="JNIM", actor2="ISGS",
               notes="JNIM and ISGS fighters clashed near Ansongo again."),
        report("y-1", "y", "2020-05-01", "Armed clash", "Ansongo", actor1="JNIM", actor2="ISGS",
               notes="Rival jihadists JNIM and ISGS clashed near Ansongo."),
    ]
    clusters = resolve(reports)
    for c in clusters:
        arts = [m.split("-")[0] for m in c.member_ids]
        assert len(arts) == len(set(arts))
    assert len(clusters) == 2


def test_actor_mismatch_weighs_more_than_missing_actor() -> None:
    base = report("a-1", "a", "2022-03-02", "Attack", "Baidoa", actor1="Al Shabaab",
                  actor2="Civilians (Somalia)", notes="Gunmen killed two traders in Baidoa market.")
    missing = report("b-1", "b", "2022-03-02", "Attack", "Baidoa",
                     notes="Two traders were shot dead at a market in Baidoa.")
    other = report("c-1", "c", "2022-03-02", "Attack", "Baidoa", actor1="Military Forces of Somalia",
                   notes="Soldiers shot dead two traders at a market in Baidoa.")
    s_missing = resolve([base, missing])
    s_other = resolve([base, other])
    assert len(s_missing) == 1  # one side without an actor still merges on the rest
    assert len(s_other) == 2  # a clear mismatch does not
    from sitrep.resolve.cluster import default_options
    from sitrep.resolve.features import score_pair
    from sitrep.resolve.profile import build_profile

    o = default_options()
    sm = score_pair(build_profile(base, o), build_profile(missing, o), o)
    so = score_pair(build_profile(base, o), build_profile(other, o), o)
    assert sm and so and sm[1]["actors"] > so[1]["actors"] == 0.0


def test_region_level_report_matches_town_report_in_region() -> None:
    town = report("a-1", "a", "2019-11-02", "Armed clash", "Ain Issa", actor1=SDF, actor2=TFSA,
                  notes="Fighting raged around Ain Issa.")
    region = report("b-1", "b", "2019-11-02", "Armed clash", "Raqqa governorate", actor1=SDF, actor2=TFSA,
                    precision=3, notes="Fighting raged in the Raqqa countryside.")
    # ~50 km apart: beyond a town allowance, within a region one
    assert len(resolve([town, region])) == 1
    assert len(resolve([region, town])) == 1


def test_incremental_attach_keeps_ids_and_members() -> None:
    first = tal_abyad_clash()[:2]
    clusters = resolve(first)
    assert len(clusters) == 1
    late = tal_abyad_clash()[2]
    other = report("z-1", "z", "2019-10-13", "Peaceful protest", "Gao", notes="Protest in Gao.")
    again = resolve([*first, late, other], existing=clusters)
    by_id = {c.event_id: c for c in again}
    assert by_id["M-wireA-1"].member_ids == [*clusters[0].member_ids, "local-1"]
    assert by_id["M-wireA-1"].explanations[:1] == clusters[0].explanations
    assert "M-z-1" in by_id
    # existing clusters are not modified in place
    assert clusters[0].member_ids == ["wireA-1", "wireB-1"]
    # running again with the result as existing changes nothing
    assert resolve([*first, late, other], existing=again) == again


def test_incremental_with_members_not_passed_keeps_them() -> None:
    clusters = resolve(tal_abyad_clash()[:2])
    # only the new report is given: the cluster stays, the new one cannot be compared to it
    out = resolve([tal_abyad_clash()[2]], existing=clusters)
    assert {tuple(c.member_ids) for c in out} == {("wireA-1", "wireB-1"), ("local-1",)}


def test_deterministic_whatever_the_input_order() -> None:
    reports = [
        *tal_abyad_clash(),
        report("a-1", "a", "2021-02-06", "Air/drone strike", "Gao", actor1="Military Forces of France"),
        report("c-1", "c", "2021-02-06", "Air/drone strike", "Gao", actor1="Military Forces of France"),
        report("u-1", "u", None, "Armed clash", "Tal Abyad", actor1=SDF, actor2=TFSA),
    ]
    expected = resolve(reports)
    rng = random.Random(7)
    for _ in range(5):
        shuffled = reports[:]
        rng.shuffle(shuffled)
        assert resolve(shuffled) == expected


def test_cannot_link_splits_and_survives_reruns() -> None:
    reports = tal_abyad_clash()
    clusters = resolve(reports)
    cons = Constraints(cannot_link={frozenset(("wireA-1", "wireB-1"))})
    split = resolve(reports, existing=clusters, constraints=cons)
    where = {m: c.event_id for c in split for m in c.member_ids}
    assert where["wireA-1"] == "M-wireA-1"  # the founder keeps the event id
    assert where["wireB-1"] != where["wireA-1"]
    # and from scratch too
    fresh = {m: c.event_id for c in resolve(reports, constraints=cons) for m in c.member_ids}
    assert fresh["wireB-1"] != fresh["wireA-1"]
    # re-running keeps the split
    assert resolve(reports, existing=split, constraints=cons) == split


def test_must_link_merges_and_survives_reruns() -> None:
    a = report("a-1", "a", "2020-01-10", "Air/drone strike", "Tel Tamer", actor1="Military Forces of Turkey")
    b = report("b-1", "b", "2020-01-14", "Air/drone strike", "Tel Tamer", actor1="Military Forces of Turkey")
    c = report("c-1", "c", "2020-01-14", "Air/drone strike", "Tel Tamer", actor1="Military Forces of Turkey")
    clusters = resolve([a, b, c])
    assert len(clusters) == 2  # days apart
    cons = Constraints(must_link={frozenset(("a-1", "c-1"))})
    merged = resolve([a, b, c], existing=clusters, constraints=cons)
    assert len(merged) == 1 and merged[0].event_id == "M-a-1"
    expl = {e.report_id: e for e in merged[0].explanations}
    assert expl["c-1"].decision == DECISION_REVIEWER and expl["c-1"].matched_report_id == "a-1"
    assert expl["b-1"].matched_report_id == "c-1"  # the tree was turned to hang on the link
    assert resolve([a, b, c], existing=merged, constraints=cons) == merged
    fresh = resolve([a, b, c], constraints=cons)
    assert len(fresh) == 1 and fresh[0].event_id == "M-a-1"


def test_conflicting_constraints_are_refused() -> None:
    cons = Constraints(must_link={frozenset(("a", "b")), frozenset(("b", "c"))},
                       cannot_link={frozenset(("a", "c"))})
    with pytest.raises(ReviewError):
        resolve([], constraints=cons)


def test_bad_input_is_refused() -> None:
    r = report("a-1", "a", "2020-01-10", "Armed clash", "Gao")
    with pytest.raises(ResolveError):
        resolve([r, r])
    merged = report("m-1", "a", "2020-01-10", "Armed clash", "Gao")
    merged.article_ids = ["a", "b"]
    with pytest.raises(ResolveError):
        resolve([merged])
    with pytest.raises(ResolveError):
        resolve([r], existing=[Cluster("M-x", ["a-1"]), Cluster("M-y", ["a-1"])])


def test_blocking_does_not_compare_every_pair() -> None:
    rng = random.Random(3)
    places = ["Tal Abyad", "Ain Issa", "Tel Tamer", "Gao", "Ansongo", "Baidoa"]
    reports = []
    for i in range(600):
        day = f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        reports.append(report(f"r{i}", f"art{i}", day, "Armed clash", rng.choice(places),
                              actor1="Group A", actor2="Group B"))
    stats = ResolveStats()
    resolve(reports, stats=stats)
    all_pairs = 600 * 599 // 2
    assert stats.comparisons < all_pairs / 20
    assert stats.comparisons > 0 and stats.reports == 600


def test_undated_report_needs_the_same_location_name_and_strong_evidence() -> None:
    dated = tal_abyad_clash()[0]
    same = report("u-1", "u", None, "Armed clash", "Tal Abyad", actor1=TFSA, actor2=SDF,
                  notes="Turkish-backed fighters battled Kurdish-led forces in Tal Abyad, "
                        "leaving nine fighters dead.")
    weak = report("u-2", "v", None, "Armed clash", "Tal Abyad", notes="Clashes in the area.")
    clusters = resolve([dated, same, weak])
    where = {m: c.event_id for c in clusters for m in c.member_ids}
    assert where["u-1"] == where["wireA-1"] and where["u-2"] != where["wireA-1"]


def test_reports_naming_one_side_each_are_not_a_mismatch() -> None:
    from sitrep.resolve.cluster import default_options
    from sitrep.resolve.features import actor_score
    from sitrep.resolve.profile import build_profile

    o = default_options()
    one = build_profile(report("a-1", "a", "2019-10-13", "Armed clash", "Ain Issa", actor1=SDF), o)
    other = build_profile(report("b-1", "b", "2019-10-13", "Armed clash", "Ain Issa", actor1=TFSA), o)
    both = build_profile(report("c-1", "c", "2019-10-13", "Armed clash", "Ain Issa", actor1="Islamic State",
                                actor2="Military Forces of Iraq"), o)
    assert 0.0 < actor_score(one, other, o) < o.actors_missing
    assert actor_score(one, both, o) == 0.0


def test_region_level_report_does_not_match_a_neighbouring_region() -> None:
    town = report("a-1", "a", "2019-11-02", "Armed clash", "Tel Tamer", actor1=SDF, actor2=TFSA,
                  notes="Fighting raged around Tel Tamer.")
    region = report("b-1", "b", "2019-11-02", "Armed clash", "Raqqa governorate", actor1=SDF, actor2=TFSA,
                    precision=3, notes="Fighting raged in the Raqqa countryside.")
    region.latitude, region.longitude = 36.4, 39.9  # a centroid ~40 km from Tel Tamer, still another region
    assert len(resolve([town, region])) == 2


def test_a_pair_needs_a_place_or_a_day() -> None:
    a = report("a-1", "a", "2020-04-10", "Air/drone strike", None, actor1="Military Forces of Russia",
               actor2="Civilians (Syria)", notes="Russian jets killed civilians.")
    b = report("b-1", "b", "2020-04-01", "Air/drone strike", None, actor1="Military Forces of Russia",
               actor2="Civilians (Syria)", notes="Russian jets killed civilians.")
    b.event_date_end = b.event_date.replace(day=30)  # "in April"
    c = report("c-1", "c", "2020-04-10", "Air/drone strike", None, actor1="Military Forces of Russia",
               actor2="Civilians (Syria)", notes="Russian jets killed civilians.")
    for ev in (a, b, c):
        ev.country = "Syria"  # only the country is known: blocked on (country, day)
    assert len(resolve([a, b])) == 2  # no place on either side and a day inside a month
    assert len(resolve([a, c])) == 1  # the same day is an anchor


def test_attackers_outlets_confuse_do_not_split_one_strike() -> None:
    # the same raid on the same town and day, one outlet naming Russian jets, the other Syrian ones
    russian = report("a-1", "a", "2022-03-02", "Air/drone strike", "Tel Tamer", fatalities=12,
                     actor1="Military Forces of Russia (2000-)", actor2="Civilians (Syria)",
                     notes="Russian warplanes struck the market in Tel Tamer. Fatalities: 12.")
    syrian = report("b-1", "b", "2022-03-02", "Air/drone strike", "Tel Tamer", fatalities=9,
                    actor1="Military Forces of Syria (2000-)", actor2="Civilians (Syria)",
                    notes="Syrian government jets hit a market in Tel Tamer. Fatalities: 9.")
    (merged,) = resolve([russian, syrian])
    ev = merge_reports(merged.event_id, [russian, syrian])
    assert {e["value"] for e in ev.conflicts["actor1"]} == {
        "Military Forces of Russia (2000-)", "Military Forces of Syria (2000-)"}
    assert ev.fatalities == 9 and "Fatalities: 9 (the lowest reported)." in ev.notes
    # actors outside the confusable groups stay a mismatch
    rebels = report("c-1", "c", "2022-03-02", "Air/drone strike", "Tel Tamer",
                    actor1="Hayat Tahrir al-Sham", actor2="Civilians (Syria)",
                    notes="A drone launched by rebels hit a market in Tel Tamer.")
    assert len(resolve([russian, rebels])) == 2
