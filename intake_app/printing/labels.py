"""From label content to a layout: the field values and barcodes each label kind offers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .barcodes import Code128Symbol, code128, gs1_128_sscc
from .content import LabelSize, PalletLabel, UnitLabel
from .layout import Layout, Template, lay_out

UNIT_FIELDS = frozenset({"internal_id", "internal_id_human", "serial", "manufacturer", "model", "category",
                         "order_number", "customer", "date", "pallet"})
PALLET_FIELDS = frozenset({"code", "code_human", "customer", "parent", "order_number", "customer_ref", "index",
                           "count", "units", "weight", "date", "status"})
TEST_FIELDS = frozenset({"code", "printer", "date"})
FIELDS = {"unit": UNIT_FIELDS, "pallet": PALLET_FIELDS, "test": TEST_FIELDS}

_WORDS = {
    "sv": {"closed": "Stängd", "open": "Öppen", "via": "via", "unknown_model": "modell okänd"},
    "en": {"closed": "Closed", "open": "Open", "via": "via", "unknown_model": "model unknown"},
}


@dataclass(frozen=True)
class PrinterTestLabel:
    """What ``intake printers test`` prints."""

    printer: str
    printed_on: date
    code: str = "TEST0123456789"


def unit_layout(label: UnitLabel, template: Template, size: LabelSize, lang: str) -> Layout:
    words = _WORDS[lang]
    model = " ".join(p for p in (label.manufacturer, label.model) if p) or words["unknown_model"]
    values = {
        "internal_id": label.internal_id, "internal_id_human": label.internal_id_human, "serial": label.serial,
        "manufacturer": label.manufacturer if label.model else model, "model": label.model,
        "category": label.category, "order_number": label.order_number, "customer": label.customer,
        "date": label.received_on.isoformat(), "pallet": label.pallet,
    }
    return lay_out(template, values, {"internal_id": code128(label.internal_id)}, size, lang)


def pallet_layout(label: PalletLabel, template: Template, size: LabelSize, lang: str) -> Layout:
    words = _WORDS[lang]
    values = {
        "code": label.code, "code_human": label.code_human, "customer": label.customer,
        "parent": f"{words['via']} {label.parent}" if label.parent else "",
        "order_number": label.order_number, "customer_ref": label.customer_ref or "-",
        "index": str(label.index), "count": str(label.count), "units": str(label.units),
        "weight": format_kg(label.weight_kg, lang), "date": label.printed_on.isoformat(),
        "status": words["closed"] if label.closed else words["open"],
    }
    return lay_out(template, values, {"code": pallet_symbol(label)}, size, lang)


def pallet_symbol(label: PalletLabel) -> Code128Symbol:
    """GS1-128 when the pallet carries an SSCC, else Code 128 of our pallet id."""
    return gs1_128_sscc(label.code) if label.is_sscc else code128(label.code)


def printer_test_layout(label: PrinterTestLabel, template: Template, size: LabelSize, lang: str) -> Layout:
    values: Mapping[str, str] = {"code": label.code, "printer": label.printer,
                                 "date": label.printed_on.isoformat()}
    return lay_out(template, values, {"code": code128(label.code)}, size, lang)


def format_kg(kg: float | None, lang: str) -> str:
    if kg is None:
        return "- kg"
    text = f"{kg:.0f}" if float(kg).is_integer() else f"{kg:.1f}"
    return (text.replace(".", ",") if lang == "sv" else text) + " kg"
