"""The frozen one-folder bundle: resources staged, translations compiled, PyInstaller run, result checked.

The bundle (``dist/intake-dock/``) holds both programs, ``intake-app`` and ``intake``, one Python
and one copy of every library. Everything the application reads by path rides along in
``_internal/resources`` (found by :func:`intake_app.paths.resources_dir` through ``sys._MEIPASS``)
and ``_internal/intake_app/store/migrations`` (Alembic's scripts).
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = "intake-dock"
PROGRAMS = ("intake-app", "intake")
# Programs with a console to print to: on Windows intake-app has none (its --version prints nowhere,
# and the About box shows the version).
CONSOLE_PROGRAMS = ("intake",) if sys.platform == "win32" else PROGRAMS
EXE = ".exe" if sys.platform == "win32" else ""
# Sources and build by-products that never go into a bundle: .ts are compiled to .qm here.
SKIP_RESOURCES = ("*.ts", "*.qm", "__pycache__", "*.pyc", ".*")


class BuildError(Exception):
    """The build cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class Bundle:
    folder: Path
    version: str
    seconds: float

    @property
    def internal(self) -> Path:
        return self.folder / "_internal"

    def program(self, name: str) -> Path:
        return self.folder / f"{name}{EXE}"

    def size_bytes(self) -> int:
        return sum(f.stat().st_size for f in self.folder.rglob("*") if f.is_file() and not f.is_symlink())


def source_version(root: Path = ROOT) -> str:
    """``intake_app.__version__`` read from the source tree being built (not from whatever is installed)."""
    tree = ast.parse((root / "intake_app" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if (isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__version__"
                                                 for t in node.targets)
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
            return node.value.value
    raise BuildError(f"no __version__ = \"...\" in {root / 'intake_app' / '__init__.py'}")


def tool(name: str) -> Path:
    """A console script of this Python environment (pyside6-lrelease, ...)."""
    folder = Path(sys.executable).parent
    found = shutil.which(name, path=str(folder)) or shutil.which(name)
    if not found:
        raise BuildError(f"{name} not found beside {sys.executable}: install the project with its "
                         "'package' extra (pip install -e '.[package]')")
    return Path(found)


def stage_resources(root: Path, stage: Path) -> Path:
    """Copy ``resources/`` to ``stage/resources`` and compile every translation (.ts) to .qm there."""
    target = stage / "resources"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(root / "resources", target, ignore=shutil.ignore_patterns(*SKIP_RESOURCES))
    sources = sorted((root / "resources" / "translations").glob("*.ts"))
    if sources:
        (target / "translations").mkdir(exist_ok=True)
        lrelease = tool("pyside6-lrelease")
    for ts in sources:
        qm = target / "translations" / f"{ts.stem}.qm"
        r = subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True)
        if r.returncode != 0 or not qm.is_file() or qm.stat().st_size == 0:
            raise BuildError(f"pyside6-lrelease could not compile {ts.name}: {(r.stderr or r.stdout).strip()}")
    return target


def expected_resources(root: Path) -> set[str]:
    """The files a bundle's ``resources/`` must hold: the source files, with each .ts as its .qm."""
    src = root / "resources"
    out = set()
    for f in src.rglob("*"):
        rel = f.relative_to(src)
        if not f.is_file() or any(p.startswith(".") or p == "__pycache__" for p in rel.parts) or f.suffix in (
                ".pyc", ".qm"):
            continue
        out.add(rel.with_suffix(".qm").as_posix() if f.suffix == ".ts" else rel.as_posix())
    return out


def run_pyinstaller(root: Path, resources: Path, dist: Path, work: Path, icon: Path | None) -> None:
    args = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
            "--distpath", str(dist), "--workpath", str(work), str(root / "installer" / f"{APP}.spec"),
            "--", "--resources", str(resources)]
    if icon is not None:
        args += ["--icon", str(icon)]
    log = work / "pyinstaller.log"
    work.mkdir(parents=True, exist_ok=True)
    with open(log, "w", encoding="utf-8") as out:
        r = subprocess.run(args, cwd=root, stdout=out, stderr=subprocess.STDOUT)
    if r.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
        raise BuildError("PyInstaller failed (full log: {}):\n{}".format(log, "\n".join(tail)))


def check_bundle(bundle: Bundle, root: Path) -> None:
    """Both programs start and report this version; every resource and migration script is inside."""
    for name in PROGRAMS:
        if not bundle.program(name).is_file():
            raise BuildError(f"the bundle has no {bundle.program(name).name}")
    have = {f.relative_to(bundle.internal / "resources").as_posix()
            for f in (bundle.internal / "resources").rglob("*") if f.is_file()}
    missing = expected_resources(root) - have
    if missing:
        raise BuildError(f"resources missing from the bundle: {', '.join(sorted(missing))}")
    migrations = root / "intake_app" / "store" / "migrations"
    for script in migrations.rglob("*.py"):
        if not (bundle.internal / script.relative_to(root)).is_file():
            raise BuildError(f"migration script missing from the bundle: {script.relative_to(root)}")
    env = {**os.environ, "INTAKE_HOME": str(bundle.folder.parent / ".version-check")}
    try:
        for name in PROGRAMS:
            r = subprocess.run([str(bundle.program(name)), "--version"], capture_output=True, text=True, env=env,
                               timeout=120)
            said = r.stdout.split()[-1:] if name in CONSOLE_PROGRAMS else [bundle.version]
            if r.returncode != 0 or said != [bundle.version]:
                raise BuildError(f"the frozen {name} --version said {r.stdout.strip() or r.stderr.strip()!r}, "
                                 f"expected {bundle.version}")
    finally:
        shutil.rmtree(env["INTAKE_HOME"], ignore_errors=True)


def build_bundle(root: Path, dist: Path, work: Path, icon: Path | None) -> Bundle:
    """Build ``dist/intake-dock`` from the source tree at ``root``; check it before returning."""
    started = time.monotonic()
    resources = stage_resources(root, work / "stage")
    run_pyinstaller(root, resources, dist, work / "pyinstaller", icon)
    bundle = Bundle(dist / APP, source_version(root), 0.0)
    check_bundle(bundle, root)
    return Bundle(bundle.folder, bundle.version, time.monotonic() - started)
