"""Required literals of a regular expression: a cheap test that rules a pattern out.

The trigger lexicon holds a few dozen large case-insensitive alternations with look-arounds; most
of them match no given sentence, yet running each one costs a scan of the whole sentence with
every alternative tried at every position.  ``required_literals`` reads a pattern's syntax tree and
returns a set of lower-case strings of which *every* match must contain at least one ("strik" for
"air strike|strikes|striking", "fought" for ``\\bfought\\b``).  ``Prefilter.may_match`` then says,
with a few substring tests, whether the pattern can match at all; only then is the pattern itself
run (on 6,400 corpus sentences: 28,000 of 212,000 trigger-pattern runs are left, half the time).
The test is exact in one direction only: it never says "no" when the pattern would match, so
results are the same with and without it (tests/test_regex_literals.py checks that).

Case: literals and text are compared lower-cased.  Python's ``re.IGNORECASE`` also equates "ı", "İ"
with "i" and "ſ" with "s", which ``str.lower`` does not; ``fold`` maps those three first.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

_c: Any
_p: Any
try:  # the parser of the standard library's regex engine (private, stable since 3.11)
    _c = importlib.import_module("re._constants")
    _p = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python: no prefilter, every pattern runs
    _c = _p = None

# characters a literal may hold: under IGNORECASE these match only their own lower-case fold
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 -'")
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
# literals shorter than this are not worth a test (nearly every sentence holds "in")
MIN_LENGTH = 3


def fold(text: str) -> str:
    """Lower-case ``text`` the way an IGNORECASE pattern sees ASCII letters."""
    return text.translate(_FOLD).lower() if not text.isascii() else text.lower()


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective of several requirements that all hold: longest shortest literal."""
    if not options:
        return None
    return max(options, key=lambda s: (min(len(x) for x in s), -len(s)))


def _minimal(lits: set[str]) -> frozenset[str]:
    """Drop literals that contain another one of the set (the shorter is implied by the longer)."""
    out = [x for x in lits if not any(y != x and y in x for y in lits)]
    return frozenset(out)


def _required(seq: Any) -> frozenset[str] | None:
    """A set of strings one of which every match of the node sequence ``seq`` contains, or None."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= MIN_LENGTH:
            options.append(frozenset(["".join(run)]))
        run.clear()

    for op, av in seq:
        if op is _c.LITERAL:
            ch = chr(av).lower()
            if ch in _PLAIN:
                run.append(ch)
                continue
            flush()
            continue
        flush()
        if op is _c.SUBPATTERN:
            sub = _required(av[-1])
            if sub is not None:
                options.append(sub)
        elif op is _c.BRANCH:
            branches = [_required(b) for b in av[1]]
            union: set[str] = set()
            for b in branches:
                if b is None:  # a branch that needs no literal: the alternation needs none
                    break
                union |= b
            else:
                if union:
                    options.append(_minimal(union))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, _high, body = av
            if low >= 1:
                sub = _required(body)
                if sub is not None:
                    options.append(sub)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            sub = _required(av)
            if sub is not None:
                options.append(sub)
        # anything else (classes, any-char, look-arounds, anchors, back-references) requires
        # nothing that can be written as a literal
    flush()
    return _best(options)


def required_literals(pattern: str | re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``pattern`` contains; None when the pattern
    has no such set (it can match without any literal of ``MIN_LENGTH`` characters)."""
    if _p is None:
        return None
    src = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    try:
        tree = _p.parse(src, flags)
    except Exception:  # an unreadable tree only means no prefilter
        return None
    try:
        return _required(tree)
    except Exception:  # a node shape this reader does not know: no prefilter
        return None


@dataclass(frozen=True)
class Prefilter:
    """Literals one of which every match of a pattern contains (see module docstring)."""

    # longest first: the rarer words are tried first
    literals: tuple[str, ...]

    @classmethod
    def of(cls, pattern: str | re.Pattern[str]) -> Prefilter | None:
        lits = required_literals(pattern)
        if not lits:
            return None
        return cls(literals=tuple(sorted(lits, key=lambda x: (-len(x), x))))

    def may_match(self, folded: str) -> bool:
        """False only when the pattern cannot match the text whose ``fold`` is ``folded``."""
        return any(lit in folded for lit in self.literals)


def guards(patterns: tuple[re.Pattern[str], ...]) -> tuple[Prefilter | None, ...]:
    """The prefilter of each pattern (None: the pattern always runs)."""
    return tuple(Prefilter.of(p) for p in patterns)


def may_match(guard: Prefilter | None, folded: str) -> bool:
    return guard is None or guard.may_match(folded)
