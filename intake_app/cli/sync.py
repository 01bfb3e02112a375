"""Commands for syncing with the central PostgreSQL: ``central init``, ``station register``, ``sync``."""

from __future__ import annotations

import sys
import time
from typing import Any

import click

from ..paths import default_paths
from ..settings import Settings
from ..sync.central import SSLMODES, CentralConfig, init_central
from ..sync.progress import Progress
from ..sync.register import register_station
from ..sync.secrets import SecretStore, default_store
from ..sync.syncer import Syncer, station_status
from .root import CliState, cli, emit, pass_state

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
sslmode_option = click.option("--sslmode", type=click.Choice(SSLMODES),
                              help="TLS to central (default: setting sync.sslmode, prefer).")
ca_option = click.option("--ca-file", metavar="FILE", help="CA certificate that signed central's certificate.")


def _settings(state: CliState) -> Settings:
    """This station's settings, without opening its database (central init needs none)."""
    return state._app.settings if state._app is not None else Settings.load(default_paths().settings_file)


def _secrets() -> SecretStore:
    return default_store(default_paths().config_dir)


def _config(settings: Settings, url: str | None, sslmode: str | None, ca_file: str | None) -> CentralConfig:
    if sslmode:
        settings.set("sync.sslmode", sslmode)
    if ca_file is not None:
        settings.set("sync.ca_file", ca_file)
    return CentralConfig.from_settings(settings, url)


# -- central ---------------------------------------------------------------------------------------

@cli.group()
def central() -> None:
    """The central PostgreSQL database that all stations sync with."""


@central.command("init")
@click.option("--url", required=True, metavar="URL",
              help="Central as its owner: postgresql+psycopg://owner@host:5432/intake (password: PGPASSWORD, "
                   "~/.pgpass or in the URL).")
@sslmode_option
@ca_option
@json_option
@pass_state
def central_init(state: CliState, url: str, sslmode: str | None, ca_file: str | None, as_json: bool) -> None:
    """Create or upgrade central's schema and the stations' least-privilege role."""
    config = _config(_settings(state), url, sslmode, ca_file)
    d = init_central(config, _secrets())
    emit(d, as_json, lambda d: f"central ready: {d['central']} at revision {d['revision']}; stations log in as "
                               f"members of {d['station_group_role']}")


# -- station -------------------------------------------------------------------------------------------

@cli.group()
def station() -> None:
    """This station's identity at central."""


@station.command("register")
@click.option("--central", "url", metavar="URL",
              help="Central as its owner (creates this station's own role), or as a station role an "
                   "administrator made. Default: setting sync.central_url or INTAKE_CENTRAL_URL.")
@sslmode_option
@ca_option
@json_option
@pass_state
def station_register(state: CliState, url: str | None, sslmode: str | None, ca_file: str | None,
                     as_json: bool) -> None:
    """Register this station (name, UUID, code) at central and keep its credentials in the keyring."""
    app = state.app
    config = _config(app.settings, url, sslmode, ca_file)
    d = register_station(app.ctx, app.settings, config, _secrets())
    emit(d, as_json, _register_text)


def _register_text(d: dict[str, Any]) -> str:
    lines = [f"station {d['station']} (code {d['code']}) registered at {d['central']}",
             f"it signs in as {d['role']}; the password is kept in the {d['secret_store']}"]
    if d["code_changed"]:
        lines.append(f"its code was taken at central; it is now {d['code']}")
    return "\n".join(lines)


# -- sync ------------------------------------------------------------------------------------------------

@cli.command()
@click.option("--central", "url", metavar="URL", help="Central (default: setting sync.central_url or "
                                                      "INTAKE_CENTRAL_URL).")
@click.option("--status", "show_status", is_flag=True, help="Show the sync status instead of syncing.")
@click.option("--batch-rows", type=click.IntRange(1, 100_000), help="Rows per batch (default: setting).")
@json_option
@pass_state
def sync(state: CliState, url: str | None, show_status: bool, batch_rows: int | None, as_json: bool) -> None:
    """Push this station's new rows to central and pull everyone else's."""
    app = state.app
    if show_status:
        emit(_status(app, url), as_json, _status_text)
        return
    syncer = Syncer(app.ctx, CentralConfig.from_settings(app.settings, url), secrets=_secrets(),
                    batch_rows=batch_rows or app.settings.get("sync.batch_rows"), progress=_progress_printer())
    state.cleanups.append(syncer.close)
    report = syncer.run()
    emit(report.as_dict(), as_json, lambda d: f"pushed {d['pushed']} rows, pulled {d['pulled']} rows "
                                              f"in {d['seconds']} s"
                                              + (f"; central refused {len(d['refused_by_central'])} rows "
                                                 "(see intake sync --status)" if d["refused_by_central"] else ""))


def _status(app: Any, url: str | None) -> dict[str, Any]:
    if not (url or app.settings.get("sync.central_url")):
        return station_status(app.ctx, None, (False, "no central database configured"))
    syncer = Syncer(app.ctx, CentralConfig.from_settings(app.settings, url), secrets=_secrets())
    try:
        return syncer.status()
    finally:
        syncer.close()


def _status_text(d: dict[str, Any]) -> str:
    reach = {True: "reachable", False: "NOT reachable", None: "not checked"}[d["central_reachable"]]
    lines = [f"station {d['station']} ({d['station_code']}): {'registered' if d['registered'] else 'not registered'}",
             f"central {d['central'] or '(none)'}: {reach}" + (f" ({d['central_problem']})"
                                                                if d["central_problem"] else ""),
             f"last successful sync: {d['last_successful_sync'] or 'never'}",
             f"rows waiting to push: {d['rows_waiting_to_push']}"]
    if d["last_error"]:
        lines.append(f"last attempt {d['last_attempt']} failed: {d['last_error']}")
    lines += [f"refused by central: {r['table']} {r['id']}: {r['reason']}" for r in d["refused_by_central"]]
    conflicts = d["conflicts"]
    if conflicts["order_numbers_used_twice"]:
        lines.append("order numbers used by two orders: " + ", ".join(conflicts["order_numbers_used_twice"]))
    if conflicts["unit_ids_issued_twice"]:
        lines.append("unit labels issued twice: " + ", ".join(conflicts["unit_ids_issued_twice"]))
    return "\n".join(lines)


def _progress_printer(every_s: float = 1.0) -> Any:
    """Progress on stderr: at most a line a second per phase, and always the last one."""
    last: dict[str, float] = {}

    def show(p: Progress) -> None:
        now = time.monotonic()
        if p.done < p.total and now - last.get(p.phase, 0.0) < every_s:
            return
        last[p.phase] = now
        click.echo(f"{p.phase} {p.done}/{p.total} rows ({p.table})", err=True)
        sys.stderr.flush()

    return show
