"""Four stations receive 5,000 scans each offline - partly on the same orders, some the same serials -
then sync at the same time: central holds exactly 20,000 scans, and the four stations and central
agree on every order's reconciliation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from intake_app.store import tables as t

from .conftest import REPO
from .sync_support import (  # noqa: F401  (fixtures)
    central_fixture,
    make_station_fixture,
    reconciliations,
    seed_office,
    serials,
)

N = 4
PER_ORDER = 5000


def intake(station, *args, stdin=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_") or k.startswith("INTAKE_PG")}
    env["INTAKE_HOME"] = str(station.folder)
    return subprocess.run([sys.executable, "-m", "intake_app", "--station", station.app.station.name, *args],
                          input=stdin, capture_output=True, text=True, env=env, cwd=REPO, timeout=600)


def plan(i, orders):
    """Station i's 5,000 reads: its own order (with rescans, extras, another order's serials) and the next
    order, where it meets the serials station i+1 scans too."""
    own, nxt, far = orders[i], orders[(i + 1) % N], orders[(i + 2) % N]
    extras = serials(30, 900 + i)
    return {
        f"TB-2026-000{i + 1}": own[:4000] + own[:100] + extras + far[4900:4920],
        f"TB-2026-000{(i + 1) % N + 1}": nxt[4000:4750] + nxt[:100],
    }


@pytest.mark.timeout(1200)  # 20,000 real scans through the command line: minutes on a busy 2-core machine
def test_four_stations_offline_then_syncing_at_once(central, make_station, tmp_path):
    orders = [serials(PER_ORDER, 100 + i) for i in range(N)]
    office = central.office()
    for i, codes in enumerate(orders):
        seed_office(office, tmp_path, f"TB-2026-000{i + 1}", codes, "Heby" if i % 2 else "Knivsta")
    stations = [make_station(f"dock-{i + 1}", offset_s=i) for i in range(N)]
    for s in stations:
        s.sync()  # the orders and their lists reach every dock before the network goes
    plans = [plan(i, orders) for i in range(N)]
    assert all(sum(len(c) for c in p.values()) == 5000 for p in plans)

    def receive(i):
        for order, codes in plans[i].items():
            r = intake(stations[i], "scan", "--order", order, stdin="\n".join(codes) + "\n")
            assert r.returncode == 0, r.stderr
        return i

    with ThreadPoolExecutor(N) as pool:  # four processes scanning at once, offline
        list(pool.map(receive, range(N)))
    for s in stations:
        with s.app.store.read() as conn:
            assert conn.execute(select(func.count()).select_from(t.scans)).scalar_one() == 5000

    def sync(i):
        r = intake(stations[i], "sync", "--json")
        assert r.returncode == 0, r.stderr
        return json.loads(r.stdout)

    with ThreadPoolExecutor(N) as pool:  # ...and all come back online at the same moment
        first = list(pool.map(sync, range(N)))
    assert all(f["pushed_by_table"]["scans"] == 5000 for f in first)
    assert central.count("scans") == 20000
    for i in range(N):  # once more each, to fetch what the others pushed meanwhile
        sync(i)

    expected = reconciliations(office)
    assert len(expected) == N
    for s in stations:
        with s.app.store.read() as conn:
            assert conn.execute(select(func.count()).select_from(t.scans)).scalar_one() == 20000
        assert reconciliations(s.app) == expected, s.app.station.name
    for i in range(N):
        rec = expected[f"TB-2026-000{(i + 1) % N + 1}"]
        cross = [d for d in rec["duplicates"] if d["kind"] == "unit"]
        assert len(cross) == 100  # received by its own dock and by the dock before it
        assert {(d["station"], d["duplicate_of"]["station"]) for d in cross} == {
            (f"dock-{i + 1}", f"dock-{(i + 1) % N + 1}")}
        assert rec["totals"]["wrong_order"] == 20
