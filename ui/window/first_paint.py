"""Work that waits until the couple sees their plan.

At start-up the window shows the Roadmap first and only then does what can
follow a moment later: checking the other exercises' rows of a plan new to
this computer, and the reminders, which read every exercise and so load
every exercise's model; the server that answers a second start; Python's
garbage collector (benchmarks/startup.py measures the start until that
first paint).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: A window that does not paint (started minimized) waits no longer than this.
AT_THE_LATEST_MS = 1000


class AfterFirstPaint(QObject):
    """Calls ``then`` once (what it returns is dropped): after ``widget`` has
    first painted (once that paint is over), or after :data:`AT_THE_LATEST_MS`,
    whichever comes first. A child of ``widget``: it goes with it."""

    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._then: Callable[[], object] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(AT_THE_LATEST_MS, self, self.run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            # Queued: the window's whole paint is flushed to the screen first.
            QTimer.singleShot(0, self, self.run)
        return False

    def run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            parent = self.parent()
            if isinstance(parent, QWidget):
                parent.removeEventFilter(self)
            then()
