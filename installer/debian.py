"""The Debian/Ubuntu package: the bundle under /opt, commands on the PATH, a menu entry, no scripts.

Layout of ``intake-dock_<version>_<arch>.deb``::

    /opt/intake-dock/                       the frozen bundle (intake-app, intake, _internal/)
    /usr/bin/intake, /usr/bin/intake-app    symbolic links into it
    /usr/share/applications/intake-dock.desktop
    /usr/share/icons/hicolor/{scalable,256x256}/apps/intake-dock.{svg,png}
    /usr/share/doc/intake-dock/copyright

The package has no maintainer scripts and no files under /etc: the menu and icon caches are
refreshed by dpkg triggers of desktop-file-utils and the icon theme, and a station's database and
settings live in each user's data and config folders (``~/.local/share/intake-dock``,
``~/.config/intake-dock``), which dpkg never touches. So an upgrade replaces files and nothing
else, and removing (even purging) the package leaves every station's data where it was. The
database is migrated, after a backup copy, by the application itself on its first start.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from packaging.version import InvalidVersion, Version

from .bundle import APP, PROGRAMS, BuildError, Bundle

PREFIX = f"/opt/{APP}"
MAINTAINER = "Intake dock <dev@intake-dock.invalid>"
SUMMARY = "receiving-dock application for circular IT take-backs"
DESCRIPTION = f"""\
Warehouse staff scan pallets and unit serials with a handheld scanner or a
webcam; every unit is matched to the customer's take-back order, labels and
receipts are printed, the station works offline and syncs later, and
supervisors reconcile expected against received.
.
This package installs the dock application (intake-app, "Intake dock" in
the menu) and the intake command under {PREFIX}. Each user's station
database and settings stay in ~/.local/share/{APP} and
~/.config/{APP}: they are kept when the package is upgraded or removed."""
RECOMMENDS = ("cups-client",)  # lp and lpstat, for printers configured with driver = "cups"
COMPRESSION = ("zstd", "9")  # 8 s and 173 MB; xz -6 saves 28 MB but takes two and a half minutes
_GLIBC = re.compile(rb"GLIBC_2\.(\d+)(?:\.(\d+))?\x00")
_DEB_VERSION = re.compile(r"^(\d+:)?[0-9][A-Za-z0-9.+~]*$")


@dataclass(frozen=True)
class Package:
    path: Path
    version: str  # the Debian version
    seconds: float


def deb_version(version: str) -> str:
    """A Python (PEP 440) version as a Debian version that sorts the same way.

    ``1.2.0`` stays; a pre-release sorts before its release with ``~`` (``1.2.0rc1`` ->
    ``1.2.0~rc1``); a development release before its pre-releases (``1.2.0.dev3`` ->
    ``1.2.0~~dev3``); a post-release after (``1.2.0.post1`` -> ``1.2.0+post1``); an epoch ``N!``
    becomes ``N:``; a local label ``+abc.5`` stays after everything else as ``+local.abc.5``.
    """
    try:
        v = Version(version)
    except InvalidVersion:
        raise BuildError(f"{version!r} is not a valid Python package version (PEP 440)") from None
    if str(v) != version:
        raise BuildError(f"{version!r} is not a valid Python package version in normal form: write {str(v)!r}")
    out = ".".join(str(p) for p in v.release)
    if v.pre:
        out += f"~{v.pre[0]}{v.pre[1]}"
    if v.post is not None:
        out += f"+post{v.post}"
    if v.dev is not None:
        out += f"~{'' if v.pre or v.post is not None else '~'}dev{v.dev}"
    if v.local:
        out += f"+local.{v.local}"
    if v.epoch:
        out = f"{v.epoch}:{out}"
    assert _DEB_VERSION.match(out), out
    return out


def app_packages(setup_sh: Path) -> list[str]:
    """The system packages the application needs at run time: ``APP_PKGS`` of scripts/setup.sh."""
    m = re.search(r"^APP_PKGS=\((.*?)^\)", setup_sh.read_text(encoding="utf-8"), re.S | re.M)
    if not m:
        raise BuildError(f"no APP_PKGS=( ... ) list in {setup_sh}")
    names = [w for line in m.group(1).splitlines() for w in line.split("#", 1)[0].split()]
    bad = [n for n in names if not re.fullmatch(r"[a-z0-9][a-z0-9+.-]+", n)]
    if bad or not names:
        raise BuildError(f"APP_PKGS in {setup_sh} holds something that is not a package name: {bad}")
    return names


def glibc_floor(folder: Path) -> tuple[int, int]:
    """The newest ``GLIBC_2.x`` any ELF file in ``folder`` names: the oldest C library it runs on."""
    best = (2, 17)
    for f in folder.rglob("*"):
        if not f.is_file() or f.is_symlink():
            continue
        with open(f, "rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
            data = fh.read()
        for m in _GLIBC.finditer(data):
            best = max(best, (2, int(m.group(1))))
    return best


def depends(setup_sh: Path, bundle: Path) -> list[str]:
    major, minor = glibc_floor(bundle)
    return [f"libc6 (>= {major}.{minor})", *app_packages(setup_sh)]


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def control(version: str, arch: str, installed_kib: int, deps: list[str]) -> str:
    body = "\n".join(f" {line}" for line in DESCRIPTION.splitlines())
    return (f"Package: {APP}\nVersion: {version}\nArchitecture: {arch}\nMaintainer: {MAINTAINER}\n"
            f"Installed-Size: {installed_kib}\nDepends: {', '.join(deps)}\n"
            f"Recommends: {', '.join(RECOMMENDS)}\nSection: misc\nPriority: optional\n"
            f"Description: {SUMMARY}\n{body}\n")


def desktop_entry() -> str:
    """The menu entry: it starts the application exactly as typing ``intake-app`` does."""
    return ("[Desktop Entry]\nType=Application\nVersion=1.4\nName=Intake dock\nName[sv]=Intake dock\n"
            "GenericName=Receiving dock\nGenericName[sv]=Godsmottagning\n"
            "Comment=Scan, match, label and reconcile take-back deliveries\n"
            "Comment[sv]=Skanna, matcha, märk och stäm av återtag\n"
            f"Exec=intake-app\nTryExec=intake-app\nIcon={APP}\nTerminal=false\n"
            "Categories=Office;\nKeywords=scan;barcode;warehouse;intake;receiving;återtag;\n")


def copyright_text(root: Path) -> str:
    return (f"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
            f"Upstream-Name: {APP}\n\nFiles: *\nCopyright: the intake-dock authors\nLicense: proprietary\n\n"
            f"Files: {PREFIX}/_internal/*\nCopyright: their authors\n"
            "License: various (Python: PSF; Qt for Python: LGPL-3.0; OpenCV: Apache-2.0; reportlab: BSD;\n"
            " SQLAlchemy, Alembic: MIT; NumPy: BSD), each library's own licence beside it\n\n"
            f"Files: {PREFIX}/_internal/resources/fonts/*\nCopyright: Bitstream, Inc.; DejaVu changes are in the public domain\n"
            "License: Bitstream-Vera (resources/fonts/LICENSE-DejaVu.txt)\n")


def stage_tree(bundle: Bundle, root: Path, tree: Path, icon_png: Path) -> None:
    """The package's files under ``tree`` (its future ``/``), modes normalised."""
    if tree.exists():
        shutil.rmtree(tree)
    opt = tree / PREFIX.lstrip("/")
    opt.parent.mkdir(parents=True)
    shutil.copytree(bundle.folder, opt, symlinks=True)
    (tree / "usr" / "bin").mkdir(parents=True)
    for name in PROGRAMS:
        (tree / "usr" / "bin" / name).symlink_to(f"{PREFIX}/{name}")
    share = tree / "usr" / "share"
    _write(share / "applications" / f"{APP}.desktop", desktop_entry())
    _copy(root / "resources" / "icons" / "app.svg", share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP}.svg")
    _copy(icon_png, share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP}.png")
    _write(share / "doc" / APP / "copyright", copyright_text(root))
    normalise_modes(tree)


