"""Sending spooled jobs: one background thread per printer, or one job in the foreground.

The dock never waits for this: a scan does no printing work at all; the threads queue the
labels of new units (``feed``) and send them. Each printer has its own thread so
a printer that is off (connect timeouts) never delays another; a printer's jobs go out in the
order they were queued. When a printer is down its oldest job waits with exponential back-off
(``printing.retry_initial_s`` doubling up to ``printing.retry_max_s``) and the others wait
behind it. Threads wake when a job is queued (the event bus) and otherwise poll the database,
which also picks up jobs queued by another process (the command line).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from ..errors import IntakeError
from ..events import Changes
from ..printing.drivers import (
    PrintData,
    PrinterConfig,
    PrinterRejected,
    PrinterState,
    PrinterStatus,
    PrinterUnavailable,
    make_driver,
)
from .context import Context
from .spool import ClaimedJob, JobInfo, PrintSpool, new_token

log = logging.getLogger(__name__)

Renderer = Callable[[JobInfo], bytes]
PrinterTable = Callable[[], Mapping[str, PrinterConfig]]


@dataclass(frozen=True)
class RetryPolicy:
    initial_s: float = 2.0
    max_s: float = 120.0
    timeout_s: float = 10.0

    def delay(self, attempts: int) -> timedelta:
        """Wait before attempt ``attempts + 1``: initial, doubling, at most max."""
        return timedelta(seconds=min(self.max_s, self.initial_s * 2 ** max(0, attempts - 1)))


@dataclass(frozen=True)
class Outcome:
    job: JobInfo
    sent: bool
    state: PrinterState


class Sender:
    """Sends one claimed job through its printer's driver and records what happened."""

    def __init__(self, spool: PrintSpool, printers: PrinterTable, render: Renderer,
                 policy: Callable[[], RetryPolicy]) -> None:
        self.spool, self.printers, self.render, self.policy = spool, printers, render, policy
        self._states: dict[str, PrinterState] = {}
        self._lock = threading.Lock()

    def state(self, printer: str) -> PrinterState | None:
        """The printer's state as the last send found it."""
        with self._lock:
            return self._states.get(printer)

    def _note(self, printer: str, state: PrinterState) -> PrinterState:
        with self._lock:
            self._states[printer] = state
        return state

    def process(self, claim: ClaimedJob) -> Outcome:
        job = claim.info
        config = self.printers().get(job.printer)
        if config is None:
            return self._fail(claim, f"printer {job.printer} is not configured")
        if job.format != config.format:
            return self._fail(claim, f"printer {job.printer} takes {config.format}, this job is {job.format}")
        data = claim.payload
        if data is None:
            try:
                data = self.render(job)
            except IntakeError as exc:
                return self._fail(claim, f"cannot render: {exc.message}")
            self.spool.store_payload(claim, data)
        policy = self.policy()
        driver = make_driver(config, policy.timeout_s)
        try:
            ref = driver.send(PrintData(job.id.hex, data, job.format, _title(job)))
        except PrinterUnavailable as exc:
            self.spool.defer(claim, exc.state.detail or exc.state.status.value, policy.delay(job.attempts + 1))
            return Outcome(self.spool.get(job.id), False, self._note(job.printer, exc.state))
        except PrinterRejected as exc:
            return self._fail(claim, str(exc))
        self.spool.complete(claim, ref)
        return Outcome(self.spool.get(job.id), True, self._note(job.printer, PrinterState(PrinterStatus.READY)))

    def _fail(self, claim: ClaimedJob, error: str) -> Outcome:
        self.spool.fail(claim, error)
        return Outcome(self.spool.get(claim.info.id), False, PrinterState(PrinterStatus.UNKNOWN, error))

    def send_now(self, job: uuid.UUID) -> Outcome | None:
        """Try ``job`` in the calling thread if it is its printer's turn (None: it is not)."""
        info = self.spool.get(job)
        claim = self.spool.claim(info.printer, new_token(), job)
        return self.process(claim) if claim else None

    def drain(self, printer: str) -> list[Outcome]:
        """Send ``printer``'s due jobs in the calling thread until one is not delivered."""
        outcomes: list[Outcome] = []
        token = new_token()
        while (claim := self.spool.claim(printer, token)) is not None:
            outcome = self.process(claim)
            outcomes.append(outcome)
            if not outcome.sent:
                break
        return outcomes


