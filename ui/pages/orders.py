"""Choose the order to receive: search by customer, number or reference; progress per order."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain.roles import Permission
from intake_app.events import Changes
from intake_app.services.orders import OrderSummary

from ..context import DockContext
from ..models import CENTER, RIGHT, Column, RowsModel
from ..scanner_filter import ScanEvent
from .base import Navigator, Page, hint_label, title_label

SEARCH_DELAY_MS = 200


def progress_text(o: OrderSummary) -> str:
    return f"{o.matched} / {o.expected}"


class ProgressDelegate(QStyledItemDelegate):
    """'312 / 450' over a bar showing the same."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        order = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(order, OrderSummary) and order.expected:
            r: QRect = option.rect.adjusted(4, 6, -4, -6)
            share = min(1.0, order.matched / order.expected)
            painter.fillRect(r, QColor("#dfe5ea"))
            painter.fillRect(QRect(r.left(), r.top(), int(r.width() * share), r.height()), QColor("#8fd19e"))
        super().paint(painter, option, index)


class OrderModel(RowsModel):
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.UserRole and index.isValid():
            return self.row(index.row())
        return super().data(index, role)


class OrdersPage(Page):
    name = "orders"

    def __init__(self, ctx: DockContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(ctx, nav, parent)
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: customer, order number or reference"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._timer.start(SEARCH_DELAY_MS))
        self.signed_off = QCheckBox(self.tr("Show signed-off orders"))
        self.signed_off.toggled.connect(lambda _c: self.refresh())
        self._timer.timeout.connect(self.refresh)
        self.model = OrderModel([
            Column(self.tr("Order"), lambda o: o.number),
            Column(self.tr("Customer"), lambda o: o.customer),
            Column(self.tr("Reference"), lambda o: o.customer_ref),
            Column(self.tr("Status"), lambda o: self.tr("signed off") if o.status == "signed_off" else self.tr("open")),
            Column(self.tr("Matched / expected"), progress_text, CENTER),
            Column(self.tr("Extras"), lambda o: o.received - o.matched, RIGHT),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(4, ProgressDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(38)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.receive())
        self.receive_button = QPushButton(self.tr("Receive"))
        self.receive_button.setProperty("role", "primary")
        self.receive_button.clicked.connect(self.receive)
        self.reconcile_button = QPushButton(self.tr("Reconcile"))
        self.reconcile_button.clicked.connect(self.reconcile)
        self.import_button = QPushButton(self.tr("Import list…"))
        self.import_button.clicked.connect(self.import_list)
        self.new_button = QPushButton(self.tr("New order…"))
        self.new_button.clicked.connect(self.nav.new_order)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.signed_off)
        buttons = QHBoxLayout()
        buttons.addWidget(self.receive_button)
        buttons.addWidget(self.reconcile_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        page = QVBoxLayout(self)
        page.setContentsMargins(24, 16, 24, 16)
        page.addWidget(title_label(self.tr("Choose an order")))
        page.addWidget(hint_label(self.tr("Scan or type the order number, the customer or their reference.")))
        page.addLayout(top)
        page.addWidget(self.table, 1)
        page.addLayout(buttons)

    def activate(self) -> None:
        supervisor = self.ctx.session.may(Permission.SIGN_OFF)
        self.reconcile_button.setVisible(supervisor)
        self.import_button.setVisible(self.ctx.session.may(Permission.IMPORT_MANIFEST))
        self.new_button.setVisible(self.ctx.session.may(Permission.MANAGE_ORDERS))
        self.signed_off.setVisible(supervisor)
        self.refresh()
        self.search.setFocus()

    def refresh(self) -> None:
        self._generation += 1
        gen, text, closed = self._generation, self.search.text(), self.signed_off.isChecked()
        dock = self.ctx.engine.dock
        self.ctx.runner.read(lambda: dock.search_orders(text, include_signed_off=closed),
                             lambda rows: self._show(gen, rows), self.failed)

    def _show(self, gen: int, rows: list[OrderSummary]) -> None:
        if gen != self._generation:
            return  # a newer search is on its way
        current = self.selected()
        self.model.set_rows(rows)
        pick = next((i for i, o in enumerate(rows) if current and o.id == current.id), 0 if rows else None)
        if pick is not None:
            self.table.selectRow(pick)

    def selected(self) -> OrderSummary | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row(rows[0].row()) if rows else None

    def receive(self) -> None:
        order = self.selected()
        if order is not None:
            self.nav.open_order(order, "receiving")

    def reconcile(self) -> None:
        order = self.selected()
        if order is not None:
            self.nav.open_order(order, "reconcile")

    def import_list(self) -> None:
        self.nav.import_manifest(self.selected())

    def handle_scan(self, ev: ScanEvent) -> None:
        wanted = ev.code.strip().upper()
        hit = next((o for o in self.model.rows() if o.number.upper() == wanted), None)
        if hit is not None:
            self.nav.open_order(hit, "receiving")
            return
        self.search.setText(ev.code.strip())

    def on_changes(self, changes: Changes) -> None:
        if changes.kind in ("order", "manifest", "sign_off", "scan", "correction"):
            self._timer.start(SEARCH_DELAY_MS * 2)
