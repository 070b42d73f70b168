"""The Opportunities tab as a couple uses it: typing scores with spreadsheet
keys, pasting a block, refusals marked in their very cell, scoring by mouse,
saying "I'm done", criteria and weights, the discussion list, the deadline
reminder, accepting onto the roadmap, and the chart; every item model passes
Qt's model tester."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMenu, QTableView
from pytestqt.qtbot import QtBot

from models.opportunities import (
    criteria,
    mark_done_scoring,
    new_criteria,
    new_opportunity,
    opportunities,
    scores,
    set_scores,
    set_weights,
    weights,
)
from models.partners import partners
from models.privacy import TOGETHER, Viewer
from models.roadmap import roadmap_items
from tests.helpers import answer_dialog, stored, tip_text, type_text
from ui.document import PlanDocument
from ui.opportunities.cells import CELL_ROLE, CellView
from ui.opportunities.dialogs import AcceptDialog, OpportunityDialog
from ui.opportunities.grid_model import SCORING
from ui.opportunities.tab import OpportunitiesTab

TODAY = date(2026, 11, 24)


@pytest.fixture
def document(qapp: Any, plan_path: Path) -> Iterator[PlanDocument]:
    from models.plan_file import PlanFile

    opened = PlanDocument(PlanFile.open(plan_path))
    plan = opened.plan
    plan.apply(new_criteria(plan, ["Salary", "Location", "Proximity to family"]), TOGETHER)
    ana, _bo = partners(plan)
    plan.apply(new_opportunity("Seattle offer", date(2026, 11, 10), partner_uuid=ana.uuid)
               + new_opportunity("Both remote", date(2026, 11, 12)), TOGETHER)
    yield opened
    opened.close()


@pytest.fixture
def tab(qtbot: QtBot, document: PlanDocument) -> Iterator[OpportunitiesTab]:
    widget = OpportunitiesTab()
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.set_document(document)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.set_document(None)


def as_partner(document: PlanDocument, slot: int) -> Viewer:
    viewer = Viewer.partner(partners(document.plan)[slot].uuid)
    document.set_viewer(viewer)
    return viewer


def cell(tab: OpportunitiesTab, title: str, criterion: str) -> QModelIndex:
    model = tab.grid_model
    row = next(r for r in range(model.rowCount()) if model.opportunity_at(r).title == title)
    uuid = next(c.uuid for c in criteria(tab.document.plan) if c.title == criterion)
    return tab.proxy.mapFromSource(model.index(row, model.criterion_column(uuid)))


def click(qtbot: QtBot, view: QTableView, index: QModelIndex) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def right_click(view: QTableView, index: QModelIndex) -> None:
    """A real right-click, through the window system, as a mouse sends it
    (a context menu comes from the window, not from a widget's mouse event)."""
    from PySide6.QtTest import QTest

    viewport = view.viewport()
    where = viewport.mapTo(viewport.window(), view.visualRect(index).center())
    QTest.mouseClick(viewport.window().windowHandle(), Qt.MouseButton.RightButton,
                     Qt.KeyboardModifier.NoModifier, where)


def my_scores(document: PlanDocument) -> dict[tuple[str, str], int]:
    titles = {o.uuid: o.title for o in opportunities(document.plan)}
    names = {c.uuid: c.title for c in criteria(document.plan)}
    return {(titles[s.opportunity_uuid], names[s.criterion_uuid]): s.score
            for s in scores(document.plan, document.viewer)
            if s.author_uuid == document.viewer.partner_uuid}


def editor_of(view: QTableView) -> QLineEdit:
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit) and view.isAncestorOf(widget), "an editor is open"
    return widget


def test_every_item_model_passes_the_qt_model_tester(qtmodeltester: Any, tab: OpportunitiesTab,
                                                     document: PlanDocument) -> None:
    ana = as_partner(document, 0)
    found = criteria(document.plan)
    document.submit("Weights", set_weights(document.plan, ana, [(c.uuid, 5) for c in found]))
    seattle = opportunities(document.plan)[0]
    document.submit("Scores", set_scores(document.plan, ana, [(seattle.uuid, found[0].uuid, 9)]))
    for model in (tab.grid_model, tab.criteria.model, tab.discussion_model, tab.proxy):
        qtmodeltester.check(model)


