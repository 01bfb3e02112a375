"""Reconciliation, sign-off and reopening of an order.

Loads the order's facts as plain rows and lets :func:`intake_app.domain.reconcile.reconcile`
count. Sign-off stores the reconciliation's totals and a content hash with the event, so the
receipt issued at sign-off can be checked against the database later.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, func, insert, select

from ..domain.outcomes import OrderRef
from ..domain.reconcile import (
    CountLineRow,
    CountRow,
    ExpectedRow,
    PalletRow,
    Reconciliation,
    ScanRow,
    Tally,
    UnitRow,
    received_after_sign_off,
    reconcile,
)
from ..domain.roles import Permission
from ..errors import Conflict, InputError
from ..store import tables as t
from .context import Actor, Context
from .queries import (
    PALLET_CLOSE_WEIGHT,
    PALLET_STATUS,
    gc_paused,
    id_text,
    order_ref,
    text_id,
    text_time,
    utc_time,
)

MAX_REASON = 1000


@dataclass(frozen=True)
class OrderReconciliation:
    """An order's reconciliation with the rows it was computed from."""

    order: OrderRef
    rec: Reconciliation
    expected: list[ExpectedRow]
    units: list[UnitRow]
    signed_off: dict[str, Any] | None
    after_sign_off: list[UnitRow] = field(default_factory=list)  # synced in after the sign-off
    signed_hash: str | None = None  # the content hash the sign-off recorded


class Reconciler:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def compute(self, order: str | uuid.UUID) -> OrderReconciliation:
        """Load the order's facts and count (what the screens need; no JSON is built)."""
        with gc_paused(), self.ctx.store.read() as conn:
            return self._compute(conn, order)

    def reconcile(self, order: str | uuid.UUID) -> tuple[dict[str, Any], Reconciliation]:
        """The reconciliation of ``order``: a JSON-ready report and the computed object."""
        with gc_paused(), self.ctx.store.read() as conn:
            return self._reconcile(conn, order)

    def _compute(self, conn: Connection, order: str | uuid.UUID) -> OrderReconciliation:
        ref = order_ref(conn, order)
        expected = load_expected(conn, ref.id)
        names = People(_names(conn, t.stations), _names(conn, t.operators))
        units = load_units(conn, ref.id, expected, names)
        rec = reconcile(expected, units, load_scans(conn, ref.id, names), load_count_lines(conn, ref.id),
                        load_counts(conn, ref.id), load_pallets(conn, ref.id))
        sign = conn.execute(
            select(t.order_events.c.kind, t.order_events.c.created_at, t.operators.c.name, t.order_events.c.reason,
                   t.order_events.c.summary)
            .outerjoin(t.operators, t.operators.c.id == t.order_events.c.operator_id)
            .where(t.order_events.c.order_id == ref.id)
            .order_by(t.order_events.c.created_at.desc(), t.order_events.c.id.desc()).limit(1)
        ).first()
        if sign is None or sign.kind != "sign_off":
            return OrderReconciliation(ref, rec, expected, units, None)
        signed = {"at": sign.created_at.isoformat(), "by": sign.name, "reason": sign.reason}
        summary = sign.summary or {}
        late = received_after_sign_off(units, load_origins(conn, ref.id), summary.get("seen_units"),
                                       sign.created_at)
        return OrderReconciliation(ref, rec, expected, units, signed, late, summary.get("content_sha256"))

    def _reconcile(self, conn: Connection, order: str | uuid.UUID) -> tuple[dict[str, Any], Reconciliation]:
        result = self._compute(conn, order)
        ref = result.order
        report = report_dict(ref.number, ref.customer, result.rec, result.expected, result.units)
        report["status"] = "signed_off" if ref.signed_off else "open"
        if result.signed_off is not None:
            report["signed_off"] = result.signed_off
            report["changed_since_sign_off"] = content_hash(report) != result.signed_hash
        # units synced in after the order was signed off (e.g. scanned offline meanwhile): for a supervisor
        report["received_after_sign_off"] = [_unit_json(u) for u in result.after_sign_off]
        return report, result.rec

    def sign_off(self, actor: Actor, order: str | uuid.UUID, reason: str | None = None) -> dict[str, Any]:
        """Close the order: record who, when, why and what the counts were; later scans are refused."""
        actor.require(Permission.SIGN_OFF)
        reason = _clean_reason(reason)
        with self.ctx.store.write() as conn:
            ref = order_ref(conn, order)
            if ref.signed_off:
                raise Conflict(f"order {ref.number} is already signed off")
            report, rec = self._reconcile(conn, ref.id)
            if not rec.balanced and not reason:
                raise InputError(f"order {ref.number} does not balance ({_short(rec.totals)}); give a reason "
                                 "to sign it off anyway")
            summary = {"totals": rec.totals.as_dict(), "content_sha256": content_hash(report)}
            self.ctx.hooks.run_signing_off(conn, ref.id, summary)
            fact = self.ctx.fact(actor)
            conn.execute(insert(t.order_events).values(**fact, order_id=ref.id, kind="sign_off", reason=reason,
                                                       summary={**summary, "seen_units": seen_units(conn)}))
        self.ctx.publish("sign_off", ref.id)
        return {"order": ref.number, "signed_off_at": fact["created_at"].isoformat(),  # type: ignore[attr-defined]
                "by": actor.name, "reason": reason, **summary}

    def reopen(self, actor: Actor, order: str | uuid.UUID, reason: str | None) -> dict[str, Any]:
        actor.require(Permission.REOPEN)
        reason = _clean_reason(reason)
        if not reason:
            raise InputError("give a reason for reopening a signed-off order")
        with self.ctx.store.write() as conn:
            ref = order_ref(conn, order)
            if not ref.signed_off:
                raise Conflict(f"order {ref.number} is not signed off")
            fact = self.ctx.fact(actor)
            conn.execute(insert(t.order_events).values(**fact, order_id=ref.id, kind="reopen", reason=reason,
                                                       summary=None))
        self.ctx.publish("order", ref.id)
        return {"order": ref.number, "reopened_at": fact["created_at"].isoformat(),  # type: ignore[attr-defined]
                "by": actor.name, "reason": reason}


