"""A scenario's title, new or renamed, with suggestions from the seed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from models.changes import Edit
from models.errors import TandemError
from models.visions import TITLE_MAX, Scenario, content
from ui.document import PlanDocument
from ui.form import Form
from ui.style import HINT_STYLE
from ui.text_fields import line_edit


class ScenarioDialog(QDialog):
    """A scenario's title, new or renamed; refused in place, under the field."""

    def __init__(self, document: PlanDocument, title: str, current: str,
                 build: Callable[[str], tuple[Scenario, Edit]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.document = document
        self._build = build
        self._undo = "Add the scenario “{}”" if not current else "Rename the scenario “{}”"
        self.scenario: Scenario | None = None
        layout = QVBoxLayout(self)
        hint = QLabel("A day you each imagine: another horizon, or a what-if. Each of you "
                      "writes your own vision of it alone; both are revealed together.")
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(hint)
        self.form = Form()
        self.title_edit = self.form.add_field("title", "&Title:", line_edit(
            current, limit=TITLE_MAX, placeholder="e.g. If we move to Seattle"))
        self.suggestions = QComboBox()
        self.suggestions.addItem("Or choose one…")
        for suggestion in content()["scenario_suggestions"]:
            self.suggestions.addItem(suggestion)
        self.suggestions.activated.connect(self._suggested)
        self.form.grid.addWidget(self.suggestions, self.form.grid.rowCount(), 1)
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _suggested(self, index: int) -> None:
        if index > 0:
            self.title_edit.setText(self.suggestions.itemText(index))
            self.title_edit.setFocus()

    def accept(self) -> None:
        try:
            scenario, edit = self._build(self.title_edit.text())
            self.document.submit(self._undo.format(self.title_edit.text().strip()), edit,
                                 initiator=self)
        except TandemError as error:
            self.form.show_error(error)
            return
        self.scenario = scenario
        super().accept()
