"""An open plan as the UI sees it: the plan file, its undo stack, and the
signal every view listens to.

Every edit anywhere in the app goes through :meth:`PlanDocument.submit`: it is
applied in one transaction, pushed as one undo step, and announced with
:attr:`PlanDocument.changed` (the tables it touched), so that each view
refreshes itself and no view reaches into another.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from models.changes import Edit, inverse
from models.errors import TandemError
from models.plan_file import PlanFile


class EditCommand(QUndoCommand):
    """One undo step: an edit, applied already when it is pushed."""

    def __init__(self, document: PlanDocument, text: str, edit: Edit, merge_key: str = ""):
        super().__init__(text)
        self.document = document
        self.edit = edit
        self.merge_key = merge_key
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # the first redo is the push: already done by submit()
            return
        self._run(self.edit, "redone")
        self._applied = True

    def undo(self) -> None:
        self._run(inverse(self.edit), "undone")
        self._applied = False

    def _run(self, edit: Edit, done: str = "redone") -> None:
        try:
            self.document.apply(edit)
        except TandemError as error:
            # The database refused; it is unchanged. Drop this step so the
            # stack never claims a state the file does not have.
            self.setObsolete(True)
            self.document.failed.emit(
                f"“{self.text()}” could not be {done}, so it was taken off the undo list. "
                f"{error.message}")

    def id(self) -> int:
        return 1 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        self.edit = self.edit + other.edit
        return True


class PlanDocument(QObject):
    #: The tables an edit, undo or redo touched (``frozenset[str]``).
    changed = Signal(frozenset)
    #: Who is at the keyboard changed: a partner's UUID, or "" for both.
    at_keyboard_changed = Signal(str)
    #: An undo or redo failed; the message is for the user.
    failed = Signal(str)

    def __init__(self, plan: PlanFile, parent: QObject | None = None):
        super().__init__(parent)
        self.plan = plan
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self._at_keyboard = ""

    @property
    def session(self):  # type: ignore[no-untyped-def]
        return self.plan.session

    @property
    def at_keyboard(self) -> str:
        """The UUID of the partner at the keyboard, or "" when both are."""
        return self._at_keyboard

    def set_at_keyboard(self, partner_uuid: str) -> None:
        if partner_uuid != self._at_keyboard:
            self._at_keyboard = partner_uuid
            self.at_keyboard_changed.emit(partner_uuid)

    def submit(self, text: str, edit: Edit, merge_key: str = "") -> None:
        """Apply ``edit`` and make it one undo step named ``text``.
        Raises :class:`TandemError` (with nothing stored) when refused."""
        if not edit:
            return
        self.apply(edit)
        self.undo_stack.push(EditCommand(self, text, edit, merge_key))

    def apply(self, edit: Edit) -> None:
        touched = self.plan.apply(edit)
        self.changed.emit(touched)

    def close(self) -> None:
        self.undo_stack.clear()
        self.plan.close()
