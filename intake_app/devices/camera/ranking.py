"""What each code in a camera frame would be, with the engine's own classification. Pure.

A laptop label carries a serial beside a part number, an EAN and sometimes an express code or a
DataMatrix. The camera reads them all; :func:`rank` says what each one would be, so the frame's
scan is the unit and the operator sees why (the overlay colours come from :class:`Role`):

* a code one of whose keys identifies an outstanding expected unit of the current order: MATCHED
  (it wins; two codes of one unit, serial and asset tag, share the unit),
* an SSCC or one of our pallet ids: PALLET,
* one of our own unit labels: OWN_LABEL,
* any other serial or asset tag: EXTRA (the engine will say unexpected, duplicate, wrong order...),
* EAN/GTIN product codes, part numbers, garbage: IGNORED (recognised, never scanned).
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...domain.checkdigits import gs1_valid
from ...domain.codes import ClassifiedCode, CodeKind, classify
from ...domain.ids import parse_own_id
from ..decoders import Read


class Role(enum.StrEnum):
    MATCHED = "matched"
    EXTRA = "extra"
    PALLET = "pallet"
    OWN_LABEL = "own_label"
    IGNORED = "ignored"


CANDIDATES = frozenset({Role.MATCHED, Role.EXTRA, Role.PALLET, Role.OWN_LABEL})

# Among several unmatched candidates, the one a person would scan: our own label identifies a unit
# exactly; alphanumeric symbologies carry serials; ITF/EAN/UPC on a device label are express
# service codes and product numbers, not serials.
_PRIORITY = {"code128": 2, "code39": 2, "code93": 2, "datamatrix": 2, "qrcode": 2, "pdf417": 2, "aztec": 2}


@dataclass(frozen=True)
class Ranked:
    """One read and what it would be."""

    read: Read
    code: ClassifiedCode
    role: Role
    unit: uuid.UUID | None = None  # the expected unit a MATCHED code identifies

    @property
    def text(self) -> str:
        return self.read.text

    @property
    def priority(self) -> int:
        if self.role is Role.OWN_LABEL:
            return 3
        return _PRIORITY.get(self.read.symbology, 1)

    @property
    def strong(self) -> bool:
        """Content that validates on its own, so one sighting is enough (see stability)."""
        if self.role is Role.MATCHED:
            return True  # an exact hit on an outstanding serial: a misread cannot produce it
        if self.role is Role.PALLET:
            return self.code.kind is CodeKind.PALLET_ID or gs1_valid(self.code.identifier)
        if self.role is Role.OWN_LABEL:
            return parse_own_id(self.code.identifier) is not None
        gtin = self.code.detail.get("gtin", "")
        return self.role is Role.EXTRA and bool(gtin) and gs1_valid(gtin)  # GS1 (01)+(21)


def role_of(code: ClassifiedCode, expected: Mapping[str, uuid.UUID]) -> tuple[Role, uuid.UUID | None]:
    """The role of one classified code given the outstanding keys of the current order."""
    for key in code.keys:
        if key in expected and code.kind not in (CodeKind.INTERNAL_ID, CodeKind.PALLET_ID):
            return Role.MATCHED, expected[key]
    if code.kind in (CodeKind.SSCC, CodeKind.PALLET_ID):
        return Role.PALLET, None
    if code.kind is CodeKind.INTERNAL_ID:
        return Role.OWN_LABEL, None
    if code.kind is CodeKind.SERIAL:
        return Role.EXTRA, None
    return Role.IGNORED, None


def rank(reads: Sequence[Read], expected: Mapping[str, uuid.UUID]) -> list[Ranked]:
    """Every read with its role, best first (matched, pallet, own label, extra, ignored)."""
    order = {Role.MATCHED: 0, Role.PALLET: 1, Role.OWN_LABEL: 2, Role.EXTRA: 3, Role.IGNORED: 4}
    out = []
    for r in reads:
        code = classify(r.raw)
        role, unit = role_of(code, expected)
        out.append(Ranked(r, code, role, unit))
    return sorted(out, key=lambda x: (order[x.role], -x.priority))
