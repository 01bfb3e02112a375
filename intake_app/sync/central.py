"""The central PostgreSQL: how a station connects (TLS, credentials), and how central is set up.

``intake central init`` creates or upgrades central's schema (the same Alembic migrations as a
station's) and the group role every station role belongs to. That role may read every fact table
and insert into them, may maintain the derived ``unit_state``, and may read the transaction log it
pulls by; it may not update, delete or truncate a fact, nor change the schema. Station login roles
are made by :mod:`.register`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from ..errors import InputError
from ..settings import Settings
from ..store.db import make_engine
from ..store.migrate import head_revision, upgrade
from ..store.models import FACT_TABLES
from .capture import heal_central, missing_central_triggers
from .errors import CentralUnavailable, SchemaMismatch, SyncError
from .secrets import SecretStore

SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
DERIVED = "unit_state"  # maintained by whoever inserts units and corrections, stations included
READ_ONLY = ("sync_log", "alembic_version")


@dataclass(frozen=True)
class CentralConfig:
    """Where central is and how to reach it. ``url`` may carry a password (given on the command line
    or in ``INTAKE_CENTRAL_URL``); it is never stored in the settings file nor shown."""

    url: str
    sslmode: str = "prefer"
    ca_file: str | None = None
    connect_timeout: int = 5

    @classmethod
    def from_settings(cls, settings: Settings, url: str | None = None) -> CentralConfig:
        url = url or settings.get("sync.central_url")
        if not url:
            raise SyncError("no central database: give --central URL, or set sync.central_url "
                            "(or INTAKE_CENTRAL_URL)")
        return cls(normalise_url(url), settings.get("sync.sslmode"), settings.get("sync.ca_file") or None,
                   settings.get("sync.connect_timeout"))

    @property
    def parsed(self) -> URL:
        return make_url(self.url)

    @property
    def safe_url(self) -> str:
        return self.parsed.render_as_string(hide_password=True)

    @property
    def secret_key(self) -> str:
        """Under which name the password of this URL's role is kept in the secret store.

        Role and database, not host: a central that moves to another address keeps its passwords.
        """
        u = self.parsed
        return f"{u.username or ''}@{u.database or ''}"

    def with_role(self, role: str) -> CentralConfig:
        """The same central as ``role``, without any password (``URL.set(password=None)`` keeps it)."""
        url = self.parsed._replace(username=role, password=None).render_as_string(hide_password=False)
        return CentralConfig(url, self.sslmode, self.ca_file, self.connect_timeout)

    def without_password(self) -> str:
        return self.parsed._replace(password=None).render_as_string(hide_password=False)

    def engine(self, secrets: SecretStore | None = None, **kwargs: Any) -> Engine:
        """An engine for central: TLS as configured, the password from the URL or the secret store."""
        if self.sslmode not in SSLMODES:
            raise InputError(f"sslmode must be one of {', '.join(SSLMODES)}")
        args: dict[str, Any] = {"sslmode": self.sslmode, "connect_timeout": self.connect_timeout,
                                "application_name": "intake-sync",
                                # notice a dead peer within ~30 s instead of hanging on a read forever
                                "keepalives": 1, "keepalives_idle": 15, "keepalives_interval": 5,
                                "keepalives_count": 3}
        if self.ca_file:
            if not Path(self.ca_file).is_file():
                raise InputError(f"the CA certificate file {self.ca_file} does not exist")
            args["sslrootcert"] = self.ca_file
        url = self.parsed
        if url.password is None and secrets is not None:
            password = secrets.get(self.secret_key)
            if password is not None:
                url = url.set(password=password)
        return make_engine(url.render_as_string(hide_password=False), connect_args=args, **kwargs)


def normalise_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean psycopg 3; anything but PostgreSQL is refused."""
    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        raise InputError("the central database URL looks like postgresql+psycopg://role@host:5432/intake") from None
    if parsed.get_backend_name() not in ("postgresql", "postgres"):
        raise InputError(f"the central database is PostgreSQL, not {parsed.get_backend_name()}: "
                         "postgresql+psycopg://role@host:5432/intake")
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if not parsed.database:
        raise InputError("the central database URL must name the database: postgresql+psycopg://role@host/intake")
    return parsed.render_as_string(hide_password=False)


