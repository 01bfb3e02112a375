"""Text that reaches a printer: cleaned once, escaped per output language.

Everything printed comes from people or devices (a manifest's model column, a scanned serial,
a customer's name), so it may hold control characters, ZPL command prefixes or characters no
printer font has. :func:`clean` makes any text printable; :func:`zpl_field` additionally escapes
it for a ZPL ``^FD`` field so that no byte of it can start a command.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

ELLIPSIS = "…"

# Characters the Zebra bitmap fonts print under ^CI28: printable ASCII and Latin-1 (code page 850
# covers all of these). Anything else (e.g. CJK, emoji) is shown as "?" rather than as a blank.
_ZPL_PRINTABLE = {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}
# In a ^FH field, the hex indicator "_" introduces "_XX"; "^" and "~" start commands.
_ZPL_ESCAPES = {"_": "_5F", "^": "_5E", "~": "_7E"}


def clean(text: object, max_len: int = 200) -> str:
    """``text`` on one line: control characters become spaces, runs of spaces one, at most ``max_len``."""
    s = "" if text is None else str(text)
    if s.isascii() and s.isprintable():  # the common case (serials, ids): nothing to remove
        s = " ".join(s.split())
        return s if len(s) <= max_len else s[: max_len - 1] + ELLIPSIS
    s = unicodedata.normalize("NFC", s)
    # line breaks and tabs separate words; invisible format characters (zero-width space, BOM) go
    s = "".join(" " if _kind(ch) == "space" else "" if _kind(ch) == "drop" else ch for ch in s)
    s = " ".join(s.split())
    return s if len(s) <= max_len else s[: max_len - 1] + ELLIPSIS


def _kind(ch: str) -> str:
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Zl", "Zp", "Zs"):
        return "space"
    if cat in ("Cf", "Cs", "Co", "Cn"):
        return "drop"
    return "keep"


def zpl_printable(text: str) -> str:
    """``text`` (already :func:`clean`) with characters the printer fonts lack replaced by ``?``."""
    out = []
    for ch in text:
        if ch == ELLIPSIS:
            out.append("...")
        elif ch in _ZPL_PRINTABLE:
            out.append(ch)
        else:
            out.append("?")
    return "".join(out)


def zpl_field(text: object, max_chars: int | None = None) -> str:
    """Field data for ``^FH_^FD...^FS``: clean, printable, truncated, with ``_ ^ ~`` hex-escaped.

    Truncation happens before escaping, so ``max_chars`` counts printed characters.
    """
    s = zpl_printable(clean(text))
    if max_chars is not None and len(s) > max_chars:
        s = s[: max(0, max_chars - 3)].rstrip() + "..." if max_chars >= 4 else s[:max_chars]
    return "".join(_ZPL_ESCAPES.get(ch, ch) for ch in s)


def pdf_text(text: object, max_len: int = 200) -> str:
    """Text for a PDF: clean; DejaVu has glyphs for every European language."""
    return _clean_cached(text, max_len) if isinstance(text, str) else clean(text, max_len)


@lru_cache(maxsize=8192)
def _clean_cached(text: str, max_len: int) -> str:
    # a receipt repeats the same models and categories thousands of times
    return clean(text, max_len)
