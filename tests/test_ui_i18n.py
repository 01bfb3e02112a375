"""Swedish and English through Qt's translation system: complete, current, switchable at run time."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.actions import Action
from ui.i18n import available_languages, translations_dir

from .conftest import REPO, require_service
from .ui_support import idle, sign_in

PLACEHOLDER = re.compile(r"\{\w+\}")


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name") or "", m.findtext("source") or "", m.find("translation"))  # type: ignore[misc]
            for ctx in root.iter("context") for m in ctx.iter("message")]


def test_swedish_is_complete_and_keeps_its_placeholders():
    msgs = messages(translations_dir() / "intake_sv.ts")
    assert len(msgs) > 300
    for ctx, source, tr in msgs:
        assert tr.get("type") not in ("unfinished", "obsolete", "vanished") and tr.text, (ctx, source)
        assert set(PLACEHOLDER.findall(source)) == set(PLACEHOLDER.findall(tr.text)), (ctx, source)


def test_translation_sources_are_current_with_the_code(tmp_path):
    """Every tr()/translate() string in ui/ is in the .ts files (run scripts/update_translations.sh)."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "ui").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
                   check=True, capture_output=True, timeout=120)
    wanted = {(c, s) for c, s, _ in messages(fresh)}
    for lang in ("sv", "en"):
        have = {(c, s) for c, s, _ in messages(translations_dir() / f"intake_{lang}.ts")}
        assert wanted == have, f"{lang}: missing {sorted(wanted - have)[:5]}, stale {sorted(have - wanted)[:5]}"


def test_compiled_translations_exist():
    require_service("compiled translations (scripts/setup.sh build_translations)",
                    (translations_dir() / "intake_sv.qm").is_file())
    assert {"sv", "en"} <= set(available_languages())


def test_switching_language_rebuilds_the_window_on_the_same_session(qtbot, shell):
    require_service("compiled translations", (translations_dir() / "intake_sv.qm").is_file())
    sign_in(qtbot, shell)
    shell.window.open_order(shell.ctx.engine.orders.summary("TB-2026-0001"))
    idle(qtbot, shell)
    assert shell.window.actions_[Action.ORDERS].text() == "Orders"
    shell.ctx.settings.set("ui.language", "sv")
    shell.window.apply_settings({"ui.language"})
    win = shell.window
    idle(qtbot, shell, 200)
    assert win.actions_[Action.ORDERS].text() == "Återtag"
    assert win.actions_[Action.CLOSE_PALLET].text() == "Stäng pall"
    assert win.current.name == "receiving" and shell.ctx.session.order.number == "TB-2026-0001"
    assert shell.ctx.session.actor.name == "Anna Lindqvist"
    assert "matchade / förväntade" in [w.text() for w in win.current.order_counters.findChildren(type(
        win.current.order_label))]
    shell.ctx.settings.set("ui.language", "en")
    shell.window.apply_settings({"ui.language"})
    assert shell.window.actions_[Action.ORDERS].text() == "Orders"
    assert len([w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QMainWindow")]) == 1
