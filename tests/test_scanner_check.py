"""The scanner check: the printed test sheet decodes, and the checker diagnoses set-up faults."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import zxingcpp
from PIL import Image

from intake_app.devices.scanner_check import (
    LAYOUT_PROBE,
    LAYOUT_TABLES,
    SHEET,
    Finding,
    ScannerRead,
    Symbology,
    Terminator,
    check_scanner,
    diagnose_layout,
    transform,
)
from intake_app.devices.test_sheet import write_test_sheet

from .conftest import require_service

ZXING_FORMATS = {Symbology.CODE128: "Code128", Symbology.GS1_128: "Code128", Symbology.CODE39: "Code39",
                 Symbology.EAN13: "EAN13", Symbology.ITF: "ITF", Symbology.QR: "QRCode",
                 Symbology.DATAMATRIX: "DataMatrix"}


@pytest.fixture(scope="module")
def sheet_reads(tmp_path_factory) -> list[tuple[str, str]]:
    """The test sheet PDF rendered to pixels and decoded by an independent decoder."""
    require_service("pdftoppm (poppler-utils)", shutil.which("pdftoppm") is not None)
    folder = tmp_path_factory.mktemp("sheet")
    pdf = write_test_sheet(folder / "sheet.pdf")
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(folder / "page")], check=True, timeout=60)
    pages = sorted(folder.glob("page*.png"))
    assert len(pages) == 1, "the sheet is one page"
    results = zxingcpp.read_barcodes(Image.open(pages[0]), text_mode=zxingcpp.TextMode.Plain)
    return [(r.format.name, r.text) for r in results]


def test_every_sheet_code_decodes_to_what_a_correct_scanner_types(sheet_reads):
    assert len(sheet_reads) == len(SHEET)
    for code in SHEET:
        assert (ZXING_FORMATS[code.symbology], code.expected) in sheet_reads, code.key


def well_set_up(reads: list[tuple[str, str]], terminator: Terminator = Terminator.ENTER) -> list[ScannerRead]:
    return [ScannerRead(text, terminator) for _, text in reads]


def test_a_well_set_up_scanner_passes(sheet_reads):
    report = check_scanner(well_set_up(sheet_reads), finished=True)
    findings = {c.finding for c in report.checks}
    assert report.ok, report.problems
    assert {Finding.LAYOUT_OK, Finding.SUFFIX_ENTER, Finding.GS_OK} <= findings
    assert Finding.SYMBOLOGY_DISCOURAGED in findings  # the ITF code was read: a hint, not a failure
    assert all(s.read for s in report.codes)


def test_us_scanner_on_a_swedish_pc(sheet_reads):
    table = LAYOUT_TABLES[("us", "nordic")]
    reads = [ScannerRead(transform(text, table), Terminator.ENTER) for _, text in sheet_reads]
    report = check_scanner(reads, finished=True)
    layout = next(c for c in report.checks if c.finding is Finding.LAYOUT_MISMATCH)
    assert layout.params == {"scanner": "us", "host": "nordic", "caps": "no"} and not report.ok
    assert transform("SCK1-2/3_4.ZYab", table) == "SCK1+2-3?4.ZYab"  # the classic: '-' -> '+', '/' -> '-'


@pytest.mark.parametrize("scanner,host", list(LAYOUT_TABLES))
def test_every_known_layout_pair_is_told_apart(scanner, host):
    got = transform(LAYOUT_PROBE, LAYOUT_TABLES[(scanner, host)])
    check = diagnose_layout(LAYOUT_PROBE, got)
    assert check.finding is Finding.LAYOUT_MISMATCH and (check.params["scanner"], check.params["host"]) == (
        scanner, host)


def test_caps_lock_and_garbage():
    assert diagnose_layout(LAYOUT_PROBE, LAYOUT_PROBE.swapcase()).finding is Finding.CAPS_LOCK
    both = diagnose_layout(LAYOUT_PROBE, transform(LAYOUT_PROBE, LAYOUT_TABLES[("us", "nordic")], caps=True))
    assert both.finding is Finding.LAYOUT_MISMATCH and both.params["caps"] == "yes"
    odd = diagnose_layout(LAYOUT_PROBE, "SCK1#2#3#4.ZYab")
    assert odd.finding is Finding.LAYOUT_UNKNOWN and odd.params["got"] == "SCK1#2#3#4.ZYab"


def test_no_suffix_tab_and_mixed(sheet_reads):
    none = check_scanner(well_set_up(sheet_reads, Terminator.NONE))
    assert Finding.SUFFIX_MISSING in {c.finding for c in none.problems}
    tab = check_scanner(well_set_up(sheet_reads, Terminator.TAB))
    assert Finding.SUFFIX_TAB in {c.finding for c in tab.checks} and tab.ok
    reads = well_set_up(sheet_reads)
    reads[0] = ScannerRead(reads[0].raw, Terminator.TAB)
    assert Finding.SUFFIX_MIXED in {c.finding for c in check_scanner(reads).problems}


def test_dropped_gs_and_missing_symbologies(sheet_reads):
    reads = [ScannerRead(t.replace("\x1d", ""), Terminator.ENTER) for f, t in sheet_reads if f != "DataMatrix"]
    report = check_scanner(reads, finished=True)
    problems = {(c.finding, c.params.get("symbology")) for c in report.problems}
    assert (Finding.GS_DROPPED, None) in problems
    assert (Finding.SYMBOLOGY_NOT_READ, "datamatrix") in problems
    pending = check_scanner(reads, finished=False)
    assert Finding.SYMBOLOGY_PENDING in {c.finding for c in pending.checks}
    assert Finding.SYMBOLOGY_NOT_READ not in {c.finding for c in pending.checks}


def test_prefix_suffix_and_aim_identifiers(sheet_reads):
    sent = [ScannerRead(f"#]X0{t}$", Terminator.ENTER) for _, t in sheet_reads]
    unknown = check_scanner(sent)
    found = {(c.finding, tuple(sorted(c.params.items()))) for c in unknown.problems}
    assert (Finding.UNKNOWN_PREFIX, (("prefix", "#]X0"),)) in found or \
        (Finding.UNKNOWN_PREFIX, (("prefix", "#"),)) in found
    configured = check_scanner(sent, prefix="#", suffix="$", finished=True)
    assert configured.ok and Finding.AIM_IDENTIFIERS in {c.finding for c in configured.checks}
    not_sent = check_scanner(well_set_up(sheet_reads), prefix="#")
    assert Finding.PREFIX_NOT_SENT in {c.finding for c in not_sent.problems}


def test_reads_from_elsewhere_are_reported_not_fatal():
    report = check_scanner([ScannerRead("5CD821M1EN", Terminator.ENTER), ScannerRead("", Terminator.NONE),
                            ScannerRead("\x00\x1b[A", Terminator.ENTER)])
    assert [c.finding for c in report.checks].count(Finding.FOREIGN_READ) == 3
    assert not any(s.read for s in report.codes)
