"""Label content from the database: a unit's asset label and a pallet's label.

Reads only; the printing service renders what these return. Identifiers are accepted the way
people type or scan them: a unit's internal id with or without its spaces, a pallet's SSCC
with or without ``(00)``, or our pallet id.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, tzinfo

from sqlalchemy import Connection, func, select

from ..domain.categories import category_label
from ..domain.ids import human_unit_id
from ..errors import Conflict, InputError, NotFound
from ..printing.barcodes import human_sscc
from ..printing.content import PalletLabel, UnitLabel
from ..store import tables as t
from .queries import as_uuid, pallet_closed

_ID_CHARS = re.compile(r"^[0-9A-Z]{4,40}$")


def unit_key(text: str) -> str:
    """``u 4kd 0000421 7`` -> ``U4KD00004217``; :class:`InputError` for anything that cannot be an id."""
    key = re.sub(r"[\s-]", "", str(text)).upper()
    if not _ID_CHARS.match(key):
        raise InputError(f"{text!r} is not a unit id (letters and digits, like U4KD00004217)")
    return key


def pallet_key(text: str) -> str:
    """An SSCC without ``(00)`` and spaces, or our pallet id in upper case."""
    key = re.sub(r"[\s()]", "", str(text)).upper()
    if len(key) == 20 and key.isdigit() and key.startswith("00"):
        key = key[2:]
    if not _ID_CHARS.match(key):
        raise InputError(f"{text!r} is not a pallet code (an SSCC or a pallet id like P4KD000127)")
    return key


def unit_label(conn: Connection, unit: str | uuid.UUID, lang: str, tz: tzinfo) -> UnitLabel:
    """The label of a received unit (by internal id or UUID)."""
    u, us, e = t.units, t.unit_state, t.expected_units
    uid = as_uuid(unit) if isinstance(unit, uuid.UUID) or len(str(unit)) >= 32 else None
    cond = u.c.id == uid if uid else u.c.internal_id == unit_key(str(unit))
    row = conn.execute(
        select(u.c.internal_id, u.c.serial, u.c.created_at, us.c.active, e.c.manufacturer, e.c.model,
               e.c.category_key, t.orders.c.number, t.customers.c.short_name, t.pallets.c.code)
        .join(us, us.c.unit_id == u.c.id)
        .join(t.orders, t.orders.c.id == us.c.order_id)
        .join(t.customers, t.customers.c.id == t.orders.c.customer_id)
        .outerjoin(e, e.c.id == us.c.expected_unit_id)
        .outerjoin(t.pallets, t.pallets.c.id == us.c.pallet_id)
        .where(cond)
    ).first()
    if row is None:
        raise NotFound(f"no unit {unit}")
    if not row.active:
        raise Conflict(f"unit {row.internal_id} was voided; it gets no label")
    return UnitLabel(
        internal_id=row.internal_id, internal_id_human=human_unit_id(row.internal_id), serial=row.serial,
        manufacturer=row.manufacturer or "", model=row.model or "",
        category=category_label(row.category_key or "other", lang), order_number=row.number,
        customer=row.short_name, received_on=row.created_at.astimezone(tz).date(), pallet=row.code or "")


def pallet_label(conn: Connection, pallet: str, today: date) -> PalletLabel:
    """The label of a pallet: where it is in its order, how many units, what it weighs."""
    p = t.pallets
    code = pallet_key(pallet)
    row = conn.execute(select(p.c.id, p.c.code, p.c.kind, p.c.order_id).where(p.c.code == code)).first()
    if row is None:
        raise NotFound(f"no pallet {pallet}")
    order = conn.execute(
        select(t.orders.c.number, t.orders.c.customer_ref, t.customers.c.name, t.customers.c.parent_id)
        .join(t.customers, t.customers.c.id == t.orders.c.customer_id).where(t.orders.c.id == row.order_id)).one()
    parent = conn.execute(select(t.customers.c.name).where(t.customers.c.id == order.parent_id)).scalar() \
        if order.parent_id else None
    siblings: list[uuid.UUID] = list(conn.execute(select(p.c.id).where(p.c.order_id == row.order_id)
                                 .order_by(p.c.created_at, p.c.id)).scalars())
    units = conn.execute(select(func.count()).select_from(t.unit_state).where(
        t.unit_state.c.pallet_id == row.id, t.unit_state.c.active)).scalar_one()
    weight = conn.execute(select(t.pallet_events.c.weight_kg).where(
        t.pallet_events.c.pallet_id == row.id, t.pallet_events.c.kind == "close")
        .order_by(t.pallet_events.c.created_at.desc()).limit(1)).scalar()
    is_sscc = row.kind == "sscc"
    return PalletLabel(
        code=row.code, is_sscc=is_sscc, code_human=human_sscc(row.code) if is_sscc else row.code,
        customer=order.name, parent=parent or "", order_number=order.number, customer_ref=order.customer_ref or "",
        index=siblings.index(row.id) + 1, count=len(siblings), units=int(units), weight_kg=weight,
        printed_on=today, closed=pallet_closed(conn, row.id))
