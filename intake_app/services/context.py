"""What every service needs: the store, the clock, this station, the event bus."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

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


log = logging.getLogger(__name__)


SignOffHook = Callable[[Connection, uuid.UUID, dict[str, Any]], None]
ArrivedHook = Callable[[Connection, str, list[dict[str, Any]]], None]


@dataclass
class Hooks:
    """Extension points that run inside a use-case's transaction, so what they write commits with it.

    Other parts of the engine (e.g. printing, freezing what the final receipt will say) register
    here, so the services never import them. A hook runs in a savepoint and its failure is
    logged and swallowed: an add-on must never cost the supervisor a sign-off.

    * ``signing_off(conn, order_id, summary)``: an order is being signed off; a hook may add keys
      to ``summary``, which is stored with the sign-off.
    * ``rows_arrived(conn, table, rows)``: rows written elsewhere were just stored here (a sync
      pull), in the transaction that stores them.
    """

    signing_off: list[SignOffHook] = field(default_factory=list)
    rows_arrived: list[ArrivedHook] = field(default_factory=list)

    def run_rows_arrived(self, conn: Connection, table: str, rows: list[dict[str, Any]]) -> None:
        for hook in self.rows_arrived:
            _guarded(conn, hook, table, rows)

    def run_signing_off(self, conn: Connection, order_id: uuid.UUID, summary: dict[str, Any]) -> None:
        for hook in self.signing_off:
            _guarded(conn, hook, order_id, summary)


def _guarded(conn: Connection, hook: Callable[..., None], *args: Any) -> None:
    try:
        with conn.begin_nested():
            hook(conn, *args)
    except Exception:  # see Hooks: an add-on never fails the user's action
        log.exception("a hook failed; the action goes on without it")


@dataclass
class Context:
    store: Store
    clock: Clock
    station: StationInfo
    events: EventBus = field(default_factory=EventBus)
    new_id: Callable[[], uuid.UUID] = uuid.uuid4
    hooks: Hooks = field(default_factory=Hooks)

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
