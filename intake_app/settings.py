"""Settings: every option declared once, with type, default, check and a line of help.

Stored as TOML in the station's config directory. A file that cannot be read, or a value of
the wrong type, is reported with the option's name and nothing is changed. The file carries a
``version``; :data:`UPGRADES` turns older files into the current shape (Picard's pattern).
How to add a setting: declare an :class:`Option` in :data:`OPTIONS` (README, "Add a setting").
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from .errors import InputError
from .paths import resources_dir

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    help: str
    choices: tuple[Any, ...] | None = None
    check: Callable[[Any], str | None] | None = None
    env: str | None = None  # an environment variable that overrides the file


def _positive(v: float) -> str | None:
    return None if v > 0 else "must be greater than 0"


def _central_url(v: str) -> str | None:
    if v and not v.startswith(("postgresql", "postgres:")):
        return "the central database URL looks like postgresql+psycopg://role@host:5432/intake"
    return None


def _batch(v: int) -> str | None:
    return None if 1 <= v <= 100_000 else "must be between 1 and 100000"


def _fraction(v: float) -> str | None:
    return None if 0.1 <= v <= 1.0 else "must be between 0.1 and 1.0 (a fraction of the frame)"


def _at_least_one(v: int) -> str | None:
    return None if v >= 1 else "must be 1 or more"


def _not_negative(v: float) -> str | None:
    return None if v >= 0 else "must be 0 or more"


def _camera_device(v: str) -> str | None:
    return None if v.strip() else "give a camera number (0, 1...) or a video file or image folder"
def _label_size(v: str) -> str | None:
    from .printing.content import LabelSize

    try:
        LabelSize.parse(v)
    except InputError as exc:
        return exc.message
    return None


def _printers(v: dict[str, Any]) -> str | None:
    from .printing.config import check_printers

    return check_printers(v)


def _printer_name(v: str) -> str | None:
    return None if not v or v.replace("-", "").replace("_", "").replace(".", "").isalnum() else \
        "a printer name has letters, digits, _ . - (one of printing.printers)"


def _timezone(v: str) -> str | None:
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(v)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return "an IANA time zone, e.g. Europe/Stockholm"
    return None


def _db_url(v: str) -> str | None:
    if v and "://" not in v:
        return "a database URL looks like sqlite:////path/intake.sqlite3 or postgresql+psycopg://host/db"
    return None


def _language(v: str) -> str | None:
    """English is the source language; any other needs its translation in resources/translations."""
    folder = resources_dir() / "translations"
    if v == "en" or (folder / f"intake_{v}.ts").is_file() or (folder / f"intake_{v}.qm").is_file():
        return None
    return f"no translation for {v!r} (resources/translations/intake_{v}.ts)"


OPTIONS: tuple[Option, ...] = (
    Option("database.url", str, "", "Station database URL; empty: the SQLite file in the data folder",
           check=_db_url, env="INTAKE_DB"),
    Option("station.name", str, "", "This station's name; empty: the computer's host name", env="INTAKE_STATION"),
    Option("operator.default", str, "dock", "Operator used by the command line when none is given",
           env="INTAKE_OPERATOR"),
    Option("ui.language", str, "sv", "Language of the dock screens (sv, en, ...)", check=_language),
    Option("ui.fullscreen", bool, False, "Start the dock application full-screen"),
    Option("receiving.blind", bool, False, "Blind receiving: operators do not see what is expected"),
    Option("receiving.auto_print", bool, True, "Print the unit label when a unit is received"),
    Option("receiving.sounds", bool, True, "Play a sound for every scan outcome"),
    Option("scanner.prefix", str, "", "Characters the handheld scanner sends before each code"),
    Option("scanner.suffix", str, "", "Characters the scanner sends after each code (besides Enter/Tab)"),
    Option("scanner.max_key_interval_ms", float, 35.0, "Longest gap between keystrokes of one scan",
           check=_positive),
    Option("scanner.min_length", int, 4, "Shortest code a scanner burst carries; shorter fast bursts are typing",
           check=_positive),
    Option("scanner.serial_port", str, "", "Serial scanner port (e.g. /dev/ttyACM0 or COM3); empty: none"),
    Option("scanner.serial_baud", int, 9600, "Serial scanner speed", check=_positive),
    Option("sync.central_url", str, "", "Central PostgreSQL URL, without password (kept in the keyring)",
           check=_central_url, env="INTAKE_CENTRAL_URL"),
    Option("sync.sslmode", str, "prefer", "TLS to central: verify-full checks the server's certificate and name",
           choices=("disable", "allow", "prefer", "require", "verify-ca", "verify-full"),
           env="INTAKE_CENTRAL_SSLMODE"),
    Option("sync.ca_file", str, "", "CA certificate file that signed central's certificate (verify-ca/-full)",
           env="INTAKE_CENTRAL_CA_FILE"),
    Option("sync.connect_timeout", int, 5, "Seconds to wait for central before calling it unreachable",
           check=_positive),
    Option("sync.interval_seconds", float, 60.0, "Background sync: seconds between syncs", check=_positive),
    Option("sync.batch_rows", int, 2000, "Rows per sync batch (one transaction each way)", check=_batch),
    # Camera: defaults for a 720p USB webcam (a 1080p one: width 1920, height 1080; see README).
    Option("camera.enabled", bool, False, "Use a camera as a scanner on the receiving page"),
    Option("camera.device", str, "0", "Camera number (0 = the first), or a video file / image folder to replay",
           check=_camera_device, env="INTAKE_CAMERA"),
    Option("camera.width", int, 1280, "Camera frame width in pixels", check=_positive),
    Option("camera.height", int, 720, "Camera frame height in pixels", check=_positive),
    Option("camera.fps", float, 30.0, "Frames per second asked of the camera", check=_positive),
    Option("camera.exposure", float, 0.0, "Manual exposure in the camera's units; 0: automatic",
           check=_not_negative),
    Option("camera.focus", float, -1.0, "Manual focus in the camera's units; -1: autofocus"),
    Option("camera.aim_box", bool, True, "Decode only the aim box in the middle of the view"),
    Option("camera.aim_width", float, 0.6, "Aim box width as a fraction of the frame", check=_fraction),
    Option("camera.aim_height", float, 0.6, "Aim box height as a fraction of the frame", check=_fraction),
    Option("camera.frames_needed", int, 2, "Frames a code must be read in before it scans (1 if it validates)",
           check=_at_least_one),
    Option("camera.holdoff_s", float, 2.0, "Seconds a scanned code must be out of view before it scans again",
           check=_not_negative),
    Option("camera.invert", bool, False, "Also read light-on-dark codes (slower)"),
    Option("camera.fallback", bool, True, "Try ZBar on frames zxing-cpp cannot read (reads confirmed first)"),
    Option("camera.workers", int, 2, "Decoding threads (one per processor core)", check=_at_least_one),
    Option("printing.printers", dict, {}, "Printers by name: driver (tcp, cups, folder, windows, null), format (zpl, pdf), "
           "dpi and the driver's options (README, Printing)", check=_printers),
    Option("printing.label_printer", str, "", "Printer for unit and pallet labels; empty: none",
           check=_printer_name),
    Option("printing.receipt_printer", str, "", "Printer for receipts; empty: none", check=_printer_name),
    Option("printing.unit_label_size", str, "57x32", "Unit label size in mm, width x height", check=_label_size),
    Option("printing.pallet_label_size", str, "101.6x152.4", "Pallet label size in mm (4 x 6 in)",
           check=_label_size),
    Option("printing.label_language", str, "sv", "Language of label texts", choices=("sv", "en")),
    Option("printing.receipt_language", str, "sv", "Language of receipts", choices=("sv", "en")),
    Option("printing.receiver_name", str, "", "Our company's name on the receipt's 'received by' block"),
    Option("printing.timezone", str, "Europe/Stockholm", "Time zone of dates on labels and receipts",
           check=_timezone),
    Option("printing.auto_print_receipt", bool, True, "Print the final receipt at sign-off (receipt printer)"),
    Option("printing.retry_initial_s", float, 2.0, "First wait before retrying a printer that is down",
           check=_positive),
    Option("printing.retry_max_s", float, 120.0, "Longest wait between retries", check=_positive),
    Option("printing.timeout_s", float, 10.0, "How long to wait for a printer or CUPS to answer",
           check=_positive),
)
_BY_KEY = {o.key: o for o in OPTIONS}

# version -> function that upgrades a raw dict from that version to the next
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def option(key: str) -> Option:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise InputError(f"unknown setting {key!r}") from None


def coerce(opt: Option, value: Any) -> Any:
    """``value`` as the option's type, or an :class:`InputError` naming the option."""
    try:
        if opt.type is bool and isinstance(value, str):
            lowered = value.strip().lower()
            if lowered not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
                raise ValueError(value)
            value = lowered in ("true", "1", "yes", "on")
        elif opt.type is bool and not isinstance(value, bool) or opt.type in (int, float) and isinstance(value, bool) or opt.type is dict and not isinstance(value, dict):
            raise ValueError(value)
        else:
            value = opt.type(value)
    except (TypeError, ValueError):
        raise InputError(f"setting {opt.key}: {value!r} is not a valid {opt.type.__name__}") from None
    if opt.choices is not None and value not in opt.choices:
        raise InputError(f"setting {opt.key}: {value!r} is not one of {', '.join(map(str, opt.choices))}")
    problem = opt.check(value) if opt.check else None
    if problem:
        raise InputError(f"setting {opt.key}: {problem}")
    return value


