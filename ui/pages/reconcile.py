"""Reconciliation (supervisor): expected against received, the differences, the fixes, sign-off.

All arithmetic is the engine's (``app.reconciler.reconcile``); this page lays the report out:
totals, per-category and per-pallet tables with a chart, lists of missing / extra / received /
duplicate units with search, and the corrections (manual match, void, move) and sign-off.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain.roles import Permission
from intake_app.events import Changes
from intake_app.services.dock import PalletLine

from ..context import DockContext
from ..feedback import local_time
from ..models import RIGHT, Column, RowsModel, category_name
from ..scanner_filter import ScanEvent
from ..tasks import TaskError
from ..widgets.chart import CategoryChart
from .base import Navigator, Page, title_label

TOTALS = ("expected", "received", "matched", "missing", "extras", "duplicates", "wrong_order")


def when(iso: str | None) -> str:
    from datetime import datetime

    return local_time(datetime.fromisoformat(iso)) if iso else ""


def _figure(key: str) -> Callable[[tuple[str, dict[str, int]]], int]:
    return lambda row: row[1][key]


def view(model: RowsModel) -> QTableView:
    v = QTableView()
    v.setModel(model)
    v.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    v.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    v.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    v.setAlternatingRowColors(True)
    v.verticalHeader().hide()
    v.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    v.setSortingEnabled(True)
    return v


class ListTab(QWidget):
    """A searchable list of units."""

    def __init__(self, model: RowsModel, placeholder: str) -> None:
        super().__init__()
        self.model = model
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(model.set_filter)
        self.view = view(model)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.search)
        box.addWidget(self.view, 1)

    def selected(self) -> Any:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None


class ReconcilePage(Page):
    name = "reconcile"

    def __init__(self, ctx: DockContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(ctx, nav, parent)
        self.report: dict[str, Any] | None = None
        self._gen = 0
        self.title = title_label("")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.totals: dict[str, QLabel] = {}
        totals = QGridLayout()
        names = {"expected": self.tr("Expected"), "received": self.tr("Received"), "matched": self.tr("Matched"),
                 "missing": self.tr("Missing"), "extras": self.tr("Extras"), "duplicates": self.tr("Duplicates"),
                 "wrong_order": self.tr("Wrong order")}
        for i, key in enumerate(TOTALS):
            value = QLabel("–")
            value.setStyleSheet("font-size: 24pt; font-weight: bold;")
            totals.addWidget(value, 0, i)
            totals.addWidget(QLabel(names[key]), 1, i)
            self.totals[key] = value
        self.tabs = QTabWidget()
        self._build_tabs()
        self._build_buttons()
        page = QVBoxLayout(self)
        page.setContentsMargins(16, 10, 16, 10)
        page.addWidget(self.title)
        page.addWidget(self.state)
        page.addLayout(totals)
        page.addWidget(self.tabs, 1)
        page.addLayout(self.buttons)

    def _counts(self, key: str) -> Column:
        titles = {"expected": self.tr("Expected"), "received": self.tr("Received"), "matched": self.tr("Matched"),
                  "missing": self.tr("Missing"), "extras": self.tr("Extras"), "duplicates": self.tr("Duplicates"),
                  "wrong_order": self.tr("Wrong order")}
        return Column(titles[key], _figure(key), RIGHT)

    def _build_tabs(self) -> None:
        self.categories = RowsModel([Column(self.tr("Category"), lambda r: category_name(r[0]))]
                                    + [self._counts(k) for k in TOTALS])
        self.pallets = RowsModel([Column(self.tr("Pallet"), lambda r: r[0])]
                                 + [self._counts(k) for k in ("received", "matched", "extras", "duplicates",
                                                               "wrong_order")])
        self.chart = CategoryChart()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(view(self.categories))
        split.addWidget(self.chart)
        self.tabs.addTab(split, self.tr("By category"))
        self.tabs.addTab(view(self.pallets), self.tr("By pallet"))
        unit_cols = [
            Column(self.tr("Label"), lambda u: u["internal_id"]), Column(self.tr("Serial number"), lambda u: u["serial"]),
            Column(self.tr("Pallet"), lambda u: u["pallet"]), Column(self.tr("Category"), lambda u: category_name(u["category"])),
            Column(self.tr("Received"), lambda u: when(u["received_at"])), Column(self.tr("By"), lambda u: u["operator"]),
        ]
        self.missing = ListTab(RowsModel([
            Column(self.tr("Line"), lambda e: e["line"], RIGHT), Column(self.tr("Serial number"), lambda e: e["serial"]),
            Column(self.tr("Asset tag"), lambda e: e["asset_tag"]),
            Column(self.tr("Model"), lambda e: " ".join(p for p in (e["manufacturer"], e["model"]) if p)),
            Column(self.tr("Category"), lambda e: category_name(e["category"])),
        ]), self.tr("Search the missing units"))
        self.extras = ListTab(RowsModel(unit_cols), self.tr("Search the extras"))
        self.received = ListTab(RowsModel(unit_cols), self.tr("Search the received units"))
        self.problems = ListTab(RowsModel([
            Column(self.tr("Kind"), lambda d: d["what"]), Column(self.tr("Code"), lambda d: d.get("serial") or d.get("code")),
            Column(self.tr("Pallet"), lambda d: d.get("pallet")), Column(self.tr("Note"), lambda d: d["note"]),
            Column(self.tr("When"), lambda d: when(d.get("received_at") or d.get("scanned_at"))),
            Column(self.tr("By"), lambda d: d.get("operator")),
        ]), self.tr("Search"))
        self.counts = RowsModel([
            Column(self.tr("Category"), lambda c: category_name(c["category"])),
            Column(self.tr("Description"), lambda c: c["description"]),
            Column(self.tr("Expected"), lambda c: c["expected"], RIGHT),
            Column(self.tr("Counted"), lambda c: c["received"], RIGHT),
            Column(self.tr("Missing"), lambda c: c["missing"], RIGHT),
        ])
        for tab in (self.missing, self.extras, self.received, self.problems):
            self.tabs.addTab(tab, "")
        self.tabs.addTab(view(self.counts), self.tr("Counted items"))

    def _build_buttons(self) -> None:
        self.match_button = QPushButton(self.tr("Match by hand…"))
        self.match_button.clicked.connect(self.manual_match)
        self.void_button = QPushButton(self.tr("Void unit…"))
        self.void_button.setProperty("role", "danger")
        self.void_button.clicked.connect(self.void_unit)
        self.move_button = QPushButton(self.tr("Move to pallet…"))
        self.move_button.clicked.connect(self.move_unit)
        self.sign_button = QPushButton(self.tr("Sign off…"))
        self.sign_button.setProperty("role", "good")
        self.sign_button.clicked.connect(self.sign_off)
        self.reopen_button = QPushButton(self.tr("Reopen…"))
        self.reopen_button.clicked.connect(self.reopen)
        self.receipt_button = QPushButton(self.tr("Receipt…"))
        self.receipt_button.setProperty("role", "primary")
        self.receipt_button.clicked.connect(self.open_receipt)
        self.buttons = QHBoxLayout()
        for b in (self.match_button, self.void_button, self.move_button):
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)
        for b in (self.reopen_button, self.sign_button, self.receipt_button):
            self.buttons.addWidget(b)

    # -- loading ---------------------------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        order = self.ctx.session.order
        if order is None:
            self.title.setText(self.tr("No order chosen"))
            return
        self._gen += 1
        gen, reconciler = self._gen, self.ctx.engine.reconciler
        self.title.setText(f"{order.number} · {order.customer}")
        self.ctx.runner.read(lambda: reconciler.reconcile(order.id)[0], lambda r: self.show_report(gen, r),
                             self.failed)

    def show_report(self, gen: int, report: dict[str, Any]) -> None:
        if gen != self._gen:
            return
        self.report = report
        t = report["totals"]
        for key, label in self.totals.items():
            label.setText(str(t[key]))
        self._show_state(report)
        self.categories.set_rows(list(report["by_category"].items()))
        self.pallets.set_rows(list(report["by_pallet"].items()))
        self.chart.show_categories([(category_name(k), v["expected"], v["received"])
                                    for k, v in report["by_category"].items()])
        self.missing.model.set_rows(report["missing"])
        self.extras.model.set_rows(report["extras"])
        self.received.model.set_rows(report["received"])
        self.problems.model.set_rows(self._problem_rows(report))
        self.counts.set_rows(report["count_lines"])
        names = [self.tr("Missing"), self.tr("Extras"), self.tr("Received"), self.tr("Duplicates and wrong order")]
        counts = [t["missing"], t["extras"], t["received"], t["duplicates"] + t["wrong_order"]]
        for i, (name, n) in enumerate(zip(names, counts, strict=True), start=2):
            self.tabs.setTabText(i, f"{name} ({n})")
        self._enable()

    def _show_state(self, report: dict[str, Any]) -> None:
        signed = report.get("signed_off")
        if signed:
            text = self.tr("Signed off {at} by {by}").format(at=when(signed["at"]), by=signed["by"])
            if signed.get("reason"):
                text += f": {signed['reason']}"
            self.state.setStyleSheet("font-weight: bold; color: #0b4f9c;")
        elif report["balanced"]:
            text = self.tr("Open. The order balances: it can be signed off.")
            self.state.setStyleSheet("font-weight: bold; color: #0a7d32;")
        else:
            text = self.tr("Open. The order does not balance yet.")
            self.state.setStyleSheet("font-weight: bold; color: #b00020;")
        self.state.setText(text)

    def _problem_rows(self, report: dict[str, Any]) -> list[dict[str, Any]]:
        rows = []
        for d in report["duplicates"]:
            note = (self.tr("duplicate of {label}").format(label=d["duplicate_of"]["internal_id"])
                    if d["kind"] == "unit" else self.tr("scanned again"))
            rows.append({**d, "what": self.tr("Duplicate"), "note": note})
        for w in report["wrong_order"]:
            rows.append({**w, "what": self.tr("Wrong order"),
                         "note": self.tr("belongs to {order}").format(order=w.get("other_order") or "?")})
        return rows

    def _enable(self) -> None:
        signed = self.report is not None and self.report["status"] == "signed_off"
        s = self.ctx.session
        for b, perm in ((self.match_button, Permission.MANUAL_MATCH), (self.void_button, Permission.VOID),
                        (self.move_button, Permission.MOVE_UNIT), (self.sign_button, Permission.SIGN_OFF)):
            b.setEnabled(not signed and s.may(perm))
        self.reopen_button.setVisible(signed and s.may(Permission.REOPEN))
        self.receipt_button.setEnabled(signed)

    def on_changes(self, changes: Changes) -> None:
        order = self.ctx.session.order
        if order is not None and order.id in changes.order_ids:
            self.refresh()

    def handle_scan(self, ev: ScanEvent) -> None:
        """A scanned unit or serial: find it in the lists."""
        code = ev.code.strip()
        for tab in (self.extras, self.missing, self.received):
            tab.search.setText(code)
            if tab.model.rowCount():
                self.tabs.setCurrentWidget(tab)
                tab.view.selectRow(0)
                return
        self.nav.message(self.tr("{code} is in none of the lists").format(code=code), error=True)

    # -- corrections -------------------------------------------------------------------------------------

    def selected_unit(self) -> dict[str, Any] | None:
        tab = self.tabs.currentWidget()
        if tab in (self.extras, self.received):
            return tab.selected()
        return None

    def manual_match(self) -> None:
        from ..dialogs.manual_match import ManualMatchDialog

        unit, actor = self.extras.selected(), self.ctx.session.actor
        if unit is None or self.report is None or actor is None:
            self.tabs.setCurrentWidget(self.extras)
            self.nav.message(self.tr("Select an extra unit first."), error=True)
            return
        dialog = ManualMatchDialog(unit, self.report["missing"], self)
        if not self.nav.run_dialog(dialog) or dialog.chosen() is None:
            return
        expected, reason, corrections = dialog.chosen(), dialog.reason(), self.ctx.engine.corrections
        assert expected is not None
        self.ctx.runner.write(lambda: corrections.manual_match(actor, unit["internal_id"], expected["id"], reason),
                              lambda r: self._done(self.tr("Unit {label} matched").format(label=r.unit_internal_id)),
                              self.failed)

    def void_unit(self) -> None:
        from ..dialogs.reason import ReasonDialog

        unit, actor = self.selected_unit(), self.ctx.session.actor
        if unit is None or actor is None:
            self.nav.message(self.tr("Select a unit in Extras or Received first."), error=True)
            return
        dialog = ReasonDialog.for_void_unit(unit["internal_id"], unit["serial"], self)
        if not self.nav.run_dialog(dialog):
            return
        reason, engine, label = dialog.reason(), self.ctx.engine, unit["internal_id"]
        self.ctx.runner.write(lambda: engine.corrections.void(actor, engine.dock.scan_of_unit(label), reason),
                              lambda r: self._done(self.tr("Unit {label} voided").format(label=label)), self.failed)

    def move_unit(self) -> None:
        unit, order = self.selected_unit(), self.ctx.session.order
        if unit is None or order is None:
            self.nav.message(self.tr("Select a unit in Extras or Received first."), error=True)
            return
        dock = self.ctx.engine.dock
        self.ctx.runner.read(lambda: dock.pallets(order.id), lambda ps: self._move_to(unit, ps), self.failed)

    def _move_to(self, unit: dict[str, Any], pallets: list[PalletLine]) -> None:
        from ..dialogs.pallet import MoveUnitDialog

        actor = self.ctx.session.actor
        dialog = MoveUnitDialog(unit["internal_id"], unit["pallet"], pallets, self)
        if actor is None or not self.nav.run_dialog(dialog) or not dialog.target():
            return
        target, reason, corrections = dialog.target(), dialog.reason.text().strip() or None, self.ctx.engine.corrections
        self.ctx.runner.write(lambda: corrections.move(actor, unit["internal_id"], target, reason),
                              lambda r: self._done(self.tr("Unit {label} moved to {pallet}").format(
                                  label=r.unit_internal_id, pallet=r.pallet)), self.failed)

    def sign_off(self) -> None:
        from ..dialogs.sign_off import SignOffDialog

        report, actor = self.report, self.ctx.session.actor
        if report is None or actor is None:
            return
        dialog = SignOffDialog(report["order"], report["customer"], report["totals"], report["balanced"], self)
        if not self.nav.run_dialog(dialog):
            return
        reason, reconciler, order = dialog.reason(), self.ctx.engine.reconciler, report["order"]
        self.ctx.runner.write(lambda: reconciler.sign_off(actor, order, reason), self._signed_off, self.failed)

    def _signed_off(self, result: dict[str, Any]) -> None:
        self.nav.message(self.tr("{order} signed off").format(order=result["order"]))
        reconciler, order = self.ctx.engine.reconciler, result["order"]
        self.ctx.runner.read(lambda: reconciler.reconcile(order)[0], self._receipt_after_sign_off, self.failed)

    def _receipt_after_sign_off(self, report: dict[str, Any]) -> None:
        self._gen += 1
        self.show_report(self._gen, report)
        self.open_receipt()

    def open_receipt(self) -> None:
        from ..dialogs.receipt import ReceiptDialog

        if self.report is not None:
            self.nav.run_dialog(ReceiptDialog(self.ctx, self.report, self))

    def reopen(self) -> None:
        from ..dialogs.reason import ReasonDialog

        report, actor = self.report, self.ctx.session.actor
        if report is None or actor is None:
            return
        dialog = ReasonDialog(self.tr("Reopen order"), self.tr("Reopen {order} for more scans or corrections?").format(
            order=report["order"]), [], True, self)
        if not self.nav.run_dialog(dialog):
            return
        reason, reconciler = dialog.reason(), self.ctx.engine.reconciler
        self.ctx.runner.write(lambda: reconciler.reopen(actor, report["order"], reason),
                              lambda _r: self._done(self.tr("{order} reopened").format(order=report["order"])),
                              self.failed)

    def _done(self, text: str) -> None:
        self.nav.message(text)
        self.refresh()

    def failed(self, error: TaskError) -> None:
        self.nav.message(error.message, error=True)
