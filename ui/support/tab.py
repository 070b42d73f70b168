"""The Support tab: the structures that carry two careers, one page each,
chosen from a list at the left: the career support budget, each partner's
board of directors, the household load, the burnout protocol and pivot
explorations. Every page shows the plan as the viewer at the keyboard sees
it and refreshes only when its own rows change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.base import Entity
from models.changes import ChangeReport
from models.partners import Partner
from models.roadmap import RoadmapItem
from models.support import (
    BoardMember,
    BudgetLine,
    BurnoutProtocol,
    HouseholdTask,
    PivotPeriod,
    content,
    pivot_due,
)
from ui.document import PlanDocument
from ui.support.board import BoardPage
from ui.support.budget import BudgetPage
from ui.support.burnout import BurnoutPage
from ui.support.household import HouseholdPage
from ui.support.page import hint
from ui.support.pivots import PivotsPage

Page = BudgetPage | BoardPage | HouseholdPage | BurnoutPage | PivotsPage


class SupportTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self._relays: list[Callable[[ChangeReport], None]] = []
        self.budget = BudgetPage()
        self.board = BoardPage()
        self.household = HouseholdPage()
        self.burnout = BurnoutPage()
        self.pivots = PivotsPage()
        #: Each page, with the rows it shows (a partner's name shows on every page).
        self.pages: list[tuple[Page, tuple[type[Entity], ...]]] = [
            (self.budget, (BudgetLine, Partner)),
            (self.board, (BoardMember, Partner)),
            (self.household, (HouseholdTask, Partner)),
            (self.burnout, (BurnoutProtocol,)),
            (self.pivots, (PivotPeriod, RoadmapItem, Partner)),
        ]
        self.sections = QListWidget()
        self.sections.setObjectName("supportSections")
        self.sections.setAccessibleName("Support structures")
        self.stack = QStackedWidget()
        for number, (page, _types) in enumerate(self.pages):
            texts = content()[page_key(page)]
            self.sections.addItem(texts["heading"])
            self.sections.item(number).setToolTip(texts["text"])
            self.stack.addWidget(page)
        self.sections.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sections.setCurrentRow(0)
        self.sections.setFixedWidth(max(190, self.sections.sizeHintForColumn(0) + 28))
        self.sections.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.sections.setStyleSheet("QListWidget::item { padding: 5px 6px; }")

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.sections)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        intro = hint(content()["intro"])
        intro.setObjectName("supportIntro")
        layout.addWidget(intro)
        layout.addLayout(body, 1)

    def show_page(self, page: Page) -> None:
        self.sections.setCurrentRow(self.stack.indexOf(page))

    def show_reminder(self, today: date) -> None:
        """From the reminder: the pivot exploration whose time is up."""
        self.sections.setCurrentRow(self.stack.indexOf(self.pivots))
        due = pivot_due(self.document.plan, today) if self.document else None
        if due is not None:
            self.pivots.select(due.uuid)

    def set_document(self, document: PlanDocument | None) -> None:
        if self.document is not None:
            for relay in self._relays:
                self.document.unwatch(relay)
        self._relays = []
        self.document = document
        for page, types in self.pages:
            page.set_document(document)
            if document is not None:
                self._relays.append(document.watch(types, _refresher(page)))
        self.setEnabled(document is not None)


def _refresher(page: Page) -> Callable[[ChangeReport], None]:
    return lambda _report: page.refresh()


def page_key(page: Page) -> str:
    return "burnout" if isinstance(page, BurnoutPage) else page.key
