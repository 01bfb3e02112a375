"""The sync commands as a new user runs them (README "Two stations and a central database")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from .conftest import REPO
from .sync_support import PG_CA, empty_database


def intake(home: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None
           ) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_") or k.startswith("INTAKE_PG")}
    full.update({"INTAKE_HOME": str(home), **(env or {})})
    return subprocess.run([sys.executable, "-m", "intake_app", *args], input=stdin, capture_output=True, text=True,
                          env=full, cwd=REPO, timeout=300)


def ok(r: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert r.returncode == 0, r.stderr
    return r


def one_line_error(r: subprocess.CompletedProcess[str], text_: str) -> None:
    assert r.returncode == 2, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and text_ in lines[0] and "Traceback" not in r.stderr, r.stderr


def test_two_stations_and_a_central_database_from_the_command_line(tmp_path):
    tls = ["--sslmode", "verify-full", "--ca-file", PG_CA] if PG_CA else []
    with empty_database() as admin:
        office, d1, d2 = tmp_path / "office", tmp_path / "dock-1", tmp_path / "dock-2"
        init = json.loads(ok(intake(office, "central", "init", "--url", admin, *tls, "--json")).stdout)
        assert init["migrated"] is True and init["station_group_role"].endswith("_station")
        again = json.loads(ok(intake(office, "central", "init", "--url", admin, *tls, "--json")).stdout)
        assert again["migrated"] is False  # creates or upgrades: a second run changes nothing
        ok(intake(office, "--db", admin, "--station", "office", "demo"))

        # the owner's URL with a password (the test server trusts its superuser and ignores it)
        owner = make_url(admin).set(password="owner-secret-77").render_as_string(hide_password=False)
        for home, name in ((d1, "dock-1"), (d2, "dock-2")):
            r = ok(intake(home, "--station", name, "station", "register", "--central", owner, *tls, "--json"))
            reg = json.loads(r.stdout)
            assert reg["station"] == name and reg["role"] in reg["central"] and "file" in reg["secret_store"]
            settings = (home / "settings.toml").read_text()
            assert reg["role"] in settings and "postgres@" not in settings
            assert "owner-secret-77" not in settings + r.stdout + r.stderr
            assert not any("owner-secret-77" in f.read_text() for f in (home / "secrets").iterdir())
        first = json.loads(ok(intake(d1, "--station", "dock-1", "sync", "--json")).stdout)
        assert first["pulled_by_table"]["orders"] == 5

        codes = (REPO / "resources" / "demo" / "pallet-TB-2026-0001.txt").read_text()
        ok(intake(d1, "--station", "dock-1", "scan", "--order", "TB-2026-0001", stdin=codes))
        waiting = json.loads(ok(intake(d1, "--station", "dock-1", "sync", "--status", "--json")).stdout)
        assert waiting["rows_waiting_to_push"] > 40 and waiting["central_reachable"] is True
        ok(intake(d1, "--station", "dock-1", "sync"))
        ok(intake(d2, "--station", "dock-2", "sync"))

        status = json.loads(ok(intake(d2, "--station", "dock-2", "sync", "--status", "--json")).stdout)
        assert status["central_reachable"] is True and status["rows_waiting_to_push"] == 0
        assert status["last_successful_sync"] and status["registered"] is True
        rec = [json.loads(ok(intake(home, *args, "reconcile", "TB-2026-0001", "--json")).stdout)
               for home, args in ((d1, ["--station", "dock-1"]), (d2, ["--station", "dock-2"]),
                                  (office, ["--db", admin, "--station", "office"]))]
        assert rec[0] == rec[1] == rec[2] and rec[0]["totals"]["received"] > 0


def test_sync_commands_answer_bad_input_in_one_line(tmp_path):
    with empty_database() as admin:
        one_line_error(intake(tmp_path, "central", "init", "--url", "garbage"), "central database URL")
        one_line_error(intake(tmp_path, "central", "init", "--url", "sqlite:////tmp/x.db"), "PostgreSQL")
        one_line_error(intake(tmp_path, "station", "register"), "no central database")
        one_line_error(intake(tmp_path, "sync", "--central", "postgresql://x@127.0.0.1:1/intake"), "cannot reach")
        # a database nobody initialised is not a central
        one_line_error(intake(tmp_path, "sync", "--central", admin), "no intake schema")
        ok(intake(tmp_path, "central", "init", "--url", admin))
        # initialised, but this station never registered there
        one_line_error(intake(tmp_path, "--station", "dock-9", "sync", "--central", admin), "not registered")
        r = intake(tmp_path, "sync", "--batch-rows", "0")
        assert r.returncode == 2 and "Traceback" not in r.stderr
        unreachable = json.loads(ok(intake(tmp_path, "sync", "--status", "--json", "--central",
                                           "postgresql://x@127.0.0.1:1/intake")).stdout)
        assert unreachable["central_reachable"] is False and "cannot reach" in unreachable["central_problem"]
        nothing = json.loads(ok(intake(tmp_path / "new", "sync", "--status", "--json")).stdout)
        assert nothing["central"] is None and nothing["central_reachable"] is False
        assert nothing["registered"] is False and nothing["last_successful_sync"] is None


def test_a_station_role_made_by_an_administrator(tmp_path):
    """Registration without the owner's credentials: the administrator made the role and gave the password."""
    with empty_database() as admin:
        ok(intake(tmp_path / "office", "central", "init", "--url", admin))
        name = make_url(admin).database
        engine = create_engine(admin, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE ROLE "{name}_dock7" LOGIN PASSWORD \'handed-over-secret-0042\' '
                                 f'IN ROLE "{name}_station"')
        engine.dispose()
        url = make_url(admin).set(username=f"{name}_dock7", password="handed-over-secret-0042")
        home = tmp_path / "dock-7"
        reg = json.loads(ok(intake(home, "--station", "dock-7", "station", "register", "--central",
                                   url.render_as_string(hide_password=False), "--json")).stdout)
        assert reg["role"] == f"{name}_dock7" and reg["role_created"] is False
        assert "handed-over-secret-0042" not in (home / "settings.toml").read_text()
        ok(intake(home, "--station", "dock-7", "sync"))  # the password comes from the secret store now
        ok(intake(home, "--station", "dock-7", "sync", "--status"))
        env = {"INTAKE_CENTRAL_URL": url.set(password=None).render_as_string(hide_password=False)}
        (home / "settings.toml").unlink()  # the URL may come from the environment instead
        ok(intake(home, "--station", "dock-7", "sync", env=env))
