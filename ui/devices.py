"""Serial-port scanners into the same scan pipeline as the wedge: a Qt bridge over the engine's
:class:`intake_app.devices.serial_scanner.SerialScanner` (which reads on its own thread)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from intake_app.devices.scanner_check import Terminator
from intake_app.devices.serial_scanner import ScannerStatus, SerialScanner, StatusReport
from intake_app.devices.wedge import decode_affix
from intake_app.settings import Settings

from .scanner_filter import ScanEvent


class SerialBridge(QObject):
    scanned = Signal(object)  # ScanEvent
    status_changed = Signal(object)  # StatusReport, on the GUI thread
    _reported = Signal(object)  # from the reader thread; queued to the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scanner: SerialScanner | None = None
        self.status = StatusReport(ScannerStatus.NOT_CONFIGURED, "")
        self._reported.connect(self._apply_status)

    def configure(self, settings: Settings) -> None:
        """(Re)start on the configured port; an empty port means no serial scanner."""
        self.stop()
        port = str(settings.get("scanner.serial_port")).strip()
        if not port:
            self._apply_status(StatusReport(ScannerStatus.NOT_CONFIGURED, ""))
            return
        self._scanner = SerialScanner(
            port, int(settings.get("scanner.serial_baud")), self._on_read, self._set_status,
            prefix=decode_affix(settings.get("scanner.prefix")), suffix=decode_affix(settings.get("scanner.suffix")))
        self._scanner.start()

    def stop(self) -> None:
        if self._scanner is not None:
            self._scanner.stop()
            self._scanner = None

    def _on_read(self, text: str) -> None:  # on the reader thread: the signal is queued to the GUI
        self.scanned.emit(ScanEvent(text, "serial", text, Terminator.LINE))

    def _set_status(self, report: StatusReport) -> None:  # on the reader thread
        self._reported.emit(report)

    def _apply_status(self, report: StatusReport) -> None:
        self.status = report
        self.status_changed.emit(report)
