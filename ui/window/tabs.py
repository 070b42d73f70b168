"""The tab registry: the tabs of an open plan, in order. Each tab is a widget
with ``set_document(document | None)``; a new exercise arrives as a package
under ``ui/`` (beside ``ui/roadmap/``) and one line here."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

import resources
from ui.document import PlanDocument
from ui.style import HINT_STYLE, heading


@runtime_checkable
class PlanTab(Protocol):
    """What the window asks of a tab. A tab may also have a signal
    ``notice_changed(str)``: a gentle reminder for the window to show under
    the header (a deadline that nears), "" when there is none."""

    def set_document(self, document: PlanDocument | None) -> None: ...


class ExerciseIntroTab(QWidget):
    """Says what an exercise will hold until its view is built."""

    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        content = resources.load_json("content/tabs.json")[key]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.addWidget(heading(content["heading"], 1.5))
        text = QLabel(content["text"], wordWrap=True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(text)
        status = QLabel(content["status"])
        status.setObjectName("exerciseStatus")
        status.setStyleSheet(f"{HINT_STYLE} font-style: italic;")
        layout.addWidget(status)
        layout.addStretch(1)

    def set_document(self, document: PlanDocument | None) -> None:
        self.setEnabled(document is not None)


def create_tabs() -> list[tuple[str, QWidget]]:
    """(title with mnemonic, widget) for every tab, in order."""
    from ui.checklist.tab import ChecklistTab
    from ui.roadmap.tab import RoadmapTab

    return [
        ("&Roadmap", RoadmapTab()),
        ("&Opportunities", ExerciseIntroTab("opportunities")),
        ("&Day in the Life", ExerciseIntroTab("day_in_the_life")),
        ("&Checklist", ChecklistTab()),
    ]
