"""Each partner's board of directors: mentors, coaches, friends, other
dual-career couples, therapists. Someone can be kept to the partner at the
keyboard ("only me") until they share it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QPushButton, QWidget

from models.changes import Edit
from models.support import (
    NAME_MAX,
    NOTE_MAX,
    BoardMember,
    add_board_member,
    board_members,
    board_roles,
    delete_rows,
    edit_row,
    share_member,
)
from ui.document import PlanDocument
from ui.support.page import SupportPage, fill_partners, partner_choices, partner_color
from ui.support.rows import Column, short
from ui.text_fields import line_edit


def _edit(document: PlanDocument, row: BoardMember, field: str, value: Any) -> Edit:
    return edit_row(row, **{field: value})


def _seen_by(row: BoardMember) -> str:
    return "Only you, until you share" if row.is_draft else "Both of you"


class BoardPage(SupportPage):
    key = "board"

    def __init__(self, parent: QWidget | None = None):
        roles = [(label, key) for key, label in board_roles().items()]
        columns = [
            Column("partner_uuid", "Whose board", "choice", choices=partner_choices(self),
                   color=partner_color(self)),
            Column("name", "Who", limit=NAME_MAX),
            Column("role", "Role", "choice", choices=lambda: roles),
            Column("note", "How they help", limit=NOTE_MAX, stretch=True),
            Column("shared_at", "Seen by", show=_seen_by, editable=lambda r: False,
                   tip="Someone kept to yourself is in no other view and not in the report"),
        ]
        super().__init__(columns, lambda d: board_members(d.plan, d.viewer), _edit,
                         lambda r: r.name, parent)
        self.share_button = self.button("S&hare", self.share,
                                        "Show the selected people you kept to yourself to "
                                        "your partner (and the report)")
        self.delete_button = self.button("De&lete", self.delete, "Delete the selected people")

        self.whose = QComboBox()
        self.whose.setObjectName("newMemberBoard")
        self.whose.setAccessibleName("Whose board")
        self.name = line_edit(limit=NAME_MAX, placeholder="Someone who backs your career, "
                                                          "e.g. a former manager")
        self.name.setObjectName("newMemberName")
        self.name.setAccessibleName("Name")
        self.name.returnPressed.connect(self.add)
        self.role = QComboBox()
        self.role.setObjectName("newMemberRole")
        self.role.setAccessibleName("Role")
        for label, key in roles:
            self.role.addItem(label, key)
        self.only_me = QCheckBox("&Only me, for now")
        self.only_me.setObjectName("newMemberOnlyMe")
        self.only_me.setToolTip("Keep this person to yourself until you share them (a "
                                "therapist, say): needs you at the keyboard")
        self.add_button = QPushButton("&Add to Board")
        self.add_button.clicked.connect(self.add)
        adding = QWidget()
        row = QHBoxLayout(adding)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.whose)
        row.addWidget(self.name, 1)
        row.addWidget(self.role)
        row.addWidget(self.only_me)
        row.addWidget(self.add_button)
        self.finish(adding)

    def refresh(self) -> None:
        super().refresh()
        document = self.document
        if document is not None:
            fill_partners(self.whose, document)
            self.only_me.setEnabled(document.viewer.is_partner)
            if not document.viewer.is_partner:
                self.only_me.setChecked(False)

    def add(self) -> None:
        document = self.document
        if document is None:
            return
        whose, name, role = self.whose.currentData(), self.name.text(), self.role.currentData()
        only_me = self.only_me.isChecked()
        added = self.submit(f"Add “{short(name.strip())}” to the board",
                            lambda: add_board_member(document.viewer, whose, name, role,
                                                     only_me=only_me))
        if added:
            self.name.clear()
            self.only_me.setChecked(False)  # chosen afresh for each person
            self.select(added[0].uuid)
        else:
            self.name.setFocus()

    def share(self) -> None:
        drafts = [row for row in self.selected() if row.is_draft]
        if drafts:
            self.submit(f"Share {len(drafts)} board member{'s' if len(drafts) > 1 else ''}",
                        lambda: tuple(c for row in drafts for c in share_member(row)))

    def delete(self) -> None:
        rows = self.selected()
        if rows:
            self.submit(f"Delete {len(rows)} board member{'s' if len(rows) > 1 else ''}",
                        lambda: delete_rows(rows))

    def enable(self) -> None:
        rows = self.selected()
        self.share_button.setEnabled(any(row.is_draft for row in rows))
        self.delete_button.setEnabled(bool(rows))
