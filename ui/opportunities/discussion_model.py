"""The discussion list as a Qt table model: every cell where the partners'
scores differ by 3 or more and every criterion whose weights do, each with a
box to tick once discussed and a few words on what was agreed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor

from models.errors import TandemError
from models.opportunities import AGREED_MAX, Matrix, set_discussed
from models.opportunity_summary import DiscussionItem, discussion_items, point_title
from ui.opportunities.cells import SORT_ROLE, ModelIndex
from ui.opportunities.matrix_state import MatrixState
from ui.style import plain_tip

POINT, VALUE_1, VALUE_2, DISCUSSED, AGREED = range(5)


class DiscussionListModel(QAbstractTableModel):
    refused = Signal(str, QModelIndex)
    #: How many points are still to discuss changed (the tab's title shows it).
    count_changed = Signal()

    def __init__(self, state: MatrixState, parent: QObject | None = None):
        super().__init__(parent)
        self.state = state
        #: Replaceable in tests: the day a point is marked as discussed.
        self.today: Callable[[], date] = date.today
        self._items: list[DiscussionItem] = []
        #: Whether someone looks at the list: a hidden list is built anew
        #: only when :meth:`catch_up` is called (after the tab has painted).
        self.active = True
        self._stale = False
        for signal in (state.reloaded, state.weights_changed, state.notes_changed):
            signal.connect(self._rebuild)
        state.rows_changed.connect(self.refresh_rows)
        self.refresh()

    def _rebuild(self) -> None:
        if self.active:
            self.refresh()
        else:
            self._stale = True

    def catch_up(self) -> None:
        """Build the list if it was put off while hidden."""
        if self._stale:
            self.refresh()

    def set_active(self, active: bool) -> None:
        self.active = active
        if active:
            self.catch_up()

    @property
    def matrix(self) -> Matrix | None:
        return self.state.matrix

    def item_at(self, row: int) -> DiscussionItem:
        return self._items[row]

    def open_count(self) -> int:
        return sum(1 for item in self._items if item.current and not item.discussed)

    def refresh(self) -> None:
        """Tell the views only which points went, came or changed."""
        self._stale = False
        fresh = discussion_items(self.matrix) if self.matrix else []
        place = {item.key: i for i, item in enumerate(fresh)}
        gone = [row for row, item in enumerate(self._items) if item.key not in place]
        kept = [place[item.key] for item in self._items if item.key in place]
        # A new list (another viewer, a reveal), many gone, or a new order: start again.
        if not kept or len(gone) > 32 or kept != sorted(kept):
            self.beginResetModel()
            self._items = fresh
            self.endResetModel()
            self.count_changed.emit()
            return
        for row in reversed(gone):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()
        row = 0
        while row < len(fresh):
            item = fresh[row]
            if row < len(self._items) and self._items[row].key == item.key:
                if self._items[row] != item:
                    self._items[row] = item
                    self.dataChanged.emit(self.index(row, 0), self.index(row, AGREED))
                row += 1
                continue
            # The points new here, together: one insertion for the run of them.
            end = row
            following = self._items[row].key if row < len(self._items) else None
            while end < len(fresh) and fresh[end].key != following:
                end += 1
            self.beginInsertRows(QModelIndex(), row, end - 1)
            self._items[row:row] = fresh[row:end]
            self.endInsertRows()
            row = end
        self.count_changed.emit()

    def refresh_rows(self, uuids: list[str]) -> None:
        """After scores of these opportunities changed: only their points are
        found again (a grid of a hundred opportunities may hold thousands)."""
        matrix = self.matrix
        if matrix is None or self._stale:  # a hidden list being put off is built whole
            return
        order = {uuid: i for i, uuid in enumerate(matrix.board.opportunities)}
        fresh = discussion_items(matrix, uuids)
        for uuid in sorted(uuids, key=lambda u: order.get(u, -1)):
            if uuid not in order:
                continue
            mine = [item for item in fresh if item.opportunity_uuid == uuid]
            rows = [row for row, item in enumerate(self._items) if item.opportunity_uuid == uuid]
            if [i.key for i in mine] == [self._items[row].key for row in rows]:
                for row, item in zip(rows, mine, strict=True):
                    if self._items[row] != item:
                        self._items[row] = item
                        self.dataChanged.emit(self.index(row, 0), self.index(row, AGREED))
                continue
            if rows:
                self.beginRemoveRows(QModelIndex(), rows[0], rows[-1])
                del self._items[rows[0]:rows[-1] + 1]
                self.endRemoveRows()
            # Points are listed weights first, then by the grid's order.
            at = next((row for row, item in enumerate(self._items)
                       if item.opportunity_uuid is not None
                       and order.get(item.opportunity_uuid, -1) > order[uuid]), len(self._items))
            if mine:
                self.beginInsertRows(QModelIndex(), at, at + len(mine) - 1)
                self._items[at:at] = mine
                self.endInsertRows()
        self.count_changed.emit()

    # -- QAbstractItemModel --

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix = self.matrix
        if orientation != Qt.Orientation.Horizontal or matrix is None or not 0 <= section < 5:
            return super().headerData(section, orientation, role)
        pair = matrix.partners
        if role == Qt.ItemDataRole.DisplayRole:
            return ("To talk about", pair[0].name, pair[1].name, "Discussed",
                    "What you agreed")[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return ("An opportunity's criterion where your scores differ by 3 or more, or a "
                    "criterion whose weights do",
                    f"{pair[0].name}'s score or weight", f"{pair[1].name}'s score or weight",
                    "Tick once you have talked it through",
                    "A few words on what you agreed (click twice or press F2)")[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix = self.matrix
        if matrix is None or not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, column = self._items[index.row()], index.column()
        if role == Qt.ItemDataRole.ForegroundRole and not item.current:
            return QColor("#777777")
        if column == POINT:
            title = point_title(matrix, item.criterion_uuid, item.opportunity_uuid)
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return title
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tip(self._explain(item, title))
            return None
        if column in (VALUE_1, VALUE_2):
            value = item.values[column - VALUE_1]
            if role == Qt.ItemDataRole.DisplayRole:
                return "–" if value is None else str(value)
            if role == SORT_ROLE:
                return -1 if value is None else value
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        note = item.note
        if column == DISCUSSED:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if item.discussed else Qt.CheckState.Unchecked
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return note.discussed_on.isoformat() if note and note.discussed_on else ""
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, SORT_ROLE):
            return note.note if note else ""
        if role == Qt.ItemDataRole.ToolTipRole and note and note.note:
            return plain_tip(note.note)
        return None

    def _explain(self, item: DiscussionItem, title: str) -> str:
        matrix = self.matrix
        assert matrix is not None
        names = [p.name for p in matrix.partners]
        values = " and ".join(f"{name} {'–' if v is None else v}"
                              for name, v in zip(names, item.values, strict=True))
        what = "weights" if item.opportunity_uuid is None else "scores"
        if item.current:
            return f"{title}: your {what} are {values}, 3 or more apart. What does each of you see?"
        return f"{title}: your {what} are now {values}, closer than 3. What you agreed is kept."

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return super().flags(index)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.state.document is not None:
            if index.column() == DISCUSSED:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            elif index.column() == AGREED:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: ModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        document, matrix = self.state.document, self.matrix
        if document is None or matrix is None or not index.isValid():
            return False
        item = self._items[index.row()]
        title = point_title(matrix, item.criterion_uuid, item.opportunity_uuid)
        try:
            if role == Qt.ItemDataRole.CheckStateRole and index.column() == DISCUSSED:
                checked = (value == Qt.CheckState.Checked
                           or value == Qt.CheckState.Checked.value)
                edit = set_discussed(document.plan, item.criterion_uuid, item.opportunity_uuid,
                                     discussed_on=self.today() if checked else None)
                text = f"Mark {title} as {'discussed' if checked else 'not discussed'}"
            elif role == Qt.ItemDataRole.EditRole and index.column() == AGREED:
                edit = set_discussed(document.plan, item.criterion_uuid, item.opportunity_uuid,
                                     note=value if isinstance(value, str) else "")
                text = f"Note on {title}"
            else:
                return False
            document.submit(text, edit, initiator=self)
        except TandemError as error:
            self.refused.emit(error.message, self.index(index.row(), index.column()))
            return False
        return True

    @staticmethod
    def note_limit() -> int:
        return AGREED_MAX
