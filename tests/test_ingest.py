"""Ingest of each format: plain text, HTML, RSS/Atom, JSON Lines, JSON lists, gzip, stdin, directories."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

from sitrep.errors import MalformedInputError
from sitrep.ingest import content_hash
from sitrep.records import Article
from tests.test_ingest_helpers import articles, errors, one_article, one_error, read_all, skipped

WIRE = (
    "Gunmen kill three police officers in Kandahar ambush\n"
    "KANDAHAR, Afghanistan - Gunmen ambushed a police patrol on the outskirts of Kandahar on Monday, "
    "killing three officers, a provincial spokesman said.\n\n"
    "The Taliban claimed responsibility for the attack.\n"
)


# --- plain text -----------------------------------------------------------


def test_text_with_date_line_alone_then_title(tmp_path: Path) -> None:
    f = tmp_path / "kandahar.txt"
    f.write_text("date 2019-10-21\n" + WIRE, encoding="utf-8")
    a = one_article(f)
    assert a.date == dt.date(2019, 10, 21) and a.date_source == "date-line"
    assert a.text == WIRE  # the date line is gone, everything else is as written
    assert a.title == "Gunmen kill three police officers in Kandahar ambush"
    assert (a.id, a.fmt, a.origin) == ("kandahar.txt", "text", str(f))
    assert a.content_hash == content_hash(WIRE) and a.language == "en"


def test_text_date_prefix_on_first_sentence_is_stripped(tmp_path: Path) -> None:
    body = (
        "Two rockets hit a military base near Erbil on Friday, a Kurdish security official said.\n\n"
        "There were no casualties, he said."
    )
    f = tmp_path / "erbil.txt"
    f.write_text("   date 2019-08-16 " + body, encoding="utf-8")
    a = one_article(f)
    assert a.date == dt.date(2019, 8, 16)
    assert a.text == body and not a.text.startswith("date")
    assert a.title is None  # the first line is a sentence, not a headline


def test_text_without_date_line_has_no_date_and_keeps_title_line(tmp_path: Path) -> None:
    f = tmp_path / "undated.txt"
    f.write_text(WIRE, encoding="utf-8")
    a = one_article(f)
    assert a.date is None and a.date_source is None  # never today's date nor the file time
    assert a.title == "Gunmen kill three police officers in Kandahar ambush"
    assert a.text == WIRE and a.text.startswith(a.title)


def test_text_single_paragraph_or_hard_wrapped_has_no_title(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Police arrested four men in Tripoli on Sunday, officials said.\n")
    (tmp_path / "b.txt").write_text(
        "Security forces in Benghazi said on Thursday they had arrested four\n"
        "men suspected of planning an attack on a checkpoint.\n"
    )
    assert [a.title for a in articles(read_all(tmp_path))] == [None, None]


def test_text_word_date_at_start_is_not_a_date_line(tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_text("Date of the Aden attack remains unclear\nOfficials gave no details.\n")
    a = one_article(f)
    assert a.date is None and a.text.startswith("Date of the Aden attack")


def test_text_impossible_date_line_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    f.write_text("date 2019-13-40\nFighting continued in Sirte.\n")
    err = one_error(f)
    assert isinstance(err.error, MalformedInputError)
    assert str(f) in str(err.error) and "YYYY-MM-DD" in str(err.error)


def test_text_normalised_crlf_and_nfc(tmp_path: Path) -> None:
    f = tmp_path / "crlf.txt"
    f.write_bytes(
        "date 2019-02-01\r\nCafe\u0301 owner shot in Homs\r\nHe died later, medics said.\r\n".encode()
    )
    a = one_article(f)
    assert "\r" not in a.text
    assert a.text.startswith("Café owner shot in Homs\n")  # NFC: one code point for é
    assert a.title == "Café owner shot in Homs"


def test_text_in_windows_1252_is_decoded(tmp_path: Path) -> None:
    text = "Café bombing in Kirkuk – “five dead”, police said.\nThe blast hit the café at noon.\n"
    f = tmp_path / "cp1252.txt"
    f.write_bytes(text.encode("cp1252"))
    assert one_article(f).text == text


def test_text_with_utf8_bom_and_utf16(tmp_path: Path) -> None:
    text = "date 2019-03-03\nShelling hit Maarat al-Numan on Sunday, residents said.\n"
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    arts = articles(read_all(tmp_path))
    assert len(arts) == 2
    assert all(a.date == dt.date(2019, 3, 3) and a.text.startswith("Shelling") for a in arts)


# --- HTML -----------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head>
<title>Car bomb kills eight in Somali capital | Horn Observer</title>
<meta property="og:site_name" content="Horn Observer">
<meta property="article:published_time" content="2019-07-24T21:15:00+03:00">
<link rel="canonical" href="https://horn-observer.example/2019/07/24/mogadishu-bomb">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/africa">Africa</a></li><li>Subscribe now</li></ul></nav>
<article><h1>Car bomb kills eight in Somali capital</h1>
<p>A car bomb exploded near a checkpoint close to the presidential palace in Mogadishu on Wednesday,
killing at least eight people, a police officer said.</p>
<p>"The explosion destroyed several vehicles and shops," Captain Abdi Nur told reporters at the scene.</p>
<p>Al Shabaab said it carried out the attack, which came days after the group stormed a hotel in Kismayo.</p>
</article>
<footer>Copyright Horn Observer. Cookie settings. Privacy policy.</footer>
</body></html>"""


