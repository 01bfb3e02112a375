"""Per-station credentials, least privilege at central, TLS options, secrets out of files and logs."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import uuid

import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from intake_app.errors import InputError
from intake_app.services.stations import REGISTRATION
from intake_app.settings import Settings
from intake_app.store.models import FACT_TABLES
from intake_app.sync import bookkeeping
from intake_app.sync.central import CentralConfig, normalise_url
from intake_app.sync.errors import CentralUnavailable, SchemaMismatch, SyncError
from intake_app.sync.register import register_station
from intake_app.sync.secrets import FallbackStore, FileStore, KeyringStore, default_store

from .conftest import T0
from .sync_support import PG_CA, central_fixture, make_station_fixture  # noqa: F401  (fixtures)


def station_engine(station):
    cfg = CentralConfig.from_settings(station.app.settings)
    return cfg.engine(station.secrets)


def denied(conn, sql):
    """Run ``sql`` in its own savepoint; True if central refused it for lack of privilege."""
    try:
        with conn.begin_nested():
            conn.exec_driver_sql(sql)
        return False
    except DBAPIError as exc:
        name = type(exc.orig).__name__
        assert name in ("InsufficientPrivilege",), f"{sql}: {exc.orig}"
        return True


def test_station_role_inserts_and_reads_facts_but_cannot_change_or_delete_them(central, make_station):
    a = make_station("dock-a")
    a.sync()
    engine = station_engine(a)
    try:
        with engine.connect() as conn, conn.begin():
            role = conn.execute(text("SELECT current_user")).scalar_one()
            assert role.endswith(f"_station_{a.app.station.code.lower()}")
            for table in FACT_TABLES:
                conn.exec_driver_sql(f"SELECT count(*) FROM {table}")
                assert denied(conn, f"UPDATE {table} SET id = id"), table
                assert denied(conn, f"DELETE FROM {table}"), table
                assert denied(conn, f"TRUNCATE {table}"), table
            assert denied(conn, "ALTER TABLE scans ADD COLUMN sneaky int")
            assert denied(conn, "DROP TABLE scans")
            assert denied(conn, "CREATE TABLE sneaky (x int)")
            assert denied(conn, "DELETE FROM sync_log")
            assert denied(conn, "UPDATE sync_log SET xid = 0")
            assert denied(conn, f"INSERT INTO sync_log (xid, tbl, row_id) VALUES (1, 'scans', '{uuid.uuid4()}')")
            assert denied(conn, "DELETE FROM unit_state")
            assert denied(conn, "CREATE ROLE sneaky")
            assert denied(conn, f'ALTER ROLE "{role}" CREATEROLE')
            # what it may do: insert a fact, which central logs for the other stations to pull
            cid = uuid.uuid4()
            conn.execute(text("INSERT INTO customers (id, created_at, station_id, name, short_name) "
                              "VALUES (:id, :at, :st, 'Tierp kommun', 'Tierp')"),
                         {"id": cid, "at": T0, "st": a.app.station.id})
            logged = conn.execute(text("SELECT count(*) FROM sync_log WHERE row_id = :id"), {"id": cid}).scalar()
            assert logged == 1
    finally:
        engine.dispose()


def test_each_station_has_its_own_role_and_password(central, make_station, caplog):
    caplog.set_level(logging.DEBUG)
    a, b = make_station("dock-a"), make_station("dock-b")
    reg_a = bookkeeping_registration(a)
    reg_b = bookkeeping_registration(b)
    assert reg_a["role"] != reg_b["role"]
    pw_a = a.secrets.get(CentralConfig.from_settings(a.app.settings).secret_key)
    pw_b = b.secrets.get(CentralConfig.from_settings(b.app.settings).secret_key)
    assert pw_a and pw_b and pw_a != pw_b and len(pw_a) >= 24
    # the settings file and the database hold no password; the secret file only this user can read
    for station, pw in ((a, pw_a), (b, pw_b)):
        assert pw not in (station.folder / "settings.toml").read_text()
        assert pw.encode() not in (station.folder / "intake.sqlite3").read_bytes()
        folder = station.folder / "secrets"
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in folder.iterdir())
    # one station's password does not open the other's role
    a.secrets.set(CentralConfig.from_settings(a.app.settings).secret_key, pw_b)
    with pytest.raises(CentralUnavailable, match="password authentication failed") as err:
        a.sync()
    assert pw_b not in err.value.message and pw_a not in err.value.message
    b.sync()
    assert pw_a not in caplog.text and pw_b not in caplog.text


def bookkeeping_registration(station):
    with station.app.store.read() as conn:
        return bookkeeping.get(conn, REGISTRATION)


def test_registering_again_changes_the_password(central, make_station):
    a = make_station("dock-a")
    key = CentralConfig.from_settings(a.app.settings).secret_key
    old = a.secrets.get(key)
    register_station(a.app.ctx, a.app.settings, central.config(), a.secrets)
    new = a.secrets.get(key)
    assert new != old
    a.sync()
    a.secrets.set(key, old)
    with pytest.raises(CentralUnavailable, match="password authentication failed"):
        a.sync()


def test_station_names_and_codes_are_claimed_at_central(central, make_station, tmp_path):
    a = make_station("dock-a")
    twin = make_station("dock-a-twin", register=False)
    # a second computer calling itself dock-a is refused
    from intake_app.services.context import Context, StationInfo

    impostor = Context(twin.app.store, twin.app.clock, StationInfo(twin.app.station.id, "dock-a", "ZZZ"))
    with pytest.raises(SyncError, match="already registered at central as 'dock-a'"):
        register_station(impostor, twin.app.settings, central.config(), twin.secrets)
    # a code already taken is replaced while this station has no labels with it...
    same_code = Context(twin.app.store, twin.app.clock,
                        StationInfo(twin.app.station.id, "dock-c", a.app.station.code))
    done = register_station(same_code, twin.app.settings, central.config(), twin.secrets)
    assert done["code_changed"] and done["code"] != a.app.station.code


def test_tls_options_reach_the_connection(central, make_station, tmp_path):
    a = make_station("dock-a")
    url = a.app.settings.get("sync.central_url")

    def ssl_in_use(cfg):
        engine = cfg.engine(a.secrets)
        try:
            with engine.connect() as conn:
                return conn.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar()
        finally:
            engine.dispose()

    if PG_CA:  # verified against the CA that signed the server's certificate
        assert ssl_in_use(CentralConfig(url, "verify-full", PG_CA)) is True
    assert ssl_in_use(CentralConfig(url, "require")) is True
    assert ssl_in_use(CentralConfig(url, "disable")) is False
    # a CA that did not sign the server's certificate: refused, with the reason
    other_ca = tmp_path / "other-ca.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=other",
                    "-keyout", str(tmp_path / "other.key"), "-out", str(other_ca)], check=True, capture_output=True)
    with pytest.raises(CentralUnavailable, match="certificate verify failed"):
        ssl_in_use_or_raise(CentralConfig(url, "verify-full", str(other_ca)), a)
    with pytest.raises(InputError, match="does not exist"):
        CentralConfig(url, "verify-full", str(tmp_path / "missing.pem")).engine()
    with pytest.raises(InputError, match="sslmode"):
        CentralConfig(url, "paranoid").engine()


def ssl_in_use_or_raise(cfg, station):
    from intake_app.sync.syncer import Syncer

    syncer = Syncer(station.app.ctx, cfg, secrets=station.secrets)
    try:
        syncer.run()
    finally:
        syncer.close()


@pytest.mark.parametrize("url, reason", [
    ("not a url", "looks like"), ("mysql://h/db", "PostgreSQL, not mysql"), ("sqlite:////tmp/x.db", "not sqlite"),
    ("postgresql://host", "must name the database"), ("", "looks like"),
])
def test_garbage_central_urls_are_refused(url, reason):
    with pytest.raises(InputError, match=reason):
        normalise_url(url)


def test_plain_postgresql_url_means_psycopg():
    assert normalise_url("postgresql://u@h/db").startswith("postgresql+psycopg://")


def test_garbage_sync_settings_are_refused(tmp_path):
    path = tmp_path / "settings.toml"
    for bad in ('[sync]\nsslmode = "paranoid"\n', '[sync]\ncentral_url = "mysql://x/y"\n',
                '[sync]\nbatch_rows = 0\n', '[sync]\nconnect_timeout = -1\n'):
        path.write_text(bad)
        with pytest.raises(InputError):
            Settings.load(path)


def test_a_database_without_the_schema_is_not_mistaken_for_central(central, make_station):
    a = make_station("dock-a")
    server = create_engine(central.admin_url, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.exec_driver_sql("DROP TABLE alembic_version")
    server.dispose()
    with pytest.raises(SchemaMismatch, match="no intake schema"):
        a.sync()


# -- secrets --------------------------------------------------------------------------------------


class MemoryKeyring(KeyringBackend):
    """A keyring backend held in memory: this machine has no desktop keyring daemon.

    (keyring offers every backend class it knows to ``get_keyring``; the tests pass it explicitly.)
    """

    priority = 1  # type: ignore[assignment]

    def __init__(self, refuse: bool = False) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.refuse = refuse

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        if self.refuse:
            raise keyring.errors.PasswordSetError("locked")
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


def test_the_keyring_is_used_when_the_platform_has_one(tmp_path):
    backend = MemoryKeyring()
    store = default_store(tmp_path, backend)
    assert isinstance(store, FallbackStore) and "keyring" in store.description
    store.set("role@intake", "s3cret-token-value")
    assert store.get("role@intake") == "s3cret-token-value"
    assert ("intake-dock", "role@intake") in backend.items
    assert not (tmp_path / "secrets").exists()


def test_a_keyring_that_refuses_falls_back_to_the_file(tmp_path):
    store = default_store(tmp_path, MemoryKeyring(refuse=True))
    store.set("role@intake", "s3cret-token-value")
    assert store.get("role@intake") == "s3cret-token-value"
    assert "file" in store.description
    assert len(list((tmp_path / "secrets").iterdir())) == 1


def test_no_keyring_means_the_user_only_file(tmp_path):
    store = default_store(tmp_path, fail.Keyring())  # what a headless dock PC (and this machine) has
    assert isinstance(store, FileStore)
    store.set("role@intake", "s3cret-token-value")
    (secret,) = (tmp_path / "secrets").iterdir()
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600 and "s3cret" in secret.read_text()
    assert isinstance(KeyringStore(MemoryKeyring()).get("nothing"), type(None))


def test_a_secret_file_others_can_read_is_refused(tmp_path):
    store = FileStore(tmp_path / "secrets")
    store.set("role@intake", "s3cret-token-value")
    (secret,) = (tmp_path / "secrets").iterdir()
    os.chmod(secret, 0o644)
    with pytest.raises(InputError, match="can be read by other users"):
        store.get("role@intake")
    secret.write_text("garbage")
    os.chmod(secret, 0o600)
    with pytest.raises(InputError, match="damaged"):
        store.get("role@intake")
    store.set("role@intake", "new-token-value-1234")  # writing again repairs it
    assert store.get("role@intake") == "new-token-value-1234"

