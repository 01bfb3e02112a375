"""Check-digit algorithms used by the codes we read and print.

* GS1 mod-10 (SSCC, GTIN/EAN/UPC): weights 3,1,3,... from the right, excluding the check digit.
* Luhn mod 10 (Swedish organisation numbers).
* A weighted mod-31 check over our own 31-character alphabet (internal unit and pallet ids).
"""

from __future__ import annotations

# Our own ids avoid the letters people and scanners confuse with digits (B/8, I/1, O/0, S/5, Z/2).
# 31 symbols: a prime count, so a weighted sum catches every single substitution.
SAFE_ALPHABET = "0123456789ACDEFGHJKLMNPQRTUVWXY"
_SAFE_VALUE = {ch: i for i, ch in enumerate(SAFE_ALPHABET)}


def gs1_check_digit(payload: str) -> int:
    """The GS1 mod-10 check digit for ``payload`` (digits without the check digit)."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return (10 - total % 10) % 10


def gs1_valid(digits: str) -> bool:
    """True if ``digits`` is all digits and ends with a correct GS1 mod-10 check digit."""
    return len(digits) >= 2 and digits.isdigit() and gs1_check_digit(digits[:-1]) == int(digits[-1])


def luhn_valid(digits: str) -> bool:
    """Classic Luhn mod 10 over a digit string that includes its check digit."""
    if not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def safe_check_char(payload: str) -> str:
    """Check character over ``payload`` in :data:`SAFE_ALPHABET`: a position-weighted sum mod 31.

    With a prime modulus and weights 1..len+1 (all below 31), every single substitution and every
    swap of two neighbouring characters changes the sum, so each is detected.
    """
    n = len(SAFE_ALPHABET)
    if len(payload) + 1 >= n:
        raise ValueError("payload too long for a mod-31 check character")
    total = sum((i + 1) * _SAFE_VALUE[ch] for i, ch in enumerate(payload))
    weight = len(payload) + 1
    # choose c with total + weight * c == 0 (mod n)
    return SAFE_ALPHABET[(-total * pow(weight, -1, n)) % n]


def safe_valid(text: str) -> bool:
    """True if every character is in the safe alphabet and the last one checks the rest."""
    if len(text) < 2 or any(ch not in _SAFE_VALUE for ch in text):
        return False
    return safe_check_char(text[:-1]) == text[-1]
