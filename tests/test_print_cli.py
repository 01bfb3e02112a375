"""``intake label``, ``intake receipt``, ``intake print-queue`` and ``intake printers`` as scripts use
them: files and standard output, the queue with a printer that is off, exit codes, no tracebacks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from .printhelp import HAVE_POPPLER, FakeZebra, decode_gray, pdf_pages, pdf_text, zpl_codes
from .test_cli import BOSS, run


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo station with a pallet of TB-2026-0001 received (labels not auto-printed: no printer yet)."""
    home = tmp_path_factory.mktemp("print-cli")
    assert run(home, "demo").returncode == 0
    codes = "\n".join(["373500123400000019", "JSLP2L7", "ZZEXTRA0001"])
    r = run(home, "scan", "--order", "TB-2026-0001", stdin=codes)
    assert r.returncode == 0, r.stderr
    return home


@pytest.fixture
def zebra() -> Iterator[FakeZebra]:
    z = FakeZebra()
    yield z
    z.stop()


def _unit(home: Path) -> str:
    rec = json.loads(run(home, "reconcile", "TB-2026-0001", "--json").stdout)
    return str(rec["matched"][0]["unit"]["internal_id"])


def _settings(home: Path, zebra: FakeZebra | None, folder: Path) -> None:
    port = zebra.port if zebra else 1
    (home / "settings.toml").write_text(f"""version = 1
[printing]
label_printer = "zebra"
receipt_printer = "files"
retry_initial_s = 0.05
retry_max_s = 0.1
timeout_s = 3.0
[printing.printers.zebra]
driver = "tcp"
host = "127.0.0.1"
port = {port}
format = "zpl"
[printing.printers.files]
driver = "folder"
path = "{folder}"
format = "pdf"
""", encoding="utf-8")


