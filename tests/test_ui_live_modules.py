"""The dock with the real modules wired in: the engine's print spool writing label files, the
background sync against the test run's PostgreSQL, and a video file standing in for the webcam."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QPlainTextEdit
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import make_url

from intake_app.store import tables as t
from ui.adapters import BackgroundSyncService, LiveCamera, SpoolLabels, SpoolQueue, SpoolReceipts
from ui.integrations import Integrations, build_integrations

from .camera_scenes import DIFFICULTIES, Scene, laptop_label, render, write_video
from .sync_support import central_fixture  # noqa: F401 - a fixture
from .ui_support import idle, scanner_types, sign_in, start_shell, stop_shell

ORDER = "TB-2026-0001"
REPO = Path(__file__).resolve().parents[1]


def _serials(engine, n: int) -> list[str]:  # noqa: ANN001
    return [line.serial for line in engine.dock.outstanding(engine.orders.summary(ORDER).id)[:n]]


def _scan(qtbot, s, code: str) -> None:  # noqa: ANN001
    page = s.window.current
    with qtbot.waitSignal(page.feedback_shown, timeout=10_000):
        scanner_types(code)


def test_received_units_get_exactly_one_label_each_from_the_spool(qtbot, demo_engine, tmp_path):
    out = tmp_path / "labels"
    demo_engine.settings.set("printing.printers", {"files": {"driver": "folder", "format": "pdf", "path": str(out)}})
    demo_engine.settings.set("printing.label_printer", "files")
    s = start_shell(qtbot, demo_engine)  # the station's own integrations: build_integrations
    try:
        assert isinstance(s.ctx.integrations.print_queue, SpoolQueue)
        sign_in(qtbot, s)
        s.window.open_order(demo_engine.orders.summary(ORDER))
        idle(qtbot, s)
        serials = _serials(demo_engine, 3)
        for code in serials:
            _scan(qtbot, s, code)
        queue_jobs = s.ctx.integrations.print_queue.jobs
        qtbot.waitUntil(lambda: [j.status for j in queue_jobs()] == ["done"] * 3, timeout=15_000)
        qtbot.wait(500)
        assert len(list(out.glob("*.pdf"))) == 3, "one label per received unit, none twice"
        assert {j.kind for j in queue_jobs()} == {"unit_label"}
        queue = s.window.show_page("print_queue")
        qtbot.waitUntil(lambda: queue.model.rowCount() == 3, timeout=5000)
        queue.view.selectRow(0)
        queue.reprint.click()  # a printed label printed again: a new job, a new file
        qtbot.waitUntil(lambda: len(list(out.glob("*.pdf"))) == 4, timeout=10_000)
        def reprints() -> list:  # noqa: ANN202
            return [j for j in demo_engine.printing.spool.jobs() if j.reprint_of is not None]

        qtbot.waitUntil(lambda: [j.status for j in reprints()] == ["done"], timeout=5000)  # the file is written first
        assert reprints()[0].reason == "reprint"
        s.window.poll_status()
        qtbot.waitUntil(lambda: "not set up" not in s.window.status.printing.text(), timeout=5000)
    finally:
        stop_shell(s)
    assert not s.ctx.engine.printing.worker.running


def test_a_station_without_a_label_printer_prints_nothing_and_says_so(qtbot, demo_engine):
    integrations = build_integrations(demo_engine, lambda: None)
    assert not integrations.labels.configured and not integrations.print_queue.configured
    assert not integrations.sync.configured and not integrations.camera.configured
    with pytest.raises(Exception, match="receipt printer"):
        integrations.receipts.print_receipt(ORDER)
    assert integrations.receipts.receipt_pdf(ORDER).startswith(b"%PDF")  # preview and save need no printer


def test_printers_are_edited_as_json_and_garbage_is_refused(qtbot, demo_engine):
    from ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(demo_engine.settings)
    qtbot.addWidget(dialog)
    editor = dialog.editors["printing.printers"].widget
    assert isinstance(editor, QPlainTextEdit)
    for garbage, words in (("{not json", "not valid JSON"), (json.dumps({"x y": {"driver": "tcp"}}), "printer")):
        editor.setPlainText(garbage)
        dialog.save()
        assert words in dialog.error.text() and dialog.result() == 0
        assert demo_engine.settings.get("printing.printers") == {}  # nothing written
    editor.setPlainText(json.dumps({"zebra": {"driver": "tcp", "host": "127.0.0.1", "port": 9100}}))
    labels = dialog.editors["printing.label_printer"].widget
    assert [labels.itemText(i) for i in range(labels.count())] == ["", "zebra"]  # follows the table as typed
    labels.setCurrentText("zebra")
    dialog.save()
    assert dialog.error.text() == "" and "zebra" in demo_engine.settings.get("printing.printers")
    assert demo_engine.settings.get("printing.label_printer") == "zebra"
    assert demo_engine.settings.get("printing.receipt_printer") == ""


def test_the_status_bar_follows_the_background_sync(qtbot, demo_template, central, tmp_path):  # noqa: F811
    from intake_app.sync.register import register_station
    from intake_app.sync.secrets import FileStore

    from .ui_support import open_demo_copy

    secrets = FileStore(tmp_path / "secrets")
    engine = open_demo_copy(demo_template, tmp_path / "gui-station")
    for key, value in central.tls.items():
        engine.settings.set(f"sync.{key}", value)
    register_station(engine.ctx, engine.settings, central.config(), secrets)  # as IT staff do at set-up
    engine.close()
    engine = open_demo_copy_again(tmp_path / "gui-station")
    url = engine.settings.get("sync.central_url")
    sync = BackgroundSyncService(engine, secrets=secrets)
    sync.background.interval = 3600  # after the first sync at start, only "Sync now" syncs
    integrations = Integrations(SpoolQueue(engine, lambda: None), SpoolLabels(engine, lambda: None),
                                SpoolReceipts(engine, lambda: None), sync, LiveCamera(engine))
    s = start_shell(qtbot, engine, integrations)
    try:
        sign_in(qtbot, s)
        s.window.open_order(engine.orders.summary(ORDER))
        idle(qtbot, s)
        qtbot.waitUntil(lambda: sync.background.state.syncs >= 1, timeout=60_000)
        _scan(qtbot, s, _serials(engine, 1)[0])
        assert sync.state().waiting_rows > 0
        s.window.sync_now()
        qtbot.waitUntil(lambda: "0 rows waiting" in s.window.status.sync.text(), timeout=60_000)
        assert "online" in s.window.status.sync.text()
        mine = select(func.count()).select_from(t.scans).where(t.scans.c.station_id == engine.station.id)
        db = create_engine(central.admin_url)
        try:
            with db.connect() as conn:
                at_central = conn.execute(mine).scalar_one()
        finally:
            db.dispose()
        with engine.ctx.store.read() as conn:
            assert at_central == conn.execute(mine).scalar_one() > 60  # the demo's scans and the one just made
        engine.settings.set("sync.central_url", make_url(url).set(port=1).render_as_string(hide_password=False))
        s.window.sync_now()
        qtbot.waitUntil(lambda: "offline" in s.window.status.sync.text(), timeout=60_000)
        assert s.window.status.sync.toolTip()  # the reason is one hover away
    finally:
        stop_shell(s)
        engine.close()


def open_demo_copy_again(home):  # noqa: ANN001,ANN201 - the registered copy, opened as the app starts
    from datetime import timedelta

    from intake_app.app import IntakeApp
    from intake_app.clock import FixedClock
    from intake_app.paths import Paths

    from .conftest import T0

    return IntakeApp.open(db_url=f"sqlite:///{home / 'intake.sqlite3'}", station="dock-1", paths=Paths(home, home),
                          clock=FixedClock(T0 + timedelta(days=1), timedelta(seconds=1)))


def test_the_webcam_scans_on_the_receiving_page(qtbot, demo_engine, tmp_path):
    serial = _serials(demo_engine, 1)[0]
    rng = np.random.default_rng(5)
    scene = Scene(seed=2).add(laptop_label(serial, rng), (0.5, 0.5))
    frames = [render(Scene(scene.width, scene.height, seed=k, labels=scene.labels), DIFFICULTIES["easy"])[0]
              for k in range(3)]
    video = write_video(tmp_path / "dock-camera.avi", frames * 60)
    demo_engine.settings.set("camera.enabled", True)
    demo_engine.settings.set("camera.device", str(video))
    s = start_shell(qtbot, demo_engine)
    try:
        sign_in(qtbot, s)
        s.window.open_order(demo_engine.orders.summary(ORDER))
        page = s.window.current
        camera = s.ctx.integrations.camera
        assert isinstance(camera, LiveCamera) and len(camera.panels) == 1
        qtbot.waitUntil(lambda: bool(page.banner.feedback and page.banner.feedback.headline == "Matched"),
                        timeout=20_000)
        scans = demo_engine.dock.recent_scans(ORDER, limit=5)
        assert [(x.code, x.source) for x in scans] == [(serial, "camera")]  # one scan, however long in view
        panel = camera.panels[0]
        qtbot.wait(300)
        shot = tmp_path / "camera-receiving-page.png"
        assert s.window.grab().save(str(shot))
        if os.environ.get("INTAKE_UPDATE_RENDERS"):
            shutil.copy(shot, REPO / "docs" / shot.name)
        s.window.show_page("print_queue")
        assert panel.view.pipeline is None  # no decoding behind other pages
        s.window.show_page("receiving")
        qtbot.waitUntil(lambda: panel.view.pipeline is not None, timeout=5000)
    finally:
        stop_shell(s)


def test_a_camera_that_is_not_there_is_a_line_on_the_page(qtbot, demo_engine, tmp_path):
    demo_engine.settings.set("camera.enabled", True)
    demo_engine.settings.set("camera.device", str(tmp_path / "no-such-video.avi"))
    s = start_shell(qtbot, demo_engine)
    try:
        sign_in(qtbot, s)
        s.window.open_order(demo_engine.orders.summary(ORDER))
        panel = s.ctx.integrations.camera.panels[0]
        qtbot.waitUntil(lambda: panel.problem.isVisible(), timeout=10_000)
        assert panel.problem.text().startswith("Camera:")
        _scan(qtbot, s, _serials(demo_engine, 1)[0])  # the handheld still works
    finally:
        stop_shell(s)


def test_closing_the_app_releases_a_waiting_sync_now(demo_engine, tmp_path):
    """'Sync now' waits for the background thread; closing the dock must not wait for it as well."""
    import threading
    import time

    from intake_app.sync.secrets import FileStore

    demo_engine.settings.set("sync.central_url", "postgresql+psycopg://dock@127.0.0.1:1/intake")
    sync = BackgroundSyncService(demo_engine, secrets=FileStore(tmp_path / "secrets"))
    returned = threading.Event()
    waiter = threading.Thread(target=lambda: (sync.sync_now(), returned.set()), daemon=True)
    waiter.start()  # the background thread was never started: nothing will answer the request
    time.sleep(0.3)
    assert not returned.is_set()
    started = time.monotonic()
    sync.stop()
    assert returned.wait(5) and time.monotonic() - started < 5
