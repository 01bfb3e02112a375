"""Our own identifiers: station codes, internal unit ids and pallet ids.

An internal unit id is ``U`` + station code (3) + sequence (7+ digits) + check character, e.g.
``U4KD00004217``; a pallet id is ``P`` + station code + sequence (5+ digits) + check character.
The barcode content is alphanumeric only: a scanner set to the wrong keyboard layout garbles
``-`` and ``/``, never letters and digits. Human-readable text groups the parts with spaces.
The station is part of the id, so stations that never talk to each other never collide.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from .checkdigits import SAFE_ALPHABET, safe_check_char, safe_valid

STATION_CODE_LEN = 3
_STATION_CHARS = SAFE_ALPHABET
_UNIT = re.compile(rf"^U([{_STATION_CHARS}]{{3}})(\d{{7,10}})[{_STATION_CHARS}]$")
_PALLET = re.compile(rf"^P([{_STATION_CHARS}]{{3}})(\d{{5,10}})[{_STATION_CHARS}]$")


@dataclass(frozen=True)
class OwnId:
    kind: str  # "unit" | "pallet"
    station_code: str
    seq: int
    text: str


def fact_uuid(kind: str, key: str) -> uuid.UUID:
    """The UUID of a fact that *is* its natural key: the same on every station.

    Two stations that, offline, add the same operator (by name), the same customer (by
    organisation number) or open the same pallet (by code) write rows with the same UUID, so sync
    keeps one row instead of failing on a duplicate name, number or code.
    """
    return uuid.uuid5(uuid.NAMESPACE_URL, f"intake-dock:{kind}:{key}")


def valid_station_code(code: str) -> bool:
    return len(code) == STATION_CODE_LEN and all(ch in _STATION_CHARS for ch in code)


def station_code_from_number(number: int) -> str:
    """A station code derived from a number (e.g. a UUID's integer value), deterministic."""
    n = len(_STATION_CHARS)
    chars = []
    for _ in range(STATION_CODE_LEN):
        number, rem = divmod(number, n)
        chars.append(_STATION_CHARS[rem])
    return "".join(chars)


def format_unit_id(station_code: str, seq: int) -> str:
    body = f"U{station_code}{seq:07d}"
    return body + safe_check_char(body)


def format_pallet_id(station_code: str, seq: int) -> str:
    body = f"P{station_code}{seq:05d}"
    return body + safe_check_char(body)


def human_unit_id(text: str) -> str:
    """``U4KD00004217`` -> ``U 4KD 0004217 7``-style grouping for people."""
    parsed = parse_own_id(text)
    if parsed is None:
        return text
    digits = text[4:-1]
    return f"{text[0]} {parsed.station_code} {digits} {text[-1]}"


def parse_own_id(text: str) -> OwnId | None:
    """Recognise one of our own unit or pallet ids (check character verified)."""
    for kind, pattern in (("unit", _UNIT), ("pallet", _PALLET)):
        m = pattern.match(text)
        if m and safe_valid(text):
            return OwnId(kind, m.group(1), int(m.group(2)), text)
    return None
