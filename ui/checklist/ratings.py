"""One check-in's ratings as a table: a row per indicator; for each partner a
score and a note; and how far apart the two are. The partner at the keyboard
edits their own cells; the other's show only once both are done, and both
together see both once revealed (the sheet of ``models.checklist`` says
what each viewer sees). A changed cell is one undo step; a refusal is
reported with its cell (``refused``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from models.checklist import (
    NOTE_MAX,
    RATE_ALONE,
    Cell,
    Seen,
    Sheet,
    SheetRow,
    rate,
    scale_labels,
    sheet,
)
from models.errors import TandemError
from ui.document import PlanDocument
from ui.style import FAINT_INK, plain_tip

ModelIndex = QModelIndex | QPersistentModelIndex

#: The partner's colour of a score cell (a ``str``), for the delegate.
COLOR_ROLE = Qt.ItemDataRole.UserRole + 1
#: What the viewer sees of a cell (a :class:`Seen` value), for the delegate.
SEEN_ROLE = Qt.ItemDataRole.UserRole + 2
#: Rows two partners see 2 or more apart.
APART_BACKGROUND = "#fbefd5"
INDICATOR, APART = 0, 5
HIDDEN_TEXT = "Hidden until you are both done"
NOT_RATED = "Not rated yet"


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def score_text(score: int | None) -> str:
    return f"{score} · {scale_labels()[score]}" if score is not None else ""


class RatingTableModel(QAbstractTableModel):
    """The ratings of the check-in :meth:`show_checkin` names."""

    #: A refused edit: the message for the user, and the cell it came from.
    refused = Signal(str, QModelIndex)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self.sheet: Sheet | None = None

    # -- what is shown ---------------------------------------------------------------

    def show_checkin(self, document: PlanDocument | None, checkin_uuid: str | None) -> None:
        """Show this check-in (read again), keeping rows in place when only
        values changed, so the current cell and selection stay."""
        self.document = document
        fresh = None
        if document is not None and checkin_uuid:
            fresh = sheet(document.plan, document.viewer, checkin_uuid)
        old = self.sheet
        same_rows = (old is not None and fresh is not None
                     and old.checkin.uuid == fresh.checkin.uuid
                     and [r.indicator.uuid for r in old.rows]
                     == [r.indicator.uuid for r in fresh.rows]
                     and [p.uuid for p in old.partners] == [p.uuid for p in fresh.partners])
        if same_rows and fresh is not None and self.rowCount() > 0:
            self.sheet = fresh
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            return
        self.beginResetModel()
        self.sheet = fresh
        self.endResetModel()

    def row_at(self, row: int) -> SheetRow:
        assert self.sheet is not None
        return self.sheet.rows[row]

    def partner_of(self, column: int) -> int | None:
        """The partner (0 or 1) whose score or note a column shows."""
        return (column - 1) // 2 if 1 <= column <= 4 else None

    def is_score(self, index: ModelIndex) -> bool:
        return index.isValid() and index.column() in (1, 3)

    def is_note(self, index: ModelIndex) -> bool:
        return index.isValid() and index.column() in (2, 4)

    def cell(self, index: ModelIndex) -> Cell | None:
        who = self.partner_of(index.column())
        if who is None or self.sheet is None:
            return None
        return self.sheet.rows[index.row()].cells[who]

    # -- QAbstractItemModel --------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.sheet is None else len(self.sheet.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 6:
            return super().headerData(section, orientation, role)
        who = self.partner_of(section)
        partner = self.sheet.partners[who] if self.sheet is not None and who is not None \
            else None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == INDICATOR:
                return "Indicator"
            if section == APART:
                return "Apart"
            if partner is None:
                return ""
            return partner.name if section in (1, 3) else f"{partner.name}’s note"
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == INDICATOR:
                return "What you check in on"
            if section == APART:
                return "How far apart your two ratings are, once both are shown"
            if partner is None:
                return None
            if section in (1, 3):
                return plain_tip(f"{partner.name}’s rating, from 1 (not at all) to 5 (fully): "
                                 "click a dot, or type 1 to 5")
            return plain_tip(f"{partner.name}’s reason, in a few words "
                             f"(at most {NOTE_MAX} characters)")
        if role == Qt.ItemDataRole.DecorationRole and partner is not None and section in (1, 3):
            return QColor(partner.color)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.sheet is None or not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        line = self.sheet.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(APART_BACKGROUND)) if line.divergent else None
        if column == INDICATOR:
            return self._indicator_data(line, role)
        if column == APART:
            return self._apart_data(line, role)
        cell = line.cells[(column - 1) // 2]
        partner = self.sheet.partners[(column - 1) // 2]
        if role == COLOR_ROLE:
            return partner.color
        if role == SEEN_ROLE:
            return cell.seen.value
        if cell.seen is Seen.HIDDEN:
            if role == Qt.ItemDataRole.DisplayRole and column in (1, 3):
                return HIDDEN_TEXT
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(FAINT_INK)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tip(f"{partner.name}’s rating shows once you are both done.")
            return None
        if column in (1, 3):
            if role == Qt.ItemDataRole.DisplayRole:
                return score_text(cell.score)
            if role == Qt.ItemDataRole.EditRole:
                return cell.score
            if role == Qt.ItemDataRole.ToolTipRole:
                verb = "Click a dot or type 1 to 5; Delete clears it" \
                    if cell.seen is Seen.OWN else f"{partner.name}’s rating"
                return plain_tip(f"{score_text(cell.score) or NOT_RATED}. {verb}.")
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{partner.name}: {score_text(cell.score) or NOT_RATED}"
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return cell.note
        if role == Qt.ItemDataRole.ToolTipRole and cell.note:
            return plain_tip(cell.note)
        return None

    def _indicator_data(self, line: SheetRow, role: int) -> Any:
        title = line.indicator.title
        if role == Qt.ItemDataRole.DisplayRole:
            return title + (" (retired)" if line.indicator.retired else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(title)
        if role == Qt.ItemDataRole.FontRole and line.divergent:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _apart_data(self, line: SheetRow, role: int) -> Any:
        gap = line.gap
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if gap is None else ("Same" if gap == 0 else f"{gap} apart")
        if role == Qt.ItemDataRole.ToolTipRole and line.divergent:
            return "You see this 2 or more apart: a discussion point for this check-in."
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return super().flags(index)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        cell = self.cell(index)
        if cell is not None and cell.seen is Seen.OWN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: ModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Store a score (1 to 5, or ``None`` to clear it) or a note. Refused
        with a message at the cell (``refused``) for a viewer who may not rate
        here, or a value the models refuse."""
        if role != Qt.ItemDataRole.EditRole or self.document is None or self.sheet is None \
                or not (self.is_score(index) or self.is_note(index)):
            return False
        line = self.sheet.rows[index.row()]
        name = _short(line.indicator.title)
        document = self.document
        try:
            cell = self.cell(index)
            if cell is None or cell.seen is not Seen.OWN:
                # Names no content: shown to someone who may not see it.
                raise TandemError(_not_yours(document))
            if self.is_score(index):
                edit = rate(document.plan, document.viewer, self.sheet.checkin.uuid,
                            line.indicator.uuid, score=value)
                text = f"Rate “{name}”" if value not in (None, "") else f"Clear rating of “{name}”"
            else:
                note = value.strip() if isinstance(value, str) else value
                edit = rate(document.plan, document.viewer, self.sheet.checkin.uuid,
                            line.indicator.uuid, note=note)
                text = f"Note on “{name}”"
            document.submit(text, edit, initiator=self)
        except TandemError as error:
            self.refused.emit(error.message, self.index(index.row(), index.column()))
            return False
        return True


def _not_yours(document: PlanDocument) -> str:
    if not document.viewer.is_partner:
        return RATE_ALONE
    return "That is your partner’s rating: only they change it."
