"""Decoding image and video files: what ``intake decode`` runs, and a camera set-up check.

An image is decoded whole (no aim box) by the same decoder chain as the camera. A video runs
through the camera pipeline frame by frame (lossless: every frame decoded, on both cores), and
each code is reported once, at the first frame it was read in. A read only the fallback decoder
made is reported only when confirmed: in a video seen in two frames or more, in a still image
only when its content validates (see :mod:`.camera.ranking`), never on its own word.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .camera.aim import AimBox
from .camera.pipeline import CameraPipeline, FrameResult
from .camera.ranking import rank
from .camera.sources import IMAGE_SUFFIXES, VIDEO_SUFFIXES, CameraError, VideoFileSource, read_image
from .camera.stability import TrackerConfig
from .decoders import DecoderConfig, Read, build_decoder, to_gray, unique


@dataclass
class FileCodes:
    file: str
    codes: list[Read] = field(default_factory=list)
    frames: list[int | None] = field(default_factory=list)  # per code: the video frame it was first read in
    frame_count: int | None = None  # videos only

    def as_dict(self) -> dict[str, Any]:
        codes = []
        for read, frame in zip(self.codes, self.frames, strict=True):
            d = read.as_dict()
            if frame is not None:
                d["frame"] = frame
            codes.append(d)
        return {"file": self.file, "codes": codes}


def decode_file(path: Path, config: DecoderConfig | None = None) -> FileCodes:
    """Every code in an image or video file; :class:`CameraError` with one line if it cannot be read."""
    if path.is_dir():
        raise CameraError(f"{path}: is a folder, not a file")
    if not path.exists():
        raise CameraError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in VIDEO_SUFFIXES:
        return decode_video(path, config)
    try:
        image = read_image(path)
    except CameraError:
        if suffix in IMAGE_SUFFIXES or not _video_opens(path):
            raise
        return decode_video(path, config)
    assert image is not None
    return decode_image(str(path), image, config)


def decode_image(name: str, image: np.ndarray, config: DecoderConfig | None = None) -> FileCodes:
    reads = unique(build_decoder(config).decode(to_gray(image)))
    kept = [r.read for r in rank(reads, {}) if r.read.confirmed or r.strong]
    kept.sort(key=lambda r: (r.position[0][1], r.position[0][0]))  # top to bottom, as a person reads
    return FileCodes(name, kept, [None] * len(kept))


def decode_video(path: Path, config: DecoderConfig | None = None) -> FileCodes:
    source = VideoFileSource(path)
    first: dict[tuple[str, str], tuple[Read, int]] = {}
    sightings: dict[tuple[str, str], int] = {}
    confirmed: set[tuple[str, str]] = set()
    count = 0

    def collect(result: FrameResult) -> None:
        nonlocal count
        count += 1
        for r in result.ranked:
            key = (r.read.text, r.read.symbology)
            first.setdefault(key, (r.read, result.frame.seq))
            sightings[key] = sightings.get(key, 0) + 1
            if r.read.confirmed or r.strong:
                confirmed.add(key)

    pipeline = CameraPipeline(source, decoder=config, aim=AimBox(enabled=False), tracker=TrackerConfig(),
                              lossless=True, on_frame=collect)
    pipeline.start()
    pipeline.join()
    source.close()
    if pipeline.error:
        raise CameraError(f"{path}: {pipeline.error}")
    if count == 0:
        raise CameraError(f"{path}: no frame could be read from the video")
    keep = [k for k in first if k in confirmed or sightings[k] >= 2]
    keep.sort(key=lambda k: first[k][1])
    return FileCodes(str(path), [first[k][0] for k in keep], [first[k][1] for k in keep], count)


def decode_files(paths: list[Path], config: DecoderConfig | None = None) -> Iterator[FileCodes | CameraError]:
    """Each file's codes, or the error that says why it could not be read; one bad file stops nothing."""
    for p in paths:
        try:
            with quiet_native_stderr():
                result = decode_file(p, config)
        except CameraError as exc:
            yield exc
        else:
            yield result


@contextlib.contextmanager
def quiet_native_stderr() -> Iterator[None]:
    """Silence what libpng, FFmpeg and OpenCV's AVI reader print straight to file descriptor 2.

    On a damaged file they write binary garbage to the terminal; our own one-line message says
    what matters. Python's errors are raised after the descriptor is restored, so none is lost.
    """
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # no real stderr (a GUI, pytest capture): nothing to do
        yield
        return
    sys.stderr.flush()
    saved = os.dup(fd)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), fd)
            yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)


def _video_opens(path: Path) -> bool:
    import cv2

    cap = cv2.VideoCapture(str(path))
    try:
        return bool(cap.isOpened()) and cap.read()[0]
    finally:
        cap.release()
