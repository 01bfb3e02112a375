"""The derived ``unit_state`` table: rebuilt from the facts, or brought up to date for rows that arrived.

The services keep ``unit_state`` current in the same transaction as each fact. This module
recomputes it from the facts: for whole orders (:func:`rebuild_unit_state`, e.g. to check that the
incremental updates and the facts agree), or for the units that rows arriving by sync touch
(:func:`apply_arrived`): units received at another station, corrections made elsewhere. Units are
replayed with their corrections in time order, so the result does not depend on arrival order.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, or_, select, update

from ..store import tables as t
from ..store.bulk import chunks, insert_new

_STATE_COLUMNS = ("order_id", "expected_unit_id", "pallet_id", "serial_key", "active")


def derive_unit_state(conn: Connection, order_ids: list[uuid.UUID] | None = None,
                      unit_ids: Sequence[uuid.UUID] | None = None) -> list[dict[str, Any]]:
    """The state rows the facts imply: for all units, the units of ``order_ids``, or ``unit_ids``."""
    u = t.units
    stmt = select(u.c.id, u.c.order_id, u.c.expected_unit_id, u.c.pallet_id, u.c.serial_key, u.c.scan_id)
    if order_ids is not None:
        stmt = stmt.where(u.c.order_id.in_(order_ids))
    units = ([r for part in chunks(list(unit_ids)) for r in conn.execute(stmt.where(u.c.id.in_(part)))]
             if unit_ids is not None else list(conn.execute(stmt)))
    state = {r.id: {"unit_id": r.id, "order_id": r.order_id, "expected_unit_id": r.expected_unit_id,
                    "pallet_id": r.pallet_id, "serial_key": r.serial_key, "active": True} for r in units}
    by_scan = {r.scan_id: r.id for r in units}
    for corr in _corrections(conn, order_ids, units if unit_ids is not None else None):
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


def _corrections(conn: Connection, order_ids: list[uuid.UUID] | None, units: list[Any] | None) -> list[Any]:
    c = t.corrections
    stmt = select(c)
    if order_ids is not None:
        stmt = stmt.where(c.c.order_id.in_(order_ids))
    if units is None:
        return list(conn.execute(stmt.order_by(c.c.created_at, c.c.id)))
    found: dict[uuid.UUID, Any] = {}
    for part in chunks(units, 400):  # two IN lists per query
        cond = or_(c.c.unit_id.in_([u.id for u in part]), c.c.scan_id.in_([u.scan_id for u in part]))
        found.update((r.id, r) for r in conn.execute(stmt.where(cond)))
    return sorted(found.values(), key=lambda r: (r.created_at, str(r.id)))


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


def apply_arrived(conn: Connection, units: Iterable[dict[str, Any]], corrections: Iterable[dict[str, Any]]
                  ) -> set[uuid.UUID]:
    """Bring ``unit_state`` up to date for unit and correction rows just inserted by sync.

    Returns the orders whose state changed. Call it in the transaction that inserted the rows.
    """
    units, corrections = list(units), list(corrections)
    insert_new(conn, t.unit_state, [
        {"unit_id": u["id"], "order_id": u["order_id"], "expected_unit_id": u["expected_unit_id"],
         "pallet_id": u["pallet_id"], "serial_key": u["serial_key"], "active": True} for u in units], "unit_id")
    touched = {c["unit_id"] for c in corrections if c["unit_id"] is not None}
    scan_ids = [c["scan_id"] for c in corrections if c["unit_id"] is None and c["scan_id"] is not None]
    for part in chunks(scan_ids):
        touched.update(conn.execute(select(t.units.c.id).where(t.units.c.scan_id.in_(part))).scalars())
    if units:  # a correction that arrived before its unit (possible only in odd histories) still counts
        touched.update(_units_with_corrections(conn, units))
    refresh_unit_state(conn, sorted(touched))
    return {u["order_id"] for u in units} | {c["order_id"] for c in corrections}


def _units_with_corrections(conn: Connection, units: list[dict[str, Any]]) -> set[uuid.UUID]:
    c = t.corrections
    out: set[uuid.UUID] = set()
    for part in chunks(units, 400):
        by_scan = {u["scan_id"]: u["id"] for u in part}
        rows = conn.execute(select(c.c.unit_id, c.c.scan_id).where(or_(
            c.c.unit_id.in_([u["id"] for u in part]), c.c.scan_id.in_(list(by_scan))))).all()
        out.update(r.unit_id or by_scan[r.scan_id] for r in rows)
    return out


def refresh_unit_state(conn: Connection, unit_ids: Sequence[uuid.UUID]) -> int:
    """Recompute the state rows of ``unit_ids`` from their unit and corrections.

    On PostgreSQL the rows are locked first (in a fixed order, so two sessions cannot deadlock), and
    the facts are read after the lock: a concurrent session's correction is either seen or applied
    by that session afterwards, never lost between the two.
    """
    if not unit_ids:
        return 0
    us = t.unit_state
    if conn.dialect.name == "postgresql":
        for part in chunks(unit_ids):
            conn.execute(select(us.c.unit_id).where(us.c.unit_id.in_(part)).order_by(us.c.unit_id).with_for_update())
    rows = derive_unit_state(conn, unit_ids=unit_ids)
    if rows:
        stmt = update(us).where(us.c.unit_id == bindparam("b_unit_id")).values(
            {col: bindparam(f"b_{col}") for col in _STATE_COLUMNS})
        conn.execute(stmt, [{f"b_{k}": v for k, v in r.items()} for r in rows])
    return len(rows)
