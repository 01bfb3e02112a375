"""Engine set-up: durable SQLite for a station, PostgreSQL for central.

SQLite runs in WAL mode with ``synchronous=FULL`` (a committed scan survives a pulled plug:
"a beep is a promise"), foreign keys on, and write transactions that start with
``BEGIN IMMEDIATE`` so two processes writing to one station file (GUI and CLI) queue on the
lock instead of failing half-way with "database is locked".
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from ..errors import InputError

BUSY_TIMEOUT_MS = 10_000
# SQLite checkpoints the WAL into the database inside whichever commit crosses the threshold, so
# one scan in ~150 paid for it (~10 ms). The threshold is raised to a safety net and a background
# thread checkpoints instead (PASSIVE: never waits for, and never blocks, readers or writers).
WAL_AUTOCHECKPOINT_PAGES = 20_000
CHECKPOINT_INTERVAL_S = 1.0
# Query-planner statistics: without them SQLite guesses, and on a big station a guess can walk a
# million rows. ``PRAGMA optimize`` analyses only what changed enough; run now and then and at close.
OPTIMIZE_EVERY_S = 3600.0

log = logging.getLogger(__name__)


def sqlite_url(path: Path | PurePath) -> str:
    """The URL of the SQLite file at ``path`` (a POSIX or a Windows path).

    SQLAlchemy percent-decodes the database part and ends it at ``?``: both may be in a folder's
    name (``%`` even on Windows), so they are escaped; everything else stays readable.
    """
    return "sqlite:///" + str(path).replace("%", "%25").replace("?", "%3F")


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
        cur.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = "BEGIN" if conn.get_execution_options().get("intake_readonly") else "BEGIN IMMEDIATE"
        conn.exec_driver_sql(mode)


class WalCheckpointer:
    """Checkpoints a SQLite WAL from a background thread, off the scan's commit path."""

    def __init__(self, path: str, interval: float = CHECKPOINT_INTERVAL_S) -> None:
        self.path, self.interval = path, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:  # the database is gone or unreadable: nothing to checkpoint
            log.warning("WAL checkpointer not started: %s", exc)
            return
        last_optimize = time.monotonic()
        try:
            while not self._stop.wait(self.interval):
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                    if time.monotonic() - last_optimize > OPTIMIZE_EVERY_S:
                        conn.execute("PRAGMA optimize")
                        last_optimize = time.monotonic()
                except sqlite3.Error as exc:  # busy or locked: try again next round
                    log.debug("checkpoint skipped: %s", exc)
            try:
                conn.execute("PRAGMA optimize")
            except sqlite3.Error as exc:
                log.debug("optimize skipped: %s", exc)
        finally:
            conn.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


class Store:
    """The database of one station or of central: write and read transactions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        db = engine.url.database
        self._checkpointer = (WalCheckpointer(db) if engine.dialect.name == "sqlite" and db and db != ":memory:"
                              else None)

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
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        self.engine.dispose()
