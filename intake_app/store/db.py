"""Engine set-up: durable SQLite for a station, PostgreSQL for central.

SQLite runs in WAL mode with ``synchronous=FULL`` (a committed scan survives a pulled plug:
"a beep is a promise"), foreign keys on, and write transactions that start with
``BEGIN IMMEDIATE`` so two processes writing to one station file (GUI and CLI) queue on the
lock instead of failing half-way with "database is locked".
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from ..errors import InputError

BUSY_TIMEOUT_MS = 10_000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url`` with the connection settings this application relies on.

    A URL that cannot be parsed, an unknown driver or a folder that cannot be created is an
    :class:`InputError` (the user typed it), not a crash.
    """
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **kwargs)
            _configure_sqlite(engine)
            return engine
        return create_engine(url, pool_pre_ping=True, **kwargs)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise InputError(f"database URL {safe_url(url)!r} is not usable: {exc}") from None
    except OSError as exc:
        raise InputError(f"cannot create the database folder: {exc.strerror}") from None


def safe_url(url: str) -> str:
    """``url`` with any password hidden, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "<unparsable URL>"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = "BEGIN" if conn.get_execution_options().get("intake_readonly") else "BEGIN IMMEDIATE"
        conn.exec_driver_sql(mode)


class Store:
    """The database of one station or of central: write and read transactions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction; committed (durably) when the block ends without error."""
        with self.engine.begin() as conn:
            yield conn

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A consistent read snapshot that takes no write lock."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(intake_readonly=True)
            with conn.begin():
                yield conn

    def dispose(self) -> None:
        self.engine.dispose()
