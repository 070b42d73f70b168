"""Comparing: both visions side by side with their marks, the list that
gathers the marks, and the two days on one timeline. Before the reveal it
says only who is finished."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.changes import Edit
from models.day_schedule import Day, compare_days
from models.errors import TandemError
from models.partners import Partner
from models.reveal import RevealState
from models.vision_edits import delete_marks, edit_mark, new_mark
from models.visions import (
    Scenario,
    VisionMark,
    mark_kinds,
    mark_places,
    scenario_marks,
    section_title,
    visions,
)
from ui.actions import make_action
from ui.chart_view import ChartView
from ui.day_in_the_life.comparison import ComparisonView, Side
from ui.day_in_the_life.marks import MarkDialog, MarkListModel, MarkRow
from ui.document import PlanDocument
from ui.messages import show_error
from ui.style import HINT_STYLE, error_label, heading

if TYPE_CHECKING:
    from matplotlib.figure import Figure


class ComparePage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self.scenario: Scenario | None = None
        self.pair: list[Partner] = []

        self.view = ComparisonView()
        self.view.passage_selected.connect(self._passage_selected)
        self.view.mark_clicked.connect(self.select_mark)

        self.mark_actions: dict[str, QAction] = {}
        keys = {"synergy": "Ctrl+Shift+Y", "conflict": "Ctrl+Shift+X"}
        for kind, each in mark_kinds().items():
            action = make_action(self, f"Mark as {each.label}…",
                                 lambda _=False, k=kind: self.mark_selection(k),
                                 keys.get(kind), f"Mark the selected words as a "
                                 f"{each.label.lower()}, with a short note")
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setEnabled(False)
            self.addAction(action)
            self.mark_actions[kind] = action
        self.view.menu_actions = list(self.mark_actions.values())
        self.edit_action = make_action(self, "&Edit Mark…", self.edit_selected, "F2",
                                       "Change the selected mark’s kind or note")
        self.delete_action = make_action(self, "&Delete Mark", self.delete_selected,
                                         QKeySequence.StandardKey.Delete,
                                         "Delete the selected marks (undo brings them back)")
        for action in (self.edit_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setEnabled(False)

        self.model = MarkListModel(self)
        self.list = QListView()
        self.list.setObjectName("markList")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAlternatingRowColors(True)
        self.list.addActions([self.edit_action, self.delete_action])
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list.doubleClicked.connect(lambda _index: self.edit_selected())
        self.list.selectionModel().selectionChanged.connect(self._mark_selection_changed)
        self.list.activated.connect(lambda _index: self.edit_selected())

        side = QWidget()
        panel = QVBoxLayout(side)
        panel.setContentsMargins(6, 0, 0, 0)
        panel.addWidget(heading("Synergies and conflicts"))
        hint = QLabel("Select words in either vision, then mark them. Either of you can "
                      "mark, change or delete a mark.")
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        panel.addWidget(hint)
        buttons = QHBoxLayout()
        for action in self.mark_actions.values():
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        buttons.addStretch(1)
        panel.addLayout(buttons)
        self.message = error_label("compareMessage")
        panel.addWidget(self.message)
        panel.addWidget(self.list, 1)
        row = QHBoxLayout()
        for action in (self.edit_action, self.delete_action):
            button = QToolButton()
            button.setDefaultAction(action)
            row.addWidget(button)
        row.addStretch(1)
        panel.addLayout(row)

        self.chart = ChartView()
        self.chart.setObjectName("dayTimeline")
        self.chart.setMinimumHeight(130)
        self.findings = QLabel()
        self.findings.setObjectName("dayFindings")
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.PlainText)
        self.findings.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        told = QScrollArea()
        told.setWidget(self.findings)
        told.setWidgetResizable(True)
        told.setFrameShape(QFrame.Shape.NoFrame)
        told.setMinimumWidth(280)
        told.setMaximumWidth(420)
        timeline = QWidget()
        days = QHBoxLayout(timeline)
        days.setContentsMargins(0, 4, 0, 0)
        days.addWidget(self.chart, 1)
        days.addWidget(told)
        self.timeline = timeline

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.view)
        top.addWidget(side)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 1)
        top.setSizes([900, 320])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(timeline)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 200])

        self.waiting = QWidget()
        card = QVBoxLayout(self.waiting)
        card.setContentsMargins(40, 30, 40, 30)
        self.waiting_title = heading("Both visions appear here together", 1.3)
        card.addWidget(self.waiting_title)
        self.waiting_text = QLabel()
        self.waiting_text.setObjectName("waitingText")
        self.waiting_text.setWordWrap(True)
        self.waiting_text.setTextFormat(Qt.TextFormat.PlainText)
        card.addWidget(self.waiting_text)
        card.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self.waiting)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def set_document(self, document: PlanDocument | None) -> None:
        self.document = document
        self.model.set_rows([])
        self.view.clear()
        self.chart.set_chart(None)

    # -- showing -----------------------------------------------------------------------

    def show_scenario(self, scenario: Scenario, pair: list[Partner], state: RevealState) -> None:
        assert self.document is not None
        self.scenario, self.pair = scenario, pair
        if not state.revealed:
            self.pages.setCurrentWidget(self.waiting)
            self.view.clear()  # nothing of a vision stays behind
            self.model.set_rows([])
            self.chart.set_chart(None)
            lines = [f"{p.name}: {'finished ✓' if state.is_done(p.uuid) else 'still writing'}"
                     for p in pair]
            self.waiting_text.setText(
                f"Each of you writes your vision of “{scenario.title}” alone. When you are "
                "both finished, both visions are revealed at the same moment, side by side, "
                "section by section.\n\n" + "\n".join(lines))
            return
        self.pages.setCurrentWidget(self.splitter)
        plan, viewer = self.document.plan, self.document.viewer
        by_author = visions(plan, viewer, scenario.uuid)
        sides = [Side(p, by_author.get(p.uuid)) for p in pair]
        marks = scenario_marks(plan, viewer, scenario.uuid)
        texts = {(v.uuid, key): v.text(key) for v in by_author.values()
                 for key in (m.section for m in marks)}
        places = mark_places(marks, texts)
        selected = self.selected_marks()
        self.view.show_sides(sides, marks, places)
        names = {p.uuid: p.name for p in pair}
        whose = {v.uuid: names.get(v.author_uuid or "", "") for v in by_author.values()}
        self.model.set_rows([MarkRow(m, places[m.uuid] is not None, whose.get(m.vision_uuid, ""),
                                     names.get(m.author_uuid or "", "both of you"))
                             for m in marks])
        self._reselect([m.uuid for m in selected])
        self._show_days(sides)
        self._passage_selected(self.view.selected_passage() is not None)

    def _show_days(self, sides: list[Side]) -> None:
        days = [Day(s.partner.name, s.partner.color, s.vision.schedule) for s in sides
                if s.vision is not None]
        comparison = compare_days(days)
        if not comparison.days:
            self.chart.set_chart(None)
            self.chart.hide()
            self.findings.setText("Add a rough schedule (the last part of each vision) to see "
                                  "both days on one timeline: who is home for the school run, "
                                  "and when you are both home.")
            return
        missing = [s.partner.name for s in sides
                   if s.vision is None or s.vision.schedule.is_empty]
        told = list(comparison.findings)
        if missing:
            told.append(f"{' and '.join(missing)} gave no schedule yet.")
        self.findings.setText("\n".join(f"• {line}" for line in told))
        self.chart.show()

        def draw(width: float, height: float) -> Figure:
            from report.charts.day_in_the_life import day_timeline

            return day_timeline(comparison, width, height)

        self.chart.set_chart(draw, "Both days on one timeline. " + " ".join(told))

    # -- marks -------------------------------------------------------------------------

    def _passage_selected(self, selected: bool) -> None:
        for action in self.mark_actions.values():
            action.setEnabled(selected)

    def mark_selection(self, kind: str) -> None:
        if self.document is None:
            return
        passage = self.view.selected_passage()
        if passage is None:
            self.message.setText("Select some words within one section of one vision first.")
            self.message.show()
            return
        self.message.hide()
        document, viewer = self.document, self.document.viewer
        text = passage.vision.text(passage.section)
        whose = next((p.name for p in self.pair if p.uuid == passage.vision.author_uuid), "")

        def build(chosen: str, note: str) -> Edit:
            return new_mark(document.plan, viewer, passage.vision, passage.section,
                            passage.start, passage.end, chosen, note)

        dialog = MarkDialog(document, f"Mark as {mark_kinds()[kind].label}",
                            text[passage.start:passage.end],
                            f"{whose}, {section_title(passage.section)}", kind, "", build,
                            "Mark a {kind}", self)
        dialog.exec()

    def selected_marks(self) -> list[VisionMark]:
        rows = sorted(index.row() for index in self.list.selectionModel().selectedRows())
        return [self.model.rows[row].mark for row in rows if row < len(self.model.rows)]

    def select_mark(self, uuid: str) -> None:
        row = self.model.row_of(uuid)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _reselect(self, uuids: list[str]) -> None:
        selection = self.list.selectionModel()
        for uuid in uuids:
            row = self.model.row_of(uuid)
            if row >= 0:
                selection.select(self.model.index(row),
                                 QItemSelectionModel.SelectionFlag.Select)

    def _mark_selection_changed(self) -> None:
        marks = self.selected_marks()
        self.edit_action.setEnabled(len(marks) == 1)
        self.delete_action.setEnabled(bool(marks))
        current = self.list.currentIndex()
        if len(marks) == 1 and current.isValid():
            self.view.show_mark(marks[0].uuid)

    def edit_selected(self) -> None:
        marks = self.selected_marks()
        if self.document is None or len(marks) != 1:
            return
        mark = marks[0]
        row = self.model.rows[self.model.row_of(mark.uuid)]

        def build(kind: str, note: str) -> Edit:
            return edit_mark(mark, kind=kind, note=note)

        MarkDialog(self.document, "Edit Mark", mark.exact,
                   f"{row.whose}, {section_title(mark.section)}", mark.kind, mark.note, build,
                   "Edit a mark", self).exec()

    def delete_selected(self) -> None:
        marks = self.selected_marks()
        if self.document is None or not marks:
            return
        text = "Delete a mark" if len(marks) == 1 else f"Delete {len(marks)} marks"
        try:
            self.document.submit(text, delete_marks(marks), initiator=self)
        except TandemError as error:
            show_error(self, error.message)
