"""About: the version (one source, ``intake_app.__version__``, as ``intake --version`` shows it) and
where this station keeps its data - what IT staff ask for on the phone."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

import intake_app

from ..icons import pixmap


class AboutDialog(QDialog):
    def __init__(self, station: str, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Intake dock"))
        self.setMinimumWidth(520)
        logo = QLabel()
        logo.setPixmap(pixmap("app", 64))
        title = QLabel(self.tr("Intake dock"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.version = QLabel(self.tr("Version {version}").format(version=intake_app.__version__))
        self.version.setStyleSheet("font-size: 13pt;")
        names = QVBoxLayout()
        names.addStretch(1)
        names.addWidget(title)
        names.addWidget(self.version)
        names.addStretch(1)
        head = QHBoxLayout()
        head.addWidget(logo)
        head.addSpacing(8)
        head.addLayout(names, 1)
        facts = QGridLayout()
        rows = ((self.tr("Station"), station), (self.tr("Database"), database),
                (self.tr("Built with"), f"Python {platform.python_version()}, Qt for Python {pyside_version}"))
        for i, (name, value) in enumerate(rows):
            facts.addWidget(QLabel(name), i, 0, Qt.AlignmentFlag.AlignTop)
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to paste into a ticket
            facts.addWidget(text, i, 1, Qt.AlignmentFlag.AlignTop)
        facts.setColumnStretch(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(head)
        box.addSpacing(12)
        box.addLayout(facts)
        box.addWidget(buttons)
