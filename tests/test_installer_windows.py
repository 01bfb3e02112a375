"""What is different on a Windows dock PC, tested without Windows.

The setup script (Inno Setup) cannot be compiled here: its invariants are checked as text (the
user's data is never touched, the version comes from the build). The code paths that differ run
here: database paths in Windows form, the station's folder, the frozen bundle's resources, serial
scanners on COM ports (a pseudo-terminal behind the name), printing through the Windows spooler
(with a stand-in for ``winspool.drv``, the one thing that cannot exist here).
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from sqlalchemy.engine import make_url

from installer.bundle import PROGRAMS
from installer.windows_setup import iscc_command, setup_file
from intake_app.app import IntakeApp
from intake_app.devices.serial_scanner import Port, PortError, ScannerStatus, SerialScanner, open_serial
from intake_app.errors import InputError
from intake_app.paths import Paths, default_paths, resources_dir
from intake_app.printing.config import parse_printer
from intake_app.printing.drivers import PrintData, PrinterRejected, PrinterStatus, PrinterUnavailable
from intake_app.printing.drivers.windows import WindowsDriver, status_from_flags
from intake_app.printing.drivers.winspool import DOC_INFO_1W, PRINTER_INFO_2W
from intake_app.services.context import Actor
from intake_app.settings import Settings
from intake_app.store.db import sqlite_url

from .conftest import REPO
from .test_print_spool import first_unit, use_printer
from .test_serial_scanner import Collector

ISS = (REPO / "installer" / "windows" / "intake-dock.iss").read_text(encoding="utf-8")


def iss_section(name: str) -> list[str]:
    m = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", ISS, re.M | re.S)
    return [ln for ln in (m.group(1).splitlines() if m else []) if ln.strip() and not ln.startswith(";")]


# -- the setup script -------------------------------------------------------------------------------


def test_the_setup_never_touches_a_users_station_data():
    assert not iss_section("UninstallDelete"), "uninstalling deletes nothing but what it installed"
    assert iss_section("InstallDelete") == ['Type: filesandordirs; Name: "{app}\\_internal"']
    code = [ln for ln in ISS.splitlines() if not ln.lstrip().startswith(";")]
    for constant in ("{localappdata}", "{userappdata}", "{commonappdata}", "{%LOCALAPPDATA", "DelTree", "DeleteFile"):
        assert not any(constant.lower() in ln.lower() for ln in code), constant
    path_entry = iss_section("Registry")
    assert len(path_entry) == 1 and '"Path"' in path_entry[0] and "{olddata};{app}" in path_entry[0]
    assert "uninsdelete" not in path_entry[0], "uninstalling must never delete the whole PATH"


def test_the_setup_installs_both_programs_and_a_start_menu_entry():
    assert iss_section("Files") == ['Source: "{#BundleDir}\\*"; DestDir: "{app}"; Flags: ignoreversion '
                                    'recursesubdirs createallsubdirs']
    icons = iss_section("Icons")
    assert icons[0].startswith('Name: "{autoprograms}\\Intake dock"; Filename: "{app}\\intake-app.exe"')
    assert "intake-app" in PROGRAMS and "intake" in PROGRAMS
    setup = dict(ln.split("=", 1) for ln in iss_section("Setup") if "=" in ln and not ln.startswith("#"))
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"]), "a fixed AppId"
    assert setup["AppVersion"] == "{#AppVersion}", "the version comes from the build, never typed here"
    assert setup["OutputBaseFilename"] == "intake-dock-{#AppVersion}-setup"
    assert setup["ChangesEnvironment"] == "yes" and setup["CloseApplications"] == "yes"


def test_the_setup_is_compiled_with_the_builds_version_and_absolute_paths():
    root = PureWindowsPath(r"C:\src\intake dock")
    cmd = iscc_command(r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe", root, root / "dist" / "intake-dock",
                       root / "dist", "1.2.0rc1", root / "build" / "icons" / "intake-dock.ico")
    assert cmd == [r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe", "/Qp", "/DAppVersion=1.2.0rc1",
                   r"/DBundleDir=C:\src\intake dock\dist\intake-dock", r"/DOutputDir=C:\src\intake dock\dist",
                   r"/DIconFile=C:\src\intake dock\build\icons\intake-dock.ico",
                   r"C:\src\intake dock\installer\windows\intake-dock.iss"]
    assert setup_file(Path("dist"), "1.2.0rc1").name == "intake-dock-1.2.0rc1-setup.exe"


def test_the_build_guide_names_the_commands():
    guide = (REPO / "installer" / "windows" / "BUILD.md").read_text(encoding="utf-8")
    for command in ("py -3.11 -m venv .venv", r".venv\Scripts\pip install -e .[package]",
                    r".venv\Scripts\python installer\build.py --setup", "%LOCALAPPDATA%\\intake-dock\\intake-dock"):
        assert command in guide, command


# -- paths ------------------------------------------------------------------------------------------

WINDOWS_PATHS = [
    r"C:\Users\Åsa Öberg\AppData\Local\intake-dock\intake-dock\intake.sqlite3",
    r"D:\Dock 1 (lager)\100%\intake.sqlite3",  # % is allowed in Windows folder names
    r"C:\Users\a%20b\intake.sqlite3",  # ... and must not be read as an escaped space
    r"\\lagret\dock$\intake.sqlite3",  # a share
]


@pytest.mark.parametrize("path", WINDOWS_PATHS)
def test_a_windows_database_path_survives_its_url(path: str):
    assert make_url(sqlite_url(PureWindowsPath(path))).database == path


def test_a_station_folder_with_percent_and_question_mark_opens_where_it_says(tmp_path: Path):
    folder = tmp_path / "dock 100%20 ?x"
    app = IntakeApp.open(paths=Paths(folder, folder), station="dock-1")
    try:
        assert app.database_path == folder / "intake.sqlite3" and app.database_path.is_file()
    finally:
        app.close()
    assert make_url(sqlite_url(PurePosixPath("/srv/a?b/x%41.db"))).database == "/srv/a?b/x%41.db"


def test_on_windows_a_station_lives_in_one_folder_under_local_app_data(monkeypatch: pytest.MonkeyPatch):
    """Where BUILD.md and the setup script say it is: ``%LOCALAPPDATA%\\intake-dock\\intake-dock``."""
    import platformdirs.windows

    local = r"C:\Users\Åsa Öberg\AppData\Local"
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", {"CSIDL_LOCAL_APPDATA": local}.__getitem__)
    monkeypatch.delenv("INTAKE_HOME", raising=False)
    paths = default_paths(platformdirs.windows.Windows)
    folder = PureWindowsPath(local) / "intake-dock" / "intake-dock"
    assert PureWindowsPath(str(paths.data_dir)) == PureWindowsPath(str(paths.config_dir)) == folder
    assert PureWindowsPath(str(paths.database_file)) == folder / "intake.sqlite3"
    assert PureWindowsPath(str(paths.backups_dir)) == folder / "backups"
    monkeypatch.setenv("INTAKE_HOME", r"D:\dock 2")
    assert default_paths(platformdirs.windows.Windows).database_file == Path(r"D:\dock 2") / "intake.sqlite3"


def test_a_frozen_application_finds_its_resources_in_the_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("INTAKE_RESOURCES", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert resources_dir() == tmp_path / "_internal" / "resources"


# -- serial scanners: COM ports ----------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["COM3", " COM12 ", "com4"])
def test_a_com_port_is_opened_by_the_name_typed_and_its_reads_arrive(pty_pair: tuple[int, str], typed: str):
    """Windows names a serial port COM3; pyserial opens it by that name. Here the name is handed to
    pyserial's opener unchanged and a real pseudo-terminal plays the scanner behind it."""
    master, tty_path = pty_pair
    opened: list[str] = []

    def opener(name: str, baud: int) -> Port:
        opened.append(name)
        return open_serial(tty_path, baud)  # where Windows would find COM3

    c = Collector()
    scanner = SerialScanner(typed, 9600, c.reads.put, c.statuses.put, opener=opener)
    scanner.start()
    try:
        assert c.wait_status(ScannerStatus.READY).port == typed.strip()
        os.write(master, "ASSET-ÅÄÖ7\r\n".encode())
        assert c.read() == "ASSET-ÅÄÖ7"
    finally:
        scanner.stop()
    assert opened == [typed.strip()]


