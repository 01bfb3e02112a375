"""The print spool against a Zebra on a real TCP socket: exact bytes, no media, a printer that
dies mid-job and comes back (the job prints once), a hung printer that never slows scanning,
cancel, retry, reprint, and the settings that configure printers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from intake_app.app import IntakeApp
from intake_app.clock import SystemClock
from intake_app.domain.ids import human_unit_id
from intake_app.errors import Conflict
from intake_app.paths import Paths
from intake_app.printing.drivers import PrinterStatus
from intake_app.services.context import Actor
from intake_app.services.spool import new_token

from .conftest import SERIALS, require_service
from .printhelp import FakeZebra, free_port, wait_for


@pytest.fixture
def zebra() -> Iterator[FakeZebra]:
    z = FakeZebra()
    yield z
    z.stop()


@pytest.fixture
def live(make_app: Callable[..., IntakeApp]) -> IntakeApp:
    """A station on the real clock (retries wait real time)."""
    return make_app("dock-live", clock=SystemClock())


def use_printer(app: IntakeApp, spec: dict[str, object], name: str = "zebra") -> None:
    app.settings.set("printing.printers", {name: spec})
    app.settings.set("printing.label_printer", name)
    app.settings.set("printing.retry_initial_s", 0.05)
    app.settings.set("printing.retry_max_s", 0.2)
    app.settings.set("printing.timeout_s", 2.0)


def use_zebra(app: IntakeApp, zebra: FakeZebra, **extra: object) -> None:
    use_printer(app, {"driver": "tcp", "host": "127.0.0.1", "port": zebra.port, "format": "zpl", **extra})


def setup_order(app: IntakeApp) -> tuple[str, Actor]:
    """An order with the conftest's serials, on ``app`` (which may run on the real clock)."""
    from .conftest import write_manifest

    app.operators.create(None, "Admin", "admin", "9753")
    boss = app.sign_in("Admin", "9753")
    app.customers.add(boss, "Heby kommun", "Heby", "212000-0316")
    app.orders.create(boss, "Heby", "TB-2026-0001")
    folder = app.paths.data_dir
    rows = [[s, f"HEB-{i:04d}", "Dell", "Latitude 5420", "Bärbar dator"] for i, s in enumerate(SERIALS)]
    app.manifests.import_file(boss, "TB-2026-0001", write_manifest(folder / "m.csv", rows))
    return "TB-2026-0001", app.sign_in("dock")


def first_unit(app: IntakeApp, order: str, actor: Actor) -> str:
    result = app.scanning.record(actor, order, SERIALS[0])
    assert result.unit is not None
    return result.unit.internal_id


def scan_with_labels(app: IntakeApp, order: str, actor: Actor, codes: list[str]) -> list[str]:
    """Scan ``codes`` as the dock does with the spool running: each received unit's label queued."""
    app.printing.feed_labels()  # the spool has looked before: labels start with the next unit
    units = [r.unit.internal_id for r in (app.scanning.record(actor, order, c) for c in codes) if r.unit]
    app.printing.feed_labels()
    return units


# -- the wire ------------------------------------------------------------------------------------------

def test_exact_bytes_on_the_wire(app: IntakeApp, people: dict[str, Actor], order: str, zebra: FakeZebra):
    use_zebra(app, zebra)
    [unit] = scan_with_labels(app, order, people["anna"], [SERIALS[0]])
    result = app.printing.print_label(people["anna"], "unit", unit)
    assert result.sent and result.job.status == "done" and result.job.printer_ref == f"tcp://127.0.0.1:{zebra.port}"
    expected = app.printing.render_label("unit", unit, "zpl", result.job.options)
    assert app.printing.spool.payload(result.job.id) == expected
    # the auto-printed label of the scan went first, in order; each job: status query, label, status query
    assert zebra.connections == [b"~HS" + expected + b"~HS", b"~HS" + expected + b"~HS"]
    assert result.job.reprint_of is not None  # the scan's own label was printed before: this is a reprint


def test_no_media_holds_the_job_without_sending_it(app: IntakeApp, people: dict[str, Actor], order: str,
                                                   zebra: FakeZebra):
    use_zebra(app, zebra)
    app.settings.set("receiving.auto_print", False)
    unit = first_unit(app, order, people["anna"])
    zebra.paper_out = True
    result = app.printing.print_label(None, "unit", unit)
    assert not result.sent
    job = app.printing.spool.get(result.job.id)
    assert (job.status, job.attempts, job.last_error) == ("queued", 1, "paper out")
    assert zebra.connections == [b"~HS"]  # asked, and sent nothing
    listed = app.printing.printer_list()[0]
    assert (listed["status"], listed["detail"], listed["waiting_jobs"]) == ("no_media", "paper out", 1)
    zebra.paper_out, zebra.paused = False, True
    assert app.printing.retry(result.job.id.hex)[0].job.last_error == "paused"
    zebra.paused = False
    done = app.printing.retry(result.job.id.hex[:8])
    assert done[0].sent and len(zebra.formats()) == 1


