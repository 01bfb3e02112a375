"""Rebuilding the derived ``unit_state`` table from the facts.

The services keep ``unit_state`` current in the same transaction as each fact. This module
recomputes it from scratch (after a sync pulled other stations' facts, or to check that the
incremental updates and the facts agree): units, replayed with their corrections in time order.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from ..store import tables as t


def derive_unit_state(conn: Connection, order_ids: list[uuid.UUID] | None = None) -> list[dict[str, Any]]:
    """The state rows the facts imply, for all orders or the given ones."""
    u, c = t.units, t.corrections
    stmt = select(u.c.id, u.c.order_id, u.c.expected_unit_id, u.c.pallet_id, u.c.serial_key, u.c.scan_id)
    if order_ids is not None:
        stmt = stmt.where(u.c.order_id.in_(order_ids))
    state = {r.id: {"unit_id": r.id, "order_id": r.order_id, "expected_unit_id": r.expected_unit_id,
                    "pallet_id": r.pallet_id, "serial_key": r.serial_key, "active": True}
             for r in conn.execute(stmt)}
    by_scan = {r.scan_id: r.id for r in conn.execute(stmt)}
    cstmt = select(c).order_by(c.c.created_at, c.c.id)
    if order_ids is not None:
        cstmt = cstmt.where(c.c.order_id.in_(order_ids))
    for corr in conn.execute(cstmt):
        unit_id = corr.unit_id or by_scan.get(corr.scan_id)
        row = state.get(unit_id) if unit_id else None
        if row is None:
            continue
        if corr.kind == "void":
            row["active"] = False
        elif corr.kind == "manual_match":
            row["expected_unit_id"] = corr.expected_unit_id
        elif corr.kind == "move_pallet":
            row["pallet_id"] = corr.pallet_id
    return list(state.values())


def rebuild_unit_state(conn: Connection, order_ids: list[uuid.UUID] | None = None) -> int:
    """Replace ``unit_state`` (for the given orders, or all) with what the facts imply."""
    rows = derive_unit_state(conn, order_ids)
    stmt = delete(t.unit_state)
    if order_ids is not None:
        stmt = stmt.where(t.unit_state.c.order_id.in_(order_ids))
    conn.execute(stmt)
    for i in range(0, len(rows), 5000):
        conn.execute(insert(t.unit_state), rows[i:i + 5000])
    return len(rows)
