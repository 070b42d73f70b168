"""The Day in the Life tab as a couple uses it: writing alone with key
events and nothing to save, one undo step per burst, the other's vision in
no widget until both are finished, the joint reveal, both visions side by
side and aligned, marks that stay on their passage, schedules refused in
place, and bad input of every kind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from models.partners import partners
from models.privacy import REPORT, TOGETHER, Viewer
from models.visions import day_in_the_life_summary, scenario_marks, scenarios, visions
from tests.helpers import answer_dialog, every_text, stored, tip_text, type_text
from ui.day_in_the_life.marks import MarkDialog
from ui.day_in_the_life.section_editor import SectionEditor
from ui.day_in_the_life.tab import DayInTheLifeTab
from ui.window.main_window import MainWindow

SECRET = "Sell the house and sail to Tasmania ⛵ kq-5521"
SECRET_SCHEDULE = "05:55"


@pytest.fixture
def window(qtbot: QtBot, plan_path: Path) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert win.open_plan(plan_path)
    win.tabs.setCurrentIndex(2)
    yield win
    win.close()


def day(window: MainWindow) -> DayInTheLifeTab:
    tab = window.tab(2)
    assert isinstance(tab, DayInTheLifeTab)
    return tab


def at_keyboard(qtbot: QtBot, window: MainWindow, name: str) -> Viewer:
    button = next(b for b in window.header.keyboard_buttons.values() if b.text() == name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.document is not None
    return window.document.viewer


def go_to(window: MainWindow, key: str) -> None:
    """Click a part of the day in the list."""
    from pytestqt.qtbot import QtBot as Bot

    page = day(window).writing
    row = next(r for r in range(page.list.count())
               if page.list.item(r).data(Qt.ItemDataRole.UserRole) == key)
    page.list.scrollToItem(page.list.item(row))
    rect = page.list.visualItemRect(page.list.item(row))
    Bot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.list.currentRow() == row


def section(window: MainWindow, key: str) -> SectionEditor:
    """Go to a part of the day; its editor."""
    go_to(window, key)
    return day(window).writing.panes[key].editor


def write(qtbot: QtBot, window: MainWindow, key: str, text: str) -> SectionEditor:
    """Click into a section's editor, type ``text`` at its end, and leave the
    field (which stores it at once)."""
    editor = section(window, key)
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.waitUntil(editor.hasFocus)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, editor, text)
    leave(qtbot, window)
    return editor


def leave(qtbot: QtBot, window: MainWindow) -> None:
    """Take the focus out of the editors: what they hold is stored at once."""
    target = day(window).writing.list
    qtbot.mouseClick(target.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.waitUntil(target.hasFocus)


def finish(qtbot: QtBot, window: MainWindow) -> None:
    button = day(window).finish_button
    assert button.isVisible() and button.isEnabled() and button.text() == "I’m Finished"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def stored_visions(path: Path) -> dict[str, dict[str, object]]:
    data = stored(path)["tables"]
    names = {p["uuid"]: p["name"] for p in data["partner"]}
    return {str(names[row["author_uuid"]]): row for row in data["vision"]}


# -- writing --------------------------------------------------------------------------------

def test_typed_words_are_stored_without_saving_and_read_back_after_reopening(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    at_keyboard(qtbot, window, "Ana")
    typed = "Bike to the lab 🚲, 20 min.\nבבוקר: קפה · 早上七点出门 · crème brûlée"
    write(qtbot, window, "commute", typed)
    assert window.undo_action.text() == "&Undo Write “Morning and commute”"
    pane = day(window).writing.panes["commute"]
    assert pane.count.text() == f"{pane.words} words · {len(typed)} characters"
    window.close_plan()
    assert stored_visions(plan_path)["Ana"]["commute"] == typed
    assert window.open_plan(plan_path)
    window.tabs.setCurrentIndex(2)
    at_keyboard(qtbot, window, "Ana")
    assert section(window, "commute").raw_text() == typed, "shown again, exactly"


def test_a_burst_of_typing_is_one_undo_step(qtbot: QtBot, window: MainWindow,
                                             plan_path: Path) -> None:
    at_keyboard(qtbot, window, "Ana")
    editor = section(window, "tasks")
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.hasFocus)
    live = day(window).writing._lives["tasks"]
    live._timer.setInterval(30)  # a short pause stores, as 0.7 s would
    qtbot.keyClicks(editor, "Design reviews")
    qtbot.waitUntil(lambda: not live.pending)
    qtbot.keyClicks(editor, " and hiring")
    qtbot.waitUntil(lambda: not live.pending)
    assert window.document is not None
    assert window.document.undo_stack.count() == 1, "two pauses, one burst, one step"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.raw_text() == "", "Ctrl+Z in the field is the plan's Undo"
    window.document.redo()
    assert editor.raw_text() == "Design reviews and hiring"
    window.close_plan()
    assert stored_visions(plan_path)["Ana"]["tasks"] == "Design reviews and hiring"


def test_undoing_the_first_words_takes_the_vision_and_the_default_scenario_away(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    at_keyboard(qtbot, window, "Bo")
    write(qtbot, window, "workspace", "A studio by the river")
    window.undo_action.trigger()
    window.close_plan()
    tables = stored(plan_path)["tables"]
    assert tables["vision"] == [] and tables["vision_scenario"] == []


def test_both_together_cannot_write_but_can_sit_down(qtbot: QtBot, window: MainWindow) -> None:
    tab = day(window)
    assert window.document is not None and window.document.viewer == TOGETHER
    assert tab.writing.pages.currentWidget() is tab.writing.hidden
    assert not tab.finish_button.isVisible()
    button = tab.writing.hidden.findChild(QPushButton, "sitDown2")
    assert button is not None and button.text() == "Write as Bo"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.document.viewer == Viewer.partner(partners(window.document.plan)[1].uuid)
    assert window.header.keyboard_buttons[window.document.viewer].isChecked()
    assert not tab.writing.panes["commute"].editor.isReadOnly()


def test_sections_are_reached_with_alt_and_the_arrows(qtbot: QtBot, window: MainWindow) -> None:
    at_keyboard(qtbot, window, "Ana")
    editor = section(window, "commute")
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    workspace = day(window).writing.panes["workspace"].editor
    qtbot.waitUntil(workspace.hasFocus)
    assert "Where do you work" in day(window).writing.panes["workspace"].prompt.text()


# -- privacy and the reveal -------------------------------------------------------------------

def test_the_hidden_partner_s_vision_is_in_no_widget_and_no_report(
        qtbot: QtBot, window: MainWindow) -> None:
    at_keyboard(qtbot, window, "Ana")
    write(qtbot, window, "challenges", SECRET)
    schedule = day(window).writing.schedule
    go_to(window, "schedule")
    type_time(qtbot, window, "leave_home", SECRET_SCHEDULE)
    type_time(qtbot, window, "back_home", "19:07")
    type_time(qtbot, window, "work_start", "03:33 soon")  # refused: typed, not stored
    assert schedule.error.isVisible()
    window.history_action.trigger()
    mine = every_text(window)
    for secret in (SECRET, SECRET_SCHEDULE, "19:07", "03:33"):
        assert secret in mine, "the walk finds what is on screen"
    finish(qtbot, window)

    tab = day(window)
    document = window.document
    assert document is not None
    for name in ("Both of us", "Bo"):
        if name == "Bo":  # straight from Ana's keyboard, with her refused time still typed
            at_keyboard(qtbot, window, "Ana")
            go_to(window, "schedule")
            type_time(qtbot, window, "work_start", "03:33 soon")
        at_keyboard(qtbot, window, name)
        for view in (None, 0, 1, 2):  # as they sit down, Ana's vision, Bo's, the comparison
            if view is not None:
                qtbot.mouseClick(tab.view_buttons[view], Qt.MouseButton.LeftButton)
            seen = every_text(window)
            for secret in ("kq-5521", SECRET_SCHEDULE, "19:07", "03:33"):
                assert secret not in seen, (name, view, secret)
    assert "Ana is finished with “A workday five years from now”" in \
        window.notices.notices[2], "the notice says who is done, never what they wrote"
    assert "once you are finished too" in window.notices.notices[2], "said to Bo, at the keyboard"
    for viewer in (TOGETHER, REPORT, document.viewer):
        assert "kq-5521" not in repr(day_in_the_life_summary(document.plan, viewer))
    at_keyboard(qtbot, window, "Ana")
    assert SECRET in every_text(window), "back at Ana's keyboard, it is there"
    assert window.notices.notices[2].startswith("You are finished with"), "and said to her"


def test_both_visions_are_revealed_at_the_same_moment(qtbot: QtBot, window: MainWindow) -> None:
    tab = day(window)
    at_keyboard(qtbot, window, "Ana")
    write(qtbot, window, "personal_life", "Home by six, every day.")
    finish(qtbot, window)
    assert tab.finish_button.text() == "Not Finished Yet"
    assert tab.status.text() == "Ana: finished ✓ · Bo: writing"
    at_keyboard(qtbot, window, "Bo")
    write(qtbot, window, "personal_life", "Two long commutes and a toddler.")
    qtbot.mouseClick(tab.view_buttons[2], Qt.MouseButton.LeftButton)
    assert tab.comparing.pages.currentWidget() is tab.comparing.waiting
    assert "Home by six" not in every_text(window)
    qtbot.mouseClick(tab.view_buttons[1], Qt.MouseButton.LeftButton)
    finish(qtbot, window)
    assert tab.mode == "compare", "the moment both are finished, the comparison shows"
    shown = tab.comparing.view.toPlainText()
    assert "Home by six, every day." in shown and "Two long commutes and a toddler." in shown
    assert tab.status.text() == "Both finished: revealed" and not tab.finish_button.isVisible()
    assert not window.notices.isVisible()
    at_keyboard(qtbot, window, "Both of us")
    assert "Home by six" in every_text(window) and "toddler" in every_text(window)
    at_keyboard(qtbot, window, "Bo")
    window.undo_action.trigger()  # Bo takes his "finished" back: hidden again
    assert "Home by six" not in every_text(window)


def reveal_both(qtbot: QtBot, window: MainWindow, ana: dict[str, str],
                bo: dict[str, str]) -> None:
    for name, texts in (("Ana", ana), ("Bo", bo)):
        at_keyboard(qtbot, window, name)
        for key, text in texts.items():
            write(qtbot, window, key, text)
        finish(qtbot, window)
    at_keyboard(qtbot, window, "Both of us")
    day(window).set_mode("compare")


def test_the_comparison_aligns_each_section_side_by_side(qtbot: QtBot,
                                                         window: MainWindow) -> None:
    long = "\n".join(f"Line {n} of a long morning, with many things to say." for n in range(30))
    reveal_both(qtbot, window, {"commute": long, "tasks": "Code review"},
                {"commute": "Car.", "workspace": "<b>Corner office</b> & view",
                 "tasks": "Deals\nand more deals"})
    view = day(window).comparing.view
    for key, row in view.section_rows.items():
        assert view.cell_top(row, 0) == view.cell_top(row, 1), key
    rows = view.section_rows
    assert view.cell_top(rows["workspace"] - 1, 0) > view.cell_top(rows["commute"], 0) + 300, \
        "the next section starts below the longer side"
    assert view.cell_text(rows["commute"], 0) == long
    assert view.cell_text(rows["workspace"], 1) == "<b>Corner office</b> & view", "plain text"
    assert view.cell_text(rows["workspace"], 0) == "Nothing written here."
    assert view.cell_text(rows["tasks"], 1) == "Deals\nand more deals"


def select_words(view: object, words: str, column: int, key: str) -> None:
    """Select ``words`` in a cell of the comparison, as a drag would."""
    from ui.day_in_the_life.comparison import ComparisonView

    assert isinstance(view, ComparisonView) and view.table is not None
    row = view.section_rows[key]
    cell = view.table.cellAt(row, column)
    text = view.cell_text(row, column)
    start = cell.firstCursorPosition().position() + text.index(words)
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def make_mark(qtbot: QtBot, window: MainWindow, kind: str, note: str) -> None:
    compare = day(window).comparing

    def fill(dialog: MarkDialog) -> None:
        assert dialog.kind() == kind
        type_text(qtbot, dialog.note, note)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, fill)
    button = next(b for b in compare.findChildren(QToolButton)
                  if b.defaultAction() is compare.mark_actions[kind])
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    back_to(qtbot, window)


def back_to(qtbot: QtBot, window: MainWindow) -> None:
    """The window active again after a dialog (the offscreen platform leaves none)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def marks_shown(window: MainWindow) -> list[str]:
    model = day(window).comparing.model
    return [str(model.index(row).data()) for row in range(model.rowCount())]


