"""The decks and their questions as a tree: each deck with its progress
(answered by each partner, discussed), each question with where it stands.
Only who is done shows here, never what anyone wrote."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from models.conversations import Conversations, Deck, Question, QuestionState
from ui.style import plain_tip

Index = QModelIndex | QPersistentModelIndex
#: The role holding a question's UUID (or a deck's id) for the view.
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
#: "Discussed", in a green that reads on white.
DISCUSSED_COLOR = "#2e7d32"


def question_status(state: QuestionState, conversations: Conversations) -> str:
    """Where a question stands, in a few words: never what anyone wrote."""
    if state.discussed:
        return "Discussed"
    if state.revealed:
        return "Both answered: talk it through"
    done = [p.name for p in conversations.pair if state.state.is_done(p.uuid)]
    if done:
        return f"{done[0]} has answered"
    return "Not answered yet"


def deck_progress(conversations: Conversations, deck: Deck) -> str:
    progress = conversations.progress(deck)
    if not progress.total:
        return "No questions yet"
    answered = " · ".join(f"{p.name} {n}/{progress.total}"
                          for p, n in zip(conversations.pair, progress.answered, strict=True))
    return f"{answered} · discussed {progress.discussed}/{progress.total}"


class DeckTreeModel(QStandardItemModel):
    """Decks at the top level, their questions below; two columns: the text
    and where it stands. Refreshed in place, so the view keeps its selection
    and what is expanded, unless questions came or went."""

    HEADERS = ("Question", "Where it stands")

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setHorizontalHeaderLabels(list(self.HEADERS))
        self.conversations: Conversations | None = None
        self._shape: list[tuple[str, list[str]]] = []

    def set_conversations(self, conversations: Conversations | None) -> None:
        self.conversations = conversations
        decks = conversations.decks if conversations is not None else ()
        shape = [(d.id, [q.uuid for q in d.questions]) for d in decks]
        if shape != self._shape:
            self._shape = shape
            self.removeRows(0, self.rowCount())
            for deck in decks:
                row = [_item(), _item()]
                for _question in deck.questions:
                    row[0].appendRow([_item(), _item()])
                self.appendRow(row)
        if conversations is None:
            return
        for at, deck in enumerate(decks):
            top = self.item(at, 0)
            # A deck's row spans both columns in the view: its title, then its progress.
            progress = deck_progress(conversations, deck)
            _fill(top, f"{deck.title}  ·  {progress}", deck.id, plain_tip(
                f"{deck.title}\n{progress}"))
            _fill(self.item(at, 1), progress, deck.id, "")
            bold = QFont()
            bold.setBold(True)
            if top.font() != bold:
                top.setFont(bold)
            for place, question in enumerate(deck.questions):
                state = conversations.states[question.uuid]
                status = question_status(state, conversations)
                own = " (a question of your own)" if question.custom else ""
                tip = plain_tip(f"{question.text}{own}\n{status}")
                _fill(top.child(place, 0), question.text, question.uuid, tip)
                cell = top.child(place, 1)
                _fill(cell, status, question.uuid, tip)
                color = QBrush(QColor(DISCUSSED_COLOR)) if state.discussed else QBrush()
                if cell.foreground() != color:
                    cell.setForeground(color)

    def question_at(self, index: Index) -> Question | None:
        if not index.isValid() or self.conversations is None or not index.parent().isValid():
            return None
        deck = self.conversations.decks[index.parent().row()]
        return deck.questions[index.row()] if index.row() < len(deck.questions) else None

    def deck_at(self, index: Index) -> Deck | None:
        if not index.isValid() or self.conversations is None:
            return None
        top = index.parent() if index.parent().isValid() else index
        return self.conversations.decks[top.row()]

    def index_of(self, question_uuid: str) -> QModelIndex:
        for at, (_deck, questions) in enumerate(self._shape):
            if question_uuid in questions:
                return self.index(questions.index(question_uuid), 0, self.index(at, 0))
        return QModelIndex()

    def deck_index(self, deck_id: str) -> QModelIndex:
        for at, (deck, _questions) in enumerate(self._shape):
            if deck == deck_id:
                return self.index(at, 0)
        return QModelIndex()


def _item() -> QStandardItem:
    item = QStandardItem()
    item.setEditable(False)
    return item


def _fill(item: QStandardItem, text: str, key: str, tip: str) -> None:
    """Set only what changed: a view redraws and a tester sees only real changes."""
    if item.text() != text:
        item.setText(text)
    if item.data(KEY_ROLE) != key:
        item.setData(key, KEY_ROLE)
    if item.toolTip() != tip:
        item.setToolTip(tip)
