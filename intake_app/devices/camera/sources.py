"""Frame sources behind one small interface: a camera, a video file, a folder of images.

A source hands out frames (8-bit BGR or grayscale arrays) until it has no more. A camera blocks in
``read`` until the next frame arrives; a file is read as fast as asked, or *paced* at its frame
rate to stand in for a camera (no camera exists on a build machine: tests and benchmarks use
files). Opening a source that is not there raises :class:`CameraError` with one line to show.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from ...errors import InputError

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".pgm", ".ppm", ".pbm",
                            ".jp2", ".gif"})
VIDEO_SUFFIXES = frozenset({".avi", ".mp4", ".mkv", ".mov", ".webm", ".m4v", ".mjpeg", ".mjpg", ".mpg", ".mpeg",
                            ".wmv", ".ogv"})
MAX_PIXELS = 40_000_000  # 40 MP: more than any camera we use; refuses a file that would eat the memory


class CameraError(InputError):
    code = "camera"


class FrameSource(Protocol):
    name: str

    @property
    def fps(self) -> float | None:
        """The source's native frame rate, if it has one."""
        ...

    def open(self) -> None: ...
    def read(self) -> np.ndarray | None:
        """The next frame, or None at the end of the stream."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class CameraSettings:
    """What the dock can set on a USB camera (each applied only where the device allows it)."""

    index: int = 0
    width: int = 1280
    height: int = 720
    fps: float = 30.0
    exposure: float | None = None  # None: the camera's automatic exposure
    focus: float | None = None  # None: autofocus (where the camera has it)
    mjpeg: bool = True  # ask for MJPEG: USB 2 webcams deliver 720p/1080p at 30 fps only that way


class _Pacer:
    """Hands frames out no faster than ``fps``, like a camera would (for files standing in for one)."""

    def __init__(self, fps: float | None, clock: Callable[[], float], sleep: Callable[[float], None]) -> None:
        self.interval = 1.0 / fps if fps else 0.0
        self.clock, self.sleep = clock, sleep
        self.next_at: float | None = None

    def wait(self) -> None:
        if not self.interval:
            return
        now = self.clock()
        if self.next_at is None:
            self.next_at = now
        if self.next_at > now:
            self.sleep(self.next_at - now)
        self.next_at = max(self.next_at + self.interval, self.clock() - self.interval)


class _Capture:
    """What a camera and a video file share: an OpenCV capture, read frame by frame, released once."""

    _cap: cv2.VideoCapture | None = None

    def _next_frame(self) -> np.ndarray | None:
        if self._cap is None:
            return None
        ok, frame = self._cap.read()
        return frame if ok else None

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


class CameraSource(_Capture):
    """A camera through OpenCV's VideoCapture (V4L2 on Linux, Media Foundation on Windows)."""

    def __init__(self, settings: CameraSettings) -> None:
        self.settings = settings
        self.name = f"camera {settings.index}"

    @property
    def fps(self) -> float | None:
        return self.settings.fps

    def open(self) -> None:
        s = self.settings
        cap = cv2.VideoCapture(s.index)
        if not cap.isOpened():
            cap.release()
            raise CameraError(f"no camera {s.index}: check that it is plugged in and not used by another program")
        if s.mjpeg:
            cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, s.width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, s.height)
        cap.set(cv2.CAP_PROP_FPS, s.fps)
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # keep the driver from queueing stale frames
        if s.exposure is not None:
            cap.set(cv2.CAP_PROP_AUTO_EXPOSURE, 1)  # V4L2: 1 = manual
            cap.set(cv2.CAP_PROP_EXPOSURE, s.exposure)
        if s.focus is not None:
            cap.set(cv2.CAP_PROP_AUTOFOCUS, 0)
            cap.set(cv2.CAP_PROP_FOCUS, s.focus)
        self._cap = cap

    def read(self) -> np.ndarray | None:
        return self._next_frame()


