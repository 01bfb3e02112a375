"""The status bar: who, where, scanner, print queue, sync - each with a "not configured" state."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from intake_app.devices.serial_scanner import ScannerStatus, StatusReport
from intake_app.services.context import Actor

from ..feedback import local_time
from ..integrations import PrintJobView, SyncState

translate = QCoreApplication.translate


class StatusPanel:
    def __init__(self, bar: QStatusBar, station: str) -> None:
        self.bar = bar
        self.operator = QLabel()
        self.station = QLabel(translate("StatusPanel", "Station {name}").format(name=station))
        self.scanner = QLabel()
        self.printing = QLabel()
        self.sync = QLabel()
        self.busy = QLabel()
        for w in (self.operator, self.station, self.scanner, self.printing, self.sync, self.busy):
            bar.addPermanentWidget(w)
        self.show_operator(None)
        self.show_serial(StatusReport(ScannerStatus.NOT_CONFIGURED, ""))
        self.show_printing(False, [])
        self.show_sync(SyncState(False))
        self.show_busy(0)

    def show_operator(self, actor: Actor | None) -> None:
        from ..pages.signin import role_name

        self.operator.setText(translate("StatusPanel", "Not signed in") if actor is None else
                              f"{actor.name} ({role_name(actor.role)})")

    def show_serial(self, report: StatusReport) -> None:
        texts = {
            ScannerStatus.NOT_CONFIGURED: translate("StatusPanel", "Scanner: keyboard"),
            ScannerStatus.CONNECTING: translate("StatusPanel", "Serial scanner: connecting"),
            ScannerStatus.READY: translate("StatusPanel", "Serial scanner: ready"),
            ScannerStatus.ERROR: translate("StatusPanel", "Serial scanner: not connected"),
            ScannerStatus.STOPPED: translate("StatusPanel", "Serial scanner: stopped"),
        }
        self.scanner.setText(texts[report.status])
        self.scanner.setToolTip(f"{report.port} {report.detail}".strip())
        error = report.status is ScannerStatus.ERROR
        self.scanner.setStyleSheet("color: #ffb300; font-weight: bold;" if error else "")

    def show_printing(self, configured: bool, jobs: list[PrintJobView]) -> None:
        if not configured:
            self.printing.setText(translate("StatusPanel", "Printing: not set up"))
            self.printing.setStyleSheet("")
            return
        waiting = sum(1 for j in jobs if j.status in ("queued", "printing"))
        failed = sum(1 for j in jobs if j.status == "failed")
        self.printing.setText(translate("StatusPanel", "Print queue: {waiting} waiting, {failed} failed").format(
            waiting=waiting, failed=failed))
        self.printing.setStyleSheet("color: #ffb300; font-weight: bold;" if failed else "")

    def show_sync(self, state: SyncState) -> None:
        if not state.configured:
            self.sync.setText(translate("StatusPanel", "Sync: not set up"))
            return
        online = translate("StatusPanel", "online") if state.online else translate("StatusPanel", "offline")
        last = local_time(state.last_sync) if state.last_sync else translate("StatusPanel", "never")
        self.sync.setText(translate("StatusPanel", "Sync: {online}, last {last}, {rows} rows waiting").format(
            online=online, last=last, rows=state.waiting_rows))
        self.sync.setToolTip(state.error)

    def show_busy(self, n: int) -> None:
        self.busy.setText(translate("StatusPanel", "Working… ({n})").format(n=n) if n else "")
