"""Fixtures for the sync tests: a fresh central database per test on the PostgreSQL server that
./run-tests starts, stations (SQLite) registered there with their own roles over verified TLS, and
a TCP proxy between station and server that a test can cut."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from intake_app.app import IntakeApp
from intake_app.clock import FixedClock
from intake_app.demo_data import fleet
from intake_app.paths import Paths
from intake_app.store import tables as t
from intake_app.sync.central import CentralConfig, init_central
from intake_app.sync.register import register_station
from intake_app.sync.secrets import FileStore
from intake_app.sync.syncer import Syncer

from .conftest import T0, require_service, write_manifest

PG_URL = os.environ.get("INTAKE_PG_URL", "")
PG_CA = os.environ.get("INTAKE_PG_CA", "")


def _pg_available() -> bool:
    if not PG_URL:
        return False
    u = make_url(PG_URL)
    try:
        socket.create_connection((u.host or "127.0.0.1", u.port or 5432), timeout=2).close()
        return True
    except OSError:
        return False


@dataclass
class Central:
    admin_url: str  # the superuser on the new database (what an administrator uses)
    name: str
    tmp: Path
    apps: list[IntakeApp] = field(default_factory=list)

    @property
    def tls(self) -> dict[str, Any]:
        return {"sslmode": "verify-full", "ca_file": PG_CA} if PG_CA else {"sslmode": "prefer"}

    def config(self, url: str | None = None) -> CentralConfig:
        tls = self.tls
        return CentralConfig(url or self.admin_url, tls["sslmode"], tls.get("ca_file"))

    def office(self, name: str = "office") -> IntakeApp:
        """The application opened directly on central (supervisors in the office do this)."""
        folder = self.tmp / f"central-{name}"
        folder.mkdir(exist_ok=True)
        app = IntakeApp.open(db_url=self.admin_url, station=name, paths=Paths(folder, folder),
                             clock=FixedClock(T0 - timedelta(days=1), timedelta(milliseconds=250)))
        self.apps.append(app)
        return app

    def count(self, table: str) -> int:
        engine = create_engine(self.admin_url)
        try:
            with engine.connect() as conn:
                return int(conn.execute(select(func.count()).select_from(t.__dict__[table])).scalar_one())
        finally:
            engine.dispose()


@contextlib.contextmanager
def empty_database() -> Iterator[str]:
    """A new, empty database on the test server (the superuser's URL); dropped with its roles after."""
    require_service("PostgreSQL (INTAKE_PG_URL)", _pg_available())
    name = f"intake_t{uuid.uuid4().hex[:10]}"
    server = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            roles = conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
                                 {"p": f"{name}\\_%"}).scalars().all()
            for role in roles:
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        server.dispose()


@pytest.fixture(name="central")
def central_fixture(tmp_path: Path) -> Iterator[Central]:
    with empty_database() as url:
        c = Central(url, str(make_url(url).database), tmp_path)
        init_central(c.config())
        try:
            yield c
        finally:
            for app in c.apps:
                app.close()


@dataclass
class Station:
    app: IntakeApp
    folder: Path
    central: Central

    @property
    def secrets(self) -> FileStore:
        return FileStore(self.folder / "secrets")

    def syncer(self, via: Proxy | None = None, **kwargs: Any) -> Syncer:
        url = self.app.settings.get("sync.central_url")
        cfg = CentralConfig.from_settings(self.app.settings, via.url(url) if via else None)
        return Syncer(self.app.ctx, cfg, secrets=self.secrets, **kwargs)

    def sync(self, via: Proxy | None = None, **kwargs: Any) -> Any:
        syncer = self.syncer(via, **kwargs)
        try:
            return syncer.run()
        finally:
            syncer.close()


@pytest.fixture(name="make_station")
def make_station_fixture(central: Central, tmp_path: Path) -> Iterator[Callable[..., Station]]:
    stations: list[Station] = []

    def make(name: str, *, register: bool = True, offset_s: int = 0) -> Station:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        clock = FixedClock(T0 + timedelta(seconds=offset_s), timedelta(milliseconds=250))
        app = IntakeApp.open(db_url=f"sqlite:///{folder / 'intake.sqlite3'}", station=name,
                             paths=Paths(folder, folder), clock=clock)
        for key, value in central.tls.items():
            app.settings.set(f"sync.{key}", value)
        station = Station(app, folder, central)
        if register:
            register_station(app.ctx, app.settings, central.config(), station.secrets)
            app.close()  # registration may have changed the station code: open it again
            station.app = IntakeApp.open(db_url=f"sqlite:///{folder / 'intake.sqlite3'}", station=name,
                                         paths=Paths(folder, folder), clock=clock)
        stations.append(station)
        return station

    yield make
    for s in stations:
        s.app.close()


class Proxy:
    """A TCP proxy between stations and PostgreSQL that a test can cut or take down.

    ``cut()`` closes every open connection at once (a cable pulled mid-transfer); ``down`` makes
    new connections fail (central unreachable); ``cut_after(n)`` cuts when n more bytes went by.
    """

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.down = False
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        self._budget: int | None = None
        self.cuts = 0
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, url: str) -> str:
        return make_url(url).set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.down:
                client.close()
                continue
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if self._spend(len(data)):
                    self.cut()
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()

    def _spend(self, n: int) -> bool:
        with self._lock:
            if self._budget is None:
                return False
            self._budget -= n
            if self._budget <= 0:
                self._budget = None
                return True
            return False

    def cut_after(self, n_bytes: int | None) -> None:
        """Cut every connection once ``n_bytes`` more have passed (None: stop cutting)."""
        with self._lock:
            self._budget = n_bytes

    def cut(self) -> None:
        with self._lock:
            conns, self._conns = self._conns, []
            self.cuts += 1
        for s in conns:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def close(self) -> None:
        self._stop = True
        self.listener.close()
        self.cut()


@pytest.fixture(name="proxy")
def proxy_fixture() -> Iterator[Proxy]:
    require_service("PostgreSQL (INTAKE_PG_URL)", _pg_available())
    u = make_url(PG_URL)
    p = Proxy((u.host or "127.0.0.1", u.port or 5432))
    yield p
    p.close()


def serials(n: int, seed: int) -> list[str]:
    return [u.serial for u in fleet(seed, n, "X")]


def seed_office(office: IntakeApp, tmp: Path, number: str, codes: list[str], customer: str = "Heby") -> Any:
    """Central's office creates the order ``number`` with ``codes`` as its expected serials."""
    if not any(o.name == "Sven Ekström" for o in office.operators.all()):
        office.operators.create(None, "Admin", "admin", "9753")
        admin = office.sign_in("Admin", "9753")
        office.operators.create(admin, "Sven Ekström", "supervisor", "2468")
    boss = office.sign_in("Sven Ekström", "2468")
    if not office.customers.all():
        office.customers.add(boss, "IT-centrum, gemensam IT-nämnd", "IT-centrum", "212000-0274")
        office.customers.add(boss, "Heby kommun", "Heby", "212000-0316", parent="IT-centrum")
        office.customers.add(boss, "Knivsta kommun", "Knivsta", "212000-3005", parent="IT-centrum")
    office.orders.create(boss, customer, number)
    rows = [[c, "", "Dell", "Latitude 5420", "Bärbar dator"] for c in codes]
    report = office.manifests.import_file(boss, number, write_manifest(tmp / f"{number}.csv", rows))
    assert report.units == len(codes), report.as_dict()
    return boss


def reconciliations(app: IntakeApp) -> dict[str, Any]:
    return {o.number: app.reconciler.reconcile(o.id)[0] for o in app.orders.all()}
