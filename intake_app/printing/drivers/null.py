"""A printer that prints nothing: for trying a set-up, tests, and a dock without a printer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .base import PrintData, PrinterDriver, PrinterState, PrinterStatus


class NullDriver(PrinterDriver):
    name = "null"
    formats = ("zpl", "pdf")
    description = "discard every job (acknowledged at once)"

    @classmethod
    def check_options(cls, options: Mapping[str, Any], fmt: str) -> dict[str, Any]:
        return {}

    def address(self) -> str:
        return "nowhere"

    def status(self) -> PrinterState:
        return PrinterState(PrinterStatus.READY, "discards every job")

    def send(self, job: PrintData) -> str:
        return "discarded"
