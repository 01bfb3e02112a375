"""The PDF fonts: DejaVu, shipped in ``resources/fonts`` so every station prints å ä ö the same.

reportlab keeps registered fonts in a process-wide registry; registering is idempotent, so
renderers call :func:`register` with the font folder before drawing.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR, BOLD = "IntakeSans", "IntakeSans-Bold"
CONDENSED, CONDENSED_BOLD = "IntakeSansCond", "IntakeSansCond-Bold"
FILES = {
    REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf",
    CONDENSED: "DejaVuSansCondensed.ttf", CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf",
}
_lock = threading.Lock()


class FontMissing(FileNotFoundError):
    """A font file is missing from the resources (an installation problem)."""


def register(folder: Path) -> None:
    """Register the four faces from ``folder`` (once per process)."""
    with _lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        for name, file in FILES.items():
            if name in registered:
                continue
            path = folder / file
            if not path.is_file():
                raise FontMissing(f"font {path} is missing; reinstall the application")
            pdfmetrics.registerFont(TTFont(name, str(path)))


def width(text: str, font: str, size: float) -> float:
    return _em_width(text, font) * size


@lru_cache(maxsize=4096)
def _em_width(text: str, font: str) -> float:
    """Width at size 1; cached because receipts repeat the same models, categories, pallets."""
    return float(pdfmetrics.stringWidth(text, font, 1.0))


@lru_cache(maxsize=16)
def _widest(font: str) -> float:
    """The widest glyph's advance at size 1 (a bound that avoids measuring short text)."""
    face = pdfmetrics.getFont(font).face
    return max(face.charWidths.values()) / 1000.0


def fit(text: str, font: str, size: float, max_width: float) -> str:
    """``text`` cut with an ellipsis so that it is at most ``max_width`` points wide."""
    if len(text) * _widest(font) * size <= max_width or width(text, font, size) <= max_width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if width(text[:mid].rstrip() + "…", font, size) <= max_width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"
