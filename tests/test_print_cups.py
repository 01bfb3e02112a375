"""Printing through the real CUPS server ./run-tests starts: the cups-pdf queue ``PDF`` (a receipt
and a label come out as PDF files, checked for content and codes) and the raw queue ``ZPL``
(its socket backend delivers to a Zebra on 127.0.0.1; the bytes must arrive untouched)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake_app.app import IntakeApp
from intake_app.printing.drivers import PrinterStatus
from intake_app.printing.drivers.cups import safe_title
from intake_app.services.context import Actor

from .conftest import SERIALS, require_service
from .printhelp import HAVE_POPPLER, FakeZebra, decode_gray, pdf_pages, pdf_text, wait_for


def _cups_running() -> bool:
    if not shutil.which("lp") or not shutil.which("lpstat"):
        return False
    r = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False)
    return "is running" in r.stdout


@pytest.fixture
def cups_pdf() -> Path:
    out = os.environ.get("INTAKE_CUPS_PDF_OUT")
    require_service("CUPS with the cups-pdf queue PDF", bool(out) and _cups_running() and HAVE_POPPLER)
    return Path(str(out))


@pytest.fixture
def zpl_queue() -> Iterator[FakeZebra]:
    port = os.environ.get("INTAKE_CUPS_ZPL_PORT")
    require_service("CUPS with the raw queue ZPL", bool(port) and _cups_running())
    zebra = FakeZebra(int(str(port)))
    yield zebra
    zebra.stop()


def _printed_file(folder: Path, title: str) -> Path | None:
    """cups-pdf names its file after the job title plus a suffix of its own: match the prefix."""
    found = [p for p in folder.rglob("*.pdf") if p.name.startswith(title)]
    return found[0] if len(found) == 1 and found[0].stat().st_size > 0 else None


def _wait_for_file(folder: Path, title: str) -> Path:
    assert wait_for(lambda: _printed_file(folder, title) is not None, timeout=60), f"no {title}* in {folder}"
    path = _printed_file(folder, title)
    assert path is not None
    size = -1
    while size != path.stat().st_size:  # cups-pdf may still be writing
        size = path.stat().st_size
        wait_for(lambda: False, timeout=0.3)
    return path


def _use_cups(app: IntakeApp, queue: str, fmt: str) -> None:
    app.settings.set("printing.printers", {"cups-q": {"driver": "cups", "queue": queue, "format": fmt}})
    app.settings.set("printing.label_printer", "cups-q")
    app.settings.set("printing.receipt_printer", "cups-q")
    app.settings.set("receiving.auto_print", False)
    app.settings.set("printing.timeout_s", 20.0)


def test_a_receipt_prints_through_cups_pdf(app: IntakeApp, people: dict[str, Actor], order: str, cups_pdf: Path,
                                          tmp_path: Path):
    _use_cups(app, "PDF", "pdf")
    for serial in SERIALS[:3]:
        app.scanning.record(people["anna"], order, serial)
    result = app.printing.print_receipt(people["boss"], order, lang="sv")
    assert result.sent and (result.job.printer_ref or "").startswith("PDF-"), result.as_dict()
    title = safe_title(f"intake-receipt-{order}-{result.job.id.hex[:8]}")
    printed = _wait_for_file(cups_pdf, title).read_bytes()
    text = pdf_text(printed, tmp_path)
    # cups-pdf re-distils the PDF through Ghostscript, which drops the text mapping of non-ASCII
    # letters (they still print: see the QR code below and docs/); check the ASCII text
    assert "Mottagningskvitto" in text and "PRELIMIN" in text and "Heby kommun" in text
    assert all(s in text for s in SERIALS[:3]) and "TB-2026-0001-1P" in text
    qr = [t for fmt, t in decode_gray(pdf_pages(printed, tmp_path, dpi=200, first=1, last=1)[0]) if fmt == "QRCode"]
    assert qr == [app.printing.receipt(order).qr_text]


def test_a_pdf_label_prints_through_cups_pdf(app: IntakeApp, people: dict[str, Actor], order: str, cups_pdf: Path,
                                            tmp_path: Path):
    _use_cups(app, "PDF", "pdf")
    unit = app.scanning.record(people["anna"], order, SERIALS[0]).unit
    assert unit is not None
    result = app.printing.print_label(None, "unit", unit.internal_id)
    assert result.sent
    title = safe_title(f"intake-unit_label-{unit.internal_id}-{result.job.id.hex[:8]}")
    printed = _wait_for_file(cups_pdf, title).read_bytes()
    assert [c for page in pdf_pages(printed, tmp_path) for c in decode_gray(page)] == [("Code128", unit.internal_id)]
    assert SERIALS[0] in pdf_text(printed, tmp_path)


def test_zpl_goes_through_a_raw_cups_queue_untouched(app: IntakeApp, people: dict[str, Actor], order: str,
                                                     zpl_queue: FakeZebra):
    _use_cups(app, "ZPL", "zpl")
    unit = app.scanning.record(people["anna"], order, SERIALS[0]).unit
    assert unit is not None
    result = app.printing.print_label(None, "unit", unit.internal_id)
    assert result.sent and (result.job.printer_ref or "").startswith("ZPL-")
    payload = app.printing.spool.payload(result.job.id)
    assert wait_for(lambda: payload in zpl_queue.connections, timeout=60), zpl_queue.connections
    assert "Bärbar dator".encode() in (payload or b"")


def test_cups_status_and_a_queue_that_does_not_exist(app: IntakeApp, people: dict[str, Actor], order: str,
                                                     cups_pdf: Path):
    _use_cups(app, "PDF", "pdf")
    assert app.printing.printer_list()[0]["status"] in (PrinterStatus.READY.value, PrinterStatus.PRINTING.value)
    _use_cups(app, "NoSuchQueue", "pdf")
    listed = app.printing.printer_list()[0]
    assert listed["status"] == "cannot_connect" and listed["detail"]
    unit = app.scanning.record(people["anna"], order, SERIALS[0]).unit
    assert unit is not None
    result = app.printing.print_label(None, "unit", unit.internal_id)
    assert not result.sent and result.job.status == "queued"
    assert "not exist" in (app.printing.spool.get(result.job.id).last_error or "")
