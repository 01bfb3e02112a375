"""Printer drivers, by the name used in the settings (``driver = "tcp"``).

To add one: subclass :class:`~.base.PrinterDriver` in a module here, implement
``check_options``, ``status`` and ``send``, and list the class in :data:`DRIVERS`.
"""

from __future__ import annotations

from .base import (
    PrintData,
    PrinterConfig,
    PrinterDriver,
    PrinterRejected,
    PrinterState,
    PrinterStatus,
    PrinterUnavailable,
)
from .cups import CupsDriver
from .folder import FolderDriver
from .null import NullDriver
from .tcp import TcpDriver
from .windows import WindowsDriver

DRIVERS: dict[str, type[PrinterDriver]] = {d.name: d for d in (TcpDriver, CupsDriver, FolderDriver, WindowsDriver,
                                                             NullDriver)}


def make_driver(config: PrinterConfig, timeout_s: float) -> PrinterDriver:
    """The driver for a configured printer (its options were checked when the settings were read)."""
    return DRIVERS[config.driver](config, timeout_s)


__all__ = ["DRIVERS", "PrintData", "PrinterConfig", "PrinterDriver", "PrinterRejected", "PrinterState",
           "PrinterStatus", "PrinterUnavailable", "make_driver"]
