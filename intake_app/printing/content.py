"""What a label or a receipt says: plain frozen data, built by the services from the database.

Renderers take these and return bytes; they never query anything. Text is kept as the people
who typed it wrote it; the renderers clean and escape it for their output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ..domain.co2e import Co2eEstimate
from ..errors import InputError

# The range a thermal label can sensibly have: the narrowest asset labels are about 25 x 12 mm,
# the widest desktop printers take 4.65 in (118 mm) media; 6 in (152 mm) is the pallet label.
MIN_MM, MAX_WIDTH_MM, MAX_HEIGHT_MM = 12.0, 118.0, 300.0
_SIZE = re.compile(r"^\s*(\d{1,3}(?:[.,]\d+)?)\s*[x×*]\s*(\d{1,3}(?:[.,]\d+)?)\s*(mm)?\s*$", re.I)


@dataclass(frozen=True)
class LabelSize:
    width_mm: float
    height_mm: float

    @classmethod
    def parse(cls, text: str) -> LabelSize:
        """``"57x32"`` (millimetres, width x height) -> a size; :class:`InputError` when unusable."""
        m = _SIZE.match(str(text))
        if not m:
            raise InputError(f"label size {text!r}: write width x height in millimetres, e.g. 57x32")
        w, h = (float(g.replace(",", ".")) for g in m.group(1, 2))
        if not (MIN_MM <= w <= MAX_WIDTH_MM and MIN_MM <= h <= MAX_HEIGHT_MM):
            raise InputError(f"label size {text!r}: width {MIN_MM:g}-{MAX_WIDTH_MM:g} mm and height "
                             f"{MIN_MM:g}-{MAX_HEIGHT_MM:g} mm")
        return cls(w, h)

    def __str__(self) -> str:
        return f"{self.width_mm:g}x{self.height_mm:g}"


UNIT_LABEL_SIZE = LabelSize(57, 32)
PALLET_LABEL_SIZE = LabelSize(101.6, 152.4)  # 4 x 6 in


@dataclass(frozen=True)
class UnitLabel:
    """Our asset label for one received unit."""

    internal_id: str  # barcode content: letters and digits only
    internal_id_human: str  # the same, grouped for people
    serial: str
    manufacturer: str
    model: str
    category: str  # already in the label's language
    order_number: str
    customer: str  # short name
    received_on: date
    pallet: str = ""


@dataclass(frozen=True)
class PalletLabel:
    """The label of one pallet (cage, box) of an order."""

    code: str  # the SSCC (18 digits) or our pallet id
    is_sscc: bool
    code_human: str
    customer: str
    parent: str  # e.g. IT-centrum, or ""
    order_number: str
    customer_ref: str
    index: int  # this pallet's number within the order, from 1
    count: int  # pallets on the order
    units: int
    weight_kg: float | None
    printed_on: date
    closed: bool


@dataclass(frozen=True)
class ReceiptParty:
    name: str
    org_number: str
    parent: str


@dataclass(frozen=True)
class ReceiptPallet:
    code: str
    units: int
    weight_kg: float | None
    closed: bool


@dataclass(frozen=True)
class CategoryCount:
    category: str  # canonical key; the renderer names it in the receipt's language
    expected: int
    received: int
    missing: int
    extras: int


@dataclass(frozen=True)
class CountLineCount:
    category: str
    description: str
    expected: int
    received: int


@dataclass(frozen=True)
class ReceiptUnit:
    """One line of the unit list (received, missing or extra)."""

    internal_id: str
    serial: str
    asset_tag: str
    manufacturer: str
    model: str
    category: str  # canonical key
    pallet: str
    note: str = ""  # "extra" | "duplicate" | ""


@dataclass(frozen=True)
class Receipt:
    """A take-back receipt (mottagningskvitto): everything it states, in display order."""

    number: str
    final: bool
    order_number: str
    customer_ref: str
    customer: ReceiptParty
    order_created: datetime
    first_received: datetime | None
    last_received: datetime | None
    issued_at: datetime  # sign-off time for a final receipt, print time for a provisional one
    stations: tuple[str, ...]
    operators: tuple[str, ...]
    signed_off_by: str
    sign_off_reason: str
    pallets: tuple[ReceiptPallet, ...]
    categories: tuple[CategoryCount, ...]
    count_lines: tuple[CountLineCount, ...]
    units: tuple[ReceiptUnit, ...]
    missing: tuple[ReceiptUnit, ...]
    extras: tuple[ReceiptUnit, ...]
    co2e: Co2eEstimate
    content_sha256: str
    totals: dict[str, int] = field(default_factory=dict)
    receiver: str = ""  # the refurbisher's name on the "received by" block

    @property
    def qr_text(self) -> str:
        """What the QR code carries: enough to look the receipt up and check it against the database."""
        return f"INTAKE-RECEIPT|{self.number}|{'final' if self.final else 'provisional'}|sha256:{self.content_sha256}"