def unavailable(exc: DBAPIError, config: CentralConfig) -> CentralUnavailable:
    """A connection failure as one line; libpq never puts the password in its messages."""
    reason = " ".join(str(exc.orig).split()) if exc.orig is not None else type(exc).__name__
    return CentralUnavailable(f"cannot reach the central database {config.safe_url}: {reason}")


def role_prefix(conn: Connection) -> str:
    """Role names start with the database's name, so several centrals can share one server."""
    db: str = conn.execute(text("SELECT current_database()")).scalar_one()
    return re.sub(r"[^a-z0-9_]", "_", str(db).lower())[:40]


def group_role(conn: Connection) -> str:
    return f"{role_prefix(conn)}_station"


def quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def ensure_role(conn: Connection, name: str, *, login: bool, password: str | None = None,
                member_of: str | None = None) -> bool:
    """Create the role (or reset its password); True if it was created."""
    if password is not None and not re.fullmatch(r"[A-Za-z0-9_-]{20,}", password):
        raise ValueError("generated passwords are URL-safe tokens")  # so the literal below cannot break out
    q = quote(conn, name)
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is not None
    pw = f" PASSWORD '{password}'" if password is not None else ""
    if exists:
        if pw:
            conn.exec_driver_sql(f"ALTER ROLE {q}{pw}")
    else:
        conn.exec_driver_sql(f"CREATE ROLE {q} {'LOGIN' if login else 'NOLOGIN'}{pw}")
    if member_of:
        conn.exec_driver_sql(f"GRANT {quote(conn, member_of)} TO {q}")
    return not exists


def grant_station_privileges(conn: Connection, role: str) -> None:
    """The least a station needs: read and insert facts, keep unit_state, read the log. Nothing else."""
    q = quote(conn, role)
    schema = quote(conn, conn.execute(text("SELECT current_schema()")).scalar_one())
    facts = ", ".join(FACT_TABLES)
    with conn.begin_nested() as sp:  # PostgreSQL 15 already does this; older servers let anyone create tables
        try:
            conn.exec_driver_sql(f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC")
        except DBAPIError:
            sp.rollback()
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {q}")
    conn.exec_driver_sql(f"REVOKE ALL ON {facts}, {DERIVED}, sync_log, sync_outbox, sync_state, alembic_version "
                         f"FROM {q}")
    conn.exec_driver_sql(f"GRANT SELECT, INSERT ON {facts} TO {q}")
    conn.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE ON {DERIVED} TO {q}")
    conn.exec_driver_sql(f"GRANT SELECT ON {', '.join(READ_ONLY)} TO {q}")


def init_central(config: CentralConfig, secrets: SecretStore | None = None) -> dict[str, Any]:
    """Create or upgrade central's schema and the stations' group role. Run as the database owner."""
    engine = config.engine(secrets)
    try:
        migrated = upgrade(engine)
        with engine.begin() as conn:
            healed = heal_central(conn)
            role = group_role(conn)
            ensure_role(conn, role, login=False)
            grant_station_privileges(conn, role)
        return {"central": config.safe_url, "revision": head_revision(), "migrated": migrated,
                "station_group_role": role, "healed_triggers": healed}
    except OperationalError as exc:
        raise unavailable(exc, config) from None
    except DBAPIError as exc:
        raise SyncError(f"central set-up failed (run it as the owner of the database, with CREATEROLE): "
                        f"{' '.join(str(exc.orig).split())}") from None
    finally:
        engine.dispose()


def check_schema(conn: Connection) -> None:
    """Central must be at this program's revision and log every fact table."""
    try:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        raise SchemaMismatch("the central database has no intake schema: run intake central init") from None
    if revision != head_revision():
        raise SchemaMismatch(f"central's schema is at revision {revision}, this station's at {head_revision()}: "
                             "upgrade central (intake central init) or this station's program")
    missing = missing_central_triggers(conn)
    if missing:
        raise SchemaMismatch(f"central does not log {', '.join(missing)}: run intake central init")
