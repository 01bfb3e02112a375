"""A CUPS queue via the ``lp`` command: raw for ZPL (the queue passes the bytes to the printer
untouched), normal for PDF (CUPS converts for whatever printer is behind the queue).

``lp`` returning a request id is the acknowledgement: CUPS has spooled the job to disk and owns
it from there (it retries a printer that is off by itself). ``lpstat -p`` gives the status.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping
from typing import Any

from .base import PrintData, PrinterDriver, PrinterRejected, PrinterState, PrinterStatus, PrinterUnavailable

_QUEUE = re.compile(r"^[A-Za-z0-9_.@-]{1,127}$")  # CUPS forbids spaces, "/", "#" and control characters
_SERVER = re.compile(r"^[A-Za-z0-9.\-\[\]:]{1,255}$|^/[\w./-]{1,255}$")  # host[:port] or a socket path
_REQUEST = re.compile(r"request id is (\S+)")
_TITLE_UNSAFE = re.compile(r"[^\w.\- ]", re.ASCII)


class CupsDriver(PrinterDriver):
    name = "cups"
    formats = ("zpl", "pdf")
    description = "a CUPS queue (lp): raw for ZPL, normal for PDF"

    @classmethod
    def check_options(cls, options: Mapping[str, Any], fmt: str) -> dict[str, Any]:
        queue = str(options.get("queue", "")).strip()
        if not _QUEUE.match(queue):
            raise ValueError("queue must be a CUPS queue name (letters, digits, _ . - @), e.g. queue = \"Zebra\"")
        server = str(options.get("server", "")).strip()
        if server and not _SERVER.match(server):
            raise ValueError("server must be host, host:port or a socket path, or left out for this computer")
        raw = options.get("raw", fmt == "zpl")
        if not isinstance(raw, bool):
            raise ValueError("raw must be true or false")
        if fmt == "zpl" and not raw:
            raise ValueError("a ZPL printer's queue must be raw (CUPS must not convert ZPL)")
        return {"queue": queue, "server": server, "raw": raw}

    def address(self) -> str:
        o = self.config.options
        return f"cups:{o['queue']}" + (f"@{o['server']}" if o["server"] else "")

    def _base(self, command: str) -> list[str]:
        server = self.config.options["server"]
        return [command, "-h", server] if server else [command]

    def _run(self, args: list[str], data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        try:
            return subprocess.run(args, input=data, capture_output=True, timeout=self.timeout_s, check=False)
        except FileNotFoundError:
            raise PrinterUnavailable(PrinterState(
                PrinterStatus.CANNOT_CONNECT, f"the {args[0]} command is missing (install the CUPS client)")) from None
        except subprocess.TimeoutExpired:
            raise PrinterUnavailable(PrinterState(PrinterStatus.CANNOT_CONNECT, "CUPS did not answer (timed out)")
                                     ) from None

    def status(self) -> PrinterState:
        try:
            r = self._run([*self._base("lpstat"), "-p", self.config.options["queue"]])
        except PrinterUnavailable as exc:
            return exc.state
        out = r.stdout.decode("utf-8", "replace")
        if r.returncode != 0 or not out.startswith("printer "):
            return PrinterState(PrinterStatus.CANNOT_CONNECT, _first_line(r.stderr) or "no such queue")
        if "disabled" in out.split("\n", 1)[0]:
            reason = _first_line(out.split("\n", 1)[1].encode()) if "\n" in out else ""
            return PrinterState(PrinterStatus.NO_MEDIA, f"queue paused in CUPS{': ' + reason if reason else ''}")
        if "media-empty" in out or "media-needed" in out:
            return PrinterState(PrinterStatus.NO_MEDIA, "no media")
        if "now printing" in out:
            return PrinterState(PrinterStatus.PRINTING)
        return PrinterState(PrinterStatus.READY)

    def send(self, job: PrintData) -> str:
        o = self.config.options
        if job.format == "zpl" and not o["raw"]:
            raise PrinterRejected("ZPL needs a raw CUPS queue")
        args = [*self._base("lp"), "-d", o["queue"], "-t", safe_title(f"{job.title}-{job.job_id[:8]}")]
        if o["raw"]:
            args += ["-o", "raw"]
        r = self._run([*args, "--", "-"], job.data)
        m = _REQUEST.search(r.stdout.decode("utf-8", "replace"))
        if r.returncode != 0 or not m:
            raise PrinterUnavailable(PrinterState(PrinterStatus.CANNOT_CONNECT,
                                                  _first_line(r.stderr) or "lp gave no request id"))
        return m.group(1)


def safe_title(title: str) -> str:
    """A job title CUPS (and cups-pdf, which names files after it) takes as it is."""
    return _TITLE_UNSAFE.sub("_", title)[:100] or "intake"


def _first_line(data: bytes) -> str:
    text = data.decode("utf-8", "replace").strip()
    return text.splitlines()[0].strip() if text else ""
