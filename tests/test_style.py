"""The shared look: readable text on partner colours (WCAG 2 contrast), and
user text shown as typed in tooltips and on buttons."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QColor, QTextDocument

from models.partners import DEFAULT_COLORS
from ui.style import (
    DARK_TEXT,
    LIGHT_TEXT,
    READABLE_CONTRAST,
    contrast_ratio,
    plain_label,
    plain_tip,
    readable_text_color,
    relative_luminance,
    swatch_style,
)

# QTextDocument and QAction need a QApplication.
pytestmark = pytest.mark.usefixtures("qapp")


def test_relative_luminance_follows_wcag() -> None:
    assert relative_luminance("#000000") == 0.0
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    # Linear below the 0.04045 knee, a 2.4 power above it.
    assert relative_luminance("#0a0a0a") == pytest.approx(10 / 255 / 12.92)
    assert relative_luminance("#808080") == pytest.approx(0.2158605)
    assert relative_luminance("#ff0000") == pytest.approx(0.2126)
    assert relative_luminance("#00ff00") == pytest.approx(0.7152)


def test_contrast_ratio_is_symmetric_from_1_to_21() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#2f6db5", "#2f6db5") == 1.0
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_the_default_orange_gets_dark_text_because_white_fails() -> None:
    blue, orange = DEFAULT_COLORS
    assert orange == "#d9822b"
    assert contrast_ratio(LIGHT_TEXT, orange) < READABLE_CONTRAST, "white on orange fails AA"
    assert readable_text_color(orange) == DARK_TEXT
    assert readable_text_color(blue) == LIGHT_TEXT
    assert f"color: {DARK_TEXT};" in swatch_style(orange)


@pytest.mark.parametrize("color", ["#000000", "#ffffff", "#777777", "#767676", "#808080",
                                   "#2f6db5", "#d9822b", "#ff0000", "#00ff00", "#0000ff",
                                   "#ffff00", "#8e44ad", "#16a085", "#5a5a5a", "#6b6b6b"])
def test_swatch_text_is_readable_on_any_colour(color: str) -> None:
    assert contrast_ratio(readable_text_color(color), color) >= READABLE_CONTRAST


def test_every_grey_gets_readable_text() -> None:
    for level in range(256):
        color = f"#{level:02x}{level:02x}{level:02x}"
        assert contrast_ratio(readable_text_color(color), color) >= READABLE_CONTRAST, color


def test_plain_tip_shows_markup_literally() -> None:
    text = "<script>alert(1)</script> & <b>bold</b>\n  indented"
    document = QTextDocument()
    document.setHtml(plain_tip(text))
    assert document.toPlainText() == text


def test_plain_label_keeps_an_ampersand() -> None:
    action = QAction(plain_label("Ben & Jerry"))
    assert action.text() == "Ben && Jerry"
    assert action.iconText() == "Ben & Jerry"


@pytest.mark.parametrize("background", ["#ffffff", "#efefef", "#f3f1ec", "#2b2b2b", "#000000"])
def test_a_partners_colour_as_text_is_made_readable_keeping_its_hue(background: str) -> None:
    from ui.style import readable_ink

    for red in range(0, 256, 51):
        for green in range(0, 256, 51):
            for blue in range(0, 256, 51):
                color = f"#{red:02x}{green:02x}{blue:02x}"
                ink = readable_ink(color, background)
                assert contrast_ratio(ink, background) >= READABLE_CONTRAST, (color, ink)
                if contrast_ratio(color, background) >= READABLE_CONTRAST:
                    assert ink == color, "a readable colour is left as it is"
                elif QColor(color).hslSaturation() > 40 and 0 < QColor(ink).lightness() < 255:
                    assert abs(QColor(ink).hslHue() - QColor(color).hslHue()) <= 3, color
