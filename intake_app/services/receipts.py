"""Receipt content from the stored facts: provisional before sign-off, final at and after it.

A final receipt must read the same whenever it is printed again, so everything it depends on
that is not a fact of the order is recorded with the sign-off (``summary["receipt"]``): its
number, the CO2e factor table and version, the receiver's name and the time zone. Its content
hash is the one the sign-off stored; if the facts no longer give that hash, the receipt is
refused instead of printed with different numbers.
"""

from __future__ import annotations

import uuid
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from ..domain.co2e import FactorTable, FactorTableError, estimate, pick_table
from ..domain.reconcile import ExpectedRow, Reconciliation, UnitRow
from ..errors import Conflict, InputError
from ..printing.content import (
    CategoryCount,
    CountLineCount,
    Receipt,
    ReceiptPallet,
    ReceiptParty,
    ReceiptUnit,
)
from ..printing.receipt_texts import category_order
from ..store import tables as t
from .context import Context
from .queries import order_ref
from .reconciliation import Reconciler, content_hash, load_pallets

QR_PREFIX = "INTAKE-RECEIPT"


@dataclass(frozen=True)
class ReceiptSettings:
    """What a receipt takes from this station's settings (frozen into a final receipt at sign-off)."""

    receiver: str
    timezone: str


@dataclass(frozen=True)
class _OrderFacts:
    id: uuid.UUID
    number: str
    customer_ref: str
    created_at: datetime
    customer: ReceiptParty
    sign_offs: int
    signed_off: dict[str, Any] | None  # the latest sign-off (at, by, reason, summary) if signed off now


class Receipts:
    def __init__(self, ctx: Context, reconciler: Reconciler, factor_tables: Callable[[], list[FactorTable]],
                 settings: Callable[[], ReceiptSettings]) -> None:
        self.ctx = ctx
        self.reconciler = reconciler
        self.factor_tables = factor_tables
        self.settings = settings

    def build(self, order: str | uuid.UUID) -> Receipt:
        """The final receipt of a signed-off order, else a provisional one as of now."""
        report, rec = self.reconciler.reconcile(order)
        with self.ctx.store.read() as conn:
            facts = _order_facts(conn, order)
            pallets = load_pallets(conn, facts.id)
        digest = content_hash(report)
        stored: dict[str, Any] = {}
        if facts.signed_off is not None:
            summary = facts.signed_off["summary"] or {}
            if summary.get("content_sha256") not in (None, digest):
                raise Conflict(f"order {facts.number} no longer matches what was signed off (content hash "
                               f"{str(summary['content_sha256'])[:12]}... stored); reopen and sign it off again")
            stored = summary.get("receipt") or {}
        current = self.settings()
        tz = zoneinfo.ZoneInfo(str(stored.get("timezone") or current.timezone))
        table = self._table(facts, stored)
        units = _unit_lines(rec)
        signed = facts.signed_off
        return Receipt(
            number=str(stored.get("number") or receipt_number(facts.number, facts.sign_offs, final=signed is not None)),
            final=signed is not None, order_number=facts.number, customer_ref=facts.customer_ref,
            customer=facts.customer, order_created=facts.created_at.astimezone(tz),
            first_received=_local(min((u.received_at for u in _all_units(rec)), default=None), tz),
            last_received=_local(max((u.received_at for u in _all_units(rec)), default=None), tz),
            issued_at=(signed["at"] if signed else self.ctx.clock.now()).astimezone(tz),
            stations=tuple(sorted({u.station for u in _all_units(rec)})),
            operators=tuple(sorted({u.operator for u in _all_units(rec)})),
            signed_off_by=signed["by"] if signed else "", sign_off_reason=(signed or {}).get("reason") or "",
            pallets=tuple(ReceiptPallet(p.code, rec.by_pallet[p.code].received if p.code in rec.by_pallet else 0,
                                        p.weight_kg, p.closed) for p in pallets),
            categories=tuple(CategoryCount(cat, c.expected, c.received, c.missing, c.extras)
                             for cat, c in sorted(rec.by_category.items(), key=lambda kv: category_order(kv[0]))),
            count_lines=tuple(CountLineCount(c["category"], c["description"], c["expected"], c["received"])
                              for c in rec.count_lines),
            units=units,
            missing=tuple(_missing_line(e) for e in rec.missing),
            extras=tuple(u for u in units if u.note == "extra"),
            co2e=estimate(table, _reused_counts(rec)),
            content_sha256=digest, totals=rec.totals.as_dict(),
            receiver=str(stored.get("receiver", current.receiver)),
        )

    def _table(self, facts: _OrderFacts, stored: dict[str, Any]) -> FactorTable:
        try:
            tables = self.factor_tables()
            if stored.get("co2e"):
                name, version = stored["co2e"]
                return pick_table(tables, facts.created_at.date(), (str(name), str(version)))
            on = (facts.signed_off["at"] if facts.signed_off else self.ctx.clock.now()).date()
            return pick_table(tables, on)
        except FactorTableError as exc:
            raise Conflict(f"receipt of {facts.number}: {exc}") from None

    def record(self, conn: Connection, order_id: uuid.UUID, summary: dict[str, Any]) -> None:
        """Sign-off hook: freeze the receipt's number, factor table, receiver and time zone."""
        number: str = conn.execute(select(t.orders.c.number).where(t.orders.c.id == order_id)).scalar_one()
        done = _sign_off_count(conn, order_id)
        current = self.settings()
        table = pick_table(self.factor_tables(), self.ctx.clock.now().date())
        summary["receipt"] = {"number": receipt_number(number, done + 1, final=True),
                              "co2e": [table.name, table.version], "receiver": current.receiver,
                              "timezone": current.timezone}

    def verify(self, order: str, qr_text: str) -> dict[str, Any]:
        """Check a receipt's QR text against the database: is it this order's, and is it unchanged?"""
        parts = qr_text.strip().split("|")
        if len(parts) != 4 or parts[0] != QR_PREFIX or not parts[3].startswith("sha256:"):
            raise InputError("not a receipt code: expected INTAKE-RECEIPT|number|final|sha256:...")
        number, kind, digest = parts[1], parts[2], parts[3][len("sha256:"):]
        with self.ctx.store.read() as conn:
            facts = _order_facts(conn, order)
            stored = _sign_off_summaries(conn, facts.id)
        result: dict[str, Any] = {"order": facts.number, "receipt": number, "kind": kind, "valid": False}
        if not number.startswith(facts.number + "-"):
            return {**result, "reason": "the receipt is not of this order"}
        if kind == "final":
            match = [s for s in stored if (s.get("receipt") or {}).get("number") == number]
            if not match:
                return {**result, "reason": "no sign-off issued this receipt"}
            ok = match[0].get("content_sha256") == digest
            return {**result, "valid": ok, "reason": "matches the sign-off" if ok else "content differs from the sign-off"}
        current = content_hash(self.reconciler.reconcile(facts.id)[0])
        ok = current == digest
        return {**result, "valid": ok,
                "reason": "matches the order as it is now" if ok else "the order has changed since it was printed"}