def test_a_com_port_away_from_windows_is_an_error_status_not_a_crash():
    with pytest.raises(PortError, match="COM3"):
        open_serial("COM3", 9600)
    c = Collector()
    scanner = SerialScanner("COM3", 9600, c.reads.put, c.statuses.put, reconnect_s=0.05)
    scanner.start()
    try:
        report = c.wait_status(ScannerStatus.ERROR)
        assert report.port == "COM3" and "COM3" in report.detail
        c.wait_status(ScannerStatus.CONNECTING)  # and it keeps trying, as for an unplugged scanner
    finally:
        scanner.stop()
    assert scanner.status is ScannerStatus.STOPPED and c.reads.empty()


def test_the_settings_take_a_com_port(tmp_path: Path):
    settings = Settings.load(tmp_path / "settings.toml")
    settings.set("scanner.serial_port", "COM3")
    settings.save()
    assert Settings.load(tmp_path / "settings.toml").get("scanner.serial_port") == "COM3"


# -- printing through the Windows spooler -----------------------------------------------------------


class FakeSpooler:
    """Stands in for winspool.drv: printers by name with their status flags, jobs kept in order."""

    def __init__(self, printers: dict[str, int], default: str = "") -> None:
        self.printers = printers
        self.default = default
        self.jobs: list[tuple[str, str, bytes]] = []
        self.attributes = 0

    def default_printer(self) -> str:
        return self.default

    def status(self, printer: str) -> tuple[int, int]:
        if printer not in self.printers:
            raise _win_error(1801, "The printer name is invalid.")
        return self.printers[printer], self.attributes

    def write_raw(self, printer: str, title: str, data: bytes) -> int:
        if printer not in self.printers:
            raise _win_error(1801, "The printer name is invalid.")
        self.jobs.append((printer, title, data))
        return 40 + len(self.jobs)


