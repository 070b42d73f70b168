"""Automatic backups of the open plan, made off the interface thread.

The rules are :mod:`models.backups`'. Here: when a plan opens, and as it
closes after changes, the plan's image is taken on the interface thread (a
copy in memory, a fraction of a millisecond) and a worker writes it, one
backup at a time, so neither opening nor editing waits for a disk. What goes
wrong is said in a notice under the header: the plan itself always opens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QStandardPaths, Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from models.backups import BackupJob, BackupStore, Clock, Listing, Reason, local_now
from models.changes import Cause, ChangeReport
from models.errors import TandemError
from ui.document import PlanDocument


def backup_base() -> Path:
    """Where backups live: ``Backups`` in the platform's data folder, looked
    up afresh each time (it follows the home folder, as the settings do)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) / "Backups"


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while a restore reads and writes whole plans (a fraction
    of a second, on the interface thread: the person asked and waits for it)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class _Relay(QObject):
    #: A task's number, what it returned, and the message of its refusal ("" if none).
    finished = Signal(int, object, str)


class _Task(QRunnable):
    def __init__(self, number: int, work: Callable[[], object], relay: _Relay):
        super().__init__()
        self.number, self.work, self.relay = number, work, relay

    def run(self) -> None:
        try:
            result = self.work()
        except TandemError as error:
            self.relay.finished.emit(self.number, None, error.message)
        except Exception as error:  # a backup must never take the app down
            self.relay.finished.emit(self.number, None,
                                     f"The backup failed unexpectedly ({error!r}). The plan "
                                     "itself is fine and saves every change.")
        else:
            self.relay.finished.emit(self.number, result, "")


class AutoBackups(QObject):
    #: A backup was written (a :class:`~models.backups.Backup`), or none was due (None).
    written = Signal(object)
    #: What is wrong with backups now, for the notice ("" once they work).
    problem_changed = Signal(str)
    #: One backup read for :meth:`list_backups`, as soon as it is: the
    #: plan's identity, a :class:`~models.backups.Listed` or an
    #: :class:`~models.backups.Unreadable`. Sent from the worker: connect
    #: with a queued connection.
    backup_read = Signal(str, object)
    #: A listing asked for with :meth:`list_backups` is done: the plan's
    #: identity, the :class:`~models.backups.Listing` (None if it failed), the message.
    listed = Signal(str, object, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        #: Injected by tests; the backups' days begin in its time zone.
        self.clock: Clock = local_now
        #: Injected by tests; else :func:`backup_base`.
        self.base: Path | None = None
        self.problem = ""
        # The pool first: as a child it is destroyed first, waiting for its
        # tasks, which report through the relay.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one at a time, in order
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[str], None]]] = {}
        self._numbers = 0
        self._document: PlanDocument | None = None
        self._changed = False

    def store(self) -> BackupStore:
        return BackupStore(self.base or backup_base(), self.clock)

    # -- the open plan ----------------------------------------------------------

    def plan_opened(self, document: PlanDocument) -> None:
        """Back the plan up if none was made today (checking the folder
        either way), and start noting whether it changes."""
        self._document, self._changed = document, False
        document.changed.connect(self._note_change)
        self._set_problem("")
        self._back_up(self.store().prepare(document.plan, Reason.OPENED))

    def plan_closing(self, document: PlanDocument) -> None:
        """Back the plan up if it changed since it opened (call before it closes)."""
        if document is not self._document:
            return  # forgotten: see forget()
        document.changed.disconnect(self._note_change)
        self._document = None
        self.problem = ""  # the notice goes with the plan: a failure now is said afresh
        job = self.store().on_close(document.plan, self._changed)
        if job is not None:
            self._back_up(job)

    def forget(self, document: PlanDocument) -> None:
        """Make no backup when ``document`` closes (a restore backs it up itself)."""
        if document is self._document:
            document.changed.disconnect(self._note_change)
            self._document = None

    def retry(self) -> None:
        """Try again for the open plan (a backup if none was made today)."""
        if self._document is not None:
            self._back_up(self.store().prepare(self._document.plan, Reason.OPENED))

    def _note_change(self, report: ChangeReport) -> None:
        if report.cause is not Cause.VIEW:  # an edit, undo or redo: the file changed
            self._changed = True

    def _back_up(self, job: BackupJob) -> None:
        store = self.store()
        self._run(lambda: store.write(job), self._written, self._set_problem)

    def _written(self, backup: object) -> None:
        self._set_problem("")
        self.written.emit(backup)

    def _set_problem(self, text: str) -> None:
        if text != self.problem:
            self.problem = text
            self.problem_changed.emit(text)

    # -- listing --------------------------------------------------------------------

    def list_backups(self, identity: str) -> None:
        """Read every backup of the plan in the background; :attr:`listed` says."""
        store = self.store()

        def done(listing: Listing) -> None:
            self.listed.emit(identity, listing, "")

        def each(item: object) -> None:  # on the worker
            self.backup_read.emit(identity, item)

        self._run(lambda: store.listing(identity, each), done,
                  lambda message: self.listed.emit(identity, None, message))

    # -- the worker ------------------------------------------------------------------

    def _run(self, work: Callable[[], object], done: Callable[[Any], None],
             failed: Callable[[str], None]) -> None:
        self._numbers += 1
        self._callbacks[self._numbers] = (done, failed)
        self._pool.start(_Task(self._numbers, work, self._relay))

    def _finished(self, number: int, result: object, message: str) -> None:
        done, failed = self._callbacks.pop(number)
        if message:
            failed(message)
        else:
            done(result)

    def wait(self) -> None:
        """Until every backup under way is written (before a restore, or quitting)."""
        self._pool.waitForDone()


class BackupNotice(QWidget):
    """Under the header while backups are off: why, and a way to try again."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backupNotice")
        line = QHBoxLayout(self)
        line.setContentsMargins(20, 3, 20, 3)
        self.text = QLabel()
        self.text.setObjectName("backupProblem")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # a path may hold < & >
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        line.addWidget(self.text, 1)
        self.retry = QPushButton("Try Again")
        self.retry.setToolTip("Make the backup now, once the folder can be written again")
        line.addWidget(self.retry)
        self.setStyleSheet("#backupNotice { background: #fbe3e1; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.hide()

    def show_problem(self, text: str) -> None:
        self.text.setText(text.replace("\n\n", " "))
        self.setVisible(bool(text))
