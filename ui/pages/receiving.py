"""Receiving: the page the dock looks at all day.

A scan goes to the write worker (in scan order; the pallet it lands on is the cursor's at that
moment), and its result comes back as the banner + sound first - nothing else happens before
the operator has heard it. Counters, recent scans and the outstanding list then refresh from
the database (debounced, off the GUI thread).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain.outcomes import Outcome
from intake_app.events import Changes
from intake_app.services.corrections import CorrectionResult
from intake_app.services.dock import Counters, OutstandingLine, ScanLine
from intake_app.services.scanning import PalletInfo, ScanResult

from ..context import DockContext
from ..feedback import (
    Feedback,
    Tone,
    confirmed,
    feedback_for,
    feedback_for_error,
    outcome_label,
    outcome_tone,
)
from ..models import Column, RowsModel, category_name
from ..scanner_filter import ScanEvent
from ..tasks import TaskError
from ..widgets.banner import FeedbackBanner
from ..widgets.counters import OrderCounters, PalletCounters
from ..widgets.near_match import NearMatchPanel
from .base import Navigator, Page, hint_label

REFRESH_MS = 120  # counters and recent scans: after a burst settles, not after every code
# The outstanding list (up to 18,000 rows) follows this page's scans row by row; it is reloaded
# only when something else changed it (a void, an import, a correction). Reloading it after every
# scan would hold the interpreter lock in row processing for tens of milliseconds.
OUTSTANDING_MS = 600
RECENT_ROWS = 60
ROW_TINT = {Tone.GOOD: "#e3f4e8", Tone.WARN: "#fff3d1", Tone.STOP: "#fbe0e4", Tone.INFO: "#e1ebf7"}


def table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(30)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.setWordWrap(False)
    return view


class ReceivingPage(Page):
    name = "receiving"
    feedback_shown = Signal(object)  # the ScanResult (or TaskError) whose banner and sound just went out

    def __init__(self, ctx: DockContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(ctx, nav, parent)
        self._gen = {"counters": 0, "outstanding": 0}
        self.order_label = QLabel()
        self.order_label.setStyleSheet("font-size: 22pt; font-weight: bold;")
        self.reference = hint_label("")
        self.pallet_label = QLabel()
        self.pallet_label.setStyleSheet("font-size: 22pt; font-weight: bold;")
        self.pallet_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.banner = FeedbackBanner()
        self.near = NearMatchPanel()
        self.near.accepted.connect(lambda sid: self.answer_near_match(sid, True))
        self.near.rejected.connect(lambda sid: self.answer_near_match(sid, False))
        self.order_counters = OrderCounters()
        self.pallet_counters = PalletCounters()
        self.scans = RowsModel([
            Column(self.tr("Time"), lambda s: s.scanned_at.astimezone().strftime("%H:%M:%S")),
            Column(self.tr("Code"), lambda s: s.code),
            Column(self.tr("Result"), lambda s: outcome_label(s.outcome) + (self.tr(" (void)") if s.voided else "")),
            Column(self.tr("Label"), lambda s: s.internal_id or s.seen_internal_id or ""),
            Column(self.tr("Pallet"), lambda s: s.pallet or ""),
        ], background=lambda s: None if s.voided else ROW_TINT.get(outcome_tone(s.outcome)),
            struck=lambda s: s.voided)
        self.scan_view = table(self.scans)
        head = self.scan_view.horizontalHeader()
        for col in (0, 2, 3):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.outstanding = RowsModel([
            Column(self.tr("Serial number"), lambda e: e.serial),
            Column(self.tr("Asset tag"), lambda e: e.asset_tag),
            Column(self.tr("Model"), lambda e: " ".join(p for p in (e.manufacturer, e.model) if p)),
            Column(self.tr("Category"), lambda e: category_name(e.category)),
        ])
        self.outstanding_view = table(self.outstanding)
        self._build_layout()

    # -- layout ----------------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        head = QHBoxLayout()
        who = QVBoxLayout()
        who.setSpacing(0)
        who.addWidget(self.order_label)
        who.addWidget(self.reference)
        head.addLayout(who, 1)
        head.addWidget(self.pallet_label, 1)
        counters = QHBoxLayout()
        counters.addWidget(self.order_counters, 3)
        counters.addWidget(self.pallet_counters, 3)
        self.void_button = QPushButton(self.tr("Void scan…"))
        self.void_button.setProperty("role", "danger")
        self.void_button.clicked.connect(self.void_selected)
        self.reprint_button = QPushButton(self.tr("Reprint label"))
        self.reprint_button.clicked.connect(self.reprint_selected)
        recent = QVBoxLayout()
        recent_head = QHBoxLayout()
        recent_head.addWidget(QLabel(self.tr("Recent scans")), 1)
        recent_head.addWidget(self.void_button)
        recent_head.addWidget(self.reprint_button)
        recent.addLayout(recent_head)
        recent.addWidget(self.scan_view, 1)
        self.outstanding_search = QLineEdit()
        self.outstanding_search.setPlaceholderText(self.tr("Search the list"))
        self.outstanding_search.setClearButtonEnabled(True)
        self.outstanding_search.textChanged.connect(self.outstanding.set_filter)
        self.outstanding_title = QLabel()
        out_head = QHBoxLayout()
        out_head.addWidget(self.outstanding_title, 1)
        out_head.addWidget(self.outstanding_search, 1)
        out_box = QVBoxLayout()
        out_box.addLayout(out_head)
        out_box.addWidget(self.outstanding_view, 1)
        out_widget = QWidget()
        out_widget.setLayout(out_box)
        blind = hint_label(self.tr("Blind receiving: the expected list is hidden. Scan every unit on the pallet."))
        blind.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outstanding_stack = QStackedWidget()
        self.outstanding_stack.addWidget(out_widget)
        self.outstanding_stack.addWidget(blind)
        recent_widget = QWidget()
        recent_widget.setLayout(recent)
        lists = QSplitter()
        lists.addWidget(recent_widget)
        lists.addWidget(self.outstanding_stack)
        lists.setSizes([600, 500])
        camera = self.ctx.integrations.camera
        if camera.configured:  # a webcam as a second scanner: its reads take the same road as the wedge's
            lists.addWidget(camera.create_view(self, lambda code: self.handle_scan(ScanEvent(code, "camera", code))))
            lists.setSizes([400, 400, 560])  # the camera image wide enough to aim by
        self.manual = QLineEdit()
        self.manual.setPlaceholderText(self.tr("Type a code by hand and press Enter"))
        self.manual.returnPressed.connect(self._manual_entry)
        page = QVBoxLayout(self)
        page.setContentsMargins(14, 8, 14, 8)
        page.setSpacing(6)
        page.addLayout(head)
        page.addWidget(self.banner)
        page.addWidget(self.near)
        page.addLayout(counters)
        page.addWidget(lists, 1)
        page.addWidget(self.manual)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self.refresh_counters)
        self._outstanding_timer = QTimer(self)
        self._outstanding_timer.setSingleShot(True)
        self._outstanding_timer.timeout.connect(self.refresh_outstanding)

    # -- showing -------------------------------------------------------------------------------------

    def activate(self) -> None:
        self.show_header()
        blind = self.ctx.blind
        self.outstanding_stack.setCurrentIndex(1 if blind else 0)
        last = self.ctx.session.last_result
        if last is not None:
            self.banner.show_feedback(feedback_for(last, blind))
            if last.outcome is Outcome.NEAR_MATCH:
                self.near.ask(last, blind)
        self.refresh_counters()
        if not blind:
            self.refresh_outstanding()
        self.refresh_camera()

    def show_header(self) -> None:
        order, pallet = self.ctx.session.order, self.ctx.session.pallet
        if order is None:
            self.order_label.setText(self.tr("No order chosen"))
            self.reference.setText("")
        else:
            self.order_label.setText(f"{order.number} · {order.customer}")
            self.reference.setText(order.customer_ref or "")
        if pallet is None:
            self.pallet_label.setText(self.tr("No pallet: scan a pallet label"))
            self.pallet_label.setStyleSheet("font-size: 18pt; font-weight: bold; color: #b00020;")
        else:
            state = self.tr("closed") if pallet.closed else self.tr("open")
            self.pallet_label.setText(self.tr("Pallet {code} ({state})").format(code=pallet.code, state=state))
            self.pallet_label.setStyleSheet("font-size: 22pt; font-weight: bold;")

    def show_feedback(self, fb: Feedback) -> None:
        """Banner and sound: the operator's answer. Nothing slow happens before this."""
        self.banner.show_feedback(fb)
        self.banner.repaint()  # paint now, not after the queued refreshes
        if fb.sound is not None:
            self.ctx.sounds.play(fb.sound)

    # -- scans -------------------------------------------------------------------------------------------

    def handle_scan(self, ev: ScanEvent) -> None:
        session = self.ctx.session
        if session.actor is None or session.order is None:
            self.nav.message(self.tr("Choose an order first."), error=True)
            return
        actor, engine, cursor, code, source = session.actor, self.ctx.engine, session.cursor, ev.code, ev.source

        def record() -> ScanResult:
            order_id, pallet = cursor.get()
            assert order_id is not None
            result = engine.scanning.record(actor, order_id, code, pallet=pallet.id if pallet else None,
                                            source=source)
            if result.outcome is Outcome.PALLET and result.pallet is not None:
                cursor.move_to(result.pallet)
            return result

        self.ctx.runner.write(record, self.show_result, self.show_error)

    def _manual_entry(self) -> None:
        code = self.manual.text()
        self.manual.clear()
        if code.strip():
            self.handle_scan(ScanEvent(code, "manual", code))

    def show_result(self, result: ScanResult) -> None:
        self.show_feedback(feedback_for(result, self.ctx.blind))
        session = self.ctx.session
        session.last_result = result
        self.feedback_shown.emit(result)
        if result.outcome is Outcome.NEAR_MATCH:
            self.near.ask(result, self.ctx.blind)
        elif self.near.isVisible() and result.outcome is not Outcome.REJECTED:
            self.near.hide()  # the operator moved on; the near match stays answerable from the scans list
        if result.pallet is not None and result.outcome is Outcome.PALLET:
            session.pallet = result.pallet
            self.show_header()
        if result.outcome is Outcome.MATCHED and result.decision.expected is not None:
            self.drop_outstanding(result.decision.expected.id)
        self.schedule_refresh(outstanding=False)

    def drop_outstanding(self, expected_id: uuid.UUID) -> None:
        if self.outstanding.remove_where(lambda e: e.id == expected_id):
            self.outstanding_title.setText(self.tr("Still expected: {n}").format(n=self.outstanding.total))

    def show_error(self, error: TaskError) -> None:
        self.show_feedback(feedback_for_error(error))
        self.feedback_shown.emit(error)
        self.schedule_refresh(outstanding=False)

    def schedule_refresh(self, outstanding: bool = True) -> None:
        self._refresh_timer.start(REFRESH_MS)
        if outstanding and not self.ctx.blind:
            self._outstanding_timer.start(OUTSTANDING_MS)

    def on_changes(self, changes: Changes) -> None:
        order = self.ctx.session.order
        if order is not None and order.id in changes.order_ids:
            # this process's scans are applied to the list as they come (the bus is per process)
            self.schedule_refresh(outstanding=changes.kind != "scan")

    # -- refreshing ------------------------------------------------------------------------------------

    def refresh_counters(self) -> None:
        session, dock = self.ctx.session, self.ctx.engine.dock
        if session.order is None:
            return
        self._gen["counters"] += 1
        gen, order_id, pallet = self._gen["counters"], session.order.id, session.pallet

        def load() -> tuple[Counters, Counters | None, list[ScanLine]]:
            return (dock.counters(order_id), dock.pallet_counters(pallet.id) if pallet else None,
                    dock.recent_scans(order_id, limit=RECENT_ROWS))

        self.ctx.runner.read(load, lambda r: self._show_counters(gen, r), self.failed)

    def _show_counters(self, gen: int, r: tuple[Counters, Counters | None, list[ScanLine]]) -> None:
        if gen != self._gen["counters"]:
            return
        order, pallet, recent = r
        self.order_counters.show_counters(order, self.ctx.blind)
        self.pallet_counters.show_counters(pallet)
        selected = self.selected_scan()
        self.scans.set_rows(recent)
        if selected is not None:
            row = next((i for i, s in enumerate(recent) if s.scan_id == selected.scan_id), None)
            if row is not None:
                self.scan_view.selectRow(row)

    def refresh_outstanding(self) -> None:
        order = self.ctx.session.order
        if order is None or self.ctx.blind:
            return
        self._gen["outstanding"] += 1
        gen, dock, order_id = self._gen["outstanding"], self.ctx.engine.dock, order.id
        self.ctx.runner.read(lambda: dock.outstanding(order_id), lambda rows: self._show_outstanding(gen, rows),
                             self.failed)

    def refresh_camera(self) -> None:
        """Give the camera the order's outstanding codes, so it picks the serial among a label's codes.

        Blind receiving gives it none: its overlay would otherwise show which codes are expected."""
        camera, order = self.ctx.integrations.camera, self.ctx.session.order
        if not camera.configured or order is None:
            return
        if self.ctx.blind:
            camera.set_expected({})
            return
        scanning, order_id = self.ctx.engine.scanning, order.id
        self.ctx.runner.read(lambda: scanning.outstanding_keys(order_id), camera.set_expected, self.failed)

    def _show_outstanding(self, gen: int, rows: list[OutstandingLine]) -> None:
        if gen != self._gen["outstanding"]:
            return
        self.outstanding.set_rows(rows)
        self.outstanding_title.setText(self.tr("Still expected: {n}").format(n=len(rows)))

    # -- corrections from this page ------------------------------------------------------------------

    def selected_scan(self) -> ScanLine | None:
        sel = self.scan_view.selectionModel()
        rows = sel.selectedRows() if sel else []
        return self.scans.row(rows[0].row()) if rows else None

    def void_selected(self) -> None:
        from ..dialogs.reason import ReasonDialog

        line, actor = self.selected_scan(), self.ctx.session.actor
        if line is None or actor is None:
            self.nav.message(self.tr("Select a scan in the list first."), error=True)
            return
        if line.voided:
            self.nav.message(self.tr("That scan is already void."), error=True)
            return
        dialog = ReasonDialog.for_void(line, self)
        if not self.nav.run_dialog(dialog):
            return
        reason, corrections, scan_id = dialog.reason(), self.ctx.engine.corrections, line.scan_id
        self.ctx.runner.write(lambda: corrections.void(actor, scan_id, reason), self._voided, self.show_error)

    def _voided(self, result: CorrectionResult) -> None:
        what = result.unit_internal_id or ""
        self.show_feedback(Feedback(Tone.INFO, self.tr("Scan voided"),
                                    self.tr("Label {label} no longer counts").format(label=what) if what else "",
                                    self.tr("Take the label off the unit.") if what else "", "info"))
        self.schedule_refresh()

    def answer_near_match(self, scan_id: uuid.UUID, accept: bool) -> None:
        actor = self.ctx.session.actor
        if actor is None:
            return
        corrections = self.ctx.engine.corrections
        self.ctx.runner.write(lambda: corrections.confirm(actor, scan_id, accept),
                              lambda r: self._answered(r, accept), self.show_error)

    def _answered(self, result: CorrectionResult, accepted: bool) -> None:
        self.show_feedback(confirmed(result.unit_internal_id, accepted))
        if result.expected_id is not None:
            self.drop_outstanding(result.expected_id)
        self.schedule_refresh()

    def reprint_selected(self) -> None:
        line = self.selected_scan()
        label = line.internal_id if line else None
        if not label:
            self.nav.message(self.tr("Select a scan that received a unit."), error=True)
            return
        self.print_unit_label(label)

    def print_unit_label(self, internal_id: str) -> None:
        """A label on demand (a reprint). Labels of received units are queued by the engine's spool
        when ``receiving.auto_print`` is on: the page never prints them, so none is printed twice."""
        labels = self.ctx.integrations.labels
        self.ctx.runner.long(lambda _p: labels.unit_label(internal_id),
                             lambda _r: self.nav.message(self.tr("Label {label} sent to the printer").format(
                                 label=internal_id)), self.failed)

    def pallet_changed(self, pallet: PalletInfo | None) -> None:
        self.ctx.session.pallet = pallet
        self.show_header()
        self.schedule_refresh()

