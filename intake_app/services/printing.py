"""Printing labels and receipts: content from the database, rendered, spooled, sent.

The one entry point for the GUI and the command line (``app.printing``). Content comes from
:mod:`.labels` and :mod:`.receipts`, rendering from :mod:`intake_app.printing`, jobs go through
the spool (:mod:`.spool`) and are sent by :mod:`.print_worker`.

Scanning knows nothing of printing: the worker looks for units this station received since
its last look (:meth:`Printing.feed_labels`) and queues their labels when
``receiving.auto_print`` is on and a label printer is set. A sign-off hook freezes what the
final receipt will say and queues it for the receipt printer.
"""

from __future__ import annotations

import uuid
import zoneinfo
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from ..domain.co2e import FactorTable
from ..errors import InputError, NotFound
from ..paths import resources_dir
from ..printing import zpl
from ..printing.config import parse_printers
from ..printing.content import LabelSize, Receipt
from ..printing.drivers import PrinterConfig, PrinterState, PrinterStatus, make_driver
from ..printing.labels import PrinterTestLabel, pallet_layout, printer_test_layout, unit_layout
from ..printing.layout import Layout, TemplateError
from ..printing.resources import PrintResources
from ..settings import Settings
from ..store import tables as t
from .context import Actor, Context
from .labels import pallet_key, pallet_label, unit_key, unit_label
from .print_worker import Outcome, RetryPolicy, Sender, SpoolWorker
from .receipts import Receipts, ReceiptSettings
from .reconciliation import Reconciler
from .spool import JobInfo, PrintSpool

LABEL_KINDS = {"unit": "unit_label", "pallet": "pallet_label"}
FORMATS = ("zpl", "pdf")
LANGS = ("sv", "en")


@dataclass(frozen=True)
class PrintResult:
    job: JobInfo
    sent: bool
    state: PrinterState | None

    def as_dict(self) -> dict[str, Any]:
        d = self.job.as_dict()
        d["sent"] = self.sent
        if self.state is not None:
            d["printer_status"] = self.state.status.value
            d["printer_detail"] = self.state.detail
        return d


