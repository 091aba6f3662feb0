"""Store tests against both backends: SQLite and a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.records import Article, Document, Event, Evidence, Mention, Sentence
from sitrep.store.core import EventFilter, Store
from sitrep.store.migrate import current_revision


def _doc(
    aid: str = "a1", text: str = "Clashes broke out in Manbij on Monday. Seven were killed."
) -> Document:
    art = Article(
        id=aid,
        text=text,
        title="t",
        date=dt.date(2019, 4, 2),
        content_hash=f"h-{aid}",
        status="processed",
        source="AFP",
    )
    sents = [Sentence(0, 0, 38, text[0:38]), Sentence(1, 39, len(text), text[39:])]
    ments = [Mention(21, 27, "Manbij", "GPE", 0)]
    ev = Event(
        event_id=f"r-{aid}",
        article_ids=[aid],
        event_date=dt.date(2019, 4, 1),
        time_precision=1,
        event_type="Battles",
        sub_event_type="Armed clash",
        location="Manbij",
        latitude=36.5,
        longitude=37.95,
        fatalities=7,
        source="AFP",
        evidence=[Evidence(aid, 0, 0, 38, text[0:38])],
    )
    return Document(article=art, sentences=sents, mentions=ments, events=[ev])


def test_migrations_and_roundtrip(db_url: str) -> None:
    st = Store(db_url)
    assert current_revision(st.engine) is not None
    doc = _doc()
    st.save_document(doc)
    art = st.get_article("a1")
    assert art["text"] == doc.article.text
    for m in art["mentions"]:
        assert art["text"][m["start"] : m["end"]] == m["text"]
    assert [r["event_id"] for r in art["reports"]] == ["r-a1"]
    assert st.unresolved_reports()[0].event_date == dt.date(2019, 4, 1)
    # saving again replaces, never duplicates
    st.save_document(doc)
    assert st.stats()["reports"] == 1
    assert st.stats()["sentences"] == 2
    # a second open of the same store is a no-op migration
    Store(db_url)


def test_write_events_and_filters(db_url: str) -> None:
    st = Store(db_url)
    st.save_document(_doc("a1"))
    st.save_document(_doc("a2", "Air strikes hit Baghouz on Sunday, killing nine people in total."))
    reports = st.unresolved_reports()
    st.write_events(
        [(reports[0], [(reports[0].event_id, None)]), (reports[1], [(reports[1].event_id, None)])]
    )
    assert st.unresolved_reports() == []
    rows, total = st.list_events(EventFilter(location="manbij"))
    assert total == 2  # both hand-built reports say Manbij
    rows, total = st.list_events(EventFilter(date_from=dt.date(2019, 4, 2)))
    assert total == 0
    rows, total = st.list_events(EventFilter(bbox=(37.0, 36.0, 38.0, 37.0)))
    assert total == 2
    ev = st.get_event(rows[0]["event_id"])
    assert ev["members"] and ev["members"][0]["article_id"] in ("a1", "a2")
    stats = st.event_stats()
    assert stats["by_type"] == {"Battles": 2}


def test_not_found(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sitrep.errors import NotFoundError

    st = Store(str(tmp_path / "x.db"))
    with pytest.raises(NotFoundError, match="nope"):
        st.get_article("nope")
