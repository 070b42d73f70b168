"""The Conversations tab as a couple uses it: answering alone with real
keystrokes, being done, the reveal, talking it through, questions of their
own, the support inventory; privacy in every widget; bad input in place."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from models.conversations import ANSWER_MAX, decks
from models.exchange import visible_plan_to_dict
from models.partners import partners
from models.privacy import Viewer
from models.support_inventory import WISH, support_items
from tests.helpers import (
    answer_dialog,
    assert_delete_and_undo_restore_the_file,
    every_text,
    stored,
    tab_titled,
    type_text,
)
from ui.conversations.question_page import QuestionView
from ui.conversations.support_page import ListBox
from ui.conversations.tab import DECKS, SUPPORT, ConversationsTab
from ui.dates import date_text
from ui.window.main_window import MainWindow
from ui.window.tabs import conversations_notice

TODAY = date(2026, 11, 24)
SECRET = "Honestly I'd take Lisbon ✶ zr-6621"
WISH_SECRET = "Stop checking email at dinner ☂ wq-1187"


def conversations_tab(window: MainWindow) -> ConversationsTab:
    tab = tab_titled(window, "Conversations")
    assert isinstance(tab, ConversationsTab)
    return tab


@pytest.fixture
def window(qtbot: QtBot, plan_path: Path) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    assert win.open_plan(plan_path)
    tab = conversations_tab(win)
    tab.today = lambda: TODAY
    win.tabs.setCurrentWidget(tab)
    yield win
    win.close()


def at_keyboard(qtbot: QtBot, window: MainWindow, name: str) -> Viewer:
    button = next(b for b in window.header.keyboard_buttons.values() if b.text() == name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.document is not None
    return window.document.viewer


def view(tab: ConversationsTab) -> QuestionView:
    assert tab.question_view is not None
    return tab.question_view


def everything_seen(window: MainWindow) -> str:
    tab = conversations_tab(window)
    seen = []
    for page in (DECKS, SUPPORT):
        tab.pages.setCurrentIndex(page)
        seen.append(every_text(window))
    tab.pages.setCurrentIndex(DECKS)
    return "\n".join(seen)


def write_answer(qtbot: QtBot, tab: ConversationsTab, text: str) -> None:
    editor = view(tab).columns[0].editor
    editor.setFocus()
    type_text(qtbot, editor, text)
    view(tab).columns[0].done_button.setFocus()  # stored on leaving the field


def test_answered_alone_then_revealed_to_both(qtbot: QtBot, window: MainWindow,
                                              plan_path: Path) -> None:
    tab = conversations_tab(window)
    document = window.document
    assert document is not None
    window.history_action.trigger()  # the undo history is walked too
    first = decks(document.plan)[0].questions[0]
    assert view(tab).title.text() == first.text, "the first question is open"

    at_keyboard(qtbot, window, "Ana")
    write_answer(qtbot, tab, SECRET)
    qtbot.mouseClick(view(tab).columns[0].done_button, Qt.MouseButton.LeftButton)
    assert "Bo hasn’t answered yet" in view(tab).columns[0].status.text()
    assert "You have answered a question Bo hasn’t yet" in conversations_notice(document), \
        "said to Ana, at the keyboard"
    mine = everything_seen(window)
    assert SECRET in mine, "the walk finds the answer where its author sees it"

    for name in ("Bo", "Both of us"):
        viewer = at_keyboard(qtbot, window, name)
        seen = everything_seen(window)
        assert SECRET not in seen and "zr-6621" not in seen, f"{name} must not see it"
        exported = json.dumps(visible_plan_to_dict(document.plan, viewer), ensure_ascii=False)
        assert "zr-6621" not in exported
    assert "Ana is done" in every_text(window)

    at_keyboard(qtbot, window, "Bo")
    assert "Ana has answered a question you haven’t yet" in conversations_notice(document)
    column = view(tab).columns[0]
    qtbot.mouseClick(column.done_button, Qt.MouseButton.LeftButton)
    assert column.error.isVisible() and "still empty" in column.error.text()
    write_answer(qtbot, tab, "Chicago, 当然")
    qtbot.keyClick(view(tab).columns[0].done_button, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view(tab).columns[1].editor.toPlainText() == SECRET, "revealed to Bo"
    at_keyboard(qtbot, window, "Both of us")
    assert [c.editor.toPlainText() for c in view(tab).columns] == [SECRET, "Chicago, 当然"]
    assert tab.model.index(0, 1, tab.model.index(0, 0)).data() == "Both answered: talk it through"
    window.close_plan()
    answers = stored(plan_path)["tables"]["conversation_answer"]
    assert sorted(a["text"] for a in answers) == sorted([SECRET, "Chicago, 当然"])


def test_discussed_and_what_was_agreed_undo_and_reopen(qtbot: QtBot, window: MainWindow,
                                                      plan_path: Path) -> None:
    tab = conversations_tab(window)
    document = window.document
    assert document is not None
    box = view(tab).discussed
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert view(tab).discussed_on.text() == f"on {date_text(TODAY)}"
    assert tab.model.index(0, 1, tab.model.index(0, 0)).data() == "Discussed"
    agreed = view(tab).agreed
    agreed.setFocus()
    type_text(qtbot, agreed, "Both <b>careers</b> & both of us\nעברית")
    box.setFocus()
    document.undo()  # the words go first, then the tick
    assert agreed.toPlainText() == ""
    assert box.isChecked()
    document.redo()
    assert agreed.toPlainText() == "Both <b>careers</b> & both of us\nעברית"
    window.close_plan()
    note = stored(plan_path)["tables"]["conversation_note"][0]
    assert note == {"uuid": note["uuid"], "question_uuid": decks_first_uuid(),
                    "discussed_on": "2026-11-24",
                    "agreed": "Both <b>careers</b> & both of us\nעברית"}


def test_a_control_character_in_what_was_agreed_is_refused_at_the_field(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    tab = conversations_tab(window)
    agreed = view(tab).agreed
    agreed.setFocus()
    agreed.insertPlainText("We agreed\x07 to ring a bell")
    view(tab).discussed.setFocus()  # stored on leaving the field: refused
    error = view(tab).discussion_error
    assert error.isVisible() and "control character" in error.text()
    assert agreed.toPlainText() == "We agreed\x07 to ring a bell", "what was typed stays"
    window.close_plan()
    assert stored(plan_path)["tables"].get("conversation_note", []) == []


def decks_first_uuid() -> str:
    from models.conversations import builtin_decks

    return builtin_decks()[0].questions[0].uuid


def test_a_too_long_answer_can_not_be_typed(qtbot: QtBot, window: MainWindow) -> None:
    tab = conversations_tab(window)
    at_keyboard(qtbot, window, "Ana")
    editor = view(tab).columns[0].editor
    editor.setFocus()
    editor.insertPlainText("x" * ANSWER_MAX)
    qtbot.keyClicks(editor, "yz")
    assert len(editor.toPlainText()) == ANSWER_MAX


def test_a_question_of_their_own_added_refused_and_deleted_with_its_answers(
        qtbot: QtBot, window: MainWindow) -> None:
    tab = conversations_tab(window)
    document = window.document
    assert document is not None
    refusals: list[str] = []

    def fill(dialog: Any) -> None:
        assert isinstance(dialog, QDialog)
        text = dialog.findChild(QLineEdit, "questionText")
        text.setText("   ")
        dialog.accept()  # refused: stays open, says why
        refusals.append(dialog.error.text())
        text.setText("Who <b>cooks</b> & when? 誰が料理する?")
        dialog.accept()

    tab.tree.setCurrentIndex(tab.model.deck_index("own"))
    assert "New Question" in view_or_empty(tab)
    answer_dialog(qtbot, fill)
    tab.new_action.trigger()
    assert refusals == ["A question can’t be empty."]
    question = tab.current_question()
    assert question is not None and question.text == "Who <b>cooks</b> & when? 誰が料理する?"
    assert question.custom and tab.delete_action.isEnabled()
    for name in ("Ana", "Bo"):
        at_keyboard(qtbot, window, name)
        write_answer(qtbot, tab, f"{name} does")
        qtbot.mouseClick(view(tab).columns[0].done_button, Qt.MouseButton.LeftButton)
    at_keyboard(qtbot, window, "Both of us")
    tab.tree.setFocus()
    from models.conversation_edits import delete_question

    assert_delete_and_undo_restore_the_file(document, "Delete a Question",
                                            delete_question(document.plan, question))
    # With the Delete key, from the list.
    window.activateWindow()  # back from the dialog
    qtbot.waitUntil(window.isActiveWindow)
    tab.tree.setCurrentIndex(tab.model.index_of(question.uuid))
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_Delete)
    assert tab.model.index_of(question.uuid).isValid() is False
    document.undo()
    assert tab.model.index_of(question.uuid).isValid()


def view_or_empty(tab: ConversationsTab) -> str:
    return tab.empty.text() if tab.empty.isVisible() else ""


def test_the_seeds_questions_can_not_be_edited_or_deleted(qtbot: QtBot,
                                                         window: MainWindow) -> None:
    tab = conversations_tab(window)
    assert not tab.edit_action.isEnabled() and not tab.delete_action.isEnabled()
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_Delete)
    assert tab.model.rowCount(tab.model.index(0, 0)) == 5
    tab.next_action.trigger()
    assert view(tab).title.text() == "How important is work to your overall identity and happiness?"


def test_the_starter_and_advice_are_at_hand(qtbot: QtBot, window: MainWindow) -> None:
    tab = conversations_tab(window)
    assert not tab.advice_scroll.isVisible()
    tab.advice_action.trigger()
    assert tab.advice_scroll.isVisible()
    seen = every_text(tab.advice)
    assert "Could we set aside time this weekend" in seen
    for heading in ("Choose the timing", "A judgment-free zone", "Both careers matter equally"):
        assert heading in seen


def support_box(tab: ConversationsTab, writer_uuid: str, kind: str) -> ListBox:
    assert tab.support_page is not None
    return tab.support_page.boxes[(writer_uuid, kind)]


def test_support_lists_exchanged_on_sharing_and_a_wish_taken_up(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    tab = conversations_tab(window)
    document = window.document
    assert document is not None
    ana_p, bo_p = partners(document.plan)
    tab.pages.setCurrentIndex(SUPPORT)
    at_keyboard(qtbot, window, "Ana")
    box = support_box(tab, ana_p.uuid, WISH)
    assert box.adding is not None
    box.adding.setFocus()
    qtbot.keyClick(box.adding, Qt.Key.Key_Return)  # empty: refused at the list
    assert box.error.isVisible() and "can’t be empty" in box.error.text()
    type_text(qtbot, box.adding, WISH_SECRET)
    qtbot.keyClick(box.adding, Qt.Key.Key_Return)
    assert not box.error.isVisible() and box.adding.text() == ""
    assert box.model.index(0).data() == WISH_SECRET
    assert everything_seen(window).count(WISH_SECRET) >= 1

    for name in ("Bo", "Both of us"):
        at_keyboard(qtbot, window, name)
        assert WISH_SECRET not in everything_seen(window)
        assert "wq-1187" not in everything_seen(window)

    at_keyboard(qtbot, window, "Ana")
    tab.pages.setCurrentIndex(SUPPORT)
    page = tab.support_page
    assert page is not None and page.share_button is not None
    qtbot.mouseClick(page.share_button, Qt.MouseButton.LeftButton)
    assert not page.share_button.isEnabled()

    at_keyboard(qtbot, window, "Bo")
    tab.pages.setCurrentIndex(SUPPORT)
    wishes = support_box(tab, ana_p.uuid, WISH)
    assert wishes.model.index(0).data() == WISH_SECRET
    assert wishes.title.text() == "What Ana wishes from you", "said to the one it asks"
    rect = wishes.view.visualRect(wishes.model.index(0))
    check = QPoint(rect.left() + 10, rect.center().y())
    qtbot.mouseClick(wishes.view.viewport(), Qt.MouseButton.LeftButton, pos=check)
    qtbot.waitUntil(lambda: f"taken up {date_text(TODAY)}" in str(wishes.model.index(0).data()))
    # Bo reads, never rewrites, Ana's words.
    assert not wishes.model.flags(wishes.model.index(0)) & Qt.ItemFlag.ItemIsEditable
    window.close_plan()
    tables = stored(plan_path)["tables"]
    assert [i["text"] for i in tables["support_item"]] == [WISH_SECRET]
    assert tables["support_uptake"][0]["taken_up_on"] == "2026-11-24"
    assert tables["support_uptake"][0]["author_uuid"] == bo_p.uuid


def test_a_support_item_is_edited_in_place_and_deleted_with_undo(
        qtbot: QtBot, window: MainWindow) -> None:
    tab = conversations_tab(window)
    document = window.document
    assert document is not None
    ana_p, _bo = partners(document.plan)
    tab.pages.setCurrentIndex(SUPPORT)
    ana = at_keyboard(qtbot, window, "Ana")
    box = support_box(tab, ana_p.uuid, "now")
    assert box.adding is not None
    type_text(qtbot, box.adding, "Listens")
    qtbot.keyClick(box.adding, Qt.Key.Key_Return)
    index = box.model.index(0)
    assert not box.model.setData(index, " \t ")
    assert "can’t be empty" in box.error.text()
    assert box.model.setData(index, "Listens, every evening 🎧")
    assert support_items(document.plan, ana)[0].text == "Listens, every evening 🎧"
    box.view.setCurrentIndex(box.model.index(0))
    box.view.setFocus()
    qtbot.keyClick(box.view, Qt.Key.Key_Delete)
    assert box.model.rowCount() == 0
    document.undo()
    assert box.model.index(0).data() == "Listens, every evening 🎧"


def test_the_item_models_pass_the_qt_model_tester(qtmodeltester: Any, qtbot: QtBot,
                                                  window: MainWindow) -> None:
    tab = conversations_tab(window)
    qtmodeltester.check(tab.model)
    tab.pages.setCurrentIndex(SUPPORT)
    at_keyboard(qtbot, window, "Ana")
    assert window.document is not None
    ana_p, _bo = partners(window.document.plan)
    box = support_box(tab, ana_p.uuid, WISH)
    assert box.adding is not None
    type_text(qtbot, box.adding, "A wish")
    qtbot.keyClick(box.adding, Qt.Key.Key_Return)
    qtmodeltester.check(box.model)
