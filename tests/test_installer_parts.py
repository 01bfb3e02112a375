"""The installer's parts, each on its own: versions, package metadata, menu entry, icons, resources.

The whole build, install, upgrade and removal is tests/test_installer_deb.py; these are the rules
it relies on, checked quickly and with garbage.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from email.parser import Parser
from pathlib import Path

import pytest

from installer import debian
from installer.bundle import (
    BuildError,
    Bundle,
    check_bundle,
    expected_resources,
    source_version,
    stage_resources,
)
from installer.icons import ICON_SIZES, render_png, write_ico
from installer.pyi_prune import prune, without_links_to

from .conftest import REPO

# -- versions ---------------------------------------------------------------------------------------

# In PEP 440 order, oldest first.
PEP440_ORDER = ["0.9", "1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0a2", "1.0b1", "1.0rc1", "1.0rc2.dev3", "1.0rc2",
                "1.0", "1.0+local.7", "1.0.post1.dev1", "1.0.post1", "1.0.1", "1.1", "2!0.1"]


def test_debian_versions_sort_as_python_versions_do():
    debs = [debian.deb_version(v) for v in PEP440_ORDER]
    assert debs[:4] == ["0.9", "1.0~~dev1", "1.0~a1~dev1", "1.0~a1"]
    assert debian.deb_version("1.0.post1") == "1.0+post1" and debian.deb_version("2!0.1") == "2:0.1"
    for older, newer in zip(debs, debs[1:], strict=False):
        r = subprocess.run(["dpkg", "--compare-versions", older, "lt", newer])
        assert r.returncode == 0, f"dpkg does not sort {older} before {newer}"


@pytest.mark.parametrize("garbage", ["", "latest", "1.0 beta", "v1..2", "1.0-1", "1.0\n", "1.0;rm -rf /"])
def test_a_version_that_is_not_pep440_stops_the_build(garbage: str):
    with pytest.raises(BuildError, match="not a valid Python package version"):
        debian.deb_version(garbage)


def test_the_version_is_read_from_the_tree_being_built(tmp_path: Path):
    import intake_app

    assert source_version(REPO) == intake_app.__version__
    (tmp_path / "intake_app").mkdir()
    (tmp_path / "intake_app" / "__init__.py").write_text("VERSION = '1'\n")
    with pytest.raises(BuildError, match="no __version__"):
        source_version(tmp_path)


# -- package metadata -------------------------------------------------------------------------------


def test_depends_are_the_app_packages_of_the_setup_script_and_a_c_library():
    names = debian.app_packages(REPO / "scripts" / "setup.sh")
    assert {"libegl1", "libxcb-cursor0", "libpulse0", "libcups2", "fonts-dejavu-core", "libzbar0"} <= set(names)
    control = debian.control("1.2.0~rc1", "amd64", 1234, ["libc6 (>= 2.36)", *names])
    fields = Parser().parsestr(control)
    assert fields["Package"] == "intake-dock" and fields["Version"] == "1.2.0~rc1"
    assert fields["Depends"].split(", ") == ["libc6 (>= 2.36)", *names]
    assert fields["Installed-Size"] == "1234" and fields["Recommends"] == "cups-client"
    description = control.split("Description: ", 1)[1].splitlines()
    assert all(line.startswith(" ") and len(line) <= 80 for line in description[1:]), "continuation lines"


@pytest.mark.parametrize("text", ["", "APP_PKGS=(\n)\n", "APP_PKGS=(\n  libfoo `rm -rf /`\n)\n",
                                  "APP_PKGS=(\n  Lib_Upper\n)\n", "OTHER=(\n libfoo\n)\n"])
def test_a_broken_package_list_stops_the_build(tmp_path: Path, text: str):
    setup = tmp_path / "setup.sh"
    setup.write_text(text)
    with pytest.raises(BuildError):
        debian.app_packages(setup)


def test_the_c_library_floor_is_the_newest_glibc_version_a_binary_names(tmp_path: Path):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.so").write_bytes(b"\x7fELF" + b"\0GLIBC_2.17\0GLIBC_2.34\0GLIBC_2.4\0")
    (tmp_path / "b.so").write_bytes(b"\x7fELF" + b"\0GLIBC_2.28\0GLIBC_PRIVATE\0")
    (tmp_path / "notes.txt").write_bytes(b"GLIBC_2.99\0")  # not an ELF file
    assert debian.glibc_floor(tmp_path) == (2, 34)


def test_the_menu_entry_is_valid_and_starts_the_application(tmp_path: Path):
    entry = tmp_path / "intake-dock.desktop"
    entry.write_text(debian.desktop_entry(), encoding="utf-8")
    assert shutil.which("desktop-file-validate"), "desktop-file-utils is installed by run-tests"
    r = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert r.returncode == 0 and not r.stdout.strip(), r.stdout + r.stderr
    lines = dict(line.split("=", 1) for line in debian.desktop_entry().splitlines()[1:])
    assert lines["Exec"] == "intake-app" and lines["Icon"] == "intake-dock" and lines["Terminal"] == "false"


def test_md5sums_and_modes_of_a_staged_tree(tmp_path: Path):
    (tmp_path / "opt" / "x").mkdir(parents=True)
    tool = tmp_path / "opt" / "x" / "tool"
    tool.write_bytes(b"#!/bin/sh\n")
    tool.chmod(0o700)
    data = tmp_path / "opt" / "x" / "data.txt"
    data.write_bytes(b"hej")
    data.chmod(0o600)
    (tmp_path / "opt" / "link").symlink_to("x/tool")
    (tmp_path / "DEBIAN").mkdir()
    (tmp_path / "DEBIAN" / "control").write_text("Package: x\n")
    debian.normalise_modes(tmp_path)
    assert (tool.stat().st_mode & 0o777, data.stat().st_mode & 0o777) == (0o755, 0o644)
    assert debian.md5sums(tmp_path) == ("541c57960bb997942655d14e3b9607f9  opt/x/data.txt\n"
                                        "3e2b31c72181b87149ff995e7202c0e3  opt/x/tool\n")


# -- Qt plugins left out ----------------------------------------------------------------------------


def test_unused_qt_plugins_go_with_the_libraries_only_they_linked():
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/q/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/q/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "/q/vkb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6VirtualKeyboard.so.6", "/q/libQt6VirtualKeyboard.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/q/libQt6Quick.so.6", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
        ("libfreetype.so.6", "/usr/lib/libfreetype.so.6", "BINARY"),  # also linked by xcb: stays
        ("libzbar.so.0", "/usr/lib/libzbar.so.0", "BINARY"),  # loaded by ctypes, linked by nothing: stays
        ("cv2/cv2.abi3.so", "/p/cv2.abi3.so", "EXTENSION"),
    ]
    links = {"/q/libqxcb.so": ["libfreetype.so.6"], "/q/libqgtk3.so": ["libcairo.so.2", "libfreetype.so.6"],
             "/q/vkb.so": ["libQt6VirtualKeyboard.so.6"], "/q/libQt6VirtualKeyboard.so.6": ["libQt6Quick.so.6"]}
    kept, dropped = prune(binaries, lambda f: links.get(f, []))
    assert {Path(e[0]).name for e in dropped} == {"libqgtk3.so", "libqtvirtualkeyboardplugin.so",
                                                  "libQt6VirtualKeyboard.so.6", "libQt6Quick.so.6", "libcairo.so.2"}
    assert {Path(e[0]).name for e in kept} == {"libqxcb.so", "libfreetype.so.6", "libzbar.so.0", "cv2.abi3.so"}
    datas = [("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
             ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"), ("a.txt", "/a.txt", "DATA")]
    assert [e[0] for e in without_links_to(datas, dropped)] == ["libQt6Core.so.6", "a.txt"]


# -- resources and icons ----------------------------------------------------------------------------


def test_resources_are_staged_with_translations_compiled(tmp_path: Path):
    src = tmp_path / "src"
    shutil.copytree(REPO / "resources", src / "resources")
    ts = src / "resources" / "translations" / "intake_xx.ts"
    ts.parent.mkdir(exist_ok=True)
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="sv">\n'
                  '<context><name>Demo</name><message><source>Orders</source>'
                  '<translation>Återtag</translation></message></context></TS>\n', encoding="utf-8")
    (src / "resources" / "translations" / "stale.qm").write_bytes(b"old build")
    staged = stage_resources(src, tmp_path / "stage")
    have = {f.relative_to(staged).as_posix() for f in staged.rglob("*") if f.is_file()}
    assert have == expected_resources(src)
    assert "translations/intake_xx.qm" in have and "translations/intake_xx.ts" not in have
    assert "translations/stale.qm" not in have
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(staged / "translations" / "intake_xx.qm"))
    assert translator.translate("Demo", "Orders") == "Återtag"


def test_a_translation_that_does_not_compile_stops_the_build(tmp_path: Path):
    (tmp_path / "resources" / "translations").mkdir(parents=True)
    (tmp_path / "resources" / "translations" / "intake_sv.ts").write_text("<TS><context>not closed", encoding="utf-8")
    with pytest.raises(BuildError, match="could not compile intake_sv.ts"):
        stage_resources(tmp_path, tmp_path / "stage")


def fake_bundle(tmp_path: Path, says: dict[str, str]) -> tuple[Bundle, Path]:
    """A source tree and a "bundle" of it whose programs are shell scripts printing ``says[name]``."""
    root = tmp_path / "src"
    for rel in ("resources/co2e/table.toml", "intake_app/store/migrations/env.py"):
        for base in (root, tmp_path / "dist" / "intake-dock" / "_internal"):
            f = base / rel
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text("x")
    bundle = Bundle(tmp_path / "dist" / "intake-dock", "1.2.0", 0.0)
    for name, text in says.items():
        bundle.program(name).write_text(f"#!/bin/sh\necho '{text}'\n")
        bundle.program(name).chmod(0o755)
    return bundle, root


def test_the_built_programs_must_report_the_version_being_built(tmp_path: Path):
    bundle, root = fake_bundle(tmp_path, {"intake": "intake, version 1.2.0", "intake-app": "intake-app, version 1.2.0"})
    check_bundle(bundle, root)
    bundle.program("intake-app").write_text("#!/bin/sh\necho 'intake-app, version 1.1.9'\n")
    with pytest.raises(BuildError, match="the frozen intake-app --version said 'intake-app, version 1.1.9'"):
        check_bundle(bundle, root)
    bundle.program("intake-app").write_text("#!/bin/sh\necho 'Traceback ...' >&2; exit 1\n")
    with pytest.raises(BuildError, match="intake-app --version said 'Traceback ...', expected 1.2.0"):
        check_bundle(bundle, root)
    (bundle.internal / "resources" / "co2e" / "table.toml").unlink()
    with pytest.raises(BuildError, match="resources missing from the bundle: co2e/table.toml"):
        check_bundle(bundle, root)


def test_the_icon_is_drawn_from_the_application_svg(tmp_path: Path):
    from PIL import Image

    png = render_png(REPO / "resources" / "icons" / "app.svg", 256, tmp_path / "icon.png")
    with Image.open(png) as img:
        assert img.size == (256, 256) and img.mode == "RGBA"
        assert img.getpixel((1, 1))[3] == 0, "rounded corner: transparent"
        r, g, b, a = img.getpixel((128, 20))
        assert a == 255 and b > 120 and r < 60, "the blue tile"
    ico = write_ico(png, tmp_path / "icon.ico")
    with Image.open(ico) as img:
        assert set(img.info["sizes"]) == {(s, s) for s in ICON_SIZES}
    garbage = tmp_path / "garbage.svg"
    garbage.write_text("<svg><rect")
    with pytest.raises(ValueError, match="not a valid SVG"):
        render_png(garbage, 64, tmp_path / "g.png")


def test_build_py_explains_itself():
    r = subprocess.run([sys.executable, str(REPO / "installer" / "build.py"), "--help"], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0 and "--deb" in r.stdout and "Debian package" in r.stdout
    r = subprocess.run([sys.executable, str(REPO / "installer" / "build.py"), "--rpm"], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 2 and "unrecognized arguments: --rpm" in r.stderr
