"""Which fact rows a station still has to push, and which rows central logged by transaction.

Station (SQLite): an ``AFTER INSERT`` trigger on each fact table appends ``(table, id)`` to
``sync_outbox``. The trigger is silent while a pull inserts rows from central (the ``pulling``
marker in ``sync_state`` exists only inside the pull's own transaction), so pulled rows are not
pushed back. Central (PostgreSQL): a statement trigger appends ``(xid, table, id)`` to ``sync_log``.

Both are created by migration ``0002_sync``. A later migration that rebuilds a fact table (SQLite
batch mode) drops its trigger; :func:`heal_station` notices, recreates it and queues the table's
rows again (pushing twice is harmless), so no row is ever left behind.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy import Connection, Table, delete, insert, text

from ..store.models import FACT_TABLES, Base
from ..store.tables import sync_state

PULLING = "pulling"

SQLITE_TRIGGER = """
CREATE TRIGGER sync_capture_{t} AFTER INSERT ON {t}
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'pulling')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('{t}', NEW.id); END
"""

PG_TRIGGER = """
CREATE TRIGGER sync_log_{t} AFTER INSERT ON {t} REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION sync_log_insert()
"""


def fact_tables() -> list[Table]:
    """The synced tables, parents before children (the order rows must be inserted in)."""
    return [tbl for tbl in Base.metadata.sorted_tables if tbl.name in FACT_TABLES]


def table(name: str) -> Table:
    if name not in FACT_TABLES:
        raise KeyError(name)
    return Base.metadata.tables[name]


def missing_station_triggers(conn: Connection) -> list[str]:
    have: set[str] = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
    return [t for t in FACT_TABLES if f"sync_capture_{t}" not in have]


def heal_station(conn: Connection) -> list[str]:
    """Recreate missing capture triggers and queue those tables' rows again; the healed tables."""
    missing = missing_station_triggers(conn)
    for name in missing:
        conn.exec_driver_sql(SQLITE_TRIGGER.format(t=name))
        conn.exec_driver_sql(f"INSERT INTO sync_outbox (tbl, row_id) SELECT '{name}', id FROM {name} ORDER BY rowid")
    return missing


def missing_central_triggers(conn: Connection) -> list[str]:
    have: set[str] = set(conn.execute(text(
        "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'sync_log_%'")).scalars())
    return [t for t in FACT_TABLES if f"sync_log_{t}" not in have]


def heal_central(conn: Connection) -> list[str]:
    """Recreate missing log triggers at central and log the rows written while they were missing."""
    missing = missing_central_triggers(conn)
    for name in missing:
        conn.exec_driver_sql(PG_TRIGGER.format(t=name))
        conn.exec_driver_sql(
            f"INSERT INTO sync_log (xid, tbl, row_id) SELECT pg_current_xact_id()::text::bigint, '{name}', f.id "
            f"FROM {name} f WHERE NOT EXISTS (SELECT 1 FROM sync_log l WHERE l.tbl = '{name}' AND l.row_id = f.id)")
    return missing


@contextlib.contextmanager
def pulling(conn: Connection) -> Iterator[None]:
    """Inside a station's write transaction: rows inserted here came from central; do not queue them."""
    conn.execute(insert(sync_state).values(key=PULLING, value=None, updated_at=None))
    yield
    conn.execute(delete(sync_state).where(sync_state.c.key == PULLING))

