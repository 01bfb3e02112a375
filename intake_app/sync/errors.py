"""What can go wrong in a sync, as errors a user can read (one line, no secrets, no traceback)."""

from __future__ import annotations

from ..errors import IntakeError


class SyncError(IntakeError):
    code = "sync"


class CentralUnavailable(SyncError):
    """Central cannot be reached, refused the credentials, or the connection broke mid-way.

    Nothing is lost: what was committed on either side stays, and the next sync resumes.
    """

    code = "central_unavailable"


class NotRegistered(SyncError):
    code = "not_registered"


class SchemaMismatch(SyncError):
    code = "schema_mismatch"


class SyncBusy(SyncError):
    """Another sync of this station is running (the GUI's background sync and the command line)."""

    code = "sync_busy"
