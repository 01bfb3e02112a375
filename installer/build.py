"""Build the dock application for installing on dock PCs.

    python3 installer/build.py          the frozen one-folder bundle: dist/intake-dock/
    python3 installer/build.py --deb    ... and the Debian/Ubuntu package: dist/intake-dock_<version>_<arch>.deb
    py installer\\build.py --setup      (Windows) ... and the setup program: dist\\intake-dock-<version>-setup.exe

On Debian/Ubuntu, started by any Python 3.11+, it first makes sure of the system packages and the
project's virtual environment (scripts/setup.sh: APP_PKGS and ``.venv`` with the ``package`` extra)
and carries on inside that environment. On Windows, see installer/windows/BUILD.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script: make the ``installer`` package importable

from installer.bundle import APP, BuildError, build_bundle, source_version  # noqa: E402


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="installer/build.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--deb", action="store_true", help="also build the Debian package (Linux)")
    p.add_argument("--setup", action="store_true", help="also build the setup program with Inno Setup (Windows)")
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="where results go (default: dist/)")
    p.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder (default: build/)")
    return p.parse_args(argv)


def in_project_env() -> bool:
    """True when this Python can build: PyInstaller and PySide6 importable."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("PyInstaller", "PySide6", "intake_app"))


def bootstrap(argv: list[str]) -> None:
    """Debian/Ubuntu: set up system packages and .venv (as ./run-app does), then run again inside it."""
    if os.environ.get("INTAKE_BUILD_BOOTSTRAPPED"):
        raise BuildError(f"{sys.executable} still cannot import PyInstaller and PySide6 after the set-up")
    os.environ["INTAKE_BUILD_BOOTSTRAPPED"] = "1"
    setup = f'source "{ROOT}/scripts/setup.sh" && ensure_system_packages "${{APP_PKGS[@]}}" && ensure_venv package'
    if subprocess.run(["bash", "-c", setup]).returncode != 0:
        raise BuildError("the set-up (scripts/setup.sh) failed; see its messages above")
    python = ROOT / ".venv" / "bin" / "python"
    os.execv(python, [str(python), str(Path(__file__).resolve()), *argv])


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    if sys.platform == "win32" and not in_project_env():
        print("build.py: run it with the project's environment (see installer/windows/BUILD.md)", file=sys.stderr)
        return 2
    try:
        if not in_project_env():
            bootstrap(sys.argv[1:] if argv is None else argv)
        return build(args)
    except BuildError as exc:
        print(f"build.py: {exc}", file=sys.stderr)
        return 2


def build(args: argparse.Namespace) -> int:
    from installer.icons import app_icon_svg, render_png, write_ico

    dist, work = args.dist.resolve(), args.work.resolve()
    print(f"building {APP} {source_version(ROOT)} into {dist}", flush=True)
    png = render_png(app_icon_svg(ROOT), 256, work / "icons" / f"{APP}.png")
    icon = write_ico(png, work / "icons" / f"{APP}.ico") if sys.platform == "win32" else None
    bundle = build_bundle(ROOT, dist, work, icon)
    print(f"bundle: {bundle.folder} ({bundle.size_bytes() / 1e6:.0f} MB) in {bundle.seconds:.0f} s", flush=True)
    if args.deb:
        from installer.debian import build_deb

        package = build_deb(bundle, ROOT, dist, work, png)
        print(f"package: {package.path} ({package.path.stat().st_size / 1e6:.0f} MB) in {package.seconds:.0f} s")
    if args.setup:
        from installer.windows_setup import build_setup

        setup = build_setup(bundle, ROOT, dist, icon)
        print(f"setup program: {setup}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
