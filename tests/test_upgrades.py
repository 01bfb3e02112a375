"""Databases written by earlier versions upgrade on open and keep every fact.

``tests/fixtures/db/intake-NNNN.sqlite3`` is a station database as revision NNNN left it (the demo
data plus the README's pallet scanned at station ``dock-old``). Add one whenever a migration lands.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest

from intake_app.app import IntakeApp
from intake_app.domain.ids import fact_uuid
from intake_app.paths import Paths
from intake_app.store.migrate import current_revision, head_revision

from .conftest import REPO

FIXTURES = sorted((REPO / "tests" / "fixtures" / "db").glob("intake-*.sqlite3"))


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_old_database_upgrades_and_keeps_its_facts(fixture: Path, tmp_path: Path):
    db = tmp_path / "intake.sqlite3"
    shutil.copy(fixture, db)
    app = IntakeApp.open(db_url=f"sqlite:///{db}", station="dock-old", paths=Paths(tmp_path, tmp_path))
    try:
        assert current_revision(app.store.engine) == head_revision()
        backups = list((tmp_path / "backups").glob("intake-before-upgrade-from-*.sqlite3"))
        assert len(backups) == 1, "an upgrade first copies the database"
        old = sqlite3.connect(backups[0])
        assert old.execute("select version_num from alembic_version").fetchone()[0] == fixture.stem.split("-")[1]
        assert old.execute("select count(*) from scans").fetchone() == sqlite3.connect(fixture).execute(
            "select count(*) from scans").fetchone()
        old.close()
        report, _ = app.reconciler.reconcile("TB-2026-0001")
        assert report["totals"] == {"expected": 48, "received": 21, "matched": 20, "missing": 28, "extras": 1,
                                    "duplicates": 1, "wrong_order": 1}
        assert [o.number for o in app.orders.all()] == [f"TB-2026-000{i}" for i in range(1, 6)]
        assert app.sign_in("Sven Ekström", "2468").role.value == "supervisor"
        res = app.scanning.record(app.sign_in("dock"), "TB-2026-0001", "JSLP2L7")
        assert res.outcome.value == "matched"
    finally:
        app.close()
    with sqlite3.connect(db) as con:  # operators, customers and pallets re-keyed, every reference with them
        pallets = {uuid.UUID(i): code for i, code in con.execute("select id, code from pallets")}
        assert pallets and all(i == fact_uuid("pallet", code) for i, code in pallets.items())
        for table in ("scans", "units", "unit_state", "pallet_events"):
            refs = {uuid.UUID(r[0]) for r in con.execute(f"select pallet_id from {table} where pallet_id is not null")}
            assert refs <= set(pallets) and (refs or table == "pallet_events"), table
        operators = {uuid.UUID(i): key for i, key in con.execute("select id, name_key from operators")}
        assert all(i == fact_uuid("operator", key) for i, key in operators.items())
        scan_ops = {uuid.UUID(r[0]) for r in con.execute("select operator_id from scans where operator_id is not null")}
        assert scan_ops and scan_ops <= set(operators)
        if fixture.stem >= "intake-0002_print":  # a station that printed: its jobs keep their operator
            job_ops = {uuid.UUID(r[0]) for r in con.execute("select operator_id from print_jobs")}
            assert job_ops and job_ops <= set(operators)
    # opening it again finds it current: no second backup
    again = IntakeApp.open(db_url=f"sqlite:///{db}", station="dock-old", paths=Paths(tmp_path, tmp_path))
    again.close()
    assert len(list((tmp_path / "backups").iterdir())) == 1
