"""Serial-port scanners (RS-232, or USB in CDC/virtual-COM mode): one read per line.

:class:`SerialScanner` owns its own reader thread; every read is handed to ``on_read`` (on
that thread: the GUI bridges it into its scan pipeline) and every change of state to
``on_status``. The port is a path or name the user types (``/dev/ttyACM0``, ``COM3``,
``/dev/serial/by-id/...``): virtual ports such as ptys are not listed by the operating system,
so we never insist on picking from a list. A port that disappears (cable pulled) is reopened
every few seconds.

:class:`LineFramer` is the pure part: bytes in, reads out. Scanners end a read with CR, LF or
CR LF; one configured without a terminator is framed by a short silence instead.
"""

from __future__ import annotations

import contextlib
import enum
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from ..domain.codes import MAX_RAW_LEN
from .wedge import strip_affixes

MAX_READ_BYTES = MAX_RAW_LEN  # longer than any label: a noisy line or the wrong baud rate
OVERFLOW_MARK = "\u2026"  # appended to an overlong read: it is then rejected as too long, not cut silently
DEFAULT_IDLE_S = 0.15  # silence that ends a read from a scanner without CR/LF
DEFAULT_RECONNECT_S = 2.0
READ_TIMEOUT_S = 0.05


class ScannerStatus(enum.StrEnum):
    NOT_CONFIGURED = "not_configured"
    CONNECTING = "connecting"
    READY = "ready"
    ERROR = "error"
    STOPPED = "stopped"


@dataclass(frozen=True)
class StatusReport:
    status: ScannerStatus
    port: str
    detail: str = ""  # the operating system's words for an error, for the log and the tooltip


class LineFramer:
    """Cut a byte stream into reads; strip the configured prefix/suffix; drop empty lines."""

    def __init__(self, prefix: str = "", suffix: str = "", max_bytes: int = MAX_READ_BYTES) -> None:
        self.prefix, self.suffix, self.max_bytes = prefix, suffix, max_bytes
        self._buf = bytearray()
        self._overflow = False

    def feed(self, data: bytes) -> list[str]:
        out: list[str] = []
        for byte in data:
            if byte in (0x0D, 0x0A):
                out += self._emit()
            elif len(self._buf) >= self.max_bytes:
                self._overflow = True  # keep discarding until the line ends
            else:
                self._buf.append(byte)
        return out

    def flush(self) -> list[str]:
        """End the current read (after a silence)."""
        return self._emit()

    @property
    def pending(self) -> bool:
        return bool(self._buf) or self._overflow

    def _emit(self) -> list[str]:
        raw, overflow = bytes(self._buf), self._overflow
        self._buf.clear()
        self._overflow = False
        if overflow:
            return [decode_read(raw) + OVERFLOW_MARK]
        text = decode_read(raw).strip(" ")
        text = strip_affixes(text, self.prefix, self.suffix)
        return [text] if text else []


def decode_read(raw: bytes) -> str:
    """Scanners send ASCII, UTF-8 or Latin-1 (Å, Ä, Ö in asset tags); never fail on a byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


class Port(Protocol):
    def read(self, size: int = 1) -> bytes: ...
    def close(self) -> None: ...


Opener = Callable[[str, int], Port]


def open_serial(port: str, baud: int) -> Port:
    import serial  # pyserial; imported here so the engine loads without it when no scanner is set

    try:
        return serial.Serial(port, baud, timeout=READ_TIMEOUT_S)
    except (serial.SerialException, OSError, ValueError) as exc:
        raise PortError(str(exc)) from None


class PortError(Exception):
    """The port cannot be opened or read (missing, busy, unplugged)."""


class SerialScanner:
    """Reads a serial scanner on its own thread. ``start`` once; ``stop`` joins the thread."""

    def __init__(self, port: str, baud: int, on_read: Callable[[str], None],
                 on_status: Callable[[StatusReport], None], *, prefix: str = "", suffix: str = "",
                 idle_s: float = DEFAULT_IDLE_S, reconnect_s: float = DEFAULT_RECONNECT_S,
                 opener: Opener = open_serial) -> None:
        self.port_name = port.strip()
        self.baud = baud
        self._on_read, self._on_status = on_read, on_status
        self._framer = LineFramer(prefix, suffix)
        self._idle_s, self._reconnect_s, self._opener = idle_s, reconnect_s, opener
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.status = ScannerStatus.NOT_CONFIGURED if not self.port_name else ScannerStatus.STOPPED

    def start(self) -> None:
        if not self.port_name:
            self._report(ScannerStatus.NOT_CONFIGURED)
            return
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name=f"serial-scanner {self.port_name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self.port_name:
            self._report(ScannerStatus.STOPPED)

    def _report(self, status: ScannerStatus, detail: str = "") -> None:
        self.status = status
        self._on_status(StatusReport(status, self.port_name, detail))

    def _run(self) -> None:
        while not self._stop.is_set():
            self._report(ScannerStatus.CONNECTING)
            try:
                port = self._opener(self.port_name, self.baud)
            except PortError as exc:
                self._report(ScannerStatus.ERROR, str(exc))
                self._stop.wait(self._reconnect_s)
                continue
            self._report(ScannerStatus.READY)
            try:
                self._read_until_error(port)
            finally:
                _close_quietly(port)

    def _read_until_error(self, port: Port) -> None:
        last_byte = time.monotonic()
        while not self._stop.is_set():
            try:
                data = port.read(256)
            except Exception as exc:  # pyserial raises SerialException/OSError when unplugged
                self._report(ScannerStatus.ERROR, str(exc) or exc.__class__.__name__)
                self._stop.wait(self._reconnect_s)
                return
            now = time.monotonic()
            reads = self._framer.feed(data) if data else []
            if data:
                last_byte = now
            elif self._framer.pending and now - last_byte >= self._idle_s:
                reads = self._framer.flush()
            for text in reads:
                self._on_read(text)


def _close_quietly(port: Any) -> None:
    with contextlib.suppress(Exception):  # closing a port that vanished: nothing left to do
        port.close()