@pytest.mark.parametrize("host,port,why", [("127.0.0.1", None, "refused"), ("no-such-printer.invalid", 9100, "unknown host")])
def test_an_unreachable_printer_queues_the_job(app: IntakeApp, people: dict[str, Actor], order: str, host: str,
                                               port: int | None, why: str):
    use_printer(app, {"driver": "tcp", "host": host, "port": port or free_port()})
    unit = first_unit(app, order, people["anna"])
    result = app.printing.print_label(None, "unit", unit)
    assert not result.sent and result.state is not None and result.state.status is PrinterStatus.CANNOT_CONNECT
    assert why in result.state.detail.lower()
    job = app.printing.spool.get(result.job.id)
    assert job.status == "queued" and why in (job.last_error or "").lower()
    assert app.printing.printer_list()[0]["status"] == "cannot_connect"


def test_printer_dies_mid_job_comes_back_and_the_job_prints_once(live: IntakeApp, zebra: FakeZebra):
    app = live
    order, dock = setup_order(app)
    use_zebra(app, zebra)
    zebra.die_after = len(b"~HS") + 40  # reset the connection 40 bytes into the label
    app.printing.start_worker()
    try:
        unit = first_unit(app, order, dock)  # the scan queues the label; the worker sends it
        assert wait_for(lambda: not zebra.running and _jobs(app)[0].attempts >= 1)
        job = _jobs(app)[0]
        assert job.status == "queued" and job.subject == unit
        assert b"^XZ" not in zebra.connections[0]  # it got part of the label, not all of it
        assert wait_for(lambda: _jobs(app)[0].attempts >= 3)  # retried while it is off
        zebra.start()  # back on the same port
        assert wait_for(lambda: _jobs(app)[0].status == "done")
        mine = [f for f in zebra.formats() if _shows(f, unit)]
        assert len(mine) == 1
        seen = len(zebra.connections)
        app.printing.worker.wake()
        assert not wait_for(lambda: len(zebra.connections) > seen, timeout=1.0)  # never sent again
    finally:
        app.printing.stop_worker()


def _shows(zpl: bytes, internal_id: str) -> bool:
    """The label (ZPL) is the one of this unit: its human-readable id is printed on it."""
    return human_unit_id(internal_id).encode() in zpl


def _jobs(app: IntakeApp) -> list:
    return app.printing.spool.jobs()


def test_a_hung_printer_never_slows_scanning(live: IntakeApp, zebra: FakeZebra):
    app = live
    order, dock = setup_order(app)
    use_zebra(app, zebra)
    app.settings.set("printing.timeout_s", 8.0)
    zebra.silent = True  # takes the connection, never answers
    app.printing.start_worker()
    try:
        app.scanning.record(dock, order, SERIALS[0])
        assert wait_for(lambda: bool(_jobs(app)) and _jobs(app)[0].status == "sending")  # stuck on the printer
        results = [app.scanning.record(dock, order, code) for code in [*SERIALS[1:], *(f"XTRA{i:04d}" for i in range(20))]]
        assert all(r.unit is not None for r in results)  # every scan committed meanwhile
        assert wait_for(lambda: [j.status for j in _jobs(app)].count("queued") == len(results), timeout=5)
        assert _jobs(app)[-1].status == "sending"  # still stuck: scanning did not wait for it
    finally:
        zebra.stop()
        app.printing.stop_worker()


def test_an_acknowledged_job_is_never_sent_again(app: IntakeApp, people: dict[str, Actor], order: str,
                                                 zebra: FakeZebra):
    use_zebra(app, zebra)
    app.settings.set("receiving.auto_print", False)
    unit = first_unit(app, order, people["anna"])
    result = app.printing.print_label(None, "unit", unit)
    assert result.sent
    with pytest.raises(Conflict, match="done"):
        app.printing.retry(result.job.id.hex)
    with pytest.raises(Conflict, match="printed"):
        app.printing.spool.cancel(result.job.id)
    assert app.printing.retry() == []
    assert app.printing.sender.drain("zebra") == []
    assert len(zebra.connections) == 1
    again = app.printing.print_label(None, "unit", unit, reason="label torn")
    assert again.sent and again.job.reprint_of == result.job.id and again.job.reason == "label torn"
    assert len(zebra.formats()) == 2


def test_cancel_a_waiting_job(app: IntakeApp, people: dict[str, Actor], order: str, zebra: FakeZebra):
    use_zebra(app, zebra)
    app.settings.set("receiving.auto_print", False)
    unit = first_unit(app, order, people["anna"])
    zebra.stop()
    queued = app.printing.print_label(None, "unit", unit)
    assert app.printing.spool.cancel(queued.job.id.hex[:6]).status == "cancelled"
    with pytest.raises(Conflict):
        app.printing.spool.cancel(queued.job.id)
    zebra.start()
    assert app.printing.retry() == [] and zebra.formats() == []


