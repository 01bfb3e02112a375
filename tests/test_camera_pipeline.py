"""The camera pipeline on real generated images and videos, with the real decoders and the real engine.

No camera exists on a build machine: a video file or an image folder stands in for it (the
pipeline does not know the difference). Frame times come from an injected clock (frame number /
30 fps), so hold-offs behave as in real time however fast the machine decodes.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

import cv2
import numpy as np
import pytest

from intake_app.devices.camera import (
    AimBox,
    CameraError,
    CameraPipeline,
    CameraScan,
    FrameResult,
    Role,
    TrackerConfig,
)
from intake_app.devices.camera.hints import Hint, diagnose
from intake_app.devices.camera.sources import CameraSettings, CameraSource, ImageFolderSource, VideoFileSource
from intake_app.devices.decoders import build_decoder, to_gray
from intake_app.domain.outcomes import Outcome

from .camera_scenes import (
    DIFFICULTIES,
    Code,
    Difficulty,
    Scene,
    background,
    laptop_label,
    passing_units,
    render,
    serial_for,
    write_video,
)
from .conftest import SERIALS


def frame_clock(fps: float = 30.0) -> Callable[[], float]:
    counter = itertools.count()
    return lambda: next(counter) / fps


def run_pipeline(source, **kw) -> tuple[list[CameraScan], list[FrameResult], CameraPipeline]:
    scans: list[CameraScan] = []
    results: list[FrameResult] = []
    on_scan = kw.pop("on_scan", scans.append)
    expected = kw.pop("expected", {})
    p = CameraPipeline(source, lossless=kw.pop("lossless", True), on_scan=on_scan,
                       on_frame=kw.pop("on_frame", results.append),
                       clock=kw.pop("clock", frame_clock()), **kw)
    p.set_expected(expected)
    p.start()
    assert p.join(timeout=120)
    p.source.close()
    return scans, results, p


def test_the_serial_is_chosen_among_a_part_number_and_an_ean(tmp_path):
    rng = np.random.default_rng(7)
    serial = serial_for(rng, "hp")
    codes = laptop_label(serial, rng)
    folder = tmp_path / "frames"
    folder.mkdir()
    for i in range(4):  # four frames of a hand-held label: medium difficulty, each with its own noise
        frame, placed = render(Scene(seed=10 + i).add(codes), DIFFICULTIES["medium"])
        cv2.imwrite(str(folder / f"{i:03d}.jpg"), frame)
    scans, results, _ = run_pipeline(ImageFolderSource(folder))
    assert [(s.ranked.text, s.ranked.role) for s in scans] == [(serial, Role.EXTRA)]
    roles = {r.text: r.role for r in results[-1].ranked}
    assert roles.get(codes[1].text, Role.IGNORED) is Role.IGNORED and roles.get(codes[2].text) is Role.IGNORED
    assert {codes[1].text, codes[2].text} & set(roles), "the product codes were read, and ignored"


def test_three_units_pass_in_turn_and_are_recorded_like_a_handheld(app, people, order, tmp_path):
    serials = SERIALS[:3]
    frames, spans = passing_units(serials, seconds_each=1.0, gap_s=0.4, d=DIFFICULTIES["medium"])
    video = write_video(tmp_path / "three-units.avi", frames)
    outcomes: list[tuple[str, Outcome, int]] = []
    pipeline_ref: list[CameraPipeline] = []

    def record(scan: CameraScan) -> None:
        result = app.scanning.record(people["dock"], order, scan.raw, source="camera")
        outcomes.append((result.decision.code.identifier, result.outcome, round(scan.frame_t * 30)))
        pipeline_ref[0].set_expected(app.scanning.outstanding_keys(order))

    p = CameraPipeline(VideoFileSource(video), lossless=True, on_scan=record, clock=frame_clock())
    pipeline_ref.append(p)
    p.set_expected(app.scanning.outstanding_keys(order))
    p.start()
    assert p.join(timeout=120)
    assert [(o[0], o[1]) for o in outcomes] == [(s, Outcome.MATCHED) for s in serials]
    for (_, _, frame), (_, first, _) in zip(outcomes, spans, strict=True):
        assert first <= frame <= first + 2, "recorded within two frames of appearing"
    assert app.orders.summary(order).matched == 3
    with app.store.read() as conn:
        sources = [r[0] for r in conn.exec_driver_sql("select source from scans").all()]
    assert sources == ["camera"] * 3


def test_hold_off_a_unit_held_in_view_scans_once_and_again_after_it_left(app, people, order, tmp_path):
    rng = np.random.default_rng(3)
    bg = background(rng, 1280, 720)
    codes = laptop_label(SERIALS[3], rng)
    d = DIFFICULTIES["easy"]
    labelled = [render(Scene(seed=i).add(codes, (0.5, 0.5)), d, bg=bg)[0] for i in range(4)]
    empty = render(Scene(seed=99), d, bg=bg)[0]
    # 3 s in view, 1 s away (inside the 2 s hold-off), 1 s in view, 3 s away, 1 s in view
    plan = [(labelled, 90), ([empty], 30), (labelled, 30), ([empty], 90), (labelled, 30)]
    frames = [imgs[k % len(imgs)] for imgs, n in plan for k in range(n)]
    video = write_video(tmp_path / "hold.avi", frames)
    got: list[tuple[Outcome, float]] = []

    def record(scan: CameraScan) -> None:
        got.append((app.scanning.record(people["dock"], order, scan.raw, source="camera").outcome, scan.frame_t))

    run_pipeline(VideoFileSource(video), on_scan=record, expected=app.scanning.outstanding_keys(order),
                 tracker=TrackerConfig(frames_needed=2, holdoff_s=2.0))
    assert [o for o, _ in got] == [Outcome.MATCHED, Outcome.DUPLICATE]
    assert got[1][1] == pytest.approx(8.0, abs=0.1)  # the return after 3 s away (frame 240), not after 1 s


def test_live_mode_always_takes_the_newest_frame(tmp_path):
    frames, _ = passing_units(["5CDAAA1111"], seconds_each=3.0, gap_s=0.2, d=DIFFICULTIES["easy"])
    video = write_video(tmp_path / "fast.avi", frames)
    # unpaced file in live mode: capture runs far ahead of two decoders, so frames must be dropped.
    # Each decoded frame is held 30 ms after decoding (a slow consumer), so that holds on a busy machine too.
    results: list[FrameResult] = []

    def slow_consumer(r: FrameResult) -> None:
        results.append(r)
        time.sleep(0.03)

    scans, _, p = run_pipeline(VideoFileSource(video), lossless=False, workers=2, aim=AimBox(enabled=False),
                               on_frame=slow_consumer)
    seqs = [r.frame.seq for r in results]
    assert p.stats.captured == len(frames)
    assert p.stats.skipped > 0 and p.stats.decoded < p.stats.captured
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs), "never an older frame after a newer one"
    assert [s.ranked.text for s in scans] == ["5CDAAA1111"]


@pytest.mark.parametrize("difficulty", ["easy", "medium"])
def test_labels_rotated_with_perspective_noise_and_blur_are_read(difficulty):
    rng = np.random.default_rng(11)
    decoder = build_decoder()
    base = DIFFICULTIES[difficulty]
    for i, angle in enumerate((0, 90, 180, 270)):
        serial = serial_for(rng, ("dell", "hp", "lenovo", "apple")[i])
        frame, placed = render(Scene(seed=i).add([Code(serial, "code128"), Code(serial, "datamatrix")]),
                               Difficulty(base.name, base.ppm, base.blur, base.angle, base.perspective,
                                          base.noise, base.jpeg))
        frame = np.ascontiguousarray(np.rot90(frame, k=angle // 90))
        texts = {r.text for r in decoder.decode(to_gray(frame))}
        assert texts == {serial}, (difficulty, angle, texts)


def test_a_1080p_frame_with_several_labels_returns_every_code_with_its_position():
    rng = np.random.default_rng(5)
    serial_a, serial_b = serial_for(rng, "dell"), serial_for(rng, "apple")
    scene = Scene(1920, 1080, seed=2).add([Code(serial_a, "code128")], (0.3, 0.3)).add(
        [Code(serial_b, "code39"), Code(serial_b, "qrcode")], (0.7, 0.6))
    frame, placed = render(scene, DIFFICULTIES["easy"])
    reads = build_decoder().decode(to_gray(frame))
    assert sorted((r.text, r.symbology) for r in reads) == sorted(
        [(serial_a, "code128"), (serial_b, "code39"), (serial_b, "qrcode")])
    for r in reads:
        truth = next(p for p in placed if p.code.text == r.text and p.code.symbology == r.symbology)
        cx, cy = r.centre()
        tx, ty = truth.quad.mean(axis=0)
        assert abs(cx - tx) < 25 and abs(cy - ty) < 25, "position is where the code is"


def test_hints_for_a_label_too_small_or_too_blurred():
    rng = np.random.default_rng(9)
    codes = [Code(serial_for(rng, "hp"), "code128")]
    small = render(Scene(seed=1).add(codes), Difficulty("small", 1.2, 0.8, 3, 0, 3, 90))[0]
    blurred = render(Scene(seed=1).add(codes), Difficulty("blurred", 3.2, 5.0, 3, 0, 3, 90))[0]
    decoder = build_decoder()
    for img, expected in ((small, Hint.TOO_SMALL), (blurred, Hint.BLURRED)):
        gray = to_gray(img)
        x, y, w, h = AimBox().rect(1280, 720)
        assert decoder.decode(gray) == []
        diagnosis = diagnose(gray[y:y + h, x:x + w], (x, y))
        assert diagnosis.hint is expected, (expected, diagnosis)
    plain = to_gray(render(Scene(seed=1), DIFFICULTIES["easy"])[0])
    assert diagnose(plain[144:576, 256:1024]).hint is Hint.NONE


def test_sources_that_are_not_there_say_so(tmp_path):
    with pytest.raises(CameraError, match="no camera 7"):
        CameraSource(CameraSettings(index=7)).open()
    with pytest.raises(CameraError, match="no such video"):
        VideoFileSource(tmp_path / "none.avi").open()
    (tmp_path / "junk.avi").write_bytes(b"RIFF\x00\x00\x00\x00AVI garbage" * 10)
    with pytest.raises(CameraError, match="not a video"):
        VideoFileSource(tmp_path / "junk.avi").open()
    with pytest.raises(CameraError, match="no images"):
        ImageFolderSource(tmp_path).open()


def test_a_folder_skips_files_that_are_not_images(tmp_path):
    rng = np.random.default_rng(1)
    serial = serial_for(rng, "lenovo")
    frame, _ = render(Scene(seed=1).add([Code(serial, "code128")]), DIFFICULTIES["easy"])
    for name in ("a.png", "c.png"):
        cv2.imwrite(str(tmp_path / name), frame)
    (tmp_path / "b.png").write_bytes(b"not a png at all")
    scans, results, _ = run_pipeline(ImageFolderSource(tmp_path))
    assert len(results) == 2 and [s.ranked.text for s in scans] == [serial]


def test_stop_while_a_camera_would_still_be_delivering(tmp_path):
    frames, _ = passing_units(["5CDAAA1111"], seconds_each=2.0, gap_s=0.2)
    video = write_video(tmp_path / "long.avi", frames)
    p = CameraPipeline(VideoFileSource(video, paced=True))
    p.start()
    import time

    time.sleep(0.3)
    p.stop(timeout=5)
    assert p.join(timeout=0.1)
    assert 0 < p.stats.captured < len(frames)


def test_itf_fragments_are_refused_and_whole_itf_codes_read():
    """ITF has no check character: a piece of a longer one decodes as a shorter valid ITF (the
    misreads bench_camera measured for zxing-cpp used bare). Ours have 10 digits or more."""
    decoder = build_decoder()
    for digits, expected in (("12345678", set()), ("1234567890", {"1234567890"}), ("00012345600012", {"00012345600012"})):
        frame, _ = render(Scene(seed=2).add([Code(digits, "itf")]), DIFFICULTIES["easy"])
        assert {r.text for r in decoder.decode(to_gray(frame))} == expected, digits
