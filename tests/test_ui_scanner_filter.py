"""The application-wide wedge filter with real widgets: scans are caught wherever focus is,
people's typing reaches the field it was meant for."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy import select

from intake_app.devices.scanner_check import Terminator
from intake_app.devices.wedge import WedgeConfig
from intake_app.store import tables as t
from ui.scanner_filter import ScanEvent, ScannerFilter

from .ui_support import idle, person_types, scanner_types, sign_in

KEEP: list[QWidget] = []


def form(qtbot, config: WedgeConfig | None = None) -> tuple[ScannerFilter, QLineEdit, QLineEdit, list[ScanEvent]]:
    box = QWidget()
    first, second = QLineEdit(), QLineEdit()
    layout = QVBoxLayout(box)
    layout.addWidget(first)
    layout.addWidget(second)
    box.show()
    qtbot.waitExposed(box)
    f = ScannerFilter(config or WedgeConfig(), box)
    qt = QApplication.instance()
    f.install(qt)
    qtbot.addWidget(box, before_close_func=lambda _w: qt.removeEventFilter(f))  # one filter per test
    scans: list[ScanEvent] = []
    f.scanned.connect(scans.append)
    box.activateWindow()
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)  # keys go to the focus widget, as from a keyboard
    KEEP.append(box)  # Python must keep the form alive for the test
    return f, first, second, scans


def test_a_burst_is_a_scan_and_never_lands_in_the_field(qtbot):
    _f, first, _second, scans = form(qtbot)
    scanner_types("5CD821M1EN", first)
    assert [s.code for s in scans] == ["5CD821M1EN"] and scans[0].terminator is Terminator.ENTER
    qtbot.wait(60)
    assert first.text() == ""


def test_a_person_typing_reaches_the_field(qtbot):
    _f, first, _second, scans = form(qtbot)
    person_types(qtbot, "Heby", first, enter=True)
    qtbot.wait(60)
    assert first.text() == "Heby" and scans == []


def test_tab_ended_scan_does_not_move_focus(qtbot):
    _f, first, second, scans = form(qtbot)
    QTest.keyClicks(first, "HEB-001017")
    QTest.keyClick(first, Qt.Key.Key_Tab)
    assert scans[0].code == "HEB-001017" and scans[0].terminator is Terminator.TAB
    assert QApplication.focusWidget() is first and second.text() == ""


def test_a_burst_without_enter_is_typing_and_reported(qtbot):
    f, first, _second, scans = form(qtbot)
    unterminated: list[str] = []
    f.unterminated.connect(unterminated.append)
    QTest.keyClicks(first, "PF2ABC3D")
    qtbot.waitUntil(lambda: first.text() == "PF2ABC3D", timeout=2000)  # released after the gap
    assert scans == [] and unterminated == ["PF2ABC3D"]


def test_shift_and_other_modifier_presses_do_not_break_a_burst(qtbot):
    _f, first, _second, scans = form(qtbot)
    for ch in "SJRXL7W":
        QApplication.sendEvent(first, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier))
        QTest.keyClick(first, ch)
    QTest.keyClick(first, Qt.Key.Key_Return)
    assert [s.code for s in scans] == ["SJRXL7W"]


def test_prefix_and_suffix_are_stripped(qtbot):
    _f, first, _second, scans = form(qtbot, WedgeConfig(prefix="#", suffix="$"))
    scanner_types("#ABC12345$", first)
    assert [(s.code, s.raw) for s in scans] == [("ABC12345", "#ABC12345$")]
    person_types(qtbot, "no prefix", first)  # typing that does not start with the prefix is never held
    assert first.text() == "no prefix"


def test_arrow_keys_and_shortcuts_pass(qtbot):
    _f, first, _second, scans = form(qtbot)
    person_types(qtbot, "abc", first)
    QTest.keyClick(first, Qt.Key.Key_Left)
    QTest.keyClick(first, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    assert first.selectedText() == "abc" and scans == []


def test_scan_while_a_dialog_is_open_is_refused_not_recorded(qtbot, shell):
    sign_in(qtbot, shell)
    win = shell.window
    win.open_order(shell.ctx.engine.orders.summary("TB-2026-0001"))
    idle(qtbot, shell)
    dialog = QDialog(win)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    win.route_scan(ScanEvent("4TJB67G", "wedge", "4TJB67G"))
    idle(qtbot, shell)
    dialog.reject()
    with shell.ctx.engine.store.read() as conn:
        assert conn.execute(select(t.scans.c.id).where(t.scans.c.code == "4TJB67G")).first() is None
    assert "was not recorded" in win.statusBar().currentMessage()
