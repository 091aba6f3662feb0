"""The literal prefilter of the trigger lexicon (sitrep.regex_literals): it may only rule out a
pattern that cannot match, so events come out the same with and without it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from sitrep.extract.events import triggers as trig
from sitrep.extract.events.fields import find_fatalities
from sitrep.extract.events.lexicon import load_lexicon
from sitrep.records import Sentence
from sitrep.regex_literals import Prefilter, fold, required_literals

ROOT = Path(__file__).resolve().parents[1]


def _own_texts() -> list[str]:
    """Sentences written for sitrep: the bundled samples, the merge and precision sets, and every
    longer string in the event tests (none of it evaluation text)."""
    out: list[str] = []
    files = list((ROOT / "samples").glob("*.txt")) + list((ROOT / "tests" / "data").rglob("*.txt"))
    for f in files:
        out += [line for line in re.split(r"(?<=[.!?])\s+|\n", f.read_text()) if line.strip()]
    for f in sorted((ROOT / "tests").glob("test_events*.py")):
        for node in ast.walk(ast.parse(f.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 25:
                out.append(node.value)
    return out


TEXTS = _own_texts()


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bfought\b", {"fought"}),
        (r"(?:gun)?fire", {"fire"}),  # an optional part is not required
        (r"air[\s-]+strikes?", {"strike"}),  # the longer of two required words
        (r"\b(?:shelled|shelling|mortars?)\b", {"shelled", "shelling", "mortar"}),
        (r"(?:strike|strik(?:ed|es|ing))", {"strik"}),  # "strike" holds "strik": the shorter suffices
        (r"KILLED", {"killed"}),  # compared lower-cased
        (r"(?:ab){2,}duct", {"duct"}),
        (r"\bat\b|\bkilled\b", None),  # one branch needs no literal of three letters
        (r"\w+ed\b", None),
        (r"(?!not )attack", {"attack"}),
    ],
)
def test_required_literals(pattern: str, literals: set[str] | None) -> None:
    got = required_literals(re.compile(pattern, re.IGNORECASE))
    assert (set(got) if got is not None else None) == literals


def test_fold_matches_ignorecase_equivalents() -> None:
    # re.IGNORECASE equates "İ"/"ı" with "i" and "ſ" with "s"; str.lower alone does not
    rx = re.compile(r"\bkilis\b", re.IGNORECASE)
    guard = Prefilter.of(rx)
    assert guard is not None
    for text in ("Shells hit KİLİS", "Shells hit Kılıs", "Shells hit KILIS", "Shells hit kiliſ"):
        assert rx.search(text)
        assert guard.may_match(fold(text)), text
    assert not guard.may_match(fold("Shells hit Gaziantep"))


def test_prefilter_never_rules_out_a_matching_pattern() -> None:
    lex = load_lexicon(())
    pairs = [(e.pattern, e.prefilter) for e in lex.triggers]
    pairs += list(zip(lex.fatalities, lex.fatality_guards, strict=True))
    pairs += list(zip(lex.non_conflict, lex.non_conflict_guards, strict=True))
    # most of the lexicon is prefiltered (else the prefilter buys nothing)
    assert sum(g is not None for _, g in pairs) > 0.8 * len(pairs)
    checked = 0
    for text in TEXTS:
        folded = fold(text)
        for rx, guard in pairs:
            if rx.search(text):
                checked += 1
                assert guard is None or guard.may_match(folded), (rx.pattern[:60], text)
    assert checked > 300  # the texts exercise the lexicon


def test_triggers_and_tolls_same_without_prefilter(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = load_lexicon(())
    sentences = [Sentence(index=0, start=0, end=len(t), text=t) for t in TEXTS]

    def run() -> list[object]:
        out: list[object] = []
        for s in sentences:
            out.append([(h.entry.index, h.start, h.end) for h in trig.find_hits(s, [], lex)])
            out.append([(f.value, f.start, f.end) for f in find_fatalities(s, lex)])
            out.append(trig.is_non_conflict(s.text, lex))
        return out

    with_prefilter = run()
    monkeypatch.setattr(Prefilter, "may_match", lambda self, folded: True)
    assert run() == with_prefilter
    assert any(with_prefilter[0::3])  # some triggers were found at all