def _clean_reason(reason: str | None) -> str | None:
    reason = " ".join((reason or "").split()) or None
    if reason and len(reason) > MAX_REASON:
        raise InputError(f"a reason has at most {MAX_REASON} characters")
    return reason


def _short(t_: Tally) -> str:
    return f"{t_.missing} missing, {t_.extras} extras, {t_.duplicates} duplicates, {t_.wrong_order} wrong order"


# -- loading rows ------------------------------------------------------------------------------------


def load_expected(conn: Connection, order_id: uuid.UUID) -> list[ExpectedRow]:
    e, mi = t.expected_units, t.manifest_imports
    # manifest by manifest, line by line; ids break ties so every database lists them alike.
    # Rows are fetched at once and unpacked as tuples: one order is up to 20,000 of them.
    rows: Sequence[Any] = conn.execute(
        select(text_id(e.c.id), e.c.line_no, e.c.serial, e.c.asset_tag, e.c.manufacturer, e.c.model,
               e.c.category_key)
        .join(mi, mi.c.id == e.c.import_id)
        .where(e.c.order_id == order_id)
        .order_by(mi.c.created_at, mi.c.id, e.c.line_no, e.c.id)).all()
    return [ExpectedRow(id_text(i), line, serial, tag, make, model, cat)
            for i, line, serial, tag, make, model, cat in rows]


def _names(conn: Connection, table: Any) -> dict[Any, str]:
    """Id (as the database returns it as text) -> name of a small table (stations, operators):
    joined in Python, so the query planner never starts from the small table and walks every unit
    of a station (seen on a 1M-row station without statistics: 2 s instead of 40 ms)."""
    return {r[0]: r[1] for r in conn.execute(select(text_id(table.c.id), table.c.name))}


@dataclass(frozen=True)
class People:
    """Station and operator names by id as the database returns it (see :func:`_names`)."""

    stations: dict[Any, str]
    operators: dict[Any, str]


def load_units(conn: Connection, order_id: uuid.UUID, expected: list[ExpectedRow], names: People) -> list[UnitRow]:
    cats = {e.id: e.category for e in expected}
    u, us = t.units, t.unit_state
    stations, operators = names.stations, names.operators
    rows: Sequence[Any] = conn.execute(
        select(text_id(u.c.id), u.c.internal_id, u.c.serial, us.c.serial_key,
               text_id(us.c.expected_unit_id), t.pallets.c.code, text_time(u.c.created_at),
               text_id(u.c.station_id), text_id(u.c.operator_id))
        .select_from(us)
        .join(u, u.c.id == us.c.unit_id)
        .outerjoin(t.pallets, t.pallets.c.id == us.c.pallet_id)
        .where(us.c.order_id == order_id, us.c.active)
    ).all()
    out = []
    for uid, internal_id, serial, serial_key, expected_id, pallet, at, station, operator in rows:
        eid = id_text(expected_id) if expected_id else None
        out.append(UnitRow(id_text(uid), internal_id, serial, serial_key, eid, pallet,
                           cats.get(eid, "other") if eid else "other", utc_time(at),
                           stations.get(station, "?"), (operators.get(operator) if operator else None) or "?"))
    return out


