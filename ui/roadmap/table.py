"""The roadmap as tables: every phase and milestone, and every season, one row
each, edited in place. A changed cell is one edit through the document (one
undo step); the models of ``models.roadmap`` decide what is allowed, and a
refusal is shown at the cell it came from.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QDate,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from models.errors import TandemError
from models.partners import Partner, partners
from models.roadmap import (
    LABEL_MAX,
    NOTES_MAX,
    TITLE_MAX,
    RoadmapItem,
    Season,
    edit_entry,
    kinds,
    milestone_kinds,
    phase_kinds,
    roadmap_items,
    seasons,
    status_labels,
)
from models.roadmap_layout import item_color, item_style, lane_key, lane_order
from ui.document import PlanDocument

Entry = RoadmapItem | Season
ModelIndex = QModelIndex | QPersistentModelIndex

#: Which editor a column opens.
TEXT, DATE, CHOICE = "text", "date", "choice"
#: Tooltips show at most this much of the notes; the cell has all of it.
TIP_NOTES = 400
ISO = "yyyy-MM-dd"


@dataclass(frozen=True)
class Column:
    """One column of a table: what it shows, and how a cell of it is edited."""

    title: str
    #: The field of the entry that ``edit_entry`` changes.
    field: str
    editor: str
    #: The undo step's name; ``{name}`` is the entry, ``{value}`` the new value.
    undo: str
    tip: str
    max_length: int = 0
    #: The cell's value when it is not the field itself (the lane of an item).
    read: Callable[[Any], Any] | None = None
    #: The field's value from the cell's (the shared lane is no partner).
    write: Callable[[Any], Any] | None = None
    #: Show the colour of the cell's partner or lane beside it.
    swatch: bool = False


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` as typed: Qt would render a title such as
    ``<b>&</b>`` as markup, so it is escaped inside explicit rich text."""
    return f'<p style="white-space: pre-wrap;">{html.escape(text)}</p>'


def _short(name: str, limit: int = 40) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"


def _as_date(value: object) -> object:
    """Dates from editors and callers as ``date``; anything else is passed on
    unchanged for the model to refuse with its own message."""
    if isinstance(value, QDate):
        return value.toPython() if value.isValid() else None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return value
    return value


