"""The first thing a couple sees when no plan is open: start a plan with both
names, explore the example couple, or open a plan file."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import resources
from models.errors import TandemError, ValidationError
from models.partners import NAME_MAX, clean_name
from ui.style import error_label, heading, plain_tip
from ui.text_fields import line_edit
from ui.window import settings
from ui.window.settings import RecentPlan, readable_folder


class PartnerNamesForm(QWidget):
    """Two name fields with inline validation; used by the welcome page and
    by File ▸ New Plan."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.first = line_edit(limit=NAME_MAX, placeholder="e.g. Rachel")
        self.first.setObjectName("firstName")
        self.second = line_edit(limit=NAME_MAX, placeholder="e.g. Marcus")
        self.second.setObjectName("secondName")
        self.first.setToolTip("The first partner’s name, as you want it shown in the plan")
        self.second.setToolTip("The second partner’s name")
        form.addRow("&One of you:", self.first)
        form.addRow("The &other:", self.second)
        self.error = error_label("nameError")
        form.addRow(self.error)
        for edit in (self.first, self.second):
            edit.textChanged.connect(self._on_text)

    def _on_text(self) -> None:
        self.error.hide()
        self.changed.emit()

    def names(self) -> tuple[str, str]:
        return self.first.text(), self.second.text()

    def is_filled(self) -> bool:
        return all(name.strip() for name in self.names())

    def show_error(self, error: TandemError) -> None:
        self.error.setText(error.message)
        self.error.show()
        target = self.first
        try:
            clean_name(self.first.text())
        except ValidationError:
            pass
        else:
            target = self.second
        target.setFocus()
        target.selectAll()


def opened_when(opened: datetime, today: date | None = None) -> str:
    """"opened today", "opened yesterday", else the date in the system's style."""
    day = opened.astimezone().date()
    today = today or date.today()
    if day == today:
        return "opened today"
    if (today - day).days == 1:
        return "opened yesterday"
    return "opened " + QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def recent_details(entry: RecentPlan) -> str:
    """Where a recent plan is and when it was last opened: "~/Plans · opened today"."""
    folder = readable_folder(entry.path.parent)
    return f"{folder} · {opened_when(entry.opened)}" if entry.opened else folder


def _card(title: str, text: str) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame(frameShape=QFrame.Shape.StyledPanel)
    card.setStyleSheet("QFrame { background: palette(base); border-radius: 10px; }")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(20, 16, 20, 16)
    layout.addWidget(heading(title, 1.25))
    body = QLabel(text, wordWrap=True)
    layout.addWidget(body)
    return card, layout


class WelcomePage(QWidget):
    start_requested = Signal(str, str)
    example_requested = Signal()
    open_requested = Signal()
    recent_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        top = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(QIcon(str(resources.path("icons/tandem.svg"))).pixmap(72, 72))
        top.addWidget(logo)
        titles = QVBoxLayout()
        titles.addWidget(heading("Welcome to Tandem", 2))
        titles.addWidget(QLabel(
            "Two careers, one shared life. Plan them together: a roadmap of both paths, "
            "opportunities scored by each of you, and check-ins over time.", wordWrap=True))
        top.addLayout(titles, 1)
        outer.addLayout(top)
        outer.addSpacing(16)

        cards = QHBoxLayout()
        start, start_layout = _card(
            "Start your plan",
            "Sit down together and enter both names. Everything you do is saved at once, "
            "in one plan file on this computer.")
        self.names = PartnerNamesForm()
        start_layout.addWidget(self.names)
        self.start_button = QPushButton("Start our plan", default=True)
        self.start_button.setObjectName("startPlan")
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(
            lambda: self.start_requested.emit(*self.names.names()))
        self.names.changed.connect(
            lambda: self.start_button.setEnabled(self.names.is_filled()))
        self.names.second.returnPressed.connect(self.start_button.click)
        folder = settings.data_folder()
        self.save_place = QLabel(
            f"Your plan will be saved in {readable_folder(folder)}. To keep it elsewhere, "
            "use File ▸ New Plan.", wordWrap=True)
        self.save_place.setObjectName("savePlace")
        self.save_place.setTextFormat(Qt.TextFormat.PlainText)
        self.save_place.setToolTip(plain_tip(str(folder)))
        self.save_place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        start_layout.addWidget(self.save_place)
        start_layout.addStretch(1)
        start_layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignRight)
        cards.addWidget(start, 1)

        example, example_layout = _card(
            "Explore an example",
            "Rachel has just been offered her dream role at a tech startup in Seattle, "
            "weeks after Marcus made partner at his Chicago law firm. See how they might "
            "plan both careers: the roadmap of their past and future, and the seasons in "
            "which each career leads.")
        example_layout.addStretch(1)
        self.example_button = QPushButton("Open the example")
        self.example_button.setObjectName("openExample")
        self.example_button.clicked.connect(self.example_requested)
        example_layout.addWidget(self.example_button, 0, Qt.AlignmentFlag.AlignRight)
        cards.addWidget(example, 1)
        outer.addLayout(cards)

        outer.addSpacing(16)
        recent_row = QHBoxLayout()
        recent_row.addWidget(QLabel("Recent plans:"))
        recent_row.addStretch(1)
        self.open_button = QPushButton("Open a plan file…")
        self.open_button.setObjectName("openPlan")
        self.open_button.clicked.connect(self.open_requested)
        recent_row.addWidget(self.open_button)
        outer.addLayout(recent_row)
        self.recent = QListWidget()
        self.recent.setObjectName("recentPlans")
        self.recent.setToolTip("Double-click or press Enter to open")
        self.recent.itemActivated.connect(
            lambda item: self.recent_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole))))
        self.recent.setMaximumHeight(200)
        outer.addWidget(self.recent)
        outer.addStretch(1)

    def set_recent(self, entries: list[RecentPlan]) -> None:
        self.recent.clear()
        for entry in entries:
            path = entry.path
            item = QListWidgetItem(f"{path.stem}    —    {recent_details(entry)}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(plain_tip(str(path)))
            self.recent.addItem(item)
        if not entries:
            placeholder = QListWidgetItem("No plans opened yet.")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(placeholder)
