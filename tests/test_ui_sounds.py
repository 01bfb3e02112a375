"""The three feedback sounds: valid, distinct in pitch and rhythm, generated (not copied), and
never loaded on a machine without an audio output."""

from __future__ import annotations

import subprocess
import sys
import wave

import numpy as np

from intake_app.paths import resources_dir
from ui.feedback import SOUNDS, Sound, Tone
from ui.sounds import NullSoundPlayer, make_sound_player, sound_file

from .conftest import REPO


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


def test_no_audio_output_means_a_silent_player(qapp):
    from PySide6.QtMultimedia import QMediaDevices

    assert isinstance(make_sound_player(False), NullSoundPlayer)
    player = make_sound_player(True)
    if QMediaDevices.audioOutputs():
        assert player.available
    else:
        assert isinstance(player, NullSoundPlayer) and player.reason == "no audio output"
