"""The printer driver interface: deliver bytes, report status. Nothing else.

A driver is constructed from one configured printer (:class:`PrinterConfig`) and does I/O only
when asked, on the caller's thread (the spool worker's). ``send`` returns once the printer (or
the print server) has *acknowledged* the job; after that the spool never sends it again. Every
failure is one of two exceptions: :class:`PrinterUnavailable` (try again later: cannot connect,
no media, paused) or :class:`PrinterRejected` (trying again will not help: wrong format, bad
configuration).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar


class PrinterStatus(StrEnum):
    READY = "ready"
    PRINTING = "printing"
    NO_MEDIA = "no_media"  # no media, paused, head open, ribbon out: a person has to act
    CANNOT_CONNECT = "cannot_connect"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PrinterState:
    status: PrinterStatus
    detail: str = ""  # e.g. "paper out", "connection refused"

    def as_dict(self) -> dict[str, str]:
        return {"status": self.status.value, "detail": self.detail}


class PrinterUnavailable(Exception):
    """The job was not (knowingly) delivered; the spool retries it later."""

    def __init__(self, state: PrinterState) -> None:
        super().__init__(state.detail or state.status.value)
        self.state = state


class PrinterRejected(Exception):
    """The job can never be delivered as it is; the spool marks it failed."""


@dataclass(frozen=True)
class PrinterConfig:
    """One printer as configured in the settings (``[printing.printers.NAME]``)."""

    name: str
    driver: str
    format: str  # zpl | pdf: what this printer is sent
    dpi: int = 203  # for ZPL
    label_size: str = ""  # overrides the unit label size for this printer, e.g. "50x25"
    options: Mapping[str, Any] = field(default_factory=dict)  # the driver's own, checked by it

    def describe(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in sorted(self.options.items()))


@dataclass(frozen=True)
class PrintData:
    """Bytes ready for a printer, with what a driver may need to name or file them."""

    job_id: str
    data: bytes
    format: str
    title: str  # names the job in CUPS and files; drivers add the job id to make it unique


class PrinterDriver(ABC):
    """Base of every driver. Subclasses set ``name`` and ``formats`` and implement the rest."""

    name: ClassVar[str]
    formats: ClassVar[tuple[str, ...]]  # formats it can deliver
    description: ClassVar[str]

    def __init__(self, config: PrinterConfig, timeout_s: float) -> None:
        self.config = config
        self.timeout_s = timeout_s

    @classmethod
    @abstractmethod
    def check_options(cls, options: Mapping[str, Any], fmt: str) -> dict[str, Any]:
        """The driver's options, checked and with defaults; ``ValueError`` with a clear message."""

    @abstractmethod
    def status(self) -> PrinterState:
        """Ask the printer how it is (may take up to the timeout; never raises)."""

    @abstractmethod
    def send(self, job: PrintData) -> str:
        """Deliver ``job``; return a reference (server job id, file path). Raises as described above."""

    def address(self) -> str:
        """Where the printer is, for lists and messages."""
        return self.config.describe()
