"""Webcam-like frames and videos of device labels, made with zxing-cpp's writer and OpenCV.

Used by the camera tests and by benchmarks/bench_camera.py. A label (white, several codes with
their captions) is rendered at 4 px per module, then warped into a cluttered frame at the
requested pixels per module with rotation and perspective (area-averaged, like a lens), blurred,
given sensor noise and MJPEG-like JPEG compression. Every generated code's text and corners are
returned as ground truth. Deterministic for a given seed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
import zxingcpp

from intake_app.domain.checkdigits import gs1_check_digit

RENDER_PPM = 4  # label rendered at 4 px per module, then scaled to the wanted size
_FORMATS = {"code128": zxingcpp.BarcodeFormat.Code128, "code39": zxingcpp.BarcodeFormat.Code39,
            "ean13": zxingcpp.BarcodeFormat.EAN13, "itf": zxingcpp.BarcodeFormat.ITF,
            "datamatrix": zxingcpp.BarcodeFormat.DataMatrix, "qrcode": zxingcpp.BarcodeFormat.QRCode}


@dataclass(frozen=True)
class Code:
    text: str  # the content as decoded (plain text; GS1 with GS separators)
    symbology: str
    gs1_hri: str | None = None  # GS1 content in HRI form, for the writer

    @property
    def linear(self) -> bool:
        return self.symbology not in ("datamatrix", "qrcode")


@dataclass(frozen=True)
class Placed:
    code: Code
    quad: np.ndarray  # 4x2 corners in the frame


@dataclass
class Difficulty:
    name: str
    ppm: float  # pixels per narrow module in the frame
    blur: float  # Gaussian sigma in pixels
    angle: float  # max rotation in degrees (either way)
    perspective: float  # max corner displacement as a fraction of the label size
    noise: float  # sensor noise sigma (0-255 scale)
    jpeg: int  # JPEG quality (MJPEG webcams: 70-90)
    shade: float = 0.0  # uneven light: vignette and a side light, 0-1
    motion: int = 0  # motion blur length in pixels (a hand moving the label)


DIFFICULTIES = {
    "easy": Difficulty("easy", 3.0, 0.5, 5, 0.0, 3, 90),
    "medium": Difficulty("medium", 2.4, 0.8, 15, 0.05, 5, 85),
    "hard": Difficulty("hard", 2.0, 1.0, 25, 0.08, 7, 75),
    "below_floor": Difficulty("below_floor", 1.4, 0.8, 10, 0.04, 5, 85),
    # photograph-like: a label held at an angle under a desk lamp, moving a little
    "photo": Difficulty("photo", 2.6, 0.7, 35, 0.12, 6, 75, shade=0.5, motion=3),
}


def ean13(body12: str) -> str:
    return body12 + str(gs1_check_digit(body12))


def sscc(body17: str) -> Code:
    digits = body17 + str(gs1_check_digit(body17))
    return Code("00" + digits, "code128", gs1_hri=f"(00){digits}")


def serial_for(rng: np.random.Generator, style: str = "hp") -> str:
    """A serial shaped like a manufacturer's (domain.md): Dell 7, HP 10, Lenovo 8, Apple 12 characters."""
    alnum = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    pick = lambda n: "".join(rng.choice(list(alnum), n))  # noqa: E731
    return {"dell": lambda: pick(7), "hp": lambda: "5CD" + pick(7), "lenovo": lambda: "PF" + pick(6),
            "apple": lambda: "C02" + pick(9)}[style]()


def symbol_image(code: Code, ppm: int = RENDER_PPM, bar_height_modules: int = 40) -> np.ndarray:
    """The symbol alone (white quiet zones included), 8-bit gray."""
    if code.gs1_hri is not None:
        bc = zxingcpp.create_barcode(code.gs1_hri, _FORMATS[code.symbology], gs1=True)
    else:
        bc = zxingcpp.create_barcode(code.text, _FORMATS[code.symbology])
    img = np.array(bc.to_image(scale=1, add_quiet_zones=True), dtype=np.uint8)
    if code.linear and img.shape[0] < bar_height_modules:
        img = cv2.resize(img, (img.shape[1], bar_height_modules), interpolation=cv2.INTER_NEAREST)
    return cv2.resize(img, (img.shape[1] * ppm, img.shape[0] * ppm), interpolation=cv2.INTER_NEAREST)


