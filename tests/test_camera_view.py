"""The camera view offscreen: a live image with the overlay, and a scan recorded like a handheld's.

A video file stands in for the camera. Set INTAKE_UPDATE_RENDERS=1 to refresh the screenshots
kept in docs/ (camera-view.png, camera-hint.png).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
from PySide6.QtGui import QColor, QImage

from intake_app.devices.camera import AimBox, Role
from intake_app.devices.camera.config import camera_config
from intake_app.devices.camera.sources import VideoFileSource
from intake_app.domain.outcomes import Outcome
from intake_app.settings import Settings
from ui.camera import CameraView
from ui.camera.overlay import ROLE_COLOURS

from .camera_scenes import (
    DIFFICULTIES,
    Code,
    Difficulty,
    Scene,
    background,
    laptop_label,
    render,
    sscc,
    write_video,
)
from .conftest import REPO, SERIALS


def _config(tmp_path: Path, aim: AimBox):
    settings = Settings(tmp_path / "settings.toml")
    settings.set("camera.aim_width", aim.width)
    settings.set("camera.aim_height", aim.height)
    return camera_config(settings)


def _keep(view: CameraView, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    assert view.grab().save(str(path))
    if os.environ.get("INTAKE_UPDATE_RENDERS"):
        shutil.copy(path, REPO / "docs" / name)
    return path


def test_the_view_shows_the_overlay_and_a_scan_is_recorded_like_a_handheld(qtbot, app, people, order, tmp_path):
    rng = np.random.default_rng(21)
    serial = SERIALS[1]
    scene = Scene(seed=3).add(laptop_label(serial, rng), (0.33, 0.5)).add(
        [sscc("73500538500000019")], (0.74, 0.45))
    frames = [render(Scene(scene.width, scene.height, seed=s, labels=scene.labels), DIFFICULTIES["medium"])[0]
              for s in range(3)]
    video = write_video(tmp_path / "label.avi", frames * 40)  # 4 s at 30 fps
    view = CameraView(_config(tmp_path, AimBox(0.85, 0.85)), source=VideoFileSource(video, paced=True))
    qtbot.addWidget(view)
    view.resize(960, 540)
    view.show()
    view.set_expected(app.scanning.outstanding_keys(order))
    recorded = []

    def record(raw: str) -> None:  # what the receiving page does with the signal
        result = app.scanning.record(people["dock"], order, raw, source="camera")
        recorded.append(result)
        view.set_expected(app.scanning.outstanding_keys(order))

    view.scanned.connect(record)
    with qtbot.waitSignal(view.scanned, timeout=5000):
        assert view.start()
    qtbot.waitUntil(lambda: len(recorded) >= 2, timeout=5000)
    assert [(r.decision.code.identifier, r.outcome) for r in recorded[:2]] == [
        (serial, Outcome.MATCHED), (sscc("73500538500000019").text[2:], Outcome.PALLET)]
    qtbot.wait(300)
    result = view.pipeline.latest_result()
    assert result is not None
    assert {result.shown_role(r) for r in result.ranked} == {Role.MATCHED, Role.IGNORED, Role.PALLET}
    assert {r.role for r in result.ranked} == {Role.EXTRA, Role.IGNORED, Role.PALLET}  # received: no longer outstanding
    image = _keep(view, tmp_path, "camera-view.png")
    view.stop()
    assert len(recorded) == 2, "nothing scanned twice while in view"
    pixels = QImage(str(image))
    colours = {pixels.pixelColor(x, y).name() for x in range(0, pixels.width(), 3) for y in range(0, pixels.height(), 3)}
    for role in (Role.MATCHED, Role.IGNORED, Role.PALLET):
        assert ROLE_COLOURS[role].name() in colours, role  # the boxes are drawn in their role's colour


def test_the_view_hints_when_the_code_is_too_small(qtbot, tmp_path):
    rng = np.random.default_rng(4)
    bg = background(rng, 1280, 720)
    codes = [Code("5CDQ58KDWY", "code128")]
    frames = [render(Scene(seed=s).add(codes), Difficulty("small", 1.2, 0.8, 3, 0, 3, 90), bg=bg)[0]
              for s in range(3)]
    video = write_video(tmp_path / "small.avi", frames * 20)
    view = CameraView(_config(tmp_path, AimBox()), source=VideoFileSource(video, paced=True))
    qtbot.addWidget(view)
    view.resize(960, 540)
    view.show()
    assert view.start()
    qtbot.waitUntil(lambda: view.pipeline is not None and view.pipeline.latest_result() is not None
                    and view.pipeline.latest_result().diagnosis.hint.value == "too_small", timeout=5000)
    qtbot.wait(100)
    _keep(view, tmp_path, "camera-hint.png")
    view.stop()


def test_no_camera_is_a_message_not_a_crash(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.toml")
    settings.set("camera.device", "9")
    view = CameraView(camera_config(settings))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.failed, timeout=3000) as blocker:
        assert not view.start()
    assert "no camera 9" in blocker.args[0]
    view.show()
    assert view.grab().toImage().pixelColor(5, 5) == QColor(24, 24, 24)
