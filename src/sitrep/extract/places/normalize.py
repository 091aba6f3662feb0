"""Name keys for gazetteer lookups.

Three keys per name, from strict to loose:

* ``norm``: lower case, diacritics and apostrophes/ayn marks removed, punctuation to spaces
  ("Deir ez-Zor" -> "deir ez zor", "Tall ‘Afar" -> "tall afar").
* ``variant``: ``norm`` without Arabic article tokens (al-, ar-, el-, ...) and without spaces, so
  "ar-Raqqah", "Al Raqqah" and "Raqqah" meet ("raqqah"), as do "Tal Afar" / "Talafar".
* ``skeleton``: a consonant skeleton of ``variant`` for transliteration variants (Baghouz/Baghuz,
  Raqa/Raqqa/Rakka, Kobane/Kobani): common digraphs folded, vowels and h/w/y dropped after the first
  letter, doubled letters collapsed.  It only proposes candidates; rapidfuzz scores them.
"""

from __future__ import annotations

import re
import unicodedata

# Arabic definite-article forms as they appear in transliterations ("ar-Raqqa", "ad-Dawr").
ARTICLES = frozenset({"al", "el", "ar", "as", "ash", "at", "ath", "ad", "adh", "an", "az", "ez", "es", "er",
                      "ed", "et", "en", "il", "ul"})
_APOSTROPHES = re.compile(r"[`'’‘ʻʼʿʾ´]")
# letters NFKD does not decompose into ASCII
_LETTERS = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "Ł": "L",
                          "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "œ": "oe", "Œ": "OE"})
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# folded before vowels are dropped: order matters (longest first)
_DIGRAPHS = (("ou", "u"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "k"), ("ck", "k"), ("dh", "d"),
             ("th", "t"), ("ph", "f"), ("q", "k"), ("c", "k"), ("j", "g"), ("dj", "g"), ("z", "s"),
             ("ee", "i"), ("v", "f"))
_DROP = re.compile(r"[aeiouyhw]")
_REPEAT = re.compile(r"(.)\1+")
# vowels English transliterations of Arabic/Kurdish/Turkish names swap freely (Kobane/Kobani,
# Hajin/Hajeen, Qamishli/Qamishly): folded before fuzzy names are compared
_VOWELS = str.maketrans({"e": "i", "y": "i", "o": "u"})


def fold(text: str) -> str:
    """Lower-case ASCII fold: strip diacritics and apostrophe-like marks."""
    text = _APOSTROPHES.sub("", text).translate(_LETTERS)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower()


def norm_key(name: str) -> str:
    return " ".join(_NON_ALNUM.sub(" ", fold(name)).split())


def variant_key(name: str) -> str:
    tokens = norm_key(name).split()
    kept = [t for t in tokens if t not in ARTICLES]
    return "".join(kept or tokens)


def skeleton_key(name: str) -> str:
    v = variant_key(name)
    if not v:
        return ""
    for a, b in _DIGRAPHS:
        v = v.replace(a, b)
    head, tail = v[0], _DROP.sub("", v[1:])
    return _REPEAT.sub(r"\1", head + tail)


def vowel_fold(key: str) -> str:
    """A variant key with interchangeable vowels folded and doubled letters collapsed, for fuzzy
    comparison of transliteration variants ("kobane" and "kobani" -> "kubani")."""
    return _REPEAT.sub(r"\1", key.translate(_VOWELS))


def is_latin_name(name: str) -> bool:
    """True when the name folds to ASCII letters (the only names English text can contain)."""
    folded = fold(name)
    return bool(folded) and all(ch.isascii() for ch in folded) and any(ch.isalpha() for ch in folded)
