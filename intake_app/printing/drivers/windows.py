"""A printer set up in Windows: each job goes to the Windows print spooler as raw bytes.

For a Windows dock PC what CUPS is for Linux. ZPL goes to a label printer's Windows queue (the
Zebra driver, or "Generic / Text Only", passes raw jobs through untouched); PDF goes to a printer
that reads PDF itself ("PDF direct print", which most office laser printers have). The spooler owns
the job once ``EndDocPrinter`` returns: that is the acknowledgement, as CUPS' request id is.

The spooler's printer status (``GetPrinter`` level 2) becomes ours: paper out, paused, door open
make the job wait; offline or unknown server is "cannot connect". Many network printers' ports do
not report at all; their status then reads ready and a problem shows in Windows' own queue.

Only :class:`WinSpool` touches Windows (``winspool.drv`` through ctypes); everything else is plain
Python and tested anywhere with a stand-in :class:`Spooler`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from typing import Any, Protocol

from .base import PrintData, PrinterDriver, PrinterState, PrinterStatus, PrinterUnavailable

# A Windows printer name ("Zebra ZD421", "Kontor 2:a vån") or a shared one ("\\server\Zebra");
# Windows forbids \ , and ! inside a name.
_NAME = re.compile(r"^(\\\\[^\\/,!\x00-\x1f]{1,63}\\)?[^\\,!\x00-\x1f]{1,220}$")

# PRINTER_STATUS_* flags (winspool.h) and what they mean at the dock.
NEEDS_A_PERSON = {0x1: "paused", 0x8: "paper jam", 0x10: "paper out", 0x20: "manual feed", 0x40: "paper problem",
                  0x800: "output bin full", 0x40000: "no toner", 0x100000: "needs attention", 0x400000: "door open"}
UNREACHABLE = {0x2: "error", 0x80: "offline", 0x1000: "not available", 0x800000: "server unknown"}
BUSY = 0x200 | 0x400 | 0x4000  # busy, printing, processing
ATTRIBUTE_WORK_OFFLINE = 0x400  # "Use printer offline" ticked in Windows


class Spooler(Protocol):
    """What the driver needs from the Windows spooler."""

    def default_printer(self) -> str: ...
    def status(self, printer: str) -> tuple[int, int]: ...  # (Status flags, Attributes)
    def write_raw(self, printer: str, title: str, data: bytes) -> int: ...  # the spooler's job id


class WindowsDriver(PrinterDriver):
    name = "windows"
    formats = ("zpl", "pdf")
    description = "a printer installed in Windows (raw jobs through the print spooler)"

    def __init__(self, config: Any, timeout_s: float, *, spooler: Spooler | None = None) -> None:
        super().__init__(config, timeout_s)
        self.spooler = spooler if spooler is not None else platform_spooler()

    @classmethod
    def check_options(cls, options: Mapping[str, Any], fmt: str) -> dict[str, Any]:
        raw = options.get("printer", "")
        printer = raw.strip() if isinstance(raw, str) else None
        if printer is None or (printer and not _NAME.match(printer)):
            raise ValueError("printer must be a printer's name as Windows shows it (e.g. printer = \"Zebra ZD421\" "
                             "or \"\\\\\\\\server\\\\Zebra\"), or left out for the Windows default printer")
        return {"printer": printer}

    def address(self) -> str:
        return f"windows:{self.config.options['printer'] or '(default printer)'}"

    def _printer(self) -> str:
        if self.spooler is None:
            raise PrinterUnavailable(PrinterState(PrinterStatus.CANNOT_CONNECT,
                                                  "the Windows print spooler exists only on Windows"))
        try:
            name = self.config.options["printer"] or self.spooler.default_printer()
        except OSError as exc:
            raise _unavailable(exc) from None
        if not name:
            raise PrinterUnavailable(PrinterState(PrinterStatus.CANNOT_CONNECT, "Windows has no default printer"))
        return name

    def status(self) -> PrinterState:
        try:
            name = self._printer()
            assert self.spooler is not None
            flags, attributes = self.spooler.status(name)
        except PrinterUnavailable as exc:
            return exc.state
        except OSError as exc:
            return _unavailable(exc).state
        return status_from_flags(flags, attributes)

    def send(self, job: PrintData) -> str:
        name = self._printer()
        state = self.status()
        if state.status in (PrinterStatus.NO_MEDIA, PrinterStatus.CANNOT_CONNECT):
            raise PrinterUnavailable(state)
        assert self.spooler is not None
        try:
            job_id = self.spooler.write_raw(name, f"{job.title}-{job.job_id[:8]}"[:120], job.data)
        except OSError as exc:
            raise _unavailable(exc) from None
        return f"{name}:{job_id}"


def status_from_flags(flags: int, attributes: int = 0) -> PrinterState:
    """Our status for the spooler's ``PRINTER_INFO_2.Status`` flags and ``Attributes``."""
    unreachable = [text for bit, text in UNREACHABLE.items() if flags & bit]
    if attributes & ATTRIBUTE_WORK_OFFLINE:
        unreachable.append("set to use the printer offline")
    if unreachable:
        return PrinterState(PrinterStatus.CANNOT_CONNECT, ", ".join(unreachable))
    person = [text for bit, text in NEEDS_A_PERSON.items() if flags & bit]
    if person:
        return PrinterState(PrinterStatus.NO_MEDIA, ", ".join(person))
    if flags & BUSY:
        return PrinterState(PrinterStatus.PRINTING)
    return PrinterState(PrinterStatus.READY)


def _unavailable(exc: OSError) -> PrinterUnavailable:
    # winerror 1801: ERROR_INVALID_PRINTER_NAME; others (spooler stopped, access denied) as Windows says them
    detail = "no such printer in Windows" if getattr(exc, "winerror", None) == 1801 else (exc.strerror or str(exc))
    return PrinterUnavailable(PrinterState(PrinterStatus.CANNOT_CONNECT, detail))


def platform_spooler() -> Spooler | None:
    if sys.platform != "win32":
        return None
    from .winspool import WinSpool

    return WinSpool()
