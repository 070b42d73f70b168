"""What a couple notices first on the roadmap: labels whole and in place, clash
shading where it belongs, zoom that keeps its place, a ruler that reads, one
date format, the lead balance in kind words, and a window that fits a small
screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QToolButton
from pytestqt.qtbot import QtBot

import resources
from models.calendar import DateFormat
from models.exchange import rows_from_dict
from models.partners import new_plan_rows, partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER
from models.roadmap import new_item, new_season, roadmap_items, seasons
from models.roadmap_insight import lead_note, lead_times
from report.roadmap_drawing import SEASONS, Box, Text, draw_roadmap, ruler, ruler_unit
from tests.helpers import stored
from ui.document import PlanDocument
from ui.roadmap.editor import ItemDialog
from ui.roadmap.items import ClashItem
from ui.roadmap.painter import screen_metrics
from ui.roadmap.scale import ZOOM_LEVELS
from ui.roadmap.tab import RoadmapTab

TODAY = date(2026, 11, 23)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "example.tandem"
    PlanFile.create(path, rows_from_dict(resources.load_json("examples/rachel-and-marcus.json"))
                    ).close()
    return path


@pytest.fixture
def tab(qtbot: QtBot, example: Path) -> Iterator[RoadmapTab]:
    document = PlanDocument(PlanFile.open(example))
    widget = RoadmapTab()
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_document(document)
    yield widget
    widget.set_document(None)
    document.close()


def texts(entry_shapes: list[object]) -> list[Text]:
    return [s for s in entry_shapes if isinstance(s, Text)]


# -- labels -------------------------------------------------------------------------------

def test_labels_are_whole_beside_short_bars_and_never_overlap(tab: RoadmapTab) -> None:
    drawing = tab.scene.drawing
    assert drawing is not None
    labels = []
    for entry in drawing.entries.values():
        for text in texts(entry.shapes):
            labels.append((entry, text))
            if entry.kind == "phase" and text.x > entry.x + entry.width:
                assert text.text.rstrip("…") == text.text or len(text.text) > 30, \
                    f"a short label beside its bar is whole: {text.text}"
    beside = [t for e, t in labels if e.kind == "phase" and t.x > e.x + e.width]
    assert beside, "short phases in the example are labelled beside their bars"
    boxes = [(t.x, t.x + t.width, e.y) for e, t in labels if e.kind != "season"]
    bars = [(e.x, e.x + e.width, e.y) for e in drawing.entries.values() if e.kind == "phase"]
    for index, (left, right, top) in enumerate(boxes):
        for other_left, other_right, other_top in boxes[index + 1:]:
            assert top != other_top or right <= other_left or other_right <= left, \
                "two labels in one row overlap"
        for bar_left, bar_right, bar_top in bars:
            if bar_top == top and not bar_left <= left <= bar_right:
                assert right <= bar_left + 1 or left >= bar_right - 1, "a label runs over a bar"


def test_a_bar_that_starts_off_screen_keeps_its_label_at_the_visible_edge(
        tab: RoadmapTab, qtbot: QtBot) -> None:
    tab.set_zoom(ZOOM_LEVELS[2], anchor=date(2020, 1, 1), anchor_x=0)  # months, 2020 at the left
    item = next(i for i in roadmap_items(tab.document.plan, TOGETHER)  # type: ignore[union-attr]
                if i.title == "Senior engineer, Chicago health-tech")
    entry = tab.scene.entries[item.uuid].entry
    left = tab.view.mapToScene(0, 0).x()
    assert entry.x < left < entry.x + entry.width, "the bar starts before the visible edge"
    [label] = texts(entry.shapes)
    assert left < label.x < left + 20, "its label stays in view, at the left edge"
    tab.view.horizontalScrollBar().setValue(0)  # back to the start of the plan
    entry = tab.scene.entries[item.uuid].entry
    [label] = texts(entry.shapes)
    assert label.x == pytest.approx(entry.x + tab.scene.metrics.label_padding)


def test_hatching_never_runs_behind_a_label(tab: RoadmapTab) -> None:
    tab.set_zoom(ZOOM_LEVELS[1], anchor=date(2011, 6, 1), anchor_x=200)
    drawing = tab.scene.drawing
    assert drawing is not None
    inside = [e for e in drawing.entries.values() if e.kind == "phase"
              and isinstance(e.shapes[0], Box) and e.shapes[0].pattern == "hatched"
              and texts(e.shapes) and texts(e.shapes)[0].x < e.x + e.width]
    assert inside, "a hatched bar (a degree) wide enough for its label"
    for entry in inside:
        backdrop, label = entry.shapes[-2], entry.shapes[-1]
        assert isinstance(backdrop, Box) and not backdrop.pattern and isinstance(label, Text)
        assert backdrop.x <= label.x and backdrop.fill, "a plain backdrop under the words"


def test_clash_shading_marks_only_the_lanes_concerned(tab: RoadmapTab) -> None:
    drawing = tab.scene.drawing
    assert drawing is not None
    clashes = [i for i in tab.scene.items() if isinstance(i, ClashItem)]
    assert clashes
    seasons = drawing.band(SEASONS)
    for clash in clashes:
        lanes = [b for b in drawing.bands if b.top == clash.area.y]
        assert len(lanes) == 1 and lanes[0].key != SEASONS, "within one lane, not across all"
        assert clash.area.height == lanes[0].height
        assert clash.area.y >= seasons.top + seasons.height
    assert len(clashes) < 3 * len(drawing.clashes), "not every lane, every time"


# -- zoom and ruler ---------------------------------------------------------------------------

def test_zooming_keeps_the_point_under_the_mouse_else_the_selection_else_today(
        tab: RoadmapTab, qtbot: QtBot) -> None:
    viewport = tab.view.viewport()
    tab.set_zoom(ZOOM_LEVELS[3], anchor=date(2020, 1, 1), anchor_x=400)
    pointer = QPoint(300, 60)
    QCursor.setPos(viewport.mapToGlobal(pointer))
    if viewport.mapFromGlobal(QCursor.pos()) != pointer:
        pytest.skip("this platform does not move the pointer")
    under = tab.scene.scale.date_at(tab.view.mapToScene(pointer).x())
    tab.zoom_in_action.trigger()
    assert abs((tab.scene.scale.date_at(tab.view.mapToScene(pointer).x()) - under).days) <= 3


def test_zooming_by_keys_keeps_the_selection_in_place(tab: RoadmapTab) -> None:
    QCursor.setPos(QPoint(-500, -500))  # the mouse is elsewhere
    tab.set_zoom(ZOOM_LEVELS[3], anchor=date(2021, 1, 1), anchor_x=500)
    item = tab.scene.entries[next(
        i.uuid for i in roadmap_items(tab.document.plan, TOGETHER)  # type: ignore[union-attr]
        if i.title == "Senior engineer, Chicago health-tech")]
    item.setSelected(True)
    before = tab.view.mapFromScene(item.scenePos()).x()
    tab.zoom_in_action.trigger()
    item = tab.scene.entries[item.uuid]
    assert abs(tab.view.mapFromScene(item.scenePos()).x() - before) <= 2
    tab.scene.clearSelection()
    tab.set_zoom(ZOOM_LEVELS[2], anchor=TODAY, anchor_x=700)
    tab.zoom_out_action.trigger()
    today_x = tab.view.mapFromScene(tab.scene.scale.x(TODAY), 0).x()
    assert abs(today_x - 700) <= 2, "with nothing selected, today stays where it was"


@pytest.mark.parametrize("per_day", ZOOM_LEVELS)
def test_the_ruler_counts_its_zoom_s_unit_and_no_labels_overlap(tab: RoadmapTab,
                                                                per_day: float) -> None:
    tab.set_zoom(per_day, anchor=TODAY, anchor_x=300)
    drawing = tab.scene.drawing
    assert drawing is not None
    left = tab.view.mapToScene(0, 0).x()
    right = left + tab.view.viewport().width()
    shapes = ruler(drawing, left, right, tab.scene.metrics)
    labels = [s for s in shapes if isinstance(s, Text)]
    assert any(t.text == "Today" for t in labels), "today is named on the ruler"
    for line in {t.y for t in labels}:
        row = sorted((t.x, t.x + tab.scene.metrics.measure(t.text, t.font)) for t in labels
                     if t.y == line)
        assert all(a[1] <= b[0] for a, b in zip(row, row[1:], strict=False)), \
            f"labels overlap on the ruler: {[t.text for t in labels if t.y == line]}"
    unit = ruler_unit(tab.px_per_day)
    assert tab.zoom_label.text().strip() == unit, "the zoom control says what the ruler counts"
    lower = [t.text for t in labels if t.y > 0]
    if unit == "Quarters":
        assert set(lower) <= {"Q1", "Q2", "Q3", "Q4"} and lower
    if unit == "Months":
        assert set(lower) <= set(DateFormat().short_months) and lower


# -- dates ---------------------------------------------------------------------------------

def test_an_end_typed_before_the_start_is_refused_under_the_field(qtbot: QtBot,
                                                                 plan_path: Path) -> None:
    document = PlanDocument(PlanFile.open(plan_path))
    try:
        dialog = ItemDialog(document, phase=True, start=date(2030, 1, 1))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.title_edit, "PhD")
        end = dialog.end_edit
        assert end is not None
        end.setFocus()
        end.setSelectedSection(end.Section.YearSection)  # as a click on the year does
        QTest.keyClicks(end, "2020")
        assert end.date().year() == 2020, "what was typed stays typed"
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        error = dialog.error_label("end_date")
        assert error.isVisible() and "is before the start" in error.text()
        assert dialog.isVisible()
    finally:
        document.close()
    assert stored(plan_path)["tables"]["roadmap_item"] == [], "nothing stored, nothing changed"


def test_one_date_format_in_tooltips_cells_and_editors(tab: RoadmapTab) -> None:
    from ui.dates import date_format, date_text

    item = roadmap_items(tab.document.plan, TOGETHER)[0]  # type: ignore[union-attr]
    tip = tab.scene.entries[item.uuid].entry.tooltip
    assert date_text(item.start_date) in tip
    tab.table_action.trigger()
    assert tab.tables is not None
    cells = {tab.tables.items.index(row, 3).data() for row in range(tab.tables.items.rowCount())}
    assert date_text(item.start_date) in cells
    assert date_format().pattern.count("y") == 4, "years in full: a plan spans decades"


# -- the lead balance ------------------------------------------------------------------------

def test_the_lead_balance_is_a_split_bar_in_kind_words(tmp_path: Path) -> None:
    path = tmp_path / "plan.tandem"
    with PlanFile.create(path, new_plan_rows("Ana", "Bo")) as plan:
        ana, bo = partners(plan)
        plan.apply(new_season(ana.uuid, "Ana's MBA", date(2024, 1, 1), date(2025, 12, 31)),
                   TOGETHER)
        times = lead_times(partners(plan), seasons(plan), TODAY)
    assert lead_note(times) == ("Bo’s career has no season of its own yet: something to talk "
                                "about together, not a verdict.")
    assert "verdict" in lead_note(times) and "0 months" not in lead_note(times)


# -- small screens ----------------------------------------------------------------------------

def test_at_1280_by_720_the_lanes_fit_and_no_action_hides(qtbot: QtBot, example: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """On a 1280 × 720 screen (the window less its title bar), with the
    example's reminders showing: the rows draw closer together so that every
    lane is in sight; with room again, they are drawn at full height."""
    from ui.window.main_window import FRAME_ALLOWANCE, MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720 - FRAME_ALLOWANCE)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_plan(example)
    assert window.notices.isVisible()
    tab = window.tab_pages[0][1]
    assert isinstance(tab, RoadmapTab)
    qtbot.waitUntil(lambda: tab.scene.drawing is not None)
    assert tab.scene.sceneRect().height() <= tab.view.viewport().height(), \
        "both partners' lanes in sight without scrolling"
    assert tab.compact_rows
    from ui.roadmap import scene as scene_module

    drawn: list[int] = []
    real = scene_module.draw_roadmap
    monkeypatch.setattr(scene_module, "draw_roadmap",
                        lambda *args, **kwargs: drawn.append(1) or real(*args, **kwargs))
    tab.refresh()
    assert drawn == [1], "compact or not, the chart is drawn once"
    window.resize(1280, 1000)
    qtbot.waitUntil(lambda: not tab.compact_rows)
    assert tab.scene.sceneRect().height() <= tab.view.viewport().height()
    window.resize(1280, 720 - FRAME_ALLOWANCE)
    qtbot.waitUntil(lambda: tab.compact_rows)
    window.resize(1280, 400)  # not even compact rows would fit: full ones, and a scroll bar
    qtbot.waitUntil(lambda: not tab.compact_rows)
    assert tab.scene.sceneRect().height() > tab.view.viewport().height()
    extension = [b for b in tab.toolbar.findChildren(QToolButton)
                 if b.objectName() == "qt_toolbar_ext_button"]
    assert not any(b.isVisible() for b in extension), "no action behind »"
    assert tab.legend.height() <= 26, "the key keeps to one line"
    more = tab.legend.more
    assert more.isVisible() and more.text().endswith("more…")
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert tab.legend.height() > 26 and more.text() == "Fewer"
    window.close()


def test_an_empty_plan_says_how_to_begin(qtbot: QtBot, plan_path: Path) -> None:
    document = PlanDocument(PlanFile.open(plan_path))
    tab = RoadmapTab()
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    tab.set_document(document)
    hint = tab.findChild(QLabel, "emptyHint")
    assert hint.isVisible() and "Add a phase" in hint.text()
    ana = partners(document.plan)[0].uuid
    document.submit("Add", new_item("job", "First job", date(2027, 1, 1), date(2028, 1, 1), ana,
                                    viewer=TOGETHER))
    assert not hint.isVisible()
    tab.set_document(None)
    document.close()


def test_the_drawing_is_the_same_for_any_renderer(tab: RoadmapTab) -> None:
    """The page will draw what the screen draws: the same rows and labels
    from the same rules, given the same measures."""
    document = tab.document
    assert document is not None
    plan = document.plan
    items = roadmap_items(plan, TOGETHER)
    again = draw_roadmap(partners(plan), items, seasons(plan), tab.scene.drawing.clashes,
                         span=tab.scene.drawing.span, per_day=tab.px_per_day, today=TODAY,
                         metrics=screen_metrics(), dates=tab.scene.dates)
    for uuid, entry in tab.scene.drawing.entries.items():
        assert (again.entries[uuid].x, again.entries[uuid].y) == (entry.x, entry.y)
        assert [t.text for t in texts(again.entries[uuid].shapes)] == \
            [t.text for t in texts(entry.shapes)]
