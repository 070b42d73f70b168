"""An open plan as the UI sees it: the plan file, who is looking, an undo
stack per viewer, and the report every view listens to.

Every edit anywhere in the app goes through :meth:`PlanDocument.submit`: it is
applied in one transaction as the viewer at the keyboard, pushed as one undo
step, and announced with :attr:`PlanDocument.changed` (a
:class:`~models.changes.ChangeReport`), so that each view refreshes what it
shows and no view reaches into another.

Each viewer (one partner, the other, both together) has an undo stack of its
own: Ctrl+Z undoes what the person at the keyboard did, the history lists
only their steps, so one partner never sees, let alone undoes, the steps the
other took while writing privately.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from models.base import Entity
from models.changes import Cause, ChangeReport, Edit, inverse, merge
from models.errors import TandemError
from models.partners import partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER, Viewer

UNDO_LIMIT = 500


class EditCommand(QUndoCommand):
    """One undo step: an edit by one viewer, applied already when it is pushed."""

    def __init__(self, document: PlanDocument, text: str, edit: Edit, viewer: Viewer,
                 merge_key: str = ""):
        super().__init__(text)
        self.document = document
        self.edit = edit
        self.viewer = viewer
        self.merge_key = merge_key
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # the first redo is the push: already done by submit()
            return
        self._run(self.edit, Cause.REDO)
        self._applied = True

    def undo(self) -> None:
        self._run(inverse(self.edit), Cause.UNDO)
        self._applied = False

    def _run(self, edit: Edit, cause: Cause) -> None:
        try:
            self.document.plan.apply(edit, self.viewer)
        except TandemError as error:
            # The plan refused; it is unchanged. Drop this step so the stack
            # never claims a state the file does not have.
            self.setObsolete(True)
            done = "undone" if cause is Cause.UNDO else "redone"
            self.document.failed.emit(
                f"“{self.text()}” could not be {done}, so it was taken off the undo list. "
                f"{error.message}")
            return
        self.document._after_move(edit, cause)

    def id(self) -> int:
        return 1 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        self.edit = merge(self.edit, other.edit)
        self.setText(other.text())
        if not self.edit:  # back where it started: the step goes away
            self.setObsolete(True)
        return True


class PlanDocument(QObject):
    #: What an edit, undo or redo changed (:class:`ChangeReport`), sent once
    #: the undo stack has moved, or everything when the viewer changed.
    changed = Signal(object)
    #: Who is looking changed (a :class:`Viewer`).
    viewer_changed = Signal(object)
    #: About to undo or redo: text being typed should be stored first.
    about_to_move = Signal()
    #: An undo or redo failed; the message is for the user.
    failed = Signal(str)

    def __init__(self, plan: PlanFile, parent: QObject | None = None):
        super().__init__(parent)
        self.plan = plan
        self._viewer = TOGETHER  # a plan opens with both of you at the keyboard
        self.stacks: dict[Viewer, QUndoStack] = {}
        for viewer in (TOGETHER, *(Viewer.partner(p.uuid) for p in partners(plan))):
            stack = QUndoStack(self)
            stack.setUndoLimit(UNDO_LIMIT)
            stack.indexChanged.connect(self._flush)
            self.stacks[viewer] = stack
        #: What undos and redos changed since the stack last moved.
        self._pending: Edit = ()
        self._pending_cause = Cause.UNDO

    # -- who is looking --------------------------------------------------------------

    @property
    def viewer(self) -> Viewer:
        return self._viewer

    def set_viewer(self, viewer: Viewer) -> None:
        if viewer == self._viewer:
            return
        if viewer not in self.stacks:
            raise ValueError("not a viewer of this plan")
        self.about_to_move.emit()  # what the last viewer typed is theirs
        self._viewer = viewer
        self.viewer_changed.emit(viewer)
        self.changed.emit(ChangeReport.everything())

    @property
    def undo_stack(self) -> QUndoStack:
        """The undo stack of the viewer at the keyboard."""
        return self.stacks[self._viewer]

    # -- editing ---------------------------------------------------------------------

    def submit(self, text: str, edit: Edit, merge_key: str = "",
               initiator: object = None) -> None:
        """Apply ``edit`` as the viewer at the keyboard and make it one undo
        step named ``text`` (merged into the last step when both carry the same
        ``merge_key``). Raises :class:`TandemError` (nothing stored) when refused."""
        if not edit:
            return
        self.plan.apply(edit, self._viewer)
        self.undo_stack.push(EditCommand(self, text, edit, self._viewer, merge_key))
        self.changed.emit(ChangeReport.of(edit, Cause.EDIT, initiator))

    def undo(self) -> None:
        self.about_to_move.emit()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.about_to_move.emit()
        self.undo_stack.redo()

    def _after_move(self, edit: Edit, cause: Cause) -> None:
        self._pending = merge(self._pending, edit)
        self._pending_cause = cause

    def _flush(self) -> None:
        """Report what undos and redos changed, once the stack has moved (a
        click in the history may undo several steps at once)."""
        if self._pending:
            report = ChangeReport.of(self._pending, self._pending_cause)
            self._pending = ()
            self.changed.emit(report)

    # -- listening -------------------------------------------------------------------

    def watch(self, types: tuple[type[Entity], ...],
              slot: Callable[[ChangeReport], None]) -> Callable[[ChangeReport], None]:
        """Call ``slot`` with each report that touches one of ``types``;
        returns the connected function, for :meth:`unwatch`."""
        def relay(report: ChangeReport) -> None:
            if report.touches(*types):
                slot(report)

        self.changed.connect(relay)
        return relay

    def unwatch(self, relay: Callable[[ChangeReport], None]) -> None:
        self.changed.disconnect(relay)

    def close(self) -> None:
        for stack in self.stacks.values():
            stack.clear()
        self.plan.close()
