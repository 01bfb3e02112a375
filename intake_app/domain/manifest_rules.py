"""Rules for the customer's expected list (manifest): header names and row validation.

Customers export manifests from their own asset systems, usually through Excel, in Swedish or
English. Excel damages serial numbers in known ways (scientific notation, 15-digit precision,
dates, dropped leading zeros); every such damage is reported with what the customer can do.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, datetime

from .categories import category_key
from .codes import MAX_IDENTIFIER_LEN, match_key


class Field(enum.StrEnum):
    SERIAL = "serial"
    ASSET_TAG = "asset_tag"
    MANUFACTURER = "manufacturer"
    MODEL = "model"
    CATEGORY = "category"
    QUANTITY = "quantity"
    DESCRIPTION = "description"


# Header words per field, compared after squashing (case-folded, letters and digits only).
HEADER_SYNONYMS: dict[Field, tuple[str, ...]] = {
    Field.SERIAL: ("serienummer", "serienr", "serial", "serialnumber", "serialno", "serialnr", "sn",
                   "snr", "servicetag", "tillverkarensserienummer", "serie"),
    Field.ASSET_TAG: ("inventarienummer", "inventarienr", "invnr", "inventarie", "assettag", "asset",
                      "assetnumber", "assetno", "assetid", "tillgångsnummer", "tillgångsnr", "tillgång",
                      "stöldmärkning", "märkning", "tag", "anläggningsnummer", "etikett"),
    Field.MANUFACTURER: ("tillverkare", "fabrikat", "märke", "manufacturer", "make", "brand", "vendor",
                         "leverantör"),
    Field.MODEL: ("modell", "model", "modellnamn", "modelname", "produkt", "product", "produktnamn"),
    Field.CATEGORY: ("kategori", "typ", "category", "type", "enhetstyp", "produkttyp", "devicetype",
                     "utrustningstyp", "klass", "produktkategori"),
    Field.QUANTITY: ("antal", "quantity", "qty", "st", "styck", "count", "mängd", "antalst"),
    Field.DESCRIPTION: ("beskrivning", "benämning", "description", "kommentar", "comment", "notes",
                        "anteckning"),
}
# Used only when no column has a name of the first kind: a phone list may have only an IMEI.
FALLBACK_SYNONYMS: dict[Field, tuple[str, ...]] = {Field.SERIAL: ("imei", "imeinummer", "imei1")}
_HEADER_LOOKUP = {syn: f for f, syns in HEADER_SYNONYMS.items() for syn in syns}
_FALLBACK_LOOKUP = {syn: f for f, syns in FALLBACK_SYNONYMS.items() for syn in syns}
MAX_QUANTITY = 100_000
MAX_TEXT_LEN = 200


def squash_header(text: str) -> str:
    return re.sub(r"[^0-9a-zåäöéü]", "", text.casefold())


def field_for_header(header: str) -> Field | None:
    return _HEADER_LOOKUP.get(squash_header(header))


def fallback_field_for_header(header: str) -> Field | None:
    return _FALLBACK_LOOKUP.get(squash_header(header))


@dataclass(frozen=True)
class Problem:
    column: str  # the field name (or header) the problem is in
    reason: str


@dataclass(frozen=True)
class ExpectedLine:
    serial: str | None
    serial_key: str | None
    asset_tag: str | None
    asset_tag_key: str | None
    manufacturer: str | None
    model: str | None
    category: str | None
    category_key: str


@dataclass(frozen=True)
class CountLine:
    quantity: int
    manufacturer: str | None
    model: str | None
    category: str | None
    category_key: str
    description: str | None


Cell = str | int | float | datetime | date | None

_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]\d+$")  # Excel always writes the sign: 6.37702E+15
_FLOAT_TAIL = re.compile(r"^\d+[.,]0+$")
_DATE_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]00:00(?::00)?)?$")
_EXCEL_DIGITS = 15  # Excel stores numbers as doubles and shows 15 significant digits


def cell_text(value: Cell) -> str:
    """A cell as text, the way a person reads it (XLSX numbers without a trailing ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return str(value).strip()


def identifier_problem(value: Cell, what: str) -> str | None:
    """Why a serial or asset tag cell is unusable, in words a customer can act on."""
    if isinstance(value, datetime | date):
        return (f"Excel has turned this {what} into a date ({cell_text(value)}); format the column as "
                f"Text in Excel, type the {what} again and export again")
    if isinstance(value, float) and (not value.is_integer() or abs(value) >= 10**_EXCEL_DIGITS):
        return (f"Excel has stored this {what} as a number ({value!r}) and lost digits; format the column "
                f"as Text, type the {what} again and export again")
    text = cell_text(value)
    if _SCIENTIFIC.match(text):
        return (f"Excel has turned this {what} into scientific notation ({text}) and lost digits; format "
                f"the column as Text, type the {what} again and export again")
    if _FLOAT_TAIL.match(text):
        return f"this {what} ({text}) ends in a decimal part: it was exported as a number; export it as text"
    if _DATE_LIKE.match(text):
        return f"this {what} ({text}) looks like a date Excel made; check it against the device"
    if text.isdigit() and len(text) > _EXCEL_DIGITS and set(text[_EXCEL_DIGITS:]) == {"0"}:
        return (f"this {what} ({text}) ends in zeros after digit {_EXCEL_DIGITS}: Excel keeps only "
                f"{_EXCEL_DIGITS} digits of a number; format the column as Text and export again")
    if any(ord(ch) < 32 for ch in text):
        return f"this {what} contains control characters"
    key = match_key(text)
    if text and not key:
        return f"this {what} ({text}) has no letters or digits"
    if len(key) > MAX_IDENTIFIER_LEN:
        return f"this {what} is {len(key)} characters long; the longest accepted is {MAX_IDENTIFIER_LEN}"
    return None


def parse_quantity(value: Cell) -> tuple[int | None, str | None]:
    text = cell_text(value).replace(" ", "").replace("\u00a0", "")
    if not text:
        return None, None
    if isinstance(value, float) and not value.is_integer():
        return None, f"quantity {value!r} is not a whole number"
    text = re.sub(r"(st|pcs|stk)\.?$", "", text, flags=re.IGNORECASE)
    if not text.isdigit():
        return None, f"quantity {cell_text(value)!r} is not a whole number"
    qty = int(text)
    if qty < 1 or qty > MAX_QUANTITY:
        return None, f"quantity {qty} is outside 1..{MAX_QUANTITY}"
    return qty, None


def validate_row(cells: dict[Field, Cell]) -> tuple[ExpectedLine | CountLine | None, list[Problem]]:
    """Turn one manifest row into an expected unit or a count line, or say what is wrong."""
    problems: list[Problem] = []
    texts = {f: cell_text(v) for f, v in cells.items()}
    for f in (Field.SERIAL, Field.ASSET_TAG):
        if texts.get(f):
            why = identifier_problem(cells[f], "serial number" if f is Field.SERIAL else "asset tag")
            if why:
                problems.append(Problem(f.value, why))
    for f in (Field.MANUFACTURER, Field.MODEL, Field.CATEGORY, Field.DESCRIPTION):
        if len(texts.get(f, "")) > MAX_TEXT_LEN:
            problems.append(Problem(f.value, f"longer than {MAX_TEXT_LEN} characters"))
    qty, qty_problem = parse_quantity(cells.get(Field.QUANTITY))
    if qty_problem:
        problems.append(Problem(Field.QUANTITY.value, qty_problem))
    if problems:
        return None, problems
    serial, tag = texts.get(Field.SERIAL) or None, texts.get(Field.ASSET_TAG) or None
    category = texts.get(Field.CATEGORY) or None
    cat_key = category_key(category or texts.get(Field.DESCRIPTION) or texts.get(Field.MODEL))
    if serial or tag:
        if qty is not None and qty != 1:
            return None, [Problem(Field.QUANTITY.value,
                                  f"a row with a serial number or asset tag is one unit, not {qty}")]
        return ExpectedLine(serial.upper() if serial else None, match_key(serial) if serial else None,
                            tag.upper() if tag else None, match_key(tag) if tag else None,
                            texts.get(Field.MANUFACTURER) or None, texts.get(Field.MODEL) or None,
                            category, cat_key), []
    if qty is not None:
        return CountLine(qty, texts.get(Field.MANUFACTURER) or None, texts.get(Field.MODEL) or None,
                         category, cat_key, texts.get(Field.DESCRIPTION) or None), []
    if not any(texts.values()):
        return None, []  # an empty row: skipped silently
    return None, [Problem(Field.SERIAL.value, "no serial number, asset tag or quantity on this row")]
