"""``intake-app --screenshots``: every page and dialog rendered on the demo data, in both languages;
docs/screenshots holds the same set."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

from .conftest import REPO

EXPECTED = ("01-sign-in", "02-orders", "03-receiving-matched", "04-receiving-duplicate", "05-receiving-wrong-order",
            "06-receiving-rejected", "07-receiving-near-match", "08-dialog-void", "09-dialog-close-pallet",
            "10-receiving-blind", "11-receiving-full-screen", "12-reconcile", "13-reconcile-extras",
            "14-dialog-manual-match", "15-dialog-sign-off", "16-dialog-receipt", "17-dialog-import",
            "18-scanner-check", "19-print-queue", "20-dialog-settings", "21-dialog-settings-scanner",
            "22-dialog-settings-printers", "23-dialog-receipt-pdf", "24-dialog-about")


def test_screenshots_of_every_page_and_dialog(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([str(Path(sys.executable).parent / "intake-app"), "--screenshots", str(tmp_path), "--lang", "sv"],
                       env=env, capture_output=True, text=True, timeout=240)
    assert r.returncode == 0, r.stderr[-2000:]
    names = sorted(p.stem for p in tmp_path.glob("sv-*.png"))
    assert names == [f"sv-{n}" for n in EXPECTED]
    for n in ("03-receiving-matched", "12-reconcile"):
        img = Image.open(tmp_path / f"sv-{n}.png").convert("RGB")
        assert img.size == (1366, 768)
        assert len(img.resize((64, 36)).getcolors(maxcolors=4096) or []) > 50  # a screen, not a blank
    assert Image.open(tmp_path / "sv-11-receiving-full-screen.png").size == (1920, 1080)


def test_docs_screenshots_are_the_full_set_in_both_languages():
    folder = REPO / "docs" / "screenshots"
    for lang in ("sv", "en"):
        assert sorted(p.stem for p in folder.glob(f"{lang}-*.png")) == [f"{lang}-{n}" for n in EXPECTED]
