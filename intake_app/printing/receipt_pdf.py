"""The take-back receipt as a PDF (A4). Pure: a :class:`Receipt` in, bytes out.

Drawn on a reportlab canvas, not with platypus: an 18,000-unit receipt has about 400 pages and
a flowable table that splits itself page by page takes longer than the 10 s budget. Every row
is one line (long text is cut with an ellipsis), so the layout is a cursor moving down the page;
table headers are drawn again at the top of each page a table continues on. Pages are kept until
the end so each footer can say "page n of N". Output is deterministic (invariant mode): the same
receipt gives the same bytes, which makes a final receipt reproducible from the stored facts.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from . import fonts
from .content import Receipt, ReceiptUnit
from .receipt_texts import category, day, number, when, words
from .text import pdf_text

PAGE_W, PAGE_H = A4
MARGIN = 15 * mm
TOP, BOTTOM = PAGE_H - 15 * mm, 18 * mm
ROW_H = 3.4 * mm  # one table line at 7 pt
FONT_SIZE = 7.0
QR_SIZE = 30 * mm


class _PagedCanvas(Canvas):
    """Keeps every page until :meth:`save` so the footers can name the page count."""

    def __init__(self, *args: Any, footer: Callable[[Canvas, int, int], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer = footer

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for n, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._footer(self, n, total)
            Canvas.showPage(self)
        Canvas.save(self)


@dataclass(frozen=True)
class Column:
    key: str  # word key of the header
    width: float  # mm (each table's columns add up to the 180 mm between the margins)
    right: bool = False  # numbers are right-aligned


# widths in mm (180 in all): an SSCC, the longest id we print, needs 30
UNIT_COLUMNS = (Column("no", 9, True), Column("internal_id", 21.5), Column("serial", 22), Column("asset_tag", 18.5),
                Column("manufacturer", 16), Column("model", 27), Column("category", 22), Column("pallet", 29),
                Column("note", 15))
EXTRA_COLUMNS = (Column("no", 10, True), Column("internal_id", 26), Column("serial", 40), Column("category", 40),
                 Column("pallet", 34), Column("note", 30))
MISSING_COLUMNS = (Column("no", 10, True), Column("serial", 32), Column("asset_tag", 26), Column("manufacturer", 24),
                   Column("model", 54), Column("category", 34))


def render(receipt: Receipt, lang: str, font_dir: Path) -> bytes:
    """The receipt in ``lang`` (sv or en)."""
    fonts.register(font_dir)
    w = words(lang)
    buf = io.BytesIO()
    doc = _Doc(receipt, lang, w, buf)
    doc.header()
    doc.summary()
    doc.pallets()
    doc.co2e()
    doc.signatures()
    doc.unit_table(f"{w['unit_list']} ({number(len(receipt.units), lang)})", receipt.units, UNIT_COLUMNS)
    doc.unit_table(f"{w['missing_list']} ({number(len(receipt.missing), lang)})", receipt.missing, MISSING_COLUMNS)
    doc.unit_table(f"{w['extras_list']} ({number(len(receipt.extras), lang)})", receipt.extras, EXTRA_COLUMNS)
    return doc.finish()


class _Doc:
    def __init__(self, receipt: Receipt, lang: str, w: dict[str, str], buf: io.BytesIO) -> None:
        self.r, self.lang, self.w, self.buf = receipt, lang, w, buf
        self.c = _PagedCanvas(buf, pagesize=A4, invariant=1, pageCompression=1, footer=self._footer)
        title = f"{w['title']} {receipt.number}"
        self.c.setTitle(title)
        self.c.setSubject(receipt.qr_text)
        self.c.setAuthor("Intake dock")
        self.y = TOP
        self._watermark()

    # -- page mechanics --------------------------------------------------------------------------

    def finish(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()

    def new_page(self) -> None:
        self.c.showPage()
        self.y = TOP
        self._watermark()

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.new_page()

    def _footer(self, c: Canvas, n: int, total: int) -> None:
        w, r = self.w, self.r
        c.setFont(fonts.CONDENSED, 7)
        c.setFillColorRGB(0.3, 0.3, 0.3)
        left = ("" if r.final else f"{w['watermark']} · ") + f"{w['title']} {r.number} · {r.order_number} · {r.customer.name}"
        c.drawString(MARGIN, 10 * mm, fonts.fit(pdf_text(left), fonts.CONDENSED, 7, 110 * mm))
        c.drawCentredString(PAGE_W / 2 + 35 * mm, 10 * mm, w["verify"].format(hash=r.content_sha256[:16]))
        c.drawRightString(PAGE_W - MARGIN, 10 * mm, w["page"].format(n=n, total=total))
        c.setFillColorRGB(0, 0, 0)

    def _watermark(self) -> None:
        """A provisional receipt says so across every page, drawn first so the text stays on top.

        Light grey rather than transparency: a print server that turns PDF into PostScript
        (cups-pdf, many office printers) would rasterise a page with transparency.
        """
        if self.r.final:
            return
        c = self.c
        c.saveState()
        c.setFillColorRGB(0.9, 0.9, 0.9)
        c.setFont(fonts.BOLD, 80)
        c.translate(PAGE_W / 2, PAGE_H / 2)
        c.rotate(50)
        c.drawCentredString(0, 0, self.w["watermark"])
        c.restoreState()

    # -- sections --------------------------------------------------------------------------------

    def header(self) -> None:
        c, r, w = self.c, self.r, self.w
        c.setFont(fonts.BOLD, 18)
        c.drawString(MARGIN, self.y - 6 * mm, w["title"])
        self._qr(PAGE_W - MARGIN - QR_SIZE, self.y - QR_SIZE)
        self.y -= 11 * mm
        if not r.final:
            c.setFillColorRGB(0.75, 0.1, 0.1)
            c.rect(MARGIN, self.y - 6 * mm, PAGE_W - 2 * MARGIN - QR_SIZE - 4 * mm, 7 * mm, stroke=0, fill=1)
            c.setFillColorRGB(1, 1, 1)
            c.setFont(fonts.BOLD, 9)
            c.drawString(MARGIN + 2 * mm, self.y - 3.8 * mm, w["provisional_banner"])
            c.setFillColorRGB(0, 0, 0)
            self.y -= 9 * mm
        for label, value in self._facts():
            c.setFont(fonts.BOLD, 8.5)
            c.drawString(MARGIN, self.y - 3.5 * mm, label)
            c.setFont(fonts.REGULAR, 8.5)
            c.drawString(MARGIN + 42 * mm, self.y - 3.5 * mm,
                         fonts.fit(pdf_text(value, 400), fonts.REGULAR, 8.5, 95 * mm))
            self.y -= 4.4 * mm
        self.y = min(self.y, TOP - QR_SIZE - 6 * mm) - 4 * mm

    def _facts(self) -> list[tuple[str, str]]:
        r, w = self.r, self.w
        cust = r.customer.name + (f" ({w['org_number']} {r.customer.org_number})" if r.customer.org_number else "")
        facts = [(w["receipt_number"], r.number), (w["customer"], cust)]
        if r.customer.parent:
            facts.append((w["on_behalf_of"], r.customer.parent))
        facts += [(w["order"], r.order_number), (w["customer_ref"], r.customer_ref or "-"),
                  (w["order_created"], day(r.order_created)),
                  (w["received"], f"{when(r.first_received)} – {when(r.last_received)}")]
        if r.final:
            facts.append((w["signed_off"], f"{when(r.issued_at)} {w['by']} {r.signed_off_by}"))
            if r.sign_off_reason:
                facts.append((w["reason"], r.sign_off_reason))
        else:
            facts.append((w["printed"], when(r.issued_at)))
        facts += [(w["stations"], ", ".join(r.stations) or "-"), (w["operators"], ", ".join(r.operators) or "-")]
        return facts

    def _qr(self, x: float, y: float) -> None:
        widget = QrCodeWidget(self.r.qr_text, barLevel="M", barBorder=2)
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, self.c, x, y)
        self.c.setFont(fonts.CONDENSED, 6.5)
        self.c.drawCentredString(x + QR_SIZE / 2, y - 2.5 * mm, self.w["qr_caption"].format(number=self.r.number))

    def heading(self, text: str) -> None:
        self.need(12 * mm + 4 * ROW_H)  # never a heading alone at the foot of a page
        self.y -= 3 * mm
        self.c.setFont(fonts.BOLD, 11)
        self.c.drawString(MARGIN, self.y - 4 * mm, text)
        self.y -= 6 * mm

    def summary(self) -> None:
        r, w, lang = self.r, self.w, self.lang
        self.heading(w["summary"])
        cols: tuple[Column, ...] = (Column("category", 60), Column("expected", 28, True),
                                    Column("received_col", 28, True), Column("missing", 28, True),
                                    Column("extras", 28, True))
        rows = [(category(c.category, lang), *(number(v, lang) for v in (c.expected, c.received, c.missing, c.extras)))
                for c in r.categories]
        t = r.totals
        total = (w["total"], *(number(t.get(k, 0), lang) for k in ("expected", "received", "missing", "extras")))
        self.table(cols, rows, total)
        if r.count_lines:
            self.heading(w["count_lines"])
            cols = (Column("description", 60), Column("category", 50), Column("expected", 28, True),
                    Column("received_col", 28, True))
            self.table(cols, [(c.description or category(c.category, lang), category(c.category, lang),
                               number(c.expected, lang), number(c.received, lang)) for c in r.count_lines])

    def pallets(self) -> None:
        r, w, lang = self.r, self.w, self.lang
        self.heading(f"{w['pallets']} ({len(r.pallets)})")
        cols = (Column("pallet", 50), Column("units", 28, True), Column("weight", 30, True), Column("status", 30))
        rows = [(p.code, number(p.units, lang), f"{number(p.weight_kg, lang, 1)} kg" if p.weight_kg else "-",
                 w["closed"] if p.closed else w["open"]) for p in r.pallets]
        total_kg = sum(p.weight_kg or 0 for p in r.pallets)
        self.table(cols, rows, (w["total"], number(sum(p.units for p in r.pallets), lang),
                                f"{number(total_kg, lang, 1)} kg" if total_kg else "-", ""))

    def co2e(self) -> None:
        r, w, lang = self.r, self.w, self.lang
        e = r.co2e
        self.heading(w["co2e"])
        cols = (Column("category", 50), Column("units", 22, True), Column("co2e_per_unit", 28, True),
                Column("co2e_total", 30, True), Column("co2e_range", 40, True))
        rows = []
        for line in e.lines:
            if line.factor is None:
                rows.append((category(line.category, lang), number(line.units, lang), "-", "-", w["co2e_no_factor"]))
            else:
                rows.append((category(line.category, lang), number(line.units, lang), number(line.factor.kg, lang),
                             number(line.kg, lang), f"{number(line.low, lang)}–{number(line.high, lang)}"))
        total = (w["total"], number(sum(li.units for li in e.lines if li.factor), lang), "", number(e.total_kg, lang),
                 f"{number(e.total_low, lang)}–{number(e.total_high, lang)}")
        self.table(cols, rows, total)
        self.note(f"{w['co2e_table']}: {e.table_name}, {w['co2e_version']} {e.table_version}. {w['co2e_note']}")
        self.note(e.method_in(lang))
        if e.uncounted:
            self.note(f"{w['co2e_no_factor_note']}: {', '.join(category(c, lang) for c in e.uncounted)}.")

    def note(self, text: str) -> None:
        c = self.c
        c.setFont(fonts.REGULAR, 7)
        for line in _wrap(pdf_text(text, 2000), fonts.REGULAR, 7, PAGE_W - 2 * MARGIN):
            self.need(ROW_H)
            c.drawString(MARGIN, self.y - 2.8 * mm, line)
            self.y -= 3.2 * mm
        self.y -= 1 * mm

    def signatures(self) -> None:
        c, w = self.c, self.w
        self.need(42 * mm)
        self.y -= 6 * mm
        width = (PAGE_W - 2 * MARGIN - 10 * mm) / 2
        for i, (title, name) in enumerate(((w["handed_over_by"], ""), (w["received_by"], self.r.receiver))):
            x = MARGIN + i * (width + 10 * mm)
            c.setFont(fonts.BOLD, 10)
            c.drawString(x, self.y - 4 * mm, title)
            if name:
                c.setFont(fonts.REGULAR, 8)
                c.drawString(x, self.y - 8 * mm, pdf_text(name))
            for j, label in enumerate((w["signature"], w["name"], w["date"])):
                ly = self.y - 17 * mm - j * 9 * mm
                c.setLineWidth(0.4)
                c.line(x, ly, x + width, ly)
                c.setFont(fonts.REGULAR, 6.5)
                c.drawString(x, ly - 2.6 * mm, label)
        self.y -= 42 * mm

    # -- tables ----------------------------------------------------------------------------------

    def unit_table(self, title: str, units: Sequence[ReceiptUnit], columns: Sequence[Column]) -> None:
        self.heading(title)
        if not units:
            self.note(self.w["none"])
            return
        keys = [col.key for col in columns]
        notes = {"extra": self.w["note_extra"], "duplicate": self.w["note_duplicate"]}

        def cells(i: int, u: ReceiptUnit) -> tuple[str, ...]:
            values = {"no": str(i), "internal_id": u.internal_id, "serial": u.serial, "asset_tag": u.asset_tag,
                      "manufacturer": u.manufacturer, "model": u.model, "category": category(u.category, self.lang),
                      "pallet": u.pallet, "note": notes.get(u.note, u.note)}
            return tuple(values[k] for k in keys)

        self.table(columns, (cells(i, u) for i, u in enumerate(units, start=1)))

    def table(self, columns: Sequence[Column], rows: Any, total: Sequence[str] | None = None) -> None:
        """Rows of single-line cells; the header is repeated on every page the table reaches."""
        widths = [col.width * mm for col in columns]
        self.need(2 * ROW_H)
        self._table_header(columns, widths)
        text = self.c.beginText()
        text.setFont(fonts.CONDENSED, FONT_SIZE)
        for row in rows:
            if self.y - ROW_H < BOTTOM:
                self.c.drawText(text)
                self.new_page()
                self._table_header(columns, widths, continued=True)
                text = self.c.beginText()
                text.setFont(fonts.CONDENSED, FONT_SIZE)
            self._row(text, columns, widths, row)
        self.c.drawText(text)
        if total is not None:
            self.need(ROW_H)
            self.c.setLineWidth(0.5)
            self.c.line(MARGIN, self.y, MARGIN + sum(widths), self.y)
            text = self.c.beginText()
            text.setFont(fonts.CONDENSED_BOLD, FONT_SIZE)
            self._row(text, columns, widths, total, font=fonts.CONDENSED_BOLD)
            self.c.drawText(text)
        self.y -= 2 * mm

    def _table_header(self, columns: Sequence[Column], widths: list[float], continued: bool = False) -> None:
        c = self.c
        c.setFillColorRGB(0.9, 0.9, 0.9)
        c.rect(MARGIN, self.y - ROW_H - 0.6 * mm, sum(widths), ROW_H + 0.6 * mm, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        text = c.beginText()
        text.setFont(fonts.CONDENSED_BOLD, FONT_SIZE)
        labels = [self.w[col.key] for col in columns]
        self._row(text, columns, widths, labels, font=fonts.CONDENSED_BOLD)
        c.drawText(text)
        if continued:
            c.setFont(fonts.CONDENSED, 6.5)
            c.drawRightString(MARGIN + sum(widths), self.y + ROW_H + 1.6 * mm, self.w["continued"])
        self.y -= 0.6 * mm

    def _row(self, text: Any, columns: Sequence[Column], widths: list[float], cells: Sequence[str],
             font: str = fonts.CONDENSED) -> None:
        x = MARGIN
        base = self.y - ROW_H + 1.0 * mm
        for col, width, cell in zip(columns, widths, cells, strict=True):
            value = fonts.fit(pdf_text(cell), font, FONT_SIZE, width - 1.5 * mm) if cell else ""
            if col.right:
                text.setTextOrigin(x + width - 1.5 * mm - fonts.width(value, font, FONT_SIZE), base)
            else:
                text.setTextOrigin(x + 0.8 * mm, base)
            text.textOut(value)
            x += width
        self.y -= ROW_H


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if fonts.width(candidate, font, size) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines
