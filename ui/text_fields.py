"""Text fields that mean what the plan stores.

Lengths are counted in characters (code points), as the models count them:
``QLineEdit.setMaxLength`` counts UTF-16 units, so an emoji counts twice, and
it cuts text set from code. Notes are read with ``toRawText()``, because
``toPlainText()`` turns no-break spaces into plain ones.

A field may still not show a stored value exactly (PySide drops a leading
byte-order mark on the way into Qt): a dialog saves only the fields whose
text differs from what they showed when it opened (:mod:`ui.form`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QTextCursor, QValidator
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

#: How QTextDocument separates paragraphs in its raw text.
PARAGRAPH_SEPARATOR = "\u2029"


def utf16_length(text: str) -> int:
    """Qt's length of ``text``: positions in Qt count UTF-16 units."""
    return len(text.encode("utf-16-le")) // 2


class CodePointLimit(QValidator):
    """Refuses an edit that would take a line past ``limit`` characters.

    Qt checks typing, pasting and input methods with it, never text set from
    code: a stored value longer than the limit is shown whole (the models
    decide about it), and can be edited until it fits."""

    def __init__(self, limit: int, parent: QObject | None = None):
        super().__init__(parent)
        self.limit = limit

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        fits = len(text) <= self.limit
        return (QValidator.State.Acceptable if fits else QValidator.State.Invalid), text, pos


def limit_length(edit: QLineEdit, limit: int) -> None:
    """Limit ``edit`` to ``limit`` characters. Call it before setting the
    text: Qt then leaves a longer stored value editable, rather than undoing
    every edit of it that does not yet fit."""
    edit.setValidator(CodePointLimit(limit, edit))


def line_edit(text: str = "", *, limit: int, placeholder: str = "",
              parent: QWidget | None = None) -> QLineEdit:
    """A one-line field holding ``text``, limited to ``limit`` characters."""
    edit = QLineEdit(parent)
    limit_length(edit, limit)
    edit.setText(text)
    edit.setPlaceholderText(placeholder)
    return edit


def raw_text(editor: QPlainTextEdit) -> str:
    """The text of ``editor`` exactly as shown: no-break spaces and byte-order
    marks kept, paragraph breaks as "\\n"."""
    return editor.document().toRawText().replace(PARAGRAPH_SEPARATOR, "\n")


class PlainTextEdit(QPlainTextEdit):
    """A plain-text editor read with :meth:`raw_text`. With a ``limit``, an
    edit that would take the text past that many characters is undone (text
    set from code is kept whole, as in a limited line)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 limit: int | None = None):
        super().__init__(parent)
        self.limit = limit
        self._accepted = ""
        self._setting = False
        self.textChanged.connect(self._check_length)
        self.setPlainText(text)

    def raw_text(self) -> str:
        return raw_text(self)

    def setPlainText(self, text: str) -> None:
        self._setting = True
        try:
            super().setPlainText(text)
        finally:
            self._setting = False
        self._accepted = self.raw_text()

    def _check_length(self) -> None:
        text = self.raw_text()
        if (not self._setting and self.limit is not None
                and len(text) > self.limit >= len(self._accepted)):
            self._restore(text, self._accepted)
            return
        self._accepted = text

    def _restore(self, now: str, before: str) -> None:
        """Put back what the last edit replaced, as part of that edit's undo step."""
        start = 0
        while start < min(len(now), len(before)) and now[start] == before[start]:
            start += 1
        end = 0
        while (end < min(len(now), len(before)) - start
               and now[len(now) - 1 - end] == before[len(before) - 1 - end]):
            end += 1
        cursor = QTextCursor(self.document())
        cursor.joinPreviousEditBlock()
        cursor.setPosition(utf16_length(now[:start]))
        cursor.setPosition(utf16_length(now[:len(now) - end]), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(before[start:len(before) - end])  # emits textChanged: now it fits
        cursor.endEditBlock()


class NotesEdit(PlainTextEdit):
    """Notes: four lines high to begin with; it takes the room when the form grows."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, limit: int,
                 placeholder: str = "Anything you want to remember about it"):
        super().__init__(text, parent, limit=limit)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        self.setMinimumHeight(self._height(2))

    def _height(self, lines: int) -> int:
        margins = self.contentsMargins()
        return (self.fontMetrics().lineSpacing() * lines + margins.top() + margins.bottom()
                + 2 * int(self.document().documentMargin()))

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height(4))
