"""The dock PC's life with the Debian package: build, install, start, upgrade, remove.

Two real builds (``installer/build.py --deb``, in parallel): this tree, and a copy of it with the
version bumped (the next release). Then, as root with dpkg on this machine and a throwaway user:
install, start the programs from the installed files (the menu entry's command too), open an
older release's station database (migrated after a backup copy), install the next release over
it, remove and purge, and check that the user's database and settings are untouched throughout.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.version import Version

from installer.debian import deb_version
from intake_app.store.migrate import head_revision

from .conftest import REPO, require_service
from .sync_support import empty_database

PREFIX = Path("/opt/intake-dock")
OLD_DB = REPO / "tests" / "fixtures" / "db" / "intake-0001.sqlite3"
TOTALS_0001 = {"expected": 48, "received": 21, "matched": 20, "missing": 28, "extras": 1, "duplicates": 1,
               "wrong_order": 1}  # TB-2026-0001 in the stored revision-0001 database (tests/test_upgrades.py)
SKIP = (".venv", ".git", "dist", "build", "__pycache__", ".mypy_cache", ".ruff_cache", ".import_linter_cache",
        ".demo-station", "*.qm", "out")


@dataclass(frozen=True)
class Build:
    version: str
    bundle: Path
    deb: Path
    bundle_s: float
    deb_s: float

    @property
    def deb_version(self) -> str:
        return deb_version(self.version)


def bumped(version: str) -> str:
    v = Version(version)
    major, minor, micro = (list(v.release) + [0, 0])[:3]
    return f"{major}.{minor}.{micro + 1}"


def start_build(tree: Path, out: Path) -> subprocess.Popen[str]:
    out.mkdir(parents=True)
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(out / "pyinstaller-cache")}  # two builds at once
    return subprocess.Popen([sys.executable, str(tree / "installer" / "build.py"), "--deb", "--dist",
                             str(out / "dist"), "--work", str(out / "work")], cwd=tree, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish_build(proc: subprocess.Popen[str], version: str) -> Build:
    out, _ = proc.communicate(timeout=1800)
    assert proc.returncode == 0, out
    bundle = re.search(r"^bundle: (\S+) \(\d+ MB\) in (\d+) s$", out, re.M)
    deb = re.search(r"^package: (\S+) \(\d+ MB\) in (\d+) s$", out, re.M)
    assert bundle and deb, out
    return Build(version, Path(bundle[1]), Path(deb[1]), float(bundle[2]), float(deb[2]))


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    """(this release, the next one): both built by installer/build.py --deb, side by side."""
    require_service("PyInstaller (the 'package' extra)", importlib.util.find_spec("PyInstaller") is not None)
    require_service("dpkg-deb", shutil.which("dpkg-deb") is not None)
    import intake_app

    base = tmp_path_factory.mktemp("builds")
    newer = base / "next-release"
    shutil.copytree(REPO, newer, ignore=shutil.ignore_patterns(*SKIP))
    init = newer / "intake_app" / "__init__.py"
    next_version = bumped(intake_app.__version__)
    init.write_text(re.sub(r'__version__ = ".*"', f'__version__ = "{next_version}"', init.read_text()))
    started = time.monotonic()
    procs = [start_build(REPO, base / "this"), start_build(newer, base / "next")]
    this, nxt = finish_build(procs[0], intake_app.__version__), finish_build(procs[1], next_version)
    print(f"\ntwo builds side by side in {time.monotonic() - started:.0f} s; this one: bundle {this.bundle_s:.0f} s, "
          f"package {this.deb_s:.0f} s, {this.deb.stat().st_size / 1e6:.0f} MB .deb")
    return this, nxt


# -- helpers --------------------------------------------------------------------------------------------


def run(args: list[str], *, env: dict[str, str] | None = None, timeout: float = 120,
        check: bool = True) -> subprocess.CompletedProcess[str]:
    r = subprocess.run(args, capture_output=True, text=True, env=env, timeout=timeout, cwd="/")
    if check:
        assert r.returncode == 0, f"{args}: {r.stdout}\n{r.stderr}"
    assert "Traceback" not in r.stderr, r.stderr
    return r


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a desktop session gives a program: no INTAKE_* of the test run, no virtual environment."""
    return {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "USER": home.name,
            "QT_QPA_PLATFORM": "offscreen", **extra}


