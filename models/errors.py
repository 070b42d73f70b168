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
    """A value was refused. ``field`` names the input it came from, for the UI
    to put the message next to the right place."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class PlanFileError(TandemError):
    """A file could not be opened or written as a plan; nothing in it was changed."""

    def __init__(self, path: Path | str, reason: str, verb: str = "opened") -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"“{self.path.name}” could not be {verb}: {reason}\n\n{self.path}")


class StaleEditError(TandemError):
    """An undo or redo found the plan not in the state it expected."""
