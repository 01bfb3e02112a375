"""The webcam as a scanner: frame sources, the capture/decode pipeline, ranking and stability.

Pure rules (:mod:`.ranking`, :mod:`.stability`, :mod:`.aim`) are separate from the threads
(:mod:`.pipeline`) and the devices (:mod:`.sources`), so a plain test reaches every decision.
"""

from .aim import AimBox
from .pipeline import CameraPipeline, CameraScan, FrameResult
from .ranking import Role
from .sources import CameraError, CameraSettings, open_source
from .stability import FrameNote, TrackerConfig

__all__ = ["AimBox", "CameraError", "CameraPipeline", "CameraScan", "CameraSettings", "FrameNote", "FrameResult",
           "Role", "TrackerConfig", "open_source"]
