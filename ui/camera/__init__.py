"""The live camera view for the receiving page: image, overlay, a signal per scan."""

from .view import CameraView

__all__ = ["CameraView"]
