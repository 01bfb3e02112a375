"""Why nothing reads: a code-like region that did not decode is too small or too blurred.

Run on frames where the decoder found nothing (at most a few times a second): a classic gradient
detector finds a barcode-like region (strong horizontal or vertical gradients, many bars), then
counts its bars along the middle line and measures its length to estimate the pixels per module. Below the 2 px floor the
operator should bring the label closer; above it a code that does not read is out of focus or
moving. A hint, not a measurement: it only changes the words on screen.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import cv2
import numpy as np

from .aim import MIN_PX_PER_MODULE, Rect, px_per_module

MIN_REGION_PX = 60  # shorter than this (along the bars' direction) is a mark, not a code
MIN_ELEMENTS = 20  # a code has at least this many bars and spaces (Code 128: 6 per character)
MIN_BAR_AGREEMENT = 0.85  # share of pixels two scan lines across a code agree on (dark / light)
MIN_RUN_SPREAD = 0.25  # bars and spaces of a code vary in width; a grille's do not
TYPICAL_MODULES = 130  # bars of an 8-10 character Code 128 serial, quiet zones excluded


class Hint(enum.StrEnum):
    NONE = "none"
    TOO_SMALL = "too_small"  # move the label closer (or use a higher resolution)
    BLURRED = "blurred"  # hold still, or move to the camera's focus distance


@dataclass(frozen=True)
class Diagnosis:
    hint: Hint
    region: Rect | None = None  # where the unread code seems to be (image coordinates)
    px_per_module: float = 0.0


def diagnose(gray: np.ndarray, offset: tuple[int, int] = (0, 0)) -> Diagnosis:
    """Look for a barcode-like region in ``gray`` that the decoder could not read."""
    found = code_region(gray)
    if found is None:
        return Diagnosis(Hint.NONE)
    (x, y, w, h), across_x = found
    crop = gray[y:y + h, x:x + w]
    if not across_x:
        crop = crop.T
    line = crop[crop.shape[0] // 2, :]
    elements = _count_elements(line)
    region = (x + offset[0], y + offset[1], w, h)
    if elements < MIN_ELEMENTS or not _bars_run_through(crop):
        return Diagnosis(Hint.NONE, region)
    # Blur merges thin bars, so counting them alone overstates the module size; the length of a
    # typical serial (TYPICAL_MODULES) bounds it from the other side. The smaller estimate wins.
    ppm = min(px_per_module(len(line), elements), len(line) / TYPICAL_MODULES)
    hint = Hint.TOO_SMALL if ppm < MIN_PX_PER_MODULE else Hint.BLURRED
    return Diagnosis(hint, (x + offset[0], y + offset[1], w, h), round(ppm, 2))


def code_region(gray: np.ndarray) -> tuple[Rect, bool] | None:
    """The largest 1-D-code-like region (full-size pixels) and whether its bars run across x."""
    if gray.ndim != 2 or min(gray.shape) < 16:
        return None
    small = gray[::2, ::2]  # the region search needs no detail; counting bars uses full size
    gx = cv2.Sobel(small, cv2.CV_16S, 1, 0, ksize=3)
    gy = cv2.Sobel(small, cv2.CV_16S, 0, 1, ksize=3)
    ax, ay = cv2.convertScaleAbs(gx), cv2.convertScaleAbs(gy)
    horizontal = _region(cv2.subtract(ax, ay))
    vertical = _region(cv2.subtract(ay, ax))
    best = max((r for r in (horizontal, vertical) if r is not None), key=lambda r: r[0][2] * r[0][3], default=None)
    if best is None:
        return None
    (x, y, w, h), across_x = best
    return (2 * x, 2 * y, 2 * w, 2 * h), across_x


def _region(gradient: np.ndarray) -> tuple[Rect, bool] | None:
    """The largest bar-like blob in a one-direction gradient image, and whether bars run across x."""
    blurred = cv2.blur(gradient, (5, 5))
    _, mask = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    if float(mask.mean()) > 128:  # most of the picture: texture, not a code
        return None
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9)))
    square = np.ones((3, 3), np.uint8)
    mask = cv2.dilate(cv2.erode(mask, square, iterations=2), square, iterations=2)
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    x, y, w, h = cv2.boundingRect(max(contours, key=cv2.contourArea))
    across_x = w >= h
    if max(w, h) * 2 < MIN_REGION_PX or min(w, h) < 4:
        return None
    return (x, y, w, h), across_x


def _bars_run_through(crop: np.ndarray) -> bool:
    """Bars cross the whole region: scan lines a third apart see the same pattern (allowing a
    tilt of up to 30 degrees). A line of printed text, equally stripy, does not."""
    h = crop.shape[0]
    if h < 6:
        return False
    lo, hi = np.percentile(crop, 5), np.percentile(crop, 95)
    dark = crop < (lo + hi) / 2
    a, b = dark[h // 3], dark[2 * h // 3]
    max_shift = max(1, int((h / 3) * 0.58))  # tan(30 deg)
    best = 0.0
    for shift in range(-max_shift, max_shift + 1):
        x, y = (a[shift:], b[:len(b) - shift]) if shift >= 0 else (a[:shift], b[-shift:])
        if len(x) > 20:
            best = max(best, float(np.mean(x == y)))
    return best >= MIN_BAR_AGREEMENT


def _count_elements(line: np.ndarray) -> int:
    """Bars and spaces along a scan line (binarised at the line's own mid-level)."""
    values = line.astype(np.int16)
    lo, hi = int(np.percentile(values, 5)), int(np.percentile(values, 95))
    if hi - lo < 30:  # no contrast: nothing to count
        return 0
    dark = values < (lo + hi) // 2
    edges = np.flatnonzero(dark[1:] != dark[:-1])
    runs = np.diff(edges)
    bars, spaces = runs[dark[edges[:-1] + 1]], runs[~dark[edges[:-1] + 1]]
    if min(len(bars), len(spaces)) < 2 or min(_spread(bars), _spread(spaces)) < MIN_RUN_SPREAD:
        return 0  # evenly spaced stripes: a vent grille or a fence, not a code (its bars vary 1-4 modules)
    return len(edges)


def _spread(runs: np.ndarray) -> float:
    return float(runs.std()) / max(float(runs.mean()), 1e-6)
