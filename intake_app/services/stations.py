"""This station's identity: a name, a UUID and a three-character code used in our ids."""

from __future__ import annotations

import socket
import uuid
from typing import Any

from sqlalchemy import Connection, insert, select

from ..clock import Clock
from ..domain.ids import station_code_from_number, valid_station_code
from ..errors import InputError
from ..store import tables as t
from .context import StationInfo

MAX_NAME = 80


def default_station_name() -> str:
    return socket.gethostname().split(".")[0][:MAX_NAME] or "station"


def ensure_station(conn: Connection, name: str, clock: Clock, code: str | None = None) -> StationInfo:
    """The station called ``name``, created (with a fresh UUID and unused code) if it is new."""
    name = name.strip()
    if not name or len(name) > MAX_NAME or any(ord(c) < 32 for c in name):
        raise InputError(f"a station name has 1-{MAX_NAME} printable characters")
    row = conn.execute(select(t.stations).where(t.stations.c.name == name)).first()
    if row is not None:
        return StationInfo(row.id, row.name, row.code)
    sid = uuid.uuid4()
    if code is not None and not valid_station_code(code.upper()):
        raise InputError(f"station code {code!r}: three characters from 0-9 and A-Y without B, I, O, S")
    used: set[str] = set(conn.execute(select(t.stations.c.code)).scalars())
    code = code.upper() if code else free_code(sid, used)
    if code in used:
        raise InputError(f"station code {code} is already used by another station")
    conn.execute(insert(t.stations).values(id=sid, name=name, code=code, created_at=clock.now()))
    return StationInfo(sid, name, code)


def free_code(sid: uuid.UUID, used: set[str]) -> str:
    """A code derived from the station's UUID that is not in ``used``."""
    number = sid.int
    while True:
        code = station_code_from_number(number)
        if code not in used:
            return code
        number //= 7


def station_by_code(conn: Connection, code: str) -> StationInfo | None:
    row = conn.execute(select(t.stations).where(t.stations.c.code == code)).first()
    return StationInfo(row.id, row.name, row.code) if row else None


REGISTRATION = "registration"  # the sync_state key written when this database is registered at a central


def central_registration(conn: Connection) -> dict[str, Any] | None:
    """How this station database is registered at a central (URL without secrets, role), or None."""
    value = conn.execute(select(t.sync_state.c.value).where(t.sync_state.c.key == REGISTRATION)).scalar()
    return value if isinstance(value, dict) else None
