"""What every service needs: the store, the clock, this station, the event bus."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from ..clock import Clock
from ..domain.roles import Permission, Role, may
from ..errors import PermissionDenied
from ..events import Changes, EventBus
from ..store.db import Store


@dataclass(frozen=True)
class StationInfo:
    id: uuid.UUID
    name: str
    code: str


@dataclass(frozen=True)
class Actor:
    """A signed-in operator. Only :mod:`.operators` creates these, after checking credentials."""

    id: uuid.UUID
    name: str
    role: Role

    def require(self, permission: Permission) -> None:
        if not may(self.role, permission):
            raise PermissionDenied(
                f"{self.name} is signed in as {self.role.value}; {permission.value.replace('_', ' ')} "
                f"needs a supervisor"
            )


@dataclass
class Context:
    store: Store
    clock: Clock
    station: StationInfo
    events: EventBus = field(default_factory=EventBus)
    new_id: Callable[[], uuid.UUID] = uuid.uuid4

    def fact(self, actor: Actor | None) -> dict[str, object]:
        """The who/where/when columns of a new fact row."""
        return {
            "id": self.new_id(),
            "created_at": self.clock.now(),
            "station_id": self.station.id,
            "operator_id": actor.id if actor else None,
        }

    def publish(self, kind: str, *order_ids: uuid.UUID) -> None:
        self.events.publish(Changes(kind, frozenset(order_ids)))