def receipt_number(order_number: str, sign_offs: int, final: bool) -> str:
    """``TB-2026-0001-1`` for the first sign-off; a provisional one ends in ``P``."""
    return f"{order_number}-{sign_offs}" if final else f"{order_number}-{sign_offs + 1}P"


def _order_facts(conn: Connection, order: str | uuid.UUID) -> _OrderFacts:
    ref = order_ref(conn, order)
    o, c = t.orders, t.customers
    row = conn.execute(select(o.c.customer_ref, o.c.created_at, c.c.name, c.c.org_number, c.c.parent_id)
                       .join(c, c.c.id == o.c.customer_id).where(o.c.id == ref.id)).one()
    parent = conn.execute(select(c.c.name).where(c.c.id == row.parent_id)).scalar() if row.parent_id else None
    signed = None
    if ref.signed_off:
        e = conn.execute(
            select(t.order_events.c.created_at, t.order_events.c.reason, t.order_events.c.summary,
                   t.operators.c.name)
            .outerjoin(t.operators, t.operators.c.id == t.order_events.c.operator_id)
            .where(t.order_events.c.order_id == ref.id, t.order_events.c.kind == "sign_off")
            .order_by(t.order_events.c.created_at.desc(), t.order_events.c.id.desc()).limit(1)).one()
        signed = {"at": e.created_at, "by": e.name or "?", "reason": e.reason, "summary": e.summary}
    return _OrderFacts(ref.id, ref.number, row.customer_ref or "", row.created_at,
                       ReceiptParty(row.name, row.org_number or "", parent or ""), _sign_off_count(conn, ref.id),
                       signed)


def _sign_off_count(conn: Connection, order_id: uuid.UUID) -> int:
    return int(conn.execute(select(func.count()).select_from(t.order_events).where(
        t.order_events.c.order_id == order_id, t.order_events.c.kind == "sign_off")).scalar_one())


def _sign_off_summaries(conn: Connection, order_id: uuid.UUID) -> list[dict[str, Any]]:
    summaries: list[dict[str, Any] | None] = list(conn.execute(select(t.order_events.c.summary).where(
        t.order_events.c.order_id == order_id, t.order_events.c.kind == "sign_off")).scalars())
    return [dict(s or {}) for s in summaries]


def _all_units(rec: Reconciliation) -> list[UnitRow]:
    return [u for _e, u in rec.matched] + list(rec.extras) + [u for u, _first in rec.duplicate_units]


def _unit_lines(rec: Reconciliation) -> tuple[ReceiptUnit, ...]:
    expected = {e.id: e for e, _u in rec.matched} | {e.id: e for e in rec.missing}
    lines = [_line(u, e, "") for e, u in rec.matched]
    lines += [_line(u, None, "extra") for u in rec.extras]
    lines += [_line(u, expected.get(u.expected_id) if u.expected_id else None, "duplicate")
              for u, _first in rec.duplicate_units]
    return tuple(sorted(lines, key=lambda line: (line.pallet, line.internal_id)))


def _line(u: UnitRow, e: ExpectedRow | None, note: str) -> ReceiptUnit:
    return ReceiptUnit(u.internal_id, u.serial, (e.asset_tag if e else "") or "", (e.manufacturer if e else "") or "",
                       (e.model if e else "") or "", e.category if e else u.category, u.pallet or "", note)


def _missing_line(e: ExpectedRow) -> ReceiptUnit:
    return ReceiptUnit("", e.serial or "", e.asset_tag or "", e.manufacturer or "", e.model or "", e.category, "")


def _reused_counts(rec: Reconciliation) -> dict[str, int]:
    """Units that count for CO2e per category: matched and extras (a duplicate is the same unit again),
    plus counted items (which have no factor, and are listed as such)."""
    counts = {cat: c.matched + c.extras for cat, c in rec.by_category.items()}
    for line in rec.count_lines:
        counts[line["category"]] = counts.get(line["category"], 0) + int(line["received"])
    return dict(sorted(counts.items(), key=lambda kv: category_order(kv[0])))


def _local(dt: datetime | None, tz: zoneinfo.ZoneInfo) -> datetime | None:
    return dt.astimezone(tz) if dt else None

