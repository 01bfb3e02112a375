"""Serial-port scanners over a real pseudo-terminal pair (ptys are not listed by the OS)."""

from __future__ import annotations

import os
import queue
import random

from intake_app.devices.serial_scanner import (
    OVERFLOW_MARK,
    LineFramer,
    ScannerStatus,
    SerialScanner,
    StatusReport,
)
from intake_app.domain.codes import RejectReason, classify


def test_framer_cuts_lines_however_they_end_and_arrive():
    f = LineFramer()
    assert f.feed(b"5CD821M1EN\r\n4TJ") == ["5CD821M1EN"]
    assert f.feed(b"B67G\rSJRXL7W\n\r\n") == ["4TJB67G", "SJRXL7W"]
    assert f.feed("HEB-ÅÄÖ1\r".encode()) == ["HEB-ÅÄÖ1"]
    assert f.feed("TIE-Ö2\r".encode("latin-1")) == ["TIE-Ö2"]  # a Latin-1 scanner
    assert f.feed(b"PF2ABC3D") == [] and f.pending and f.flush() == ["PF2ABC3D"]


def test_framer_strips_configured_affixes():
    f = LineFramer(prefix="\x02", suffix="\x03")
    assert f.feed(b"\x02ABC123\x03\r\n") == ["ABC123"]
    assert f.feed(b"XYZ789\r") == ["XYZ789"]  # absent affixes are not required on a serial line


def test_overlong_line_becomes_one_read_rejected_as_too_long():
    f = LineFramer()
    reads = f.feed(b"A" * 5000 + b"\r\nOK1234\r")
    assert len(reads) == 2 and reads[0].endswith(OVERFLOW_MARK) and reads[1] == "OK1234"
    assert classify(reads[0]).reason is RejectReason.TOO_LONG


def test_random_bytes_never_break_the_framer():
    rng = random.Random(7)
    f = LineFramer()
    for _ in range(200):
        for text in f.feed(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 80)))):
            assert isinstance(text, str) and text
            classify(text)  # whatever arrives gets a decision, never an exception


class Collector:
    def __init__(self) -> None:
        self.reads: queue.Queue[str] = queue.Queue()
        self.statuses: queue.Queue[StatusReport] = queue.Queue()

    def read(self, timeout: float = 5.0) -> str:
        return self.reads.get(timeout=timeout)

    def wait_status(self, wanted: ScannerStatus, timeout: float = 5.0) -> StatusReport:
        while True:
            report = self.statuses.get(timeout=timeout)
            if report.status is wanted:
                return report


def test_reads_lines_from_a_pty(pty_pair):
    master, path = pty_pair
    c = Collector()
    scanner = SerialScanner(path, 9600, c.reads.put, c.statuses.put, idle_s=0.1)
    scanner.start()
    try:
        c.wait_status(ScannerStatus.READY)
        os.write(master, b"5CD821M1EN\r\n")
        os.write(master, "HEB-ÅÄÖ1\r".encode())
        os.write(master, b"]C100373500123400000019\n")
        assert [c.read(), c.read(), c.read()] == ["5CD821M1EN", "HEB-ÅÄÖ1", "]C100373500123400000019"]
        os.write(master, b"NOSUFFIX99")  # a scanner without CR/LF: the silence ends the read
        assert c.read() == "NOSUFFIX99"
    finally:
        scanner.stop()
    assert scanner.status is ScannerStatus.STOPPED


def test_missing_port_reports_an_error_and_keeps_trying(tmp_path):
    c = Collector()
    scanner = SerialScanner(str(tmp_path / "no-such-tty"), 9600, c.reads.put, c.statuses.put, reconnect_s=0.05)
    scanner.start()
    try:
        first = c.wait_status(ScannerStatus.ERROR)
        assert "no-such-tty" in first.detail or first.detail
        c.wait_status(ScannerStatus.CONNECTING)  # it tries again
    finally:
        scanner.stop()
    assert c.reads.empty()


def test_unplugged_port_reports_an_error(pty_pair):
    master, path = pty_pair
    c = Collector()
    scanner = SerialScanner(path, 9600, c.reads.put, c.statuses.put, reconnect_s=0.05)
    scanner.start()
    try:
        c.wait_status(ScannerStatus.READY)
        os.close(master)  # the cable is pulled: reads fail with EIO
        c.wait_status(ScannerStatus.ERROR)
    finally:
        scanner.stop()


def test_not_configured_port_does_nothing():
    c = Collector()
    scanner = SerialScanner("  ", 9600, c.reads.put, c.statuses.put)
    scanner.start()
    assert c.wait_status(ScannerStatus.NOT_CONFIGURED).port == ""
    scanner.stop()
