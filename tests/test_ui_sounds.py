"""The three feedback sounds: valid, distinct in pitch and rhythm, generated (not copied), and
played by the platform's own player on a real (private, null-sink) PulseAudio server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from intake_app.paths import resources_dir
from ui.feedback import SOUNDS, Sound, Tone
from ui.sounds import NullSoundPlayer, ProcessSoundPlayer, make_sound_player, player_command, sound_file

from .conftest import REPO, require_service


def samples(sound: Sound) -> tuple[np.ndarray, int]:
    with wave.open(str(sound_file(sound))) as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(float), w.getframerate()


def dominant_hz(sound: Sound) -> float:
    x, rate = samples(sound)
    spectrum = np.abs(np.fft.rfft(x))
    return float(np.fft.rfftfreq(len(x), 1 / rate)[int(np.argmax(spectrum))])


def bursts(sound: Sound) -> int:
    """How many separate tones (rhythm): runs of loud 10 ms windows."""
    x, rate = samples(sound)
    win = rate // 100
    loud = [np.abs(x[i:i + win]).max() > 2000 for i in range(0, len(x) - win, win)]
    return sum(1 for i, v in enumerate(loud) if v and (i == 0 or not loud[i - 1]))


def test_sounds_are_distinct_in_pitch_and_rhythm():
    pitch = {s: dominant_hz(s) for s in Sound}
    assert 800 < pitch[Sound.MATCHED] < 1400 and 600 < pitch[Sound.WARNING] < 720 and 150 < pitch[Sound.STOP] < 260
    assert [bursts(s) for s in (Sound.MATCHED, Sound.WARNING, Sound.STOP)] == [1, 2, 3]
    for s in Sound:
        x, _ = samples(s)
        assert 0.15 < len(x) / 22050 < 0.8 and np.abs(x).max() < 32000  # short, loud, never clipped


def test_every_tone_but_idle_has_a_sound():
    assert SOUNDS[Tone.IDLE] is None and {SOUNDS[t] for t in Tone if t is not Tone.IDLE} == set(Sound)


def test_committed_sounds_are_what_the_generator_makes(tmp_path):
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_sounds.py"), str(tmp_path)], check=True, timeout=60)
    for s in Sound:
        assert (tmp_path / f"{s.value}.wav").read_bytes() == (resources_dir() / "sounds" / f"{s.value}.wav").read_bytes()


@pytest.fixture
def sound_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private PulseAudio with a null sink: a real sound server where the machine has no card."""
    exe = shutil.which("pulseaudio")
    require_service("pulseaudio (a private sound server)", exe is not None and player_command() is not None)
    assert exe is not None
    runtime = tmp_path / "run"
    runtime.mkdir()
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    proc = subprocess.Popen([exe, "--daemonize=no", "--exit-idle-time=-1", "-n",
                             "--load=module-null-sink sink_name=dock", "--load=module-native-protocol-unix"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not (runtime / "pulse" / "native").exists():
        assert time.monotonic() < deadline and proc.poll() is None, "pulseaudio did not start"
        time.sleep(0.05)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    yield runtime
    proc.terminate()
    proc.wait(timeout=10)


def wait_for(cond, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_sounds_play_on_a_sound_server(sound_server):
    player = make_sound_player(True)
    assert isinstance(player, ProcessSoundPlayer)
    try:
        t0 = time.perf_counter()
        player.play(Sound.MATCHED)
        wait_for(lambda: len(player.started) == 1)
        assert player.started[0][0] is Sound.MATCHED and player.started[0][1] - t0 < 0.5
        proc = player._current
        assert proc is not None and proc.wait(timeout=5) == 0  # the server took the whole sound
        player.play(Sound.STOP)  # 0.6 s long...
        wait_for(lambda: len(player.started) == 2)
        first = player._current
        player.play(Sound.WARNING)  # ...cut off by the next scan's sound
        wait_for(lambda: len(player.started) == 3)
        assert first is not None and first.poll() is not None  # stopped before the next one began
        assert player.started[2][1] - player.started[1][1] < 0.6  # well before its 0.6 s were over
        assert player._current.wait(timeout=5) == 0
        assert player.failures == 0 and player.played == [Sound.MATCHED, Sound.STOP, Sound.WARNING]
    finally:
        player.close()


def test_no_sound_server_is_counted_not_raised(tmp_path, monkeypatch):
    require_service("a sound player (paplay)", player_command() is not None and "paplay" in player_command()[0])
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))  # no server here
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/none")
    player = make_sound_player(True)
    try:
        player.play(Sound.MATCHED)
        wait_for(lambda: player._current is not None and player._current.poll() is not None)
        player.play(Sound.STOP)
        wait_for(lambda: player.failures >= 1)
    finally:
        player.close()


def test_sounds_off_means_a_silent_player():
    player = make_sound_player(False)
    assert isinstance(player, NullSoundPlayer) and not player.available
    player.play(Sound.STOP)
    assert player.played == [Sound.STOP]
