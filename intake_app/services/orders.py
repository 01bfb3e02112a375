"""Take-back orders: create, list with progress, show with the expected list."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, distinct, func, insert, select

from ..domain.roles import Permission
from ..errors import Conflict, InputError
from ..store import tables as t
from .context import Actor, Context
from .customers import find_customer
from .queries import PALLET_STATUS, order_ref, order_status
from .stations import central_registration

ORDER_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,38}$")
MAX_REF = 80


@dataclass(frozen=True)
class OrderSummary:
    id: uuid.UUID
    number: str
    customer: str
    customer_ref: str | None
    status: str
    expected: int
    received: int
    matched: int
    count_expected: int
    count_received: int
    created_at: str

    def as_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["id"] = str(self.id)
        d["missing"] = self.expected - self.matched
        d["extras"] = self.received - self.matched
        return d


class Orders:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def create(self, actor: Actor, customer: str, number: str | None = None, customer_ref: str | None = None,
               note: str | None = None) -> OrderSummary:
        actor.require(Permission.MANAGE_ORDERS)
        if number is not None:
            number = number.strip().upper()
            if not ORDER_NUMBER.match(number):
                raise InputError("an order number has 3-39 letters, digits and dashes, e.g. TB-2026-0042")
        if customer_ref and len(customer_ref) > MAX_REF:
            raise InputError(f"a customer reference has at most {MAX_REF} characters")
        with self.ctx.store.write() as conn:
            cust = find_customer(conn, customer)
            fact = self.ctx.fact(actor)
            number = number or self._next_number(conn, fact["created_at"].year,  # type: ignore[attr-defined]
                                                 self._series(conn))
            if conn.execute(select(t.orders.c.id).where(t.orders.c.number == number)).first():
                raise Conflict(f"order {number} already exists")
            conn.execute(insert(t.orders).values(**fact, number=number, customer_id=cust.id,
                                                 customer_ref=customer_ref or None, note=note or None))
        self.ctx.publish("order", fact["id"])  # type: ignore[arg-type]
        return self.summary(number)

    def _series(self, conn: Connection) -> str:
        """A station that syncs with a central numbers its own orders TB-YYYY-<station code>-NNNN.

        Orders are normally made centrally (TB-YYYY-NNNN); a dock that makes one offline cannot ask
        which numbers are free, so its numbers carry its code and never collide with anyone's.
        """
        return f"{self.ctx.station.code}-" if central_registration(conn) is not None else ""

    @staticmethod
    def _next_number(conn: Connection, year: int, series: str = "") -> str:
        prefix = f"TB-{year}-{series}"
        numbers: list[str] = list(conn.execute(select(t.orders.c.number).where(t.orders.c.number.like(prefix + "%"))).scalars())
        highest = max((int(n[len(prefix):]) for n in numbers if n[len(prefix):].isdigit()), default=0)
        return f"{prefix}{highest + 1:04d}"

    def summary(self, order: str | uuid.UUID) -> OrderSummary:
        with self.ctx.store.read() as conn:
            ref = order_ref(conn, order)
            return self._summaries(conn, [ref.id])[0]

    def summaries(self, ids: list[uuid.UUID]) -> list[OrderSummary]:
        """Summaries of the orders ``ids``, in that order (a few grouped queries, not one per order)."""
        with self.ctx.store.read() as conn:
            return self._summaries(conn, ids)

    def all(self, status: str | None = None, customer: str | None = None) -> list[OrderSummary]:
        with self.ctx.store.read() as conn:
            stmt = select(t.orders.c.id).order_by(t.orders.c.created_at, t.orders.c.number)
            if customer:
                stmt = stmt.where(t.orders.c.customer_id == find_customer(conn, customer).id)
            summaries = self._summaries(conn, list(conn.execute(stmt).scalars()))
        return [s for s in summaries if status is None or s.status == status]

    def _summaries(self, conn: Connection, ids: list[uuid.UUID]) -> list[OrderSummary]:
        if not ids:
            return []
        expected = _grouped(conn, select(t.expected_units.c.order_id, func.count())
                            .where(t.expected_units.c.order_id.in_(ids)).group_by(t.expected_units.c.order_id))
        active = and_(t.unit_state.c.active, t.unit_state.c.order_id.in_(ids))
        received = _grouped(conn, select(t.unit_state.c.order_id, func.count()).where(active)
                            .group_by(t.unit_state.c.order_id))
        matched = _grouped(conn, select(t.unit_state.c.order_id, func.count(distinct(t.unit_state.c.expected_unit_id)))
                           .where(active).group_by(t.unit_state.c.order_id))
        cexp = _grouped(conn, select(t.count_lines.c.order_id, func.sum(t.count_lines.c.quantity))
                        .where(t.count_lines.c.order_id.in_(ids)).group_by(t.count_lines.c.order_id))
        crec = _grouped(conn, select(t.count_receipts.c.order_id, func.sum(t.count_receipts.c.quantity))
                        .where(t.count_receipts.c.order_id.in_(ids)).group_by(t.count_receipts.c.order_id))
        rows = conn.execute(
            select(t.orders, t.customers.c.short_name).join(t.customers, t.customers.c.id == t.orders.c.customer_id)
            .where(t.orders.c.id.in_(ids))
        ).all()
        by_id = {r.id: r for r in rows}
        out = []
        for oid in ids:
            r = by_id[oid]
            out.append(OrderSummary(
                r.id, r.number, r.short_name, r.customer_ref, order_status(conn, oid), expected.get(oid, 0),
                received.get(oid, 0), matched.get(oid, 0), cexp.get(oid, 0), crec.get(oid, 0),
                r.created_at.isoformat(timespec="seconds")))
        return out

    def detail(self, order: str | uuid.UUID) -> dict[str, Any]:
        """Everything about an order for ``order show``: summary, expected list, pallets."""
        summary = self.summary(order)
        with self.ctx.store.read() as conn:
            cust = conn.execute(
                select(t.customers.c.name, t.customers.c.org_number, t.customers.c.parent_id)
                .join(t.orders, t.orders.c.customer_id == t.customers.c.id).where(t.orders.c.id == summary.id)
            ).one()
            parent = conn.execute(select(t.customers.c.name).where(t.customers.c.id == cust.parent_id)).scalar()
            received: set[uuid.UUID] = set(conn.execute(
                select(t.unit_state.c.expected_unit_id)
                .where(t.unit_state.c.order_id == summary.id, t.unit_state.c.active)).scalars())
            expected = [
                {"id": str(r.id), "line": r.line_no, "serial": r.serial, "asset_tag": r.asset_tag,
                 "manufacturer": r.manufacturer, "model": r.model, "category": r.category_key,
                 "category_text": r.category, "received": r.id in received}
                for r in conn.execute(select(t.expected_units).where(t.expected_units.c.order_id == summary.id)
                                      .order_by(t.expected_units.c.line_no))
            ]
            count_lines = [
                {"id": str(r.id), "line": r.line_no, "quantity": r.quantity, "category": r.category_key,
                 "manufacturer": r.manufacturer, "model": r.model, "description": r.description}
                for r in conn.execute(select(t.count_lines).where(t.count_lines.c.order_id == summary.id)
                                      .order_by(t.count_lines.c.line_no))
            ]
            pallets = [
                {"code": r.code, "kind": r.kind, "closed": r.status == "close"}
                for r in conn.execute(select(t.pallets.c.code, t.pallets.c.kind, PALLET_STATUS.label("status"))
                                      .where(t.pallets.c.order_id == summary.id).order_by(t.pallets.c.created_at))
            ]
        d = summary.as_dict()
        d.update(customer_name=cust.name, org_number=cust.org_number, parent=parent, expected_units=expected,
                 count_lines=count_lines, pallets=pallets)
        return d


def _grouped(conn: Connection, stmt: Any) -> dict[uuid.UUID, int]:
    return {row[0]: int(row[1] or 0) for row in conn.execute(stmt).all()}
