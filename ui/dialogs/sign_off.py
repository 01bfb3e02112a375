"""Sign-off: the totals once more, and a reason when the order does not balance."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from intake_app.services.reconciliation import MAX_REASON


class SignOffDialog(QDialog):
    def __init__(self, order: str, customer: str, totals: dict[str, Any], balanced: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign off {order}").format(order=order))
        self.setMinimumWidth(580)
        self.balanced = balanced
        box = QVBoxLayout(self)
        title = QLabel(self.tr("Sign off {order} · {customer}").format(order=order, customer=customer))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        box.addWidget(title)
        grid = QGridLayout()
        names = [("expected", self.tr("Expected")), ("matched", self.tr("Matched")),
                 ("missing", self.tr("Missing")), ("extras", self.tr("Extras")),
                 ("duplicates", self.tr("Duplicates")), ("wrong_order", self.tr("Wrong order"))]
        for i, (key, label) in enumerate(names):
            value = QLabel(str(totals.get(key, 0)))
            value.setStyleSheet("font-size: 18pt; font-weight: bold;")
            grid.addWidget(value, 0, i)
            grid.addWidget(QLabel(label), 1, i)
        box.addLayout(grid)
        state = QLabel(self.tr("The order balances.") if balanced else
                       self.tr("The order does not balance: say why it is signed off anyway."))
        state.setWordWrap(True)
        state.setStyleSheet("font-weight: bold; color: %s;" % ("#0a7d32" if balanced else "#b00020"))
        box.addWidget(state)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Reason (optional)") if balanced else self.tr("Reason (required)"))
        self.text.setFixedHeight(100)
        self.text.textChanged.connect(self._update)
        box.addWidget(self.text)
        hint = QLabel(self.tr("After sign-off no more scans are accepted on this order; the receipt can be issued."))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        box.addWidget(hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign off"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)
        self._update()

    def reason(self) -> str | None:
        return " ".join(self.text.toPlainText().split())[:MAX_REASON] or None

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.balanced or bool(self.reason()))
