"""Build a station database the size of four years at one customer and more: 1,000,000 expected units.

    .venv/bin/python benchmarks/make_big_db.py [FOLDER] [--units 1000000]

The schema comes from the real migrations and the people, customers and demo orders from the
real services (``intake demo``); the bulk - orders of 18,000 expected units each, ~95 % of them
received on pallets of 30 with one scan and one unit per receipt, most orders signed off - is
written with plain ``executemany`` in a few large transactions (minutes, not hours). One order,
``TB-2026-0900``, stays open and half received: the one the benchmarks scan into.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from intake_app.app import IntakeApp
from intake_app.demo import seed_demo
from intake_app.demo_data import MODELS, MUNICIPALITIES, serial_for
from intake_app.domain.categories import category_key
from intake_app.domain.codes import match_key
from intake_app.domain.ids import format_pallet_id, format_unit_id
from intake_app.paths import Paths

ORDER_SIZE = 18_000
BENCH_ORDER = "TB-2026-0900"
STATION = "bench-dock"
BATCH = 50_000
START = datetime(2022, 3, 1, 7, 0, tzinfo=UTC)


def hexid() -> str:
    return uuid.uuid4().hex  # how SQLAlchemy's Uuid type stores a UUID on SQLite


def ts(dt: datetime) -> str:
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


@dataclass
class Ctx:
    conn: sqlite3.Connection
    station_id: str
    station_code: str
    operator_id: str
    unit_seq: int = 0
    pallet_seq: int = 0


def insert(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: Iterator[tuple[Any, ...]]) -> int:
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    n, chunk = 0, []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= BATCH:
            conn.executemany(sql, chunk)
            n += len(chunk)
            chunk = []
    conn.executemany(sql, chunk)
    return n + len(chunk)


def build(folder: Path, units: int = 1_000_000, seed: int = 2026) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "intake.sqlite3"
    for f in folder.glob("intake.sqlite3*"):
        f.unlink()
    app = IntakeApp.open(db_url=f"sqlite:///{db}", station=STATION, paths=Paths(folder, folder))
    seed_demo(app)
    station, anna = app.station, app.sign_in("Anna Lindqvist", "1357")
    app.close()
    (folder / "settings.toml").write_text(f'version = 1\n[station]\nname = "{STATION}"\n', encoding="utf-8")
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")  # a throwaway build: no journal, no fsync
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-400000")
    ctx = Ctx(conn, station.id.hex, station.code, anna.id.hex)
    ctx.unit_seq = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM units").fetchone()[0]
    ctx.pallet_seq = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM pallets").fetchone()[0]
    customers = [r[0] for r in conn.execute("SELECT id FROM customers WHERE parent_id IS NOT NULL ORDER BY name")]
    rng = random.Random(seed)
    # the remainder is the oldest order; the open one scanned into is a full 18,000
    sizes = ([units % ORDER_SIZE] if units % ORDER_SIZE else []) + [ORDER_SIZE] * (units // ORDER_SIZE)
    conn.execute("BEGIN")
    for i, size in enumerate(sizes):
        last = i == len(sizes) - 1
        number = BENCH_ORDER if last else f"TB-{2022 + i * 4 // len(sizes)}-{1000 + i:04d}"
        add_order(ctx, rng, number, customers[i % len(customers)], size, i, START + timedelta(days=i * 25),
                  received=0.5 if last else 0.95, signed_off=not last)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")  # the query planner sees real sizes, as on a station that has run for years
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    return db


def add_order(ctx: Ctx, rng: random.Random, number: str, customer: str, size: int, index: int, when: datetime,
              received: float, signed_off: bool) -> None:
    conn = ctx.conn
    order_id, import_id = hexid(), hexid()
    fact = (ts(when), ctx.station_id, ctx.operator_id)
    conn.execute("INSERT INTO orders (id, number, customer_id, customer_ref, note, created_at, station_id, "
                 "operator_id) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)", (order_id, number, customer, f"BIG-{index}", *fact))
    conn.execute("INSERT INTO manifest_imports (id, order_id, file_name, file_sha256, units, count_lines, skipped, "
                 "mapping, created_at, station_id, operator_id) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)",
                 (import_id, order_id, f"{number}.csv", hexid() * 2, size, json.dumps({"serial": "Serienummer"}),
                  *fact))
    tag_prefix = MUNICIPALITIES[index % len(MUNICIPALITIES)][3]
    expected = [_expected_row(rng, order_id, import_id, index, n, tag_prefix) for n in range(size)]
    insert(conn, "expected_units", ("id", "order_id", "import_id", "line_no", "serial", "serial_key", "asset_tag",
                                    "asset_tag_key", "manufacturer", "model", "category", "category_key"),
           iter(expected))
    take = [e for e in expected if rng.random() < received]
    receive(ctx, rng, order_id, take, when)
    if signed_off:
        conn.execute("INSERT INTO order_events (id, order_id, kind, reason, summary, created_at, station_id, "
                     "operator_id) VALUES (?, ?, 'sign_off', 'rest not delivered', NULL, ?, ?, ?)",
                     (hexid(), order_id, ts(when + timedelta(days=3)), ctx.station_id, ctx.operator_id))


def _expected_row(rng: random.Random, order_id: str, import_id: str, index: int, n: int,
                  tag_prefix: str) -> tuple[Any, ...]:
    make, model, cat, style, _ = MODELS[(index + n) % len(MODELS)]
    serial = f"{serial_for(style, rng)[:3]}{index:03d}{n:06d}"  # unique by construction, manufacturer-like
    tag = f"{tag_prefix}-{index:03d}{n:05d}"
    return (hexid(), order_id, import_id, n + 2, serial, match_key(serial), tag, match_key(tag), make, model, cat,
            category_key(cat))


def receive(ctx: Ctx, rng: random.Random, order_id: str, expected: list[tuple[Any, ...]], when: datetime) -> None:
    """One scan, one unit and its state per received unit; pallets of 30; a few extras."""
    scans, units, states, pallets = [], [], [], []
    pallet_id = ""
    for k, e in enumerate(expected):
        if k % 30 == 0:
            ctx.pallet_seq += 1
            pallet_id = hexid()
            pallets.append((pallet_id, order_id, format_pallet_id(ctx.station_code, ctx.pallet_seq), "own",
                            ctx.pallet_seq, ts(when), ctx.station_id, ctx.operator_id))
        at = ts(when + timedelta(seconds=k * 2))
        scan_id, unit_id = hexid(), hexid()
        ctx.unit_seq += 1
        extra = rng.random() < 0.01  # matched to nothing: the customer's list missed it
        expected_id = None if extra else e[0]
        scans.append((scan_id, order_id, pallet_id, e[4], e[4], "serial", "unexpected" if extra else "matched",
                      None, expected_id, None, None, "wedge", None, at, ctx.station_id, ctx.operator_id))
        units.append((unit_id, format_unit_id(ctx.station_code, ctx.unit_seq), ctx.unit_seq, order_id, scan_id,
                      expected_id, pallet_id, e[4], e[5], at, ctx.station_id, ctx.operator_id))
        states.append((unit_id, order_id, expected_id, pallet_id, e[5], 1))
    insert(ctx.conn, "pallets", ("id", "order_id", "code", "kind", "seq", "created_at", "station_id", "operator_id"),
           iter(pallets))
    insert(ctx.conn, "scans", ("id", "order_id", "pallet_id", "raw", "code", "kind", "outcome", "reason",
                               "expected_unit_id", "unit_id", "other_order_id", "source", "detail", "created_at",
                               "station_id", "operator_id"), iter(scans))
    insert(ctx.conn, "units", ("id", "internal_id", "seq", "order_id", "scan_id", "expected_unit_id", "pallet_id",
                               "serial", "serial_key", "created_at", "station_id", "operator_id"), iter(units))
    insert(ctx.conn, "unit_state", ("unit_id", "order_id", "expected_unit_id", "pallet_id", "serial_key", "active"),
           iter(states))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("folder", nargs="?", default=str(Path(__file__).parent / "out" / "big"))
    p.add_argument("--units", type=int, default=1_000_000)
    args = p.parse_args()
    t0 = time.perf_counter()
    db = build(Path(args.folder), args.units)
    conn = sqlite3.connect(db)
    counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("orders", "expected_units", "units", "scans", "pallets")}
    print(f"{db}: {counts} in {time.perf_counter() - t0:.1f} s, {db.stat().st_size / 1e9:.2f} GB")


if __name__ == "__main__":
    main()
