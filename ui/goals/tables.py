"""The three lists of the Goals & Wins tab as table models: goals, wins and
opportunities passed up. Each row is one stored row (read through
``models.goals`` for the viewer at the keyboard); a cell shows the text as
typed, whole in its tooltip. :meth:`RowTableModel.set_rows` keeps the rows
that stay, so the selection survives a change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from models.base import Entity
from models.goals import Goal, Win, horizon_labels, status_labels
from models.partners import Partner
from models.passed_up import PassedUp
from ui.dates import date_text
from ui.style import plain_tip

ModelIndex = QModelIndex | QPersistentModelIndex
R = TypeVar("R", bound=Entity)


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    #: What the column says, on its header's tooltip.
    tip: str = ""


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows of one entity, one per line, with the partner's colour beside
    their name."""

    #: The role holding a row's UUID.
    UUID_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[R] = []
        #: Each row's texts, worked out once per change (a view asks often).
        self.texts: list[tuple[str, ...]] = []
        self.colors: list[QColor | None] = []
        self.pair: dict[str, Partner] = {}

    # -- filling --

    def set_rows(self, rows: Sequence[R], pair: Sequence[Partner]) -> None:
        """Show ``rows``: rows that went are removed, new ones inserted, the
        others refreshed in place (a new order resets the table)."""
        self.pair = {p.uuid: p for p in pair}
        texts = [tuple(column.text(row) for column in self.columns) for row in rows]
        colors = [self._color(row) for row in rows]
        new = [row.uuid for row in rows]
        for position in reversed(range(len(self.rows))):
            if self.rows[position].uuid not in new:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self.rows[position], self.texts[position], self.colors[position]
                self.endRemoveRows()
        kept = [row.uuid for row in self.rows]
        if kept != [uuid for uuid in new if uuid in kept]:
            self.beginResetModel()
            self.rows, self.texts, self.colors = list(rows), texts, colors
            self.endResetModel()
            return
        for position, row in enumerate(rows):
            if row.uuid not in kept:
                self.beginInsertRows(QModelIndex(), position, position)
                self.rows.insert(position, row)
                self.texts.insert(position, texts[position])
                self.colors.insert(position, colors[position])
                self.endInsertRows()
        changed = [n for n, text in enumerate(texts) if text != self.texts[n]
                   or self.rows[n].record() != rows[n].record()]
        self.rows, self.texts, self.colors = list(rows), texts, colors
        if changed:  # only the rows that changed: a view re-measures what it is told of
            self.dataChanged.emit(self.index(changed[0], 0),
                                  self.index(changed[-1], len(self.columns) - 1))

    def _color(self, row: R) -> QColor | None:
        partner = self.pair.get(getattr(row, "partner_uuid", ""))
        return QColor(partner.color) if partner else None

    def row_of(self, uuid: str) -> int:
        return next((n for n, row in enumerate(self.rows) if row.uuid == uuid), -1)

    def row_at(self, index: ModelIndex) -> R | None:
        row = index.row()
        return self.rows[row] if index.isValid() and 0 <= row < len(self.rows) else None

    def partner_name(self, uuid: str) -> str:
        partner = self.pair.get(uuid)
        return partner.name if partner else ""

    # -- Qt --

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].tip:
            return self.columns[section].tip
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        number, column = index.row(), index.column()
        if not index.isValid() or not 0 <= number < len(self.rows) \
                or not 0 <= column < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts[number][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.texts[number][column]
            return plain_tip(text) if text else None
        if role == self.UUID_ROLE:
            return self.rows[number].uuid
        if role == Qt.ItemDataRole.DecorationRole:
            return self.colors[number] if column == 0 else None
        return self.extra(self.rows[number], column, role)

    def extra(self, row: R, column: int, role: int) -> Any:
        """Other roles a list adds (a draft in italics…)."""
        return None


def _date(value: Any) -> str:
    return date_text(value) if value is not None else ""


class GoalTableModel(RowTableModel[Goal]):
    """Each partner's goals: short term, then long term."""

    def __init__(self, parent: QObject | None = None):
        columns: list[Column[Goal]] = [
            Column("Whose", lambda g: self.partner_name(g.partner_uuid)),
            Column("Term", lambda g: horizon_labels().get(g.horizon, g.horizon),
                   "Short term (the next year or two) or long term"),
            Column("Goal", lambda g: g.title),
            Column("By", lambda g: _date(g.target_date), "When you hope to reach it"),
            Column("Strengths we bring", lambda g: g.strengths,
                   "The strengths each of you brings to this goal"),
            Column("Weaknesses to offset", lambda g: g.weaknesses,
                   "The weaknesses to offset, and how"),
            Column("Shared", lambda g: "Our paths overlap" if g.overlaps else "",
                   "A goal where your two career paths overlap: one to work on together"),
            Column("Status", lambda g: status_labels().get(g.status, g.status)),
            Column("Roadmap", lambda g: "On the roadmap" if g.roadmap_item_uuid else "",
                   "Placed on the roadmap as a goal marker"),
        ]
        super().__init__(columns, parent)

    def extra(self, row: Goal, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.overlaps and column == 6:
            font = QFont()
            font.setBold(True)
            return font
        return None


class WinTableModel(RowTableModel[Win]):
    """The log of wins, the latest first."""

    def __init__(self, parent: QObject | None = None):
        columns: list[Column[Win]] = [
            Column("Whose", lambda w: self.partner_name(w.partner_uuid)),
            Column("When", lambda w: _date(w.won_on)),
            Column("Win", lambda w: w.title),
            Column("Notes", lambda w: w.notes),
            Column("Appreciation", self._appreciation,
                   "The other partner’s note of appreciation: every win is a couple’s "
                   "victory"),
        ]
        super().__init__(columns, parent)

    def _appreciation(self, win: Win) -> str:
        if win.appreciation:
            return win.appreciation
        other = next((p.name for uuid, p in self.pair.items() if uuid != win.partner_uuid), "")
        return f"Waiting for {other}’s note" if other else ""

    def extra(self, row: Win, column: int, role: int) -> Any:
        if column == 4 and not row.appreciation:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#777777")
        return None


class PassedUpTableModel(RowTableModel[PassedUp]):
    """The opportunity-cost log, the latest first."""

    def __init__(self, parent: QObject | None = None):
        columns: list[Column[PassedUp]] = [
            Column("Who", lambda r: self.partner_name(r.partner_uuid),
                   "Who passed the opportunity up"),
            Column("When", lambda r: _date(r.passed_on)),
            Column("Opportunity passed up", lambda r: r.title),
            Column("What was gained", lambda r: r.gained),
            Column("What was lost", lambda r: r.lost),
        ]
        super().__init__(columns, parent)