def test_a_marked_passage_keeps_its_mark_through_edits_before_and_inside_it(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    reveal_both(qtbot, window, {"personal_life": "I leave at five. We are home by six."},
                {"commute": "Two long commutes and a toddler."})
    view = day(window).comparing.view
    select_words(view, "home by six", 0, "personal_life")
    make_mark(qtbot, window, "synergy", "We both want <dinner> & bath 🛁")
    assert marks_shown(window) == [
        "Synergy: We both want <dinner> & bath 🛁\n“home by six” in Ana’s “How work fits with "
        "personal life”"]
    assert window.undo_action.text() == "&Undo Mark a synergy"
    tip = tip_text(str(day(window).comparing.model.index(0).data(Qt.ItemDataRole.ToolTipRole)))
    assert "<dinner> & bath" in tip and "marked by both of you" in tip

    at_keyboard(qtbot, window, "Ana")
    day(window).switch_vision()
    editor = section(window, "personal_life")
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    type_text(qtbot, editor, "Up at 6:30. ")
    cursor = editor.textCursor()
    cursor.setPosition(editor.raw_text().index("six"))
    editor.setTextCursor(cursor)
    type_text(qtbot, editor, "half past ")
    leave(qtbot, window)
    day(window).set_mode("compare")
    row = view.section_rows["personal_life"]
    start = view.cell_text(row, 0).index("home by half past six")
    place = view._places[marks_shown_uuid(window)]
    assert view.table is not None
    first = view.table.cellAt(row, 0).firstCursorPosition().position()
    assert (place[0] - first, place[1] - first) == (start, start + len("home by half past six"))
    window.close_plan()
    (mark,) = stored(plan_path)["tables"]["vision_mark"]
    assert (mark["exact"], mark["note"]) == ("home by half past six",
                                             "We both want <dinner> & bath 🛁")


def marks_shown_uuid(window: MainWindow) -> str:
    return day(window).comparing.model.rows[0].mark.uuid


def test_a_mark_whose_passage_is_deleted_says_so_and_undo_brings_it_back(
        qtbot: QtBot, window: MainWindow) -> None:
    reveal_both(qtbot, window, {"commute": "Train at seven. Home by six."},
                {"commute": "Car at eight."})
    select_words(day(window).comparing.view, "Car at eight", 1, "commute")
    make_mark(qtbot, window, "conflict", "Two long commutes")
    at_keyboard(qtbot, window, "Bo")
    day(window).switch_vision()
    editor = section(window, "commute")
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    editor.selectAll()
    type_text(qtbot, editor, "I work from home.")
    leave(qtbot, window)
    day(window).set_mode("compare")
    assert marks_shown(window)[0].endswith("— its passage was deleted")
    window.undo_action.trigger()
    assert not marks_shown(window)[0].endswith("deleted")
    assert "Car at eight" in day(window).comparing.view.toPlainText()


def test_marks_are_edited_and_deleted_from_their_list(qtbot: QtBot, window: MainWindow) -> None:
    reveal_both(qtbot, window, {"commute": "Train at seven."}, {"commute": "Car at eight."})
    compare = day(window).comparing
    select_words(compare.view, "Train", 0, "commute")
    make_mark(qtbot, window, "conflict", "Early")
    rect = compare.list.visualRect(compare.model.index(0))
    qtbot.mouseClick(compare.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(compare.list.hasFocus)

    def change(dialog: MarkDialog) -> None:
        dialog.kind_buttons["synergy"].click()
        dialog.note.clear()
        type_text(qtbot, dialog.note, "Fine after all")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, change)
    qtbot.keyClick(compare.list, Qt.Key.Key_F2)
    assert marks_shown(window)[0].startswith("Synergy: Fine after all")
    back_to(qtbot, window)
    compare.list.setFocus()
    qtbot.waitUntil(compare.list.hasFocus)
    compare.list.setCurrentIndex(compare.model.index(0))
    qtbot.keyClick(compare.list, Qt.Key.Key_Delete)
    assert marks_shown(window) == []
    window.undo_action.trigger()
    assert len(marks_shown(window)) == 1


def test_a_selection_across_both_visions_makes_no_mark(qtbot: QtBot, window: MainWindow) -> None:
    reveal_both(qtbot, window, {"commute": "Train."}, {"commute": "Car."})
    view = day(window).comparing.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(0)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selected_passage() is None
    assert not day(window).comparing.mark_actions["synergy"].isEnabled()


def test_start_over_deletes_a_vision_and_undo_brings_its_marks_back(
        qtbot: QtBot, window: MainWindow) -> None:
    reveal_both(qtbot, window, {"commute": "Train at seven."}, {"commute": "Car at eight."})
    select_words(day(window).comparing.view, "Train", 0, "commute")
    make_mark(qtbot, window, "synergy", "")
    at_keyboard(qtbot, window, "Ana")
    tab = day(window)
    tab.switch_vision()
    assert tab.writing.start_over.isVisible()
    answer_dialog(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(tab.writing.start_over, Qt.MouseButton.LeftButton)
    assert window.document is not None
    plan = window.document.plan
    scenario = scenarios(plan)[0]
    assert visions(plan, window.document.viewer, scenario.uuid) == {}
    assert section(window, "commute").raw_text() == ""
    assert scenario_marks(plan, TOGETHER, scenario.uuid) == []
    window.undo_action.trigger()
    assert section(window, "commute").raw_text() == "Train at seven."
    assert len(scenario_marks(plan, TOGETHER, scenario.uuid)) == 1, "the mark is back"


# -- schedules and the timeline --------------------------------------------------------------

def type_time(qtbot: QtBot, window: MainWindow, field: str, text: str) -> QLineEdit:
    edit = day(window).writing.schedule.fields[field]
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    return edit


def test_a_schedule_that_ends_before_it_starts_is_refused_in_place(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    at_keyboard(qtbot, window, "Ana")
    go_to(window, "schedule")
    type_time(qtbot, window, "work_start", "9")
    assert day(window).writing.schedule.fields["work_start"].text() == "09:00", "as stored"
    end = type_time(qtbot, window, "work_end", "8:30")
    error = day(window).writing.schedule.error
    assert error.isVisible()
    assert error.text().startswith("The workday can’t end at 08:30, before it starts at 09:00.")
    assert end.text() == "8:30" and "border" in end.styleSheet(), "kept for correcting"
    type_time(qtbot, window, "work_end", "soon")
    assert error.text() == "The end of work: “soon” is not a time of day. Type it like 07:30 " \
        "or 19:15."
    type_time(qtbot, window, "work_end", "5:30 pm")
    assert not error.isVisible() and end.styleSheet() == ""
    window.close_plan()
    row = stored_visions(plan_path)["Ana"]
    assert (row["work_start"], row["work_end"]) == (540, 1050)


def test_both_days_are_drawn_on_one_timeline(qtbot: QtBot, window: MainWindow) -> None:
    for name, times in (("Ana", ("7:30", "18:00")), ("Bo", ("8:15", "19:45"))):
        at_keyboard(qtbot, window, name)
        go_to(window, "schedule")
        type_time(qtbot, window, "leave_home", times[0])
        type_time(qtbot, window, "back_home", times[1])
        finish(qtbot, window)
    compare = day(window).comparing
    assert compare.findings.text().splitlines()[0] == \
        "• Nobody is home from 08:15 to 18:00 (9 h 45 min)."
    qtbot.waitUntil(lambda: compare.chart.drawn, timeout=5000)
    assert "Nobody is home from 08:15 to 18:00" in compare.chart.accessibleDescription()


# -- bad input -------------------------------------------------------------------------------

def test_a_pasted_megabyte_is_stored_whole(qtbot: QtBot, window: MainWindow,
                                          plan_path: Path) -> None:
    at_keyboard(qtbot, window, "Ana")
    megabyte = ("Une journée idéale à 東京, with a bell\x07 from a PDF.\n" * 21_000)[:1_000_000]
    QApplication.clipboard().setText(megabyte)
    editor = section(window, "notes")
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pasted = megabyte.replace("\x07", "")
    assert editor.raw_text() == pasted, "the words kept, the invisible bell dropped"
    qtbot.keyClicks(editor, "!")
    leave(qtbot, window)
    window.close_plan()
    assert stored_visions(plan_path)["Ana"]["notes"] == pasted + "!"


def test_a_paste_past_the_limit_is_refused_whole_with_a_message(qtbot: QtBot) -> None:
    editor = SectionEditor(limit=20)
    qtbot.addWidget(editor)
    editor.show()
    said: list[str] = []
    editor.refused.connect(said.append)
    type_text(qtbot, editor, "12345678901234567890")
    qtbot.keyClicks(editor, "x")
    QApplication.clipboard().setText("more")
    editor.paste()
    assert editor.raw_text() == "12345678901234567890"
    assert said[-1] == "A part of the day holds at most 20 characters; this would make it 24."
    editor.selectAll()
    editor.paste()
    assert editor.raw_text() == "more", "replacing the selection fits"


def test_the_mark_list_is_a_well_behaved_model(qtbot: QtBot, window: MainWindow,
                                               qtmodeltester: ModelTester) -> None:
    reveal_both(qtbot, window, {"commute": "Train at seven."}, {"commute": "Car at eight."})
    select_words(day(window).comparing.view, "Car", 1, "commute")
    make_mark(qtbot, window, "conflict", "Traffic")
    qtmodeltester.check(day(window).comparing.model)


def test_the_dialog_keeps_a_refused_note_in_place(qtbot: QtBot, window: MainWindow) -> None:
    reveal_both(qtbot, window, {"commute": "Train."}, {"commute": "Car."})
    select_words(day(window).comparing.view, "Train", 0, "commute")
    seen: list[str] = []

    def overlong(dialog: QDialog) -> None:
        assert isinstance(dialog, MarkDialog)
        dialog.note.setText("n" * 301)  # more than a line edit takes by typing
        dialog.accept()
        seen.append(dialog.form.error_label("note").text())
        dialog.reject()

    answer_dialog(qtbot, overlong)
    day(window).comparing.mark_actions["synergy"].trigger()
    assert seen == ["The note is too long: 301 characters, at most 300."]
    assert marks_shown(window) == []


def test_a_marked_passage_tells_its_note_and_leads_to_its_mark(qtbot: QtBot,
                                                               window: MainWindow) -> None:
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    reveal_both(qtbot, window, {"commute": "Train at seven, then a walk."},
                {"commute": "Car at eight."})
    compare = day(window).comparing
    view = compare.view
    view.setFocus()
    select_words(view, "Train at seven", 0, "commute")

    def fill(dialog: MarkDialog) -> None:
        type_text(qtbot, dialog.note, "<i>early</i> & fine")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    answer_dialog(qtbot, fill)
    qtbot.keyClick(view, Qt.Key.Key_Y,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    back_to(qtbot, window)
    assert marks_shown(window)[0].startswith("Synergy: <i>early</i> & fine"), \
        "marked from the keyboard: Ctrl+Shift+Y, the note, Enter"
    uuid = marks_shown_uuid(window)
    start, end = view._places[uuid]
    cursor = QTextCursor(view.document())
    cursor.setPosition((start + end) // 2)
    point = view.cursorRect(cursor).center()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    view.viewportEvent(event)
    assert tip_text(QToolTip.text()) == "Synergy: <i>early</i> & fine", "shown as typed"
    compare.list.clearSelection()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert [m.uuid for m in compare.selected_marks()] == [uuid], "a click leads to its mark"


def test_a_new_scenario_is_added_and_refused_in_place_when_it_is_no_title(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    from ui.day_in_the_life.scenario_dialog import ScenarioDialog

    tab = day(window)
    seen: list[str] = []

    def empty_then_named(dialog: ScenarioDialog) -> None:
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
        seen.append(dialog.form.error_label("title").text())
        dialog.suggestions.setCurrentIndex(3)
        dialog.suggestions.activated.emit(3)
        assert dialog.title_edit.text() == "If we move for one of our careers"
        dialog.title_edit.setText("If we move to <Seattle> & co")
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)

    answer_dialog(qtbot, empty_then_named)
    tab.new_scenario_action.trigger()
    assert seen == ["The scenario’s title can’t be empty."]
    assert tab.scenario_box.currentText() == "If we move to <Seattle> & co"
    assert window.undo_action.text() == "&Undo Add the scenario “If we move to <Seattle> && co”"
    window.close_plan()
    assert [s["title"] for s in stored(plan_path)["tables"]["vision_scenario"]] == \
        ["If we move to <Seattle> & co"], "the default is stored only once written in"


def test_deleting_a_scenario_asks_first_quoting_its_title_as_typed_and_undo_restores_it(
        qtbot: QtBot, window: MainWindow) -> None:
    at_keyboard(qtbot, window, "Ana")
    write(qtbot, window, "commute", "Train at seven.")
    tab = day(window)
    asked: list[str] = []

    def cancel(box: QMessageBox) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    def delete(box: QMessageBox) -> None:
        box.button(QMessageBox.StandardButton.Yes).click()

    assert window.document is not None
    plan = window.document.plan
    answer_dialog(qtbot, cancel)
    tab.delete_scenario_action.trigger()
    assert asked and asked[0].startswith("Delete “A workday five years from now”")
    assert len(scenarios(plan)) == 1, "cancelled: nothing deleted"
    answer_dialog(qtbot, delete)
    tab.delete_scenario_action.trigger()
    assert scenarios(plan) == [] and section(window, "commute").raw_text() == ""
    window.undo_action.trigger()
    assert section(window, "commute").raw_text() == "Train at seven."
