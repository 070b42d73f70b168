"""Gentle reminders from the tabs, shown under the header: a decision
deadline that nears, a check-in that falls due. A tab that has something to
say emits ``notice_changed(text)`` ("" when it has nothing), and the bar shows
one line per tab with a button that goes there."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.style import plain_label


class NoticeBar(QWidget):
    #: The index of the tab whose notice the user wants to act on.
    go_to = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notices")
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(12, 0, 12, 4)
        self._rows.setSpacing(2)
        self.notices: dict[int, str] = {}
        self._titles: dict[int, str] = {}
        self.hide()

    def set_notice(self, tab: int, title: str, text: str) -> None:
        """Show ``text`` for the tab at index ``tab`` (called ``title``), or
        take its notice away when ``text`` is empty."""
        if text:
            self.notices[tab], self._titles[tab] = text, title
        else:
            self.notices.pop(tab, None)
        self._rebuild()

    def clear(self) -> None:
        self.notices.clear()
        self._rebuild()

    def _rebuild(self) -> None:
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for tab, text in sorted(self.notices.items()):
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(8, 3, 8, 3)
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            line.addWidget(label, 1)
            button = QPushButton(f"Go to {plain_label(self._titles[tab])}")
            button.setFlat(True)
            button.clicked.connect(lambda _=False, t=tab: self.go_to.emit(t))
            line.addWidget(button)
            row.setStyleSheet("background: #fdf4d8; border-radius: 6px;")
            self._rows.addWidget(row)
        self.setVisible(bool(self.notices))
