"""The roadmap as tables: what the cells show, and edits made in them reaching
the file (or being refused there) as one undo step each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QTableView, QToolTip
from pytestqt.qtbot import QtBot

import resources
from models.exchange import rows_from_dict
from models.plan_file import PlanFile
from models.privacy import TOGETHER
from models.roadmap import TITLE_MAX, milestone_kinds, new_item
from tests.helpers import stored
from ui.dates import date_format, date_text
from ui.document import PlanDocument
from ui.roadmap.table import RoadmapTables
from ui.roadmap.table_models import EntryTableModel, RoadmapTableModel, SeasonTableModel

EXAMPLE = "examples/rachel-and-marcus.json"
DEGREE = "BS in Computer Science, University of Illinois"  # 2010-08-23 to 2014-05-17
WEDDING = "Wedding"  # a shared milestone, 2018-06-16
RACHEL = "a1c2e3f4-0001-4a5b-8c7d-52616368656c"
MARCUS = "a1c2e3f4-0002-4a5b-8c7d-4d6172637573"
EDIT = Qt.ItemDataRole.EditRole


@pytest.fixture
def example_path(tmp_path: Path) -> Path:
    path = tmp_path / "Rachel & Marcus.tandem"
    PlanFile.create(path, rows_from_dict(resources.load_json(EXAMPLE))).close()
    return path


@pytest.fixture
def document(example_path: Path) -> Iterator[PlanDocument]:
    doc = PlanDocument(PlanFile.open(example_path))
    yield doc
    doc.close()


@pytest.fixture
def items(document: PlanDocument) -> Iterator[RoadmapTableModel]:
    model = RoadmapTableModel()
    model.set_document(document)
    yield model
    model.set_document(None)


@pytest.fixture
def tables(qtbot: QtBot, document: PlanDocument) -> Iterator[RoadmapTables]:
    widget = RoadmapTables()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.set_document(document)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.set_document(None)


def cell(model: EntryTableModel, title: str, field: str) -> QModelIndex:
    """The index of ``field`` in the row whose Title (or What for) is ``title``."""
    name = model.column_of("title" if isinstance(model, RoadmapTableModel) else "label")
    row = next(r for r in range(model.rowCount()) if model.index(r, name).data() == title)
    return model.index(row, model.column_of(field))


def stored_row(path: Path, table: str, **match: Any) -> dict[str, Any]:
    rows = [r for r in stored(path)["tables"][table]
            if all(r[k] == v for k, v in match.items())]
    assert len(rows) == 1, (match, rows)
    return rows[0]


def item_uuid(model: EntryTableModel, title: str) -> str:
    return model.entry_at(cell(model, title, "title").row()).uuid


def close(document: PlanDocument, *models: EntryTableModel | RoadmapTables) -> None:
    for model in models:
        model.set_document(None)
    document.close()


# -- what the cells show ------------------------------------------------------------------

def test_both_models_pass_the_qt_model_tester(qtmodeltester: Any,
                                              document: PlanDocument) -> None:
    for model in (RoadmapTableModel(), SeasonTableModel()):
        model.set_document(document)
        assert model.rowCount() > 0
        qtmodeltester.check(model)
        model.set_document(None)


def shown(iso: str) -> str:
    """A date as a cell shows it: in the locale's format, as the chart does."""
    return date_text(date.fromisoformat(iso))


def test_cells_show_labels_lanes_and_iso_dates(items: RoadmapTableModel,
                                               document: PlanDocument) -> None:
    assert [items.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == \
        ["Title", "Kind", "Lane", "Start", "End", "Status", "Notes"]
    row = cell(items, DEGREE, "title").row()
    cells = [items.index(row, c).data() for c in range(7)]
    assert cells == [DEGREE, "Degree or studies", "Rachel", shown("2010-08-23"), shown("2014-05-17"),
                     "Done", ""]
    assert items.index(row, 3).data(Qt.ItemDataRole.UserRole) == date(2010, 8, 23)
    assert items.index(row, 2).data(Qt.ItemDataRole.DecorationRole).name() == "#2f6db5"

    wedding = cell(items, WEDDING, "title").row()
    assert items.index(wedding, 2).data() == "Our life"
    assert items.index(wedding, 4).data() == "", "a milestone has no end"
    assert not items.flags(items.index(wedding, 4)) & Qt.ItemFlag.ItemIsEditable
    assert not items.setData(items.index(wedding, 4), QDate(2019, 1, 1))

    lanes = items.choices(items.index(wedding, 2))
    assert [label for label, _key in lanes] == ["Rachel", "Our life", "Marcus"]
    kinds = [value for _label, value in items.choices(items.index(wedding, 1))]
    assert kinds == [k.id for k in milestone_kinds()], "a milestone stays a milestone"
    assert "job" not in kinds


def test_seasons_show_who_leads(document: PlanDocument) -> None:
    model = SeasonTableModel()
    model.set_document(document)
    assert [model.index(0, c).data() for c in range(4)] == \
        ["Marcus", "Making partner", shown("2019-01-01"), shown("2026-01-14")]
    assert model.choices(model.index(0, 0)) == [("Rachel", RACHEL), ("Marcus", MARCUS)]
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole).name() == "#d9822b"
    model.set_document(None)


