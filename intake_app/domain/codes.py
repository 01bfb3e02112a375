"""Classification and normalisation of everything a scanner can deliver.

One place decides what a read *is*: an SSCC (pallet), one of our own labels, a product code
(GTIN/EAN/UPC) or part number that must not be taken for a unit, or a candidate unit
identifier (serial number or asset tag). GS1 element strings are interpreted by ``biip``.

The result carries the identifier as people see it (trimmed, upper case) and one or more
*match keys* (only letters and digits): a scanner set to the wrong keyboard layout turns
``-`` into ``+`` or ``/``, and a customer's manifest may write ``5CG-123 4`` for ``5CG1234``.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass, field

import biip
from biip.gs1_messages import GS1Message

from .checkdigits import gs1_valid
from .ids import parse_own_id

GS = "\x1d"  # ASCII group separator: FNC1 inside GS1 element strings
RS = "\x1e"
EOT = "\x04"
MAX_RAW_LEN = 512  # longer than any label we know: a stuck key or a pasted document
MAX_IDENTIFIER_LEN = 40  # the longest serials seen are 14-20 characters; asset tags shorter
MIN_IDENTIFIER_LEN = 4  # shorter reads are fragments (a partial scan, a key pressed by mistake)
ESC = "\x1b"  # scanners never send it; keyboards do (arrow keys, F-keys): never part of a code


class CodeKind(enum.StrEnum):
    SERIAL = "serial"  # serial number or asset tag: a candidate unit identifier
    SSCC = "sscc"
    PALLET_ID = "pallet_id"
    INTERNAL_ID = "internal_id"
    GTIN = "gtin"
    PART_NUMBER = "part_number"
    INVALID = "invalid"


class RejectReason(enum.StrEnum):
    EMPTY = "empty"
    GARBAGE = "garbage"
    TOO_LONG = "too_long"
    TOO_SHORT = "too_short"
    PRODUCT_CODE = "product_code"
    PART_NUMBER = "part_number"
    UNKNOWN_LABEL = "unknown_label"
    PALLET_OF_OTHER_ORDER = "pallet_of_other_order"
    GS1_WITHOUT_SERIAL = "gs1_without_serial"


@dataclass(frozen=True)
class ClassifiedCode:
    """What a raw read is. ``keys`` are the match keys to look up, best first."""

    raw: str
    kind: CodeKind
    identifier: str
    keys: tuple[str, ...] = ()
    symbology: str | None = None
    reason: RejectReason | None = None
    detail: dict[str, str] = field(default_factory=dict)

    @property
    def is_unit_candidate(self) -> bool:
        """Whether a manifest or a unit could carry this code (looked up before rejection)."""
        return bool(self.keys)


_AIM_PREFIX = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_LABEL_PREFIX = re.compile(
    r"^(?:S/N|S\.N\.|SN|SER(?:IAL)?(?:\s*(?:NO|NR|NUMBER)\.?)?|SERIENUMMER|SERIENR\.?|"
    r"INV(?:ENTARIENUMMER|ENTARIENR)?\.?|ASSET(?:\s*TAG)?)\s*[:#=]\s*|^S/N\s+|^SN\s+",
    re.IGNORECASE,
)
_PART_NUMBER = re.compile(
    r"^(?:P/N|PN|PART(?:\s*(?:NO|NR|NUMBER))?|ART(?:IKEL)?(?:NR|NUMMER)?|PROD(?:UCT)?\s*(?:NO|NR|NUMBER))"
    r"\s*[:#=]?\s+|^(?:P/N|PN)\s*[:#=]\s*",
    re.IGNORECASE,
)
# HP product numbers carry a localisation option after '#', e.g. 5FP36UT#ABA or 6QN85EA#AK8.
_HP_PRODUCT = re.compile(r"^[0-9A-Z]{5,10}#[0-9A-Z]{3}$")
_ISO15434 = "[)>" + RS
_GS1_CONFIG = biip.ParseConfig(separator_chars=(GS,))
_LENOVO_1S = re.compile(r"^1S([0-9A-Z]{16,20})$")


def match_key(text: str) -> str:
    """The comparison key of an identifier: upper case, letters and digits only."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def clean(raw: str) -> tuple[str, str | None]:
    """Trim a raw read and strip what scanners add around the data.

    Returns the cleaned text (GS kept, other control characters dropped) and the AIM
    symbology identifier if the scanner sent one.
    """
    text = unicodedata.normalize("NFC", raw)
    symbology = None
    m = _AIM_PREFIX.match(text.lstrip())
    if m:
        symbology = m.group(0)
        text = text.lstrip()[3:]
    text = "".join(ch for ch in text if ch in (GS, RS, EOT) or unicodedata.category(ch)[0] != "C")
    text = text.strip(" \t" + EOT)
    if len(text) > 2 and text[0] == "*" and text[-1] == "*":  # Code 39 start/stop guards
        text = text[1:-1].strip()
    return text, symbology


