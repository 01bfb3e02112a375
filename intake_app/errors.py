"""Errors a user can cause. Each has a one-line message fit for an operator or a script.

Anything else that escapes the engine is a bug; the CLI and GUI show it as such.
"""

from __future__ import annotations


class IntakeError(Exception):
    """Base of every error caused by input, permissions or state, not by a bug."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(IntakeError):
    code = "bad_input"


class NotFound(InputError):
    code = "not_found"


class Conflict(InputError):
    """The request contradicts the current state (e.g. scanning onto a signed-off order)."""

    code = "conflict"


class PermissionDenied(IntakeError):
    code = "permission_denied"


class AuthenticationFailed(IntakeError):
    code = "authentication_failed"
