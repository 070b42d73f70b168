"""The ratings table on screen: five dots per score cell, in the partner's
colour. Rate with the mouse (click the third dot: 3) or the keyboard (type
1 to 5 on a score cell; Delete clears it); the current cell then moves down,
so a whole check-in is rated from the keyboard. F2 or Enter opens a list of
the five, and a note cell takes a line of text. Whether a value is allowed
is the models' answer (``RatingTableModel.setData``), never the widget's."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPen, QValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from models.checklist import HIGHEST, LOWEST, NOTE_MAX, Seen, scale_labels
from ui.checklist.ratings import COLOR_ROLE, SEEN_ROLE, RatingTableModel, score_text
from ui.style import FAINT_INK

ModelIndex = QModelIndex | QPersistentModelIndex

DOT, SPACING, MARGIN = 13, 5, 8
_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


def dot_rects(cell: QRect) -> list[QRect]:
    """Where the five dots of a score cell are (for drawing and for clicks)."""
    top = cell.top() + (cell.height() - DOT) // 2
    return [QRect(cell.left() + MARGIN + i * (DOT + SPACING), top, DOT, DOT)
            for i in range(HIGHEST - LOWEST + 1)]


def dot_at(cell: QRect, x: int) -> int | None:
    """The score whose dot is under ``x`` (each dot owns the space up to the
    next one), or ``None`` right of the dots."""
    for score, rect in enumerate(dot_rects(cell), start=LOWEST):
        if x < rect.right() + SPACING // 2 + 1:
            return score
    return None


class NoteLimit(QValidator):
    """Lets a note grow to :data:`NOTE_MAX` characters (as people count
    them) and says so, through ``refuse``, when typing or a paste would
    take it further."""

    def __init__(self, refuse: Callable[[str], None], parent: QObject | None = None):
        super().__init__(parent)
        self._refuse = refuse

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if len(text) <= NOTE_MAX:
            return QValidator.State.Acceptable, text, pos
        self._refuse(f"A note is at most {NOTE_MAX} characters; that would make it "
                         f"{len(text)}. Say more in what you agree together, below.")
        return QValidator.State.Invalid, text, pos


class RatingDelegate(QStyledItemDelegate):
    """Dots for scores, a list of the five on F2, a line for notes."""

    def __init__(self, view: RatingTableView):
        super().__init__(view)
        self.view = view

    def _model(self) -> RatingTableModel:
        model = self.view.model()
        assert isinstance(model, RatingTableModel)
        return model

    # -- drawing --

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        model = self._model()
        if not model.is_score(index) or index.data(SEEN_ROLE) == Seen.HIDDEN.value:
            super().paint(painter, option, index)
            return
        # The background and selection as any cell, then dots and a word.
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter,
                              option.widget)
        score = index.data(Qt.ItemDataRole.EditRole)
        color = QColor(str(index.data(COLOR_ROLE)))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rects = dot_rects(option.rect)
        for number, rect in enumerate(rects, start=LOWEST):
            filled = isinstance(score, int) and number <= score
            painter.setPen(QPen(color.darker(115) if filled else QColor(FAINT_INK), 1.2))
            painter.setBrush(color if filled else Qt.GlobalColor.transparent)
            painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        words = scale_labels()[score] if isinstance(score, int) else "Not rated"
        text_rect = option.rect.adjusted(rects[-1].right() - option.rect.left() + 8, 0, -4, 0)
        pen = option.palette.highlightedText().color() if selected else (
            option.palette.text().color() if isinstance(score, int) else QColor(FAINT_INK))
        painter.setPen(pen)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter
                                        | Qt.AlignmentFlag.AlignLeft), words)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        if self._model().is_score(index):
            width = MARGIN + 5 * (DOT + SPACING) + option.fontMetrics.horizontalAdvance(
                "Not at all") + 16
            return QSize(max(hint.width(), width), max(hint.height(), DOT + 10))
        return hint

    # -- the mouse --

    def editorEvent(self, event: QEvent, model: QAbstractItemModel,
                    option: QStyleOptionViewItem, index: ModelIndex) -> bool:
        if not self._model().is_score(index) or not isinstance(event, QMouseEvent):
            return super().editorEvent(event, model, option, index)
        kind = event.type()
        if kind == QEvent.Type.MouseButtonDblClick:
            return True  # a quick second click rates again; it opens no editor
        if kind == QEvent.Type.MouseButtonRelease and \
                event.button() == Qt.MouseButton.LeftButton:
            score = dot_at(option.rect, event.position().toPoint().x())
            if score is not None:
                self.view.rate(index, score)
                return True
        return False

    # -- editors --

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: ModelIndex) -> QWidget:
        if self._model().is_score(index):
            combo = QComboBox(parent)
            combo.addItem("Not rated", None)
            for score in range(LOWEST, HIGHEST + 1):
                combo.addItem(score_text(score), score)
            return combo
        line = QLineEdit(parent)
        line.setFrame(False)
        line.setPlaceholderText("Why, in a few words")
        persistent = QPersistentModelIndex(index)
        line.setValidator(NoteLimit(lambda message: self.view.refuse(message, persistent), line))
        return line

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))
        editor.setProperty("tandemShown", index.data(Qt.ItemDataRole.EditRole))

    def destroyEditor(self, editor: QWidget, index: ModelIndex) -> None:
        # Emptied now: deleted later, it would hold a private note meanwhile,
        # perhaps while the other partner is at the keyboard.
        if isinstance(editor, QLineEdit):
            editor.clear()
        super().destroyEditor(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: ModelIndex) -> None:
        value: object
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        if value == editor.property("tandemShown") or (value == "" and
                                                       editor.property("tandemShown") is None):
            return  # untouched: nothing to store
        self._model().setData(index, value, Qt.ItemDataRole.EditRole)


class RatingTableView(QTableView):
    """The ratings table: the keyboard and mouse gestures of rating."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ratingTable")
        self.setItemDelegate(RatingDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in a form
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(False)
        self.setAccessibleName("Ratings")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.setToolTip("Rate each indicator from 1 (not at all) to 5 (fully): click a dot, "
                        "or type 1 to 5 (the next row follows). Double-click or F2 on a note "
                        "to write why.")

    def sizeHint(self) -> QSize:
        """As tall as its rows, so what follows the table sits right under it."""
        hint = super().sizeHint()
        rows = sum(self.rowHeight(row) for row in range(self.model().rowCount())) \
            if self.model() is not None else 0
        frame = 2 * self.frameWidth()
        bar = self.horizontalScrollBar()
        extra = bar.sizeHint().height() if bar.isVisible() else 0
        return QSize(hint.width(), self.horizontalHeader().height() + rows + frame + extra)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 120)

    def show_spans(self) -> None:
        """A partner's hidden score and note are one cell: there is nothing
        to tell them apart by."""
        self.clearSpans()
        model = self.ratings()
        for row in range(model.rowCount()):
            for column in (1, 3):
                if model.index(row, column).data(SEEN_ROLE) == Seen.HIDDEN.value:
                    self.setSpan(row, column, 1, 2)
        self.resizeRowsToContents()
        self.updateGeometry()

    def ratings(self) -> RatingTableModel:
        model = self.model()
        assert isinstance(model, RatingTableModel)
        return model

    def rate(self, index: ModelIndex, score: int | None) -> bool:
        return self.ratings().setData(index, score, Qt.ItemDataRole.EditRole)

    def refuse(self, message: str, index: ModelIndex) -> None:
        model = self.ratings()
        model.refused.emit(message, model.index(index.row(), index.column()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        model = self.model()
        if isinstance(model, RatingTableModel) and model.is_score(index) \
                and self.state() != QAbstractItemView.State.EditingState \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            key = event.key()
            if key in _DIGITS:
                # Every digit goes to the models: 0 and 6 to 9 are refused there, in words.
                if self.rate(index, _DIGITS[Qt.Key(key)]) and index.row() + 1 < model.rowCount():
                    self.setCurrentIndex(model.index(index.row() + 1, index.column()))
                event.accept()
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.rate(index, None)
                event.accept()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit(index)  # the list of the five
                event.accept()
                return
            if event.text().strip():
                # A letter on a score cell: say what a rating is, in place.
                model.setData(index, event.text(), Qt.ItemDataRole.EditRole)
                event.accept()
                return
        super().keyPressEvent(event)
