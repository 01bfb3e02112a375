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
        elif opt.type is bool and not isinstance(value, bool) or opt.type in (int, float) and isinstance(value, bool):
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
        values = {}
        for key, value in _flatten(raw).items():
            if key in _BY_KEY:
                values[key] = coerce(_BY_KEY[key], value)
        return cls(path, values)

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
        if self.path is None:
            return
        nested: dict[str, Any] = {"version": SETTINGS_VERSION}
        for key, value in sorted(self._values.items()):
            section, _, name = key.partition(".")
            nested.setdefault(section, {})[name] = value
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(tomli_w.dumps(nested), encoding="utf-8")
        os.replace(tmp, self.path)


def _flatten(raw: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, dict):
            out.update(_flatten(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out
