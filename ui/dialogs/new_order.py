"""A new take-back order for a customer (its number is the next free TB-year-nnnn)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from intake_app.services.customers import CustomerInfo
from intake_app.services.orders import MAX_REF


class NewOrderDialog(QDialog):
    def __init__(self, customers: list[CustomerInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New order"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        self.customer = QComboBox()
        for c in customers:
            self.customer.addItem(f"{c.name} ({c.short_name})", c.short_name)
        self.reference = QLineEdit()
        self.reference.setMaxLength(MAX_REF)
        self.reference.setPlaceholderText(self.tr("The customer's reference, e.g. their case number"))
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Reference"), self.reference)
        note = QLabel(self.tr("The order number is given automatically."))
        note.setProperty("role", "hint")
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.customer.count() > 0)
        form.addRow(buttons)

    def values(self) -> tuple[str, str | None]:
        return str(self.customer.currentData()), self.reference.text().strip() or None
