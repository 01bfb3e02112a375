"""The camera's configuration from the station settings (``camera.*`` in settings.py), in one place."""

from __future__ import annotations

from dataclasses import dataclass

from ...settings import Settings
from ..decoders import DecoderConfig
from .aim import AimBox
from .sources import CameraSettings, FrameSource, open_source
from .stability import TrackerConfig


@dataclass(frozen=True)
class CameraConfig:
    device: str
    camera: CameraSettings
    aim: AimBox
    decoder: DecoderConfig
    tracker: TrackerConfig
    workers: int

    def source(self, *, paced: bool = True) -> FrameSource:
        """The configured source: a camera, or a file / folder replayed at camera speed."""
        return open_source(self.device, paced=paced, settings=self.camera)


def camera_config(settings: Settings) -> CameraConfig:
    g = settings.get
    device = str(g("camera.device")).strip()
    exposure, focus = float(g("camera.exposure")), float(g("camera.focus"))
    camera = CameraSettings(int(device) if device.isdigit() else 0, g("camera.width"), g("camera.height"),
                            g("camera.fps"), exposure if exposure > 0 else None, focus if focus >= 0 else None)
    return CameraConfig(
        device=device,
        camera=camera,
        aim=AimBox(g("camera.aim_width"), g("camera.aim_height"), g("camera.aim_box")),
        decoder=DecoderConfig(try_invert=g("camera.invert"), fallback=g("camera.fallback")),
        tracker=TrackerConfig(frames_needed=g("camera.frames_needed"), holdoff_s=g("camera.holdoff_s")),
        workers=g("camera.workers"),
    )
