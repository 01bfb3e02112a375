"""``intake-app``: the dock application's entry point.

This first version shows the station's orders and their progress; the receiving and supervisor
pages build on it (see the README's "Known limits").
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

from intake_app.app import IntakeApp
from intake_app.errors import IntakeError
from intake_app.services.orders import OrderSummary

Index = QModelIndex | QPersistentModelIndex


class OrdersModel(QAbstractTableModel):
    HEADERS = ("Order", "Customer", "Status", "Matched", "Expected", "Extras")

    def __init__(self, orders: list[OrderSummary]) -> None:
        super().__init__()
        self.orders = orders

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802 - Qt API
        return 0 if parent.isValid() else len(self.orders)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802 - Qt API
        return len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        o = self.orders[index.row()]
        d = o.as_dict()
        return (o.number, o.customer, o.status, o.matched, o.expected, d["extras"])[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None


def build_window(app: IntakeApp) -> QMainWindow:
    win = QMainWindow()
    win.setWindowTitle(f"Intake dock - {app.station.name}")
    view = QTableView()
    view.setModel(OrdersModel(app.orders.all()))
    win.setCentralWidget(view)
    win.resize(1000, 600)
    return win


def main(argv: list[str] | None = None) -> int:
    qt = QApplication(argv if argv is not None else sys.argv)
    try:
        engine = IntakeApp.open()
    except IntakeError as exc:
        print(f"intake-app: {exc.message}", file=sys.stderr)
        return 2
    win = build_window(engine)
    win.show()
    return qt.exec()


if __name__ == "__main__":
    raise SystemExit(main())
