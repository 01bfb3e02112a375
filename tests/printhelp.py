"""Helpers for the printing tests: real decoders, real renderers, a Zebra on a real socket.

* ZPL is rendered by zplkit (an independent ZPL renderer), PDFs by poppler's pdftoppm; the
  images are decoded by zxing-cpp.
* :class:`FakeZebra` listens on 127.0.0.1, records every byte of every connection and answers
  ``~HS`` the way a Zebra does (three STX...ETX strings). It can run out of paper, pause, stay
  silent, or die in the middle of a job (a TCP reset) and come back on the same port.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import socket
import struct
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import zplkit
import zxingcpp
from PIL import Image

HAVE_POPPLER = shutil.which("pdftoppm") is not None and shutil.which("pdftotext") is not None


def decode_gray(img: np.ndarray) -> list[tuple[str, str]]:
    return [(r.format.name, r.text) for r in zxingcpp.read_barcodes(img)]


def zpl_image(zpl: bytes, dpi: int) -> np.ndarray:
    """The label as the independent renderer draws it, as a grey image."""
    scene = zplkit.render(zpl, zplkit.Options(dpi=dpi)).labels[0]
    raster = scene.rasterize()
    return np.frombuffer(raster.pixels, dtype=np.uint8).reshape(raster.height, raster.width)


def zpl_codes(zpl: bytes, dpi: int) -> list[tuple[str, str]]:
    return decode_gray(zpl_image(zpl, dpi))


def zpl_png(zpl: bytes, dpi: int) -> bytes:
    return zplkit.render(zpl, zplkit.Options(dpi=dpi)).labels[0].png()


def zpl_commands(zpl: bytes) -> list[bytes]:
    """The commands a printer would execute, as framed by zplkit's parser."""
    import zplkit.parse as zparse

    return [bytes(e) for e in zparse.parse(zpl).elements]


def pdf_pages(pdf: bytes, tmp: Path, dpi: int = 300, first: int | None = None, last: int | None = None
              ) -> list[np.ndarray]:
    """The PDF's pages rendered by pdftoppm, as grey images."""
    src = tmp / f"doc-{time.monotonic_ns()}.pdf"
    src.write_bytes(pdf)
    prefix = tmp / f"page-{time.monotonic_ns()}"
    args = ["pdftoppm", "-r", str(dpi), "-gray", "-png"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    subprocess.run([*args, str(src), str(prefix)], check=True, timeout=120)
    files = sorted(tmp.glob(prefix.name + "*.png"), key=lambda p: int(re.findall(r"-(\d+)\.png$", p.name)[0]))
    return [np.array(Image.open(f).convert("L")) for f in files]


def pdf_codes(pdf: bytes, tmp: Path, dpi: int = 300) -> list[list[tuple[str, str]]]:
    return [decode_gray(page) for page in pdf_pages(pdf, tmp, dpi)]


def pdf_text(pdf: bytes, tmp: Path, first: int | None = None, last: int | None = None) -> str:
    src = tmp / f"text-{time.monotonic_ns()}.pdf"
    src.write_bytes(pdf)
    args = ["pdftotext", "-layout"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run([*args, str(src), "-"], check=True, capture_output=True, timeout=120).stdout.decode()


def png_bytes(img: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, format="PNG")
    return buf.getvalue()


def wait_for(condition: Callable[[], bool], timeout: float = 15.0, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


STX, ETX = b"\x02", b"\x03\r\n"


def host_status(paper_out: bool = False, paused: bool = False, head_open: bool = False, remaining: int = 0) -> bytes:
    """A ``~HS`` reply in the printer's format (ZPL II programming guide, ~HS)."""
    s1 = f"030,{int(paper_out)},{int(paused)},1245,000,0,0,0,000,0,0,0".encode()
    s2 = f"001,0,{int(head_open)},0,0,2,4,0,{remaining:08d},1,000".encode()
    s3 = b"1234,0"
    return b"".join(STX + s + ETX for s in (s1, s2, s3))


class FakeZebra:
    """A ZPL printer on a real TCP socket."""

    def __init__(self, port: int = 0) -> None:
        self.paper_out = False
        self.paused = False
        self.silent = False  # read everything, answer nothing (a hung printer)
        self.die_after: int | None = None  # reset the connection once it has sent this many bytes
        self.connections: list[bytes] = []
        self._lock = threading.Lock()
        self._server: socket.socket | None = None
        self._port = port
        self._threads: list[threading.Thread] = []
        self._open: list[socket.socket] = []
        self.start()

    @property
    def port(self) -> int:
        return self._port

    @property
    def running(self) -> bool:
        return self._server is not None

    def start(self) -> None:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self._port))
        server.listen(16)
        self._port = server.getsockname()[1]
        self._server = server
        thread = threading.Thread(target=self._accept, args=(server,), daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        """Power off: stop listening and reset every open connection."""
        server, self._server = self._server, None
        if server is not None:
            with contextlib.suppress(OSError):  # wakes the accept(): close() alone would not stop listening
                server.shutdown(socket.SHUT_RDWR)
            server.close()
        with self._lock:
            for conn in self._open:
                _reset(conn)
            self._open.clear()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with self._lock:
                self._open.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        data = b""
        answered = 0
        index = len(self.connections)
        with self._lock:
            self.connections.append(b"")
        try:
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                data += chunk
                with self._lock:
                    self.connections[index] = data
                if self.die_after is not None and len(data) >= self.die_after:
                    with self._lock:  # it took in this much before it died; the rest is lost
                        self.connections[index] = data[: self.die_after]
                    self.die_after = None
                    self.stop()  # dies mid-job: reset, and nobody listens any more
                    return
                while not self.silent and data.count(b"~HS") > answered:
                    answered += 1
                    conn.sendall(host_status(self.paper_out, self.paused))
        except OSError:
            pass
        finally:
            conn.close()

    def formats(self) -> list[bytes]:
        """Every complete label format (^XA ... ^XZ) received, over all connections."""
        with self._lock:
            everything = list(self.connections)
        return [m for data in everything for m in re.findall(rb"\^XA.*?\^XZ", data, re.S)]


def _reset(conn: socket.socket) -> None:
    try:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()
    except OSError:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
