"""Privacy in the Checklist: a partner's unrevealed ratings and private red
flags are in no widget, table, tooltip, chart description, menu or undo
history of the other partner or of both together, in nothing they can
export, and never in the report's summary; their author sees them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from models.base import Entity
from models.checklist import checklist_summary, indicators, mark_checkin_done, new_checkin, rate
from models.exchange import visible_plan_to_dict
from models.partners import partners
from models.privacy import REPORT, Viewer
from tests.helpers import every_text, type_text
from ui.checklist.ratings import HIDDEN_TEXT
from ui.checklist.tab import CHECKINS, ChecklistTab
from ui.window.main_window import MainWindow

TODAY = date(2026, 11, 24)
RATING_NOTE = "Not since the Lisbon call ✶ qv-5531"
FLAG_NOTE = "He signed without asking ☂ kx-7720"
SECRETS = (RATING_NOTE, FLAG_NOTE, "qv-5531", "kx-7720")


def checklist(window: MainWindow) -> ChecklistTab:
    tab = window.tab(3)
    assert isinstance(tab, ChecklistTab)
    return tab


@pytest.fixture
def window(qtbot: QtBot, plan_path: Path) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    checklist(win).today = lambda: TODAY
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    assert win.open_plan(plan_path)
    win.tabs.setCurrentWidget(checklist(win))
    yield win
    win.close()


def at_keyboard(qtbot: QtBot, window: MainWindow, name: str) -> Viewer:
    button = next(b for b in window.header.keyboard_buttons.values() if b.text() == name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.document is not None
    return window.document.viewer


def every_value(found: Any) -> list[Any]:
    if isinstance(found, Entity):
        return every_value(found.record())
    if is_dataclass(found) and not isinstance(found, type):
        return every_value([getattr(found, f.name) for f in fields(found)])
    if isinstance(found, list | tuple):
        return [value for item in found for value in every_value(item)]
    return [found]


def everything_seen(qtbot: QtBot, window: MainWindow) -> str:
    """Every text of every page of the tab, and of the window's undo history."""
    tab = checklist(window)
    seen = []
    for page in range(tab.pages.count()):
        tab.pages.setCurrentIndex(page)
        seen.append(every_text(window))
    return "\n".join(seen)


def test_unrevealed_ratings_and_private_flags_show_to_their_author_alone(
        qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    tab = checklist(window)
    window.history_action.trigger()  # the undo history too
    plan = document.plan
    ana, bo = (Viewer.partner(p.uuid) for p in partners(plan))
    # A revealed check-in, so the trend and its chart have something to show.
    old = new_checkin(plan, date(2026, 8, 22), TODAY)
    document.submit("Start", old)
    old_uuid = next(c.uuid for c in old if c.table == "checkin")
    for viewer in (ana, bo):
        document.set_viewer(viewer)
        for indicator in indicators(plan):
            document.submit("Rate", rate(plan, viewer, old_uuid, indicator.uuid, score=3))
        document.submit("Done", mark_checkin_done(plan, viewer, old_uuid))

    ana = at_keyboard(qtbot, window, "Ana")
    new = new_checkin(plan, date(2026, 11, 20), TODAY)
    document.submit("Start", new)
    uuid = next(c.uuid for c in new if c.table == "checkin")
    tab.select_checkin(uuid)
    first = indicators(plan)[0]
    document.submit("Rate", rate(plan, ana, uuid, first.uuid, score=1))
    table = tab.panel.table
    table.setCurrentIndex(tab.panel.ratings.index(0, 2))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = window.focusWidget()
    assert editor is not None
    type_text(qtbot, editor, RATING_NOTE)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.panel.ratings.index(0, 2).data() == RATING_NOTE)

    tab.pages.setCurrentIndex(2)
    row = next(r for r in tab.red_flags.rows if r.flag == "unilateral")
    qtbot.mouseClick(row.box, Qt.MouseButton.LeftButton, pos=QPoint(8, row.box.height() // 2))
    row.note.setFocus()
    type_text(qtbot, row.note, FLAG_NOTE)
    row.box.setFocus()  # stored on leaving the note
    tab.pages.setCurrentIndex(CHECKINS)

    mine = everything_seen(qtbot, window)
    assert RATING_NOTE in mine and FLAG_NOTE in mine, "the walk finds what is on screen"

    for name in ("Bo", "Both of us"):
        viewer = at_keyboard(qtbot, window, name)
        tab.select_checkin(uuid)
        seen = everything_seen(qtbot, window)
        for secret in SECRETS:
            assert secret not in seen, f"{name} must not see Ana's {secret}"
        model = tab.panel.ratings
        assert model.index(0, 1).data() == HIDDEN_TEXT
        assert model.index(0, 1).data(Qt.ItemDataRole.EditRole) is None, "not even the score"
        assert not next(r for r in tab.red_flags.rows if r.flag == "unilateral").box.isChecked()
        assert tab.pages.tabText(2) == "Red &Flags", "not even how many Ana ticked"
        assert tab.overview is not None and date(2026, 11, 20) not in tab.overview.trend.dates
        exported = json.dumps(visible_plan_to_dict(plan, viewer), ensure_ascii=False)
        assert "qv-5531" not in exported and "kx-7720" not in exported
        assert "qv-5531" not in window.undo_action.text()

    report = "\n".join(map(str, every_value(checklist_summary(plan, REPORT))))
    assert "qv-5531" not in report and "kx-7720" not in report and uuid not in report
    assert old_uuid in report, "the revealed check-in is in it"
    exported = json.dumps(visible_plan_to_dict(plan, REPORT), ensure_ascii=False)
    assert "qv-5531" not in exported and "kx-7720" not in exported
    at_keyboard(qtbot, window, "Ana")
    back = everything_seen(qtbot, window)
    assert RATING_NOTE in back and FLAG_NOTE in back, "back at Ana's keyboard, both are there"
