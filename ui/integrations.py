"""Where printing, sync and the camera plug into the dock screens.

Each is a small interface with a "not configured" implementation, so the pages are complete
today and wiring a real module in is a few lines in :func:`build_integrations`: an adapter from
the engine's print spool, sync service or camera widget to the interface here. Calls that do
I/O (printing, sync) are made through the :class:`ui.tasks.TaskRunner`, never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from intake_app.app import IntakeApp
from intake_app.errors import IntakeError

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
    configured: bool

    def jobs(self) -> list[PrintJobView]: ...
    def retry(self, job_id: str) -> None: ...
    def cancel(self, job_id: str) -> None: ...
    def reprint(self, job_id: str) -> None: ...


class LabelPrinter(Protocol):
    configured: bool

    def unit_label(self, internal_id: str) -> None: ...
    def pallet_label(self, code: str) -> None: ...


class ReceiptMaker(Protocol):
    configured: bool

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
    configured: bool

    def state(self) -> SyncState: ...
    def sync_now(self) -> SyncState: ...


class CameraProvider(Protocol):
    """A camera view for the receiving page; it calls ``on_code`` on the GUI thread for each read."""

    configured: bool

    def create_view(self, parent: QWidget, on_code: Callable[[str], None]) -> QWidget: ...


class NullPrintQueue:
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
    configured = False

    def receipt_pdf(self, order: str) -> bytes:
        raise NotConfigured(translate("Integrations", "Receipts are not set up at this station."))

    def print_receipt(self, order: str) -> None:
        raise NotConfigured(translate("Integrations", "Receipts are not set up at this station."))


class NullSync:
    configured = False

    def state(self) -> SyncState:
        return SyncState(False)

    def sync_now(self) -> SyncState:
        raise NotConfigured(translate("Integrations", "No central database is set up for this station."))


class NullCamera:
    configured = False

    def create_view(self, parent: QWidget, on_code: Callable[[str], None]) -> QWidget:
        raise NotConfigured(translate("Integrations", "No camera is set up at this station."))


@dataclass
class Integrations:
    print_queue: PrintQueue = field(default_factory=NullPrintQueue)
    labels: LabelPrinter = field(default_factory=NullLabelPrinter)
    receipts: ReceiptMaker = field(default_factory=NullReceiptMaker)
    sync: SyncService = field(default_factory=NullSync)
    camera: CameraProvider = field(default_factory=NullCamera)


def build_integrations(app: IntakeApp) -> Integrations:
    """The modules this station has. Wire the print spool, sync and camera adapters in here."""
    return Integrations()