class Settings:
    """The station's settings: file values over defaults, environment over both."""

    def __init__(self, path: Path | None, values: dict[str, Any] | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = dict(values or {})
        self._unknown: dict[str, Any] = {}

    @classmethod
    def load(cls, path: Path) -> Settings:
        if not path.exists():
            return cls(path)
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"settings file {path} cannot be read: {exc}") from None
        version = raw.pop("version", SETTINGS_VERSION)
        if not isinstance(version, int) or version > SETTINGS_VERSION:
            raise InputError(f"settings file {path} has version {version!r}, newer than this program")
        while version < SETTINGS_VERSION:
            raw = UPGRADES[version](raw)
            version += 1
        values, unknown = {}, {}
        for key, value in _flatten(raw).items():
            if key in _BY_KEY:
                values[key] = coerce(_BY_KEY[key], value)
            else:
                unknown[key] = value  # kept as written: a newer version's setting survives a save
        settings = cls(path, values)
        settings._unknown = unknown
        return settings

    def get(self, key: str) -> Any:
        opt = option(key)
        if opt.env and os.environ.get(opt.env):
            return coerce(opt, os.environ[opt.env])
        return self._values.get(key, opt.default)

    def set(self, key: str, value: Any) -> None:
        self._values[key] = coerce(option(key), value)

    def as_dict(self) -> dict[str, Any]:
        return {o.key: self.get(o.key) for o in OPTIONS}

    def save(self) -> None:
        """Write the settings file (tables such as ``printing.printers`` nest under their section)."""
        if self.path is None:
            return
        nested: dict[str, Any] = {"version": SETTINGS_VERSION}
        for key, value in sorted({**self._unknown, **self._values}.items()):
            section, _, name = key.partition(".")
            nested.setdefault(section, {})[name] = value
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(tomli_w.dumps(nested), encoding="utf-8")
        os.replace(tmp, self.path)


def _flatten(raw: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in raw.items():
        opt = _BY_KEY.get(f"{prefix}{key}")
        if isinstance(value, dict) and not (opt and opt.type is dict):  # a dict option is one value
            out.update(_flatten(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out
