"""The engine's print spool, sync and camera behind the dock's integration interfaces.

Each adapter is thin: the work and its rules live in ``intake_app`` (the spool decides what is
printed when, the syncer what is pushed and pulled); here they are only started, stopped and
asked. Every call that does I/O comes from the task runner's threads, never the GUI thread.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from intake_app.app import IntakeApp
from intake_app.services.context import Actor
from intake_app.services.spool import JobInfo

from .integrations import NotConfigured, PrintJobView, SyncState, translate

# the spool's "sending" is the queue view's "printing"; the other statuses are the same words
_STATUS = {"sending": "printing"}
SYNC_NOW_TIMEOUT_S = 600.0


def job_view(job: JobInfo) -> PrintJobView:
    return PrintJobView(str(job.id), job.kind, job.subject, job.printer, _STATUS.get(job.status, job.status),
                        job.attempts, job.last_error or "", job.created_at)


class SpoolQueue:
    """The print queue view over the engine's spool; retrying and reprinting send at once."""

    def __init__(self, app: IntakeApp, actor: Callable[[], Actor | None]) -> None:
        self.printing, self._actor = app.printing, actor

    @property
    def configured(self) -> bool:
        return bool(self.printing.printers())

    def jobs(self) -> list[PrintJobView]:
        return [job_view(j) for j in self.printing.spool.jobs()]

    def retry(self, job_id: str) -> None:
        self.printing.retry(job_id)

    def reprint(self, job_id: str) -> None:
        """The same label or receipt again, as a new job on the same printer (``reprint_of`` the old one)."""
        job, actor = self.printing.spool.get(job_id), self._actor()
        if job.kind == "receipt":
            self.printing.print_receipt(actor, job.subject, job.printer, lang=job.options.get("lang"))
        elif job.kind == "test":
            self.printing.test_printer(actor, job.printer)
        else:
            self.printing.print_label(actor, job.kind.removesuffix("_label"), job.subject, job.printer,
                                      reason="reprint")

    def cancel(self, job_id: str) -> None:
        self.printing.spool.cancel(job_id)

    def start(self) -> None:
        self.printing.start_worker()  # auto-printed unit labels and queued jobs go out from here

    def stop(self) -> None:
        self.printing.stop_worker()


class SpoolLabels:
    """Pallet labels and reprints on demand. Unit labels of received units are queued by the engine
    itself (``receiving.auto_print``), so the dock never prints a unit label twice."""

    def __init__(self, app: IntakeApp, actor: Callable[[], Actor | None]) -> None:
        self.app, self._actor = app, actor

    @property
    def configured(self) -> bool:
        return self.app.printing.default_printer("label") is not None

    def unit_label(self, internal_id: str) -> None:
        self.app.printing.print_label(self._actor(), "unit", internal_id)

    def pallet_label(self, code: str) -> None:
        self.app.printing.print_label(self._actor(), "pallet", code)


class SpoolReceipts:
    def __init__(self, app: IntakeApp, actor: Callable[[], Actor | None]) -> None:
        self.app, self._actor = app, actor

    configured = True  # a receipt can always be made and saved; printing it needs a receipt printer

    @property
    def can_print(self) -> bool:
        return self.app.printing.default_printer("receipt") is not None

    def receipt_pdf(self, order: str) -> bytes:
        return self.app.printing.render_receipt(order)

    def print_receipt(self, order: str) -> None:
        if not self.app.settings.get("printing.receipt_printer"):
            raise NotConfigured(translate("Integrations", "No receipt printer is set up at this station."))
        self.app.printing.print_receipt(self._actor(), order)


class BackgroundSyncService:
    """The engine's background sync thread; the status bar reads the station's own bookkeeping."""

    def __init__(self, app: IntakeApp, secrets: Any = None) -> None:
        from intake_app.paths import default_paths
        from intake_app.sync.background import BackgroundSync
        from intake_app.sync.central import CentralConfig
        from intake_app.sync.secrets import default_store
        from intake_app.sync.syncer import Syncer

        self.app = app
        store = secrets if secrets is not None else default_store(default_paths().config_dir)

        def make_syncer() -> Syncer:
            return Syncer(app.ctx, CentralConfig.from_settings(app.settings), secrets=store,
                          batch_rows=app.settings.get("sync.batch_rows"))

        self._done = threading.Condition()
        self._stopped = False
        self.background = BackgroundSync(make_syncer, clock=app.clock,
                                         interval=app.settings.get("sync.interval_seconds"),
                                         on_change=self._changed)

    configured = True

    def _changed(self, _state: Any) -> None:
        with self._done:
            self._done.notify_all()

    def state(self) -> SyncState:
        from intake_app.sync import bookkeeping

        with self.app.ctx.store.read() as conn:
            success = bookkeeping.get(conn, bookkeeping.LAST_SUCCESS) or {}
            waiting, _refused = bookkeeping.waiting(conn)
        bg = self.background.state
        at = success.get("at")
        online = bg.syncs > 0 and bg.failures_in_a_row == 0 and bg.last_error is None
        return SyncState(True, online, datetime.fromisoformat(at) if at else None, waiting, bg.last_error or "")

    def sync_now(self) -> SyncState:
        """Ask the background thread for a sync and wait for it (one sync at a time per station)."""
        with self._done:
            before = self.background.state.syncs
            self.background.request()
            self._done.wait_for(lambda: self._stopped or self.background.state.syncs > before, SYNC_NOW_TIMEOUT_S)
        return self.state()

    def start(self) -> None:
        self.background.start()

    def stop(self) -> None:
        """Stop the thread; a "Sync now" still waiting returns at once (the app is closing)."""
        with self._done:
            self._stopped = True
            self._done.notify_all()
        self.background.stop()


class CameraPanel(QWidget):
    """The camera view with a line that says why it shows nothing (no camera, camera stopped)."""

    def __init__(self, app: IntakeApp, parent: QWidget, on_code: Callable[[str], None]) -> None:
        from intake_app.devices.camera.config import camera_config

        from .camera import CameraView

        super().__init__(parent)
        self.view = CameraView(camera_config(app.settings), self)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problem.setProperty("role", "hint")
        self.problem.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.view, 1)
        box.addWidget(self.problem)
        self.view.scanned.connect(on_code)
        self.view.failed.connect(self._failed)

    def _failed(self, reason: str) -> None:
        self.problem.setText(translate("Integrations", "Camera: {reason}").format(reason=reason))
        self.problem.show()

    def start(self) -> None:
        self.problem.hide()
        self.view.start()

    # the camera runs while the receiving page is on screen: no decoding behind other pages
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.view.pipeline is None:
            self.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        self.view.stop()
        super().hideEvent(event)


class LiveCamera:
    """The webcam as a second scanner on the receiving page (``camera.enabled``)."""

    def __init__(self, app: IntakeApp) -> None:
        self.app = app
        self.panels: list[CameraPanel] = []

    @property
    def configured(self) -> bool:
        return bool(self.app.settings.get("camera.enabled"))

    def create_view(self, parent: QWidget, on_code: Callable[[str], None]) -> QWidget:
        panel = CameraPanel(self.app, parent, on_code)
        panel.destroyed.connect(lambda *_: self.panels.remove(panel) if panel in self.panels else None)
        self.panels.append(panel)
        return panel  # it starts when it is shown

    def set_expected(self, keys: Mapping[str, uuid.UUID]) -> None:
        for panel in self.panels:
            panel.view.set_expected(keys)

    def start(self) -> None:
        pass  # a camera starts with its view

    def stop(self) -> None:
        for panel in self.panels:
            panel.view.stop()
