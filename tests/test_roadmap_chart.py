"""The roadmap chart as a couple uses it: real mouse drags, keys, zoom, and
what is stored in the file afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from models.calendar import add_months
from models.partners import new_plan_rows, partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER, Viewer
from models.roadmap import RoadmapItem, Season, new_item, new_season, roadmap_items, seasons
from tests.helpers import answer_dialog, entry_of, tip_text
from ui.document import PlanDocument
from ui.roadmap.items import ClashItem
from ui.roadmap.scale import ZOOM_LEVELS
from ui.roadmap.tab import RoadmapTab

TODAY = date(2026, 11, 23)
MONTHS = 0.75  # a "Months" zoom level: drags snap to months


@dataclass
class Chart:
    tab: RoadmapTab
    document: PlanDocument
    path: Path
    ana: str
    bo: str
    qtbot: QtBot

    def uuid_of(self, title: str) -> str:
        for item in roadmap_items(self.document.plan, self.document.viewer):
            if item.title == title:
                return item.uuid
        for season in seasons(self.document.plan):
            if season.label == title:
                return season.uuid
        raise KeyError(title)

    def point(self, title: str, dx: float = 4.0) -> QPoint:
        """A viewport point on the item: ``dx`` pixels right of its start."""
        entry = self.tab.scene.entries[self.uuid_of(title)]
        scene_point = entry.scenePos() + QPointF(dx, entry.entry.height / 2)
        return self.tab.view.mapFromScene(scene_point)

    def stored(self, title: str) -> RoadmapItem | Season:
        """Close the plan, reopen the file, and read the item back."""
        self.document.close()
        plan = PlanFile.open(self.path)
        try:
            for entry in [*roadmap_items(plan, TOGETHER), *seasons(plan)]:
                if getattr(entry, "title", None) == title or getattr(entry, "label", None) == title:
                    return entry
        finally:
            plan.close()
        raise KeyError(title)


def drag(chart: Chart, start: QPoint, end: QPoint, steps: int = 6) -> None:
    viewport = chart.tab.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, steps + 1):
        QTest.mouseMove(viewport, start + (end - start) * step / steps)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    QApplication.processEvents()  # the drop is handled once the release event is over


@pytest.fixture
def chart(qtbot: QtBot, tmp_path: Path) -> Iterator[Chart]:
    path = tmp_path / "plan.tandem"
    plan = PlanFile.create(path, new_plan_rows("Ana", "Bo"))
    ana, bo = (p.uuid for p in partners(plan))
    for edit in (
        new_item("job", "Design lead", date(2027, 1, 1), date(2028, 12, 31), ana, viewer=TOGETHER),
        new_item("certification", "Pilot licence", date(2027, 6, 1), None, ana, viewer=TOGETHER),
        new_item("degree", "Nursing degree", date(2026, 9, 1), date(2029, 6, 30), bo,
                 viewer=TOGETHER),
        new_item("relocation", "Move to Lyon", date(2029, 8, 1), None, None, viewer=TOGETHER),
        new_season(ana, "Studio years", date(2027, 1, 1), date(2027, 12, 31)),
        new_season(bo, "Nursing", date(2028, 1, 1), date(2029, 6, 30)),
    ):
        plan.apply(edit, TOGETHER)
    document = PlanDocument(plan)
    tab = RoadmapTab()
    tab.today = lambda: TODAY
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.set_document(document)
    tab.set_zoom(MONTHS, anchor=date(2027, 1, 1), anchor_x=100)
    yield Chart(tab, document, path, ana, bo, qtbot)
    tab.set_document(None)
    if document.plan._conn is not None:
        document.close()


def months_px(chart: Chart, months: float) -> float:
    return months * 30.44 * chart.tab.px_per_day


def test_dragging_a_milestone_moves_it_by_whole_months_and_undo_restores(chart: Chart) -> None:
    start = chart.point("Pilot licence", dx=0)
    drag(chart, start, start + QPoint(round(months_px(chart, 3)), 0))
    assert chart.document.undo_stack.count() == 1, "one whole drag is one undo step"
    assert chart.document.undo_stack.undoText() == "Move “Pilot licence”"
    assert chart.stored("Pilot licence").start_date == date(2027, 9, 1)

    reopened = PlanDocument(PlanFile.open(chart.path))
    chart.document = reopened
    chart.tab.set_document(reopened)
    start = chart.point("Pilot licence", dx=0)
    drag(chart, start, start - QPoint(round(months_px(chart, 5)), 0))
    assert entry_of(reopened, chart.uuid_of("Pilot licence")).start_date == \
        date(2027, 4, 1)
    reopened.undo_stack.undo()
    assert chart.stored("Pilot licence").start_date == date(2027, 9, 1)


def test_dragging_a_phase_end_resizes_it_and_undo_restores(chart: Chart) -> None:
    entry = chart.tab.scene.entries[chart.uuid_of("Design lead")]
    edge = chart.point("Design lead", dx=entry.width - 2)
    drag(chart, edge, edge + QPoint(round(months_px(chart, 6)), 0))
    item = entry_of(chart.document, chart.uuid_of("Design lead"))
    assert (item.start_date, item.end_date) == (date(2027, 1, 1), add_months(date(2028, 12, 31), 6))
    assert chart.document.undo_stack.undoText() == "Resize “Design lead”"
    chart.document.undo_stack.undo()
    stored = chart.stored("Design lead")
    assert (stored.start_date, stored.end_date) == (date(2027, 1, 1), date(2028, 12, 31))


def test_dragging_a_phase_start_edge_changes_only_its_start(chart: Chart) -> None:
    edge = chart.point("Design lead", dx=2)
    drag(chart, edge, edge - QPoint(round(months_px(chart, 2)), 0))
    stored = chart.stored("Design lead")
    assert (stored.start_date, stored.end_date) == (date(2026, 11, 1), date(2028, 12, 31))


def test_dragging_a_phase_to_another_lane_reassigns_it_and_undo_restores(chart: Chart) -> None:
    start = chart.point("Design lead", dx=60)
    band = chart.tab.scene.band(chart.bo)
    target = chart.tab.view.mapFromScene(QPointF(0, band.top + band.height / 2))
    drag(chart, start, QPoint(start.x(), target.y()))
    item = entry_of(chart.document, chart.uuid_of("Design lead"))
    assert item.partner_uuid == chart.bo
    assert item.start_date == date(2027, 1, 1), "a vertical drag keeps the dates"
    chart.document.undo_stack.undo()
    assert chart.stored("Design lead").partner_uuid == chart.ana


def test_with_rows_drawn_closer_a_drag_still_lands_where_the_mouse_leaves_it(
        chart: Chart, qtbot: QtBot) -> None:
    """A window too short for every lane at full height draws the rows
    closer together; a drag reads them as they are drawn."""
    tab = chart.tab
    assert tab.scene.drawing is not None and not tab.compact_rows
    spare = tab.view.viewport().height() - tab.scene.drawing.height
    tab.resize(tab.width(), tab.height() - round(spare) - 12)
    qtbot.waitUntil(lambda: tab.compact_rows)
    assert tab.scene.sceneRect().height() <= tab.view.viewport().height()
    start = chart.point("Design lead", dx=60)
    band = tab.scene.band(chart.bo)
    target = tab.view.mapFromScene(QPointF(0, band.top + band.height / 2))
    drag(chart, start, QPoint(start.x(), target.y()))
    assert chart.stored("Design lead").partner_uuid == chart.bo


def test_dragging_to_our_life_lane_makes_it_shared(chart: Chart) -> None:
    start = chart.point("Pilot licence", dx=0)
    band = chart.tab.scene.band("")
    target = chart.tab.view.mapFromScene(QPointF(0, band.top + band.height / 2))
    drag(chart, start, QPoint(start.x(), target.y()))
    assert chart.stored("Pilot licence").partner_uuid is None


def test_the_dates_show_while_dragging_and_escape_cancels(chart: Chart, qtbot: QtBot) -> None:
    viewport = chart.tab.view.viewport()
    start = chart.point("Pilot licence", dx=0)
    entry = chart.tab.scene.entries[chart.uuid_of("Pilot licence")]
    origin = entry.pos()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + QPoint(round(months_px(chart, 2)), 0))
    label = chart.tab.scene._drag_label
    assert label.isVisible() and label.text() == "1 Aug 2027"
    assert entry.pos() != origin, "the item follows the pointer"
    QTest.keyClick(chart.tab.view, Qt.Key.Key_Escape)
    assert entry.pos() == origin and not label.isVisible()
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(round(months_px(chart, 2)), 0))
    assert chart.document.undo_stack.count() == 0
    assert chart.stored("Pilot licence").start_date == date(2027, 6, 1)


def test_arrow_keys_nudge_the_selection_as_one_merged_step(chart: Chart, qtbot: QtBot) -> None:
    QTest.mouseClick(chart.tab.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, chart.point("Pilot licence", dx=0))
    chart.tab.view.setFocus()
    QTest.keyClick(chart.tab.view, Qt.Key.Key_Right)
    QTest.keyClick(chart.tab.view, Qt.Key.Key_Right)
    item = entry_of(chart.document, chart.uuid_of("Pilot licence"))
    assert item.start_date == date(2027, 8, 1)
    assert chart.document.undo_stack.count() == 1
    QTest.keyClick(chart.tab.view, Qt.Key.Key_Down)
    assert entry_of(chart.document, item.uuid).partner_uuid is None
    chart.document.undo_stack.undo()
    chart.document.undo_stack.undo()
    assert chart.stored("Pilot licence").start_date == date(2027, 6, 1)


def test_delete_key_removes_the_selection_and_undo_brings_it_back(chart: Chart) -> None:
    QTest.mouseClick(chart.tab.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, chart.point("Move to Lyon", dx=0))
    QTest.keyClick(chart.tab.view, Qt.Key.Key_Delete)
    assert "Move to Lyon" not in [i.title for i in roadmap_items(chart.document.plan, chart.document.viewer)]
    assert chart.uuid_of("Design lead") in chart.tab.scene.entries
    chart.document.undo_stack.undo()
    assert chart.stored("Move to Lyon").kind == "relocation"


def test_zoom_goes_from_weeks_to_the_whole_plan_and_snapping_follows(chart: Chart) -> None:
    tab = chart.tab
    tab.set_zoom(ZOOM_LEVELS[0])
    assert tab.zoom_label.text().strip() == "Weeks", "the control says what the ruler counts"
    assert "whole weeks" in tab.zoom_label.toolTip()
    assert not tab.zoom_in_action.isEnabled()
    start = chart.point("Pilot licence", dx=0)
    drag(chart, start, start + QPoint(round(7 * tab.px_per_day), 0))
    assert entry_of(chart.document, chart.uuid_of("Pilot licence")).start_date == date(2027, 6, 8)
    for _ in range(len(ZOOM_LEVELS)):
        tab.zoom_out_action.trigger()
    assert not tab.zoom_out_action.isEnabled()
    assert tab.scene.sceneRect().width() <= tab.view.viewport().width(), \
        "the widest zoom is the whole plan, not decades of empty ruler"
    assert tab.zoom_label.text().strip() == "Months"  # four years in 1300 pixels
    width_far = tab.scene.entries[chart.uuid_of("Design lead")].width
    tab.zoom_in_action.trigger()
    assert tab.scene.entries[chart.uuid_of("Design lead")].width > width_far
    tab.fit_action.trigger()
    assert tab.scene.sceneRect().width() <= tab.view.viewport().width(), "the whole plan fits"


def test_ctrl_wheel_zooms_in(chart: Chart, qtbot: QtBot) -> None:
    from PySide6.QtGui import QWheelEvent

    before = chart.tab.px_per_day
    viewport = chart.tab.view.viewport()
    center = QPointF(viewport.rect().center())
    event = QWheelEvent(center, QPointF(viewport.mapToGlobal(center.toPoint())), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)
    assert chart.tab.px_per_day > before


def test_clashing_transitions_are_highlighted_and_explained(chart: Chart) -> None:
    clashes = [i for i in chart.tab.scene.items() if isinstance(i, ClashItem)]
    tips = [tip_text(c.toolTip()) for c in clashes]
    assert any(t.startswith("Q1 2027") and "Ana starts a new job (Design lead)" in t
               and "Bo studies (Nursing degree)" in t for t in tips), tips
    assert ("1 quarter with demanding transitions for both of you is shaded red in the lanes "
            "concerned: hover over it") in chart.tab.insight.text()


def test_lead_time_of_each_career_is_shown_as_a_split_bar_with_kind_words(
        chart: Chart) -> None:
    lead = chart.tab.lead
    numbers = tip_text(lead.bars.toolTip())
    assert "Ana’s career has led 0 months so far (12 in the whole plan)" in numbers
    assert "Bo’s career has led 0 months so far (18 in the whole plan)" in numbers
    assert lead.bars.isVisible()
    assert lead.note.text() == "Ana’s turn to lead is still ahead: 12 months planned."


def test_opportunities_passed_up_are_counted_beside_the_lead_balance(chart: Chart) -> None:
    """The opportunity-cost log is context for who has led: counted beside
    the split bars, and kept up to date as entries come and go."""
    from models.goals import delete_row
    from models.passed_up import log_passed_up, passed_up

    lead = chart.tab.lead
    assert "Passed up" not in lead.note.text()
    chart.document.submit("Log", log_passed_up(chart.bo, "Job in Zurich", date(2026, 3, 1),
                                               viewer=TOGETHER, gained="Staying close"))
    chart.qtbot.waitUntil(lambda: "Passed up" in lead.note.text())
    assert lead.note.text() == ("Ana’s turn to lead is still ahead: 12 months planned. "
                                "Passed up for the relationship: Ana 0, Bo 1.")
    assert ("Passed up for the relationship (the opportunity-cost log): Ana none, "
            "Bo 1 opportunity.") in tip_text(lead.note.toolTip())
    entry = passed_up(chart.document.plan)[0]
    chart.document.submit("Delete", delete_row(chart.document.plan, TOGETHER, entry))
    chart.qtbot.waitUntil(lambda: "Passed up" not in lead.note.text())
    chart.document.undo()
    chart.qtbot.waitUntil(lambda: "Bo 1." in lead.note.text())


def test_dragging_a_season_into_another_is_refused_in_place(chart: Chart) -> None:
    start = chart.point("Studio years", dx=40)
    drag(chart, start, start + QPoint(round(months_px(chart, 4)), 0))
    assert "Seasons may not overlap" in chart.tab.message.text()
    assert chart.tab.message.isVisible()
    entry = chart.tab.scene.entries[chart.uuid_of("Studio years")]
    assert entry.x() == pytest.approx(chart.tab.scene.scale.x(date(2027, 1, 1)))
    assert chart.document.undo_stack.count() == 0
    assert chart.stored("Studio years").start_date == date(2027, 1, 1)


def test_tab_walks_through_items_in_time_order_then_leaves_the_chart(chart: Chart) -> None:
    chart.tab.table_action.trigger()  # something focusable after the chart
    chart.tab.view.setFocus()
    QTest.keyClick(chart.tab.view, Qt.Key.Key_Tab)
    first = chart.tab.view.selected()
    assert [e.uuid for e in first] == [chart.uuid_of("Nursing degree")]
    for _ in range(len(chart.tab.scene.entries) - 1):
        QTest.keyClick(chart.tab.view, Qt.Key.Key_Tab)
    assert chart.tab.view.hasFocus() and len(chart.tab.view.selected()) == 1
    QTest.keyClick(chart.tab.view, Qt.Key.Key_Tab)
    assert not chart.tab.view.hasFocus(), "Tab after the last item moves on, no trap"
    assert chart.tab.tables.isAncestorOf(QApplication.focusWidget())


def test_double_click_opens_the_editor_for_that_item(chart: Chart) -> None:
    seen = answer_dialog(chart.qtbot, lambda dialog: dialog.reject())
    QTest.mouseDClick(chart.tab.view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, chart.point("Design lead", dx=60))
    QApplication.processEvents()
    assert seen == ["Edit “Design lead”"]


def test_enter_opens_the_editor_and_its_changes_are_one_undo_step(chart: Chart) -> None:
    def rename(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.title_edit.setText("Design director")
        dialog.ok_button.click()

    QTest.mouseClick(chart.tab.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, chart.point("Move to Lyon", dx=0))
    seen = answer_dialog(chart.qtbot, lambda dialog: dialog.reject())
    QTest.keyClick(chart.tab.view, Qt.Key.Key_Return)
    assert seen == ["Edit “Move to Lyon”"]
    QTest.mouseClick(chart.tab.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, chart.point("Design lead", dx=60))
    answer_dialog(chart.qtbot, rename)
    chart.tab.edit_action.trigger()
    assert chart.document.undo_stack.count() == 1
    assert chart.stored("Design director").start_date == date(2027, 1, 1)


def test_add_milestone_starts_in_the_lane_of_whoever_is_at_the_keyboard(chart: Chart) -> None:
    chart.document.set_viewer(Viewer.partner(chart.bo))
    lanes: list[object] = []

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        lanes.append(dialog.lane_combo.currentData())
        dialog.reject()

    seen = answer_dialog(chart.qtbot, look)
    chart.tab.add_milestone_action.trigger()
    assert seen == ["Add Milestone"] and lanes == [chart.bo]


def test_duplicate_copies_the_selection_into_free_rows(chart: Chart) -> None:
    QTest.mouseClick(chart.tab.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, chart.point("Design lead", dx=60))
    chart.tab.duplicate_action.trigger()
    copies = [i for i in roadmap_items(chart.document.plan, chart.document.viewer) if i.title == "Design lead"]
    assert len(copies) == 2 and copies[0].uuid != copies[1].uuid
    tops = {chart.tab.scene.entries[c.uuid].entry.y for c in copies}
    assert len(tops) == 2, "the copy does not hide the original"
    selected = [e.uuid for e in chart.tab.view.selected()]
    assert len(selected) == 1 and selected[0] in {c.uuid for c in copies}
    assert chart.document.undo_stack.undoText() == "Duplicate “Design lead”"


def test_the_table_shows_the_same_items_and_shares_the_selection(chart: Chart) -> None:
    chart.tab.table_action.trigger()
    assert chart.tab.tables.isVisible()
    model = chart.tab.tables.item_view.model()
    titles = sorted(model.index(r, 0).data() for r in range(model.rowCount()))
    assert titles == sorted(i.title for i in roadmap_items(chart.document.plan, chart.document.viewer))
    QTest.mouseClick(chart.tab.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, chart.point("Pilot licence", dx=0))
    assert chart.tab.tables.selected_uuids() == [chart.uuid_of("Pilot licence")]



def test_right_click_adds_a_milestone_at_that_date_in_that_lane(chart: Chart) -> None:
    from PySide6.QtWidgets import QMenu

    band = chart.tab.scene.band("")
    x = chart.tab.scene.scale.x(date(2029, 3, 10))
    where = chart.tab.view.mapFromScene(QPointF(x, band.top + band.height - 4))
    seen: list[tuple[object, object]] = []

    def pick(menu: QMenu) -> None:
        action = next(a for a in menu.actions() if a.text() == "Add Milestone Here…")
        answer_dialog(chart.qtbot, look)  # the editor this opens
        menu.close()
        action.trigger()

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        seen.append((dialog.lane_combo.currentData(), dialog.start_edit.date().toPython()))
        dialog.reject()

    answer_dialog(chart.qtbot, pick, popup=True)
    # A real right-click, through the window system as a mouse would send it.
    viewport = chart.tab.view.viewport()
    window = viewport.window().windowHandle()
    QTest.mouseClick(window, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier,
                     viewport.mapTo(viewport.window(), where))
    chart.qtbot.waitUntil(lambda: bool(seen))
    lane, day = seen[0]
    assert lane == "" and abs((day - date(2029, 3, 10)).days) <= 2

