"""Conflicts are business facts, not sync errors: both sides' facts are kept and the supervisor sees them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import insert

from intake_app.errors import Conflict
from intake_app.store import tables as t

from .conftest import T0, write_manifest
from .sync_support import (  # noqa: F401  (fixtures)
    central_fixture,
    make_station_fixture,
    reconciliations,
    seed_office,
    serials,
)

ORDER = "TB-2026-0001"


def receive(station, codes, order=ORDER, pallet=None):
    dock = station.app.sign_in("dock")
    return [station.app.scanning.record(dock, order, c, pallet=pallet) for c in codes]


def sync_all(*stations):
    for s in (*stations, *stations):  # twice round: everyone gets what the later ones pushed
        s.sync()


def test_same_serial_received_at_two_stations_is_a_duplicate_with_both_stations(central, make_station, tmp_path):
    codes = serials(6, 31)
    office = central.office()
    seed_office(office, tmp_path, ORDER, codes)
    a, b = make_station("dock-a"), make_station("dock-b", offset_s=60)
    sync_all(a, b)
    assert receive(a, codes[:3])[0].outcome.value == "matched"
    assert receive(b, codes[2:4])[0].outcome.value == "matched"  # offline: b does not know a has it
    sync_all(a, b)
    recs = [reconciliations(x)[ORDER] for x in (a.app, b.app, office)]
    assert recs[0] == recs[1] == recs[2]
    rec = recs[0]
    assert rec["totals"]["matched"] == 4 and rec["totals"]["duplicates"] == 1 and rec["totals"]["received"] == 5
    (dup,) = rec["duplicates"]
    assert dup["serial"] == codes[2] and dup["station"] == "dock-b"
    assert dup["duplicate_of"]["station"] == "dock-a"
    # back at the dock, the next read of that serial says where it was first received
    again = receive(b, codes[2:3])[0]
    assert again.outcome.value == "duplicate" and again.decision.unit.station == "dock-a"


def test_offline_scans_onto_an_order_signed_off_centrally_are_kept_and_flagged(central, make_station, tmp_path):
    codes = serials(8, 32)
    office = central.office()
    boss = seed_office(office, tmp_path, ORDER, codes)
    # dock-a's clock is a day behind the office: its offline scans look *older* than the sign-off
    a, b = make_station("dock-a", offset_s=-2 * 86400), make_station("dock-b", offset_s=600)
    sync_all(a, b)
    receive(a, codes[:1])
    a.sync()  # this unit reached central before the sign-off
    receive(a, codes[1:3])  # offline...
    receive(b, codes[3:4])
    office.reconciler.sign_off(boss, ORDER, "the rest did not come")  # ...while the office signs off
    sync_all(a, b)

    recs = [reconciliations(x)[ORDER] for x in (a.app, b.app, office)]
    assert recs[0] == recs[1] == recs[2]
    rec = recs[0]
    assert rec["status"] == "signed_off" and rec["totals"]["received"] == 4
    late = rec["received_after_sign_off"]
    assert sorted(u["serial"] for u in late) == sorted(codes[1:4])
    assert {u["station"] for u in late} == {"dock-a", "dock-b"}
    assert rec["changed_since_sign_off"] is True
    with pytest.raises(Conflict):  # the dock now knows: no more scans until a supervisor reopens
        receive(a, codes[4:5])

    office.reconciler.reopen(boss, ORDER, "count the late units")
    office.reconciler.sign_off(boss, ORDER, "with the late units")
    sync_all(a, b)
    rec = reconciliations(a.app)[ORDER]
    assert rec == reconciliations(office)[ORDER]
    assert rec["received_after_sign_off"] == [] and rec["changed_since_sign_off"] is False


def test_manifest_amended_centrally_while_a_station_was_offline(central, make_station, tmp_path):
    codes = serials(8, 33)
    listed, late_lines = codes[:5], codes[5:7]
    office = central.office()
    boss = seed_office(office, tmp_path, ORDER, listed)
    a = make_station("dock-a")
    a.sync()
    receive(a, listed[:2])
    extra = receive(a, late_lines[:1])[0]  # not on the list the dock has: received as an extra
    assert extra.outcome.value == "unexpected"
    amendment = write_manifest(tmp_path / "amended.csv",
                               [[c, "", "HP", "EliteBook 840", "Bärbar dator"] for c in late_lines])
    office.manifests.import_file(boss, ORDER, amendment)  # centrally, meanwhile
    a.sync()

    rec = reconciliations(a.app)[ORDER]
    assert rec == reconciliations(office)[ORDER]
    assert rec["totals"]["expected"] == 7 and rec["totals"]["extras"] == 1
    assert [u["serial"] for u in rec["extras"]] == late_lines[:1]
    # the dock now has the amended list: the other late line is matched when it arrives
    assert receive(a, late_lines[1:2])[0].outcome.value == "matched"
    # the supervisor matches the early extra to its new line, centrally; the dock learns it by sync
    office.corrections.manual_match(boss, extra.unit.internal_id, late_lines[0], "on the amended list")
    a.sync()
    rec = reconciliations(a.app)[ORDER]
    assert rec == reconciliations(office)[ORDER]
    assert rec["totals"]["extras"] == 0 and rec["totals"]["matched"] == 4


def test_order_numbers_made_offline(central, make_station, tmp_path):
    office = central.office()
    seed_office(office, tmp_path, ORDER, serials(3, 34))
    a, b = make_station("dock-a"), make_station("dock-b", offset_s=60)
    sync_all(a, b)
    boss_a, boss_b = a.app.sign_in("Sven Ekström", "2468"), b.app.sign_in("Sven Ekström", "2468")
    # the rule: a registered station numbers the orders it makes with its own code...
    made_a = a.app.orders.create(boss_a, "Heby")
    made_b = b.app.orders.create(boss_b, "Heby")
    assert made_a.number == f"TB-2026-{a.app.station.code}-0001"
    assert made_b.number == f"TB-2026-{b.app.station.code}-0001"
    # ...and a number typed at two stations offline is kept twice and reported
    a.app.orders.create(boss_a, "Heby", "TB-2026-0042", "Heby skolor")
    b.app.orders.create(boss_b, "Knivsta", "TB-2026-0042", "Knivsta förskolor")
    sync_all(a, b)
    numbers = sorted(o.number for o in office.orders.all())
    assert numbers.count("TB-2026-0042") == 2 and made_a.number in numbers and made_b.number in numbers
    with pytest.raises(Conflict, match="more than one order is numbered TB-2026-0042"):
        office.orders.summary("TB-2026-0042")
    status = a.syncer().status(probe=False)
    assert status["conflicts"]["order_numbers_used_twice"] == ["TB-2026-0042"]
    assert office.orders.summary(made_a.id).number == made_a.number  # by id, always unambiguous


def test_operators_customers_and_pallets_made_at_two_stations_are_one(central, make_station, tmp_path):
    codes = serials(4, 35)
    office = central.office()
    seed_office(office, tmp_path, ORDER, codes)
    a, b = make_station("dock-a"), make_station("dock-b", offset_s=60)
    sync_all(a, b)
    sscc = "(00)373500001234567896"
    for station, code in ((a, codes[0]), (b, codes[1])):
        admin = station.app.sign_in("Admin", "9753")
        boss = station.app.sign_in("Sven Ekström", "2468")
        station.app.operators.create(admin, "Erik Berg", "operator", "4826")
        station.app.customers.add(boss, "Tierp kommun", "Tierp", "212000-0290", parent="IT-centrum")
        pallet = station.app.scanning.open_pallet(boss, ORDER, sscc)
        receive(station, [code], pallet=pallet.code)
    sync_all(a, b)
    for app in (a.app, b.app, office):
        assert [o.name for o in app.operators.all()].count("Erik Berg") == 1
        assert [c.short_name for c in app.customers.all()].count("Tierp") == 1
        app.sign_in("Erik Berg", "4826")
    rec = reconciliations(office)[ORDER]
    assert rec == reconciliations(a.app)[ORDER] == reconciliations(b.app)[ORDER]
    assert rec["by_pallet"]["373500001234567896"]["received"] == 2
    assert a.syncer().status(probe=False)["refused_by_central"] == []


def test_rows_central_refuses_are_reported_and_do_not_block_the_rest(central, make_station, tmp_path):
    codes = serials(5, 36)
    office = central.office()
    seed_office(office, tmp_path, ORDER, codes)
    a = make_station("dock-a")
    a.sync()
    # a row this station's SQLite accepted but central's schema cannot hold (e.g. written by an old
    # program version), and an order that depends on it
    import uuid

    bad_customer, bad_order = uuid.uuid4(), uuid.uuid4()
    with a.app.store.write() as conn:
        conn.execute(insert(t.customers).values(id=bad_customer, created_at=T0, station_id=a.app.station.id,
                                                operator_id=None, name="X" * 300, short_name="X", org_number=None,
                                                parent_id=None))
        conn.execute(insert(t.orders).values(id=bad_order, created_at=T0 + timedelta(seconds=1),
                                             station_id=a.app.station.id, operator_id=None, number="TB-2026-0777",
                                             customer_id=bad_customer, customer_ref=None, note=None))
    receive(a, codes[:3])
    report = a.sync()
    assert {r["table"] for r in report.refused_by_central} == {"customers", "orders"}
    assert report.pushed["units"] == 3 and central.count("units") == 3  # the rest went through
    status = a.syncer().status(probe=False)
    assert status["rows_refused_by_central"] == 2 and status["rows_waiting_to_push"] == 2
    reasons = {r["table"]: r["reason"] for r in status["refused_by_central"]}
    assert "too long" in reasons["customers"] and "foreign key" in reasons["orders"]
    receive(a, codes[3:5])
    again = a.sync()  # tried again, still refused, and still not in the way
    assert len(again.refused_by_central) == 2 and central.count("units") == 5
    assert reconciliations(a.app)[ORDER] == reconciliations(office)[ORDER]


def test_rows_this_station_cannot_take_are_set_aside_and_the_pull_goes_on(central, make_station, tmp_path):
    codes = serials(6, 37)
    office = central.office()
    seed_office(office, tmp_path, ORDER, codes)
    a = make_station("dock-a")
    a.sync()
    # someone opened dock-a's database once as "dock-b": a local station row of that name
    from intake_app.services.stations import ensure_station

    with a.app.store.write() as conn:
        ensure_station(conn, "dock-b", a.app.clock)
    b = make_station("dock-b", offset_s=60)  # the real dock-b, registered at central
    b.sync()
    receive(b, codes[:2])
    b.sync()
    report = a.sync()
    aside = {r["table"] for r in report.set_aside}
    assert "stations" in aside  # the real dock-b clashes with the local name...
    assert "units" in aside or "scans" in aside  # ...and so do its rows that need it
    assert {r["table"] for r in report.refused_by_central} == {"stations"}  # the local one is refused there
    status = a.syncer().status(probe=False)
    assert {r["table"] for r in status["set_aside_from_central"]} == aside
    receive(a, codes[2:4])
    a.sync()  # still going: its own scans reach central, the set-aside rows are tried again
    assert central.count("units") == 4
    assert {r["table"] for r in a.syncer().status(probe=False)["set_aside_from_central"]} == aside
