"""One question: both partners' answers side by side, and the couple's note.

The partner at the keyboard writes their own answer (it stores itself as it
is typed) and says when they are done; the other's answer shows once both
are. Both together read what is revealed and see who is done. Whether the
question was discussed, and what was agreed, anyone writes: it is shared."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.changes import Edit
from models.conversation_edits import finish, set_discussed, store_agreed, store_answer, unfinish
from models.conversations import AGREED_MAX, ANSWER_MAX, Question, QuestionState, deck_titles
from models.errors import TandemError
from models.partners import Partner
from ui.dates import date_text
from ui.document import PlanDocument
from ui.live_text import LiveText
from ui.style import HINT_STYLE, error_label, heading, swatch_style
from ui.text_fields import PlainTextEdit

KEYBOARD_HINT = ("Each of you answers alone: choose who is at the keyboard at the top right "
                 "(Ctrl+Alt+1 or Ctrl+Alt+2).")


def _hint(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(HINT_STYLE)
    return label


class AnswerColumn(QFrame):
    """One partner's answer: written by them, read by anyone once revealed."""

    def __init__(self, view: QuestionView, partner: Partner, other: Partner, writable: bool):
        super().__init__()
        self.view = view
        self.partner = partner
        self.other = other
        self.writable = writable
        self.setObjectName(f"answerColumn{partner.slot}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.name = QLabel(f"{partner.name}’s answer" if not writable else "Your answer")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setStyleSheet(swatch_style(partner.color))
        self.name.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        top.addWidget(self.name)
        top.addStretch(1)
        self.done_button = QPushButton()
        self.done_button.setObjectName(f"doneButton{partner.slot}")
        self.done_button.clicked.connect(self.toggle_done)
        top.addWidget(self.done_button)
        self.done_button.setVisible(writable)  # once in the column: never a window of its own
        layout.addLayout(top)
        self.editor = PlainTextEdit(limit=ANSWER_MAX)
        self.editor.setObjectName(f"answerEditor{partner.slot}")
        self.editor.setAccessibleName(f"{partner.name}’s answer")
        self.editor.setTabChangesFocus(True)
        self.editor.setReadOnly(not writable)
        self.editor.setMinimumHeight(120)
        layout.addWidget(self.editor, 1)
        self.status = _hint(name=f"answerStatus{partner.slot}")
        layout.addWidget(self.status)
        self.error = error_label(f"answerError{partner.slot}")
        layout.addWidget(self.error)
        # Takes the room only while the answer is hidden: the status then sits
        # under the name, not in the middle of an empty column.
        layout.addStretch(0)
        self.live: LiveText | None = None
        if writable:
            self.live = LiveText(view.document, self.editor,
                                 f"answer:{view.question.uuid}:{partner.uuid}",
                                 self._store, self._refused)

    def _store(self, text: str, merge_key: str) -> None:
        view = self.view
        edit = store_answer(view.document.plan, view.document.viewer, view.question.uuid, text)
        view.submit("Write Your Answer", edit, merge_key)
        self.error.hide()

    def _refused(self, error: TandemError) -> None:
        self.error.setText(error.message)
        self.error.show()

    def toggle_done(self) -> None:
        view = self.view
        if self.live is not None:
            self.live.flush()
        document = view.document
        done = view.state is not None and view.state.state.is_done(self.partner.uuid)
        try:
            if done:
                view.submit("Not Done With a Question", unfinish(
                    document.plan, document.viewer, view.question.uuid))
            else:
                view.submit("Done With a Question", finish(
                    document.plan, document.viewer, view.question.uuid))
        except TandemError as error:
            self._refused(error)

    def show_state(self, state: QuestionState) -> None:
        me, other = self.partner, self.other
        done = state.state.is_done(me.uuid)
        other_done = state.state.is_done(other.uuid)
        text = state.answer_of(me.uuid)
        if self.writable:
            assert self.live is not None
            self.live.show(text)
            self.editor.setReadOnly(done)
            self.editor.setPlaceholderText(
                "Your answer, in your own words. Only you see it until you are both done.")
            self.done_button.setText("Not Done Yet" if done else "I’m Done")
            self.done_button.setToolTip(
                "Take your answer back to change it (it hides again until you are done; "
                "Ctrl+Shift+F)" if done else
                "Say you are done: both answers show once you both are (Ctrl+Shift+F)")
            if state.revealed:
                status = "Revealed: you both see both answers. Not Done Yet hides yours again."
            elif done:
                status = (f"Done. {other.name} hasn’t answered yet: your answer shows to "
                          f"{other.name} once {other.name} is done too.")
            elif other_done:
                # (the other's column says who is done; this one says what to do)
                status = "Write yours, then say I’m Done: both answers show at once."
            else:
                status = f"Only you see this until you and {other.name} are both done."
            self.status.setText(status)
            return
        self.editor.setVisible(state.revealed)
        wanted = text if state.revealed else ""
        if self.editor.raw_text() != wanted:
            self.editor.setPlainText(wanted)
        self.editor.setPlaceholderText(f"{me.name} wrote nothing.")
        if state.revealed:
            self.status.setText("")
        elif done:
            self.status.setText(f"{me.name} is done. The answers show once you are both done.")
        else:
            self.status.setText(f"{me.name} hasn’t answered yet.")
        self.status.setVisible(bool(self.status.text()))


class QuestionView(QWidget):
    """One question as the viewer at the keyboard sees it; built anew for
    another question or viewer, refreshed in place after an edit."""

    def __init__(self, document: PlanDocument, question: Question, pair: tuple[Partner, ...],
                 today: Callable[[], date]):
        super().__init__()
        self.setObjectName("questionView")
        self.document = document
        self.question = question
        self.today = today
        self.state: QuestionState | None = None
        viewer = document.viewer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        deck = deck_titles().get(question.deck, "")
        self.deck_label = _hint(deck + (" · a question of your own" if question.custom else ""),
                                "deckLabel")
        layout.addWidget(self.deck_label)
        self.title = heading(question.text, 1.3)
        self.title.setObjectName("questionTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.keyboard_hint = _hint(KEYBOARD_HINT, "keyboardHint")
        layout.addWidget(self.keyboard_hint)
        self.keyboard_hint.setVisible(not viewer.is_partner)
        columns = QHBoxLayout()
        columns.setSpacing(18)
        self.columns: list[AnswerColumn] = []
        # The one at the keyboard writes on the left; both together read in the pair's order.
        order = sorted(pair, key=lambda p: p.uuid != viewer.partner_uuid) \
            if viewer.is_partner else list(pair)
        for partner in order:
            other = next(p for p in pair if p.uuid != partner.uuid)
            column = AnswerColumn(self, partner, other,
                                  viewer.is_partner and viewer.partner_uuid == partner.uuid)
            self.columns.append(column)
            columns.addWidget(column, 1)
        layout.addLayout(columns, 3)

        self.discussion = QGroupBox("Talking it through, together")
        self.discussion.setObjectName("discussionBox")
        box = QVBoxLayout(self.discussion)
        line = QHBoxLayout()
        self.discussed = QCheckBox("We have discussed this")
        self.discussed.setObjectName("discussedBox")
        self.discussed.setToolTip("Mark the question as talked through (today)")
        self.discussed.clicked.connect(self._discussed_clicked)
        line.addWidget(self.discussed)
        self.discussed_on = _hint(name="discussedOn")
        self.discussed_on.setWordWrap(False)
        line.addWidget(self.discussed_on)
        line.addStretch(1)
        box.addLayout(line)
        self.agreed = PlainTextEdit(limit=AGREED_MAX)
        self.agreed.setObjectName("agreedEditor")
        self.agreed.setAccessibleName("What you agreed")
        self.agreed.setTabChangesFocus(True)
        self.agreed.setPlaceholderText("What you agreed, or what to try: either of you "
                                       "writes it, and both see it.")
        self.agreed.setMinimumHeight(70)
        box.addWidget(self.agreed)
        self.discussion_error = error_label("discussionError")
        box.addWidget(self.discussion_error)
        self.agreed_live = LiveText(document, self.agreed, f"agreed:{question.uuid}",
                                    self._store_agreed, self._discussion_refused)
        layout.addWidget(self.discussion, 2)

    def submit(self, text: str, edit: Edit, merge_key: str = "") -> None:
        self.document.submit(text, edit, merge_key, initiator=self)

    def flush(self) -> None:
        """Store what is still being typed (before the view goes away)."""
        for column in self.columns:
            if column.live is not None:
                column.live.flush()
        self.agreed_live.flush()

    def _store_agreed(self, text: str, merge_key: str) -> None:
        self.submit("Write What You Agreed",
                    store_agreed(self.document.plan, self.question.uuid, text), merge_key)
        self.discussion_error.hide()

    def _discussion_refused(self, error: TandemError) -> None:
        self.discussion_error.setText(error.message)
        self.discussion_error.show()

    def _discussed_clicked(self, checked: bool) -> None:
        try:
            self.submit("Mark as Discussed" if checked else "Mark as Not Discussed",
                        set_discussed(self.document.plan, self.question.uuid, checked,
                                      self.today()))
        except TandemError as error:
            self._discussion_refused(error)
            self.discussed.setChecked(not checked)

    def show_state(self, state: QuestionState) -> None:
        self.state = state
        if self.title.text() != state.question.text:
            self.title.setText(state.question.text)
        for column in self.columns:
            column.show_state(state)
        self.discussed.setChecked(state.discussed)
        note = state.note
        self.discussed_on.setText(f"on {date_text(note.discussed_on)}"
                                  if note is not None and note.discussed_on else
                                  ("" if state.revealed else
                                   "Best talked through once you have both answered."))
        self.agreed_live.show(state.agreed)