def load_scans(conn: Connection, order_id: uuid.UUID, names: People) -> list[ScanRow]:
    """Duplicate and wrong-order scans of the order that were not voided."""
    s, c = t.scans, t.corrections
    other = t.orders.alias("other")
    voided = select(c.c.id).where(and_(c.c.scan_id == s.c.id, c.c.kind == "void")).exists()
    stations, operators = names.stations, names.operators
    rows: Sequence[Any] = conn.execute(
        select(text_id(s.c.id), s.c.code, s.c.outcome, text_time(s.c.created_at),
               text_id(s.c.station_id), text_id(s.c.operator_id), t.pallets.c.code.label("pallet"),
               other.c.number.label("other_order"), s.c.unit_id)
        .outerjoin(t.pallets, t.pallets.c.id == s.c.pallet_id)
        .outerjoin(other, other.c.id == s.c.other_order_id)
        .where(s.c.order_id == order_id, s.c.outcome.in_(("duplicate", "wrong_order")), ~voided)
        .order_by(s.c.created_at, s.c.id)
    ).all()
    return [ScanRow(id_text(sid), code, outcome, utc_time(at), stations.get(station, "?"),
                    (operators.get(operator) if operator else None) or "?", pallet,
                    {"other_order": other_order, "unit_id": str(unit_id) if unit_id else None})
            for sid, code, outcome, at, station, operator, pallet, other_order, unit_id in rows]


def seen_units(conn: Connection) -> dict[str, int]:
    """What this database knows of every station's units: the highest sequence number per station."""
    u = t.units
    out = {}
    station_ids: list[uuid.UUID] = list(conn.execute(select(t.stations.c.id)).scalars())
    for sid in station_ids:  # one index probe per station (max of
        top = conn.execute(select(func.max(u.c.seq)).where(u.c.station_id == sid)).scalar()  # (station, seq))
        if top is not None:
            out[str(sid)] = int(top)
    return out


def load_origins(conn: Connection, order_id: uuid.UUID) -> dict[str, tuple[str, int]]:
    """Each unit of the order (by id text): its station (as text) and that station's sequence number."""
    u, us = t.units, t.unit_state
    return {id_text(r.id): (str(r.station_id), r.seq)  # through unit_state: units has no order index
            for r in conn.execute(select(text_id(u.c.id), u.c.station_id, u.c.seq).select_from(us)
                                  .join(u, u.c.id == us.c.unit_id).where(us.c.order_id == order_id))}


def load_count_lines(conn: Connection, order_id: uuid.UUID) -> list[CountLineRow]:
    cl = t.count_lines
    return [CountLineRow(id_text(r.id), r.category_key, r.description or r.model or r.category or "", r.quantity)
            for r in conn.execute(select(cl).where(cl.c.order_id == order_id).order_by(cl.c.line_no, cl.c.id))]


def load_counts(conn: Connection, order_id: uuid.UUID) -> list[CountRow]:
    cr = t.count_receipts
    return [CountRow(id_text(r.count_line_id) if r.count_line_id else None, r.category_key, r.quantity, r.code)
            for r in conn.execute(select(text_id(cr.c.count_line_id), cr.c.category_key, cr.c.quantity, t.pallets.c.code)
                                  .outerjoin(t.pallets, t.pallets.c.id == cr.c.pallet_id)
                                  .where(cr.c.order_id == order_id))]


def load_pallets(conn: Connection, order_id: uuid.UUID) -> list[PalletRow]:
    """The order's pallets, closed or not and the weight given when last closed (one query: an
    18,000-unit order has some 600 pallets)."""
    p = t.pallets
    rows: Sequence[Any] = conn.execute(
        select(p.c.code, PALLET_STATUS.label("status"), PALLET_CLOSE_WEIGHT.label("weight"))
        .where(p.c.order_id == order_id).order_by(p.c.created_at, p.c.id)).all()
    return [PalletRow(code, status == "close", w) for code, status, w in rows]


# -- output ------------------------------------------------------------------------------------------


def _expected_json(e: ExpectedRow) -> dict[str, Any]:
    return {"id": e.id, "line": e.line_no, "serial": e.serial, "asset_tag": e.asset_tag,
            "manufacturer": e.manufacturer, "model": e.model, "category": e.category}


