"""A tab's gentle reminder shows under the header and leads to the tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ui.document import PlanDocument
from ui.window import main_window


class RemindingTab(QWidget):
    notice_changed = Signal(str)

    def set_document(self, document: PlanDocument | None) -> None:
        self.notice_changed.emit("Decide on “Seattle & Co” by Friday" if document else "")


def test_a_tab_s_notice_shows_under_the_header_and_goes_to_the_tab(
        qtbot: QtBot, plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = main_window.create_tabs
    monkeypatch.setattr(main_window, "create_tabs",
                        lambda: [*real(), ("&Reminders", RemindingTab())])
    window = main_window.MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert not window.notices.isVisible()
    window.open_plan(plan_path)
    assert window.notices.isVisible()
    texts = [label.text() for label in window.notices.findChildren(QLabel)]
    assert texts == ["Decide on “Seattle & Co” by Friday"], "shown as typed"
    button = window.notices.findChild(QPushButton)
    assert button.text() == "Go to Reminders"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == window.tabs.count() - 1
    window.close_plan()
    assert not window.notices.isVisible()
    window.close()
