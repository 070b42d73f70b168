"""Text that stores itself as it is typed: after a pause and on focus-out,
one undo step per burst, and Ctrl+Z is the plan's Undo, not the field's."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from models.errors import TandemError
from models.partners import edit_partner, partners
from models.plan_file import PlanFile
from tests.helpers import stored, type_text
from ui.document import PlanDocument
from ui.live_text import LiveText


@dataclass
class Page:
    """A small view: Ana's role in a line, Bo's in a text box, and the Undo
    action a window has (Ctrl+Z), all on one plan."""
    document: PlanDocument
    host: QWidget
    role: QLineEdit
    other: QPlainTextEdit
    live: LiveText
    refusals: list[str] = field(default_factory=list)


@pytest.fixture
def page(qtbot: QtBot, plan_path: Path) -> Iterator[Page]:
    document = PlanDocument(PlanFile.open(plan_path))
    host = QWidget()
    layout = QVBoxLayout(host)
    role, other = QLineEdit(), QPlainTextEdit()
    layout.addWidget(role)
    layout.addWidget(other)
    undo = QAction("Undo", host)
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    undo.triggered.connect(document.undo)
    host.addAction(undo)
    refusals: list[str] = []

    def store(text: str, key: str) -> None:
        ana = partners(document.plan)[0]
        document.submit("Edit Ana's role", edit_partner(ana, role=text), merge_key=key)

    live = LiveText(document, role, "ana-role", store,
                    lambda error: refusals.append(error.message), pause_ms=60)
    document.changed.connect(lambda _report: live.show(partners(document.plan)[0].role))
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    role.setFocus()
    yield Page(document, host, role, other, live, refusals)
    document.close()


def role_in_file(page: Page) -> str:
    return partners(page.document.plan)[0].role


def test_typing_is_stored_after_a_pause_as_one_undo_step(qtbot: QtBot, page: Page) -> None:
    qtbot.keyClicks(page.role, "Nur")
    qtbot.waitUntil(lambda: role_in_file(page) == "Nur")
    type_text(qtbot, page.role, "se 🩺")
    qtbot.waitUntil(lambda: role_in_file(page) == "Nurse 🩺")
    assert page.document.undo_stack.count() == 1, "one burst, one step"
    qtbot.keyClick(page.role, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert role_in_file(page) == ""
    assert page.role.text() == "", "the field shows the plan, not its own undo"
    page.document.close()
    rows = stored(page.document.plan.path)["tables"]["partner"]
    assert [r["role"] for r in sorted(rows, key=lambda r: r["slot"])] == ["", ""]


def test_leaving_the_field_stores_at_once_and_a_new_visit_is_a_new_step(
        qtbot: QtBot, page: Page) -> None:
    page.live._timer.setInterval(60_000)  # no pause will do it: only the focus
    type_text(qtbot, page.role, "Chirurgienne")
    page.other.setFocus()
    qtbot.waitUntil(lambda: not page.role.hasFocus())
    assert role_in_file(page) == "Chirurgienne"
    page.role.setFocus()
    qtbot.waitUntil(page.role.hasFocus)
    page.role.end(False)
    type_text(qtbot, page.role, " 外科医")
    page.other.setFocus()
    qtbot.waitUntil(lambda: role_in_file(page) == "Chirurgienne 外科医")
    assert page.document.undo_stack.count() == 2
    page.document.undo()
    assert role_in_file(page) == "Chirurgienne"


def test_undo_while_typing_first_stores_the_typing_then_undoes_the_whole_burst(
        qtbot: QtBot, page: Page) -> None:
    page.live._timer.setInterval(60_000)
    qtbot.keyClicks(page.role, "Nurse")
    qtbot.waitUntil(lambda: role_in_file(page) == "" and page.live.pending)
    qtbot.keyClick(page.role, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert role_in_file(page) == "" and page.role.text() == ""
    assert page.document.undo_stack.canRedo(), "the typing is one redoable step"
    page.document.redo()
    assert role_in_file(page) == "Nurse" and page.role.text() == "Nurse"


def test_a_refused_text_is_reported_and_nothing_is_stored(qtbot: QtBot, page: Page) -> None:
    qtbot.keyClicks(page.role, "x" * 130)
    qtbot.waitUntil(lambda: bool(page.refusals))
    assert page.refusals[0] == "The current role is too long: 130 characters, at most 120."
    assert role_in_file(page) == ""
    assert page.document.undo_stack.count() == 0


def test_a_change_from_elsewhere_does_not_overwrite_what_is_being_typed(
        qtbot: QtBot, page: Page) -> None:
    page.live._timer.setInterval(60_000)
    qtbot.keyClicks(page.role, "Half typed")
    bo = partners(page.document.plan)[1]
    page.document.submit("Rename Bo", edit_partner(bo, name="Bo-Anne"))
    assert page.role.text() == "Half typed", "the typing stays"
    page.other.setFocus()
    qtbot.waitUntil(lambda: role_in_file(page) == "Half typed")


def test_the_text_field_has_no_undo_of_its_own(qtbot: QtBot, page: Page) -> None:
    editor = QPlainTextEdit()
    page.host.layout().addWidget(editor)

    def refuse(error: TandemError) -> None:
        raise AssertionError(error.message)

    LiveText(page.document, editor, "bo-notes", lambda text, key: None, refuse)
    assert not editor.isUndoRedoEnabled()
