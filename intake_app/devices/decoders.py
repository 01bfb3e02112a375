"""Barcode decoders for camera frames and image files, and their one configuration.

Chosen from measurements on real photos and webcam-like frames (``shared/reference/decoders.md``):

* zxing-cpp is the main decoder: every symbology on our labels (DataMatrix included), no misreads
  measured, fastest, and it releases the GIL (two worker threads use both cores).
* ZBar (pyzbar) is only a fallback for hard 1-D frames, run when zxing-cpp finds nothing. It made
  misreads on real photos, so its reads come back marked ``confirmed=False``: the stability rules
  (:mod:`intake_app.devices.camera.stability`) accept such a read only when it is seen in several
  frames or its content validates. It gets Code 128 and Code 39 only, and a grayscale array (given
  three channels it silently reads the blue one).

Text is read in zxing-cpp's *plain* mode so GS1 separators (GS, 0x1D) stay as they are; the AIM
symbology identifier (``]C1`` = GS1-128, ``]d2`` = GS1 DataMatrix) comes with every read.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import zxingcpp

log = logging.getLogger(__name__)

Point = tuple[int, int]
Quad = tuple[Point, Point, Point, Point]  # top-left, top-right, bottom-right, bottom-left of the symbol

# zxing-cpp format -> the name we show and store; the set of formats on the labels we receive.
SYMBOLOGIES: dict[str, str] = {
    "Code128": "code128", "Code39": "code39", "Code93": "code93", "ITF": "itf", "EAN13": "ean13",
    "EAN8": "ean8", "UPCA": "upca", "UPCE": "upce", "DataMatrix": "datamatrix", "QRCode": "qrcode",
    "PDF417": "pdf417", "Aztec": "aztec",
}
# UPC-E is left out: no device or pallet label uses it, and on an EAN-13 photographed at an angle
# zxing-cpp read a UPC-E out of part of it (the one misread in bench_camera's 700 stills).
DEFAULT_FORMATS: tuple[str, ...] = tuple(v for v in SYMBOLOGIES.values() if v != "upce")
LINEAR = frozenset({"code128", "code39", "code93", "itf", "ean13", "ean8", "upca", "upce"})
_ZXING_BY_NAME = {v: k for k, v in SYMBOLOGIES.items()}
_ZBAR_SYMBOLOGIES = {"CODE128": "code128", "CODE39": "code39"}


@dataclass(frozen=True)
class Read:
    """One code found in an image: its text (plain, control characters kept) and where it is."""

    text: str
    symbology: str  # one of SYMBOLOGIES' values
    position: Quad  # in the coordinates of the whole image
    aim: str = ""  # AIM symbology identifier, e.g. "]C1" for GS1-128
    decoder: str = "zxing"
    confirmed: bool = True  # False: from the fallback decoder, to be confirmed before it counts

    @property
    def raw(self) -> str:
        """The read as a scanner with AIM identifiers on would send it (what the engine classifies)."""
        return self.aim + self.text

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "symbology": self.symbology, "position": [list(p) for p in self.position]}

    @property
    def width(self) -> float:
        """Length of the symbol's top edge in pixels (the bar direction for a 1-D code)."""
        (x0, y0), (x1, y1) = self.position[0], self.position[1]
        return float(np.hypot(x1 - x0, y1 - y0))

    def centre(self) -> tuple[float, float]:
        xs = [p[0] for p in self.position]
        ys = [p[1] for p in self.position]
        return sum(xs) / 4, sum(ys) / 4


@dataclass(frozen=True)
class DecoderConfig:
    """Everything that changes what and how fast we read; one place (decoders.md, "Configuration")."""

    formats: tuple[str, ...] = DEFAULT_FORMATS
    try_rotate: bool = True  # without it every 1-D label turned 90 degrees is missed
    try_invert: bool = False  # light-on-dark labels only; costs ~60 % more time per frame
    try_downscale: bool = True  # zxing's own pyramid helps big 2-D codes; frames are never downscaled by us
    fallback: bool = True  # ZBar on frames where zxing-cpp finds nothing (confirmed reads only)
    # ITF has no check character and no fixed length: a label cut off by shading or the frame edge
    # decodes as a shorter, valid-looking ITF. Ours (express service codes, ITF-14) have 10+ digits.
    min_itf_length: int = 10

    def __post_init__(self) -> None:
        unknown = [f for f in self.formats if f not in _ZXING_BY_NAME]
        if unknown or not self.formats:
            raise ValueError(f"unknown symbologies: {unknown or 'none given'}")


class Decoder(Protocol):
    name: str

    def decode(self, gray: np.ndarray, offset: Point = (0, 0)) -> list[Read]:
        """Every code in the 8-bit grayscale image ``gray``; positions shifted by ``offset``."""
        ...


