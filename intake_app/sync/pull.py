"""Pull: every row central has that this station lacks, without ever skipping a late commit.

Central logs each fact row with the id of the transaction that inserted it (``sync_log.xid``).
A pull runs in one REPEATABLE READ snapshot S. Transactions below ``xmin(S)`` (the oldest still
running) are all finished, so every row they committed is visible in S; above it, some may still be
running and commit later. Per table the station keeps a :class:`~.bookkeeping.Horizon`: ``xmin`` (all
rows of lower transactions are here) and ``done`` (transactions at or above it already pulled in
full). A pull reads rows with ``xid >= xmin`` whose xid is not done, in xid order, and afterwards
sets ``xmin = xmin(S)`` and ``done`` = what it read above that. A transaction still running during
the pull has an xid at or above ``xmin(S)`` and is not done, so the next pull reads it: no row is
skipped, however late it commits. (A cursor over a sequence or a time skips exactly those.)

Tables are pulled parents first in the same snapshot, so a row's parent is always here before it.
Rows are committed locally in batches, each with the horizon it reached, so a cut connection or a
crash resumes from the last batch (a transaction cut in half is read again from its start;
rows already here are skipped by id).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, and_, func, literal, select, true, union_all
from sqlalchemy.exc import IntegrityError

from ..services.state import apply_arrived
from ..store import tables as t
from ..store.bulk import chunks, insert_new
from ..store.db import Store
from . import bookkeeping
from .bookkeeping import Horizon
from .capture import fact_tables, pulling
from .progress import Hooks, Progress, ProgressFn

log = logging.getLogger(__name__)
_L = t.sync_log


@dataclass
class PullResult:
    rows: dict[str, int] = field(default_factory=dict)  # rows new to this station
    read: int = 0  # rows read from central
    orders: set[uuid.UUID] = field(default_factory=set)
    refused: list[dict[str, str]] = field(default_factory=list)
    horizons: dict[str, Horizon] = field(default_factory=dict)  # to store when the sync ends
    reset: bool = False

    @property
    def total(self) -> int:
        return sum(self.rows.values())


class Puller:
    def __init__(self, local: Store, central: Connection, *, batch_rows: int, progress: ProgressFn, hooks: Hooks,
                 now: Any, own_xids: Sequence[int] = (),
                 on_arrived: Callable[[Connection, str, list[dict[str, Any]]], None] | None = None) -> None:
        self.local, self.central = local, central
        self.on_arrived = on_arrived or (lambda _conn, _table, _rows: None)
        self.batch_rows, self.progress, self.hooks, self.now = batch_rows, progress, hooks, now
        self.own_xids = frozenset(own_xids)  # this sync's own push transactions: nothing to fetch back
        self.result = PullResult()
        self.done = 0
        self.total = 0
        self.batches = 0

    def run(self) -> PullResult:
        with self.central.begin():
            self.central.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            snap = self.central.exec_driver_sql(
                "SELECT pg_snapshot_xmin(s)::text::bigint, pg_snapshot_xmax(s)::text::bigint "
                "FROM pg_current_snapshot() s").one()
            xmin, xmax = int(snap[0]), int(snap[1])
            with self.local.read() as lc:
                known = bookkeeping.horizons(lc)
                refused = bookkeeping.get(lc, bookkeeping.PULL_REJECTED) or []
            if any(h.xmin > xmax for h in known.values()):
                # central's transaction counter is behind what we pulled: another server (or a restore)
                log.warning("central's transaction ids went back; pulling everything again (duplicates skipped)")
                known, self.result.reset = {}, True
            start = {name: Horizon(h.xmin, h.done | {x for x in self.own_xids if x >= h.xmin}, h.partial)
                     for name, h in known.items()}
            counts = self._counts(start)
            self.total = sum(counts.values())
            self._retry_refused(refused)
            for tbl in fact_tables():
                h = start.get(tbl.name, Horizon())
                if counts.get(tbl.name):
                    h = self._pull_table(tbl, h, xmin)
                # read to the end: a transaction left partly read earlier is complete now too
                done = h.done | ({h.partial[0]} if h.partial else set())
                final = Horizon(xmin, frozenset(x for x in done if x >= xmin))
                if final != known.get(tbl.name):
                    self.result.horizons[tbl.name] = final
        return self.result

    def _candidates(self, tbl: Table, h: Horizon) -> Any:
        cond = [_L.c.tbl == tbl.name, _L.c.xid >= h.xmin]
        cond.append(_L.c.xid.not_in(sorted(h.done)) if h.done else true())
        if h.partial is not None:
            cond.append(~and_(_L.c.xid == h.partial[0], _L.c.seq <= h.partial[1]))
        return cond

    def _counts(self, horizons: dict[str, Horizon]) -> dict[str, int]:
        parts = [select(literal(tbl.name).label("tbl"), func.count().label("n")).select_from(_L)
                 .where(*self._candidates(tbl, horizons.get(tbl.name, Horizon()))) for tbl in fact_tables()]
        return {r.tbl: int(r.n) for r in self.central.execute(union_all(*parts))}

    def _pull_table(self, tbl: Table, h: Horizon, xmin: int) -> Horizon:
        stmt = (select(_L.c.xid.label("sync_xid"), _L.c.seq.label("sync_seq"), *tbl.c)
                .select_from(_L.join(tbl, tbl.c.id == _L.c.row_id))
                .where(*self._candidates(tbl, h)).order_by(_L.c.xid, _L.c.seq))
        result = self.central.execution_options(yield_per=self.batch_rows).execute(stmt)
        # transactions read (at or above the floor); one read in part last time counts as read
        seen: set[int] = {h.partial[0]} if h.partial else set()
        done = set(h.done)
        for part in result.partitions():
            rows = [dict(r._mapping) for r in part]
            xids = [r.pop("sync_xid") for r in rows]
            last, position = xids[-1], rows[-1].pop("sync_seq")  # this transaction may go on in the next part
            for r in rows:
                r.pop("sync_seq", None)
            seen.update(xids)
            floor = min(xmin, last)
            done = {x for x in done | {x for x in seen if x < last} if x >= floor}
            seen = {x for x in seen if x >= floor}
            self._store(tbl, rows, Horizon(floor, frozenset(done), (last, position)))
        return Horizon(h.xmin, frozenset(done | seen))  # the stream ended: everything read is complete

    def _store(self, tbl: Table, rows: list[dict[str, Any]], horizon: Horizon) -> None:
        with self.local.write() as lc, pulling(lc):
            self._take(lc, tbl, rows)
            bookkeeping.put_horizon(lc, tbl.name, horizon, self.now())
        self.result.read += len(rows)
        self.done += len(rows)
        self.batches += 1
        self.hooks.after_pull_batch(self.batches)
        self.progress(Progress("pull", tbl.name, min(self.done, self.total), self.total))

    def _take(self, lc: Connection, tbl: Table, rows: list[dict[str, Any]]) -> None:
        """Insert the new rows and bring derived state up to date; note what changed."""
        new = self._insert(lc, tbl, rows)
        if new:
            self.on_arrived(lc, tbl.name, new)
        if tbl.name in ("units", "corrections"):
            self.result.orders |= apply_arrived(lc, new if tbl.name == "units" else [],
                                                new if tbl.name == "corrections" else [])
        elif new and "order_id" in tbl.c:
            self.result.orders |= {r["order_id"] for r in new}
        if new:
            self.result.rows[tbl.name] = self.result.rows.get(tbl.name, 0) + len(new)

    def _insert(self, lc: Connection, tbl: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Insert the rows this station lacks; rows it cannot take are set aside with the reason."""
        have: set[uuid.UUID] = set()
        for part in chunks([r["id"] for r in rows]):
            have.update(lc.execute(select(tbl.c.id).where(tbl.c.id.in_(part))).scalars())
        new = _parents_first(tbl, list({r["id"]: r for r in rows if r["id"] not in have}.values()))
        try:
            with lc.begin_nested():
                insert_new(lc, tbl, new)
            return new
        except IntegrityError:
            pass
        accepted = []
        for row in new:
            try:
                with lc.begin_nested():
                    insert_new(lc, tbl, [row])
                accepted.append(row)
            except IntegrityError as exc:
                self._set_aside(lc, tbl.name, row["id"], exc)
        return accepted

    def _set_aside(self, lc: Connection, table: str, row_id: uuid.UUID, exc: IntegrityError) -> None:
        reason = " ".join(str(exc.orig).split())[:500]
        refused = [r for r in bookkeeping.get(lc, bookkeeping.PULL_REJECTED) or []
                   if r.get("id") != str(row_id)]
        refused.append({"table": table, "id": str(row_id), "reason": reason})
        bookkeeping.put(lc, bookkeeping.PULL_REJECTED, refused, self.now())
        self.result.refused.append(refused[-1])
        log.warning("row %s of %s from central set aside: %s", row_id, table, reason)

    def _retry_refused(self, refused: list[dict[str, str]]) -> None:
        """Rows set aside by earlier pulls (few): fetch them by id and try again."""
        if not refused:
            return
        by_table: dict[str, list[uuid.UUID]] = {}
        for r in refused:
            by_table.setdefault(r["table"], []).append(uuid.UUID(r["id"]))
        with self.local.write() as lc, pulling(lc):
            bookkeeping.put(lc, bookkeeping.PULL_REJECTED, [], self.now())
            for tbl in fact_tables():
                ids = by_table.get(tbl.name)
                if ids:
                    self._take(lc, tbl, [dict(r._mapping)
                                         for r in self.central.execute(select(tbl).where(tbl.c.id.in_(ids)))])


def _parents_first(tbl: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Order rows of a self-referencing table (a customer and its parent) so parents come first."""
    refs = [fk.parent.name for fk in tbl.foreign_keys if fk.column.table is tbl]
    if not refs or len(rows) < 2:
        return rows
    pending = {r["id"]: r for r in rows}
    out: list[dict[str, Any]] = []
    while pending:
        ready = [r for r in pending.values() if all(r[c] is None or r[c] not in pending or r[c] == r["id"]
                                                    for c in refs)]
        ready = ready or list(pending.values())  # a cycle: let the database say what is wrong
        for r in ready:
            out.append(pending.pop(r["id"]))
    return out

