"""The report's look, in one place: paper and margins, text styles, inks,
and the few pieces every section is made of (headings that are bookmarks,
sentences, tables of user text, a partner's name in their colour).

Every text that came from the couple goes through :mod:`report.text` (never
reportlab's ``Paragraph``, which reads markup), so a title such as
``<b>Offer & "raise"</b>`` is printed as typed.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Spacer, Table

from models.calendar import DateFormat
from models.partners import Partner
from models.plan_file import PlanFile
from report.colors import darker, seen_through
from report.options import ReportOptions
from report.text import PlainText, TextStyle, text_table

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PAPER = {"A4": A4, "Letter": LETTER}
MARGIN = 16 * mm
FOOTER_HEIGHT = 9 * mm  # below the frame, inside the bottom margin

INK = "#2b2b2b"
FAINT_INK = "#6b6b6b"
RULE = "#d9d5cc"
HEADER_FILL = "#f1efea"
#: The report's own colour: neither partner's.
ACCENT = "#3d5a6c"

TITLE = TextStyle(size=26, bold=True, color=INK, space_after=6)
SUBTITLE = TextStyle(size=13, color=FAINT_INK, space_after=4)
H1 = TextStyle(size=17, bold=True, color=ACCENT, space_after=8)
H2 = TextStyle(size=12, bold=True, color=INK, space_before=12, space_after=4)
BODY = TextStyle(size=10, color=INK, space_after=4)
SMALL = TextStyle(size=8.5, color=FAINT_INK, space_after=3)
CELL = TextStyle(size=8.5, color=INK)
CELL_HEAD = TextStyle(size=8.5, color=INK, bold=True)


@dataclass(frozen=True)
class Point:
    """One thing for the counselor to see, from one section: where the two
    partners agree (``agree``) or where they differ."""

    section: str
    agree: bool
    text: str


@dataclass
class Context:
    """What every section reads. ``plan`` is read through the report's
    viewer only (see :data:`models.privacy.REPORT`)."""

    plan: PlanFile
    pair: list[Partner]
    options: ReportOptions
    today: date
    dates: DateFormat
    #: The text area of a portrait and of a landscape page, in points.
    portrait: tuple[float, float] = (0.0, 0.0)
    landscape: tuple[float, float] = (0.0, 0.0)
    #: Figures the sections made, closed once the PDF is written.
    resources: list[Any] = field(default_factory=list)

    def partner(self, uuid: str | None) -> Partner | None:
        return next((p for p in self.pair if p.uuid == uuid), None)


def frames(page_size: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """The text area (width, height) of a portrait and a landscape page (a
    section's own page foot, such as the roadmap's key, comes off the height)."""
    portrait = PAPER[page_size]
    wide = landscape(portrait)
    return ((portrait[0] - 2 * MARGIN, portrait[1] - 2 * MARGIN - FOOTER_HEIGHT),
            (wide[0] - 2 * MARGIN, wide[1] - 2 * MARGIN - FOOTER_HEIGHT))


class Heading(PlainText):
    """A heading the contents lists and the PDF's bookmarks jump to."""

    def __init__(self, text: str, style: TextStyle, key: str, level: int = 0,
                 listed: bool = True) -> None:
        super().__init__(text, style)
        self.key, self.level, self.listed = key, level, listed
        self.keepWithNext = True

    def split(self, aW: float, aH: float, /) -> list[Flowable]:
        return []  # a heading moves to the next page whole, never half of it


def heading(text: str, key: str, level: int = 0) -> Heading:
    return Heading(text, H1 if level == 0 else H2, key, level)


LEFT_TO_RIGHT_MARK = "\u200e"


def ours(text: str) -> str:
    """A sentence Tandem writes around the couple's words ("Ana studies
    (…)"): English, so left to right even when it starts with a Hebrew or
    Arabic name (each paragraph otherwise takes the direction of its first
    letter). The mark is invisible and never drawn."""
    return "\n".join(LEFT_TO_RIGHT_MARK + line for line in text.split("\n"))


def sentence(text: str, style: TextStyle = BODY) -> PlainText:
    """A paragraph of the report; wrap Tandem's own sentences in :func:`ours`."""
    return PlainText(text, style)


def space(height: float = 6) -> Spacer:
    return Spacer(1, height)


def table(rows: Sequence[Sequence[Any]], widths: Sequence[float], *, striped: bool = True,
          extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A table of user text with a header row repeated on every page it
    spans, thin rules, and every other row tinted for reading across."""
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEADER_FILL)),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, HexColor(RULE)),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, HexColor(RULE)),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if striped:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1),
                         [HexColor("#ffffff"), HexColor("#faf9f6")]))
    return text_table(rows, widths, style=CELL, header_style=CELL_HEAD,
                      commands=[*commands, *extra])


def partner_style(partner: Partner, base: TextStyle = CELL) -> TextStyle:
    """A partner's name in their own colour, dark enough to read."""
    return TextStyle(size=base.size, leading=base.leading, bold=True,
                     color=darker(partner.color, 1.5), alignment=base.alignment,
                     space_before=base.space_before, space_after=base.space_after)


def tint(color: str, alpha: float = 0.14) -> str:
    """A partner's colour as a light background."""
    return seen_through(color, alpha)


def chart(draw: Callable[[float, float], Figure], width: float, height: float,
          context: Context) -> Image:
    """A chart from :mod:`report.charts` (``draw(width_in, height_in)``) as
    an image ``width`` × ``height`` points, sharp on paper (150 dpi)."""
    from report.charts import chart_style, png

    with chart_style():
        figure = draw(width / 72, height / 72)
        data = png(figure, 150)
    context.resources.append(figure)
    return Image(io.BytesIO(data), width=width, height=height)


class Dot(Flowable):
    """A small coloured dot before a line: whose point it is, or which kind."""

    def __init__(self, color: str, size: float = 5.2) -> None:
        super().__init__()
        self.color, self.size = color, size

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setFillColor(HexColor(self.color))
        self.canv.circle(self.size / 2, self.size / 2, self.size / 2, stroke=0, fill=1)


def bullets(lines: Sequence[tuple[str, str]], width: float, style: TextStyle = BODY) -> Table:
    """Tandem's lines (see :func:`ours`), each after a dot of its colour;
    long ones wrap under themselves; the list splits across pages between lines."""
    rows = [[Dot(color), PlainText(ours(text), style)] for color, text in lines]
    return Table(rows, colWidths=[12, width - 12], splitInRow=1, style=[
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (0, -1), style.size * 0.68 - 2.6), ("TOPPADDING", (1, 0), (1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
