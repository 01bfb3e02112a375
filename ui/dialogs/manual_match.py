"""Match an extra unit to an expected unit by hand: pick the expected one, say why."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..models import Column, RowsModel, category_name


class ManualMatchDialog(QDialog):
    def __init__(self, unit: dict[str, Any], missing: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Match by hand"))
        self.resize(820, 560)
        title = QLabel(self.tr("Unit {label}, scanned as {serial}: which expected unit is it?").format(
            label=unit["internal_id"], serial=unit["serial"]))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        title.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the missing units"))
        self.model = RowsModel([
            Column(self.tr("Serial number"), lambda m: m["serial"]),
            Column(self.tr("Asset tag"), lambda m: m["asset_tag"]),
            Column(self.tr("Model"), lambda m: " ".join(p for p in (m["manufacturer"], m["model"]) if p)),
            Column(self.tr("Category"), lambda m: category_name(m["category"])),
        ])
        self.model.set_rows(missing)
        self.search.textChanged.connect(self.model.set_filter)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update())
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Reason (required), e.g. the list has a typo in the serial"))
        self.reason_edit.textChanged.connect(lambda _t: self._update())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Match"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(title)
        box.addWidget(self.search)
        box.addWidget(self.view, 1)
        box.addWidget(self.reason_edit)
        box.addWidget(self.buttons)
        self._update()

    def chosen(self) -> dict[str, Any] | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def reason(self) -> str:
        return " ".join(self.reason_edit.text().split())

    def _update(self) -> None:
        ok = self.chosen() is not None and bool(self.reason())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
