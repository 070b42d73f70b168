"""The shipped TrueType fonts in reportlab, and the font for each character.

reportlab draws a string in one font and has no fallback: a character the
font lacks comes out as a box. So text is cut into runs, each in the first
font with glyphs for it: DejaVu Sans (Latin, Greek, Cyrillic, Hebrew,
Arabic and its presentation forms), then Droid Sans Fallback (Chinese,
Japanese), then NanumSquare (Korean's Hangul syllables, which Droid lacks),
then Symbola (emoji, monochrome, and other symbols). Bold text takes DejaVu
Sans Bold where DejaVu has the glyph; the others have no bold and are used
as they are.

Each font's character map is read once (when the fonts are registered), and
the choice and advance width of each character are remembered, so measuring
a long note is a few dictionary look-ups per character.
"""

from __future__ import annotations

import threading
import unicodedata
from typing import NamedTuple

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

import resources

REGULAR = "Tandem-DejaVuSans"
BOLD = "Tandem-DejaVuSans-Bold"
CJK = "Tandem-DroidSansFallback"
KOREAN = "Tandem-NanumSquare"
SYMBOLS = "Tandem-Symbola"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    KOREAN: "NanumSquareR.ttf",
    SYMBOLS: "Symbola.ttf",
}
_FALLBACKS = (CJK, KOREAN, SYMBOLS)

# Format characters that are invisible by definition (joiners, direction
# marks, variation selectors…) but have visible glyphs in some fonts
# (Symbola draws "VS16" in a dotted box): they steer shaping and
# direction, then are not drawn. These few format characters are visible.
_VISIBLE_FORMAT = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u08e2"
                            "\U000110bd\U000110cd")


class Run(NamedTuple):
    """Characters drawn in one font; ``width`` in points at size 1."""

    font: str
    text: str
    width: float


_lock = threading.Lock()
_registered = False
_cmaps: dict[str, frozenset[int]] = {}
_advances: dict[str, dict[int, float]] = {}
_default_advance: dict[str, float] = {}
# character → (font, advance at size 1), or None when it is never drawn;
# one table for regular text and one for bold.
_chosen: tuple[dict[str, tuple[str, float] | None], dict[str, tuple[str, float] | None]] = (
    {}, {})


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """The ToUnicode map of one embedded subset, which says what text each
    glyph is (for copying, searching and reading the PDF back). reportlab
    5.1 writes a character beyond U+FFFF (every emoji) as five hex digits,
    which readers reject; the PDF format wants its UTF-16 code units."""
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        f"/CIDSystemInfo << /Registry ({fontname}) /Ordering ({fontname}) /Supplement 0 >> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{code:02X}> <{chr(char).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
          for code, char in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ]
    return "\n".join(lines)


def register_fonts() -> None:
    """Register the shipped fonts with reportlab (once per process; safe to
    call from the export's thread)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        for name, file_name in _FILES.items():
            font = TTFont(name, str(resources.path(f"fonts/{file_name}")))
            pdfmetrics.registerFont(font)
            _cmaps[name] = frozenset(font.face.charToGlyph)
            _advances[name] = font.face.charWidths
            _default_advance[name] = float(font.face.defaultWidth)
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR,
                                      boldItalic=BOLD)
        _registered = True


def has_glyph(font: str, char: str) -> bool:
    """Whether ``font`` (one of this module's names) has a glyph for ``char``."""
    register_fonts()
    return ord(char) in _cmaps[font]


def invisible(char: str) -> bool:
    """Characters that are never drawn: controls, and format characters
    (bidi marks, joiners), variation selectors, the combining grapheme joiner."""
    category = unicodedata.category(char)
    if category == "Cc":
        return True
    if category == "Cf":
        return char not in _VISIBLE_FORMAT
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or code == 0x034F


def _choose(char: str, bold: bool) -> tuple[str, float] | None:
    if invisible(char):
        return None
    code = ord(char)
    first = BOLD if bold else REGULAR
    font = first
    if code not in _cmaps[first]:
        # A character no shipped font has stays with DejaVu, which draws its
        # "missing glyph" box: visibly something, never silently nothing.
        font = next((name for name in _FALLBACKS if code in _cmaps[name]), first)
    return font, _advances[font].get(code, _default_advance[font]) / 1000.0


def font_for(char: str, bold: bool = False) -> str | None:
    """The font that draws ``char``, or None when it is not drawn at all."""
    chosen = _chosen[bold].get(char)
    if chosen is None and char not in _chosen[bold]:
        register_fonts()
        chosen = _chosen[bold][char] = _choose(char, bold)
    return None if chosen is None else chosen[0]


def advance(char: str, bold: bool = False) -> float:
    """The width of ``char`` at size 1, in points (0 when it is not drawn)."""
    chosen = _chosen[bold].get(char)
    if chosen is None and char not in _chosen[bold]:
        register_fonts()
        chosen = _chosen[bold][char] = _choose(char, bold)
    return 0.0 if chosen is None else chosen[1]


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The drawn width of ``text`` (in display order or not: the same) at ``size``."""
    table = _chosen[bold]
    total = 0.0
    for char in text:
        chosen = table.get(char)
        if chosen is None:
            if char in table:
                continue
            register_fonts()
            chosen = table[char] = _choose(char, bold)
            if chosen is None:
                continue
        total += chosen[1]
    return total * size


def runs(text: str, bold: bool = False) -> list[Run]:
    """``text`` cut into runs, each in the first font with glyphs for it;
    characters that are never drawn are left out."""
    table = _chosen[bold]
    result: list[Run] = []
    font = ""
    chars: list[str] = []
    width = 0.0
    for char in text:
        chosen = table.get(char)
        if chosen is None:
            if char in table:
                continue
            register_fonts()
            chosen = table[char] = _choose(char, bold)
            if chosen is None:
                continue
        if chosen[0] != font:
            if chars:
                result.append(Run(font, "".join(chars), width))
            font, chars, width = chosen[0], [], 0.0
        chars.append(char)
        width += chosen[1]
    if chars:
        result.append(Run(font, "".join(chars), width))
    return result
