"""The Support tab as a couple uses it: typing into the tables and add rows,
what is stored after reopening, refusals at the very cell or field, undo,
the household chart, the burnout protocol storing itself, pivots on the
roadmap, and a board member kept private in no view of the other partner,
of both together or of the report."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from models.exchange import visible_plan_to_dict
from models.partners import partners
from models.privacy import REPORT, TOGETHER, Viewer
from models.roadmap import roadmap_items
from models.support import (
    add_board_member,
    add_budget_line,
    add_pivot,
    add_task,
    board_members,
    budget_lines,
    household_tasks,
    pivot_periods,
)
from tests.helpers import (
    assert_delete_and_undo_restore_the_file,
    every_text,
    stored,
    tab_titled,
    type_text,
)
from ui.support.rows import RowsTableModel
from ui.support.tab import SupportTab
from ui.window.main_window import MainWindow

SECRET = "Dr. Quill, Tuesdays ☂ zq-8812"


def support(window: MainWindow) -> SupportTab:
    tab = tab_titled(window, "Support")
    assert isinstance(tab, SupportTab)
    return tab


@pytest.fixture
def window(qtbot: QtBot, plan_path: Path) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    assert win.open_plan(plan_path)
    win.tabs.setCurrentWidget(support(win))
    yield win
    win.close()


def at_keyboard(qtbot: QtBot, window: MainWindow, name: str) -> Viewer:
    button = next(b for b in window.header.keyboard_buttons.values() if b.text() == name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.document is not None
    return window.document.viewer


def edit_cell(qtbot: QtBot, window: MainWindow, table: object, index: QModelIndex,
              text: str) -> None:
    """Type ``text`` into a cell as a person does: F2, select all, type, Return."""
    from PySide6.QtWidgets import QTableView

    assert isinstance(table, QTableView)
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # Qt commits an editor's data after the key, from its event queue.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_the_tab_is_the_last_with_its_five_parts(window: MainWindow) -> None:
    tab = support(window)
    assert window.tabs.indexOf(tab) == window.tabs.count() - 1
    assert window.tabs.tabText(window.tabs.count() - 1) == "&Support"
    assert [tab.sections.item(n).text() for n in range(tab.sections.count())] == [
        "Career support budget", "Board of directors", "Household load", "Burnout protocol",
        "Pivot exploration"]


def test_a_budget_line_is_added_typed_into_and_kept_after_reopening(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    tab = support(window)
    page = tab.budget
    qtbot.mouseClick(page.add_buttons[0], Qt.MouseButton.LeftButton)
    model = page.model
    assert model.rowCount() == 1
    edit_cell(qtbot, window, page.table, model.index(0, 2), "1 200")
    edit_cell(qtbot, window, page.table, model.index(0, 4), "6,5")
    edit_cell(qtbot, window, page.table, model.index(0, 6), "Evening <b>data</b> course & 🎓")
    assert model.index(0, 2).data() == "1,200"
    assert "Ana: 0 of 1,200 a month used" in page.totals.text()
    window.close_plan()
    (line,) = stored(plan_path)["tables"]["support_budget"]
    assert (line["category"], line["money_per_month"], line["hours_per_month"], line["note"]) \
        == ("courses", 1200, 6.5, "Evening <b>data</b> course & 🎓")


@pytest.mark.parametrize(("typed", "message"), [
    ("abc", "Money a month must be a number"), ("-5", "can’t be below 0"),
    ("99999999999", "at most"), ("<b>&</b>", "must be a number"), ("3.5", "whole amount")])
def test_money_typed_wrong_is_refused_at_its_cell_and_nothing_is_stored(
        qtbot: QtBot, window: MainWindow, typed: str, message: str) -> None:
    document = window.document
    assert document is not None
    document.submit("Add", add_budget_line(document.plan, partners(document.plan)[0].uuid,
                                           money_per_month=40))
    page = support(window).budget
    refusals: list[tuple[str, QModelIndex]] = []
    page.model.refused.connect(lambda text, index: refusals.append((text, index)))
    edit_cell(qtbot, window, page.table, page.model.index(0, 2), typed)
    assert refusals and message in refusals[0][0] and refusals[0][1].column() == 2
    assert page.error.isVisible() and message in page.error.text()
    assert budget_lines(document.plan)[0].money_per_month == 40
    assert page.model.index(0, 2).data() == "40"


def test_a_board_member_kept_private_is_seen_by_its_writer_alone(
        qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    window.history_action.trigger()  # the undo history is seen too
    page = support(window).board
    support(window).show_page(page)
    at_keyboard(qtbot, window, "Ana")
    page.name.setFocus()
    type_text(qtbot, page.name, SECRET)
    page.only_me.setChecked(True)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, page.name, "Kim <b>&</b> 김 שלום")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert SECRET in every_text(window)  # the walk finds it where it may be seen
    # By name: Dr. Quill, then Kim; "only me" is chosen afresh for each person.
    assert [page.model.index(n, 4).data() for n in range(2)] == [
        "Only you, until you share", "Both of you"]
    for name in ("Bo", "Both of us"):
        at_keyboard(qtbot, window, name)
        seen = every_text(window)
        assert "Kim <b>&</b> 김 שלום" in seen
        assert "zq-8812" not in seen and "Quill" not in seen
    assert "zq-8812" not in str(visible_plan_to_dict(document.plan, REPORT))
    assert [m.name for m in board_members(document.plan, REPORT)] == ["Kim <b>&</b> 김 שלום"]
    ana = at_keyboard(qtbot, window, "Ana")
    private = next(n for n, m in enumerate(page.model.rows) if m.is_draft)
    page.table.selectRow(private)
    assert page.share_button.isEnabled()
    qtbot.mouseClick(page.share_button, Qt.MouseButton.LeftButton)
    assert len(board_members(document.plan, TOGETHER)) == 2
    assert ana.is_partner


def test_keeping_someone_private_needs_a_partner_at_the_keyboard(
        qtbot: QtBot, window: MainWindow) -> None:
    page = support(window).board
    support(window).show_page(page)
    assert not page.only_me.isEnabled()  # both together: nobody to keep it for
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)  # no name
    assert page.error.isVisible() and "The name can’t be empty" in page.error.text()
    assert page.model.rowCount() == 0


def test_household_tasks_add_up_in_the_balance_and_the_chart(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    tab = support(window)
    page = tab.household
    tab.show_page(page)
    for title, who, hours, invisible in (("Cooking", 0, "7", False),
                                         ("家族の予定 planning", 0, "2", True),
                                         ("Laundry", 2, "3", False)):
        type_text(qtbot, page.title, title)
        page.who.setCurrentIndex(who)
        type_text(qtbot, page.hours, hours)
        page.invisible.setChecked(invisible)
        qtbot.mouseClick(next(b for b in page.findChildren(type(page.delete_button))
                              if b.text() == "&Add Task"), Qt.MouseButton.LeftButton)
    assert page.balance.text().startswith("Ana carries 10.5 h a week (88%), Bo 1.5 h (12%).")
    assert "Invisible labor: 2 h, 100% of it by Ana" in page.balance.text()
    qtbot.waitUntil(lambda: page.chart.drawn)
    assert page.chart.toolTip() == page.balance.text()
    # The invisible tick of "Laundry", clicked in its cell.
    row = next(n for n, t in enumerate(page.model.rows) if t.title == "Laundry")
    rect = page.table.visualRect(page.model.index(row, 3))
    checkbox = rect.left() + 12
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center().__class__(checkbox, rect.center().y()))
    qtbot.waitUntil(lambda: "Invisible labor: 5 h" in page.balance.text())
    window.close_plan()
    tasks = {t["title"]: t for t in stored(plan_path)["tables"]["household_task"]}
    assert tasks["家族の予定 planning"]["invisible"] is True
    assert tasks["Laundry"]["partner_uuid"] is None and tasks["Laundry"]["invisible"] is True


def test_hours_typed_wrong_in_the_add_row_are_refused_in_place(qtbot: QtBot,
                                                               window: MainWindow) -> None:
    page = support(window).household
    support(window).show_page(page)
    type_text(qtbot, page.title, "Cooking")
    type_text(qtbot, page.hours, "lots")
    qtbot.keyClick(page.hours, Qt.Key.Key_Return)
    assert page.error.isVisible()
    assert "Hours a week must be a number, like 12 or 2.5; “lots” is not." in page.error.text()
    assert page.title.text() == "Cooking" and page.model.rowCount() == 0


def test_the_who_column_offers_both_partners_and_both_of_us(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    document = window.document
    assert document is not None
    ana, bo = partners(document.plan)
    document.submit("Add", add_task("Bins", ana.uuid, 1))
    page = support(window).household
    support(window).show_page(page)
    page.table.setCurrentIndex(page.model.index(0, 1))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(n) for n in range(combo.count())] == ["Ana", "Bo", "Both of us"]
    combo.setCurrentIndex(2)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)
    assert household_tasks(document.plan)[0].partner_uuid is None
    assert page.model.index(0, 1).data() == "Both of us"
    document.undo()
    assert household_tasks(document.plan)[0].partner_uuid == ana.uuid
    assert bo.uuid


def test_the_burnout_protocol_stores_itself_and_undoes_as_one_step(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    tab = support(window)
    page = tab.burnout
    tab.show_page(page)
    editor = page.editors["signals"]
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    type_text(qtbot, editor, "“Red day” in our chat\nNo questions that evening 🌧")
    page.editors["protocol"].setFocus()  # leaving the field stores it
    document = window.document
    assert document is not None
    assert document.undo_stack.count() == 1
    window.close_plan()
    (row,) = stored(plan_path)["tables"]["burnout_protocol"]
    assert row["signals"] == "“Red day” in our chat\nNo questions that evening 🌧"


def test_a_pivot_added_in_the_tab_is_a_phase_on_the_roadmap_until_deleted(
        qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    tab = support(window)
    page = tab.pivots
    tab.show_page(page)
    type_text(qtbot, page.what, "Teaching <maths> 📐")
    type_text(qtbot, page.decides, "A trial term")
    qtbot.keyClick(page.decides, Qt.Key.Key_Return)
    (pivot,) = pivot_periods(document.plan)
    (item,) = roadmap_items(document.plan, TOGETHER)
    assert (item.kind, item.title, item.partner_uuid) == ("pivot", "Teaching <maths> 📐",
                                                          partners(document.plan)[0].uuid)
    assert page.model.index(0, 7).data() == "Yes"
    edit_cell(qtbot, window, page.table, page.model.index(0, 1), "Teaching")
    assert roadmap_items(document.plan, TOGETHER)[0].title == "Teaching"
    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert pivot_periods(document.plan) == [] and roadmap_items(document.plan, TOGETHER) == []
    document.undo()
    assert pivot_periods(document.plan)[0].roadmap_item_uuid == \
        roadmap_items(document.plan, TOGETHER)[0].uuid
    assert pivot.uuid == pivot_periods(document.plan)[0].uuid


def test_deleting_support_rows_and_undoing_restores_the_file(window: MainWindow) -> None:
    document = window.document
    assert document is not None
    plan = document.plan
    ana = partners(plan)[0]
    document.submit("Add", add_budget_line(plan, ana.uuid, "courses", money_per_month=9)
                    + add_board_member(TOGETHER, ana.uuid, "Kim")
                    + add_task("Cooking", ana.uuid, 5)
                    + add_pivot(TOGETHER, ana.uuid, "Design", date(2027, 1, 1),
                                date(2027, 6, 30)))
    from models.support import delete_pivot, delete_rows

    assert_delete_and_undo_restore_the_file(
        document, "Delete", delete_rows([*budget_lines(plan), *board_members(plan, TOGETHER),
                                         *household_tasks(plan)])
        + delete_pivot(plan, TOGETHER, pivot_periods(plan)[0]))


def test_the_item_models_pass_the_model_tester(qtmodeltester: object,
                                               window: MainWindow) -> None:
    document = window.document
    assert document is not None
    ana = partners(document.plan)[0]
    document.submit("Add", add_budget_line(document.plan, ana.uuid) + add_task("Bins", None, 1)
                    + add_board_member(TOGETHER, ana.uuid, "Kim")
                    + add_pivot(TOGETHER, ana.uuid, "Design", date(2027, 1, 1),
                                date(2027, 6, 30)))
    tab = support(window)
    for page in (tab.budget, tab.board, tab.household, tab.pivots):
        assert isinstance(page.model, RowsTableModel) and page.model.rowCount() == 1
        qtmodeltester.check(page.model)  # type: ignore[attr-defined]


def test_the_delete_key_deletes_the_selected_rows_and_undo_brings_them_back(
        qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    ana, bo = partners(document.plan)
    document.submit("Add", add_budget_line(document.plan, ana.uuid, "courses")
                    + add_budget_line(document.plan, bo.uuid, "courses"))
    page = support(window).budget
    assert page.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    page.table.selectAll()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert budget_lines(document.plan) == [] and page.model.rowCount() == 0
    document.undo()
    assert len(budget_lines(document.plan)) == 2 and page.model.rowCount() == 2


def test_a_pivot_whose_time_is_up_is_a_notice_that_leads_to_the_tab(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton

    monkeypatch.setattr("ui.window.tabs.today", lambda: date(2027, 7, 2))
    document = window.document
    assert document is not None
    window.tabs.setCurrentIndex(0)
    document.submit("Add", add_pivot(TOGETHER, partners(document.plan)[0].uuid,
                                     "Design <school> & 🎨", date(2027, 1, 1),
                                     date(2027, 6, 30)))
    qtbot.waitUntil(lambda: any("“Design <school> & 🎨” ended on 30 June 2027" in label.text()
                                for label in window.notices.findChildren(QLabel)))
    button = next(b for b in window.notices.findChildren(QPushButton)
                  if b.text() == "Go to Support")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is support(window)


def test_an_empty_budget_says_how_to_begin(window: MainWindow) -> None:
    assert support(window).budget.totals.text().startswith("No budget yet: add a line")