class ZxingDecoder:
    """zxing-cpp with the app's formats, plain text mode, rotation on, inversion off by default."""

    name = "zxing"

    def __init__(self, config: DecoderConfig) -> None:
        self.config = config
        self._formats = zxingcpp.barcode_formats_from_str(",".join(_ZXING_BY_NAME[f] for f in config.formats))

    def decode(self, gray: np.ndarray, offset: Point = (0, 0)) -> list[Read]:
        c = self.config
        found = zxingcpp.read_barcodes(gray, formats=self._formats, try_rotate=c.try_rotate,
                                       try_invert=c.try_invert, try_downscale=c.try_downscale,
                                       text_mode=zxingcpp.TextMode.Plain)
        reads = []
        for b in found:
            symbology = SYMBOLOGIES.get(b.format.name)
            if symbology is None or not b.valid:
                continue
            if symbology == "itf" and len(b.text) < c.min_itf_length:
                continue  # a fragment of a longer ITF (see DecoderConfig)
            p = b.position
            quad = tuple((pt.x + offset[0], pt.y + offset[1])
                         for pt in (p.top_left, p.top_right, p.bottom_right, p.bottom_left))
            reads.append(Read(b.text, symbology, quad, b.symbology_identifier, self.name))  # type: ignore[arg-type]
        return reads


class ZbarDecoder:
    """ZBar through pyzbar, Code 128 and Code 39 only; every read unconfirmed (see module doc)."""

    name = "zbar"

    def __init__(self) -> None:
        from pyzbar import pyzbar  # imported late: libzbar0 is a system library that may be missing

        self._pyzbar = pyzbar
        self._symbols = [pyzbar.ZBarSymbol.CODE128, pyzbar.ZBarSymbol.CODE39]

    def decode(self, gray: np.ndarray, offset: Point = (0, 0)) -> list[Read]:
        if gray.ndim != 2:
            raise ValueError("ZBar needs a grayscale image")
        h, w = gray.shape
        found = self._pyzbar.decode((np.ascontiguousarray(gray).tobytes(), w, h), symbols=self._symbols)
        reads = []
        for d in found:
            symbology = _ZBAR_SYMBOLOGIES.get(d.type)
            try:
                text = d.data.decode("utf-8")
            except UnicodeDecodeError:
                continue  # ZBar's character-set guesses were among its misreads: never pass them on
            if symbology is None or not text:
                continue
            quad = _zbar_quad([(p.x, p.y) for p in d.polygon] or [(d.rect.left, d.rect.top)], offset)
            aim = "]C0" if symbology == "code128" else "]A0"
            reads.append(Read(text, symbology, quad, aim, self.name, confirmed=False))
        return reads


def _zbar_quad(points: list[tuple[int, int]], offset: Point) -> Quad:
    """ZBar gives the scan lines that crossed the code (often a line or a point): a box around them."""
    xs, ys = [p[0] + offset[0] for p in points], [p[1] + offset[1] for p in points]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    # a single scan line or point: give the box some size so an overlay can show it
    px = 8 if x1 - x0 < 16 else 0
    py = max(8, (x1 - x0) // 8) if y1 - y0 < 16 else 0
    return (x0 - px, y0 - py), (x1 + px, y0 - py), (x1 + px, y1 + py), (x0 - px, y1 + py)


@dataclass
class DecoderChain:
    """The main decoder, then the fallback on what the main one left empty-handed."""

    main: Decoder
    fallback: Decoder | None = None
    stats: dict[str, int] = field(default_factory=lambda: {"frames": 0, "fallback_runs": 0})

    def decode(self, gray: np.ndarray, offset: Point = (0, 0)) -> list[Read]:
        self.stats["frames"] += 1
        reads = self.main.decode(gray, offset)
        if reads or self.fallback is None:
            return reads
        self.stats["fallback_runs"] += 1
        return self.fallback.decode(gray, offset)


def build_decoder(config: DecoderConfig | None = None) -> DecoderChain:
    """The decoder chain the app uses: zxing-cpp, and ZBar as a confirmed fallback when enabled and installed."""
    config = config or DecoderConfig()
    fallback: Decoder | None = None
    if config.fallback:
        try:
            fallback = ZbarDecoder()
        except (ImportError, OSError):  # libzbar0 missing: run without the fallback, say so once
            log.warning("ZBar (libzbar0) is not installed: the camera runs without its fallback decoder")
    return DecoderChain(ZxingDecoder(config), fallback)


def to_gray(image: np.ndarray) -> np.ndarray:
    """An 8-bit grayscale view of a decoded image (gray, BGR or BGRA; 16-bit scaled down)."""
    import cv2

    if image.dtype != np.uint8:
        image = cv2.convertScaleAbs(image, alpha=255.0 / max(1.0, float(image.max())))
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def unique(reads: Sequence[Read]) -> list[Read]:
    """One read per (text, symbology), first position kept: a code decoded twice is one code."""
    seen: set[tuple[str, str]] = set()
    out = []
    for r in reads:
        if (r.text, r.symbology) not in seen:
            seen.add((r.text, r.symbology))
            out.append(r)
    return out
