"""Customers: municipalities and the bodies that act for them (IT-centrum for five)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from ..domain.ids import fact_uuid
from ..domain.orgnr import check_org_number
from ..domain.roles import Permission
from ..errors import Conflict, InputError, NotFound
from ..store import tables as t
from .context import Actor, Context
from .queries import as_uuid

MAX_NAME = 120
MAX_SHORT = 40


@dataclass(frozen=True)
class CustomerInfo:
    id: uuid.UUID
    name: str
    short_name: str
    org_number: str | None
    parent: str | None

    def as_dict(self) -> dict[str, object]:
        return {"id": str(self.id), "name": self.name, "short_name": self.short_name,
                "org_number": self.org_number, "parent": self.parent}


class Customers:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def add(self, actor: Actor, name: str, short_name: str | None = None, org_number: str | None = None,
            parent: str | None = None) -> CustomerInfo:
        actor.require(Permission.MANAGE_ORDERS)
        name = " ".join(name.split())
        short = " ".join((short_name or name).split())
        if not name or len(name) > MAX_NAME:
            raise InputError(f"a customer name has 1-{MAX_NAME} characters")
        if len(short) > MAX_SHORT:
            raise InputError(f"a short name has at most {MAX_SHORT} characters")
        org = None
        if org_number:
            check = check_org_number(org_number)
            if not check.ok:
                raise InputError(f"organisation number {org_number}: {check.reason}")
            org = check.normalised
        with self.ctx.store.write() as conn:
            parent_row = find_customer(conn, parent) if parent else None
            if org and conn.execute(select(t.customers.c.id).where(t.customers.c.org_number == org)).first():
                raise Conflict(f"a customer with organisation number {org} already exists")
            names: list[str] = list(conn.execute(select(t.customers.c.name)).scalars())
            if any(n.casefold() == name.casefold() for n in names):
                raise Conflict(f"a customer called {name} already exists")
            fact = self.ctx.fact(actor)
            if org:  # the same legal entity on every station
                fact["id"] = fact_uuid("customer", org)
            conn.execute(insert(t.customers).values(
                **fact, name=name, short_name=short, org_number=org,
                parent_id=parent_row.id if parent_row else None))
        self.ctx.publish("customers")
        return CustomerInfo(fact["id"], name, short, org, parent_row.name if parent_row else None)  # type: ignore[arg-type]

    def all(self) -> list[CustomerInfo]:
        parent = t.customers.alias("parent")
        with self.ctx.store.read() as conn:
            rows = conn.execute(
                select(t.customers, parent.c.name.label("parent_name"))
                .outerjoin(parent, parent.c.id == t.customers.c.parent_id)
                .order_by(t.customers.c.name)
            ).all()
        return [CustomerInfo(r.id, r.name, r.short_name, r.org_number, r.parent_name) for r in rows]


def find_customer(conn: Connection, key: str) -> Any:
    """A customer by UUID, organisation number, name or short name (case-insensitive).

    Compared in Python: SQLite's ``lower()`` folds only ASCII, and customers are few.
    """
    cid = as_uuid(key)
    check = check_org_number(key)
    wanted = " ".join(key.split()).casefold()
    rows = [r for r in conn.execute(select(t.customers)).all()
            if r.id == cid or (check.ok and r.org_number == check.normalised)
            or r.name.casefold() == wanted or r.short_name.casefold() == wanted]
    if not rows:
        raise NotFound(f"no customer {key!r}")
    if len(rows) > 1:
        raise InputError(f"{key!r} names more than one customer; use the organisation number")
    return rows[0]
