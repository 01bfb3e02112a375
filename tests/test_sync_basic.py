"""Two stations and a central PostgreSQL: what one station receives, the other and central see."""

from __future__ import annotations

from .conftest import SERIALS
from .sync_support import central_fixture, make_station_fixture, seed_office  # noqa: F401


def test_two_stations_converge(central, make_station, tmp_path):
    office = central.office()
    seed_office(office, tmp_path, "TB-2026-0001", SERIALS)
    a, b = make_station("dock-a"), make_station("dock-b", offset_s=3)
    first = a.sync()
    assert first.pulled["orders"] == 1 and first.pulled["expected_units"] == len(SERIALS)
    dock = a.app.sign_in("dock")
    for s in SERIALS[:5]:
        assert a.app.scanning.record(dock, "TB-2026-0001", s).outcome.value == "matched"
    report = a.sync()
    assert report.pushed["scans"] == 5 and report.pushed["units"] == 5
    b.sync()
    rec_b, _ = b.app.reconciler.reconcile("TB-2026-0001")
    rec_c, _ = office.reconciler.reconcile("TB-2026-0001")
    rec_a, _ = a.app.reconciler.reconcile("TB-2026-0001")
    assert rec_c["totals"]["matched"] == 5
    assert rec_a == rec_b == rec_c
    again = a.sync()
    assert again.pushed == {} and again.pulled == {}
    for station in (a, b):  # rows a pull brought are not queued to be pushed back
        assert station.syncer().status(probe=False)["rows_waiting_to_push"] == 0