def _win_error(code: int, text: str) -> OSError:
    exc = OSError(22, text)
    exc.winerror = code  # type: ignore[attr-defined]  # what ctypes.WinError sets on Windows
    return exc


def driver(spooler: FakeSpooler | None, printer: str = "Zebra ZD421", fmt: str = "zpl") -> WindowsDriver:
    config = parse_printer("dock", {"driver": "windows", "printer": printer, "format": fmt})
    return WindowsDriver(config, 2.0, spooler=spooler)


def job(data: bytes = b"^XA^FDhej^FS^XZ", fmt: str = "zpl") -> PrintData:
    return PrintData("0f1e2d3c4b5a69788796a5b4c3d2e1f0", data, fmt, "unit-U4KD00004217")


def test_a_job_goes_to_the_spooler_raw_and_its_job_id_is_the_acknowledgement():
    spooler = FakeSpooler({"Zebra ZD421": 0, "Kontor": 0}, default="Kontor")
    assert driver(spooler).send(job()) == "Zebra ZD421:41"
    assert spooler.jobs == [("Zebra ZD421", "unit-U4KD00004217-0f1e2d3c", b"^XA^FDhej^FS^XZ")]
    pdf = driver(spooler, printer="", fmt="pdf")
    assert pdf.address() == "windows:(default printer)"
    assert pdf.send(job(b"%PDF-1.4 ...", "pdf")) == "Kontor:42" and spooler.jobs[-1][2] == b"%PDF-1.4 ..."


