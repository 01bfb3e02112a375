"""Sounds for scan outcomes: a small interface, a Qt implementation, a null one.

QtMultimedia is loaded only when sounds are on and the machine has an audio output (a dock PC
without speakers, a CI machine): creating a sound effect with no output device is refused, not
attempted. The null player remembers what it was asked to play, for tests and for the status bar.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QUrl

from intake_app.paths import resources_dir

from .feedback import Sound

log = logging.getLogger(__name__)


def sound_file(sound: Sound) -> Path:
    return resources_dir() / "sounds" / f"{sound.value}.wav"


class SoundPlayer(Protocol):
    available: bool

    def play(self, sound: Sound) -> None: ...


class NullSoundPlayer:
    """Plays nothing; remembers what it was asked (sounds off, or no audio output)."""

    available = False

    def __init__(self, reason: str = "off") -> None:
        self.reason = reason
        self.played: list[Sound] = []

    def play(self, sound: Sound) -> None:
        self.played.append(sound)


class QtSoundPlayer(QObject):
    """One preloaded QSoundEffect per sound: play() starts within a few milliseconds."""

    available = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

        device = QMediaDevices.defaultAudioOutput()
        self.played: list[Sound] = []
        self._effects = {}
        for sound in Sound:
            effect = QSoundEffect(device, self)
            effect.setSource(QUrl.fromLocalFile(str(sound_file(sound))))
            effect.setVolume(1.0)
            self._effects[sound] = effect

    def play(self, sound: Sound) -> None:
        self.played.append(sound)
        effect = self._effects[sound]
        effect.stop()  # a new scan interrupts the previous sound: the newest result is what counts
        effect.play()


def make_sound_player(enabled: bool, parent: QObject | None = None) -> SoundPlayer:
    if not enabled:
        return NullSoundPlayer("off")
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as exc:  # QtMultimedia needs libpulse; the dock still works silently
        log.warning("no sounds: %s", exc)
        return NullSoundPlayer("no multimedia")
    if not QMediaDevices.audioOutputs():
        log.warning("no sounds: this computer has no audio output")
        return NullSoundPlayer("no audio output")
    return QtSoundPlayer(parent)
