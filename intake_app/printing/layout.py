"""Label layout: a template's rows placed on a label of a given size, in millimetres.

A template (``resources/label_templates/*.toml``) lists rows from top to bottom: a barcode, a
rule, or text at the left, centre and/or right, with a weight that is the row's share of the
label's height. :func:`lay_out` turns template + field values + size into boxes; the ZPL and PDF
renderers only draw those boxes, so both outputs have the same layout and one place decides it.
Pure: no files, no fonts; each renderer fits text into its boxes with its own font metrics.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .barcodes import QUIET_MODULES, Code128Symbol
from .content import LabelSize

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
LANGS = ("sv", "en")
ALIGNS = ("left", "center", "right")
MIN_MODULE_MM = 0.25  # narrowest bar we print: 2 dots at 203 dpi, what dock scanners read reliably


class TemplateError(ValueError):
    """A label template is malformed or does not fit the label (message says where)."""


@dataclass(frozen=True)
class TextPart:
    align: str  # left | center | right
    text: Mapping[str, str]  # language -> format string with {field} placeholders


@dataclass(frozen=True)
class Row:
    weight: float
    parts: tuple[TextPart, ...] = ()
    barcode: str | None = None  # the field whose symbol is drawn
    rule: bool = False
    bold: bool = False
    split: float = 0.62  # with left and right text: the left part's share of the width


@dataclass(frozen=True)
class Template:
    name: str
    margin_mm: float
    gap_mm: float
    max_module_mm: float
    rows: tuple[Row, ...]

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any], fields: frozenset[str]) -> Template:
        """Parse and check a template against the fields its label kind offers."""
        name = str(raw.get("name", "?"))
        try:
            rows = tuple(_row(i, r, fields) for i, r in enumerate(raw["row"], start=1))
            margin, gap = float(raw.get("margin_mm", 1.5)), float(raw.get("gap_mm", 0.4))
            module = float(raw.get("max_module_mm", 0.33))
        except (KeyError, TypeError, ValueError) as exc:
            raise TemplateError(f"label template {name}: {exc}") from None
        if not rows or not (0 <= margin <= 20 and 0 <= gap <= 10 and MIN_MODULE_MM <= module <= 1.0):
            raise TemplateError(f"label template {name}: needs rows, margin 0-20 mm, gap 0-10 mm, module "
                                f"{MIN_MODULE_MM}-1 mm")
        return cls(name, margin, gap, module, rows)


def _row(i: int, raw: Any, fields: frozenset[str]) -> Row:
    if not isinstance(raw, Mapping):
        raise TemplateError(f"row {i} is not a table")
    weight = float(raw.get("weight", 1))
    if not 0 < weight <= 1000:
        raise TemplateError(f"row {i}: weight must be positive")
    if raw.get("rule"):
        return Row(weight, rule=True)
    if "barcode" in raw:
        if raw["barcode"] not in fields:
            raise TemplateError(f"row {i}: no field {raw['barcode']!r} for a barcode")
        return Row(weight, barcode=str(raw["barcode"]))
    parts = tuple(TextPart(a, _texts(i, raw[a], fields)) for a in ALIGNS if a in raw)
    if not parts:
        raise TemplateError(f"row {i}: give barcode, rule, or left/center/right text")
    split = float(raw.get("split", 0.62))
    if not 0.1 <= split <= 0.9:
        raise TemplateError(f"row {i}: split must be between 0.1 and 0.9")
    return Row(weight, parts, bold=bool(raw.get("bold", False)), split=split)


def _texts(i: int, raw: Any, fields: frozenset[str]) -> dict[str, str]:
    texts = {lang: str(raw) for lang in LANGS} if isinstance(raw, str) else {
        lang: str(raw[lang]) for lang in LANGS if isinstance(raw, Mapping) and lang in raw}
    if set(texts) != set(LANGS):
        raise TemplateError(f"row {i}: text must be a string or have both sv and en")
    for text in texts.values():
        unknown = set(_PLACEHOLDER.findall(text)) - fields
        if unknown:
            raise TemplateError(f"row {i}: unknown field(s) {', '.join(sorted(unknown))}")
    return texts


# -- layout ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextBox:
    x: float  # mm from the left
    y: float  # mm from the top
    w: float
    h: float
    text: str
    align: str
    bold: bool
    row: int  # texts of one row share one font size


@dataclass(frozen=True)
class BarcodeBox:
    x: float
    y: float
    w: float  # room available (the code is centred in it)
    h: float
    symbol: Code128Symbol
    module_mm: float  # the widest module that fits, at most the template's maximum


@dataclass(frozen=True)
class RuleBox:
    x: float
    y: float
    w: float
    thickness: float = 0.3


@dataclass(frozen=True)
class Layout:
    size: LabelSize
    texts: tuple[TextBox, ...]
    barcodes: tuple[BarcodeBox, ...]
    rules: tuple[RuleBox, ...]


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace ``{field}`` with its value; template text is trusted, values are not interpreted."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), text)


def lay_out(template: Template, values: Mapping[str, str], symbols: Mapping[str, Code128Symbol],
            size: LabelSize, lang: str) -> Layout:
    """Place ``template``'s rows on a label of ``size``; :class:`TemplateError` if a barcode cannot fit."""
    inner_w = size.width_mm - 2 * template.margin_mm
    gaps = template.gap_mm * (len(template.rows) - 1)
    inner_h = size.height_mm - 2 * template.margin_mm - gaps
    if inner_w <= 5 or inner_h <= 5:
        raise TemplateError(f"label {size} mm is too small for template {template.name}")
    scale = inner_h / sum(r.weight for r in template.rows)
    x0, y = template.margin_mm, template.margin_mm
    texts: list[TextBox] = []
    barcodes: list[BarcodeBox] = []
    rules: list[RuleBox] = []
    for i, row in enumerate(template.rows):
        h = row.weight * scale
        if row.rule:
            rules.append(RuleBox(x0, y + h / 2, inner_w))
        elif row.barcode:
            barcodes.append(_barcode(template, symbols[row.barcode], x0, y, inner_w, h))
        else:
            texts.extend(_text_row(i, row, values, lang, x0, y, inner_w, h))
        y += h + template.gap_mm
    return Layout(size, tuple(texts), tuple(barcodes), tuple(rules))


