"""A near match asks the operator: both codes side by side, the differing character marked."""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intake_app.domain.nearmatch import Edit, EditKind
from intake_app.services.scanning import ScanResult

MARK = "background:#ffb300; color:#111111; text-decoration: underline;"


def marked(text: str, start: int, length: int) -> str:
    """``text`` as rich text with ``length`` characters from ``start`` highlighted."""
    if length <= 0 or start >= len(text):
        return html.escape(text)
    a, b, c = text[:start], text[start:start + length], text[start + length:]
    return f"{html.escape(a)}<span style='{MARK}'>{html.escape(b)}</span>{html.escape(c)}"


def mark_pair(scanned: str, expected: str, edit: Edit) -> tuple[str, str]:
    """Rich text of both keys with the edit's characters highlighted in each."""
    p = edit.position
    n_scanned = {EditKind.DELETION: 0, EditKind.TRANSPOSITION: 2}.get(edit.kind, 1)
    n_expected = {EditKind.INSERTION: 0, EditKind.TRANSPOSITION: 2}.get(edit.kind, 1)
    return marked(scanned, p, n_scanned), marked(expected, p, n_expected)


class NearMatchPanel(QFrame):
    accepted = Signal(object)  # scan id
    rejected = Signal(object)  # scan id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "panel")
        self.setStyleSheet("QFrame { border: 3px solid #ffb300; }"
                           "QLabel { border: none; } QLabel#code { font-family: monospace; font-size: 26pt; "
                           "font-weight: bold; }")
        self.scan_id: uuid.UUID | None = None
        self.scanned_label = QLabel(self.tr("Scanned"))
        self.expected_label = QLabel(self.tr("On the list"))
        self.scanned = QLabel()
        self.expected = QLabel()
        for code in (self.scanned, self.expected):
            code.setObjectName("code")
            code.setTextFormat(Qt.TextFormat.RichText)
        grid = QGridLayout()
        grid.addWidget(self.scanned_label, 0, 0)
        grid.addWidget(self.expected_label, 0, 1)
        grid.addWidget(self.scanned, 1, 0)
        grid.addWidget(self.expected, 1, 1)
        self.yes = QPushButton(self.tr("Yes, it is this unit"))
        self.yes.setProperty("role", "good")
        self.no = QPushButton(self.tr("No: receive as an extra"))
        self.yes.clicked.connect(lambda: self._answer(self.accepted))
        self.no.clicked.connect(lambda: self._answer(self.rejected))
        buttons = QVBoxLayout()
        buttons.addWidget(self.yes)
        buttons.addWidget(self.no)
        box = QHBoxLayout(self)
        box.addLayout(grid, 1)
        box.addLayout(buttons)
        self.hide()

    def ask(self, result: ScanResult, blind: bool = False) -> None:
        """Show both codes; in blind receiving only the scanned one (the list stays hidden)."""
        d = result.decision
        if d.near is None or d.expected is None:
            self.hide()
            return
        self.scan_id = result.scan_id
        for w in (self.expected_label, self.expected, self.yes):
            w.setVisible(not blind)
        expected_key = d.matched_key or (d.expected.serial or d.expected.asset_tag or "")
        scanned_key = d.code.keys[0] if d.code.keys else d.code.identifier
        s, e = mark_pair(scanned_key, expected_key, d.near)
        self.scanned.setText(s)
        self.expected.setText(e)
        self.yes.setText(self.tr("Yes, it is {expected}").format(expected=d.expected.serial or d.expected.asset_tag))
        self.show()

    def _answer(self, signal: SignalInstance) -> None:
        if self.scan_id is not None:
            signal.emit(self.scan_id)
        self.scan_id = None
        self.hide()
