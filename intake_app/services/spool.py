"""The print spool: jobs in the station database, written before they are sent.

A job moves ``queued -> sending -> done`` when the printer acknowledges it, back to ``queued``
(later ``next_attempt_at``) when the printer is down, or to ``failed`` (cannot ever print as it
is, or interrupted: it may or may not have printed) or ``cancelled``. Guarantees:

* **never sent twice once acknowledged**: only a claimed ``sending`` job is sent, a claim is a
  conditional update (one winner, also across processes), and ``done`` is final; a job found
  ``sending`` after a crash is *not* resent automatically but marked failed, for a person to
  retry or cancel;
* **in order per printer**: a printer's oldest queued job goes first, and nothing else of that
  printer is claimed while one is sending or the oldest is waiting for its retry;
* a reprint is a new job (``reprint_of`` the previous, not cancelled, job of the same label).
"""

from __future__ import annotations

import hashlib
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from ..errors import Conflict, InputError, NotFound
from ..store import tables as t
from .context import Actor, Context

KINDS = ("unit_label", "pallet_label", "receipt", "test")
STATUSES = ("queued", "sending", "done", "failed", "cancelled")
ACTIVE = ("queued", "sending", "failed")
LEASE = timedelta(minutes=5)  # a claim older than this belongs to a worker that died
FEED_BATCH = 200  # unit labels queued per transaction (bounds how long scans may wait for the lock)
MAX_ERROR = 500


