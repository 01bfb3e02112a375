"""The window starts offscreen on a demo database and lists the orders."""

from __future__ import annotations

from ui.main import build_window


def test_window_lists_orders(qtbot, app, people, order):
    win = build_window(app)
    qtbot.addWidget(win)
    model = win.centralWidget().model()
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "TB-2026-0001"