class VideoFileSource(_Capture):
    """A video file; ``paced`` plays it at its own frame rate to stand in for a live camera."""

    def __init__(self, path: Path, *, paced: bool = False, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.path = path
        self.name = path.name
        self.paced = paced
        self._clock, self._sleep = clock, sleep
        self._fps: float | None = None
        self._pacer: _Pacer | None = None

    @property
    def fps(self) -> float | None:
        return self._fps

    def open(self) -> None:
        if not self.path.is_file():
            raise CameraError(f"{self.path}: no such video file")
        cap = cv2.VideoCapture(str(self.path))
        if not cap.isOpened():
            cap.release()
            raise CameraError(f"{self.path}: not a video this program can read")
        w, h = cap.get(cv2.CAP_PROP_FRAME_WIDTH), cap.get(cv2.CAP_PROP_FRAME_HEIGHT)
        if w * h > MAX_PIXELS:
            cap.release()
            raise CameraError(f"{self.path}: frames of {int(w)}x{int(h)} are larger than any camera")
        fps = cap.get(cv2.CAP_PROP_FPS)
        self._fps = fps if 0 < fps <= 1000 else 30.0
        self._cap = cap
        self._pacer = _Pacer(self._fps if self.paced else None, self._clock, self._sleep)

    def read(self) -> np.ndarray | None:
        if self._cap is None or self._pacer is None:
            return None
        self._pacer.wait()
        return self._next_frame()


class ImageFolderSource:
    """The images of a folder in name order, each once (or ``fps`` images a second when paced)."""

    def __init__(self, folder: Path, *, fps: float | None = None, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.folder = folder
        self.name = folder.name
        self._fps = fps
        self._files: list[Path] = []
        self._pacer = _Pacer(fps, clock, sleep)

    @property
    def fps(self) -> float | None:
        return self._fps

    def open(self) -> None:
        if not self.folder.is_dir():
            raise CameraError(f"{self.folder}: no such folder")
        self._files = sorted(p for p in self.folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        if not self._files:
            raise CameraError(f"{self.folder}: no images in it")

    def read(self) -> np.ndarray | None:
        while self._files:
            path = self._files.pop(0)
            self._pacer.wait()
            image = read_image(path, missing_ok=True)
            if image is not None:
                return image
        return None

    def close(self) -> None:
        self._files = []


def read_image(path: Path, *, missing_ok: bool = False) -> np.ndarray | None:
    """An image file as an array (gray or BGR, as stored), or a :class:`CameraError` saying why not."""
    try:
        data = np.fromfile(str(path), dtype=np.uint8)  # np.fromfile + imdecode: non-ASCII paths on Windows
    except OSError as exc:
        raise CameraError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if data.size == 0:
        raise CameraError(f"{path}: the file is empty")
    _check_dimensions(path, data)
    image = cv2.imdecode(data, cv2.IMREAD_UNCHANGED)
    if image is None or image.size == 0:
        if missing_ok:
            return None
        raise CameraError(f"{path}: not an image this program can read (or the file is damaged)")
    return image


def _check_dimensions(path: Path, data: np.ndarray) -> None:
    """Refuse a huge image before decoding it (a 100k x 100k PNG header is a few bytes)."""
    header = data[:64].tobytes()
    size: tuple[int, int] | None = None
    if header.startswith(b"\x89PNG\r\n\x1a\n") and len(header) >= 24:
        size = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
    elif header[:2] == b"BM" and len(header) >= 26:
        size = abs(int.from_bytes(header[18:22], "little", signed=True)), abs(
            int.from_bytes(header[22:26], "little", signed=True))
    elif header[:4] == b"\xff\xd8\xff\xe0" or header[:3] == b"\xff\xd8\xff":
        size = _jpeg_size(data)
    if size and size[0] * size[1] > MAX_PIXELS:
        raise CameraError(f"{path}: {size[0]}x{size[1]} pixels is larger than any camera; refused")


def _jpeg_size(data: np.ndarray) -> tuple[int, int] | None:
    raw = data[:65536].tobytes()
    i = 2
    while i + 9 < len(raw):
        if raw[i] != 0xFF:
            return None
        marker, length = raw[i + 1], int.from_bytes(raw[i + 2:i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            return int.from_bytes(raw[i + 7:i + 9], "big"), int.from_bytes(raw[i + 5:i + 7], "big")
        i += 2 + length
    return None


def open_source(spec: str, *, paced: bool = False, settings: CameraSettings | None = None) -> FrameSource:
    """``0``, ``1``...: a camera; a folder: its images; a file: a video (or a single image)."""
    if spec.isdigit():
        base = settings or CameraSettings()
        return CameraSource(CameraSettings(int(spec), base.width, base.height, base.fps, base.exposure,
                                           base.focus, base.mjpeg))
    path = Path(spec)
    if path.is_dir():
        return ImageFolderSource(path, fps=30.0 if paced else None)
    return VideoFileSource(path, paced=paced)
