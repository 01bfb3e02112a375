"""Read helpers shared by the services: resolving names to rows and rows to domain refs."""

from __future__ import annotations

import contextlib
import gc
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Row, String, bindparam, select, type_coerce

from ..domain.categories import category_key
from ..domain.outcomes import ExpectedRef, OrderRef, PalletRef, UnitRef
from ..errors import Conflict, NotFound
from ..store import tables as t

_UUID = re.compile(r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")


def text_id(column: Any) -> Any:
    """Select a UUID column as text: building 20,000 ``uuid.UUID`` objects costs more than the query."""
    return type_coerce(column, String).label(column.name)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection during a bulk load.

    Loading an order makes tens of thousands of small acyclic objects (rows, strings, tuples);
    each burst of allocations would set off collections that walk the whole heap and find nothing
    to free (a third of an 18,000-unit reconciliation's time). Collection resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def text_time(column: Any) -> Any:
    """Select a UTC time column without SQLAlchemy's per-row conversion (see :func:`utc_time`)."""
    return type_coerce(column, String).label(column.name)


def utc_time(value: Any) -> datetime:
    """A time selected with :func:`text_time`: SQLite's text parsed in C, a driver's datetime as is.

    Row by row, the column type's conversion costs about 10 us; 20,000 rows of an order add up."""
    if isinstance(value, str):
        parsed = datetime.fromisoformat(value)
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def id_text(value: Any) -> str:
    """The canonical text of an id however the driver returned it (32 hex, 36 with dashes, a UUID)."""
    if isinstance(value, str) and len(value) == 32:
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return str(value)


def as_uuid(text: str | uuid.UUID) -> uuid.UUID | None:
    if isinstance(text, uuid.UUID):
        return text
    return uuid.UUID(text) if _UUID.match(text.strip()) else None


def _latest_event(events: Any, fk: Any, owner: Any) -> Any:
    """The kind of the newest event row of ``owner`` (sign_off/reopen, close/reopen), as a subquery."""
    return (select(events.c.kind).where(fk == owner)
            .order_by(events.c.created_at.desc(), events.c.id.desc()).limit(1).scalar_subquery())


# Prebuilt statements for the scan hot path: built once, compiled once (SQLAlchemy caches by statement).
ORDER_STATUS = _latest_event(t.order_events, t.order_events.c.order_id, t.orders.c.id)
_ORDER = (select(t.orders.c.id, t.orders.c.number, t.customers.c.short_name, ORDER_STATUS.label("status"))
          .join(t.customers, t.customers.c.id == t.orders.c.customer_id))
_ORDER_BY_ID = _ORDER.where(t.orders.c.id == bindparam("oid"))
_ORDER_BY_NUMBER = (_ORDER.where(t.orders.c.number == bindparam("number"))
                    .order_by(t.orders.c.created_at, t.orders.c.id).limit(3))
_STATUS_BY_ID = select(ORDER_STATUS).where(t.orders.c.id == bindparam("oid"))


def order_status(conn: Connection, order_id: uuid.UUID) -> str:
    """``signed_off`` or ``open``: the newest sign-off/reopen event decides."""
    kind = conn.execute(_STATUS_BY_ID, {"oid": order_id}).scalar()
    return "signed_off" if kind == "sign_off" else "open"


def order_ref(conn: Connection, order: str | uuid.UUID) -> OrderRef:
    """The order with this number (case-insensitive; numbers are stored upper case) or UUID."""
    oid = as_uuid(order)
    if oid is not None:
        row = conn.execute(_ORDER_BY_ID, {"oid": oid}).first()
    else:
        rows = conn.execute(_ORDER_BY_NUMBER, {"number": str(order).strip().upper()}).all()
        if len(rows) > 1:  # two stations gave one number to two orders while offline: a fact, kept by sync
            raise Conflict(f"more than one order is numbered {rows[0].number}; use the order's id: "
                           + ", ".join(str(r.id) for r in rows))
        row = rows[0] if rows else None
    if row is None:
        raise NotFound(f"no order {order!s}")
    return order_ref_from_row(row)


def order_ref_from_row(row: Any) -> OrderRef:
    """An :class:`OrderRef` from a row with id, number, short_name and status columns."""
    return OrderRef(row.id, row.number, row.short_name, row.status == "sign_off")


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


PALLET_STATUS = _latest_event(t.pallet_events, t.pallet_events.c.pallet_id, t.pallets.c.id)
# the weight given when the pallet was last closed (a correlated subquery, like PALLET_STATUS, so a
# list of an order's pallets is one query however many pallets it has)
PALLET_CLOSE_WEIGHT = (select(t.pallet_events.c.weight_kg)
                       .where(t.pallet_events.c.pallet_id == t.pallets.c.id, t.pallet_events.c.kind == "close")
                       .order_by(t.pallet_events.c.created_at.desc()).limit(1).scalar_subquery())
_PALLET = select(t.pallets.c.id, t.pallets.c.code, t.pallets.c.order_id, PALLET_STATUS.label("status"))
PALLET_BY_CODE = _PALLET.where(t.pallets.c.code == bindparam("code"))
PALLET_BY_ID = _PALLET.where(t.pallets.c.id == bindparam("pid"))
_PALLET_CLOSED = select(PALLET_STATUS).where(t.pallets.c.id == bindparam("pid"))


def pallet_ref(conn: Connection, code: str, orders: dict[uuid.UUID, OrderRef] | None = None) -> PalletRef | None:
    row = conn.execute(PALLET_BY_CODE, {"code": code}).first()
    if row is None:
        return None
    return PalletRef(row.id, row.code, order_ref_by_id(conn, row.order_id, orders), row.status == "close")


def pallet_closed(conn: Connection, pallet_id: uuid.UUID) -> bool:
    return conn.execute(_PALLET_CLOSED, {"pid": pallet_id}).scalar() == "close"


def name_of(conn: Connection, table: Any, row_id: uuid.UUID | None) -> str | None:
    if row_id is None:
        return None
    return conn.execute(select(table.c.name).where(table.c.id == row_id)).scalar()
