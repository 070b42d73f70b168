"""An editable table of plan rows, shared by the Support tab's lists (budget
lines, board members, household tasks, pivots): each column names the field
it edits and how (text, a number typed as text, a choice, a date, a tick).
A change is built by the page's ``edit`` function (a :mod:`models.support`
builder) and submitted as one undo step; a refusal is reported with the very
cell it belongs to, and the cell goes back to what is stored."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from models.changes import Edit
from models.errors import TandemError
from ui.dates import date_format
from ui.document import PlanDocument
from ui.style import FAINT_INK, plain_tip, readable_ink
from ui.text_fields import limit_length

ModelIndex = QModelIndex | QPersistentModelIndex
#: The (label, value) pairs a choice column offers.
Choices = Callable[[], list[tuple[str, Any]]]


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    #: "text", "number", "choice", "date" or "check".
    kind: str = "text"
    #: What the cell shows for a row.
    show: Callable[[Any], str] | None = None
    choices: Choices | None = None
    #: Characters a text cell takes (the models' limit).
    limit: int = 0
    tip: str = ""
    #: Whether this row's cell may be changed (default: every row's).
    editable: Callable[[Any], bool] | None = None
    stretch: bool = False
    #: The colour the cell's text takes (a partner's), if any.
    color: Callable[[Any], str | None] | None = None


@cache
def _ink(color: str) -> str:
    """A partner's colour as text on a table's white (asked for every cell painted)."""
    return readable_ink(color, "#ffffff")


def short(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


class RowsTableModel(QAbstractTableModel):
    """Rows of one kind, as ``read(document)`` gives them, in columns."""

    refused = Signal(str, QModelIndex)

    def __init__(self, columns: Sequence[Column], read: Callable[[PlanDocument], list[Any]],
                 edit: Callable[[PlanDocument, Any, str, Any], Edit],
                 describe: Callable[[Any], str], parent: QObject | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self._read = read
        self._edit = edit
        self._describe = describe
        self.document: PlanDocument | None = None
        self.rows: list[Any] = []

    def refresh(self, document: PlanDocument | None) -> None:
        self.document = document
        fresh = self._read(document) if document is not None else []
        if [r.uuid for r in fresh] == [r.uuid for r in self.rows]:
            self.rows = fresh
            if fresh:  # same rows: the selection and any open editor stay
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(fresh) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self.rows = fresh
        self.endResetModel()

    def row_of(self, uuid: str) -> int:
        return next((n for n, row in enumerate(self.rows) if row.uuid == uuid), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.header
            if role == Qt.ItemDataRole.ToolTipRole and column.tip:
                return column.tip
        return super().headerData(section, orientation, role)

    def _shown(self, column: Column, row: Any) -> str:
        if column.show is not None:
            return column.show(row)
        value = getattr(row, column.field)
        if column.choices is not None:
            return next((label for label, v in column.choices() if v == value), str(value))
        return "" if value is None else str(value)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) \
                or not 0 <= index.column() < len(self.columns):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if column.kind == "check":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if getattr(row, column.field) else \
                    Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole and column.tip:
                return column.tip
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(column, row)
        if role == Qt.ItemDataRole.EditRole:
            if column.kind in ("choice", "date"):
                return getattr(row, column.field)
            return self._shown(column, row)
        if role == Qt.ItemDataRole.ToolTipRole:
            shown = self._shown(column, row)
            return plain_tip(shown) if shown else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == "number":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not self._editable(column, row):
                return QColor(FAINT_INK)
            color = column.color(row) if column.color is not None else None
            if color:
                return QColor(_ink(color))
        return None

    def _editable(self, column: Column, row: Any) -> bool:
        return self.document is not None and (column.editable is None or column.editable(row))

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return super().flags(index)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if self._editable(column, self.rows[index.row()]):
            flags |= Qt.ItemFlag.ItemIsUserCheckable if column.kind == "check" else \
                Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: ModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self.document is None or not index.isValid():
            return False
        row, column = self.rows[index.row()], self.columns[index.column()]
        if column.kind == "check":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if column.kind == "date" and isinstance(value, QDate):
            value = date(value.year(), value.month(), value.day())
        if column.kind != "check" and value == self.data(index, Qt.ItemDataRole.EditRole):
            return False  # an editor opened and closed: nothing to store
        try:
            self.document.submit(f"Change {column.header.lower()} of “{short(self._describe(row))}”",
                                 self._edit(self.document, row, column.field, value),
                                 initiator=self)
        except TandemError as error:
            self.refused.emit(error.message, self.index(index.row(), index.column()))
            return False
        return True


class RowsDelegate(QStyledItemDelegate):
    """Editors by column kind: a list for choices, a calendar for dates, a
    line limited to the models' length for text."""

    def __init__(self, model: RowsTableModel, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: ModelIndex) -> QWidget:
        column = self.model.columns[index.column()]
        if column.kind == "choice" and column.choices is not None:
            combo = QComboBox(parent)
            for label, value in column.choices():
                combo.addItem(label, value)
            return combo
        if column.kind == "date":
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat(date_format().pattern)  # as the tables write it
            return editor
        widget = super().createEditor(parent, option, index)
        if isinstance(widget, QLineEdit) and column.limit:
            limit_length(widget, column.limit)
        return widget

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QDateEdit) and isinstance(value, date):
            editor.setDate(QDate(value.year, value.month, value.day))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


def rows_table(model: RowsTableModel, name: str, accessible: str) -> QTableView:
    """A table for ``model``: whole rows selected, edited by double-click,
    F2 or typing; its own delegate (a shared one reaches other views)."""
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setModel(model)
    table.setItemDelegate(RowsDelegate(model, table))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                          | QAbstractItemView.EditTrigger.EditKeyPressed
                          | QAbstractItemView.EditTrigger.AnyKeyPressed)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    # Columns fit the first rows' contents, not all of them: a long list stays quick.
    header.setResizeContentsPrecision(64)
    for number, column in enumerate(model.columns):
        header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch if column.stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return table


def show_cell_refusal(table: QTableView, message: str, index: QModelIndex) -> None:
    """The refusal beside the cell it belongs to (the page's error line has it too)."""
    rect = table.visualRect(index)
    if table.isVisible() and rect.isValid():
        viewport = table.viewport()
        QTimer.singleShot(0, viewport, lambda: QToolTip.showText(
            viewport.mapToGlobal(rect.bottomLeft()), plain_tip(message), viewport, rect))


def selected_rows(table: QTableView, model: RowsTableModel) -> list[Any]:
    return [model.rows[index.row()] for index in sorted(table.selectionModel().selectedRows())
            if 0 <= index.row() < len(model.rows)]


def submit(document: PlanDocument | None, text: str, build: Callable[[], Edit],
           refused: Callable[[str], None]) -> Edit:
    """Build and submit an edit, and return it; a refusal goes to ``refused``
    (nothing stored, and the edit returned is empty)."""
    if document is None:
        return ()
    try:
        edit = build()
        document.submit(text, edit)
    except TandemError as error:
        refused(error.message)
        return ()
    return edit

