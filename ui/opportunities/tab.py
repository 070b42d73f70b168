"""The Opportunities tab: the scoring grid with its totals and ranking, the
criteria with both partners' weights, what to talk about, whether the ranking
hinges on one weight, and the chart. Gestures become edits of
``models.opportunities``; the item models share one :class:`MatrixState`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QModelIndex, QPoint, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from models.changes import Edit
from models.errors import TandemError
from models.opportunities import (
    AGREED_MAX,
    Opportunity,
    add_default_criteria,
    content,
    edit_opportunity,
    remove_opportunities,
)
from models.opportunity_summary import (
    chart_data,
    deadline_notice,
    decision_words,
    describe_matrix_sensitivity,
)
from ui.actions import Shortcut, make_action
from ui.chart_view import ChartView
from ui.document import PlanDocument
from ui.opportunities.cells import SORT_ROLE
from ui.opportunities.criteria_panel import CriteriaPanel
from ui.opportunities.discussion_model import AGREED, DISCUSSED, DiscussionListModel
from ui.opportunities.grid_model import DECISION, RANK, SCORING, TITLE, ScoreGridModel
from ui.opportunities.matrix_state import MatrixState
from ui.opportunities.number_table import NumberCellDelegate, NumberTable, source_of
from ui.style import HINT_STYLE, error_label, heading, plain_tip

GRID_TIP = ("Type your score from 1 to 10 in a cell: Tab or Enter moves on, arrows move, "
            "Delete clears, Ctrl+V pastes a block copied from a spreadsheet. Right-click for "
            "more. A mark in the corner: your scores are 3 or more apart.")


def _short(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


class OpportunitiesTab(QWidget):
    #: A gentle reminder for the window: a decision deadline that nears ("" for none).
    notice_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        #: Replaceable in tests: deadlines are counted from it.
        self.today: Callable[[], date] = date.today
        self.notice = ""
        #: The grid and the tabs below share the height once, when first shown;
        #: after that, as the couple drags the splitter.
        self._sized = False
        self.state = MatrixState(self)
        self.grid_model = ScoreGridModel(self.state, self)
        self.grid_model.today = lambda: self.today()
        self.discussion_model = DiscussionListModel(self.state, self)
        self.discussion_model.today = lambda: self.today()
        # Not shown at first (the criteria are): built once the tab has painted.
        self.discussion_model.active = False

        self.banner = QLabel()
        self.banner.setObjectName("scoringAlone")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #eef3fa; border-radius: 6px; padding: 6px 10px;")

        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.grid_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.grid = NumberTable()
        self.grid.setObjectName("scoreGrid")
        self.grid.setModel(self.proxy)
        self.grid.setItemDelegate(NumberCellDelegate(self.grid))
        self.grid.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.grid.setSortingEnabled(True)
        self.grid.horizontalHeader().setSectionsClickable(True)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.verticalHeader().setDefaultSectionSize(
            self.grid.fontMetrics().height() + 12)
        self.grid.verticalHeader().hide()
        header = self.grid.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter
                                   | Qt.TextFlag.TextWordWrap)
        header.setFixedHeight(2 * self.grid.fontMetrics().lineSpacing() + 12)
        self.grid.setToolTip(GRID_TIP)
        self.grid.setAccessibleName("Scores of every opportunity on every criterion")
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._context_menu)
        self.grid.doubleClicked.connect(self._double_clicked)
        self.grid.activated.connect(self._activated)
        self.grid.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._enable())
        self.grid_model.refused.connect(self._grid_refused)

        self.toolbar = QToolBar("Opportunities")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._make_actions()

        self.message = error_label("opportunityMessage")
        self.sensitivity = QLabel()
        self.sensitivity.setObjectName("sensitivity")
        self.sensitivity.setTextFormat(Qt.TextFormat.PlainText)
        self.sensitivity.setWordWrap(True)
        self.sensitivity.setToolTip("Does the ranking hold? Each weight of each of you is moved "
                                    "by 2 points, one at a time.")

        grid_box = QWidget()
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(heading("Opportunities, scored by each of you"))
        grid_layout.addWidget(self.grid, 1)
        grid_layout.addWidget(self.message)
        grid_layout.addWidget(self.sensitivity)

        self.criteria = CriteriaPanel(self.state)
        self.criteria.message.connect(self.show_message)

        self.bottom = QTabWidget()
        self.bottom.setObjectName("opportunityDetails")
        self.bottom.setDocumentMode(True)
        self.bottom.addTab(self.criteria, "Criteria and &Weights")
        self.discussion = self._make_discussion()
        self.bottom.addTab(self.discussion, "Talk About &This")
        self.chart = ChartView()
        self.chart.setObjectName("opportunityChart")
        self.bottom.addTab(self.chart, "C&hart")
        self.bottom.currentChanged.connect(self._bottom_changed)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(grid_box)
        self.splitter.addWidget(self.bottom)
        # The grid first: it gets the larger part of the height.
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        matrix_page = QWidget()
        page = QVBoxLayout(matrix_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.banner)
        page.addWidget(self.splitter, 1)
        self.pages = QStackedWidget()
        self.intro = self._make_intro()
        self.pages.addWidget(self.intro)
        self.pages.addWidget(matrix_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)

        # Sensitivity and the chart take longer than a keystroke should:
        # they follow once the grid has been updated.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._update_slow_parts)
        self._chart_timer = QTimer(self)
        self._chart_timer.setSingleShot(True)
        self._chart_timer.setInterval(150)
        self._chart_timer.timeout.connect(self._draw_chart)
        # Deadlines are counted in days: look again now and then, so that a plan
        # left open overnight reminds on the right day.
        self._day = self.today()
        self._clock = QTimer(self)
        self._clock.setInterval(15 * 60 * 1000)
        self._clock.timeout.connect(self.check_day)
        self._clock.start()
        self.state.reloaded.connect(self._reloaded)
        self.state.rows_changed.connect(lambda _rows: self._changed())
        self.state.weights_changed.connect(self._changed)
        self.discussion_model.count_changed.connect(self._count_points)
        self.set_document(None)

    # -- building --------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], object], shortcut: Shortcut | None,
                tip: str, within: QWidget | None = None) -> QAction:
        """An action whose shortcut works while the focus is ``within`` (the
        tab by default): Ctrl+Delete deletes an opportunity in the grid, and
        removes a criterion in the criteria's table, never both."""
        action = make_action(self, text, slot, shortcut, tip)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        (within or self).addAction(action)
        return action

    def _make_actions(self) -> None:
        self.add_action = self._action("Add &Opportunity…", self.add_opportunity,
                                       "Ctrl+Shift+O", "Add an offer, a move or another option")
        grid = self.grid
        self.edit_action = self._action(
            "&Edit…", self.edit_current, "Ctrl+Shift+E",
            "See and change everything about the selected opportunity (or double-click it)",
            grid)
        self.accept_action = self._action(
            "&Accept…", self.accept_current, "Ctrl+Shift+A",
            "Accept the selected opportunity, and add it to the roadmap", grid)
        self.decline_action = self._action("Dec&line", self.decline_current, None,
                                           "Decline the selected opportunity (it stays listed)",
                                           grid)
        self.delete_action = self._action(
            "&Delete", self.delete_selected, QKeySequence("Ctrl+Delete"),
            "Delete the selected opportunities with everyone's scores on them "
            "(Undo brings them back)", grid)
        self.done_action = self._action(
            "I'm &Done Scoring", self.toggle_done, "Ctrl+Return",
            "Say you are done scoring the selected opportunities: your scores show to both of "
            "you once you are both done", grid)
        self.criterion_action = self._action(
            "Add &Criterion", self.focus_new_criterion, "Ctrl+Shift+K",
            "Type a new criterion, or choose one of the suggestions")
        for action in (self.add_action, self.edit_action, self.accept_action,
                       self.decline_action, self.delete_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.done_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.criterion_action)

    def _make_intro(self) -> QWidget:
        page = QWidget()
        page.setObjectName("opportunitiesIntro")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(heading(str(content()["heading"]), 1.5))
        text = QLabel(str(content()["intro"]))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(text)
        alone = QLabel(str(content()["alone"]))
        alone.setWordWrap(True)
        alone.setTextFormat(Qt.TextFormat.PlainText)
        alone.setStyleSheet(HINT_STYLE)
        layout.addWidget(alone)
        buttons = QHBoxLayout()
        self.start_button = QPushButton("&Start with the Five Factors")
        self.start_button.setObjectName("startFactors")
        self.start_button.setToolTip(plain_tip("Salary, location, growth potential, work-life "
                                               "balance and proximity to family; you can "
                                               "rename, remove and add more"))
        self.start_button.clicked.connect(self.start_with_defaults)
        first = QPushButton("Add an &Opportunity…")
        first.clicked.connect(self.add_opportunity)
        buttons.addWidget(self.start_button)
        buttons.addWidget(first)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    def _make_discussion(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        intro = QLabel(str(content()["discussion_intro"]))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setStyleSheet(HINT_STYLE)
        layout.addWidget(intro)
        self.points = QTableView()
        self.points.setObjectName("discussionPoints")
        self.points.setModel(self.discussion_model)
        self.points.setItemDelegate(NumberCellDelegate(self.points, text_limit=AGREED_MAX))
        self.points.verticalHeader().hide()
        self.points.setWordWrap(False)
        self.points.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.points.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.points.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.points.setColumnWidth(0, 260)
        for column in (1, 2):
            self.points.setColumnWidth(column, 70)
        self.points.setColumnWidth(DISCUSSED, 130)
        self.points.setAccessibleName("Points to talk about")
        self.points.setToolTip("Double-click a point to find it in the grid; tick it once you "
                               "have talked it through, and note what you agreed.")
        triggers = QAbstractItemView.EditTrigger
        self.points.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed
                                    | triggers.SelectedClicked)
        self.points.doubleClicked.connect(self._point_chosen)
        self.discussion_model.refused.connect(
            lambda message, _index: self.show_message(message))
        layout.addWidget(self.points, 1)
        return box

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            height = max(self.splitter.height(), 300)
            # As much as the rows need (and room for a few more), at most 60 %.
            rows = max(self.grid_model.rowCount(), 3) + 2
            needed = (self.grid.horizontalHeader().height() + rows
                      * self.grid.verticalHeader().defaultSectionSize() + 4 * 24)
            top = min(height * 3 // 5, needed)
            self.splitter.setSizes([top, height - top])

    # -- the document -----------------------------------------------------------------------

    def set_document(self, document: PlanDocument | None) -> None:
        self.document = document
        self.message.hide()
        self.state.set_document(document)
        self.setEnabled(document is not None)

    def _reloaded(self) -> None:
        self._fit_columns()
        self._changed()
        matrix = self.state.matrix
        empty = matrix is None or (not matrix.criteria and not matrix.opportunities)
        self.pages.setCurrentIndex(0 if empty else 1)
        self._update_banner()

    def _changed(self) -> None:
        self.message.hide()  # a change went through: an earlier refusal is old news
        self._update_notice()
        self._enable()
        self._later.start()

    def _bottom_changed(self) -> None:
        self.discussion_model.set_active(self.bottom.currentWidget() is self.discussion)
        self._schedule_chart()

    def _update_slow_parts(self) -> None:
        self.discussion_model.catch_up()
        matrix = self.state.matrix
        self.sensitivity.setText("" if matrix is None else describe_matrix_sensitivity(matrix))
        self._update_banner()
        self._schedule_chart()

    def _update_banner(self) -> None:
        matrix, document = self.state.matrix, self.document
        if matrix is None or document is None:
            self.banner.clear()
            return
        viewer = document.viewer
        revealed = sum(1 for o in matrix.opportunities
                       if matrix.reveals.get(o.uuid) and matrix.reveals[o.uuid].revealed)
        count = len(matrix.opportunities)
        if viewer.is_partner:
            me = next(p for p in matrix.partners if p.uuid == viewer.partner_uuid)
            other = next(p for p in matrix.partners if p.uuid != viewer.partner_uuid)
            self.banner.setText(
                f"{me.name}, you are scoring alone: {other.name} sees your scores of an "
                f"opportunity once you are both done with it (tick it under “Scoring”), and "
                f"your weights once you have both finished weighting. Revealed so far: "
                f"{revealed} of {count}.")
        else:
            self.banner.setText(
                "Each of you gives scores and weights alone: choose who is at the keyboard "
                "(top right) to score. Here you see what you have both revealed: "
                f"{revealed} of {count} opportunities.")

    def _update_notice(self) -> None:
        matrix = self.state.matrix
        text = "" if matrix is None else deadline_notice(matrix.opportunities, self.today())
        if text != self.notice:
            self.notice = text
            self.notice_changed.emit(text)

    def refresh_notice(self) -> None:
        """Count the deadlines again (the day may have changed)."""
        self._update_notice()

    def check_day(self) -> None:
        """A new day: the reminder and the Decision column count from it."""
        today = self.today()
        if today == self._day:
            return
        self._day = today
        self._update_notice()
        model = self.grid_model
        if model.rowCount():
            model.dataChanged.emit(model.index(0, DECISION),
                                   model.index(model.rowCount() - 1, DECISION))

    def _count_points(self) -> None:
        count = self.discussion_model.open_count()
        index = self.bottom.indexOf(self.discussion)
        self.bottom.setTabText(index, f"Talk About &This ({count})" if count
                               else "Talk About &This")

    def _fit_columns(self) -> None:
        """Widths that fit the content: the longest title, criteria wide enough
        for their names on two lines, and the longest text the decision and
        scoring columns can hold (measured from their forms, not by reading
        every cell, which resizeColumnToContents would do through painting)."""
        view, model, matrix = self.grid, self.grid_model, self.state.matrix
        metrics = view.fontMetrics()

        def fit(column: int, texts: list[str], extra: int, least: int, most: int) -> None:
            width = max((metrics.horizontalAdvance(text) for text in texts), default=0)
            view.setColumnWidth(column, max(least, min(width + extra, most)))

        titles = [row.title for row in matrix.opportunities] if matrix else []
        names = [p.name for p in matrix.partners] if matrix else ["", ""]
        fit(TITLE, titles, 40, 160, 260)  # the swatch and the margins
        today = self.today()
        fit(DECISION, [decision_words(row, today) for row in matrix.opportunities]
            if matrix else [], 16, 110, 260)
        for column in range(DECISION + 1, model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            words = title.split()
            # The narrowest width that holds the name on two lines.
            half = min(max(metrics.horizontalAdvance(" ".join(words[:i])),
                           metrics.horizontalAdvance(" ".join(words[i:])))
                       for i in range(len(words) + 1)) if words else 0
            view.setColumnWidth(column, max(60, min(half + 18, 130)))
        # Room for a partial total, "67 (2/5)", and a partial combined one.
        for which, sample in ((0, "100 (20/20)"), (1, "100 (20/20)"), (2, "100 (partial)")):
            fit(model.trailing(which), [sample], 16, 60, 160)
        view.setColumnWidth(model.trailing(RANK), 50)
        fit(model.trailing(SCORING),
            [f"{a} done · {b} scoring" for a, b in (names, names[::-1])]
            + [f"Done · waiting for {n}" for n in names]
            + [f"Not done · {n} is done" for n in names], 40, 140, 260)  # and the box

    # -- the chart ----------------------------------------------------------------------------

    def _schedule_chart(self) -> None:
        if self.bottom.currentWidget() is self.chart and self.chart.isVisible():
            self._chart_timer.start()

    def _draw_chart(self) -> None:
        matrix = self.state.matrix
        if matrix is None:
            self.chart.set_chart(None)
            return
        data = chart_data(matrix)
        from report.charts.opportunities import weighted_totals

        described = "; ".join(
            f"{item.title}: " + ", ".join(f"{bar.partner_name} {bar.total}"
                                          for bar in item.bars if bar is not None)
            for item in data.opportunities[:12] if any(item.bars))
        self.chart.set_chart(partial(weighted_totals, data),
                             "Each opportunity's weighted total per partner, split by "
                             f"criterion. {described or 'Nothing scored yet.'}")

    # -- feedback ---------------------------------------------------------------------------

    def show_message(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    def _grid_refused(self, message: str, source: QModelIndex) -> None:
        self.show_message(message)
        index = self.proxy.mapFromSource(source)
        rect = self.grid.visualRect(index)
        if not self.grid.isVisible() or not rect.isValid():
            return
        viewport = self.grid.viewport()
        # Once the editor has closed: the focus going back to the grid would
        # hide a tooltip shown now.
        QTimer.singleShot(0, viewport, lambda: QToolTip.showText(
            viewport.mapToGlobal(rect.bottomLeft()), plain_tip(message), viewport, rect))

    def _submit(self, text: str, edit: Edit) -> bool:
        if self.document is None or not edit:
            return False
        try:
            self.document.submit(text, edit, initiator=self)
        except TandemError as error:
            self.show_message(error.message)
            return False
        self.message.hide()
        return True

    # -- selection ------------------------------------------------------------------------------

    def selected_opportunities(self) -> list[Opportunity]:
        rows = {source_of(i).row() for i in self.grid.selectedIndexes()}
        current = self.grid.currentIndex()
        if not rows and current.isValid():
            rows = {source_of(current).row()}
        found = [self.grid_model.opportunity_at(row) for row in sorted(rows)]
        return [row for row in found if row is not None]

    def current_opportunity(self) -> Opportunity | None:
        current = self.grid.currentIndex()
        if current.isValid():
            return self.grid_model.opportunity_at(source_of(current).row())
        chosen = self.selected_opportunities()
        return chosen[0] if chosen else None

    def _enable(self) -> None:
        document = self.document
        chosen = self.selected_opportunities()
        one = self.current_opportunity()
        for action in (self.edit_action, self.delete_action):
            action.setEnabled(bool(chosen))
        self.accept_action.setEnabled(one is not None and (one.status != "accepted"
                                                           or not one.roadmap_item_uuid))
        self.decline_action.setEnabled(one is not None and one.status != "declined")
        partner = document is not None and document.viewer.is_partner
        self.done_action.setEnabled(partner and bool(chosen))
        self.done_action.setVisible(partner)
        matrix = self.state.matrix
        if partner and chosen and matrix is not None and document is not None:
            undone = [row for row in chosen if not matrix.reveals.get(
                row.uuid) or not matrix.reveals[row.uuid].is_done(document.viewer.partner_uuid)]
            self.done_action.setText("I'm &Done Scoring" if undone else "&Not Done Scoring")

    def select_opportunity(self, uuid: str, criterion_uuid: str | None = None) -> None:
        row = self.grid_model.row_of(uuid)
        if row < 0:
            return
        column = TITLE if criterion_uuid is None else self.grid_model.criterion_column(
            criterion_uuid)
        index = self.proxy.mapFromSource(self.grid_model.index(row, column))
        self.grid.setCurrentIndex(index)
        self.grid.scrollTo(index)

    # -- commands ----------------------------------------------------------------------------

    def start_with_defaults(self) -> None:
        if self.document is not None:
            self._submit("Start with the five factors", add_default_criteria(self.document.plan))

    def add_opportunity(self) -> None:
        if self.document is None:
            return
        from ui.opportunities.dialogs import OpportunityDialog

        dialog = OpportunityDialog(self.document, today=self.today(), parent=self)
        dialog.with_defaults = not (self.state.matrix and self.state.matrix.criteria)
        if dialog.exec() and dialog.saved_uuid:
            self.select_opportunity(dialog.saved_uuid)

    def edit_current(self) -> None:
        row = self.current_opportunity()
        if self.document is None or row is None:
            return
        from ui.opportunities.dialogs import OpportunityDialog

        OpportunityDialog(self.document, row, today=self.today(), parent=self).exec()

    def accept_current(self) -> None:
        row = self.current_opportunity()
        if self.document is None or row is None:
            return
        from ui.opportunities.dialogs import AcceptDialog

        AcceptDialog(self.document, row, today=self.today(), parent=self).exec()

    def decline_current(self) -> None:
        row = self.current_opportunity()
        if row is not None:
            self._submit(f"Decline “{_short(row.title)}”",
                         edit_opportunity(row, status="declined"))

    def delete_selected(self) -> None:
        chosen = self.selected_opportunities()
        if self.document is None or not chosen:
            return
        name = f"“{_short(chosen[0].title)}”" if len(chosen) == 1 \
            else f"{len(chosen)} opportunities"
        self._submit(f"Delete {name}", remove_opportunities(self.document.plan, chosen))

    def toggle_done(self) -> None:
        document, matrix = self.document, self.state.matrix
        chosen = self.selected_opportunities()
        if document is None or matrix is None or not chosen or not document.viewer.is_partner:
            return
        me = document.viewer.partner_uuid
        undone = [row.uuid for row in chosen
                  if not matrix.reveals.get(row.uuid) or not matrix.reveals[row.uuid].is_done(me)]
        if undone:
            self.grid_model.set_done(undone, True)
        else:
            self.grid_model.set_done([row.uuid for row in chosen], False)

    def focus_new_criterion(self) -> None:
        if self.pages.currentWidget() is self.intro:
            self.pages.setCurrentIndex(1)
        self.criteria.add_line.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- mouse --------------------------------------------------------------------------------

    def _double_clicked(self, index: QModelIndex) -> None:
        if source_of(index).column() in (TITLE, DECISION):
            self.edit_current()

    def _activated(self, index: QModelIndex) -> None:
        if source_of(index).column() in (TITLE, DECISION):
            self.edit_current()

    def _context_menu(self, pos: QPoint) -> None:
        index = self.grid.indexAt(pos)
        if index.isValid() and not self.grid.selectionModel().isSelected(index):
            self.grid.setCurrentIndex(index)
        menu = QMenu(self)
        if self.grid.is_number(index) and self.document is not None \
                and self.document.viewer.is_partner:
            scores = menu.addMenu("My &Score")
            for value in range(1, 11):
                scores.addAction(str(value), partial(self._score_by_mouse, value))
            menu.addAction("&Clear My Score", self.grid.clear_selection_values)
            menu.addSeparator()
        for action in (self.done_action, self.edit_action, self.accept_action,
                       self.decline_action, self.delete_action):
            if action.isVisible():
                menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.add_action)
        menu.exec(self.grid.viewport().mapToGlobal(pos))

    def _score_by_mouse(self, value: int) -> None:
        chosen = [i for i in self.grid.selectedIndexes() if self.grid.is_number(i)] or \
            ([self.grid.currentIndex()] if self.grid.is_number(self.grid.currentIndex()) else [])
        if chosen:
            self.grid_model.set_values([(source_of(i), value) for i in chosen],
                                       "" if len(chosen) == 1
                                       else f"Score {len(chosen)} cells: {value}")

    def _point_chosen(self, index: QModelIndex) -> None:
        if index.column() in (DISCUSSED, AGREED):
            return
        item = self.discussion_model.item_at(index.row())
        if item.opportunity_uuid is None:
            self.criteria.select(item.criterion_uuid, 1)
            self.criteria.table.setFocus()
        else:
            self.select_opportunity(item.opportunity_uuid, item.criterion_uuid)
            self.grid.setFocus()