def test_scores_are_typed_like_a_spreadsheet_and_kept_after_reopening(
        qtbot: QtBot, tab: OpportunitiesTab, document: PlanDocument, plan_path: Path) -> None:
    as_partner(document, 0)
    grid = tab.grid
    click(qtbot, grid, cell(tab, "Seattle offer", "Salary"))
    qtbot.keyClick(grid, "9")  # typing replaces the cell
    editor = editor_of(grid)
    assert editor.text() == "9"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # stores, and opens the next cell
    qtbot.waitUntil(lambda: my_scores(document) == {("Seattle offer", "Salary"): 9})
    assert grid.currentIndex() == cell(tab, "Seattle offer", "Location")
    qtbot.keyClicks(editor_of(grid), "6")
    with qtbot.waitSignal(document.changed):  # Enter commits on the next turn
        qtbot.keyClick(editor_of(grid), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.currentIndex() == cell(tab, "Both remote", "Location"))
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.currentIndex() == cell(tab, "Seattle offer", "Proximity to family")
    qtbot.keyClick(grid, "3")
    qtbot.keyClick(editor_of(grid), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(my_scores(document)) == 3)
    qtbot.waitUntil(lambda: grid.currentIndex() == cell(tab, "Both remote",
                                                           "Proximity to family"))
    # Delete clears the viewer's own score: missing, never zero.
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert my_scores(document) == {("Seattle offer", "Salary"): 9,
                                   ("Seattle offer", "Proximity to family"): 3}
    assert document.undo_stack.undoText() == "Clear score of “Seattle offer” on Location"
    view = cell(tab, "Seattle offer", "Location").data(CELL_ROLE)
    assert isinstance(view, CellView) and view.sides[0].value is None
    total = tab.proxy.index(cell(tab, "Seattle offer", "Salary").row(),
                            tab.grid_model.trailing(0))
    assert total.data() == "–", "no weights yet: no total, rather than a wrong one"
    tab.set_document(None)
    document.close()
    data = stored(plan_path)["tables"]["opportunity_score"]
    assert sorted(row["score"] for row in data) == [3, 9]


def test_a_refused_value_is_marked_in_its_cell_with_the_reason(
        qtbot: QtBot, tab: OpportunitiesTab, document: PlanDocument) -> None:
    as_partner(document, 0)
    grid = tab.grid
    target = cell(tab, "Both remote", "Location")
    for typed, reason in (("11", "goes from 1 to 10; 11 is out of range"),
                          ("<b>&</b>", "“<b>&</b>” is not a number"),
                          ("7.5", "not “7.5”"), ("ده", "is not a number")):
        click(qtbot, grid, target)
        qtbot.keyClick(grid, Qt.Key.Key_F2)
        editor = editor_of(grid)
        editor.clear()
        type_text(qtbot, editor, typed)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda t=typed: target.data(CELL_ROLE).refused == t)
        view = target.data(CELL_ROLE)
        assert isinstance(view, CellView) and view.refused == typed
        assert reason in tip_text(target.data(Qt.ItemDataRole.ToolTipRole))
        assert reason in tab.message.text()
        assert my_scores(document) == {}, "nothing stored"
    # Correcting the cell clears the mark.
    click(qtbot, grid, target)
    qtbot.keyClick(grid, "8")
    qtbot.keyClick(editor_of(grid), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: my_scores(document) == {("Both remote", "Location"): 8})
    assert target.data(CELL_ROLE).refused == ""
    assert not tab.message.isVisible()


def test_both_together_typing_a_score_are_told_to_choose_who_is_at_the_keyboard(
        qtbot: QtBot, tab: OpportunitiesTab, document: PlanDocument) -> None:
    target = cell(tab, "Seattle offer", "Salary")
    click(qtbot, tab.grid, target)
    qtbot.keyClick(tab.grid, "5")
    qtbot.keyClick(editor_of(tab.grid), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.message.isVisible())
    assert "choose who is at the keyboard" in tab.message.text()
    assert target.data(CELL_ROLE).refused == "5"


