"""The Qt binding itself: guards against a release that breaks the application at run time."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qapp):
    """PySide6 6.12.0 on CPython 3.11 dropped a reference to None on every void call; a dock PC
    crashed ("none_dealloc") after a few hundred scans. pyproject.toml keeps that release out."""
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert abs(sys.getrefcount(None) - before) < 50
