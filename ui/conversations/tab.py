"""The Conversations tab: the seed's question decks, answered alone and
revealed together per question, then talked through; and the Support
Inventory. The conversation starter and the seed's advice sit beside the
questions, folded away until wanted.

What shows follows who is at the keyboard (the models' viewer rule)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from models.changes import ChangeReport, Edit
from models.conversation_edits import add_question, delete_question, edit_question
from models.conversations import (
    OWN_DECK,
    QUESTION_MAX,
    Answer,
    Conversations,
    CustomQuestion,
    Question,
    QuestionNote,
    content,
    conversations,
    deck_titles,
    waiting_questions,
)
from models.errors import TandemError
from models.partners import Partner, partners
from models.privacy import Viewer
from models.reveal import Reveal
from models.support_inventory import SupportItem, SupportUptake
from ui.actions import Shortcut, make_action
from ui.conversations.advice import AdvicePanel
from ui.conversations.deck_model import DeckTreeModel
from ui.conversations.question_page import QuestionView
from ui.conversations.support_page import SupportPage
from ui.document import PlanDocument
from ui.style import HINT_STYLE, error_label
from ui.text_fields import line_edit

#: What the tab shows: a change to any of these refreshes it.
DECK_ROWS = (Answer, QuestionNote, CustomQuestion, Reveal, Partner)
SUPPORT_ROWS = (SupportItem, SupportUptake, Partner)
SHOWN = (*DECK_ROWS, *SUPPORT_ROWS)
DECKS, SUPPORT = 0, 1


def _discard(widget: QWidget) -> None:
    """Take a view out of the window at once (what it showed belongs to the
    last viewer), and delete it once its events are through."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


