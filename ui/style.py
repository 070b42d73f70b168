"""How Tandem looks, in one place: its colours, headings and error lines, text
that stays readable on a partner's colour, and user text shown as typed in
tooltips, buttons and menus."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel

from report import colors

# -- colours ---------------------------------------------------------------------

#: Refusals and errors, on the light backgrounds of forms and tables.
ERROR_COLOR = "#b3261e"
#: Text on a coloured background, whichever of the two reads better.
DARK_TEXT = colors.DARK_TEXT
LIGHT_TEXT = colors.LIGHT_TEXT
#: Secondary lines and labels drawn on charts and rulers.
INK = "#555555"
FAINT_INK = "#9a9a9a"
#: The outline of a selected shape, and text shown while dragging.
STRONG_INK = "#111111"
#: The today line, on the chart and on its ruler.
TODAY_COLOR = "#c0392b"
#: Rulers beside a chart.
RULER_BACKGROUND = "#f3f1ec"
#: Quarters in which both careers face demanding transitions (R, G, B).
CLASH_RGB = (214, 48, 49)

#: WCAG 2 "AA" for normal text: the least contrast between text and its background.
READABLE_CONTRAST = colors.READABLE_CONTRAST

HINT_STYLE = "color: palette(placeholder-text);"


def clash_color(alpha: int) -> QColor:
    return QColor(*CLASH_RGB, alpha)


# -- contrast ----------------------------------------------------------------------

def relative_luminance(color: str | QColor) -> float:
    """WCAG 2's relative luminance (the arithmetic is :mod:`report.colors`'s,
    the one place for it: the page needs it too)."""
    return colors.relative_luminance(QColor(color).name())


def contrast_ratio(first: str | QColor, second: str | QColor) -> float:
    """From 1 (the same) to 21 (black on white), whichever is lighter."""
    return colors.contrast_ratio(QColor(first).name(), QColor(second).name())


def readable_text_color(background: str | QColor) -> str:
    """Light or dark text, whichever reaches :data:`READABLE_CONTRAST` on
    ``background``; black when neither does (black always does then)."""
    return colors.readable_text_color(QColor(background).name())


def readable_ink(color: str | QColor, background: str | QColor) -> str:
    """``color`` for text on ``background``: itself when it reaches
    :data:`READABLE_CONTRAST`, else of the same hue, darkened (or lightened,
    on a dark background) just enough. A partner's name keeps their colour."""
    ink, back = QColor(color), QColor(background)
    toward_black = contrast_ratio("#000000", back) >= contrast_ratio("#ffffff", back)
    hue, saturation, lightness = ink.hslHueF(), ink.hslSaturationF(), ink.lightnessF()
    for _step in range(101):
        if contrast_ratio(ink, back) >= READABLE_CONTRAST:
            break
        lightness = max(0.0, lightness - 0.01) if toward_black else min(1.0, lightness + 0.01)
        ink = QColor.fromHslF(max(hue, 0.0), saturation, lightness)
    return ink.name()


def swatch_style(color: str) -> str:
    """A style sheet body for a label or button in a partner's colour."""
    return (f"background: {color}; color: {readable_text_color(color)}; "
            "border-radius: 6px; padding: 3px 10px;")


# -- text and fonts -------------------------------------------------------------------

def heading_font(base: QFont, scale: float = 1.0) -> QFont:
    """``base`` in bold at ``scale`` times its size: every heading's look."""
    font = QFont(base)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    return font


def heading(text: str, scale: float = 1.0) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setFont(heading_font(label.font(), scale))
    return label


def error_label(name: str) -> QLabel:
    """A line for a refusal's message: plain text, wrapped, hidden until needed."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what people typed
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    label.hide()
    return label


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` as typed. Qt renders a tooltip as markup
    when it looks like markup (``<b>&</b>``, ``<script>``), so the text is
    escaped inside explicit rich text; line breaks and spaces are kept."""
    return f'<p style="white-space: pre-wrap;">{html.escape(text)}</p>'


def shown_text(label: str) -> str:
    """What a person reads on a button, tab or menu whose text has mnemonics:
    "&Goals && Wins" reads "Goals & Wins" (the inverse of :func:`plain_label`)."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")


def plain_label(text: str) -> str:
    """Text for a button, action or menu that shows ``text`` as typed: a
    single "&" would otherwise mark the next letter as a shortcut and vanish."""
    return text.replace("&", "&&")