def test_html_page(tmp_path: Path) -> None:
    f = tmp_path / "mogadishu.html"
    f.write_text(PAGE, encoding="utf-8")
    a = one_article(f)
    assert a.fmt == "html" and a.id == "mogadishu.html"
    assert a.date == dt.date(2019, 7, 24) and a.date_source == "html-meta"  # as written, not UTC
    assert a.title is not None and a.title.startswith("Car bomb kills eight")
    assert a.url == "https://horn-observer.example/2019/07/24/mogadishu-bomb"
    assert a.source == "Horn Observer"
    assert "killing at least eight people" in a.text
    assert "Subscribe now" not in a.text and "Cookie settings" not in a.text


def test_html_without_date_has_no_date(tmp_path: Path) -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2019-07-24T21:15:00+03:00">', "")
    page = page.replace("/2019/07/24/", "/news/")
    f = tmp_path / "nodate.htm"
    f.write_text(page)
    a = one_article(f)
    assert a.date is None and a.date_source is None


def test_html_without_article_text_or_broken_is_malformed(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body></body></html>")
    (tmp_path / "menu.html").write_text("<html><body><nav>Home | News</nav></body></html>")
    (tmp_path / "junk.html").write_text("<<<>>><html><<<<<<")
    errs = errors(read_all(tmp_path))
    assert len(errs) == 3
    assert all(isinstance(e.error, MalformedInputError) for e in errs)
    assert all("no article text" in str(e.error) for e in errs)


def test_xml_extension_with_html_content_is_read_as_html(tmp_path: Path) -> None:
    f = tmp_path / "page.xml"
    f.write_text(PAGE)
    assert one_article(f).fmt == "html"


# --- feeds ----------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Andes Monitor</title><link>https://andes.example</link>
<item><title>Soldiers killed in ambush in Colombia's Cauca</title>
<link>https://andes.example/2019/04/cauca</link><guid>andes-2019-04-0001</guid>
<pubDate>Tue, 02 Apr 2019 23:30:00 -0500</pubDate>
<description><![CDATA[<p>Three soldiers were killed in an ambush by <b>FARC dissidents</b> in Cauca
&amp; two were wounded, the army said.</p><p>"We will find them," a general said.</p>]]></description></item>
<item><title>Empty item</title><link>https://andes.example/2019/04/empty</link>
<pubDate>Wed, 03 Apr 2019 10:00:00 -0500</pubDate></item>
<item><title>Protest in Quito</title><link>https://andes.example/2019/04/quito</link>
<description>Thousands marched in Quito on Wednesday against fuel price rises.</description></item>
</channel></rss>"""


def test_rss_feed_entries(tmp_path: Path) -> None:
    f = tmp_path / "andes.rss"
    f.write_text(RSS)
    items = read_all(f)
    arts, errs = articles(items), errors(items)
    assert [a.id for a in arts] == ["andes-2019-04-0001", "https://andes.example/2019/04/quito"]
    first = arts[0]
    assert first.fmt == "feed" and first.date_source == "feed"
    assert first.date == dt.date(2019, 4, 2)  # the publisher's date, not the UTC date (April 3)
    assert first.title == "Soldiers killed in ambush in Colombia's Cauca"
    assert first.url == "https://andes.example/2019/04/cauca" and first.source == "Andes Monitor"
    assert "<b>" not in first.text and "FARC dissidents in Cauca\n& two" not in first.text
    assert "by FARC dissidents" in first.text and "& two were wounded" in first.text
    assert first.origin == f"{f}#1" and arts[1].origin == f"{f}#3"
    assert arts[1].date is None  # no pubDate: no date
    # the entry without any text is one error, named path#N; the others are read
    assert [e.item for e in errs] == [f"{f}#2"]


def test_atom_feed_with_content(tmp_path: Path) -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel Notes</title><id>urn:sahel</id>
<updated>2019-02-10T12:00:00Z</updated>
<entry><title>Attack on Burkina Faso mine convoy</title><id>urn:sahel:42</id>
<link href="https://sahel.example/42"/><published>2019-02-09T08:00:00+00:00</published>
<updated>2019-02-10T12:00:00Z</updated><summary>Short summary.</summary>
<content type="html">&lt;p&gt;Gunmen attacked a convoy near Djibo on Saturday, killing five people,
security sources said.&lt;/p&gt;</content></entry></feed>"""
    f = tmp_path / "sahel.atom"
    f.write_text(atom)
    a = one_article(f)
    assert a.id == "urn:sahel:42" and a.date == dt.date(2019, 2, 9)  # published, not updated
    assert a.text.startswith("Gunmen attacked a convoy near Djibo")  # content preferred to summary


def test_malformed_feed_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "broken.rss"
    f.write_text("<?xml version='1.0'?><rss><channel><title>x</title><item><title>y</unclosed>")
    err = one_error(f)
    assert isinstance(err.error, MalformedInputError) and "feed" in str(err.error)


# --- JSON Lines and JSON --------------------------------------------------


def _jsonl(rows: list[object]) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows)


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    good = {
        "id": "x-1",
        "title": "Clashes in Marib",
        "date": "2019-01-25",
        "source": "Yemen Desk",
        "url": "https://yd.example/1",
        "text": "Houthi fighters clashed with government forces in Marib on Friday, killing 11.",
        "desk": "Gulf",
        "tags": ["yemen"],
    }
    no_id = {"text": "An air strike hit a wedding party in Hajjah, medics said.", "date": "25 Jan 2019"}
    f = tmp_path / "batch.jsonl"
    f.write_text(_jsonl([good, "{not json", {"id": "x-3", "title": "no text"}, "", no_id, '["a list"]']))
    items = read_all(f)
    arts, errs = articles(items), errors(items)
    assert [a.id for a in arts] == ["x-1", "batch.jsonl:5"]
    a = arts[0]
    assert (a.title, a.date, a.date_source, a.source, a.url) == (
        "Clashes in Marib",
        dt.date(2019, 1, 25),
        "jsonl",
        "Yemen Desk",
        "https://yd.example/1",
    )
    assert a.metadata == {"desk": "Gulf", "tags": ["yemen"]} and a.origin == f"{f}:1" and a.fmt == "jsonl"
    assert arts[1].date is None and arts[1].metadata["unparsed_date"] == "25 Jan 2019"
    assert [e.item for e in errs] == [f"{f}:2", f"{f}:3", f"{f}:6"]
    assert "not valid JSON" in str(errs[0].error) and "'text'" in str(errs[1].error)
    assert all(isinstance(e.error, MalformedInputError) for e in errs)


