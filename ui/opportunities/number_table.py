"""A table edited with spreadsheet habits, for the grid of scores and the
table of weights: type a number to replace a cell, Tab and Shift+Tab move
across, Enter stores and moves down, arrows move, Delete clears, Ctrl+V pastes
a block copied from a spreadsheet (Ctrl+C copies one). Whether a value is
allowed is the model's answer: a refused one stays in its cell, marked."""

from __future__ import annotations

from functools import cache
from typing import cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QPoint,
    QRect,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QPolygon,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from models.errors import ValidationError
from models.opportunity_scoring import split_block
from ui.opportunities.cells import CELL_ROLE, HIDDEN, MISSING, CellView, ModelIndex, NumberModel
from ui.style import ERROR_COLOR, contrast_ratio
from ui.text_fields import limit_length

#: Where the partners' scores or weights differ by 3 or more.
DIFFER_MARK = QColor("#d99a06")
DIFFER_BACKGROUND = QColor("#fcefc7")
REFUSED_BACKGROUND = QColor("#f9dcd9")
FAINT = QColor("#9a9a9a")
REFUSED_BRUSH = QBrush(REFUSED_BACKGROUND)
DIFFER_BRUSH = QBrush(DIFFER_BACKGROUND)
ERROR_INK = QColor(ERROR_COLOR)
# Looked up once: an enum member read costs more than drawing a digit.
PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
FOCUS_RECT = QStyle.PrimitiveElement.PE_FrameFocusRect
SELECTED = QStyle.StateFlag.State_Selected
HAS_FOCUS = QStyle.StateFlag.State_HasFocus
MOUSE_OVER = QStyle.StateFlag.State_MouseOver
HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
CENTER = Qt.AlignmentFlag.AlignCenter
NO_PEN = Qt.PenStyle.NoPen
NO_BRUSH = Qt.BrushStyle.NoBrush
#: The editor's property holding what it showed when it opened.
SHOWN = "tandemShown"


def source_of(index: ModelIndex) -> QModelIndex:
    """The index in the source model under any proxies."""
    source = index.sibling(index.row(), index.column())
    model = source.model()
    while isinstance(model, QAbstractProxyModel):
        source = model.mapToSource(source)
        model = source.model()
    return source


def number_model(index: ModelIndex) -> NumberModel | None:
    model = source_of(index).model()
    return cast(NumberModel, model) if hasattr(model, "is_number_cell") else None


@cache
def ink(color: str) -> QColor:
    """A partner's colour dark enough to read as text on white."""
    found = QColor(color)
    for _step in range(8):
        if contrast_ratio(found, "#ffffff") >= 4.5:
            break
        found = found.darker(118)
    return found


