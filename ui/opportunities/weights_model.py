"""The criteria with both partners' weights and the combined one, as a Qt
table model: a criterion is renamed in its cell, a partner types their own
weight (the other's stays hidden until both are done weighting), and the
combined weight says how much the criterion counts in the combined total."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor

from models.errors import TandemError
from models.opportunities import (
    CRITERION_MAX,
    CellError,
    Criterion,
    Matrix,
    rename_criterion,
    set_weights,
)
from ui.opportunities.cells import CELL_ROLE, SORT_ROLE, CellView, ModelIndex, Side, side_text
from ui.opportunities.matrix_state import MatrixState
from ui.style import plain_tip

TITLE, WEIGHT_1, WEIGHT_2, COMBINED = range(4)


class CriteriaWeightsModel(QAbstractTableModel):
    refused = Signal(str, QModelIndex)

    def __init__(self, state: MatrixState, parent: QObject | None = None):
        super().__init__(parent)
        self.state = state
        self._criteria: list[Criterion] = []
        #: Refused values still shown: (criterion, column) -> (typed, message).
        self.refusals: dict[tuple[str, int], tuple[str, str]] = {}
        state.reloaded.connect(self._reload)
        state.weights_changed.connect(self._all_changed)
        self._reload()

    @property
    def matrix(self) -> Matrix | None:
        return self.state.matrix

    def criterion_at(self, row: int) -> Criterion | None:
        return self._criteria[row] if 0 <= row < len(self._criteria) else None

    def row_of(self, uuid: str) -> int:
        return next((i for i, c in enumerate(self._criteria) if c.uuid == uuid), -1)

    def _reload(self) -> None:
        fresh = list(self.matrix.criteria) if self.matrix else []
        if [c.uuid for c in fresh] != [c.uuid for c in self._criteria]:
            self.beginResetModel()
            self._criteria = fresh
            known = {c.uuid for c in fresh}
            self.refusals = {k: v for k, v in self.refusals.items() if k[0] in known}
            self.endResetModel()
        else:
            self._criteria = fresh
            self._all_changed()

    def _all_changed(self) -> None:
        if self._criteria:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._criteria) - 1, COMBINED))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COMBINED)

    # -- QAbstractItemModel --

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._criteria)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix = self.matrix
        if orientation != Qt.Orientation.Horizontal or matrix is None or not 0 <= section < 4:
            return super().headerData(section, orientation, role)
        pair = matrix.partners
        if role == Qt.ItemDataRole.DisplayRole:
            return ("Criterion", pair[0].name, pair[1].name, "Combined")[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == TITLE:
                return "What matters; click twice or press F2 to rename"
            if section == COMBINED:
                return plain_tip("How much each criterion counts in the combined total: the "
                                 "average of its share of each partner's weights. Shown once "
                                 "you have both weighted every criterion.")
            name = pair[section - WEIGHT_1].name
            return plain_tip(f"How much each criterion matters to {name}, from 1 to 10")
        if role == Qt.ItemDataRole.ForegroundRole and section in (WEIGHT_1, WEIGHT_2):
            return QColor(pair[section - WEIGHT_1].color).darker(130)
        return None

    def _side(self, criterion: str, column: int) -> Side:
        matrix, document = self.matrix, self.state.document
        assert matrix is not None and document is not None
        partner = matrix.partners[column - WEIGHT_1]
        own = partner.uuid == document.viewer.partner_uuid
        return Side(matrix.board.weight(partner.uuid, criterion),
                    not (own or matrix.weights_reveal.revealed), own, partner.color)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix, document = self.matrix, self.state.document
        if matrix is None or document is None or not index.isValid() \
                or not 0 <= index.row() < len(self._criteria):
            return None
        criterion = self._criteria[index.row()]
        column = index.column()
        if column == TITLE:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return criterion.title
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tip(criterion.title)
            if role == SORT_ROLE:
                return criterion.position
            return None
        if column == COMBINED:
            share = matrix.board.shares().get(criterion.uuid)
            if role == Qt.ItemDataRole.DisplayRole:
                return "–" if share is None else f"{share:.0%}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tip(
                    "Shown once you have both weighted every criterion." if share is None
                    else f"“{criterion.title}” counts {share:.0%} in the combined total.")
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        # A weight column: one partner's weight.
        side = self._side(criterion.uuid, column)
        partner = matrix.partners[column - WEIGHT_1]
        differs = matrix.board.weight_differs(criterion.uuid)
        refusal = self.refusals.get((criterion.uuid, column))
        if role == CELL_ROLE:
            return CellView((side,), differs, refusal[0] if refusal else "")
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if side.hidden else ("–" if side.value is None else str(side.value))
        if role == Qt.ItemDataRole.EditRole:
            return "" if side.value is None or side.hidden else side.value
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if side.hidden:
                lines = [f"{partner.name}'s weight: hidden until you have both finished "
                         "weighting"]
            else:
                lines = [side_text(f"{partner.name}'s weight", side)]
            if differs:
                lines.append("Your weights are 3 or more apart: worth talking about.")
            if refusal:
                lines.insert(0, f"Not stored: {refusal[1]}")
            text = "\n".join(lines)
            return plain_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == SORT_ROLE:
            return -1 if side.value is None else side.value
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return super().flags(index)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.state.document is not None and index.column() != COMBINED:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: ModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        document = self.state.document
        if role != Qt.ItemDataRole.EditRole or document is None or not index.isValid():
            return False
        criterion = self._criteria[index.row()]
        if index.column() == TITLE:
            try:
                edit = rename_criterion(criterion, value if isinstance(value, str) else "")
                document.submit(f"Rename criterion “{criterion.title}”", edit, initiator=self)
            except TandemError as error:
                self.refused.emit(error.message, self.index(index.row(), TITLE))
                return False
            return True
        if not self.is_number_cell(index):
            return False
        return self.set_values([(self.index(index.row(), index.column()), value)], "")

    # -- the number-table protocol --

    def is_number_cell(self, index: ModelIndex) -> bool:
        return index.isValid() and index.column() in (WEIGHT_1, WEIGHT_2)

    def own_value(self, index: ModelIndex) -> int | None:
        matrix, document = self.matrix, self.state.document
        if matrix is None or document is None or not self.is_number_cell(index):
            return None
        partner = matrix.partners[index.column() - WEIGHT_1]
        if partner.uuid != document.viewer.partner_uuid:
            return None
        return matrix.board.weight(partner.uuid, self._criteria[index.row()].uuid)

    def set_values(self, cells: list[tuple[QModelIndex, object]], text: str) -> bool:
        document, matrix = self.state.document, self.matrix
        if document is None or matrix is None or not cells:
            return False
        viewer = document.viewer
        for index, value in cells:
            partner = matrix.partners[index.column() - WEIGHT_1]
            if viewer.is_partner and partner.uuid != viewer.partner_uuid:
                self.refuse(index, str(value), f"That is {partner.name}'s weight: only "
                            f"{partner.name} gives it. Yours is in the column “"
                            f"{next(p.name for p in matrix.partners if p.uuid == viewer.partner_uuid)}”.")
                return False
        targets = [(self._criteria[index.row()].uuid, value) for index, value in cells]
        rows = {uuid: index for (index, _v), (uuid, _x) in zip(cells, targets, strict=True)}
        try:
            edit = set_weights(document.plan, viewer, targets)
            if not text:
                title = self._criteria[cells[0][0].row()].title
                value = str(cells[0][1]).strip()
                text = f"Weight “{title}”: {value}" if value else f"Clear weight of “{title}”"
            document.submit(text, edit, initiator=self)
        except CellError as error:
            index = rows.get(error.criterion_uuid, cells[0][0])
            typed = next((str(v) for (i, v) in cells if i == index), "")
            self.refuse(index, typed, error.message)
            return False
        except TandemError as error:
            self.refuse(cells[0][0], str(cells[0][1]), error.message)
            return False
        for index, _value in cells:
            key = (self._criteria[index.row()].uuid, index.column())
            if self.refusals.pop(key, None) is not None:
                self.dataChanged.emit(index, index)
        return True

    def refuse(self, index: QModelIndex, typed: str, message: str) -> None:
        if self.is_number_cell(index):
            key = (self._criteria[index.row()].uuid, index.column())
            self.refusals[key] = (typed.strip()[:12] or "?", message)
            self.dataChanged.emit(index, index)
        self.refused.emit(message, index)

    @staticmethod
    def title_limit() -> int:
        return CRITERION_MAX
