"""Icons from ``resources/icons`` (SVG), rendered once per size and cached."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

from intake_app.paths import resources_dir


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(resources_dir() / "icons" / f"{name}.svg"))


@cache
def pixmap(name: str, size: int) -> QPixmap:
    return icon(name).pixmap(QSize(size, size))
