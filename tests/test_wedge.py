"""Keyboard-wedge burst detection on timing traces: scans recognised, typing passed through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake_app.devices.wedge import (
    BurstDetector,
    Step,
    WedgeConfig,
    config_from_settings,
    decode_affix,
    strip_affixes,
)
from intake_app.settings import Settings

from .conftest import REPO

TRACES = sorted((REPO / "tests" / "fixtures" / "wedge").glob("*.json"))


def replay(events: list[tuple[float, str]], config: WedgeConfig) -> dict[str, list]:
    """Drive the detector like the GUI does: keys in order, ticks when a deadline passes."""
    det: BurstDetector[str] = BurstDetector(config)
    typed: list[str] = []
    scans: list = []
    unterminated: list[str] = []
    wake: float | None = None

    def apply(step: Step[str], key: str | None) -> None:
        nonlocal wake
        typed.extend(step.release)
        if key is not None and not step.consumed:
            typed.append(key)
        if step.scan:
            scans.append(step.scan)
        if step.unterminated:
            unterminated.append(step.unterminated)
        wake = step.wake_at

    for t, key in events:
        if wake is not None and t > wake:
            apply(det.tick(wake + 0.1), None)
        text = "" if key.startswith("<") else key
        apply(det.key(key, text, t), key)
    if wake is not None:
        apply(det.tick(wake + 0.1), None)
    return {"typed": typed, "scans": scans, "unterminated": unterminated}


@pytest.mark.parametrize("path", TRACES, ids=[p.stem for p in TRACES])
def test_trace(path: Path):
    trace = json.loads(path.read_text(encoding="utf-8"))
    out = replay([(t, k) for t, k in trace["events"]], WedgeConfig(**trace["config"]))
    expect = trace["expect"]
    assert [s.code for s in out["scans"]] == expect["scans"]
    assert "".join(out["typed"]) == expect["typed"]
    assert out["unterminated"] == expect.get("unterminated", [])
    if "terminators" in expect:
        assert [s.terminator for s in out["scans"]] == expect["terminators"]


def test_there_are_traces_of_both_kinds():
    kinds = {bool(json.loads(p.read_text(encoding="utf-8"))["expect"]["scans"]) for p in TRACES}
    assert kinds == {True, False} and len(TRACES) >= 10


def test_typed_keys_keep_their_order_around_a_scan():
    # person types "ab" slowly, a scan arrives, person types "c"
    events = [(0.0, "a"), (200.0, "b"), (1000.0, "X"), (1004.0, "Y"), (1008.0, "Z"), (1012.0, "W"),
              (1016.0, "\r"), (1500.0, "c")]
    out = replay(events, WedgeConfig())
    assert "".join(out["typed"]) == "abc"
    assert [s.code for s in out["scans"]] == ["XYZW"]


def test_a_held_key_is_released_by_tick_only_after_the_gap():
    det: BurstDetector[str] = BurstDetector(WedgeConfig(max_gap_ms=35))
    step = det.key("a", "a", 100.0)
    assert step.consumed and step.wake_at == 135.0
    early = det.tick(120.0)  # too early: it may still become a burst; come back at the deadline
    assert early.release == () and early.wake_at == 135.0
    assert det.tick(136.0).release == ("a",)
    assert not det.holding


def test_slow_gap_inside_a_burst_splits_it():
    det: BurstDetector[str] = BurstDetector(WedgeConfig(max_gap_ms=20))
    for i, ch in enumerate("ABCD"):
        det.key(ch, ch, i * 5.0)
    step = det.key("E", "E", 100.0)  # 85 ms later: ABCD was typing, E starts anew
    assert step.release == ("A", "B", "C", "D") and step.consumed
    assert step.unterminated == "ABCD"


def test_stuck_key_does_not_grow_forever():
    det: BurstDetector[str] = BurstDetector()
    released: list[str] = []
    for i in range(600):
        released += det.key("x", "x", i * 2.0).release
    assert len(released) >= 512 and det.holding


def test_enter_alone_and_garbage_keys_pass_through():
    det: BurstDetector[str] = BurstDetector()
    assert det.key("\r", "\r", 0.0) == Step()
    for junk in ("", "\x00", "\x1b", "ab", "\x1d"):
        step = det.key(junk, junk, 10.0)
        assert not step.consumed and step.scan is None


def test_suffix_then_enter_swallows_the_enter():
    det: BurstDetector[str] = BurstDetector(WedgeConfig(suffix="$"))
    steps = [det.key(ch, ch, i * 3.0) for i, ch in enumerate("CODE1$")]
    assert steps[-1].scan and steps[-1].scan.code == "CODE1" and steps[-1].scan.terminator is None
    assert det.key("\r", "\r", 20.0).consumed  # the scanner's Enter after its suffix
    assert not det.key("\r", "\r", 500.0).consumed  # a person's Enter much later


def test_config_rejects_nonsense():
    with pytest.raises(ValueError):
        WedgeConfig(max_gap_ms=0)
    with pytest.raises(ValueError):
        WedgeConfig(min_length=0)


def test_affixes_from_settings(tmp_path):
    s = Settings(tmp_path / "s.toml")
    s.set("scanner.prefix", "\\x1d")
    s.set("scanner.suffix", "\\t")
    s.set("scanner.max_key_interval_ms", 20)
    cfg = config_from_settings(s.get)
    assert (cfg.prefix, cfg.suffix, cfg.max_gap_ms, cfg.min_length) == ("\x1d", "\t", 20.0, 4)
    assert decode_affix("a\\xZZb\\\\") == "a\\xZZb\\"
    assert strip_affixes("#ABC$", "#", "$") == "ABC" and strip_affixes("ABC", "#", "$") == "ABC"
