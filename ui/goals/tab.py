"""The Goals & Wins tab: each partner's goals (short and long term, with
strengths, weaknesses to offset and the goals where your paths overlap), the
log of wins celebrated as the couple's, and the opportunity-cost log. Three
pages; what each shows is read through ``models.goals`` for the viewer at the
keyboard, and refreshed when a row of theirs (or of the roadmap) changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from models.base import Entity
from models.changes import ChangeReport
from models.checklist import CheckIn
from models.goals import Goal, Win, wins_waiting
from models.partners import Partner
from models.passed_up import PassedUp
from ui.document import PlanDocument
from ui.goals.pages import GoalsPage, ListPage, PassedUpPage, WinsPage
from ui.style import heading

#: What each page shows: a change to one of these refreshes that page. (A
#: marker deleted on the roadmap changes its row too, which forgets the link.)
SHOWN: tuple[tuple[type[Entity], ...], ...] = ((Goal, Partner), (Win, Partner, CheckIn),
                                               (PassedUp, Partner))
GOALS, WINS, PASSED_UP = range(3)
TITLES = ("Goa&ls", "&Wins", "Passed &Up")


class GoalsTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        #: Replaceable in tests, so that "since the last check-in" stays put.
        self.today: Callable[[], date] = date.today
        self._watching: Callable[[ChangeReport], None] = lambda _report: None
        today = lambda: self.today()  # noqa: E731 - the pages ask the tab, which tests set
        self.goals = GoalsPage(today)
        self.wins = WinsPage(today)
        self.passed_up = PassedUpPage(today)
        self.pages = QTabWidget()
        self.pages.setObjectName("goalsPages")
        for page, title in zip(self.all_pages, TITLES, strict=True):
            self.pages.addTab(page, title)
        strip = QHBoxLayout()
        strip.addWidget(heading("Goals & Wins", 1.2))
        strip.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.addLayout(strip)
        layout.addWidget(self.pages, 1)
        self.pages.setCurrentIndex(GOALS)
        self.pages.tabBar().setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.set_document(None)

    @property
    def all_pages(self) -> tuple[ListPage, ...]:
        return (self.goals, self.wins, self.passed_up)

    def show_reminder(self, today: date) -> None:
        """From the reminder: the first win waiting for a note of appreciation."""
        self.pages.setCurrentIndex(WINS)
        waiting = wins_waiting(self.document.plan, today) if self.document else []
        if waiting:
            self.wins.select(waiting[0].uuid)

    def set_document(self, document: PlanDocument | None) -> None:
        if self.document is not None:
            self.document.unwatch(self._watching)
            self.document.viewer_changed.disconnect(self._viewer_changed)
        self.document = document
        if document is not None:
            self._watching = document.watch(tuple({t for shown in SHOWN for t in shown}),
                                            self._on_changed)
            document.viewer_changed.connect(self._viewer_changed)
        for page in self.all_pages:
            page.set_document(document)
        self.setEnabled(document is not None)
        self._titles()

    def _viewer_changed(self, _viewer: object) -> None:
        self.wins.update_actions()  # whose note of appreciation it is

    def _on_changed(self, report: ChangeReport) -> None:
        for page, shown in zip(self.all_pages, SHOWN, strict=True):
            if report.initiator is not page:
                page.clear_message()  # a change went through: an earlier word is stale
            if report.touches(*shown):
                page.refresh()
        self._titles()

    def _titles(self) -> None:
        for number, (page, title) in enumerate(zip(self.all_pages, TITLES, strict=True)):
            count = page.model.rowCount()
            self.pages.setTabText(number, f"{title} ({count})" if count else title)
