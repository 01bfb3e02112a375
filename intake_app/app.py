"""The composition root: one :class:`IntakeApp` built from settings, handed to CLI and GUI.

Everything a user can do is a method of one of its services. Nothing here is a module-level
singleton: tests build as many apps (stations) as they like, each with its own database,
clock and station identity.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import OperationalError

from .clock import Clock, SystemClock
from .domain.roles import Role
from .errors import InputError
from .events import EventBus
from .paths import Paths, default_paths
from .services.context import Actor, Context, StationInfo
from .services.corrections import Corrections
from .services.counts import Counts
from .services.customers import Customers
from .services.dock import Dock
from .services.manifests import Manifests
from .services.operators import Operators, name_key
from .services.orders import Orders
from .services.printing import Printing
from .services.reconciliation import Reconciler
from .services.scanning import Scanning
from .services.stations import default_station_name, ensure_station
from .settings import Settings
from .store import tables as t
from .store.db import Store, make_engine, safe_url, sqlite_url
from .store.migrate import upgrade

DEFAULT_OPERATOR = "dock"


@dataclass
class IntakeApp:
    settings: Settings
    store: Store
    ctx: Context
    paths: Paths
    migrated: bool = False
    customers: Customers = field(init=False)
    orders: Orders = field(init=False)
    manifests: Manifests = field(init=False)
    scanning: Scanning = field(init=False)
    corrections: Corrections = field(init=False)
    counts: Counts = field(init=False)
    reconciler: Reconciler = field(init=False)
    operators: Operators = field(init=False)
    printing: Printing = field(init=False)
    dock: Dock = field(init=False)

    def __post_init__(self) -> None:
        self.customers = Customers(self.ctx)
        self.orders = Orders(self.ctx)
        self.manifests = Manifests(self.ctx)
        self.scanning = Scanning(self.ctx)
        self.corrections = Corrections(self.ctx)
        self.counts = Counts(self.ctx)
        self.reconciler = Reconciler(self.ctx)
        self.operators = Operators(self.ctx)
        self.printing = Printing(self.ctx, self.settings, self.reconciler)
        self.dock = Dock(self.ctx)

    @property
    def station(self) -> StationInfo:
        return self.ctx.station

    @property
    def events(self) -> EventBus:
        return self.ctx.events

    @property
    def clock(self) -> Clock:
        return self.ctx.clock

    @classmethod
    def open(cls, *, db_url: str | None = None, station: str | None = None, paths: Paths | None = None,
             settings: Settings | None = None, clock: Clock | None = None) -> IntakeApp:
        """Open (creating and migrating if needed) the station database and this station's identity."""
        paths = paths or default_paths()
        settings = settings or Settings.load(paths.settings_file)
        url = db_url or settings.get("database.url") or sqlite_url(paths.database_file)
        store = Store(make_engine(url))
        clock = clock or SystemClock()
        name = station or settings.get("station.name") or default_station_name()
        try:
            migrated = upgrade(store.engine, backups=paths.backups_dir, now=clock.now())
            with store.write() as conn:
                info = ensure_station(conn, name, clock)
                _ensure_default_operator(conn, info, clock)
        except OperationalError as exc:
            store.dispose()
            raise InputError(f"cannot open the database {safe_url(url)}: {' '.join(str(exc.orig).split())}") from None
        return cls(settings, store, Context(store, clock, info), paths, migrated)

    def sign_in(self, name: str | None = None, pin: str | None = None) -> Actor:
        return self.operators.sign_in(name or self.settings.get("operator.default"), pin)

    def close(self) -> None:
        self.printing.stop_worker()
        self.store.dispose()

    @property
    def database_path(self) -> Path | None:
        db = self.store.engine.url.database
        return Path(db) if self.store.dialect == "sqlite" and db and db != ":memory:" else None


# The default operator has the same UUID on every station, so syncing stations never collide on it.
DEFAULT_OPERATOR_ID = uuid.uuid5(uuid.NAMESPACE_URL, "intake-dock:operator:dock")


def _ensure_default_operator(conn: Connection, station: StationInfo, clock: Clock) -> None:
    """The operator ``dock`` (role operator, no PIN): what scripts and a fresh station scan as."""
    if conn.execute(select(t.operators.c.id).where(t.operators.c.id == DEFAULT_OPERATOR_ID)).first():
        return
    conn.execute(insert(t.operators).values(
        id=DEFAULT_OPERATOR_ID, name=DEFAULT_OPERATOR, name_key=name_key(DEFAULT_OPERATOR),
        role=Role.OPERATOR.value, created_at=clock.now(), station_id=station.id))