def classify(raw: str) -> ClassifiedCode:
    """Decide what ``raw`` is. Pure: the caller looks the keys up in the database."""
    if len(raw) > MAX_RAW_LEN:
        return _invalid(raw[:MAX_RAW_LEN], RejectReason.TOO_LONG)
    if ESC in raw:
        return _invalid(raw, RejectReason.GARBAGE)
    text, symbology = clean(raw)
    if not text.strip(GS + RS):
        return _invalid(raw, RejectReason.EMPTY if not raw.strip() else RejectReason.GARBAGE)
    if text.startswith(_ISO15434):
        return _classify_iso15434(raw, text, symbology)
    gs1 = _classify_gs1(raw, text, symbology)
    if gs1 is not None:
        return gs1
    text = text.replace(GS, "").replace(RS, "")
    if _PART_NUMBER.match(text):
        body = _PART_NUMBER.sub("", text, count=1).strip().upper()
        return ClassifiedCode(raw, CodeKind.PART_NUMBER, body, (), symbology, RejectReason.PART_NUMBER)
    labelled = _LABEL_PREFIX.sub("", text, count=1).strip()
    return _classify_plain(raw, labelled.upper(), symbology, labelled != text)


def _invalid(raw: str, reason: RejectReason) -> ClassifiedCode:
    return ClassifiedCode(raw, CodeKind.INVALID, "", (), None, reason)


def _classify_plain(raw: str, text: str, symbology: str | None, had_label: bool) -> ClassifiedCode:
    key = match_key(text)
    if not key or sum(ch.isalnum() for ch in text) * 2 < len(text):
        # mostly punctuation or symbols: a misread, a wrong keyboard layout, a smudge
        return ClassifiedCode(raw, CodeKind.INVALID, text, (), symbology, RejectReason.GARBAGE)
    if "\ufffd" in text:
        return ClassifiedCode(raw, CodeKind.INVALID, text, (), symbology, RejectReason.GARBAGE)
    if len(key) > MAX_IDENTIFIER_LEN:
        return ClassifiedCode(raw, CodeKind.INVALID, text, (), symbology, RejectReason.TOO_LONG)
    if len(key) < MIN_IDENTIFIER_LEN:
        return ClassifiedCode(raw, CodeKind.INVALID, text, (), symbology, RejectReason.TOO_SHORT)
    own = parse_own_id(key)
    if own is not None:
        kind = CodeKind.INTERNAL_ID if own.kind == "unit" else CodeKind.PALLET_ID
        return ClassifiedCode(raw, kind, key, (key,), symbology, None, {"station_code": own.station_code})
    if key.isdigit() and not had_label:
        sscc = _bare_sscc(key)
        if sscc:
            return ClassifiedCode(raw, CodeKind.SSCC, sscc, (key,), symbology)
        if len(key) in (8, 12, 13, 14) and gs1_valid(key):
            # Looks like a product code; still looked up first, since some serials are numeric.
            return ClassifiedCode(raw, CodeKind.GTIN, key, (key,), symbology, RejectReason.PRODUCT_CODE)
    if _HP_PRODUCT.match(text):
        return ClassifiedCode(raw, CodeKind.PART_NUMBER, text, (key,), symbology, RejectReason.PART_NUMBER)
    keys = [key]
    m = _LENOVO_1S.match(key)
    if m:
        # Lenovo "1S" + machine type/model + serial: the serial is the tail after a 10- or 7-char MTM
        rest = m.group(1)
        keys += [rest[10:], rest[7:]] if len(rest) >= 17 else [rest[7:]]
    return ClassifiedCode(raw, CodeKind.SERIAL, text, tuple(k for k in keys if k), symbology)


