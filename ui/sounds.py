"""Sounds for scan outcomes: a small interface, the platform's own player, a null player.

Why not QtMultimedia's QSoundEffect: on PulseAudio (Qt 6.11) it breaks after a few plays - a
thread of Qt's audio backend spins on a dead socket notifier, floods the log and keeps the
process from exiting (seen on a PulseAudio null sink; scripts in benchmarks/). A dock cannot
afford that, so sounds go to the operating system's player in a separate process: ``paplay``
(PulseAudio and PipeWire), ``pw-play`` or ``aplay`` on Linux, ``afplay`` on macOS, ``winsound``
on Windows. Starting a process costs a few milliseconds, so it happens on the player's own
thread; the GUI thread only hands over the request. A new sound cuts off the previous one:
the newest scan is the one that counts.
"""

from __future__ import annotations

import logging
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Protocol

from intake_app.paths import resources_dir

from .feedback import Sound

log = logging.getLogger(__name__)

# Linux players in order of preference: (command, arguments before the file)
LINUX_PLAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (("paplay", ()), ("pw-play", ()), ("aplay", ("-q",)))


def sound_file(sound: Sound) -> Path:
    return resources_dir() / "sounds" / f"{sound.value}.wav"


class SoundPlayer(Protocol):
    available: bool
    played: list[Sound]

    def play(self, sound: Sound) -> None: ...
    def close(self) -> None: ...


class NullSoundPlayer:
    """Plays nothing; remembers what it was asked (sounds off, or no player on this computer)."""

    available = False

    def __init__(self, reason: str = "off") -> None:
        self.reason = reason
        self.played: list[Sound] = []

    def play(self, sound: Sound) -> None:
        self.played.append(sound)

    def close(self) -> None:
        pass


class ProcessSoundPlayer:
    """Plays each sound with an external player process, started on this player's own thread."""

    available = True

    def __init__(self, command: list[str]) -> None:
        self.command = command
        self.played: list[Sound] = []
        self.started: list[tuple[Sound, float]] = []  # (sound, time.perf_counter() once its player ran)
        self.failures = 0
        self._queue: queue.Queue[Sound | None] = queue.Queue()
        self._current: subprocess.Popen[bytes] | None = None
        self._thread = threading.Thread(target=self._run, name="sounds", daemon=True)
        self._thread.start()

    def play(self, sound: Sound) -> None:
        self.played.append(sound)
        self._queue.put(sound)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=2)
        self._stop_current()

    def _run(self) -> None:
        while True:
            sound = self._queue.get()
            while not self._queue.empty():  # several queued while a player started: only the newest
                sound = self._queue.get_nowait()
            if sound is None:
                return
            self._check_last()
            self._stop_current()
            try:
                self._current = subprocess.Popen([*self.command, str(sound_file(sound))], stdin=subprocess.DEVNULL,
                                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                self.started.append((sound, time.perf_counter()))
            except OSError as exc:
                self.failures += 1
                log.warning("cannot play %s: %s", sound.value, exc)

    def _stop_current(self) -> None:
        proc, self._current = self._current, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=2)

    def _check_last(self) -> None:
        proc = self._current
        if proc is not None and proc.poll() not in (None, 0, -15):  # -15: we cut it off ourselves
            self.failures += 1
            if self.failures == 1:
                log.warning("the sound player %s failed (exit %s): no audio output?", self.command[0],
                            proc.returncode)


class WinSoundPlayer:
    """Windows: the system's own asynchronous player (a new sound stops the previous)."""

    available = True

    def __init__(self) -> None:
        self.played: list[Sound] = []

    def play(self, sound: Sound) -> None:
        self.played.append(sound)
        if sys.platform == "win32":  # (this branch is what type checkers see on Windows)
            import winsound

            winsound.PlaySound(str(sound_file(sound)), winsound.SND_FILENAME | winsound.SND_ASYNC)

    def close(self) -> None:
        pass


def player_command() -> list[str] | None:
    """The external player for this platform, or None when none is installed."""
    if sys.platform == "darwin":
        return ["afplay"] if shutil.which("afplay") else None
    for name, args in LINUX_PLAYERS:
        exe = shutil.which(name)
        if exe:
            return [exe, *args]
    return None


def make_sound_player(enabled: bool) -> SoundPlayer:
    if not enabled:
        return NullSoundPlayer("off")
    if sys.platform == "win32":
        return WinSoundPlayer()
    command = player_command()
    if command is None:
        log.warning("no sounds: no sound player (paplay, pw-play or aplay) is installed")
        return NullSoundPlayer("no player")
    return ProcessSoundPlayer(command)
