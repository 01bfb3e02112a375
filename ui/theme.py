"""Look: large type, high contrast, big touch targets (gloves), one stylesheet.

Sizes are in points so the screens scale with the monitor's DPI; the receiving page stays
readable at arm's length on a 1366 x 768 dock PC and fills a large monitor in full screen.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

BASE_PT = 12
ACCENT = "#0b4f9c"
STYLE = """
QMainWindow, QDialog { background: #f4f6f8; }
QToolBar { background: #1f2a33; spacing: 6px; padding: 4px; }
QToolBar QToolButton { color: #ffffff; background: #2f3d48; border: 1px solid #3c4d5a; border-radius: 4px;
    padding: 6px 10px; font-weight: bold; }
QToolBar QToolButton:hover { background: #3c4d5a; }
QToolBar QToolButton:disabled { color: #7b8a95; background: #26323b; }
QPushButton { background: #ffffff; border: 2px solid #5b6b77; border-radius: 6px; padding: 8px 16px;
    min-height: 26px; font-weight: bold; }
QPushButton:hover { border-color: #0b4f9c; }
QPushButton:disabled { color: #8a949b; border-color: #c3cbd1; }
QPushButton[role="primary"] { background: #0b4f9c; color: #ffffff; border-color: #0b4f9c; }
QPushButton[role="good"] { background: #0a7d32; color: #ffffff; border-color: #0a7d32; }
QPushButton[role="primary"]:disabled, QPushButton[role="good"]:disabled { background: #c3cbd1; color: #f4f6f8;
    border-color: #c3cbd1; }
QPushButton[role="danger"] { background: #ffffff; color: #b00020; border-color: #b00020; }
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox, QPlainTextEdit { background: #ffffff; border: 2px solid #8a98a3;
    border-radius: 4px; padding: 5px; }
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus { border-color: #0b4f9c; }
QSpinBox::up-button, QSpinBox::down-button, QDoubleSpinBox::up-button, QDoubleSpinBox::down-button {
    subcontrol-origin: border; width: 0px; }
QTableView { background: #ffffff; alternate-background-color: #eef2f5; gridline-color: #d5dce1;
    selection-background-color: #0b4f9c; selection-color: #ffffff; }
QHeaderView::section { background: #dfe5ea; border: none; border-right: 1px solid #c8d0d6; padding: 5px;
    font-weight: bold; }
QStatusBar { background: #1f2a33; color: #ffffff; }
QStatusBar QLabel { color: #ffffff; padding: 0 8px; }
QTabBar::tab { padding: 8px 16px; font-weight: bold; }
QTabBar::tab:selected { background: #ffffff; border-bottom: 3px solid #0b4f9c; }
QLabel[role="title"] { font-size: 20pt; font-weight: bold; }
QLabel[role="hint"] { color: #44515b; }
QLabel[role="big"] { font-size: 24pt; font-weight: bold; }
QFrame[role="panel"] { background: #ffffff; border: 1px solid #c8d0d6; border-radius: 6px; }
"""


def apply_theme(app: QApplication) -> None:
    font = QFont(app.font())
    font.setPointSize(BASE_PT)
    app.setFont(font)
    app.setStyle("Fusion")  # the same look on every platform, and honours the stylesheet fully
    app.setStyleSheet(STYLE)
