"""Corrections: void a scan, confirm a near match, match an extra by hand, move a unit.

Each correction is a fact row; the unit's current state (``unit_state``) is updated in the
same transaction and can always be rebuilt from the facts (:mod:`.state`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ..domain.codes import match_key
from ..domain.roles import Permission
from ..errors import Conflict, InputError, NotFound
from ..store import tables as t
from .context import Actor, Context
from .queries import as_uuid, order_status, pallet_closed
from .units import insert_unit

MAX_REASON = 500


@dataclass(frozen=True)
class CorrectionResult:
    correction_id: uuid.UUID
    kind: str
    order: str
    scan_id: uuid.UUID | None = None
    unit_internal_id: str | None = None
    expected_id: uuid.UUID | None = None
    pallet: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: (str(v) if isinstance(v, uuid.UUID) else v) for k, v in self.__dict__.items()}


def _reason(reason: str | None, required: bool) -> str | None:
    reason = " ".join((reason or "").split())
    if required and not reason:
        raise InputError("give a reason for this correction")
    if len(reason) > MAX_REASON:
        raise InputError(f"a reason has at most {MAX_REASON} characters")
    return reason or None


class Corrections:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def _open_order_number(self, conn: Connection, order_id: uuid.UUID) -> str:
        if order_status(conn, order_id) == "signed_off":
            raise Conflict("the order is signed off; a supervisor must reopen it first")
        return conn.execute(select(t.orders.c.number).where(t.orders.c.id == order_id)).scalar_one()

    def _insert(self, conn: Connection, actor: Actor, **values: Any) -> uuid.UUID:
        fact = self.ctx.fact(actor)
        conn.execute(insert(t.corrections).values(**fact, **values))
        return fact["id"]  # type: ignore[return-value]

    def void(self, actor: Actor, scan: str | uuid.UUID, reason: str | None) -> CorrectionResult:
        """Void a scan: a unit it received stops counting; a duplicate or wrong-order hit disappears."""
        actor.require(Permission.VOID)
        reason = _reason(reason, required=True)
        with self.ctx.store.write() as conn:
            row = self._scan(conn, scan)
            number = self._open_order_number(conn, row.order_id)
            if self._voided(conn, row.id):
                raise Conflict("this scan is already void")
            unit = conn.execute(select(t.units.c.id, t.units.c.internal_id).where(t.units.c.scan_id == row.id)).first()
            cid = self._insert(conn, actor, kind="void", order_id=row.order_id, scan_id=row.id,
                               unit_id=unit.id if unit else None, reason=reason)
            if unit is not None:
                conn.execute(update(t.unit_state).where(t.unit_state.c.unit_id == unit.id).values(active=False))
        self.ctx.publish("correction", row.order_id)
        return CorrectionResult(cid, "void", number, row.id, unit.internal_id if unit else None)

    def confirm(self, actor: Actor, scan: str | uuid.UUID, accept: bool, reason: str | None = None
                ) -> CorrectionResult:
        """Answer a near match: ``accept`` receives it as the suggested unit, otherwise as an extra."""
        actor.require(Permission.CONFIRM_NEAR_MATCH)
        with self.ctx.store.write() as conn:
            row = self._scan(conn, scan)
            if row.outcome != "near_match":
                raise InputError("only a near-match scan can be confirmed")
            number = self._open_order_number(conn, row.order_id)
            if self._voided(conn, row.id):
                raise Conflict("this scan was voided")
            if conn.execute(select(t.units.c.id).where(t.units.c.scan_id == row.id)).first():
                raise Conflict("this near match was already answered")
            expected_id = row.expected_unit_id if accept else None
            if expected_id is not None and conn.execute(
                    select(t.unit_state.c.unit_id).where(t.unit_state.c.expected_unit_id == expected_id,
                                                         t.unit_state.c.active)).first():
                raise Conflict("the suggested unit was received meanwhile; reject the near match instead")
            key = (row.detail or {}).get("near_key") if accept else None
            serial_key = key or match_key(row.code)
            unit_id, internal_id = insert_unit(
                conn, self.ctx, actor, order_id=row.order_id, scan_id=row.id, serial=row.code,
                serial_key=serial_key, expected_id=expected_id, pallet_id=row.pallet_id)
            cid = self._insert(conn, actor, kind="confirm", order_id=row.order_id, scan_id=row.id, unit_id=unit_id,
                               expected_unit_id=expected_id, reason=_reason(reason, required=False))
        self.ctx.publish("correction", row.order_id)
        return CorrectionResult(cid, "confirm", number, row.id, internal_id, expected_id)

    def manual_match(self, actor: Actor, unit: str, expected: str | uuid.UUID, reason: str | None
                     ) -> CorrectionResult:
        """Match an extra unit to an outstanding expected unit of the same order (supervisor)."""
        actor.require(Permission.MANUAL_MATCH)
        reason = _reason(reason, required=True)
        with self.ctx.store.write() as conn:
            u = self._unit(conn, unit)
            number = self._open_order_number(conn, u.order_id)
            if not u.active:
                raise Conflict(f"unit {u.internal_id} was voided")
            if u.expected_unit_id is not None:
                raise Conflict(f"unit {u.internal_id} is already matched; void and rescan to change it")
            e = self._expected(conn, expected, u.order_id)
            if conn.execute(select(t.unit_state.c.unit_id).where(t.unit_state.c.expected_unit_id == e.id,
                                                                 t.unit_state.c.active)).first():
                raise Conflict("that expected unit is already received")
            cid = self._insert(conn, actor, kind="manual_match", order_id=u.order_id, unit_id=u.id,
                               expected_unit_id=e.id, reason=reason)
            conn.execute(update(t.unit_state).where(t.unit_state.c.unit_id == u.id).values(expected_unit_id=e.id))
        self.ctx.publish("correction", u.order_id)
        return CorrectionResult(cid, "manual_match", number, None, u.internal_id, e.id)

    def move(self, actor: Actor, unit: str, pallet: str, reason: str | None) -> CorrectionResult:
        """Move a unit to another pallet of its order (supervisor)."""
        actor.require(Permission.MOVE_UNIT)
        reason = _reason(reason, required=False)
        with self.ctx.store.write() as conn:
            u = self._unit(conn, unit)
            number = self._open_order_number(conn, u.order_id)
            p = conn.execute(select(t.pallets).where(t.pallets.c.code == pallet.strip().upper())).first()
            if p is None:
                raise NotFound(f"no pallet {pallet}")
            if p.order_id != u.order_id:
                raise Conflict(f"pallet {p.code} belongs to another order")
            if pallet_closed(conn, p.id):
                raise Conflict(f"pallet {p.code} is closed")
            if u.pallet_id == p.id:
                raise Conflict(f"unit {u.internal_id} is already on pallet {p.code}")
            cid = self._insert(conn, actor, kind="move_pallet", order_id=u.order_id, unit_id=u.id, pallet_id=p.id,
                               reason=reason)
            conn.execute(update(t.unit_state).where(t.unit_state.c.unit_id == u.id).values(pallet_id=p.id))
        self.ctx.publish("correction", u.order_id)
        return CorrectionResult(cid, "move_pallet", number, None, u.internal_id, None, p.code)

    # -- lookups ---------------------------------------------------------------------------------

    @staticmethod
    def _scan(conn: Connection, scan: str | uuid.UUID) -> Any:
        sid = as_uuid(scan)
        row = conn.execute(select(t.scans).where(t.scans.c.id == sid)).first() if sid else None
        if row is None:
            raise NotFound(f"no scan {scan}")
        return row

    @staticmethod
    def _voided(conn: Connection, scan_id: uuid.UUID) -> bool:
        return conn.execute(select(t.corrections.c.id).where(t.corrections.c.scan_id == scan_id,
                                                             t.corrections.c.kind == "void")).first() is not None

    @staticmethod
    def _unit(conn: Connection, unit: str) -> Any:
        key = unit.strip().upper().replace(" ", "").replace("-", "")
        uid = as_uuid(unit)
        cond = t.units.c.id == uid if uid else t.units.c.internal_id == key
        row = conn.execute(
            select(t.units.c.id, t.units.c.internal_id, t.units.c.order_id, t.unit_state.c.expected_unit_id,
                   t.unit_state.c.pallet_id, t.unit_state.c.active)
            .join(t.unit_state, t.unit_state.c.unit_id == t.units.c.id).where(cond)
        ).first()
        if row is None:
            raise NotFound(f"no unit {unit}")
        return row

    @staticmethod
    def _expected(conn: Connection, expected: str | uuid.UUID, order_id: uuid.UUID) -> Any:
        eid = as_uuid(expected)
        e = t.expected_units
        key = match_key(str(expected))
        cond = e.c.id == eid if eid else (e.c.serial_key == key) | (e.c.asset_tag_key == key)
        rows = conn.execute(select(e).where(cond, e.c.order_id == order_id)).all()
        if not rows:
            raise NotFound(f"no expected unit {expected} on this order")
        if len(rows) > 1:
            raise InputError(f"{expected} names several expected units; use the expected unit's id")
        return rows[0]