class NumberCellDelegate(QStyledItemDelegate):
    """Draws a number cell (both partners' values side by side, the viewer's
    own in bold, hidden ones as a dot, a mark where they differ, a refused
    value in red) and edits it in a plain line: what may be stored is the
    model's to say, with its reason."""

    def __init__(self, parent: QWidget | None = None, text_limit: int = 0):
        super().__init__(parent)
        self.text_limit = text_limit
        self._font: QFont | None = None
        self._bold = QFont()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: ModelIndex) -> QWidget:
        line = QLineEdit(parent)
        line.setFrame(False)
        model = number_model(index)
        if model is not None and model.is_number_cell(source_of(index)):
            line.setAlignment(Qt.AlignmentFlag.AlignCenter)
            line.setAccessibleName("Your number from 1 to 10")
        elif self.text_limit:
            limit_length(line, self.text_limit)
        return line

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if not isinstance(editor, QLineEdit):
            super().setEditorData(editor, index)
            return
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setText("" if value is None else str(value))
        editor.selectAll()
        editor.setProperty(SHOWN, editor.text())

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: ModelIndex) -> None:
        if not isinstance(editor, QLineEdit):
            super().setModelData(editor, model, index)
            return
        if editor.text() == editor.property(SHOWN):
            return  # untouched: nothing to store, nothing to refuse
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        view = index.data(CELL_ROLE)
        if not isinstance(view, CellView):
            super().paint(painter, option, index)
            return
        # One read of the model (the cell view), few calls into Qt: a grid of a
        # hundred rows paints hundreds of these cells at a time. The style
        # draws only the background, the selection and the focus.
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        state = option.state
        rect: QRect = option.rect
        selected = bool(state & SELECTED)
        if view.refused or view.differs:
            tinted = QStyleOptionViewItem(option)
            tinted.backgroundBrush = REFUSED_BRUSH if view.refused else DIFFER_BRUSH
            style.drawPrimitive(PANEL, tinted, painter, widget)
        elif selected or state & MOUSE_OVER:
            style.drawPrimitive(PANEL, option, painter, widget)
        # else: the view's base is the cell's background already.
        highlighted = option.palette.color(HIGHLIGHTED_TEXT) if selected else FAINT
        plain, bold = self._fonts(option.font)
        if view.differs:
            right, top = rect.right(), rect.top()
            painter.setPen(NO_PEN)
            painter.setBrush(DIFFER_MARK)
            painter.drawPolygon(QPolygon([QPoint(right - 7, top), QPoint(right, top),
                                          QPoint(right, top + 7)]))
        if view.refused:
            painter.setPen(ERROR_INK)
            painter.setBrush(NO_BRUSH)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
            painter.setFont(bold)
            painter.setPen(highlighted if selected else ERROR_INK)
            painter.drawText(rect, CENTER, view.refused)
        else:
            count = len(view.sides)
            left, top, height = rect.left(), rect.top(), rect.height()
            width = rect.width() // count
            for number, side in enumerate(view.sides):
                if side.hidden or side.value is None:
                    text, color, font = (HIDDEN if side.hidden else MISSING), FAINT, plain
                else:
                    text, color = str(side.value), ink(side.color)
                    font = bold if side.own or count == 1 else plain
                painter.setFont(font)
                painter.setPen(highlighted if selected else color)
                painter.drawText(left + number * width, top, width, height, CENTER, text)
        if state & HAS_FOCUS:
            focus = QStyleOptionFocusRect()
            focus.rect = rect
            focus.state = state
            focus.palette = option.palette
            style.drawPrimitive(FOCUS_RECT, focus, painter, widget)

    def _fonts(self, font: QFont) -> tuple[QFont, QFont]:
        """The view's font and its bold, made once (the view's font rarely changes)."""
        if self._font is None or self._font != font:
            self._font = QFont(font)
            self._bold = QFont(font)
            self._bold.setBold(True)
        return self._font, self._bold


