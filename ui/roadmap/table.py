"""The roadmap as tables on screen: the sortable views, their editors, and the
selection they share with the chart. The item models are in ``table_models``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QDate,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ui.dates import date_format
from ui.document import PlanDocument
from ui.roadmap.table_models import (
    CHOICE,
    DATE,
    EntryTableModel,
    ModelIndex,
    RoadmapTableModel,
    SeasonTableModel,
)
from ui.style import error_label, heading, plain_tip
from ui.text_fields import limit_length


def source_of(index: ModelIndex) -> QModelIndex:
    """The index in the entry model under any proxies."""
    source = index.sibling(index.row(), index.column())  # a QModelIndex, whatever was given
    model = source.model()
    while isinstance(model, QAbstractProxyModel):
        source = model.mapToSource(source)
        model = source.model()
    return source


#: The editor's property holding what it showed when it opened.
SHOWN = "tandemShown"


def editor_value(editor: QWidget) -> object:
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QDateEdit):
        return editor.date()
    if isinstance(editor, QLineEdit):
        return editor.text()
    return None


class RoadmapTableDelegate(QStyledItemDelegate):
    """An editor that fits each column: a list of choices, a date with a
    calendar, or a line of text. Values go back through ``model.setData``,
    so whether they are allowed is the model's answer, not the editor's; an
    editor closed unchanged stores nothing (a widget may not show a stored
    value exactly, e.g. a line drops a leading byte-order mark)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: ModelIndex) -> QWidget:
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
            dates.setDisplayFormat(date_format().pattern)
            return dates
        line = QLineEdit(parent)
        line.setFrame(False)
        if column.max_length:
            limit_length(line, column.max_length)
        return line

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
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
            return
        editor.setProperty(SHOWN, editor_value(editor))  # read back, as the user sees it

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: ModelIndex) -> None:
        if editor.property(SHOWN) is not None and editor_value(editor) == editor.property(SHOWN):
            return  # untouched: the stored value stays as it is
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

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("roadmapTablesSplitter")
        splitter.setChildrenCollapsible(False)
        self.item_view = self._add_table(splitter, "Phases and milestones", self.items,
                                         "roadmapItemTable")
        self.season_view = self._add_table(splitter, "Seasons", self.seasons, "seasonTable")
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.error = error_label("tableError")

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
        caption = heading(title)
        layout.addWidget(caption)

        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(Qt.ItemDataRole.UserRole)
        view = QTableView()
        view.setObjectName(name)
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
        caption.setBuddy(view)
        layout.addWidget(view, 1)
        splitter.addWidget(box)

        view.selectionModel().selectionChanged.connect(
            lambda _selected, _deselected, v=view: self._on_user_selection(v))
        model.refused.connect(lambda message, index, v=view: self.show_refusal(v, message, index))
        model.modelReset.connect(lambda v=view: self._fit_columns(v))
        # Rows that go leave the selection: the chart hears of it.
        model.rowsRemoved.connect(lambda *_args: self._announce())
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
