#!/usr/bin/env python3
"""Copy the dashboard's front-end libraries from node_modules into the package.

The dashboard is plain JavaScript modules with no bundler; its third-party
libraries come from the npm registry at build time (``npm ci`` with the
committed package-lock.json) and are copied here into
``src/sitrep/web/static/vendor/`` (gitignored), so the running app needs no
CDN and no tile server.  ``make web`` runs this after ``npm ci``.

Usage: python scripts/build_web_assets.py [--check]
  --check   only report whether the vendor folder is complete (exit 1 if not)
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE = ROOT / "node_modules"
VENDOR = ROOT / "src" / "sitrep" / "web" / "static" / "vendor"

# (source under node_modules, destination under vendor/)
FILES = [
    ("leaflet/dist/leaflet.js", "leaflet/leaflet.js"),
    ("leaflet/dist/leaflet.css", "leaflet/leaflet.css"),
    ("leaflet/dist/images/layers.png", "leaflet/images/layers.png"),
    ("leaflet/dist/images/layers-2x.png", "leaflet/images/layers-2x.png"),
    ("leaflet/dist/images/marker-icon.png", "leaflet/images/marker-icon.png"),
    ("leaflet/dist/images/marker-icon-2x.png", "leaflet/images/marker-icon-2x.png"),
    ("leaflet/dist/images/marker-shadow.png", "leaflet/images/marker-shadow.png"),
    ("leaflet/LICENSE", "leaflet/LICENSE"),
    ("leaflet.markercluster/dist/leaflet.markercluster.js", "markercluster/leaflet.markercluster.js"),
    ("leaflet.markercluster/dist/MarkerCluster.css", "markercluster/MarkerCluster.css"),
    ("leaflet.markercluster/dist/MarkerCluster.Default.css", "markercluster/MarkerCluster.Default.css"),
    ("leaflet.markercluster/MIT-LICENCE.txt", "markercluster/LICENSE"),
    ("topojson-client/dist/topojson-client.min.js", "topojson/topojson-client.min.js"),
    ("topojson-client/LICENSE", "topojson/LICENSE"),
    # Natural Earth 1:50m country shapes (public domain) as TopoJSON: the offline base map
    ("world-atlas/countries-50m.json", "world-atlas/countries-50m.json"),
    ("world-atlas/LICENSE", "world-atlas/LICENSE"),
    # Swagger UI for the /docs page (FastAPI's default loads it from a CDN)
    ("swagger-ui-dist/swagger-ui-bundle.js", "swagger-ui/swagger-ui-bundle.js"),
    ("swagger-ui-dist/swagger-ui.css", "swagger-ui/swagger-ui.css"),
    ("swagger-ui-dist/favicon-32x32.png", "swagger-ui/favicon-32x32.png"),
    ("swagger-ui-dist/LICENSE", "swagger-ui/LICENSE"),
]


def missing() -> list[str]:
    return [dst for _, dst in FILES if not (VENDOR / dst).is_file()]


def build() -> int:
    absent = [src for src, _ in FILES if not (NODE / src).is_file()]
    # LICENSE file names vary between package versions: only the code and data are required
    required = [a for a in absent if "LICEN" not in a]
    if required:
        print("build_web_assets: missing in node_modules (run `npm ci`): " + ", ".join(required),
              file=sys.stderr)
        return 1
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    copied = 0
    for src, dst in FILES:
        if not (NODE / src).is_file():
            continue
        target = VENDOR / dst
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(NODE / src, target)
        copied += 1
    print(f"build_web_assets: {copied} files -> {VENDOR.relative_to(ROOT)}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only check that vendor/ is complete")
    args = ap.parse_args()
    if args.check:
        gone = [m for m in missing() if "LICEN" not in m]
        if gone:
            print("vendor incomplete: " + ", ".join(gone), file=sys.stderr)
            return 1
        print("vendor complete")
        return 0
    return build()


if __name__ == "__main__":
    sys.exit(main())
