"""Counters for the order and the current pallet: matched / expected, extras, duplicates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from intake_app.services.dock import Counters


class CounterBox(QFrame):
    """A titled group of big numbers with small captions."""

    def __init__(self, title: str, captions: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "panel")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 6, 12, 6)
        grid.setHorizontalSpacing(22)
        grid.setVerticalSpacing(0)
        self.title = QLabel(title)
        self.title.setStyleSheet("font-weight: bold; color: #44515b;")
        grid.addWidget(self.title, 0, 0, 1, len(captions))
        self.values: list[QLabel] = []
        for i, caption in enumerate(captions):
            value = QLabel("–")
            value.setStyleSheet("font-size: 22pt; font-weight: bold;")
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            cap = QLabel(caption)
            cap.setProperty("role", "hint")
            grid.addWidget(value, 1, i)
            grid.addWidget(cap, 2, i)
            self.values.append(value)

    def set_values(self, values: list[str]) -> None:
        for label, value in zip(self.values, values, strict=True):
            label.setText(value)


class OrderCounters(CounterBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Order"), [self.tr("matched / expected"), self.tr("extras"), self.tr("duplicates"),
                                            self.tr("wrong order")], parent)
        self.captions = [c for c in self.findChildren(QLabel) if c.property("role") == "hint"]

    def show_counters(self, c: Counters | None, blind: bool) -> None:
        if c is None:
            self.set_values(["–"] * 4)
            return
        # blind receiving: the operator must not learn how many units are expected
        matched = str(c.matched) if blind else f"{c.matched} / {c.expected}"
        if self.captions:
            self.captions[0].setText(self.tr("matched") if blind else self.tr("matched / expected"))
        self.set_values([matched, str(c.extras), str(c.duplicates), str(c.wrong_order)])


class PalletCounters(CounterBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Pallet"), [self.tr("units"), self.tr("matched"), self.tr("extras"),
                                             self.tr("duplicates")], parent)

    def show_counters(self, c: Counters | None) -> None:
        if c is None:
            self.set_values(["–"] * 4)
            return
        self.set_values([str(c.received), str(c.matched), str(c.extras), str(c.duplicates)])