@dataclass
class User:
    name: str
    home: Path

    @property
    def data(self) -> Path:
        return self.home / ".local" / "share" / "intake-dock"

    @property
    def config(self) -> Path:
        return self.home / ".config" / "intake-dock"

    def run(self, args: list[str], timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
        return run(["runuser", "-u", self.name, "--", "env", "-i",
                    *[f"{k}={v}" for k, v in clean_env(self.home, **env).items()], *args], timeout=timeout)

    def json(self, args: list[str]) -> dict:
        return json.loads(self.run(args).stdout)

    def files(self) -> dict[str, str]:
        """Every file of the station (database, backups, settings) with its content's hash."""
        return {str(f.relative_to(self.home)): hashlib.sha256(f.read_bytes()).hexdigest()
                for folder in (self.data, self.config) for f in sorted(folder.rglob("*")) if f.is_file()}


@contextmanager
def throwaway_user() -> Iterator[User]:
    name = f"intake-t{os.getpid()}"
    run(["useradd", "--create-home", "--shell", "/bin/sh", name])
    try:
        yield User(name, Path(f"/home/{name}"))
    finally:
        run(["userdel", "--remove", name], check=False)


def installed_version() -> str | None:
    r = subprocess.run(["dpkg-query", "-W", "-f=${Status} ${Version}", "intake-dock"], capture_output=True, text=True)
    return r.stdout.split()[-1] if r.returncode == 0 and "install ok installed" in r.stdout else None


@contextmanager
def package_lifecycle() -> Iterator[None]:
    require_service("root (dpkg installs the package)", os.geteuid() == 0)
    if installed_version() is not None:
        pytest.fail("intake-dock is installed on this machine already; this test installs and purges it itself")
    try:
        yield
    finally:
        subprocess.run(["dpkg", "--purge", "intake-dock"], capture_output=True)


def dpkg_install(deb: Path) -> None:
    r = run(["dpkg", "--install", str(deb)], timeout=300)
    assert "warning" not in (r.stdout + r.stderr).lower(), r.stdout + r.stderr
    run(["dpkg", "--verify", "intake-dock"])  # every installed file as packaged


def package_files() -> set[str]:
    return set(run(["dpkg-query", "-L", "intake-dock"]).stdout.split("\n")) - {""}


def no_strays() -> None:
    """Running the programs wrote nothing into the installed folder (no __pycache__, no logs)."""
    on_disk = {str(p) for p in PREFIX.rglob("*")} | {str(PREFIX)}
    assert on_disk <= package_files(), sorted(on_disk - package_files())[:5]


def start_gui_until_it_is_up(user: User, command: list[str], wait_for: Callable[[], bool], **extra: str) -> None:
    """Start the dock application offscreen as the user; it must be running once ``wait_for()`` holds.

    (It counts as up when it opened the station database, migrated it, and is still running two
    seconds later: the menu's command has no way to say "started" other than staying up.)
    """
    env = [f"{k}={v}" for k, v in clean_env(user.home, **extra).items()]
    proc = subprocess.Popen(["runuser", "-u", user.name, "--", "env", "-i", *env, *command], cwd="/",
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not wait_for() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(2.0)
        assert proc.poll() is None, f"the application stopped: {proc.communicate()}"
        assert wait_for()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the whole group: xvfb-run, its X server, the application
        _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err and "Could not load the Qt platform plugin" not in err, err


def desktop_command() -> list[str]:
    entry = Path("/usr/share/applications/intake-dock.desktop").read_text(encoding="utf-8")
    exec_line = re.search(r"^Exec=(.*)$", entry, re.M)
    assert exec_line and "%" not in exec_line[1]
    return exec_line[1].split()


# -- the package ----------------------------------------------------------------------------------------


def test_the_package_holds_the_bundle_the_commands_and_a_menu_entry_and_no_scripts(builds: tuple[Build, Build]):
    this, nxt = builds
    assert nxt.deb.name == f"intake-dock_{nxt.deb_version}_{this.deb.name.rsplit('_', 1)[1]}"
    info = run(["dpkg-deb", "--info", str(this.deb)]).stdout
    assert f"Version: {this.deb_version}" in info and "Depends: libc6 (>= 2." in info and "libxcb-cursor0" in info
    control = run(["dpkg-deb", "--ctrl-tarfile", str(this.deb)]).stdout
    assert not re.search(r"\b(preinst|postinst|prerm|postrm|conffiles)\b", control), "no maintainer scripts"
    listing = run(["dpkg-deb", "--contents", str(this.deb)]).stdout.splitlines()
    paths = {line.split()[5].lstrip(".") for line in listing}
    assert {"/opt/intake-dock/intake", "/opt/intake-dock/intake-app", "/usr/share/applications/intake-dock.desktop",
            "/usr/share/icons/hicolor/scalable/apps/intake-dock.svg", "/usr/bin/intake",
            "/usr/share/icons/hicolor/256x256/apps/intake-dock.png", "/usr/share/doc/intake-dock/copyright",
            "/opt/intake-dock/_internal/intake_app/store/migrations/versions/0001_initial_schema.py",
            "/opt/intake-dock/_internal/resources/fonts/DejaVuSans.ttf"} <= paths
    assert not [p for p in paths if p.startswith(("/etc", "/home", "/root", "/var"))]
    assert all(" root/root " in line for line in listing)
    assert "lrwxrwxrwx root/root         0" in next(ln for ln in listing if ln.endswith("/usr/bin/intake-app -> "
                                                                                          "/opt/intake-dock/intake-app"))


def test_the_frozen_programs_run_every_part_of_the_engine(builds: tuple[Build, Build], tmp_path: Path):
    """Straight from the bundle (no installation): demo data, scanning, labels, receipts, decoding, PostgreSQL."""
    this, _ = builds
    intake = str(this.bundle / "intake")
    env = clean_env(tmp_path, INTAKE_HOME=str(tmp_path / "station"))
    assert run([intake, "--version"], env=env).stdout.strip() == f"intake, version {this.version}"
    demo = json.loads(run([intake, "demo", "--json"], env=env).stdout)
    assert [o["number"] for o in demo["orders"]] == [f"TB-2026-000{i}" for i in range(1, 6)]
    codes = (REPO / "resources" / "demo" / "pallet-TB-2026-0001.txt").read_text()
    scans = [json.loads(line) for line in subprocess.run(
        [intake, "scan", "--order", "TB-2026-0001"], input=codes, capture_output=True, text=True, env=env,
        check=True).stdout.splitlines()]  # GS1 codes through biip, serials through the matcher
    assert scans[0]["outcome"] == "pallet" and sum(s["outcome"] == "matched" for s in scans) == 20
    unit = next(s["unit"]["internal_id"] for s in scans if s["outcome"] == "matched")
    run([intake, "label", "unit", unit, "--format", "pdf", "--out", str(tmp_path / "label.pdf")], env=env)
    run([intake, "label", "unit", unit, "--format", "zpl", "--out", str(tmp_path / "label.zpl")], env=env)
    assert (tmp_path / "label.zpl").read_bytes().startswith(b"^XA")
    run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(tmp_path / "label.pdf"), str(tmp_path / "label")])
    decoded = json.loads(run([intake, "decode", str(tmp_path / "label.png"), "--json"], env=env).stdout)
    assert unit in [c["text"] for c in decoded["codes"]], "OpenCV and zxing-cpp read the frozen reportlab label"
    run([intake, "receipt", "TB-2026-0001", "--lang", "sv", "--out", str(tmp_path / "kvitto.pdf")], env=env)
    text = run(["pdftotext", "-layout", str(tmp_path / "kvitto.pdf"), "-"]).stdout
    assert "Mottagningskvitto" in text and "Heby" in text and "CO2e" in text
    with empty_database() as url:  # the central database's driver (psycopg) and Alembic on PostgreSQL
        assert "TB-2026-0003" in run([intake, "--db", url, "--station", "office", "demo"], env=env).stdout
    bad = run([intake, "scan", "--order", "TB-2099-0001"], env=env, check=False)
    assert bad.returncode == 2 and bad.stderr.startswith("intake: ")


