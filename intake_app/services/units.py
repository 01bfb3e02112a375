"""Putting a unit on an order: the one place a unit and its state row are written."""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, bindparam, func, insert, select

from ..domain.ids import format_unit_id
from ..store import tables as t
from .context import Actor, Context

# The station's next unit number: an index lookup on (station_id, seq), inside the write transaction.
_MAX_SEQ = select(func.max(t.units.c.seq)).where(t.units.c.station_id == bindparam("sid"))
_INSERT_UNIT = insert(t.units)
_INSERT_STATE = insert(t.unit_state)


def insert_unit(conn: Connection, ctx: Context, actor: Actor, *, order_id: uuid.UUID, scan_id: uuid.UUID,
                serial: str, serial_key: str, expected_id: uuid.UUID | None, pallet_id: uuid.UUID | None
                ) -> tuple[uuid.UUID, str]:
    """Insert a unit received by ``scan_id``; its internal id is this station's next number."""
    station = ctx.station
    seq = (conn.execute(_MAX_SEQ, {"sid": station.id}).scalar() or 0) + 1
    fact = ctx.fact(actor)
    uid: uuid.UUID = fact["id"]  # type: ignore[assignment]
    internal_id = format_unit_id(station.code, seq)
    conn.execute(_INSERT_UNIT, {
        **fact, "internal_id": internal_id, "seq": seq, "order_id": order_id, "scan_id": scan_id,
        "expected_unit_id": expected_id, "pallet_id": pallet_id, "serial": serial[:120], "serial_key": serial_key})
    conn.execute(_INSERT_STATE, {"unit_id": uid, "order_id": order_id, "expected_unit_id": expected_id,
                                 "pallet_id": pallet_id, "serial_key": serial_key, "active": True})
    return uid, internal_id
