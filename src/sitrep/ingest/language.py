"""Fast language identification (lingua, restricted to the languages in data/ingest.yaml).

lingua runs in low-accuracy mode (trigram models only): measured here, it loads
in ~0.4 s and ~35 MB instead of ~7 s and ~380 MB for the full models, and on
the shared corpus (1,501 articles) plus the HTML benchmark it gives the same
answers on article-length text.  Its weakness is short text: on 1,491 corpus
headlines under 120 characters it called 8.5% of them non-English, and even
answers with 99% confidence were wrong 1% of the time.  So text shorter than
``MIN_CHARS`` gets None ("unknown"), which the pipeline processes like the
default language rather than setting it aside as foreign.
"""

from __future__ import annotations

import functools

from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder

from sitrep.datafiles import load_yaml
from sitrep.errors import DataFileError

# Detection looks at this many characters: measured on the shared corpus, 1,000
# characters take ~1 ms per article and agree with the full text.
SAMPLE_CHARS = 1000
# Below this many characters (of the sample, whitespace trimmed) there is no answer.
MIN_CHARS = 120


@functools.lru_cache(maxsize=8)
def _detector(data_dirs: tuple[str, ...] = ()) -> LanguageDetector:
    codes = (load_yaml("ingest.yaml", data_dirs) or {}).get("detect_languages") or []
    languages = []
    for code in dict.fromkeys(codes):
        try:
            iso = IsoCode639_1.from_str(str(code).lower())
        except ValueError:
            raise DataFileError(
                f"unknown ISO 639-1 language code {code!r} in detect_languages", item="ingest.yaml"
            ) from None
        languages.append(iso)
    if len(languages) < 2:
        raise DataFileError("detect_languages needs at least two languages", item="ingest.yaml")
    return LanguageDetectorBuilder.from_iso_codes_639_1(*languages).with_low_accuracy_mode().build()


def detect_language(text: str, data_dirs: tuple[str, ...] = ()) -> str | None:
    """ISO 639-1 code (``"en"``) of the text's language, or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS].strip()
    if len(sample) < MIN_CHARS:
        return None
    language = _detector(data_dirs).detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None
