"""Alembic migrations, run by ``intake init`` and on every start.

The scripts live in ``intake_app/store/migrations``. :func:`upgrade` is cheap when the
database is already current (one query for the revision), so it runs on every start.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, backups: Path | None = None, now: datetime | None = None) -> bool:
    """Bring the schema to the newest revision; True if anything ran.

    An existing SQLite station database is first copied to ``backups`` (if given) with SQLite's
    online backup, so an upgrade that goes wrong on a dock PC can be undone by hand.
    """
    current = current_revision(engine)
    if current == head_revision():
        return False
    db = engine.url.database
    if backups is not None and current is not None and engine.dialect.name == "sqlite" and db:
        backup_sqlite(Path(db), backups / f"intake-before-upgrade-from-{current}-"
                                          f"{(now or datetime.now(UTC)):%Y%m%dT%H%M%SZ}.sqlite3")
    command.upgrade(alembic_config(engine), "head")
    return True


def backup_sqlite(source: Path, target: Path) -> Path:
    """A consistent copy of a live SQLite database (WAL included) at ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target
