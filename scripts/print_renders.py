"""Render the printed things a person looks at into docs/: labels and the first and last receipt pages.

A demo station receives the README's pallet of TB-2026-0001, closes both pallets with their
weights and signs the order off; then the unit label, the pallet label (ZPL through the
independent renderer zplkit, and PDF through pdftoppm) and the final receipt are written as
PNGs. Run it after changing a template or the receipt, and look at the pictures:

    .venv/bin/python scripts/print_renders.py [docs]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from intake_app.app import IntakeApp  # noqa: E402
from intake_app.clock import FixedClock  # noqa: E402
from intake_app.demo import seed_demo  # noqa: E402
from intake_app.paths import Paths  # noqa: E402


def _pdf_pages(pdf: bytes, out: Path, stem: str, dpi: int, pages: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.pdf"
        src.write_bytes(pdf)
        for n in pages:
            prefix = Path(tmp) / f"p{n}"
            subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(n), "-l", str(n), "-png", "-singlefile", str(src),
                            str(prefix)], check=True)
            (out / f"{stem}.png" if len(pages) == 1 else out / f"{stem}-{'first' if n == pages[0] else 'last'}.png"
             ).write_bytes(prefix.with_suffix(".png").read_bytes())


def _page_count(pdf: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True, check=True).stdout
    return int(info.split("Pages:")[1].split()[0])


def main(out: Path) -> None:
    import zplkit  # the independent ZPL renderer (a test dependency)

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clock = FixedClock(datetime(2026, 3, 9, 7, 30, tzinfo=UTC), timedelta(seconds=7))
        app = IntakeApp.open(db_url=f"sqlite:///{folder / 'intake.sqlite3'}", station="dock-1",
                             paths=Paths(folder, folder), clock=clock)
        try:
            seed_demo(app)
            app.settings.set("printing.receiver_name", "Refurbisher AB, Uppsala")
            anna = app.sign_in("Anna Lindqvist", "1357")
            pallet = None
            for code in (REPO / "resources/demo/pallet-TB-2026-0001.txt").read_text(encoding="utf-8").splitlines():
                if code.strip():
                    result = app.scanning.record(anna, "TB-2026-0001", code, pallet=pallet, source="wedge")
                    pallet = result.pallet.code if result.pallet else pallet
            unit = app.reconciler.reconcile("TB-2026-0001")[0]["matched"][0]["unit"]["internal_id"]
            pallets = [p["code"] for p in app.orders.detail("TB-2026-0001")["pallets"]]
            for code, kg in zip(pallets, (212.5, 148.0), strict=False):
                app.scanning.close_pallet(anna, code, kg)
            app.reconciler.sign_off(app.sign_in("Sven Ekström", "2468"), "TB-2026-0001",
                                    reason="Resterande enheter hämtas vecka 12")
            p = app.printing
            for kind, subject, stem in (("unit", unit, "print-unit-label"), ("pallet", pallets[0], "print-pallet-label")):
                options = p.label_options(kind, None)
                zpl = p.render_label(kind, subject, "zpl", options)
                (out / f"{stem}-zpl-203dpi.png").write_bytes(
                    zplkit.render(zpl, zplkit.Options(dpi=203)).labels[0].png())
                _pdf_pages(p.render_label(kind, subject, "pdf", options), out, f"{stem}-pdf", 300, [1])
            receipt = p.render_receipt("TB-2026-0001", "sv")
            _pdf_pages(receipt, out, "print-receipt", 100, [1, _page_count(receipt)])
        finally:
            app.close()
    print("\n".join(sorted(str(f) for f in out.glob("print-*.png"))))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs")