class Printing:
    def __init__(self, ctx: Context, settings: Settings, reconciler: Reconciler,
                 resources: PrintResources | None = None) -> None:
        self.ctx, self.settings = ctx, settings
        self.resources = resources or PrintResources(resources_dir())
        self._tables: list[FactorTable] | None = None
        self._printers_raw: object = None
        self._printers: dict[str, PrinterConfig] = {}
        self.spool = PrintSpool(ctx)
        self.receipts = Receipts(ctx, reconciler, self.factor_tables, self._receipt_settings)
        self.sender = Sender(self.spool, self.printers, self.render_job, self.policy)
        self.worker = SpoolWorker(ctx, self.spool, self.sender, self.feed_labels)
        ctx.hooks.signing_off.append(self._on_signing_off)
        ctx.hooks.rows_arrived.append(self.spool.on_rows_arrived)

    # -- configuration ---------------------------------------------------------------------------

    def printers(self) -> dict[str, PrinterConfig]:
        """The configured printers (parsed once per change of the setting: scans ask on every unit)."""
        raw = self.settings.get("printing.printers")
        if raw is not self._printers_raw:
            self._printers = parse_printers(raw)
            self._printers_raw = raw
        return self._printers

    def printer(self, name: str | None, purpose: str) -> PrinterConfig:
        """The printer called ``name``, else the default for ``purpose`` (label | receipt)."""
        name = name or self.settings.get(f"printing.{purpose}_printer")
        if not name:
            raise InputError(f"no {purpose} printer is set; give --printer NAME or --out FILE, or set "
                             f"printing.{purpose}_printer")
        printers = self.printers()
        if name not in printers:
            known = ", ".join(sorted(printers)) or "none configured"
            raise NotFound(f"no printer {name!r} (printers: {known})")
        return printers[name]

    def default_printer(self, purpose: str) -> PrinterConfig | None:
        """The configured printer the settings name for ``purpose`` (label | receipt), if there is one."""
        name = self.settings.get(f"printing.{purpose}_printer")
        return self.printers().get(name) if name else None

    def policy(self) -> RetryPolicy:
        s = self.settings
        return RetryPolicy(s.get("printing.retry_initial_s"), s.get("printing.retry_max_s"), s.get("printing.timeout_s"))

    def reload_resources(self, resources: PrintResources | None = None) -> None:
        """Read templates and factor tables again (after installing a new table version)."""
        if resources is not None:
            self.resources = resources
        self._tables = None

    def factor_tables(self) -> list[FactorTable]:
        if self._tables is None:
            self._tables = self.resources.factor_tables()
        return self._tables

    def _receipt_settings(self) -> ReceiptSettings:
        return ReceiptSettings(self.settings.get("printing.receiver_name"), self.settings.get("printing.timezone"))

    def _tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.settings.get("printing.timezone"))

    def _today(self) -> date:
        return self.ctx.clock.now().astimezone(self._tz()).date()

    def label_options(self, kind: str, config: PrinterConfig | None, dpi: int | None = None,
                      lang: str | None = None) -> dict[str, Any]:
        """How a label will be rendered: language, dpi and size (from the printer or the settings)."""
        size = self.settings.get("printing.pallet_label_size") if kind == "pallet" else (
            (config.label_size if config else "") or self.settings.get("printing.unit_label_size"))
        return {"lang": _lang(lang or self.settings.get("printing.label_language")),
                "dpi": dpi or (config.dpi if config else 203), "size": str(LabelSize.parse(size))}

    # -- rendering -------------------------------------------------------------------------------

    def label_layout(self, kind: str, subject: str, options: dict[str, Any]) -> Layout:
        size, lang = LabelSize.parse(options["size"]), options["lang"]
        try:
            if kind == "unit":
                with self.ctx.store.read() as conn:
                    content = unit_label(conn, subject, lang, self._tz())
                return unit_layout(content, self.resources.template("unit"), size, lang)
            if kind == "pallet":
                with self.ctx.store.read() as conn:
                    pallet = pallet_label(conn, subject, self._today())
                return pallet_layout(pallet, self.resources.template("pallet"), size, lang)
            if kind == "test":
                return printer_test_layout(PrinterTestLabel(subject, self._today()), self.resources.template("test"),
                                           size, lang)
        except TemplateError as exc:
            raise InputError(f"the {kind} label does not fit {size} mm: {exc}") from None
        raise InputError(f"label kind must be unit or pallet, not {kind!r}")

    def render_label(self, kind: str, subject: str, fmt: str, options: dict[str, Any]) -> bytes:
        """A unit or pallet label (or a printer's test label) as ZPL or PDF."""
        if fmt not in FORMATS:
            raise InputError(f"format must be zpl or pdf, not {fmt!r}")
        layout = self.label_layout(kind, subject, options)
        if fmt == "zpl":
            return zpl.render(layout, int(options["dpi"]))
        from ..printing import pdf_labels  # reportlab: imported when a PDF is made, not by every command

        return pdf_labels.render([layout], self.resources.fonts, f"{kind} label {subject}")

    def receipt(self, order: str | uuid.UUID) -> Receipt:
        return self.receipts.build(order)

    def render_receipt(self, order: str | uuid.UUID, lang: str | None = None) -> bytes:
        """The order's receipt PDF: final if it is signed off, provisional before."""
        from ..printing import receipt_pdf

        lang = _lang(lang or self.settings.get("printing.receipt_language"))
        return receipt_pdf.render(self.receipts.build(order), lang, self.resources.fonts)

    def render_receipt_content(self, receipt: Receipt, lang: str) -> bytes:
        from ..printing import receipt_pdf

        return receipt_pdf.render(receipt, _lang(lang), self.resources.fonts)

    def render_job(self, job: JobInfo) -> bytes:
        """The bytes of a queued job (the worker renders jobs queued without them)."""
        if job.kind == "receipt":
            if job.format != "pdf":
                raise InputError("receipts are PDF only")
            return self.render_receipt(job.subject, job.options.get("lang"))
        kind = {"unit_label": "unit", "pallet_label": "pallet", "test": "test"}[job.kind]
        return self.render_label(kind, job.subject, job.format, job.options)

    # -- printing --------------------------------------------------------------------------------

    def print_label(self, actor: Actor | None, kind: str, subject: str, printer: str | None = None,
                    fmt: str | None = None, reason: str | None = None, lang: str | None = None) -> PrintResult:
        """Render a label now (bad ids fail here), queue it, and try to send it at once."""
        if kind not in LABEL_KINDS:
            raise InputError(f"label kind must be unit or pallet, not {kind!r}")
        config = self.printer(printer, "label")
        _check_format(fmt, config)
        options = self.label_options(kind, config, lang=lang)
        key = unit_key(subject) if kind == "unit" else pallet_key(subject)
        data = self.render_label(kind, key, config.format, options)
        job = self.spool.enqueue(actor, kind=LABEL_KINDS[kind], subject=key, printer=config.name, fmt=config.format,
                                 options=options, payload=data, reason=reason)
        return self._send(job)

    def print_receipt(self, actor: Actor | None, order: str, printer: str | None = None,
                      lang: str | None = None) -> PrintResult:
        config = self.printer(printer, "receipt")
        if config.format != "pdf":
            raise InputError(f"printer {config.name} takes ZPL; receipts need a PDF printer")
        lang = _lang(lang or self.settings.get("printing.receipt_language"))
        receipt = self.receipts.build(order)
        data = self.render_receipt_content(receipt, lang)
        job = self.spool.enqueue(actor, kind="receipt", subject=receipt.order_number, printer=config.name, fmt="pdf",
                                 options={"lang": lang, "final": receipt.final, "number": receipt.number},
                                 payload=data)
        return self._send(job)

    def test_printer(self, actor: Actor | None, name: str) -> PrintResult:
        """Queue and send the test label (or page) to printer ``name``."""
        config = self.printer(name, "label")
        options = self.label_options("test", config)
        data = self.render_label("test", config.name, config.format, options)
        job = self.spool.enqueue(actor, kind="test", subject=config.name, printer=config.name, fmt=config.format,
                                 options=options, payload=data)
        return self._send(job)

    def _send(self, job: JobInfo) -> PrintResult:
        """Send ``job`` now in this thread, after any older jobs of its printer (in order)."""
        for outcome in self.sender.drain(job.printer):
            if outcome.job.id == job.id:
                return PrintResult(outcome.job, outcome.sent, outcome.state)
        return PrintResult(self.spool.get(job.id), False, self.sender.state(job.printer))

    def retry(self, job: str | None = None) -> list[PrintResult]:
        """Retry one job (or every waiting and failed one) now, sending in this thread."""
        if job is None:
            self.feed_labels()
        jobs = self.spool.retry(job)
        results = {}
        for printer in sorted({j.printer for j in jobs}):
            for outcome in self.sender.drain(printer):
                results[outcome.job.id] = PrintResult(outcome.job, outcome.sent, outcome.state)
        return [results.get(j.id) or PrintResult(self.spool.get(j.id), False, None) for j in jobs]

    # -- printers --------------------------------------------------------------------------------

    def printer_list(self, query: bool = True) -> list[dict[str, Any]]:
        """Every configured printer, its defaults, queue and (asked live) status."""
        label, receipt = self.settings.get("printing.label_printer"), self.settings.get("printing.receipt_printer")
        counts: dict[str, int] = {}
        for j in self.spool.jobs(("queued", "failed"), limit=10_000):
            counts[j.printer] = counts.get(j.printer, 0) + 1
        out = []
        for name, config in sorted(self.printers().items()):
            driver = make_driver(config, min(self.policy().timeout_s, 5.0))
            state = driver.status() if query else (self.sender.state(name) or PrinterState(PrinterStatus.UNKNOWN))
            out.append({"name": name, "driver": config.driver, "address": driver.address(), "format": config.format,
                        "dpi": config.dpi if config.format == "zpl" else None,
                        "default_for": [p for p, n in (("labels", label), ("receipts", receipt)) if n == name],
                        "waiting_jobs": counts.get(name, 0), **state.as_dict()})
        return out

    def start_worker(self) -> None:
        """Send queued jobs in the background (the GUI runs this; the CLI sends in the foreground)."""
        self.worker.start()

    def stop_worker(self) -> None:
        self.worker.stop()

    # -- hooks -----------------------------------------------------------------------------------

    def feed_labels(self) -> int:
        """Queue the labels of units received since the last look, if auto-print is on (see spool)."""
        config = self.default_printer("label")
        if config is None or not self.settings.get("receiving.auto_print"):
            return self.spool.feed_unit_labels(None, "", {})  # received without auto-print: no label
        return self.spool.feed_unit_labels(config.name, config.format, self.label_options("unit", config))

    def _on_signing_off(self, conn: Connection, order_id: uuid.UUID, summary: dict[str, Any]) -> None:
        self.receipts.record(conn, order_id, summary)
        config = self.default_printer("receipt")
        if not self.settings.get("printing.auto_print_receipt") or config is None or config.format != "pdf":
            return
        order_number: str = conn.execute(select(t.orders.c.number).where(t.orders.c.id == order_id)).scalar_one()
        self.spool.add(conn, kind="receipt", subject=order_number, printer=config.name, fmt="pdf",
                       options={"lang": self.settings.get("printing.receipt_language"), "final": True,
                                "number": summary["receipt"]["number"]}, operator_id=None)


def _lang(lang: str) -> str:
    if lang not in LANGS:
        raise InputError(f"language must be sv or en, not {lang!r}")
    return lang


def _check_format(fmt: str | None, config: PrinterConfig) -> None:
    if fmt is not None and fmt != config.format:
        raise InputError(f"printer {config.name} takes {config.format}; --format {fmt} does not match it")


def out_format(path: Path | None, fmt: str | None) -> str:
    """The format of a label written to a file: ``--format``, else the file's suffix, else ZPL."""
    suffix = path.suffix.lower().lstrip(".") if path else ""
    if fmt and suffix in FORMATS and suffix != fmt:
        raise InputError(f"--format {fmt} does not match the file name {path.name if path else ''}")
    chosen = fmt or (suffix if suffix in FORMATS else "zpl")
    if chosen not in FORMATS:
        raise InputError(f"format must be zpl or pdf, not {chosen!r}")
    return chosen


__all__ = ["Outcome", "PrintResult", "Printing", "out_format"]
