"""The background sync the GUI runs: a thread that syncs every so often and when asked.

Nothing at the dock waits for it: scans commit locally and the thread pushes them later. A failed
sync (central unreachable, a cable pulled mid-batch) is recorded and retried with a growing pause
(up to ``max_backoff``); the thread never dies of an error. The clock, the syncer (and through it
the network) and the wait are injected, so tests drive it without sleeping.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from ..clock import Clock
from ..errors import IntakeError
from .errors import SyncBusy
from .syncer import Syncer, SyncReport

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackgroundState:
    """What the GUI shows: running or idle, the last result, and when the next sync is due."""

    running: bool = False
    syncs: int = 0
    failures_in_a_row: int = 0
    last_success_at: datetime | None = None
    last_report: SyncReport | None = None
    last_error: str | None = None
    next_in_seconds: float | None = None


Listener = Callable[[BackgroundState], None]


class BackgroundSync:
    def __init__(self, make_syncer: Callable[[], Syncer], *, clock: Clock, interval: float = 60.0,
                 max_backoff: float = 600.0, on_change: Listener | None = None) -> None:
        self._make_syncer = make_syncer
        self._clock = clock
        self.interval = interval
        self.max_backoff = max_backoff
        self._on_change = on_change
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._state = BackgroundState()

    @property
    def state(self) -> BackgroundState:
        with self._lock:
            return self._state

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._loop, name="intake-sync", daemon=True)
        self._thread.start()

    def request(self) -> None:
        """Sync as soon as possible (e.g. after a burst of scans, or the user pressed Sync)."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop after the current batch at the latest; a sync cut here resumes next time."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _set(self, **changes: Any) -> None:
        with self._lock:
            self._state = replace(self._state, **changes)
            state = self._state
        if self._on_change is not None:
            try:
                self._on_change(state)
            except Exception:  # a listener's bug must not stop syncing
                log.exception("sync listener failed")

    def _loop(self) -> None:
        while not self._stopping.is_set():
            delay = self._sync_once()
            self._set(next_in_seconds=delay)
            self._wake.wait(delay)
            self._wake.clear()

    def _sync_once(self) -> float:
        self._set(running=True, next_in_seconds=None)
        state = self.state
        try:
            syncer = self._make_syncer()
            try:
                report = syncer.run()
            finally:
                syncer.close()
        except SyncBusy as exc:  # the command line is syncing this station right now
            self._set(running=False, last_error=exc.message)
            return self.interval
        except IntakeError as exc:
            failures = state.failures_in_a_row + 1
            self._set(running=False, failures_in_a_row=failures, last_error=exc.message, syncs=state.syncs + 1)
            return self._backoff(failures)
        except Exception as exc:  # a bug: keep the dock working, say so, try again later
            log.exception("background sync failed")
            failures = state.failures_in_a_row + 1
            self._set(running=False, failures_in_a_row=failures, syncs=state.syncs + 1,
                      last_error=f"internal error ({type(exc).__name__})")
            return self._backoff(failures)
        self._set(running=False, failures_in_a_row=0, last_error=None, last_report=report,
                  last_success_at=self._clock.now(), syncs=state.syncs + 1)
        return self.interval

    def _backoff(self, failures: int) -> float:
        return min(self.max_backoff, self.interval * 2 ** min(failures - 1, 16))