# -- edits reach the file ------------------------------------------------------------------------

def test_a_title_edited_in_the_model_is_stored_and_one_undo_restores_it(
        items: RoadmapTableModel, document: PlanDocument, example_path: Path) -> None:
    uuid = item_uuid(items, DEGREE)
    assert items.setData(cell(items, DEGREE, "title"), "BS in CS  ")
    assert document.undo_stack.undoText() == f"Rename “{DEGREE[:39]}…”"
    assert items.index(items.row_of(uuid), 0).data() == "BS in CS"
    close(document, items)
    assert stored_row(example_path, "roadmap_item", uuid=uuid)["title"] == "BS in CS"

    again = PlanDocument(PlanFile.open(example_path))
    model = RoadmapTableModel()
    model.set_document(again)
    assert model.setData(model.index(model.row_of(uuid), 0), "Computer Science")
    assert again.undo_stack.count() == 1
    again.undo_stack.undo()
    assert model.index(model.row_of(uuid), 0).data() == "BS in CS", "the view follows undo"
    close(again, model)
    assert stored_row(example_path, "roadmap_item", uuid=uuid)["title"] == "BS in CS"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("title", "", "The title can’t be empty."),
    ("title", "   ", "The title can’t be empty."),
    ("title", "x" * 500, f"The title is too long: 500 characters, at most {TITLE_MAX}."),
    ("end_date", QDate(2009, 1, 1), "The end (2009-01-01) is before the start (2010-08-23)."),
    ("start_date", QDate(1800, 1, 1),
     "The start 1800-01-01 is out of range: use a date between 1940 and 2100."),
    ("start_date", "1800-01-01",
     "The start 1800-01-01 is out of range: use a date between 1940 and 2100."),
    ("start_date", "not a date", "The start must be a date."),
    ("kind", "graduation", "“Graduation” is a milestone: it has one date, not an end."),
])
def test_bad_input_is_refused_with_the_models_message_and_nothing_is_stored(
        qtbot: QtBot, items: RoadmapTableModel, document: PlanDocument, example_path: Path,
        field: str, value: object, message: str) -> None:
    uuid = item_uuid(items, DEGREE)
    index = cell(items, DEGREE, field)
    old = index.data()
    with qtbot.waitSignal(items.refused) as refused:
        assert not items.setData(index, value)
    assert refused.args[0] == message
    assert (refused.args[1].row(), refused.args[1].column()) == (index.row(), index.column())
    assert index.data() == old
    assert document.undo_stack.count() == 0
    close(document, items)
    row = stored_row(example_path, "roadmap_item", uuid=uuid)
    assert (row["title"], row["kind"], row["start_date"], row["end_date"]) == \
        (DEGREE, "degree", "2010-08-23", "2014-05-17")


@pytest.mark.parametrize("title", ["🚀 Startup 👩‍💻 in Seattle", "東京での転職",
                                   "<b>&</b>", "Ünïcødé & “quotes” <i>x</i>"])
def test_any_text_is_stored_and_shown_exactly(items: RoadmapTableModel, document: PlanDocument,
                                              example_path: Path, title: str) -> None:
    uuid = item_uuid(items, WEDDING)
    assert items.setData(cell(items, WEDDING, "title"), title)
    index = items.index(items.row_of(uuid), 0)
    assert index.data() == title
    assert index.data(EDIT) == title
    tip = QTextDocument()
    tip.setHtml(index.data(Qt.ItemDataRole.ToolTipRole))
    assert tip.toPlainText() == title, "markup in a title is shown, not rendered"
    close(document, items)
    assert stored_row(example_path, "roadmap_item", uuid=uuid)["title"] == title


