"""User text on the page exactly as it was typed, in every script.

Titles, notes and names are text, never markup: ``<b>`` and ``&amp;`` stay
as typed. :class:`PlainText` is the flowable for them: it wraps at spaces,
between Chinese and Japanese characters (never before a closing mark such as
"。"), and inside a word longer than the line; it keeps the line breaks
people typed, and splits across pages, so a note of any length never stops
an export. :func:`text_table` builds tables of such cells whose rows, even
one taller than a page, split across pages.

Right-to-left text is laid out in the order the Unicode bidi algorithm
gives: each paragraph takes the direction of its first strong letter (an
Arabic note is right-aligned, an English note with a Hebrew name is not);
Arabic letters are joined first (``arabic-reshaper`` swaps them for their
initial, medial and final forms, which DejaVu Sans has); python-bidi
resolves each character's level on the logical paragraph, which is then
wrapped into lines, and each line is put in display order from those
levels (rules L1, L2 and L4: python-bidi's ``get_display`` does only L1 and
L2, so brackets in right-to-left text would point the wrong way).
Each display line is drawn as runs of one font at measured positions
(:mod:`report.fonts`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.ligatures import LIGATURES
from bidi import get_display
from bidi.mirror import MIRRORED
from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Table, TableStyle

from report import fonts

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

Alignment = Literal["start", "left", "right", "center"]


@dataclass(frozen=True)
class TextStyle:
    """How a piece of user text looks. ``alignment`` "start" is left for a
    left-to-right paragraph and right for a right-to-left one."""

    size: float = 10.0
    leading: float = 0.0  # distance between baselines; 0 means 1.3 × size
    color: str = "#2b2b2b"
    bold: bool = False
    alignment: Alignment = "start"
    space_before: float = 0.0
    space_after: float = 0.0

    @property
    def line_height(self) -> float:
        return self.leading or round(self.size * 1.3, 2)


BODY = TextStyle()

# --- Paragraphs: split, joined (Arabic), direction and bidi levels -----------

_PARAGRAPH_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Arabic letters join only within a run of them (and of the joiners).
_ARABIC = re.compile("[\u200c\u200d]*[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]"
                     "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\u200c\u200d]*")
# Characters that can make any part of a line run right to left: Hebrew,
# Arabic, Syriac, Thaana, N'Ko… and their presentation forms, and the
# explicit direction controls.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u200f\u202b\u202e\u2067"
                            "\U00010800-\U00010fff\U0001e800-\U0001efff]")
_MIRRORED = re.compile("[" + re.escape("".join(MIRRORED)) + "]")
_LEVEL = re.compile(r"Level\(\s*(\d+)")


class _Paragraph(NamedTuple):
    """One paragraph in logical order, its Arabic letters already joined."""

    text: str
    rtl: bool
    bidi: bool  # False when every character runs left to right
    # Each character's level, read only when a bracket may need mirroring
    # (and python-bidi's report could be read); else lines are reordered
    # by get_display alone.
    levels: tuple[int, ...] | None

    def cut(self, start: int, end: int) -> _Paragraph:
        levels = None if self.levels is None else self.levels[start:end]
        return _Paragraph(self.text[start:end], self.rtl, self.bidi, levels)


def _first_strong(text: str) -> bool | None:
    """True for right to left, False for left to right, None if no letter says."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return None


@cache
def _reshaper() -> ArabicReshaper:
    # Vowel marks are kept (they are part of what was typed), and only the
    # ligatures DejaVu Sans has a glyph for are made (it has lam-alef, not
    # the word "Allah" as one sign).
    configuration: dict[str, Any] = {"delete_harakat": False}
    for name, (_, forms) in LIGATURES:
        configuration[name] = all(fonts.has_glyph(font, char) for font in (fonts.REGULAR, fonts.BOLD)
                                  for form in forms for char in form)
    return ArabicReshaper(configuration)


@lru_cache(maxsize=8192)
def _join_word(word: str) -> str:
    # Per run of Arabic letters, remembered: the reshaper reads its settings
    # for every call and walks every character, and notes repeat words.
    return str(_reshaper().reshape(word))


def _join_arabic(text: str) -> str:
    return _ARABIC.sub(lambda run: _join_word(run.group()), text)


