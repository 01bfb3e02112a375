"""A serial scanner (over a pty pair) feeding the receiving page; an 18,000-unit order on the pages."""

from __future__ import annotations

import os

from intake_app.demo_data import demo_orders, iter_big_fleet
from intake_app.devices.serial_scanner import ScannerStatus
from ui.pages.reconcile import ReconcilePage

from .conftest import write_manifest
from .ui_support import idle, sign_in

BIG = 18_000


def test_serial_scanner_reads_land_on_the_receiving_page(qtbot, shell, pty_pair):
    master, port = pty_pair
    try:
        settings = shell.ctx.settings
        settings.set("scanner.serial_port", port)
        shell.ctx.serial.configure(settings)
        qtbot.waitUntil(lambda: shell.ctx.serial.status.status is ScannerStatus.READY, timeout=5000)
        assert "ready" in shell.window.status.scanner.text()
        sign_in(qtbot, shell)
        shell.window.open_order(shell.ctx.engine.orders.summary("TB-2026-0001"))
        page = shell.window.current
        idle(qtbot, shell)
        with qtbot.waitSignal(page.feedback_shown, timeout=10_000):
            os.write(master, f"{demo_orders()[0].units[7].serial}\r\n".encode())
        assert page.banner.feedback.headline == "Matched"
        assert shell.ctx.engine.dock.recent_scans("TB-2026-0001", limit=1)[0].source == "serial"
    finally:
        shell.ctx.serial.stop()


def test_an_order_of_18000_units(qtbot, shell, tmp_path):
    engine = shell.ctx.engine
    boss = engine.sign_in("Sven Ekström", "2468")
    engine.orders.create(boss, "Östhammar", "TB-2026-0100", "Hela kommunen")
    rows = [[u.serial, u.asset_tag or "", u.manufacturer, u.model, u.category] for u in iter_big_fleet(7, BIG)]
    report = engine.manifests.import_file(boss, "TB-2026-0100", write_manifest(tmp_path / "big.csv", rows))
    assert report.units == BIG
    sign_in(qtbot, shell, "Sven Ekström", "2468")
    win = shell.window
    win.open_order(engine.orders.summary("TB-2026-0100"))
    page = win.current
    qtbot.waitUntil(lambda: page.outstanding.rowCount() == BIG, timeout=20_000)
    page.outstanding_search.setText(rows[12_345][0])
    assert page.outstanding.rowCount() == 1 and page.outstanding.row(0).serial == rows[12_345][0]
    page.outstanding_search.setText("")
    win.open_order(engine.orders.summary("TB-2026-0100"), "reconcile")
    rec = win.current
    assert isinstance(rec, ReconcilePage)
    qtbot.waitUntil(lambda: rec.missing.model.rowCount() == BIG, timeout=20_000)
    assert rec.totals["expected"].text() == str(BIG)