def test_jobs_go_out_in_order_after_the_printer_returns(app: IntakeApp, people: dict[str, Actor], order: str,
                                                         zebra: FakeZebra):
    use_zebra(app, zebra)
    zebra.stop()
    units = scan_with_labels(app, order, people["anna"], SERIALS[:4])
    assert [j.subject for j in reversed(_jobs(app))] == units
    zebra.start()
    results = app.printing.retry()
    assert all(r.sent for r in results)
    assert [next(u for u in units if _shows(f, u)) for f in zebra.formats()] == units


def test_an_interrupted_job_waits_for_a_person(app: IntakeApp, people: dict[str, Actor], order: str,
                                               zebra: FakeZebra):
    """A process that died while sending: the label may have printed, so it is not resent by itself."""
    use_zebra(app, zebra)
    scan_with_labels(app, order, people["anna"], [SERIALS[0]])
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    token = f"{socket.gethostname()[:60]}:{int(dead.stdout)}:deadbeef"
    claim = app.printing.spool.claim("zebra", token)
    assert claim is not None and app.printing.spool.get(claim.info.id).status == "sending"
    assert app.printing.sender.drain("zebra") == []  # the printer is busy with it as far as anyone knows
    assert app.printing.spool.recover_interrupted() == 1
    job = app.printing.spool.get(claim.info.id)
    assert job.status == "failed" and "may have printed" in (job.last_error or "")
    assert zebra.connections == []
    assert app.printing.retry(job.id.hex)[0].sent
    assert app.printing.spool.recover_interrupted() == 0


def test_claims_are_exclusive_across_workers(app: IntakeApp, people: dict[str, Actor], order: str):
    use_printer(app, {"driver": "null"}, name="nowhere")
    scan_with_labels(app, order, people["anna"], SERIALS)
    claimed: list[uuid.UUID] = []
    lock = threading.Lock()

    def worker() -> None:
        token = new_token()
        while True:
            claim = app.printing.spool.claim("nowhere", token)
            if claim is None:
                if not app.printing.spool.printers_with_work():
                    return
                continue
            with lock:
                claimed.append(claim.info.id)
            app.printing.spool.complete(claim, "x")

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(30)
    assert len(claimed) == len(SERIALS) == len(set(claimed))
    assert {j.status for j in _jobs(app)} == {"done"}


def test_feeding_labels_from_many_threads_queues_each_label_once(live: IntakeApp):
    app = live
    order, dock = setup_order(app)
    use_printer(app, {"driver": "null"})
    app.printing.feed_labels()
    stop = threading.Event()

    def feeder() -> None:
        while not stop.is_set():
            app.printing.feed_labels()

    threads = [threading.Thread(target=feeder) for _ in range(3)]
    for th in threads:
        th.start()
    units = [app.scanning.record(dock, order, s).unit for s in [*SERIALS, *(f"ZZX{i:05d}" for i in range(40))]]
    stop.set()
    for th in threads:
        th.join(30)
    app.printing.feed_labels()
    subjects = [j.subject for j in _jobs(app)]
    assert sorted(subjects) == sorted(u.internal_id for u in units if u) and len(set(subjects)) == len(subjects)


def test_jobs_for_a_printer_that_is_not_configured_fail_visibly(app: IntakeApp, people: dict[str, Actor],
                                                                 order: str, zebra: FakeZebra):
    use_zebra(app, zebra)
    scan_with_labels(app, order, people["anna"], [SERIALS[0]])
    app.settings.set("printing.printers", {})
    assert app.printing.spool.fail_unrouted(set(app.printing.printers())) == 1
    job = _jobs(app)[0]
    assert job.status == "failed" and job.last_error == "this printer is not configured"


# -- auto-print and hooks ----------------------------------------------------------------------------