def _barcode(template: Template, symbol: Code128Symbol, x: float, y: float, w: float, h: float) -> BarcodeBox:
    modules = symbol.width_modules + 2 * QUIET_MODULES
    module = min(template.max_module_mm, w / modules)
    if module < MIN_MODULE_MM:
        need = modules * MIN_MODULE_MM + 2 * template.margin_mm
        raise TemplateError(f"the barcode {symbol.data} needs a label at least {need:.0f} mm wide")
    return BarcodeBox(x, y, w, h, symbol, module)


def _text_row(i: int, row: Row, values: Mapping[str, str], lang: str, x: float, y: float, w: float, h: float
              ) -> list[TextBox]:
    by_align = {p.align: fill(p.text[lang], values).strip() for p in row.parts}
    if "center" in by_align:
        return [TextBox(x, y, w, h, by_align["center"], "center", row.bold, i)]
    left, right = by_align.get("left"), by_align.get("right")
    if left is not None and right is not None:
        lw = w * row.split
        return [TextBox(x, y, lw, h, left, "left", row.bold, i),
                TextBox(x + lw, y, w - lw, h, right, "right", row.bold, i)]
    only = left if left is not None else right or ""
    return [TextBox(x, y, w, h, only, "left" if left is not None else "right", row.bold, i)]


def rows_of(texts: tuple[TextBox, ...]) -> list[list[TextBox]]:
    """The text boxes grouped by row, top to bottom."""
    rows: dict[int, list[TextBox]] = {}
    for t in texts:
        rows.setdefault(t.row, []).append(t)
    return [rows[k] for k in sorted(rows)]
