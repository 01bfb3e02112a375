"""Sync speed budgets (issue: offline first, synced later).

    python -m benchmarks.bench_sync [--quick]

needs a PostgreSQL server it may create databases on: ``INTAKE_PG_URL`` (a superuser URL) and, for
verified TLS, ``INTAKE_PG_CA``. The test services provide both::

    bash -c 'source scripts/setup.sh && source scripts/services.sh && trap stop_services EXIT &&
             start_postgres && .venv/bin/python -m benchmarks.bench_sync'

Measured over loopback, with TLS (verify-full) and per-station roles, as a dock runs it:

* push 18,000 scans (each received a unit: 36,000 rows) < 10 s; pull them into another station < 10 s
* 1,000,000 rows each way < 5 minutes, with bounded memory (peak RSS of the process reported)
* a sync with nothing to do < 200 ms

and what capturing rows for the push costs the scan hot path (``record_scan`` on the 1,000,000-row
station with the outbox triggers and without; the engine's budget is a median under 2 ms).

Each part runs in its own process so its peak memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from intake_app.app import IntakeApp
from intake_app.clock import FixedClock
from intake_app.demo_data import iter_big_fleet
from intake_app.paths import Paths
from intake_app.store import tables as t
from intake_app.sync.central import CentralConfig, init_central
from intake_app.sync.register import register_station
from intake_app.sync.secrets import FileStore
from intake_app.sync.syncer import Syncer

from .bigdb import build_big_db  # the same builder as the engine benchmark

PG_URL = os.environ.get("INTAKE_PG_URL", "")
PG_CA = os.environ.get("INTAKE_PG_CA", "")
SCANS = 18_000


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def tls() -> tuple[str, str | None]:
    return ("verify-full", PG_CA) if PG_CA else ("prefer", None)


def new_central(tag: str) -> str:
    """A fresh central database, initialised as ``intake central init`` does; its owner's URL."""
    name = f"intake_bench_{tag}_{uuid.uuid4().hex[:6]}"
    server = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    server.dispose()
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    init_central(CentralConfig(url, *tls()))
    return url


def drop_central(url: str) -> None:
    name = make_url(url).database
    server = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        for role in conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"), {"p": f"{name}\\_%"}
                                 ).scalars().all():
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
    server.dispose()


def open_station(folder: Path, name: str) -> IntakeApp:
    folder.mkdir(parents=True, exist_ok=True)
    app = IntakeApp.open(db_url=f"sqlite:///{folder / 'intake.sqlite3'}", station=name, paths=Paths(folder, folder))
    mode, ca = tls()
    app.settings.set("sync.sslmode", mode)
    if ca:
        app.settings.set("sync.ca_file", ca)
    return app


def register(folder: Path, name: str, central_url: str) -> None:
    app = open_station(folder, name)
    register_station(app.ctx, app.settings, CentralConfig(central_url, *tls()), FileStore(folder / "secrets"))
    app.close()


def syncer(app: IntakeApp, folder: Path, batch: int = 2000) -> Syncer:
    return Syncer(app.ctx, CentralConfig.from_settings(app.settings), secrets=FileStore(folder / "secrets"),
                  batch_rows=batch)


def timed_sync(folder: Path, name: str, batch: int = 2000) -> dict[str, Any]:
    app = open_station(folder, name)
    s = syncer(app, folder, batch)
    started = time.perf_counter()
    report = s.run()
    seconds = time.perf_counter() - started
    s.close()
    app.close()
    pushed, pulled = sum(report.pushed.values()), sum(report.pulled.values())
    rows = max(pushed, pulled)
    return {"seconds": round(seconds, 2), "pushed": pushed, "pulled": pulled,
            "rows_per_s": round(rows / seconds) if rows else None, "peak_mb": peak_mb()}


# -- parts (each in its own process) ------------------------------------------------------------------

