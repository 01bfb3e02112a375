"""ZPL for Zebra-compatible thermal printers (203 or 300 dpi). Pure: a layout in, bytes out.

* ``^CI28``: field data is UTF-8, so å ä ö travel as themselves.
* Text uses the resident bitmap fonts D and F: they print Latin-1 (å ä ö é ü) under ``^CI28``,
  where the scalable font 0 does not on every printer (and not in the independent renderer the
  tests use). Magnifications are whole numbers; width may be narrower than height to fit long
  text. Bold is the same field printed again one dot to the right.
* Every text field is ``^FH_^FD...^FS`` with ``_ ^ ~`` hex-escaped and control characters
  removed (:func:`..text.zpl_field`), so a serial like ``^XZ~JR`` prints as text.
* Barcodes are ``^BC`` in mode N with the start code, subset switches and FNC1 spelled out
  (:mod:`.barcodes`), so the printer draws the same symbol as the PDF renderer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .barcodes import QUIET_MODULES
from .layout import BarcodeBox, Layout, RuleBox, TextBox, rows_of
from .text import clean, zpl_field, zpl_printable

DPIS = (203, 300)
# Resident bitmap fonts: name, cell height, glyph width, advance per character (glyph + gap), in dots.
FONTS = (("D", 18, 10, 12), ("F", 26, 13, 16))
MAX_MAG = 10
_FIT_SLACK = 1.05  # a font may overlap the row's gap by 5 %
_MIN_ASPECT = 0.6  # width magnification at least 60 % of height's: narrower looks squeezed
_PREFER_F = 1.1


@dataclass(frozen=True)
class FontChoice:
    name: str
    hmag: int
    wmag: int
    height: int  # dots
    advance: int  # dots per character

    def command(self, base_w: int) -> str:
        return f"^A{self.name}N,{self.height},{base_w * self.wmag}"


def choose_font(chars: int, box_w: int, box_h: int) -> tuple[FontChoice, int]:
    """The tallest bitmap font whose text fits the box, and how many characters it shows.

    Width may shrink to 60 % of the height's magnification. When no size fits the whole text, the
    size that shows the most characters (among those at least 60 % of the tallest) is used and
    the text is cut.
    """
    candidates = []
    for name, h, _w, adv in FONTS:
        for k in range(1, MAX_MAG + 1):
            if h * k > box_h * _FIT_SLACK:
                break
            for wk in range(k, math.ceil(k * _MIN_ASPECT) - 1, -1):
                candidates.append(FontChoice(name, k, wk, h * k, adv * wk))
    if not candidates:
        return FontChoice("D", 1, 1, 18, 12), max(1, box_w // 12)
    fitting = [c for c in candidates if chars * c.advance <= box_w]
    if fitting:
        # font F has heavier strokes than a magnified D: it wins unless D is clearly taller
        best = max(fitting, key=lambda c: (c.height * (_PREFER_F if c.name == "F" else 1.0), c.advance))
        return best, chars
    tallest = max(c.height for c in candidates)
    usable = [c for c in candidates if c.height >= 0.6 * tallest]
    best = min(usable, key=lambda c: (c.advance, -c.height))
    return best, max(1, box_w // best.advance)


def render(layout: Layout, dpi: int) -> bytes:
    """The ZPL program for one label at ``dpi`` (203 or 300)."""
    if dpi not in DPIS:
        raise ValueError(f"ZPL is rendered at {' or '.join(map(str, DPIS))} dpi, not {dpi}")
    to = _Dots(dpi)
    lines = ["^XA", "^CI28", f"^PW{to(layout.size.width_mm)}", f"^LL{to(layout.size.height_mm)}", "^LH0,0"]
    for rule in layout.rules:
        lines.append(_rule(rule, to))
    for box in layout.barcodes:
        lines.append(_barcode(box, to))
    for row in rows_of(layout.texts):
        lines.extend(_text_row(row, to))
    lines.append("^XZ")
    return ("\n".join(lines) + "\n").encode("utf-8")


class _Dots:
    def __init__(self, dpi: int) -> None:
        self.per_mm = dpi / 25.4

    def __call__(self, mm: float) -> int:
        return round(mm * self.per_mm)


def _rule(rule: RuleBox, to: _Dots) -> str:
    t = max(1, to(rule.thickness))
    return f"^FO{to(rule.x)},{to(rule.y) - t // 2}^GB{to(rule.w)},{t},{t}^FS"


def _barcode(box: BarcodeBox, to: _Dots) -> str:
    symbol = box.symbol
    room = to(box.w)
    module = max(1, round(box.module_mm * to.per_mm))
    while module > 1 and (symbol.width_modules + 2 * QUIET_MODULES) * module > room:
        module -= 1
    x = to(box.x) + (room - symbol.width_modules * module) // 2
    h = to(box.h)
    return f"^FO{x},{to(box.y)}^BY{module},3,{h}^BCN,{h},N,N,N,N^FD{symbol.zpl_data()}^FS"


def _text_row(row: list[TextBox], to: _Dots) -> list[str]:
    """The texts of one row in one font: the largest that suits every part of the row."""
    texts = [zpl_printable(clean(box.text)) for box in row]
    fonts = [choose_font(len(t), to(box.w), to(box.h))[0] for t, box in zip(texts, row, strict=True) if t]
    if not fonts:
        return []
    font = min(fonts, key=lambda f: (f.height, f.advance))
    out: list[str] = []
    for text, box in zip(texts, row, strict=True):
        if text:
            out.extend(_text(box, text, font, to))
    return out


def _text(box: TextBox, printable: str, font: FontChoice, to: _Dots) -> list[str]:
    box_w, box_h = to(box.w), to(box.h)
    shown = max(1, box_w // font.advance)
    data = zpl_field(printable, shown)
    width = min(len(printable), shown) * font.advance
    x = to(box.x)
    if box.align == "center":
        x += max(0, (box_w - width) // 2)
    elif box.align == "right":
        x += max(0, box_w - width)
    y = to(box.y) + max(0, (box_h - font.height) // 2)
    base_w = next(w for name, _h, w, _a in FONTS if name == font.name)
    cmd = font.command(base_w)
    out = [f"^FO{x},{y}{cmd}^FH_^FD{data}^FS"]
    if box.bold:
        out.append(f"^FO{x + font.wmag},{y}{cmd}^FH_^FD{data}^FS")  # one bitmap pixel wider strokes
    return out
