"""Swedish organisation numbers (organisationsnummer).

Ten digits NNNNNN-NNNN, the last a Luhn check digit. For legal entities the third digit is
at least 2 (that is what tells them from personal identity numbers). A twelve-digit form with
the prefix ``16`` is also in use and accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .checkdigits import luhn_valid

_SHAPE = re.compile(r"^(?:16)?(\d{6})-?(\d{4})$")


@dataclass(frozen=True)
class OrgNumberCheck:
    ok: bool
    normalised: str | None
    reason: str | None


def check_org_number(text: str) -> OrgNumberCheck:
    """Validate ``text`` as an organisation number; the normalised form is ``NNNNNN-NNNN``."""
    m = _SHAPE.match(text.strip().replace(" ", ""))
    if not m:
        return OrgNumberCheck(False, None, "an organisation number has 10 digits, like 212000-0340")
    digits = m.group(1) + m.group(2)
    if int(digits[2]) < 2:
        return OrgNumberCheck(False, None, "the third digit of an organisation number is at least 2")
    if not luhn_valid(digits):
        return OrgNumberCheck(False, None, "the check digit (the last digit) is wrong")
    return OrgNumberCheck(True, f"{m.group(1)}-{m.group(2)}", None)
