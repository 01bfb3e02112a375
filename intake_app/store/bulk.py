"""Bulk inserts that skip rows already present, on SQLite and PostgreSQL alike.

Sync writes rows another database already has (a push repeated after a cut connection, a pull that
overlaps the previous one): ``INSERT ... ON CONFLICT (key) DO NOTHING`` makes that harmless. Only a
conflict on ``key`` is ignored; any other constraint still fails, so nothing is dropped silently.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Table
from sqlalchemy.dialects import postgresql, sqlite

IN_CHUNK = 900  # bound parameters per IN list: far below SQLite's limit


COPY_FROM = 200  # rows: below this a plain multi-row INSERT is quicker than COPY's extra statements


def insert_new(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], key: str = "id") -> None:
    """Insert ``rows``; rows whose ``key`` already exists are skipped.

    PostgreSQL: many rows go by COPY into a temporary table and one ``INSERT ... SELECT ... ON
    CONFLICT DO NOTHING`` (the fastest way in; a statement trigger fires once); a few go as pages of
    multi-row INSERTs (SQLAlchemy's insertmanyvalues). SQLite: the driver's executemany, a C loop.
    """
    if not rows:
        return
    dialect = conn.dialect.name
    if dialect == "postgresql":
        if len(rows) >= COPY_FROM:
            _copy_new(conn, table, rows, key)
        else:
            stmt = postgresql.insert(table).on_conflict_do_nothing(index_elements=[key]).returning(table.c[key])
            conn.execute(stmt, list(rows)).close()
    elif dialect == "sqlite":
        conn.execute(sqlite.insert(table).on_conflict_do_nothing(index_elements=[key]), list(rows))
    else:  # pragma: no cover - the application runs on SQLite and PostgreSQL only
        raise NotImplementedError(dialect)


def _copy_new(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], key: str) -> None:
    """COPY ``rows`` into a session-private table, then insert the new ones in one statement.

    The names are this program's own table and column names (never input), hence the f-strings.
    """
    raw: Any = conn.connection.driver_connection  # psycopg's connection, in the same transaction
    names = [c.name for c in table.c]
    cols = ", ".join(names)
    prepare = [_as_json if isinstance(c.type, JSON) else None for c in table.c]
    tmp = f"sync_in_{table.name}"
    with raw.cursor() as cur:
        cur.execute(f"CREATE TEMP TABLE IF NOT EXISTS {tmp} (LIKE {table.name}) ON COMMIT DELETE ROWS")
        with cur.copy(f"COPY {tmp} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([f(row[n]) if f else row[n] for f, n in zip(prepare, names, strict=True)])
        cur.execute(f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM {tmp} ON CONFLICT ({key}) DO NOTHING")
        cur.execute(f"TRUNCATE {tmp}")


def _as_json(value: Any) -> str | None:
    return None if value is None else json.dumps(value)


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
