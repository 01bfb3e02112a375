"""Printer settings and drivers with garbage: bad printer tables, bad ids, unwritable folders,
malformed status replies. Nothing bad is queued and nothing changes."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from intake_app.app import IntakeApp
from intake_app.errors import Conflict, InputError, NotFound
from intake_app.paths import Paths
from intake_app.printing.drivers import PrinterStatus
from intake_app.printing.drivers.tcp import parse_host_status
from intake_app.services.context import Actor

from .conftest import SERIALS
from .printhelp import host_status
from .test_print_spool import _jobs, first_unit, use_printer


def test_folder_printer_writes_whole_files_named_by_job(app: IntakeApp, people: dict[str, Actor], order: str,
                                                         tmp_path: Path):
    use_printer(app, {"driver": "folder", "path": str(tmp_path / "labels"), "format": "pdf"})
    unit = first_unit(app, order, people["anna"])
    result = app.printing.print_label(None, "unit", unit)
    path = Path(result.job.printer_ref or "")
    assert path.parent == tmp_path / "labels" and result.job.id.hex[:8] in path.name and path.suffix == ".pdf"
    assert path.read_bytes().startswith(b"%PDF") and not list(path.parent.glob(".*part"))
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    use_printer(app, {"driver": "folder", "path": str(blocker / "sub"), "format": "pdf"})
    assert app.printing.printer_list()[0]["status"] == "cannot_connect"
    failed = app.printing.print_label(None, "unit", unit)
    assert not failed.sent and app.printing.spool.get(failed.job.id).status == "queued"


def test_host_status_replies_are_parsed_strictly():
    assert parse_host_status(host_status()).status is PrinterStatus.READY
    assert parse_host_status(host_status(paper_out=True)).detail == "paper out"
    assert parse_host_status(host_status(paused=True, head_open=True)).detail == "paused, head open"
    assert parse_host_status(host_status(remaining=3)).status is PrinterStatus.PRINTING
    for garbage in (b"", b"hello", b"\x02\x03\x02\x03\x02\x03", b"\x02a,b\x03\r\n\x02c\x03\r\n\x02d\x03\r\n",
                    host_status().replace(b"1245,000", b"1245,abc")):
        assert parse_host_status(garbage).status is PrinterStatus.UNKNOWN


@pytest.mark.parametrize("spec,match", [
    ({"driver": "laser"}, "driver must be one of"),
    ({"driver": "tcp"}, "host"),
    ({"driver": "tcp", "host": "bad host name"}, "host"),
    ({"driver": "tcp", "host": "10.0.0.1", "port": "9100"}, "port"),
    ({"driver": "tcp", "host": "10.0.0.1", "port": 0}, "port"),
    ({"driver": "tcp", "host": "10.0.0.1", "format": "png"}, "format"),
    ({"driver": "tcp", "host": "10.0.0.1", "dpi": 600}, "dpi"),
    ({"driver": "tcp", "host": "10.0.0.1", "dpi": True}, "dpi"),
    ({"driver": "tcp", "host": "10.0.0.1", "label_size": "huge"}, "label size"),
    ({"driver": "tcp", "host": "10.0.0.1", "colour": "red"}, "unknown option"),
    ({"driver": "tcp", "host": "10.0.0.1", "status_query": "yes"}, "status_query"),
    ({"driver": "cups"}, "queue"),
    ({"driver": "cups", "queue": "My Printer"}, "queue"),
    ({"driver": "cups", "queue": "Zebra", "format": "zpl", "raw": False}, "raw"),
    ({"driver": "cups", "queue": "Q", "server": "a b"}, "server"),
    ({"driver": "folder"}, "path"),
    ({"driver": "null", "host": "x"}, "unknown option"),
    ("tcp://10.0.0.1", "expected a table"),
])
def test_garbage_printer_settings_are_refused_and_change_nothing(app: IntakeApp, spec: object, match: str):
    app.settings.set("printing.printers", {"ok": {"driver": "null"}})
    with pytest.raises(InputError, match=match):
        app.settings.set("printing.printers", {"p": spec})
    assert app.printing.printers().keys() == {"ok"}


def test_a_settings_file_with_a_bad_printer_is_reported_on_open(tmp_path: Path):
    (tmp_path / "settings.toml").write_text(
        'version = 1\n[printing.printers.zebra]\ndriver = "tcp"\nhost = "10.0.0.1"\nport = 99999\n', encoding="utf-8")
    with pytest.raises(InputError, match="printer 'zebra': port"):
        IntakeApp.open(db_url=f"sqlite:///{tmp_path / 'db.sqlite3'}", station="s", paths=Paths(tmp_path, tmp_path))
    (tmp_path / "settings.toml").write_text(
        'version = 1\n[printing]\nunit_label_size = "5x5"\n', encoding="utf-8")
    with pytest.raises(InputError, match="unit_label_size"):
        IntakeApp.open(db_url=f"sqlite:///{tmp_path / 'db.sqlite3'}", station="s", paths=Paths(tmp_path, tmp_path))


def test_settings_round_trip_a_printer_table(tmp_path: Path):
    from intake_app.settings import Settings

    s = Settings(tmp_path / "settings.toml")
    s.set("printing.printers", {"zebra-1": {"driver": "tcp", "host": "10.0.4.21", "dpi": 300}})
    s.set("printing.label_printer", "zebra-1")
    s.save()
    text = (tmp_path / "settings.toml").read_text(encoding="utf-8")
    assert "[printing.printers.zebra-1]" in text
    again = Settings.load(tmp_path / "settings.toml")
    assert again.get("printing.printers") == {"zebra-1": {"driver": "tcp", "host": "10.0.4.21", "dpi": 300}}
    for bad_key, bad in (("printing.label_printer", "a b"), ("printing.timezone", "Mars/Olympus"),
                         ("printing.retry_initial_s", -1), ("printing.label_language", "de")):
        with pytest.raises(InputError):
            again.set(bad_key, bad)


def test_printing_needs_a_printer_and_known_ids(app: IntakeApp, people: dict[str, Actor], order: str):
    unit = first_unit(app, order, people["anna"])
    with pytest.raises(InputError, match="no label printer is set"):
        app.printing.print_label(None, "unit", unit)
    use_printer(app, {"driver": "null"})
    with pytest.raises(NotFound, match="no printer 'nope'"):
        app.printing.print_label(None, "unit", unit, printer="nope")
    with pytest.raises(InputError, match="takes pdf"):
        app.printing.print_label(None, "unit", unit, fmt="zpl")
    for bad in ("", "U", "U2530000099X", "../../etc/passwd", "' or 1=1 --", "Ü" * 5):
        with pytest.raises(InputError):
            app.printing.print_label(None, "unit", bad)
    for bad in ("", "P", "(00)123", "P253000099X"):
        with pytest.raises(InputError):
            app.printing.print_label(None, "pallet", bad)
    with pytest.raises(InputError):
        app.printing.print_label(None, "box", unit)
    for bad in ("", "12345", "zzzzzzzz", str(uuid.uuid4())):
        with pytest.raises(InputError):
            app.printing.spool.get(bad)
    assert _jobs(app) == []  # nothing was queued by any of that


def test_a_voided_unit_gets_no_label(app: IntakeApp, people: dict[str, Actor], order: str):
    use_printer(app, {"driver": "null"})
    result = app.scanning.record(people["anna"], order, SERIALS[0])
    app.corrections.void(people["anna"], str(result.scan_id), "wrong unit")
    with pytest.raises(Conflict, match="voided"):
        app.printing.print_label(None, "unit", result.unit.internal_id)  # type: ignore[union-attr]


