"""Layering contracts (import-linter), migrations in step with the models, the demo files."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from intake_app.demo_data import write_demo_files
from intake_app.store.migrate import head_revision, upgrade
from intake_app.store.models import Base

from .conftest import REPO


def test_import_contracts_hold():
    """intake_app never imports Qt or ui; intake_app.domain does no I/O; renderers do no I/O; layers hold."""
    r = subprocess.run([str(Path(sys.executable).parent / "lint-imports"), "--no-cache"], cwd=REPO,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "kept, 0 broken" in r.stdout


def test_migrations_build_exactly_the_models(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    assert upgrade(engine)
    assert not upgrade(engine)  # current: nothing to do
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], diff
    assert set(inspect(engine).get_table_names()) >= {t for t in Base.metadata.tables}
    assert head_revision()


def test_committed_demo_files_match_their_generator(tmp_path):
    written = write_demo_files(tmp_path)
    for path in written:
        committed = REPO / "resources" / "demo" / path.name
        if path.suffix == ".xlsx":  # zip timestamps differ; compare the cells
            import openpyxl

            def cells(p: Path) -> list[tuple[object, ...]]:
                return list(openpyxl.load_workbook(p, read_only=True).active.iter_rows(values_only=True))

            assert cells(committed) == cells(path), path.name
        else:
            assert filecmp.cmp(committed, path, shallow=False), f"{path.name}: regenerate resources/demo"
