"""Puts the application together: engine + devices + runner + window; switches language by
rebuilding the window from the session (pages hold no state of their own worth keeping)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from intake_app.app import IntakeApp
from intake_app.devices.wedge import config_from_settings

from .bridge import EventBridge
from .collector import GuiThreadCollector
from .context import DockContext
from .devices import SerialBridge
from .i18n import Languages
from .integrations import Integrations, build_integrations
from .scanner_filter import ScannerFilter
from .session import Session
from .sounds import NullSoundPlayer, make_sound_player
from .tasks import TaskRunner
from .window import MainWindow

# Painting a table calls back into Python for every visible cell, and each call has to take the
# interpreter lock from a worker that may be busy with the database. Python hands the lock over
# every 5 ms by default; at 1 ms a repaint during a refresh stays well inside 50 ms.
GIL_SWITCH_S = 0.001
FREEZE_AFTER_MS = 3000


class DockShell(QObject):
    def __init__(self, qt: QApplication, engine: IntakeApp, *, lang: str | None = None, sounds: bool = True,
                 integrations: Integrations | None = None) -> None:
        super().__init__()
        self.qt = qt
        self.collector = GuiThreadCollector(self)
        self.collector.start()
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(GIL_SWITCH_S)
        self.languages = Languages(qt)
        self.languages.install(lang or str(engine.settings.get("ui.language")))
        scanner = ScannerFilter(config_from_settings(engine.settings.get), self)
        scanner.install(qt)
        session = Session()
        self.ctx = DockContext(
            engine=engine, session=session, runner=TaskRunner(engine.paths.data_dir / "logs"),
            bridge=EventBridge(engine.events), integrations=integrations or build_integrations(engine, lambda: session.actor),
            sounds=NullSoundPlayer("loading"), languages=self.languages, scanner=scanner, serial=SerialBridge())
        self._want_sounds = sounds and bool(engine.settings.get("receiving.sounds"))
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.ctx, self.switch_language)
        window.resize(1366, 768)
        return window

    def show(self) -> None:
        if self.ctx.setting("ui.fullscreen"):
            self.window.showFullScreen()
        else:
            self.window.show()
        self.window.start()
        # devices after the window is up: the first paint never waits for audio or a serial port
        QTimer.singleShot(0, self.start_devices)
        QTimer.singleShot(FREEZE_AFTER_MS, self, self.collector.freeze)  # the first page is built by then

    def start_devices(self) -> None:
        if self._want_sounds and isinstance(self.ctx.sounds, NullSoundPlayer):
            self.ctx.sounds = make_sound_player(True)
        self.ctx.serial.configure(self.ctx.settings)
        self.ctx.integrations.start()

    def switch_language(self, lang: str) -> None:
        """Install ``lang`` and rebuild the window on the same session, page and geometry."""
        old = self.window
        page = old.current.name if old.current else "signin"
        geometry, full = old.saveGeometry(), old.isFullScreen()
        self.languages.install(lang)
        self.window = self._new_window()
        self.window.restoreGeometry(geometry)
        self.window.showFullScreen() if full else self.window.show()
        self.window.start()
        if page not in ("signin", "orders"):
            self.window.show_page(page)
        old.close()
        old.deleteLater()

    def shutdown(self) -> None:
        self.qt.removeEventFilter(self.ctx.scanner)
        self.window.close()
        self.window.deleteLater()
        self.ctx.serial.stop()
        self.ctx.integrations.stop()
        self.ctx.sounds.close()
        self.ctx.runner.shutdown(wait=True)
        self.ctx.bridge.close()
        self.ctx.engine.close()
        self.collector.stop()
        sys.setswitchinterval(self._switch_interval)
