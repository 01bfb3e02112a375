"""The take-back receipt: what it states, that it says "provisional" until sign-off, that a final
receipt is reproducible from the stored facts, and that its QR code checks against the database."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from intake_app.app import IntakeApp
from intake_app.domain.co2e import estimate
from intake_app.errors import Conflict, InputError
from intake_app.printing import receipt_pdf
from intake_app.printing.content import Receipt, ReceiptPallet, ReceiptParty, ReceiptUnit
from intake_app.printing.resources import PrintResources
from intake_app.services.context import Actor
from intake_app.store import tables as t

from .conftest import REPO, SERIALS, require_service
from .printhelp import HAVE_POPPLER, decode_gray, pdf_pages, pdf_text

RES = PrintResources(REPO / "resources")


@pytest.fixture
def received(app: IntakeApp, people: dict[str, Actor], order: str) -> str:
    """Four laptops and a monitor matched, one extra, on a closed pallet of 85.5 kg; 10 of 24 mice counted."""
    anna = people["anna"]
    pallet = app.scanning.open_pallet(anna, order).code
    for serial in [*SERIALS[:4], SERIALS[6], "ZZEXTRA0001"]:
        app.scanning.record(anna, order, serial, pallet=pallet)
    app.scanning.close_pallet(anna, pallet, 85.5)
    app.counts.count(anna, order, 10, category="peripheral")
    return order


def _page_count(pdf: bytes, tmp: Path) -> int:
    (tmp / "count.pdf").write_bytes(pdf)
    out = subprocess.run(["pdfinfo", str(tmp / "count.pdf")], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def test_receipt_content_comes_from_the_reconciliation(app: IntakeApp, received: str):
    r = app.printing.receipt(received)
    assert not r.final and r.number == "TB-2026-0001-1P"
    assert (r.customer.name, r.customer.parent, r.customer_ref) == ("Heby kommun", "IT-centrum, gemensam IT-nämnd",
                                                                    "Heby skolor v.10")
    assert sorted(u.serial for u in r.units) == sorted([*SERIALS[:4], SERIALS[6], "ZZEXTRA0001"])
    assert [u.serial for u in r.extras] == ["ZZEXTRA0001"] and r.extras[0].note == "extra"
    assert sorted(m.serial for m in r.missing) == sorted([SERIALS[4], SERIALS[5], SERIALS[7]])
    assert all(u.asset_tag.startswith("HEB-") and u.model == "Latitude 5420" for u in r.units if not u.note)
    assert [(p.units, p.weight_kg, p.closed) for p in r.pallets] == [(6, 85.5, True)]
    cats = {c.category: (c.expected, c.received, c.missing, c.extras) for c in r.categories}
    assert cats == {"laptop": (6, 4, 2, 0), "monitor": (2, 1, 1, 0), "other": (0, 1, 0, 1)}
    assert [(c.category, c.expected, c.received) for c in r.count_lines] == [("peripheral", 24, 10)]
    report, _ = app.reconciler.reconcile(received)
    assert r.totals == report["totals"]


def test_co2e_is_computed_from_the_factor_table(app: IntakeApp, received: str):
    r = app.printing.receipt(received)
    table = next(tb for tb in RES.factor_tables() if tb.version == r.co2e.table_version)
    factors = table.factors
    assert r.co2e.table_name == table.name
    assert r.co2e.total_kg == 4 * factors["laptop"].kg + 1 * factors["monitor"].kg
    by_cat = {line.category: line for line in r.co2e.lines}
    assert by_cat["other"].factor is None and by_cat["peripheral"].factor is None  # counted as nothing
    assert set(r.co2e.uncounted) == {"other", "peripheral"}
    assert r.co2e.total_low <= r.co2e.total_kg <= r.co2e.total_high


def test_provisional_receipt_pdf_says_so_and_states_everything(app: IntakeApp, received: str, tmp_path: Path):
    require_service("poppler (pdftotext)", HAVE_POPPLER)
    pdf = app.printing.render_receipt(received, "sv")
    text = pdf_text(pdf, tmp_path)
    assert "PRELIMINÄRT" in text and "inget kvitto" in text
    for expected in ("Mottagningskvitto", "TB-2026-0001-1P", "Heby kommun", "212000-0316", "IT-centrum, gemensam",
                     "Heby skolor v.10", "Sammanfattning per kategori", "Bärbar dator", "Bildskärm", "Pallar (1)",
                     "85,5 kg", "Räknade artiklar", "Faktortabell: Intake dock reuse factors, version 2026.1",
                     "Överlämnat av", "Mottaget av", "Mottagna enheter (6)", "Saknade enheter", "Extra enheter (mottagna men inte förväntade) (1)",
                     "ZZEXTRA0001", "Anna Lindqvist", *SERIALS[:4], SERIALS[4], "sida 1 av"):
        assert expected in text, expected
    assert f"{4 * 236 + 333:,}".replace(",", "\u202f") in text or "1 277" in text.replace("\u202f", " ")


def test_receipt_in_english(app: IntakeApp, received: str, tmp_path: Path):
    require_service("poppler (pdftotext)", HAVE_POPPLER)
    text = pdf_text(app.printing.render_receipt(received, "en"), tmp_path)
    for expected in ("Take-back receipt", "PROVISIONAL", "Summary by category", "Laptop", "Handed over by",
                     "Received by", "Estimated CO2e savings", "Extra units (received, not expected) (1)", "page 1 of",
                     "85.5 kg", "1,277"):
        assert expected in text, expected
    with pytest.raises(InputError):
        app.printing.render_receipt(received, "de")


def test_the_qr_code_carries_the_receipt_number_and_content_hash(app: IntakeApp, received: str, tmp_path: Path):
    require_service("poppler (pdftoppm)", HAVE_POPPLER)
    r = app.printing.receipt(received)
    page = pdf_pages(app.printing.render_receipt(received, "sv"), tmp_path, dpi=200, first=1, last=1)[0]
    codes = [text for fmt, text in decode_gray(page) if fmt == "QRCode"]
    assert codes == [r.qr_text]
    assert r.qr_text == f"INTAKE-RECEIPT|TB-2026-0001-1P|provisional|sha256:{r.content_sha256}"
    assert app.printing.receipts.verify(received, codes[0])["valid"]


def test_final_receipt_at_sign_off_is_reproducible_from_the_facts(app: IntakeApp, people: dict[str, Actor],
                                                                   received: str, tmp_path: Path):
    signed = app.reconciler.sign_off(people["boss"], received, reason="resten kommer nästa vecka")
    assert signed["receipt"]["number"] == "TB-2026-0001-1"
    assert signed["receipt"]["co2e"] == ["Intake dock reuse factors", "2026.1"]
    first = app.printing.render_receipt(received, "sv")
    r = app.printing.receipt(received)
    assert r.final and r.number == "TB-2026-0001-1" and r.content_sha256 == signed["content_sha256"]
    # later: other settings, a newer factor table, more time, more work elsewhere -> the same receipt
    app.settings.set("printing.receiver_name", "Someone Else AB")
    app.settings.set("printing.timezone", "America/New_York")
    newer = tmp_path / "resources"
    shutil.copytree(REPO / "resources", newer)
    (newer / "co2e" / "intake-co2e-2027.1.toml").write_text(
        (REPO / "resources/co2e/intake-co2e-2026.1.toml").read_text(encoding="utf-8")
        .replace('version = "2026.1"', 'version = "2027.1"').replace("valid_from = 2026-01-01", "valid_from = 2026-02-01")
        .replace("kg_co2e = 236", "kg_co2e = 250"), encoding="utf-8")
    app.printing.reload_resources(PrintResources(newer))
    assert app.printing.receipt(received).co2e.table_version == "2026.1"
    again = app.printing.render_receipt(received, "sv")
    assert again == first  # byte for byte
    if HAVE_POPPLER:
        text = pdf_text(first, tmp_path)
        assert "PRELIMINÄRT" not in text and "Sven Ekström" in text and "resten kommer nästa vecka" in text
        assert "TB-2026-0001-1 " in text or "TB-2026-0001-1\n" in text


def test_a_signed_off_order_whose_facts_changed_gets_no_receipt(app: IntakeApp, people: dict[str, Actor],
                                                                 received: str):
    app.reconciler.sign_off(people["boss"], received, reason="ok")
    with app.store.write() as conn:  # what only tampering with the database can do
        conn.execute(update(t.order_events).where(t.order_events.c.kind == "sign_off").values(
            summary={"totals": {}, "content_sha256": "0" * 64}))
    with pytest.raises(Conflict, match="no longer matches"):
        app.printing.receipt(received)


def test_receipt_check_against_the_database(app: IntakeApp, people: dict[str, Actor], received: str):
    provisional = app.printing.receipt(received).qr_text
    app.scanning.record(people["anna"], received, SERIALS[5])
    assert not app.printing.receipts.verify(received, provisional)["valid"]  # the order changed since
    app.reconciler.sign_off(people["boss"], received, reason="ok")
    final = app.printing.receipt(received).qr_text
    check = app.printing.receipts.verify(received, final)
    assert check["valid"] and check["receipt"] == "TB-2026-0001-1"
    forged = final.rsplit(":", 1)[0] + ":" + "f" * 64
    assert not app.printing.receipts.verify(received, forged)["valid"]
    assert not app.printing.receipts.verify(received, final.replace("TB-2026-0001-1", "TB-2026-0001-7"))["valid"]
    for garbage in ("", "hello", "INTAKE-RECEIPT|x|final", "A|B|C|D", "INTAKE-RECEIPT|TB-2026-0001-1|final|md5:ab"):
        with pytest.raises(InputError):
            app.printing.receipts.verify(received, garbage)


def test_reopened_and_signed_again_is_receipt_two(app: IntakeApp, people: dict[str, Actor], received: str):
    boss = people["boss"]
    app.reconciler.sign_off(boss, received, reason="first")
    app.reconciler.reopen(boss, received, "one more laptop turned up")
    assert app.printing.receipt(received).number == "TB-2026-0001-2P"
    app.scanning.record(people["anna"], received, SERIALS[5])
    app.reconciler.sign_off(boss, received, reason="second")
    assert app.printing.receipt(received).number == "TB-2026-0001-2"


def test_unknown_order_and_garbage(app: IntakeApp, order: str):
    for bad in ("TB-1999-9999", "", "'; drop table orders; --"):
        with pytest.raises(InputError):
            app.printing.receipt(bad)


# -- the renderer on its own: many pages ---------------------------------------------------------------

def _big_receipt(n: int, final: bool) -> Receipt:
    units = tuple(ReceiptUnit(f"U4KD{i:07d}X", f"SN{i:08d}", f"HEB-{i:06d}", "Dell", "Latitude 5420",
                              "laptop", f"P4KD{i // 300:05d}X") for i in range(n))
    table = RES.factor_tables()[0]
    at = datetime(2026, 3, 9, 12, 0, tzinfo=UTC)
    return Receipt(
        number="TB-2026-0009-1" if final else "TB-2026-0009-1P", final=final, order_number="TB-2026-0009",
        customer_ref="", customer=ReceiptParty("Knivsta kommun", "212000-3005", "IT-centrum"), order_created=at,
        first_received=at, last_received=at, issued_at=at, stations=("dock-1",), operators=("Anna",),
        signed_off_by="Sven" if final else "", sign_off_reason="", pallets=(ReceiptPallet("P4KD00000X", n, None, False),),
        categories=(), count_lines=(), units=units, missing=units[:70], extras=(),
        co2e=estimate(table, {"laptop": n}), content_sha256="ab" * 32, totals={"expected": n, "received": n})


def test_long_receipts_repeat_the_table_header_and_number_the_pages(tmp_path: Path):
    require_service("poppler (pdftotext)", HAVE_POPPLER)
    receipt = _big_receipt(400, final=True)
    pdf = receipt_pdf.render(receipt, "sv", RES.fonts)
    pages = _page_count(pdf, tmp_path)
    assert pages >= 8
    for n in range(1, pages + 1):
        text = pdf_text(pdf, tmp_path, n, n)
        assert f"sida {n} av {pages}" in text
        assert "Kontroll: abababababababab" in text
        if 2 < n < pages:  # pages the unit list runs over start with its header
            assert "Serienummer" in text and "Inventarienr" in text and "(forts.)" in text
    last = pdf_text(pdf, tmp_path, pages, pages)
    assert "Extra enheter" in last and "Inga." in last
    assert "SN00000399" in pdf_text(pdf, tmp_path)
    assert "PRELIMINÄRT" not in pdf_text(pdf, tmp_path, 1, 1)
    watermarked = receipt_pdf.render(replace(receipt, final=False), "sv", RES.fonts)
    assert "PRELIMINÄRT" in pdf_text(watermarked, tmp_path, pages, pages)  # every page says so


def test_receipt_text_with_control_characters_is_printed_clean(tmp_path: Path):
    require_service("poppler (pdftotext)", HAVE_POPPLER)
    receipt = _big_receipt(3, final=False)
    hostile = ReceiptUnit("U1", "SER\x00IAL\r\nX", "\x1b[31m", "Dell\u200b", "Model ☃" + "x" * 300, "laptop", "P")
    pdf = receipt_pdf.render(replace(receipt, units=(hostile,)), "en", RES.fonts)
    text = pdf_text(pdf, tmp_path)
    assert "SER IAL X" in text and "\x1b" not in text and "Model ☃" in text