def part_prepare18k(work: Path, scans: int) -> dict[str, Any]:
    central = new_central("18k")
    office_dir = work / "office"
    office_dir.mkdir(parents=True)
    office = IntakeApp.open(db_url=central, station="office", paths=Paths(office_dir, office_dir),
                            clock=FixedClock(datetime(2026, 3, 1, tzinfo=UTC), timedelta(milliseconds=1)))
    office.operators.create(None, "Bench Boss", "supervisor", "2468")
    boss = office.sign_in("Bench Boss", "2468")
    office.customers.add(boss, "Benchmark kommun", "Bench", "212000-0316")
    number = office.orders.create(boss, "Bench", "TB-2026-0001").number
    manifest = work / "order.csv"
    serials = [u.serial for u in iter_big_fleet(7, scans)]
    manifest.write_text("Serienummer;Tillverkare;Modell;Kategori\n"
                        + "".join(f"{s};Dell;Latitude 5420;Bärbar dator\n" for s in serials), encoding="utf-8")
    office.manifests.import_file(boss, number, manifest)
    office.close()
    for name in ("dock-a", "dock-b"):
        register(work / name, name, central)
    first = {name: timed_sync(work / name, name) for name in ("dock-a", "dock-b")}
    app = open_station(work / "dock-a", "dock-a")
    dock = app.sign_in("dock")
    started = time.perf_counter()
    for s in serials:
        app.scanning.record(dock, number, s)
    scan_s = time.perf_counter() - started
    app.close()
    (work / "central.txt").write_text(central)
    return {"central": make_url(central).database, "first_pull_of_the_order": first["dock-b"],
            "scans": scans, "scanning_s": round(scan_s, 1)}


def part_idle(work: Path, n: int) -> dict[str, Any]:
    app = open_station(work / "dock-a", "dock-a")
    warm, cold = [], []
    s = syncer(app, work / "dock-a")
    for _ in range(n):  # the GUI's background sync: one syncer, its connection pooled
        started = time.perf_counter()
        report = s.run()
        warm.append((time.perf_counter() - started) * 1000)
        assert not report.pushed and not report.pulled
    s.close()
    for _ in range(n):  # the command line: a new connection (TCP, TLS, password check) every time
        s = syncer(app, work / "dock-a")
        started = time.perf_counter()
        s.run()
        cold.append((time.perf_counter() - started) * 1000)
        s.close()
    app.close()
    env = {**os.environ, "INTAKE_HOME": str(work / "dock-a")}
    cli = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "intake_app", "--station", "dock-a", "sync"], env=env, check=True,
                       capture_output=True)
        cli.append((time.perf_counter() - started) * 1000)
    return {"pooled_connection_ms": ms_stats(warm), "new_connection_ms": ms_stats(cold),
            "cli_process_ms": ms_stats(cli)}


