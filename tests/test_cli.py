"""The ``intake`` command as scripts use it: JSON, exit codes, stdin, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO, write_manifest

BOSS = ["--operator", "Sven Ekström", "--pin", "2468"]


def run(home: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "INTAKE_HOME": str(home), **(env or {})}
    for var in ("INTAKE_DB", "INTAKE_OPERATOR", "INTAKE_PIN", "INTAKE_STATION"):
        full_env.pop(var, None) if var not in (env or {}) else None
    return subprocess.run([sys.executable, "-m", "intake_app", *args], input=stdin, capture_output=True, text=True,
                          env=full_env, timeout=120)


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("cli-demo")
    r = run(home, "demo", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [o["number"] for o in data["orders"]] == [f"TB-2026-000{i}" for i in range(1, 6)]
    return home


def test_help_explains_the_workflow(tmp_path):
    r = run(tmp_path, "--help")
    assert r.returncode == 0 and "Typical workflow" in r.stdout and "reconcile" in r.stdout
    assert run(tmp_path, "--version").stdout.startswith("intake, version")


def test_readme_walkthrough(demo_home, tmp_path):
    """Pipe the demo pallet into scan, see every outcome, reconcile, sign off."""
    codes = (REPO / "resources" / "demo" / "pallet-TB-2026-0001.txt").read_text(encoding="utf-8")
    r = run(demo_home, "scan", "--order", "TB-2026-0001", stdin=codes)
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(lines) == len([c for c in codes.splitlines() if c.strip()])
    outcomes = {d["outcome"] for d in lines}
    assert outcomes == {"pallet", "matched", "duplicate", "wrong_order", "rejected", "unexpected", "near_match"}
    for d in lines:
        assert {"scan_id", "code", "identifier", "kind", "outcome", "message"} <= set(d)
        if d["outcome"] in ("matched", "unexpected"):
            assert d["unit"]["internal_id"]
        if d["outcome"] == "matched":
            assert d["expected"]["serial"] or d["expected"]["asset_tag"]
    assert lines[1]["pallet"] == "373500123400000019" and lines[-1]["pallet"] == "373500123400000026"
    rec = json.loads(run(demo_home, "reconcile", "TB-2026-0001", "--json").stdout)
    assert len(rec["matched"]) == sum(d["outcome"] == "matched" for d in lines)
    assert len(rec["extras"]) == 1 and rec["totals"]["duplicates"] == 1 and rec["totals"]["wrong_order"] == 1
    csv_out = run(demo_home, "reconcile", "TB-2026-0001", "--csv")
    assert csv_out.returncode == 0 and csv_out.stdout.startswith("status,internal_id")
    near = next(d for d in lines if d["outcome"] == "near_match")
    c = run(demo_home, "confirm", near["scan_id"], "--json")
    assert c.returncode == 0 and json.loads(c.stdout)["unit_internal_id"]
    denied = run(demo_home, "--operator", "Anna Lindqvist", "--pin", "1357", "sign-off", "TB-2026-0001",
                 "--reason", "x")
    assert denied.returncode == 2 and "supervisor" in denied.stderr and "Traceback" not in denied.stderr
    ok = run(demo_home, *BOSS, "sign-off", "TB-2026-0001", "--reason", "rest next week", "--json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["order"] == "TB-2026-0001"
    again = run(demo_home, "scan", "--order", "TB-2026-0001", "ABCDEFG123")
    assert again.returncode == 2 and "signed off" in again.stderr


def test_order_list_and_show_json(demo_home):
    orders = json.loads(run(demo_home, "order", "list", "--json").stdout)
    assert {"number", "customer", "status", "expected", "received", "matched"} <= set(orders[0])
    show = json.loads(run(demo_home, "order", "show", "TB-2026-0002", "--json").stdout)
    e = show["expected_units"][0]
    assert {"serial", "asset_tag", "model", "category"} <= set(e)
    assert show["parent"] == "IT-centrum, gemensam IT-nämnd"


def test_import_manifest_cli(demo_home, tmp_path):
    good = write_manifest(tmp_path / "good.csv", [["NEWCLI00001", "", "HP", "x", "Laptop"]])
    bad = write_manifest(tmp_path / "bad.csv", [["NEWCLI00002", "", "HP", "x", "Laptop"],
                                                ["6.37702E+15", "", "", "", ""]])
    r = run(demo_home, *BOSS, "order", "create", "--customer", "Tierp", "--ref", "CLI", "--json")
    number = json.loads(r.stdout)["number"]
    r = run(demo_home, *BOSS, "import-manifest", str(bad), "--order", number, "--json")
    assert r.returncode == 2
    d = json.loads(r.stdout)
    assert d["imported"] == 0 and d["errors"] == [{"line": 3, "column": "Serienummer", "reason": d["errors"][0]["reason"]}]
    assert isinstance(d["warnings"], list)
    r = run(demo_home, *BOSS, "import-manifest", str(bad), "--order", number, "--skip-invalid", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["imported"] == 1
    r = run(demo_home, *BOSS, "import-manifest", str(good), "--order", number, "--map", "serial=Serienummer")
    assert r.returncode == 0 and "imported 1" in r.stdout
    r = run(demo_home, *BOSS, "import-manifest", str(good), "--order", number, "--map", "nonsense")
    assert r.returncode == 2 and "field=Header" in r.stderr


@pytest.mark.parametrize("args", [
    ["scan", "--order", "TB-9999-0001", "X"],
    ["order", "show", "nope"],
    ["reconcile", "'; drop table orders; --"],
    ["void", "not-a-scan", "--reason", "x"],
    ["pallet", "close", "PNOPE", "--weight-kg", "abc"],
    ["customer", "add", "X", "--org-number", "123"],
    ["--operator", "Sven Ekström", "--pin", "0000", "sign-off", "TB-2026-0003"],
    ["no-such-command"],
    ["import-manifest", "/nonexistent.csv", "--order", "TB-2026-0003"],
    ["--db", "not-a-url", "order", "list"],
])
def test_bad_input_exits_2_with_one_line_and_no_traceback(demo_home, args):
    r = run(demo_home, *args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and r.stderr.strip()


def test_garbage_on_stdin(demo_home):
    junk = "\x00\x01\x02\n%%%\n" + "Z" * 3000 + "\n\x1b[A\n\xff\xfe\n"
    r = run(demo_home, "scan", "--order", "TB-2026-0004", stdin=junk)
    assert r.returncode == 0, r.stderr
    assert {json.loads(line)["outcome"] for line in r.stdout.splitlines()} == {"rejected"}


def test_init_and_env_database(tmp_path):
    db = tmp_path / "other.sqlite3"
    r = run(tmp_path, "init", "--json", env={"INTAKE_DB": f"sqlite:///{db}"})
    assert r.returncode == 0 and db.exists() and json.loads(r.stdout)["station_code"]


def test_demo_with_a_printer_saves_receipts_as_files(tmp_path):
    r = run(tmp_path, "demo", "--with-printer", "--json")
    assert r.returncode == 0, r.stderr
    folder = Path(json.loads(r.stdout)["printed_to"])
    assert not folder.exists() or not any(folder.iterdir())
    r = run(tmp_path, "receipt", "TB-2026-0003")  # to the receipt printer the demo set up
    assert r.returncode == 0, r.stderr
    files = list(folder.glob("*.pdf"))
    assert len(files) == 1 and files[0].read_bytes().startswith(b"%PDF")
    r = run(tmp_path, "printers", "list", "--json")
    printers = json.loads(r.stdout)
    assert [p["name"] for p in printers] == ["demo-folder"] and set(printers[0]["default_for"]) == {"labels", "receipts"}
