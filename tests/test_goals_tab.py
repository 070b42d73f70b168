"""The Goals & Wins tab as a couple meets it: adding a goal by typing and
finding it after reopening the file, refusals in place with nothing stored,
placing a goal on the roadmap and undoing it, logging a win (its marker on
the roadmap), deleting it and undoing, the note of appreciation only the
other partner writes, the opportunity-cost log, the reminder of a win
waiting for appreciation, and the item models."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from models.goals import delete_row, goals, log_win, new_goal, wins
from models.partners import partners
from models.passed_up import log_passed_up, passed_up
from models.privacy import TOGETHER, Viewer
from models.roadmap import roadmap_items
from tests.helpers import (
    answer_dialog,
    assert_delete_and_undo_restore_the_file,
    stored,
    tip_text,
    type_text,
)
from ui.goals.dialogs import AppreciationDialog, GoalDialog, PassedUpDialog, WinDialog
from ui.goals.tab import GOALS, PASSED_UP, WINS, GoalsTab
from ui.window import tabs as window_tabs
from ui.window.main_window import MainWindow

TODAY = date(2026, 11, 24)
HOSTILE = "<b>Lead & “grow”</b> 🚀 צוות 团队"


def goals_tab(window: MainWindow) -> GoalsTab:
    index = next(n for n, spec in enumerate(window.tab_specs) if "Goals" in spec.title)
    tab = window.tab(index)
    assert isinstance(tab, GoalsTab)
    return tab


@pytest.fixture
def window(qtbot: QtBot, plan_path: Path, monkeypatch: pytest.MonkeyPatch
           ) -> Iterator[MainWindow]:
    monkeypatch.setattr(window_tabs, "today", lambda: TODAY)
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    goals_tab(win).today = lambda: TODAY
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    assert win.open_plan(plan_path)
    win.tabs.setCurrentWidget(goals_tab(win))
    yield win
    win.close()


def at_keyboard(qtbot: QtBot, window: MainWindow, name: str) -> None:
    button = next(b for b in window.header.keyboard_buttons.values() if b.text() == name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def back_to(qtbot: QtBot, window: MainWindow) -> None:
    # The offscreen platform gives the activation back to no window after a dialog.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_a_goal_typed_in_the_dialog_is_shown_and_found_after_reopening(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    tab = goals_tab(window)
    page = tab.goals

    def fill(dialog: GoalDialog) -> None:
        dialog.whose.setCurrentIndex(dialog.whose.findText("Bo"))
        dialog.horizon.setCurrentIndex(dialog.horizon.findData("long"))
        type_text(qtbot, dialog.title, HOSTILE)
        type_text(qtbot, dialog.strengths, "Bo: 耐心\nAna: her network")
        qtbot.mouseClick(dialog.overlaps, Qt.MouseButton.LeftButton,
                         pos=QPoint(8, dialog.overlaps.height() // 2))
        click(qtbot, dialog.ok_button)

    answer_dialog(qtbot, fill)
    click(qtbot, page.add_button)
    back_to(qtbot, window)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 2).data() == HOSTILE
    assert page.model.index(0, 6).data() == "Our paths overlap"
    assert tab.pages.tabText(GOALS) == "Goa&ls (1)"
    assert "Bo 1; 1 where your paths overlap" in page.summary.text()
    window.close_plan()
    (row,) = stored(plan_path)["tables"]["goal"]
    assert (row["title"], row["horizon"], row["overlaps"]) == (HOSTILE, "long", True)
    assert row["strengths"] == "Bo: 耐心\nAna: her network"


@pytest.mark.parametrize(("typed", "message"), [
    ("", "The goal can’t be empty."),
    ("   ", "The goal can’t be empty."),
])
def test_a_goal_refused_says_why_under_its_field_and_stores_nothing(
        qtbot: QtBot, window: MainWindow, plan_path: Path, typed: str, message: str) -> None:
    page = goals_tab(window).goals
    seen: list[str] = []

    def fill(dialog: GoalDialog) -> None:
        if typed:
            type_text(qtbot, dialog.title, typed)
        click(qtbot, dialog.ok_button)
        error = dialog.findChild(QLabel, "titleError")
        seen.append(error.text() if error.isVisible() else "")
        assert dialog.isVisible(), "the dialog stays open, ready to correct"
        dialog.reject()

    answer_dialog(qtbot, fill)
    click(qtbot, page.add_button)
    assert seen == [message]
    window.close_plan()
    assert stored(plan_path)["tables"].get("goal", []) == []


def test_a_paste_beyond_what_a_goal_holds_does_not_go_in(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    document = window.document
    assert document is not None
    dialog = GoalDialog(document, today=lambda: TODAY, parent=window)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.title, "Lead")
    dialog.title.insert("x" * 500)
    assert dialog.title.text() == "Lead", "the field holds what the goal may hold"
    dialog.strengths.insertPlainText("y" * 3000)
    assert dialog.strengths.raw_text() == ""
    dialog.strengths.insertPlainText("y" * 2000)
    assert len(dialog.strengths.raw_text()) == 2000
    dialog.reject()


def test_placing_a_goal_on_the_roadmap_is_one_step_that_undo_takes_back(
        qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    ana, _bo = partners(document.plan)
    document.submit("Add", new_goal(ana.uuid, "Lead a team", target_date=date(2028, 1, 1)))
    page = goals_tab(window).goals
    page.select(goals(document.plan)[0].uuid)
    assert page.place_button.text() == "Place on &Roadmap"
    click(qtbot, page.place_button)
    (item,) = roadmap_items(document.plan, TOGETHER)
    assert (item.kind, item.start_date, item.partner_uuid) == ("goal", date(2028, 1, 1),
                                                               ana.uuid)
    assert page.model.index(0, 8).data() == "On the roadmap"
    assert page.place_button.text() == "Take off &Roadmap"
    assert "on the roadmap, in its lane" in page.message.text()
    document.undo()
    assert roadmap_items(document.plan, TOGETHER) == []
    assert page.model.index(0, 8).data() == ""
    assert not page.message.isVisible(), "the word on the last step is stale after an undo"


def test_a_win_logged_goes_on_the_roadmap_and_delete_then_undo_restore_it(
        qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    tab = goals_tab(window)
    tab.pages.setCurrentIndex(WINS)
    at_keyboard(qtbot, window, "Ana")

    def fill(dialog: WinDialog) -> None:
        assert dialog.whose.currentText() == "Ana", "the one at the keyboard, to begin with"
        type_text(qtbot, dialog.title, "Keynote at PlatformCon")
        assert dialog.won_on.date().toString("yyyy-MM-dd") == "2026-11-24"
        click(qtbot, dialog.ok_button)

    answer_dialog(qtbot, fill)
    click(qtbot, tab.wins.add_button)
    back_to(qtbot, window)
    (win,) = wins(document.plan)
    (item,) = roadmap_items(document.plan, TOGETHER)
    assert (win.roadmap_item_uuid, item.kind, item.title) == (item.uuid, "win",
                                                              "Keynote at PlatformCon")
    assert tab.wins.model.index(0, 4).data() == "Waiting for Bo’s note"
    assert "1 win logged so far (Ana: Keynote at PlatformCon)" in tab.wins.summary.text()
    assert_delete_and_undo_restore_the_file(document, "Delete",
                                            delete_row(document.plan, document.viewer, win))
    tab.wins.table.setFocus()
    tab.wins.select(win.uuid)
    qtbot.keyClick(tab.wins.table, Qt.Key.Key_Delete)
    assert wins(document.plan) == [] and roadmap_items(document.plan, TOGETHER) == []
    assert "Undo (Ctrl+Z) brings it back" in tab.wins.message.text()
    document.undo()
    assert [w.title for w in wins(document.plan)] == ["Keynote at PlatformCon"]
    assert len(roadmap_items(document.plan, TOGETHER)) == 1


def test_only_the_other_partner_writes_the_note_of_appreciation(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    document = window.document
    assert document is not None
    ana, _bo = partners(document.plan)
    document.submit("Log", log_win(ana.uuid, "Promotion", TODAY, viewer=TOGETHER))
    page = goals_tab(window).wins
    goals_tab(window).pages.setCurrentIndex(WINS)
    page.select(wins(document.plan)[0].uuid)
    at_keyboard(qtbot, window, "Ana")
    assert not page.thank_button.isEnabled(), "the winner does not thank herself"
    assert tip_text(page.thank_button.toolTip()).startswith(
        "The note of appreciation for Ana’s win is Bo’s to write")
    at_keyboard(qtbot, window, "Bo")
    page.select(wins(document.plan)[0].uuid)
    assert page.thank_button.isEnabled()

    def write(dialog: AppreciationDialog) -> None:
        assert "Ana: Promotion" in dialog.findChild(QLabel, "appreciatedWin").text()
        type_text(qtbot, dialog.note, "So proud of you 🎉 <3 — Bo")
        click(qtbot, dialog.ok_button)

    answer_dialog(qtbot, write)
    click(qtbot, page.thank_button)
    back_to(qtbot, window)
    assert page.model.index(0, 4).data() == "So proud of you 🎉 <3 — Bo"
    window.close_plan()
    (row,) = stored(plan_path)["tables"]["win"]
    assert row["appreciation"] == "So proud of you 🎉 <3 — Bo"


def test_an_opportunity_passed_up_goes_in_the_log_and_on_the_roadmap(
        qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    tab = goals_tab(window)
    tab.pages.setCurrentIndex(PASSED_UP)
    assert tab.passed_up.summary.text() == "Nothing passed up written down yet."

    def fill(dialog: PassedUpDialog) -> None:
        dialog.whose.setCurrentIndex(dialog.whose.findText("Bo"))
        type_text(qtbot, dialog.title, "Lead the New York office")
        type_text(qtbot, dialog.gained, "Two more years near both families")
        type_text(qtbot, dialog.lost, "A faster route to partner")
        click(qtbot, dialog.ok_button)

    answer_dialog(qtbot, fill)
    click(qtbot, tab.passed_up.add_button)
    back_to(qtbot, window)
    (entry,) = passed_up(document.plan)
    _ana, bo = partners(document.plan)
    (item,) = roadmap_items(document.plan, TOGETHER)
    assert (item.kind, item.partner_uuid, item.title) == ("passed_up", bo.uuid,
                                                          "Passed up: Lead the New York office")
    assert tab.passed_up.summary.text() == ("Passed up for the relationship (the "
                                            "opportunity-cost log): Ana none, Bo 1 "
                                            "opportunity.")
    assert tab.pages.tabText(PASSED_UP) == "Passed &Up (1)"
    assert_delete_and_undo_restore_the_file(document, "Delete",
                                            delete_row(document.plan, TOGETHER, entry))


def test_a_win_waiting_for_appreciation_is_a_gentle_reminder(qtbot: QtBot,
                                                             window: MainWindow) -> None:
    document = window.document
    assert document is not None
    ana, bo = partners(document.plan)
    document.submit("Log", log_win(ana.uuid, "Promotion", TODAY, viewer=TOGETHER))

    def texts() -> list[str]:
        return [label.text() for label in window.notices.findChildren(QLabel)]

    qtbot.waitUntil(lambda: any("“Promotion” is waiting for a note of appreciation" in t
                                for t in texts()))
    assert any(b.text() == "Go to Goals && Wins"
               for b in window.notices.findChildren(QPushButton)), "a real “&”, not a mnemonic"
    from models.goals import appreciate
    document.set_viewer(Viewer.partner(bo.uuid))
    document.submit("Thanks", appreciate(wins(document.plan)[0], document.viewer, "Bravo"))
    qtbot.waitUntil(lambda: not any("waiting for a note" in t for t in texts()))


def test_the_item_models_pass_the_qt_model_tester(qtmodeltester: Any, window: MainWindow
                                                  ) -> None:
    document = window.document
    assert document is not None
    ana, bo = partners(document.plan)
    document.submit("Add", new_goal(ana.uuid, "Lead a team", overlaps=True)
                    + new_goal(bo.uuid, "Partner", "long")
                    + log_win(bo.uuid, "Won", TODAY, viewer=TOGETHER)
                    + log_passed_up(ana.uuid, "Zurich", TODAY, viewer=TOGETHER))
    tab = goals_tab(window)
    for page in tab.all_pages:
        assert page.model.rowCount() >= 1
        qtmodeltester.check(page.model)


def test_a_win_on_a_day_out_of_range_is_refused_under_its_date(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    tab = goals_tab(window)
    tab.pages.setCurrentIndex(WINS)
    seen: list[str] = []

    def fill(dialog: WinDialog) -> None:
        type_text(qtbot, dialog.title, "Award 🏆")
        dialog.won_on.setFocus()
        dialog.won_on.setDate(dialog.won_on.date().fromString("1930-05-01", "yyyy-MM-dd"))
        click(qtbot, dialog.ok_button)
        error = dialog.findChild(QLabel, "won_onError")
        seen.append(error.text() if error.isVisible() else "")
        dialog.reject()

    answer_dialog(qtbot, fill)
    click(qtbot, tab.wins.add_button)
    assert seen == ["The day of the win 1930-05-01 is out of range: use a date between 1940 "
                    "and 2100."]
    window.close_plan()
    tables = stored(plan_path)["tables"]
    assert tables.get("win", []) == [] and tables.get("roadmap_item", []) == [], \
        "nothing stored half: no marker without its win"
