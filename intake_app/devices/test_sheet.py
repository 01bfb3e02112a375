"""The scanner test sheet as a PDF (A4): one code per symbology the dock meets, numbered.

The operator prints it and scans the codes on the scanner-check page; :mod:`.scanner_check`
says what the reads reveal. The sheet speaks Swedish and English side by side: it is pinned
to the dock wall, whatever language the station's screens are in.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import createBarcodeDrawing
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .scanner_check import FNC1, SHEET, SheetCode, Symbology

BAR = 0.33 * mm  # narrow bar: above the 0.25 mm a dock scanner resolves at arm's length
ROW_H = 32 * mm
TOP = A4[1] - 86 * mm
CODE_X = 105 * mm

_NAMES = {
    Symbology.CODE128: ("Code 128 - tangentbordslayout", "Code 128 - keyboard layout"),
    Symbology.CODE39: ("Code 39", "Code 39"),
    Symbology.DATAMATRIX: ("Data Matrix (Dell, Lenovo, HP)", "Data Matrix (Dell, Lenovo, HP)"),
    Symbology.QR: ("QR-kod", "QR code"),
    Symbology.GS1_128: ("GS1-128 med GS-avskiljare", "GS1-128 with GS separator"),
    Symbology.EAN13: ("EAN-13 (produktkod, frivillig)", "EAN-13 (product code, optional)"),
    Symbology.ITF: ("Interleaved 2 of 5 (bör vara avstängd)", "Interleaved 2 of 5 (better off)"),
}


def _drawing(code: SheetCode) -> Drawing:
    sym = code.symbology
    if sym in (Symbology.CODE128, Symbology.GS1_128):
        return createBarcodeDrawing("Code128", value=code.value, barWidth=BAR * 0.92, barHeight=15 * mm,
                                    humanReadable=False, quiet=True)
    if sym is Symbology.CODE39:
        return createBarcodeDrawing("Standard39", value=code.value, barWidth=BAR, barHeight=15 * mm,
                                    checksum=0, humanReadable=False)
    if sym is Symbology.ITF:
        return createBarcodeDrawing("I2of5", value=code.value, barWidth=BAR * 1.2, barHeight=15 * mm,
                                    checksum=0, humanReadable=False)
    if sym is Symbology.EAN13:
        return createBarcodeDrawing("EAN13", value=code.value, barHeight=15 * mm)
    if sym is Symbology.QR:
        return createBarcodeDrawing("QR", value=code.value, barWidth=26 * mm, barHeight=26 * mm)
    return createBarcodeDrawing("ECC200DataMatrix", value=code.value, barWidth=0.5 * mm)


def human_text(code: SheetCode) -> str:
    """What is printed under a code: GS1 in the (AI) form people know."""
    if code.symbology is Symbology.GS1_128:
        fields = code.value.strip(FNC1).split(FNC1)
        return "".join(f"({f[:2]}){f[2:]}" for f in fields)
    return code.expected


def render_test_sheet() -> bytes:
    """The test sheet PDF."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, pageCompression=1)
    c.setTitle("Scanner check / Skannerkontroll")
    c.setAuthor("Intake dock")
    _header(c)
    for n, code in enumerate(SHEET):
        y = TOP - n * ROW_H
        c.setFont("Helvetica-Bold", 16)
        c.drawString(18 * mm, y + 12 * mm, f"{n + 1}.")
        sv, en = _NAMES[code.symbology]
        c.setFont("Helvetica-Bold", 10)
        c.drawString(28 * mm, y + 18 * mm, sv)
        c.setFont("Helvetica", 9)
        c.drawString(28 * mm, y + 13 * mm, en)
        c.setFont("Courier", 9)
        c.drawString(28 * mm, y + 6 * mm, human_text(code))
        drawing = _drawing(code)
        renderPDF.draw(drawing, c, CODE_X, y)
    c.setFont("Helvetica", 8)
    c.drawString(18 * mm, 12 * mm, "Intake dock - scanner check sheet v1 / skannerkontroll v1")
    c.showPage()
    c.save()
    return buf.getvalue()


def _header(c: Canvas) -> None:
    c.setFont("Helvetica-Bold", 20)
    c.drawString(18 * mm, A4[1] - 22 * mm, "Skannerkontroll / Scanner check")
    c.setFont("Helvetica", 10)
    lines = (
        "Öppna sidan Skannerkontroll i dockprogrammet och skanna koderna 1-7 uppifrån och ned.",
        "Open the Scanner check page in the dock application and scan codes 1-7 from the top.",
        "Programmet visar om skannerns tangentbordslayout, suffix (Enter) och streckkodstyper är rätt inställda.",
        "It tells whether the scanner's keyboard layout, suffix (Enter) and symbologies are set right.",
    )
    for i, line in enumerate(lines):
        c.drawString(18 * mm, A4[1] - (32 + i * 5.5) * mm, line)


def write_test_sheet(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render_test_sheet())
    return path
