"""Leave out Qt plugins the dock application never loads, and the libraries only they needed.

PyInstaller's Qt hooks collect every plugin of a kind (all platform themes, all input methods,
all platforms) and then every library those plugins link. A few of them bring a lot: the GTK
platform theme brings cairo, pango and friends (and still cannot load without GTK), the virtual
keyboard brings QML and Quick, the EGL/KMS platforms are for kiosks without a window system.
Used from the spec on an Analysis' ``binaries`` (entries ``(dest, source, typecode)``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import PurePath

UNUSED_QT_PLUGINS = re.compile(
    r"plugins/(platformthemes/(lib)?qgtk3|platforminputcontexts/(lib)?qtvirtualkeyboardplugin"
    r"|egldeviceintegrations/|platforms/(lib)?q(eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl)\b)")

Entry = tuple[str, str, str]
Imports = Callable[[str], Iterable[str]]  # a binary's file -> the names of the libraries it links


def prune(binaries: list[Entry], imports: Imports) -> tuple[list[Entry], list[Entry]]:
    """``(kept, dropped)``: unused plugins out, then every library nothing kept links any more.

    A library is dropped only if a dropped binary linked it and no kept binary does; libraries
    loaded by name at run time (ctypes, Qt's dlopen of libdbus) are never candidates unless a
    dropped plugin linked them, and then only while nothing else links them.
    """
    drop = {e for e in binaries if UNUSED_QT_PLUGINS.search(PurePath(e[0]).as_posix())}
    by_name: dict[str, list[Entry]] = {}
    for e in binaries:
        by_name.setdefault(PurePath(e[0]).name, []).append(e)
    links = {e: {PurePath(n).name for n in imports(e[1])} for e in binaries if e[2] in ("BINARY", "EXTENSION")}
    while True:
        kept_need = {n for e, names in links.items() if e not in drop for n in names}
        candidates = {c for e in drop for n in links.get(e, ()) for c in by_name.get(n, ())
                      if c[2] == "BINARY" and c not in drop}
        orphans = {c for c in candidates if PurePath(c[0]).name not in kept_need}
        if not orphans:
            break
        drop |= orphans
    return [e for e in binaries if e not in drop], sorted(drop)


def without_links_to(datas: list[Entry], dropped: list[Entry]) -> list[Entry]:
    """``datas`` less the symbolic links PyInstaller makes (top-level name -> library) to dropped libraries."""
    names = {PurePath(e[0]).name for e in dropped}
    return [e for e in datas if not (e[2] == "SYMLINK" and PurePath(e[0]).name in names)]