def _levels(text: str, rtl: bool) -> tuple[int, ...] | None:
    """Each character's resolved bidi level (rules up to I2, paired brackets
    included), as python-bidi's Rust core reports them per UTF-8 byte."""
    report = str(get_display(text, base_dir="R" if rtl else "L", debug=True))
    start = report.find("levels: [")
    end = report.find("]", start)
    if start < 0 or end < 0:
        return None
    per_byte = [int(level) for level in _LEVEL.findall(report, start, end)]
    encoded = text.encode("utf-8")
    if len(per_byte) != len(encoded):
        return None
    # A character's level is that of its first byte (not a continuation byte).
    levels = tuple(level for level, byte in zip(per_byte, encoded, strict=True)
                   if byte & 0xC0 != 0x80)
    return levels if len(levels) == len(text) else None


def _paragraphs(text: str) -> list[_Paragraph]:
    parts = _PARAGRAPH_BREAK.split(text.replace("\t", "    "))
    while parts and not parts[-1]:
        parts.pop()  # a trailing line break adds no empty line
    overall = _first_strong(text) or False
    result = []
    for part in parts:
        if _ARABIC.search(part):
            part = _join_arabic(part)
        rtl = _first_strong(part)
        rtl = overall if rtl is None else rtl
        bidi = rtl or _RIGHT_TO_LEFT.search(part) is not None
        levels = _levels(part, rtl) if bidi and _MIRRORED.search(part) else None
        result.append(_Paragraph(part, rtl, bidi, levels))
    return result


