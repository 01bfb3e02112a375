"""Printers as configured in the settings file, checked with messages that name what is wrong.

::

    [printing]
    label_printer = "zebra-dock1"
    receipt_printer = "office"

    [printing.printers.zebra-dock1]
    driver = "tcp"            # tcp | cups | folder | null
    host = "10.0.4.21"
    format = "zpl"            # zpl | pdf
    dpi = 203                 # 203 | 300 (ZPL)
    label_size = "57x32"      # optional: this printer's unit labels

    [printing.printers.office]
    driver = "cups"
    queue = "Office_Laser"
    format = "pdf"
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..errors import InputError
from .content import LabelSize
from .drivers import DRIVERS, PrinterConfig
from .zpl import DPIS

FORMATS = ("zpl", "pdf")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")
_COMMON = {"driver", "format", "dpi", "label_size"}


def parse_printers(raw: Mapping[str, Any]) -> dict[str, PrinterConfig]:
    """Every printer in ``raw`` (the ``printing.printers`` table), or an :class:`InputError`."""
    if not isinstance(raw, Mapping):
        raise InputError("printing.printers must be a table of printers by name")
    return {str(name): parse_printer(str(name), spec) for name, spec in raw.items()}


def parse_printer(name: str, spec: Any) -> PrinterConfig:
    where = f"printer {name!r}"
    if not _NAME.match(name):
        raise InputError(f"{where}: a printer name has 1-40 letters, digits, _ . - (no spaces)")
    if not isinstance(spec, Mapping):
        raise InputError(f"{where}: expected a table with driver, format and the driver's options")
    driver = spec.get("driver")
    if driver not in DRIVERS:
        raise InputError(f"{where}: driver must be one of {', '.join(DRIVERS)}")
    fmt = spec.get("format", "zpl" if driver == "tcp" else "pdf")
    if fmt not in FORMATS or fmt not in DRIVERS[driver].formats:
        raise InputError(f"{where}: format must be zpl or pdf")
    dpi = spec.get("dpi", 203)
    if isinstance(dpi, bool) or dpi not in DPIS:
        raise InputError(f"{where}: dpi must be 203 or 300")
    size = str(spec.get("label_size", "") or "")
    if size:
        try:
            size = str(LabelSize.parse(size))
        except InputError as exc:
            raise InputError(f"{where}: {exc.message}") from None
    own = {k: v for k, v in spec.items() if k not in _COMMON}
    try:
        options = DRIVERS[driver].check_options(own, fmt)
    except ValueError as exc:
        raise InputError(f"{where}: {exc}") from None
    unknown = set(own) - set(options)
    if unknown:
        raise InputError(f"{where}: unknown option(s) {', '.join(sorted(unknown))} for driver {driver}")
    return PrinterConfig(name, driver, fmt, int(dpi), size, options)


def check_printers(raw: Any) -> str | None:
    """Settings check: ``None`` when the printers table is valid, else the problem."""
    try:
        parse_printers(raw)
    except InputError as exc:
        return exc.message
    return None
