"""The strip above the tabs: both names whole while there is room, cut with
"…" only when the window is too narrow, and readable on each partner's colour."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPalette
from pytestqt.qtbot import QtBot

from models.partners import edit_partner, partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER, Viewer
from tests.helpers import tip_text
from ui.style import READABLE_CONTRAST, contrast_ratio
from ui.window.header import KeyboardButton
from ui.window.main_window import MainWindow

#: The horizontal padding of a chosen button (ui.style.swatch_style), either side.
PADDING = 10


def rename(path: Path, first: str, second: str, colors: tuple[str, str] | None = None) -> None:
    with PlanFile.open(path) as plan:
        for partner, name, color in zip(partners(plan), (first, second),
                                        colors or (None, None), strict=True):
            values = {"name": name, **({"color": color} if color else {})}
            plan.apply(edit_partner(partner, **values), TOGETHER)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def settle(qtbot: QtBot, win: MainWindow, width: int) -> None:
    """Resize and wait for the layout to place the header's widgets."""
    win.resize(width, win.height())
    qtbot.waitUntil(lambda: win.width() == width)
    layout = win.header.layout()
    assert layout is not None
    layout.activate()


def choices(win: MainWindow) -> list[KeyboardButton]:
    """The keyboard buttons from left to right, as a person sees them."""
    return sorted((b for b in win.header.keyboard_buttons.values() if b.isVisible()),
                  key=lambda b: b.x())


def bold_width(button: KeyboardButton) -> int:
    font = QFont(button.font())
    font.setBold(True)
    return QFontMetrics(font).horizontalAdvance(button.name)


@pytest.mark.parametrize(("first", "second"), [
    ("Rachel", "Marcus"),
    ("Zoë", "李明"),
    ("Alexandra-Katharina", "Maximilian Bartholomew"),
    ("Ben & Jerry", "Wïlhelmina"),
])
def test_names_show_whole_whoever_is_chosen(qtbot: QtBot, window: MainWindow, plan_path: Path,
                                            first: str, second: str) -> None:
    rename(plan_path, first, second)
    window.open_plan(plan_path)
    settle(qtbot, window, 1280)
    assert window.header.names.shown_text() == f"{first} & {second}"
    for chosen in choices(window):
        qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)
        assert chosen.isChecked()
        for button in choices(window):
            assert button.shown_name() == button.name, "never cut at a normal width"
            # The chosen look is bold, with padding: its room was never counted
            # when Qt sized the button, which cut "Rachel" to "R…l".
            assert button.width() >= bold_width(button) + 2 * PADDING, button.name
    assert [b.name for b in choices(window)] == [first, "Both of us", second]


def test_a_window_too_narrow_cuts_names_with_the_whole_name_in_the_tooltip(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    first, second = "Alexandra-Katharina", "Maximilian Bartholomew"
    rename(plan_path, first, second)
    window.open_plan(plan_path)
    settle(qtbot, window, window.minimumWidth())
    ana, both, bo = choices(window)
    for button, name in ((ana, first), (bo, second)):
        shown = button.shown_name()
        assert shown != name and shown.endswith("…") and name.startswith(shown[:-1])
        assert tip_text(button.toolTip()).startswith(f"{name} at the keyboard")
    assert both.shown_name() == "Both of us", "short enough never to be cut"
    names = window.header.names
    assert "…" in names.shown_text()
    assert first in tip_text(names.toolTip()) and second in tip_text(names.toolTip())
    assert window.header.width() <= window.width(), "the header fits the window"

    settle(qtbot, window, 1280)
    assert [b.shown_name() for b in choices(window)] == [first, "Both of us", second]
    assert names.shown_text() == f"{first} & {second}"


def rendered(widget: KeyboardButton) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def text_on(image: QImage, background: QColor) -> QColor:
    """The ink of the text drawn on ``background``: of the pixels inside the
    button's rounded corners, the one most unlike it."""
    best, farthest = background, -1.0
    for y in range(image.height() // 4, 3 * image.height() // 4):
        for x in range(image.width() // 5, 4 * image.width() // 5):
            pixel = image.pixelColor(x, y)
            distance = abs(contrast_ratio(pixel, background))
            if distance > farthest:
                best, farthest = pixel, distance
    return best


@pytest.mark.parametrize("colors", [
    ("#2f6db5", "#d9822b"),  # the default pair: white on the blue, dark on the orange
    ("#ffff00", "#000080"),
    ("#777777", "#e0e0e0"),
    ("#ff0000", "#00a000"),
    ("#8e44ad", "#f1c40f"),
])
def test_text_on_a_partners_colour_is_readable(qtbot: QtBot, window: MainWindow,
                                               plan_path: Path,
                                               colors: tuple[str, str]) -> None:
    rename(plan_path, "Ana", "Bo", colors)
    window.open_plan(plan_path)
    settle(qtbot, window, 1280)
    for partner in partners(window.document.plan):
        button = window.header.keyboard_buttons[Viewer.partner(partner.uuid)]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        image = rendered(button)
        middle = image.pixelColor(3 * PADDING // 2, image.height() // 2)
        assert middle.name() == partner.color, "the chosen button is in the partner's colour"
        ink = text_on(image, middle)
        assert contrast_ratio(ink, middle) >= READABLE_CONTRAST, (partner.color, ink.name())

    # The names above the tabs, each in its partner's colour, on the window.
    background = window.header.palette().color(QPalette.ColorRole.Window)
    inks = re.findall(r"color:(#[0-9a-f]{6})", window.header.names.text())
    assert len(inks) == 2
    for ink in inks:
        assert contrast_ratio(ink, background) >= READABLE_CONTRAST, ink


def test_the_names_keep_their_partners_hue(window: MainWindow, plan_path: Path) -> None:
    window.open_plan(plan_path)  # the default blue and orange
    inks = re.findall(r"color:(#[0-9a-f]{6})", window.header.names.text())
    blue, orange = (QColor(ink) for ink in inks)
    assert blue.name() == "#2f6db5", "readable as it is: unchanged"
    assert orange.name() != "#d9822b", "too light on the window: darkened"
    assert abs(orange.hslHue() - QColor("#d9822b").hslHue()) <= 2
