"""The Checklist tab: how often you check in and when the next is due, then
four pages: the check-ins (their history, and the one chosen), the trends,
the red flags, and the indicators. Gestures become edits of
``models.checklist``, ``models.checkin_rhythm`` and ``models.red_flags``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import resources
from models.changes import ChangeReport
from models.checkin_rhythm import Rhythm, describe_due, due_notice, plan_due, rhythm, rhythms
from models.checkin_rhythm import set_rhythm as rhythm_edit
from models.checklist import (
    CheckIn,
    Indicator,
    Rating,
    checkin,
    checkins,
    delete_checkin,
    indicators,
    long_date,
    progress,
)
from models.checklist_trends import Overview, overview
from models.errors import TandemError
from models.goals import Win
from models.partners import Partner, partners
from models.red_flags import RedFlag
from models.reveal import Reveal, reveal_states
from ui.actions import make_action
from ui.checklist.checkin_dialog import CheckinDialog
from ui.checklist.checkin_panel import CheckinPanel
from ui.checklist.history import CheckinListModel, HistoryLine
from ui.checklist.indicators import IndicatorsPage
from ui.checklist.red_flags import RedFlagsPage
from ui.checklist.trends import TrendsPage
from ui.document import PlanDocument
from ui.style import HINT_STYLE, error_label, heading

#: What the tab shows: a change to any of these refreshes it.
#: Wins are the evidence offered for "Individual wins are celebrated as couple victories".
SHOWN = (Indicator, CheckIn, Rating, Reveal, Rhythm, RedFlag, Partner, Win)
CHECKINS, TRENDS, RED_FLAGS, INDICATORS = range(4)
#: The due date moves with the calendar: looked at again every hour.
CLOCK_MS = 60 * 60 * 1000


class ChecklistTab(QWidget):
    #: A gentle reminder for the window: a check-in due or overdue, "" if none.
    notice_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        #: Replaceable in tests, so that due dates do not move under them.
        self.today: Callable[[], date] = date.today
        self.overview: Overview | None = None
        self._notice = ""
        self._watching: Callable[[ChangeReport], None] = lambda _report: None

        # -- the rhythm, above every page --
        title = heading("Success Indicator Checklist", 1.2)
        title.setToolTip(resources.load_json("content/checklist.json")["intro"])
        self.due_label = QLabel()
        self.due_label.setObjectName("dueLabel")
        self.due_label.setTextFormat(Qt.TextFormat.PlainText)
        self.due_label.setWordWrap(True)
        self.rhythm_combo = QComboBox()
        self.rhythm_combo.setObjectName("rhythm")
        for choice in rhythms().values():
            self.rhythm_combo.addItem(choice.label, choice.id)
        self.rhythm_combo.setToolTip("How often you check in together: Tandem reminds you "
                                     "when the next check-in is due")
        self.rhythm_combo.activated.connect(self._rhythm_chosen)
        rhythm_caption = QLabel("Check &in:")
        rhythm_caption.setBuddy(self.rhythm_combo)
        strip = QHBoxLayout()
        strip.addWidget(title)
        strip.addSpacing(16)
        strip.addWidget(self.due_label, 1)
        strip.addWidget(rhythm_caption)
        strip.addWidget(self.rhythm_combo)
        self.rhythm_error = error_label("rhythmError")
        intro = QLabel(resources.load_json("content/checklist.json")["intro"])
        intro.setObjectName("checklistIntro")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setStyleSheet(HINT_STYLE)

        # -- the pages --
        self.history = CheckinListModel(self)
        self.history_view = QListView()
        self.history_view.setObjectName("checkinHistory")
        self.history_view.setAccessibleName("Check-ins")
        self.history_view.setModel(self.history)
        self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setSpacing(2)
        self.history_view.selectionModel().currentChanged.connect(
            lambda current, _previous: self._show_current())
        self.panel = CheckinPanel()
        self.panel.change_date_requested.connect(self.change_date)
        self.history_message = QLabel()
        self.history_message.setObjectName("historyMessage")
        self.history_message.setWordWrap(True)
        self.history_message.setTextFormat(Qt.TextFormat.PlainText)
        self.history_message.setStyleSheet(HINT_STYLE)
        self.history_message.hide()
        self._make_actions()
        new_button = QPushButton("&New Check-in…")
        new_button.setToolTip(self.new_action.toolTip())
        new_button.clicked.connect(self.new_action.trigger)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip(self.delete_action.toolTip())
        self.delete_button.clicked.connect(self.delete_action.trigger)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 4, 0, 0)
        caption = heading("Check-ins")
        left_layout.addWidget(caption)
        left_layout.addWidget(self.history_view, 1)
        left_layout.addWidget(self.history_message)
        buttons = QHBoxLayout()
        buttons.addWidget(new_button, 1)
        buttons.addWidget(self.delete_button)
        left_layout.addLayout(buttons)
        checkins_page = QSplitter(Qt.Orientation.Horizontal)
        checkins_page.setObjectName("checkinsPage")
        checkins_page.setChildrenCollapsible(False)
        checkins_page.addWidget(left)
        checkins_page.addWidget(self.panel)
        checkins_page.setStretchFactor(0, 1)
        checkins_page.setStretchFactor(1, 4)
        checkins_page.setSizes([230, 900])

        self.trends = TrendsPage()
        self.red_flags = RedFlagsPage()
        self.red_flags.count_changed.connect(self._flag_count)
        self.indicators = IndicatorsPage(lambda: self.today())
        self.pages = QTabWidget()
        self.pages.setObjectName("checklistPages")
        self.pages.addTab(checkins_page, "Check-&ins")
        self.pages.addTab(self.trends, "&Trends")
        self.pages.addTab(self.red_flags, "Red &Flags")
        self.pages.addTab(self.indicators, "Indicat&ors")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.addLayout(strip)
        layout.addWidget(self.rhythm_error)
        layout.addWidget(intro)
        layout.addWidget(self.pages, 1)

        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self._show_due)
        self.set_document(None)

    def _make_actions(self) -> None:
        self.new_action = make_action(self, "&New Check-in…", self.new_checkin,
                                      "Ctrl+Shift+N", "Start a check-in: each of you rates "
                                      "every indicator on your own")
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.new_action)
        self.done_action = make_action(self, "I’m Done Rating", self.panel.mark_done,
                                       "Ctrl+Return", "Say you are done rating this check-in")
        self.done_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.done_action)
        # Delete only where the check-ins are listed: elsewhere it clears a rating.
        self.delete_action: QAction = make_action(
            self.history_view, "&Delete Check-in", self.delete_current,
            QKeySequence.StandardKey.Delete,
            "Delete the chosen check-in with both partners’ ratings (Ctrl+Z brings it back)")
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.history_view.addAction(self.delete_action)

    # -- the document ------------------------------------------------------------------

    def set_document(self, document: PlanDocument | None) -> None:
        if self.document is not None:
            self.document.unwatch(self._watching)
        self.document = document
        self.panel.set_document(document)
        self.red_flags.set_document(document)
        self.indicators.set_document(document)
        self.history_message.hide()
        self.rhythm_error.hide()
        if document is not None:
            self._watching = document.watch(SHOWN, self._on_changed)
            self._clock.start()
        else:
            self._clock.stop()
        self.setEnabled(document is not None)
        self.refresh()
        newest = self.history.index(0) if self.history.rowCount() else None
        if newest is not None:
            self.history_view.setCurrentIndex(newest)

    def _on_changed(self, report: ChangeReport) -> None:
        # A change went through: an earlier refusal no longer applies.
        if report.initiator is not self:
            self.history_message.hide()
        self.panel.clear_refusals()
        self.rhythm_error.hide()
        self.refresh()

    def refresh(self) -> None:
        document = self.document
        if document is None:
            self.overview = None
            self.history.set_lines([])
            self.panel.show_checkin("", [])
            self.trends.show_overview(None)
            self.due_label.clear()
            self._emit_notice("")
            return
        plan, viewer = document.plan, document.viewer
        every = indicators(plan)
        rows = checkins(plan)
        states = reveal_states(plan, [row.uuid for row in rows])
        revealed = sorted((row for row in rows if states[row.uuid].revealed),
                          key=lambda row: row.held_on)
        self.overview = overview(plan, viewer, revealed, every)
        pair = partners(plan)
        chosen = self.current_uuid()
        self.history.set_lines([HistoryLine(row, progress(states[row.uuid], pair),
                                            len(self.overview.points_of(row.uuid)),
                                            states[row.uuid].revealed) for row in rows])
        if not self.history_view.currentIndex().isValid() and rows:
            # The list was reordered (a day changed) or the chosen one went:
            # the same check-in if it is there, else the newest.
            self.history_view.setCurrentIndex(self.history.index(max(0, self.history.row_of(
                chosen))))
        self._show_current()
        self.trends.show_overview(self.overview)
        self.red_flags.refresh()
        self.indicators.refresh()
        index = self.rhythm_combo.findData(rhythm(plan))
        self.rhythm_combo.setCurrentIndex(max(0, index))
        self._show_due()

    def current_uuid(self) -> str:
        index = self.history_view.currentIndex()
        return self.history.uuid_at(index.row()) if index.isValid() else ""

    def _show_current(self) -> None:
        uuid = self.current_uuid()
        self.delete_button.setEnabled(bool(uuid))
        self.delete_action.setEnabled(bool(uuid))
        points = self.overview.points_of(uuid) if self.overview is not None and uuid else []
        self.panel.show_checkin(uuid, points)

    def select_checkin(self, uuid: str) -> None:
        row = self.history.row_of(uuid)
        if row >= 0:
            self.history_view.selectionModel().setCurrentIndex(
                self.history.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # -- the rhythm and the notice ------------------------------------------------------

    def _show_due(self) -> None:
        if self.document is None:
            return
        when = plan_due(self.document.plan, self.today())
        self.due_label.setText(describe_due(when))
        self._emit_notice(due_notice(when))

    def _emit_notice(self, text: str) -> None:
        if text != self._notice:
            self._notice = text
            self.notice_changed.emit(text)

    @property
    def notice(self) -> str:
        return self._notice

    def _rhythm_chosen(self, _index: int) -> None:
        document = self.document
        if document is None:
            return
        every = str(self.rhythm_combo.currentData())
        label = rhythms()[every].label.lower()
        try:
            document.submit(f"Check in {label}", rhythm_edit(document.plan, every),
                            initiator=self)
        except TandemError as error:
            self.rhythm_error.setText(error.message)
            self.rhythm_error.show()
            self.refresh()
            return
        self.rhythm_error.hide()

    def _flag_count(self, count: int) -> None:
        self.pages.setTabText(RED_FLAGS, f"Red &Flags ({count})" if count else "Red &Flags")

    # -- check-ins ------------------------------------------------------------------------

    def new_checkin(self) -> None:
        if self.document is None:
            return
        self.pages.setCurrentIndex(CHECKINS)
        dialog = CheckinDialog(self.document, self.today, parent=self)
        if dialog.exec() and dialog.saved_uuid:
            self.select_checkin(dialog.saved_uuid)
            self.panel.table.setFocus()
            self.panel.table.setCurrentIndex(self.panel.ratings.index(0, self._my_column()))

    def _my_column(self) -> int:
        """The score column of the partner at the keyboard (the first otherwise)."""
        seen = self.panel.ratings.sheet
        if self.document is None or seen is None or not self.document.viewer.is_partner:
            return 1
        return 1 + 2 * seen.column(self.document.viewer.partner_uuid)

    def change_date(self) -> None:
        document, uuid = self.document, self.current_uuid()
        row = checkin(document.plan, uuid) if document is not None and uuid else None
        if document is None or row is None:
            return
        dialog = CheckinDialog(document, self.today, row, parent=self)
        if dialog.exec():
            self.select_checkin(row.uuid)

    def delete_current(self) -> None:
        document, uuid = self.document, self.current_uuid()
        row = checkin(document.plan, uuid) if document is not None and uuid else None
        if document is None or row is None:
            return
        position = self.history_view.currentIndex().row()
        day = long_date(row.held_on)
        try:
            document.submit(f"Delete the check-in of {day}", delete_checkin(document.plan, row),
                            initiator=self)
        except TandemError as error:
            self.history_message.setText(error.message)
            self.history_message.show()
            return
        self.history_message.setText(f"The check-in of {day} was deleted, with both of your "
                                     "ratings. Undo (Ctrl+Z) brings it back.")
        self.history_message.show()
        if self.history.rowCount():
            self.history_view.setCurrentIndex(
                self.history.index(min(position, self.history.rowCount() - 1)))
