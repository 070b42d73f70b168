"""The synergy and conflict marks: the list that gathers them, and the
small dialog that makes or changes one (its kind and its short note)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models.changes import Edit
from models.errors import TandemError
from models.visions import NOTE_MAX, MarkKind, VisionMark, mark_kinds, section_title
from ui.document import PlanDocument
from ui.form import Form
from ui.style import FAINT_INK, plain_tip
from ui.text_fields import line_edit

ModelIndex = QModelIndex | QPersistentModelIndex
#: The list and the dialog quote at most this much of a passage.
QUOTE_SHOWN = 160


def short(text: str, most: int = QUOTE_SHOWN) -> str:
    """One line of at most ``most`` characters, for a list or a label."""
    line = " ".join(text.split())
    return line if len(line) <= most else line[:most - 1].rstrip() + "…"


def kind_icon(kind: MarkKind) -> QIcon:
    """A dot in the kind's colour: the same colour as its passages' underline."""
    size, scale = 14, 2
    pixmap = QPixmap(size * scale, size * scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    painter.setPen(QColor(kind.color).darker(130))
    painter.setBrush(QColor(kind.color))
    painter.drawEllipse(2, 2, size - 4, size - 4)
    painter.end()
    pixmap.setDevicePixelRatio(scale)
    return QIcon(pixmap)


@dataclass(frozen=True)
class MarkRow:
    mark: VisionMark
    #: Whether the passage's words are still in the vision.
    found: bool
    #: Whose vision the passage is in, and who made the mark.
    whose: str
    marked_by: str

    def describe(self) -> str:
        kind = mark_kinds()[self.mark.kind]
        where = f"{self.whose}’s “{section_title(self.mark.section)}”"
        state = "" if self.found else " — its passage was deleted"
        return (f"{kind.label}: {self.mark.note or '(no note)'}\n"
                f"“{short(self.mark.exact, 70)}” in {where}{state}")


class MarkListModel(QAbstractListModel):
    """The marks of the scenario shown, in the order they were made."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[MarkRow] = []

    def set_rows(self, rows: list[MarkRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def row_of(self, uuid: str) -> int:
        return next((i for i, row in enumerate(self.rows) if row.mark.uuid == uuid), -1)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        kind = mark_kinds()[row.mark.kind]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.describe()
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            lost = "" if row.found else "\n\nIts passage was deleted from the vision; undo "\
                "brings it back, or delete the mark."
            return plain_tip(f"{kind.label}, marked by {row.marked_by}: "
                             f"{row.mark.note or '(no note)'}\n\n“{short(row.mark.exact, 600)}”"
                             f"\n— {row.whose}, {section_title(row.mark.section)}{lost}")
        if role == Qt.ItemDataRole.UserRole:
            return row.mark.uuid
        if role == Qt.ItemDataRole.FontRole and not row.found:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not row.found:
            return QColor(FAINT_INK)
        return None


class MarkDialog(QDialog):
    """Make or change a mark: its kind and its note. ``build`` turns them into
    the edit; a refusal stays in the dialog, under the field it is about.
    ``undo_text`` names the step; ``{kind}`` in it becomes the kind chosen."""

    def __init__(self, document: PlanDocument, title: str, passage: str, where: str,
                 kind: str, note: str, build: Callable[[str, str], Edit], undo_text: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._build = build
        self._undo_text = undo_text
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        quote = QLabel(f"“{short(passage, 300)}”\n— {where}")
        quote.setObjectName("markPassage")
        quote.setTextFormat(Qt.TextFormat.PlainText)
        quote.setWordWrap(True)
        layout.addWidget(quote)
        self.form = Form()
        kinds = QWidget()
        row = QHBoxLayout(kinds)
        row.setContentsMargins(0, 0, 0, 0)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for key, each in mark_kinds().items():
            button = QRadioButton(f"&{each.label}")
            button.setIcon(kind_icon(each))
            button.setChecked(key == kind)
            self.kind_group.addButton(button)
            self.kind_buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.form.grid.addWidget(QLabel("Kind:"), 0, 0)
        self.form.grid.addWidget(kinds, 0, 1)
        self.note = self.form.add_field("note", "&Note:", line_edit(
            note, limit=NOTE_MAX, placeholder=mark_kinds()[kind].examples))
        self.kind_group.buttonToggled.connect(self._kind_toggled)
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.note.setFocus()

    def kind(self) -> str:
        return next(key for key, button in self.kind_buttons.items() if button.isChecked())

    def _kind_toggled(self) -> None:
        self.note.setPlaceholderText(mark_kinds()[self.kind()].examples)

    def accept(self) -> None:
        try:
            edit = self._build(self.kind(), self.note.text())
            label = mark_kinds()[self.kind()].label.lower()
            self.document.submit(self._undo_text.format(kind=label), edit)
        except TandemError as error:
            self.form.show_error(error)
            return
        super().accept()