def test_the_package_installs_upgrades_and_removes_keeping_the_stations_data(builds: tuple[Build, Build]):
    this, nxt = builds
    with package_lifecycle(), throwaway_user() as user:
        dpkg_install(this.deb)
        assert installed_version() == this.deb_version
        assert shutil.which("intake") == "/usr/bin/intake" and shutil.which("intake-app") == "/usr/bin/intake-app"
        assert user.run(["intake", "--version"]).stdout.strip() == f"intake, version {this.version}"
        assert user.run(["intake-app", "--version"]).stdout.strip() == f"intake-app, version {this.version}"

        # a second station folder: intake demo
        assert "TB-2026-0005" in user.run(["intake", "demo"], INTAKE_HOME=str(user.home / "demo-station")).stdout

        # the user's station as an older release left it: its database and its settings
        for folder in (user.data, user.config):
            folder.mkdir(parents=True)
        shutil.copy(OLD_DB, user.data / "intake.sqlite3")
        (user.config / "settings.toml").write_text(
            'version = 1\n\n[station]\nname = "dock-7"\n\n[printing]\nlabel_printer = "arkiv"\n\n'
            f'[printing.printers.arkiv]\ndriver = "folder"\npath = "{user.home}/etiketter"\nformat = "pdf"\n',
            encoding="utf-8")
        run(["chown", "-R", f"{user.name}:{user.name}", str(user.home)])
        settings_before = (user.config / "settings.toml").read_bytes()

        # started from the menu entry's command: the old database is backed up, then migrated
        start_gui_until_it_is_up(user, desktop_command(), wait_for=(user.data / "backups").exists)
        backups = sorted((user.data / "backups").iterdir())
        assert [b.name.split("-2")[0] for b in backups] == ["intake-before-upgrade-from-0001"]
        assert station_facts(backups[0]) == station_facts(OLD_DB) == (89, 21, "0001")
        assert user.json(["intake", "reconcile", "TB-2026-0001", "--json"])["totals"] == TOTALS_0001
        printers = user.json(["intake", "printers", "list", "--no-status", "--json"])
        assert [p["name"] for p in printers] == ["arkiv"], "the user's settings are read"
        no_strays()

        # the next release over this one
        before = user.files()
        dpkg_install(nxt.deb)
        assert installed_version() == nxt.deb_version
        assert user.run(["intake", "--version"]).stdout.strip() == f"intake, version {nxt.version}"
        assert user.files() == before, "installing touches no station file"
        assert user.json(["intake", "reconcile", "TB-2026-0001", "--json"])["totals"] == TOTALS_0001
        start_gui_until_it_is_up(user, desktop_command(), wait_for=(user.data / "intake.sqlite3").exists)
        assert len(list((user.data / "backups").iterdir())) == 1, "same schema: no second backup"
        no_strays()

        # removed, then purged: the programs go, the station stays
        before = user.files()
        run(["dpkg", "--remove", "intake-dock"])
        assert not PREFIX.exists() and not Path("/usr/bin/intake").exists()
        assert not Path("/usr/share/applications/intake-dock.desktop").exists()
        run(["dpkg", "--purge", "intake-dock"])
        assert installed_version() is None
        assert user.files() == before and (user.config / "settings.toml").read_bytes() == settings_before
        assert station_facts(user.data / "intake.sqlite3") == (89, 21, head_revision())


