"""What a sync tells the person waiting for it, and where tests may step in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Progress:
    """``phase`` push or pull; ``done`` of ``total`` rows (``total`` counted at the start)."""

    phase: str
    table: str
    done: int
    total: int


ProgressFn = Callable[[Progress], None]


def _nothing(*_args: object) -> None:
    return None


@dataclass
class Hooks:
    """Points inside a sync where a caller (a test, the benchmark) can watch, pause or fail it.

    Push hooks get the batch number and central's transaction id; the pull hook the batch number.
    Production code leaves them empty.
    """

    before_push_commit: Callable[[int, int], None] = field(default=_nothing)
    after_push_commit: Callable[[int, int], None] = field(default=_nothing)
    after_pull_batch: Callable[[int], None] = field(default=_nothing)
