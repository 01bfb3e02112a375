"""Read-only queries behind the dock screens: what a page shows between two scans.

Each query is a handful of indexed statements, so a page can refresh after every scan on an
order of 18,000 units in a station database of a million: counters by order (``unit_state``
and ``scans`` are indexed by order), recent scans newest first (``scans(order_id, created_at)``),
outstanding expected units (``expected_units.order_id`` + ``unit_state.expected_unit_id``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, and_, distinct, func, select

from ..errors import NotFound
from ..store import tables as t
from .context import Context
from .orders import Orders, OrderSummary
from .queries import PALLET_CLOSE_WEIGHT, PALLET_STATUS, as_uuid, order_ref

RECENT_LIMIT = 100
SEARCH_LIMIT = 200


@dataclass(frozen=True)
class ScanLine:
    """One scan as the recent-scans list shows it."""

    scan_id: uuid.UUID
    scanned_at: datetime
    code: str
    outcome: str  # an Outcome value
    reason: str | None  # a RejectReason value
    pallet: str | None
    internal_id: str | None  # the unit this scan received (matched, extra, answered near match)
    seen_internal_id: str | None  # the unit this scan saw (duplicate, known unit)
    expected_serial: str | None  # the expected unit it matched / was near to / belongs to
    other_order: str | None
    operator: str | None
    source: str
    voided: bool


@dataclass(frozen=True)
class OutstandingLine:
    id: uuid.UUID
    line_no: int | None
    serial: str | None
    asset_tag: str | None
    manufacturer: str | None
    model: str | None
    category: str


@dataclass(frozen=True)
class Counters:
    """The order's or a pallet's figures on the receiving page."""

    expected: int  # serial units expected (0 for a pallet)
    matched: int
    received: int  # active units
    extras: int  # active units matched to nothing
    duplicates: int  # duplicate scans not voided
    wrong_order: int  # wrong-order scans not voided


@dataclass(frozen=True)
class PalletLine:
    id: uuid.UUID
    code: str
    closed: bool
    units: int
    weight_kg: float | None
    opened_at: datetime


class Dock:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def recent_scans(self, order: str | uuid.UUID, *, pallet: str | uuid.UUID | None = None,
                     limit: int = RECENT_LIMIT) -> list[ScanLine]:
        """The newest scans of ``order`` (on ``pallet``, if given), newest first."""
        s, u, seen = t.scans, t.units, t.units.alias("seen")
        other, e = t.orders.alias("other"), t.expected_units
        voided = select(t.corrections.c.id).where(and_(t.corrections.c.scan_id == s.c.id,
                                                       t.corrections.c.kind == "void")).exists()
        with self.ctx.store.read() as conn:
            ref = order_ref(conn, order)
            stmt = (
                select(s.c.id, s.c.created_at, s.c.code, s.c.outcome, s.c.reason, t.pallets.c.code.label("pallet"),
                       u.c.internal_id, seen.c.internal_id.label("seen_id"), e.c.serial, e.c.asset_tag,
                       other.c.number.label("other"), t.operators.c.name.label("operator"), s.c.source,
                       voided.label("voided"))
                .outerjoin(t.pallets, t.pallets.c.id == s.c.pallet_id)
                .outerjoin(u, u.c.scan_id == s.c.id)
                .outerjoin(seen, seen.c.id == s.c.unit_id)
                .outerjoin(e, e.c.id == s.c.expected_unit_id)
                .outerjoin(other, other.c.id == s.c.other_order_id)
                .outerjoin(t.operators, t.operators.c.id == s.c.operator_id)
                .where(s.c.order_id == ref.id)
                .order_by(s.c.created_at.desc(), s.c.id.desc()).limit(max(1, min(limit, 1000)))
            )
            if pallet is not None:
                stmt = stmt.where(s.c.pallet_id == self._pallet_id(conn, pallet))
            rows = conn.execute(stmt).all()
        return [ScanLine(r.id, r.created_at, r.code, r.outcome, r.reason, r.pallet, r.internal_id, r.seen_id,
                         r.serial or r.asset_tag, r.other, r.operator, r.source, bool(r.voided)) for r in rows]

    def outstanding(self, order: str | uuid.UUID) -> list[OutstandingLine]:
        """Expected units of ``order`` nobody has received yet, in manifest order."""
        e, us = t.expected_units, t.unit_state
        received = select(us.c.unit_id).where(and_(us.c.expected_unit_id == e.c.id, us.c.active)).exists()
        with self.ctx.store.read() as conn:
            ref = order_ref(conn, order)
            rows = conn.execute(
                select(e.c.id, e.c.line_no, e.c.serial, e.c.asset_tag, e.c.manufacturer, e.c.model, e.c.category_key)
                .where(e.c.order_id == ref.id, ~received).order_by(e.c.line_no)
            ).all()
        return [OutstandingLine(r.id, r.line_no, r.serial, r.asset_tag, r.manufacturer, r.model, r.category_key)
                for r in rows]

    def counters(self, order: str | uuid.UUID) -> Counters:
        with self.ctx.store.read() as conn:
            ref = order_ref(conn, order)
            expected = conn.execute(select(func.count()).where(t.expected_units.c.order_id == ref.id)).scalar_one()
            return self._counters(conn, ref.id, None, expected)

    def pallet_counters(self, pallet: str | uuid.UUID) -> Counters:
        with self.ctx.store.read() as conn:
            pid = self._pallet_id(conn, pallet)
            order_id: uuid.UUID = conn.execute(select(t.pallets.c.order_id).where(t.pallets.c.id == pid)).scalar_one()
            return self._counters(conn, order_id, pid, 0)

    def _counters(self, conn: Connection, order_id: uuid.UUID, pallet_id: uuid.UUID | None,
                  expected: int) -> Counters:
        us, s = t.unit_state, t.scans
        # order_id first in every condition: the index that keeps this fast on a big station database
        units = select(func.count(), func.count(us.c.expected_unit_id), func.count(distinct(us.c.expected_unit_id))
                       ).where(us.c.order_id == order_id, us.c.active)
        voided = select(t.corrections.c.id).where(and_(t.corrections.c.scan_id == s.c.id,
                                                       t.corrections.c.kind == "void")).exists()
        scans = (select(s.c.outcome, func.count()).where(s.c.order_id == order_id,
                                                         s.c.outcome.in_(("duplicate", "wrong_order")), ~voided)
                 .group_by(s.c.outcome))
        if pallet_id is not None:
            units = units.where(us.c.pallet_id == pallet_id)
            scans = scans.where(s.c.pallet_id == pallet_id)
        received, with_expected, matched = conn.execute(units).one()
        by_outcome: dict[str, int] = {row[0]: int(row[1]) for row in conn.execute(scans).all()}
        return Counters(expected, int(matched), int(received), int(received - with_expected),
                        by_outcome.get("duplicate", 0), by_outcome.get("wrong_order", 0))

    def pallets(self, order: str | uuid.UUID) -> list[PalletLine]:
        """The pallets of ``order``, oldest first, with their unit count and closing weight."""
        p, us = t.pallets, t.unit_state
        with self.ctx.store.read() as conn:
            ref = order_ref(conn, order)
            counts: dict[uuid.UUID | None, int] = dict(conn.execute(select(us.c.pallet_id, func.count()).where(
                us.c.order_id == ref.id, us.c.active).group_by(us.c.pallet_id)).all())
            rows = conn.execute(select(p.c.id, p.c.code, p.c.created_at, PALLET_STATUS.label("status"),
                                       PALLET_CLOSE_WEIGHT.label("weight"))
                                .where(p.c.order_id == ref.id).order_by(p.c.created_at)).all()
        out = []
        for r in rows:
            closed = r.status == "close"
            out.append(PalletLine(r.id, r.code, closed, int(counts.get(r.id, 0)), r.weight if closed else None,
                                  r.created_at))
        return out

    def search_orders(self, text: str = "", *, include_signed_off: bool = False,
                      limit: int = SEARCH_LIMIT) -> list[OrderSummary]:
        """Orders whose number, customer or customer reference contains ``text``; newest first."""
        wanted = " ".join(text.split()).casefold()
        with self.ctx.store.read() as conn:
            rows = conn.execute(
                select(t.orders.c.id, t.orders.c.number, t.orders.c.customer_ref, t.orders.c.created_at,
                       t.customers.c.name, t.customers.c.short_name)
                .join(t.customers, t.customers.c.id == t.orders.c.customer_id)
                .order_by(t.orders.c.created_at.desc(), t.orders.c.number.desc())
            ).all()
            signed_off = _signed_off_orders(conn)
        hits = [r.id for r in rows
                if (include_signed_off or r.id not in signed_off)
                and (not wanted or any(wanted in (v or "").casefold()
                                       for v in (r.number, r.customer_ref, r.name, r.short_name)))]
        return Orders(self.ctx).summaries(hits[:max(1, limit)])

    def scan_of_unit(self, unit: str | uuid.UUID) -> uuid.UUID:
        """The scan that received ``unit`` (an internal id or UUID): what a void names."""
        uid = as_uuid(unit)
        cond = t.units.c.id == uid if uid else t.units.c.internal_id == str(unit).strip().upper()
        with self.ctx.store.read() as conn:
            scan_id = conn.execute(select(t.units.c.scan_id).where(cond)).scalar()
        if scan_id is None:
            raise NotFound(f"no unit {unit}")
        return scan_id

    @staticmethod
    def _pallet_id(conn: Connection, pallet: str | uuid.UUID) -> uuid.UUID:
        if isinstance(pallet, uuid.UUID):
            return pallet
        pid = conn.execute(select(t.pallets.c.id).where(t.pallets.c.code == pallet.strip().upper())).scalar()
        if pid is None:
            raise NotFound(f"no pallet {pallet}")
        return pid


def _signed_off_orders(conn: Connection) -> set[uuid.UUID]:
    """Orders whose newest sign-off/reopen event is a sign-off (events are few: one pass)."""
    latest: dict[uuid.UUID, str] = {}
    for r in conn.execute(select(t.order_events.c.order_id, t.order_events.c.kind)
                          .order_by(t.order_events.c.created_at, t.order_events.c.id)):
        latest[r.order_id] = r.kind
    return {oid for oid, kind in latest.items() if kind == "sign_off"}