def _display_order(paragraph: _Paragraph) -> str:
    """A line (a paragraph cut to one line) in display order, left to right."""
    text = paragraph.text
    if not paragraph.bidi:
        return text
    if paragraph.levels is None:
        return str(get_display(text, base_dir="R" if paragraph.rtl else "L"))
    base = 1 if paragraph.rtl else 0
    levels = list(paragraph.levels)
    # L1: spaces at the end of a line take the paragraph's level.
    end = len(text)
    while end and unicodedata.bidirectional(text[end - 1]) in ("WS", "S", "BN", "LRI", "RLI",
                                                                 "FSI", "PDI"):
        end -= 1
        levels[end] = base
    # L4: a bracket in right-to-left text is mirrored, so that it still
    # opens towards what it encloses. (L3 is left out on purpose: DejaVu's
    # Hebrew points and Arabic vowel marks are drawn from the pen position
    # over the letter to their right, so in display order they belong just
    # before their letter, where L2 puts them.)
    chars = [MIRRORED.get(char, char) if level % 2 else char
             for char, level in zip(text, levels, strict=True)]
    # L2: from the highest level down to the lowest odd one, reverse every
    # run of characters at that level or higher.
    highest = max(levels, default=0)
    lowest_odd = min((level for level in levels if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(chars):
            if levels[index] < level:
                index += 1
                continue
            stop = index
            while stop < len(chars) and levels[stop] >= level:
                stop += 1
            chars[index:stop] = chars[index:stop][::-1]
            levels[index:stop] = levels[index:stop][::-1]
            index = stop
    return "".join(chars)


# --- Wrapping ---------------------------------------------------------------

# Chinese and Japanese break between any two characters, except before a
# closing mark or small kana and after an opening bracket (kinsoku).
_CJK = ("\u2e80-\u2fdf\u2ff0-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3200-\u33ff"
        "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
        "\U00020000-\U0003ffff")
_OPENING = "（「『【〔〈《｛［〘〖〚｟"
_CLOSING = ("、。，．：；？！・ー～）」』】〕〉》｝］〙〗〛｠ゝゞヽヾ々〻"
            "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
            "\u0300-\u036f\u3099\u309a\ufe00-\ufe0f\U000e0100-\U000e01ef")
_TOKENS = re.compile(rf" +|[{_OPENING}]*[{_CJK}][{_CLOSING}]*|[^ {_CJK}]+[{_CLOSING}]*")


def _breakable_before(text: str, index: int) -> bool:
    """Whether a long word may break before ``text[index]`` (never inside a
    letter with its marks, or an emoji sequence)."""
    char = text[index]
    return not (unicodedata.category(char).startswith("M") or fonts.invisible(char)
                or fonts.invisible(text[index - 1]) or "\U0001f3fb" <= char <= "\U0001f3ff")


def _wrap(text: str, limit: float, size: float, bold: bool) -> list[tuple[int, int]]:
    """Greedy lines of a logical paragraph: (start, end) of each, trailing
    spaces left out. Spaces a paragraph starts with are kept as indentation."""
    lines: list[tuple[int, int]] = []
    start = end = 0  # the current line, up to the end of its last word
    used = gap = 0.0  # its width, and the width of spaces typed after it
    for token in _TOKENS.finditer(text):
        first, last = token.span()
        width = fonts.text_width(token.group(), size, bold)
        if text[first] == " ":
            if first == 0:
                end, used = last, width
            else:
                gap += width
            continue
        if end > start and used + gap + width > limit:
            lines.append((start, end))
            start, used, gap = first, 0.0, 0.0
        elif end == start:
            start, gap = first, 0.0
        if used + gap + width <= limit:
            used += gap + width
            gap, end = 0.0, last
            continue
        # A word longer than the line: break it between characters.
        used += gap
        gap = 0.0
        for index in range(first, last):
            advance = fonts.advance(text[index], bold) * size
            if used + advance > limit and index > start and _breakable_before(text, index):
                lines.append((start, index))
                start, used = index, 0.0
            used += advance
        end = last
    lines.append((start, end))
    return lines


class Line(NamedTuple):
    """One line as drawn: its text in display order, its font runs, its
    width in points and whether its paragraph runs right to left."""

    text: str
    runs: list[fonts.Run]
    width: float
    rtl: bool


def _line(paragraph: _Paragraph, style: TextStyle) -> Line:
    shown = _display_order(paragraph)
    runs = fonts.runs(shown, style.bold)
    return Line(shown, runs, sum(run.width for run in runs) * style.size, paragraph.rtl)


def layout(text: str, width: float, style: TextStyle = BODY) -> list[Line]:
    """``text`` wrapped to ``width`` points, each line in display order."""
    return [_line(paragraph.cut(start, end), style)
            for paragraph in _paragraphs(text)
            for start, end in _wrap(paragraph.text, width, style.size, style.bold)]


# --- Drawing -----------------------------------------------------------------

def _baseline_drop(style: TextStyle) -> float:
    """From the top of a line's box to its baseline: the text's body sits
    in the middle of the leading."""
    return (style.line_height - style.size) / 2 + 0.8 * style.size


def _draw_line(canvas: Canvas, line: Line, x: float, y: float, size: float) -> None:
    for run in line.runs:
        canvas.setFont(run.font, size)
        canvas.drawString(x, y, run.text)
        x += run.width * size


def line_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` drawn on one line (line breaks as spaces)."""
    return fonts.text_width(_PARAGRAPH_BREAK.sub(" ", text).replace("\t", "    "), size, bold)


def shorten(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text`` on one line, cut with "…" to fit ``width`` (whole if it fits)."""
    text = _PARAGRAPH_BREAK.sub(" ", text).replace("\t", "    ")
    if fonts.text_width(text, size, bold) <= width:
        return text
    room = width - fonts.text_width("…", size, bold)
    used = 0.0
    for index, char in enumerate(text):
        used += fonts.advance(char, bold) * size
        if used > room:
            while index and not _breakable_before(text, index):
                index -= 1
            return text[:index].rstrip() + "…"
    return text


def draw_line(canvas: Canvas, x: float, y: float, text: str, style: TextStyle = BODY,
              width: float | None = None) -> float:
    """Draw ``text`` as one line with its baseline at ``y`` and return its
    width. Without ``width``, ``x`` is where the text starts (left), ends
    (right) or its middle (center), as the style's alignment says; with it,
    the text is shortened to fit and aligned in ``[x, x + width]``. For
    labels, names in headers and footers; no markup is read."""
    single = _PARAGRAPH_BREAK.sub(" ", text)
    if width is not None:
        single = shorten(single, width, style.size, style.bold)
    paragraphs = _paragraphs(single) or [_Paragraph("", False, False, None)]
    line = _line(paragraphs[0], style)
    side = _side(style, line.rtl)
    if width is None:
        x -= {"left": 0.0, "right": line.width, "center": line.width / 2}[side]
    else:
        x += {"left": 0.0, "right": width - line.width, "center": (width - line.width) / 2}[side]
    canvas.setFillColor(HexColor(style.color))
    _draw_line(canvas, line, x, y, style.size)
    return line.width


def _side(style: TextStyle, rtl: bool) -> Literal["left", "right", "center"]:
    if style.alignment == "start":
        return "right" if rtl else "left"
    return style.alignment


class PlainText(Flowable):
    """User text as a flowable: never read as markup, wrapped to the frame
    or cell it is given, split across pages line by line."""

    def __init__(self, text: str, style: TextStyle = BODY) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self._paragraphs = _paragraphs(text)
        self._wrapped: tuple[float, list[tuple[int, int, int]]] = (-1.0, [])

    @classmethod
    def _part(cls, whole: PlainText, paragraphs: list[_Paragraph], space_before: float,
              space_after: float) -> PlainText:
        part = cls.__new__(cls)
        Flowable.__init__(part)
        part.text = "\n".join(paragraph.text for paragraph in paragraphs)
        part.style = whole.style
        part.spaceBefore, part.spaceAfter = space_before, space_after
        part._paragraphs = paragraphs
        part._wrapped = (-1.0, [])
        return part

    def _lines(self, width: float) -> list[tuple[int, int, int]]:
        """(paragraph, start, end) of each line at this width, computed once."""
        if self._wrapped[0] != width:
            style = self.style
            self._wrapped = (width, [
                (number, start, end)
                for number, paragraph in enumerate(self._paragraphs)
                for start, end in _wrap(paragraph.text, width, style.size, style.bold)])
        return self._wrapped[1]

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        self.height = len(self._lines(aW)) * self.style.line_height
        return self.width, self.height

    def minWidth(self) -> float:
        # The widest word, up to twelve characters' worth: longer words break.
        words = (word for paragraph in self._paragraphs for word in paragraph.text.split())
        widest = max((fonts.text_width(word, self.style.size, self.style.bold) for word in words),
                     default=0.0)
        return min(widest, 12 * self.style.size)

    def split(self, aW: float, aH: float, /) -> list[Flowable]:
        lines = self._lines(aW)
        fitting = int((aH + 1e-6) // self.style.line_height)
        if fitting >= len(lines):
            return [self]
        if fitting <= 0:
            return []
        number, _, end = lines[fitting - 1]
        head = [*self._paragraphs[:number], self._paragraphs[number].cut(0, end)]
        next_number, start, _ = lines[fitting]
        following = self._paragraphs[next_number]
        tail = [following.cut(start, len(following.text)), *self._paragraphs[next_number + 1:]]
        first = PlainText._part(self, head, self.spaceBefore, 0.0)
        first._wrapped = (aW, lines[:fitting])
        return [first, PlainText._part(self, tail, 0.0, self.spaceAfter)]

    def draw(self) -> None:
        style = self.style
        canvas = self.canv
        canvas.setFillColor(HexColor(style.color))
        y = self.height - _baseline_drop(style)
        for number, start, end in self._lines(self.width):
            line = _line(self._paragraphs[number].cut(start, end), style)
            side = _side(style, line.rtl)
            x = {"left": 0.0, "right": self.width - line.width,
                 "center": (self.width - line.width) / 2}[side]
            _draw_line(canvas, line, x, y, style.size)
            y -= style.line_height


Cell = str | Flowable | Sequence[Flowable]


def text_table(rows: Sequence[Sequence[Cell]], col_widths: Sequence[float], *,
               style: TextStyle = BODY, header_style: TextStyle | None = None,
               header_rows: int = 1, commands: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A table of user text: each string cell becomes :class:`PlainText`.
    It splits between rows across pages, repeating the header rows, and a
    row taller than what is left of a page (a 10,000-character note) is
    split inside the row, its cells continuing on the next page, where
    reportlab would otherwise fail with "Flowable ... too large".
    ``commands`` are reportlab ``TableStyle`` commands (grid, background…)."""
    header_style = header_style or TextStyle(size=style.size, leading=style.leading,
                                             color=style.color, bold=True)

    def cell(value: Cell, cell_style: TextStyle) -> list[Flowable]:
        if isinstance(value, str):
            return [PlainText(value, cell_style)]
        if isinstance(value, Flowable):
            return [value]
        return list(value)

    data = [[cell(value, header_style if number < header_rows else style) for value in row]
            for number, row in enumerate(rows)]
    return Table(data, colWidths=list(col_widths), repeatRows=header_rows, splitInRow=1,
                 style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *commands]))
