"""Operators (hashes, roles, sign-in) and settings files (types, garbage, upgrades)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from intake_app.domain.security import hash_secret, verify_secret
from intake_app.errors import AuthenticationFailed, Conflict, InputError, NotFound, PermissionDenied
from intake_app.settings import Settings
from intake_app.store import tables as t


def test_pins_are_stored_only_as_salted_scrypt_hashes(app, people):
    with app.store.read() as conn:
        hashes = list(conn.execute(select(t.operator_credentials.c.secret_hash)).scalars())
    assert hashes and all(h.startswith("scrypt$") for h in hashes)
    assert not any("2468" in h or "1357" in h for h in hashes)
    assert hash_secret("1357") != hash_secret("1357")  # salted
    assert verify_secret("1357", hash_secret("1357")) and not verify_secret("1358", hash_secret("1357"))
    for junk in (None, "", "md5$x", "scrypt$a$b$c$d$e", "scrypt$16384$8$1$!!$!!"):
        assert not verify_secret("1357", junk)


def test_sign_in(app, people):
    assert app.sign_in("sven ekström", "2468").role.value == "supervisor"
    with pytest.raises(AuthenticationFailed):
        app.sign_in("Sven Ekström", "0000")
    with pytest.raises(AuthenticationFailed):
        app.sign_in("Sven Ekström", None)
    with pytest.raises(NotFound):
        app.sign_in("Nobody", "1234")
    assert app.sign_in("dock").role.value == "operator"  # an operator without a PIN


def test_badges(app, people):
    app.operators.create(people["admin"], "Karin", "operator", badge="BADGE-000777")
    assert app.operators.sign_in_badge("BADGE-000777").name == "Karin"
    with pytest.raises(AuthenticationFailed):
        app.operators.sign_in_badge("BADGE-000778")


def test_who_may_add_operators(app, people):
    with pytest.raises(PermissionDenied):
        app.operators.create(people["boss"], "Nils", "operator", "4321")
    with pytest.raises(AuthenticationFailed):
        app.operators.create(None, "Eve", "admin", "4321")  # set-up is over once an admin exists
    with pytest.raises(InputError):
        app.operators.create(people["admin"], "Nils", "supervisor")  # a supervisor needs a PIN
    with pytest.raises(InputError):
        app.operators.create(people["admin"], "Nils", "operator", "11")
    with pytest.raises(InputError):
        app.operators.create(people["admin"], "Nils", "overlord", "4321")
    with pytest.raises(Conflict):
        app.operators.create(people["admin"], "anna  lindqvist", "operator", "4321")


def test_settings_round_trip_and_garbage(tmp_path, monkeypatch):
    path = tmp_path / "settings.toml"
    s = Settings.load(path)
    assert s.get("ui.language") == "sv"
    s.set("ui.language", "en")
    s.set("receiving.blind", "yes")
    s.set("scanner.max_key_interval_ms", "40")
    s.save()
    again = Settings.load(path)
    assert (again.get("ui.language"), again.get("receiving.blind"), again.get("scanner.max_key_interval_ms")) == \
        ("en", True, 40.0)
    for key, value in (("ui.language", "klingon"), ("receiving.blind", "perhaps"),
                       ("scanner.max_key_interval_ms", "-3"), ("database.url", "not a url"), ("no.such", 1)):
        with pytest.raises(InputError):
            s.set(key, value)
    path.write_text(path.read_text(encoding="utf-8") + "\n[future]\nthing = 3\n", encoding="utf-8")
    again = Settings.load(path)
    again.save()  # a setting this version does not know survives
    assert "thing = 3" in path.read_text(encoding="utf-8")
    monkeypatch.setenv("INTAKE_STATION", "dock-9")
    assert again.get("station.name") == "dock-9"
    for text in ("this is = not toml [", "version = 99\n", "[ui]\nlanguage = 5\n"):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputError):
            Settings.load(path)
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(InputError):
        Settings.load(path)
