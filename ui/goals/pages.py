"""The three pages of the Goals & Wins tab: goals, wins and the
opportunity-cost log. Each is the seeds' words on it, its table, its
buttons (also on the table's context menu, with shortcuts) and a message
line saying what just happened or why something can't be done. Gestures
become edits of ``models.goals``, one undo step each."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.changes import Edit
from models.errors import TandemError
from models.goals import (
    Goal,
    Win,
    delete_row,
    goals,
    intro,
    may_appreciate,
    place_goal,
    take_goal_off_roadmap,
    wins,
    wins_evidence,
)
from models.partners import partners
from models.passed_up import PassedUp, passed_up, passed_up_sentence
from ui.actions import make_action
from ui.document import PlanDocument
from ui.goals.dialogs import AppreciationDialog, GoalDialog, PassedUpDialog, WinDialog
from ui.goals.tables import GoalTableModel, PassedUpTableModel, RowTableModel, WinTableModel
from ui.style import ERROR_COLOR, HINT_STYLE, plain_tip

#: What each list is called, for screen readers.
TABLE_NAMES = {"goals": "Goals", "wins": "Wins", "passed_up": "Opportunities passed up"}
#: The lines of text a row of a list shows.
ROW_LINES = 3


def _label(name: str, hint: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what people typed
    label.setWordWrap(True)
    if hint:
        label.setStyleSheet(HINT_STYLE)
    return label


class ListPage(QWidget):
    """The seeds' words, a table of rows, buttons, and a message line."""

    #: The noun in messages ("goal").
    noun = "row"

    def __init__(self, key: str, model: RowTableModel[Any], today: Callable[[], date],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self.today = today
        self.model = model
        self.intro = _label(f"{key}Intro")
        self.intro.setText(intro(key))
        self.summary = _label(f"{key}Summary", hint=False)
        self.table = QTableView()
        self.table.setObjectName(f"{key}Table")
        self.table.setAccessibleName(TABLE_NAMES[key])
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.table.verticalHeader()
        rows.hide()
        # Three lines a row, the whole text in each cell's tooltip and in the
        # editor: measuring every row to fit its text costs seconds with
        # hundreds of wins, at every change.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().lineSpacing() * ROW_LINES + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self.update_actions())
        self.message = _label(f"{key}Message", hint=False)
        self.message.hide()
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(self.buttons)

    def add_action(self, text: str, slot: Callable[[], object], shortcut: Any = None,
                   tip: str = "", name: str = "") -> tuple[QAction, QPushButton]:
        """An action on the table (its context menu and shortcut) and a button."""
        action = make_action(self.table, text, slot, shortcut, tip)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(action)
        self.addAction(action)
        button = QPushButton(text.replace("…", "") + ("…" if text.endswith("…") else ""))
        button.setObjectName(name)
        button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)
        self.buttons.addWidget(button)
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        return action, button

    def make_common_actions(self, add_text: str, add_tip: str) -> None:
        self.add, self.add_button = self.add_action(add_text, self.add_row, "Ctrl+Shift+N",
                                                    add_tip, "addButton")
        self.edit, self.edit_button = self.add_action("&Edit…", self.edit_current,
                                                      "Ctrl+E", f"Change the chosen {self.noun}",
                                                      "editButton")

    def finish_buttons(self) -> None:
        self.delete, self.delete_button = self.add_action(
            "&Delete", self.delete_current, QKeySequence.StandardKey.Delete,
            f"Delete the chosen {self.noun} and its roadmap marker (Ctrl+Z brings them back)",
            "deleteButton")
        self.buttons.insertStretch(self.buttons.count() - 1, 1)

    def size_columns(self, widths: tuple[int, ...]) -> None:
        """Fixed widths for short columns; the texts (0) share the rest."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate(widths):
            if width:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    # -- the document --

    def set_document(self, document: PlanDocument | None) -> None:
        self.document = document
        self.message.hide()
        self.refresh()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def refresh(self) -> None:
        chosen = self.current_uuid()
        document = self.document
        if document is None:
            self.model.set_rows([], [])
        else:
            self.model.set_rows(self.read(document), partners(document.plan))
        self.show_summary()
        if chosen and not self.table.currentIndex().isValid():
            self.select(chosen)
        self.update_actions()

    def read(self, document: PlanDocument) -> list[Any]:
        raise NotImplementedError

    def show_summary(self) -> None:
        self.summary.hide()

    def clear_message(self) -> None:
        self.message.hide()

    # -- the chosen row --

    def current(self) -> Any:
        return self.model.row_at(self.table.currentIndex())

    def current_uuid(self) -> str:
        row = self.current()
        return row.uuid if row is not None else ""

    def select(self, uuid: str) -> None:
        position = self.model.row_of(uuid)
        if position >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(position, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def update_actions(self) -> None:
        chosen = self.current() is not None
        self.edit.setEnabled(chosen and self.may_change(self.current()))
        self.delete.setEnabled(chosen and self.may_change(self.current()))

    def may_change(self, row: Any) -> bool:
        return True

    # -- gestures --

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};" if error else HINT_STYLE)
        self.message.show()

    def submit(self, text: str, edit: Edit) -> bool:
        if self.document is None:
            return False
        try:
            self.document.submit(text, edit, initiator=self)
        except TandemError as error:
            self.say(error.message, error=True)
            return False
        return True

    def run(self, dialog: QDialog) -> None:
        if dialog.exec():
            saved = getattr(dialog, "saved_uuid", "")
            self.message.hide()
            if saved:
                self.select(saved)
            self.table.setFocus()

    def add_row(self) -> None:
        raise NotImplementedError

    def edit_row(self, row: Any) -> None:
        raise NotImplementedError

    def edit_current(self) -> None:
        row = self.current()
        if row is not None and self.document is not None and self.may_change(row):
            self.edit_row(row)

    def delete_current(self) -> None:
        row, document = self.current(), self.document
        if row is None or document is None:
            return
        position = self.table.currentIndex().row()
        if self.submit(f"Delete the {self.noun} “{row.title}”",
                       delete_row(document.plan, document.viewer, row)):
            self.say(f"The {self.noun} “{row.title}” was deleted, with its roadmap marker. "
                     "Undo (Ctrl+Z) brings it back.")
            if self.model.rowCount():
                self.table.setCurrentIndex(self.model.index(
                    min(position, self.model.rowCount() - 1), 0))


class GoalsPage(ListPage):
    noun = "goal"

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__("goals", GoalTableModel(), today, parent)
        self.make_common_actions("&Add Goal…", "Add a short- or long-term goal for one of you")
        self.place, self.place_button = self.add_action(
            "Place on &Roadmap", self.toggle_roadmap, "Ctrl+Shift+R",
            "Put the chosen goal on the roadmap as a goal marker on its date, or take it "
            "off again", "placeButton")
        self.finish_buttons()
        self.size_columns((90, 90, 0, 100, 0, 0, 120, 110, 120))

    def read(self, document: PlanDocument) -> list[Goal]:
        return goals(document.plan)

    def show_summary(self) -> None:
        shared = sum(1 for g in self.model.rows if g.overlaps)
        if not self.model.rows:
            self.summary.setText("No goals yet: start with one short-term and one long-term "
                                 "goal each.")
        else:
            counts = [f"{p.name} {sum(1 for g in self.model.rows if g.partner_uuid == uuid)}"
                      for uuid, p in self.model.pair.items()]
            self.summary.setText(f"Goals: {', '.join(counts)}; {shared} where your paths "
                                 "overlap.")
        self.summary.show()

    def update_actions(self) -> None:
        super().update_actions()
        row = self.current()
        self.place.setEnabled(row is not None)
        self.place.setText("Take off &Roadmap" if row is not None and row.roadmap_item_uuid
                           else "Place on &Roadmap")
        self.place_button.setText(self.place.text())

    def add_row(self) -> None:
        if self.document is not None:
            self.run(GoalDialog(self.document, today=self.today, parent=self))

    def edit_row(self, row: Goal) -> None:
        assert self.document is not None
        self.run(GoalDialog(self.document, row, today=self.today, parent=self))

    def toggle_roadmap(self) -> None:
        row, document = self.current(), self.document
        if row is None or document is None:
            return
        if row.roadmap_item_uuid:
            if self.submit(f"Take the goal “{row.title}” off the roadmap",
                           take_goal_off_roadmap(document.plan, document.viewer, row)):
                self.say(f"“{row.title}” is off the roadmap.")
        elif self.submit(f"Place the goal “{row.title}” on the roadmap",
                         place_goal(row, document.viewer, self.today())):
            where = "in “Our life”" if row.overlaps else "in its lane"
            self.say(f"“{row.title}” is on the roadmap, {where}, as a goal marker.")
        self.update_actions()


class WinsPage(ListPage):
    noun = "win"

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__("wins", WinTableModel(), today, parent)
        self.make_common_actions("&Log a Win…", "Log a win of one of you: a couple’s victory")
        self.thank, self.thank_button = self.add_action(
            "A&ppreciate…", self.appreciate_current, "Ctrl+Shift+P",
            "Write your note of appreciation for the other partner’s win", "appreciateButton")
        self.finish_buttons()
        self.size_columns((90, 110, 0, 0, 0))

    def read(self, document: PlanDocument) -> list[Win]:
        return wins(document.plan)

    def show_summary(self) -> None:
        if self.document is not None:
            self.summary.setText(wins_evidence(self.document.plan, self.today()))
        self.summary.setVisible(self.document is not None)

    def update_actions(self) -> None:
        """Appreciate… only for the partner whose note it is; otherwise the
        button says whose it is, rather than refusing after a click."""
        super().update_actions()
        row, document = self.current(), self.document
        allowed = row is not None and document is not None and may_appreciate(row,
                                                                             document.viewer)
        self.thank.setEnabled(allowed)
        tip = "Write your note of appreciation for the other partner’s win"
        if row is not None and not allowed:
            tip = self._whose_note(row)
        self.thank_button.setToolTip(plain_tip(tip))

    def _whose_note(self, row: Win) -> str:
        winner = self.model.partner_name(row.partner_uuid)
        other = next((p.name for uuid, p in self.model.pair.items() if uuid != row.partner_uuid),
                     "the other partner")
        return (f"The note of appreciation for {winner}’s win is {other}’s to write: choose "
                f"{other} as the one at the keyboard first (at the top right).")

    def add_row(self) -> None:
        if self.document is not None:
            self.run(WinDialog(self.document, today=self.today, parent=self))

    def edit_row(self, row: Win) -> None:
        assert self.document is not None
        self.run(WinDialog(self.document, row, today=self.today, parent=self))

    def appreciate_current(self) -> None:
        row, document = self.current(), self.document
        if row is None or document is None:
            return
        winner = self.model.partner_name(row.partner_uuid)
        other = next((p for uuid, p in self.model.pair.items() if uuid != row.partner_uuid),
                     None)
        if other is None:
            return
        if not may_appreciate(row, document.viewer):  # the action is off then: a guard
            self.say(self._whose_note(row), error=True)
            return
        self.run(AppreciationDialog(document, row, winner, other.name, parent=self))


class PassedUpPage(ListPage):
    noun = "opportunity passed up"

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__("passed_up", PassedUpTableModel(), today, parent)
        self.make_common_actions("&Add Opportunity Passed Up…",
                                 "Write down an opportunity one of you passed up for the "
                                 "relationship")
        self.finish_buttons()
        self.size_columns((90, 110, 0, 0, 0))

    def read(self, document: PlanDocument) -> list[PassedUp]:
        return passed_up(document.plan)

    def show_summary(self) -> None:
        document = self.document
        text = passed_up_sentence(document.plan) if document else ""
        self.summary.setText(text or "Nothing passed up written down yet.")
        self.summary.setVisible(document is not None)

    def add_row(self) -> None:
        if self.document is not None:
            self.run(PassedUpDialog(self.document, today=self.today, parent=self))

    def edit_row(self, row: PassedUp) -> None:
        assert self.document is not None
        self.run(PassedUpDialog(self.document, row, today=self.today, parent=self))
