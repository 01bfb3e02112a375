"""The About box: the one version (``intake_app.__version__``) and where the station's data is, reachable
before anyone signs in (IT staff setting up a dock PC have no PIN)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel

import intake_app
from ui.actions import Action

from .ui_support import answer_dialog


def test_about_shows_the_version_and_the_database_before_sign_in(qtbot, shell):
    about = shell.window.actions_[Action.ABOUT]
    assert shell.ctx.session.actor is None and about.isEnabled()
    seen: list[str] = []

    def read(dialog: QDialog) -> None:
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()

    answer_dialog(read)
    about.trigger()
    assert f"Version {intake_app.__version__}" in seen
    assert str(shell.ctx.engine.database_path) in seen and shell.ctx.engine.station.name in seen
    assert shell.window.actions_[Action.SETTINGS].isEnabled() is False, "the rest still waits for sign-in"


def test_intake_app_version_is_the_same_as_intakes():
    bin_dir = Path(sys.executable).parent
    app = subprocess.run([str(bin_dir / "intake-app"), "--version"], capture_output=True, text=True, timeout=60)
    cli = subprocess.run([str(bin_dir / "intake"), "--version"], capture_output=True, text=True, timeout=60)
    assert app.returncode == cli.returncode == 0
    assert app.stdout == f"intake-app, version {intake_app.__version__}\n"
    assert cli.stdout == f"intake, version {intake_app.__version__}\n"
