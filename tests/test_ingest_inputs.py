"""Ingest of the reference inputs (seeds, shared corpus, bundled samples) and language detection."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitrep.ingest import detect_language, read_inputs
from sitrep.options import Options
from sitrep.records import Article
from tests.test_ingest_helpers import SAMPLES, articles, errors, one_article, read_all, skipped


def test_seed_000_date_prefix_is_stripped(shared_dir: Path) -> None:
    a = one_article(shared_dir / "seeds" / "000_df3e2df6235e640f.txt")
    assert a.id == "000_df3e2df6235e640f.txt"
    assert a.date == dt.date(2019, 4, 2) and a.date_source == "date-line"
    assert a.text.startswith("US-backed Syrian fighters said Tuesday")
    assert a.language == "en" and a.fmt == "text"


def test_seed_004_undated_with_title(shared_dir: Path) -> None:
    f = shared_dir / "seeds" / "004_8a172ed92d259b5f.txt"
    a = one_article(f)
    assert a.date is None and a.date_source is None
    first_line = f.read_text(encoding="utf-8").split("\n", 1)[0].strip()
    assert a.title == first_line and a.text.startswith(first_line)


@pytest.mark.slow
def test_shared_corpus_ingests_without_errors(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus"
    items = list(read_inputs([str(corpus)], Options()))
    assert not errors(items), errors(items)[:3]
    skips = {Path(s.item).name: s.reason for s in skipped(items)}
    assert "ground-truth.json" in skips and "not an article list" in skips["ground-truth.json"]
    arts = articles(items)
    expected = sum(1 for f in corpus.glob("*.jsonl") for line in f.open(encoding="utf-8") if line.strip())
    expected += len(list((corpus / "html_extraction_benchmark" / "html").glob("*.html.gz")))
    assert len(arts) == expected
    assert all(a.text.strip() and a.content_hash and a.origin for a in arts)
    # JSONL ids are the corpus ids; HTML pages are named by file
    first_line = json.loads((corpus / "fakes_syria.jsonl").open(encoding="utf-8").readline())
    assert first_line["id"] in {a.id for a in arts}
    html = [a for a in arts if a.fmt == "html"]
    assert all(a.id.endswith(".html.gz") and a.title for a in html)
    assert sum(a.date is not None for a in html) > 0.9 * len(html)


def test_samples_ingest_cleanly() -> None:
    if not SAMPLES.is_dir():
        pytest.skip("samples/ not present")
    items = read_all(SAMPLES)
    assert not errors(items), errors(items)
    assert [Path(s.item).name for s in skipped(items)] == ["README.md"]
    arts = articles(items)
    assert {a.fmt for a in arts} == {"text", "html", "feed", "jsonl"}
    assert all(a.language == "en" for a in arts)
    assert any(a.date is None and a.title for a in arts if a.fmt == "text")  # undated with a title
    assert len({a.id for a in arts}) == len(arts)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Des combats ont éclaté mardi près de Gao, dans le nord du Mali, entre l'armée et des hommes "
            "armés, a indiqué un responsable militaire. Trois soldats ont été tués.",
            "fr",
        ),
        (
            "Bei Kämpfen im Norden Syriens wurden am Dienstag mindestens fünf Menschen getötet, teilte "
            "die Beobachtungsstelle mit. Die Armee beschoss mehrere Dörfer.",
            "de",
        ),
        (
            "قتل خمسة أشخاص في غارة جوية على بلدة في شرق سوريا يوم الثلاثاء، وفق ما أفاد المرصد السوري "
            "لحقوق الإنسان، وأصيب عشرة آخرون بجروح.",
            "ar",
        ),
        (
            "Al menos siete personas murieron en un ataque contra un puesto militar en el norte del país, "
            "dijo la policía, que atribuyó el ataque a un grupo armado.",
            "es",
        ),
        (
            "Five people were killed in an air strike on a village in eastern Syria on Tuesday, a war "
            "monitor said, and at least ten others were wounded.",
            "en",
        ),
    ],
)
def test_detect_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_detect_language_short_text_is_unknown() -> None:
    # Too short for a reliable answer: None, which the pipeline treats as "process it".
    assert detect_language("") is None
    assert detect_language("Clashes in Tal Abyad.") is None
    assert detect_language("Des combats ont éclaté mardi près de Gao.") is None


def test_non_english_article_is_marked_by_language(tmp_path: Path) -> None:
    f = tmp_path / "fr.txt"
    f.write_text(
        "date 2019-01-15\nAttaque contre un camp militaire au Mali\n"
        "Des hommes armés ont attaqué un camp de l'armée malienne près de Tombouctou, "
        "tuant trois soldats, selon une source sécuritaire. Les assaillants ont pris la fuite "
        "vers le nord après deux heures de combats.\n",
        encoding="utf-8",
    )
    a = one_article(f)
    assert isinstance(a, Article) and a.language == "fr" and a.date == dt.date(2019, 1, 15)
