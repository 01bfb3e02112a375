"""Budget: scanning with a dead printer is as fast as scanning with no printer.

Scans N units (each a durable commit, as at the dock) with the background print spool running
like the GUI runs it, auto-print on, and the label printer in one of these states:

* none: no label printer configured (no jobs are queued at all) - the baseline;
* refused: a Zebra address where nothing listens (every attempt fails at once);
* hung: a Zebra that accepts the connection and never answers (every attempt waits the timeout);
* live: a Zebra that answers and takes every label (the worker renders and sends while we scan).

    .venv/bin/python -m benchmarks.bench_scan_printing [--units 1500] [--rounds 5]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ORDER = "TB-2026-0901"
STATUS = b"".join(b"\x02" + s + b"\x03\r\n" for s in (b"030,0,0,1245,000,0,0,0,000,0,0,0",
                                                          b"001,0,0,0,0,2,4,0,00000000,1,000", b"1234,0"))


def _zebra(answer: bool) -> tuple[socket.socket, int]:
    """A listener that answers ~HS like a Zebra (``answer``) or never answers (hung)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)

    def serve(conn: socket.socket) -> None:
        with conn:
            while data := conn.recv(65536):
                if answer:
                    for _ in range(data.count(b"~HS")):
                        conn.sendall(STATUS)

    def accept() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return server, server.getsockname()[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(mode: str, units: int) -> tuple[float, dict[str, int]]:
    from intake_app.app import IntakeApp
    from intake_app.clock import SystemClock
    from intake_app.demo_data import SV_HEADERS, iter_big_fleet, write_csv
    from intake_app.paths import Paths

    with tempfile.TemporaryDirectory(prefix=f"bench-scan-{mode}-") as tmp:
        folder = Path(tmp)
        app = IntakeApp.open(db_url=f"sqlite:///{folder / 'intake.sqlite3'}", station="bench",
                             paths=Paths(folder, folder), clock=SystemClock())
        server = None
        try:
            app.operators.create(None, "Admin", "admin", "9753")
            boss = app.sign_in("Admin", "9753")
            app.customers.add(boss, "Heby kommun", "Heby", "212000-0316")
            app.orders.create(boss, "Heby", ORDER)
            fleet = list(iter_big_fleet(5, units))
            write_csv(folder / "m.csv", SV_HEADERS, [(u.asset_tag, u.serial, u.manufacturer, u.model, u.category, 1)
                                                    for u in fleet])
            app.manifests.import_file(boss, ORDER, folder / "m.csv")
            if mode != "none":
                if mode == "refused":
                    port = _free_port()
                else:
                    server, port = _zebra(answer=mode == "live")
                app.settings.set("printing.printers", {"zebra": {"driver": "tcp", "host": "127.0.0.1", "port": port}})
                app.settings.set("printing.label_printer", "zebra")
            app.printing.start_worker()
            dock = app.sign_in("dock")
            pallet = app.scanning.open_pallet(dock, ORDER).code
            t0 = time.perf_counter()
            for u in fleet:
                app.scanning.record(dock, ORDER, u.serial, pallet=pallet, source="wedge")
            elapsed = time.perf_counter() - t0
            return units / elapsed, app.printing.spool.counts()
        finally:
            app.printing.stop_worker()
            if server is not None:
                server.close()
            app.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    modes = ("none", "refused", "hung", "live")
    rates: dict[str, list[float]] = {m: [] for m in modes}
    for _ in range(args.rounds):  # interleaved, so a slow moment of the machine hits every mode
        for mode in modes:
            rate, counts = run(mode, args.units)
            rates[mode].append(rate)
            print(f"  {mode:<8} {rate:7.0f} scans/s   spool: {counts}", file=sys.stderr)
    # rounds are interleaved, so each round's ratio to "none" cancels what else the machine did then
    ratio = {m: statistics.median(r / n for r, n in zip(rates[m], rates["none"], strict=True)) for m in modes}
    print(f"{args.units} scans per run, {args.rounds} rounds: median scans per second, and the median of each "
          "round's ratio to no printer:")
    for mode in modes:
        print(f"  {mode:<8} {statistics.median(rates[mode]):7.0f} scans/s  {ratio[mode]:5.0%}")
    ok = min(ratio["refused"], ratio["hung"]) >= 0.9
    print("  budget (dead printer within 10 % of no printer):", "met" if ok else "NOT MET")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
