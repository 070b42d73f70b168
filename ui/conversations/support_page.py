"""The Support Inventory: each partner's two lists, side by side.

The partner at the keyboard writes their own lists (private until they share
them) and reads the other's shared lists, where they may mark a wish as
taken up. Both together read what is shared."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.changes import Edit
from models.conversations import content
from models.errors import TandemError
from models.partners import Partner
from models.support_inventory import (
    ITEM_MAX,
    KINDS,
    WISH,
    SupportItem,
    SupportList,
    add_item,
    delete_item,
    edit_item,
    inventory,
    set_taken_up,
    share_lists,
    unshared_count,
)
from ui.dates import date_text
from ui.document import PlanDocument
from ui.style import HINT_STYLE, error_label, heading, plain_tip, swatch_style
from ui.text_fields import line_edit

Index = QModelIndex | QPersistentModelIndex
ONLY_YOU = "only you see this until you share your lists"


class SupportListModel(QAbstractListModel):
    """One partner's list of one kind: its items, which the writer edits in
    place; on the other's wish list, each wish checkable as taken up by
    the partner it is addressed to."""

    def __init__(self, store_text: Callable[[SupportItem, str], bool],
                 store_taken: Callable[[SupportItem, bool], bool],
                 parent: QObject | None = None):
        super().__init__(parent)
        self._store_text = store_text
        self._store_taken = store_taken
        self.items: tuple[SupportItem, ...] = ()
        self.taken_up: dict[str, date] = {}
        self.writable = False
        self.checkable = False
        self.is_wish = False

    def set_list(self, found: SupportList, writable: bool, checkable: bool) -> None:
        same = [i.uuid for i in found.items] == [i.uuid for i in self.items]
        if not same:
            self.beginResetModel()
        self.items, self.taken_up = found.items, dict(found.taken_up)
        self.writable, self.checkable = writable, checkable
        self.is_wish = found.kind == WISH
        if not same:
            self.endResetModel()
        elif self.items:
            self.dataChanged.emit(self.index(0), self.index(len(self.items) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        found = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.writable:
            found |= Qt.ItemFlag.ItemIsEditable
        if self.checkable:
            found |= Qt.ItemFlag.ItemIsUserCheckable
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        taken = self.taken_up.get(item.uuid)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if role == Qt.ItemDataRole.DisplayRole and taken is not None:
                return f"{item.text}   ✓ taken up {date_text(taken)}"
            return item.text
        # A box only where it can be ticked (every row then has one, so the
        # texts line up); elsewhere "✓ taken up" says it in words.
        if role == Qt.ItemDataRole.CheckStateRole and self.is_wish and self.checkable:
            return Qt.CheckState.Checked if taken is not None else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and item.is_draft:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = [item.text]
            if item.is_draft:
                notes.append(f"({ONLY_YOU})")
            if taken is not None:
                notes.append(f"Taken up on {date_text(taken)}")
            elif self.checkable:
                notes.append("Tick it once you have taken this wish up")
            return plain_tip("\n".join(notes))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return False
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.EditRole and self.writable:
            return self._store_text(item, str(value))
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked \
                if not isinstance(value, Qt.CheckState) else value == Qt.CheckState.Checked
            return self._store_taken(item, checked)
        return False


class ListBox(QFrame):
    """One list: its title, the items, and (for its writer) a line to add one."""

    def __init__(self, page: SupportPage, writer: Partner, other: Partner, kind: str,
                 writable: bool, checkable: bool, to_you: bool = False):
        super().__init__()
        self.page = page
        self.kind = kind
        self.writable = writable
        self.checkable = checkable
        texts = content()["support_inventory"]["lists"][kind]
        name = f"{kind}{writer.slot}"
        self.setObjectName(f"supportList_{name}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = texts["title"].replace("{other}", other.name)
        if not writable and to_you:  # read by the partner it speaks to
            title = {"now": f"How you support {writer.name}’s career now",
                     "wish": f"What {writer.name} wishes from you"}[kind]
        elif not writable:  # read by both together: whose list it is
            title = {"now": f"How {other.name} supports {writer.name}’s career now",
                     "wish": f"What {writer.name} wishes from {other.name}"}[kind]
        self.title = heading(title)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        if writable:
            examples = QLabel(texts["examples"])
            examples.setWordWrap(True)
            examples.setStyleSheet(HINT_STYLE)
            layout.addWidget(examples)
        self.model = SupportListModel(self._store_text, self._store_taken, self)
        self.view = QListView()
        self.view.setObjectName(f"supportView_{name}")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setAccessibleName(title)
        # A few rows at least; the rest of the room goes to the lists evenly.
        self.view.setMinimumHeight(self.view.fontMetrics().lineSpacing() * 4 + 8)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.view.setEditTriggers(QListView.EditTrigger.DoubleClicked
                                  | QListView.EditTrigger.EditKeyPressed)
        layout.addWidget(self.view, 1)
        self.empty = QLabel()
        self.empty.setStyleSheet(HINT_STYLE)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.adding: QLineEdit | None = None
        if writable:
            row = QHBoxLayout()
            self.adding = line_edit(limit=ITEM_MAX,
                                    placeholder=texts["placeholder"].replace("{other}",
                                                                             other.name))
            self.adding.setObjectName(f"supportAdd_{name}")
            self.adding.returnPressed.connect(self._add)
            row.addWidget(self.adding, 1)
            add = QPushButton("Add")
            add.setObjectName(f"supportAddButton_{name}")
            add.setToolTip("Add it to the list (Enter)")
            add.clicked.connect(self._add)
            row.addWidget(add)
            layout.addLayout(row)
            remove = QAction("Delete", self.view)
            remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
            remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            remove.triggered.connect(self._delete)
            self.view.addAction(remove)
            self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.error = error_label(f"supportError_{name}")
        layout.addWidget(self.error)

    def show_list(self, found: SupportList) -> None:
        self.model.set_list(found, self.writable, self.checkable)
        if found.items:
            self.empty.hide()
        else:
            self.empty.setText("Nothing yet." if self.writable else
                               f"Nothing shared yet: {found.writer.name}’s lists show here "
                               f"once {found.writer.name} shares them.")
            self.empty.show()

    def refused(self, error: TandemError) -> None:
        self.error.setText(error.message)
        self.error.show()

    def _add(self) -> None:
        assert self.adding is not None
        document = self.page.document
        try:
            _item, edit = add_item(document.plan, document.viewer, self.kind, self.adding.text())
            self.page.submit("Add to the Support Inventory", edit)
        except TandemError as error:
            self.refused(error)
            return
        self.error.hide()
        self.adding.clear()

    def _delete(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        item = self.model.items[index.row()]
        self.page.submit("Delete From the Support Inventory",
                         delete_item(self.page.document.plan, item))

    def _store_text(self, item: SupportItem, text: str) -> bool:
        try:
            self.page.submit("Change a Support Item", edit_item(item, text))
        except TandemError as error:
            self.refused(error)
            return False
        self.error.hide()
        return True

    def _store_taken(self, item: SupportItem, taken: bool) -> bool:
        document = self.page.document
        try:
            self.page.submit("Mark a Wish as Taken Up" if taken else "Mark a Wish as Not Taken Up",
                             set_taken_up(document.plan, document.viewer, item, taken,
                                          self.page.today()))
        except TandemError as error:
            self.refused(error)
            return False
        return True


class SupportPage(QWidget):
    """Both partners' lists; built anew when the viewer changes."""

    def __init__(self, document: PlanDocument, pair: tuple[Partner, ...],
                 today: Callable[[], date]):
        super().__init__()
        self.setObjectName("supportPage")
        self.document = document
        self.today = today
        viewer = document.viewer
        layout = QVBoxLayout(self)
        intro = QLabel(content()["support_inventory"]["intro"])
        intro.setObjectName("supportIntro")
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        layout.addWidget(intro)
        if not viewer.is_partner:
            hint = QLabel("Each of you writes your own lists: choose who is at the keyboard at "
                          "the top right (Ctrl+Alt+1 or Ctrl+Alt+2). Here you see what each "
                          "of you has shared.")
            hint.setObjectName("supportKeyboardHint")
            hint.setWordWrap(True)
            hint.setStyleSheet(HINT_STYLE)
            layout.addWidget(hint)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        self.boxes: dict[tuple[str, str], ListBox] = {}
        self.share_button: QPushButton | None = None
        self.share_status = QLabel(self)
        self.share_status.setObjectName("shareStatus")
        self.share_status.setWordWrap(False)  # one line, beside the pill
        self.share_status.setStyleSheet(HINT_STYLE)
        order = sorted(pair, key=lambda p: p.uuid != viewer.partner_uuid) \
            if viewer.is_partner else list(pair)
        for writer in order:
            other = next(p for p in pair if p.uuid != writer.uuid)
            mine = viewer.is_partner and viewer.partner_uuid == writer.uuid
            column = QVBoxLayout()
            top = QHBoxLayout()
            name = QLabel("Your lists" if mine else f"{writer.name}’s lists")
            name.setTextFormat(Qt.TextFormat.PlainText)
            name.setStyleSheet(swatch_style(writer.color))
            name.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            top.addWidget(name)
            top.addStretch(1)
            if mine:
                # On the pill's line, so that both columns' lists start level.
                top.addWidget(self.share_status)
                self.share_button = QPushButton("Share My Lists")
                self.share_button.setObjectName("shareListsButton")
                self.share_button.setToolTip(f"Show your lists to {other.name} (and to the "
                                             "report, if you include it); Ctrl+Z takes it back")
                self.share_button.clicked.connect(self._share)
                top.addWidget(self.share_button)
            column.addLayout(top)
            for kind in KINDS:
                # Only the partner a wish is addressed to ticks it as taken up.
                checkable = kind == WISH and viewer.is_partner and viewer.partner_uuid == \
                    other.uuid
                box = ListBox(self, writer, other, kind, mine, checkable,
                              to_you=viewer.is_partner and viewer.partner_uuid == other.uuid)
                self.boxes[(writer.uuid, kind)] = box
                column.addWidget(box, 1)
            columns.addLayout(column, 1)
        layout.addLayout(columns, 1)

    def submit(self, text: str, edit: Edit) -> None:
        self.document.submit(text, edit, initiator=self)

    def _share(self) -> None:
        self.submit("Share My Support Lists",
                    share_lists(self.document.plan, self.document.viewer))

    def refresh(self) -> None:
        document = self.document
        viewer = document.viewer
        for found in inventory(document.plan, viewer):
            box = self.boxes.get((found.writer.uuid, found.kind))
            if box is not None:
                box.show_list(found)
        if self.share_button is not None:
            waiting = unshared_count(document.plan, viewer)
            self.share_button.setEnabled(waiting > 0)
            self.share_status.setText(
                f"{waiting} item{'s' if waiting != 1 else ''} only you can see (in italics)."
                if waiting else "Everything in your lists is shared.")
