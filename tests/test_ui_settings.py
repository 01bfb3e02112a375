"""The settings dialog: a round trip through the file, bad values refused with nothing saved,
changes applied at once (scanner, blind receiving), and a broken settings file at start-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QDialog

from intake_app.settings import Settings
from ui.dialogs.settings import SettingsDialog

from .ui_support import answer_dialog, idle, scanner_types, sign_in


def editor(dialog: QDialog, key: str):
    return dialog.editors[key].widget


def test_settings_round_trip_and_applied_at_once(qtbot, shell):
    sign_in(qtbot, shell, "Sven Ekström", "2468")
    settings = shell.ctx.settings
    assert settings.path is not None and not settings.path.exists()

    def change(dialog: QDialog) -> None:
        editor(dialog, "scanner.prefix").setText("#")
        editor(dialog, "scanner.max_key_interval_ms").setValue(25.0)
        editor(dialog, "receiving.blind").setChecked(True)
        editor(dialog, "receiving.auto_print").setChecked(False)
        editor(dialog, "station.name").setText("dock-2")
        dialog.save()

    answer_dialog(change)
    shell.window.open_settings()
    reloaded = Settings.load(settings.path)
    assert (reloaded.get("scanner.prefix"), reloaded.get("scanner.max_key_interval_ms"),
            reloaded.get("receiving.blind"), reloaded.get("receiving.auto_print"),
            reloaded.get("station.name")) == ("#", 25.0, True, False, "dock-2")
    assert reloaded.get("ui.language") == "sv"  # untouched values stay defaults, not written out
    assert "station" in settings.path.read_text(encoding="utf-8")
    assert (shell.ctx.scanner.config.prefix, shell.ctx.scanner.config.max_gap_ms) == ("#", 25.0)

    # the new prefix is in force: a scan with it is recognised, blind receiving hides the list
    shell.window.open_order(shell.ctx.engine.orders.summary("TB-2026-0001"))
    page = shell.window.current
    idle(qtbot, shell, 300)
    assert page.outstanding_stack.currentIndex() == 1
    assert "/" not in page.order_counters.values[0].text()
    with qtbot.waitSignal(page.feedback_shown, timeout=10_000):
        scanner_types("#00373500123400000019")
    assert page.banner.feedback.headline == "Pallet 373500123400000019"


def test_bad_values_are_refused_and_nothing_is_saved(qtbot, shell):
    sign_in(qtbot, shell, "Sven Ekström", "2468")
    settings = shell.ctx.settings
    dialog = SettingsDialog(settings, shell.window)
    editor(dialog, "scanner.max_key_interval_ms").setValue(-5.0)
    editor(dialog, "scanner.prefix").setText("X")
    dialog.save()
    assert "scanner.max_key_interval_ms" in dialog.error.text() and dialog.result() != QDialog.DialogCode.Accepted
    editor(dialog, "scanner.max_key_interval_ms").setValue(30.0)
    editor(dialog, "database.url").setText("not a url")
    dialog.save()
    assert "database.url" in dialog.error.text()
    assert not settings.path.exists() and settings.get("scanner.prefix") == ""
    dialog.reject()


def test_every_declared_option_has_an_editor(qtbot, shell):
    from intake_app.settings import OPTIONS

    dialog = SettingsDialog(shell.ctx.settings, shell.window)
    assert set(dialog.editors) == {o.key for o in OPTIONS}
    languages = editor(dialog, "ui.language")
    assert {languages.itemData(i) for i in range(languages.count())} >= {"sv", "en"}
    dialog.reject()


def test_a_broken_settings_file_stops_the_start_with_one_line(tmp_path):
    home = tmp_path / "station"
    home.mkdir()
    (home / "settings.toml").write_text("[scanner\nprefix = ", encoding="utf-8")
    env = {**os.environ, "INTAKE_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([str(Path(sys.executable).parent / "intake-app")], env=env, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 2
    assert r.stderr.strip().splitlines()[-1].startswith("intake-app: settings file") and "Traceback" not in r.stderr


def test_no_display_is_one_line_not_a_core_dump(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["INTAKE_HOME"] = str(tmp_path)
    r = subprocess.run([str(Path(sys.executable).parent / "intake-app")], env=env, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 2 and r.stderr.startswith("intake-app: no display")


def test_number_fields_show_their_value(qtbot, shell):
    """The theme's bordered spin boxes without arrows once squeezed their text field to 1 px."""
    from PySide6.QtWidgets import QAbstractSpinBox

    dialog = SettingsDialog(shell.ctx.settings, shell.window)
    qtbot.addWidget(dialog)
    dialog.resize(1200, 700)
    dialog.show()
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        for editor in dialog.editors.values():
            w = editor.widget
            if isinstance(w, QAbstractSpinBox) and w.isVisible():
                assert w.lineEdit().width() > w.width() // 2, editor.opt.key
    dialog.reject()
