"""Opening a manifest file: find the header row, map columns to fields, stream the rows.

A :class:`ManifestSource` yields ``(line_number, {Field: cell})`` one row at a time, so a
million-row file never sits in memory. Line numbers are what the customer sees: the physical
line in a CSV file, the row number in Excel.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from ..domain.manifest_rules import (
    HEADER_SYNONYMS,
    Cell,
    Field,
    fallback_field_for_header,
    field_for_header,
    squash_header,
)
from ..errors import InputError
from .sniff import SAMPLE_BYTES, detect_delimiter, detect_encoding, open_text

HEADER_SEARCH_ROWS = 30  # title rows above the header: "Återlämning 2026-03, Heby kommun", blank lines
_COLUMN_LETTERS = re.compile(r"^[A-Z]{1,3}$")
_XLS_MAGIC = b"\xd0\xcf\x11\xe0"
_ZIP_MAGIC = b"PK\x03\x04"
_IDENTIFYING = (Field.SERIAL, Field.ASSET_TAG, Field.QUANTITY)


@dataclass(frozen=True)
class Notice:
    line: int | None
    column: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "reason": self.reason}


@dataclass
class ManifestSource:
    path: Path
    format: str  # csv | xlsx
    headers: list[str]
    header_line: int
    mapping: dict[Field, int]
    notices: list[Notice] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    _rows: Iterator[tuple[int, list[Cell]]] | None = None
    _closer: Any = None

    def column_name(self, index: int) -> str:
        name = self.headers[index] if index < len(self.headers) else ""
        return name or f"column {column_letter(index)}"

    def mapping_names(self) -> dict[str, str]:
        return {f.value: self.column_name(i) for f, i in self.mapping.items()}

    def ignored_columns(self) -> list[str]:
        used = set(self.mapping.values())
        return [self.column_name(i) for i, h in enumerate(self.headers) if i not in used and h]

    def rows(self) -> Iterator[tuple[int, dict[Field, Cell]]]:
        assert self._rows is not None
        try:
            for line, cells in self._rows:
                yield line, {f: (cells[i] if i < len(cells) else None) for f, i in self.mapping.items()}
        finally:
            self.close()

    def raw_rows(self) -> Iterator[tuple[int, list[Cell]]]:
        """The rows below the header with every column, unmapped (a preview shows them all)."""
        assert self._rows is not None
        try:
            yield from self._rows
        finally:
            self.close()

    def close(self) -> None:
        if self._closer is not None:
            self._closer()
            self._closer = None


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def open_manifest(path: Path, *, sheet: str | None = None, mapping: dict[str, str] | None = None) -> ManifestSource:
    """Open ``path`` (CSV or XLSX), locate its header row and map its columns."""
    if not path.is_file():
        raise InputError(f"no file {path}")
    with path.open("rb") as fh:
        magic = fh.read(4)
    if not magic:
        raise InputError(f"{path.name} is empty")
    if magic == _XLS_MAGIC:
        raise InputError(f"{path.name} is an old Excel .xls file: save it as .xlsx or CSV and import that")
    explicit = _parse_mapping(mapping or {})
    if magic == _ZIP_MAGIC:
        return _open_xlsx(path, sheet, explicit)
    if sheet:
        raise InputError("--sheet is only for Excel files")
    return _open_csv(path, explicit)


def _parse_mapping(mapping: dict[str, str]) -> dict[Field, str]:
    out: dict[Field, str] = {}
    for name, header in mapping.items():
        try:
            f = Field(name.strip().lower())
        except ValueError:
            raise InputError(f"unknown field {name!r} in --map; fields are "
                             f"{', '.join(f.value for f in Field)}") from None
        if not header.strip():
            raise InputError(f"--map {name}= needs a column name or letter")
        out[f] = header.strip()
    return out


def _open_csv(path: Path, explicit: dict[Field, str]) -> ManifestSource:
    encoding = detect_encoding(path)
    fh = open_text(path, encoding)
    try:
        delimiter = detect_delimiter(fh.read(SAMPLE_BYTES))
        fh.seek(0)
        reader = csv.reader(fh, delimiter=delimiter)

        def numbered() -> Iterator[tuple[int, list[Cell]]]:
            start = 1
            try:
                for row in reader:
                    yield start, list(row)
                    start = reader.line_num + 1
            except csv.Error as exc:
                raise InputError(f"{path.name} line {reader.line_num}: {exc}") from None

        rows = numbered()
        source = _locate_header(path, "csv", rows, explicit)
    except BaseException:
        fh.close()
        raise
    source.encoding, source.delimiter, source._closer = encoding, delimiter, fh.close
    return source


def _open_xlsx(path: Path, sheet: str | None, explicit: dict[Field, str]) -> ManifestSource:
    fh = path.open("rb")  # a file object: openpyxl would otherwise insist on an .xlsx file name
    try:
        wb = openpyxl.load_workbook(fh, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, InvalidFileException) as exc:
        fh.close()
        raise InputError(f"{path.name} is not a readable Excel file ({exc.__class__.__name__})") from None

    def close() -> None:
        wb.close()
        fh.close()

    try:
        names = wb.sheetnames
        if sheet is not None and sheet not in names:
            raise InputError(f"{path.name} has no sheet {sheet!r}; its sheets are {', '.join(names)}")
        candidates = [sheet] if sheet else names
        last_error: InputError | None = None
        for name in candidates:
            ws = wb[name]
            rows = ((i, list(r)) for i, r in enumerate(ws.iter_rows(values_only=True), start=1))
            try:
                source = _locate_header(path, "xlsx", rows, explicit)
            except InputError as exc:
                last_error = exc
                continue
            source.sheet, source._closer = name, close
            return source
        assert last_error is not None
        raise last_error
    except BaseException:
        close()
        raise


def _locate_header(path: Path, fmt: str, rows: Iterator[tuple[int, list[Cell]]],
                   explicit: dict[Field, str]) -> ManifestSource:
    for line, cells in rows:
        headers = ["" if c is None else str(c).strip() for c in cells]
        if not any(headers):
            if line > HEADER_SEARCH_ROWS:
                break
            continue
        mapping, notices = _map_columns(headers, explicit)
        if mapping is not None:
            return ManifestSource(path, fmt, headers, line, mapping, notices, _rows=rows)
        if line >= HEADER_SEARCH_ROWS:
            break
    wanted = ", ".join(HEADER_SYNONYMS[f][0].capitalize() + "/" + f.value for f in _IDENTIFYING)
    raise InputError(f"{path.name}: no header row found in the first {HEADER_SEARCH_ROWS} rows; a manifest needs a "
                     f"column for {wanted} (or use --map field=Header)")


def _map_columns(headers: list[str], explicit: dict[Field, str]) -> tuple[dict[Field, int] | None, list[Notice]]:
    """Map fields to column indexes for one candidate header row; None if it is not the header."""
    notices: list[Notice] = []
    mapping: dict[Field, int] = {}
    for field_, wanted in explicit.items():
        idx = _find_column(headers, wanted)
        if idx is None:
            return None, []
        mapping[field_] = idx
    taken = set(mapping.values())
    for i, h in enumerate(headers):
        f = field_for_header(h) if h else None
        if f is None or f in explicit or i in taken:
            continue
        if f in mapping:
            notices.append(Notice(None, h, f"column {column_letter(i)} '{h}' repeats the {f.value} column "
                                              f"{column_letter(mapping[f])}; it is ignored"))
            continue
        mapping[f] = i
    for i, h in enumerate(headers):
        fallback = fallback_field_for_header(h) if h else None
        if fallback is not None and fallback not in mapping and i not in mapping.values():
            mapping[fallback] = i
    if not any(key in mapping for key in _IDENTIFYING):
        return None, []
    return mapping, notices


def _find_column(headers: list[str], wanted: str) -> int | None:
    squashed = squash_header(wanted)
    for i, h in enumerate(headers):
        if h.strip().casefold() == wanted.casefold() or (squashed and squash_header(h) == squashed):
            return i
    if _COLUMN_LETTERS.match(wanted.upper()):
        idx = 0
        for ch in wanted.upper():
            idx = idx * 26 + ord(ch) - 64
        return idx - 1 if idx - 1 < max(len(headers), 1) + 50 else None
    return None
