"""The live pipeline: capture on its own thread, decoding on worker threads, scans out.

::

    source --capture thread--> [newest frame slot] --worker 1..n--> decode (aim box) --> rank --> Tracker
                                  (stale frames dropped)           (zxing-cpp releases the GIL)    |
                                                                              on_frame(result), on_scan(scan)

The slot holds only the newest frame: a worker that gets free takes it, and a frame nobody took
before the next one arrived is dropped, never queued, so the scan always reflects what the camera
sees now. A decoded result older than one already delivered is dropped too. In *lossless* mode
(files in tests and ``intake decode``) capture waits for a worker instead and results are
delivered strictly in frame order, so a replay decides exactly the same scans on any machine.

Callbacks run on a worker thread: a GUI hands them to its own thread (ui/camera does).
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from ..decoders import DecoderChain, DecoderConfig, Read, build_decoder, to_gray, unique
from .aim import AimBox, Rect
from .hints import Diagnosis, Hint, diagnose
from .ranking import Ranked, Role, rank
from .sources import FrameSource
from .stability import FrameNote, Tracker, TrackerConfig

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Frame:
    seq: int
    t: float  # capture time (the pipeline's clock, seconds)
    image: np.ndarray


@dataclass(frozen=True)
class FrameResult:
    """One decoded frame: everything the overlay shows."""

    frame: Frame
    aim: Rect
    ranked: tuple[Ranked, ...]
    scans: tuple[Ranked, ...]
    held: frozenset[str]
    held_roles: Mapping[str, Role]
    note: FrameNote
    diagnosis: Diagnosis
    decode_ms: float

    def shown_role(self, r: Ranked) -> Role:
        """The role to show: a code already scanned keeps the role it was scanned with (a unit just
        received no longer is outstanding, yet it was matched)."""
        return self.held_roles.get(r.text, r.role)


@dataclass(frozen=True)
class CameraScan:
    """A code that became a scan: hand ``raw`` to ``Scanning.record(..., source="camera")``."""

    raw: str  # AIM identifier + text, as a scanner with AIM identifiers on would send it
    ranked: Ranked
    frame_t: float  # capture time of the frame that decided it
    first_seen_t: float  # capture time of the first frame the code was read in


@dataclass
class PipelineStats:
    captured: int = 0
    decoded: int = 0
    skipped: int = 0  # frames replaced in the slot before any worker took them
    stale: int = 0  # decoded results dropped because a newer frame was already delivered
    decode_ms: list[float] = field(default_factory=list)


class _Slot:
    """The newest frame, for the workers; in lossless mode the producer waits for a taker."""

    def __init__(self, lossless: bool) -> None:
        self.lossless = lossless
        self.cond = threading.Condition()
        self.frame: Frame | None = None
        self.closed = False

    def put(self, frame: Frame) -> bool:
        """Offer a frame; True if it replaced one nobody took (a skipped frame)."""
        with self.cond:
            while self.lossless and self.frame is not None and not self.closed:
                self.cond.wait()
            skipped = self.frame is not None
            self.frame = frame
            self.cond.notify_all()
            return skipped

    def take(self) -> Frame | None:
        with self.cond:
            while self.frame is None and not self.closed:
                self.cond.wait()
            frame, self.frame = self.frame, None
            self.cond.notify_all()
            return frame

    def close(self, *, drop: bool = False) -> None:
        with self.cond:
            self.closed = True
            if drop:
                self.frame = None
            self.cond.notify_all()


class CameraPipeline:
    """Frames from ``source`` decoded by ``workers`` threads; scans to ``on_scan``, results to ``on_frame``."""

    def __init__(self, source: FrameSource, *, decoder: DecoderConfig | None = None, aim: AimBox | None = None,
                 tracker: TrackerConfig | None = None, workers: int = 2, lossless: bool = False,
                 on_scan: Callable[[CameraScan], None] | None = None,
                 on_frame: Callable[[FrameResult], None] | None = None,
                 clock: Callable[[], float] = time.monotonic, hint_hold_s: float = 0.5) -> None:
        self.source = source
        self.decoder_config = decoder or DecoderConfig()
        self.aim = aim or AimBox()
        self.tracker = Tracker(tracker or TrackerConfig())
        self.workers = max(1, workers)
        self.on_scan, self.on_frame = on_scan, on_frame
        self.clock = clock
        self.hint_hold_s = hint_hold_s
        self.stats = PipelineStats()
        self._slot = _Slot(lossless)
        self._lock = threading.Lock()  # guards tracker, expected, delivery order, latest_*
        self._expected: Mapping[str, uuid.UUID] = {}
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        self._next_seq = 0  # lossless: the next frame to deliver
        self._pending: dict[int, tuple[Frame, list[Read], Diagnosis | None, float]] = {}
        self._last_delivered = -1
        self._last_diagnosis: tuple[float, Diagnosis] = (float("-inf"), Diagnosis(Hint.NONE))
        self._latest_frame: Frame | None = None
        self._latest_result: FrameResult | None = None
        self.error: str | None = None

    # -- control -------------------------------------------------------------------------------------

    def start(self) -> None:
        """Open the source (raises CameraError) and start capturing and decoding."""
        self.source.open()
        self._threads = [threading.Thread(target=self._capture, name="camera-capture", daemon=True)]
        self._threads += [threading.Thread(target=self._work, name=f"camera-decode-{i}", daemon=True)
                          for i in range(self.workers)]
        for th in self._threads:
            th.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop capturing, drop what is not decoded yet, wait for the threads, close the source."""
        self._stop.set()
        self._slot.close(drop=True)
        self.join(timeout)
        self.source.close()

    def join(self, timeout: float | None = None) -> bool:
        """Wait until the source has ended and every taken frame is delivered; True if so."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for th in self._threads:
            th.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return not any(th.is_alive() for th in self._threads)

    def set_expected(self, keys: Mapping[str, uuid.UUID]) -> None:
        """The outstanding keys of the current order (``Scanning.outstanding_keys``), refreshed after scans."""
        with self._lock:
            self._expected = dict(keys)

    def reset(self) -> None:
        """Forget hold-offs (a new order; or scan what is in view once more)."""
        with self._lock:
            self.tracker.reset()

    def latest_frame(self) -> Frame | None:
        return self._latest_frame

    def latest_result(self) -> FrameResult | None:
        return self._latest_result

    # -- threads -------------------------------------------------------------------------------------

    def _capture(self) -> None:
        seq = 0
        try:
            while not self._stop.is_set():
                image = self.source.read()
                if image is None:
                    break
                frame = Frame(seq, self.clock(), image)
                self._latest_frame = frame
                seq += 1
                self.stats.captured += 1
                if self._slot.put(frame):
                    self.stats.skipped += 1
        except Exception as exc:  # a camera unplugged mid-stream: report, stop cleanly
            self.error = f"the camera stopped: {exc}"
            log.exception("camera capture failed")
        finally:
            self._slot.close()

    def _work(self) -> None:
        chain = build_decoder(self.decoder_config)
        while True:
            frame = self._slot.take()
            if frame is None:
                return
            t0 = time.perf_counter()
            gray = to_gray(frame.image)
            x, y, w, h = self.aim.rect(gray.shape[1], gray.shape[0])
            crop = gray[y:y + h, x:x + w]
            reads = unique(chain.main.decode(crop, (x, y)))
            diagnosis = None
            if not reads:
                diagnosis = diagnose(crop, (x, y))
                reads = self._fallback(chain, gray, diagnosis)
            ms = (time.perf_counter() - t0) * 1000
            self._deliver(frame, reads, diagnosis, ms)

    @staticmethod
    def _fallback(chain: DecoderChain, gray: np.ndarray, diagnosis: Diagnosis) -> list[Read]:
        """ZBar only where something code-like did not read (an empty view costs it nothing)."""
        if chain.fallback is None or diagnosis.region is None:
            return []
        rx, ry, rw, rh = diagnosis.region
        pad = max(rw, rh) // 4 + 8  # quiet zones and the bar ends the region search cut off
        x0, y0 = max(0, rx - pad), max(0, ry - pad)
        region = gray[y0:ry + rh + pad, x0:rx + rw + pad]
        return unique(chain.fallback.decode(np.ascontiguousarray(region), (x0, y0)))

    def _deliver(self, frame: Frame, reads: list[Read], diagnosis: Diagnosis | None, ms: float) -> None:
        scans: list[CameraScan] = []
        results: list[FrameResult] = []
        with self._lock:
            self.stats.decode_ms.append(ms)
            self.stats.decoded += 1
            if self._slot.lossless:
                self._pending[frame.seq] = (frame, reads, diagnosis, ms)
                while self._next_seq in self._pending:
                    results.append(self._decide(*self._pending.pop(self._next_seq), scans))
                    self._next_seq += 1
            elif frame.seq > self._last_delivered:
                self._last_delivered = frame.seq
                results.append(self._decide(frame, reads, diagnosis, ms, scans))
            else:
                self.stats.stale += 1
        # callbacks outside the lock: a slow consumer must not block the other worker's decoding
        for result in results:
            if self.on_frame is not None:
                self.on_frame(result)
        for scan in scans:
            if self.on_scan is not None:
                self.on_scan(scan)

    def _decide(self, frame: Frame, reads: list[Read], diagnosis: Diagnosis | None, ms: float,
                scans: list[CameraScan]) -> FrameResult:
        # A hint stays on screen for hint_hold_s after the last frame that produced it: an
        # occasional frame without the region must not make the words flicker.
        if reads:
            self._last_diagnosis = (frame.t, Diagnosis(Hint.NONE))
        elif diagnosis is not None and diagnosis.hint is not Hint.NONE:
            self._last_diagnosis = (frame.t, diagnosis)
        elif frame.t - self._last_diagnosis[0] > self.hint_hold_s:
            self._last_diagnosis = (frame.t, diagnosis or Diagnosis(Hint.NONE))
        diagnosis = self._last_diagnosis[1]
        ranked = rank(reads, self._expected)
        verdict = self.tracker.update(ranked, frame.t)
        for r in verdict.scans:
            scans.append(CameraScan(r.read.raw, r, frame.t, self.tracker.first_seen(r.text, frame.t)))
        h, w = frame.image.shape[:2]
        result = FrameResult(frame, self.aim.rect(w, h), tuple(ranked), verdict.scans, verdict.held,
                             verdict.held_roles, verdict.note, diagnosis, ms)
        self._latest_result = result
        return result
