"""The roadmap as Qt table models: every phase and milestone, and every season,
one row each, edited in place. A changed cell is one edit through the document
(one undo step); ``models.roadmap`` decides what is allowed, and a refusal is
reported with the cell it came from (``refused``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from models.base import Entity
from models.changes import ChangeReport
from models.errors import TandemError
from models.partners import Partner, partners
from models.plan_file import PlanFile
from models.privacy import Viewer
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
from ui.dates import date_text
from ui.document import PlanDocument
from ui.style import plain_tip

Entry = RoadmapItem | Season
ModelIndex = QModelIndex | QPersistentModelIndex

#: Which editor a column opens.
TEXT, DATE, CHOICE = "text", "date", "choice"
#: Tooltips show at most this much of the notes; the cell has all of it.
TIP_NOTES = 400


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
    #: What this model shows: a report touching any of these refreshes it.
    shows: ClassVar[tuple[type[Entity], ...]] = ()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._document: PlanDocument | None = None
        self._entries: list[Entry] = []
        self._pair: list[Partner] = []
        self._watching: Callable[[ChangeReport], None] = lambda _report: None

    # -- the document ------------------------------------------------------------

    @property
    def document(self) -> PlanDocument | None:
        return self._document

    def set_document(self, document: PlanDocument | None) -> None:
        if self._document is not None:
            self._document.unwatch(self._watching)
        self.beginResetModel()
        self._document = document
        self._entries, self._pair = self._read()
        self.endResetModel()
        if document is not None:
            self._watching = document.watch(self.shows, lambda _report: self.refresh())

    def _read(self) -> tuple[list[Entry], list[Partner]]:
        if self._document is None:
            return [], []
        plan, viewer = self._document.plan, self._document.viewer
        return self._load(plan, viewer), partners(plan)

    def refresh(self) -> None:
        """Read the rows again and tell the views only what differs: rows
        gone, rows changed, rows added. Nothing is reset, so the views keep
        their selection, current cell and scroll position by themselves."""
        entries, pair = self._read()
        fresh = {entry.uuid: entry for entry in entries}
        for row in reversed(range(len(self._entries))):
            if self._entries[row].uuid not in fresh:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._entries[row]
                self.endRemoveRows()
        # A partner's name or colour shows in cells: then every row is redrawn.
        renamed = [p.record() for p in pair] != [p.record() for p in self._pair]
        self._pair = pair
        last = len(self.columns) - 1
        for row, entry in enumerate(self._entries):
            now = fresh[entry.uuid]
            if renamed or now.record() != entry.record():
                self._entries[row] = now
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        known = {entry.uuid for entry in self._entries}
        added = [entry for entry in entries if entry.uuid not in known]
        if added:
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._entries.extend(added)
            self.endInsertRows()

    # -- for subclasses ------------------------------------------------------------

    def _load(self, plan: PlanFile, viewer: Viewer) -> list[Entry]:
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
            return date_text(value) if isinstance(value, date) else str(value or "")
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
            self._document.submit(text, edit_entry(entry, **{column.field: stored}),
                                  initiator=self)
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
    shows = (RoadmapItem, Partner)

    def _load(self, plan: PlanFile, viewer: Viewer) -> list[Entry]:
        return list(roadmap_items(plan, viewer))

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
    shows = (Season, Partner)

    def _load(self, plan: PlanFile, viewer: Viewer) -> list[Entry]:
        return list(seasons(plan))

    def _name(self, entry: Season) -> str:
        return entry.label

    def _choices(self, entry: Season, column: Column) -> list[tuple[str, object]]:
        if column.field == "leader_uuid":
            return [(partner.name, partner.uuid) for partner in self._pair]
        return []

    def _color(self, entry: Season) -> str:
        return next((p.color for p in self._pair if p.uuid == entry.leader_uuid), "#808080")