class SpoolWorker:
    """Background sending: a thread per configured printer, started and stopped with the app."""

    def __init__(self, ctx: Context, spool: PrintSpool, sender: Sender, feed: Callable[[], int],
                 poll_s: float = 2.0) -> None:
        self.ctx, self.spool, self.sender, self.feed, self.poll_s = ctx, spool, sender, feed, poll_s
        self._stop = threading.Event()
        self._wake: dict[str, threading.Event] = {}
        self._threads: dict[str, threading.Thread] = {}
        self._lock = threading.Lock()
        self._unsubscribe: Callable[[], None] | None = None
        self._supervisor: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._supervisor is not None and self._supervisor.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self.spool.recover_interrupted()
        self.feed()  # the first look on a station sets the mark: labels start with the next unit
        self._unsubscribe = self.ctx.events.subscribe(self._on_change)
        self._supervisor = threading.Thread(target=self._supervise, name="print-spool", daemon=True)
        self._supervisor.start()

    def stop(self, timeout: float | None = None) -> None:
        """Stop after the jobs being sent now (a send is never cut off half-way by us)."""
        timeout = timeout if timeout is not None else self.sender.policy().timeout_s + 2.0
        self._stop.set()
        if self._unsubscribe:
            self._unsubscribe()
        with self._lock:
            for event in self._wake.values():
                event.set()
            threads = list(self._threads.values())
        for thread in [*threads, *([self._supervisor] if self._supervisor else [])]:
            thread.join(timeout)
        self._threads.clear()
        self._supervisor = None

    def wake(self) -> None:
        with self._lock:
            for event in self._wake.values():
                event.set()

    def _on_change(self, changes: Changes) -> None:
        if changes.kind in ("scan", "print", "correction", "sign_off"):
            self.wake()

    def _supervise(self) -> None:
        while not self._stop.is_set():
            try:
                self._ensure_threads()
            except Exception:  # a bug or a broken database must not kill the spool silently
                log.exception("print spool supervisor")
            self._stop.wait(self.poll_s)

    def _ensure_threads(self) -> None:
        printers = set(self.sender.printers())
        self.spool.fail_unrouted(printers)
        self.spool.recover_interrupted()  # a CLI process that died while sending, on this or another host
        self.feed()  # also while the label printer's own thread is stuck or backing off
        with self._lock:
            for name in printers:
                if name not in self._threads or not self._threads[name].is_alive():
                    self._wake[name] = threading.Event()
                    thread = threading.Thread(target=self._run, args=(name,), name=f"print-{name}", daemon=True)
                    self._threads[name] = thread
                    thread.start()

    def _run(self, printer: str) -> None:
        token = new_token()
        wake = self._wake[printer]
        while not self._stop.is_set() and printer in self.sender.printers():
            backing_off = False
            try:
                self.feed()  # a scan woke us: its unit's label, if it gets one, goes out now
                claim = self.spool.claim(printer, token)
                if claim is not None:
                    self.sender.process(claim)
                    continue
                wait, backing_off = self._wait_for(printer)
            except Exception:
                log.exception("print spool, printer %s", printer)
                wait = self.poll_s
            if backing_off:
                # new jobs queue behind the one waiting for its retry: a scan's wake-up cannot
                # make anything due sooner, so sleep through them (and cost the scans nothing)
                self._stop.wait(wait)
            else:
                wake.wait(wait)
            wake.clear()

    def _wait_for(self, printer: str) -> tuple[float, bool]:
        """How long to sleep, and whether the printer's oldest job is waiting for its retry."""
        due = self.spool.next_due(printer)
        if due is None:
            return self.poll_s, False
        left = (due - self.ctx.clock.now()).total_seconds()
        return max(0.05, min(self.poll_s, left)), left > 0


def _title(job: JobInfo) -> str:
    return f"intake-{job.kind}-{job.subject}"
