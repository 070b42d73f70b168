"""The paint watcher both children of ``benchmarks/startup.py`` use: the bare
window's and Tandem's (through ``startup_probe.py``). It imports PySide6
alone, so the bare window still imports Qt before SQLAlchemy."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication


class Painted(QObject):
    """Calls ``then`` once ``widget`` has painted: first of all that waits
    for the end of that paint (posted with high priority, it comes before
    what the window itself queues to run after its first paint, such as
    Tandem's reminders, which the couple sees a moment after the plan)."""

    DONE = QEvent.Type(QEvent.registerEventType())

    def __init__(self, widget, then):
        super().__init__()
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.then is not None:
            QApplication.postEvent(self, QEvent(self.DONE),
                                   Qt.EventPriority.HighEventPriority.value)
        return False

    def event(self, event):
        if event.type() == self.DONE and self.then is not None:
            then, self.then = self.then, None
            then()
            return True
        return super().event(event)
