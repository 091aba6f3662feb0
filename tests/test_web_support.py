"""Hand-built stores for the web, review and browser tests (no NLP model needed).

Wire-style articles about places and dates other than the seeds (Mali 2021, Yemen 2020,
Ukraine 2014), with sentences, entity/time/place/actor mentions, reports with provenance,
merged by the real resolve stage.  One article holds a <script> tag to test escaping.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sitrep import review
from sitrep.options import Options
from sitrep.pipeline import resolve_pending
from sitrep.records import (
    ActorMention,
    Article,
    Document,
    Event,
    Evidence,
    Mention,
    Place,
    PlaceMention,
    Sentence,
    TimeExpression,
)
from sitrep.store.core import Store

PASSWORD = "correct horse battery"
SCRIPT = "<script>window.__pwned = 1</script>"


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for i, part in enumerate(text.split(". ")):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        out.append(Sentence(i, start, min(end, len(text)), text[start:min(end, len(text))]))
        start = end + 1
    return out


def _doc(aid: str, text: str, date: dt.date, outlet: str, spec: dict[str, Any]) -> Document:
    art = Article(id=aid, text=text, title=spec["title"], date=date, date_source="date-line", source=outlet,
                  url=f"https://example.org/{aid}", language="en", content_hash=f"hash-{aid}",
                  origin=f"{aid}.txt", fmt="text", status="processed")
    sents = _sentences(text)

    def sent_of(start: int) -> int:
        return next(s.index for s in sents if s.start <= start < s.end + 1)

    p0, p1 = _span(text, spec["place"])
    t0, t1 = _span(text, spec["time"])
    a0, a1 = _span(text, spec["actor"])
    f0, f1 = _span(text, spec["killed"])
    trig0, trig1 = _span(text, spec["trigger"])
    place = Place(name=spec["place"], latitude=spec["lat"], longitude=spec["lon"], country=spec["country"],
                  admin1=spec["admin1"], feature_class="P", source="test")
    ev = Event(
        event_id=f"R-{aid}-0", article_ids=[aid], event_date=spec["event_date"], time_precision=1,
        disorder_type="Political violence", event_type=spec["type"], sub_event_type=spec["sub"],
        actor1=spec["actor1"], actor2=spec.get("actor2"), country=spec["country"], admin1=spec["admin1"],
        location=spec["place"], latitude=spec["lat"], longitude=spec["lon"], geo_precision=1, source=outlet,
        notes=spec["notes"], fatalities=spec["fatalities"], confidence=0.8,
        provenance={
            "location": [Evidence(aid, sent_of(p0), p0, p1, text[p0:p1], "location")],
            "event_date": [Evidence(aid, sent_of(t0), t0, t1, text[t0:t1], "event_date")],
            "actor1": [Evidence(aid, sent_of(a0), a0, a1, text[a0:a1], "actor1")],
            "fatalities": [Evidence(aid, sent_of(f0), f0, f1, text[f0:f1], "fatalities")],
        },
        evidence=[Evidence(aid, sent_of(trig0), trig0, trig1, text[trig0:trig1])],
    )
    return Document(
        article=art, sentences=sents,
        mentions=[Mention(p0, p1, text[p0:p1], "GPE", sent_of(p0))],
        times=[TimeExpression(t0, t1, text[t0:t1], sent_of(t0), spec["event_date"], spec["event_date"], 1)],
        places=[PlaceMention(p0, p1, text[p0:p1], sent_of(p0), place=place, geo_precision=1, score=0.9)],
        actors=[ActorMention(a0, a1, text[a0:a1], sent_of(a0), actor=spec["actor1"], inter=1)],
        events=[ev],
    )


MALI = dict(title="Attack on army post in central Mali", place="Boni", time="on Tuesday", actor="soldiers",
            trigger="attacked an army post", type="Battles", sub="Armed clash",
            actor1="Military Forces of Mali (2021-)", actor2="Unidentified Armed Group (Mali)",
            country="Mali",
            admin1="Mopti", lat=15.03, lon=-1.93, event_date=dt.date(2021, 3, 2),
            notes="Militants attacked an army post near Boni.")


def make_docs() -> list[Document]:
    mali1 = ("BAMAKO, March 3, 2021 (Wire) - Gunmen attacked an army post near Boni in central Mali "
             "on Tuesday, killing four soldiers. The army said reinforcements were sent.")
    mali2 = ("Mali's army said on Wednesday that militants attacked an army post at Boni on Tuesday. "
             "Five soldiers were killed, a local official said.")
    yemen = ("ADEN, June 13, 2020 - An air strike hit a market in Saada on Friday, killing nine civilians, "
             f"medics said. A banner read {SCRIPT} at the scene. Coalition aircraft were seen overhead.")
    ukraine = ("KHARKIV, May 6, 2014 - Hundreds of demonstrators rallied in Kharkiv on Monday. "
               "Police detained two people, the city council said.")
    return [
        _doc("wire-mali-1", mali1, dt.date(2021, 3, 3), "Wire A",
             {**MALI, "killed": "killing four soldiers", "fatalities": 4}),
        _doc("wire-mali-2", mali2, dt.date(2021, 3, 3), "Wire B",
             {**MALI, "killed": "Five soldiers were killed", "fatalities": 5}),
        _doc("wire-yemen-1", yemen, dt.date(2020, 6, 13), "Wire C",
             dict(title=f"Air strike on market {SCRIPT}", place="Saada", time="on Friday",
                  actor="Coalition aircraft", killed="killing nine civilians", trigger="An air strike hit",
                  type="Explosions/Remote violence", sub="Air/drone strike",
                  actor1="Military Forces of Saudi Arabia", actor2="Civilians (Yemen)", country="Yemen",
                  admin1="Saada", lat=16.94, lon=43.76, event_date=dt.date(2020, 6, 12), fatalities=9,
                  notes="An air strike hit a market in Saada.")),
        _doc("wire-ukraine-1", ukraine, dt.date(2014, 5, 6), "Wire A",
             dict(title="Rally in Kharkiv", place="Kharkiv", time="on Monday", actor="Police",
                  killed="detained two people", trigger="demonstrators rallied", type="Protests",
                  sub="Peaceful protest", actor1="Protesters (Ukraine)", country="Ukraine", admin1="Kharkiv",
                  lat=49.99, lon=36.23, event_date=dt.date(2014, 5, 5), fatalities=0,
                  notes="Hundreds of demonstrators rallied in Kharkiv.")),
    ]


def build_store(db: str) -> Store:
    """A store with the four articles, their merged events and three users (admin, reviewer, viewer)."""
    review.BCRYPT_ROUNDS = 4  # test accounts: the cheapest bcrypt cost keeps the suite fast
    store = Store(db)
    for doc in make_docs():
        store.save_document(doc)
    resolve_pending(store, Options(db=db))
    review.add_user(store, "rita", PASSWORD, "reviewer")
    review.add_user(store, "vic", PASSWORD, "viewer")
    review.add_user(store, "ada", PASSWORD, "admin")
    return store


def event_of(store: Store, article_id: str) -> dict[str, Any]:
    from sitrep.store.core import EventFilter

    rows, _ = store.list_events(EventFilter(article_id=article_id, include_rejected=True))
    assert rows, f"no event for {article_id}"
    return rows[0]


def test_hand_built_documents_are_consistent() -> None:
    for doc in make_docs():
        text = doc.article.text
        for m in [*doc.mentions, *doc.times, *doc.places, *doc.actors]:
            assert text[m.start:m.end] == m.text
        for ev in doc.events:
            for items in ev.provenance.values():
                for e in items:
                    assert e.start is not None and e.end is not None
                    assert text[e.start:e.end] == e.text
        for s in doc.sentences:
            assert text[s.start:s.end] == s.text
