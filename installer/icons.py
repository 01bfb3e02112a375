"""The application icon for menus and installers, drawn from ``resources/icons/app.svg``.

One drawing, three forms: the SVG itself (Linux menus scale it), a 256 px PNG (menus that want
pixels) and a multi-size .ico (Windows: the programs, the Start menu and the setup program).
"""

from __future__ import annotations

import os
from pathlib import Path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon_svg(root: Path) -> Path:
    return root / "resources" / "icons" / "app.svg"


def render_png(svg: Path, size: int, out: Path) -> Path:
    """``svg`` drawn at ``size`` x ``size`` pixels with a transparent background."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a build machine has no display
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - kept alive while painting
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG drawing")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):  # the format from the ".png" name
        raise OSError(f"cannot write {out}")
    return out


def write_ico(png: Path, out: Path) -> Path:
    """A Windows icon holding every size of :data:`ICON_SIZES`, scaled down from a 256 px ``png``."""
    from PIL import Image

    with Image.open(png) as img:
        img.save(out, format="ICO", sizes=[(s, s) for s in ICON_SIZES])
    return out
