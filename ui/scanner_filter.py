"""The application-wide keyboard-wedge filter: a scan is recognised wherever focus is.

Installed on the QApplication, it sees every key press before any widget does. It hands the
printable ones to :class:`intake_app.devices.wedge.BurstDetector` (the decision is there, pure
and tested on timings); keys the detector holds are swallowed, keys it releases are replayed to
the widget that had focus, and a recognised burst becomes :attr:`ScannerFilter.scanned` - so a
scan typed "into" a search field or a PIN box never lands there.

Key times come from the window system's event timestamps when it gives them (X11 does), else
from a monotonic clock: keys that queue up while the GUI thread is busy still keep their real
spacing, so a person's typing never looks like a burst.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from intake_app.devices.scanner_check import Terminator
from intake_app.devices.wedge import BurstDetector, Scan, Step, WedgeConfig

_MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr,
                  Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock}
_TERMINATOR_KEYS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}


@dataclass(frozen=True)
class ScanEvent:
    """A code from any scanner, on its way to the page that handles scans."""

    code: str
    source: str  # wedge | serial | camera | manual
    raw: str = ""  # as typed, prefix/suffix included (the scanner check needs it)
    terminator: Terminator = Terminator.ENTER


@dataclass
class _HeldKey:
    target: QWidget
    event: QKeyEvent


class _KeyClock:
    """Milliseconds on the events' own clock, also between events (for the release deadline)."""

    def __init__(self, monotonic: Callable[[], float]) -> None:
        self._monotonic = monotonic
        self._offset = 0.0

    def stamp(self, event: QKeyEvent) -> float:
        now = self._monotonic()
        ts = float(event.timestamp())
        if ts > 0:
            self._offset = ts - now
            return ts
        self._offset = 0.0
        return now

    def now(self) -> float:
        return self._monotonic() + self._offset


class ScannerFilter(QObject):
    scanned = Signal(object)  # ScanEvent
    unterminated = Signal(str)  # a fast burst without Enter/Tab: a scanner without a suffix

    def __init__(self, config: WedgeConfig, parent: QObject | None = None,
                 monotonic: Callable[[], float] | None = None) -> None:
        super().__init__(parent)
        self._detector: BurstDetector[_HeldKey] = BurstDetector(config)
        self._clock = _KeyClock(monotonic or (lambda: time.monotonic() * 1000.0))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._replaying = False
        self.enabled = True
        self._raw_config = config

    @property
    def config(self) -> WedgeConfig:
        return self._raw_config

    def set_config(self, config: WedgeConfig) -> None:
        self._release(self._detector.reset())
        self._raw_config = config
        self._detector = BurstDetector(config)

    def set_raw_mode(self, raw: bool) -> None:
        """Raw mode (scanner check): no prefix/suffix expected, so the check sees what is really sent."""
        cfg = self._raw_config
        self._release(self._detector.reset())
        self._detector = BurstDetector(WedgeConfig(max_gap_ms=cfg.max_gap_ms, min_length=cfg.min_length)
                                       if raw else cfg)

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(obj, QWidget) or not _first_receiver(obj):
            return False  # the same key travelling up to a parent, or still at the window level
        assert isinstance(event, QKeyEvent)
        key = Qt.Key(event.key())
        if key in _MODIFIER_KEYS:
            return False  # the scanner's Shift for capitals: neither typing nor a break in the burst
        text = _TERMINATOR_KEYS.get(key, event.text())
        if event.isAutoRepeat() or event.modifiers() & (Qt.KeyboardModifier.ControlModifier |
                                                        Qt.KeyboardModifier.AltModifier) and text not in (
                "\x1d", "\x1e", "\x04"):
            text = ""  # shortcuts and held-down keys are never part of a scan
        held = _HeldKey(obj, _copy(event))
        step = self._detector.key(held, text, self._clock.stamp(event))
        return self._apply(step)

    def _tick(self) -> None:
        self._apply(self._detector.tick(self._clock.now()))

    def _apply(self, step: Step[_HeldKey]) -> bool:
        self._release(step.release)
        if step.unterminated:
            self.unterminated.emit(step.unterminated)
        if step.wake_at is not None:
            self._timer.start(max(1, int(step.wake_at - self._clock.now()) + 1))
        elif not self._detector.holding:
            self._timer.stop()
        if step.scan is not None:
            self.scanned.emit(_event(step.scan))
        return step.consumed

    def _release(self, keys: tuple[_HeldKey, ...]) -> None:
        """Hand held keys back as typing, to the widgets they were meant for."""
        self._replaying = True
        try:
            for held in keys:
                if shiboken6.isValid(held.target):
                    QApplication.sendEvent(held.target, held.event)
        finally:
            self._replaying = False


def _first_receiver(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return widget is focus or (focus is None and widget.isWindow())


def _copy(event: QKeyEvent) -> QKeyEvent:
    return QKeyEvent(event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat(),
                     event.count())


def _event(scan: Scan) -> ScanEvent:
    term = {"\r": Terminator.ENTER, "\n": Terminator.ENTER, "\t": Terminator.TAB}.get(scan.terminator or "",
                                                                                    Terminator.SUFFIX)
    return ScanEvent(scan.code, "wedge", scan.raw, term)
