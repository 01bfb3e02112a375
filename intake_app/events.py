"""A Qt-free bus announcing what changed after each committed use-case.

Services publish a :class:`Changes` after their transaction commits; the GUI has one bridge
that re-emits them as a Qt signal, and each page decides whether it cares.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    kind: str  # scan | correction | manifest | order | pallet | sign_off | count | ...
    order_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)


Listener = Callable[[Changes], None]


class EventBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: Changes) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(changes)
