"""The dock application against a station database of 1,000,000 expected units.

    .venv/bin/python benchmarks/bench_ui.py [--db benchmarks/out/big] [--scans 300] [--json OUT]

Measures, on the real window (offscreen) with the real engine and database:

* scan to banner + sound: a wedge scanner types each code at 5 ms per character into whatever
  has focus (the outstanding list's search box), then Enter; the clock runs from the Enter key
  to the moment the banner has repainted and the sound was started (``feedback_shown``). The
  codes mix the outcomes a dock sees: mostly matches, some duplicates, wrong-order units, extras,
  product codes and near matches. Between scans the operator pauses 150-900 ms.
* the GUI thread's longest stall during the run (a 2 ms heartbeat timer; nothing may block it
  for more than 50 ms: counters, recent scans and the 18,000-row outstanding list refresh from
  worker threads).
* cold start: a new ``intake-app`` process until its first page is shown and usable.

Sound: if ``pulseaudio`` is installed, a private PulseAudio with a null sink is started for the
run (and stopped after), so the sounds really play (``paplay``); the time until each sound's
player process runs is reported beside the banner's.
The database is built by ``make_big_db.py`` when missing and copied, so every run starts equal.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
DEFAULT_DB = HERE / "out" / "big"
CHAR_MS = 5.0


def ensure_db(folder: Path) -> Path:
    if not (folder / "intake.sqlite3").exists():
        print(f"building {folder} (1,000,000 expected units)...", flush=True)
        subprocess.run([sys.executable, str(HERE / "make_big_db.py"), str(folder)], check=True)
    return folder


def copy_station(src: Path, dst: Path) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    for name in ("intake.sqlite3", "settings.toml"):
        shutil.copy(src / name, dst / name)
    return dst


def die_with_parent() -> None:
    """Linux: a child of the benchmark is killed when the benchmark dies (no orphans left running)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def start_pulse(runtime: Path) -> subprocess.Popen[bytes] | None:
    """A private PulseAudio with a null sink, if the machine has no sound card but has pulseaudio."""
    exe = shutil.which("pulseaudio")
    if exe is None:
        return None
    runtime.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    proc = subprocess.Popen([exe, "--daemonize=no", "--exit-idle-time=-1", "-n", "--log-target=stderr",
                             "--load=module-null-sink sink_name=dock", "--load=module-native-protocol-unix"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=die_with_parent)
    for _ in range(50):
        if (runtime / "pulse" / "native").exists():
            os.environ["XDG_RUNTIME_DIR"] = str(runtime)
            return proc
        time.sleep(0.1)
    proc.terminate()
    return None


# -- cold start ---------------------------------------------------------------------------------------


def cold_start(home: Path, runs: int) -> list[float]:
    exe = Path(sys.executable).parent / "intake-app"
    env = {**os.environ, "INTAKE_HOME": str(home)}
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen([str(exe), "--exit-after-start"], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, preexec_fn=die_with_parent)
        assert proc.stdout is not None
        line = proc.stdout.readline()
        times.append(time.perf_counter() - t0)
        proc.wait(timeout=30)
        assert "usable after" in line, line
    return times


# -- scanning ----------------------------------------------------------------------------------------


def pick_codes(conn: Any, n: int, rng: random.Random) -> list[tuple[str, str]]:
    """(code, what) pairs: the mix of a working day at the dock."""
    order = conn.execute("SELECT id FROM orders WHERE number = 'TB-2026-0900'").fetchone()[0]
    outstanding = [r[0] for r in conn.execute(
        "SELECT e.serial FROM expected_units e WHERE e.order_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM unit_state s WHERE s.expected_unit_id = e.id AND s.active) LIMIT 5000", (order,))]
    received = [r[0] for r in conn.execute("SELECT serial FROM units WHERE order_id = ? LIMIT 500", (order,))]
    elsewhere = [r[0] for r in conn.execute(
        "SELECT e.serial FROM expected_units e WHERE e.order_id != ? AND NOT EXISTS "
        "(SELECT 1 FROM unit_state s WHERE s.expected_unit_id = e.id) LIMIT 500", (order,))]
    rng.shuffle(outstanding)
    codes: list[tuple[str, str]] = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.80:
            codes.append((outstanding.pop(), "matched"))
        elif roll < 0.85:
            codes.append((rng.choice(received), "duplicate"))
        elif roll < 0.89:
            codes.append((rng.choice(elsewhere), "wrong order"))
        elif roll < 0.94:
            codes.append((f"ZX{rng.randrange(10**9):09d}", "unexpected"))
        elif roll < 0.97:
            codes.append(("7350012345679", "rejected"))
        else:
            serial = outstanding.pop()
            swap = {"0": "O", "1": "I", "5": "S", "8": "B"}
            j = next((j for j, ch in enumerate(serial) if ch in swap), None)
            codes.append((serial[:j] + swap[serial[j]] + serial[j + 1:], "near match") if j is not None
                         else (serial, "matched"))
    return codes


def scan_run(home: Path, n_scans: int, seed: int) -> dict[str, Any]:
    import sqlite3

    from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QWidget

    from intake_app.app import IntakeApp
    from intake_app.paths import Paths
    from ui.pages.receiving import ReceivingPage
    from ui.shell import DockShell
    from ui.theme import apply_theme

    rng = random.Random(seed)
    with sqlite3.connect(home / "intake.sqlite3") as conn:
        codes = pick_codes(conn, n_scans, rng)
    qt = QApplication.instance() or QApplication([])
    assert isinstance(qt, QApplication)
    apply_theme(qt)
    engine = IntakeApp.open(paths=Paths(home, home))
    engine.settings.set("receiving.sounds", True)
    shell = DockShell(qt, engine, lang="sv")
    shell.window.resize(1366, 768)
    shell.show()

    timers: list[QTimer] = []

    def later(ms: float, fn: Any) -> None:
        """A precise single-shot timer (the default coarse one may be 5 % late)."""
        timer = QTimer()
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(fn)
        timer.timeout.connect(lambda: timers.remove(timer))
        timers.append(timer)
        timer.start(int(ms))

    def pump(ms: float) -> None:
        """Let the application run (its own event loop, idle like at the dock) for ``ms``."""
        loop = QEventLoop()
        later(ms, loop.quit)
        loop.exec()

    pump(300)
    sounds = type(shell.ctx.sounds).__name__
    shell.window.signed_in(engine.sign_in("Anna Lindqvist", "1357"))
    pump(300)
    shell.window.open_order(engine.orders.summary("TB-2026-0900"))
    page = shell.window.current
    assert isinstance(page, ReceivingPage)
    while page.outstanding.rowCount() == 0:
        pump(50)
    page.outstanding_search.setFocus()

    heartbeat = QElapsedTimer()
    gaps: list[float] = []
    busy: list[float] = []  # the GUI thread's own CPU time in each gap: work, not waiting
    cpu = [time.thread_time()]
    beat = QTimer()
    beat.setTimerType(Qt.TimerType.PreciseTimer)

    def tick() -> None:
        gaps.append(heartbeat.nsecsElapsed() / 1e6)
        heartbeat.restart()
        now = time.thread_time()
        busy.append((now - cpu[0]) * 1000)
        cpu[0] = now

    beat.timeout.connect(tick)
    shown: list[float] = []
    page.feedback_shown.connect(lambda _r: shown.append(time.perf_counter()))
    latencies: list[float] = []
    sound_latencies: list[float] = []
    outcomes: dict[str, int] = {}
    player = shell.ctx.sounds

    def key(target: QWidget, text: str, stamp: float) -> None:
        """A key press and release as the window system delivers them: stamped with the keyboard's
        own time (X11 does), so keys that wait while the GUI thread is busy keep their spacing."""
        code = Qt.Key.Key_Return if text == "\r" else (Qt.Key(ord(text.upper())) if text.isalnum() else
                                                         Qt.Key.Key_unknown)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            ev = QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text)
            ev.setTimestamp(int(stamp))
            QApplication.sendEvent(target, ev)

    failures: list[str] = []

    def scan(code: str) -> float | None:
        """Type ``code`` at 5 ms a key, then Enter; run the event loop until the feedback is out."""
        target = QApplication.focusWidget() or shell.window
        keys, before, sent = list(code) + ["\r"], len(shown), [0.0]
        start = time.monotonic() * 1000
        loop = QEventLoop()
        page.feedback_shown.connect(loop.quit)

        def next_key(i: int = 0) -> None:
            text = keys[i]
            if text == "\r":
                sent[0] = time.perf_counter()
            key(target, text, start + i * CHAR_MS)
            if i + 1 < len(keys):
                later(max(0.0, start + (i + 1) * CHAR_MS - time.monotonic() * 1000), lambda: next_key(i + 1))

        started_before = len(getattr(player, "started", []))
        later(0, next_key)
        later(10_000, loop.quit)  # never hang: a scan without feedback is counted as a failure
        loop.exec()
        page.feedback_shown.disconnect(loop.quit)
        if len(shown) != before + 1:
            failures.append(f"{code}: typed {page.outstanding_search.text()!r}")
            page.outstanding_search.clear()
            return None
        started = getattr(player, "started", None)
        if started is not None:  # the player process runs on its own thread: give it a moment
            deadline = time.perf_counter() + 0.5
            while len(started) == started_before and time.perf_counter() < deadline:
                time.sleep(0.001)
            if len(started) > started_before:
                sound_latencies.append((started[-1][1] - sent[0]) * 1000)
        return (shown[-1] - sent[0]) * 1000

    scan("0037350012340000002" + "6")  # the pallet: a GS1 SSCC
    pump(300)
    heartbeat.start()
    cpu[0] = time.thread_time()
    load_before = os.getloadavg()[0]
    beat.start(2)
    for code, what in codes:
        ms = scan(code)
        if ms is not None:
            latencies.append(ms)
            outcomes[what] = outcomes.get(what, 0) + 1
        pump(rng.uniform(150, 900))
    beat.stop()
    typed_into_search = page.outstanding_search.text()
    counters = engine.dock.counters("TB-2026-0900")
    shell.window.close()
    shell.shutdown()
    lat = sorted(latencies)
    snd = sorted(sound_latencies) or [float("nan")]
    return {
        "scans": len(lat), "outcomes": outcomes, "sound_player": sounds, "failures": failures,
        "latency_ms": {"p50": round(statistics.median(lat), 1), "p90": round(lat[int(len(lat) * 0.9) - 1], 1),
                       "p99": round(lat[int(len(lat) * 0.99) - 1], 1), "max": round(lat[-1], 1)},
        "sound_started_ms": {"p50": round(statistics.median(snd), 1), "p90": round(snd[int(len(snd) * 0.9) - 1], 1),
                             "max": round(snd[-1], 1), "n": len(sound_latencies)},
        "gui_stall_ms": {"max": round(max(gaps), 1), "p99": round(sorted(gaps)[int(len(gaps) * 0.99) - 1], 1),
                         "over_50ms": sum(1 for g in gaps if g > 50)},
        "gui_busy_ms": {"max": round(max(busy), 1), "p99": round(sorted(busy)[int(len(busy) * 0.99) - 1], 1),
                        "over_50ms": sum(1 for b in busy if b > 50)},
        "load_average": {"before": round(load_before, 2), "after": round(os.getloadavg()[0], 2),
                         "cpus": os.cpu_count()},
        "typed_into_focused_field": typed_into_search,
        "order_after": {"matched": counters.matched, "expected": counters.expected},
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", default=str(DEFAULT_DB), help="folder of the big station database")
    p.add_argument("--scans", type=int, default=300)
    p.add_argument("--cold-runs", type=int, default=5)
    p.add_argument("--seed", type=int, default=9)
    p.add_argument("--json", help="write the results here as JSON")
    p.add_argument("--scan-run", metavar="HOME", help=argparse.SUPPRESS)  # the child process that scans
    args = p.parse_args()
    if args.scan_run:
        print(json.dumps(scan_run(Path(args.scan_run), args.scans, args.seed)))
        return
    source = ensure_db(Path(args.db))
    pulse = None
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp:
        try:
            pulse = start_pulse(Path(tmp) / "run")
            cold_home = copy_station(source, Path(tmp) / "cold")
            cold = cold_start(cold_home, args.cold_runs)
            # scanning runs in its own process: the private PulseAudio must outlive every Qt audio client
            home = copy_station(source, Path(tmp) / "scan")
            child = subprocess.run([sys.executable, __file__, "--scan-run", str(home), "--scans", str(args.scans),
                                    "--seed", str(args.seed)], capture_output=True, text=True, timeout=3600,
                                   preexec_fn=die_with_parent)
            if child.returncode != 0:
                raise SystemExit(child.stderr[-3000:])
            results = json.loads(child.stdout.strip().splitlines()[-1])
        finally:
            if pulse is not None:
                pulse.terminate()
                pulse.wait(timeout=10)
    with __import__("sqlite3").connect(source / "intake.sqlite3") as conn:
        size = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("expected_units", "units")}
    results["database"] = size
    results["cold_start_s"] = {"median": round(statistics.median(cold), 2), "max": round(max(cold), 2),
                               "runs": [round(c, 2) for c in cold]}
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