def label_image(codes: Sequence[Code], captions: Sequence[str] | None = None, *, columns: int = 1
                ) -> tuple[np.ndarray, list[np.ndarray]]:
    """A white label with the codes in a grid and a caption above each; returns it and each code's corners."""
    symbols = [symbol_image(c) for c in codes]
    captions = list(captions or [c.text.replace("\x1d", " ") for c in codes])
    pad, cap_h = 12 * RENDER_PPM, 14 * RENDER_PPM
    rows = [symbols[i:i + columns] for i in range(0, len(symbols), columns)]
    cell_w = max(s.shape[1] for s in symbols) + pad
    row_h = [max(s.shape[0] for s in row) + cap_h + pad for row in rows]
    label = np.full((sum(row_h) + pad, cell_w * columns + pad), 255, np.uint8)
    quads, y, k = [], pad, 0
    for row, rh in zip(rows, row_h, strict=True):
        for col, sym in enumerate(row):
            x = pad + col * cell_w
            cv2.putText(label, captions[k][:24], (x, y + cap_h - 12), cv2.FONT_HERSHEY_SIMPLEX, 1.3, 40, 3)
            sy = y + cap_h
            label[sy:sy + sym.shape[0], x:x + sym.shape[1]] = sym
            quads.append(np.array([[x, sy], [x + sym.shape[1], sy], [x + sym.shape[1], sy + sym.shape[0]],
                                   [x, sy + sym.shape[0]]], np.float32))
            k += 1
        y += rh
    return label, quads


