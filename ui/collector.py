"""Garbage collection on the GUI thread only.

Python's cyclic collector runs on whichever thread happens to allocate when a threshold is
crossed - often a worker. If it then frees a cycle that holds a Qt object (a dialog, a widget
captured by a lambda), the object's C++ destructor runs on that worker and Qt crashes. So while
the application runs, automatic collection is off and this timer collects on the GUI thread,
with the same generation thresholds Python would use.

A full collection walks every tracked object - some 180,000 once the engine, Qt and a page are
loaded, 20-90 ms of GUI thread. So what exists when the application has started is frozen
(``gc.freeze``: kept out of collections for good) and full collections only walk what came since.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500  # young generations are cheap; a check twice a second keeps memory flat


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        self.freeze()
        self._timer.start(INTERVAL_MS)

    def freeze(self) -> None:
        """Collect once, then keep everything alive now out of later collections."""
        gc.collect()
        gc.freeze()

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()
        gc.collect()  # here, on the GUI thread, before automatic collection may resume
        if self._was_enabled:
            gc.enable()

    def check(self) -> None:
        t0, t1, t2 = self._thresholds
        c0, c1, c2 = gc.get_count()
        if c0 > t0:
            gc.collect(0)
            if c1 > t1:
                gc.collect(1)
                if c2 > t2:
                    gc.collect(2)
