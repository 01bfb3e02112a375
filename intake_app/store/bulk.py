"""Bulk inserts that skip rows already present, on SQLite and PostgreSQL alike.

Sync writes rows another database already has (a push repeated after a cut connection, a pull that
overlaps the previous one): ``INSERT ... ON CONFLICT (key) DO NOTHING`` makes that harmless. Only a
conflict on ``key`` is ignored; any other constraint still fails, so nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite

IN_CHUNK = 900  # bound parameters per IN list: far below SQLite's limit


def insert_new(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], key: str = "id") -> None:
    """Insert ``rows``; rows whose ``key`` already exists are skipped.

    On PostgreSQL with RETURNING, so SQLAlchemy sends pages of rows as multi-row statements
    ("insertmanyvalues": one round trip, and one firing of a statement trigger, per page) instead of
    one statement per row; on SQLite the driver's executemany (a C loop, no network).
    """
    if not rows:
        return
    dialect = conn.dialect.name
    if dialect == "postgresql":
        stmt = postgresql.insert(table).on_conflict_do_nothing(index_elements=[key]).returning(table.c[key])
        conn.execute(stmt, list(rows)).close()
    elif dialect == "sqlite":
        conn.execute(sqlite.insert(table).on_conflict_do_nothing(index_elements=[key]), list(rows))
    else:  # pragma: no cover - the application runs on SQLite and PostgreSQL only
        raise NotImplementedError(dialect)


def chunks(items: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def upsert_value(conn: Connection, table: Table, row: dict[str, Any], key: str) -> None:
    """Insert ``row``, or update the row with the same ``key``."""
    dialect = conn.dialect.name
    mod: Any = postgresql if dialect == "postgresql" else sqlite
    stmt = mod.insert(table).values(row)
    conn.execute(stmt.on_conflict_do_update(index_elements=[key],
                                            set_={k: stmt.excluded[k] for k in row if k != key}))
