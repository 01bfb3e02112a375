"""Where a station keeps its files: the platform's per-user directories, or ``INTAKE_HOME``.

``INTAKE_HOME`` puts settings, database and spool in one folder (tests, demos, a second
station on one PC). Resources (sounds, translations, CO2e table) are found beside the code,
inside a frozen bundle, or where ``INTAKE_RESOURCES`` says.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from platformdirs.api import PlatformDirsABC

APP_NAME = "intake-dock"


@dataclass(frozen=True)
class Paths:
    config_dir: Path
    data_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def database_file(self) -> Path:
        return self.data_dir / "intake.sqlite3"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"


def default_paths(platform: type[PlatformDirsABC] = platformdirs.PlatformDirs) -> Paths:
    """``INTAKE_HOME``, or the user's folders as ``platform`` (this operating system's) names them:
    ``~/.config/intake-dock`` and ``~/.local/share/intake-dock`` on Linux, one folder
    ``%LOCALAPPDATA%\\intake-dock\\intake-dock`` on Windows (the installers document both)."""
    home = os.environ.get("INTAKE_HOME")
    if home:
        return Paths(Path(home), Path(home))
    dirs = platform(APP_NAME)
    return Paths(Path(dirs.user_config_dir), Path(dirs.user_data_dir))


def resources_dir() -> Path:
    """The ``resources/`` folder: env override, PyInstaller bundle, or the source tree."""
    override = os.environ.get("INTAKE_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
