"""Scoring clusters against gold: pairwise and B-cubed precision / recall / F1.

Both scores are computed over the items present in both the prediction and the gold (items
the system did not produce are an extraction miss, not a merge error; the runners report
them separately).  With no pair to get wrong (all singletons), pairwise precision/recall is
defined as 1.0.

Run on the test set (tests/data/merge, see its gold.yaml):

    python -m sitrep.resolve.evaluate tests/data/merge            # full pipeline, then resolve
    python -m sitrep.resolve.evaluate tests/data/merge --oracle   # hand-coded reports, resolve only
    python -m sitrep.resolve.evaluate --fakes ../shared/corpus/fakes_syria.jsonl --limit 200
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    def __str__(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"


def _prf(p: float, r: float) -> PRF:
    return PRF(p, r, 0.0 if p + r == 0 else 2 * p * r / (p + r))


def _restrict(predicted: Iterable[Iterable[str]], gold: Mapping[str, str]) -> dict[str, int]:
    """item -> predicted cluster number, for items that are in the gold; each item once."""
    out: dict[str, int] = {}
    for i, cluster in enumerate(predicted):
        for item in cluster:
            if item in gold:
                if item in out:
                    raise ValueError(f"item {item!r} is in two predicted clusters")
                out[item] = i
    return out


def pairwise_prf(predicted: Iterable[Iterable[str]], gold: Mapping[str, str]) -> PRF:
    """Precision/recall of the same-event PAIRS.  ``gold`` maps item -> gold cluster label."""
    assign = _restrict(predicted, gold)
    cells = Counter((c, gold[i]) for i, c in assign.items())
    pred_sizes = Counter(assign.values())
    gold_sizes = Counter(gold[i] for i in assign)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    tp = sum(pairs(n) for n in cells.values())
    pred_pairs = sum(pairs(n) for n in pred_sizes.values())
    gold_pairs = sum(pairs(n) for n in gold_sizes.values())
    return _prf(tp / pred_pairs if pred_pairs else 1.0, tp / gold_pairs if gold_pairs else 1.0)


def bcubed_prf(predicted: Iterable[Iterable[str]], gold: Mapping[str, str]) -> PRF:
    """B-cubed: per item, the share of its predicted cluster that is right, and of its gold one found."""
    assign = _restrict(predicted, gold)
    if not assign:
        return PRF(0.0, 0.0, 0.0)
    cells = Counter((c, gold[i]) for i, c in assign.items())
    pred_sizes = Counter(assign.values())
    gold_sizes = Counter(gold[i] for i in assign)
    p = sum(cells[(c, gold[i])] / pred_sizes[c] for i, c in assign.items()) / len(assign)
    r = sum(cells[(c, gold[i])] / gold_sizes[gold[i]] for i, c in assign.items()) / len(assign)
    return _prf(p, r)


def score(predicted: Sequence[Sequence[str]], gold: Mapping[str, str]) -> dict[str, PRF]:
    return {"pairwise": pairwise_prf(predicted, gold), "bcubed": bcubed_prf(predicted, gold)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sitrep.resolve.evaluate", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", help="a merge test set folder with gold.yaml")
    ap.add_argument("--oracle", action="store_true", help="use the hand-coded reports in gold.yaml")
    ap.add_argument("--fakes", help="run the pipeline over a FA-KES JSONL file and list what merged")
    ap.add_argument("--limit", type=int, default=0, help="with --fakes: only the first N articles")
    ap.add_argument("--dump", help="with --fakes: write the clusters and their reports as JSON here")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every cluster with its explanation")
    args = ap.parse_args(argv)
    from sitrep.resolve import testset

    if args.fakes:
        dump = Path(args.dump) if args.dump else None
        return testset.run_fakes(Path(args.fakes), args.limit, verbose=args.verbose, dump=dump)
    if not args.folder:
        ap.error("give a test set folder or --fakes")
    return testset.run_folder(Path(args.folder), oracle=args.oracle, verbose=args.verbose)


if __name__ == "__main__":
    sys.exit(main())
