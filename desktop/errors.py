"""Typed errors raised by services and the database layer.

Each carries a stable ``code`` so the views and the CLI translate it to a message in one place;
``message`` is already a user-facing Chinese sentence where the layer below can say it best.
"""

from __future__ import annotations


class StationDeskError(Exception):
    """Base of every expected error: shown to the user as one clear line, never a traceback."""

    code = "error"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}（{self.hint}）" if self.hint else self.message


class ValidationError(StationDeskError):
    """Input that breaks a record rule; ``fields`` maps field name to a message."""

    code = "validation"

    def __init__(self, message: str, *, fields: dict[str, str] | None = None, hint: str | None = None):
        super().__init__(message, hint=hint)
        self.fields = dict(fields or {})


class ConflictError(StationDeskError):
    """A save that would overwrite a newer change, or a duplicate number."""

    code = "conflict"


class PermissionDenied(StationDeskError):
    code = "permission"


class NotFound(StationDeskError):
    code = "not_found"


class Cancelled(StationDeskError):
    """The user cancelled long work; never shown as an error."""

    code = "cancelled"

    def __init__(self, message: str = "操作已取消", **kw) -> None:
        super().__init__(message, **kw)


class DatabaseError(StationDeskError):
    """The database cannot be used: wrong URL, unreachable server, read-only file, full disk."""

    code = "database"


class ConnectionLost(DatabaseError):
    """The server cannot be reached (down, network cut, connection dropped): nothing was saved,
    and the same action may simply be repeated once the connection is back."""

    code = "connection_lost"


class SchemaError(DatabaseError):
    """The database schema does not match this version of the application."""

    code = "schema"


class AuditTamperError(StationDeskError):
    code = "audit_tamper"
