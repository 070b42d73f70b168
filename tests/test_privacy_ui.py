"""Privacy as a couple meets it: a draft written "only me, until I share it"
shows to its author with a draft look, and nowhere else: not in any widget,
table, tooltip, menu or undo history of the other partner or of both
together, not in what they can export; sharing it is one undoable step."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from models.exchange import visible_plan_to_dict
from models.partners import partners
from models.privacy import TOGETHER, Viewer
from tests.helpers import answer_dialog, every_text, stored, type_text
from ui.roadmap.editor import ItemDialog
from ui.roadmap.tab import RoadmapTab
from ui.window.main_window import MainWindow

SECRET = "Leave the firm for Lisbon ✶ qv-3318"
SECRET_NOTE = "Only if the fellowship ☂ comes through kx-9052"


@pytest.fixture
def window(qtbot: QtBot, plan_path: Path) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_plan(plan_path)
    yield win
    win.close()


def roadmap(window: MainWindow) -> RoadmapTab:
    tab = window.tab_pages[0][1]
    assert isinstance(tab, RoadmapTab)
    return tab


def at_keyboard(qtbot: QtBot, window: MainWindow, name: str) -> Viewer:
    button = next(b for b in window.header.keyboard_buttons.values() if b.text() == name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.document is not None
    return window.document.viewer


def write_draft(qtbot: QtBot, window: MainWindow) -> None:
    """Ana adds a phase through the form, typing, ticking "Only me"."""
    def fill(dialog: ItemDialog) -> None:
        type_text(qtbot, dialog.title_edit, SECRET)
        type_text(qtbot, dialog.notes, SECRET_NOTE)
        box = dialog.findChild(QCheckBox, "draft")
        assert box.isEnabled() and not box.isChecked(), "shared unless asked"
        # On the box itself: a check box answers clicks on its box and its words only.
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        assert box.isChecked()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, fill)
    roadmap(window).add_phase_action.trigger()


def test_a_draft_shows_to_its_author_alone_and_nowhere_else(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    at_keyboard(qtbot, window, "Ana")
    write_draft(qtbot, window)
    tab = roadmap(window)
    tab.table_action.trigger()  # the tables too: every row, every cell
    window.history_action.trigger()

    mine = every_text(window)
    assert SECRET in mine and SECRET_NOTE in mine, "the walk finds what is on screen"
    draft = next(e for e in tab.scene.entries.values() if SECRET in e.toolTip())
    assert draft.style.draft and draft.style.label == f"Draft: {SECRET}", "the draft look"
    assert SECRET in window.undo_action.text(), "Ana's own step, on Ana's own history"

    document = window.document
    assert document is not None
    for name in ("Bo", "Both of us"):
        viewer = at_keyboard(qtbot, window, name)
        seen = every_text(window)
        for secret in (SECRET, SECRET_NOTE, "qv-3318", "kx-9052"):
            assert secret not in seen, f"{name} must not see Ana's draft"
        exported = json.dumps(visible_plan_to_dict(document.plan, viewer), ensure_ascii=False)
        assert "qv-3318" not in exported and "kx-9052" not in exported
        assert not window.undo_action.isEnabled(), f"{name} has nothing to undo of Ana's"

    at_keyboard(qtbot, window, "Ana")
    assert SECRET in every_text(window), "back at Ana's keyboard, the draft is there"
    window.close_plan()
    stored_items = stored(document.plan.path)["tables"]["roadmap_item"]
    assert [(r["title"], r["notes"], r["shared_at"]) for r in stored_items] == \
        [(SECRET, SECRET_NOTE, None)], "kept in the file, privately"


def test_sharing_a_draft_is_one_undoable_step(qtbot: QtBot, window: MainWindow) -> None:
    ana = at_keyboard(qtbot, window, "Ana")
    write_draft(qtbot, window)
    tab = roadmap(window)
    assert not tab.share_action.isEnabled()
    draft = next(e for e in tab.scene.entries.values() if SECRET in e.toolTip())
    draft.setSelected(True)
    assert tab.share_action.isEnabled()
    tab.share_action.trigger()
    assert window.undo_action.text() == f"&Undo Share “{SECRET}”"

    bo = at_keyboard(qtbot, window, "Bo")
    assert SECRET in every_text(window), "shared: Bo sees it"
    shared = next(e for e in tab.scene.entries.values() if SECRET in e.toolTip())
    assert not shared.style.draft and shared.style.label == SECRET

    at_keyboard(qtbot, window, "Ana")
    window.undo_action.trigger()  # Ana takes her sharing back
    at_keyboard(qtbot, window, "Bo")
    assert SECRET not in every_text(window)
    assert window.document is not None and bo != ana


def test_a_draft_needs_someone_at_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    assert window.document is not None and window.document.viewer == TOGETHER
    seen: list[tuple[bool, str]] = []

    def look(dialog: ItemDialog) -> None:
        box = dialog.findChild(QCheckBox, "draft")
        seen.append((box.isEnabled(), box.toolTip()))
        dialog.reject()

    answer_dialog(qtbot, look)
    roadmap(window).add_milestone_action.trigger()
    assert seen == [(False, "To write a private draft, choose who is at the keyboard "
                            "(top right) first")]


def test_the_help_says_privacy_is_not_encryption(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    window.privacy_action.trigger()
    box = window.findChild(QMessageBox, "privacyHelp")
    assert box is not None and box.isVisible()
    assert "not encryption" in box.text()
    box.close()
    assert partners(window.document.plan)[0].name == "Ana"  # type: ignore[union-attr]
