"""What a number cell shows, shared by the grid and the weights table: both
partners' values side by side (the first partner's on the left, always), the
viewer's own to edit, the other's hidden until the reveal, a mark where the
two differ enough to talk about, and a refused value with its reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

ModelIndex = QModelIndex | QPersistentModelIndex

#: A :class:`CellView` for the delegate.
CELL_ROLE = Qt.ItemDataRole.UserRole + 1
#: What a column sorts by.
SORT_ROLE = Qt.ItemDataRole.UserRole

MISSING = "–"
HIDDEN = "·"


@dataclass(frozen=True)
class Person:
    """A partner as the cells show them: plain values, quick to read."""

    uuid: str
    name: str
    color: str


@dataclass(frozen=True)
class Side:
    """One partner's half of a cell."""

    value: int | None
    #: Not revealed to the viewer (the value is not even known here).
    hidden: bool
    #: The viewer's own: the half they edit.
    own: bool
    color: str


@dataclass(frozen=True)
class CellView:
    #: Both partners' halves in slot order, or one partner's value alone.
    sides: tuple[Side, ...]
    differs: bool
    #: What was typed and refused, shown in the cell until corrected.
    refused: str = ""


def side_text(name: str, side: Side) -> str:
    if side.hidden:
        return f"{name}: hidden until you are both done"
    return f"{name}: {MISSING if side.value is None else side.value}"


class NumberModel(Protocol):
    """What :class:`~ui.opportunities.number_table.NumberTable` asks of its model."""

    def is_number_cell(self, index: ModelIndex) -> bool: ...

    def set_values(self, cells: list[tuple[QModelIndex, object]], text: str) -> bool: ...

    def refuse(self, index: QModelIndex, typed: str, message: str) -> None: ...

    def own_value(self, index: ModelIndex) -> int | None: ...
