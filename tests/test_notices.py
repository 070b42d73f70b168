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


def test_many_reminders_fold_into_one_line_that_names_their_tabs(qtbot: QtBot) -> None:
    from ui.window.notices import MOST, NoticeBar

    bar = NoticeBar()
    qtbot.addWidget(bar)
    bar.show()
    titles = ["Day in the Life", "Checklist", "Conversations", "Goals & Wins"]
    for index, title in enumerate(titles):
        bar.set_notice(index + 2, title, f"Reminder from {title}")

    def lines() -> list[str]:
        return [label.text() for label in bar.findChildren(QLabel) if label.isVisibleTo(bar)]

    def button(text: str) -> QPushButton:
        found = [b for b in bar.findChildren(QPushButton) if b.text() == text]
        assert len(found) == 1, [b.text() for b in bar.findChildren(QPushButton)]
        return found[0]

    qtbot.waitUntil(lambda: len(lines()) == MOST)
    assert lines() == ["Reminder from Day in the Life",
                       "3 more reminders, in Checklist, Conversations, Goals & Wins."]
    qtbot.mouseClick(button("Show All"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(lines()) == len(titles))
    assert lines() == [f"Reminder from {t}" for t in titles], "Show Fewer takes no line of its own"
    assert button("Go to Goals && Wins").isVisible(), "a real “&” in the tab's button"
    qtbot.mouseClick(button("Show Fewer"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(lines()) == MOST)
    for title in titles[1:3]:
        bar.set_notice(titles.index(title) + 2, title, "")
    qtbot.waitUntil(lambda: lines() == ["Reminder from Day in the Life",
                                        "Reminder from Goals & Wins"])


def test_go_to_from_a_reminder_lands_on_what_it_speaks_of(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example plan's reminders: "Go to Goals & Wins" opens the win that
    waits for appreciation, "Go to Conversations" the question waiting for
    an answer, not just the tab."""
    from datetime import date

    from models.conversations import waiting_questions
    from models.goals import wins_waiting
    from ui.conversations.tab import ConversationsTab
    from ui.goals.tab import WINS, GoalsTab
    from ui.window import tabs

    today = date(2026, 11, 24)
    monkeypatch.setattr(tabs, "today", lambda: today)
    window = main_window.MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_example()
    assert window.document is not None
    plan = window.document.plan

    def click(text: str) -> None:
        qtbot.waitUntil(lambda: any(b.text() == text
                                    for b in window.notices.findChildren(QPushButton)))
        button = next(b for b in window.notices.findChildren(QPushButton) if b.text() == text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    click("Show All")
    click("Go to Goals && Wins")
    goals = window.tabs.currentWidget()
    assert isinstance(goals, GoalsTab) and goals.pages.currentIndex() == WINS
    waiting = wins_waiting(plan, today)
    assert waiting and goals.wins.current_uuid() == waiting[0].uuid
    click("Go to Conversations")
    conversations = window.tabs.currentWidget()
    assert isinstance(conversations, ConversationsTab)
    question = conversations.current_question()
    assert question is not None and question.uuid == waiting_questions(plan)[0]
    window.close()
