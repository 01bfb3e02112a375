"""Recording scans: the dock's hot path.

:meth:`Scanning.record` classifies the code, decides its outcome, writes the scan (and the
unit, or the pallet) and commits durably, in one ``BEGIN IMMEDIATE`` transaction. It returns
only after the commit: the caller may beep.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select

from ..domain.codes import ClassifiedCode, CodeKind, classify
from ..domain.ids import fact_uuid, format_pallet_id
from ..domain.messages import describe
from ..domain.nearmatch import Edit
from ..domain.outcomes import Decision, ExpectedRef, OrderRef, Outcome, UnitRef, decide
from ..domain.roles import Permission
from ..errors import Conflict, InputError, NotFound
from ..store import tables as t
from .context import Actor, Context
from .lookup import SqlLookup
from .queries import PALLET_BY_CODE, PALLET_BY_ID, order_ref, order_status, pallet_closed
from .units import insert_unit

SOURCES = ("wedge", "serial", "camera", "cli", "manual")
_INSERT_SCAN = insert(t.scans)


@dataclass(frozen=True)
class PalletInfo:
    id: uuid.UUID
    code: str
    order_number: str
    opened: bool = False
    reopened: bool = False
    closed: bool = False


@dataclass(frozen=True)
class NewUnit:
    id: uuid.UUID
    internal_id: str
    serial: str
    expected_id: uuid.UUID | None
    pallet: str | None


@dataclass(frozen=True)
class ScanResult:
    """What the dock shows after a scan. Built after the commit."""

    scan_id: uuid.UUID
    scanned_at: datetime
    order: OrderRef
    decision: Decision
    message: str
    unit: NewUnit | None = None  # a unit received by this scan
    pallet: PalletInfo | None = None  # the current pallet after this scan

    @property
    def outcome(self) -> Outcome:
        return self.decision.outcome

    def as_dict(self) -> dict[str, Any]:
        d, code = self.decision, self.decision.code
        out: dict[str, Any] = {
            "scan_id": str(self.scan_id), "scanned_at": self.scanned_at.isoformat(),
            "order": self.order.number, "code": code.raw, "identifier": code.identifier,
            "kind": code.kind.value, "outcome": d.outcome.value,
            "reason": d.reason.value if d.reason else None, "message": self.message,
            "expected": _expected_dict(d.expected) if d.expected else None,
            "unit": _new_unit_dict(self.unit) if self.unit else (
                _unit_dict(d.unit) if d.outcome is Outcome.KNOWN_UNIT and d.unit else None),
            "pallet": self.pallet.code if self.pallet else None,
        }
        if d.outcome is Outcome.DUPLICATE and d.unit is not None:
            out["first_receipt"] = _unit_dict(d.unit)
        if d.other_order is not None:
            out["other_order"] = {"number": d.other_order.number, "customer": d.other_order.customer,
                                  "signed_off": d.other_order.signed_off}
        if d.near is not None:
            out["near"] = {"edit": d.near.kind.value, "position": d.near.position + 1,
                           "scanned": d.near.scanned, "expected": d.near.expected}
        if code.symbology:
            out["symbology"] = code.symbology
        return out


def _expected_dict(e: ExpectedRef) -> dict[str, Any]:
    return {"id": str(e.id), "order": e.order.number, "serial": e.serial, "asset_tag": e.asset_tag,
            "manufacturer": e.manufacturer, "model": e.model, "category": e.category}


def _unit_dict(u: UnitRef) -> dict[str, Any]:
    return {"id": str(u.id), "internal_id": u.internal_id, "order": u.order.number,
            "received_at": u.received_at.isoformat(), "station": u.station, "operator": u.operator,
            "pallet": u.pallet}


def _new_unit_dict(u: NewUnit) -> dict[str, Any]:
    return {"id": str(u.id), "internal_id": u.internal_id, "serial": u.serial,
            "expected_id": str(u.expected_id) if u.expected_id else None, "pallet": u.pallet}


class Scanning:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def record(self, actor: Actor, order: str | uuid.UUID, raw: str, *, pallet: str | uuid.UUID | None = None,
               source: str = "cli") -> ScanResult:
        """Record one read while receiving ``order`` (onto ``pallet``, if given); durable on return."""
        actor.require(Permission.SCAN)
        if source not in SOURCES:
            raise InputError(f"scan source must be one of {', '.join(SOURCES)}")
        code = classify(raw)
        with self.ctx.store.write() as conn:
            order_r = order_ref(conn, order)
            if order_r.signed_off:
                raise Conflict(f"order {order_r.number} is signed off; a supervisor must reopen it first")
            current = self._current_pallet(conn, order_r, pallet)
            lookup = SqlLookup(conn)
            lookup.orders[order_r.id] = order_r
            decision = decide(code, order_r, lookup)
            fact = self.ctx.fact(actor)
            scan_id: uuid.UUID = fact["id"]  # type: ignore[assignment]
            new_pallet = None
            if decision.outcome is Outcome.PALLET:
                new_pallet = self._switch_pallet(conn, actor, order_r, decision, code)
            scan_pallet = new_pallet or current
            conn.execute(_INSERT_SCAN, {
                **fact, "order_id": order_r.id, "pallet_id": scan_pallet.id if scan_pallet else None,
                "raw": raw[:1024], "code": code.identifier[:120], "kind": code.kind.value,
                "outcome": decision.outcome.value, "reason": decision.reason.value if decision.reason else None,
                "expected_unit_id": decision.expected.id if decision.expected else None,
                "unit_id": decision.unit.id if decision.unit else None,
                "other_order_id": decision.other_order.id if decision.other_order else None,
                "source": source, "detail": _detail(decision)})
            unit = None
            if decision.creates_unit:
                if current is not None and current.closed:
                    raise Conflict(f"pallet {current.code} is closed; scan its label to reopen it")
                key = decision.matched_key or code.keys[0]
                expected_id = decision.expected.id if decision.outcome is Outcome.MATCHED and decision.expected else None
                unit = self._receive(conn, actor, order_r, scan_id, code.identifier, key, expected_id, current)
        message = describe(decision, unit.internal_id if unit else None,
                           new_pallet.code if new_pallet else None)
        result = ScanResult(scan_id, fact["created_at"], order_r, decision, message, unit,  # type: ignore[arg-type]
                            new_pallet or current)
        self.ctx.publish("scan", order_r.id)
        return result

    def outstanding_keys(self, order: str | uuid.UUID) -> dict[str, uuid.UUID]:
        """Match keys (serial and asset tag) of ``order``'s expected units not yet received -> unit id.

        A read-only snapshot for devices that rank several codes at once (the camera): a code with
        one of these keys would be matched; two keys of one unit (serial, asset tag) share its id.
        """
        e, us = t.expected_units, t.unit_state
        received = select(us.c.unit_id).where(us.c.expected_unit_id == e.c.id, us.c.active)
        with self.ctx.store.read() as conn:
            order_r = order_ref(conn, order)
            rows = conn.execute(select(e.c.id, e.c.serial_key, e.c.asset_tag_key)
                                .where(e.c.order_id == order_r.id, ~received.exists())).all()
        keys: dict[str, uuid.UUID] = {}
        for r in rows:
            keys.update({k: r.id for k in (r.asset_tag_key, r.serial_key) if k})
        return keys

    def _current_pallet(self, conn: Connection, order: OrderRef, pallet: str | uuid.UUID | None
                        ) -> PalletInfo | None:
        if pallet is None:
            return None
        if isinstance(pallet, uuid.UUID):
            row = conn.execute(PALLET_BY_ID, {"pid": pallet}).first()
        else:
            row = conn.execute(PALLET_BY_CODE, {"code": pallet.strip().upper()}).first()
        if row is None:
            raise NotFound(f"no pallet {pallet}; scan the pallet label to open it")
        if row.order_id != order.id:
            raise Conflict(f"pallet {row.code} belongs to another order")
        return PalletInfo(row.id, row.code, order.number, closed=row.status == "close")

    def _switch_pallet(self, conn: Connection, actor: Actor, order: OrderRef, decision: Decision,
                       code: ClassifiedCode) -> PalletInfo:
        existing = decision.pallet
        if existing is not None:
            if existing.closed:
                conn.execute(insert(t.pallet_events).values(**self.ctx.fact(actor), pallet_id=existing.id,
                                                            kind="reopen", weight_kg=None))
            return PalletInfo(existing.id, existing.code, order.number, reopened=existing.closed)
        fact = {**self.ctx.fact(actor), "id": fact_uuid("pallet", code.identifier)}  # one pallet, one row
        kind = "sscc" if code.kind is CodeKind.SSCC else "own"
        conn.execute(insert(t.pallets).values(**fact, order_id=order.id, code=code.identifier, kind=kind, seq=None))
        return PalletInfo(fact["id"], code.identifier, order.number, opened=True)  # type: ignore[arg-type]

    def _receive(self, conn: Connection, actor: Actor, order: OrderRef, scan_id: uuid.UUID, serial: str,
                 key: str, expected_id: uuid.UUID | None, pallet: PalletInfo | None) -> NewUnit:
        uid, internal_id = insert_unit(conn, self.ctx, actor, order_id=order.id, scan_id=scan_id, serial=serial,
                                       serial_key=key, expected_id=expected_id,
                                       pallet_id=pallet.id if pallet else None)
        return NewUnit(uid, internal_id, serial, expected_id, pallet.code if pallet else None)

    def open_pallet(self, actor: Actor, order: str | uuid.UUID, code: str | None = None) -> PalletInfo:
        """Open a pallet: with the sender's SSCC / an existing label, or with a new id of ours."""
        actor.require(Permission.OPEN_CLOSE_PALLET)
        if code is not None:
            result = self.record(actor, order, code, source="manual")
            if result.outcome is not Outcome.PALLET or result.pallet is None:
                raise InputError(f"{code!r} is not a pallet code: {result.message}")
            return result.pallet
        with self.ctx.store.write() as conn:
            order_r = order_ref(conn, order)
            if order_r.signed_off:
                raise Conflict(f"order {order_r.number} is signed off")
            station = self.ctx.station
            seq = (conn.execute(select(func.max(t.pallets.c.seq)).where(t.pallets.c.station_id == station.id))
                   .scalar() or 0) + 1
            pid = format_pallet_id(station.code, seq)
            fact = {**self.ctx.fact(actor), "id": fact_uuid("pallet", pid)}
            conn.execute(insert(t.pallets).values(**fact, order_id=order_r.id, code=pid, kind="own", seq=seq))
        self.ctx.publish("pallet", order_r.id)
        return PalletInfo(fact["id"], pid, order_r.number, opened=True)  # type: ignore[arg-type]

    def close_pallet(self, actor: Actor, pallet: str, weight_kg: float | None = None) -> PalletInfo:
        actor.require(Permission.OPEN_CLOSE_PALLET)
        if weight_kg is not None and not (0 < weight_kg < 5000):
            raise InputError("a pallet weighs more than 0 and less than 5000 kg")
        with self.ctx.store.write() as conn:
            row = conn.execute(select(t.pallets).where(t.pallets.c.code == pallet.strip().upper())).first()
            if row is None:
                raise NotFound(f"no pallet {pallet}")
            if pallet_closed(conn, row.id):
                raise Conflict(f"pallet {row.code} is already closed")
            if order_status(conn, row.order_id) == "signed_off":
                raise Conflict("the order of this pallet is signed off")
            conn.execute(insert(t.pallet_events).values(**self.ctx.fact(actor), pallet_id=row.id, kind="close",
                                                        weight_kg=weight_kg))
            number: str = conn.execute(select(t.orders.c.number).where(t.orders.c.id == row.order_id)).scalar_one()
        self.ctx.publish("pallet", row.order_id)
        return PalletInfo(row.id, row.code, number)


def _detail(d: Decision) -> dict[str, Any] | None:
    detail: dict[str, Any] = dict(d.code.detail)
    if d.near is not None:
        detail["near"] = _edit_dict(d.near)
        detail["near_key"] = d.matched_key
    if d.code.symbology:
        detail["symbology"] = d.code.symbology
    return detail or None


def _edit_dict(e: Edit) -> dict[str, Any]:
    return {"kind": e.kind.value, "position": e.position, "scanned": e.scanned, "expected": e.expected}