class EntryTableModel(QAbstractTableModel):
    """Rows of one kind of roadmap entry, described by :attr:`columns`.
    Subclasses say where the rows come from and how an entry reads."""

    #: A refused edit: the message for the user, and the cell it came from.
    refused = Signal(str, QModelIndex)

    columns: ClassVar[tuple[Column, ...]] = ()
    #: The tables whose changes this model shows.
    tables: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._document: PlanDocument | None = None
        self._entries: list[Entry] = []
        self._pair: list[Partner] = []

    # -- the document ------------------------------------------------------------

    @property
    def document(self) -> PlanDocument | None:
        return self._document

    def set_document(self, document: PlanDocument | None) -> None:
        if self._document is not None:
            self._document.changed.disconnect(self._on_changed)
        self.beginResetModel()
        self._document = document
        self._entries, self._pair = self._read()
        self.endResetModel()
        if document is not None:
            document.changed.connect(self._on_changed)

    def _read(self) -> tuple[list[Entry], list[Partner]]:
        if self._document is None:
            return [], []
        session = self._document.session
        return self._load(session), partners(session)

    def _on_changed(self, touched: frozenset[str]) -> None:
        if touched & self.tables:
            self.refresh()

    def refresh(self) -> None:
        """Read the rows again. When the same entries are still there (an
        edited cell, a renamed partner) they keep their rows and only the
        cells are redrawn, so the views keep their selection, current cell and
        scroll position; otherwise the model is reset."""
        entries, pair = self._read()
        by_uuid = {entry.uuid: entry for entry in entries}
        if len(by_uuid) == len(self._entries) and all(
                entry.uuid in by_uuid for entry in self._entries):
            self._entries = [by_uuid[entry.uuid] for entry in self._entries]
            self._pair = pair
            if self._entries:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._entries) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self._entries, self._pair = entries, pair
        self.endResetModel()

    # -- for subclasses ------------------------------------------------------------

    def _load(self, session: Any) -> list[Entry]:
        raise NotImplementedError

    def _name(self, entry: Any) -> str:
        raise NotImplementedError

    def _choices(self, entry: Any, column: Column) -> list[tuple[str, object]]:
        return []

    def _editable(self, entry: Any, column: Column) -> bool:
        return True

    def _color(self, entry: Any) -> str:
        return ""

    def _font(self, entry: Any, column: Column) -> QFont | None:
        return None

    # -- lookups for views and delegates ------------------------------------------

    def entry_at(self, row: int) -> Entry:
        return self._entries[row]

    def row_of(self, uuid: str) -> int:
        """The row showing ``uuid``, or -1."""
        return next((row for row, entry in enumerate(self._entries) if entry.uuid == uuid), -1)

    def column_of(self, field: str) -> int:
        return next(number for number, column in enumerate(self.columns) if column.field == field)

    def spec(self, index: ModelIndex) -> Column:
        return self.columns[index.column()]

    def choices(self, index: ModelIndex) -> list[tuple[str, object]]:
        """(label, value) of what a Kind, Lane, Status or Leads cell may hold."""
        if not index.isValid() or self.spec(index).editor != CHOICE:
            return []
        return self._choices(self._entries[index.row()], self.spec(index))

    def _value(self, entry: Entry, column: Column) -> Any:
        return column.read(entry) if column.read else getattr(entry, column.field)

    def _label(self, entry: Entry, column: Column, value: Any) -> str:
        if column.editor == CHOICE:
            return next((label for label, choice in self._choices(entry, column)
                         if choice == value), str(value))
        if column.editor == DATE:
            return value.isoformat() if isinstance(value, date) else str(value or "")
        # A cell is one line; the editor and the tooltip have the line breaks.
        return " ".join(str(value).split("\n"))

    def _sort_key(self, entry: Entry, column: Column, value: Any) -> Any:
        if column.editor == CHOICE:
            # The order the choices are offered in: lanes top to bottom,
            # kinds and statuses as the content lists them.
            values = [choice for _label, choice in self._choices(entry, column)]
            return values.index(value) if value in values else len(values)
        if column.editor == DATE:
            # A QDate, not a date: the proxy compares Qt's own types only.
            return QDate(value) if value else None
        return str(value).casefold()

    # -- QAbstractItemModel ----------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.columns[section].tip
            return None
        return super().headerData(section, orientation, role)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry, column = self._entries[index.row()], self.spec(index)
        value = self._value(entry, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(entry, column, value)
        if role == Qt.ItemDataRole.EditRole:
            if column.editor == DATE:
                return QDate(value) if value else None
            return value
        if role == Qt.ItemDataRole.UserRole:
            return self._sort_key(entry, column, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry)
        if role == Qt.ItemDataRole.DecorationRole and column.swatch:
            return QColor(self._color(entry))
        if role == Qt.ItemDataRole.FontRole:
            return self._font(entry, column)
        return None

    def _tooltip(self, entry: Entry) -> str:
        notes = entry.notes
        if len(notes) > TIP_NOTES:
            notes = notes[:TIP_NOTES - 1] + "…"
        return plain_tip(self._name(entry) + ("\n\n" + notes if notes else ""))

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return super().flags(index)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._document is not None and self._editable(self._entries[index.row()],
                                                         self.spec(index)):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: ModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or self._document is None
                or not index.isValid()
                or not self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        entry, column = self._entries[index.row()], self.spec(index)
        if column.editor == DATE:
            value = _as_date(value)
        elif isinstance(value, str):
            # The model stores text stripped; the edit has to record the
            # stored value, or undoing it would find the row "changed since".
            value = value.strip()
        stored = column.write(value) if column.write else value
        text = column.undo.format(name=_short(self._name(entry)),
                                  value=self._label(entry, column, value))
        try:
            self._document.submit(text, edit_entry(entry, **{column.field: stored}))
        except TandemError as error:
            # Nothing was stored, so the row still shows this entry.
            self.refused.emit(error.message, self.index(index.row(), index.column()))
            return False
        return True


class RoadmapTableModel(EntryTableModel):
    """Every phase and milestone of both careers and of "Our life"."""

    columns = (
        Column("Title", "title", TEXT, "Rename “{name}”",
               "What it is, in a few words", max_length=TITLE_MAX),
        Column("Kind", "kind", CHOICE, "Change kind of “{name}” to {value}",
               "A phase (a job, a degree…) or a milestone (an offer, a move…)"),
        Column("Lane", "partner_uuid", CHOICE, "Move “{name}” to {value}",
               "Whose career it belongs to, or the life you share",
               read=lane_key, write=lambda key: key or None, swatch=True),
        Column("Start", "start_date", DATE, "Change start of “{name}”",
               "When a phase starts, or the date of a milestone"),
        Column("End", "end_date", DATE, "Change end of “{name}”",
               "When a phase ends; milestones have one date"),
        Column("Status", "status", CHOICE, "Mark “{name}” as {value}",
               "Planned, done, or dropped"),
        Column("Notes", "notes", TEXT, "Edit notes of “{name}”",
               "Anything you want to remember about it", max_length=NOTES_MAX),
    )
    tables = frozenset({"roadmap_item", "partner"})

    def _load(self, session: Any) -> list[Entry]:
        return list(roadmap_items(session))

    def _name(self, entry: RoadmapItem) -> str:
        return entry.title

    def _choices(self, entry: RoadmapItem, column: Column) -> list[tuple[str, object]]:
        if column.field == "kind":
            # A phase stays a phase and a milestone a milestone here: turning
            # one into the other needs dates added or dropped, not one cell.
            same_shape = phase_kinds() if entry.is_phase else milestone_kinds()
            return [(kind.label, kind.id) for kind in same_shape]
        if column.field == "partner_uuid":
            return [(title, key) for key, title, _color in lane_order(self._pair)]
        if column.field == "status":
            return [(label, status) for status, label in status_labels().items()]
        return []

    def _label(self, entry: Entry, column: Column, value: Any) -> str:
        if column.field == "kind" and value in kinds():
            return kinds()[value].label
        return super()._label(entry, column, value)

    def _editable(self, entry: RoadmapItem, column: Column) -> bool:
        return column.field != "end_date" or entry.is_phase

    def _color(self, entry: RoadmapItem) -> str:
        return item_color(entry, self._pair)

    def _font(self, entry: RoadmapItem, column: Column) -> QFont | None:
        # Dropped items are struck out, as on the chart.
        if column.field != "title" or not item_style(entry, date.today()).struck_out:
            return None
        font = QFont()
        font.setStrikeOut(True)
        return font


class SeasonTableModel(EntryTableModel):
    """The seasons in which one career leads."""

    columns = (
        Column("Leads", "leader_uuid", CHOICE, "Let {value} lead “{name}”",
               "Whose career leads in this season", swatch=True),
        Column("What for", "label", TEXT, "Rename season “{name}”",
               "What the season is for", max_length=LABEL_MAX),
        Column("Start", "start_date", DATE, "Change start of “{name}”",
               "When the season starts"),
        Column("End", "end_date", DATE, "Change end of “{name}”",
               "When the season ends"),
        Column("Notes", "notes", TEXT, "Edit notes of “{name}”",
               "What you agreed, in your words", max_length=NOTES_MAX),
    )
    tables = frozenset({"season", "partner"})

    def _load(self, session: Any) -> list[Entry]:
        return list(seasons(session))

    def _name(self, entry: Season) -> str:
        return entry.label

    def _choices(self, entry: Season, column: Column) -> list[tuple[str, object]]:
        if column.field == "leader_uuid":
            return [(partner.name, partner.uuid) for partner in self._pair]
        return []

    def _color(self, entry: Season) -> str:
        return next((p.color for p in self._pair if p.uuid == entry.leader_uuid), "#808080")


def source_of(index: QModelIndex) -> QModelIndex:
    """The index in the entry model under any proxies."""
    while isinstance(index.model(), QAbstractProxyModel):
        index = index.model().mapToSource(index)
    return index


class RoadmapTableDelegate(QStyledItemDelegate):
    """An editor that fits each column: a list of choices, a date with a
    calendar, or a line of text. Values go back through ``model.setData``,
    so whether they are allowed is the model's answer, not the editor's."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex) -> QWidget:
        source = source_of(index)
        model = source.model()
        if not isinstance(model, EntryTableModel):
            return super().createEditor(parent, option, index)
        column = model.spec(source)
        if column.editor == CHOICE:
            combo = QComboBox(parent)
            for label, value in model.choices(source):
                combo.addItem(label, value)
            return combo
        if column.editor == DATE:
            dates = QDateEdit(parent)
            dates.setCalendarPopup(True)
            dates.setDisplayFormat(ISO)
            return dates
        line = QLineEdit(parent)
        line.setFrame(False)
        if column.max_length:
            line.setMaxLength(column.max_length)
        return line

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QDateEdit):
            if isinstance(value, date):
                value = QDate(value.year, value.month, value.day)
            editor.setDate(value if isinstance(value, QDate) else QDate.currentDate())
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


VIEW_TIP = ("Double-click a cell or press F2 to change it; Enter keeps the change, "
            "Esc cancels it. Click a column title to sort by it.")


class RoadmapTables(QWidget):
    """The phases and milestones above, the seasons below. The selection is
    shared with the chart as UUIDs: :attr:`selection_changed` and
    :meth:`select_uuids`."""

    #: The UUIDs of the selected items and seasons (``list[str]``).
    selection_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self.items = RoadmapTableModel(self)
        self.seasons = SeasonTableModel(self)
        #: What was last announced, so the same selection is not sent twice.
        self._announced: list[str] = []
        #: True while this widget changes the selection itself.
        self._quiet = False
        #: Per view: the selection and current cell to restore after a reset.
        self._kept: dict[QTableView, tuple[list[str], str, int]] = {}

        splitter = QSplitter(Qt.Orientation.Vertical, objectName="roadmapTablesSplitter")
        splitter.setChildrenCollapsible(False)
        self.item_view = self._add_table(splitter, "Phases and milestones", self.items,
                                         "roadmapItemTable")
        self.season_view = self._add_table(splitter, "Seasons", self.seasons, "seasonTable")
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.error = QLabel(objectName="tableError", wordWrap=True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        self.setEnabled(False)

    def _add_table(self, splitter: QSplitter, title: str, model: EntryTableModel,
                   name: str) -> QTableView:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)

        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(Qt.ItemDataRole.UserRole)
        view = QTableView(objectName=name)
        view.setModel(proxy)
        # One delegate per view: a delegate's commitData reaches every view
        # it is set on, and the other one would warn of a stranger's editor.
        view.setItemDelegate(RoadmapTableDelegate(view))
        view.setSortingEnabled(True)
        view.sortByColumn(model.column_of("start_date"), Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        # Rows are sorted by date, so row numbers would only mislead.
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.setToolTip(VIEW_TIP)
        view.setAccessibleName(title)
        heading.setBuddy(view)
        layout.addWidget(view, 1)
        splitter.addWidget(box)

        view.selectionModel().selectionChanged.connect(
            lambda _selected, _deselected, v=view: self._on_user_selection(v))
        model.refused.connect(lambda message, index, v=view: self.show_refusal(v, message, index))
        model.modelAboutToBeReset.connect(lambda v=view: self._keep(v))
        model.modelReset.connect(lambda v=view: self._restore(v))
        model.modelReset.connect(lambda v=view: self._fit_columns(v))
        return view

    @property
    def views(self) -> tuple[QTableView, QTableView]:
        return self.item_view, self.season_view

    @staticmethod
    def model_of(view: QTableView) -> EntryTableModel:
        proxy = view.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        model = proxy.sourceModel()
        assert isinstance(model, EntryTableModel)
        return model

    # -- the document ------------------------------------------------------------------

    def set_document(self, document: PlanDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        self.document = document
        self.items.set_document(document)
        self.seasons.set_document(document)
        self.clear_error()
        if document is not None:
            document.changed.connect(self._on_changed)
            for view in self.views:
                self._fit_columns(view)
        self.setEnabled(document is not None)

    def _on_changed(self, _tables: frozenset[str]) -> None:
        # A change went through: an earlier refusal no longer applies.
        self.clear_error()

    @staticmethod
    def _fit_columns(view: QTableView) -> None:
        view.resizeColumnsToContents()
        for column in range(view.model().columnCount() - 1):
            view.setColumnWidth(column, min(view.columnWidth(column), 240))

    # -- refusals ------------------------------------------------------------------------

    def show_refusal(self, view: QTableView, message: str, source: QModelIndex) -> None:
        """Say why an edit was refused, at its cell and under the tables."""
        self.error.setText(message)
        self.error.show()
        proxy = view.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        rect = view.visualRect(proxy.mapFromSource(source))
        if not view.isVisible() or not rect.isValid():
            return
        viewport = view.viewport()
        # Shown once the editor has closed: the focus going back to the view
        # would hide a tooltip shown now.
        QTimer.singleShot(0, viewport, lambda: QToolTip.showText(
            viewport.mapToGlobal(rect.bottomLeft()), plain_tip(message), viewport, rect))

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    # -- the selection shared with the chart -------------------------------------------

    def selected_uuids(self) -> list[str]:
        """The selected items, then the selected seasons, each in table order."""
        return self._selected_in(self.item_view) + self._selected_in(self.season_view)

    def _selected_in(self, view: QTableView) -> list[str]:
        model = self.model_of(view)
        rows = sorted(index.row() for index in view.selectionModel().selectedRows())
        return [model.entry_at(source_of(view.model().index(row, 0)).row()).uuid
                for row in rows]

    def select_uuids(self, uuids: Sequence[str]) -> None:
        """Select exactly these items and seasons (others are unselected),
        without announcing it back."""
        wanted = set(uuids)
        self._quiet = True
        try:
            for view in self.views:
                self._select_in(view, wanted)
        finally:
            self._quiet = False
        self._announced = self.selected_uuids()

    def _select_in(self, view: QTableView, wanted: set[str]) -> None:
        proxy, model = view.model(), self.model_of(view)
        assert isinstance(proxy, QSortFilterProxyModel)
        here = {model.entry_at(row).uuid for row in range(model.rowCount())}
        if set(self._selected_in(view)) == wanted & here:
            # Already so: selecting again would reset a Shift-selection the
            # user is still extending (the chart echoes the table's choice).
            return
        selection = QItemSelection()
        for row in range(model.rowCount()):
            if model.entry_at(row).uuid in wanted:
                index = proxy.mapFromSource(model.index(row, 0))
                selection.select(index, index)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        view.selectionModel().select(selection, flags)
        if not selection.isEmpty():
            view.scrollTo(selection.indexes()[0])

    def _on_user_selection(self, view: QTableView) -> None:
        if self._quiet:
            return
        # A plain click or arrow key in one table starts a new selection, as
        # on the chart; Ctrl or Shift adds to what the other table holds.
        modifiers = QApplication.keyboardModifiers()
        adding = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        if view.selectionModel().hasSelection() and not modifiers & adding:
            other = self.season_view if view is self.item_view else self.item_view
            self._quiet = True
            try:
                other.clearSelection()
            finally:
                self._quiet = False
        self._announce()

    def _announce(self) -> None:
        uuids = self.selected_uuids()
        if uuids != self._announced:
            self._announced = uuids
            self.selection_changed.emit(uuids)

    def _keep(self, view: QTableView) -> None:
        """Before a reset (rows added or removed): note what to select again."""
        model, current = self.model_of(view), view.currentIndex()
        current_uuid, column = "", current.column()
        if current.isValid():
            current_uuid = model.entry_at(source_of(current).row()).uuid
        self._kept[view] = (self.selected_uuids(), current_uuid, column)

    def _restore(self, view: QTableView) -> None:
        uuids, current_uuid, column = self._kept.pop(view, ([], "", -1))
        model = self.model_of(view)
        proxy = view.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        self._quiet = True
        try:
            row = model.row_of(current_uuid) if current_uuid else -1
            if row >= 0:
                view.selectionModel().setCurrentIndex(
                    proxy.mapFromSource(model.index(row, column)),
                    QItemSelectionModel.SelectionFlag.NoUpdate)
            self._select_in(view, set(uuids))
        finally:
            self._quiet = False
        # Rows that are gone leave the selection; the chart hears of it.
        self._announce()

