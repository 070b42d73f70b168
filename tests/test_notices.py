"""A tab's gentle reminder shows under the header from the start (the tab
need not be built), follows the plan's changes, and leads to the tab; tabs
are built when first shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from models.partners import edit_partner, partners
from ui.document import PlanDocument
from ui.window import main_window
from ui.window.tabs import TabSpec

built: list[str] = []


class RemindingTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        built.append("reminders")

    def set_document(self, document: PlanDocument | None) -> None:
        self.document = document


def remind(document: PlanDocument) -> str:
    """A reminder read from the plan: it names the first partner."""
    name = partners(document.plan)[0].name
    return f"{name}: decide on “Seattle & Co” by Friday"


def test_a_tab_s_notice_shows_from_the_start_follows_changes_and_goes_to_the_tab(
        qtbot: QtBot, plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = main_window.create_tabs
    monkeypatch.setattr(main_window, "create_tabs",
                        lambda: [*real(), TabSpec("&Reminders", RemindingTab, remind)])
    built.clear()
    window = main_window.MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert not window.notices.isVisible()
    window.open_plan(plan_path)
    assert built == [], "the tab is not built before it is shown"
    assert window.notices.isVisible()
    texts = [label.text() for label in window.notices.findChildren(QLabel)]
    assert texts == ["Ana: decide on “Seattle & Co” by Friday"], "shown as typed"
    assert window.document is not None
    window.document.submit("Rename", edit_partner(partners(window.document.plan)[0],
                                                  name="Ana-Lucía"))
    qtbot.waitUntil(lambda: any(label.text().startswith("Ana-Lucía:")
                                for label in window.notices.findChildren(QLabel)))
    button = window.notices.findChild(QPushButton)
    assert button.text() == "Go to Reminders"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == window.tabs.count() - 1
    assert built == ["reminders"], "built when first shown"
    tab = window.tab_pages[-1][1]
    assert isinstance(tab, RemindingTab) and tab.document is window.document
    assert window.tabs.tabText(window.tabs.count() - 1) == "&Reminders"
    window.close_plan()
    assert not window.notices.isVisible()
    window.close()
