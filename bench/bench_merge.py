"""Benchmark of sitrep.resolve.resolve() on synthetic reports: time, peak RSS, growth rate.

Synthetic reports: incidents spread over two years and a 600 x 600 km region (towns with a
skewed, hotspot-like distribution of activity), realistic ACLED types and actor pairs; a
known share of incidents is reported by 2-4 articles with noise (a day off, a missing actor,
a coarser location, other figures).  Each size runs in a fresh process so peak RSS is its own.

    .venv/bin/python bench/bench_merge.py                 # 10k and 100k reports
    .venv/bin/python bench/bench_merge.py --sizes 1000 10000 --dup-rate 0.3
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import platform
import random
import resource
import subprocess
import sys
import time

from sitrep.records import Event

TYPES = [  # (event_type, sub_event_type, weight)
    ("Battles", "Armed clash", 30),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 25),
    ("Explosions/Remote violence", "Air/drone strike", 15),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 8),
    ("Violence against civilians", "Attack", 10),
    ("Protests", "Peaceful protest", 7),
    ("Strategic developments", "Looting/property destruction", 5),
]
ACTORS = ["Military Forces of Syria", "Syrian Democratic Forces", "Islamic State", "Hayat Tahrir al-Sham",
          "Syrian National Army", "Military Forces of Turkey", "Military Forces of Russia",
          "Unidentified Armed Group (Syria)", "Civilians (Syria)", "Police Forces of Syria",
          "Hezbollah", "Military Forces of Israel"]
START = dt.date(2018, 1, 1)
N_PLACES = 2000  # populated places in the region


def synthetic(n: int, dup_rate: float, seed: int = 1, days: int = 730) -> tuple[list[Event], dict[str, str]]:
    """n reports over `days` days and the gold incident of each."""
    rng = random.Random(seed)
    # a fixed set of places: density grows with n, as it would for a bigger collection
    towns = [(f"Town {i}", rng.uniform(32.0, 37.4), rng.uniform(35.7, 42.3)) for i in range(N_PLACES)]
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(towns))]  # hotspots
    type_w = [w for *_, w in TYPES]
    reports: list[Event] = []
    gold: dict[str, str] = {}
    inc = 0
    while len(reports) < n:
        inc += 1
        name, lat, lon = rng.choices(towns, weights)[0]
        etype, sub, _ = rng.choices(TYPES, type_w)[0]
        day = START + dt.timedelta(days=rng.randrange(days))
        a1, a2 = rng.sample(ACTORS, 2)
        fatal = rng.choice([0, 0, 1, 2, 3, 5, 8, 12])
        k = 1 if rng.random() >= dup_rate else rng.randint(2, 4)
        for j in range(min(k, n - len(reports))):
            art = f"art{len(reports)}"
            rid = f"{art}-e1"
            ev = Event(event_id=rid, article_ids=[art], event_type=etype, sub_event_type=sub,
                       event_date=day, time_precision=1, actor1=a1, actor2=a2, fatalities=fatal,
                       location=name, latitude=lat, longitude=lon, geo_precision=1,
                       admin1=f"Region {int(lat)}", country="Syria",
                       notes=f"{sub} in {name} between {a1} and {a2}, {fatal} killed")
            if j:  # a second source: noise
                if rng.random() < 0.1:
                    ev.event_date = day + dt.timedelta(days=rng.choice([-1, 1]))
                if rng.random() < 0.2:
                    ev.actor1 = None
                if rng.random() < 0.15:  # coarser location, shifted coordinates
                    ev.geo_precision = 2
                    ev.location = f"near {name}"
                    ev.latitude = lat + rng.uniform(-0.1, 0.1)
                    ev.longitude = lon + rng.uniform(-0.1, 0.1)
                ev.fatalities = max(0, fatal + rng.randint(-2, 3))
                ev.notes = f"{fatal} dead after {sub.lower()} hit {name}, sources said"
            reports.append(ev)
            gold[rid] = f"inc{inc}"
    return reports, gold


def child(n: int, dup_rate: float, constant_density: bool) -> dict[str, float]:
    from sitrep.resolve import ResolveStats, resolve
    from sitrep.resolve.evaluate import score

    # constant density: the time span grows with n (73 reports a day), isolating blocking cost
    reports, gold = synthetic(n, dup_rate, days=max(1, n // 73) if constant_density else 730)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stats = ResolveStats()
    t0 = time.perf_counter()
    clusters = resolve(reports, stats=stats)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    s = score([c.member_ids for c in clusters], gold)
    return {"n": n, "seconds": seconds, "rss_before_mb": rss_before, "peak_rss_mb": peak,
            "comparisons": stats.comparisons, "clusters": len(clusters), "incidents": len(set(gold.values())),
            "pairwise_f1": s["pairwise"].f1, "bcubed_f1": s["bcubed"].f1}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--dup-rate", type=float, default=0.25, help="share of incidents with 2-4 reports")
    ap.add_argument("--constant-density", action="store_true",
                    help="spread reports over n/73 days instead of two years (same reports per day)")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.dup_rate, args.constant_density)))
        return 0
    print(f"# {dt.date.today()}  {platform.machine()}  python {platform.python_version()}  "
          f"dup-rate {args.dup_rate}  {'constant density' if args.constant_density else 'two years'}")
    print(f"{'reports':>8} {'seconds':>8} {'per 1k':>7} {'peak RSS MB':>12} {'(before)':>9} "
          f"{'comparisons':>12} {'per rep':>7} {'clusters':>9} {'pair F1':>8} {'B3 F1':>6}")
    rows = []
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--child", str(n), "--dup-rate", str(args.dup_rate)]
        if args.constant_density:
            cmd.append("--constant-density")
        out = subprocess.run(cmd, check=True, capture_output=True, text=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(r)
        print(f"{r['n']:>8} {r['seconds']:>8.2f} {1000 * r['seconds'] / r['n']:>7.3f} "
              f"{r['peak_rss_mb']:>12.0f} {r['rss_before_mb']:>9.0f} {r['comparisons']:>12} "
              f"{r['comparisons'] / r['n']:>7.2f} "
              f"{r['clusters']:>9} {r['pairwise_f1']:>8.3f} {r['bcubed_f1']:>6.3f}")
    for a, b in itertools.pairwise(rows):
        ratio_t, ratio_n = b["seconds"] / a["seconds"], b["n"] / a["n"]
        print(f"growth {a['n']} -> {b['n']}: time x{ratio_t:.1f} for x{ratio_n:.0f} reports "
              f"(normalised {ratio_t / ratio_n:.2f}; 1.0 = linear); comparisons per report "
              f"{a['comparisons'] / a['n']:.2f} -> {b['comparisons'] / b['n']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
