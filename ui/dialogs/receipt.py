"""The receipt after sign-off: preview, print, save.

Two views: the signed reconciliation in short, and the receipt PDF itself, page by page (made
off the GUI thread by the receipt module, :class:`ui.integrations.ReceiptMaker`, and saved from
the same bytes). Without a receipt module the reconciliation can still be saved as CSV.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from intake_app.services.reconciliation import report_csv

from ..context import DockContext
from ..models import category_name
from ..tasks import TaskError


class ReceiptDialog(QDialog):
    def __init__(self, ctx: DockContext, report: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.report = ctx, report
        self.setWindowTitle(self.tr("Receipt {order}").format(order=report["order"]))
        self.resize(820, 640)
        self.preview = QTextBrowser()
        self.preview.setHtml(self.preview_html())
        receipts = ctx.integrations.receipts
        self.pdf_bytes: bytes | None = None
        self.pdf = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setDocument(self.pdf)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._buffer: QBuffer | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self.preview, self.tr("Summary"))
        if receipts.configured:
            self.tabs.addTab(self.pdf_view, self.tr("Receipt (PDF)"))
            self.ctx.runner.long(lambda _p: receipts.receipt_pdf(report["order"]), self._show_pdf, self._failed)
        self.print_button = QPushButton(self.tr("Print receipt"))
        self.print_button.setProperty("role", "primary")
        self.print_button.clicked.connect(self.print_receipt)
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.csv_button = QPushButton(self.tr("Save CSV…"))
        self.csv_button.clicked.connect(lambda: self.save_csv())
        self.print_button.setEnabled(receipts.can_print)
        self.pdf_button.setEnabled(receipts.configured)
        if not receipts.configured:
            note = self.tr("Receipts are not set up at this station: print and PDF come with the printing "
                           "module. The reconciliation can be saved as CSV.")
        elif not receipts.can_print:
            note = self.tr("No receipt printer is set up at this station: save the PDF and print it elsewhere.")
        else:
            note = ""
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setProperty("role", "hint")
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.print_button, self.pdf_button, self.csv_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs, 1)
        box.addWidget(self.note)
        box.addLayout(buttons)

    def preview_html(self) -> str:
        r, t = self.report, self.report["totals"]
        signed = r.get("signed_off")
        rows = "".join(
            f"<tr><td>{html.escape(category_name(k))}</td><td align=right>{v['expected']}</td>"
            f"<td align=right>{v['matched']}</td><td align=right>{v['extras']}</td></tr>"
            for k, v in r["by_category"].items())
        state = (self.tr("Signed off {at} by {by}").format(at=signed["at"][:16].replace("T", " "),
                                                           by=html.escape(signed["by"] or ""))
                 if signed else self.tr("Not signed off yet"))
        reason = f"<p>{html.escape(signed['reason'])}</p>" if signed and signed.get("reason") else ""
        return (f"<h1>{html.escape(self.tr('Receipt'))} {html.escape(r['order'])}</h1>"
                f"<h2>{html.escape(r['customer'])}</h2><p><b>{state}</b></p>{reason}"
                f"<p>{self.tr('Expected')}: <b>{t['expected']}</b> &nbsp; {self.tr('Received')}: <b>{t['received']}</b>"
                f" &nbsp; {self.tr('Matched')}: <b>{t['matched']}</b> &nbsp; {self.tr('Missing')}: <b>{t['missing']}</b>"
                f" &nbsp; {self.tr('Extras')}: <b>{t['extras']}</b></p>"
                f"<table border=1 cellspacing=0 cellpadding=4><tr><th>{self.tr('Category')}</th>"
                f"<th>{self.tr('Expected')}</th><th>{self.tr('Matched')}</th><th>{self.tr('Extras')}</th></tr>"
                f"{rows}</table>")

    def print_receipt(self) -> None:
        receipts, order = self.ctx.integrations.receipts, self.report["order"]
        self.ctx.runner.long(lambda _p: receipts.print_receipt(order),
                             lambda _r: self.note.setText(self.tr("Receipt sent to the printer.")), self._failed)

    def _show_pdf(self, data: bytes) -> None:
        self.pdf_bytes = data
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)

    def save_pdf(self, name: str | None = None) -> None:
        if not name:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save receipt"), f"{self.report['order']}.pdf",
                                                  "PDF (*.pdf)")
        if not name:
            return
        receipts, order, shown, target = self.ctx.integrations.receipts, self.report["order"], self.pdf_bytes, name

        def save(_p: Any) -> None:  # the receipt on screen, else a fresh one
            Path(target).write_bytes(shown if shown is not None else receipts.receipt_pdf(order))

        self.ctx.runner.long(save, lambda _r: self.note.setText(self.tr("Saved {file}").format(file=target)),
                             self._failed)

    def save_csv(self, name: str | None = None) -> None:
        if not name:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save reconciliation"),
                                                  f"{self.report['order']}.csv", "CSV (*.csv)")
        if not name:
            return
        text = report_csv(self.report)
        target = Path(name)
        self.ctx.runner.long(lambda _p: target.write_text(text, encoding="utf-8-sig"),
                             lambda _r: self.note.setText(self.tr("Saved {file}").format(file=name)), self._failed)

    def _failed(self, error: TaskError) -> None:
        self.note.setText(error.message)
