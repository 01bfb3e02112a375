"""The live camera view: the image, the overlay, and a signal per scan.

Integration (the receiving page)::

    view = CameraView(camera_config(app.settings))
    view.scanned.connect(lambda raw: page.record(raw))          # same call as a handheld:
    #   app.scanning.record(actor, order, raw, pallet=current_pallet, source="camera")
    view.set_expected(app.scanning.outstanding_keys(order))     # after every recorded scan
    view.start()                                                 # view.stop() when the page closes

The pipeline's callbacks arrive on its worker threads; one bridge object turns them into queued
Qt signals, so every widget is touched on the GUI thread only. The image is repainted by a timer
at the camera's rate from the newest frame, never from a queue.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from intake_app.devices.camera import CameraPipeline, CameraScan
from intake_app.devices.camera.config import CameraConfig
from intake_app.devices.camera.sources import FrameSource

from .overlay import paint_overlay


class _Bridge(QObject):
    """Worker-thread callbacks in, queued signals out."""

    scan = Signal(object)


class CameraView(QWidget):
    """The camera image with an overlay; emits ``scanned(raw)`` for each code that became a scan."""

    scanned = Signal(str)
    failed = Signal(str)  # a one-line reason: no camera, the camera stopped

    def __init__(self, config: CameraConfig, parent: QWidget | None = None, *, source: FrameSource | None = None,
                 refresh_ms: int = 33) -> None:
        super().__init__(parent)
        self.config = config
        self._source = source
        self.pipeline: CameraPipeline | None = None
        self._expected: Mapping[str, uuid.UUID] = {}
        self._bridge = _Bridge()
        self._bridge.scan.connect(self._on_scan, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self._tick)
        self._image: QImage | None = None
        self._shown_seq = -1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)

    # -- control -------------------------------------------------------------------------------------

    def start(self) -> bool:
        """Open the camera (or the configured stand-in) and start; False (and ``failed``) if it is not there."""
        from intake_app.errors import IntakeError

        self.stop()
        source = self._source or self.config.source(paced=True)
        c = self.config
        pipeline = CameraPipeline(source, decoder=c.decoder, aim=c.aim, tracker=c.tracker, workers=c.workers,
                                  on_scan=self._bridge.scan.emit)
        pipeline.set_expected(self._expected)
        try:
            pipeline.start()
        except IntakeError as exc:
            self.failed.emit(exc.message)
            return False
        self.pipeline = pipeline
        self._timer.start()
        return True

    def stop(self) -> None:
        self._timer.stop()
        if self.pipeline is not None:
            self.pipeline.stop()
            self.pipeline = None

    def set_expected(self, keys: Mapping[str, uuid.UUID]) -> None:
        """The current order's outstanding keys (``app.scanning.outstanding_keys(order)``)."""
        self._expected = dict(keys)
        if self.pipeline is not None:
            self.pipeline.set_expected(self._expected)

    def reset(self) -> None:
        """Forget hold-offs: what is in view scans again (a new order, or 'scan again')."""
        if self.pipeline is not None:
            self.pipeline.reset()

    def _tick(self) -> None:
        if self.pipeline is not None and self.pipeline.error:
            self.failed.emit(self.pipeline.error)
            self._timer.stop()
        self.update()

    def _on_scan(self, scan: CameraScan) -> None:
        self.scanned.emit(scan.raw)

    # -- painting ------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(24, 24, 24))
        pipeline = self.pipeline
        frame = pipeline.latest_frame() if pipeline is not None else None
        if frame is None:
            p.setPen(QColor("#cccccc"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No camera image")
            p.end()
            return
        if frame.seq != self._shown_seq:
            self._image = _to_qimage(frame.image)
            self._shown_seq = frame.seq
        assert self._image is not None
        iw, ih = self._image.width(), self._image.height()
        scale = min(self.width() / iw, self.height() / ih)
        origin = QPointF((self.width() - iw * scale) / 2, (self.height() - ih * scale) / 2)
        p.drawImage(QRectF(origin.x(), origin.y(), iw * scale, ih * scale), self._image)
        result = pipeline.latest_result() if pipeline is not None else None
        if result is not None:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint_overlay(p, result, scale, origin)
        p.end()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.stop()
        super().closeEvent(event)


def _to_qimage(image: Any) -> QImage:
    """A copy of a BGR or gray frame as a QImage (the array may be reused by the camera thread)."""
    h, w = image.shape[:2]
    if image.ndim == 2:
        return QImage(image.data, w, h, image.strides[0], QImage.Format.Format_Grayscale8).copy()
    if image.shape[2] == 4:  # BGRA in memory is Qt's ARGB32 on little-endian machines
        return QImage(image.data, w, h, image.strides[0], QImage.Format.Format_ARGB32).copy()
    return QImage(image.data, w, h, image.strides[0], QImage.Format.Format_BGR888).copy()
