"""Gentle reminders from the tabs, shown under the header: a decision
deadline that nears, a check-in that falls due. A tab that has something to
say emits ``notice_changed(text)`` ("" when it has nothing), and the bar shows
one line per tab with a button that goes there. More than :data:`MOST`
fold into one line that names their tabs, until the couple shows them all:
a plan with many reminders should not push the plan itself off a small
screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.style import plain_label

#: Notices shown one per line; beyond, the last line sums up the rest.
MOST = 2

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
        #: Every notice on its own line, as the couple chose ("Show All").
        self.expanded = False
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
        found = sorted(self.notices.items())
        folded = len(found) > MOST and not self.expanded
        shown = found[:MOST - 1] if folded else found
        for tab, text in shown:
            button = QPushButton(f"Go to {plain_label(self._titles[tab])}")
            button.clicked.connect(lambda _=False, t=tab: self.go_to.emit(t))
            self._add_row(text, button)
        if len(found) > MOST:
            rest = found[len(shown):]
            if rest:
                titles = ", ".join(self._titles[tab] for tab, _text in rest)
                text = f"{len(rest)} more reminders, in {titles}."
                toggle = QPushButton("Show All")
                toggle.setToolTip("Show every reminder on a line of its own")
            else:
                text, toggle = "", QPushButton("Show Fewer")
            toggle.setObjectName("noticesToggle")
            toggle.clicked.connect(self._toggle)
            self._add_row(text, toggle)
        self.setVisible(bool(self.notices))

    def _add_row(self, text: str, button: QPushButton) -> None:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(8, 3, 8, 3)
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        line.addWidget(label, 1)
        button.setFlat(True)
        line.addWidget(button)
        row.setStyleSheet("background: #fdf4d8; border-radius: 6px;")
        self._rows.addWidget(row)

    def _toggle(self) -> None:
        self.expanded = not self.expanded
        self._rebuild()
