"""Page furniture: the links to other stories at the end of a copied page ("Related ...",
"You may also like") are not read, so their headlines make no events; the text stays whole.
Own wire-style texts."""

from __future__ import annotations

import datetime as dt

from sitrep.ingest.furniture import body_end, inline_spans
from sitrep.options import Options
from sitrep.pipeline import analyze_articles
from sitrep.records import Article

BODY = (
    "Army units repelled an attack by militants on positions near the town of Gao in northern Mali "
    "on Tuesday, killing 12 of them, a military source told reporters. The source said the attackers "
    "used pickup trucks and that the fighting lasted several hours before the militants withdrew."
)
FLAT_TAIL = (
    " ... 87 Related Rebels Seize Two Villages Near Kidal After Heavy Fighting "
    "Car Bomb Kills 15 at Market in Menaka"
)
LINE_TAIL = (
    "\n\nYou may also like:\nRebels Seize Two Villages Near Kidal After Heavy Fighting\n"
    "Car Bomb Kills 15 at Market in Menaka\n"
)


def test_a_flattened_related_list_ends_the_body() -> None:
    text = BODY + FLAT_TAIL
    assert body_end(text) == len(BODY)


def test_a_heading_on_its_own_line_ends_the_body() -> None:
    text = BODY + LINE_TAIL
    assert body_end(text) == len(BODY)


def test_without_furniture_the_whole_text_is_the_body() -> None:
    # "related" inside a sentence and "read more" mid-text are not markers
    text = BODY + " Officials said the attack was related to the dispute. Read more about it later."
    assert body_end(text) == len(text)


def test_a_marker_at_the_very_start_does_not_empty_the_article() -> None:
    text = "Related\n" + BODY
    assert body_end(text) == len(text)


def test_headlines_in_a_link_list_make_no_events() -> None:
    art = Article(id="f", text=BODY + FLAT_TAIL, source="test", date=dt.date(2021, 3, 4),
                  date_source="jsonl")
    (doc,) = analyze_articles([art], Options())
    assert doc.events, "the body's clash is still found"
    assert all(ev.location != "Menaka" and ev.fatalities != 15 for ev in doc.events)
    assert all(s.end <= len(BODY) for s in doc.sentences)
    assert all(m.end <= len(BODY) for m in doc.mentions)
    assert art.metadata["body_end"] == len(BODY) and art.text.endswith("Menaka")


INLINE = "READ MORE: Car Bomb Kills 15 at Market in Menaka\n"
AFTER = "Residents said the army later sent reinforcements to the town."


def test_a_link_inside_the_body_is_skipped_and_reading_goes_on() -> None:
    text = BODY + "\n" + INLINE + AFTER
    art = Article(id="i", text=text, source="test", date=dt.date(2021, 3, 4), date_source="jsonl")
    (doc,) = analyze_articles([art], Options())
    link = text.index("READ MORE")
    assert doc.events and all(ev.location != "Menaka" and ev.fatalities != 15 for ev in doc.events)
    assert not any(s.start <= link < s.end for s in doc.sentences)
    assert not any(link <= m.start < link + len(INLINE) for m in doc.mentions)
    assert doc.sentences[-1].text == AFTER, "the body goes on after the link"
    assert art.metadata["skipped_lines"] == [[link, link + len(INLINE) - 1]]


def test_inline_markers_need_a_link_after_them() -> None:
    assert inline_spans("Read more: Rebels Seize Two Villages\nThe army said.") == [(0, 36)]
    assert inline_spans("WATCH: Rebels Seize Two Villages") == [(0, 32)]
    assert inline_spans("Watch - the army said it would read more reports.\n") == []
    assert inline_spans("Readers watched the rally.\nRelated talks went on.") == []
