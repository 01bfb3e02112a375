"""Push: every fact row this station wrote that central has not confirmed, in the order written.

A batch is read from ``sync_outbox`` (oldest first), inserted at central in one transaction with
``ON CONFLICT (id) DO NOTHING`` (parents before children), and only after central committed is it
removed from the outbox. A cut connection before central's commit loses nothing (the rows are still
queued); a cut after it repeats the batch next time, which inserts nothing twice.

Central refusing a row (a value too long for its column, a parent it refused earlier) is a
fact to report, not a reason to stop: that batch is retried row by row, the rest goes through, and
the refused rows stay queued with central's reason until a later sync gets them through.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, delete, func, or_, select, update
from sqlalchemy.exc import DataError, IntegrityError

from ..services.state import apply_arrived
from ..store import tables as t
from ..store.bulk import insert_new
from ..store.db import Store
from .capture import fact_tables
from .progress import Hooks, Progress, ProgressFn

REFUSALS = (IntegrityError, DataError)
_O = t.sync_outbox


@dataclass
class PushResult:
    rows: dict[str, int] = field(default_factory=dict)
    refused: list[dict[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


@dataclass
class Batch:
    lo: int
    hi: int
    entries: int
    rows: dict[str, list[dict[str, Any]]]


def read_batch(local: Store, after: int, limit: int, refused: bool = False) -> Batch | None:
    """The next ``limit`` queued entries after seq ``after``, with their rows (queued or refused ones)."""
    state = _O.c.error.is_not(None) if refused else _O.c.error.is_(None)
    with local.read() as lc:
        window = select(_O.c.seq).where(state, _O.c.seq > after).order_by(_O.c.seq).limit(limit).subquery()
        found_range = lc.execute(select(func.min(window.c.seq), func.max(window.c.seq), func.count())).one()
        lo, hi, n = int(found_range[0] or 0), int(found_range[1] or 0), int(found_range[2])
        if not n:
            return None
        rows: dict[str, list[dict[str, Any]]] = {}
        for tbl in fact_tables():
            found = lc.execute(
                select(tbl).join(_O, _O.c.row_id == tbl.c.id)
                .where(_O.c.tbl == tbl.name, _O.c.seq.between(lo, hi), state).order_by(_O.c.seq)).all()
            unique = {r.id: dict(r._mapping) for r in found}  # a row queued twice is sent once
            if unique:
                rows[tbl.name] = list(unique.values())
    return Batch(lo, hi, n, rows)


def insert_batch(central: Connection, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Insert rows at central in one transaction's worth of statements, parents first."""
    for tbl in fact_tables():
        insert_new(central, tbl, rows.get(tbl.name, []))
    apply_arrived(central, rows.get("units", []), rows.get("corrections", []))


def insert_one_by_one(central: Connection, rows: dict[str, list[dict[str, Any]]]
                      ) -> list[tuple[str, uuid.UUID, str]]:
    """Insert row by row (each in a savepoint); the refused rows with central's reason."""
    refused: list[tuple[str, uuid.UUID, str]] = []
    accepted: dict[str, list[dict[str, Any]]] = {}
    for tbl in fact_tables():
        for row in rows.get(tbl.name, []):
            try:
                with central.begin_nested():
                    insert_new(central, tbl, [row])
                accepted.setdefault(tbl.name, []).append(row)
            except REFUSALS as exc:
                refused.append((tbl.name, row["id"], _reason(exc)))
    apply_arrived(central, accepted.get("units", []), accepted.get("corrections", []))
    return refused


def _reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip().splitlines()
    return text[0][:500] if text else type(exc).__name__


class Pusher:
    def __init__(self, local: Store, central: Connection, *, batch_rows: int, progress: ProgressFn,
                 hooks: Hooks, now: Any) -> None:
        self.local, self.central = local, central
        self.batch_rows, self.progress, self.hooks, self.now = batch_rows, progress, hooks, now
        self.result = PushResult()
        self.done = 0
        self.total = 0
        self.xids: list[int] = []  # central's ids of the push transactions that committed

    def run(self) -> PushResult:
        with self.local.read() as lc:
            self.total = lc.execute(select(func.count()).select_from(_O)).scalar_one()
        if not self.total:
            return self.result
        self._retry_refused()
        after, number = 0, 0
        while (batch := read_batch(self.local, after, self.batch_rows)) is not None:
            number += 1
            refused = self._push(batch, number)
            self._forget(batch, refused)
            after = batch.hi
        return self.result

    def _push(self, batch: Batch, number: int) -> list[tuple[str, uuid.UUID, str]]:
        try:
            with self.central.begin():
                insert_batch(self.central, batch.rows)
                xid = self._xid()
                self.hooks.before_push_commit(number, xid)
            refused: list[tuple[str, uuid.UUID, str]] = []
        except REFUSALS:
            with self.central.begin():
                refused = insert_one_by_one(self.central, batch.rows)
                xid = self._xid()
                self.hooks.before_push_commit(number, xid)
        self.xids.append(xid)
        self.hooks.after_push_commit(number, xid)
        return refused

    def _xid(self) -> int:
        return int(self.central.exec_driver_sql("SELECT pg_current_xact_id()::text::bigint").scalar_one())

    def _forget(self, batch: Batch, refused: list[tuple[str, uuid.UUID, str]], was_refused: bool = False) -> None:
        """After central committed: drop the batch's entries from the outbox, keep refused ones with why."""
        state = _O.c.error.is_not(None) if was_refused else _O.c.error.is_(None)
        in_batch = and_(_O.c.seq.between(batch.lo, batch.hi), state)
        keep = [and_(_O.c.tbl == name, _O.c.row_id == row_id) for name, row_id, _ in refused]
        with self.local.write() as lc:
            for name, row_id, reason in refused:
                lc.execute(update(_O).where(in_batch, _O.c.tbl == name, _O.c.row_id == row_id).values(error=reason))
            lc.execute(delete(_O).where(and_(in_batch, ~or_(*keep)) if keep else in_batch))
        bad = {(name, row_id) for name, row_id, _ in refused}
        for name, rows in batch.rows.items():
            sent = sum(1 for r in rows if (name, r["id"]) not in bad)
            self.result.rows[name] = self.result.rows.get(name, 0) + sent
        self.result.refused += [{"table": n, "id": str(i), "reason": why} for n, i, why in refused]
        self.done += batch.entries
        busiest = max(batch.rows, key=lambda n: len(batch.rows[n]), default="")
        self.progress(Progress("push", busiest, min(self.done, self.total), self.total))

    def _retry_refused(self) -> None:
        """Rows central refused before: one by one again (few); the cause may be gone."""
        after = 0
        while (batch := read_batch(self.local, after, self.batch_rows, refused=True)) is not None:
            with self.central.begin():
                refused = insert_one_by_one(self.central, batch.rows)
                xid = self._xid()
            self.xids.append(xid)
            self._forget(batch, refused, was_refused=True)
            after = batch.hi

