"""The tab registry: the tabs of an open plan, in order. Each tab is a widget
with ``set_document(document | None)``; a new exercise arrives as a package
under ``ui/`` (beside ``ui/roadmap/``) and one line here.

A tab is built when first shown (a couple opens one or two of them a
session; start-up should not pay for the others). What a tab wants the couple
reminded of (a decision deadline, a check-in falling due) comes from its
``notice`` function, which reads the plan alone, so the window shows it from
the start whether the tab is built or not. A tab that can show what its
reminder speaks of (the win waiting for appreciation…) has a
``show_reminder(today)`` method, which the reminder's *Go to* calls."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget

from ui.document import PlanDocument


@runtime_checkable
class PlanTab(Protocol):
    """What the window asks of a tab."""

    def set_document(self, document: PlanDocument | None) -> None: ...


@dataclass(frozen=True)
class TabSpec:
    #: The tab's title, with its mnemonic ("&Roadmap").
    title: str
    #: Builds the tab (a :class:`PlanTab` widget), when it is first shown.
    make: Callable[[], QWidget]
    #: A gentle reminder for the window to show under the header, read from
    #: the plan alone (the tab may not be built): "" when there is none. The
    #: window asks again after every change.
    notice: Callable[[PlanDocument], str] | None = None


def today() -> date:
    """The day notices count from (tests set another)."""
    return date.today()


def opportunities_notice(document: PlanDocument) -> str:
    """A decision deadline within a week, or past and still open."""
    from models.opportunities import opportunities
    from models.opportunity_summary import deadline_notice

    return deadline_notice(opportunities(document.plan), today())


def visions_notice(document: PlanDocument) -> str:
    """A vision waiting for the other partner's, before both are revealed."""
    from models.visions import waiting_notice

    return waiting_notice(document.plan, you=document.viewer.partner_uuid or "")


def checklist_notice(document: PlanDocument) -> str:
    """A check-in falling due, or overdue, by the couple's rhythm."""
    from models.checkin_rhythm import due_notice, plan_due

    return due_notice(plan_due(document.plan, today()))


def conversations_notice(document: PlanDocument) -> str:
    """Questions one partner answered, waiting for the other's answers."""
    from models.conversations import waiting_notice

    return waiting_notice(document.plan, you=document.viewer.partner_uuid or "")


def support_notice(document: PlanDocument) -> str:
    """A pivot exploration whose time is up, or nearly."""
    from models.support import pivot_notice

    return pivot_notice(document.plan, today())


def goals_notice(document: PlanDocument) -> str:
    """A win since the last check-in waiting for the other's appreciation."""
    from models.goals import goals_notice as notice

    return notice(document.plan, today(), you=document.viewer.partner_uuid or "")


def _later(module: str, name: str) -> Callable[[], QWidget]:
    """A tab's class, imported only when the tab is first shown."""
    def make() -> QWidget:
        tab: type[QWidget] = getattr(importlib.import_module(module), name)
        return tab()

    return make


def create_tabs() -> list[TabSpec]:
    """Every tab, in order."""
    from ui.roadmap.tab import RoadmapTab  # shown first: no use waiting

    return [
        TabSpec("&Roadmap", RoadmapTab),
        TabSpec("&Opportunities", _later("ui.opportunities.tab", "OpportunitiesTab"),
                opportunities_notice),
        TabSpec("&Day in the Life", _later("ui.day_in_the_life.tab", "DayInTheLifeTab"),
                visions_notice),
        TabSpec("&Checklist", _later("ui.checklist.tab", "ChecklistTab"), checklist_notice),
        TabSpec("Co&nversations", _later("ui.conversations.tab", "ConversationsTab"),
                conversations_notice),
        TabSpec("&Goals && Wins", _later("ui.goals.tab", "GoalsTab"), goals_notice),
        TabSpec("&Support", _later("ui.support.tab", "SupportTab"), support_notice),
    ]
