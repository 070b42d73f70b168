"""Text that stores itself as it is typed: nothing to save.

A field bound with :class:`LiveText` stores its text after a short pause in
typing and when it loses the focus. Each store is an edit on the plan's undo
stack, and a burst of typing (everything typed while the field keeps the
focus) merges into one undo step. The field's own undo is off, so Ctrl+Z
means one thing everywhere: the plan's Undo, which first stores what is still
being typed, so that it is undone with the rest of the burst.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from models.errors import TandemError
from ui.document import PlanDocument
from ui.text_fields import raw_text

#: How long typing may pause before what was typed is stored.
PAUSE_MS = 700
_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_bursts = itertools.count(1)

#: Builds and submits the edit for a text; gets the text and the merge key.
Store = Callable[[str, str], None]


def _is_undo_key(event: QEvent) -> bool:
    return isinstance(event, QKeyEvent) and any(event.matches(key) for key in _UNDO_KEYS)


class LiveText(QObject):
    """Stores ``editor``'s text through ``store`` after each pause and on
    focus-out; ``refused`` reports a :class:`TandemError` for the view to
    show at the field. ``key`` names what is edited (a row and a field), so
    that steps of one burst merge and no others do."""

    def __init__(self, document: PlanDocument, editor: QLineEdit | QPlainTextEdit, key: str,
                 store: Store, refused: Callable[[TandemError], None],
                 pause_ms: int = PAUSE_MS):
        super().__init__(editor)
        self.document = document
        self.editor = editor
        self.key = key
        self._store = store
        self._refused = refused
        self._stored = self.text()
        self._burst = next(_bursts)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(pause_ms)
        self._timer.timeout.connect(self.flush)
        if isinstance(editor, QPlainTextEdit):
            editor.setUndoRedoEnabled(False)
        editor.textChanged.connect(self._typed)
        editor.installEventFilter(self)
        document.about_to_move.connect(self._before_undo)

    def text(self) -> str:
        editor = self.editor
        return editor.text() if isinstance(editor, QLineEdit) else raw_text(editor)

    @property
    def pending(self) -> bool:
        """Typed, not yet stored."""
        return self.text() != self._stored

    def show(self, text: str) -> None:
        """Show ``text`` from the plan, unless the field holds typing of its
        own not yet stored (the plan changed elsewhere meanwhile)."""
        if self.pending or self.text() == text:
            return
        self.editor.blockSignals(True)
        try:
            if isinstance(self.editor, QLineEdit):
                self.editor.setText(text)
            else:
                self.editor.setPlainText(text)
        finally:
            self.editor.blockSignals(False)
        self._stored = self.text()

    def flush(self) -> None:
        """Store what was typed, now, as part of the current burst."""
        self._timer.stop()
        text = self.text()
        if text == self._stored:
            return
        try:
            self._store(text, f"typing:{self.key}:{self._burst}")
        except TandemError as error:
            self._refused(error)
            return
        self._stored = text

    def _typed(self) -> None:
        self._timer.start()

    def _before_undo(self) -> None:
        self.flush()
        self._burst = next(_bursts)  # typing after an undo is a step of its own

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusOut:
            self.flush()
        elif kind == QEvent.Type.FocusIn:
            self._burst = next(_bursts)
        elif kind == QEvent.Type.ShortcutOverride and _is_undo_key(event):
            event.ignore()  # not the field's: the window's Undo takes it
            return True
        elif kind == QEvent.Type.KeyPress and _is_undo_key(event):
            event.ignore()
            return True
        return False
