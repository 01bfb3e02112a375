"""Guessing how a CSV file was written: encoding, delimiter.

Files come from Swedish municipal asset systems via Excel: UTF-8 (with or without BOM) or
Windows-1252, delimited by ``;`` (Excel's choice in a Swedish locale), ``,`` or tab, with LF,
CRLF or (old Mac exports) CR line endings. Python's ``csv`` module handles all three line
endings when the file is opened with ``newline=""``; the rest is decided here.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from pathlib import Path

from ..errors import InputError

CANDIDATE_DELIMITERS = (";", ",", "\t", "|")
SAMPLE_BYTES = 256 * 1024
_CHUNK = 1 << 20


def detect_encoding(path: Path) -> str:
    """``utf-8-sig`` if the whole file decodes as UTF-8 (BOM or not), else ``cp1252``.

    Checked over the whole file in chunks (bounded memory): a file that is UTF-8 for the first
    megabyte and cp1252 after would otherwise import with garbled names.
    """
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            if b"\x00" in chunk:
                raise InputError(f"{path.name} is not a text file (it contains NUL bytes); "
                                 "export the list as CSV or XLSX")
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return "cp1252"
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8-sig"


def open_text(path: Path, encoding: str) -> io.TextIOWrapper:
    # cp1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): map them rather than fail
    errors = "strict" if encoding.startswith("utf-8") else "replace"
    return open(path, encoding=encoding, errors=errors, newline="")  # noqa: SIM115 - caller closes


def detect_delimiter(sample: str) -> str:
    """The delimiter that splits the sample's lines into the most consistent number of columns > 1."""
    lines = [ln for ln in sample.splitlines()[:200] if ln.strip()]
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # the last line of the sample may be cut
    best, best_score = ",", (0, 0)
    for delim in CANDIDATE_DELIMITERS:
        widths = [len(row) for row in csv.reader(lines, delimiter=delim)]
        if not widths:
            continue
        width, freq = Counter(widths).most_common(1)[0]
        if width < 2:
            continue
        score = (freq, width)
        if score > best_score:
            best, best_score = delim, score
    return best
