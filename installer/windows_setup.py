"""Windows: the setup program, compiled by Inno Setup 6 from ``installer/windows/intake-dock.iss``.

Only on a Windows build machine with Inno Setup installed (see installer/windows/BUILD.md). The
script gets everything that changes from one build to the next as ``/D`` defines, so the version
still has one source, ``intake_app.__version__``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path, PureWindowsPath

from .bundle import APP, BuildError, Bundle

SCRIPT = Path("installer") / "windows" / f"{APP}.iss"
ISCC_PLACES = (r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe", r"C:\Program Files\Inno Setup 6\ISCC.exe")


def iscc_command(iscc: str, root: PureWindowsPath, bundle: PureWindowsPath, dist: PureWindowsPath,
                 version: str, icon: PureWindowsPath | None) -> list[str]:
    """The ISCC command line; every path absolute, so it does not depend on the working folder."""
    args = [iscc, "/Qp", f"/DAppVersion={version}", f"/DBundleDir={bundle}", f"/DOutputDir={dist}"]
    if icon is not None:
        args.append(f"/DIconFile={icon}")
    return [*args, str(root / PureWindowsPath(*SCRIPT.parts))]


def setup_file(dist: Path, version: str) -> Path:
    return dist / f"{APP}-{version}-setup.exe"  # OutputBaseFilename in the script


def find_iscc() -> str:
    found = shutil.which("ISCC") or next((p for p in ISCC_PLACES if os.path.isfile(p)), None)
    if not found:
        raise BuildError("Inno Setup 6 (ISCC.exe) not found: install it from jrsoftware.org or put ISCC on the PATH")
    return found


def build_setup(bundle: Bundle, root: Path, dist: Path, icon: Path | None) -> Path:
    cmd = iscc_command(find_iscc(), PureWindowsPath(root), PureWindowsPath(bundle.folder), PureWindowsPath(dist),
                       bundle.version, PureWindowsPath(icon) if icon else None)
    r = subprocess.run(cmd, capture_output=True, text=True)
    out = setup_file(dist, bundle.version)
    if r.returncode != 0 or not out.is_file():
        raise BuildError(f"Inno Setup failed: {(r.stdout + r.stderr).strip()[-2000:]}")
    return out
