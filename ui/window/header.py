"""The strip above the tabs: the couple's names in their colours, and who is
at the keyboard (one partner, or both together)."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from models.changes import ChangeReport
from models.partners import Partner, partners
from models.privacy import TOGETHER, Viewer
from ui.document import PlanDocument
from ui.style import heading_font, plain_label, plain_tip, swatch_style


class CoupleHeader(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self._watching: Callable[[ChangeReport], None] = lambda _report: None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        self.names = QLabel()
        self.names.setObjectName("coupleNames")
        self.names.setTextFormat(Qt.TextFormat.RichText)
        self.names.setFont(heading_font(self.names.font(), 1.35))
        layout.addWidget(self.names)
        self.edit_partners = QPushButton("Edit…")
        self.edit_partners.setToolTip("Change names, colours and roles (Ctrl+E)")
        self.edit_partners.setFlat(True)
        layout.addWidget(self.edit_partners)
        layout.addStretch(1)
        layout.addWidget(QLabel("At the keyboard:"))
        self.keyboard_group = QButtonGroup(self)
        self.keyboard_group.setExclusive(True)
        # Made once: one partner, both of you, the other partner. Their names,
        # colours and the partner each stands for follow the plan.
        self._choices: list[QToolButton] = []
        for index in range(3):
            button = QToolButton()
            button.setCheckable(True)
            button.setObjectName(f"atKeyboard{index}")
            self.keyboard_group.addButton(button)
            layout.addWidget(button)
            self._choices.append(button)
        self.keyboard_buttons: dict[Viewer, QToolButton] = {}
        self.keyboard_group.buttonClicked.connect(self._keyboard_clicked)

    def set_document(self, document: PlanDocument | None) -> None:
        if self.document is not None:
            self.document.unwatch(self._watching)
            self.document.viewer_changed.disconnect(self._sync_keyboard)
        self.document = document
        if document is not None:
            self._watching = document.watch((Partner,), lambda _report: self.refresh())
            document.viewer_changed.connect(self._sync_keyboard)
        self.refresh()

    def refresh(self) -> None:
        self.keyboard_buttons = {}
        for button in self._choices:
            button.setVisible(self.document is not None)
        if self.document is None:
            self.names.clear()
            return
        pair = partners(self.document.plan)
        self.names.setText(" &amp; ".join(
            f'<span style="color:{p.color}">{html.escape(p.name)}</span>' for p in pair))
        self.names.setToolTip(plain_tip("\n".join(_describe(p) for p in pair)))
        colors = {Viewer.partner(p.uuid): p.color for p in pair}
        choices = keyboard_choices(self.document)
        # One partner, both of you, the other: the order of the lanes.
        for button, (viewer, label) in zip(self._choices, [choices[0], choices[2], choices[1]],
                                           strict=True):
            button.setText(plain_label(label))
            button.setToolTip(plain_tip(
                f"{label} at the keyboard: what {label} keeps private shows, with a draft "
                "look; what the other keeps private is hidden" if viewer.is_partner else
                "Both of you at the keyboard: only what you have shared is shown"))
            color = colors.get(viewer, "")
            button.setStyleSheet(
                f"QToolButton:checked {{ {swatch_style(color)} font-weight: bold; }}"
                if color else "")
            self.keyboard_buttons[viewer] = button
        self._sync_keyboard()

    def _sync_keyboard(self) -> None:
        if self.document is None:
            return
        button = self.keyboard_buttons.get(self.document.viewer)
        if button is not None:
            button.setChecked(True)

    def _keyboard_clicked(self, button: QAbstractButton) -> None:
        if self.document is None:
            return
        for viewer, candidate in self.keyboard_buttons.items():
            if candidate is button:
                self.document.set_viewer(viewer)


def keyboard_choices(document: PlanDocument) -> list[tuple[Viewer, str]]:
    """Who can be at the keyboard, as the menu lists them: each partner, then both."""
    pair = partners(document.plan)
    return [(Viewer.partner(pair[0].uuid), pair[0].name),
            (Viewer.partner(pair[1].uuid), pair[1].name), (TOGETHER, "Both of us")]


def _describe(partner: Partner) -> str:
    parts = [partner.name]
    if partner.role:
        parts.append(partner.role)
    if partner.field:
        parts.append(partner.field)
    return " · ".join(parts)
