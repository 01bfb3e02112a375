"""Where a station keeps its central password: the platform keyring, else a file only the user can read.

The settings file holds the central URL without a password. The password is stored under a key
naming the role and the database (``role@database``), never printed and never logged.
Where no keyring is available (a headless Linux dock PC has no Secret Service), the fallback is a
file in the config folder with mode 0600 in a 0700 folder; a secret file that others can read is
refused, not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import stat
from pathlib import Path
from typing import Any, Protocol

import keyring
import keyring.errors
from keyring.backends import fail

from ..errors import InputError

SERVICE = "intake-dock"
log = logging.getLogger(__name__)


class SecretStore(Protocol):
    description: str

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, secret: str) -> None: ...

    def delete(self, key: str) -> None: ...


class KeyringStore:
    """The platform keyring (Windows Credential Manager, macOS Keychain, Secret Service, KWallet)."""

    def __init__(self, backend: Any | None = None) -> None:
        self.backend = backend or keyring.get_keyring()
        self.description = f"keyring ({type(self.backend).__name__})"

    def get(self, key: str) -> str | None:
        value = self.backend.get_password(SERVICE, key)
        return value if isinstance(value, str) else None

    def set(self, key: str, secret: str) -> None:
        self.backend.set_password(SERVICE, key, secret)

    def delete(self, key: str) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self.backend.delete_password(SERVICE, key)


class FileStore:
    """One file per secret, readable and writable by this user only."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.description = f"file ({folder})"

    def _path(self, key: str) -> Path:
        return self.folder / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".secret")

    def get(self, key: str) -> str | None:
        path = self._path(key)
        if not path.exists():
            return None
        if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & 0o077:
            raise InputError(f"the secret file {path} can be read by other users; run chmod 600 {path} "
                             "or register the station again")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            raise InputError(f"the secret file {path} is damaged; register the station again") from None
        secret = data.get("secret") if isinstance(data, dict) and data.get("key") == key else None
        return secret if isinstance(secret, str) else None

    def set(self, key: str, secret: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(self.folder, 0o700)
        path = self._path(key)
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            if os.name == "posix":
                os.fchmod(fh.fileno(), 0o600)  # even if the file existed with a wider mode
            json.dump({"key": key, "secret": secret}, fh)
        os.replace(tmp, path)

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)


class FallbackStore:
    """The keyring when it works, the file otherwise; reads look in both."""

    def __init__(self, primary: SecretStore, fallback: SecretStore) -> None:
        self.primary, self.fallback = primary, fallback
        self.description = primary.description

    def get(self, key: str) -> str | None:
        try:
            found = self.primary.get(key)
        except keyring.errors.KeyringError as exc:
            log.warning("keyring unavailable (%s); using the secret file", type(exc).__name__)
            found = None
        return found if found is not None else self.fallback.get(key)

    def set(self, key: str, secret: str) -> None:
        try:
            self.primary.set(key, secret)
            self.fallback.delete(key)
            self.description = self.primary.description
        except keyring.errors.KeyringError as exc:
            log.warning("keyring refused the secret (%s); storing it in the secret file", type(exc).__name__)
            self.fallback.set(key, secret)
            self.description = self.fallback.description

    def delete(self, key: str) -> None:
        for store in (self.primary, self.fallback):
            with contextlib.suppress(keyring.errors.KeyringError):
                store.delete(key)


def default_store(config_dir: Path, backend: Any | None = None) -> SecretStore:
    """The keyring if this platform has a usable one, with the file as fallback; else the file."""
    files = FileStore(config_dir / "secrets")
    try:
        backend = backend or keyring.get_keyring()
        usable = backend.priority > 0 and not isinstance(backend, fail.Keyring)
    except Exception:  # a broken keyring configuration must not stop the dock
        usable = False
    return FallbackStore(KeyringStore(backend), files) if usable else files