def test_a_block_pasted_from_a_spreadsheet_is_one_undo_step_or_nothing(
        qtbot: QtBot, tab: OpportunitiesTab, document: PlanDocument) -> None:
    as_partner(document, 1)
    grid = tab.grid
    click(qtbot, grid, cell(tab, "Seattle offer", "Location"))
    QGuiApplication.clipboard().setText("7\t8\n4\t\n")
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert my_scores(document) == {("Seattle offer", "Location"): 7,
                                   ("Seattle offer", "Proximity to family"): 8,
                                   ("Both remote", "Location"): 4}
    assert document.undo_stack.undoText() == "Paste 4 values"
    # Too wide from here: refused at the cell, nothing stored.
    QGuiApplication.clipboard().setText("1\t2\t3\n")
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "1 row by 3 columns" in tab.message.text() and "room for 2 rows by 2 columns" in \
        tab.message.text()
    # One bad value: the whole block is refused, its very cell marked.
    QGuiApplication.clipboard().setText("1\t2\n3\tzero\n")
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    bad = cell(tab, "Both remote", "Proximity to family")
    assert bad.data(CELL_ROLE).refused == "zero"
    assert "“zero” is not a number" in tip_text(bad.data(Qt.ItemDataRole.ToolTipRole))
    assert my_scores(document)[("Seattle offer", "Location")] == 7, "nothing of it stored"
    # A ragged block is no block.
    QGuiApplication.clipboard().setText("1\t2\n3\n")
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "different lengths" in tab.message.text()
    document.undo()
    assert my_scores(document) == {}, "the paste was one step"
    # One value fills every selected cell; Ctrl+C copies the block back.
    grid.selectionModel().clearSelection()
    click(qtbot, grid, cell(tab, "Seattle offer", "Salary"))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ShiftModifier,
                     grid.visualRect(cell(tab, "Both remote", "Location")).center())
    QGuiApplication.clipboard().setText("6\n")
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert sorted(my_scores(document).values()) == [6, 6, 6, 6]
    qtbot.keyClick(grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "6\t6\n6\t6\n"


def test_scoring_by_mouse_from_the_cells_menu(qtbot: QtBot, tab: OpportunitiesTab,
                                              document: PlanDocument) -> None:
    as_partner(document, 0)
    target = cell(tab, "Seattle offer", "Proximity to family")

    def choose_seven(menu: QMenu) -> None:
        mine = next(a for a in menu.actions() if a.text() == "My &Score")
        submenu = mine.menu()
        assert isinstance(submenu, QMenu)
        next(a for a in submenu.actions() if a.text() == "7").trigger()
        menu.close()

    answer_dialog(qtbot, choose_seven, popup=True)
    right_click(tab.grid, target)
    qtbot.waitUntil(lambda: my_scores(document) == {("Seattle offer", "Proximity to family"): 7})


def test_done_marks_reveal_both_partners_scores_at_once(qtbot: QtBot, tab: OpportunitiesTab,
                                                        document: PlanDocument) -> None:
    plan = document.plan
    found = criteria(plan)
    seattle = opportunities(plan)[0]
    row = tab.grid_model.row_of(seattle.uuid)
    scoring = tab.proxy.mapFromSource(tab.grid_model.index(row, tab.grid_model.trailing(
        SCORING)))
    for slot, values in ((0, [9, 6, 3]), (1, [4, 7, 9])):
        viewer = as_partner(document, slot)
        document.submit("Weights", set_weights(plan, viewer, [(c.uuid, 5) for c in found]))
        document.submit("Scores", set_scores(plan, viewer, [
            (seattle.uuid, c.uuid, v) for c, v in zip(found, values, strict=True)]))
        rect = tab.grid.visualRect(scoring)
        # On the box itself: a check box answers clicks there.
        box = QPoint(rect.left() + 10, rect.center().y())
        qtbot.mouseClick(tab.grid.viewport(), Qt.MouseButton.LeftButton, pos=box)
        qtbot.waitUntil(lambda: scoring.data(Qt.ItemDataRole.CheckStateRole)
                        == Qt.CheckState.Checked)
    assert scoring.data() == "Revealed"
    document.set_viewer(TOGETHER)
    salary = cell(tab, "Seattle offer", "Salary").data(CELL_ROLE)
    assert [s.value for s in salary.sides] == [9, 4] and salary.differs
    combined = tab.proxy.index(scoring.row(), tab.grid_model.trailing(2))
    # Ana: 5×(9 + 6 + 3) / 15 = 6 → 60; Bo: 5×(4 + 7 + 9) / 15 = 6.67 → 66.7; average 63.3.
    assert combined.data() == "63"
    # The list (hidden behind the criteria) follows once the grid has painted.
    qtbot.waitUntil(lambda: tab.bottom.tabText(1) == "Talk About &This (2)")  # 9–4, 3–9


def test_criteria_are_added_renamed_weighted_moved_and_removed_in_the_panel(
        qtbot: QtBot, tab: OpportunitiesTab, document: PlanDocument) -> None:
    panel = tab.criteria
    ana = as_partner(document, 0)
    type_text(qtbot, panel.add_line, "Commute 🚲")
    qtbot.keyClick(panel.add_line, Qt.Key.Key_Return)
    assert [c.title for c in criteria(document.plan)][-1] == "Commute 🚲"
    assert panel.add_line.text() == ""
    type_text(qtbot, panel.add_line, " salary ")
    qtbot.keyClick(panel.add_line, Qt.Key.Key_Return)
    assert panel.add_error.isVisible() and "“Salary” already" in panel.add_error.text()
    # Ana types her weights down her column.
    table = panel.table
    click(qtbot, table, panel.model.index(0, 1))
    for value in ("8", "5", "2", "4"):
        qtbot.keyClick(table, value)
        qtbot.keyClick(editor_of(table), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda v=value: str(v) in [str(w.weight) for w in
                                                   weights(document.plan, ana)])
    assert sorted(w.weight for w in weights(document.plan, ana)) == [2, 4, 5, 8]
    # Bo's column is Bo's.
    click(qtbot, table, panel.model.index(0, 2))
    qtbot.keyClick(table, "3")
    qtbot.keyClick(editor_of(table), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.message.isVisible())
    assert "That is Bo's weight: only Bo gives it" in tab.message.text()
    # Move "Commute" up, then remove it with its weight; undo brings it back. An
    # opportunity selected in the grid stays: Ctrl+Delete belongs to where the focus is.
    click(qtbot, tab.grid, tab.proxy.index(0, 0))
    click(qtbot, table, panel.model.index(3, 0))
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [c.title for c in criteria(document.plan)][2] == "Commute 🚲"
    assert tab.grid_model.headerData(2 + 2, Qt.Orientation.Horizontal) == "Commute 🚲"
    qtbot.keyClick(table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert "Commute 🚲" not in [c.title for c in criteria(document.plan)]
    assert len(weights(document.plan, ana)) == 3
    assert len(opportunities(document.plan)) == 2
    document.undo()
    assert len(weights(document.plan, ana)) == 4


def test_the_discussion_list_gathers_points_to_mark_discussed_with_a_note(
        qtbot: QtBot, tab: OpportunitiesTab, document: PlanDocument) -> None:
    plan = document.plan
    found = criteria(plan)
    seattle = opportunities(plan)[0]
    for slot, values in ((0, [9, 6, 3]), (1, [4, 7, 9])):
        viewer = as_partner(document, slot)
        document.submit("Weights", set_weights(plan, viewer, [(c.uuid, 5) for c in found]))
        document.submit("Scores", set_scores(plan, viewer, [
            (seattle.uuid, c.uuid, v) for c, v in zip(found, values, strict=True)]))
        document.submit("Done", mark_done_scoring(plan, viewer, [seattle.uuid]))
    document.set_viewer(TOGETHER)
    tab.bottom.setCurrentIndex(1)
    points = tab.points
    model = tab.discussion_model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "“Seattle offer” · Salary", "“Seattle offer” · Proximity to family"]
    rect = points.visualRect(model.index(0, 3))
    qtbot.mouseClick(points.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 10, rect.center().y()))
    qtbot.waitUntil(lambda: model.index(0, 3).data() == TODAY.isoformat())
    points.setCurrentIndex(model.index(0, 4))
    qtbot.keyClick(points, Qt.Key.Key_F2)
    type_text(qtbot, editor_of(points), "Equity counts — 股权 <i>too</i>")
    qtbot.keyClick(editor_of(points), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(0, 4).data() == "Equity counts — 股权 <i>too</i>")
    assert tab.bottom.tabText(1) == "Talk About &This (1)", "one point left to discuss"
    # Double-clicking a point finds its cell in the grid.
    rect = points.visualRect(model.index(1, 0))
    qtbot.mouseClick(points.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(points.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.grid.currentIndex() == cell(tab, "Seattle offer", "Proximity to family")


def test_a_nearing_deadline_is_a_gentle_notice_for_the_window(
        qtbot: QtBot, tab: OpportunitiesTab, document: PlanDocument) -> None:
    assert tab.notice == ""
    with qtbot.waitSignal(tab.notice_changed) as signal:
        document.submit("Add", new_opportunity("Lisbon chair", date(2026, 11, 20),
                                               decide_by=date(2026, 11, 26)))
    assert signal.args == ["The decision on “Lisbon chair” is due in 2 days (Thursday 26 "
                           "November). A good moment to compare your scores together."]
    lisbon = next(o for o in opportunities(document.plan) if o.title == "Lisbon chair")
    decision = tab.proxy.index(tab.grid_model.row_of(lisbon.uuid), 1)
    assert decision.data() == "Considering · decide in 2 days"
    tab.today = lambda: date(2026, 11, 30)  # the plan stayed open for days
    with qtbot.waitSignal(tab.notice_changed) as signal:
        tab.check_day()
    assert "was due 4 days ago" in signal.args[0]
    assert decision.data() == "Considering · was due 4 days ago"
    with qtbot.waitSignal(tab.notice_changed) as signal:
        from models.opportunities import edit_opportunity

        document.submit("Decline", edit_opportunity(lisbon, status="declined"))
    assert signal.args == [""]


def test_the_window_shows_the_notice_under_the_header(
        qtbot: QtBot, plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.window.main_window import MainWindow

    monkeypatch.setattr("ui.window.tabs.today", lambda: TODAY)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_plan(plan_path)
    assert window.document is not None
    window.document.submit("Add", new_opportunity("Seattle offer", date(2026, 11, 20),
                                                   decide_by=TODAY))
    assert window.notices.notices == {1: "The decision on “Seattle offer” is due today "
                                         "(Tuesday 24 November). A good moment to compare "
                                         "your scores together."}
    assert 1 not in window._built, "the reminder needs no tab built"
    monkeypatch.setattr("ui.window.tabs.today", lambda: date(2026, 11, 27))
    window.new_day()  # the plan stayed open past midnight
    assert "was due 3 days ago" in window.notices.notices[1]
    window.close()


def test_adding_an_opportunity_refuses_bad_input_in_place_and_stores_it_whole(
        qtbot: QtBot, tab: OpportunitiesTab, document: PlanDocument, plan_path: Path) -> None:
    def fill(dialog: OpportunityDialog) -> None:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        title_error = dialog.form.error_label("title")
        assert title_error.isVisible() and title_error.text() == "The title can’t be empty."
        type_text(qtbot, dialog.title_edit, "Zürich · 苏黎世 <lab> & co")
        type_text(qtbot, dialog.salary, "-90k")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.form.error_label("salary").text() == "A salary can’t be negative."
        dialog.salary.clear()
        type_text(qtbot, dialog.salary, "120,000")
        dialog.currency.clear()
        type_text(qtbot, dialog.currency, "chf")
        dialog.deadline.check.setChecked(True)
        dialog.deadline.date.setDate(dialog.arose.date().addDays(-1))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert "before the day it came up" in dialog.form.error_label("decide_by").text()
        dialog.deadline.date.setDate(dialog.arose.date().addDays(10))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, fill)
    tab.add_action.trigger()
    added = next(o for o in opportunities(document.plan) if o.title.startswith("Zürich"))
    assert (added.title, added.salary, added.currency, added.decide_by) == (
        "Zürich · 苏黎世 <lab> & co", 120000, "CHF", date(2026, 12, 4))
    assert document.undo_stack.count() == 1, "one step, nothing stored half"
    assert tab.grid.currentIndex().data() == "Zürich · 苏黎世 <lab> & co"


def test_the_first_opportunity_brings_the_five_factors(qtbot: QtBot, qapp: Any,
                                                       tmp_path: Path) -> None:
    from models.partners import new_plan_rows
    from models.plan_file import PlanFile

    document = PlanDocument(PlanFile.create(tmp_path / "new.tandem",
                                            new_plan_rows("Ana", "Bo")))
    widget = OpportunitiesTab()
    qtbot.addWidget(widget)
    widget.set_document(document)
    assert widget.pages.currentIndex() == 0, "an empty plan shows the exercise first"

    def fill(dialog: OpportunityDialog) -> None:
        type_text(qtbot, dialog.title_edit, "Remote for both")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, fill)
    widget.add_action.trigger()
    assert [c.title for c in criteria(document.plan)] == [
        "Salary", "Location", "Growth potential", "Work-life balance", "Proximity to family"]
    assert document.undo_stack.undoText() == "Add “Remote for both” with the five factors"
    assert widget.pages.currentIndex() == 1
    widget.set_document(None)
    document.close()


def test_accepting_from_the_tab_puts_it_on_the_roadmap_and_undo_takes_both_back(
        qtbot: QtBot, tab: OpportunitiesTab, document: PlanDocument) -> None:
    as_partner(document, 0)
    click(qtbot, tab.grid, tab.proxy.index(0, 0))
    before = len(roadmap_items(document.plan, TOGETHER))

    def confirm(dialog: AcceptDialog) -> None:
        assert dialog.offer.check.isChecked()
        assert "a job change in Ana's lane" in dialog.offer.check.text()
        dialog.offer.title.clear()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.offer.error.text() == "The title can’t be empty."
        type_text(qtbot, dialog.offer.title, "Head of Platform")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, confirm)
    tab.accept_action.trigger()
    items = roadmap_items(document.plan, TOGETHER)
    assert len(items) == before + 1 and items[-1].title == "Head of Platform"
    assert tab.proxy.index(0, 1).data() == "Accepted · on the roadmap"
    assert document.undo_stack.undoText() == "Accept “Seattle offer”"
    document.undo()
    assert len(roadmap_items(document.plan, TOGETHER)) == before
    assert tab.proxy.index(0, 1).data() == "Considering"


