"""Where printing, sync and the camera plug into the dock screens.

Each is a small interface with a "not set up" implementation; :func:`build_integrations` wires
the engine's print spool, background sync and camera in through the adapters in
:mod:`ui.adapters`. Calls that do I/O (printing, sync) are made through the
:class:`ui.tasks.TaskRunner`, never on the GUI thread; tests plug in stand-ins the same way.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from intake_app.app import IntakeApp
from intake_app.errors import IntakeError
from intake_app.services.context import Actor

translate = QCoreApplication.translate


class NotConfigured(IntakeError):
    """The station has no such module or device set up (printer, central database, camera)."""

    code = "not_configured"


@dataclass(frozen=True)
class PrintJobView:
    id: str
    kind: str  # unit_label | pallet_label | receipt
    title: str
    printer: str
    status: str  # queued | printing | done | failed | cancelled
    attempts: int = 0
    error: str = ""
    created_at: datetime | None = None


class PrintQueue(Protocol):
    @property
    def configured(self) -> bool: ...

    def jobs(self) -> list[PrintJobView]: ...
    def retry(self, job_id: str) -> None: ...
    def cancel(self, job_id: str) -> None: ...
    def reprint(self, job_id: str) -> None: ...
    def start(self) -> None: ...
    def stop(self) -> None: ...


class LabelPrinter(Protocol):
    @property
    def configured(self) -> bool: ...

    def unit_label(self, internal_id: str) -> None: ...
    def pallet_label(self, code: str) -> None: ...


class ReceiptMaker(Protocol):
    @property
    def configured(self) -> bool: ...

    @property
    def can_print(self) -> bool: ...  # a receipt printer is set (saving the PDF needs none)

    def receipt_pdf(self, order: str) -> bytes: ...
    def print_receipt(self, order: str) -> None: ...


@dataclass(frozen=True)
class SyncState:
    configured: bool
    online: bool = False
    last_sync: datetime | None = None
    waiting_rows: int = 0
    error: str = ""


class SyncService(Protocol):
    @property
    def configured(self) -> bool: ...

    def state(self) -> SyncState: ...
    def sync_now(self) -> SyncState: ...
    def start(self) -> None: ...
    def stop(self) -> None: ...


class CameraProvider(Protocol):
    """A camera view for the receiving page; it calls ``on_code`` on the GUI thread for each read."""

    @property
    def configured(self) -> bool: ...

    def create_view(self, parent: QWidget, on_code: Callable[[str], None]) -> QWidget: ...
    def set_expected(self, keys: Mapping[str, uuid.UUID]) -> None: ...
    def start(self) -> None: ...
    def stop(self) -> None: ...


class _Idle:
    """Nothing running in the background."""

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass


class NullPrintQueue(_Idle):
    configured = False

    def jobs(self) -> list[PrintJobView]:
        return []

    def retry(self, job_id: str) -> None:
        raise NotConfigured(translate("Integrations", "Printing is not set up at this station."))

    cancel = reprint = retry


class NullLabelPrinter:
    configured = False

    def unit_label(self, internal_id: str) -> None:
        raise NotConfigured(translate("Integrations", "No label printer is set up at this station."))

    def pallet_label(self, code: str) -> None:
        raise NotConfigured(translate("Integrations", "No label printer is set up at this station."))


class NullReceiptMaker:
    configured = can_print = False

    def receipt_pdf(self, order: str) -> bytes:
        raise NotConfigured(translate("Integrations", "Receipts are not set up at this station."))

    def print_receipt(self, order: str) -> None:
        raise NotConfigured(translate("Integrations", "Receipts are not set up at this station."))


class NullSync(_Idle):
    configured = False

    def state(self) -> SyncState:
        return SyncState(False)

    def sync_now(self) -> SyncState:
        raise NotConfigured(translate("Integrations", "No central database is set up for this station."))


class NullCamera(_Idle):
    configured = False

    def create_view(self, parent: QWidget, on_code: Callable[[str], None]) -> QWidget:
        raise NotConfigured(translate("Integrations", "No camera is set up at this station."))

    def set_expected(self, keys: Mapping[str, uuid.UUID]) -> None:
        pass


@dataclass
class Integrations:
    print_queue: PrintQueue = field(default_factory=NullPrintQueue)
    labels: LabelPrinter = field(default_factory=NullLabelPrinter)
    receipts: ReceiptMaker = field(default_factory=NullReceiptMaker)
    sync: SyncService = field(default_factory=NullSync)
    camera: CameraProvider = field(default_factory=NullCamera)

    def start(self) -> None:
        """Start what runs in the background: the print spool's worker, the sync thread."""
        for part in (self.print_queue, self.sync, self.camera):
            part.start()

    def stop(self) -> None:
        for part in (self.camera, self.sync, self.print_queue):
            part.stop()


def build_integrations(app: IntakeApp, actor: Callable[[], Actor | None]) -> Integrations:
    """The modules this station has: printing always (a station without printers shows an empty
    queue), sync when a central database is set, the camera when ``camera.enabled``."""
    from . import adapters

    sync: SyncService = adapters.BackgroundSyncService(app) if app.settings.get("sync.central_url") else NullSync()
    camera: CameraProvider = adapters.LiveCamera(app)
    return Integrations(adapters.SpoolQueue(app, actor), adapters.SpoolLabels(app, actor),
                        adapters.SpoolReceipts(app, actor), sync, camera)
