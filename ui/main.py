"""``intake-app``: the dock application.

    intake-app                               the application on this station's database
    intake-app --screenshots DIR [--lang sv|en]   render every page and dialog on demo data, then exit
    intake-app --version                     the version (the same as intake --version)
    intake-app --exit-after-start            start, show the first page, report the time, exit (benchmark)
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time

from intake_app import __version__

T0 = time.perf_counter()


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="intake-app", description="The receiving dock application.")
    p.add_argument("--screenshots", metavar="DIR", help="render every page and dialog to PNG files in DIR and exit")
    p.add_argument("--lang", metavar="LANG", help="language: sv, en, ... (default: the station's setting)")
    p.add_argument("--full-screen", action="store_true", help="start full-screen")
    p.add_argument("--version", action="version", version=f"intake-app, version {__version__}")
    p.add_argument("--exit-after-start", action="store_true", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=os.environ.get("INTAKE_LOG", "WARNING"), format="%(levelname)s %(name)s: %(message)s")
    if args.screenshots:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from .screenshots import render_all

        return render_all(args.screenshots, args.lang or "sv")
    return run(args)


def no_display() -> bool:
    """Linux/BSD without X11 or Wayland and no platform chosen: Qt would abort with a core dump."""
    if not sys.platform.startswith(("linux", "freebsd")) or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(args: argparse.Namespace) -> int:
    if no_display():
        print("intake-app: no display: start it in a desktop session, or under xvfb-run "
              "(intake-app --screenshots DIR works without one)", file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication, QMessageBox

    from intake_app.app import IntakeApp
    from intake_app.errors import IntakeError

    from .shell import DockShell
    from .theme import apply_theme

    qt = QApplication(sys.argv[:1])
    qt.setApplicationName("intake-dock")
    apply_theme(qt)
    try:
        engine = IntakeApp.open()
    except IntakeError as exc:
        print(f"intake-app: {exc.message}", file=sys.stderr)
        if qt.platformName() != "offscreen":  # nobody could click OK on an offscreen message box
            QMessageBox.critical(None, "Intake dock", exc.message)
        return 2
    if args.full_screen:
        engine.settings.set("ui.fullscreen", True)
    shell = DockShell(qt, engine, lang=args.lang)
    shell.show()
    if args.exit_after_start:
        from PySide6.QtCore import QTimer

        def report() -> None:
            print(f"usable after {time.perf_counter() - T0:.3f} s (since the interpreter imported ui.main)",
                  flush=True)
            qt.quit()

        QTimer.singleShot(0, report)
    try:
        return qt.exec()
    finally:
        shell.shutdown()


if __name__ == "__main__":
    raise SystemExit(main())
