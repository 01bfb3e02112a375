"""Static checks that CI runs with the tests: ruff (style, bugs) and mypy (types) on the engine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import REPO

BIN = Path(sys.executable).parent


def test_ruff_clean():
    r = subprocess.run([str(BIN / "ruff"), "check", "intake_app", "ui", "tests", "benchmarks", "installer"], cwd=REPO,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


def test_mypy_clean():
    r = subprocess.run([str(BIN / "mypy")], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
