"""The scan decision's questions (:class:`intake_app.domain.outcomes.Lookup`) as SQL.

Each method is one indexed query; ``decide`` asks only what the next rule needs.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, and_, or_, select

from ..domain.outcomes import ExpectedHit, ExpectedRef, OrderRef, PalletRef, UnitRef
from ..store import tables as t
from .queries import expected_ref, order_ref_by_id, pallet_ref, unit_refs

_E = t.expected_units
_US = t.unit_state
_IN_CHUNK = 900  # stay far below SQLite's bound-parameter limit


class SqlLookup:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.orders: dict[uuid.UUID, OrderRef] = {}

    def pallet(self, code: str) -> PalletRef | None:
        return pallet_ref(self.conn, code, self.orders)

    def unit_by_internal_id(self, internal_id: str) -> UnitRef | None:
        uid = self.conn.execute(select(t.units.c.id).where(t.units.c.internal_id == internal_id)).scalar()
        refs = unit_refs(self.conn, [uid], self.orders) if uid else []
        return refs[0] if refs else None

    def station_code_known(self, code: str) -> bool:
        return self.conn.execute(select(t.stations.c.id).where(t.stations.c.code == code)).first() is not None

    def expected(self, keys: tuple[str, ...]) -> list[ExpectedHit]:
        rows = self.conn.execute(
            select(_E.c.id, _E.c.order_id, _E.c.serial, _E.c.asset_tag, _E.c.manufacturer, _E.c.model,
                   _E.c.category, _E.c.category_key, _E.c.serial_key)
            .where(or_(_E.c.serial_key.in_(keys), _E.c.asset_tag_key.in_(keys)))
        ).all()
        if not rows:
            return []
        # two stations may both have received one expected unit (offline); the first is the match, as in
        # reconciliation: newest first, so the earliest is the one the dict keeps
        received: dict[uuid.UUID, uuid.UUID] = dict(self.conn.execute(
            select(_US.c.expected_unit_id, _US.c.unit_id).join(t.units, t.units.c.id == _US.c.unit_id)
            .where(_US.c.expected_unit_id.in_([r.id for r in rows]), _US.c.active)
            .order_by(t.units.c.created_at.desc(), t.units.c.id.desc())
        ).all())
        units = {u.id: u for u in unit_refs(self.conn, list(received.values()), self.orders)}
        hits = []
        for r in rows:
            ref = expected_ref(r, order_ref_by_id(self.conn, r.order_id, self.orders))
            hits.append(ExpectedHit(ref, units.get(received[r.id]) if r.id in received else None,
                                    by_tag_only=r.serial_key not in keys))
        return hits

    def units_by_key(self, keys: tuple[str, ...]) -> list[UnitRef]:
        ids: list[uuid.UUID] = list(self.conn.execute(
            select(_US.c.unit_id).where(_US.c.serial_key.in_(keys), _US.c.active)).scalars())
        return unit_refs(self.conn, ids, self.orders)

    def outstanding_by_keys(self, order_id: uuid.UUID, keys: list[str]) -> list[tuple[str, ExpectedRef]]:
        order = order_ref_by_id(self.conn, order_id, self.orders)
        out: list[tuple[str, ExpectedRef]] = []
        received = select(_US.c.unit_id).where(and_(_US.c.expected_unit_id == _E.c.id, _US.c.active))
        for i in range(0, len(keys), _IN_CHUNK):
            chunk = keys[i:i + _IN_CHUNK]
            for column in (_E.c.serial_key, _E.c.asset_tag_key):
                rows = self.conn.execute(
                    select(_E, column.label("hit")).where(_E.c.order_id == order_id, column.in_(chunk),
                                                          ~received.exists())
                ).all()
                out += [(r.hit, expected_ref(r, order)) for r in rows]
        return out
