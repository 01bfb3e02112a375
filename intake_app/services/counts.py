"""Count lines: items received by number, not by serial (mice, keyboards, cables)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select

from ..domain.categories import CATEGORIES, category_key
from ..domain.roles import Permission
from ..errors import Conflict, InputError, NotFound
from ..store import tables as t
from .context import Actor, Context
from .queries import as_uuid, order_ref

MAX_COUNT = 10_000  # one counting action; bigger numbers are typing mistakes


class Counts:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def count(self, actor: Actor, order: str | uuid.UUID, quantity: int, *, line: str | None = None,
              category: str | None = None, pallet: str | None = None) -> dict[str, Any]:
        """Record ``quantity`` items counted against a count line (or a category) of ``order``.

        A negative quantity corrects an earlier count (a new fact, never an edit).
        """
        actor.require(Permission.SCAN)
        if quantity == 0 or abs(quantity) > MAX_COUNT:
            raise InputError(f"a count is between 1 and {MAX_COUNT} (negative to correct)")
        with self.ctx.store.write() as conn:
            ref = order_ref(conn, order)
            if ref.signed_off:
                raise Conflict(f"order {ref.number} is signed off")
            line_row = None
            cl = t.count_lines
            if line is not None:
                lid = as_uuid(line)
                cond = cl.c.id == lid if lid else cl.c.line_no == (int(line) if line.isdigit() else -1)
                line_row = conn.execute(select(cl).where(cond, cl.c.order_id == ref.id)).first()
                if line_row is None:
                    raise NotFound(f"no count line {line} on {ref.number}")
                cat = line_row.category_key
            elif category:
                cat = category if category in CATEGORIES else category_key(category)
                line_row = conn.execute(select(cl).where(cl.c.order_id == ref.id, cl.c.category_key == cat)
                                        .order_by(cl.c.line_no).limit(1)).first()
            else:
                raise InputError("name the count line (--line) or the category (--category)")
            pallet_id = None
            if pallet:
                pallet_id = conn.execute(select(t.pallets.c.id).where(t.pallets.c.code == pallet.upper(),
                                                                      t.pallets.c.order_id == ref.id)).scalar()
                if pallet_id is None:
                    raise NotFound(f"no pallet {pallet} on {ref.number}")
            fact = self.ctx.fact(actor)
            conn.execute(insert(t.count_receipts).values(
                **fact, order_id=ref.id, count_line_id=line_row.id if line_row else None, category_key=cat,
                quantity=quantity, pallet_id=pallet_id))
        self.ctx.publish("count", ref.id)
        return {"id": str(fact["id"]), "order": ref.number, "category": cat, "quantity": quantity,
                "line": line_row.line_no if line_row else None}
