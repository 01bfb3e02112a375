"""Build a large station database fast: N expected units and M earlier scans (each a received unit).

Used by the engine and GUI benchmarks. The reference rows (station, operators, customers, orders)
go through the engine; the bulk rows are written with plain ``sqlite3`` executemany in the exact
storage format SQLAlchemy uses (UUIDs as 32 hex characters, naive UTC datetimes), because the
services would take minutes for a million rows and the benchmark is about reading them.

    python -m benchmarks.bigdb /tmp/big.sqlite3 --expected 1000000 --scans 1000000
"""

from __future__ import annotations

import argparse
import sqlite3
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from intake_app.app import IntakeApp
from intake_app.domain.ids import format_unit_id
from intake_app.paths import Paths

ORDER_SIZE = 10_000
T0 = datetime(2025, 1, 1, tzinfo=UTC)


def big_serial(i: int) -> str:
    return f"BG{i:09d}X"


def build_big_db(path: Path, expected: int = 1_000_000, scans: int = 1_000_000, station: str = "bench") -> dict:
    """Create ``path`` with ``expected`` expected units in orders of 10,000 and ``scans`` received units."""
    if path.exists():
        path.unlink()
    started = time.perf_counter()
    app = IntakeApp.open(db_url=f"sqlite:///{path}", station=station, paths=Paths(path.parent, path.parent))
    app.operators.create(None, "Bench Boss", "supervisor", "2468")
    boss = app.sign_in("Bench Boss", "2468")
    app.customers.add(boss, "Benchmark kommun", "Bench", "212000-0316")
    n_orders = max(1, -(-expected // ORDER_SIZE))
    orders = [app.orders.create(boss, "Bench", f"TB-2025-{i + 1:04d}").id for i in range(n_orders)]
    station_id, operator_id = app.station.id, boss.id
    code = app.station.code
    app.close()

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA journal_mode=WAL")
    ts = (T0).strftime("%Y-%m-%d %H:%M:%S.%f")
    imports = {}
    for oid in orders:
        iid = uuid.uuid4()
        imports[oid] = iid
        conn.execute("INSERT INTO manifest_imports (id, created_at, station_id, operator_id, order_id, file_name, "
                     "file_sha256, units, count_lines, skipped, mapping) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                     (iid.hex, ts, station_id.hex, operator_id.hex, oid.hex, "big.csv", "0" * 64, ORDER_SIZE, 0, 0,
                      "{}"))
    expected_ids = []
    batch = []
    for i in range(expected):
        oid = orders[i // ORDER_SIZE]
        eid = uuid.uuid4()
        expected_ids.append(eid)
        s = big_serial(i)
        batch.append((eid.hex, oid.hex, imports[oid].hex, i % ORDER_SIZE + 2, s, s, f"BIG-{i:08d}", f"BIG{i:08d}",
                      "Dell", "Latitude 5420", "Bärbar dator", "laptop"))
        if len(batch) == 50_000:
            _insert_expected(conn, batch)
            batch = []
    if batch:
        _insert_expected(conn, batch)
    # every earlier scan received one expected unit (the first `scans` units, order by order)
    rows_s, rows_u, rows_st = [], [], []
    for i in range(scans):
        oid = orders[(i % expected) // ORDER_SIZE]
        sid, uid = uuid.uuid4(), uuid.uuid4()
        when = (T0 + timedelta(seconds=i)).strftime("%Y-%m-%d %H:%M:%S.%f")
        s = big_serial(i % expected)
        eid = expected_ids[i % expected] if i < expected else None
        rows_s.append((sid.hex, when, station_id.hex, operator_id.hex, oid.hex, None, s, s, "serial",
                       "matched" if eid else "unexpected", None, eid.hex if eid else None, uid.hex, None, "wedge",
                       None))
        rows_u.append((uid.hex, when, station_id.hex, operator_id.hex, format_unit_id(code, i + 1), i + 1, oid.hex,
                       sid.hex, eid.hex if eid else None, None, s, s))
        rows_st.append((uid.hex, oid.hex, eid.hex if eid else None, None, s, 1))
        if len(rows_s) == 50_000:
            _insert_scans(conn, rows_s, rows_u, rows_st)
            rows_s, rows_u, rows_st = [], [], []
    if rows_s:
        _insert_scans(conn, rows_s, rows_u, rows_st)
    conn.commit()
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {"path": str(path), "orders": n_orders, "expected": expected, "scans": scans,
            "seconds": round(time.perf_counter() - started, 1), "size_mb": round(path.stat().st_size / 1e6)}


def _insert_expected(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    conn.executemany("INSERT INTO expected_units (id, order_id, import_id, line_no, serial, serial_key, asset_tag, "
                     "asset_tag_key, manufacturer, model, category, category_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     rows)


def _insert_scans(conn: sqlite3.Connection, scans: list[tuple], units: list[tuple], states: list[tuple]) -> None:
    conn.executemany("INSERT INTO scans (id, created_at, station_id, operator_id, order_id, pallet_id, raw, code, "
                     "kind, outcome, reason, expected_unit_id, unit_id, other_order_id, source, detail) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", scans)
    conn.executemany("INSERT INTO units (id, created_at, station_id, operator_id, internal_id, seq, order_id, "
                     "scan_id, expected_unit_id, pallet_id, serial, serial_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     units)
    conn.executemany("INSERT INTO unit_state (unit_id, order_id, expected_unit_id, pallet_id, serial_key, active) "
                     "VALUES (?,?,?,?,?,?)", states)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("path", type=Path)
    p.add_argument("--expected", type=int, default=1_000_000)
    p.add_argument("--scans", type=int, default=1_000_000)
    a = p.parse_args()
    print(build_big_db(a.path, a.expected, a.scans))


if __name__ == "__main__":
    main()
