"""The print queue: labels and receipts waiting, printing, failed; retry, cancel, reprint."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..context import DockContext
from ..integrations import PrintJobView
from ..models import RIGHT, Column, RowsModel
from .base import Navigator, Page, hint_label, title_label
from .receiving import table

POLL_MS = 3000
STATUS_TINT = {"failed": "#fbe0e4", "queued": "#fff3d1", "printing": "#e1ebf7", "done": "#e3f4e8"}


class PrintQueuePage(Page):
    name = "print_queue"

    def __init__(self, ctx: DockContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(ctx, nav, parent)
        statuses = {"queued": self.tr("waiting"), "printing": self.tr("printing"), "done": self.tr("printed"),
                    "failed": self.tr("failed"), "cancelled": self.tr("cancelled")}
        kinds = {"unit_label": self.tr("unit label"), "pallet_label": self.tr("pallet label"),
                 "receipt": self.tr("receipt")}
        self.model = RowsModel([
            Column(self.tr("Time"), lambda j: j.created_at.astimezone().strftime("%H:%M:%S") if j.created_at else ""),
            Column(self.tr("What"), lambda j: kinds.get(j.kind, j.kind)),
            Column(self.tr("Title"), lambda j: j.title),
            Column(self.tr("Printer"), lambda j: j.printer),
            Column(self.tr("Status"), lambda j: statuses.get(j.status, j.status)),
            Column(self.tr("Attempts"), lambda j: j.attempts, RIGHT),
            Column(self.tr("Problem"), lambda j: j.error),
        ], background=lambda j: STATUS_TINT.get(j.status))
        self.view = table(self.model)
        self.note = hint_label("")
        buttons = QHBoxLayout()
        self.retry = QPushButton(self.tr("Retry"))
        self.cancel = QPushButton(self.tr("Cancel"))
        self.reprint = QPushButton(self.tr("Reprint"))
        for b, op in ((self.retry, "retry"), (self.cancel, "cancel"), (self.reprint, "reprint")):
            b.clicked.connect(lambda _c=False, op=op: self.act(op))
            buttons.addWidget(b)
        buttons.addStretch(1)
        page = QVBoxLayout(self)
        page.setContentsMargins(20, 12, 20, 12)
        page.addWidget(title_label(self.tr("Print queue")))
        page.addWidget(self.note)
        page.addWidget(self.view, 1)
        page.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)

    def activate(self) -> None:
        queue = self.ctx.integrations.print_queue
        configured = queue.configured
        self.note.setText(self.tr("Labels and receipts wait here while a printer is busy or away; nothing at the "
                                  "dock waits for them.") if configured else
                          self.tr("No printer is set up at this station. Labels and receipts will queue here once "
                                  "printing is set up."))
        for b in (self.retry, self.cancel, self.reprint):
            b.setEnabled(configured)
        self.refresh()
        self._timer.start(POLL_MS)

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        self._timer.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        self.ctx.runner.read(self.ctx.integrations.print_queue.jobs, self.model.set_rows, self.failed)

    def selected(self) -> PrintJobView | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def act(self, op: str) -> None:
        job = self.selected()
        if job is None:
            self.nav.message(self.tr("Select a print job first."), error=True)
            return
        queue = self.ctx.integrations.print_queue
        fn = {"retry": queue.retry, "cancel": queue.cancel, "reprint": queue.reprint}[op]
        self.ctx.runner.long(lambda _p: fn(job.id), lambda _r: self.refresh(), self.failed)
