"""Two stations and a central PostgreSQL: what one station receives, the other and central see."""

from __future__ import annotations

from .conftest import SERIALS, write_manifest
from .sync_support import central, make_station  # noqa: F401  (fixtures)


def seed_office(office, tmp_path, number="TB-2026-0001", serials=SERIALS):
    admin_created = office.operators.all()
    if not any(o.name == "Sven Ekström" for o in admin_created):
        office.operators.create(None, "Admin", "admin", "9753")
        admin = office.sign_in("Admin", "9753")
        office.operators.create(admin, "Sven Ekström", "supervisor", "2468")
    boss = office.sign_in("Sven Ekström", "2468")
    if not office.customers.all():
        office.customers.add(boss, "IT-centrum, gemensam IT-nämnd", "IT-centrum", "212000-0274")
        office.customers.add(boss, "Heby kommun", "Heby", "212000-0316", parent="IT-centrum")
    office.orders.create(boss, "Heby", number)
    rows = [[s, f"HEB-{1000 + i:06d}", "Dell", "Latitude 5420", "Bärbar dator"] for i, s in enumerate(serials)]
    office.manifests.import_file(boss, number, write_manifest(tmp_path / f"{number}.csv", rows))
    return boss


def test_two_stations_converge(central, make_station, tmp_path):
    office = central.office()
    seed_office(office, tmp_path)
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
