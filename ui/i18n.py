"""Languages through Qt's translation system.

The ``.ts`` sources live in ``resources/translations`` (``intake_sv.ts``, ``intake_en.ts``); the
set-up compiles them to ``.qm`` with pyside6-lrelease. English is the source language, so an
absent ``.qm`` shows English. A new language is a new ``.ts`` file and a choice in the
``ui.language`` setting: no code changes. Qt's own strings (standard buttons) come from Qt's
``qtbase_<lang>.qm``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from intake_app.paths import resources_dir

log = logging.getLogger(__name__)


def translations_dir() -> Path:
    return resources_dir() / "translations"


def available_languages() -> list[str]:
    found = {p.stem.removeprefix("intake_") for p in translations_dir().glob("intake_*.[tq][sm]")}
    return sorted(found | {"en"})


class Languages:
    """Installs the translators of one language at a time on the application."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.current = "en"

    def install(self, lang: str) -> bool:
        """Switch to ``lang``; False (and English) when its compiled translation is missing."""
        for tr in self._installed:
            self._app.removeTranslator(tr)
        self._installed = []
        self.current = lang
        QLocale.setDefault(QLocale(lang))
        ok = True
        if lang != "en":
            ours = QTranslator(self._app)
            ok = ours.load(str(translations_dir() / f"intake_{lang}.qm"))
            if ok:
                self._app.installTranslator(ours)
                self._installed.append(ours)
            else:
                log.warning("no compiled translation for %s in %s (run the set-up)", lang, translations_dir())
            qt = QTranslator(self._app)
            if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._app.installTranslator(qt)
                self._installed.append(qt)
        return ok
