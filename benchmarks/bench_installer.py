"""Build time and sizes of the dock PC package, and how long installing it takes.

    .venv/bin/python -m benchmarks.bench_installer [--install]

Runs ``installer/build.py --deb`` from scratch (a fresh PyInstaller work folder and an empty
PyInstaller cache under benchmarks/out) and reports the time for the bundle and for the package, the bundle's size on
disk, the .deb's size and its Installed-Size, the biggest parts of the bundle, and the start times
of ``intake --version`` and of the dock application (offscreen, to its first page) from the bundle. With ``--install`` (root; the package must not be installed
yet) it also times ``dpkg --install`` and ``dpkg --purge``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out" / "installer"


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


def timed(args: list[str], **kwargs: object) -> tuple[float, subprocess.CompletedProcess[str]]:
    t0 = time.monotonic()
    r = subprocess.run(args, capture_output=True, text=True, check=True, **kwargs)  # type: ignore[call-overload]
    return time.monotonic() - t0, r


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--install", action="store_true", help="also time dpkg --install and --purge (root)")
    args = p.parse_args()
    shutil.rmtree(OUT, ignore_errors=True)
    cold = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(OUT / "pyinstaller-cache")}  # as on a new build PC
    seconds, r = timed([sys.executable, str(ROOT / "installer" / "build.py"), "--deb", "--dist", str(OUT / "dist"),
                        "--work", str(OUT / "work")], cwd=ROOT, env=cold)
    print(r.stdout.strip())
    bundle = OUT / "dist" / "intake-dock"
    deb = next((OUT / "dist").glob("*.deb"))
    info = subprocess.run(["dpkg-deb", "--field", str(deb), "Installed-Size"], capture_output=True, text=True).stdout
    print(f"\nbuild.py --deb from scratch: {seconds:.0f} s")
    print(f"bundle on disk: {folder_mb(bundle):.0f} MB; .deb: {deb.stat().st_size / 1e6:.0f} MB; "
          f"Installed-Size: {int(info) / 1024:.0f} MiB")
    parts = sorted(((folder_mb(d) if d.is_dir() else d.stat().st_size / 1e6, d.name)
                    for d in (bundle / "_internal").iterdir() if not d.is_symlink()), reverse=True)[:8]
    print("biggest parts: " + ", ".join(f"{name} {mb:.0f} MB" for mb, name in parts))
    env = {**os.environ, "INTAKE_HOME": str(OUT / "station")}
    starts = [timed([str(bundle / "intake"), "--version"], env=env)[0] for _ in range(5)]
    print(f"intake --version from the bundle: {min(starts):.2f} s best of 5")
    gui = {**env, "QT_QPA_PLATFORM": "offscreen"}
    runs = [timed([str(bundle / "intake-app"), "--exit-after-start"], env=gui) for _ in range(3)]
    best = min(runs, key=lambda r: r[0])
    print(f"intake-app from the bundle to its first page and out again: {best[0]:.2f} s best of 3 ({best[1].stdout.strip()})")
    if args.install:
        t_in, _ = timed(["dpkg", "--install", str(deb)])
        t_out, _ = timed(["dpkg", "--purge", "intake-dock"])
        print(f"dpkg --install {t_in:.1f} s, dpkg --purge {t_out:.1f} s")
    match = re.search(r"in (\d+) s\npackage: .* in (\d+) s", r.stdout)
    if match:
        print(f"(of which PyInstaller and checks {match[1]} s, the .deb {match[2]} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
