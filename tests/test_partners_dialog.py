"""Edit ▸ Partners as a couple meets it: each partner's part headed by their
name, roles shown whole, colours as swatches, and two colours that would be
hard to tell apart refused under the colour being changed."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
)
from pytestqt.qtbot import QtBot

from models.partners import edit_partner, partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER
from tests.helpers import every_text, stored
from ui.style import READABLE_CONTRAST, contrast_ratio
from ui.window.main_window import MainWindow
from ui.window.partners_dialog import ColorField, PartnersDialog

ROLE = "Partner at a Chicago law firm"


def change_partner(path: Path, slot: int, **values: str) -> None:
    with PlanFile.open(path) as plan:
        plan.apply(edit_partner(partners(plan)[slot - 1], **values), TOGETHER)


def stored_pairs(path: Path) -> list[tuple[str, str]]:
    rows = sorted(stored(path)["tables"]["partner"], key=lambda row: row["slot"])
    return [(row["name"], row["color"]) for row in rows]


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def open_dialog(qtbot: QtBot, window: MainWindow, path: Path) -> PartnersDialog:
    assert window.open_plan(path)
    assert window.document is not None
    dialog = PartnersDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def color_field(dialog: PartnersDialog, number: int) -> ColorField:
    field = dialog.forms[number - 1].fields["color"]
    assert isinstance(field, ColorField)
    return field


def pick(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, dialog: PartnersDialog, number: int,
         color: str) -> None:
    """Choose ``color`` in the picker of partner ``number``, by a click."""
    monkeypatch.setattr(QColorDialog, "getColor", lambda *args: QColor(color))
    qtbot.mouseClick(color_field(dialog, number).button, Qt.MouseButton.LeftButton)


def click_ok(qtbot: QtBot, dialog: PartnersDialog) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def fully_shown(edit: QLineEdit) -> bool:
    """Whether the whole text is in view: with the caret at its end, the line
    has not scrolled (the caret is as far from the start as the text is
    wide) and the caret is inside the field."""
    edit.setCursorPosition(0)
    edit.repaint()  # a line edit scrolls as it paints
    start = edit.cursorRect().center().x()
    edit.setCursorPosition(len(edit.text()))
    edit.repaint()
    end = edit.cursorRect().center().x()
    width = edit.fontMetrics().horizontalAdvance(edit.text())
    return abs(end - start - width) <= 1 and end < edit.contentsRect().right()


def test_a_role_reads_whole(qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    change_partner(plan_path, 2, role=ROLE, field="Corporate law and mergers")
    dialog = open_dialog(qtbot, window, plan_path)
    for name in ("role2", "field2", "role1", "name1"):
        edit = dialog.findChild(QLineEdit, name)
        assert fully_shown(edit), name
    # Room for a longer role than the example's, as typed later.
    role = dialog.findChild(QLineEdit, "role1")
    role.setText("Head of Platform Engineering at a Seattle startup")
    assert fully_shown(role)


def test_each_part_is_headed_by_the_partners_name_as_typed(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    dialog = open_dialog(qtbot, window, plan_path)
    headings = [dialog.findChild(QLabel, f"partnerHeading{n}") for n in (1, 2)]
    assert [h.text() for h in headings] == ["Ana", "Bo"]
    assert all(h.textFormat() == Qt.TextFormat.PlainText for h in headings)
    name2 = dialog.findChild(QLineEdit, "name2")
    name2.selectAll()
    qtbot.keyClicks(name2, "<b>Bo</b> & Co")
    assert headings[1].text() == "<b>Bo</b> & Co", "shown as typed"
    name2.clear()
    assert headings[1].text() == "Partner 2"
    # Above its own form: the first heading, the first form, the second heading…
    order = sorted([*headings, *dialog.forms], key=lambda w: w.y())
    assert order == [headings[0], dialog.forms[0], headings[1], dialog.forms[1]]
    # Each in the partner's colour, readable on the dialog.
    background = dialog.palette().color(QPalette.ColorRole.Window)
    for heading in headings:
        [ink] = re.findall(r"color: (#[0-9a-f]{6})", heading.styleSheet())
        assert contrast_ratio(ink, background) >= READABLE_CONTRAST


def _pixels(image: QImage) -> set[str]:
    return {image.pixelColor(x, y).name()
            for y in range(image.height()) for x in range(image.width())}


def test_colours_are_swatches_not_codes_and_the_picker_is_plain(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    dialog = open_dialog(qtbot, window, plan_path)
    shown = every_text(dialog)
    for color in ("#2f6db5", "#d9822b"):
        assert color not in shown.lower() and color[1:] not in shown.lower()
    for number, color in ((1, "#2f6db5"), (2, "#d9822b")):
        field = color_field(dialog, number)
        swatch = field.swatch.grab().toImage()
        middle = swatch.pixelColor(swatch.width() // 2, swatch.height() // 2)
        assert middle.name() == color, "the swatch shows the colour"
        assert field.button.text() == "Choose…"
        assert color not in _pixels(field.button.grab().toImage()), \
            "the picker button is not painted in the partner's colour"


def test_no_mnemonic_shows_as_an_ampersand(qtbot: QtBot, window: MainWindow, plan_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    change_partner(plan_path, 1, name="Ben & Jerry")
    dialog = open_dialog(qtbot, window, plan_path)
    captions = [label for label in dialog.findChildren(QLabel)
                if re.search(r"(?<!&)&(?!&)", label.text())
                and label.textFormat() != Qt.TextFormat.PlainText]
    assert {label.text() for label in captions} >= {"&Name:", "&Colour:"}
    for label in captions:
        buddy = label.buddy()
        assert buddy is not None and buddy.focusPolicy() != Qt.FocusPolicy.NoFocus, \
            f"{label.text()!r} would show its “&”"
    assert dialog.findChild(QLabel, "partnerHeading1").text() == "Ben & Jerry"
    # Alt+C, the captions' mnemonic, goes to each partner's picker in turn
    # (both forms have it), and Space opens it.
    asked: list[str] = []
    monkeypatch.setattr(QColorDialog, "getColor",
                        lambda *args: asked.append(args[2]) or QColor())
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    name = dialog.findChild(QLineEdit, "name1")
    name.setFocus()
    for number in (1, 2):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
        assert dialog.focusWidget() is color_field(dialog, number).button
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    assert asked == ["Bo’s colour"]


def test_a_colour_too_close_is_refused_under_it_and_nothing_is_stored(
        qtbot: QtBot, window: MainWindow, plan_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_dialog(qtbot, window, plan_path)
    pick(qtbot, monkeypatch, dialog, 2, "#3070b0")  # a shade of Ana's blue
    error2 = dialog.findChild(QLabel, "color2Error")
    assert error2.isVisible(), "said at once, under Bo's colour"
    assert error2.text().startswith("This colour is too close to Ana’s to tell apart.")
    assert not dialog.findChild(QLabel, "color1Error").isVisible()
    assert color_field(dialog, 2).value() == "#3070b0", "shown beside Ana's, to compare"

    click_ok(qtbot, dialog)
    assert dialog.isVisible(), "OK refuses it too"
    assert error2.isVisible()
    assert window.document is not None and window.document.undo_stack.count() == 0

    pick(qtbot, monkeypatch, dialog, 2, "#2a9d8f")  # a teal: apart for everyone
    assert not error2.isVisible()
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    window.close_plan()
    assert stored_pairs(plan_path) == [("Ana", "#2f6db5"), ("Bo", "#2a9d8f")]


def test_red_and_green_are_refused_for_deuteranopes(
        qtbot: QtBot, window: MainWindow, plan_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_dialog(qtbot, window, plan_path)
    pick(qtbot, monkeypatch, dialog, 1, "#d62728")
    assert not dialog.findChild(QLabel, "color1Error").isVisible(), "red and orange: apart"
    pick(qtbot, monkeypatch, dialog, 2, "#2ca02c")
    error = dialog.findChild(QLabel, "color2Error")
    assert error.isVisible() and "deuteranopia (red–green colour blindness)" in error.text()
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    dialog.reject()
    window.close_plan()
    assert stored_pairs(plan_path) == [("Ana", "#2f6db5"), ("Bo", "#d9822b")]


def test_both_picking_the_same_colour_is_refused_at_the_last_pick(
        qtbot: QtBot, window: MainWindow, plan_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_dialog(qtbot, window, plan_path)
    pick(qtbot, monkeypatch, dialog, 2, "#1b9e77")
    pick(qtbot, monkeypatch, dialog, 1, "#1b9e77")
    error1 = dialog.findChild(QLabel, "color1Error")
    assert error1.isVisible() and error1.text().startswith("This is Bo’s colour already.")
    assert not dialog.findChild(QLabel, "color2Error").isVisible()


def test_an_older_plan_with_close_colours_still_opens_and_saves_other_changes(
        qtbot: QtBot, window: MainWindow, plan_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with sqlite3.connect(plan_path) as connection:
        connection.execute("UPDATE partner SET color = '#3070b0' WHERE slot = 2")
    connection.close()
    dialog = open_dialog(qtbot, window, plan_path)
    name = dialog.findChild(QLineEdit, "name2")
    name.selectAll()
    qtbot.keyClicks(name, "Bea")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible(), "colours nobody changed are not judged"
    window.close_plan()
    assert stored_pairs(plan_path) == [("Ana", "#2f6db5"), ("Bea", "#3070b0")]

