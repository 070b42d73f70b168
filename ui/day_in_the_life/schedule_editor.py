"""The rough schedule of a vision: five short fields, each stored when it
is left or Enter is pressed, and refused in place when it is no time or
the day it makes is impossible (a workday that ends before it starts)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from models.day_schedule import FIELDS, TIME_FIELDS, Schedule, format_hours, format_time
from models.visions import content
from ui.style import ERROR_COLOR, HINT_STYLE, error_label, heading
from ui.text_fields import limit_length

#: A field holds "07:30" or "1.5": a few characters are plenty.
FIELD_MAX = 12


class ScheduleEditor(QWidget):
    #: The user finished typing in a field: (field, text as typed).
    committed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        texts = content()["schedule"]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(texts["title"], 1.25))
        self.prompt = QLabel(texts["prompt"])
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.prompt)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        self.fields: dict[str, QLineEdit] = {}
        for column, name in enumerate(FIELDS):
            field = texts["fields"][name]
            edit = QLineEdit()
            edit.setObjectName(name)
            limit_length(edit, FIELD_MAX)
            edit.setPlaceholderText("07:30" if name in TIME_FIELDS else "0")
            edit.setToolTip(field["tip"])
            edit.setAccessibleName(field["label"])
            edit.setMaximumWidth(110)
            edit.editingFinished.connect(lambda n=name: self._finished(n))
            caption = QLabel(f"{field['label']}:")
            caption.setBuddy(edit)
            grid.addWidget(caption, 0, column)
            grid.addWidget(edit, 1, column)
            self.fields[name] = edit
        grid.setColumnStretch(len(FIELDS), 1)
        layout.addLayout(grid)
        self.error = error_label("scheduleError")
        layout.addWidget(self.error)
        layout.addStretch(1)
        #: Fields holding a refused text: kept as typed until corrected.
        self._refused: set[str] = set()

    def _finished(self, name: str) -> None:
        edit = self.fields[name]
        if not edit.isReadOnly():
            self.committed.emit(name, edit.text())

    def set_schedule(self, schedule: Schedule, writable: bool) -> None:
        """Show ``schedule``; fields with a refused text keep it to be corrected."""
        for name, edit in self.fields.items():
            edit.setReadOnly(not writable)
            if name in self._refused and writable:
                continue
            value = getattr(schedule, name)
            edit.setText(format_hours(value) if name == "home_minutes" else format_time(value))
        self.prompt.setVisible(writable)
        if not writable:
            self.clear_error()

    def show_error(self, field: str, message: str) -> None:
        self.clear_error()
        self.error.setText(message)
        self.error.show()
        edit = self.fields.get(field)
        if edit is not None:
            self._refused.add(field)
            edit.setStyleSheet(f"border: 1px solid {ERROR_COLOR};")

    def clear_error(self, field: str | None = None) -> None:
        """Take the refusal away (of ``field`` only, if it was that one's)."""
        if field is not None and field not in self._refused:
            return
        self.error.hide()
        self.error.clear()
        for name in self._refused:
            self.fields[name].setStyleSheet("")
        self._refused.clear()
