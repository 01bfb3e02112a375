"""One sync of a station with central: push what it wrote, pull what others wrote.

:class:`Syncer` is what ``intake sync`` and the GUI's background sync run. The network is
injected (``engine``, e.g. through a proxy in tests), and so are the clock, progress and hooks.
A sync holds a PostgreSQL advisory lock named after the station, so the GUI's background sync and
a command-line sync of the same station never run at once (correctness does not depend on it;
it only saves doing the same work twice).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.exc import DBAPIError

from ..errors import IntakeError
from ..services.context import Context
from ..services.stations import REGISTRATION
from ..store import tables as t
from . import bookkeeping
from .capture import heal_station
from .central import CentralConfig, check_schema, unavailable
from .errors import CentralUnavailable, NotRegistered, SyncBusy, SyncError
from .progress import Hooks, Progress, ProgressFn
from .pull import Puller
from .push import Pusher
from .secrets import SecretStore

log = logging.getLogger(__name__)
DEFAULT_BATCH = 2000


@dataclass
class SyncReport:
    pushed: dict[str, int]
    pulled: dict[str, int]
    read: int
    refused_by_central: list[dict[str, str]]
    set_aside: list[dict[str, str]]
    orders: list[str]
    seconds: float
    healed: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"pushed": sum(self.pushed.values()), "pulled": sum(self.pulled.values()),
                "pushed_by_table": self.pushed, "pulled_by_table": self.pulled, "rows_read": self.read,
                "refused_by_central": self.refused_by_central, "set_aside_from_central": self.set_aside,
                "orders_changed": self.orders, "seconds": round(self.seconds, 3), "healed_triggers": self.healed}


def _quiet(_: Progress) -> None:
    return None


class Syncer:
    def __init__(self, ctx: Context, config: CentralConfig, *, secrets: SecretStore | None = None,
                 engine: Engine | None = None, batch_rows: int = DEFAULT_BATCH, progress: ProgressFn = _quiet,
                 hooks: Hooks | None = None) -> None:
        self.ctx, self.config, self.secrets = ctx, config, secrets
        self._engine = engine
        self._own_engine = engine is None
        self.batch_rows = batch_rows
        self.progress = progress
        self.hooks = hooks or Hooks()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = self.config.engine(self.secrets)
        return self._engine

    def close(self) -> None:
        if self._own_engine and self._engine is not None:
            self._engine.dispose()
            self._engine = None

    # -- one sync ------------------------------------------------------------------------------------

    def run(self) -> SyncReport:
        """Push, then pull; raises a :class:`SyncError` (after recording it) when it cannot finish."""
        if self.ctx.store.dialect != "sqlite":
            raise SyncError("a station syncs from its own SQLite database, not from a server database")
        started = time.perf_counter()
        try:
            report = self._run(started)
        except DBAPIError as exc:
            if not _from_central(exc):
                self._record_failure(f"station database: {' '.join(str(exc.orig).split())}")
                raise
            error = unavailable(exc, self.config)
            self._record_failure(error.message)
            raise error from None
        except IntakeError as exc:
            self._record_failure(exc.message)
            raise
        log.info("sync done: pushed %s, pulled %s rows in %.2f s", sum(report.pushed.values()),
                 sum(report.pulled.values()), report.seconds)
        return report

    def _run(self, started: float) -> SyncReport:
        with self.engine.connect() as central:
            with central.begin():
                check_schema(central)
                self._check_registered(central)
                self._lock(central)
            try:
                with self.ctx.store.write() as lc:
                    healed = heal_station(lc)
                pusher = Pusher(self.ctx.store, central, batch_rows=self.batch_rows, progress=self.progress,
                                hooks=self.hooks, now=self.ctx.clock.now)
                pushed = pusher.run()
                pulled = Puller(self.ctx.store, central, batch_rows=self.batch_rows, progress=self.progress,
                                hooks=self.hooks, now=self.ctx.clock.now, own_xids=pusher.xids,
                                on_arrived=self.ctx.hooks.run_rows_arrived).run()
            finally:
                self._unlock(central)
        seconds = time.perf_counter() - started
        now = self.ctx.clock.now()
        with self.ctx.store.write() as lc:
            for name, horizon in pulled.horizons.items():
                bookkeeping.put_horizon(lc, name, horizon, now)
            summary = {"at": now.isoformat(), "pushed": pushed.total, "pulled": pulled.total,
                       "seconds": round(seconds, 3)}
            bookkeeping.put(lc, bookkeeping.LAST_SUCCESS, summary, now)
            bookkeeping.put(lc, bookkeeping.LAST_ATTEMPT, {"at": now.isoformat(), "error": None}, now)
        if pulled.orders:
            self.ctx.publish("sync", *pulled.orders)
        return SyncReport(pushed.rows, pulled.rows, pulled.read, pushed.refused, pulled.refused,
                          sorted(str(o) for o in pulled.orders), seconds, healed)

    def _check_registered(self, central: Connection) -> None:
        me = self.ctx.station
        if central.execute(select(t.stations.c.id).where(t.stations.c.id == me.id)).first() is None:
            raise NotRegistered(f"station {me.name} is not registered at {self.config.safe_url}: "
                                "run intake station register")

    def _lock_key(self) -> int:
        return int.from_bytes(self.ctx.station.id.bytes[:8], "big", signed=True)

    def _lock(self, central: Connection) -> None:
        if not central.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self._lock_key()}).scalar():
            raise SyncBusy(f"a sync of station {self.ctx.station.name} is already running")

    def _unlock(self, central: Connection) -> None:
        try:
            with central.begin():
                central.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self._lock_key()})
        except DBAPIError:
            pass  # the connection is gone, and with it the lock

    def _record_failure(self, message: str) -> None:
        now = self.ctx.clock.now()
        try:
            with self.ctx.store.write() as lc:
                bookkeeping.put(lc, bookkeeping.LAST_ATTEMPT, {"at": now.isoformat(), "error": message}, now)
        except DBAPIError:  # the station database itself is the problem; the error is raised anyway
            log.warning("could not record the failed sync: %s", message)

    # -- status ----------------------------------------------------------------------------------------

    def status(self, probe: bool = True) -> dict[str, Any]:
        """Last successful sync, rows waiting to push, whether central answers (if ``probe``)."""
        return station_status(self.ctx, self.config, self._probe() if probe else (None, None))

    def _probe(self) -> tuple[bool, str | None]:
        try:
            with self.engine.connect() as central, central.begin():
                check_schema(central)
                self._check_registered(central)
            return True, None
        except DBAPIError as exc:
            return False, unavailable(exc, self.config).message
        except SyncError as exc:
            return not isinstance(exc, CentralUnavailable), exc.message


def _from_central(exc: DBAPIError) -> bool:
    return type(exc.orig).__module__.startswith("psycopg") if exc.orig is not None else True


def station_status(ctx: Context, config: CentralConfig | None, probe: tuple[bool | None, str | None]
                   ) -> dict[str, Any]:
    """The status as ``intake sync --status --json`` prints it (a public interface)."""
    with ctx.store.read() as lc:
        registration = bookkeeping.get(lc, REGISTRATION)
        success = bookkeeping.get(lc, bookkeeping.LAST_SUCCESS) or {}
        attempt = bookkeeping.get(lc, bookkeeping.LAST_ATTEMPT) or {}
        waiting, refused = bookkeeping.waiting(lc)
        by_table = bookkeeping.waiting_by_table(lc)
        refused_rows = bookkeeping.refused_rows(lc)
        set_aside = bookkeeping.get(lc, bookkeeping.PULL_REJECTED) or []
        conflicts = _conflicts(lc)
    reachable, problem = probe
    return {
        "station": ctx.station.name, "station_id": str(ctx.station.id), "station_code": ctx.station.code,
        "central": config.safe_url if config else None, "registered": registration is not None,
        "central_reachable": reachable, "central_problem": problem,
        "last_successful_sync": success.get("at"), "last_sync_pushed": success.get("pushed"),
        "last_sync_pulled": success.get("pulled"),
        "last_attempt": attempt.get("at"), "last_error": attempt.get("error"),
        "rows_waiting_to_push": waiting, "waiting_by_table": by_table,
        "rows_refused_by_central": refused, "refused_by_central": refused_rows,
        "set_aside_from_central": set_aside, "conflicts": conflicts,
    }


def _conflicts(conn: Connection) -> dict[str, list[str]]:
    """Business conflicts sync brought together: one order number or one label id used twice."""
    o, u = t.orders, t.units
    numbers: list[str] = list(conn.execute(select(o.c.number).group_by(o.c.number).having(func.count() > 1))
                              .scalars())
    labels: list[str] = list(conn.execute(select(u.c.internal_id).group_by(u.c.internal_id)
                                          .having(func.count() > 1)).scalars())
    return {"order_numbers_used_twice": sorted(numbers), "unit_ids_issued_twice": sorted(labels)}
