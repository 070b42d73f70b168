"""Colour arithmetic for drawings on screen and paper, without Qt: readable
text on a colour (WCAG 2 contrast), and colours seen through a translucent fill.
Colours are ``#rrggbb`` strings throughout."""

from __future__ import annotations

#: Text on a coloured background, whichever of the two reads better.
DARK_TEXT = "#1d1d1d"
LIGHT_TEXT = "#ffffff"
#: WCAG 2 "AA" for normal text: the least contrast between text and its background.
READABLE_CONTRAST = 4.5


def rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def hex_color(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in (red, green, blue))


def relative_luminance(color: str) -> float:
    """WCAG 2's relative luminance: linear-light sRGB, weighted by the eye's response."""
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = rgb(color)
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast_ratio(first: str, second: str) -> float:
    """From 1 (the same) to 21 (black on white), whichever is lighter."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def readable_text_color(background: str) -> str:
    """Light or dark text, whichever reaches :data:`READABLE_CONTRAST` on
    ``background``; black when neither does (black always does then)."""
    for text in (LIGHT_TEXT, DARK_TEXT):
        if contrast_ratio(text, background) >= READABLE_CONTRAST:
            return text
    return "#000000"


def seen_through(color: str, alpha: float, behind: str = "#ffffff") -> str:
    """The opaque colour a translucent ``color`` makes over ``behind``."""
    front, back = rgb(color), rgb(behind)
    return hex_color(*(alpha * f + (1 - alpha) * b for f, b in zip(front, back, strict=True)))


def darker(color: str, factor: float = 1.3) -> str:
    """``color`` darkened (for outlines), as Qt's ``darker(130)`` does roughly."""
    return hex_color(*(c / factor for c in rgb(color)))