def _unit_json(u: UnitRow) -> dict[str, Any]:
    return {"id": u.id, "internal_id": u.internal_id, "serial": u.serial, "pallet": u.pallet,
            "category": u.category, "received_at": u.received_at.isoformat(), "station": u.station,
            "operator": u.operator}


def _scan_json(s: ScanRow) -> dict[str, Any]:
    return {"scan_id": s.id, "code": s.code, "scanned_at": s.scanned_at.isoformat(), "station": s.station,
            "operator": s.operator, "pallet": s.pallet, **s.detail}


def report_dict(number: str, customer: str, rec: Reconciliation, expected: list[ExpectedRow],
                units: list[UnitRow]) -> dict[str, Any]:
    """The JSON shape of ``intake reconcile``: a public interface (fields are only ever added).

    ``expected``, ``received``, ``matched``, ``missing`` and ``extras`` are lists of units;
    the numbers are in ``totals``.
    """
    ej = {e.id: _expected_json(e) for e in expected}  # each row rendered once, shared by the lists
    uj = {u.id: _unit_json(u) for u in units}
    return {
        "order": number,
        "customer": customer,
        "totals": rec.totals.as_dict(),
        "balanced": rec.balanced,
        "expected": list(ej.values()),
        "received": [uj[u.id] for u in sorted(units, key=lambda u: (u.received_at, u.internal_id))],
        "matched": [{**ej[e.id], "unit": uj[u.id]} for e, u in rec.matched],
        "missing": [ej[e.id] for e in rec.missing],
        "extras": [uj[u.id] for u in rec.extras],
        "duplicates": (
            [{"kind": "unit", **uj[u.id], "duplicate_of": uj[first.id]} for u, first in rec.duplicate_units]
            + [{"kind": "scan", **_scan_json(s)} for s in rec.duplicate_scans]
        ),
        "wrong_order": [_scan_json(s) for s in rec.wrong_order_scans],
        "by_category": {k: v.as_dict() for k, v in sorted(rec.by_category.items())},
        "by_pallet": {k: v.as_dict() for k, v in sorted(rec.by_pallet.items())},
        "count_lines": rec.count_lines,
    }


def content_hash(report: dict[str, Any]) -> str:
    """SHA-256 over what a receipt states: order, totals, and every matched/missing/extra identifier."""
    content = {
        "order": report["order"], "totals": report["totals"],
        "matched": sorted((m["unit"]["internal_id"], m["serial"] or "", m["asset_tag"] or "") for m in report["matched"]),
        "missing": sorted((m["serial"] or "", m["asset_tag"] or "") for m in report["missing"]),
        "extras": sorted((u["internal_id"], u["serial"]) for u in report["extras"]),
        "count_lines": [(c["category"], c["expected"], c["received"]) for c in report["count_lines"]],
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


CSV_COLUMNS = ("status", "internal_id", "serial", "asset_tag", "manufacturer", "model", "category", "pallet",
               "received_at", "station", "operator", "note")


def report_csv(report: dict[str, Any]) -> str:
    """One line per unit of interest: matched, missing, extra, duplicate, wrong order."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for m in report["matched"]:
        u = m["unit"]
        w.writerow(("matched", u["internal_id"], m["serial"], m["asset_tag"], m["manufacturer"], m["model"],
                    m["category"], u["pallet"], u["received_at"], u["station"], u["operator"], ""))
    for m in report["missing"]:
        w.writerow(("missing", "", m["serial"], m["asset_tag"], m["manufacturer"], m["model"], m["category"],
                    "", "", "", "", ""))
    for u in report["extras"]:
        w.writerow(("extra", u["internal_id"], u["serial"], "", "", "", u["category"], u["pallet"],
                    u["received_at"], u["station"], u["operator"], ""))
    for d in report["duplicates"]:
        note = f"duplicate of {d['duplicate_of']['internal_id']}" if d["kind"] == "unit" else "duplicate scan"
        w.writerow(("duplicate", d.get("internal_id", ""), d.get("serial", d.get("code")), "", "", "",
                    d.get("category", ""), d.get("pallet"), d.get("received_at", d.get("scanned_at")),
                    d["station"], d["operator"], note))
    for s in report["wrong_order"]:
        w.writerow(("wrong_order", "", s["code"], "", "", "", "", s["pallet"], s["scanned_at"], s["station"],
                    s["operator"], f"belongs to {s.get('other_order')}"))
    return buf.getvalue()