@dataclass(frozen=True)
class JobInfo:
    id: uuid.UUID
    created_at: datetime
    kind: str
    subject: str
    printer: str
    format: str
    status: str
    attempts: int
    next_attempt_at: datetime
    sent_at: datetime | None
    last_error: str | None
    printer_ref: str | None
    reprint_of: uuid.UUID | None
    reason: str | None
    options: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {
            "job": str(self.id), "created_at": self.created_at.isoformat(), "kind": self.kind,
            "subject": self.subject, "printer": self.printer, "format": self.format, "status": self.status,
            "attempts": self.attempts, "next_attempt_at": self.next_attempt_at.isoformat(),
            "sent_at": self.sent_at.isoformat() if self.sent_at else None, "error": self.last_error,
            "printer_ref": self.printer_ref, "reprint_of": str(self.reprint_of) if self.reprint_of else None,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class ClaimedJob:
    info: JobInfo
    token: str
    payload: bytes | None


_INFO_COLUMNS = (t.print_jobs.c.id, t.print_jobs.c.created_at, t.print_jobs.c.kind, t.print_jobs.c.subject,
                 t.print_jobs.c.printer, t.print_jobs.c.format, t.print_jobs.c.status, t.print_jobs.c.attempts,
                 t.print_jobs.c.next_attempt_at, t.print_jobs.c.sent_at, t.print_jobs.c.last_error,
                 t.print_jobs.c.printer_ref, t.print_jobs.c.reprint_of, t.print_jobs.c.reason,
                 t.print_jobs.c.options)


def _info(row: Any) -> JobInfo:
    return JobInfo(row.id, row.created_at, row.kind, row.subject, row.printer, row.format, row.status, row.attempts,
                   row.next_attempt_at, row.sent_at, row.last_error, row.printer_ref, row.reprint_of, row.reason,
                   dict(row.options or {}))


def new_token() -> str:
    """Who claims: host, process and a random part (a process may run several workers)."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _token_dead(token: str) -> bool:
    """True when ``token`` names a process on this host that no longer runs."""
    host, _, rest = token.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname()[:60] or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


class PrintSpool:
    """The spool table: add, list, cancel, retry; claim, complete, defer, fail (for workers)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # -- adding ----------------------------------------------------------------------------------

    def add(self, conn: Connection, *, kind: str, subject: str, printer: str, fmt: str, options: dict[str, Any],
            operator_id: uuid.UUID | None, payload: bytes | None = None, reason: str | None = None,
            first: bool = False) -> uuid.UUID:
        """Queue a job inside the caller's transaction (``first``: no earlier job of it can exist)."""
        if kind not in KINDS:
            raise InputError(f"job kind must be one of {', '.join(KINDS)}")
        previous = None if first else conn.execute(
            select(t.print_jobs.c.id).where(t.print_jobs.c.kind == kind, t.print_jobs.c.subject == subject,
                                            t.print_jobs.c.status != "cancelled")
            .order_by(t.print_jobs.c.created_at.desc(), t.print_jobs.c.id.desc()).limit(1)).scalar()
        row = self._row(kind, subject, printer, fmt, options, operator_id, payload, reason, previous)
        conn.execute(insert(t.print_jobs), [row])
        job_id: uuid.UUID = row["id"]
        return job_id

    def _row(self, kind: str, subject: str, printer: str, fmt: str, options: dict[str, Any],
             operator_id: uuid.UUID | None, payload: bytes | None = None, reason: str | None = None,
             previous: uuid.UUID | None = None) -> dict[str, Any]:
        now = self.ctx.clock.now()
        return {"id": self.ctx.new_id(), "created_at": now, "station_id": self.ctx.station.id,
                "operator_id": operator_id, "kind": kind, "subject": subject, "printer": printer, "format": fmt,
                "options": options, "reason": reason, "reprint_of": previous, "status": "queued", "attempts": 0,
                "next_attempt_at": now, "claimed_at": None, "claimed_by": None, "sent_at": None,
                "last_error": None, "printer_ref": None, "payload": payload,
                "payload_sha256": hashlib.sha256(payload).hexdigest() if payload is not None else None}

    def enqueue(self, actor: Actor | None, **kwargs: Any) -> JobInfo:
        """Queue a job in its own transaction."""
        with self.ctx.store.write() as conn:
            job_id = self.add(conn, operator_id=actor.id if actor else None, **kwargs)
        self.ctx.publish("print")
        return self.get(job_id)

    def feed_unit_labels(self, printer: str | None, fmt: str, options: dict[str, Any]) -> int:
        """Queue the labels of units this station received since the last look (None: skip them).

        The first look on a station only sets the mark: units received before printing was set
        up get their labels on demand, not all at once. Cheap when there is nothing new (one
        read, no write lock), so the worker may call it on every scan it hears of.
        """
        total = 0
        while True:  # batch by batch, letting scans take the write lock in between
            queued, more = self._feed_batch(printer, fmt, options)
            total += queued
            if not more:
                return total

    def on_rows_arrived(self, conn: Connection, table: str, rows: list[dict[str, Any]]) -> None:
        """Units of this very station coming back from central (it was restored from a backup) were
        labelled before the disk died: move the mark past them so they are not labelled twice."""
        if table != "units":
            return
        own = [r["seq"] for r in rows if r.get("station_id") == self.ctx.station.id and r.get("seq") is not None]
        if not own:
            return
        m = t.print_marks
        name = self._mark_name()
        mark = conn.execute(select(m.c.value).where(m.c.name == name)).scalar()
        if mark is not None and max(own) > mark:
            conn.execute(update(m).where(m.c.name == name).values(value=max(own), updated_at=self.ctx.clock.now()))

    def _mark_name(self) -> str:
        return f"unit_labels:{self.ctx.station.id}"

    def _feed_batch(self, printer: str | None, fmt: str, options: dict[str, Any]) -> tuple[int, bool]:
        name = self._mark_name()
        u, m = t.units, t.print_marks
        with self.ctx.store.read() as conn:
            mark = conn.execute(select(m.c.value).where(m.c.name == name)).scalar()
            latest = conn.execute(select(func.max(u.c.seq)).where(u.c.station_id == self.ctx.station.id)).scalar()
        if mark is not None and (latest or 0) <= mark:
            return 0, False
        with self.ctx.store.write() as conn:
            mark = conn.execute(select(m.c.value).where(m.c.name == name).with_for_update()).scalar()
            now = self.ctx.clock.now()
            if mark is None:
                conn.execute(insert(t.print_marks).values(name=name, value=latest or 0, updated_at=now))
                return 0, False
            labelled = select(t.print_jobs.c.id).where(t.print_jobs.c.kind == "unit_label",
                                                       t.print_jobs.c.subject == u.c.internal_id).exists()
            rows = conn.execute(  # a unit that has a label job already never gets a second one here
                select(u.c.internal_id, u.c.seq, u.c.operator_id).join(t.unit_state, t.unit_state.c.unit_id == u.c.id)
                .where(u.c.station_id == self.ctx.station.id, u.c.seq > mark, t.unit_state.c.active, ~labelled)
                .order_by(u.c.seq).limit(FEED_BATCH)).all()
            top = max([r.seq for r in rows], default=max(latest or 0, mark))
            if printer is not None and rows:  # one statement for the batch: the write lock is held briefly
                conn.execute(insert(t.print_jobs), [self._row("unit_label", r.internal_id, printer, fmt, options,
                                                              r.operator_id) for r in rows])
            conn.execute(update(t.print_marks).where(m.c.name == name).values(value=top, updated_at=now))
        if printer is not None and rows:
            self.ctx.publish("print")
        return (len(rows) if printer is not None else 0), len(rows) == FEED_BATCH

    # -- reading ---------------------------------------------------------------------------------

    def get(self, job: str | uuid.UUID) -> JobInfo:
        """A job by id, or by a unique prefix of at least 6 characters of its id."""
        with self.ctx.store.read() as conn:
            return _info(conn.execute(select(*_INFO_COLUMNS).where(t.print_jobs.c.id == self._resolve(conn, job)))
                         .one())

    def _resolve(self, conn: Connection, job: str | uuid.UUID) -> uuid.UUID:
        text = job.hex if isinstance(job, uuid.UUID) else job.strip().lower().replace("-", "")
        if not 6 <= len(text) <= 32 or any(ch not in "0123456789abcdef" for ch in text):
            raise InputError(f"job {job!r}: give the job id or at least its first 6 characters")
        if len(text) == 32:
            full = uuid.UUID(text)
            if conn.execute(select(t.print_jobs.c.id).where(t.print_jobs.c.id == full)).first() is None:
                raise NotFound(f"no print job {job}")
            return full
        all_ids: list[uuid.UUID] = list(conn.execute(select(t.print_jobs.c.id)).scalars())
        ids = [i for i in all_ids if i.hex.startswith(text)]
        if not ids:
            raise NotFound(f"no print job {job}")
        if len(ids) > 1:
            raise InputError(f"job {job}: {len(ids)} jobs start with it; give more characters")
        return ids[0]

    def jobs(self, statuses: tuple[str, ...] | None = None, limit: int = 200) -> list[JobInfo]:
        """Jobs, newest first; by default those that are not finished plus the latest finished."""
        bad = set(statuses or ()) - set(STATUSES)
        if bad:
            raise InputError(f"job status must be one of {', '.join(STATUSES)}")
        stmt = select(*_INFO_COLUMNS).order_by(t.print_jobs.c.created_at.desc()).limit(max(1, min(limit, 10_000)))
        if statuses:
            stmt = stmt.where(t.print_jobs.c.status.in_(statuses))
        with self.ctx.store.read() as conn:
            return [_info(r) for r in conn.execute(stmt)]

    def payload(self, job: str | uuid.UUID) -> bytes | None:
        with self.ctx.store.read() as conn:
            return conn.execute(select(t.print_jobs.c.payload).where(t.print_jobs.c.id == self._resolve(conn, job))
                                ).scalar()

    def counts(self) -> dict[str, int]:
        with self.ctx.store.read() as conn:
            rows = conn.execute(select(t.print_jobs.c.status, func.count()).group_by(t.print_jobs.c.status)).all()
        return {str(s): int(n) for s, n in rows}  # type: ignore[call-overload]

    # -- people ----------------------------------------------------------------------------------

    def cancel(self, job: str | uuid.UUID) -> JobInfo:
        """Cancel a queued or failed job; one being sent or already printed cannot be."""
        with self.ctx.store.write() as conn:
            job_id = self._resolve(conn, job)
            status: str = conn.execute(select(t.print_jobs.c.status).where(t.print_jobs.c.id == job_id)).scalar_one()
            if status in ("done", "cancelled"):
                raise Conflict(f"job {job_id.hex[:8]} is already {'printed' if status == 'done' else status}")
            if status == "sending":
                raise Conflict(f"job {job_id.hex[:8]} is being sent right now; wait a moment")
            conn.execute(update(t.print_jobs).where(t.print_jobs.c.id == job_id, t.print_jobs.c.status == status)
                         .values(status="cancelled", claimed_by=None))
        self.ctx.publish("print")
        return self.get(job_id)

    def retry(self, job: str | uuid.UUID | None = None) -> list[JobInfo]:
        """Make a failed or waiting job (or all of them) due now. A printed job is not retried: print it
        again (``Printing.print_label`` / ``print_receipt``), which queues a new job ``reprint_of`` it."""
        now = self.ctx.clock.now()
        with self.ctx.store.write() as conn:
            c = t.print_jobs.c
            if job is not None:
                job_id = self._resolve(conn, job)
                status: str = conn.execute(select(c.status).where(c.id == job_id)).scalar_one()
                if status not in ("queued", "failed"):
                    raise Conflict(f"job {job_id.hex[:8]} is {status}; only queued or failed jobs are retried")
                ids = [job_id]
            else:
                ids = list(conn.execute(select(c.id).where(c.status.in_(("queued", "failed")))).scalars())
            if ids:
                conn.execute(update(t.print_jobs).where(c.id.in_(ids), c.status.in_(("queued", "failed")))
                             .values(status="queued", next_attempt_at=now, claimed_by=None, claimed_at=None))
        self.ctx.publish("print")
        return [self.get(i) for i in ids]

    # -- workers ---------------------------------------------------------------------------------

    def claim(self, printer: str, token: str, job: uuid.UUID | None = None) -> ClaimedJob | None:
        """Claim ``printer``'s oldest queued job (or ``job``) if it is due and nothing of the printer is sending."""
        now = self.ctx.clock.now()
        with self.ctx.store.read() as conn:  # most calls find nothing to do: look without the write lock
            candidate = self._turn(conn, printer, now, job)
        if candidate is None:
            return None
        c = t.print_jobs.c
        with self.ctx.store.write() as conn:  # look again under the lock: another process may have moved
            if self._turn(conn, printer, now, job) != candidate:
                return None
            done = conn.execute(update(t.print_jobs).where(c.id == candidate, c.status == "queued")
                                .values(status="sending", claimed_by=token, claimed_at=now))
            if done.rowcount != 1:
                return None
            row = conn.execute(select(*_INFO_COLUMNS, c.payload).where(c.id == candidate)).one()
        return ClaimedJob(_info(row), token, row.payload)

    @staticmethod
    def _turn(conn: Connection, printer: str, now: datetime, job: uuid.UUID | None) -> uuid.UUID | None:
        """The job whose turn it is on ``printer`` now (``job`` only if it is that one), if any."""
        c = t.print_jobs.c
        if conn.execute(select(c.id).where(c.printer == printer, c.status == "sending").limit(1)).first():
            return None
        oldest = conn.execute(select(c.id, c.next_attempt_at).where(c.printer == printer, c.status == "queued")
                              .order_by(c.created_at, c.id).limit(1)).first()
        if oldest is None or oldest.next_attempt_at > now or (job is not None and oldest.id != job):
            return None
        return oldest.id

    def next_due(self, printer: str) -> datetime | None:
        """When ``printer``'s oldest queued job may be tried (None: nothing queued)."""
        c = t.print_jobs.c
        with self.ctx.store.read() as conn:
            row = conn.execute(select(c.next_attempt_at).where(c.printer == printer, c.status == "queued")
                               .order_by(c.created_at, c.id).limit(1)).first()
        return row.next_attempt_at if row else None

    def printers_with_work(self) -> set[str]:
        with self.ctx.store.read() as conn:
            return set(conn.execute(select(t.print_jobs.c.printer).where(t.print_jobs.c.status == "queued")
                                    .distinct()).scalars())

    def store_payload(self, claim: ClaimedJob, payload: bytes) -> None:
        self._finish(claim, payload=payload, payload_sha256=hashlib.sha256(payload).hexdigest(), status="sending")

    def complete(self, claim: ClaimedJob, printer_ref: str) -> None:
        """The printer acknowledged the job: it is done for good."""
        self._finish(claim, status="done", sent_at=self.ctx.clock.now(), printer_ref=printer_ref[:300],
                     last_error=None, attempts=claim.info.attempts + 1)

    def defer(self, claim: ClaimedJob, error: str, delay: timedelta) -> None:
        """Not delivered; try again after ``delay``."""
        self._finish(claim, status="queued", attempts=claim.info.attempts + 1, last_error=error[:MAX_ERROR],
                     next_attempt_at=self.ctx.clock.now() + delay, claimed_by=None, claimed_at=None)

    def fail(self, claim: ClaimedJob, error: str) -> None:
        """Cannot be delivered as it is; a person may retry (after fixing the cause) or cancel."""
        self._finish(claim, status="failed", attempts=claim.info.attempts + 1, last_error=error[:MAX_ERROR],
                     claimed_by=None, claimed_at=None)

    def fail_unrouted(self, printers: set[str]) -> int:
        """Fail queued jobs addressed to printers that are not configured (they would wait forever)."""
        c = t.print_jobs.c
        unrouted = (c.status == "queued") & c.printer.not_in(printers)
        with self.ctx.store.read() as conn:  # the worker asks every few seconds: no write lock for nothing
            if conn.execute(select(c.id).where(unrouted).limit(1)).first() is None:
                return 0
        with self.ctx.store.write() as conn:
            n = conn.execute(update(t.print_jobs).where(unrouted)
                             .values(status="failed", last_error="this printer is not configured")).rowcount
        if n:
            self.ctx.publish("print")
        return int(n)

    def recover_interrupted(self) -> int:
        """Jobs left ``sending`` by a worker that died: failed, for a person to retry or cancel.

        They may have printed (the printer may have read the job before the process died), so
        they are never resent on their own.
        """
        c = t.print_jobs.c
        now = self.ctx.clock.now()
        with self.ctx.store.read() as conn:
            rows = conn.execute(select(c.id, c.claimed_by, c.claimed_at).where(c.status == "sending")).all()
        stale = [r.id for r in rows if r.claimed_at is None or r.claimed_at < now - LEASE
                 or _token_dead(r.claimed_by or "")]
        if stale:
            with self.ctx.store.write() as conn:
                conn.execute(update(t.print_jobs).where(c.id.in_(stale), c.status == "sending").values(
                    status="failed", claimed_by=None, claimed_at=None,
                    last_error="interrupted while sending: it may have printed; retry to print it, or cancel"))
        if stale:
            self.ctx.publish("print")
        return len(stale)

    def _finish(self, claim: ClaimedJob, **values: Any) -> None:
        c = t.print_jobs.c
        with self.ctx.store.write() as conn:
            conn.execute(update(t.print_jobs).where(
                c.id == claim.info.id, c.status == "sending", c.claimed_by == claim.token).values(**values))
        if values.get("status") != "sending":
            self.ctx.publish("print")

