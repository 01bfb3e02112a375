"""Closing a pallet (with its weight) and moving a unit to another pallet."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from intake_app.services.dock import PalletLine

MAX_KG = 4999.9  # the engine refuses 5000 kg and more: a pallet is never that heavy


class ClosePalletDialog(QDialog):
    def __init__(self, code: str, units: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close pallet"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        title = QLabel(self.tr("Close pallet {code}").format(code=code))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        form.addRow(title)
        if units is not None:
            form.addRow(self.tr("Units on it"), QLabel(str(units)))
        self.weight = QDoubleSpinBox()
        self.weight.setRange(0.0, MAX_KG)
        self.weight.setDecimals(1)
        self.weight.setSuffix(" kg")
        self.weight.setSpecialValueText(self.tr("not weighed"))
        self.weight.setStyleSheet("font-size: 18pt;")
        self.weight.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)
        form.addRow(self.tr("Weight"), self.weight)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Close pallet"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.weight.setFocus()
        self.weight.selectAll()

    def weight_kg(self) -> float | None:
        value = round(self.weight.value(), 1)
        return value if value > 0 else None


class MoveUnitDialog(QDialog):
    def __init__(self, unit: str, current: str | None, pallets: list[PalletLine],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move to another pallet"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Move unit {unit} from {pallet} to:").format(unit=unit, pallet=current or "-")))
        self.pallet = QComboBox()
        for p in pallets:
            if p.code != current:
                state = self.tr("closed") if p.closed else self.tr("open")
                self.pallet.addItem(f"{p.code} ({state}, {p.units})", p.code)
        form.addRow(self.tr("Pallet"), self.pallet)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason (optional)"))
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.pallet.count() > 0)
        form.addRow(self.buttons)

    def target(self) -> str:
        return str(self.pallet.currentData() or "")
