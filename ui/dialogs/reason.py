"""Asking why: voids, manual matches, moves and sign-offs each record a reason with the fact."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_app.services.corrections import MAX_REASON
from intake_app.services.dock import ScanLine

from ..feedback import outcome_label

translate = QCoreApplication.translate


class ReasonDialog(QDialog):
    def __init__(self, title: str, explanation: str, quick: list[str], required: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.required = required
        heading = QLabel(explanation)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-size: 14pt;")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Reason") if required else self.tr("Reason (optional)"))
        self.text.setFixedHeight(90)
        self.text.textChanged.connect(self._update)
        box = QVBoxLayout(self)
        box.addWidget(heading)
        for reason in quick:
            b = QPushButton(reason)
            b.clicked.connect(lambda _c=False, r=reason: self.text.setPlainText(r))
            box.addWidget(b)
        box.addWidget(self.text)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)
        self._update()

    def reason(self) -> str:
        return " ".join(self.text.toPlainText().split())[:MAX_REASON]

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason()) or not self.required)

    @classmethod
    def for_void(cls, line: ScanLine, parent: QWidget | None = None) -> ReasonDialog:
        what = f"{line.code} ({outcome_label(line.outcome)})"
        dialog = cls(translate("ReasonDialog", "Void scan"),
                     translate("ReasonDialog", "Void the scan of {what}? It stays in the history but no longer counts.").format(
                         what=what),
                     [translate("ReasonDialog", "Scanned by mistake"), translate("ReasonDialog", "Scanned twice"),
                      translate("ReasonDialog", "Wrong unit: not part of this delivery")], True, parent)
        return dialog

    @classmethod
    def for_manual_match(cls, unit: str, serial: str, expected: str, parent: QWidget | None = None) -> ReasonDialog:
        return cls(translate("ReasonDialog", "Match by hand"),
                   translate("ReasonDialog", "Count unit {unit} (scanned {serial}) as the expected {expected}?").format(
                       unit=unit, serial=serial, expected=expected),
                   [translate("ReasonDialog", "Serial on the list was mistyped"),
                    translate("ReasonDialog", "Matched by asset tag on the unit"),
                    translate("ReasonDialog", "Replacement part: same unit")], True, parent)

    @classmethod
    def for_void_unit(cls, unit: str, serial: str, parent: QWidget | None = None) -> ReasonDialog:
        return cls(translate("ReasonDialog", "Void unit"),
                   translate("ReasonDialog", "Void unit {unit} ({serial})? Its scan stays in the history but the "
                                             "unit no longer counts.").format(unit=unit, serial=serial),
                   [translate("ReasonDialog", "Not part of this delivery"),
                    translate("ReasonDialog", "Scanned by mistake")], True, parent)
