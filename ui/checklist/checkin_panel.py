"""One check-in: its day, who is done, the ratings table, the discussion
points once revealed, and the note of what the couple agreed to do next
(shared, stored as it is typed)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

import resources
from models.changes import Edit
from models.checklist import (
    Sheet,
    checkin,
    edit_agreed,
    long_date,
    mark_checkin_done,
    mark_checkin_not_done,
)
from models.checklist_trends import Divergence
from models.errors import TandemError
from models.goals import WINS_INDICATOR, checkin_wins_evidence
from ui.checklist.rating_view import RatingTableView
from ui.checklist.ratings import INDICATOR, RatingTableModel
from ui.document import PlanDocument
from ui.live_text import LiveText
from ui.style import error_label, heading, plain_tip
from ui.text_fields import PlainTextEdit

#: The discussion points' box: warm, like the rows they come from.
POINTS_STYLE = "background: #fbefd5; border-radius: 6px; padding: 8px 10px;"


class CheckinPanel(QWidget):
    #: The partner at the keyboard asked to change the check-in's day.
    change_date_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self.checkin_uuid = ""

        self.title = heading("", 1.3)
        self.title.setObjectName("checkinTitle")
        self.change_date_button = QPushButton("Change &Day…")
        self.change_date_button.setToolTip("Move this check-in to another day")
        self.change_date_button.clicked.connect(self.change_date_requested)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.change_date_button)

        self.status = QLabel()
        self.status.setObjectName("checkinStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.done_button = QPushButton("I’m &Done Rating")
        self.done_button.setObjectName("doneButton")
        self.done_button.setToolTip("Say you are done: your ratings show to both of you once "
                                    "your partner is done too (Ctrl+Return)")
        self.done_button.clicked.connect(self.mark_done)
        self.not_done_button = QPushButton("&Not Done Yet")
        self.not_done_button.setObjectName("notDoneButton")
        self.not_done_button.setToolTip("Take back being done, to change your ratings "
                                        "before they show")
        self.not_done_button.clicked.connect(self.mark_not_done)
        state = QHBoxLayout()
        state.addWidget(self.status, 1)
        state.addWidget(self.done_button)
        state.addWidget(self.not_done_button)
        self.status_error = error_label("checkinStatusError")

        self.ratings = RatingTableModel(self)
        self.table = RatingTableView()
        self.table.setModel(self.ratings)
        self.ratings.refused.connect(self.show_refusal)
        self.ratings.modelReset.connect(self._fit_columns)
        self.table_error = error_label("ratingsError")

        # The log of wins, offered as evidence for the indicator it speaks to.
        self.wins = QLabel()
        self.wins.setObjectName("winsEvidence")
        self.wins.setWordWrap(True)
        self.wins.setTextFormat(Qt.TextFormat.PlainText)
        self.wins.hide()

        self.points = QLabel()
        self.points.setObjectName("discussionPoints")
        self.points.setWordWrap(True)
        self.points.setTextFormat(Qt.TextFormat.PlainText)
        self.points.setStyleSheet(POINTS_STYLE)
        self.points.hide()

        # No limit of the widget's own: a note that grows too long is refused
        # in words under it, and what was typed stays there to be shortened.
        self.agreed = PlainTextEdit()
        self.agreed.setTabChangesFocus(True)
        self.agreed.setPlaceholderText("What you agreed to do next, together: who does what, "
                                       "by when")
        self.agreed.setObjectName("agreed")
        self.agreed.setToolTip("What the two of you agreed to do next. Shared: either of "
                               "you, or both together, can write it.")
        lines = self.agreed.fontMetrics().lineSpacing()
        self.agreed.setMinimumHeight(lines * 3 + 12)
        self.agreed.setMaximumHeight(lines * 8 + 12)
        caption = QLabel("What we &agreed to do next:")
        caption.setBuddy(self.agreed)
        self.agreed_error = error_label("agreedError")
        self._live: LiveText | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 0, 0)
        layout.addLayout(top)
        layout.addLayout(state)
        layout.addWidget(self.status_error)
        layout.addWidget(self.table, 100)
        layout.addWidget(self.table_error)
        layout.addWidget(self.wins)
        layout.addWidget(self.points)
        layout.addSpacing(4)
        layout.addWidget(caption)
        layout.addWidget(self.agreed, 1)
        layout.addWidget(self.agreed_error)
        layout.addStretch(1)

    # -- what is shown ------------------------------------------------------------------

    def set_document(self, document: PlanDocument | None) -> None:
        if self._live is not None:
            self._live.flush()
            self._live.deleteLater()
            self._live = None
        self.document = document
        if document is not None:
            self._live = LiveText(document, self.agreed, "agreed", self._store_agreed,
                                  self._agreed_refused)

    def show_checkin(self, checkin_uuid: str, points: list[Divergence]) -> None:
        """Show this check-in as the viewer sees it now ("" for none)."""
        if checkin_uuid != self.checkin_uuid and self._live is not None:
            self._live.flush()  # what was typed belongs to the check-in it was typed in
            self._live.key = f"agreed:{checkin_uuid}"
        if checkin_uuid != self.checkin_uuid:
            for label in (self.table_error, self.agreed_error, self.status_error):
                label.hide()
        self.checkin_uuid = checkin_uuid
        self.ratings.show_checkin(self.document, checkin_uuid or None)
        self.table.show_spans()
        seen = self.ratings.sheet
        self.setEnabled(seen is not None)
        if seen is None:
            self.title.setText("No check-in yet")
            self.status.setText("Start one with New Check-in (Ctrl+Shift+N) whenever you are "
                                "both here.")
            for button in (self.done_button, self.not_done_button, self.change_date_button):
                button.hide()
            self.points.hide()
            self.wins.hide()
            if self._live is not None:
                self._live.show("")
            return
        self.change_date_button.show()
        self.title.setText(f"Check-in of {long_date(seen.checkin.held_on)}")
        self._show_state(seen)
        self._show_wins(seen)
        self._show_points(points)
        if self._live is not None:
            self._live.show(seen.checkin.agreed)

    def _show_state(self, seen: Sheet) -> None:
        assert self.document is not None
        viewer = self.document.viewer
        names = {p.uuid: p.name for p in seen.partners}
        state = seen.state
        if viewer.is_partner:
            me = viewer.partner_uuid
            other = next(p.name for p in seen.partners if p.uuid != me)
            mine_done, other_done = state.is_done(me), any(
                state.is_done(p.uuid) for p in seen.partners if p.uuid != me)
            rated = len(seen.rows) - len(seen.unrated(me))
            if state.revealed:
                text = (f"Revealed: you both see both ratings. You can still change yours; "
                        f"{other} sees the change.")
            elif mine_done:
                text = f"You are done. Your ratings show to both of you once {other} is done too."
            else:
                text = (f"Rate each indicator on your own ({rated} of {len(seen.rows)} rated): "
                        f"{other} doesn’t see your ratings, nor you {other}’s, until you are "
                        "both done.")
                if other_done:
                    text += f" {other} is done."
            self.status.setText(text)
            self.done_button.setVisible(not mine_done)
            self.not_done_button.setVisible(mine_done and not state.revealed)
            return
        self.done_button.hide()
        self.not_done_button.hide()
        if state.revealed:
            self.status.setText("Revealed: both of your ratings show. Where they are 2 or more "
                                "apart, talk about it first.")
            return
        done = ", ".join(f"{name}: {'done' if state.is_done(uuid) else 'not yet'}"
                         for uuid, name in names.items())
        self.status.setText(f"Each of you rates alone first ({done}). To rate, choose who is at "
                            "the keyboard at the top right (Ctrl+Alt+1, Ctrl+Alt+2).")

    def _show_wins(self, seen: Sheet) -> None:
        assert self.document is not None
        rated = [row.indicator for row in seen.rows
                 if row.indicator.uuid == WINS_INDICATOR and not row.indicator.retired]
        if rated:
            evidence = checkin_wins_evidence(self.document.plan, seen.checkin.held_on)
            self.wins.setText(f"For “{rated[0].title}”: {evidence}")
        self.wins.setVisible(bool(rated))

    def _show_points(self, points: list[Divergence]) -> None:
        if not points:
            self.points.hide()
            return
        intro = resources.load_json("content/checklist.json")["discussion_points"]
        lines = [intro]
        for point in points:
            scores = ", ".join(f"{name} {score}" for name, score, _note in point.ratings)
            notes = "; ".join(f"{name}: “{note}”" for name, _score, note in point.ratings if note)
            lines.append(f"• {point.indicator}: {scores}" + (f" ({notes})" if notes else ""))
        self.points.setText("\n".join(lines))
        self.points.show()

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column in (INDICATOR, 2, 4):  # the texts share what the scores leave
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (1, 3, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()

    # -- edits ---------------------------------------------------------------------------

    def _submit(self, text: str, build: Callable[[], Edit]) -> None:
        if self.document is None:
            return
        try:
            self.document.submit(text, build(), initiator=self)
        except TandemError as error:
            self.status_error.setText(error.message)
            self.status_error.show()
            return
        self.status_error.hide()

    def mark_done(self) -> None:
        document = self.document
        if document is None or not self.checkin_uuid:
            return
        uuid = self.checkin_uuid
        self._submit("Done rating", lambda: mark_checkin_done(document.plan, document.viewer,
                                                             uuid))

    def mark_not_done(self) -> None:
        document = self.document
        if document is None or not self.checkin_uuid:
            return
        uuid = self.checkin_uuid
        self._submit("Not done rating", lambda: mark_checkin_not_done(
            document.plan, document.viewer, uuid))

    def _store_agreed(self, text: str, merge_key: str) -> None:
        document = self.document
        row = checkin(document.plan, self.checkin_uuid) if document and self.checkin_uuid \
            else None
        if document is None or row is None:
            return
        document.submit(f"Edit what you agreed on {long_date(row.held_on)}",
                        edit_agreed(row, text), merge_key, initiator=self)
        self.agreed_error.hide()

    def _agreed_refused(self, error: TandemError) -> None:
        self.agreed_error.setText(error.message)
        self.agreed_error.show()

    def show_refusal(self, message: str, index: QModelIndex) -> None:
        """Say why a rating was refused: under the table and at its cell."""
        self.table_error.setText(message)
        self.table_error.show()
        rect = self.table.visualRect(index)
        if not self.table.isVisible() or not rect.isValid():
            return
        viewport = self.table.viewport()
        # Once an editor has closed: the focus going back would hide it.
        QTimer.singleShot(0, viewport, lambda: QToolTip.showText(
            viewport.mapToGlobal(rect.bottomLeft()), plain_tip(message), viewport, rect))

    def clear_refusals(self) -> None:
        for label in (self.table_error, self.status_error):
            label.hide()

