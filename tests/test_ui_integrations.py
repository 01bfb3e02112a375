"""Printing, sync and the camera plug into the pages through ui/integrations.py: with a module
wired in, the pages use it (off the GUI thread); without one, they say "not set up"."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from PySide6.QtWidgets import QPushButton, QWidget

from ui.integrations import Integrations, PrintJobView, SyncState

from .ui_support import idle, scanner_types, sign_in, start_shell, stop_shell

HEBY_SERIAL = "4TJB67G"


class RecordingLabels:
    configured = True

    def __init__(self) -> None:
        self.units: list[tuple[str, bool]] = []
        self.pallets: list[str] = []

    def unit_label(self, internal_id: str) -> None:
        self.units.append((internal_id, threading.current_thread() is threading.main_thread()))

    def pallet_label(self, code: str) -> None:
        self.pallets.append(code)


class Idle:
    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass


class ListQueue(Idle):
    configured = True

    def __init__(self) -> None:
        self.retried: list[str] = []
        self.list = [PrintJobView("j1", "unit_label", "U1", "Zebra ZD421", "failed", 3, "cannot connect",
                                  datetime(2026, 3, 10, 8, 0, tzinfo=UTC))]

    def jobs(self) -> list[PrintJobView]:
        return list(self.list)

    def retry(self, job_id: str) -> None:
        self.retried.append(job_id)

    cancel = reprint = retry


class OnlineSync(Idle):
    configured = True

    def state(self) -> SyncState:
        return SyncState(True, True, datetime(2026, 3, 10, 8, 0, tzinfo=UTC), 12)

    def sync_now(self) -> SyncState:
        return SyncState(True, True, datetime(2026, 3, 10, 9, 0, tzinfo=UTC), 0)


class ButtonCamera(Idle):
    """A stand-in camera view: a button that 'reads' a code."""

    configured = True
    expected: dict[str, uuid.UUID] | None = None

    def set_expected(self, keys: Mapping[str, uuid.UUID]) -> None:
        self.expected = dict(keys)

    def create_view(self, parent: QWidget, on_code: Callable[[str], None]) -> QWidget:
        button = QPushButton("camera", parent)
        button.clicked.connect(lambda: on_code(HEBY_SERIAL))
        self.button = button
        return button


def test_wired_modules_are_used(qtbot, demo_engine):
    labels, queue, camera = RecordingLabels(), ListQueue(), ButtonCamera()
    s = start_shell(qtbot, demo_engine, Integrations(queue, labels, sync=OnlineSync(), camera=camera))
    try:
        sign_in(qtbot, s)
        win = s.window
        win.open_order(demo_engine.orders.summary("TB-2026-0001"))
        page = win.current
        idle(qtbot, s)
        with qtbot.waitSignal(page.feedback_shown, timeout=10_000):
            camera.button.click()  # a camera read lands like a scan
        assert page.banner.feedback.headline == "Matched"
        assert demo_engine.dock.recent_scans("TB-2026-0001", limit=1)[0].source == "camera"
        assert HEBY_SERIAL in camera.expected  # the camera was given the order's outstanding codes
        idle(qtbot, s, 200)
        assert labels.units == []  # auto-printed unit labels are the engine spool's job, never the page's
        page.scan_view.selectRow(0)
        page.reprint_selected()
        qtbot.waitUntil(lambda: len(labels.units) == 1, timeout=5000)
        assert labels.units[0] == (s.ctx.session.last_result.unit.internal_id, False)  # printed off the GUI thread
        with qtbot.waitSignal(page.feedback_shown, timeout=10_000):
            scanner_types("00373500123400000019")
        win.print_pallet_label()
        qtbot.waitUntil(lambda: labels.pallets == ["373500123400000019"], timeout=5000)
        win.poll_status()
        qtbot.waitUntil(lambda: "12 rows waiting" in win.status.sync.text(), timeout=5000)
        assert "1 failed" in win.status.printing.text()
        queue_page = win.show_page("print_queue")
        qtbot.waitUntil(lambda: queue_page.model.rowCount() == 1, timeout=5000)
        queue_page.view.selectRow(0)
        queue_page.retry.click()
        qtbot.waitUntil(lambda: queue.retried == ["j1"], timeout=5000)
    finally:
        stop_shell(s)


def test_without_modules_the_pages_say_not_set_up(qtbot, shell):
    sign_in(qtbot, shell)
    win = shell.window
    assert "not set up" in win.status.printing.text() and "not set up" in win.status.sync.text()
    win.open_order(shell.ctx.engine.orders.summary("TB-2026-0001"))
    idle(qtbot, shell)
    win.sync_now()
    qtbot.waitUntil(lambda: "central database" in win.statusBar().currentMessage(), timeout=5000)
    page = win.show_page("print_queue")
    assert not page.retry.isEnabled() and "No printer" in page.note.text()
