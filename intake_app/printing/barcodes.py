"""Code 128 and GS1-128, encoded once and drawn twice.

python-barcode chooses the code sets (B for letters, C for digit pairs, FNC1 for GS1) and gives
the symbol values; from them we derive both the module pattern the PDF renderer draws as vector
bars and the ZPL ``^BC`` data with explicit subset invocations, so a Zebra prints exactly the
same symbol as the PDF. Knowing the symbol count also tells the layout how wide the code is
before anything is drawn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from barcode.charsets import code128 as charset
from barcode.codex import Code128, Gs1_128

QUIET_MODULES = 10  # quiet zone each side, in modules (ISO/IEC 15417 asks for 10X)

_START = {103: "A", 104: "B", 105: "C"}
_ZPL_START = {"A": ">9", "B": ">:", "C": ">;"}
# switch symbols per current set: value -> (new set, ZPL invocation)
_SWITCH = {
    "A": {99: ("C", ">5"), 100: ("B", ">6")},
    "B": {99: ("C", ">5"), 101: ("A", ">7")},
    "C": {100: ("B", ">6"), 101: ("A", ">7")},
}
FNC1 = 102
_SAFE_DATA = re.compile(r"^[0-9A-Z]{1,48}$")


class BarcodeDataError(ValueError):
    """The data cannot be printed as the requested barcode (a programming or data error)."""


@dataclass(frozen=True)
class Code128Symbol:
    """One encoded Code 128 / GS1-128 symbol."""

    data: str  # what a scanner reads (for GS1: the element string without FNC1, e.g. "00...")
    gs1: bool
    symbols: tuple[int, ...]  # start, data and switch symbols; no check symbol, no stop

    @property
    def check(self) -> int:
        total = self.symbols[0] + sum(i * v for i, v in enumerate(self.symbols[1:], start=1))
        return total % 103

    @property
    def modules(self) -> str:
        """The bar/space pattern, ``1`` = bar, from start to the final termination bar."""
        codes = [charset.CODES[v] for v in (*self.symbols, self.check)]
        return "".join(codes) + charset.STOP + "11"

    @property
    def width_modules(self) -> int:
        """Width in modules without quiet zones (11 per symbol incl. check, 13 for the stop)."""
        return 11 * (len(self.symbols) + 1) + 13

    def zpl_data(self) -> str:
        """``^FD`` content for ``^BC`` in mode N with explicit start, switches and FNC1."""
        current = _START[self.symbols[0]]
        out = [_ZPL_START[current]]
        for v in self.symbols[1:]:
            if v == FNC1:
                out.append(">8")
            elif v in _SWITCH[current]:
                current, code = _SWITCH[current][v]
                out.append(code)
            elif current == "C":
                out.append(f"{v:02d}")
            elif current == "B":
                out.append(chr(v + 32))
            else:  # set A is never chosen for the upper-case letters and digits we allow
                raise BarcodeDataError("code set A is not used for our data")
        return "".join(out)


def code128(data: str) -> Code128Symbol:
    """Code 128 of one of our ids: upper-case letters and digits only (no ZPL-special ``>``)."""
    if not _SAFE_DATA.match(data):
        raise BarcodeDataError(f"not printable as our Code 128: {data!r}")
    return Code128Symbol(data, False, tuple(Code128(data).encoded))


def gs1_128_sscc(sscc: str) -> Code128Symbol:
    """GS1-128 of an SSCC: FNC1, application identifier (00) and the 18 digits."""
    if not (len(sscc) == 18 and sscc.isdigit()):
        raise BarcodeDataError(f"an SSCC has 18 digits: {sscc!r}")
    return Code128Symbol("00" + sscc, True, tuple(Gs1_128("00" + sscc).encoded))


def human_sscc(sscc: str) -> str:
    """``(00) 3 7350012 345678901 2``-style grouping: extension, company prefix area, reference, check."""
    return f"(00) {sscc[0]} {sscc[1:8]} {sscc[8:17]} {sscc[17]}"
