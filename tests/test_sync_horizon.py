"""Pull never misses a row that commits late.

Central transaction ids are handed out when a transaction first writes, but transactions commit in
any order. A station that remembered "I have everything up to id N" (or up to a sequence number, or a
time) would skip a transaction with a lower id that commits after it pulled. These tests make exactly
that happen, with the real push code paused inside its transaction, and check the puller gets it all.
"""

from __future__ import annotations

import random
import threading
import time

from sqlalchemy import create_engine, select

from intake_app.store import tables as t
from intake_app.sync.progress import Hooks

from .sync_support import (  # noqa: F401  (fixtures)
    central_fixture,
    make_station_fixture,
    reconciliations,
    seed_office,
    serials,
)


def unit_serials(app):
    with app.store.read() as conn:
        return set(conn.execute(select(t.units.c.serial)).scalars())


def test_a_transaction_that_commits_late_is_pulled(central, make_station, tmp_path):
    codes = serials(30, 11)
    office = central.office()
    seed_office(office, tmp_path, "TB-2026-0001", codes)
    a, b, c = make_station("dock-a"), make_station("dock-b", offset_s=1), make_station("dock-c", offset_s=2)
    for s in (a, b, c):
        s.sync()
    for station, mine in ((a, codes[:10]), (b, codes[10:20])):
        dock = station.app.sign_in("dock")
        for code in mine:
            station.app.scanning.record(dock, "TB-2026-0001", code)

    inside, release = threading.Event(), threading.Event()
    seen: dict[str, int] = {}

    def pause(_number: int, xid: int) -> None:
        seen["a"] = xid
        inside.set()
        assert release.wait(60)

    pusher = threading.Thread(target=lambda: a.sync(hooks=Hooks(before_push_commit=pause)))
    pusher.start()
    assert inside.wait(60), "dock-a never reached its commit"
    # dock-a's transaction holds an id and its rows, uncommitted; dock-b starts later and commits first
    b_report = b.sync(hooks=Hooks(after_push_commit=lambda _n, xid: seen.setdefault("b", xid)))
    assert b_report.pushed["units"] == 10
    assert seen["a"] < seen["b"], "the test needs dock-a's transaction id to be the lower one"
    c.sync()
    assert unit_serials(c.app) == set(codes[10:20])  # dock-a's rows are not visible yet
    release.set()
    pusher.join(60)
    assert not pusher.is_alive()

    # the trap is real: dock-a's rows sit *below* dock-b's in central's log order
    engine = create_engine(central.admin_url)
    with engine.connect() as conn:
        log = conn.execute(select(t.sync_log.c.seq, t.sync_log.c.xid).where(t.sync_log.c.tbl == "units")).all()
    engine.dispose()
    a_seqs = [r.seq for r in log if r.xid == seen["a"]]
    b_seqs = [r.seq for r in log if r.xid == seen["b"]]
    assert len(a_seqs) == 10 and max(a_seqs) < min(b_seqs)  # a cursor at max(seq) after the pull skips them

    c.sync()
    assert unit_serials(c.app) == set(codes[:20])
    assert reconciliations(c.app) == reconciliations(office)


def test_concurrent_pushers_commit_out_of_order_while_a_station_pulls(central, make_station, tmp_path):
    codes = serials(240, 12)
    office = central.office()
    seed_office(office, tmp_path, "TB-2026-0001", codes)
    pushers = [make_station(f"dock-{i}", offset_s=i) for i in range(3)]
    puller = make_station("dock-p", offset_s=9)
    for s in (*pushers, puller):
        s.sync()
    for i, s in enumerate(pushers):
        dock = s.app.sign_in("dock")
        for code in codes[i * 80:(i + 1) * 80]:
            s.app.scanning.record(dock, "TB-2026-0001", code)

    rng = random.Random(4)
    commits: list[int] = []  # central transaction ids in the order they committed
    lock = threading.Lock()

    def dawdle(_n: int, _xid: int) -> None:
        time.sleep(rng.random() * 0.03)

    def committed(_n: int, xid: int) -> None:
        with lock:
            commits.append(xid)

    running = threading.Event()
    running.set()
    pulls: list[int] = []

    def pull_loop() -> None:
        while running.is_set():
            pulls.append(len(unit_serials(puller.app)))
            puller.sync(batch_rows=13)

    threads = [threading.Thread(target=s.sync, kwargs={"batch_rows": 9, "hooks": Hooks(
        before_push_commit=dawdle, after_push_commit=committed)}) for s in pushers]
    pull_thread = threading.Thread(target=pull_loop)
    pull_thread.start()
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    running.clear()
    pull_thread.join(120)

    out_of_order = sum(1 for i in range(1, len(commits)) if commits[i] < max(commits[:i]))
    assert out_of_order > 0, "no transaction committed after one with a higher id: nothing was tested"
    assert len(pulls) > 3 and max(pulls) > 0  # it pulled while the pushers were committing
    puller.sync()
    assert unit_serials(puller.app) == set(codes)
    assert reconciliations(puller.app) == reconciliations(office)
