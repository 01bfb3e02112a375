"""Shared fixtures: a fresh station database per test, a fixed clock, signed-in people.

Services the tests need (PostgreSQL, CUPS) are started by ./run-tests, which also sets
INTAKE_REQUIRE_SERVICES=1: then a missing service fails the test instead of skipping it.
"""

from __future__ import annotations

import contextlib
import os
import pty
import tty
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

import pytest

from intake_app.app import IntakeApp
from intake_app.clock import FixedClock
from intake_app.paths import Paths
from intake_app.services.context import Actor

REPO = Path(__file__).resolve().parent.parent
T0 = datetime(2026, 3, 9, 7, 30, tzinfo=UTC)


def require_service(name: str, available: bool) -> None:
    """Skip a test that needs an absent service on a developer's machine; fail it under run-tests/CI."""
    if available:
        return
    if os.environ.get("INTAKE_REQUIRE_SERVICES"):
        pytest.fail(f"{name} is required here (INTAKE_REQUIRE_SERVICES=1) but not available")
    pytest.skip(f"{name} not available (./run-tests starts it)")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    h = tmp_path / "station"
    h.mkdir()
    monkeypatch.setenv("INTAKE_HOME", str(h))
    for var in ("INTAKE_DB", "INTAKE_STATION", "INTAKE_OPERATOR", "INTAKE_PIN"):
        monkeypatch.delenv(var, raising=False)
    return h


@pytest.fixture
def make_app(tmp_path: Path) -> Iterator[Callable[..., IntakeApp]]:
    apps: list[IntakeApp] = []

    def make(station: str = "dock-1", db: Path | None = None, clock: FixedClock | None = None) -> IntakeApp:
        folder = tmp_path / station
        folder.mkdir(exist_ok=True)
        paths = Paths(folder, folder)
        app = IntakeApp.open(db_url=f"sqlite:///{db or folder / 'intake.sqlite3'}", station=station, paths=paths,
                             clock=clock or FixedClock(T0, timedelta(milliseconds=250)))
        apps.append(app)
        return app

    yield make
    for a in apps:
        a.close()


@pytest.fixture
def app(make_app: Callable[..., IntakeApp]) -> IntakeApp:
    return make_app()


@pytest.fixture
def people(app: IntakeApp) -> dict[str, Actor]:
    """admin, boss (supervisor), anna (operator with PIN), dock (operator without PIN)."""
    app.operators.create(None, "Admin", "admin", "9753")
    admin = app.sign_in("Admin", "9753")
    app.operators.create(admin, "Sven Ekström", "supervisor", "2468")
    app.operators.create(admin, "Anna Lindqvist", "operator", "1357")
    return {"admin": admin, "boss": app.sign_in("Sven Ekström", "2468"),
            "anna": app.sign_in("Anna Lindqvist", "1357"), "dock": app.sign_in("dock")}


def write_manifest(path: Path, rows: list[list[str]], header: list[str] | None = None, *, delimiter: str = ";",
                   encoding: str = "utf-8", newline: str = "\n") -> Path:
    header = header or ["Serienummer", "Inventarienummer", "Tillverkare", "Modell", "Kategori"]
    lines = [delimiter.join(header)] + [delimiter.join(r) for r in rows]
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


@pytest.fixture
def customer(app: IntakeApp, people: dict[str, Actor]) -> str:
    app.customers.add(people["boss"], "IT-centrum, gemensam IT-nämnd", "IT-centrum", "212000-0274")
    app.customers.add(people["boss"], "Heby kommun", "Heby", "212000-0316", parent="IT-centrum")
    app.customers.add(people["boss"], "Knivsta kommun", "Knivsta", "212000-3005", parent="IT-centrum")
    return "Heby"


SERIALS = ["4TJB67G", "5CD821M1EN", "SJRXL7W", "PF2ABC3D", "C02XK0JHJG5H", "8CC311R279", "LK3L8MQ", "MJ70CWU1"]


@pytest.fixture
def order(app: IntakeApp, people: dict[str, Actor], customer: str, tmp_path: Path) -> str:
    """TB-2026-0001 for Heby with eight laptops/monitors (serials in SERIALS) and a count line of mice."""
    app.orders.create(people["boss"], customer, "TB-2026-0001", "Heby skolor v.10")
    rows = [[s, f"HEB-{1000 + i:06d}", "Dell", "Latitude 5420", "Bärbar dator" if i < 6 else "Bildskärm"]
            for i, s in enumerate(SERIALS)]
    path = write_manifest(tmp_path / "heby.csv", rows)
    report = app.manifests.import_file(people["boss"], "TB-2026-0001", path)
    assert report.units == 8 and report.error_count == 0, report.as_dict()
    mice = write_manifest(tmp_path / "heby-mice.csv", [["Logitech", "Mus", "24"]],
                          ["Tillverkare", "Kategori", "Antal"])
    assert app.manifests.import_file(people["boss"], "TB-2026-0001", mice).count_lines == 1
    return "TB-2026-0001"


# -- the dock application (pytest-qt, offscreen); Qt is imported only by the tests that use it ----------


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .ui_support import build_demo_template

    return build_demo_template(tmp_path_factory.mktemp("demo-template"))


@pytest.fixture
def demo_engine(demo_template: Path, tmp_path: Path) -> Iterator[IntakeApp]:
    from .ui_support import open_demo_copy

    engine = open_demo_copy(demo_template, tmp_path / "station")
    yield engine
    engine.close()


@pytest.fixture
def shell(qtbot, demo_engine: IntakeApp):  # noqa: ANN001,ANN201 - pytest-qt fixture
    from .ui_support import start_shell, stop_shell

    s = start_shell(qtbot, demo_engine)
    yield s
    stop_shell(s)


@pytest.fixture
def pty_pair() -> Iterator[tuple[int, str]]:
    """A serial scanner stand-in: the scanner's end (master fd) and the port path the application
    opens (the slave side of a pseudo-terminal, in raw mode like a serial line)."""
    master, slave = pty.openpty()
    tty.setraw(slave)
    yield master, os.ttyname(slave)
    for fd in (master, slave):
        with contextlib.suppress(OSError):
            os.close(fd)
