"""The supervisor's flow through the real window: import a messy list (error report first, nothing
written), remap a column, reconcile, match by hand, void, move, sign off, the receipt, reopen."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtWidgets import QDialog

from intake_app.demo_data import SV_HEADERS, write_csv
from intake_app.domain.manifest_rules import Field
from ui.dialogs.import_manifest import ImportDialog
from ui.dialogs.receipt import ReceiptDialog
from ui.pages.reconcile import ReconcilePage

from .ui_support import answer_dialog, idle, sign_in

TIERP = "TB-2026-0003"


def messy_list(folder: Path) -> Path:
    path = folder / "heby-komplettering.csv"
    write_csv(path, SV_HEADERS, [
        ("HEB-009001", "5CG1234ABC", "HP", "EliteBook 840 G8", "Bärbar dator", 1),
        ("HEB-009002", "5,40123E+11", "Dell", "OptiPlex 7090", "Stationär dator", 1),  # Excel ate it
        ("HEB-009003", "5CG1234ABC", "HP", "EliteBook 840 G8", "Bärbar dator", 1),  # twice in the file
        ("HEB-009004", "PF3XYZ12", "Lenovo", "ThinkPad T14", "Bärbar dator", 1),
        ("", "", "Logitech", "M185", "Mus", "tolv"),  # not a number
    ])
    return path


def open_import(qtbot, shell, order: str) -> ImportDialog:
    dialog = ImportDialog(shell.ctx, shell.ctx.engine.orders.summary(order), shell.window)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.order.count() > 0, timeout=10_000)
    return dialog


def test_import_shows_the_error_report_before_writing_anything(qtbot, shell, tmp_path):
    sign_in(qtbot, shell, "Sven Ekström", "2468")
    engine = shell.ctx.engine
    before = engine.orders.summary("TB-2026-0002").expected
    dialog = open_import(qtbot, shell, "TB-2026-0002")
    dialog.load(messy_list(tmp_path))
    qtbot.waitUntil(lambda: dialog.checked_report is not None, timeout=20_000)
    report = dialog.checked_report
    assert report.dry_run and report.error_count == 3 and report.imported == 0
    lines = sorted((n[1].line, n[1].column) for n in dialog.notices_model.rows())
    assert [ln for ln, _ in lines] == [3, 4, 6]
    assert not dialog.import_button.isEnabled()  # errors: nothing can be imported...
    assert engine.orders.summary("TB-2026-0002").expected == before  # ...and nothing was
    assert dialog.preview.rows[1][1][1] == "5,40123E+11" and dialog.rows_model.rowCount() == 5
    dialog.skip_invalid.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=20_000)
    assert engine.orders.summary("TB-2026-0002").expected == before + 2  # the two good serial lines
    dialog.close()


def test_mapping_can_be_changed_before_importing(qtbot, shell, tmp_path):
    sign_in(qtbot, shell, "Sven Ekström", "2468")
    engine = shell.ctx.engine
    path = tmp_path / "odd.csv"
    write_csv(path, ("Nummer", "Märkning", "Tillverkare"), [("ZX81SPEC", "HEB-9101", "Sinclair"),
                                                             ("C64BREAD", "HEB-9102", "Commodore")])
    dialog = open_import(qtbot, shell, "TB-2026-0001")
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.checked_report is not None, timeout=20_000)
    # "Nummer" is not a known header: only the asset tag column was recognised
    assert Field.SERIAL not in dialog.mapping() and dialog.mapping()[Field.ASSET_TAG] == 1
    serial = dialog.combos[Field.SERIAL]
    serial.setCurrentIndex(serial.findData(0))  # the supervisor says: column A is the serial number
    assert dialog.checked_report is None and not dialog.import_button.isEnabled()
    dialog.check()
    qtbot.waitUntil(lambda: dialog.checked_report is not None, timeout=20_000)
    assert dialog.checked_report.error_count == 0 and dialog.import_button.isEnabled()
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=20_000)
    detail = engine.orders.detail("TB-2026-0001")
    assert {"ZX81SPEC", "C64BREAD"} <= {e["serial"] for e in detail["expected_units"]}
    dialog.close()


def test_a_file_that_is_not_a_list_says_so(qtbot, shell, tmp_path):
    sign_in(qtbot, shell, "Sven Ekström", "2468")
    junk = tmp_path / "photo.csv"
    junk.write_bytes(bytes(range(256)) * 20)
    dialog = open_import(qtbot, shell, "TB-2026-0001")
    dialog.load(junk)
    qtbot.waitUntil(lambda: "not a text file" in dialog.summary.text(), timeout=10_000)
    assert dialog.preview is None and not dialog.import_button.isEnabled()
    dialog.close()


def reconcile_page(qtbot, shell) -> ReconcilePage:
    shell.window.open_order(shell.ctx.engine.orders.summary(TIERP), "reconcile")
    page = shell.window.current
    assert isinstance(page, ReconcilePage)
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
    return page


def test_reconcile_match_void_move_sign_off_receipt(qtbot, shell, tmp_path):
    sign_in(qtbot, shell, "Sven Ekström", "2468")
    engine = shell.ctx.engine
    page = reconcile_page(qtbot, shell)
    report, _ = engine.reconciler.reconcile(TIERP)
    assert {k: int(v.text()) for k, v in page.totals.items()} == {k: report["totals"][k] for k in page.totals}
    expected = [v["expected"] for v in report["by_category"].values()]
    received = [v["received"] for v in report["by_category"].values()]
    assert page.chart.bar_values() == [expected, received]
    assert page.missing.model.rowCount() == 60 and page.extras.model.rowCount() == 1

    # match the extra by hand to a missing unit
    page.tabs.setCurrentWidget(page.extras)
    page.extras.view.selectRow(0)
    extra = page.extras.selected()
    target = report["missing"][0]

    def choose(dialog: QDialog) -> None:
        dialog.search.setText(target["serial"])
        dialog.view.selectRow(0)
        dialog.reason_edit.setText("the list has a typo")
        dialog.accept()

    answer_dialog(choose)
    page.manual_match()
    qtbot.waitUntil(lambda: page.totals["extras"].text() == "0", timeout=10_000)
    assert page.totals["matched"].text() == "61"

    # void a received unit
    page.tabs.setCurrentWidget(page.received)
    page.received.search.setText(extra["internal_id"])
    page.received.view.selectRow(0)

    def reason(dialog: QDialog) -> None:
        dialog.text.setPlainText("not part of this delivery")
        dialog.accept()

    answer_dialog(reason)
    page.void_unit()
    qtbot.waitUntil(lambda: page.totals["received"].text() == "60", timeout=10_000)

    # move a unit to the other pallet
    page.received.search.setText("")
    page.received.view.selectRow(0)
    unit = page.received.selected()

    def pick_pallet(dialog: QDialog) -> None:
        dialog.pallet.setCurrentIndex(0)
        dialog.accept()

    answer_dialog(pick_pallet)
    page.move_unit()
    qtbot.waitUntil(lambda: any(u["internal_id"] == unit["internal_id"] and u["pallet"] != unit["pallet"]
                                for u in (page.report or {}).get("received", [])), timeout=10_000)

    # sign off: it does not balance, so the reason is required; then the receipt opens
    seen: dict[str, object] = {}

    def sign(dialog: QDialog) -> None:
        seen["ok_without_reason"] = dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.text.setPlainText("rest comes next week")
        dialog.accept()
        answer_dialog(receipt)

    def receipt(dialog: QDialog) -> None:
        assert isinstance(dialog, ReceiptDialog)
        seen["receipt"] = dialog.preview.toPlainText()
        seen["print_enabled"] = dialog.print_button.isEnabled()
        dialog.save_csv(str(tmp_path / "tierp.csv"))
        qtbot.waitUntil(lambda: dialog.pdf.pageCount() >= 1, timeout=15_000)  # the receipt itself, page by page
        seen["pdf_pages"] = dialog.pdf.pageCount()
        dialog.save_pdf(str(tmp_path / "tierp.pdf"))
        idle(qtbot, shell)
        seen["pdf_saved_as_shown"] = (tmp_path / "tierp.pdf").read_bytes() == dialog.pdf_bytes
        dialog.accept()

    answer_dialog(sign)
    page.sign_off()
    qtbot.waitUntil(lambda: "receipt" in seen, timeout=15_000)
    assert seen["ok_without_reason"] is False
    assert TIERP in str(seen["receipt"]) and "Signed off" in str(seen["receipt"])
    assert seen["print_enabled"] is False  # no receipt printer at this station: save the PDF instead
    assert (tmp_path / "tierp.csv").read_text(encoding="utf-8-sig").startswith("status,internal_id")
    assert seen["pdf_saved_as_shown"] is True and seen["pdf_pages"] >= 2
    text = subprocess.run(["pdftotext", str(tmp_path / "tierp.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert TIERP in text and "PRELIMINÄRT" not in text  # the final receipt, made at sign-off
    assert engine.orders.summary(TIERP).status == "signed_off"
    qtbot.waitUntil(lambda: page.receipt_button.isEnabled(), timeout=5000)
    assert not page.sign_button.isEnabled() and page.reopen_button.isVisible()

    def why(dialog: QDialog) -> None:
        dialog.text.setPlainText("one more pallet arrived")
        dialog.accept()

    answer_dialog(why)
    page.reopen()
    qtbot.waitUntil(lambda: engine.orders.summary(TIERP).status == "open", timeout=10_000)


def test_operator_cannot_reach_the_supervisor_pages(qtbot, shell):
    from ui.actions import Action

    sign_in(qtbot, shell)  # Anna, operator
    win = shell.window
    win.open_order(shell.ctx.engine.orders.summary(TIERP), "reconcile")
    assert not win.actions_[Action.RECONCILE].isVisible() and not win.actions_[Action.IMPORT_MANIFEST].isVisible()
    win.show_reconcile()
    assert win.current.name == "receiving"
