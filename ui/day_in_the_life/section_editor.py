"""One section of a vision: its guiding prompt, a comfortable plain-text
editor that stores itself as it is typed (:class:`ui.live_text.LiveText`),
and its word count."""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from models.visions import SECTION_MAX, Section, word_count
from ui.style import HINT_STYLE, error_label, heading
from ui.text_fields import PlainTextEdit

#: Up to this many characters (UTF-16 units) the count follows each keystroke;
#: beyond, it waits for a pause in typing (a megabyte takes ~30 ms to count).
COUNT_AT_ONCE = 50_000
COUNT_PAUSE_MS = 400
#: Lines of prose read best at most this many characters wide.
MEASURE = 96
#: Control characters a paste from a PDF or a terminal may carry; dropped.
_PASTED_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class SectionEditor(PlainTextEdit):
    """Plain text only, up to :data:`SECTION_MAX` characters; a paste keeps
    its words and drops the invisible control characters the plan refuses.

    The limit is checked *before* an edit, from the document's size (an
    upper bound on the characters), so typing in a megabyte costs no read of
    the whole text: ``PlainTextEdit``'s own check after each change reads it
    all (~3 ms a keystroke at 1 MB). Text set from code is kept whole."""

    #: An edit was refused; the message says why.
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None, limit: int = SECTION_MAX):
        super().__init__(parent=parent)
        self.section_limit = limit
        self.setTabChangesFocus(True)
        self.setLineWrapMode(PlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self.document().setDocumentMargin(10)

    def measure(self) -> int:
        """The width at which lines of prose are still comfortable to read."""
        return (self.fontMetrics().averageCharWidth() * MEASURE + 2 * self.frameWidth()
                + int(2 * self.document().documentMargin()))

    def _fits(self, adding: str) -> bool:
        """Whether replacing the selection with ``adding`` keeps to the limit;
        says why not when it does not."""
        bound = self.document().characterCount() - 1 + len(adding)
        if bound <= self.section_limit:  # UTF-16 units: never fewer than characters
            return True
        length = len(self.raw_text()) - len(self.textCursor().selectedText()) + len(adding)
        if length <= self.section_limit:
            return True
        self.refused.emit(f"A part of the day holds at most {self.section_limit:,} "
                          f"characters; this would make it {length:,}.")
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typed = event.text()
        if typed and typed.isprintable() and not self._fits(typed):
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self._fits("\n"):
            event.accept()
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        if event.commitString() and not self._fits(event.commitString()):
            event.accept()
            return
        super().inputMethodEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if not source.hasText():
            return
        text = _PASTED_CONTROLS.sub("", source.text().replace("\r\n", "\n").replace("\r", "\n"))
        if self._fits(text):
            self.insertPlainText(text)


class SectionPane(QWidget):
    """The heading, the prompt, the editor and the count of one section."""

    #: The section's words changed: (section key, words).
    counted = Signal(str, int)

    def __init__(self, section: Section, parent: QWidget | None = None):
        super().__init__(parent)
        self.section = section
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = heading(section.title, 1.25)
        layout.addWidget(self.title)
        self.prompt = QLabel(section.prompt)
        self.prompt.setObjectName(f"{section.key}Prompt")
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setWordWrap(True)
        self.prompt.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.prompt)
        self.editor = SectionEditor()
        self.editor.setObjectName(f"{section.key}Editor")
        self.editor.setAccessibleName(section.title)
        self.editor.setPlaceholderText(section.placeholder)
        layout.addWidget(self.editor, 1)
        self.error = error_label(f"{section.key}Error")
        layout.addWidget(self.error)
        self.count = QLabel()
        self.count.setObjectName(f"{section.key}Count")
        self.count.setStyleSheet(HINT_STYLE)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.count)
        self.words = 0
        self._counting = QTimer(self)
        self._counting.setSingleShot(True)
        self._counting.setInterval(COUNT_PAUSE_MS)
        self._counting.timeout.connect(self.recount)
        self.editor.textChanged.connect(self._typed)

    def _typed(self) -> None:
        if self.editor.document().characterCount() <= COUNT_AT_ONCE:
            self.recount()
        else:
            self._counting.start()

    def recount(self) -> None:
        self._counting.stop()
        text = self.editor.raw_text()
        self.words = word_count(text)
        self.count.setText(f"{self.words:,} word{'' if self.words == 1 else 's'} · "
                           f"{len(text):,} character{'' if len(text) == 1 else 's'}")
        self.counted.emit(self.section.key, self.words)

    def set_writable(self, writable: bool, placeholder: str) -> None:
        """Editable for the author; read-only, with the prompt hidden, for the reader."""
        self.editor.setReadOnly(not writable)
        self.editor.setPlaceholderText(placeholder)
        self.prompt.setVisible(writable)
        self.error.clear()
        self.error.hide()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