@pytest.mark.parametrize("flags,attributes,status,detail", [
    (0, 0, PrinterStatus.READY, ""),
    (0x400, 0, PrinterStatus.PRINTING, ""),
    (0x10, 0, PrinterStatus.NO_MEDIA, "paper out"),
    (0x1 | 0x400000, 0, PrinterStatus.NO_MEDIA, "paused, door open"),
    (0x80, 0, PrinterStatus.CANNOT_CONNECT, "offline"),
    (0x10 | 0x80, 0, PrinterStatus.CANNOT_CONNECT, "offline"),
    (0, 0x400, PrinterStatus.CANNOT_CONNECT, "set to use the printer offline"),
    (0x20000, 0, PrinterStatus.READY, ""),  # toner low: still prints
])
def test_the_spoolers_status_flags_become_ours(flags: int, attributes: int, status: PrinterStatus, detail: str):
    state = status_from_flags(flags, attributes)
    assert (state.status, state.detail) == (status, detail)


def test_a_printer_that_needs_a_person_or_is_gone_keeps_the_job_for_later():
    spooler = FakeSpooler({"Zebra ZD421": 0x10})
    with pytest.raises(PrinterUnavailable, match="paper out"):
        driver(spooler).send(job())
    with pytest.raises(PrinterUnavailable, match="no such printer in Windows"):
        driver(spooler, printer="Zebra ZD420").send(job())
    with pytest.raises(PrinterUnavailable, match="Windows has no default printer"):
        driver(FakeSpooler({}), printer="").send(job())
    assert spooler.jobs == []
    assert driver(spooler, printer="Zebra ZD420").status().status is PrinterStatus.CANNOT_CONNECT


@pytest.mark.parametrize("name", ["Zebra ZD421", "Kontor 2:a vån (A4)", "\\\\lagret\\Zebra-1", "HP/Color"])
def test_windows_printer_names_are_accepted(name: str):
    assert parse_printer("p", {"driver": "windows", "printer": name}).options == {"printer": name}


@pytest.mark.parametrize("name", ["a,b", "Zebra!", "a\\b", "tab\there", "x" * 221, "\\\\\\Zebra", 42])
def test_garbage_printer_names_are_refused_with_a_clear_message(name: object):
    with pytest.raises(InputError, match="printer 'p': printer must be a printer's name as Windows shows it"):
        parse_printer("p", {"driver": "windows", "printer": name})


def test_away_from_windows_a_windows_printer_says_so_and_keeps_its_jobs(app: IntakeApp, people: dict[str, Actor],
                                                                       order: str):
    use_printer(app, {"driver": "windows", "printer": "Zebra ZD421", "format": "zpl"})
    listed = app.printing.printer_list()[0]
    assert (listed["status"], listed["detail"]) == ("cannot_connect", "the Windows print spooler exists only on Windows")
    result = app.printing.print_label(None, "unit", first_unit(app, order, people["anna"]))
    assert not result.sent and app.printing.spool.get(result.job.id).status == "queued"


def test_a_windows_printer_never_gets_a_format_it_cannot_take():
    with pytest.raises(InputError, match="format must be zpl or pdf"):
        parse_printer("p", {"driver": "windows", "format": "png"})
    assert not issubclass(PrinterRejected, PrinterUnavailable)


def test_the_spooler_structures_have_the_windows_x64_layout():
    # winspool.h on 64-bit Windows: PRINTER_INFO_2W is 13 pointers and 8 DWORDs (136 bytes), DOC_INFO_1W 3 pointers.
    assert ctypes.sizeof(ctypes.c_void_p) == 8, "the dock PCs and this machine are 64-bit"
    assert ctypes.sizeof(PRINTER_INFO_2W) == 136 and ctypes.sizeof(DOC_INFO_1W) == 24
    assert (PRINTER_INFO_2W.Attributes.offset, PRINTER_INFO_2W.Status.offset, PRINTER_INFO_2W.cJobs.offset) == (
        104, 124, 128)
