"""The seed's conversation starter and its advice (both careers matter
equally, timing, a judgment-free zone): at hand beside the questions, folded
away until wanted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from models.conversations import advice, starter
from ui.style import heading


class AdvicePanel(QFrame):
    """The starter, quoted, then each piece of advice under its heading."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("advicePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        found = starter()
        layout.addWidget(heading(found.heading))
        quote = QLabel(found.text)
        quote.setObjectName("starterText")
        quote.setWordWrap(True)
        quote.setTextFormat(Qt.TextFormat.PlainText)
        quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        quote.setStyleSheet("font-style: italic;")
        layout.addWidget(quote)
        for piece in advice():
            layout.addSpacing(4)
            layout.addWidget(heading(piece.heading))
            text = QLabel(piece.text)
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(text)
        layout.addStretch(1)
