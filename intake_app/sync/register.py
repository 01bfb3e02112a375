"""``intake station register``: this station's identity at central, and its own credentials.

Run with the central owner's URL, registration claims the station's name and code at central
(a code already taken is replaced while the station has issued no labels with it), creates a
login role for this station alone (member of the stations' group role, with a random password)
and keeps that password in the keyring or the user-only secret file. The settings file gets the
URL with the station's role and no password. Run with a station role an administrator made,
it claims the identity with that role and keeps the given password the same way.
"""

from __future__ import annotations

import secrets as random_secrets
from typing import Any

from sqlalchemy import Connection, func, select, text, update
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import NullPool

from ..services.context import Context
from ..services.stations import REGISTRATION, free_code
from ..settings import Settings
from ..store import tables as t
from ..store.bulk import insert_new
from . import bookkeeping
from .central import CentralConfig, check_schema, ensure_role, group_role, role_prefix, unavailable
from .errors import SchemaMismatch, SyncError
from .secrets import SecretStore


def register_station(ctx: Context, settings: Settings, config: CentralConfig, store: SecretStore
                     ) -> dict[str, Any]:
    """Register this station at central; returns what was done (never the password)."""
    engine = config.engine(store)
    try:
        with engine.connect() as conn, conn.begin():
            check_schema(conn)
            privileged = bool(conn.execute(text(
                "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")).scalar())
            code = _claim_identity(conn, ctx)
            if privileged:
                role, password = _station_role(conn, code)
                station = config.with_role(role)
            else:
                role, given = config.parsed.username or "", config.parsed.password
                password = given or ""
                station = CentralConfig(config.without_password(), config.sslmode, config.ca_file,
                                        config.connect_timeout)
    except OperationalError as exc:
        raise unavailable(exc, config) from None
    except DBAPIError as exc:
        raise SyncError(f"registration refused by central: {' '.join(str(exc.orig).split())}") from None
    finally:
        engine.dispose()
    if password:
        store.set(station.secret_key, password)
    _check_login(station, store)
    record = {"central": station.safe_url, "role": role, "station_id": str(ctx.station.id), "code": code}
    with ctx.store.write() as lc:
        bookkeeping.put(lc, REGISTRATION, record, ctx.clock.now())
    settings.set("sync.central_url", station.url)
    settings.save()
    return {**record, "station": ctx.station.name, "code_changed": code != ctx.station.code,
            "role_created": privileged, "secret_store": store.description}


def _claim_identity(conn: Connection, ctx: Context) -> str:
    """Insert this station's row at central (or find it); the station code it will use."""
    me = ctx.station
    s = t.stations
    row = conn.execute(select(s).where(s.c.id == me.id)).first()
    if row is not None:
        return str(row.code)
    other = conn.execute(select(s.c.id).where(s.c.name == me.name)).first()
    if other is not None:
        raise SyncError(f"another station is already registered at central as {me.name!r}; "
                        "give this one another name (intake --station NAME station register)")
    used: set[str] = set(conn.execute(select(s.c.code)).scalars())
    code = me.code
    if code in used:
        code = _new_code(ctx, used)
    with ctx.store.read() as lc:
        local = dict(lc.execute(select(s).where(s.c.id == me.id)).one()._mapping)
    insert_new(conn, s, [{**local, "code": code}])
    return code


def _new_code(ctx: Context, used_at_central: set[str]) -> str:
    """A free code, allowed only while no label carries the old one."""
    me = ctx.station
    with ctx.store.write() as lc:
        issued = (lc.execute(select(func.count()).select_from(t.units).where(t.units.c.station_id == me.id))
                  .scalar_one() + lc.execute(select(func.count()).select_from(t.pallets).where(
                      t.pallets.c.station_id == me.id, t.pallets.c.kind == "own")).scalar_one())
        if issued:
            raise SyncError(f"station code {me.code} is already used at central by another station, and this "
                            "station has printed labels with it; set this station up again with a new database")
        code = free_code(me.id, used_at_central | set(lc.execute(select(t.stations.c.code)).scalars()))
        lc.execute(update(t.stations).where(t.stations.c.id == me.id).values(code=code))
    return code


def _station_role(conn: Connection, code: str) -> tuple[str, str]:
    group = group_role(conn)
    if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": group}).first() is None:
        raise SchemaMismatch("central has no stations' role yet: run intake central init")
    role = f"{role_prefix(conn)}_station_{code.lower()}"
    password = random_secrets.token_urlsafe(24)
    ensure_role(conn, role, login=True, password=password, member_of=group)
    return role, password


def _check_login(station: CentralConfig, store: SecretStore) -> None:
    """Connect as the station, as every sync will: the credentials and TLS settings must work now."""
    engine = station.engine(store, poolclass=NullPool)
    try:
        with engine.connect() as conn, conn.begin():
            check_schema(conn)
    except OperationalError as exc:
        raise unavailable(exc, station) from None
    finally:
        engine.dispose()
