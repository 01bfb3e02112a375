"""A station's sync bookkeeping in ``sync_state``: pull horizons, the last result, refused rows.

Everything is written in the same local transaction as the rows it describes, so a station that
crashes (or loses its connection) at any point resumes exactly where its database says it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from ..store import tables as t
from ..store.bulk import upsert_value

LAST_SUCCESS = "last_success"
LAST_ATTEMPT = "last_attempt"
PULL_REJECTED = "pull_rejected"


@dataclass(frozen=True)
class Horizon:
    """Of one table: every central row with ``xid < xmin`` is here, every row of the ``done`` xids, and of
    the transaction ``partial[0]`` the rows up to log position ``partial[1]`` (a transaction cut mid-way)."""

    xmin: int = 0
    done: frozenset[int] = frozenset()
    partial: tuple[int, int] | None = None

    def as_json(self) -> dict[str, Any]:
        return {"xmin": self.xmin, "done": sorted(self.done), "partial": list(self.partial) if self.partial else None}

    @classmethod
    def from_json(cls, value: Any) -> Horizon:
        """A stored horizon; anything unreadable means "from the start" (duplicates are skipped by id)."""
        try:
            partial = value.get("partial")
            return cls(int(value.get("xmin", 0)), frozenset(int(x) for x in value.get("done", [])),
                       (int(partial[0]), int(partial[1])) if partial else None)
        except (AttributeError, TypeError, ValueError, IndexError):
            return cls()


def get(conn: Connection, key: str) -> Any:
    return conn.execute(select(t.sync_state.c.value).where(t.sync_state.c.key == key)).scalar()


def put(conn: Connection, key: str, value: Any, now: datetime) -> None:
    upsert_value(conn, t.sync_state, {"key": key, "value": value, "updated_at": now}, "key")


def horizons(conn: Connection) -> dict[str, Horizon]:
    rows = conn.execute(select(t.sync_state.c.key, t.sync_state.c.value)
                        .where(t.sync_state.c.key.like("pull:%"))).all()
    return {r.key[5:]: Horizon.from_json(r.value) for r in rows}


def put_horizon(conn: Connection, table: str, horizon: Horizon, now: datetime) -> None:
    put(conn, f"pull:{table}", horizon.as_json(), now)


def waiting(conn: Connection) -> tuple[int, int]:
    """Rows waiting to push, and of those the ones central refused (with a reason kept)."""
    o = t.sync_outbox
    total = conn.execute(select(func.count()).select_from(o)).scalar_one()
    refused = conn.execute(select(func.count()).select_from(o).where(o.c.error.is_not(None))).scalar_one()
    return int(total), int(refused)


def waiting_by_table(conn: Connection) -> dict[str, int]:
    o = t.sync_outbox
    return {r[0]: int(r[1]) for r in conn.execute(select(o.c.tbl, func.count()).group_by(o.c.tbl)).all()}


def refused_rows(conn: Connection, limit: int = 50) -> list[dict[str, Any]]:
    o = t.sync_outbox
    rows = conn.execute(select(o.c.tbl, o.c.row_id, o.c.error).where(o.c.error.is_not(None))
                        .order_by(o.c.seq).limit(limit)).all()
    return [{"table": r.tbl, "id": str(r.row_id), "reason": r.error} for r in rows]
