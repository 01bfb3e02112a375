"""Operators, roles and sign-in. PINs and badges are stored only as salted scrypt hashes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select

from ..domain.ids import fact_uuid
from ..domain.roles import Permission, Role
from ..domain.security import hash_secret, pin_problem, verify_secret
from ..errors import AuthenticationFailed, Conflict, InputError, NotFound
from ..store import tables as t
from .context import Actor, Context

MAX_NAME = 80
MIN_BADGE_LEN = 6


@dataclass(frozen=True)
class OperatorInfo:
    id: uuid.UUID
    name: str
    role: Role
    has_pin: bool
    has_badge: bool
    active: bool


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


class Operators:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def create(self, actor: Actor | None, name: str, role: Role | str, pin: str | None = None,
               badge: str | None = None) -> OperatorInfo:
        """Add an operator. Without ``actor`` only while no supervisor or admin exists (set-up)."""
        role = _role(role)
        name = " ".join(name.split())
        if not name or len(name) > MAX_NAME:
            raise InputError(f"an operator name has 1-{MAX_NAME} characters")
        if role is not Role.OPERATOR and not pin and not badge:
            raise InputError(f"a {role.value} must have a PIN or a badge")
        if pin is not None and (why := pin_problem(pin)):
            raise InputError(why)
        if badge is not None and len(badge.strip()) < MIN_BADGE_LEN:
            raise InputError(f"a badge code has at least {MIN_BADGE_LEN} characters")
        with self.ctx.store.write() as conn:
            if actor is not None:
                actor.require(Permission.MANAGE_OPERATORS)
            elif conn.execute(select(t.operators.c.id).where(t.operators.c.role != Role.OPERATOR.value)
                              .limit(1)).first():
                # only the very first supervisor or admin may be created without signing in
                raise AuthenticationFailed("sign in as an admin to add operators")
            if conn.execute(select(t.operators.c.id).where(t.operators.c.name_key == name_key(name))).first():
                raise Conflict(f"an operator called {name} already exists")
            fact = self.ctx.fact(actor)
            oid = fact_uuid("operator", name_key(name))  # the same person on every station
            conn.execute(insert(t.operators).values(
                id=oid, name=name, name_key=name_key(name), role=role.value, created_at=fact["created_at"],
                station_id=self.ctx.station.id))
            for kind, secret in (("pin", pin), ("badge", badge.strip() if badge else None)):
                if secret:
                    self._credential(conn, oid, kind, hash_secret(secret), actor)
        self.ctx.publish("operators")
        return OperatorInfo(oid, name, role, bool(pin), bool(badge), True)

    def _credential(self, conn: Connection, oid: uuid.UUID, kind: str, secret_hash: str | None,
                    actor: Actor | None, active: bool = True) -> None:
        fact = self.ctx.fact(actor)
        conn.execute(insert(t.operator_credentials).values(
            id=fact["id"], operator_id=oid, kind=kind, secret_hash=secret_hash, active=active,
            created_at=fact["created_at"], station_id=self.ctx.station.id,
            set_by_id=actor.id if actor else None))

    def all(self) -> list[OperatorInfo]:
        with self.ctx.store.read() as conn:
            rows = conn.execute(select(t.operators).order_by(t.operators.c.name_key)).all()
            return [self._info(conn, r) for r in rows]

    def _info(self, conn: Connection, row: object) -> OperatorInfo:
        creds = _current_credentials(conn, row.id)  # type: ignore[attr-defined]
        return OperatorInfo(row.id, row.name, Role(row.role), "pin" in creds,  # type: ignore[attr-defined]
                            "badge" in creds, _active(creds))

    def sign_in(self, name: str, pin: str | None = None) -> Actor:
        """Sign in by name and PIN. An operator without credentials signs in by name alone."""
        with self.ctx.store.read() as conn:
            row = conn.execute(select(t.operators).where(t.operators.c.name_key == name_key(name))).first()
            if row is None:
                raise NotFound(f"no operator called {name}")
            creds = _current_credentials(conn, row.id)
        if not _active(creds):
            raise AuthenticationFailed(f"{row.name} is deactivated")
        needs = "pin" in creds or Role(row.role) is not Role.OPERATOR
        if needs and (pin is None or not verify_secret(pin, creds.get("pin"))):
            raise AuthenticationFailed(f"wrong or missing PIN for {row.name}")
        return Actor(row.id, row.name, Role(row.role))

    def sign_in_badge(self, badge: str) -> Actor:
        """Sign in by scanning a badge: compared against every active operator's badge hash."""
        badge = badge.strip()
        with self.ctx.store.read() as conn:
            rows = conn.execute(select(t.operators)).all()
            for row in rows:
                creds = _current_credentials(conn, row.id)
                if _active(creds) and verify_secret(badge, creds.get("badge")):
                    return Actor(row.id, row.name, Role(row.role))
        raise AuthenticationFailed("badge not recognised")

    def set_pin(self, actor: Actor, name: str, pin: str) -> None:
        if (why := pin_problem(pin)):
            raise InputError(why)
        with self.ctx.store.write() as conn:
            row = conn.execute(select(t.operators).where(t.operators.c.name_key == name_key(name))).first()
            if row is None:
                raise NotFound(f"no operator called {name}")
            if row.id != actor.id:
                actor.require(Permission.MANAGE_OPERATORS)
            self._credential(conn, row.id, "pin", hash_secret(pin), actor)


def _role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise InputError(f"role must be one of {', '.join(r.value for r in Role)}") from None


def _current_credentials(conn: Connection, operator_id: uuid.UUID) -> dict[str, str | None]:
    """Newest credential of each kind; an ``active`` row with active=False deactivates."""
    rows = conn.execute(
        select(t.operator_credentials.c.kind, t.operator_credentials.c.secret_hash,
               t.operator_credentials.c.active)
        .where(t.operator_credentials.c.operator_id == operator_id)
        .order_by(t.operator_credentials.c.created_at, t.operator_credentials.c.id)
    ).all()
    out: dict[str, str | None] = {}
    for r in rows:
        if r.kind == "active":
            out["active"] = "yes" if r.active else "no"
        else:
            out[r.kind] = r.secret_hash
    return out


def _active(creds: dict[str, str | None]) -> bool:
    return creds.get("active", "yes") == "yes"