def normalise_modes(tree: Path) -> None:
    """0755 for folders and anything executable, 0644 for the rest (whatever the build left)."""
    for dirpath, _dirs, filenames in os.walk(tree):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            f = Path(dirpath) / name
            if not f.is_symlink():
                os.chmod(f, 0o755 if f.stat().st_mode & 0o111 else 0o644)


def md5sums(tree: Path) -> str:
    """``DEBIAN/md5sums``: lets ``dpkg --verify intake-dock`` find a damaged or changed file."""
    lines = []
    for f in sorted(tree.rglob("*")):
        rel = f.relative_to(tree)
        if rel.parts[0] == "DEBIAN" or f.is_symlink() or not f.is_file():
            continue
        h = hashlib.md5(usedforsecurity=False)
        with open(f, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        lines.append(f"{h.hexdigest()}  {rel.as_posix()}\n")
    return "".join(lines)


def installed_kib(tree: Path) -> int:
    return sum((f.stat().st_size + 1023) // 1024 for f in tree.rglob("*")
               if f.is_file() and not f.is_symlink() and f.relative_to(tree).parts[0] != "DEBIAN")


def build_deb(bundle: Bundle, root: Path, dist: Path, work: Path, icon_png: Path) -> Package:
    """``dist/intake-dock_<version>_<arch>.deb`` from a checked bundle."""
    started = time.monotonic()
    tree = work / "deb" / "root"
    stage_tree(bundle, root, tree, icon_png)
    version, arch = deb_version(bundle.version), architecture()
    meta = tree / "DEBIAN"
    meta.mkdir()
    _write(meta / "control", control(version, arch, installed_kib(tree), depends(root / "scripts" / "setup.sh",
                                                                                  bundle.folder)))
    _write(meta / "md5sums", md5sums(tree))
    normalise_modes(meta)
    out = dist / f"{APP}_{version}_{arch}.deb"
    out.unlink(missing_ok=True)
    r = subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{COMPRESSION[0]}", f"-z{COMPRESSION[1]}",
                        "--build", str(tree), str(out)], capture_output=True, text=True)
    if r.returncode != 0:
        raise BuildError(f"dpkg-deb failed: {r.stderr.strip()}")
    shutil.rmtree(tree)
    return Package(out, version, time.monotonic() - started)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
