"""The criteria beside the grid: both partners' weights and the combined one,
a line to add a criterion (or a menu of the seed's factors), buttons to move
and remove them, who is done weighting, and how the totals are made."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.changes import Edit
from models.errors import TandemError
from models.opportunities import (
    CRITERION_MAX,
    add_default_criteria,
    content,
    default_criteria,
    mark_done_weighting,
    move_criterion,
    new_criteria,
    new_criterion,
    remove_criteria,
    suggested_criteria,
)
from models.opportunity_summary import progress_words
from ui.actions import make_action
from ui.document import PlanDocument
from ui.opportunities.matrix_state import MatrixState
from ui.opportunities.number_table import NumberCellDelegate, NumberTable
from ui.opportunities.weights_model import COMBINED, TITLE, WEIGHT_1, CriteriaWeightsModel
from ui.style import HINT_STYLE, error_label, heading, plain_label, plain_tip
from ui.text_fields import line_edit


class CriteriaPanel(QWidget):
    #: A refusal to show at the tab's level: (message).
    message = Signal(str)

    def __init__(self, state: MatrixState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.model = CriteriaWeightsModel(state, self)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 0)
        left = QVBoxLayout()
        outer.addLayout(left, 3)
        right = QVBoxLayout()
        outer.addLayout(right, 2)
        layout = left
        caption = QLabel("Each of you weights every criterion from 1 to 10: how much it matters "
                         "to you.")
        caption.setWordWrap(True)
        caption.setStyleSheet(HINT_STYLE)
        layout.addWidget(caption)

        self.table = NumberTable()
        self.table.setObjectName("weightsTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(NumberCellDelegate(self.table, text_limit=CRITERION_MAX))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (WEIGHT_1, WEIGHT_1 + 1, COMBINED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column, 76)
        self.table.setAccessibleName("Criteria and weights")
        self.table.setToolTip("Type your weight from 1 to 10 in your column (Tab to the next, "
                              "Delete clears, Ctrl+V pastes a column of numbers). Click a name "
                              "twice, or press F2, to rename it.")
        caption.setBuddy(self.table)
        layout.addWidget(self.table, 1)
        self.model.refused.connect(self._refused)

        buttons = QHBoxLayout()
        self.add_line = line_edit(limit=CRITERION_MAX, placeholder="Add a criterion, then Enter")
        self.add_line.setObjectName("addCriterion")
        self.add_line.setToolTip("Type what matters (say, “Commute”) and press Enter")
        self.add_line.returnPressed.connect(self.add_typed)
        buttons.addWidget(self.add_line, 1)
        self.suggest_button = QToolButton()
        self.suggest_button.setText("Suggestions")
        self.suggest_button.setToolTip("The exercise's five factors, and others the articles "
                                       "name")
        self.suggest_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.suggest_menu = QMenu(self.suggest_button)
        self.suggest_menu.aboutToShow.connect(self._fill_suggestions)
        self.suggest_button.setMenu(self.suggest_menu)
        buttons.addWidget(self.suggest_button)
        layout.addLayout(buttons)
        self.add_error = error_label("addCriterionError")
        layout.addWidget(self.add_error)

        moves = QHBoxLayout()
        self.up_action = self._action("Move &Up", lambda: self.move_selected(-1), "Ctrl+Up",
                                      "Move the selected criterion up (left in the grid)")
        self.down_action = self._action("Move Do&wn", lambda: self.move_selected(1), "Ctrl+Down",
                                        "Move the selected criterion down (right in the grid)")
        self.remove_action = self._action(
            "&Remove", self.remove_selected, "Ctrl+Delete",
            "Remove the selected criteria, with the weights and scores given on them "
            "(Undo brings them back)")
        self.done_action = self._action(
            "I'm Done &Weighting", self.done_weighting, None,
            "Show your weights to your partner once they are done weighting too")
        for action in (self.up_action, self.down_action, self.remove_action):
            button = QToolButton()
            button.setDefaultAction(action)
            moves.addWidget(button)
        moves.addStretch(1)
        self.done_button = QToolButton()
        self.done_button.setDefaultAction(self.done_action)
        self.done_button.setObjectName("doneWeighting")
        moves.addWidget(self.done_button)
        layout.addLayout(moves)

        layout = right
        self.progress = QLabel()
        self.progress.setObjectName("weightsProgress")
        self.progress.setTextFormat(Qt.TextFormat.PlainText)
        self.progress.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addSpacing(6)
        layout.addWidget(heading("How the totals are made"))
        self.explanation = QLabel(str(content()["explanation"]).removeprefix(
            "How the totals are made. "))
        self.explanation.setObjectName("totalsExplained")
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        layout.addStretch(1)

        self.table.selectionModel().currentChanged.connect(lambda *_: self._enable())
        state.reloaded.connect(self._refresh)
        state.weights_changed.connect(self._refresh)
        self._refresh()

    def _action(self, text: str, slot: Callable[[], object], shortcut: str | None,
                tip: str) -> QAction:
        action = make_action(self, text, slot, shortcut, tip)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    @property
    def document(self) -> PlanDocument | None:
        return self.state.document

    def _refresh(self) -> None:
        matrix, document = self.state.matrix, self.document
        self.setEnabled(document is not None)
        if matrix is None or document is None:
            self.progress.clear()
            return
        state = matrix.weights_reveal
        if state.revealed:
            self.progress.setText("Your weights are revealed to both of you.")
        else:
            self.progress.setText(f"{progress_words(matrix.partners, state, 'weighting')}. "
                                  + str(content()["weights_reveal"]))
        viewer = document.viewer
        self.done_button.setVisible(viewer.is_partner)
        self.done_action.setEnabled(viewer.is_partner
                                    and not state.is_done(viewer.partner_uuid))
        self._enable()

    def _enable(self) -> None:
        current = self.table.currentIndex()
        row = current.row() if current.isValid() else -1
        count = self.model.rowCount()
        self.up_action.setEnabled(row > 0)
        self.down_action.setEnabled(0 <= row < count - 1)
        self.remove_action.setEnabled(row >= 0)

    # -- edits --

    def _submit(self, text: str, edit: Edit) -> bool:
        document = self.document
        if document is None or not edit:
            return False
        try:
            document.submit(text, edit, initiator=self)
        except TandemError as error:
            self.message.emit(error.message)
            return False
        return True

    def _refused(self, message: str, index: QModelIndex) -> None:
        self.message.emit(message)

    def add_typed(self) -> None:
        document = self.document
        if document is None:
            return
        text = self.add_line.text()
        try:
            edit = new_criterion(document.plan, text)
            document.submit(f"Add criterion “{text.strip()}”", edit, initiator=self)
        except TandemError as error:
            self.add_error.setText(error.message)
            self.add_error.show()
            return
        self.add_error.hide()
        self.add_line.clear()
        self.select(edit[0].uuid)

    def add(self, titles: list[str], text: str) -> None:
        document = self.document
        if document is not None:
            self._submit(text, new_criteria(document.plan, titles))

    def _adder(self, title: str) -> Callable[[], None]:
        return lambda: self.add([title], f"Add criterion “{title}”")

    def add_defaults(self) -> None:
        document = self.document
        if document is not None:
            self._submit("Add the five factors", add_default_criteria(document.plan))

    def _fill_suggestions(self) -> None:
        menu = self.suggest_menu
        menu.clear()
        matrix = self.state.matrix
        present = {c.title.casefold() for c in matrix.criteria} if matrix else set()
        missing = [t for t in default_criteria() if t.casefold() not in present]
        five = menu.addAction("The Exercise's Five Factors", self.add_defaults)
        five.setEnabled(bool(missing))
        five.setToolTip(plain_tip(", ".join(default_criteria())))
        menu.addSeparator()
        for title, why in [(t, "One of the exercise's five factors") for t in missing] \
                + suggested_criteria():
            if title.casefold() in present:
                continue
            action = menu.addAction(plain_label(title))
            action.triggered.connect(self._adder(title))
            action.setToolTip(plain_tip(why))
            action.setStatusTip(why)
        menu.setToolTipsVisible(True)

    def selected_criteria_uuids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}
                      | ({self.table.currentIndex().row()}
                         if self.table.currentIndex().isValid() else set()))
        found = [self.model.criterion_at(row) for row in rows]
        return [c.uuid for c in found if c is not None]

    def remove_selected(self) -> None:
        document, matrix = self.document, self.state.matrix
        uuids = self.selected_criteria_uuids()
        if document is None or matrix is None or not uuids:
            return
        rows = [c for c in matrix.criteria if c.uuid in uuids]
        name = f"“{rows[0].title}”" if len(rows) == 1 else f"{len(rows)} criteria"
        self._submit(f"Remove {name}", remove_criteria(document.plan, rows))

    def move_selected(self, step: int) -> None:
        document = self.document
        current = self.model.criterion_at(self.table.currentIndex().row())
        if document is None or current is None:
            return
        column = self.table.currentIndex().column()
        if self._submit(f"Move “{current.title}” {'up' if step < 0 else 'down'}",
                        move_criterion(document.plan, current.uuid, step)):
            self.select(current.uuid, column)

    def select(self, uuid: str, column: int = TITLE) -> None:
        row = self.model.row_of(uuid)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, column))

    def done_weighting(self) -> None:
        document = self.document
        if document is not None and document.viewer.is_partner:
            self._submit("Done weighting", mark_done_weighting(document.plan, document.viewer))
