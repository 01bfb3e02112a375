"""The camera's pure rules: ranking with the engine's classification, stability, hold-off, aim box.

Reads are built by hand here (text, symbology, position) and time is the frames' capture time,
so every rule is checked exactly; tests/test_camera_pipeline.py runs the same rules on real images.
"""

from __future__ import annotations

import uuid

import pytest

from intake_app.devices.camera.aim import AimBox, inside, min_code_width, px_per_module
from intake_app.devices.camera.config import camera_config
from intake_app.devices.camera.ranking import Role, rank
from intake_app.devices.camera.stability import FrameNote, Tracker, TrackerConfig
from intake_app.devices.decoders import DecoderConfig, Read
from intake_app.errors import InputError
from intake_app.settings import Settings

from .camera_scenes import ean13, sscc

SERIAL, OTHER, TAG = "5CD821M1EN", "5CD999ZZ11", "HEB-001000"
UNIT, UNIT2 = uuid.uuid4(), uuid.uuid4()
EXPECTED = {"5CD821M1EN": UNIT, "HEB001000": UNIT, "5CD999ZZ11": UNIT2}
EAN = ean13("735005385001")


def read(text: str, symbology: str = "code128", x: int = 400, y: int = 300, w: int = 300, *, aim: str = "]C0",
         confirmed: bool = True) -> Read:
    return Read(text, symbology, ((x, y), (x + w, y), (x + w, y + 60), (x, y + 60)), aim,
                "zxing" if confirmed else "zbar", confirmed)


def label(serial: str = SERIAL, x: int = 400) -> list[Read]:
    """A laptop label: serial, HP product number, EAN-13 (stacked, as in the generated frames)."""
    return [read(serial, x=x, y=100), read("2M0N1UT#ABA", x=x, y=250), read(EAN, "ean13", x=x, y=400, aim="]E0")]


def test_roles_follow_the_engines_classification():
    pallet = sscc("73500538500000012").text
    ranked = {r.text: r for r in rank(label() + [read(pallet, aim="]C1")], EXPECTED)}
    assert ranked[SERIAL].role is Role.MATCHED and ranked[SERIAL].unit == UNIT
    assert ranked["2M0N1UT#ABA"].role is Role.IGNORED  # HP product number
    assert ranked[EAN].role is Role.IGNORED  # product code
    assert ranked[pallet].role is Role.PALLET and ranked[pallet].strong
    assert rank([read(OTHER)], {})[0].role is Role.EXTRA
    assert rank([read("", "code128")], {})[0].role is Role.IGNORED
    # best first: matched before the ignored codes
    assert [r.role for r in rank(label(), EXPECTED)][0] is Role.MATCHED


def test_gs1_reads_keep_their_separator_and_symbology_identifier():
    r = read("0109506000134352" + "10LOT1\x1d21ABC123", "datamatrix", aim="]d2")
    ranked = rank([r], {"ABC123": UNIT})[0]
    assert ranked.code.identifier == "ABC123" and ranked.role is Role.MATCHED
    assert rank([r], {})[0].strong  # GTIN check digit validates: one frame is enough


def test_the_serial_wins_among_several_codes_of_one_label():
    tracker = Tracker(TrackerConfig(frames_needed=2))
    v1 = tracker.update(rank(label(OTHER), {}), 0.0)  # an extra: needs a second frame
    assert v1.scans == () and v1.note is FrameNote.WAITING
    v2 = tracker.update(rank(label(OTHER), {}), 0.033)
    assert [s.text for s in v2.scans] == [OTHER]
    assert v2.held == {OTHER, "2M0N1UT#ABA", EAN}  # the label's other codes are consumed with it


def test_a_matched_serial_scans_in_one_frame():
    v = Tracker().update(rank(label(), EXPECTED), 0.0)
    assert [(s.text, s.role) for s in v.scans] == [(SERIAL, Role.MATCHED)]


def test_serial_and_asset_tag_of_one_unit_scan_once():
    v = Tracker().update(rank([read(SERIAL), read(TAG, y=380)], EXPECTED), 0.0)
    assert [s.text for s in v.scans] == [SERIAL]
    assert TAG in v.held


def test_two_expected_units_in_view_both_scan():
    v = Tracker().update(rank([read(SERIAL, x=50), read(OTHER, x=900)], EXPECTED), 0.0)
    assert {s.text for s in v.scans} == {SERIAL, OTHER}


def test_matched_beats_an_unlisted_serial_beside_it():
    frame = [read("XYZ12345", y=200), read(SERIAL, y=300)]
    tracker = Tracker()
    assert [s.text for s in tracker.update(rank(frame, EXPECTED), 0.0).scans] == [SERIAL]
    # the unlisted code sits on the same label: consumed, never an extra of its own
    for k in range(1, 10):
        assert tracker.update(rank(frame, EXPECTED), k * 0.033).scans == ()


def test_two_unmatched_serials_are_ambiguous_until_one_leaves():
    tracker = Tracker()
    both = [read("AAAA1111", x=50), read("BBBB2222", x=900)]
    for k in range(3):
        v = tracker.update(rank(both, {}), k * 0.033)
        assert v.scans == () and v.note is FrameNote.AMBIGUOUS
    # B leaves: A, already seen in three frames, scans in the first frame it is alone
    assert [s.text for s in tracker.update(rank(both[:1], {}), 0.2).scans] == ["AAAA1111"]


