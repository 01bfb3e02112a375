"""Near matches: a read one edit or one confusable character away from an expected identifier.

Scanners rarely misread; people typing a code by hand and customers typing manifests do.
Confusable pairs (O/0, I/1, S/5, B/8, and their cousins Z/2, G/6) are the usual culprits.
The search is done by generating every key at distance one and looking them up (an indexed
``IN`` query), which is cheaper than comparing against every outstanding unit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

CONFUSABLE_PAIRS: tuple[tuple[str, str], ...] = (
    ("O", "0"), ("D", "0"), ("Q", "0"), ("I", "1"), ("L", "1"), ("S", "5"), ("B", "8"), ("Z", "2"), ("G", "6"),
)
_CONFUSABLE: dict[str, set[str]] = {}
for _a, _b in CONFUSABLE_PAIRS:
    _CONFUSABLE.setdefault(_a, set()).add(_b)
    _CONFUSABLE.setdefault(_b, set()).add(_a)

# Characters tried for generic substitutions and insertions: what identifiers are made of.
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MIN_KEY_LEN = 5  # below this, one edit away from almost anything: no near matches


class EditKind(enum.StrEnum):
    CONFUSABLE = "confusable"
    SUBSTITUTION = "substitution"
    INSERTION = "insertion"  # the scanned code has one character too many
    DELETION = "deletion"  # the scanned code lacks one character
    TRANSPOSITION = "transposition"


@dataclass(frozen=True)
class Edit:
    kind: EditKind
    position: int
    scanned: str  # the character(s) in the scanned code ('' for a deletion)
    expected: str  # the character(s) in the expected key ('' for an insertion)


def variants(key: str) -> dict[str, Edit]:
    """Every key at edit distance one from ``key``, with the edit that leads to it.

    Confusable substitutions win over other edits when two edits lead to the same key.
    """
    if len(key) < MIN_KEY_LEN:
        return {}
    out: dict[str, Edit] = {}
    for i, ch in enumerate(key):
        for other in _ALPHABET:
            if other != ch:
                kind = EditKind.CONFUSABLE if other in _CONFUSABLE.get(ch, ()) else EditKind.SUBSTITUTION
                _put(out, key[:i] + other + key[i + 1:], Edit(kind, i, ch, other))
        _put(out, key[:i] + key[i + 1:], Edit(EditKind.INSERTION, i, ch, ""))
        if i + 1 < len(key) and key[i] != key[i + 1]:
            swapped = key[:i] + key[i + 1] + key[i] + key[i + 2:]
            _put(out, swapped, Edit(EditKind.TRANSPOSITION, i, key[i:i + 2], key[i + 1] + key[i]))
    for i in range(len(key) + 1):
        for other in _ALPHABET:
            _put(out, key[:i] + other + key[i:], Edit(EditKind.DELETION, i, "", other))
    out.pop(key, None)
    return out


def _put(out: dict[str, Edit], variant: str, edit: Edit) -> None:
    current = out.get(variant)
    if current is None or (edit.kind == EditKind.CONFUSABLE and current.kind != EditKind.CONFUSABLE):
        out[variant] = edit


def rank(candidates: list[tuple[str, Edit]]) -> list[tuple[str, Edit]]:
    """Order near-match candidates: confusables first, then any edit; stable otherwise."""
    return sorted(candidates, key=lambda c: 0 if c[1].kind == EditKind.CONFUSABLE else 1)
