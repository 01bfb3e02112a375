"""Engine speed budgets (issue: the intake engine).

    python -m benchmarks.bench_engine [--big /tmp/big.sqlite3] [--quick]

* ``record_scan`` including its durable commit, on a station database holding 1,000,000
  expected units and 1,000,000 earlier scans: median < 2 ms, p99 < 10 ms; compared with the
  floor, a bare SQLite durable insert after an indexed lookup (``sqlite3``, WAL, synchronous=FULL).
* reconciliation of an 18,000-unit order < 200 ms.
* manifest import: 18,000 rows well under 2 s; 1,000,000 rows streamed under 60 s, bounded memory.

Each part runs in its own process so its peak memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from intake_app.app import IntakeApp
from intake_app.demo_data import iter_big_fleet
from intake_app.paths import Paths

from .bigdb import build_big_db

ORDER_ROWS = 18_000


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return round(s[min(len(s) - 1, int(p / 100 * len(s)))], 3)


def ms_stats(values: list[float]) -> dict[str, float]:
    return {"n": len(values), "median_ms": round(statistics.median(values), 3), "p90_ms": pct(values, 90),
            "p99_ms": pct(values, 99), "max_ms": round(max(values), 3)}


def write_manifest_csv(path: Path, n: int, seed: int, prefix: str = "") -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("Serienummer;Inventarienummer;Tillverkare;Modell;Kategori\n")
        for u in iter_big_fleet(seed, n):
            fh.write(f"{prefix}{u.serial};{prefix}{u.asset_tag};{u.manufacturer};{u.model};{u.category}\n")
    return path


def open_app(db: Path) -> IntakeApp:
    return IntakeApp.open(db_url=f"sqlite:///{db}", station="bench", paths=Paths(db.parent, db.parent))


# -- parts (each in its own process) ------------------------------------------------------------------

def part_floor(db: Path, n: int) -> dict:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS bench_floor (id TEXT PRIMARY KEY, serial TEXT, hit TEXT)")
    times = []
    rng = random.Random(1)
    for i in range(n):
        serial = f"BG{rng.randrange(1_000_000):09d}X"
        t = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        hit = conn.execute("SELECT id FROM expected_units WHERE serial_key = ?", (serial,)).fetchone()
        conn.execute("INSERT INTO bench_floor VALUES (?,?,?)", (f"{i}-{time.time_ns()}", serial, hit and hit[0]))
        conn.execute("COMMIT")
        times.append((time.perf_counter() - t) * 1000)
    conn.execute("DROP TABLE bench_floor")
    return {"floor": ms_stats(times), "peak_mb": peak_mb()}


def part_scans(db: Path, n_matched: int) -> dict:
    app = open_app(db)
    boss = app.sign_in("Bench Boss", "2468")
    dock = app.sign_in("dock")
    number = app.orders.create(boss, "Bench").number
    prefix = f"R{random.randrange(36**3):03X}"  # serials unique to this run: runs share the big database
    with tempfile.TemporaryDirectory() as tmp:
        path = write_manifest_csv(Path(tmp) / "order.csv", ORDER_ROWS, seed=7, prefix=prefix)
        t = time.perf_counter()
        report = app.manifests.import_file(boss, number, path)
        import_s = time.perf_counter() - t
    assert report.imported == ORDER_ROWS, report.as_dict()
    serials = [f"{prefix}{u.serial}" for u in iter_big_fleet(7, ORDER_ROWS)]
    rng = random.Random(3)
    plan: list[tuple[str, str]] = []
    for i, serial in enumerate(serials[:n_matched]):  # a dock's mix: mostly matches, some of everything else
        plan.append(("matched", serial))
        if i % 10 == 9:
            plan.append(("duplicate", serials[rng.randrange(i)]))
        if i % 20 == 5:
            plan.append(("duplicate_other_order", f"BG{rng.randrange(1_000_000):09d}X"))
        if i % 20 == 11:
            plan.append(("unexpected", f"{prefix}XTRA{i:07d}Q"))
        if i % 20 == 17:
            plan.append(("rejected", "7350012345679"))
    times: dict[str, list[float]] = {}
    pallet = app.scanning.open_pallet(dock, number).code
    for label, code in plan:
        t = time.perf_counter()
        res = app.scanning.record(dock, number, code, pallet=pallet, source="wedge")
        times.setdefault(label, []).append((time.perf_counter() - t) * 1000)
        expected_outcome = {"duplicate_other_order": "duplicate"}.get(label, label)
        assert res.outcome.value == expected_outcome, (label, code, res.outcome)
    everything = [x for v in times.values() for x in v]
    t = time.perf_counter()
    rec_report, rec = app.reconciler.reconcile(number)
    first_reconcile = (time.perf_counter() - t) * 1000
    rec_times, compute_times = [], []
    for _ in range(5):
        t = time.perf_counter()
        app.reconciler.reconcile(number)
        rec_times.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        app.reconciler.compute(number)
        compute_times.append((time.perf_counter() - t) * 1000)
    assert rec.totals.expected == ORDER_ROWS and rec.totals.matched == n_matched
    app.close()
    return {"record_scan_all": ms_stats(everything), **{f"record_scan_{k}": ms_stats(v) for k, v in times.items()},
            "import_18k_into_big_db_s": round(import_s, 2),
            "reconcile_18k_first_ms": round(first_reconcile, 1), "reconcile_18k_json": ms_stats(rec_times),
            "reconcile_18k_compute": ms_stats(compute_times),
            "peak_mb": peak_mb()}


def part_import(rows: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "imp.sqlite3"
        app = open_app(db)
        app.operators.create(None, "Bench Boss", "supervisor", "2468")
        boss = app.sign_in("Bench Boss", "2468")
        app.customers.add(boss, "Benchmark kommun", "Bench")
        number = app.orders.create(boss, "Bench").number
        path = write_manifest_csv(Path(tmp) / "m.csv", rows, seed=11)
        t = time.perf_counter()
        report = app.manifests.import_file(boss, number, path)
        seconds = time.perf_counter() - t
        assert report.imported == rows and report.error_count == 0, report.as_dict()
        app.close()
        return {"rows": rows, "seconds": round(seconds, 2), "rows_per_s": round(rows / seconds),
                "file_mb": round(path.stat().st_size / 1e6, 1), "peak_mb": peak_mb()}


def run_part(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "benchmarks.bench_engine", "--part", *args], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--big", type=Path, default=Path(tempfile.gettempdir()) / "intake-big.sqlite3")
    p.add_argument("--quick", action="store_true", help="100,000 rows instead of 1,000,000 (a smoke run)")
    p.add_argument("--part", nargs="+")
    a = p.parse_args()
    if a.part:
        kind, *rest = a.part
        result = {"floor": lambda: part_floor(Path(rest[0]), 2000), "scans": lambda: part_scans(Path(rest[0]), 9000),
                  "import": lambda: part_import(int(rest[0]))}[kind]()
        print(json.dumps(result))
        return
    size = 100_000 if a.quick else 1_000_000
    if not a.big.exists():
        print("building", build_big_db(a.big, size, size), flush=True)
    results = {"floor": run_part("floor", str(a.big)), "scans": run_part("scans", str(a.big)),
               "import_18k": run_part("import", "18000"), "import_1m": run_part("import", str(size))}
    print(json.dumps(results, indent=2))
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / "engine.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