def test_lane_status_and_kind_edits_store_model_values(
        items: RoadmapTableModel, document: PlanDocument, example_path: Path) -> None:
    uuid = item_uuid(items, DEGREE)
    assert items.setData(cell(items, DEGREE, "partner_uuid"), "")  # the shared lane
    assert document.undo_stack.undoText() == f"Move “{DEGREE[:39]}…” to Our life"
    assert items.setData(cell(items, DEGREE, "status"), "dropped")
    assert cell(items, DEGREE, "status").data() == "Dropped"
    assert cell(items, DEGREE, "title").data(Qt.ItemDataRole.FontRole).strikeOut()
    assert items.setData(cell(items, DEGREE, "kind"), "sabbatical")
    assert items.setData(cell(items, DEGREE, "notes"), "Line one\nline two")
    assert cell(items, DEGREE, "notes").data() == "Line one line two"
    close(document, items)
    row = stored_row(example_path, "roadmap_item", uuid=uuid)
    assert (row["partner_uuid"], row["status"], row["kind"], row["notes"]) == \
        (None, "dropped", "sabbatical", "Line one\nline two")


def test_season_edits_are_stored_or_refused(qtbot: QtBot, document: PlanDocument,
                                            example_path: Path) -> None:
    model = SeasonTableModel()
    model.set_document(document)
    assert model.setData(cell(model, "Startup", "leader_uuid"), MARCUS)
    assert document.undo_stack.undoText() == "Let Marcus lead “Startup”"
    with qtbot.waitSignal(model.refused) as refused:
        assert not model.setData(cell(model, "Startup", "start_date"), QDate(2025, 1, 1))
    assert refused.args[0].startswith("Seasons may not overlap")
    close(document, model)
    row = stored_row(example_path, "season", label="Startup")
    assert (row["leader_uuid"], row["start_date"]) == (MARCUS, "2027-03-01")


# -- sorting ----------------------------------------------------------------------------------

def test_sorting_by_start_puts_the_earliest_first(items: RoadmapTableModel) -> None:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(items)
    proxy.setSortRole(Qt.ItemDataRole.UserRole)
    start = items.column_of("start_date")
    proxy.sort(start, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, start).data() == shown("2033-01-01")

    # An edited row keeps its place in the model; the proxy moves it.
    row = cell(items, "Parental leave", "start_date").row()
    assert items.setData(items.index(row, start), QDate(2009, 2, 1))
    assert cell(items, "Parental leave", "start_date").row() == row
    proxy.sort(start, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 0).data() == "Parental leave"
    assert proxy.index(0, start).data() == shown("2009-02-01")
    assert proxy.index(1, start).data() == shown("2010-08-23")


# -- the widget: editing through the delegate, refusals, selection ---------------------------

def proxy_cell(view: QTableView, title: str, field: str) -> QModelIndex:
    proxy = view.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    model = proxy.sourceModel()
    assert isinstance(model, EntryTableModel)
    return proxy.mapFromSource(cell(model, title, field))


def open_editor(qtbot: QtBot, view: QTableView, index: QModelIndex) -> Any:
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert editor is not None, "F2 opens an editor on the current cell"
    return editor


def test_typing_a_title_in_the_table_stores_it(qtbot: QtBot, tables: RoadmapTables,
                                               document: PlanDocument,
                                               example_path: Path) -> None:
    view = tables.item_view
    uuid = item_uuid(tables.items, WEDDING)
    editor = open_editor(qtbot, view, proxy_cell(view, WEDDING, "title"))
    assert isinstance(editor, QLineEdit) and editor.text() == WEDDING
    editor.selectAll()
    qtbot.keyClicks(editor, "Our wedding <3 & party")
    with qtbot.waitSignal(document.changed):  # the delegate commits on the next turn
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert view.indexWidget(proxy_cell(view, "Our wedding <3 & party", "title")) is None
    assert document.undo_stack.undoText() == "Rename “Wedding”"
    close(document, tables)
    assert stored_row(example_path, "roadmap_item", uuid=uuid)["title"] == \
        "Our wedding <3 & party"


