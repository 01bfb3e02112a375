"""Raw TCP (port 9100): how Zebra and most label printers take ZPL, and many office printers PDF.

Raw 9100 has no acknowledgement of its own. For a ZPL printer (``status_query``, the default)
the driver asks ``~HS`` (host status) before the job, to hold jobs while the printer has no
media or is paused, and again after it: the printer answering that second query means it has
read the whole job, and that answer is the acknowledgement. Without ``status_query`` (a generic
raw printer) the driver closes its sending side and waits for the printer to close cleanly; a
reset or a timeout means "not acknowledged" and the job is tried again.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Mapping
from typing import Any

from .base import PrintData, PrinterDriver, PrinterState, PrinterStatus, PrinterUnavailable

HOST_STATUS = b"~HS"
_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]{2,45}\]?$")
_STX, _ETX = b"\x02", b"\x03"
MAX_REPLY = 4096


def parse_host_status(reply: bytes) -> PrinterState:
    """A printer state from the three ``<STX>...<ETX>`` strings of a ``~HS`` reply."""
    strings = [part.split(_ETX)[0].decode("ascii", "replace") for part in reply.split(_STX)[1:]]
    if len(strings) < 2:
        return PrinterState(PrinterStatus.UNKNOWN, "unreadable status reply")
    first, second = strings[0].split(","), strings[1].split(",")
    if len(first) < 8 or len(second) < 9:
        return PrinterState(PrinterStatus.UNKNOWN, "unreadable status reply")
    flag = {"paper out": first[1], "paused": first[2], "head open": second[2]}
    if second[4].strip() == "1":  # thermal transfer mode: ribbon matters
        flag["ribbon out"] = second[3]
    problems = [name for name, value in flag.items() if value.strip() == "1"]
    if problems:
        return PrinterState(PrinterStatus.NO_MEDIA, ", ".join(problems))
    try:
        formats, remaining = int(first[4]), int(second[8])
    except ValueError:
        return PrinterState(PrinterStatus.UNKNOWN, "unreadable status reply")
    if formats or remaining:
        return PrinterState(PrinterStatus.PRINTING, f"{remaining} labels to print")
    return PrinterState(PrinterStatus.READY)


class TcpDriver(PrinterDriver):
    name = "tcp"
    formats = ("zpl", "pdf")
    description = "raw TCP socket (port 9100): Zebra and other network printers"

    @classmethod
    def check_options(cls, options: Mapping[str, Any], fmt: str) -> dict[str, Any]:
        host = str(options.get("host", "")).strip()
        if not host or not _HOST.match(host):
            raise ValueError("host must be a host name or IP address, e.g. host = \"10.0.4.21\"")
        port = options.get("port", 9100)
        if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
            raise ValueError("port must be a whole number from 1 to 65535 (Zebra: 9100)")
        query = options.get("status_query", fmt == "zpl")
        if not isinstance(query, bool):
            raise ValueError("status_query must be true or false")
        if query and fmt != "zpl":
            raise ValueError("status_query (~HS) needs a ZPL printer")
        return {"host": host.strip("[]"), "port": port, "status_query": query}

    def address(self) -> str:
        return f"tcp://{self.config.options['host']}:{self.config.options['port']}"

    def _connect(self) -> socket.socket:
        o = self.config.options
        try:
            return socket.create_connection((o["host"], o["port"]), timeout=self.timeout_s)
        except OSError as exc:
            raise PrinterUnavailable(PrinterState(PrinterStatus.CANNOT_CONNECT, _why(exc))) from None

    def status(self) -> PrinterState:
        try:
            with self._connect() as sock:
                if not self.config.options["status_query"]:
                    return PrinterState(PrinterStatus.READY, "accepts connections")
                return self._query(sock)
        except PrinterUnavailable as exc:
            return exc.state

    def send(self, job: PrintData) -> str:
        with self._connect() as sock:
            try:
                if self.config.options["status_query"]:
                    before = self._query(sock)
                    if before.status is PrinterStatus.NO_MEDIA:  # hold the job until someone fixes it
                        raise PrinterUnavailable(before)
                    sock.sendall(job.data)
                    self._query(sock)  # the reply after the job is the acknowledgement
                else:
                    sock.sendall(job.data)
                    sock.shutdown(socket.SHUT_WR)
                    _drain(sock)
            except OSError as exc:
                raise PrinterUnavailable(PrinterState(PrinterStatus.CANNOT_CONNECT, _why(exc))) from None
        return self.address()

    def _query(self, sock: socket.socket) -> PrinterState:
        """Send ``~HS`` and read its three status strings."""
        try:
            sock.sendall(HOST_STATUS)
            reply = b""
            while reply.count(_ETX) < 3:
                chunk = sock.recv(512)
                if not chunk:
                    raise PrinterUnavailable(PrinterState(PrinterStatus.CANNOT_CONNECT,
                                                          "the printer closed the connection"))
                reply += chunk
                if len(reply) > MAX_REPLY:
                    return PrinterState(PrinterStatus.UNKNOWN, "status reply too long")
        except TimeoutError:
            raise PrinterUnavailable(PrinterState(
                PrinterStatus.CANNOT_CONNECT, "no answer to the status query ~HS (a printer that does not "
                "speak ZPL needs status_query = false)")) from None
        except OSError as exc:
            raise PrinterUnavailable(PrinterState(PrinterStatus.CANNOT_CONNECT, _why(exc))) from None
        return parse_host_status(reply)


def _drain(sock: socket.socket) -> None:
    """Read until the printer closes its side; a reset raises (not acknowledged)."""
    while sock.recv(4096):
        pass


def _why(exc: OSError) -> str:
    if isinstance(exc, TimeoutError | socket.timeout):
        return "no answer (timed out)"
    if isinstance(exc, socket.gaierror):
        return f"unknown host ({exc.strerror})"
    return exc.strerror or exc.__class__.__name__
