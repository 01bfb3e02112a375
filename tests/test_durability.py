"""A beep is a promise: every acknowledged scan survives SIGKILL of the process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from sqlalchemy import create_engine, func, select, text

from intake_app.demo_data import fleet
from intake_app.store import tables as t

from .test_cli import run


def test_sigkill_mid_stream_loses_no_acknowledged_scan(tmp_path):
    home = tmp_path / "station"
    home.mkdir()
    assert run(home, "demo").returncode == 0
    env = {**os.environ, "INTAKE_HOME": str(home)}
    proc = subprocess.Popen([sys.executable, "-m", "intake_app", "scan", "--order", "TB-2026-0002"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, bufsize=1)
    acked: list[str] = []
    codes = [u.serial for u in fleet(99, 400, "KIL")]  # mostly extras: each one writes a unit too
    deadline = time.monotonic() + 60
    assert proc.stdin and proc.stdout
    for i, code in enumerate(codes):
        proc.stdin.write(code + "\n")
        proc.stdin.flush()
        if i < 150:  # read every acknowledgement of the first 150 scans...
            acked.append(json.loads(proc.stdout.readline())["scan_id"])
        if i == 170:  # ...then keep feeding without waiting and kill mid-stream
            break
        assert time.monotonic() < deadline
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    # anything printed before the kill was acknowledged too
    rest = proc.stdout.read()
    acked += [json.loads(line)["scan_id"] for line in rest.splitlines() if line.strip().startswith("{")]
    assert len(acked) >= 150

    engine = create_engine(f"sqlite:///{home / 'intake.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        stored = {str(s) for s in conn.execute(select(t.scans.c.id)).scalars()}
        units = conn.execute(select(func.count()).select_from(t.units)).scalar_one()
    missing = [a for a in acked if a not in stored]
    assert not missing, f"{len(missing)} acknowledged scans lost"
    assert units >= 150
    # the station opens and works again after the crash
    again = run(home, "scan", "--order", "TB-2026-0002", codes[-1])
    assert again.returncode == 0, again.stderr
