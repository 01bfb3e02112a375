"""What every page is given: the engine, the session, the task runner, the bridges, the devices."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from intake_app.app import IntakeApp
from intake_app.settings import Settings

from .bridge import EventBridge
from .devices import SerialBridge
from .i18n import Languages
from .integrations import Integrations
from .scanner_filter import ScannerFilter
from .session import Session
from .sounds import SoundPlayer
from .tasks import TaskRunner


@dataclass
class DockContext:
    engine: IntakeApp
    session: Session
    runner: TaskRunner
    bridge: EventBridge
    integrations: Integrations
    sounds: SoundPlayer
    languages: Languages
    scanner: ScannerFilter
    serial: SerialBridge

    @property
    def settings(self) -> Settings:
        return self.engine.settings

    def setting(self, key: str) -> Any:
        return self.engine.settings.get(key)

    @property
    def blind(self) -> bool:
        return bool(self.setting("receiving.blind"))