def station_facts(db: Path) -> tuple[int, int, str]:
    """(scans, units received on TB-2026-0001, schema revision), read from a copy: opening a WAL database,
    even read-only, makes files beside it, and the user's folder gets none of root's."""
    copy = Path(tempfile.mkdtemp()) / db.name
    for f in db.parent.glob(f"{db.name}*"):
        shutil.copy(f, copy.parent / f.name)
    con = sqlite3.connect(copy)
    try:
        scans = con.execute("select count(*) from scans").fetchone()[0]
        units = con.execute("select count(*) from units u join orders o on o.id = u.order_id "
                            "where o.number = 'TB-2026-0001'").fetchone()[0]
        return scans, units, con.execute("select version_num from alembic_version").fetchone()[0]
    finally:
        con.close()
        shutil.rmtree(copy.parent)


def test_the_installed_application_shows_every_screen_in_swedish(builds: tuple[Build, Build]):
    """``intake-app --screenshots`` from the installed files: every page and dialog rendered on demo data
    (the Swedish translation, the icons, QtCharts on the reconciliation page, the receipt's PDF through
    QtPdf, the About box with the version), every library it loads covered by the Depends, and the user's own station untouched."""
    from PIL import Image

    from .test_ui_screenshots import EXPECTED

    this, _ = builds
    with package_lifecycle(), throwaway_user() as user:
        dpkg_install(this.deb)
        shots, trace = user.home / "shots", user.home / "ld-trace"
        for folder in (shots, trace):
            folder.mkdir()
        run(["chown", user.name, str(shots), str(trace)])
        out = user.run(["intake-app", "--screenshots", str(shots), "--lang", "sv"], timeout=300, LD_DEBUG="files",
                       LD_DEBUG_OUTPUT=str(trace / "s")).stdout
        assert sorted(p.stem for p in shots.glob("*.png")) == [f"sv-{n}" for n in EXPECTED], out
        named = [next(n for n in EXPECTED if n.endswith(end)) for end in ("-dialog-receipt-pdf", "-dialog-about")]
        for name in ("02-orders", "12-reconcile", *named):
            with Image.open(shots / f"sv-{name}.png") as img:
                assert len(img.convert("RGB").resize((64, 36)).getcolors(maxcolors=4096) or []) > 20, name
        loaded = loaded_libraries(trace, "*")
        assert any("libQt6Charts.so" in p for p in loaded), "the chart was drawn"
        assert any("libQt6Pdf.so" in p for p in loaded), "the receipt was shown as its PDF"
        assert_depends_cover(loaded)
        assert not user.data.exists() and not user.config.exists(), "a throwaway demo station, not the user's"
        no_strays()


