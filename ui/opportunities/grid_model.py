"""The grid as a Qt table model: opportunities against criteria, each cell
both partners' scores, then each partner's weighted total, the combined one,
the rank, and who is done scoring. A typed or pasted score is one edit through
the document; a refused one stays in its cell, marked, with the reason."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont

from models.errors import TandemError
from models.opportunities import (
    CellError,
    Matrix,
    Opportunity,
    mark_done_scoring,
    mark_not_done_scoring,
    salary_text,
    set_scores,
)
from models.opportunity_scoring import describe_total
from models.opportunity_summary import decision_words, progress_words
from models.reveal import RevealState
from ui.opportunities.cells import (
    CELL_ROLE,
    SORT_ROLE,
    CellView,
    ModelIndex,
    Person,
    Side,
    side_text,
)
from ui.opportunities.matrix_state import MatrixState
from ui.style import plain_tip

#: Fixed columns before the criteria, and after them.
TITLE, DECISION = 0, 1
LEADING = 2
TOTAL_1, TOTAL_2, COMBINED, RANK, SCORING = range(5)
TRAILING = 5
TIP_NOTES = 300
#: The roles a score cell answers; any other is None at once.
SCORE_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                         Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole,
                         CELL_ROLE, SORT_ROLE})
#: The roles the other cells answer.
OTHER_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                         Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole,
                         Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole,
                         Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole,
                         Qt.ItemDataRole.CheckStateRole, SORT_ROLE})
#: Declined opportunities stay in the grid, quieter.
DECLINED_INK = "#6f6f6f"


def _short(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


class ScoreGridModel(QAbstractTableModel):
    #: A refused edit: the message, and the cell it is about.
    refused = Signal(str, QModelIndex)

    def __init__(self, state: MatrixState, parent: QObject | None = None):
        super().__init__(parent)
        self.state = state
        #: Replaceable in tests: the Decision column counts days from it.
        self.today: Callable[[], date] = date.today
        self._rows: list[str] = []
        self._row_of: dict[str, int] = {}
        self._criteria: list[str] = []
        self._ranks: dict[str, int] = {}
        # Plain snapshots of what the cells show, made when the matrix changes:
        # reading mapped attributes in every data() call would cost the grid its speed.
        self._by_uuid: dict[str, Opportunity] = {}
        self._people: tuple[Person, ...] = ()
        self._titles: dict[str, str] = {}
        self._me = ""
        #: What each score cell shows, made on first paint, forgotten when its row changes.
        self._views: dict[tuple[str, str], CellView] = {}
        #: Refused values still shown: (opportunity, criterion) -> (typed, message).
        self.refusals: dict[tuple[str, str], tuple[str, str]] = {}
        state.reloaded.connect(self._reload)
        state.rows_changed.connect(self._rows_changed)
        state.weights_changed.connect(self._all_changed)
        self._reload()

    # -- shape ---------------------------------------------------------------------------

    @property
    def matrix(self) -> Matrix | None:
        return self.state.matrix

    def criterion_column(self, criterion_uuid: str) -> int:
        return LEADING + self._criteria.index(criterion_uuid)

    def criterion_at(self, column: int) -> str | None:
        number = column - LEADING
        return self._criteria[number] if 0 <= number < len(self._criteria) else None

    def trailing(self, which: int) -> int:
        return LEADING + len(self._criteria) + which

    def opportunity_at(self, row: int) -> Opportunity | None:
        if not 0 <= row < len(self._rows):
            return None
        return self._by_uuid.get(self._rows[row])

    def row_of(self, uuid: str) -> int:
        return self._row_of.get(uuid, -1)

    def _snapshot(self) -> None:
        matrix, document = self.matrix, self.state.document
        self._by_uuid = {} if matrix is None else {o.uuid: o for o in matrix.opportunities}
        self._people = () if matrix is None else tuple(
            Person(p.uuid, p.name, p.color) for p in matrix.partners)
        self._titles = {} if matrix is None else {c.uuid: c.title for c in matrix.criteria}
        self._me = document.viewer.partner_uuid if document is not None else ""

    def _reload(self) -> None:
        self._snapshot()
        self._views.clear()
        matrix = self.matrix
        rows = [] if matrix is None else [o.uuid for o in matrix.opportunities]
        criteria = [] if matrix is None else [c.uuid for c in matrix.criteria]
        self.refusals = {k: v for k, v in self.refusals.items()
                         if k[0] in rows and k[1] in criteria}
        if criteria != self._criteria:
            self.beginResetModel()
            self._criteria, self._rows = criteria, rows
            self._index_rows()
            self._ranks = matrix.board.ranks() if matrix else {}
            self.endResetModel()
            return
        # Same columns: tell the views only which rows went and came, so they
        # keep their selection and current cell.
        fresh = set(rows)
        for row in reversed(range(len(self._rows))):
            if self._rows[row] not in fresh:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        known = set(self._rows)
        added = [uuid for uuid in rows if uuid not in known]
        if added:
            self.beginInsertRows(QModelIndex(), len(self._rows),
                                 len(self._rows) + len(added) - 1)
            self._rows.extend(added)
            self.endInsertRows()
        self._index_rows()
        self._ranks = matrix.board.ranks() if matrix else {}
        self._all_changed()

    def _index_rows(self) -> None:
        self._row_of = {uuid: row for row, uuid in enumerate(self._rows)}

    def _all_changed(self) -> None:
        self._views.clear()
        if self._rows:
            self._ranks = self.matrix.board.ranks() if self.matrix else {}
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def _rows_changed(self, uuids: Sequence[str]) -> None:
        """Only these rows' cells, and the ranks that moved."""
        matrix = self.matrix
        if matrix is None:
            return
        self._by_uuid = {o.uuid: o for o in matrix.opportunities}
        last = self.columnCount() - 1
        for uuid in uuids:
            for criterion in self._criteria:
                self._views.pop((uuid, criterion), None)
            row = self._row_of.get(uuid)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        ranks = matrix.board.ranks()
        if ranks != self._ranks:
            rank = self.trailing(RANK)
            moved = {uuid for uuid in set(ranks) | set(self._ranks)
                     if ranks.get(uuid) != self._ranks.get(uuid)}
            self._ranks = ranks
            for uuid in moved:
                row = self._row_of.get(uuid)
                if row is not None:
                    self.dataChanged.emit(self.index(row, rank), self.index(row, rank))

    # -- QAbstractItemModel ------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else LEADING + len(self._criteria) + TRAILING

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix = self.matrix
        if orientation != Qt.Orientation.Horizontal or matrix is None \
                or not 0 <= section < self.columnCount():
            return super().headerData(section, orientation, role)
        criterion = self.criterion_at(section)
        pair = self._people
        if role == Qt.ItemDataRole.DisplayRole:
            if criterion is not None:
                return self._titles[criterion]
            fixed = {TITLE: "Opportunity", DECISION: "Decision"}
            if section in fixed:
                return fixed[section]
            return {TOTAL_1: pair[0].name, TOTAL_2: pair[1].name, COMBINED: "Combined",
                    RANK: "Rank", SCORING: "Scoring"}[section - self.trailing(0)]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._header_tip(section, criterion))
        if role == Qt.ItemDataRole.ForegroundRole and section in (self.trailing(TOTAL_1),
                                                                   self.trailing(TOTAL_2)):
            return QColor(pair[section - self.trailing(TOTAL_1)].color).darker(130)
        return None

    def _header_tip(self, section: int, criterion: str | None) -> str:
        matrix = self.matrix
        assert matrix is not None
        pair = self._people
        if criterion is not None:
            title = self._titles[criterion]
            board = matrix.board
            weights = ", ".join(
                f"{p.name} {board.weight(p.uuid, criterion) or '–'}"
                if board.weight(p.uuid, criterion) is not None or self._sees_weights(p.uuid)
                else f"{p.name}'s hidden" for p in pair)
            share = board.shares().get(criterion)
            counts = f"; it counts {share:.0%} in the combined total" if share is not None else ""
            return (f"{title}: each of you scores every opportunity from 1 to 10 "
                    f"(weights: {weights}{counts}).")
        if section == TITLE:
            return "What the opportunity is; double-click to see or change everything about it"
        if section == DECISION:
            return "Considering, accepted or declined, and when you want to decide"
        which = section - self.trailing(0)
        if which in (TOTAL_1, TOTAL_2):
            name = pair[which].name
            return (f"{name}'s total from 0 to 100: {name}'s scores weighted by {name}'s "
                    "weights. A total over missing scores says so.")
        return {COMBINED: "The average of your two totals: both of you count equally",
                RANK: "The ranking by combined total; equal totals share a place",
                SCORING: "Who is done scoring: the scores show to both once you both are"
                }[which]

    def _sees_weights(self, partner_uuid: str) -> bool:
        matrix, document = self.matrix, self.state.document
        if matrix is None or document is None:
            return False
        return matrix.weights_reveal.revealed or document.viewer.partner_uuid == partner_uuid

    def _state(self, uuid: str) -> RevealState:
        matrix = self.matrix
        return matrix.reveals.get(uuid, RevealState()) if matrix else RevealState()

    def _shown(self, opportunity_uuid: str, partner_uuid: str) -> bool:
        """Whether the viewer sees this partner's scores of this opportunity."""
        return partner_uuid == self._me or self._state(opportunity_uuid).revealed

    def cell_view(self, opportunity_uuid: str, criterion_uuid: str) -> CellView:
        key = (opportunity_uuid, criterion_uuid)
        found = self._views.get(key)
        if found is None:
            found = self._views[key] = self._make_view(opportunity_uuid, criterion_uuid)
        return found

    def _make_view(self, opportunity_uuid: str, criterion_uuid: str) -> CellView:
        matrix = self.matrix
        assert matrix is not None
        board = matrix.board
        revealed = self._state(opportunity_uuid).revealed
        sides = tuple(
            Side(board.score(opportunity_uuid, p.uuid, criterion_uuid),
                 not (revealed or p.uuid == self._me), p.uuid == self._me, p.color)
            for p in self._people)
        refused = self.refusals.get((opportunity_uuid, criterion_uuid), ("", ""))[0]
        return CellView(sides, board.score_differs(opportunity_uuid, criterion_uuid), refused)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix = self.matrix
        if matrix is None or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        uuid = self._rows[index.row()]
        column = index.column()
        criterion = self.criterion_at(column)
        if criterion is not None:
            return self._score_data(uuid, criterion, role) if role in SCORE_ROLES else None
        if role not in OTHER_ROLES:
            return None
        row = self._by_uuid.get(uuid)
        if row is None:
            return None
        if column == TITLE:
            return self._title_data(row, role)
        if column == DECISION:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return decision_words(row, self.today())
            if role == SORT_ROLE:
                return f"{row.status}:{row.decide_by.isoformat() if row.decide_by else '9'}"
            if role == Qt.ItemDataRole.ForegroundRole and row.status == "declined":
                return QColor(DECLINED_INK)
            return None
        return self._trailing_data(uuid, column - self.trailing(0), role)

    def _title_data(self, row: Opportunity, role: int) -> Any:
        matrix = self.matrix
        assert matrix is not None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.title
        if role == SORT_ROLE:
            return row.title.casefold()
        owner = next((p for p in self._people if p.uuid == row.partner_uuid), None)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(owner.color if owner else "#7a5c99")
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            lines = [row.title, f"Whose: {owner.name if owner else 'both of you'}"]
            place = " · ".join(part for part in (row.employer, row.location) if part)
            if place:
                lines.append(place)
            if row.salary is not None:
                lines.append(f"Salary: {salary_text(row)}")
            lines.append(f"Came up on {row.arose_on.isoformat()}"
                         + (f"; decide by {row.decide_by.isoformat()}" if row.decide_by else ""))
            if row.notes:
                lines.append("")
                lines.append(row.notes if len(row.notes) <= TIP_NOTES
                             else row.notes[:TIP_NOTES - 1] + "…")
            text = "\n".join(lines)
            return plain_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == Qt.ItemDataRole.FontRole and row.status == "declined":
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "declined":
            return QColor(DECLINED_INK)
        return None

    def _score_data(self, uuid: str, criterion: str, role: int) -> Any:
        matrix, document = self.matrix, self.state.document
        assert matrix is not None and document is not None
        if role == CELL_ROLE:
            return self.cell_view(uuid, criterion)
        if role == Qt.ItemDataRole.EditRole:
            value = matrix.board.score(uuid, document.viewer.partner_uuid, criterion) \
                if document.viewer.is_partner else None
            return "" if value is None else value
        view = self.cell_view(uuid, criterion)
        names = [p.name for p in self._people]
        if role == Qt.ItemDataRole.DisplayRole:
            return " | ".join("" if s.hidden else ("–" if s.value is None else str(s.value))
                              for s in view.sides)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            refusal = self.refusals.get((uuid, criterion))
            lines = [side_text(name, side) for name, side in zip(names, view.sides, strict=True)]
            if view.differs:
                lines.append("3 or more apart: worth talking about.")
            if refusal:
                lines.insert(0, f"Not stored: {refusal[1]}")
            text = "\n".join(lines)
            return plain_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == SORT_ROLE:
            own = next((s.value for s in view.sides if s.own), None)
            shown = [s.value for s in view.sides if s.value is not None]
            return own if own is not None else (sum(shown) / len(shown) if shown else -1)
        return None

    def _trailing_data(self, uuid: str, which: int, role: int) -> Any:
        matrix = self.matrix
        assert matrix is not None
        board, pair = matrix.board, self._people
        if which in (TOTAL_1, TOTAL_2):
            partner = pair[which]
            if not self._shown(uuid, partner.uuid):
                if role == Qt.ItemDataRole.DisplayRole:
                    return "hidden"
                if role == Qt.ItemDataRole.ToolTipRole:
                    return plain_tip(f"{partner.name}'s total shows once you are both done "
                                     "scoring it.")
                if role == Qt.ItemDataRole.TextAlignmentRole:
                    return Qt.AlignmentFlag.AlignCenter
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QColor("#8a8a8a")
                return -1 if role == SORT_ROLE else None
            total = board.total(uuid, partner.uuid)
            if role == Qt.ItemDataRole.DisplayRole:
                if total.rounded is None:
                    return "–"
                return str(total.rounded) if total.complete else \
                    f"{total.rounded} ({total.counted}/{total.of})"
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                missing = [title for c, title in self._titles.items()
                           if board.score(uuid, partner.uuid, c) is None
                           or board.weight(partner.uuid, c) is None]
                text = f"{partner.name}: {describe_total(total, missing)}"
                return plain_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
            if role == SORT_ROLE:
                return -1 if total.rounded is None else total.rounded
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        if which == COMBINED:
            combined = board.combined(uuid)
            if role == Qt.ItemDataRole.DisplayRole:
                if combined.rounded is None:
                    return "–"
                return str(combined.rounded) + ("" if combined.complete else " (partial)")
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                if combined.rounded is None:
                    text = ("The combined total needs both of your totals: it shows once you "
                            "are both done scoring and have each weighted and scored something.")
                else:
                    text = (f"The average of {pair[0].name}'s and {pair[1].name}'s totals: "
                            f"{combined.rounded} out of 100"
                            + ("." if combined.complete else
                               ", over partly missing scores or weights."))
                return plain_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
            if role == SORT_ROLE:
                return -1 if combined.rounded is None else combined.rounded
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if which == RANK:
            rank = self._ranks.get(uuid)
            if role == Qt.ItemDataRole.DisplayRole:
                if rank is None:
                    return ""
                tied = sum(1 for r in self._ranks.values() if r == rank) > 1
                return f"={rank}" if tied else str(rank)
            if role == SORT_ROLE:
                return rank if rank is not None else 10**6
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        return self._scoring_data(uuid, role)

    def _scoring_data(self, uuid: str, role: int) -> Any:
        matrix, document = self.matrix, self.state.document
        assert matrix is not None and document is not None
        state = self._state(uuid)
        viewer = document.viewer
        if role == Qt.ItemDataRole.CheckStateRole and viewer.is_partner:
            return Qt.CheckState.Checked if state.is_done(viewer.partner_uuid) \
                else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if state.revealed:
                return "Revealed"
            if not viewer.is_partner:  # in short; the tooltip says it in full
                done = [p.name for p in self._people if state.is_done(p.uuid)]
                busy = [p.name for p in self._people if not state.is_done(p.uuid)]
                return f"{done[0]} done · {busy[0]} scoring" if done else "Both scoring"
            other = next(p for p in self._people if p.uuid != viewer.partner_uuid)
            if state.is_done(viewer.partner_uuid):
                return f"Done · waiting for {other.name}"
            return f"Not done · {other.name} is done" if state.is_done(other.uuid) \
                else "Not done"
        if role == Qt.ItemDataRole.ToolTipRole:
            if viewer.is_partner:
                return plain_tip("Tick when you are done scoring it: your scores show to both "
                                 "of you once you are both done. Untick to hide them again.\n"
                                 + progress_words(self._people, state) + ".")
            return plain_tip(progress_words(self._people, state) + ".")
        if role == SORT_ROLE:
            return len(state.done)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return super().flags(index)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.state.document is None:
            return flags
        if self.criterion_at(index.column()) is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        elif index.column() == self.trailing(SCORING) and self.state.document.viewer.is_partner:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: ModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.state.document is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.trailing(SCORING):
            done = Qt.CheckState(value) == Qt.CheckState.Checked \
                if not isinstance(value, Qt.CheckState) else value == Qt.CheckState.Checked
            return self.set_done([self._rows[index.row()]], done)
        if role != Qt.ItemDataRole.EditRole or not self.is_number_cell(index):
            return False
        return self.set_values([(self.index(index.row(), index.column()), value)], "")

    # -- the number-table protocol -----------------------------------------------------------

    def is_number_cell(self, index: ModelIndex) -> bool:
        return index.isValid() and self.criterion_at(index.column()) is not None

    def own_value(self, index: ModelIndex) -> int | None:
        matrix, document = self.matrix, self.state.document
        criterion = self.criterion_at(index.column())
        if matrix is None or document is None or criterion is None \
                or not document.viewer.is_partner:
            return None
        return matrix.board.score(self._rows[index.row()], document.viewer.partner_uuid,
                                  criterion)

    def _cell(self, index: QModelIndex) -> tuple[str, str]:
        criterion = self.criterion_at(index.column())
        assert criterion is not None
        return self._rows[index.row()], criterion

    def set_values(self, cells: list[tuple[QModelIndex, object]], text: str) -> bool:
        """Store the viewer's own scores of these cells (empty clears), as one
        undo step named ``text`` (or after the cell, for one). All or nothing."""
        document, matrix = self.state.document, self.matrix
        if document is None or matrix is None or not cells:
            return False
        targets = [(*self._cell(index), value) for index, value in cells]
        by_key = {(o, c): index for (index, _v), (o, c, _x) in zip(cells, targets, strict=True)}
        try:
            edit = set_scores(document.plan, document.viewer, targets)
            if not text:
                opportunity = self._by_uuid[targets[0][0]]
                criterion = self._titles[targets[0][1]]
                value = str(targets[0][2]).strip()
                text = (f"Score “{_short(opportunity.title)}” on {_short(criterion)}: {value}"
                        if value else f"Clear score of “{_short(opportunity.title)}” on "
                        f"{_short(criterion)}")
            document.submit(text, edit, initiator=self)
        except CellError as error:
            index = by_key.get((error.opportunity_uuid, error.criterion_uuid), cells[0][0])
            typed = next((str(v) for (i, v) in cells if i == index), "")
            self.refuse(index, typed, error.message)
            return False
        except TandemError as error:
            self.refuse(cells[0][0], str(cells[0][1]), error.message)
            return False
        changed = [by_key[key] for key in by_key if key in self.refusals]
        for key in by_key:
            self.refusals.pop(key, None)
            self._views.pop(key, None)
        for index in changed:
            self.dataChanged.emit(index, index)
        return True

    def refuse(self, index: QModelIndex, typed: str, message: str) -> None:
        """Mark ``index`` with what was typed and why it was refused."""
        if self.is_number_cell(index):
            key = self._cell(index)
            self.refusals[key] = (typed.strip()[:12] or "?", message)
            self._views.pop(key, None)
            self.dataChanged.emit(index, index)
        self.refused.emit(message, index)

    # -- done ---------------------------------------------------------------------------------

    def set_done(self, uuids: list[str], done: bool) -> bool:
        document, matrix = self.state.document, self.matrix
        if document is None or matrix is None or not uuids:
            return False
        titles = self._by_uuid
        name = f"“{_short(titles[uuids[0]].title)}”" if len(uuids) == 1 \
            else f"{len(uuids)} opportunities"
        try:
            if done:
                edit = mark_done_scoring(document.plan, document.viewer, uuids)
                text = f"Done scoring {name}"
            else:
                edit = mark_not_done_scoring(document.plan, document.viewer, uuids)
                text = f"Not done scoring {name}"
            document.submit(text, edit, initiator=self)
        except TandemError as error:
            row = self.row_of(uuids[0])
            self.refused.emit(error.message, self.index(row, self.trailing(SCORING)))
            return False
        return True