class QuestionDialog(QDialog):
    """A question of the couple's own: its deck and its words. ``store``
    builds and submits the edit; a refusal shows under the field and the
    dialog stays open, nothing stored."""

    def __init__(self, parent: QWidget, title: str, deck: str, text: str,
                 store: Callable[[str, str], None], deck_fixed: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("questionDialog")
        self._store = store
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.deck_box = QComboBox()
        self.deck_box.setObjectName("questionDeck")
        for key, name in deck_titles().items():
            self.deck_box.addItem(name, key)
        self.deck_box.setCurrentIndex(max(0, self.deck_box.findData(deck)))
        self.deck_box.setEnabled(not deck_fixed)
        form.addRow("&Deck:", self.deck_box)
        self.text = line_edit(text, limit=QUESTION_MAX,
                              placeholder="e.g. “How do we decide about a second degree?”")
        self.text.setObjectName("questionText")
        self.text.setMinimumWidth(460)
        form.addRow("&Question:", self.text)
        layout.addLayout(form)
        self.error = error_label("questionError")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self._store(str(self.deck_box.currentData()), self.text.text())
        except TandemError as error:
            self.error.setText(error.message)
            self.error.show()
            self.text.setFocus()
            return
        super().accept()


class ConversationsTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conversations")
        self.document: PlanDocument | None = None
        self._watching: Callable[[ChangeReport], None] = lambda _report: None
        #: Replaceable in tests, so that "discussed on" days do not move under them.
        self.today: Callable[[], date] = date.today
        self.found: Conversations | None = None
        self.pair: tuple[Partner, ...] = ()
        self.question_view: QuestionView | None = None
        self.support_page: SupportPage | None = None
        self._shown_viewer: Viewer | None = None

        self._make_actions()
        intro = QLabel(content()["intro"])
        intro.setObjectName("conversationsIntro")
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)

        self.model = DeckTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("deckTree")
        self.tree.setModel(self.model)
        self.tree.setWordWrap(True)  # long questions wrap rather than hide their end
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName("Question decks")
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setMinimumWidth(320)
        header.setStretchLastSection(False)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.addAction(self.delete_action)
        self.tree.addAction(self.edit_action)

        self.holder = QWidget()
        self.holder_layout = QVBoxLayout(self.holder)
        self.holder_layout.setContentsMargins(12, 0, 4, 0)
        self.empty = QLabel()
        self.empty.setObjectName("questionEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(HINT_STYLE)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.holder_layout.addWidget(self.empty)

        self.advice = AdvicePanel()
        advice_scroll = QScrollArea()
        advice_scroll.setObjectName("adviceScroll")
        advice_scroll.setWidgetResizable(True)
        advice_scroll.setWidget(self.advice)
        advice_scroll.setMinimumWidth(260)
        advice_scroll.hide()
        self.advice_scroll = advice_scroll
        self.advice_action.toggled.connect(advice_scroll.setVisible)

        self.splitter = QSplitter()
        self.splitter.setObjectName("decksSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.holder)
        self.splitter.addWidget(advice_scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([560, 700, 300])
        self.splitter.setChildrenCollapsible(False)

        decks_page = QWidget()
        decks_layout = QVBoxLayout(decks_page)
        bar = QHBoxLayout()
        for action in (self.new_action, self.edit_action, self.delete_action):
            button = QToolButton()
            button.setDefaultAction(action)
            bar.addWidget(button)
        bar.addStretch(1)
        advice_button = QToolButton()
        advice_button.setObjectName("adviceButton")
        advice_button.setDefaultAction(self.advice_action)
        bar.addWidget(advice_button)
        decks_layout.addWidget(intro)
        decks_layout.addLayout(bar)
        decks_layout.addWidget(self.splitter, 1)

        self.support_holder = QScrollArea()
        self.support_holder.setObjectName("supportScroll")
        self.support_holder.setWidgetResizable(True)
        self.support_holder.setFrameShape(QScrollArea.Shape.NoFrame)

        self.pages = QTabWidget()
        self.pages.setObjectName("conversationPages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(decks_page, "Question Decks")
        self.pages.addTab(self.support_holder, "Support Inventory")
        self.pages.setTabToolTip(DECKS, "The seed’s four decks of questions, and your own")
        self.pages.setTabToolTip(SUPPORT, "How each of you is supported now, and wishes to be")

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        self.setEnabled(False)

    def _action(self, text: str, slot: Callable[[], object], shortcut: Shortcut | None,
                tip: str, checkable: bool = False) -> QAction:
        action = make_action(self, text, slot, shortcut, tip, checkable)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.new_action = self._action("New Question…", self.add_question, "Ctrl+Shift+N",
                                       "Add a question of your own to a deck")
        self.edit_action = self._action("Edit Question…", self.edit_current, "F2",
                                        "Change the words of a question of your own")
        self.delete_action = self._action("Delete Question", self.delete_current,
                                          QKeySequence.StandardKey.Delete,
                                          "Delete a question of your own, with both answers "
                                          "and what you agreed (Ctrl+Z brings it back)")
        # Delete and F2 are the question list's keys only: in a text field Delete
        # deletes text, and in a support list F2 rewords the item.
        for action in (self.delete_action, self.edit_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.removeAction(action)
        self.done_action = self._action("I’m Done", self.toggle_done, "Ctrl+Shift+F",
                                        "Say you are done with your answer (or take it back)")
        self.next_action = self._action("Next Question", lambda: self.step(1),
                                        QKeySequence("Alt+Down"), "Go to the next question")
        self.previous_action = self._action("Previous Question", lambda: self.step(-1),
                                            QKeySequence("Alt+Up"),
                                            "Go to the previous question")
        self.advice_action = self._action("Conversation Starter && Advice", lambda: None,
                                          "Ctrl+Shift+T", "How to start, when to talk, and "
                                          "keeping it judgment-free (the seed’s advice)",
                                          checkable=True)

    # -- the document --------------------------------------------------------------------

    def show_reminder(self, _today: date) -> None:
        """From the reminder: the first question one of you is waiting on."""
        self.pages.setCurrentIndex(DECKS)
        waiting = waiting_questions(self.document.plan) if self.document else []
        if waiting:
            self.tree.setCurrentIndex(self.model.index_of(waiting[0]))

    def set_document(self, document: PlanDocument | None) -> None:
        if self.question_view is not None:
            self.question_view.flush()
        if self.document is not None:
            self.document.unwatch(self._watching)
        self.document = document
        self._shown_viewer = None
        self._drop_views()
        if document is not None:
            self._watching = document.watch(SHOWN, self._on_changed)
        self.setEnabled(document is not None)
        self.refresh()
        if document is not None and not self.tree.currentIndex().isValid():
            first = self.model.index(0, 0, self.model.index(0, 0))
            self.tree.expandAll()
            self.tree.setCurrentIndex(first)

    def _drop_views(self) -> None:
        if self.question_view is not None:
            self.question_view.flush()
            _discard(self.question_view)
            self.question_view = None
        if self.support_page is not None:
            self.support_holder.takeWidget()
            _discard(self.support_page)
            self.support_page = None

    def _on_changed(self, report: ChangeReport) -> None:
        if report.touches(Partner):  # names and colours are built into the views
            self._shown_viewer = None
        # A burst of typing in an answer need not re-read the support lists, nor
        # a new list item the decks.
        self.refresh(decks=report.touches(*DECK_ROWS),
                     support=report.touches(*SUPPORT_ROWS))

    def refresh(self, decks: bool = True, support: bool = True) -> None:
        document = self.document
        if document is None:
            self.found = None
            self.model.set_conversations(None)
            self._show_question(None)
            return
        viewer = document.viewer
        if viewer != self._shown_viewer:
            self._drop_views()
            self._shown_viewer = viewer
        self.pair = tuple(partners(document.plan))
        if decks or self.found is None:
            self._refresh_decks(document)
        if self.support_page is None and len(self.pair) == 2:
            self.support_page = SupportPage(document, self.pair, lambda: self.today())
            self.support_holder.setWidget(self.support_page)
            self.support_page.show()
            support = True
        if self.support_page is not None and support:
            self.support_page.refresh()

    def _refresh_decks(self, document: PlanDocument) -> None:
        viewer = document.viewer
        current = self.current_question()
        self.found = conversations(document.plan, viewer)
        expanded = {self.model.index(r, 0).data(Qt.ItemDataRole.DisplayRole)
                    for r in range(self.model.rowCount()) if self.tree.isExpanded(
                        self.model.index(r, 0))}
        before = self.model.rowCount()
        self.model.set_conversations(self.found)
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        if not before:
            self.tree.expandAll()
        else:
            for row in range(self.model.rowCount()):
                index = self.model.index(row, 0)
                if index.data(Qt.ItemDataRole.DisplayRole) in expanded:
                    self.tree.setExpanded(index, True)
        if current is not None:
            index = self.model.index_of(current.uuid)
            if index.isValid() and self.tree.currentIndex() != index:
                self.tree.setCurrentIndex(index)
        self._show_question(self.current_question())

    # -- the question shown ----------------------------------------------------------------

    def current_question(self) -> Question | None:
        return self.model.question_at(self.tree.currentIndex())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_question(self.model.question_at(current))

    def _show_question(self, question: Question | None) -> None:
        view = self.question_view
        if view is not None and (question is None or view.question.uuid != question.uuid):
            view.flush()
            _discard(view)
            self.question_view = view = None
        self.update_actions()
        document, found = self.document, self.found
        if question is None or document is None or found is None or len(self.pair) != 2:
            deck = self.model.deck_at(self.tree.currentIndex())
            if deck is not None and deck.id == OWN_DECK and not deck.questions:
                self.empty.setText(content()["own_deck"]["empty"])
            else:
                self.empty.setText("Choose a question on the left." if document else "")
            self.empty.show()
            return
        self.empty.hide()
        if view is None:
            view = QuestionView(document, question, self.pair, lambda: self.today())
            self.question_view = view
            self.holder_layout.addWidget(view, 1)
            view.show()
        view.show_state(found.states[question.uuid])

    def update_actions(self) -> None:
        question = self.current_question()
        own = question is not None and question.custom
        self.edit_action.setEnabled(own)
        self.delete_action.setEnabled(own)

    def toggle_done(self) -> None:
        """I'm Done / Not Done Yet for the answer of the one at the keyboard."""
        view = self.question_view
        if view is None or self.pages.currentIndex() != DECKS:
            return
        for column in view.columns:
            if column.writable:
                column.toggle_done()

    def step(self, by: int) -> None:
        """Go ``by`` questions on, across decks."""
        if self.found is None:
            return
        order = [q.uuid for deck in self.found.decks for q in deck.questions]
        current = self.current_question()
        at = order.index(current.uuid) if current is not None else -1
        target = at + by if at >= 0 else 0
        if 0 <= target < len(order):
            self.tree.setCurrentIndex(self.model.index_of(order[target]))

    # -- questions of their own ------------------------------------------------------------

    def _submit(self, text: str, edit: Edit) -> None:
        assert self.document is not None
        self.document.submit(text, edit, initiator=self)

    def add_question(self) -> None:
        document = self.document
        if document is None:
            return
        deck = self.model.deck_at(self.tree.currentIndex())
        added: list[str] = []

        def store(deck_id: str, text: str) -> None:
            row, edit = add_question(document.plan, deck_id, text)
            self._submit("Add a Question", edit)
            added.append(row.uuid)

        self.pages.setCurrentIndex(DECKS)
        dialog = QuestionDialog(self, "New Question", deck.id if deck else OWN_DECK, "", store)
        dialog.exec()
        if added:
            self.tree.setCurrentIndex(self.model.index_of(added[0]))

    def edit_current(self) -> None:
        document, question = self.document, self.current_question()
        if document is None or question is None or not question.custom:
            return

        def store(_deck: str, text: str) -> None:
            self._submit("Change a Question", edit_question(document.plan, question, text))

        QuestionDialog(self, "Edit Question", question.deck, question.text, store,
                       deck_fixed=True).exec()

    def delete_current(self) -> None:
        document, question = self.document, self.current_question()
        if document is None or question is None or not question.custom:
            return
        self._submit("Delete a Question", delete_question(document.plan, question))

