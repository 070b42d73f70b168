"""The Checklist tab as a couple meets it: rating with keys and the mouse,
the history after reopening the file, refusals in place, the discussion
points once revealed, the due and overdue reminder at start-up, deleting a
check-in and undoing it, indicators, the rhythm, and red flags."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from models.checklist import indicators, new_checkin, rate
from models.exchange import plan_to_dict
from models.partners import partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER, Viewer
from tests.helpers import answer_dialog, stored, tab_titled, type_text
from ui.checklist.checkin_dialog import CheckinDialog
from ui.checklist.rating_view import dot_rects
from ui.checklist.ratings import HIDDEN_TEXT
from ui.checklist.tab import CHECKINS, INDICATORS, RED_FLAGS, TRENDS, ChecklistTab
from ui.window.main_window import MainWindow

TODAY = date(2026, 11, 24)


def checklist(window: MainWindow) -> ChecklistTab:
    tab = tab_titled(window, "Checklist")
    assert isinstance(tab, ChecklistTab)
    return tab


@pytest.fixture
def window(qtbot: QtBot, plan_path: Path) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    checklist(win).today = lambda: TODAY
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)  # typing and leaving fields needs the focus
    assert win.open_plan(plan_path)
    win.tabs.setCurrentWidget(checklist(win))
    yield win
    win.close()


def at_keyboard(qtbot: QtBot, window: MainWindow, name: str) -> Viewer:
    button = next(b for b in window.header.keyboard_buttons.values() if b.text() == name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.document is not None
    return window.document.viewer


def start_checkin(qtbot: QtBot, window: MainWindow, day: date = TODAY) -> str:
    """Start a check-in through the dialog, typing its date."""
    tab = checklist(window)

    def fill(dialog: CheckinDialog) -> None:
        dialog.date_edit.setDate(dialog.date_edit.date().fromString(day.isoformat(),
                                                                    "yyyy-MM-dd"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, fill)
    tab.new_action.trigger()
    # The offscreen platform gives the activation back to no window after a
    # dialog; a window manager gives it to the main window.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return tab.current_uuid()


def whole_file(window: MainWindow) -> dict[str, Any]:
    assert window.document is not None
    plan = window.document.plan
    try:
        return plan_to_dict(plan.session)
    finally:
        plan.session.rollback()
        plan.session.expunge_all()


def click_dot(qtbot: QtBot, tab: ChecklistTab, row: int, column: int, score: int) -> None:
    table = tab.panel.table
    rect = table.visualRect(tab.panel.ratings.index(row, column))
    dot = dot_rects(rect)[score - 1]
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=dot.center())


# -- rating ------------------------------------------------------------------------------

def test_rating_with_keys_and_the_mouse_is_kept_in_the_file_and_shown_after_reopening(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    at_keyboard(qtbot, window, "Bo")
    uuid = start_checkin(qtbot, window, date(2026, 11, 20))
    tab = checklist(window)
    table = tab.panel.table
    assert window.focusWidget() is table and table.currentIndex().column() == 3, \
        "Bo's scores, ready to rate"
    qtbot.keyClick(table, Qt.Key.Key_4)
    qtbot.keyClick(table, Qt.Key.Key_5)
    assert table.currentIndex().row() == 2, "each key rates and moves down"
    click_dot(qtbot, tab, 2, 3, 3)
    click_dot(qtbot, tab, 3, 3, 2)
    click_dot(qtbot, tab, 4, 3, 1)
    assert table.currentIndex().row() == 4, "the clicked cell is the current one"
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # and Delete clears it again
    assert tab.panel.ratings.index(4, 3).data(Qt.ItemDataRole.EditRole) is None
    table.setCurrentIndex(tab.panel.ratings.index(0, 4))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_text(qtbot, editor, "Mostly, <b>&</b> 🙂 עברית")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits it next time round the loop
    qtbot.waitUntil(lambda: tab.panel.ratings.index(0, 4).data() == "Mostly, <b>&</b> 🙂 עברית")
    assert tab.panel.ratings.index(0, 1).data() == HIDDEN_TEXT, "Ana's stay hidden"

    window.close_plan()
    rows = sorted(stored(plan_path)["tables"]["checkin_rating"],
                  key=lambda r: [i.uuid for i in indicators_of(plan_path)].index(
                      r["indicator_uuid"]))
    assert [(r["score"], r["note"]) for r in rows] == [
        (4, "Mostly, <b>&</b> 🙂 עברית"), (5, ""), (3, ""), (2, ""), (None, "")]
    assert {r["checkin_uuid"] for r in rows} == {uuid}
    assert all(r["shared_at"] is None for r in rows), "Bo's own, until revealed"

    assert window.open_plan(plan_path)
    at_keyboard(qtbot, window, "Bo")
    assert tab.history.rowCount() == 1 and "20 November 2026" in tab.history.index(0).data()
    model = tab.panel.ratings
    assert [model.index(row, 3).data(Qt.ItemDataRole.EditRole) for row in range(5)] == \
        [4, 5, 3, 2, None]
    assert model.index(0, 4).data() == "Mostly, <b>&</b> 🙂 עברית"


def indicators_of(path: Path) -> list[Any]:
    with PlanFile.open(path) as plan:
        return indicators(plan)


@pytest.mark.parametrize("key, message", [
    (Qt.Key.Key_7, "7 is out of range: rate from 1 (not at all) to 5 (fully)."),
    (Qt.Key.Key_0, "0 is out of range"),
    (Qt.Key.Key_X, "“x” is not a rating"),
])
def test_a_rating_outside_1_to_5_is_refused_at_the_cell(qtbot: QtBot, window: MainWindow,
                                                        key: Qt.Key, message: str) -> None:
    at_keyboard(qtbot, window, "Ana")
    start_checkin(qtbot, window)
    tab = checklist(window)
    before = whole_file(window)
    qtbot.keyClick(tab.panel.table, key)
    error = tab.panel.table_error
    assert error.isVisible() and message in error.text()
    assert tab.panel.table.currentIndex().row() == 0, "it stays on the refused cell"
    assert whole_file(window) == before, "nothing stored"
    qtbot.keyClick(tab.panel.table, Qt.Key.Key_3)
    assert not error.isVisible(), "a rating that goes through clears the message"


def test_both_together_cannot_rate_and_are_told_why(qtbot: QtBot, window: MainWindow) -> None:
    start_checkin(qtbot, window)
    tab = checklist(window)
    table = tab.panel.table
    table.setFocus()
    table.setCurrentIndex(tab.panel.ratings.index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_3)
    assert "choose who is at the keyboard" in tab.panel.table_error.text()
    assert not tab.panel.done_button.isVisible()
    assert "Each of you rates alone first" in tab.panel.status.text()


def test_a_very_long_note_is_refused_in_place_and_nothing_typed_is_lost(
        qtbot: QtBot, window: MainWindow) -> None:
    at_keyboard(qtbot, window, "Ana")
    start_checkin(qtbot, window)
    tab = checklist(window)
    table = tab.panel.table
    table.setCurrentIndex(tab.panel.ratings.index(0, 2))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    QApplication.clipboard().setText("y" * 300)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "A note is at most 280 characters; that would make it 300." in \
        tab.panel.table_error.text()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)

    agreed = tab.panel.agreed
    agreed.setFocus()
    cursor = agreed.textCursor()
    cursor.insertText("z" * 4001)  # a paste
    agreed.setTextCursor(cursor)
    table.setFocus()  # leaving the field stores it
    error = tab.panel.agreed_error
    assert error.isVisible() and "too long: 4001 characters, at most 4000" in error.text()
    assert agreed.raw_text() == "z" * 4001, "what was typed stays, to be shortened"
    assert whole_file(window)["tables"]["checkin"][0]["agreed"] == ""
    agreed.setFocus()
    cursor = agreed.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.deletePreviousChar()
    agreed.setTextCursor(cursor)
    table.setFocus()
    assert whole_file(window)["tables"]["checkin"][0]["agreed"] == "z" * 4000
    assert not error.isVisible()


@pytest.mark.parametrize("day, message", [
    (date(2026, 11, 25), "can’t be dated in the future"),
    (date(2026, 11, 20), "There is already a check-in on 20 November 2026"),
])
def test_a_check_in_in_the_future_or_on_the_day_of_another_is_refused_in_the_dialog(
        qtbot: QtBot, window: MainWindow, day: date, message: str) -> None:
    start_checkin(qtbot, window, date(2026, 11, 20))
    tab = checklist(window)
    seen: list[str] = []

    def fill(dialog: CheckinDialog) -> None:
        dialog.date_edit.setDate(dialog.date_edit.date().fromString(day.isoformat(),
                                                                    "yyyy-MM-dd"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        label = dialog.form.error_label("held_on")
        seen.append(label.text() if label.isVisible() else "")
        assert dialog.isVisible(), "the dialog stays open to correct it"
        dialog.reject()

    answer_dialog(qtbot, fill)
    tab.new_action.trigger()
    assert seen and message in seen[0]
    assert tab.history.rowCount() == 1


# -- revealed together -------------------------------------------------------------------

def test_done_for_both_reveals_the_ratings_and_names_the_discussion_points(
        qtbot: QtBot, window: MainWindow) -> None:
    tab = checklist(window)
    assert window.document is not None
    document = window.document
    ana = at_keyboard(qtbot, window, "Ana")
    uuid = start_checkin(qtbot, window)
    qtbot.mouseClick(tab.panel.done_button, Qt.MouseButton.LeftButton)
    assert "Rate every indicator first: 7 indicators have no rating" in \
        tab.panel.status_error.text()
    for indicator, score in zip(indicators(document.plan), [4, 4, 4, 2, 4, 4, 4], strict=True):
        document.submit("Rate", rate(document.plan, ana, uuid, indicator.uuid, score=score,
                                     note="growth-note" if score == 2 else ""))
    qtbot.mouseClick(tab.panel.done_button, Qt.MouseButton.LeftButton)
    assert "waiting for Bo" in tab.history.index(0).data()
    assert tab.panel.not_done_button.isVisible()
    bo = at_keyboard(qtbot, window, "Bo")
    assert "Ana is done" in tab.panel.status.text()
    for indicator, score in zip(indicators(document.plan), [4, 4, 4, 4, 3, 4, 4], strict=True):
        document.submit("Rate", rate(document.plan, bo, uuid, indicator.uuid, score=score))
    assert not tab.panel.points.isVisible(), "no discussion points before the reveal"
    qtbot.keyClick(tab.panel.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    points = tab.panel.points
    assert points.isVisible()
    assert "Career support is reciprocal over time: Ana 2, Bo 4" in points.text()
    assert "growth-note" in points.text()
    assert "Revealed · 1 discussion point" in tab.history.index(0).data()
    model = tab.panel.ratings
    assert model.index(3, 5).data() == "2 apart" and model.index(4, 5).data() == "1 apart"
    assert model.index(3, 1).data(Qt.ItemDataRole.EditRole) == 2, "Ana's, shown to Bo now"
    tab.pages.setCurrentIndex(TRENDS)
    assert tab.trends.points.count() == 1
    assert "Career support is reciprocal over time: Ana 2, Bo 4" in \
        tab.trends.points.item(0).text()
    qtbot.waitUntil(lambda: tab.trends.chart.drawn)
    assert "1 time 2 or more apart" in tab.trends.chart.accessibleDescription()


# -- the reminder --------------------------------------------------------------------------

def _plan_with_checkin(path: Path, day: date) -> None:
    with PlanFile.open(path) as plan:
        plan.apply(new_checkin(plan, day, day), TOGETHER)


def _notices(window: MainWindow) -> list[str]:
    return [label.text() for label in window.notices.findChildren(QLabel)
            if label.isVisibleTo(window.notices)]


@pytest.mark.parametrize("today, expected", [
    (date(2028, 2, 21), []),
    (date(2028, 2, 22), ["A check-in is due on 29 February 2028, in 7 days"]),
    (date(2028, 2, 29), ["Your check-in is due today"]),
    (date(2028, 3, 1), ["Your check-in was due on 29 February 2028, 1 day ago. No pressure"]),
])
def test_the_window_says_gently_when_a_check_in_is_due_or_overdue_at_start_up(
        qtbot: QtBot, plan_path: Path, today: date, expected: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _plan_with_checkin(plan_path, date(2027, 11, 30))  # quarterly: due on a leap day
    monkeypatch.setattr("ui.window.tabs.today", lambda: today)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_at_start(plan_path)
    qtbot.waitUntil(lambda: not window.reminders_held)  # they follow the plan's first paint
    shown = _notices(window)
    assert len(shown) == len(expected)
    for text, start in zip(shown, expected, strict=True):
        assert text.startswith(start)
    if expected:
        button = window.notices.findChild(QPushButton)
        assert button is not None and button.text() == "Go to Checklist"
        assert 3 not in window._built, "the reminder needs no tab built"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert window.tabs.currentWidget() is checklist(window)
    window.close()


def test_a_new_check_in_takes_the_reminder_away_and_monthly_brings_it_closer(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    tab = checklist(window)
    start_checkin(qtbot, window, date(2026, 8, 22))
    assert tab.notice.startswith("Your check-in was due on 22 November 2026, 2 days ago")
    start_checkin(qtbot, window, date(2026, 11, 23))
    assert tab.notice == "" and not window.notices.isVisible()
    assert "Next check-in due on 23 February 2027" in tab.due_label.text()
    combo = tab.rhythm_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # "Every month", above "Every quarter"
    assert "Next check-in due on 23 December 2026" in tab.due_label.text()
    window.undo_action.trigger()
    assert "23 February 2027" in tab.due_label.text() and combo.currentData() == "quarterly"
    window.redo_action.trigger()
    window.close_plan()
    assert [r["every"] for r in stored(plan_path)["tables"]["checkin_rhythm"]] == ["monthly"]


# -- deleting ------------------------------------------------------------------------------

def test_deleting_a_check_in_from_the_history_and_undoing_restores_every_rating(
        qtbot: QtBot, window: MainWindow) -> None:
    tab = checklist(window)
    assert window.document is not None
    document = window.document
    ana, bo = (Viewer.partner(p.uuid) for p in partners(document.plan))
    start_checkin(qtbot, window, date(2026, 8, 22))
    uuid = start_checkin(qtbot, window, date(2026, 11, 20))
    first = indicators(document.plan)[0].uuid
    for viewer, note in ((ana, "Ana's hidden note"), (bo, "Bo's hidden note")):
        document.set_viewer(viewer)
        document.submit("Rate", rate(document.plan, viewer, uuid, first, score=3, note=note))
    at_keyboard(qtbot, window, "Both of us")
    before = whole_file(window)
    tab.history_view.setFocus()
    tab.select_checkin(uuid)
    qtbot.keyClick(tab.history_view, Qt.Key.Key_Delete)
    after = whole_file(window)
    assert [c["uuid"] for c in after["tables"]["checkin"]] != [uuid]
    assert uuid not in {c["uuid"] for c in after["tables"]["checkin"]}
    assert after["tables"]["checkin_rating"] == [], "both partners' ratings went with it"
    assert "Undo (Ctrl+Z) brings it back" in tab.history_message.text()
    assert tab.history.rowCount() == 1
    window.undo_action.trigger()
    assert whole_file(window) == before, "undo brings back the check-in and both ratings"
    assert tab.history.rowCount() == 2


# -- indicators ---------------------------------------------------------------------------

def test_indicators_are_added_reworded_and_retired_through_the_page(
        qtbot: QtBot, window: MainWindow) -> None:
    tab = checklist(window)
    tab.pages.setCurrentIndex(INDICATORS)
    page = tab.indicators
    assert page.model.rowCount() == 7
    page.new_title.setFocus()
    qtbot.keyClick(page.new_title, Qt.Key.Key_Return)
    assert page.error.isVisible() and "can’t be empty" in page.error.text()
    type_text(qtbot, page.new_title, "We each take a real holiday 🏖")
    qtbot.keyClick(page.new_title, Qt.Key.Key_Return)
    assert page.model.rowCount() == 8 and page.new_title.text() == ""
    assert page.selected() is not None and page.selected().title.endswith("🏖")
    qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)
    assert page.model.index(7, 1).data() == "Retired on 24 November 2026"
    table = page.table
    rect = table.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, editor, "Both our careers count the same")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.index(0, 0).data() == "Both our careers count the same")
    assert not page.model.setData(page.model.index(0, 0), "   ")
    assert "can’t be empty" in page.error.text(), "a blank rewording is refused in place"
    start_checkin(qtbot, window)
    titles = [tab.panel.ratings.index(row, 0).data()
              for row in range(tab.panel.ratings.rowCount())]
    assert titles[0] == "Both our careers count the same" and len(titles) == 7, \
        "the retired one is not asked"


# -- red flags -----------------------------------------------------------------------------

def test_a_red_flag_is_ticked_alone_shared_by_its_author_and_brings_the_advice(
        qtbot: QtBot, window: MainWindow) -> None:
    tab = checklist(window)
    tab.pages.setCurrentIndex(RED_FLAGS)
    page = tab.red_flags
    at_keyboard(qtbot, window, "Ana")
    assert not page.advice.isVisible()
    row = next(r for r in page.rows if r.flag == "money_power")
    box = row.box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked() and row.note.isVisible()
    row.note.setFocus()
    type_text(qtbot, row.note, "The “I pay, I decide” talk")
    box.setFocus()  # leaving the note stores it
    assert page.advice.isVisible() and "counselor" in page.advice.findChild(
        QLabel, "counselorText").text()
    assert tab.pages.tabText(RED_FLAGS) == "Red &Flags (1)"

    at_keyboard(qtbot, window, "Bo")
    assert not page.advice.isVisible() and tab.pages.tabText(RED_FLAGS) == "Red &Flags"
    assert not any(r.box.isChecked() for r in page.rows)

    at_keyboard(qtbot, window, "Ana")
    qtbot.mouseClick(row.share, Qt.MouseButton.LeftButton)
    assert "Shared with Bo on" in row.state.text()
    at_keyboard(qtbot, window, "Bo")
    assert "The “I pay, I decide” talk" in page.shared_list.text()
    assert page.advice.isVisible(), "a shared flag brings the advice to both"
    at_keyboard(qtbot, window, "Both of us")
    assert "The “I pay, I decide” talk" in page.shared_list.text()
    assert page.together_hint.isVisible() and not row.isVisible()


# -- item models ------------------------------------------------------------------------------

def test_the_item_models_pass_the_qt_model_tester(qtmodeltester: Any, qtbot: QtBot,
                                                  window: MainWindow) -> None:
    tab = checklist(window)
    at_keyboard(qtbot, window, "Ana")
    start_checkin(qtbot, window, date(2026, 11, 1))
    start_checkin(qtbot, window, date(2026, 11, 20))
    qtbot.keyClick(tab.panel.table, Qt.Key.Key_4)
    for model in (tab.panel.ratings, tab.history, tab.indicators.model):
        qtmodeltester.check(model)


def test_the_example_plan_shows_three_revealed_quarterly_check_ins(
        qtbot: QtBot, window: MainWindow) -> None:
    window.open_example()
    tab = checklist(window)
    assert [tab.history.index(row).data().split("\n")[0] for row in range(3)] == \
        ["22 August 2026", "16 May 2026", "21 February 2026"]
    assert all("Revealed" in tab.history.index(row).data() for row in range(3))
    assert tab.overview is not None and len(tab.overview.trend.dates) == 3
    rising = tab.overview.trend.indicators[0].series[0]
    assert [score for _day, score in rising] == [2, 3, 4], "Rachel's first indicator rises"
    tab.pages.setCurrentIndex(CHECKINS)


def test_moving_a_check_in_to_another_day_keeps_it_chosen_and_reorders_the_history(
        qtbot: QtBot, window: MainWindow) -> None:
    tab = checklist(window)
    start_checkin(qtbot, window, date(2026, 8, 22))
    uuid = start_checkin(qtbot, window, date(2026, 11, 20))

    def move(dialog: CheckinDialog) -> None:
        dialog.date_edit.setDate(dialog.date_edit.date().fromString("2026-05-16", "yyyy-MM-dd"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, move)
    qtbot.mouseClick(tab.panel.change_date_button, Qt.MouseButton.LeftButton)
    assert [tab.history.index(r).data().split("\n")[0] for r in range(2)] == \
        ["22 August 2026", "16 May 2026"]
    assert tab.current_uuid() == uuid and tab.panel.title.text() == "Check-in of 16 May 2026"
    window.undo_action.trigger()
    assert tab.current_uuid() == uuid and tab.panel.title.text() == "Check-in of 20 November 2026"


def test_the_wins_since_the_check_in_before_are_offered_as_evidence(
        qtbot: QtBot, window: MainWindow) -> None:
    """"Individual wins are celebrated as couple victories": the log of wins
    says what there is to go on, for the check-in shown."""
    from models.goals import appreciate, log_win, wins

    document = window.document
    assert document is not None
    ana, bo = (p.uuid for p in partners(document.plan))
    document.submit("Log", log_win(ana, "Promoted <lead> 🎉", date(2026, 10, 2), viewer=TOGETHER))
    start_checkin(qtbot, window, date(2026, 10, 15))
    evidence = checklist(window).panel.wins
    qtbot.waitUntil(evidence.isVisible)
    assert evidence.text() == (
        "For “Individual wins are celebrated as couple victories”: 1 win logged so far "
        "(Ana: Promoted <lead> 🎉); 0 of them with a note of appreciation from the other "
        "partner.")
    win = wins(document.plan)[0]
    document.submit("Appreciate", appreciate(win, Viewer.partner(bo), "So proud of you"))
    qtbot.waitUntil(lambda: "1 of them with a note" in evidence.text())
    document.submit("Log", log_win(bo, "Passed the bar", date(2026, 11, 20), viewer=TOGETHER))
    start_checkin(qtbot, window, TODAY)
    qtbot.waitUntil(lambda: "since the check-in of" in evidence.text())
    assert "1 win logged since the check-in of" in evidence.text()
    assert "(Bo: Passed the bar)" in evidence.text(), "only the wins since the one before"
