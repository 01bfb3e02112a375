"""The scanner check: scan a printed test sheet and learn whether the scanner is set up right.

The classic dock failure is a keyboard-wedge scanner whose keyboard country does not match
the PC's layout: the scanner sends the *key* where ``-`` sits on a US keyboard, and a Swedish
Windows types ``+``; ``/`` becomes ``-``. Letters and digits survive, so it goes unnoticed
until a serial with a dash fails to match. Other set-up faults: no Enter suffix (every code
runs into the next field), Caps Lock on the PC (the case of every letter flips), symbologies
switched off (a Dell DataMatrix label cannot be read), a scanner that drops the GS separator
inside GS1 codes, a prefix/suffix the station does not know about.

:data:`SHEET` is the test sheet's content (``test_sheet.py`` draws it); :func:`check_scanner`
compares what arrived with it. Pure: reads in, findings out (codes and parameters; the GUI
words them).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .wedge import strip_affixes

FNC1 = "\xf1"  # how reportlab's Code 128 spells FNC1
GS = "\x1d"


class Symbology(enum.StrEnum):
    CODE128 = "code128"
    GS1_128 = "gs1_128"
    CODE39 = "code39"
    EAN13 = "ean13"
    ITF = "itf"
    QR = "qr"
    DATAMATRIX = "datamatrix"


class Need(enum.StrEnum):
    REQUIRED = "required"  # serial labels use it: must be on
    OPTIONAL = "optional"  # product codes on boxes: we reject them either way
    DISCOURAGED = "discouraged"  # Interleaved 2 of 5: partial reads look like valid short codes


@dataclass(frozen=True)
class SheetCode:
    key: str
    symbology: Symbology
    value: str  # what is encoded (FNC1 as \xf1)
    expected: str  # what a correctly set-up scanner types (an inner FNC1 as GS)
    need: Need


LAYOUT_PROBE = "SCK1-2/3_4.ZYab"
GS1_PROBE = FNC1 + "21SCK8" + FNC1 + "0107350012345679"  # serial (variable length), then a GTIN

SHEET: tuple[SheetCode, ...] = (
    SheetCode("layout", Symbology.CODE128, LAYOUT_PROBE, LAYOUT_PROBE, Need.REQUIRED),
    SheetCode("code39", Symbology.CODE39, "SCK3C39", "SCK3C39", Need.REQUIRED),
    SheetCode("datamatrix", Symbology.DATAMATRIX, "SCK6-DM", "SCK6-DM", Need.REQUIRED),
    SheetCode("qr", Symbology.QR, "SCK5-QR", "SCK5-QR", Need.REQUIRED),
    SheetCode("gs1", Symbology.GS1_128, GS1_PROBE, "21SCK8" + GS + "0107350012345679", Need.REQUIRED),
    SheetCode("ean13", Symbology.EAN13, "201234567890", "2012345678903", Need.OPTIONAL),
    SheetCode("itf", Symbology.ITF, "12345670", "12345670", Need.DISCOURAGED),
)
_BY_KEY = {c.key: c for c in SHEET}

# What a key typed by a scanner set to one country becomes on a PC set to another, for the
# characters the probe carries (and their neighbours). Letters and digits not listed stay.
_US_TO_NORDIC = {"-": "+", "/": "-", "_": "?", "?": "_", "=": "", "+": "", ";": "ö", ":": "Ö", "'": "ä",
                 '"': "Ä", "[": "å", "{": "Å", "&": "/", "*": "(", "(": ")", ")": "=", "<": ";", ">": ":",
                 "@": '"', "^": "&", "\\": "'", "|": "*"}
_NORDIC_TO_US = {"-": "/", "/": "&", "_": "?", "+": "-", "?": "_", ":": ">", ";": "<", "(": "*", ")": "(",
                 "=": ")", '"': "@", "&": "^", "'": "\\", "*": "|", "ö": ";", "Ö": ":", "ä": "'", "Ä": '"',
                 "å": "[", "Å": "{"}
_US_TO_DE = {**_US_TO_NORDIC, "-": "ß", "Z": "Y", "Y": "Z", "z": "y", "y": "z"}
_DE_TO_US = {**_NORDIC_TO_US, "Z": "Y", "Y": "Z", "z": "y", "y": "z"}
LAYOUT_TABLES: dict[tuple[str, str], dict[str, str]] = {
    # (scanner's keyboard country, the PC's keyboard layout)
    ("us", "nordic"): _US_TO_NORDIC,
    ("nordic", "us"): _NORDIC_TO_US,
    ("us", "de"): _US_TO_DE,
    ("de", "us"): _DE_TO_US,
}
_AIM = re.compile(r"^\][A-Za-z][0-9A-Za-z]")


class Terminator(enum.StrEnum):
    ENTER = "enter"
    TAB = "tab"
    SUFFIX = "suffix"  # the configured suffix ended it
    NONE = "none"  # a burst that never ended: no suffix programmed
    LINE = "line"  # a serial-port read (CR/LF)


@dataclass(frozen=True)
class ScannerRead:
    raw: str  # as typed, prefix and suffix included, terminator excluded
    terminator: Terminator


class Finding(enum.StrEnum):
    LAYOUT_OK = "layout_ok"
    LAYOUT_MISMATCH = "layout_mismatch"  # params: scanner, host, caps
    CAPS_LOCK = "caps_lock"
    LAYOUT_UNKNOWN = "layout_unknown"  # params: expected, got
    SUFFIX_ENTER = "suffix_enter"
    SUFFIX_TAB = "suffix_tab"
    SUFFIX_MISSING = "suffix_missing"
    SUFFIX_MIXED = "suffix_mixed"
    PREFIX_NOT_SENT = "prefix_not_sent"  # params: prefix (configured, but the scanner does not send it)
    SUFFIX_NOT_SENT = "suffix_not_sent"  # params: suffix
    UNKNOWN_PREFIX = "unknown_prefix"  # params: prefix (the scanner sends it, the station does not know)
    UNKNOWN_SUFFIX = "unknown_suffix"  # params: suffix
    AIM_IDENTIFIERS = "aim_identifiers"
    SYMBOLOGY_READ = "symbology_read"  # params: symbology
    SYMBOLOGY_NOT_READ = "symbology_not_read"  # params: symbology
    SYMBOLOGY_PENDING = "symbology_pending"  # params: symbology (not scanned yet)
    SYMBOLOGY_DISCOURAGED = "symbology_discouraged"  # params: symbology (on; better off)
    GS_OK = "gs_ok"
    GS_DROPPED = "gs_dropped"
    FOREIGN_READ = "foreign_read"  # params: got


@dataclass(frozen=True)
class Check:
    finding: Finding
    ok: bool | None  # True: right; False: a problem to fix; None: for information
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CodeStatus:
    code: SheetCode
    read: bool
    got: str | None = None  # the payload as it arrived (AIM id, prefix and suffix removed)


@dataclass(frozen=True)
class CheckReport:
    checks: tuple[Check, ...]
    codes: tuple[CodeStatus, ...]

    @property
    def ok(self) -> bool:
        """No problem found (pending symbologies are not problems yet)."""
        return all(c.ok is not False for c in self.checks)

    @property
    def problems(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.ok is False)


# -- layout --------------------------------------------------------------------------------------


def transform(text: str, table: dict[str, str], caps: bool = False) -> str:
    out = "".join(table.get(ch, ch) for ch in text)
    return out.swapcase() if caps else out


def diagnose_layout(expected: str, got: str) -> Check:
    """Compare the layout probe as printed with what the scanner typed."""
    if got == expected:
        return Check(Finding.LAYOUT_OK, True)
    if got == expected.swapcase():
        return Check(Finding.CAPS_LOCK, False)
    for (scanner, host), table in LAYOUT_TABLES.items():
        for caps in (False, True):
            if transform(expected, table, caps) == got:
                return Check(Finding.LAYOUT_MISMATCH, False,
                             {"scanner": scanner, "host": host, "caps": "yes" if caps else "no"})
    return Check(Finding.LAYOUT_UNKNOWN, False, {"expected": expected, "got": got})


# -- reads -------------------------------------------------------------------------------------------


@dataclass
class _Identified:
    code: SheetCode
    payload: str
    read: ScannerRead
    aim: bool


def _payload(read: ScannerRead, prefix: str, suffix: str) -> tuple[str, bool]:
    text = strip_affixes(read.raw, prefix, suffix)
    m = _AIM.match(text)
    return (text[3:], True) if m else (text, False)


def identify(payload: str) -> SheetCode | None:
    """Which sheet code a payload came from, whatever the layout did to its punctuation and case."""
    folded = payload.casefold()
    for marker, key in (("sck1", "layout"), ("sck3", "code39"), ("sck6", "datamatrix"), ("sck5", "qr"),
                        ("sck8", "gs1")):
        if marker in folded:
            return _BY_KEY[key]
    digits = "".join(ch for ch in payload if ch.isdigit())
    for key in ("ean13", "itf"):
        if digits == _BY_KEY[key].expected:
            return _BY_KEY[key]
    return None


def check_scanner(reads: Sequence[ScannerRead], *, prefix: str = "", suffix: str = "",
                  finished: bool = False) -> CheckReport:
    """What ``reads`` (scans of the test sheet, in order) say about the scanner's set-up.

    ``prefix``/``suffix`` are what the station is configured to expect. With ``finished``
    false, symbologies not read yet are pending, not problems.
    """
    identified: dict[str, _Identified] = {}
    checks: list[Check] = []
    for read in reads:
        payload, aim = _payload(read, prefix, suffix)
        code = identify(payload)
        if code is None:
            checks.append(Check(Finding.FOREIGN_READ, None, {"got": payload}))
            continue
        identified[code.key] = _Identified(code, payload, read, aim)
    known = list(identified.values())
    checks += _layout_checks(identified)
    checks += _terminator_checks([i.read for i in known])
    checks += _affix_checks(known, prefix, suffix)
    checks += _symbology_checks(identified, finished)
    if any(i.aim for i in known):
        checks.append(Check(Finding.AIM_IDENTIFIERS, None))
    codes = tuple(CodeStatus(c, c.key in identified, identified[c.key].payload if c.key in identified else None)
                  for c in SHEET)
    return CheckReport(tuple(checks), codes)


def _layout_checks(identified: dict[str, _Identified]) -> list[Check]:
    out = []
    if "layout" in identified:
        out.append(diagnose_layout(LAYOUT_PROBE, _core(identified["layout"].payload, "sck1")))
    gs1 = identified.get("gs1")
    if gs1 is not None:
        expected = _BY_KEY["gs1"].expected
        dropped = expected.replace(GS, "")
        if gs1.payload == expected:
            out.append(Check(Finding.GS_OK, True))
        elif gs1.payload == dropped:
            out.append(Check(Finding.GS_DROPPED, False))
    return out


def _core(payload: str, marker: str) -> str:
    """The probe inside a payload that may carry an unknown prefix/suffix around it."""
    start = payload.casefold().find(marker)
    return payload[start:start + len(LAYOUT_PROBE)] if start >= 0 else payload


def _terminator_checks(reads: list[ScannerRead]) -> list[Check]:
    wedge = {r.terminator for r in reads if r.terminator is not Terminator.LINE}
    if not wedge:
        return []
    if len(wedge) > 1:
        return [Check(Finding.SUFFIX_MIXED, False)]
    only = wedge.pop()
    if only is Terminator.NONE:
        return [Check(Finding.SUFFIX_MISSING, False)]
    if only is Terminator.TAB:
        return [Check(Finding.SUFFIX_TAB, None)]
    return [Check(Finding.SUFFIX_ENTER, True)]


def _affix_checks(known: list[_Identified], prefix: str, suffix: str) -> list[Check]:
    if not known:
        return []
    out: list[Check] = []
    raws = [i.read.raw for i in known]
    if prefix and not all(r.startswith(prefix) for r in raws):
        out.append(Check(Finding.PREFIX_NOT_SENT, False, {"prefix": prefix}))
    if suffix and not all(r.endswith(suffix) for r in raws):
        out.append(Check(Finding.SUFFIX_NOT_SENT, False, {"suffix": suffix}))
    extra_before, extra_after = _common_extras(known)
    if extra_before:
        out.append(Check(Finding.UNKNOWN_PREFIX, False, {"prefix": extra_before}))
    if extra_after:
        out.append(Check(Finding.UNKNOWN_SUFFIX, False, {"suffix": extra_after}))
    return out


def _common_extras(known: list[_Identified]) -> tuple[str, str]:
    """Characters every locatable read carries around its code that the station was not told about."""
    befores, afters = set(), set()
    for i in known:
        core = LAYOUT_PROBE if i.code.key == "layout" else i.code.expected
        idx = i.payload.casefold().find("sck1" if i.code.key == "layout" else core.casefold())
        if idx < 0:
            continue  # garbled beyond recognition of its edges (a layout problem, reported already)
        befores.add(i.payload[:idx])
        afters.add(i.payload[idx + len(core):])
    before = befores.pop() if len(befores) == 1 else ""
    after = afters.pop() if len(afters) == 1 else ""
    return before, after


def _symbology_checks(identified: dict[str, _Identified], finished: bool) -> list[Check]:
    out = []
    for code in SHEET:
        sym = {"symbology": code.symbology.value}
        read = code.key in identified
        if code.need is Need.DISCOURAGED:
            if read:
                out.append(Check(Finding.SYMBOLOGY_DISCOURAGED, None, sym))
            continue
        if read:
            out.append(Check(Finding.SYMBOLOGY_READ, True, sym))
        elif code.need is Need.REQUIRED:
            out.append(Check(Finding.SYMBOLOGY_NOT_READ if finished else Finding.SYMBOLOGY_PENDING,
                             False if finished else None, sym))
    return out
