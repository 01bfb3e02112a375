"""Time, injected: services never call ``datetime.now`` themselves, so tests can set the clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock for tests and reproducible demo data: starts at ``start``, steps on each call."""

    def __init__(self, start: datetime, step: timedelta = timedelta(seconds=1)) -> None:
        self._t = start
        self._step = step

    def now(self) -> datetime:
        t = self._t
        self._t = t + self._step
        return t
