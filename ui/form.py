"""A form whose refusals are shown where they belong.

Fields sit in a grid, keyed by the models' field names, each with its own
error line beneath it, and a general error line under them all; a
:class:`ValidationError` finds its field by ``error.field``. The form also
remembers what each field showed when it was added, so that a dialog saves
only what the user changed (:meth:`Form.changed`).
"""

from __future__ import annotations

from datetime import date
from typing import Protocol, TypeVar, runtime_checkable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.errors import TandemError, ValidationError
from ui.style import error_label
from ui.text_fields import raw_text

W = TypeVar("W", bound=QWidget)


@runtime_checkable
class HasValue(Protocol):
    """A field widget of our own (a colour button) says what it holds."""

    def value(self) -> object: ...


def field_value(widget: QWidget) -> object:
    """What a field widget holds, as the models take it."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return raw_text(widget)
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QDateEdit):
        day = widget.date()
        return date(day.year(), day.month(), day.day())
    if isinstance(widget, HasValue):
        return widget.value()
    raise TypeError(f"a form cannot read a {type(widget).__name__}")


class Form(QWidget):
    """Labelled fields in a grid, each with its own error line, then a general one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # A grid, not a QFormLayout: it gives a wrapped error line the height
        # its text needs at the width it has.
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        layout.addLayout(self.grid)
        #: The field widgets by the models' field names.
        self.fields: dict[str, QWidget] = {}
        #: The error lines by field name; "" is the general one.
        self.error_labels: dict[str, QLabel] = {"": error_label("formError")}
        layout.addWidget(self.error_labels[""])
        self._shown: dict[str, object] = {}

    def add_field(self, field: str, label: str, widget: W, tooltip: str = "") -> W:
        """A row: ``label`` with its mnemonic ("&Title:"), ``widget`` beside
        it, and beneath it the field's error line, hidden until needed.

        Give ``widget`` its value first: what it shows now is what
        :meth:`changed` compares with. Its object name is ``field`` unless
        it has one already."""
        if not widget.objectName():
            widget.setObjectName(field)
        if tooltip:
            widget.setToolTip(tooltip)
        caption = QLabel(label)
        caption.setBuddy(widget)
        row = self.grid.rowCount()
        tall = isinstance(widget, QPlainTextEdit)
        caption.setAlignment(Qt.AlignmentFlag.AlignLeft | (
            Qt.AlignmentFlag.AlignTop if tall else Qt.AlignmentFlag.AlignVCenter))
        if isinstance(widget, QPlainTextEdit):
            caption.setContentsMargins(0, widget.frameWidth() + 2, 0, 0)
        self.grid.addWidget(caption, row, 0)
        self.grid.addWidget(widget, row, 1)
        error = error_label(f"{widget.objectName()}Error")
        self.grid.addWidget(error, row + 1, 1)
        self.fields[field] = widget
        self.error_labels[field] = error
        self._shown[field] = field_value(widget)  # read back: a widget may alter its value
        return widget

    # -- values --

    def value(self, field: str) -> object:
        return field_value(self.fields[field])

    def values(self) -> dict[str, object]:
        return {field: field_value(widget) for field, widget in self.fields.items()}

    def changed(self) -> dict[str, object]:
        """The fields the user changed, with their values: those that hold
        something else than they showed when added (not: than is stored)."""
        return {field: value for field, value in self.values().items()
                if value != self._shown[field]}

    # -- errors --

    def error_label(self, field: str) -> QLabel:
        """The error line of a field; "" is the general one."""
        return self.error_labels[field]

    def clear_errors(self) -> None:
        for label in self.error_labels.values():
            label.clear()
            label.hide()

    def show_error(self, error: TandemError) -> None:
        """Show ``error`` under its field (else on the general line), and put
        the focus there with the text selected, ready to be corrected."""
        self.clear_errors()
        field = error.field if isinstance(error, ValidationError) else ""
        if field not in self.fields:
            field = ""
        label = self.error_labels[field]
        label.setText(error.message)
        label.show()
        if field:
            widget = self.fields[field]
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit | QAbstractSpinBox):
                widget.selectAll()
        self._fit()

    def _fit(self) -> None:
        """Let the window grow to show a message that wraps; never shrink
        what the user sized."""
        window = self.window()
        layout = window.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(window.width())
        if needed > window.height():
            window.resize(window.width(), needed)
