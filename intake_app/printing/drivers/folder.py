"""Save to a folder: each job becomes a ``.zpl`` or ``.pdf`` file (another program may pick it up).

The file name carries the job id, so a job sent again after a crash overwrites its own file
instead of making a second one. Files are written to a temporary name, flushed to disk and then
renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .base import PrintData, PrinterDriver, PrinterState, PrinterStatus, PrinterUnavailable

_UNSAFE = re.compile(r"[^\w.\-]", re.ASCII)


class FolderDriver(PrinterDriver):
    name = "folder"
    formats = ("zpl", "pdf")
    description = "save each job as a file in a folder"

    @classmethod
    def check_options(cls, options: Mapping[str, Any], fmt: str) -> dict[str, Any]:
        path = str(options.get("path", "")).strip()
        if not path or "\x00" in path:
            raise ValueError("path must name a folder, e.g. path = \"C:/Etiketter\" or \"/srv/labels\"")
        return {"path": str(Path(path).expanduser())}

    @property
    def folder(self) -> Path:
        return Path(self.config.options["path"])

    def address(self) -> str:
        return str(self.folder)

    def status(self) -> PrinterState:
        folder = self.folder
        probe = folder if folder.exists() else folder.parent
        if folder.exists() and not folder.is_dir():
            return PrinterState(PrinterStatus.CANNOT_CONNECT, f"{folder} is not a folder")
        if not probe.is_dir() or not os.access(probe, os.W_OK):
            return PrinterState(PrinterStatus.CANNOT_CONNECT, f"cannot write to {folder}")
        return PrinterState(PrinterStatus.READY)

    def send(self, job: PrintData) -> str:
        name = f"{_UNSAFE.sub('_', job.title)[:80]}_{job.job_id[:8]}.{job.format}"
        target = self.folder / name
        tmp = self.folder / f".{name}.part"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(job.data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            raise PrinterUnavailable(PrinterState(PrinterStatus.CANNOT_CONNECT,
                                                  f"cannot write {target}: {exc.strerror}")) from None
        return str(target)
