"""Scanner check: scan the printed test sheet; learn whether layout, suffix and symbologies are right.

While this page is shown the wedge filter runs in raw mode (no prefix/suffix expected), so what
the scanner really sends is what gets checked. The verdict is the engine's
(:func:`intake_app.devices.scanner_check.check_scanner`); here it becomes words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from intake_app.devices.scanner_check import (
    Check,
    CheckReport,
    CodeStatus,
    Finding,
    ScannerRead,
    Symbology,
    Terminator,
    check_scanner,
)
from intake_app.devices.test_sheet import write_test_sheet
from intake_app.devices.wedge import decode_affix

from ..context import DockContext
from ..models import Column, RowsModel
from ..scanner_filter import ScanEvent
from .base import Navigator, Page, hint_label, title_label
from .receiving import table

translate = QCoreApplication.translate


def symbology_name(s: str) -> str:
    names = {Symbology.CODE128: "Code 128", Symbology.GS1_128: "GS1-128", Symbology.CODE39: "Code 39",
             Symbology.EAN13: "EAN-13", Symbology.ITF: "Interleaved 2 of 5",
             Symbology.QR: translate("ScannerCheck", "QR code"), Symbology.DATAMATRIX: "Data Matrix"}
    try:
        return names[Symbology(s)]
    except ValueError:
        return s


def layout_name(key: str) -> str:
    names = {"us": translate("ScannerCheck", "US English"), "nordic": translate("ScannerCheck", "Swedish/Nordic"),
             "de": translate("ScannerCheck", "German")}
    return names.get(key, key)


def visible(text: str | None) -> str:
    """Control characters made visible: GS as <GS>."""
    if text is None:
        return ""
    return "".join(f"<{ {0x1d: 'GS', 0x1e: 'RS', 0x04: 'EOT'}.get(ord(c), hex(ord(c)))}>" if ord(c) < 32 else c
                   for c in text)


def finding_text(c: Check) -> str:
    p = c.params
    sym = symbology_name(p.get("symbology", ""))
    texts = {
        Finding.LAYOUT_OK: translate("ScannerCheck", "Keyboard layout: right."),
        Finding.CAPS_LOCK: translate("ScannerCheck", "Caps Lock is on: every letter arrives in the wrong case. "
                                                     "Turn Caps Lock off."),
        Finding.LAYOUT_UNKNOWN: translate("ScannerCheck", "Keyboard layout: the code arrived as {got} instead of "
                                                          "{expected}. Check the scanner's keyboard country.").format(
            got=visible(p.get("got")), expected=p.get("expected", "")),
        Finding.SUFFIX_ENTER: translate("ScannerCheck", "Suffix: Enter. Right."),
        Finding.SUFFIX_TAB: translate("ScannerCheck", "Suffix: Tab. Works; Enter is recommended."),
        Finding.SUFFIX_MISSING: translate("ScannerCheck", "No suffix: the scanner sends no Enter after a code. "
                                                          "Program an Enter (CR) suffix."),
        Finding.SUFFIX_MIXED: translate("ScannerCheck", "Codes end differently (Enter and Tab): program one "
                                                        "suffix, Enter."),
        Finding.PREFIX_NOT_SENT: translate("ScannerCheck", "Settings expect the prefix {prefix}, but the scanner "
                                                           "does not send it.").format(prefix=visible(p.get("prefix"))),
        Finding.SUFFIX_NOT_SENT: translate("ScannerCheck", "Settings expect the suffix {suffix}, but the scanner "
                                                           "does not send it.").format(suffix=visible(p.get("suffix"))),
        Finding.UNKNOWN_PREFIX: translate("ScannerCheck", "The scanner sends {prefix} before every code: enter it as "
                                                          "the prefix in Settings.").format(
            prefix=visible(p.get("prefix"))),
        Finding.UNKNOWN_SUFFIX: translate("ScannerCheck", "The scanner sends {suffix} after every code: enter it as "
                                                          "the suffix in Settings.").format(
            suffix=visible(p.get("suffix"))),
        Finding.AIM_IDENTIFIERS: translate("ScannerCheck", "The scanner sends symbology identifiers (such as ]C1): "
                                                           "fine, they are understood."),
        Finding.SYMBOLOGY_READ: translate("ScannerCheck", "{symbology}: read.").format(symbology=sym),
        Finding.SYMBOLOGY_NOT_READ: translate("ScannerCheck", "{symbology}: not read. Enable it in the scanner, or "
                                                              "scan it again.").format(symbology=sym),
        Finding.SYMBOLOGY_PENDING: translate("ScannerCheck", "{symbology}: not scanned yet.").format(symbology=sym),
        Finding.SYMBOLOGY_DISCOURAGED: translate("ScannerCheck", "{symbology} is on: better switched off (a partial "
                                                                 "read looks like a short code).").format(symbology=sym),
        Finding.GS_OK: translate("ScannerCheck", "GS1 separators: sent. Right."),
        Finding.GS_DROPPED: translate("ScannerCheck", "GS1 separators are dropped: codes with several fields "
                                                      "cannot be split. Enable sending GS (ASCII 29)."),
        Finding.FOREIGN_READ: translate("ScannerCheck", "Read {got}: not a code from the test sheet.").format(
            got=visible(p.get("got"))),
    }
    if c.finding is Finding.LAYOUT_MISMATCH:
        text = translate("ScannerCheck", "Keyboard layout: the scanner types {scanner} but this PC expects {host}; "
                                         "'-' and '/' arrive as other characters. Set the scanner's keyboard "
                                         "country to {host}.").format(scanner=layout_name(p["scanner"]),
                                                                       host=layout_name(p["host"]))
        if p.get("caps") == "yes":
            text += " " + translate("ScannerCheck", "Caps Lock is on as well.")
        return text
    return texts[c.finding]


MARKS = {True: "✔", False: "✖", None: "•"}
TINTS = {True: "#e3f4e8", False: "#fbe0e4", None: None}


class ScannerCheckPage(Page):
    name = "scanner_check"

    def __init__(self, ctx: DockContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(ctx, nav, parent)
        self.reads: list[ScannerRead] = []
        self.finished = False
        self.codes = RowsModel([
            Column("#", lambda s: s[0]),
            Column(self.tr("Code"), lambda s: symbology_name(s[1].code.symbology.value)),
            Column(self.tr("Read"), lambda s: MARKS[True] if s[1].read else ""),
            Column(self.tr("Arrived as"), lambda s: visible(s[1].got)),
        ], background=lambda s: TINTS[True] if s[1].read else None)
        self.findings = RowsModel([
            Column("", lambda c: MARKS[c.ok]),
            Column(self.tr("Finding"), finding_text),
        ], background=lambda c: TINTS[c.ok])
        codes_view, findings_view = table(self.codes), table(self.findings)
        codes_view.verticalHeader().setDefaultSectionSize(32)
        for col in (0, 2):
            codes_view.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.findings_view = findings_view
        findings_view.horizontalHeader().setStretchLastSection(True)
        findings_view.setColumnWidth(0, 40)
        findings_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        findings_view.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict.setStyleSheet("font-size: 18pt; font-weight: bold;")
        sheet = QPushButton(self.tr("Open the test sheet (PDF)"))
        sheet.clicked.connect(self.open_sheet)
        save = QPushButton(self.tr("Save the test sheet…"))
        save.clicked.connect(self.save_sheet)
        again = QPushButton(self.tr("Start again"))
        again.clicked.connect(self.reset)
        done = QPushButton(self.tr("Finish"))
        done.setProperty("role", "primary")
        done.clicked.connect(self.finish)
        buttons = QHBoxLayout()
        for b in (sheet, save):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(again)
        buttons.addWidget(done)
        split = QSplitter()
        split.addWidget(codes_view)
        split.addWidget(findings_view)
        split.setSizes([500, 700])
        page = QVBoxLayout(self)
        page.setContentsMargins(20, 12, 20, 12)
        page.addWidget(title_label(self.tr("Scanner check")))
        page.addWidget(hint_label(self.tr("Print the test sheet, scan codes 1 to 7 from the top, then press Finish. "
                                          "The check tells whether the scanner's keyboard layout, suffix and "
                                          "barcode types are set right for this PC.")))
        page.addLayout(buttons)
        page.addWidget(self.verdict)
        page.addWidget(split, 1)
        ctx.scanner.unterminated.connect(self._unterminated)
        self.update_report()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self.ctx.scanner.set_raw_mode(True)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        self.ctx.scanner.set_raw_mode(False)
        super().hideEvent(event)

    def handle_scan(self, ev: ScanEvent) -> None:
        self.reads.append(ScannerRead(ev.raw or ev.code, ev.terminator))
        self.update_report()

    def _unterminated(self, text: str) -> None:
        if self.isVisible():
            self.reads.append(ScannerRead(text, Terminator.NONE))
            self.update_report()

    def report(self) -> CheckReport:
        s = self.ctx.settings
        return check_scanner(self.reads, prefix=decode_affix(s.get("scanner.prefix")),
                             suffix=decode_affix(s.get("scanner.suffix")), finished=self.finished)

    def update_report(self) -> None:
        report = self.report()
        self.codes.set_rows(list(enumerate(report.codes, start=1)))
        self.findings.set_rows(list(report.checks))
        self.findings_view.resizeRowsToContents()
        if not self.reads:
            self.verdict.setText(self.tr("Waiting for the first code…"))
            self.verdict.setStyleSheet("font-size: 18pt; font-weight: bold;")
        elif report.problems:
            self.verdict.setText(self.tr("{n} problem(s) to fix").format(n=len(report.problems)))
            self.verdict.setStyleSheet("font-size: 18pt; font-weight: bold; color: #b00020;")
        else:
            done = self.finished or all(s.read for s in report.codes if s.code.need.value == "required")
            self.verdict.setText(self.tr("The scanner is set up right.") if done else
                                 self.tr("So far so good: keep scanning."))
            self.verdict.setStyleSheet("font-size: 18pt; font-weight: bold; color: #0a7d32;")

    def finish(self) -> None:
        self.finished = True
        self.update_report()

    def reset(self) -> None:
        self.reads, self.finished = [], False
        self.update_report()

    def sheet_path(self) -> str:
        return str(self.ctx.engine.paths.data_dir / "scanner-test-sheet.pdf")

    def open_sheet(self) -> None:
        path = self.sheet_path()
        self.ctx.runner.long(lambda _p: write_test_sheet(Path(path)),
                             lambda p: self._open(p), self.failed)

    def _open(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.nav.message(self.tr("Saved {file}; no PDF viewer opened it").format(file=path))

    def save_sheet(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the test sheet"), "scanner-test-sheet.pdf",
                                              "PDF (*.pdf)")
        if name:
            self.ctx.runner.long(lambda _p: write_test_sheet(Path(name)),
                                 lambda _r: self.nav.message(self.tr("Saved {file}").format(file=name)), self.failed)

    def code_statuses(self) -> list[CodeStatus]:
        return [row[1] for row in self.codes.rows()]
