"""The indicators the couple checks in on: the seed's seven to start with,
their own added, reworded in place, moved, retired (asked no more, history
kept) and brought back; one nobody has rated yet can be deleted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from models.changes import Edit
from models.checklist import (
    TITLE_MAX,
    Indicator,
    add_indicator,
    delete_indicator,
    indicators,
    long_date,
    move_indicator,
    rename_indicator,
    restore_indicator,
    retire_indicator,
)
from models.errors import TandemError
from ui.document import PlanDocument
from ui.style import FAINT_INK, HINT_STYLE, error_label, plain_tip
from ui.text_fields import line_edit

ModelIndex = QModelIndex | QPersistentModelIndex
INTRO = ("The signs you check in on. The seed’s seven are here to start with: reword them, add "
         "your own, retire those you no longer need (a retired indicator keeps its history in "
         "the check-ins and the trend). Double-click an indicator to reword it.")


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


class IndicatorTableModel(QAbstractTableModel):
    """Every indicator, in use and retired, in the couple's order."""

    refused = Signal(str, QModelIndex)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self.rows: list[Indicator] = []

    def refresh(self, document: PlanDocument | None) -> None:
        self.document = document
        fresh = indicators(document.plan) if document is not None else []
        if [row.uuid for row in fresh] == [row.uuid for row in self.rows]:
            self.rows = fresh
            if fresh:
                self.dataChanged.emit(self.index(0, 0), self.index(len(fresh) - 1, 1))
            return
        self.beginResetModel()
        self.rows = fresh
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and section in (0, 1):
            return ("Indicator", "In use")[section]
        return super().headerData(section, orientation, role)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if index.column() == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return row.title
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tip(row.title)
        else:
            if role == Qt.ItemDataRole.DisplayRole:
                return "In use" if row.retired_on is None else \
                    f"Retired on {long_date(row.retired_on)}"
        if role == Qt.ItemDataRole.ForegroundRole and row.retired:
            return QColor(FAINT_INK)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return super().flags(index)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and self.document is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: ModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.document is None or not index.isValid() \
                or index.column() != 0:
            return False
        row = self.rows[index.row()]
        text = value.strip() if isinstance(value, str) else value
        try:
            self.document.submit(f"Reword “{_short(row.title)}”",
                                 rename_indicator(self.document.plan, row, text),
                                 initiator=self)
        except TandemError as error:
            self.refused.emit(error.message, self.index(index.row(), 0))
            return False
        return True


class IndicatorsPage(QWidget):
    def __init__(self, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.document: PlanDocument | None = None
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setStyleSheet(HINT_STYLE)

        self.model = IndicatorTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("indicatorTable")
        self.table.setAccessibleName("Indicators")
        self.table.setModel(self.model)
        # A delegate of its own: Qt's default one is shared by every view, and
        # a shared delegate's commitData reaches views the editor is not in.
        self.table.setItemDelegate(QStyledItemDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.model.refused.connect(self.show_refusal)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())

        self.new_title = line_edit(limit=TITLE_MAX, placeholder="A sign of your own, e.g. "
                                                                "“We each take a real holiday”")
        self.new_title.setObjectName("newIndicator")
        self.new_title.returnPressed.connect(self.add)
        self.add_button = QPushButton("&Add Indicator")
        self.add_button.clicked.connect(self.add)
        adding = QHBoxLayout()
        adding.addWidget(self.new_title, 1)
        adding.addWidget(self.add_button)

        self.up_button = QPushButton("Move &Up")
        self.down_button = QPushButton("Move Do&wn")
        self.retire_button = QPushButton("&Retire")
        self.retire_button.setToolTip("Ask it no more; its ratings and trend stay")
        self.restore_button = QPushButton("&Bring Back")
        self.restore_button.setToolTip("Ask a retired indicator again")
        self.delete_button = QPushButton("De&lete")
        self.delete_button.setToolTip("Delete an indicator nobody has rated yet")
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.retire_button.clicked.connect(self.retire)
        self.restore_button.clicked.connect(self.restore)
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.retire_button,
                       self.restore_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.error = error_label("indicatorError")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(adding)
        layout.addWidget(self.error)
        self._enable()

    def set_document(self, document: PlanDocument | None) -> None:
        self.document = document
        self.error.hide()
        self.refresh()

    def refresh(self) -> None:
        self.model.refresh(self.document)
        self._enable()

    def selected(self) -> Indicator | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def select(self, uuid: str) -> None:
        row = next((n for n, r in enumerate(self.model.rows) if r.uuid == uuid), -1)
        if row >= 0:
            self.table.selectRow(row)

    def _enable(self) -> None:
        chosen = self.selected()
        rows = self.model.rows
        self.up_button.setEnabled(chosen is not None and rows[0].uuid != chosen.uuid)
        self.down_button.setEnabled(chosen is not None and rows[-1].uuid != chosen.uuid)
        self.retire_button.setEnabled(chosen is not None and not chosen.retired)
        self.restore_button.setEnabled(chosen is not None and chosen.retired)
        self.delete_button.setEnabled(chosen is not None)

    def _submit(self, text: str, build: Callable[[], Edit]) -> bool:
        if self.document is None:
            return False
        try:
            self.document.submit(text, build(), initiator=self)
        except TandemError as error:
            self.error.setText(error.message)
            self.error.show()
            return False
        self.error.hide()
        return True

    def add(self) -> None:
        document = self.document
        if document is None:
            return
        title = self.new_title.text()
        if self._submit(f"Add indicator “{_short(title.strip())}”",
                        lambda: add_indicator(document.plan, title)):
            self.new_title.clear()
            self.select(self.model.rows[-1].uuid)
        else:
            self.new_title.setFocus()

    def _with_selected(self, text: str, build: Callable[[PlanDocument, Indicator], Edit]) -> None:
        document, chosen = self.document, self.selected()
        if document is None or chosen is None:
            return
        if self._submit(text.format(name=_short(chosen.title)),
                        lambda: build(document, chosen)):
            self.select(chosen.uuid)

    def _move(self, step: int) -> None:
        self._with_selected("Move “{name}” " + ("up" if step < 0 else "down"),
                            lambda d, row: move_indicator(d.plan, row, step))

    def retire(self) -> None:
        self._with_selected("Retire “{name}”",
                            lambda d, row: retire_indicator(d.plan, row, self.today()))

    def restore(self) -> None:
        self._with_selected("Bring back “{name}”", lambda d, row: restore_indicator(d.plan, row))

    def delete(self) -> None:
        self._with_selected("Delete “{name}”", lambda d, row: delete_indicator(d.plan, row))

    def show_refusal(self, message: str, index: QModelIndex) -> None:
        self.error.setText(message)
        self.error.show()
        rect = self.table.visualRect(index)
        if self.table.isVisible() and rect.isValid():
            viewport = self.table.viewport()
            QTimer.singleShot(0, viewport, lambda: QToolTip.showText(
                viewport.mapToGlobal(rect.bottomLeft()), plain_tip(message), viewport, rect))
