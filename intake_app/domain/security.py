"""PINs and badge codes: stored only as salted scrypt hashes.

scrypt with n=2**14, r=8, p=1 costs ~40 ms and 16 MiB per check on a dock PC: slow enough that
a stolen database does not give up four-digit PINs in seconds, fast enough for a sign-in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

_N, _R, _P, _LEN = 2**14, 8, 1, 32
MIN_PIN_LEN = 4


def hash_secret(secret: str, *, salt: bytes | None = None) -> str:
    """``scrypt$n$r$p$salt$hash`` for ``secret``; a new random salt unless one is given."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=_LEN)
    b64 = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_secret(secret: str, stored: str | None) -> bool:
    """Constant-time check of ``secret`` against a stored hash (False for None or garbage)."""
    if not stored:
        return False
    try:
        algo, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if algo != "scrypt":
            return False
        salt, digest = base64.b64decode(salt_b64), base64.b64decode(digest_b64)
        candidate = hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=int(n), r=int(r), p=int(p),
                                   dklen=len(digest))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate, digest)


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be used, or None."""
    if len(pin) < MIN_PIN_LEN:
        return f"a PIN has at least {MIN_PIN_LEN} characters"
    if len(set(pin)) == 1:
        return "a PIN of one repeated character is too easy to guess"
    return None