def test_label_to_a_file_and_to_standard_output(station: Path, tmp_path: Path):
    unit = _unit(station)
    r = run(station, "label", "unit", unit, "--out", str(tmp_path / "u.zpl"), "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["format"] == "zpl"
    assert zpl_codes((tmp_path / "u.zpl").read_bytes(), 203) == [("Code128", unit)]
    out = run(station, "label", "unit", unit.lower(), "--out", "-", "--dpi", "300")
    assert out.returncode == 0 and out.stdout.startswith("^XA\n^CI28\n^PW673")
    assert run(station, "label", "pallet", "(00)373500123400000019", "--out", str(tmp_path / "p.pdf")).returncode == 0
    if HAVE_POPPLER:
        assert [decode_gray(p) for p in pdf_pages((tmp_path / "p.pdf").read_bytes(), tmp_path)] == [
            [("Code128", "(00)373500123400000019")]]


def test_receipt_to_a_file(station: Path, tmp_path: Path):
    r = run(station, "receipt", "TB-2026-0001", "--lang", "en", "--out", str(tmp_path / "r.pdf"), "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["receipt"] == "TB-2026-0001-1P" and d["final"] is False
    if HAVE_POPPLER:
        text = pdf_text((tmp_path / "r.pdf").read_bytes(), tmp_path)
        assert "Take-back receipt" in text and "PROVISIONAL" in text and "JSLP2L7" in text
    qr = f"INTAKE-RECEIPT|{d['receipt']}|provisional|sha256:{d['content_sha256']}"
    ok = run(station, "receipt", "TB-2026-0001", "--verify", qr, "--json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["valid"] is True
    bad = run(station, "receipt", "TB-2026-0001", "--verify", qr.replace("sha256:", "sha256:0"))
    assert bad.returncode == 2 and "NOT valid" in bad.stdout


def test_print_with_a_printer_that_is_off_then_on(station: Path, tmp_path: Path, zebra: FakeZebra):
    _settings(station, zebra, tmp_path / "files")
    unit = _unit(station)
    zebra.stop()
    r = run(station, "label", "unit", unit, "--json")
    assert r.returncode == 0, r.stderr
    job = json.loads(r.stdout)
    assert job["sent"] is False and job["status"] == "queued" and job["printer_status"] == "cannot_connect"
    text = run(station, "label", "unit", unit)
    assert "queued for zebra" in text.stdout and "retried automatically" in text.stdout
    listed = json.loads(run(station, "print-queue", "list", "--status", "queued", "--json").stdout)
    assert {j["job"] for j in listed} >= {job["job"]}
    assert "queued" in run(station, "print-queue").stdout  # list is the default
    printers = json.loads(run(station, "printers", "list", "--json").stdout)
    assert {p["name"]: p["status"] for p in printers} == {"files": "ready", "zebra": "cannot_connect"}
    assert printers[1]["default_for"] == ["labels"] and printers[1]["waiting_jobs"] >= 2
    quick = json.loads(run(station, "printers", "list", "--no-status", "--json").stdout)
    assert {p["status"] for p in quick} == {"unknown"}  # nobody was asked
    cancelled = run(station, "print-queue", "cancel", listed[0]["job"][:8], "--json")
    assert cancelled.returncode == 0 and json.loads(cancelled.stdout)[0]["status"] == "cancelled"
    zebra.start()
    retried = run(station, "print-queue", "retry", "--all", "--json")
    assert retried.returncode == 0, retried.stderr
    assert all(r["sent"] for r in json.loads(retried.stdout))
    assert len(zebra.formats()) == len(listed) - 1  # everything but the cancelled one, once each
    again = run(station, "print-queue", "retry", "--all", "--json")
    assert json.loads(again.stdout) == [] and len(zebra.formats()) == len(listed) - 1


def test_printer_test_and_receipt_on_the_default_printer(station: Path, tmp_path: Path, zebra: FakeZebra):
    _settings(station, zebra, tmp_path / "files")
    r = run(station, "printers", "test", "zebra", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["sent"] is True
    assert zpl_codes(zebra.formats()[-1], 203) == [("Code128", "TEST0123456789")]
    assert "ÅÄÖ åäö".encode() in zebra.formats()[-1]
    receipt = run(station, "receipt", "TB-2026-0001", "--json")
    assert receipt.returncode == 0 and json.loads(receipt.stdout)["sent"] is True
    assert len(list((tmp_path / "files").glob("intake-receipt-TB-2026-0001_*.pdf"))) == 1


@pytest.mark.parametrize("args,message", [
    (["label", "unit", "NOPE"], "no unit NOPE"),
    (["label", "unit", "a/b"], "not a unit id"),
    (["label", "crate", "X123"], "Invalid value"),
    (["label", "pallet", "P0000000000"], "no pallet"),
    (["label", "unit", "U1234", "--out", "x.zpl", "--printer", "zebra"], "not both"),
    (["label", "unit", "U1234", "--dpi", "300"], "--dpi goes with --out"),
    (["label", "unit", "U1234", "--format", "png"], "Invalid value"),
    (["label", "unit", "U1234", "--out", "/proc/nope/x.zpl"], None),
    (["receipt", "TB-1999-0001", "--out", "r.pdf"], "no order TB-1999-0001"),
    (["receipt", "TB-2026-0001", "--out", "r.zpl"], "a receipt is a PDF"),
    (["receipt", "TB-2026-0001", "--lang", "de"], "Invalid value"),
    (["receipt", "TB-2026-0001", "--verify", "garbage"], "not a receipt code"),
    (["print-queue", "retry"], "give a JOB id or --all"),
    (["print-queue", "retry", "zz"], "at least its first 6"),
    (["print-queue", "cancel", "abcdef012345"], "no print job"),
    (["print-queue", "list", "--status", "lost"], "Invalid value"),
    (["printers", "test", "ghost"], "no printer 'ghost'"),
])
def test_garbage_gets_one_line_and_exit_2(station: Path, args: list[str], message: str | None):
    r = run(station, *args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and r.stderr.strip()
    if message:
        assert message in r.stderr


def test_a_broken_printer_setting_is_one_line(station: Path, tmp_path: Path):
    (station / "settings.toml").write_text('version = 1\n[printing.printers.x]\ndriver = "fax"\n', encoding="utf-8")
    try:
        r = run(station, "printers")
        assert r.returncode == 2 and "driver must be one of" in r.stderr and "Traceback" not in r.stderr
    finally:
        (station / "settings.toml").unlink()


def test_sign_off_then_the_final_receipt(station: Path, tmp_path: Path):
    r = run(station, *BOSS, "sign-off", "TB-2026-0001", "--reason", "rest next week", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["receipt"]["number"] == "TB-2026-0001-1"
    first = run(station, "receipt", "TB-2026-0001", "--out", str(tmp_path / "a.pdf"), "--json")
    second = run(station, "receipt", "TB-2026-0001", "--out", str(tmp_path / "b.pdf"))
    assert first.returncode == second.returncode == 0
    assert json.loads(first.stdout)["final"] is True
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
