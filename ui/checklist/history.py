"""The history of check-ins, the newest first: each one's date, who is done,
and how many discussion points it raised once revealed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from models.checklist import CheckIn, long_date
from ui.style import plain_tip

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class HistoryLine:
    checkin: CheckIn
    #: Who is done, in words (``models.checklist.progress``).
    progress: str
    #: Discussion points, once revealed.
    points: int
    revealed: bool

    @property
    def detail(self) -> str:
        if self.revealed and self.points:
            return f"{self.progress} · {self.points} discussion point" + \
                ("s" if self.points != 1 else "")
        return self.progress


class CheckinListModel(QAbstractListModel):
    """One row per check-in, the newest first (:meth:`set_lines` keeps rows
    that stay, so the selection does too)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.lines: list[HistoryLine] = []

    def set_lines(self, lines: list[HistoryLine]) -> None:
        """Show ``lines``: rows that went are removed and new ones inserted
        in place; only a new order (a date changed) resets the list."""
        new = [line.checkin.uuid for line in lines]
        for row in reversed(range(len(self.lines))):
            if self.lines[row].checkin.uuid not in new:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.lines[row]
                self.endRemoveRows()
        kept = [line.checkin.uuid for line in self.lines]
        if kept != [uuid for uuid in new if uuid in kept]:
            self.beginResetModel()
            self.lines = list(lines)
            self.endResetModel()
            return
        for position, line in enumerate(lines):
            if line.checkin.uuid not in kept:
                self.beginInsertRows(QModelIndex(), position, position)
                self.lines.insert(position, line)
                self.endInsertRows()
        self.lines = list(lines)
        if lines:
            self.dataChanged.emit(self.index(0), self.index(len(lines) - 1))

    def row_of(self, uuid: str) -> int:
        return next((row for row, line in enumerate(self.lines) if line.checkin.uuid == uuid), -1)

    def uuid_at(self, row: int) -> str:
        return self.lines[row].checkin.uuid

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        day = long_date(line.checkin.held_on)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{day}\n{line.detail}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return plain_tip(f"Check-in of {day}: {line.detail}") \
                if role == Qt.ItemDataRole.ToolTipRole else f"Check-in of {day}: {line.detail}"
        if role == Qt.ItemDataRole.FontRole and not line.revealed:
            font = QFont()
            font.setItalic(True)
            return font
        return None