def background(rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    """A cluttered desk/laptop-bottom-like BGR background: gradient, panels, screws, vents, text."""
    base = rng.integers(40, 140)
    gx = np.linspace(0, rng.integers(20, 80), width, dtype=np.float32)
    gy = np.linspace(0, rng.integers(10, 60), height, dtype=np.float32)[:, None]
    img = np.clip(base + gx + gy, 0, 255).astype(np.uint8)
    img = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    for _ in range(6):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        w, h = int(rng.integers(60, width // 2)), int(rng.integers(40, height // 2))
        color = tuple(int(c) for c in rng.integers(20, 200, 3))
        cv2.rectangle(img, (x, y), (x + w, y + h), color, -1)
    for _ in range(12):  # screws and rubber feet
        cv2.circle(img, (int(rng.integers(0, width)), int(rng.integers(0, height))), int(rng.integers(5, 25)),
                   tuple(int(c) for c in rng.integers(0, 90, 3)), -1)
    x0, y0 = int(rng.integers(0, width // 2)), int(rng.integers(0, height // 2))
    for i in range(14):  # a vent grille: periodic stripes, the classic false barcode
        cv2.rectangle(img, (x0 + i * 14, y0), (x0 + i * 14 + 6, y0 + 90), (15, 15, 15), -1)
    for _ in range(4):
        cv2.putText(img, "Made in China  Model P/N  Regulatory", (int(rng.integers(0, width // 2)),
                    int(rng.integers(20, height))), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (200, 200, 200), 1)
    return img


@dataclass
class Scene:
    width: int = 1280
    height: int = 720
    seed: int = 0
    labels: list[tuple[list[Code], tuple[float, float]]] = field(default_factory=list)  # codes, centre (0-1)

    def add(self, codes: list[Code], centre: tuple[float, float] = (0.5, 0.5)) -> Scene:
        self.labels.append((codes, centre))
        return self


def render(scene: Scene, d: Difficulty, *, bg: np.ndarray | None = None, columns: int = 1
           ) -> tuple[np.ndarray, list[Placed]]:
    """The frame (BGR) and the placed codes with their corners in it."""
    rng = np.random.default_rng(scene.seed)
    frame = (bg.copy() if bg is not None else background(rng, scene.width, scene.height)).astype(np.float32)
    placed: list[Placed] = []
    for codes, centre in scene.labels:
        label, quads = label_image(codes, columns=columns)
        h = _homography(label.shape, (centre[0] * scene.width, centre[1] * scene.height), d, rng)
        warped = cv2.warpPerspective(label, h, (scene.width, scene.height), flags=cv2.INTER_AREA,
                                     borderValue=0)
        mask = cv2.warpPerspective(np.full(label.shape, 255, np.uint8), h, (scene.width, scene.height),
                                   flags=cv2.INTER_LINEAR, borderValue=0).astype(np.float32)[..., None] / 255
        paper = np.stack([warped] * 3, axis=-1).astype(np.float32) * np.array([0.97, 0.99, 1.0], np.float32)
        frame = frame * (1 - mask) + paper * mask
        for code, q in zip(codes, quads, strict=True):
            placed.append(Placed(code, cv2.perspectiveTransform(q[None], h)[0]))
    return _camera(frame, d, rng), placed


def _homography(label_shape: tuple[int, ...], centre: tuple[float, float], d: Difficulty,
                rng: np.random.Generator) -> np.ndarray:
    lh, lw = label_shape[:2]
    s = d.ppm / RENDER_PPM
    src = np.array([[0, 0], [lw, 0], [lw, lh], [0, lh]], np.float32)
    jitter = rng.uniform(-d.perspective, d.perspective, (4, 2)) * np.array([lw, lh]) if d.perspective else 0
    dst = (src + jitter - np.array([lw / 2, lh / 2])) * s
    a = np.deg2rad(rng.uniform(-d.angle, d.angle))
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    dst = (dst @ rot.T + np.array(centre)).astype(np.float32)
    return cv2.getPerspectiveTransform(src, dst)


def _camera(frame: np.ndarray, d: Difficulty, rng: np.random.Generator) -> np.ndarray:
    if d.shade > 0:
        h, w = frame.shape[:2]
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        r2 = ((xx - w / 2) / w) ** 2 + ((yy - h / 2) / h) ** 2
        light = (1 - d.shade * r2 * 1.6) * (1 - d.shade * 0.35 * xx / w) + d.shade * 0.25 * np.exp(
            -(((xx - w * 0.62) / (w * 0.08)) ** 2 + ((yy - h * 0.4) / (h * 0.1)) ** 2))  # a lamp's highlight
        frame = frame * light[..., None]
    if d.motion > 1:
        kernel = np.zeros((d.motion, d.motion), np.float32)
        kernel[d.motion // 2, :] = 1.0 / d.motion
        frame = cv2.filter2D(frame, -1, cv2.warpAffine(kernel, cv2.getRotationMatrix2D(
            (d.motion / 2 - 0.5, d.motion / 2 - 0.5), float(rng.uniform(0, 180)), 1.0), (d.motion, d.motion)))
    if d.blur > 0:
        frame = cv2.GaussianBlur(frame, (0, 0), d.blur)
    if d.noise > 0:
        frame = frame + rng.normal(0, d.noise, frame.shape).astype(np.float32)
    img = np.clip(frame, 0, 255).astype(np.uint8)
    ok, jpg = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, d.jpeg])
    assert ok
    return cv2.imdecode(jpg, cv2.IMREAD_COLOR)


def laptop_label(serial: str, rng: np.random.Generator) -> list[Code]:
    """An HP-like label: serial (Code 128), product number with '#' option, EAN-13."""
    return [Code(serial, "code128"), Code(f"{serial[3:8]}UT#ABA", "code128"),
            Code(ean13("19" + "".join(rng.choice(list("0123456789"), 10))), "ean13")]


def write_video(path: Path, frames: Iterable[np.ndarray], fps: float = 30.0, quality: int = 90) -> Path:
    """Frames to an MJPEG AVI (what a USB webcam delivers)."""
    writer: cv2.VideoWriter | None = None
    for f in frames:
        if writer is None:
            writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (f.shape[1], f.shape[0]))
            writer.set(cv2.VIDEOWRITER_PROP_QUALITY, quality)
        writer.write(f)
    assert writer is not None, "no frames"
    writer.release()
    return path


def passing_units(serials: Sequence[str], *, width: int = 1280, height: int = 720, fps: float = 30.0,
                  seconds_each: float = 1.0, gap_s: float = 0.4, seed: int = 1, d: Difficulty | None = None
                  ) -> tuple[list[np.ndarray], list[tuple[str, int, int]]]:
    """Labels of several units passing through the view in turn: frames, and (serial, first, last frame)."""
    d = d or DIFFICULTIES["easy"]
    rng = np.random.default_rng(seed)
    bg = background(rng, width, height)
    frames: list[np.ndarray] = []
    spans = []
    for i, serial in enumerate(serials):
        for _ in range(int(gap_s * fps)):
            frames.append(_camera(bg.astype(np.float32), d, rng))
        codes = laptop_label(serial, rng)
        first = len(frames)
        n = int(seconds_each * fps)
        for k in range(n):
            # drifts slowly, as a hand does; same label geometry every frame
            scene = Scene(width, height, seed=seed * 100 + i).add(codes, (0.5 + 0.02 * np.sin(k / 5), 0.5))
            frame, _ = render(scene, d, bg=bg)
            frames.append(frame)
        spans.append((serial, first, first + n - 1))
    for _ in range(int(gap_s * fps)):
        frames.append(_camera(bg.astype(np.float32), d, rng))
    return frames, spans
