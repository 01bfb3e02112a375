"""Who is signed in, which order and pallet the station is receiving onto.

:class:`Session` is what the pages display (GUI thread). :class:`Cursor` is what the write
worker reads and moves when it records a scan: a pallet scan switches the pallet for the very
next scan in the queue, before the GUI has even shown the first result.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field

from intake_app.domain.roles import Permission, may
from intake_app.services.context import Actor
from intake_app.services.orders import OrderSummary
from intake_app.services.scanning import PalletInfo, ScanResult


class Cursor:
    """The order and pallet scans go to; read and moved by the write worker only (and locked)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._order: uuid.UUID | None = None
        self._pallet: PalletInfo | None = None

    def set(self, order: uuid.UUID | None, pallet: PalletInfo | None) -> None:
        with self._lock:
            self._order, self._pallet = order, pallet

    def get(self) -> tuple[uuid.UUID | None, PalletInfo | None]:
        with self._lock:
            return self._order, self._pallet

    def move_to(self, pallet: PalletInfo | None) -> None:
        with self._lock:
            self._pallet = pallet


@dataclass
class Session:
    actor: Actor | None = None
    order: OrderSummary | None = None
    pallet: PalletInfo | None = None
    last_result: ScanResult | None = None
    cursor: Cursor = field(default_factory=Cursor)

    def may(self, permission: Permission) -> bool:
        return self.actor is not None and may(self.actor.role, permission)

    def sign_out(self) -> None:
        self.actor = None
        self.choose_order(None)

    def choose_order(self, order: OrderSummary | None) -> None:
        if self.order is None or order is None or order.id != self.order.id:
            self.pallet = None
            self.last_result = None
        self.order = order
        self.cursor.set(order.id if order else None, self.pallet)
