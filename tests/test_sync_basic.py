"""Two stations and a central PostgreSQL: what one station receives, the other and central see."""

from __future__ import annotations

import pytest

from .conftest import SERIALS
from .sync_support import (  # noqa: F401  (fixtures)
    Station,
    central_fixture,
    make_station_fixture,
    reconciliations,
    seed_office,
)


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


def test_every_fact_table_is_captured_on_both_sides(central, make_station):
    from sqlalchemy import create_engine

    from intake_app.app import DEFAULT_OPERATOR_ID
    from intake_app.domain.ids import fact_uuid
    from intake_app.sync.capture import missing_central_triggers, missing_station_triggers

    a = make_station("dock-a")
    with a.app.store.read() as conn:
        assert missing_station_triggers(conn) == []
    engine = create_engine(central.admin_url)
    with engine.connect() as conn:
        assert missing_central_triggers(conn) == []
    engine.dispose()
    assert fact_uuid("operator", "dock") == DEFAULT_OPERATOR_ID  # one rule for the same person everywhere


def test_a_migration_that_dropped_a_capture_trigger_is_healed(central, make_station, tmp_path):
    from sqlalchemy import create_engine

    from intake_app.sync.central import init_central
    from intake_app.sync.errors import SchemaMismatch

    codes = SERIALS[:6]
    office = central.office()
    seed_office(office, tmp_path, "TB-2026-0001", codes)
    a = make_station("dock-a")
    a.sync()
    with a.app.store.write() as conn:  # what a later batch-mode migration of scans would do
        conn.exec_driver_sql("DROP TRIGGER sync_capture_scans")
    dock = a.app.sign_in("dock")
    for c in codes[:3]:
        a.app.scanning.record(dock, "TB-2026-0001", c)
    report = a.sync()
    assert report.healed == ["scans"] and central.count("scans") == 3
    engine = create_engine(central.admin_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER sync_log_units ON units")
    engine.dispose()
    with pytest.raises(SchemaMismatch, match="does not log units"):
        a.sync()
    init_central(central.config())  # intake central init puts it back
    for c in codes[3:]:
        a.app.scanning.record(dock, "TB-2026-0001", c)
    a.sync()
    b = make_station("dock-b")
    b.sync()
    assert reconciliations(b.app) == reconciliations(office)


def test_a_station_from_before_sync_joins_a_central_that_knows_its_people(central, make_station, tmp_path):
    """A revision-0001 station (demo data, a pallet scanned) upgrades and syncs with a central whose
    office seeded the same demo: operators and customers are one row each, nothing is refused."""
    import shutil

    from intake_app.app import IntakeApp
    from intake_app.demo import seed_demo
    from intake_app.domain.ids import fact_uuid
    from intake_app.paths import Paths
    from intake_app.sync.register import register_station

    from .conftest import REPO

    office = central.office()
    seed_demo(office)
    folder = tmp_path / "dock-old"
    folder.mkdir()
    shutil.copy(REPO / "tests" / "fixtures" / "db" / "intake-0001.sqlite3", folder / "intake.sqlite3")
    old = IntakeApp.open(db_url=f"sqlite:///{folder / 'intake.sqlite3'}", station="dock-old", paths=Paths(folder, folder))
    try:
        boss = old.sign_in("Sven Ekström", "2468")
        assert boss.id == fact_uuid("operator", "sven ekström")  # re-keyed by the migration
        for key, value in central.tls.items():
            old.settings.set(f"sync.{key}", value)
        station = Station(old, folder, central)
        register_station(old.ctx, old.settings, central.config(), station.secrets)
        report = station.sync()
        assert report.pushed["scans"] > 0 and report.refused_by_central == [] and report.set_aside == []
        for app in (office, old):
            assert sorted(o.name for o in app.operators.all()) == ["Admin", "Anna Lindqvist", "Sven Ekström", "dock"]
            assert len(app.customers.all()) == 6
        status = station.syncer().status(probe=False)
        # both made TB-2026-0001..5 (the same demo, separately): kept twice, reported, reachable by id
        assert status["conflicts"]["order_numbers_used_twice"] == [f"TB-2026-000{i}" for i in range(1, 6)]
        (mine,) = [o for o in old.orders.all() if o.number == "TB-2026-0001" and o.received]
        assert office.reconciler.reconcile(mine.id) == old.reconciler.reconcile(mine.id)
        assert old.reconciler.reconcile(mine.id)[0]["totals"]["received"] == 21
    finally:
        old.close()


def test_central_from_before_sync_is_rekeyed_with_its_references(tmp_path):
    """PostgreSQL: rows written before revision 0002_sync get natural-key ids, foreign keys kept."""
    import uuid

    from alembic import command
    from alembic.script import ScriptDirectory
    from sqlalchemy import text

    from intake_app.domain.ids import fact_uuid
    from intake_app.store.db import make_engine
    from intake_app.store.migrate import MIGRATIONS, alembic_config, upgrade

    from .conftest import T0
    from .sync_support import empty_database

    before = ScriptDirectory(str(MIGRATIONS)).get_revision("0002_sync").down_revision
    with empty_database() as url:
        engine = make_engine(url)
        command.upgrade(alembic_config(engine), str(before))
        st, op_, cu, pa, ord_, sc = (uuid.uuid4() for _ in range(6))
        with engine.begin() as conn:
            q = lambda sql, **kw: conn.execute(text(sql), kw)  # noqa: E731
            q("INSERT INTO stations VALUES (:id, 'office', 'OFC', :t)", id=st, t=T0)
            q("INSERT INTO operators VALUES (:id, 'Sven Ekström', 'sven ekström', 'supervisor', :t, :st)",
              id=op_, t=T0, st=st)
            q("INSERT INTO customers (id, created_at, station_id, operator_id, name, short_name, org_number) "
              "VALUES (:id, :t, :st, :op, 'Heby kommun', 'Heby', '212000-0316')", id=cu, t=T0, st=st, op=op_)
            q("INSERT INTO orders (id, created_at, station_id, operator_id, number, customer_id) "
              "VALUES (:id, :t, :st, :op, 'TB-2026-0001', :cu)", id=ord_, t=T0, st=st, op=op_, cu=cu)
            q("INSERT INTO pallets (id, created_at, station_id, operator_id, order_id, code, kind) "
              "VALUES (:id, :t, :st, :op, :o, '373500001234567896', 'sscc')", id=pa, t=T0, st=st, op=op_, o=ord_)
            q("INSERT INTO scans (id, created_at, station_id, operator_id, order_id, pallet_id, raw, code, kind, "
              "outcome, source) VALUES (:id, :t, :st, :op, :o, :p, 'X', 'X', 'serial', 'unexpected', 'cli')",
              id=sc, t=T0, st=st, op=op_, o=ord_, p=pa)
        assert upgrade(engine)
        with engine.connect() as conn:
            one = lambda sql: conn.execute(text(sql)).scalar_one()  # noqa: E731
            assert one("SELECT id FROM operators") == fact_uuid("operator", "sven ekström")
            assert one("SELECT id FROM customers") == fact_uuid("customer", "212000-0316")
            assert one("SELECT id FROM pallets") == fact_uuid("pallet", "373500001234567896")
            assert one("SELECT operator_id FROM scans") == fact_uuid("operator", "sven ekström")
            assert one("SELECT pallet_id FROM scans") == fact_uuid("pallet", "373500001234567896")
            assert one("SELECT customer_id FROM orders") == fact_uuid("customer", "212000-0316")
            fks = one("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confrelid = 'operators'::regclass")
            assert fks >= 12  # every reference to operators is a foreign key again
            assert one("SELECT count(*) FROM sync_log") == 6  # and every row is logged for the stations
        engine.dispose()


def test_progress_is_reported_for_push_and_pull(central, make_station, tmp_path):
    office = central.office()
    seed_office(office, tmp_path, "TB-2026-0001", SERIALS)
    a, b = make_station("dock-a"), make_station("dock-b")
    a.sync()
    dock = a.app.sign_in("dock")
    for s in SERIALS:
        a.app.scanning.record(dock, "TB-2026-0001", s)
    pushing, pulling = [], []
    a.sync(batch_rows=3, progress=pushing.append)
    b.sync(batch_rows=3, progress=pulling.append)
    for phase, seen in (("push", pushing), ("pull", pulling)):
        steps = [p for p in seen if p.phase == phase]
        assert len(steps) > 3
        assert [p.done for p in steps] == sorted(p.done for p in steps)
        assert steps[-1].done == steps[-1].total and all(p.done <= p.total for p in steps)