def test_auto_print_queues_labels_for_received_units_only(app: IntakeApp, people: dict[str, Actor], order: str):
    anna = people["anna"]
    app.printing.feed_labels()
    app.scanning.record(anna, order, SERIALS[0])
    assert app.printing.feed_labels() == 0 and _jobs(app) == []  # no label printer set: no label
    use_printer(app, {"driver": "null"})
    matched = app.scanning.record(anna, order, SERIALS[1])
    extra = app.scanning.record(anna, order, "ZZEXTRA0001")
    app.scanning.record(anna, order, SERIALS[1])  # duplicate
    assert app.scanning.record(anna, order, "4006381333931").outcome.value == "rejected"  # an EAN product code
    app.scanning.open_pallet(anna, order)
    near = app.scanning.record(anna, order, SERIALS[2][:-1] + ("0" if SERIALS[2][-1] != "0" else "1"))
    assert near.outcome.value == "near_match"
    confirmed = app.corrections.confirm(anna, str(near.scan_id), accept=True)
    assert _jobs(app) == []  # scanning itself queues nothing: the spool looks for new units
    assert app.printing.feed_labels() == 3 and app.printing.feed_labels() == 0
    subjects = [j.subject for j in reversed(_jobs(app))]
    assert subjects == [matched.unit.internal_id, extra.unit.internal_id, confirmed.unit_internal_id]  # type: ignore[union-attr]
    assert {j.kind for j in _jobs(app)} == {"unit_label"}
    app.settings.set("receiving.auto_print", False)
    app.scanning.record(anna, order, SERIALS[3])
    app.printing.feed_labels()
    app.settings.set("receiving.auto_print", True)
    assert app.printing.feed_labels() == 0 and len(_jobs(app)) == 3  # received while off: no label


def test_units_of_other_stations_and_before_the_first_look_get_no_automatic_label(
        make_app: Callable[..., IntakeApp], tmp_path: Path):
    """An upgraded station starts labelling with its next unit, not with its whole history."""
    import shutil

    from .conftest import REPO

    db = tmp_path / "old.sqlite3"
    shutil.copy(REPO / "tests" / "fixtures" / "db" / "intake-0001.sqlite3", db)
    app = make_app("dock-old", db=db)
    use_printer(app, {"driver": "null"})
    assert app.printing.feed_labels() == 0 and _jobs(app) == []
    res = app.scanning.record(app.sign_in("dock"), "TB-2026-0001", "JSLP2L7")
    assert app.printing.feed_labels() == 1 and [j.subject for j in _jobs(app)] == [res.unit.internal_id]  # type: ignore[union-attr]
    other = make_app("dock-2", db=db)  # another station on the same database
    other.scanning.record(other.sign_in("dock"), "TB-2026-0001", "ZZOTHER001")
    assert app.printing.feed_labels() == 0


def test_a_failing_sign_off_hook_never_costs_a_sign_off(app: IntakeApp, people: dict[str, Actor], order: str):
    def broken(conn: object, order_id: object, summary: dict) -> None:
        summary["half"] = True
        raise RuntimeError("add-on bug")

    app.ctx.hooks.signing_off.insert(0, broken)
    app.scanning.record(people["anna"], order, SERIALS[0])
    signed = app.reconciler.sign_off(people["boss"], order, reason="partial")
    assert signed["receipt"]["number"] == "TB-2026-0001-1"  # the receipt's hook still ran
    assert app.printing.receipt(order).final


def test_sign_off_queues_the_final_receipt(app: IntakeApp, people: dict[str, Actor], order: str, tmp_path: Path):
    app.settings.set("printing.printers", {"files": {"driver": "folder", "path": str(tmp_path / "out"),
                                                     "format": "pdf"}})
    app.settings.set("printing.receipt_printer", "files")
    app.scanning.record(people["anna"], order, SERIALS[0])
    app.reconciler.sign_off(people["boss"], order, reason="partial")
    job = _jobs(app)[0]
    assert (job.kind, job.subject, job.status, job.options["number"]) == ("receipt", order, "queued", "TB-2026-0001-1")
    outcomes = app.printing.sender.drain("files")
    assert outcomes[-1].sent
    files = list((tmp_path / "out").glob("intake-receipt-TB-2026-0001_*.pdf"))
    assert len(files) == 1 and files[0].read_bytes() == app.printing.render_receipt(order)


def test_the_spool_on_postgresql(tmp_path: Path):
    import psycopg

    require_service("PostgreSQL", bool(os.environ.get("INTAKE_PG_URL")))
    base = os.environ["INTAKE_PG_URL"].replace("postgresql+psycopg://", "postgresql://")
    name = f"print_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = os.environ["INTAKE_PG_URL"].rsplit("/", 1)[0] + f"/{name}"
    app = IntakeApp.open(db_url=url, station="pg-dock", paths=Paths(tmp_path, tmp_path))
    try:
        order, dock = setup_order(app)
        use_printer(app, {"driver": "folder", "path": str(tmp_path / "out"), "format": "zpl"})
        app.printing.feed_labels()
        units = [app.scanning.record(dock, order, s).unit.internal_id for s in SERIALS[:3]]  # type: ignore[union-attr]
        results = app.printing.retry()  # looks for new units, then sends
        assert len(results) == 3 and all(r.sent for r in results)
        names = sorted(p.name for p in (tmp_path / "out").glob("*.zpl"))
        assert [n.split("-")[2].split("_")[0] for n in names] == sorted(units)
        assert app.printing.spool.payload(results[0].job.id) is not None
    finally:
        app.close()
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
