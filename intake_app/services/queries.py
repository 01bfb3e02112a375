"""Read helpers shared by the services: resolving names to rows and rows to domain refs."""

from __future__ import annotations

import re
import uuid
from typing import Any

from sqlalchemy import Connection, Row, func, select

from ..domain.categories import category_key
from ..domain.outcomes import ExpectedRef, OrderRef, PalletRef, UnitRef
from ..errors import Conflict, NotFound
from ..store import tables as t

_UUID = re.compile(r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")


def as_uuid(text: str | uuid.UUID) -> uuid.UUID | None:
    if isinstance(text, uuid.UUID):
        return text
    return uuid.UUID(text) if _UUID.match(text.strip()) else None


def order_status(conn: Connection, order_id: uuid.UUID) -> str:
    """``signed_off`` or ``open``: the newest sign-off/reopen event decides."""
    kind = conn.execute(
        select(t.order_events.c.kind)
        .where(t.order_events.c.order_id == order_id)
        .order_by(t.order_events.c.created_at.desc(), t.order_events.c.id.desc())
        .limit(1)
    ).scalar()
    return "signed_off" if kind == "sign_off" else "open"


def _order_select() -> Any:
    return select(t.orders.c.id, t.orders.c.number, t.customers.c.short_name).join(
        t.customers, t.customers.c.id == t.orders.c.customer_id
    )


def order_ref(conn: Connection, order: str | uuid.UUID) -> OrderRef:
    """The order with this number (case-insensitive) or UUID; :class:`NotFound` otherwise."""
    oid = as_uuid(order)
    stmt = _order_select()
    stmt = stmt.where(t.orders.c.id == oid) if oid else stmt.where(
        func.upper(t.orders.c.number) == str(order).strip().upper())
    rows = conn.execute(stmt.order_by(t.orders.c.created_at, t.orders.c.id).limit(3)).all()
    if not rows:
        raise NotFound(f"no order {order!s}")
    if len(rows) > 1:  # two stations gave one number to two orders while offline: a fact, kept by sync
        raise Conflict(f"more than one order is numbered {rows[0].number}; use the order's id: "
                       + ", ".join(str(r.id) for r in rows))
    row = rows[0]
    return OrderRef(row.id, row.number, row.short_name, order_status(conn, row.id) == "signed_off")


def order_ref_by_id(conn: Connection, order_id: uuid.UUID, cache: dict[uuid.UUID, OrderRef] | None = None
                    ) -> OrderRef:
    if cache is not None and order_id in cache:
        return cache[order_id]
    ref = order_ref(conn, order_id)
    if cache is not None:
        cache[order_id] = ref
    return ref


def expected_ref(row: Row[Any], order: OrderRef) -> ExpectedRef:
    return ExpectedRef(row.id, order, row.serial, row.asset_tag, row.manufacturer, row.model,
                       row.category_key or category_key(row.category))


def unit_refs(conn: Connection, unit_ids: list[uuid.UUID], orders: dict[uuid.UUID, OrderRef] | None = None
              ) -> list[UnitRef]:
    """Units with where, when and by whom they were received, in the order of ``unit_ids``."""
    if not unit_ids:
        return []
    rows = conn.execute(
        select(
            t.units.c.id, t.units.c.internal_id, t.units.c.order_id, t.units.c.created_at,
            t.unit_state.c.expected_unit_id, t.stations.c.name.label("station"),
            t.operators.c.name.label("operator"), t.pallets.c.code.label("pallet"),
        )
        .join(t.unit_state, t.unit_state.c.unit_id == t.units.c.id)
        .join(t.stations, t.stations.c.id == t.units.c.station_id)
        .outerjoin(t.operators, t.operators.c.id == t.units.c.operator_id)
        .outerjoin(t.pallets, t.pallets.c.id == t.unit_state.c.pallet_id)
        .where(t.units.c.id.in_(unit_ids))
    ).all()
    cache = orders if orders is not None else {}
    by_id = {
        r.id: UnitRef(r.id, r.internal_id, order_ref_by_id(conn, r.order_id, cache), r.expected_unit_id,
                      r.created_at, r.station, r.operator or "?", r.pallet)
        for r in rows
    }
    return [by_id[u] for u in unit_ids if u in by_id]


def pallet_ref(conn: Connection, code: str, orders: dict[uuid.UUID, OrderRef] | None = None) -> PalletRef | None:
    row = conn.execute(select(t.pallets.c.id, t.pallets.c.code, t.pallets.c.order_id)
                       .where(t.pallets.c.code == code)).first()
    if row is None:
        return None
    return PalletRef(row.id, row.code, order_ref_by_id(conn, row.order_id, orders), pallet_closed(conn, row.id))


def pallet_closed(conn: Connection, pallet_id: uuid.UUID) -> bool:
    kind = conn.execute(
        select(t.pallet_events.c.kind).where(t.pallet_events.c.pallet_id == pallet_id)
        .order_by(t.pallet_events.c.created_at.desc(), t.pallet_events.c.id.desc()).limit(1)
    ).scalar()
    return kind == "close"


def name_of(conn: Connection, table: Any, row_id: uuid.UUID | None) -> str | None:
    if row_id is None:
        return None
    return conn.execute(select(table.c.name).where(table.c.id == row_id)).scalar()
