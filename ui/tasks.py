"""The one way work leaves the GUI thread: :class:`TaskRunner`.

Three lanes, one way of reporting:

* ``write``: engine use-cases that change the database (a scan, a void, a pallet) run one at a
  time, in the order they were asked for, on one worker thread: scans are never reordered, and
  a database lock held by another process (the CLI, sync) never freezes the window.
* ``read``: queries behind the pages, on a small pool; a page applies only its newest answer.
* ``long``: imports, receipts, sync, printing: with progress (done, total, words) and a busy count
  the status bar shows.

Results, progress and failures come back on the GUI thread through one queued signal. A failure
is an :class:`TaskError`: an :class:`IntakeError` keeps its one-line message; anything else is a
bug, logged with its traceback, and shown as such - never a traceback in front of an operator.
Callbacks bound to a widget that has been deleted meanwhile (a page rebuilt) are dropped.
Workers never touch a widget.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from intake_app.errors import IntakeError

T = TypeVar("T")
log = logging.getLogger(__name__)
translate = QCoreApplication.translate


@dataclass(frozen=True)
class TaskError:
    message: str
    bug: bool = False
    kind: str = "error"  # the IntakeError code (not_found, conflict, permission_denied, ...)


@dataclass(frozen=True)
class Progress:
    done: int
    total: int | None = None  # None: unknown (a busy indicator)
    text: str = ""


ProgressFn = Callable[[Progress], None]
Done = Callable[[Any], None]
Failed = Callable[[TaskError], None]


class _Relay(QObject):
    """Lives on the GUI thread; workers emit, Qt queues, the slot runs the callback there."""

    call = Signal(object, object)

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._run)

    @Slot(object, object)
    def _run(self, fn: Callable[[Any], None], value: Any) -> None:
        owner = getattr(fn, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return  # its widget was deleted meanwhile
        fn(value)


class TaskRunner(QObject):
    busy_changed = Signal(int)  # long tasks running
    failure = Signal(object)  # TaskError of a task that had no failure handler

    def __init__(self, log_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay()
        self._writer = ThreadPoolExecutor(1, "intake-write")
        self._pool = ThreadPoolExecutor(3, "intake-work")
        self._log_dir = log_dir
        self._lock = threading.Lock()
        self._pending = 0
        self._long = 0
        self._closed = False

    # -- lanes -------------------------------------------------------------------------------------

    def write(self, fn: Callable[[], T], done: Callable[[T], None] | None = None,
              failed: Failed | None = None) -> Future[None]:
        """An engine write; runs after every write asked for before it."""
        return self._submit(self._writer, lambda _p: fn(), done, failed, None)

    def read(self, fn: Callable[[], T], done: Callable[[T], None] | None = None,
             failed: Failed | None = None) -> Future[None]:
        return self._submit(self._pool, lambda _p: fn(), done, failed, None)

    def long(self, fn: Callable[[ProgressFn], T], done: Callable[[T], None] | None = None,
             failed: Failed | None = None, progress: Callable[[Progress], None] | None = None,
             *, serial: bool = False) -> Future[None]:
        """Long work with progress. ``serial``: it writes to the database, so it queues with the writes."""
        if self._closed:
            return self._submit(self._pool, fn, None, None, None)
        with self._lock:
            self._long += 1
        self.busy_changed.emit(self._long)
        return self._submit(self._writer if serial else self._pool, fn, done, failed, progress, is_long=True)

    # -- state ---------------------------------------------------------------------------------------

    @property
    def idle(self) -> bool:
        with self._lock:
            return self._pending == 0

    @property
    def busy(self) -> int:
        return self._long

    def shutdown(self, wait: bool = True) -> None:
        self._closed = True
        self._writer.shutdown(wait=wait, cancel_futures=not wait)
        self._pool.shutdown(wait=wait, cancel_futures=not wait)

    # -- internals -----------------------------------------------------------------------------------

    def _submit(self, executor: ThreadPoolExecutor, fn: Callable[[ProgressFn], Any], done: Done | None,
                failed: Failed | None, progress: Callable[[Progress], None] | None,
                is_long: bool = False) -> Future[None]:
        if self._closed:  # the application is closing: a late refresh timer asks for nothing
            done_future: Future[None] = Future()
            done_future.cancel()
            return done_future
        with self._lock:
            self._pending += 1

        def report(p: Progress) -> None:
            if progress is not None:
                self._relay.call.emit(progress, p)

        def job() -> None:
            try:
                value = fn(report)
            except Exception as exc:  # every failure, bug or not, goes back the same way
                self._relay.call.emit(self._finish_failure(failed, is_long), self._task_error(exc))
            else:
                self._relay.call.emit(self._finish_done(done, is_long), value)

        return executor.submit(job)

    def _finish_done(self, done: Done | None, is_long: bool) -> Done:
        def finish(value: Any) -> None:
            self._settle(is_long)
            if done is not None:
                _call_if_alive(done, value)
        return finish

    def _finish_failure(self, failed: Failed | None, is_long: bool) -> Callable[[TaskError], None]:
        def finish(error: TaskError) -> None:
            self._settle(is_long)
            if failed is not None and _alive(failed):
                failed(error)
            else:
                self.failure.emit(error)
        return finish

    def _settle(self, is_long: bool) -> None:
        with self._lock:
            self._pending -= 1
            if is_long:
                self._long -= 1
        if is_long:
            self.busy_changed.emit(self._long)

    def _task_error(self, exc: Exception) -> TaskError:
        if isinstance(exc, IntakeError):
            return TaskError(exc.message, False, exc.code)
        where = self._log_bug(exc)
        return TaskError(translate("TaskRunner", "Internal error ({name}: {text}); details in {log}").format(
            name=exc.__class__.__name__, text=exc, log=where), True, "bug")

    def _log_bug(self, exc: Exception) -> str:
        text = "".join(traceback.format_exception(exc))
        log.error("task failed: %s", text)
        if self._log_dir is None:
            return translate("TaskRunner", "the log")
        try:
            self._log_dir.mkdir(parents=True, exist_ok=True)
            path = self._log_dir / "intake-app-errors.log"
            with path.open("a", encoding="utf-8") as fh:
                fh.write(text + "\n")
            return str(path)
        except OSError:
            return translate("TaskRunner", "the log")


def _alive(fn: Callable[..., Any]) -> bool:
    owner = getattr(fn, "__self__", None)
    return not (isinstance(owner, QObject) and not shiboken6.isValid(owner))


def _call_if_alive(fn: Callable[[Any], None], value: Any) -> None:
    if _alive(fn):
        fn(value)
