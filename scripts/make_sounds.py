"""Generate the dock's three feedback sounds (resources/sounds/*.wav) from sine waves.

    .venv/bin/python scripts/make_sounds.py

Made here, not recorded: no third-party audio, and every sound can be regenerated. They are
told apart by pitch *and* rhythm (someone who cannot hear high tones still hears the rhythm):
  matched  a short rising two-note chime (880 -> 1320 Hz), 0.25 s
  warning  two mid beeps (660 Hz), 0.36 s
  stop     three low buzzes (220 Hz with odd harmonics, falling), 0.6 s
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
PEAK = 0.8 * 32767  # headroom: never clipped


def envelope(i: int, n: int, attack: int = 220, release: int = 900) -> float:
    return min(1.0, i / attack, (n - i) / release) if n > 0 else 0.0


def tone(freq: float, seconds: float, harmonics: tuple[float, ...] = (1.0,), glide_to: float | None = None
         ) -> list[float]:
    n = int(RATE * seconds)
    out, phase = [], 0.0
    for i in range(n):
        f = freq if glide_to is None else freq + (glide_to - freq) * i / n
        phase += 2 * math.pi * f / RATE
        s = sum(a * math.sin(k * phase) for k, a in enumerate(harmonics, start=1) if a)
        out.append(s / sum(harmonics) * envelope(i, n))
    return out


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


def matched() -> list[float]:
    return tone(880, 0.09, (1.0, 0.3)) + tone(1320, 0.16, (1.0, 0.25))


def warning() -> list[float]:
    beep = tone(660, 0.12, (1.0, 0.0, 0.2))
    return beep + silence(0.06) + beep + silence(0.06)


def stop() -> list[float]:
    buzz = tone(240, 0.16, (1.0, 0.0, 0.33, 0.0, 0.2), glide_to=200)
    return buzz + silence(0.05) + buzz + silence(0.05) + buzz


def write(path: Path, samples: list[float]) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * PEAK)) for s in samples))


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in (("matched", matched), ("warning", warning), ("stop", stop)):
        write(folder / f"{name}.wav", make())


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "resources" / "sounds")
