"""The receipt's words in Swedish and English, and how it writes numbers and dates.

One table per language; the renderer looks words up by key, so a missing translation is a
KeyError in the tests, never a half-English receipt.
"""

from __future__ import annotations

from datetime import datetime

from ..domain.categories import CATEGORIES, category_label

TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Mottagningskvitto",
        "provisional_banner": "PRELIMINÄRT – ordern är inte avslutad, detta är inget kvitto",
        "watermark": "PRELIMINÄRT",
        "receipt_number": "Kvittonummer",
        "customer": "Kund",
        "org_number": "Org.nr",
        "on_behalf_of": "Genom",
        "order": "Order",
        "customer_ref": "Kundens referens",
        "order_created": "Order skapad",
        "received": "Mottaget",
        "signed_off": "Avslutad",
        "printed": "Utskrivet",
        "by": "av",
        "stations": "Station",
        "operators": "Mottaget av (operatör)",
        "reason": "Anmärkning vid avslut",
        "summary": "Sammanfattning per kategori",
        "category": "Kategori",
        "expected": "Förväntat",
        "received_col": "Mottaget",
        "missing": "Saknas",
        "extras": "Extra",
        "total": "Totalt",
        "count_lines": "Räknade artiklar (utan serienummer)",
        "description": "Beskrivning",
        "pallets": "Pallar",
        "pallet": "Pall",
        "units": "Enheter",
        "weight": "Vikt",
        "status": "Status",
        "closed": "stängd",
        "open": "öppen",
        "co2e": "Uppskattad klimatnytta vid återbruk",
        "co2e_per_unit": "kg CO2e/enhet",
        "co2e_total": "kg CO2e",
        "co2e_range": "intervall",
        "co2e_table": "Faktortabell",
        "co2e_version": "version",
        "co2e_no_factor": "ingen faktor",
        "co2e_no_factor_note": "Ingen publicerad faktor, räknas inte med",
        "co2e_note": ("Undvikna utsläpp om de mottagna enheterna återbrukas i stället för att nya tillverkas. "
                      "Enheter som materialåtervinns sparar mindre."),
        "unit_list": "Mottagna enheter",
        "missing_list": "Saknade enheter (förväntade men inte mottagna)",
        "extras_list": "Extra enheter (mottagna men inte förväntade)",
        "none": "Inga.",
        "no": "#",
        "internal_id": "Intern id",
        "serial": "Serienummer",
        "asset_tag": "Inventarienr",
        "manufacturer": "Tillverkare",
        "model": "Modell",
        "note": "Anm.",
        "note_extra": "extra",
        "note_duplicate": "dubblett",
        "handed_over_by": "Överlämnat av",
        "received_by": "Mottaget av",
        "name": "Namnförtydligande",
        "signature": "Underskrift",
        "date": "Datum",
        "page": "sida {n} av {total}",
        "continued": "(forts.)",
        "verify": "Kontroll: {hash}",
        "qr_caption": "Kvitto {number}",
    },
    "en": {
        "title": "Take-back receipt",
        "provisional_banner": "PROVISIONAL – the order is not signed off, this is not a receipt",
        "watermark": "PROVISIONAL",
        "receipt_number": "Receipt number",
        "customer": "Customer",
        "org_number": "Org. no.",
        "on_behalf_of": "On behalf of",
        "order": "Order",
        "customer_ref": "Customer reference",
        "order_created": "Order created",
        "received": "Received",
        "signed_off": "Signed off",
        "printed": "Printed",
        "by": "by",
        "stations": "Station",
        "operators": "Received by (operator)",
        "reason": "Note at sign-off",
        "summary": "Summary by category",
        "category": "Category",
        "expected": "Expected",
        "received_col": "Received",
        "missing": "Missing",
        "extras": "Extras",
        "total": "Total",
        "count_lines": "Counted items (without serial numbers)",
        "description": "Description",
        "pallets": "Pallets",
        "pallet": "Pallet",
        "units": "Units",
        "weight": "Weight",
        "status": "Status",
        "closed": "closed",
        "open": "open",
        "co2e": "Estimated CO2e savings if reused",
        "co2e_per_unit": "kg CO2e/unit",
        "co2e_total": "kg CO2e",
        "co2e_range": "range",
        "co2e_table": "Factor table",
        "co2e_version": "version",
        "co2e_no_factor": "no factor",
        "co2e_no_factor_note": "No published factor, not counted",
        "co2e_note": ("Emissions avoided if the received units are reused instead of new ones being made. "
                      "Units that are recycled save less."),
        "unit_list": "Received units",
        "missing_list": "Missing units (expected, not received)",
        "extras_list": "Extra units (received, not expected)",
        "none": "None.",
        "no": "#",
        "internal_id": "Internal id",
        "serial": "Serial number",
        "asset_tag": "Asset tag",
        "manufacturer": "Manufacturer",
        "model": "Model",
        "note": "Note",
        "note_extra": "extra",
        "note_duplicate": "duplicate",
        "handed_over_by": "Handed over by",
        "received_by": "Received by",
        "name": "Name in print",
        "signature": "Signature",
        "date": "Date",
        "page": "page {n} of {total}",
        "continued": "(continued)",
        "verify": "Check: {hash}",
        "qr_caption": "Receipt {number}",
    },
}


def words(lang: str) -> dict[str, str]:
    return TEXTS[lang]


def number(n: float, lang: str, decimals: int = 0) -> str:
    """``18 000`` in Swedish (thin space), ``18,000`` in English."""
    text = f"{n:,.{decimals}f}"
    if lang == "sv":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def when(dt: datetime | None) -> str:
    return dt.strftime("%Y-%m-%d %H:%M") if dt else "-"


def day(dt: datetime | None) -> str:
    return dt.strftime("%Y-%m-%d") if dt else "-"


def category(key: str, lang: str) -> str:
    return category_label(key, lang)


def category_order(key: str) -> tuple[int, str]:
    """Categories in the order people expect them (laptops first, other last)."""
    keys = list(CATEGORIES)
    return (keys.index(key), key) if key in keys else (len(keys), key)
