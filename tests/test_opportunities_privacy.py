"""Scoring alone: a partner's scores and weights appear in no widget of the
other partner, of both together, nor in what the report is given, until both
are done; then they show to everyone at once. The walk finds them for their
author, so it would find a leak."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from models.opportunities import (
    criteria,
    mark_done_scoring,
    new_criteria,
    new_opportunity,
    opportunities,
    opportunity_summary,
    set_scores,
    set_weights,
)
from models.privacy import REPORT, Viewer
from tests.helpers import every_text
from ui.opportunities.tab import OpportunitiesTab
from ui.window.main_window import MainWindow

#: Ana's planted total for "Seattle offer": weights 5, 5, 5 and scores 9, 9, 8:
#: 5 × (9 + 9 + 8) / 15 = 8.67 → 87. No other number in the plan reads 87.
PLANTED_TOTAL = "87"
PLANTED_CELL = "Ana: 8"


@pytest.fixture
def window(qtbot: QtBot, plan_path: Path) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_plan(plan_path)
    win.tabs.setCurrentIndex(1)
    yield win
    win.close()


def at_keyboard(qtbot: QtBot, window: MainWindow, name: str) -> Viewer:
    button = next(b for b in window.header.keyboard_buttons.values() if b.text() == name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.document is not None
    return window.document.viewer


def test_a_partners_scores_are_nowhere_for_the_other_until_both_are_done(
        qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    plan = document.plan
    document.submit("Criteria", new_criteria(plan, ["Salary", "Location", "Family"]))
    document.submit("Add", new_opportunity("Seattle offer", date(2026, 11, 10)))
    found, seattle = criteria(plan), opportunities(plan)[0]
    tab = window.tab(1)
    assert isinstance(tab, OpportunitiesTab)
    tab.bottom.setCurrentWidget(tab.chart)  # the chart's description is walked too

    ana = at_keyboard(qtbot, window, "Ana")
    document.submit("Ana's weights", set_weights(plan, ana, [(c.uuid, 5) for c in found]))
    for criterion, value in zip(found, (9, 9, 8), strict=True):
        document.submit("Ana's score", set_scores(plan, ana, [(seattle.uuid, criterion.uuid,
                                                                value)]))
    document.submit("Done", mark_done_scoring(plan, ana, [seattle.uuid]))
    qtbot.waitUntil(lambda: tab.chart.drawn, timeout=10000)
    mine = every_text(window)
    assert PLANTED_TOTAL in mine and PLANTED_CELL in mine, "the walk finds it for Ana"

    bo = at_keyboard(qtbot, window, "Bo")
    document.submit("Bo's weights", set_weights(plan, bo, [(c.uuid, 2) for c in found]))
    document.submit("Bo's scores", set_scores(plan, bo, [(seattle.uuid, c.uuid, 4)
                                                         for c in found]))
    qtbot.waitUntil(lambda: "Bo 40" in tab.chart.accessibleDescription(), timeout=10000)
    for name in ("Bo", "Both of us"):
        at_keyboard(qtbot, window, name)
        qtbot.waitUntil(lambda: not tab._later.isActive())
        seen = every_text(window)
        assert PLANTED_TOTAL not in seen and PLANTED_CELL not in seen, name
        assert "Ana is done; Bo is still scoring" in seen
    summary = opportunity_summary(plan, REPORT)
    assert PLANTED_TOTAL not in repr(summary)
    assert summary.opportunities[0].scores == ((None, None),) * 3
    assert summary.criteria[0].weights == (None, None), "weights not finished by Bo"
    assert summary.opportunities[0].progress == "Ana is done; Bo is still scoring"

    # Bo is done too: both sets show at once, to everyone.
    at_keyboard(qtbot, window, "Bo")
    document.submit("Done", mark_done_scoring(plan, bo, [seattle.uuid]))
    at_keyboard(qtbot, window, "Both of us")
    qtbot.waitUntil(lambda: "Ana 87" in tab.chart.accessibleDescription(), timeout=10000)
    seen = every_text(window)
    assert PLANTED_TOTAL in seen and PLANTED_CELL in seen
    summary = opportunity_summary(plan, REPORT)
    assert summary.opportunities[0].totals[0].rounded == 87
    assert summary.criteria[0].weights == (5, 2)
