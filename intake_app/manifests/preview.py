"""A first look at a manifest before importing it: its header, the detected mapping, a few rows.

The import dialog shows this, lets the supervisor change the mapping (each field to a column),
then asks the importer for a dry run (the row-level error report) before anything is written.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..domain.manifest_rules import Cell, Field
from .reader import column_letter, open_manifest

PREVIEW_ROWS = 20
MAX_CELL = 80  # a preview cell, not the whole description


@dataclass(frozen=True)
class Column:
    index: int
    letter: str
    header: str  # as in the file ("" when the header cell is empty)

    @property
    def token(self) -> str:
        """How to name this column in a mapping: its header, or its letter when it has none."""
        return self.header or self.letter

    @property
    def label(self) -> str:
        return f"{self.letter}: {self.header}" if self.header else self.letter


@dataclass(frozen=True)
class ManifestPreview:
    file: str
    format: str
    sheet: str | None
    encoding: str | None
    delimiter: str | None
    header_line: int
    columns: tuple[Column, ...]
    mapping: dict[Field, int]  # field -> column index
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line, cells as text), the first rows below the header
    notices: tuple[str, ...]

    def mapping_tokens(self, mapping: dict[Field, int] | None = None) -> dict[str, str]:
        """A mapping by column index as the importer's ``mapping`` argument (field -> header/letter)."""
        chosen = self.mapping if mapping is None else mapping
        return {f.value: self.columns[i].token for f, i in chosen.items() if 0 <= i < len(self.columns)}


def preview_manifest(path: Path, *, sheet: str | None = None, mapping: dict[str, str] | None = None,
                     limit: int = PREVIEW_ROWS) -> ManifestPreview:
    """Open ``path`` like the importer does and read the first ``limit`` rows below its header."""
    source = open_manifest(path, sheet=sheet, mapping=mapping)
    try:
        rows = tuple((line, tuple(_text(c) for c in cells))
                     for line, cells in itertools.islice(_non_empty(source.raw_rows()), max(0, limit)))
    finally:
        source.close()
    width = max([len(source.headers)] + [len(r) for _, r in rows])
    headers = source.headers + [""] * (width - len(source.headers))
    columns = tuple(Column(i, column_letter(i), h) for i, h in enumerate(headers))
    return ManifestPreview(path.name, source.format, source.sheet, source.encoding, source.delimiter,
                           source.header_line, columns, dict(source.mapping), rows,
                           tuple(n.reason for n in source.notices))


def _non_empty(rows: Iterator[tuple[int, list[Cell]]]) -> Iterator[tuple[int, list[Cell]]]:
    for line, cells in rows:
        if any(c not in (None, "") for c in cells):
            yield line, cells


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime | date):
        return cell.isoformat()
    text = str(cell)
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "\u2026"