def test_deleting_an_opportunity_from_the_tab_and_undo_bring_back_its_scores(
        qtbot: QtBot, tab: OpportunitiesTab, document: PlanDocument) -> None:
    ana = as_partner(document, 0)
    found = criteria(document.plan)
    remote = opportunities(document.plan)[1]
    document.submit("Scores", set_scores(document.plan, ana,
                                         [(remote.uuid, c.uuid, 4) for c in found]))
    click(qtbot, tab.grid, tab.proxy.index(1, 0))
    qtbot.keyClick(tab.grid, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert [o.title for o in opportunities(document.plan)] == ["Seattle offer"]
    assert tab.grid_model.rowCount() == 1
    document.undo()
    assert tab.grid_model.rowCount() == 2
    assert my_scores(document) == {("Both remote", c.title): 4 for c in found}


def test_one_score_updates_only_its_row_and_the_ranks_that_moved(
        qtbot: QtBot, tab: OpportunitiesTab, document: PlanDocument) -> None:
    ana = as_partner(document, 0)
    found = criteria(document.plan)
    document.submit("Weights", set_weights(document.plan, ana, [(c.uuid, 5) for c in found]))
    rows: list[int] = []
    tab.grid_model.dataChanged.connect(lambda first, last: rows.extend(
        range(first.row(), last.row() + 1)))
    seattle = opportunities(document.plan)[0]
    document.submit("Score", set_scores(document.plan, ana, [(seattle.uuid, found[0].uuid, 7)]))
    assert set(rows) == {tab.grid_model.row_of(seattle.uuid)}


def test_the_chart_is_drawn_from_what_the_viewer_may_see(qtbot: QtBot, tab: OpportunitiesTab,
                                                         document: PlanDocument) -> None:
    ana = as_partner(document, 0)
    found = criteria(document.plan)
    seattle = opportunities(document.plan)[0]
    document.submit("Weights", set_weights(document.plan, ana, [(c.uuid, 5) for c in found]))
    document.submit("Scores", set_scores(document.plan, ana,
                                         [(seattle.uuid, c.uuid, 8) for c in found]))
    tab.bottom.setCurrentWidget(tab.chart)
    qtbot.waitUntil(lambda: tab.chart.drawn, timeout=10000)
    assert "Seattle offer: Ana 80" in tab.chart.accessibleDescription()
    as_partner(document, 1)
    qtbot.waitUntil(lambda: "Ana 80" not in tab.chart.accessibleDescription(), timeout=10000)


def test_sorting_by_the_combined_total_and_typing_in_the_sorted_grid(
        qtbot: QtBot, tab: OpportunitiesTab, document: PlanDocument) -> None:
    plan = document.plan
    found = criteria(plan)
    seattle, remote = opportunities(plan)
    for slot in (0, 1):
        viewer = as_partner(document, slot)
        document.submit("Weights", set_weights(plan, viewer, [(c.uuid, 5) for c in found]))
        document.submit("Scores", set_scores(plan, viewer, [(seattle.uuid, c.uuid, 3)
                                                            for c in found]
                                             + [(remote.uuid, c.uuid, 8) for c in found]))
        document.submit("Done", mark_done_scoring(plan, viewer, [seattle.uuid, remote.uuid]))
    header = tab.grid.horizontalHeader()
    combined = tab.grid_model.trailing(2)
    rect = header.sectionViewportPosition(combined) + header.sectionSize(combined) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect, header.height() // 2))
    titles = [tab.proxy.index(r, 0).data() for r in range(2)]
    assert titles == ["Seattle offer", "Both remote"], "30 then 80, ascending"
    assert [tab.proxy.index(r, tab.grid_model.trailing(3)).data() for r in range(2)] == ["2", "1"]
    # Typing goes to the cell shown, not to the row the model has there.
    click(qtbot, tab.grid, tab.proxy.index(1, 2))
    qtbot.keyClick(tab.grid, "9")
    qtbot.keyClick(editor_of(tab.grid), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: my_scores(document)[("Both remote", "Salary")] == 9)


def test_the_roadmap_item_an_opportunity_became_says_where_it_came_from(
        qtbot: QtBot, document: PlanDocument) -> None:
    from models.opportunities import RoadmapEntry, accept, opportunities
    from models.privacy import TOGETHER
    from models.roadmap import roadmap_items
    from ui.roadmap.editor import ItemDialog

    document.submit("Add", new_opportunity("Lisbon <chair> & co", date(2026, 11, 20)))
    lisbon = next(o for o in opportunities(document.plan) if o.title.startswith("Lisbon"))
    document.submit("Accept", accept(lisbon, TOGETHER, RoadmapEntry("Lisbon chair",
                                                                    date(2027, 9, 1))))
    item = next(i for i in roadmap_items(document.plan, TOGETHER) if i.title == "Lisbon chair")
    dialog = ItemDialog(document, item)
    qtbot.addWidget(dialog)
    link = dialog.findChild(QLabel, "opportunityLink")
    assert link is not None
    assert link.text() == ("Added when the opportunity “Lisbon <chair> & co” was accepted: "
                           "its scores are in the Opportunities tab.")
    assert link.textFormat() == Qt.TextFormat.PlainText
    other = ItemDialog(document, None)
    qtbot.addWidget(other)
    assert other.findChild(QLabel, "opportunityLink") is None