def test_jsonl_limit_applies_per_line(tmp_path: Path) -> None:
    from sitrep.options import Options

    small = {"id": "s", "text": "Rebels shelled Daraa on Monday."}
    big = {"id": "b", "text": "Word " * 400}
    f = tmp_path / "mixed.ndjson"
    f.write_text(_jsonl([small, big, small | {"id": "s2"}]))
    items = read_all(f, options=Options(max_bytes=1000))
    assert [a.id for a in articles(items)] == ["s", "s2"]
    assert [e.item for e in errors(items)] == [f"{f}:2"]
    assert "over the limit" in str(errors(items)[0].error)


def test_json_article_list_and_metadata_json(tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text(
        json.dumps([{"id": "j1", "text": "Protesters blocked roads in Beirut on Thursday."}, {"id": "j2"}])
    )
    (tmp_path / "truth.json").write_text(json.dumps({"abc": {"articleBody": "text", "url": "u"}}))
    (tmp_path / "broken.json").write_text('{"a": ')
    items = read_all(tmp_path)
    assert [a.id for a in articles(items)] == ["j1"]
    assert [s.item for s in skipped(items)] == [str(tmp_path / "truth.json")]
    assert "not an article list" in skipped(items)[0].reason
    assert sorted(e.item for e in errors(items)) == [
        str(tmp_path / "broken.json"),
        f"{tmp_path / 'list.json'}#2",
    ]


# --- gzip, sniffing, stdin, directories ------------------------------------


def test_gzip_of_each_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(("date 2019-10-21\n" + WIRE).encode()))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "c.rss.gz").write_bytes(gzip.compress(RSS.encode()))
    (tmp_path / "d.jsonl.gz").write_bytes(
        gzip.compress(_jsonl([{"id": "g1", "text": "Clashes in Tal Abyad."}]).encode())
    )
    (tmp_path / "e.gz").write_bytes(gzip.compress(PAGE.encode()))  # inner format sniffed from content
    items = read_all(tmp_path)
    by_fmt = [(a.id, a.fmt) for a in articles(items)]
    assert ("a.txt.gz", "text") in by_fmt and ("b.html.gz", "html") in by_fmt and ("g1", "jsonl") in by_fmt
    assert ("e.gz", "html") in by_fmt
    assert sum(1 for _, fmt in by_fmt if fmt == "feed") == 2
    assert [e.item for e in errors(items)] == [f"{tmp_path / 'c.rss.gz'}#2"]  # the empty feed item only


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "a.dat").write_text(PAGE)
    (tmp_path / "b.dat").write_text(
        _jsonl([{"id": "k1", "text": "Gunfire in Juba."}, {"id": "k2", "text": "A raid."}])
    )
    (tmp_path / "c.dat").write_text(RSS)
    (tmp_path / "d").write_text(WIRE)
    fmts = [(a.id, a.fmt) for a in articles(read_all(tmp_path))]
    assert fmts[0] == ("a.dat", "html") and fmts[1:3] == [("k1", "jsonl"), ("k2", "jsonl")]
    assert {f for _, f in fmts[3:-1]} == {"feed"} and fmts[-1] == ("d", "text")


