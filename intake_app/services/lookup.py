"""The scan decision's questions (:class:`intake_app.domain.outcomes.Lookup`) as SQL.

Each method is one indexed query; ``decide`` asks only what the next rule needs.
"""

from __future__ import annotations

import json
import uuid

from sqlalchemy import ARRAY, Connection, String, and_, bindparam, func, or_, select

from ..domain.outcomes import ExpectedHit, ExpectedRef, OrderRef, PalletRef, UnitRef
from ..store import tables as t
from .queries import ORDER_STATUS, expected_ref, order_ref_by_id, pallet_ref, unit_refs

_E = t.expected_units
_US = t.unit_state

# One query for the matched path: the expected units with this key, their order (number, customer,
# status) and the active unit already received for each, if any.
# Two stations may both have received one expected unit while offline (sync keeps both): the earliest
# is the match, as in reconciliation.
_RECEIVED = (select(_US.c.unit_id).join(t.units, t.units.c.id == _US.c.unit_id)
             .where(_US.c.expected_unit_id == _E.c.id, _US.c.active)
             .order_by(t.units.c.created_at, t.units.c.id).limit(1).scalar_subquery())
_EXPECTED = (
    select(_E.c.id, _E.c.order_id, _E.c.serial, _E.c.asset_tag, _E.c.manufacturer, _E.c.model, _E.c.category,
           _E.c.category_key, _E.c.serial_key, t.orders.c.number, t.customers.c.short_name,
           ORDER_STATUS.label("status"), _RECEIVED.label("received"))
    .join(t.orders, t.orders.c.id == _E.c.order_id)
    .join(t.customers, t.customers.c.id == t.orders.c.customer_id)
    .where(or_(_E.c.serial_key.in_(bindparam("keys", expanding=True)),
               _E.c.asset_tag_key.in_(bindparam("keys", expanding=True))))
)
_NOT_RECEIVED = ~select(_US.c.unit_id).where(and_(_US.c.expected_unit_id == _E.c.id, _US.c.active)).exists()
_KEYS_SQLITE = select(func.json_each(bindparam("keys")).table_valued("value").c.value).scalar_subquery()
_OUTSTANDING_SQLITE = select(_E).where(
    _E.c.order_id == bindparam("oid"), or_(_E.c.serial_key.in_(_KEYS_SQLITE), _E.c.asset_tag_key.in_(_KEYS_SQLITE)),
    _NOT_RECEIVED)
_OUTSTANDING_PG = select(_E).where(
    _E.c.order_id == bindparam("oid"),
    or_(_E.c.serial_key == func.any(bindparam("keys", type_=ARRAY(String))),
        _E.c.asset_tag_key == func.any(bindparam("keys", type_=ARRAY(String)))),
    _NOT_RECEIVED)
_UNIT_BY_INTERNAL_ID = select(t.units.c.id).where(t.units.c.internal_id == bindparam("iid"))
_STATION_BY_CODE = select(t.stations.c.id).where(t.stations.c.code == bindparam("code"))
_ACTIVE_BY_KEY = select(_US.c.unit_id).where(_US.c.serial_key.in_(bindparam("keys", expanding=True)), _US.c.active)


class SqlLookup:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.orders: dict[uuid.UUID, OrderRef] = {}

    def pallet(self, code: str) -> PalletRef | None:
        return pallet_ref(self.conn, code, self.orders)

    def unit_by_internal_id(self, internal_id: str) -> UnitRef | None:
        uid = self.conn.execute(_UNIT_BY_INTERNAL_ID, {"iid": internal_id}).scalar()
        refs = unit_refs(self.conn, [uid], self.orders) if uid else []
        return refs[0] if refs else None

    def station_code_known(self, code: str) -> bool:
        return self.conn.execute(_STATION_BY_CODE, {"code": code}).first() is not None

    def expected(self, keys: tuple[str, ...]) -> list[ExpectedHit]:
        rows = self.conn.execute(_EXPECTED, {"keys": list(keys)}).all()
        if not rows:
            return []
        received_ids = [r.received for r in rows if r.received is not None]
        units = {u.id: u for u in unit_refs(self.conn, received_ids, self.orders)} if received_ids else {}
        hits = []
        for r in rows:
            order = self.orders.get(r.order_id) or self.orders.setdefault(
                r.order_id, OrderRef(r.order_id, r.number, r.short_name, r.status == "sign_off"))
            hits.append(ExpectedHit(expected_ref(r, order), units.get(r.received) if r.received else None,
                                    by_tag_only=r.serial_key not in keys))
        return hits

    def units_by_key(self, keys: tuple[str, ...]) -> list[UnitRef]:
        ids: list[uuid.UUID] = list(self.conn.execute(_ACTIVE_BY_KEY, {"keys": list(keys)}).scalars())
        return unit_refs(self.conn, ids, self.orders)

    def outstanding_by_keys(self, order_id: uuid.UUID, keys: list[str]) -> list[tuple[str, ExpectedRef]]:
        """Outstanding expected units of the order whose serial or asset tag is one of ``keys``.

        ``keys`` are the ~750 one-edit variants of a code: passed as ONE parameter (a JSON array on
        SQLite, an array on PostgreSQL) instead of 750 bound values, which SQLAlchemy would have to
        render into the statement each time.
        """
        order = order_ref_by_id(self.conn, order_id, self.orders)
        if self.conn.dialect.name == "sqlite":
            stmt, param = _OUTSTANDING_SQLITE, json.dumps(keys)
        else:
            stmt, param = _OUTSTANDING_PG, keys  # type: ignore[assignment]
        rows = self.conn.execute(stmt, {"oid": order_id, "keys": param}).all()
        wanted = set(keys)
        return [(r.serial_key if r.serial_key in wanted else r.asset_tag_key, expected_ref(r, order)) for r in rows]
