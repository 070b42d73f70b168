"""The strip above the tabs: the couple's names in their colours, and who is
at the keyboard (one partner, or both together)."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionToolButton,
    QStylePainter,
    QToolButton,
    QWidget,
)

from models.changes import ChangeReport
from models.partners import Partner, partners
from models.privacy import TOGETHER, Viewer
from models.roadmap import shared_lane
from ui.document import PlanDocument
from ui.style import heading_font, plain_label, plain_tip, readable_ink, swatch_style

ELLIPSIS = "…"
#: The characters a keyboard button shows of a name however narrow the window.
MIN_SHOWN = 6


class KeyboardButton(QToolButton):
    """One choice of who is at the keyboard. Its name shows whole, in bold
    on the partner's colour once chosen, and is cut with "…" only when the
    window has no room for it; the tooltip names it whole.

    Qt sizes a tool button once, from its look when its text was set: the
    bold, padded look of the chosen button did not fit, and Qt's style cut
    "Rachel" to "R…l". So the button asks for the room its name needs in
    either look, and never changes width when chosen."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = ""
        #: Whether the name may be cut at all ("Both of us" is short: never).
        self.shortens = True
        self.setCheckable(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_name(self, name: str) -> None:
        self.name = name
        self.setText(plain_label(name))
        self.updateGeometry()

    def _font(self, chosen: bool) -> QFont:
        font = QFont(self.font())
        font.setBold(chosen)  # as the style sheet draws the chosen one
        return font

    def _size_for(self, text: str, chosen: bool) -> QSize:
        """What the style needs around ``text`` in one look (as QToolButton
        measures it: the text and a space either side)."""
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        state = QStyle.StateFlag.State_On
        option.state = option.state | state if chosen else option.state & ~state
        metrics = QFontMetrics(self._font(chosen))
        size = metrics.size(Qt.TextFlag.TextShowMnemonic, plain_label(text))
        size.setWidth(size.width() + 2 * metrics.horizontalAdvance(" "))
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ToolButton, option,
                                             size, self)

    def sizeHint(self) -> QSize:
        return self._size_for(self.name, False).expandedTo(self._size_for(self.name, True))

    def minimumSizeHint(self) -> QSize:
        # At least the start of a name ("Alexan…"): when room runs out, the
        # names above the tabs give way first (the lanes and title show them).
        short = self.name
        if self.shortens and len(self.name) > MIN_SHOWN + 1:
            short = self.name[:MIN_SHOWN] + ELLIPSIS
        return self._size_for(short, False).expandedTo(self._size_for(short, True))

    def shown_name(self) -> str:
        """The name as the button shows it now: whole, or cut to fit."""
        chosen = self.isChecked()
        metrics = QFontMetrics(self._font(chosen))
        around = self._size_for("", chosen).width()
        return metrics.elidedText(self.name, Qt.TextElideMode.ElideRight,
                                  max(0, self.width() - around))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.text = plain_label(self.shown_name())
        painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)


class CoupleNames(QLabel):
    """Both names, each in its partner's colour made readable on the
    window's background, cut with "…" only when the window is too narrow."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("coupleNames")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setFont(heading_font(self.font(), 1.35))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.pair: list[Partner] = []
        self._shown: list[str] = []

    def set_pair(self, pair: list[Partner]) -> None:
        self.pair = pair
        self._show(None)
        self.updateGeometry()

    def _show(self, room: int | None) -> None:
        """The names, each cut to half of ``room`` pixels if they need more."""
        self._shown = []
        if not self.pair:
            self.clear()
            return
        metrics = QFontMetrics(self.font())
        joint = " & "
        names = [p.name for p in self.pair]
        if room is not None and metrics.horizontalAdvance(joint.join(names)) > room:
            half = max(0, (room - metrics.horizontalAdvance(joint)) // 2)
            names = [metrics.elidedText(name, Qt.TextElideMode.ElideRight, half)
                     for name in names]
        self._shown = names
        background = self.palette().color(QPalette.ColorRole.Window)
        self.setText(" &amp; ".join(
            f'<span style="color:{readable_ink(p.color, background)}">{html.escape(name)}</span>'
            for p, name in zip(self.pair, names, strict=True)))

    def shown_text(self) -> str:
        """The names as shown now, whole or cut to fit."""
        return " & ".join(self._shown)

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        text = " & ".join(p.name for p in self.pair)
        return QSize(metrics.horizontalAdvance(text) + 2, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(metrics.horizontalAdvance("W… & W…"), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show(event.size().width())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a dark theme, say
            self._show(self.width())


class CoupleHeader(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self._watching: Callable[[ChangeReport], None] = lambda _report: None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        self.names = CoupleNames()
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
        self._choices: list[KeyboardButton] = []
        for index in range(3):
            button = KeyboardButton()
            button.setObjectName(f"atKeyboard{index}")
            self.keyboard_group.addButton(button)
            layout.addWidget(button)
            self._choices.append(button)
        self.keyboard_buttons: dict[Viewer, KeyboardButton] = {}
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
            self.names.set_pair([])
            return
        pair = partners(self.document.plan)
        self.names.set_pair(pair)
        self.names.setToolTip(plain_tip("\n".join(_describe(p) for p in pair)))
        # The chosen one in the colour of its lane on the roadmap.
        colors = {Viewer.partner(p.uuid): p.color for p in pair}
        colors[TOGETHER] = shared_lane()[1]
        for button, (viewer, label) in zip(self._choices, keyboard_choices(self.document),
                                           strict=True):
            button.shortens = viewer.is_partner
            button.set_name(label)
            button.setToolTip(plain_tip(
                f"{label} at the keyboard: what {label} keeps private shows, with a draft "
                "look; what the other keeps private is hidden" if viewer.is_partner else
                "Both of you at the keyboard: only what you have shared is shown"))
            button.setStyleSheet(
                f"QToolButton:checked {{ {swatch_style(colors[viewer])} font-weight: bold; }}")
            self.keyboard_buttons[viewer] = button
        # One height for all three, whatever script each name is in.
        height = max(button.sizeHint().height() for button in self._choices)
        for button in self._choices:
            button.setFixedHeight(height)
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
    """Who can be at the keyboard, as the header and the menu list them: one
    partner, both of you, the other partner (the order of the roadmap's lanes)."""
    pair = partners(document.plan)
    return [(Viewer.partner(pair[0].uuid), pair[0].name), (TOGETHER, "Both of us"),
            (Viewer.partner(pair[1].uuid), pair[1].name)]


def _describe(partner: Partner) -> str:
    parts = [partner.name]
    if partner.role:
        parts.append(partner.role)
    if partner.field:
        parts.append(partner.field)
    return " · ".join(parts)
