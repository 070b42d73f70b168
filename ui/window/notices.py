"""Gentle reminders from the tabs, shown under the header: a decision
deadline that nears, a check-in that falls due. A tab that has something to
say emits ``notice_changed(text)`` ("" when it has nothing), and the bar shows
one line per tab with a button that goes there. More than :data:`MOST`
fold into one line that names their tabs, until the couple shows them all:
a plan with many reminders should not push the plan itself off a small
screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.style import plain_label

#: Notices shown one per line; beyond, the last line sums up the rest.
MOST = 2
ROW_STYLE = "background: #fdf4d8; border-radius: 6px;"
LINK_STYLE = ("QPushButton { color: #1d5fa8; text-decoration: underline; border: none; "
              "padding: 0px 4px; background: transparent; }")

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
        rows = [(text, [self._go_to_button(tab)]) for tab, text in shown]
        if len(found) > MOST:
            rest = found[len(shown):]
            if rest:
                titles = ", ".join(self._titles[tab] for tab, _text in rest)
                toggle = self._link_button("Show All", self._toggle)
                toggle.setToolTip("Show every reminder on a line of its own")
                rows.append((f"{len(rest)} more reminders, in {titles}.", [toggle]))
            else:  # all shown: the way back sits on the last line
                rows[-1][1].append(self._link_button("Show Fewer", self._toggle))
        for text, buttons in rows:
            self._add_row(text, buttons)
        self.setVisible(bool(self.notices))

    def _go_to_button(self, tab: int) -> QPushButton:
        return self._link_button(f"Go to {plain_label(self._titles[tab])}",
                                 lambda _=False, t=tab: self.go_to.emit(t))

    def _link_button(self, text: str, slot: Callable[..., object]) -> QPushButton:
        # Reads as a link (it leads somewhere), so that it is not taken for text.
        button = QPushButton(text)
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setStyleSheet(LINK_STYLE)
        button.clicked.connect(slot)
        if text.startswith("Show"):
            button.setObjectName("noticesToggle")
        return button

    def _add_row(self, text: str, buttons: list[QPushButton]) -> None:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(8, 2, 8, 2)
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        line.addWidget(label, 1)
        for button in buttons:
            line.addWidget(button)
        row.setStyleSheet(ROW_STYLE)
        self._rows.addWidget(row)

    def _toggle(self) -> None:
        self.expanded = not self.expanded
        self._rebuild()