# -- system libraries ------------------------------------------------------------------------------------


def test_the_package_depends_on_every_system_library_the_programs_load(builds: tuple[Build, Build]):
    """Run the installed programs with the dynamic linker reporting every library it loads: each one
    from outside the bundle must come from a package that the .deb's Depends bring in."""
    this, _ = builds
    with package_lifecycle(), throwaway_user() as user:
        dpkg_install(this.deb)
        trace = user.home / "ld-trace"
        trace.mkdir()
        run(["chown", user.name, str(trace)])
        ld = {"LD_DEBUG": "files", "LD_DEBUG_OUTPUT": str(trace / "t")}
        station = str(user.home / "station")
        user.run(["intake", "demo"], INTAKE_HOME=station, **ld)
        user.run(["intake", "receipt", "TB-2026-0003", "--out", str(user.home / "r.pdf")], INTAKE_HOME=station, **ld)
        run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(user.home / "r.pdf"), str(user.home / "r")])
        user.run(["intake", "decode", str(user.home / "r.png")], INTAKE_HOME=station, **ld)
        start_gui_until_it_is_up(user, ["intake-app"], wait_for=(user.data / "intake.sqlite3").exists, **ld)
        xcb = f"QT_QPA_PLATFORM=xcb LD_DEBUG=files LD_DEBUG_OUTPUT={trace / 'x'} INTAKE_HOME={station} exec intake-app"
        start_gui_until_it_is_up(user, ["xvfb-run", "-a", "sh", "-c", xcb],  # an X11 desktop
                                 wait_for=lambda: any("libqxcb.so" in p for p in loaded_libraries(trace, "x.*")))
        loaded = loaded_libraries(trace, "*")
        assert any("libqxcb.so" in p for p in loaded), "the X11 run loaded Qt's xcb platform"
        assert_depends_cover(loaded)


def assert_depends_cover(loaded: set[str]) -> None:
    """Every library loaded from outside the bundle comes from a package the .deb's Depends bring in."""
    system = sorted(p for p in loaded if not p.startswith(str(PREFIX)))
    assert system, "the C library at least"
    owners = {path: owner(path) for path in system}
    allowed = depends_closure(run(["dpkg-query", "-W", "-f=${Depends}", "intake-dock"]).stdout)
    missing = {path: pkg for path, pkg in owners.items() if pkg not in allowed}
    assert not missing, f"loaded from packages the .deb does not depend on: {missing}"


def loaded_libraries(trace: Path, pattern: str) -> set[str]:
    """The files the dynamic linker initialised, from its LD_DEBUG=files reports."""
    return {line.rsplit(" ", 1)[1] for f in trace.glob(pattern) for line in f.read_text().splitlines()
            if "calling init: " in line}


def owner(path: str) -> str:
    candidates = [path, os.path.realpath(path)]
    candidates += ["/usr" + c for c in candidates if c.startswith(("/lib/", "/lib64/"))]
    for c in candidates:
        r = subprocess.run(["dpkg-query", "-S", c], capture_output=True, text=True)
        if r.returncode == 0:
            return r.stdout.split(":")[0]
    raise AssertionError(f"{path} belongs to no installed package")


def depends_closure(depends: str) -> set[str]:
    """Every installed package a Depends field brings in, following Depends and Pre-Depends (every
    installed alternative, virtual packages through Provides)."""
    rows = run(["dpkg-query", "-W", "-f=${db:Status-Abbrev}\t${Package}\t${Provides}\t${Depends}, ${Pre-Depends}\n"])
    deps: dict[str, str] = {}
    providers: dict[str, set[str]] = {}
    for line in rows.stdout.splitlines():
        status, pkg, provides, field = line.split("\t")
        if not status.startswith("ii"):
            continue
        deps[pkg] = field
        for p in names(provides):
            providers.setdefault(p, set()).add(pkg)
    seen: set[str] = set()
    todo = names(depends)
    while todo:
        name = todo.pop()
        for pkg in ({name} if name in deps else set()) | providers.get(name, set()):
            if pkg not in seen:
                seen.add(pkg)
                todo += names(deps[pkg])
    return seen


def names(field: str) -> list[str]:
    """Package names in a Depends-like field, alternatives included, versions and architectures dropped."""
    return [alt.split()[0].split(":")[0] for group in field.split(",") for alt in group.split("|") if alt.strip()]
