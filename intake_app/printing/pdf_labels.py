"""Labels as PDF, one page per label at the label's own size, for any printer.

Barcodes are vector bars drawn from the module pattern (:mod:`.barcodes`): crisp at any
printer resolution and identical to the symbol the ZPL renderer sends to a Zebra. Output is
deterministic (reportlab's invariant mode): the same layout gives the same bytes.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from . import fonts
from .barcodes import QUIET_MODULES
from .layout import BarcodeBox, Layout, RuleBox, TextBox, rows_of
from .text import pdf_text

# DejaVu's ascender and descender, in em: the text size that fills a row of a given height.
_ASCENT, _DESCENT = 0.928, 0.236
_MIN_SHRINK = 0.7  # long text first gets smaller (down to 70 %), then is cut with an ellipsis


def render(layouts: list[Layout], font_dir: Path, title: str = "label") -> bytes:
    """A PDF with one page per layout."""
    if not layouts:
        raise ValueError("no label to render")
    fonts.register(font_dir)
    buf = io.BytesIO()
    first = layouts[0].size
    c = Canvas(buf, pagesize=(first.width_mm * mm, first.height_mm * mm), invariant=1, pageCompression=1)
    c.setTitle(pdf_text(title))
    c.setAuthor("Intake dock")
    for layout in layouts:
        c.setPageSize((layout.size.width_mm * mm, layout.size.height_mm * mm))
        draw(c, layout)
        c.showPage()
    c.save()
    return buf.getvalue()


def draw(c: Canvas, layout: Layout) -> None:
    """Draw one label on the current page of ``c``."""
    page_h = layout.size.height_mm * mm
    for rule in layout.rules:
        _rule(c, rule, page_h)
    for box in layout.barcodes:
        draw_bars(c, box.symbol.modules, *_bar_origin(box, page_h), box.module_mm * mm, box.h * mm)
    for row in rows_of(layout.texts):
        _text_row(c, row, page_h)


def _rule(c: Canvas, rule: RuleBox, page_h: float) -> None:
    c.setLineWidth(rule.thickness * mm)
    y = page_h - rule.y * mm
    c.line(rule.x * mm, y, (rule.x + rule.w) * mm, y)


def _bar_origin(box: BarcodeBox, page_h: float) -> tuple[float, float]:
    width = box.symbol.width_modules * box.module_mm
    assert (box.symbol.width_modules + 2 * QUIET_MODULES) * box.module_mm <= box.w + 1e-6
    x = box.x + (box.w - width) / 2
    return x * mm, page_h - (box.y + box.h) * mm


def draw_bars(c: Canvas, modules: str, x: float, y: float, module: float, height: float) -> None:
    """Filled rectangles for each run of bars; ``x, y`` is the bottom-left corner, in points."""
    c.setFillColorRGB(0, 0, 0)
    i, n = 0, len(modules)
    while i < n:
        if modules[i] == "1":
            j = i
            while j < n and modules[j] == "1":
                j += 1
            c.rect(x + i * module, y, (j - i) * module, height, stroke=0, fill=1)
            i = j
        else:
            i += 1


def _text_row(c: Canvas, row: list[TextBox], page_h: float) -> None:
    """The texts of one row at one size: the largest that suits every part (down to 70 %)."""
    font = fonts.CONDENSED_BOLD if row[0].bold else fonts.CONDENSED
    full = row[0].h * mm / (_ASCENT + _DESCENT)
    size = full
    for box in row:
        natural = fonts.width(pdf_text(box.text), font, full)
        if natural > box.w * mm:
            size = min(size, max(full * _MIN_SHRINK, 0.995 * full * box.w * mm / natural))
    for box in row:
        _text(c, box, font, size, page_h)


def _text(c: Canvas, box: TextBox, font: str, size: float, page_h: float) -> None:
    text = pdf_text(box.text)
    if not text:
        return
    box_w, box_h = box.w * mm, box.h * mm
    text = fonts.fit(text, font, size, box_w)
    baseline = page_h - box.y * mm - (box_h - size * (_ASCENT + _DESCENT)) / 2 - size * _ASCENT
    c.setFont(font, size)
    x = box.x * mm
    if box.align == "center":
        c.drawCentredString(x + box_w / 2, baseline, text)
    elif box.align == "right":
        c.drawRightString(x + box_w, baseline, text)
    else:
        c.drawString(x, baseline, text)