def _bare_sscc(digits: str) -> str | None:
    """An SSCC scanned without symbology identifier: ``00`` + 18 digits, or 18 digits alone."""
    if len(digits) == 20 and digits.startswith("00") and gs1_valid(digits[2:]):
        return digits[2:]
    if len(digits) == 18 and gs1_valid(digits):
        return digits
    return None


def _looks_gs1(text: str, symbology: str | None) -> bool:
    if symbology in ("]C1", "]d2", "]Q3", "]e0", "]J1"):
        return True
    return GS in text or text.startswith("(")


def _classify_gs1(raw: str, text: str, symbology: str | None) -> ClassifiedCode | None:
    if not _looks_gs1(text, symbology):
        return None
    payload = text.lstrip(GS)
    try:
        if payload.startswith("("):
            message = GS1Message.parse_hri(payload, config=_GS1_CONFIG)
        else:
            message = GS1Message.parse(payload, config=_GS1_CONFIG)
    except biip.ParseError:
        if symbology in ("]C1", "]d2", "]Q3", "]e0", "]J1"):
            return ClassifiedCode(raw, CodeKind.INVALID, payload, (), symbology, RejectReason.GARBAGE)
        return None  # e.g. a serial in parentheses: not GS1 after all
    values = {es.ai.ai: es.value for es in message.element_strings}
    if "00" in values:  # an explicit AI (00) is never a unit
        return ClassifiedCode(raw, CodeKind.SSCC, values["00"], (), symbology)
    if "21" in values:  # serialised GTIN: the serial identifies the unit
        serial = values["21"].upper()
        detail = {"gtin": values.get("01", "")}
        return ClassifiedCode(raw, CodeKind.SERIAL, serial, (match_key(serial),), symbology, None, detail)
    if "01" in values or "02" in values:
        gtin = values.get("01") or values["02"]
        return ClassifiedCode(raw, CodeKind.GTIN, gtin, (), symbology, RejectReason.PRODUCT_CODE)
    return ClassifiedCode(raw, CodeKind.INVALID, payload, (), symbology, RejectReason.GS1_WITHOUT_SERIAL)


def _classify_iso15434(raw: str, text: str, symbology: str | None) -> ClassifiedCode:
    """ISO/IEC 15434 format 06 (ANSI MH10.8.2 data identifiers), as on some 2-D device labels."""
    fields = [f for f in re.split(f"[{GS}{RS}{EOT}]", text[len(_ISO15434):]) if f and f != "06"]
    for f in fields:
        if f.startswith("S") and not f.startswith("SN") and len(f) > 1:
            serial = f[1:].upper()
            return ClassifiedCode(raw, CodeKind.SERIAL, serial, (match_key(serial),), symbology)
    for f in fields:
        if f.startswith(("1P", "P")):
            return ClassifiedCode(raw, CodeKind.PART_NUMBER, f.split("P", 1)[1], (), symbology,
                                  RejectReason.PART_NUMBER)
    return ClassifiedCode(raw, CodeKind.INVALID, text, (), symbology, RejectReason.GARBAGE)
