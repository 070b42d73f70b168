"""What every page of the Support tab has: a heading, the seed's words on
why it matters (out of the way, in a smaller hint), a table of rows, buttons
under it, and a line for refusals."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.changes import Edit
from models.partners import Partner, partners
from models.support import content
from ui.document import PlanDocument
from ui.style import HINT_STYLE, error_label, heading, plain_label
from ui.support.rows import (
    Column,
    RowsTableModel,
    rows_table,
    selected_rows,
    show_cell_refusal,
    submit,
)


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(HINT_STYLE)
    return label


def partner_color(page: SupportPage) -> Callable[[Any], str | None]:
    """The colour of the partner a row names in ``partner_uuid`` (none for both)."""
    def color(row: Any) -> str | None:
        return next((p.color for p in page.people if p.uuid == row.partner_uuid), None)
    return color


def partner_choices(page: SupportPage, both: str = "") -> Callable[[], list[tuple[str, Any]]]:
    """The partners by name (and "both", as ``None``, when ``both`` names it)."""
    def choices() -> list[tuple[str, Any]]:
        found: list[tuple[str, Any]] = [(p.name, p.uuid) for p in page.people]
        return found + ([(both, None)] if both else [])
    return choices


def fill_partners(combo: QComboBox, document: PlanDocument, both: str = "") -> None:
    """Fill ``combo`` with the partners (and "both"), keeping its choice, and
    choosing the partner at the keyboard when the viewer changed."""
    chosen = combo.currentData()
    viewer = document.viewer
    if combo.property("viewer") != viewer.partner_uuid:
        combo.setProperty("viewer", viewer.partner_uuid)
        chosen = viewer.partner_uuid or chosen
    combo.clear()
    for partner in partners(document.plan):
        combo.addItem(plain_label(partner.name), partner.uuid)
    if both:
        combo.addItem(both, None)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))


class SupportPage(QWidget):
    """One part of the Support tab, with a table of its rows."""

    #: The key of its texts in ``support.json``.
    key = ""
    #: What changes to it are called on the undo list ("budget line").
    noun = ""

    def __init__(self, columns: Sequence[Column], read: Callable[[PlanDocument], list[Any]],
                 edit: Callable[[PlanDocument, Any, str, Any], Edit],
                 describe: Callable[[Any], str], parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        #: The partners, as of the last refresh (cells ask for names and colours often).
        self.people: list[Partner] = []
        texts = content()[self.key]
        self.model = RowsTableModel(columns, read, edit, describe, self)
        self.table = rows_table(self.model, f"{self.key}Table", texts["heading"])
        self.model.refused.connect(self._cell_refused)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.enable())
        self.error = error_label(f"{self.key}Error")
        # Delete in the table deletes the selected rows, as the Delete button does.
        remove = QAction("Delete", self.table)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.delete)
        self.table.addAction(remove)
        self.buttons = QHBoxLayout()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(16, 12, 16, 12)
        self.layout_.addWidget(heading(texts["heading"], 1.25))
        self.layout_.addWidget(hint(texts["text"]))

    def finish(self, *below: QWidget, beside: QWidget | None = None) -> None:
        """Lay out the table (with a widget ``beside`` it), its buttons, any
        widgets ``below``, and the error line."""
        if beside is None:
            self.layout_.addWidget(self.table, 1)
        else:
            row = QHBoxLayout()
            row.addWidget(self.table, 3)
            row.addWidget(beside, 2)
            self.layout_.addLayout(row, 1)
        self.buttons.addStretch(1)
        self.layout_.addLayout(self.buttons)
        for widget in below:
            self.layout_.addWidget(widget)
        self.layout_.addWidget(self.error)
        self.enable()

    def button(self, text: str, slot: Callable[[], None], tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def set_document(self, document: PlanDocument | None) -> None:
        self.document = document
        self.error.hide()
        self.refresh()

    def refresh(self) -> None:
        self.people = partners(self.document.plan) if self.document is not None else []
        self.model.refresh(self.document)
        self.enable()

    def enable(self) -> None:
        """Buttons that need a selection follow it (pages add theirs)."""

    def delete(self) -> None:
        """Delete the selected rows (pages say how)."""

    def selected(self) -> list[Any]:
        return selected_rows(self.table, self.model)

    def select(self, uuid: str) -> None:
        row = self.model.row_of(uuid)
        if row >= 0:
            self.table.selectRow(row)

    def submit(self, text: str, build: Callable[[], Edit]) -> Edit:
        """Submit what ``build`` makes; the edit, or () when it was refused."""
        done = submit(self.document, text, build, self.refuse)
        if done:
            self.error.hide()
        return done

    def refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _cell_refused(self, message: str, index: QModelIndex) -> None:
        self.refuse(message)
        show_cell_refusal(self.table, message, index)
