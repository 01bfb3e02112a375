"""The Windows print spooler through ctypes (``winspool.drv``): the one part of printing that runs only
on Windows. Kept to the four calls the driver needs; reviewed against the Win32 documentation
(OpenPrinterW, GetPrinterW level 2, GetDefaultPrinterW, StartDocPrinterW/WritePrinter/EndDocPrinter).
The structure layouts are checked on any platform (tests/test_installer_windows.py).
"""

from __future__ import annotations

import ctypes
import sys
from ctypes import wintypes
from typing import Any

DWORD = ctypes.c_uint32  # 32 bits on Windows; wintypes.DWORD is a C long, 64 bits elsewhere

if sys.platform == "win32":
    def load_winspool() -> Any:
        return ctypes.WinDLL("winspool.drv", use_last_error=True)

    def last_error() -> int:
        return ctypes.get_last_error()

    def win_error(code: int) -> OSError:
        return ctypes.WinError(code)
else:  # never called elsewhere (no spooler is made); defined so the module imports and type-checks anywhere
    def load_winspool() -> Any:
        raise OSError("the Windows print spooler exists only on Windows")

    def last_error() -> int:
        return 0

    def win_error(code: int) -> OSError:
        return OSError(code, "Windows error")


class DOC_INFO_1W(ctypes.Structure):  # noqa: N801 - the Win32 name
    _fields_ = [("pDocName", wintypes.LPWSTR), ("pOutputFile", wintypes.LPWSTR), ("pDatatype", wintypes.LPWSTR)]


class PRINTER_INFO_2W(ctypes.Structure):  # noqa: N801 - the Win32 name
    _fields_ = [
        ("pServerName", wintypes.LPWSTR), ("pPrinterName", wintypes.LPWSTR), ("pShareName", wintypes.LPWSTR),
        ("pPortName", wintypes.LPWSTR), ("pDriverName", wintypes.LPWSTR), ("pComment", wintypes.LPWSTR),
        ("pLocation", wintypes.LPWSTR), ("pDevMode", ctypes.c_void_p), ("pSepFile", wintypes.LPWSTR),
        ("pPrintProcessor", wintypes.LPWSTR), ("pDatatype", wintypes.LPWSTR), ("pParameters", wintypes.LPWSTR),
        ("pSecurityDescriptor", ctypes.c_void_p), ("Attributes", DWORD), ("Priority", DWORD),
        ("DefaultPriority", DWORD), ("StartTime", DWORD), ("UntilTime", DWORD), ("Status", DWORD),
        ("cJobs", DWORD), ("AveragePPM", DWORD),
    ]


class WinSpool:
    """:class:`~.windows.Spooler` on Windows. Every failure is an ``OSError`` with Windows' ``winerror``."""

    def __init__(self) -> None:
        self._dll = load_winspool()

    def _fail(self) -> OSError:
        return win_error(last_error())

    def _open(self, printer: str) -> wintypes.HANDLE:
        handle = wintypes.HANDLE()
        if not self._dll.OpenPrinterW(printer, ctypes.byref(handle), None):
            raise self._fail()
        return handle

    def default_printer(self) -> str:
        size = DWORD(0)
        self._dll.GetDefaultPrinterW(None, ctypes.byref(size))  # asks for the size; fails with no default
        if size.value == 0:
            return ""
        buf = ctypes.create_unicode_buffer(size.value)
        if not self._dll.GetDefaultPrinterW(buf, ctypes.byref(size)):
            raise self._fail()
        return buf.value

    def status(self, printer: str) -> tuple[int, int]:
        handle = self._open(printer)
        try:
            needed = DWORD(0)
            self._dll.GetPrinterW(handle, 2, None, 0, ctypes.byref(needed))
            if needed.value == 0:
                raise self._fail()
            buf = ctypes.create_string_buffer(needed.value)
            if not self._dll.GetPrinterW(handle, 2, buf, needed, ctypes.byref(needed)):
                raise self._fail()
            info = PRINTER_INFO_2W.from_buffer(buf)
            return int(info.Status), int(info.Attributes)
        finally:
            self._dll.ClosePrinter(handle)

    def write_raw(self, printer: str, title: str, data: bytes) -> int:
        handle = self._open(printer)
        try:
            doc = DOC_INFO_1W(title, None, "RAW")  # RAW: the bytes reach the printer as they are
            job = self._dll.StartDocPrinterW(handle, 1, ctypes.byref(doc))
            if not job:
                raise self._fail()
            written = DWORD(0)
            ok = (self._dll.StartPagePrinter(handle)
                  and self._dll.WritePrinter(handle, data, len(data), ctypes.byref(written))
                  and written.value == len(data) and self._dll.EndPagePrinter(handle))
            if not ok:
                code = last_error()
                self._dll.AbortPrinter(handle)  # nothing half-written stays in the queue
                raise win_error(code) if code else OSError(f"the spooler took {written.value} of {len(data)} bytes")
            if not self._dll.EndDocPrinter(handle):
                raise self._fail()
            return int(job)
        finally:
            self._dll.ClosePrinter(handle)
