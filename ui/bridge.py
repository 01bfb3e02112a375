"""The one bridge from the engine's Qt-free event bus into Qt: :class:`EventBridge.changed`.

Services publish :class:`intake_app.events.Changes` after each committed use-case, on whatever
thread ran it (a worker). The bridge re-emits it as a Qt signal; Qt queues it to the GUI thread,
where each page decides whether the change concerns what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from intake_app.events import Changes, EventBus


class EventBridge(QObject):
    changed = Signal(object)  # Changes

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = bus.subscribe(self._forward)

    def _forward(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def close(self) -> None:
        self._unsubscribe()