def part_prepare1m(work: Path, rows: int) -> dict[str, Any]:
    central = new_central("1m")
    folder = work / "dock-c"
    folder.mkdir(parents=True)
    # a station database holding `rows` fact rows: a fifth expected units, two fifths scans, two fifths units
    built = build_big_db(folder / "intake.sqlite3", expected=rows // 5, scans=2 * rows // 5, station="dock-c")
    register(folder, "dock-c", central)
    register(work / "dock-d", "dock-d", central)
    app = open_station(folder, "dock-c")
    with app.store.read() as conn:
        queued = conn.execute(select(func.count()).select_from(t.sync_outbox)).scalar_one()
    app.close()
    (work / "central.txt").write_text(central)
    return {"central": make_url(central).database, "built": built, "rows_waiting_to_push": queued}


def part_hotpath(work: Path, n: int) -> dict[str, Any]:
    """``record_scan`` on the 1,000,000-row station with the outbox triggers and without them.

    The same database and order, matched scans both ways, in alternating blocks of 100 after a
    warm-up (so neither side gets the colder cache): the difference is what capture costs.
    """
    from intake_app.store.models import FACT_TABLES
    from intake_app.sync.capture import heal_station

    folder = work / "dock-c"
    app = open_station(folder, "dock-c")
    boss = app.sign_in("Bench Boss", "2468")
    dock = app.sign_in("dock")
    number = app.orders.create(boss, "Bench").number
    serials = [f"HP{u.serial}" for u in iter_big_fleet(21, 2 * n + 200)]
    manifest = work / "hotpath.csv"
    manifest.write_text("Serienummer;Tillverkare;Modell;Kategori\n"
                        + "".join(f"{x};Dell;Latitude 5420;Bärbar dator\n" for x in serials), encoding="utf-8")
    app.manifests.import_file(boss, number, manifest)
    for code in serials[:200]:  # warm-up, not measured
        app.scanning.record(dock, number, code, source="wedge")
    timings: dict[str, list[float]] = {"with_capture": [], "without_capture": []}
    rest = serials[200:]
    for block in range(0, len(rest), 100):
        capture = (block // 100) % 2 == 0
        with app.store.write() as conn:
            if capture:
                heal_station(conn)
            else:
                for table in FACT_TABLES:
                    conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS sync_capture_{table}")
        for code in rest[block:block + 100]:
            started = time.perf_counter()
            result = app.scanning.record(dock, number, code, source="wedge")
            timings["with_capture" if capture else "without_capture"].append((time.perf_counter() - started) * 1000)
            assert result.outcome.value == "matched"
    with app.store.read() as conn:
        rows = sum(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() for table in FACT_TABLES)
    app.close()
    return {"fact_rows": rows, **{k: ms_stats(v) for k, v in timings.items()}}


def ms_stats(values: list[float]) -> dict[str, float]:
    s = sorted(values)
    return {"n": len(values), "median_ms": round(statistics.median(values), 1),
            "p90_ms": round(s[min(len(s) - 1, int(0.9 * len(s)))], 1), "max_ms": round(max(values), 1)}


def run_part(*args: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-m", "benchmarks.bench_sync", "--part", *args], capture_output=True,
                         text=True)
    if out.returncode:
        raise SystemExit(f"part {args} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true", help="1,800 scans and 100,000 rows (a smoke run)")
    p.add_argument("--part", nargs="+")
    p.add_argument("--only", nargs="+", choices=("18k", "1m", "hotpath"), default=["18k", "1m", "hotpath"])
    a = p.parse_args()
    if not PG_URL:
        raise SystemExit("set INTAKE_PG_URL to a PostgreSQL superuser URL (see this module's docstring)")
    if a.part:
        kind, work, *rest = a.part
        w = Path(work)
        parts = {
            "prepare18k": lambda: part_prepare18k(w, int(rest[0])),
            "push": lambda: timed_sync(w / rest[0], rest[0]),
            "pull": lambda: timed_sync(w / rest[0], rest[0]),
            "idle": lambda: part_idle(w, int(rest[0])),
            "prepare1m": lambda: part_prepare1m(w, int(rest[0])),
            "hotpath": lambda: part_hotpath(w, int(rest[0])),
        }
        print(json.dumps(parts[kind]()))
        return
    scans, rows = (1_800, 100_000) if a.quick else (SCANS, 1_000_000)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if "18k" in a.only:
            work = Path(tmp) / "18k"
            results["prepare_18k"] = run_part("prepare18k", str(work), str(scans))
            try:
                results["push_18k_scans"] = run_part("push", str(work), "dock-a")
                results["pull_18k_scans"] = run_part("pull", str(work), "dock-b")
                results["nothing_to_do"] = run_part("idle", str(work), "30")
            finally:
                drop_central((work / "central.txt").read_text())
        if "1m" in a.only or "hotpath" in a.only:
            work = Path(tmp) / "1m"
            results["prepare_1m"] = run_part("prepare1m", str(work), str(rows))
            try:
                if "1m" in a.only:
                    results["push_1m_rows"] = run_part("push", str(work), "dock-c")
                    results["pull_1m_rows"] = run_part("pull", str(work), "dock-d")
                if "hotpath" in a.only:
                    results["record_scan_on_the_1m_station"] = run_part("hotpath", str(work), "1000")
            finally:
                drop_central((work / "central.txt").read_text())
    print(json.dumps(results, indent=2))
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    name = "sync-quick" if a.quick else "sync"
    if set(a.only) != {"18k", "1m", "hotpath"}:
        name += "-" + "-".join(a.only)
    (out / f"{name}.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
