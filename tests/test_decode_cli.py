"""``intake decode FILE... --json``: real images and videos through the real decoders, and garbage."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import cv2
import numpy as np
import pytest

from .camera_scenes import DIFFICULTIES, Code, Scene, passing_units, render, sscc, write_video

GS1_DM = Code("0109506000134352" + "10LOT1\x1d21ABC123", "datamatrix", gs1_hri="(01)09506000134352(10)LOT1(21)ABC123")
PALLET = sscc("73500538500000019")


def intake(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "INTAKE_HOME": str(cwd or Path.cwd())}
    return subprocess.run([sys.executable, "-m", "intake_app", *args], capture_output=True, text=True, env=env,
                          timeout=180, cwd=cwd)


@pytest.fixture(scope="module")
def label_frame() -> np.ndarray:
    scene = Scene(seed=4).add([Code("5CD821M1EN", "code128"), GS1_DM, PALLET], (0.5, 0.5))
    frame, _ = render(scene, DIFFICULTIES["easy"], columns=2)
    return frame


def test_images_of_every_common_format(tmp_path, label_frame):
    gray = cv2.cvtColor(label_frame, cv2.COLOR_BGR2GRAY)
    files = []
    for name, image, params in [("label.png", label_frame, []), ("label.jpg", label_frame, [cv2.IMWRITE_JPEG_QUALITY, 85]),
                                ("label.bmp", gray, []), ("label.tiff", label_frame, []),
                                ("label.webp", label_frame, [cv2.IMWRITE_WEBP_QUALITY, 95]),
                                ("label16.png", gray.astype(np.uint16) * 257, [])]:
        assert cv2.imwrite(str(tmp_path / name), image, params)
        files.append(str(tmp_path / name))
    r = intake("decode", *files, "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert [d["file"] for d in lines] == files
    for d in lines:
        got = {(c["text"], c["symbology"]) for c in d["codes"]}
        assert got == {("5CD821M1EN", "code128"), (GS1_DM.text, "datamatrix"), (PALLET.text, "code128")}, d["file"]
        for c in d["codes"]:
            assert set(c) == {"text", "symbology", "position"}
            assert len(c["position"]) == 4 and all(len(p) == 2 for p in c["position"])
    assert "\x1d" in GS1_DM.text and GS1_DM.text in {c["text"] for c in lines[0]["codes"]}  # GS kept as GS


def test_without_json_a_readable_table(tmp_path, label_frame):
    cv2.imwrite(str(tmp_path / "label.png"), label_frame)
    cv2.imwrite(str(tmp_path / "blank.png"), np.full((200, 300), 255, np.uint8))
    r = intake("decode", str(tmp_path / "label.png"), str(tmp_path / "blank.png"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "3 codes" in r.stdout and "10LOT1<GS>21ABC123" in r.stdout and "datamatrix" in r.stdout
    assert "blank.png: no code found" in r.stdout


def test_a_video_reports_each_code_once_with_its_first_frame(tmp_path):
    frames, spans = passing_units(["5CDAAA1111", "5CDBBB2222"], seconds_each=0.5, gap_s=0.3)
    video = write_video(tmp_path / "units.avi", frames)
    r = intake("decode", str(video), "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    serials = [(c["text"], c["frame"]) for c in d["codes"] if c["text"].startswith("5CD")]
    assert [s for s, _ in serials] == ["5CDAAA1111", "5CDBBB2222"]
    for (_, frame), (_, first, _) in zip(serials, spans, strict=True):
        assert first <= frame <= first + 2
    assert len(d["codes"]) == 6  # serial, product number and EAN of each label, each once


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))


def test_garbage_files_get_one_line_each_and_exit_2(tmp_path, label_frame):
    good = tmp_path / "good.png"
    cv2.imwrite(str(good), label_frame)
    ok, jpg = cv2.imencode(".jpg", label_frame)
    bad = {
        "text.png": b"this is not an image\n",
        "empty.jpg": b"",
        "truncated.png": good.read_bytes()[:3000],
        "half.jpg": jpg.tobytes()[: len(jpg) // 2],
        "truncated.jpg": jpg.tobytes()[:-2],  # only the end marker missing
        "huge.png": _png_header(60000, 60000) + b"\x00" * 64,
        "huge.bmp": b"BM" + b"\x00" * 16 + struct.pack("<ii", 50000, 50000) + b"\x00" * 40,
        "broken.avi": b"RIFF\x10\x00\x00\x00AVI LIST" + os.urandom(2000),
        "random.bin": os.urandom(4096),
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    names = [str(tmp_path / n) for n in bad] + [str(good), str(tmp_path / "missing.png"), str(tmp_path)]
    r = intake("decode", *names, "--json", cwd=tmp_path)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [d["file"] for d in out] == [str(good)] and len(out[0]["codes"]) == 3  # the good file still decoded
    errors = [line for line in r.stderr.splitlines() if line.startswith("intake: ")]
    for name in [*bad, "missing.png"]:
        assert any(name in line for line in errors), (name, r.stderr)
    assert any("is a folder" in line for line in errors)
    assert any("huge.png: 60000x60000 pixels" in line for line in errors)
    assert errors[-1] == "intake: 11 of 12 files could not be decoded"


def test_no_file_is_a_usage_error(tmp_path):
    r = intake("decode", cwd=tmp_path)
    assert r.returncode == 2 and "Missing argument" in r.stderr
