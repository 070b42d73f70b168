"""The one family of errors the app shows to people.

Every refusal from the model layer is a :class:`TandemError` whose ``message``
is a finished sentence for the user; the UI shows it as it is.
"""

from __future__ import annotations

from pathlib import Path


class TandemError(Exception):
    """Something the user asked for cannot be done; ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(TandemError):
    """A value was refused. It points at the very place: the ``table`` and
    the ``row`` (UUID) it belongs to, and the ``field`` (attribute name), so
    that a grid can mark the cell and a dialog the field without guessing.
    ``table`` and ``row`` are "" where the refusal is about no stored row."""

    def __init__(self, field: str, message: str, *, table: str = "", row: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.table = table
        self.row = row

    def at(self, table: str, row: str) -> ValidationError:
        """This error, located at a row (kept if it already names one)."""
        if not self.table:
            self.table, self.row = table, row
        return self


class PrivacyError(TandemError):
    """An edit reached something private to the other partner. The message
    names nothing of its content: it is shown to someone who may not see it."""


class PlanFileError(TandemError):
    """A file could not be opened or written as a plan; nothing in it was changed."""

    def __init__(self, path: Path | str, reason: str, verb: str = "opened") -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"“{self.path.name}” could not be {verb}: {reason}\n\n{self.path}")


class StaleEditError(TandemError):
    """An undo or redo found the plan not in the state it expected."""