class NumberTable(QTableView):
    """A table whose number cells are edited like a spreadsheet's. Its model
    (under any proxy) follows :class:`~ui.opportunities.cells.NumberModel`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        triggers = QAbstractItemView.EditTrigger
        self.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed
                             | triggers.AnyKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)

    def source_model(self) -> NumberModel | None:
        model = self.model()
        while isinstance(model, QAbstractProxyModel):
            model = model.sourceModel()
        return cast(NumberModel, model) if hasattr(model, "is_number_cell") else None

    def is_number(self, index: ModelIndex) -> bool:
        model = self.source_model()
        return model is not None and index.isValid() and model.is_number_cell(source_of(index))

    # -- moving ------------------------------------------------------------------------

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Tab and Shift+Tab go from number cell to number cell, row after row."""
        found = super().moveCursor(action, modifiers)
        cursor = QAbstractItemView.CursorAction
        if action not in (cursor.MoveNext, cursor.MovePrevious) \
                or not self.is_number(self.currentIndex()):
            return found
        start, step = self.currentIndex(), 1 if action == cursor.MoveNext else -1
        model = self.model()
        rows, columns = model.rowCount(), model.columnCount()
        position = start.row() * columns + start.column()
        for _ in range(rows * columns):
            position = (position + step) % (rows * columns)
            candidate = model.index(position // columns, position % columns)
            if self.is_number(candidate):
                return candidate
        return found

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter stores and moves down, as in a spreadsheet."""
        current = self.currentIndex()
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and self.is_number(current):
            self._step_down(current)

    def _step_down(self, current: QModelIndex) -> None:
        below = current.sibling(current.row() + 1, current.column())
        if below.isValid():
            self.setCurrentIndex(below)

    # -- keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste_text(QGuiApplication.clipboard().text())
                return
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_selection()
                return
            key = event.key()
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) \
                    and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.clear_selection_values()
                return
            if key == Qt.Key.Key_Space and self.is_number(self.currentIndex()):
                return  # no edit that starts with a space, which would clear the cell
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                    and self.is_number(self.currentIndex()):
                self._step_down(self.currentIndex())
                return
        super().keyPressEvent(event)

    # -- clearing, copying, pasting ----------------------------------------------------------

    def _number_indexes(self) -> list[QModelIndex]:
        chosen = [i for i in self.selectedIndexes() if self.is_number(i)]
        if not chosen and self.is_number(self.currentIndex()):
            chosen = [self.currentIndex()]
        return sorted(chosen, key=lambda i: (i.row(), i.column()))

    def clear_selection_values(self) -> bool:
        """Delete: the viewer's own values in the selected number cells go."""
        model, chosen = self.source_model(), self._number_indexes()
        if model is None or not chosen:
            return False
        cells: list[tuple[QModelIndex, object]] = [(source_of(i), "") for i in chosen]
        text = "" if len(cells) == 1 else f"Clear {len(cells)} cells"
        return model.set_values(cells, text)

    def copy_selection(self) -> None:
        """The viewer's own values of the selected block, tab-separated."""
        model, chosen = self.source_model(), self._number_indexes()
        if model is None or not chosen:
            return
        rows = sorted({i.row() for i in chosen})
        columns = sorted({i.column() for i in chosen})
        proxy = self.model()
        lines = []
        for row in range(rows[0], rows[-1] + 1):
            values = []
            for column in range(columns[0], columns[-1] + 1):
                index = proxy.index(row, column)
                value = model.own_value(source_of(index)) if self.is_number(index) else None
                values.append("" if value is None else str(value))
            lines.append("\t".join(values))
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

    def paste_text(self, text: str) -> bool:
        """Lay a block of values on the grid from the current cell (or fill the
        selected cells with a single value). All or nothing: a block that does
        not fit, or any value refused, stores none and marks the place."""
        model = self.source_model()
        anchor = self.currentIndex()
        if model is None or not self.is_number(anchor):
            return False
        source = source_of(anchor)
        try:
            block = split_block(text)
        except ValidationError as error:
            model.refuse(source, "", error.message)
            return False
        chosen = self._number_indexes()
        cells: list[tuple[QModelIndex, object]] = []
        if len(block) == 1 and len(block[0]) == 1 and len(chosen) > 1:
            cells = [(source_of(i), block[0][0]) for i in chosen]
        else:
            proxy = self.model()
            height, width = len(block), len(block[0])
            for i, line in enumerate(block):
                for j, value in enumerate(line):
                    index = proxy.index(anchor.row() + i, anchor.column() + j)
                    if not self.is_number(index):
                        rows, columns = self._room(anchor)
                        model.refuse(source, "", self._misfit(height, width, rows, columns))
                        return False
                    cells.append((source_of(index), value))
        count = len(cells)
        return model.set_values(cells, f"Paste {count} value{'s' if count != 1 else ''}")

    def _room(self, anchor: QModelIndex) -> tuple[int, int]:
        proxy = self.model()
        rows = columns = 0
        while self.is_number(proxy.index(anchor.row() + rows, anchor.column())):
            rows += 1
        while self.is_number(proxy.index(anchor.row(), anchor.column() + columns)):
            columns += 1
        return rows, columns

    @staticmethod
    def _misfit(height: int, width: int, rows: int, columns: int) -> str:
        def size(r: int, c: int) -> str:
            return f"{r} row{'s' if r != 1 else ''} by {c} column{'s' if c != 1 else ''}"

        return (f"What you pasted is {size(height, width)}, but from this cell there is room "
                f"for {size(rows, columns)}. Nothing was pasted.")
