"""The root ``intake`` group: global options, the app it opens, error handling."""

from __future__ import annotations

import json
import logging
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import click

from .. import __version__
from ..app import IntakeApp
from ..errors import IntakeError
from ..paths import default_paths
from ..services.context import Actor

WORKFLOW = """\
Receive customers' take-back orders at the dock: scan, match, reconcile.

\b
Typical workflow:
  intake demo                                   seed IT-centrum's five municipalities
  intake order list                             the orders and their progress
  intake --operator Sven --pin 2468 import-manifest list.csv --order TB-2026-0006
  intake scan --order TB-2026-0001 < codes.txt  one code per line; one JSON line per scan
  intake reconcile TB-2026-0001                 expected against received
  intake --operator Sven --pin 2468 sign-off TB-2026-0001

\b
The database is this station's SQLite file unless --db or INTAKE_DB say otherwise.
Exit codes: 0 done, 2 bad input (nothing changed), 1 internal error.
"""


@dataclass
class CliState:
    db: str | None
    station: str | None
    operator: str | None
    pin: str | None
    _app: IntakeApp | None = None
    _actor: Actor | None = None
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    @property
    def app(self) -> IntakeApp:
        if self._app is None:
            self._app = IntakeApp.open(db_url=self.db, station=self.station)
        return self._app

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            self._actor = self.app.sign_in(self.operator, self.pin)
        return self._actor

    def close(self) -> None:
        for fn in self.cleanups:
            fn()
        if self._app is not None:
            self._app.close()


pass_state = click.make_pass_decorator(CliState)


@click.group(help=WORKFLOW, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="intake")
@click.option("--db", metavar="URL", envvar="INTAKE_DB", help="Database URL (default: this station's SQLite file).")
@click.option("--station", metavar="NAME", envvar="INTAKE_STATION", help="Station name (default: settings, host name).")
@click.option("--operator", metavar="NAME", envvar="INTAKE_OPERATOR", help="Operator signing in (default: dock).")
@click.option("--pin", metavar="PIN", envvar="INTAKE_PIN", help="The operator's PIN (or INTAKE_PIN).")
@click.pass_context
def cli(ctx: click.Context, db: str | None, station: str | None, operator: str | None, pin: str | None) -> None:
    state = CliState(db, station, operator, pin)
    ctx.obj = state
    ctx.call_on_close(state.close)


def emit(data: Any, as_json: bool, text: Callable[[Any], str] | None = None) -> None:
    """Print ``data`` as JSON, or as the text ``text(data)`` renders."""
    if as_json or text is None:
        click.echo(json.dumps(data, ensure_ascii=False, indent=None if as_json else 2, default=str))
    else:
        click.echo(text(data))


def _log_bug() -> str:
    try:
        log_dir = default_paths().data_dir / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / "intake-errors.log"
        with path.open("a", encoding="utf-8") as fh:
            fh.write(traceback.format_exc() + "\n")
        return str(path)
    except OSError:
        return "(could not write the log)"


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs the command, maps errors to exit codes, never shows a user a traceback."""
    logging.basicConfig(level=os.environ.get("INTAKE_LOG", "WARNING"), format="%(levelname)s %(name)s: %(message)s")
    try:
        cli.main(args=argv, prog_name="intake", standalone_mode=False)
        return 0
    except IntakeError as exc:
        click.echo(f"intake: {exc.message}", err=True)
        return 2
    except click.exceptions.Abort:
        click.echo("intake: aborted", err=True)
        return 2
    except click.ClickException as exc:
        exc.show()
        return 2 if exc.exit_code == 2 or isinstance(exc, click.UsageError) else exc.exit_code
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so, keep the traceback in the log
        if os.environ.get("INTAKE_DEBUG"):
            raise
        where = _log_bug()
        click.echo(f"intake: internal error ({exc.__class__.__name__}: {exc}); details in {where}", err=True)
        return 1


def run() -> None:
    sys.exit(main())
