"""``intake-app --screenshots DIR [--lang sv|en]``: every page and dialog on the demo data, as PNG.

Runs the real window on a throwaway demo station (a fixed clock, so the pictures only change
when the screens do), drives it the way an operator and a supervisor would, and grabs each
screen at 1366 x 768 (the common dock PC) plus the receiving page full-screen at 1920 x 1080.
This is how ``docs/screenshots`` is kept current.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from intake_app.app import IntakeApp
from intake_app.clock import FixedClock
from intake_app.demo import seed_demo
from intake_app.devices.scanner_check import LAYOUT_TABLES, SHEET, Terminator, transform
from intake_app.paths import Paths, resources_dir

from .scanner_filter import ScanEvent
from .shell import DockShell
from .theme import apply_theme
from .window import MainWindow

DEMO_START = datetime(2026, 3, 9, 7, 30, tzinfo=UTC)
SIZE = (1366, 768)
LARGE = (1920, 1080)


class Shooter:
    def __init__(self, qt: QApplication, shell: DockShell, out: Path, lang: str) -> None:
        self.qt, self.shell, self.out, self.lang = qt, shell, out, lang
        self.files: list[Path] = []

    @property
    def window(self) -> MainWindow:
        return self.shell.window

    def settle(self, ms: int = 900) -> None:
        """Let queued work finish and debounced refreshes run."""
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end or not self.shell.ctx.runner.idle:
            self.qt.processEvents()
            time.sleep(0.005)

    def grab(self, name: str, widget: QWidget | None = None) -> None:
        self.settle(300)
        path = self.out / f"{self.lang}-{name}.png"
        (widget or self.window).grab().save(str(path))
        self.files.append(path)

    def dialog(self, name: str, dialog: QDialog, prepare: Callable[[QDialog], None] | None = None) -> None:
        dialog.show()
        if prepare is not None:
            prepare(dialog)
        self.settle(600)
        self.grab(name, dialog)
        dialog.reject()
        dialog.deleteLater()

    def scan(self, code: str) -> None:
        self.window.route_scan(ScanEvent(code, "wedge", code))
        self.settle(200)


def render_all(folder: str, lang: str) -> int:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    qt = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt, QApplication)
    apply_theme(qt)
    with tempfile.TemporaryDirectory(prefix="intake-screens-") as tmp:
        home = Path(tmp)
        engine = IntakeApp.open(db_url=f"sqlite:///{home / 'intake.sqlite3'}", station="dock-1",
                                paths=Paths(home, home), clock=FixedClock(DEMO_START, timedelta(seconds=7)))
        seed_demo(engine)
        shell = DockShell(qt, engine, lang=lang, sounds=False)
        try:
            shooter = Shooter(qt, shell, out, lang)
            shell.window.resize(*SIZE)
            shell.show()
            shoot(shooter, engine)
        finally:
            shell.window.close()
            shell.shutdown()
    for f in shooter.files:
        print(f)
    return 0


def shoot(s: Shooter, engine: IntakeApp) -> None:
    w = s.window
    s.settle()
    s.grab("01-sign-in")
    w.signed_in(engine.sign_in("Sven Ekström", "2468"))
    s.settle()
    s.grab("02-orders")
    operator_flow(s, engine)
    supervisor_flow(s, engine)
    station_pages(s)


def operator_flow(s: Shooter, engine: IntakeApp) -> None:
    w = s.window
    w.open_order(engine.orders.summary("TB-2026-0001"), "receiving")
    codes = (resources_dir() / "demo" / "pallet-TB-2026-0001.txt").read_text(encoding="utf-8").splitlines()
    for code in codes[:11]:  # the pallet and ten matching laptops
        s.scan(code)
    s.settle(800)
    s.grab("03-receiving-matched")
    s.scan(codes[11])
    s.grab("04-receiving-duplicate")
    s.scan(codes[12])
    s.grab("05-receiving-wrong-order")
    s.scan(codes[13])
    s.grab("06-receiving-rejected")
    s.scan(codes[14])
    s.scan(codes[15])
    s.scan(codes[16])
    s.scan(codes[17])
    s.grab("07-receiving-near-match")
    page = w.receiving()
    page.scan_view.selectRow(3)
    from .dialogs.pallet import ClosePalletDialog
    from .dialogs.reason import ReasonDialog

    line = page.selected_scan()
    if line is not None:
        s.dialog("08-dialog-void", ReasonDialog.for_void(line, w))
    pallet = s.shell.ctx.session.pallet
    s.dialog("09-dialog-close-pallet", ClosePalletDialog(pallet.code if pallet else "-", 14, w),
             lambda d: d.weight.setValue(212.5))  # type: ignore[attr-defined]
    engine.settings.set("receiving.blind", True)
    page.activate()
    s.grab("10-receiving-blind")
    engine.settings.set("receiving.blind", False)
    page.activate()
    w.resize(*LARGE)
    s.settle(400)
    s.grab("11-receiving-full-screen")
    w.resize(*SIZE)


def supervisor_flow(s: Shooter, engine: IntakeApp) -> None:
    w = s.window
    w.open_order(engine.orders.summary("TB-2026-0003"), "reconcile")
    s.settle(1200)
    s.grab("12-reconcile")
    page = w.pages["reconcile"]
    from .pages.reconcile import ReconcilePage

    assert isinstance(page, ReconcilePage)
    page.tabs.setCurrentWidget(page.extras)
    page.extras.view.selectRow(0)
    s.grab("13-reconcile-extras")
    report = page.report
    assert report is not None
    from .dialogs.manual_match import ManualMatchDialog
    from .dialogs.receipt import ReceiptDialog
    from .dialogs.sign_off import SignOffDialog

    if report["extras"]:
        s.dialog("14-dialog-manual-match", ManualMatchDialog(report["extras"][0], report["missing"], w))
    s.dialog("15-dialog-sign-off", SignOffDialog(report["order"], report["customer"], report["totals"],
                                                 report["balanced"], w))
    s.dialog("16-dialog-receipt", ReceiptDialog(s.shell.ctx, report, w))

    def pdf_page(d: QDialog) -> None:
        assert isinstance(d, ReceiptDialog)
        d.tabs.setCurrentIndex(1)
        s.settle()  # until the receipt is made (off the GUI thread) and loaded

    s.dialog("23-dialog-receipt-pdf", ReceiptDialog(s.shell.ctx, report, w), pdf_page)
    import_dialog(s)


def import_dialog(s: Shooter) -> None:
    from intake_app.demo_data import SV_HEADERS, write_csv

    from .dialogs.import_manifest import ImportDialog

    ctx = s.shell.ctx
    messy = Path(tempfile.mkdtemp(prefix="intake-messy-")) / "heby-komplettering.csv"
    rows: list[tuple[object, ...]] = [
        ("HEB-009001", "5CG1234ABC", "HP", "EliteBook 840 G8", "Bärbar dator", 1),
        ("HEB-009002", "5,40123E+11", "Dell", "OptiPlex 7090", "Stationär dator", 1),
        ("HEB-009003", "5CG1234ABC", "HP", "EliteBook 840 G8", "Bärbar dator", 1),
        ("HEB-009004", "PF3XYZ12", "Lenovo", "ThinkPad T14", "Bärbar dator", 1),
        ("", "", "Logitech", "M185", "Mus", "tolv"),
    ]
    write_csv(messy, SV_HEADERS, rows)
    order = ctx.engine.orders.summary("TB-2026-0002")
    dialog = ImportDialog(ctx, order, s.window)
    s.dialog("17-dialog-import", dialog, lambda d: d.load(messy))  # type: ignore[attr-defined]


def station_pages(s: Shooter) -> None:
    w = s.window
    page = w.show_page("scanner_check")
    from .pages.scanner_check import ScannerCheckPage

    assert isinstance(page, ScannerCheckPage)
    table = LAYOUT_TABLES[("us", "nordic")]
    for code in SHEET[:5]:
        page.handle_scan(ScanEvent(transform(code.expected, table), "wedge", transform(code.expected, table),
                                   Terminator.ENTER))
    page.finish()
    s.grab("18-scanner-check")
    w.show_page("print_queue")
    s.grab("19-print-queue")
    from .dialogs.settings import SettingsDialog

    s.dialog("20-dialog-settings", SettingsDialog(s.shell.ctx.settings, w))
    s.dialog("21-dialog-settings-scanner", SettingsDialog(s.shell.ctx.settings, w),
             lambda d: d.tabs.setCurrentIndex(1))  # type: ignore[attr-defined]
    s.dialog("22-dialog-settings-printers", SettingsDialog(s.shell.ctx.settings, w),
             lambda d: d.tabs.setCurrentIndex(4))  # type: ignore[attr-defined]
    s.dialog("24-dialog-about", w.about_dialog())