def test_an_express_code_in_itf_gives_way_to_the_serial():
    tracker = Tracker()
    frame = [read("SJRXL7W"), read("1234567890", "itf", y=400, aim="]I0")]
    tracker.update(rank(frame, {}), 0.0)
    assert [s.text for s in tracker.update(rank(frame, {}), 0.04).scans] == ["SJRXL7W"]


def test_hold_off_while_in_view_and_after_it_left():
    tracker = Tracker(TrackerConfig(frames_needed=1, holdoff_s=2.0))
    t, scans = 0.0, []
    for _ in range(150):  # 5 s in view at 30 fps: one scan
        scans += tracker.update(rank(label(), EXPECTED), t).scans
        t += 1 / 30
    assert len(scans) == 1
    t += 1.0  # out of view 1 s (< hold-off): not again
    scans += tracker.update(rank(label(), EXPECTED), t).scans
    assert len(scans) == 1
    t += 2.5  # out of view longer than the hold-off: scans again (the engine will say duplicate)
    scans += tracker.update(rank(label(), EXPECTED), t).scans
    assert len(scans) == 2


def test_a_different_unit_entering_scans_at_once():
    tracker = Tracker(TrackerConfig(frames_needed=2, holdoff_s=2.0))
    tracker.update(rank(label(), EXPECTED), 0.0)
    # the first label still in view; the second unit's label comes in beside it
    v = tracker.update(rank(label() + [read(OTHER, x=1000, y=600)], EXPECTED), 0.033)
    assert [s.text for s in v.scans] == [OTHER]


def test_fallback_reads_need_confirmation():
    tracker = Tracker(TrackerConfig(frames_needed=1))
    zbar = [read("MJ70CWU1", confirmed=False)]
    assert tracker.update(rank(zbar, {}), 0.0).scans == ()  # never trusted alone
    assert [s.text for s in tracker.update(rank(zbar, {}), 0.033).scans] == ["MJ70CWU1"]
    # validated content (an outstanding serial of the order) is enough on its own
    assert [s.text for s in Tracker().update(rank([read(SERIAL, confirmed=False)], EXPECTED), 0.0).scans] == [SERIAL]


def test_a_pallet_code_scans_before_units_are_considered():
    pallet = sscc("73500538500000012")
    tracker = Tracker()
    v = tracker.update(rank([read(pallet.text, aim="]C1", y=50)], {}), 0.0)
    assert [s.role for s in v.scans] == [Role.PALLET]


def test_reset_forgets_the_hold_off():
    tracker = Tracker()
    assert tracker.update(rank(label(), EXPECTED), 0.0).scans
    assert not tracker.update(rank(label(), EXPECTED), 0.03).scans
    tracker.reset()
    assert tracker.update(rank(label(), EXPECTED), 0.06).scans


def test_aim_box_maths():
    assert AimBox().rect(1280, 720) == (256, 144, 768, 432)
    assert AimBox(enabled=False).rect(1920, 1080) == (0, 0, 1920, 1080)
    assert AimBox(0.5, 0.5).rect(1920, 1080) == (480, 270, 960, 540)
    assert inside((640, 360), AimBox().rect(1280, 720)) and not inside((10, 10), AimBox().rect(1280, 720))
    with pytest.raises(ValueError):
        AimBox(0.05, 0.5)
    # a 10-character Code 128 serial (about 150 modules with quiet zones) needs 300 px (decoders.md)
    assert min_code_width(150) == 300
    assert px_per_module(340, 100) == pytest.approx(2.0)
    assert px_per_module(100, 0) == 0


def test_tracker_and_decoder_configs_refuse_nonsense():
    with pytest.raises(ValueError):
        TrackerConfig(frames_needed=0)
    with pytest.raises(ValueError):
        TrackerConfig(holdoff_s=-1)
    with pytest.raises(ValueError):
        DecoderConfig(formats=("code128", "morse"))
    with pytest.raises(ValueError):
        DecoderConfig(formats=())


def test_camera_settings_defaults_and_garbage(tmp_path):
    s = Settings(tmp_path / "settings.toml")
    c = camera_config(s)
    assert (c.camera.width, c.camera.height, c.camera.fps, c.workers) == (1280, 720, 30.0, 2)
    assert c.aim.enabled and c.camera.exposure is None and c.camera.focus is None
    assert c.tracker.frames_needed == 2 and c.decoder.try_rotate and not c.decoder.try_invert
    s.set("camera.exposure", 156)
    s.set("camera.focus", 0)
    s.set("camera.width", "1920")
    c = camera_config(s)
    assert c.camera.exposure == 156 and c.camera.focus == 0 and c.camera.width == 1920
    for key, bad in [("camera.aim_width", 1.5), ("camera.aim_height", 0), ("camera.width", -1),
                     ("camera.frames_needed", 0), ("camera.holdoff_s", -2), ("camera.device", "  "),
                     ("camera.aim_box", "maybe"), ("camera.fps", "fast"), ("camera.workers", 0)]:
        with pytest.raises(InputError, match=key):
            s.set(key, bad)
    (tmp_path / "bad.toml").write_text("[camera]\naim_width = 7\n")
    with pytest.raises(InputError, match="camera.aim_width"):
        Settings.load(tmp_path / "bad.toml")
