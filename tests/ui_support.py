"""Helpers for the pytest-qt tests of the dock application: a demo station per test, the shell
running offscreen, and keyboards that type at a scanner's speed or a person's."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from intake_app.app import IntakeApp
from intake_app.clock import FixedClock
from intake_app.demo import seed_demo
from intake_app.paths import Paths
from ui.integrations import Integrations
from ui.shell import DockShell
from ui.theme import apply_theme
from ui.window import MainWindow

from .conftest import T0

PERSON_GAP_MS = 90  # slower than any scanner (the filter's limit is 35 ms)


def build_demo_template(folder: Path) -> Path:
    """A seeded demo station database, built once per session and copied for each test."""
    engine = IntakeApp.open(db_url=f"sqlite:///{folder / 'intake.sqlite3'}", station="dock-1",
                            paths=Paths(folder, folder), clock=FixedClock(T0, timedelta(seconds=2)))
    seed_demo(engine)
    engine.close()
    with sqlite3.connect(folder / "intake.sqlite3") as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return folder / "intake.sqlite3"


def open_demo_copy(template: Path, home: Path) -> IntakeApp:
    home.mkdir(exist_ok=True)
    shutil.copy(template, home / "intake.sqlite3")
    return IntakeApp.open(db_url=f"sqlite:///{home / 'intake.sqlite3'}", station="dock-1", paths=Paths(home, home),
                          clock=FixedClock(T0 + timedelta(days=1), timedelta(seconds=1)))


def start_shell(qtbot, engine: IntakeApp, integrations: Integrations | None = None) -> DockShell:  # noqa: ANN001
    qt = QApplication.instance()
    assert isinstance(qt, QApplication)
    apply_theme(qt)
    s = DockShell(qt, engine, lang="en", sounds=False, integrations=integrations)  # the fixture closes it (windows are rebuilt on a switch)
    s.show()
    qtbot.waitExposed(s.window)
    return s


def stop_shell(s: DockShell) -> None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QDialog) and w.isVisible():
            w.reject()
    s.shutdown()


def idle(qtbot, s: DockShell, extra_ms: int = 0) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: s.ctx.runner.idle, timeout=10_000)
    if extra_ms:
        qtbot.wait(extra_ms)
        qtbot.waitUntil(lambda: s.ctx.runner.idle, timeout=10_000)


def focus_target(window: MainWindow) -> QWidget:
    return QApplication.focusWidget() or window


def scanner_types(code: str, target: QWidget | None = None, enter: bool = True) -> None:
    """A wedge scanner: every key of the code within a millisecond, then Enter."""
    w = target or QApplication.focusWidget() or QApplication.activeWindow()
    assert w is not None
    QTest.keyClicks(w, code)
    if enter:
        QTest.keyClick(w, Qt.Key.Key_Return)


def person_types(qtbot, text: str, target: QWidget, enter: bool = False) -> None:  # noqa: ANN001
    """A person: a key every 90 ms."""
    for ch in text:
        QTest.keyClicks(target, ch)
        qtbot.wait(PERSON_GAP_MS)
    if enter:
        QTest.keyClick(target, Qt.Key.Key_Return)


def answer_dialog(fn: Callable[[QDialog], None], tries: int = 100) -> None:
    """Handle the next modal dialog once it is open (dialogs run their own event loop)."""
    def attempt(left: int) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            fn(modal)
        elif left:
            QTimer.singleShot(30, lambda: attempt(left - 1))

    QTimer.singleShot(0, lambda: attempt(tries))


def sign_in(qtbot, s: DockShell, name: str = "Anna Lindqvist", pin: str = "1357") -> None:  # noqa: ANN001
    engine = s.ctx.engine
    s.window.signed_in(engine.sign_in(name, pin))
    idle(qtbot, s)