def test_choices_and_dates_are_edited_with_a_combo_and_a_date_field(
        qtbot: QtBot, tables: RoadmapTables, document: PlanDocument,
        example_path: Path) -> None:
    view = tables.item_view
    uuid = item_uuid(tables.items, DEGREE)
    combo = open_editor(qtbot, view, proxy_cell(view, DEGREE, "partner_uuid"))
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Rachel", "Our life", "Marcus"]
    assert combo.currentText() == "Rachel"
    combo.setCurrentIndex(2)
    with qtbot.waitSignal(document.changed):
        qtbot.keyClick(combo, Qt.Key.Key_Return)

    dates = open_editor(qtbot, view, proxy_cell(view, DEGREE, "end_date"))
    assert isinstance(dates, QDateEdit)
    assert dates.calendarPopup() and dates.displayFormat() == date_format().pattern
    assert dates.date() == QDate(2014, 5, 17)
    dates.setDate(QDate(2014, 6, 30))
    with qtbot.waitSignal(document.changed):
        qtbot.keyClick(dates, Qt.Key.Key_Return)
    assert proxy_cell(view, DEGREE, "end_date").data() == shown("2014-06-30")
    assert document.undo_stack.count() == 2
    close(document, tables)
    row = stored_row(example_path, "roadmap_item", uuid=uuid)
    assert (row["partner_uuid"], row["end_date"]) == (MARCUS, "2014-06-30")


# The offscreen platform says this when a tooltip is shown; a real one does not.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_refused_edit_in_the_table_is_explained_until_a_change_goes_through(
        qtbot: QtBot, tables: RoadmapTables, document: PlanDocument) -> None:
    view = tables.item_view
    error = tables.findChild(QLabel, "tableError")
    assert error is not None and error.isHidden()
    dates = open_editor(qtbot, view, proxy_cell(view, DEGREE, "start_date"))
    dates.setDate(QDate(1800, 1, 1))
    with qtbot.waitSignal(tables.items.refused):
        qtbot.keyClick(dates, Qt.Key.Key_Return)
    assert error.isVisible()
    assert error.text() == \
        "The start 1800-01-01 is out of range: use a date between 1940 and 2100."
    assert proxy_cell(view, DEGREE, "start_date").data() == shown("2010-08-23")
    assert document.undo_stack.count() == 0
    qtbot.waitUntil(QToolTip.isVisible)  # at the cell, once the editor has closed
    tip = QTextDocument()
    tip.setHtml(QToolTip.text())
    assert tip.toPlainText() == error.text()
    QToolTip.hideText()

    assert tables.items.setData(cell(tables.items, DEGREE, "title"), "BS")
    assert error.isHidden() and error.text() == ""


def test_selection_is_shared_as_uuids(qtbot: QtBot, tables: RoadmapTables,
                                      document: PlanDocument) -> None:
    wedding = item_uuid(tables.items, WEDDING)
    startup = tables.seasons.entry_at(cell(tables.seasons, "Startup", "label").row()).uuid
    with qtbot.assertNotEmitted(tables.selection_changed):
        tables.select_uuids([wedding, startup])
    assert tables.selected_uuids() == [wedding, startup]

    with qtbot.waitSignal(tables.selection_changed) as signal:
        tables.item_view.selectRow(proxy_cell(tables.item_view, DEGREE, "title").row())
    degree = item_uuid(tables.items, DEGREE)
    assert signal.args == [[degree]], "a plain selection in one table clears the other"

    # An added item is one more row: the selection and current cell stay, untouched.
    tables.item_view.setCurrentIndex(proxy_cell(tables.item_view, DEGREE, "status"))
    rows = tables.items.rowCount()
    with qtbot.assertNotEmitted(tables.selection_changed):
        document.submit("Add", new_item("promotion", "Staff engineer", date(2024, 4, 1),
                                        partner_uuid=RACHEL, viewer=TOGETHER))
    assert tables.items.rowCount() == rows + 1
    assert tables.selected_uuids() == [degree]
    current = tables.item_view.currentIndex()
    assert (current.data(), current.column()) == ("Done", tables.items.column_of("status"))

    # An undone add takes the row away, and the chart hears it left the selection.
    tables.select_uuids([item_uuid(tables.items, "Staff engineer")])
    with qtbot.waitSignal(tables.selection_changed) as signal:
        document.undo_stack.undo()
    assert signal.args == [[]]
