"""The burnout protocol the couple agreed: the signals each of them gives
when they need support, and what the two of them do then. Both fields store
themselves as they are typed (one undo step per burst)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from models.errors import TandemError
from models.support import PROTOCOL_MAX, burnout_protocol, content, set_burnout
from ui.document import PlanDocument
from ui.live_text import LiveText
from ui.style import error_label, heading
from ui.support.page import hint
from ui.text_fields import NotesEdit


class BurnoutPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        texts = content()["burnout"]
        self.document: PlanDocument | None = None
        self.editors: dict[str, NotesEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._lives: dict[str, LiveText] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(heading(texts["heading"], 1.25))
        layout.addWidget(hint(texts["text"]))
        for field, caption in (("signals", "The &signals"), ("protocol", "What we &do then")):
            editor = NotesEdit(limit=PROTOCOL_MAX, placeholder=texts[f"{field}_prompt"])
            editor.setObjectName(f"burnout_{field}")
            editor.setTabChangesFocus(True)
            label = heading(caption.replace("&", ""))
            label.setText(caption)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setBuddy(editor)
            self.editors[field] = editor
            self.errors[field] = error_label(f"burnout_{field}Error")
            layout.addWidget(label)
            layout.addWidget(editor, 1)
            layout.addWidget(self.errors[field])
        layout.addWidget(hint("Agreed together: either of you, or both at the keyboard, can "
                              "write it. It stores itself as you type."))

    def set_document(self, document: PlanDocument | None) -> None:
        for live in self._lives.values():
            live.flush()
            live.deleteLater()
        self._lives = {}
        self.document = document
        for field, editor in self.editors.items():
            editor.setEnabled(document is not None)
            self.errors[field].hide()
            if document is not None:
                self._lives[field] = LiveText(document, editor, f"burnout:{field}",
                                              self._storer(field), self._refuser(field))
        self.refresh()

    def refresh(self) -> None:
        row = burnout_protocol(self.document.plan) if self.document is not None else None
        for field, editor in self.editors.items():
            text = getattr(row, field) if row is not None else ""
            live = self._lives.get(field)
            if live is not None:
                live.show(text)
            else:
                editor.setPlainText(text)

    def _storer(self, field: str) -> Callable[[str, str], None]:
        return lambda text, key: self._store(field, text, key)

    def _refuser(self, field: str) -> Callable[[TandemError], None]:
        return lambda error: self._refused(field, error)

    def _store(self, field: str, text: str, merge_key: str) -> None:
        document = self.document
        if document is None:
            return
        what = "the burnout signals" if field == "signals" else "the burnout protocol"
        document.submit(f"Edit {what}", set_burnout(document.plan, **{field: text}), merge_key,
                        initiator=self)
        self.errors[field].hide()

    def _refused(self, field: str, error: TandemError) -> None:
        self.errors[field].setText(error.message)
        self.errors[field].show()
