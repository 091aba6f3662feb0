#!/usr/bin/env python3
"""Build sitrep's offline gazetteer (SQLite) from package data; see docs/PLACES.md.

    python scripts/build_gazetteer.py              # always rebuild the default file
    python scripts/build_gazetteer.py --if-stale   # only when missing or older than its inputs (make venv)
    python scripts/build_gazetteer.py --out /tmp/g.sqlite --data-dir my_data/
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sitrep.extract.places.build import build_gazetteer, default_gazetteer_path, is_stale


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=None, help="output file (default: inside the package)")
    ap.add_argument("--data-dir", action="append", default=[], help="extra data dir with user files")
    ap.add_argument("--if-stale", action="store_true", help="rebuild only if missing or older than inputs")
    args = ap.parse_args()
    out = args.out or default_gazetteer_path()
    if args.if_stale and not is_stale(out, args.data_dir):
        print(f"gazetteer up to date: {out}")
        return
    print(json.dumps(build_gazetteer(out, args.data_dir)))


if __name__ == "__main__":
    main()
