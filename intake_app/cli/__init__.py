"""The ``intake`` command: every use-case, scriptable, JSON output. A public interface.

Commands live in modules by subject (``engine``, and later printing, sync, decoding); each
module registers its commands on :data:`root.cli`. Exit codes: 0 success, 2 bad input (one
line on stderr, nothing changed), 1 a bug (logged with its traceback).
"""

from __future__ import annotations

from .root import cli, main

__all__ = ["cli", "main"]

from . import decode as _decode  # noqa: E402,F401
from . import engine as _engine  # noqa: E402,F401  (registers the commands)
from . import printing as _printing  # noqa: E402,F401
from . import sync as _sync  # noqa: E402,F401
