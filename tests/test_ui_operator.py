"""The operator's day, driven through the real window offscreen: sign in, pick an order, scan a
pallet, scan units of every outcome, answer a near match, void, close the pallet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from intake_app.demo_data import demo_orders
from intake_app.store import tables as t
from ui.actions import Action
from ui.feedback import Sound, Tone
from ui.pages.receiving import ReceivingPage
from ui.pages.signin import SignInPage
from ui.sounds import NullSoundPlayer

from .ui_support import answer_dialog, idle, person_types, scanner_types, sign_in

HEBY = demo_orders()[0]
KNIVSTA = demo_orders()[1]
SSCC = "373500123400000019"


def banner(page: ReceivingPage) -> tuple[Tone, str]:
    return page.banner.feedback.tone, page.banner.feedback.headline


def scan_and_wait(qtbot, shell, page: ReceivingPage, code: str) -> None:
    before = len(shell.ctx.sounds.played)
    with qtbot.waitSignal(page.feedback_shown, timeout=10_000):
        scanner_types(code)
    assert len(shell.ctx.sounds.played) == before + 1  # every result is heard


def test_sign_in_with_pin_typed_by_a_person(qtbot, shell):
    page = shell.window.current
    assert isinstance(page, SignInPage)
    idle(qtbot, shell)
    page.who.setCurrentIndex(page.who.findData("Anna Lindqvist"))
    page.pin.setFocus()
    person_types(qtbot, "1357", page.pin, enter=True)
    qtbot.waitUntil(lambda: shell.ctx.session.actor is not None, timeout=10_000)
    assert shell.ctx.session.actor.name == "Anna Lindqvist"
    assert shell.window.current.name == "orders"


def test_wrong_pin_is_refused_and_says_so(qtbot, shell):
    page = shell.window.current
    idle(qtbot, shell)
    page.who.setCurrentIndex(page.who.findData("Anna Lindqvist"))
    page.pin.setFocus()
    person_types(qtbot, "9999", page.pin, enter=True)
    qtbot.waitUntil(lambda: bool(page.error.text()), timeout=10_000)
    assert shell.ctx.session.actor is None and "wrong PIN" in page.error.text()


def test_badge_scanned_into_the_pin_field_signs_in_and_is_not_typed_there(qtbot, shell):
    engine = shell.ctx.engine
    admin = engine.sign_in("Admin", "9753")
    engine.operators.create(admin, "Kim Berg", "operator", badge="BADGE-0042-KB")
    page = shell.window.current
    page.pin.setFocus()
    scanner_types("BADGE-0042-KB")
    qtbot.waitUntil(lambda: shell.ctx.session.actor is not None, timeout=10_000)
    assert shell.ctx.session.actor.name == "Kim Berg"
    assert page.pin.text() == ""  # the badge never landed in the PIN box


def test_full_operator_flow(qtbot, shell):
    assert isinstance(shell.ctx.sounds, NullSoundPlayer)
    sign_in(qtbot, shell)
    win = shell.window
    orders = win.current
    assert orders.name == "orders"
    orders.search.setFocus()
    scanner_types(HEBY.number)  # scanning the order number on the delivery note opens it
    qtbot.waitUntil(lambda: win.current.name == "receiving", timeout=10_000)
    page = win.current
    assert isinstance(page, ReceivingPage)
    assert orders.search.text() == ""  # the scan was not typed into the search box
    idle(qtbot, shell, 700)
    assert page.outstanding.rowCount() == 48 and "0 / 48" in page.order_counters.values[0].text()

    page.outstanding_search.setFocus()  # focus in a text field: scans still go to receiving
    scan_and_wait(qtbot, shell, page, "00" + SSCC)
    assert banner(page) == (Tone.INFO, f"Pallet {SSCC}") and shell.ctx.session.pallet.code == SSCC
    assert page.outstanding_search.text() == ""
    assert SSCC in page.pallet_label.text()

    serials = [u.serial for u in HEBY.units]
    scan_and_wait(qtbot, shell, page, serials[0])
    assert banner(page) == (Tone.GOOD, "Matched") and shell.ctx.sounds.played[-1] is Sound.MATCHED
    scan_and_wait(qtbot, shell, page, serials[0])
    assert banner(page) == (Tone.WARN, "Already received") and shell.ctx.sounds.played[-1] is Sound.WARNING
    scan_and_wait(qtbot, shell, page, KNIVSTA.units[0].serial)
    assert banner(page) == (Tone.STOP, "Wrong order") and shell.ctx.sounds.played[-1] is Sound.STOP
    assert page.banner.next_step.text() == f"Put it aside: belongs to {KNIVSTA.number} Knivsta"
    scan_and_wait(qtbot, shell, page, "7350012345679")
    assert banner(page) == (Tone.STOP, "Product code (EAN/GTIN), not a serial number")
    scan_and_wait(qtbot, shell, page, "5CG0ZZ9NEW1")
    assert banner(page) == (Tone.WARN, "Extra: not on any list")
    label = shell.ctx.session.last_result.unit.internal_id
    scan_and_wait(qtbot, shell, page, label)
    assert banner(page) == (Tone.INFO, f"Our label {label}")

    # a near match: one confusable character away; the operator confirms it
    target = next(s for s in serials[1:] if "S" in s or "0" in s or "1" in s)
    swap = {"S": "5", "0": "O", "1": "I"}
    i = next(i for i, ch in enumerate(target) if ch in swap)
    typo = target[:i] + swap[target[i]] + target[i + 1:]
    scan_and_wait(qtbot, shell, page, typo)
    assert banner(page) == (Tone.WARN, "Check the serial number") and page.near.isVisible()
    assert target in page.near.yes.text()
    with qtbot.waitSignal(page.feedback_shown, timeout=5000, raising=False):
        qtbot.mouseClick(page.near.yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.feedback.detail == "Confirmed by the operator", timeout=5000)
    assert not page.near.isVisible()

    idle(qtbot, shell, 800)
    c = shell.ctx.engine.dock.counters(HEBY.number)
    assert (c.matched, c.extras, c.duplicates, c.wrong_order) == (2, 1, 1, 1)
    assert page.order_counters.values[0].text() == "2 / 48"
    assert page.outstanding.rowCount() == 46
    assert page.scans.row(0).outcome == "near_match" and page.scans.row(0).internal_id

    close_pallet(qtbot, shell, page)


def close_pallet(qtbot, shell, page: ReceivingPage) -> None:
    def fill(dialog):
        dialog.weight.setValue(187.5)
        dialog.accept()

    answer_dialog(fill)
    shell.window.close_pallet()
    qtbot.waitUntil(lambda: shell.ctx.session.pallet is None, timeout=10_000)
    assert banner(page)[1] == f"Pallet {SSCC} closed, 187.5 kg"
    with shell.ctx.engine.store.read() as conn:
        weight = conn.execute(select(t.pallet_events.c.weight_kg).where(t.pallet_events.c.kind == "close")).scalar()
    assert weight == 187.5
    assert "No pallet" in page.pallet_label.text()


def test_manual_entry_and_void(qtbot, shell):
    sign_in(qtbot, shell)
    win = shell.window
    win.open_order(shell.ctx.engine.orders.summary(HEBY.number))
    page = win.current
    idle(qtbot, shell, 300)
    page.manual.setFocus()
    serial = HEBY.units[5].serial
    with qtbot.waitSignal(page.feedback_shown, timeout=10_000):
        person_types(qtbot, serial, page.manual, enter=True)
    assert banner(page) == (Tone.GOOD, "Matched")
    with shell.ctx.engine.store.read() as conn:
        assert conn.execute(select(t.scans.c.source).order_by(t.scans.c.created_at.desc())).scalar() == "manual"
    idle(qtbot, shell, 400)
    page.scan_view.selectRow(0)

    def give_reason(dialog):
        dialog.text.setPlainText("Scanned by mistake")
        dialog.accept()

    answer_dialog(give_reason)
    page.void_selected()
    qtbot.waitUntil(lambda: page.banner.feedback.headline == "Scan voided", timeout=10_000)
    idle(qtbot, shell, 400)
    assert page.scans.row(0).voided and shell.ctx.engine.dock.counters(HEBY.number).matched == 0


def test_new_pallet_then_scans_land_on_it(qtbot, shell):
    sign_in(qtbot, shell)
    win = shell.window
    win.open_order(shell.ctx.engine.orders.summary(HEBY.number))
    page = win.current
    idle(qtbot, shell)
    win.actions_[Action.NEW_PALLET].trigger()
    qtbot.waitUntil(lambda: shell.ctx.session.pallet is not None, timeout=10_000)
    pallet = shell.ctx.session.pallet.code
    scan_and_wait(qtbot, shell, page, HEBY.units[0].serial)
    assert shell.ctx.session.last_result.unit.pallet == pallet


def test_scans_queue_in_order_and_none_is_lost(qtbot, shell):
    """Twenty codes at wedge speed, faster than they are recorded: all recorded, in order, each heard."""
    sign_in(qtbot, shell)
    win = shell.window
    win.open_order(shell.ctx.engine.orders.summary(HEBY.number))
    page = win.current
    idle(qtbot, shell)
    codes = ["00" + SSCC] + [u.serial for u in HEBY.units[:19]]
    for code in codes:
        scanner_types(code)
    qtbot.waitUntil(lambda: len(shell.ctx.sounds.played) == len(codes), timeout=20_000)
    with shell.ctx.engine.store.read() as conn:
        rows = conn.execute(select(t.scans.c.code, t.pallets.c.code).outerjoin(
            t.pallets, t.pallets.c.id == t.scans.c.pallet_id).order_by(t.scans.c.created_at)).all()
    recorded = [r for r in rows if r[0] in codes or r[0] == SSCC]
    assert [r[0] for r in recorded][-20:] == [SSCC] + codes[1:]
    assert all(r[1] == SSCC for r in recorded[-19:])  # the pallet scan switched the pallet for the next scan
    assert page.banner.feedback.headline == "Matched"


def test_scan_before_choosing_an_order_is_not_recorded(qtbot, shell):
    sign_in(qtbot, shell)
    page = shell.window.page("receiving")
    shell.window.stack.setCurrentWidget(page)
    scanner_types(HEBY.units[0].serial)
    qtbot.wait(100)
    with shell.ctx.engine.store.read() as conn:
        n = conn.execute(select(t.scans.c.id).where(t.scans.c.code == HEBY.units[0].serial)).all()
    assert n == []


def test_blind_receiving_never_shows_what_is_expected(qtbot, shell):
    shell.ctx.settings.set("receiving.blind", True)
    sign_in(qtbot, shell)
    win = shell.window
    win.open_order(shell.ctx.engine.orders.summary(HEBY.number))
    page = win.current
    idle(qtbot, shell, 300)
    assert page.outstanding_stack.currentIndex() == 1 and page.outstanding.rowCount() == 0
    assert page.order_counters.values[0].text() == "0" and page.order_counters.captions[0].text() == "matched"
    target = next(u.serial for u in HEBY.units if "S" in u.serial)
    typo = target.replace("S", "5", 1)
    scan_and_wait(qtbot, shell, page, typo)
    shown = " ".join((page.banner.feedback.headline, page.banner.feedback.detail, page.banner.feedback.next_step,
                      page.near.expected.text() if page.near.expected.isVisible() else ""))
    assert page.banner.feedback.headline == "Check the serial number" and target not in shown
    assert page.near.isVisible() and not page.near.yes.isVisible() and page.near.no.isVisible()
    qtbot.mouseClick(page.near.no, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.feedback.headline == "Extra: not on any list", timeout=10_000)