def test_stdin(tmp_path: Path) -> None:
    data = ("date 2019-10-21\n" + WIRE).encode()
    first = one_article("-", stdin=data)
    again = one_article("-", stdin=data)
    assert first.date == dt.date(2019, 10, 21) and first.origin == "<stdin>"
    assert first.id == again.id and first.id.startswith("stdin-")
    other = one_article("-", stdin=WIRE.encode())
    assert other.id != first.id
    lines = _jsonl([{"id": "p1", "text": "Clashes in Idlib."}, "oops"]).encode()
    items = read_all("-", stdin=lines)
    assert [a.id for a in articles(items)] == ["p1"] and [e.item for e in errors(items)] == ["<stdin>:2"]


def test_directory_is_recursive_sorted_and_skips_non_articles(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(WIRE)
    (tmp_path / "b" / "a.txt").write_text(WIRE)
    (tmp_path / "c.txt").write_text(WIRE)
    (tmp_path / "a.txt").write_text(WIRE)
    (tmp_path / "README.md").write_text("# About these files\nThey are examples.\n")
    (tmp_path / ".hidden.txt").write_text(WIRE)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    items = read_all(tmp_path)
    assert [a.origin for a in articles(items)] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "a.txt"),
        str(tmp_path / "b" / "z.txt"),
        str(tmp_path / "c.txt"),
    ]
    assert {Path(s.item).name for s in skipped(items)} == {"README.md", ".hidden.txt", "photo.png"}
    assert not errors(items)
    # a file named explicitly is read even when a directory walk would skip it
    assert one_article(tmp_path / "README.md").title == "About these files"


def test_ids_and_hashes_are_stable_across_runs(tmp_path: Path) -> None:
    (tmp_path / "k.txt").write_text(WIRE)
    (tmp_path / "f.rss").write_text(RSS)
    (tmp_path / "p.html").write_text(PAGE)

    def key(items: list) -> list[tuple[str, str, str]]:
        return [(a.id, a.content_hash, a.origin) for a in articles(items)]

    first = key(read_all(tmp_path))
    assert first == key(read_all(tmp_path)) and len(first) == 4
    assert len({i for i, _, _ in first}) == 4


def test_content_hash_ignores_whitespace_layout_only() -> None:
    h = content_hash("Five killed  in\nDaraa.\n")
    assert h == content_hash("Five killed in Daraa.") and len(h) == 64
    assert h != content_hash("Six killed in Daraa.")
    assert content_hash("Cafe\u0301") == content_hash("Café")


def test_article_fields_are_complete(tmp_path: Path) -> None:
    (tmp_path / "k.txt").write_text(WIRE)
    a = one_article(tmp_path / "k.txt")
    assert isinstance(a, Article) and a.content_hash and a.language == "en" and a.status == "pending"


def test_symlink_loop_in_directory_is_not_followed_forever(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(WIRE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "back").symlink_to(tmp_path, target_is_directory=True)
    items = read_all(tmp_path)
    assert [a.id for a in articles(items)] == ["a.txt"]
    assert any("already searched" in s.reason for s in skipped(items))
