"""The roadmap on paper: the same drawing as the screen
(:mod:`report.roadmap_drawing`), painted with reportlab, in vector, on
landscape pages. A plan spanning many years is spread over pages by period,
each page readable on its own: its ruler, the lane names, today, the clash
quarters and the key."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from models.calendar import DateFormat, add_months
from models.partners import Partner
from models.roadmap import RoadmapItem, Season, kinds
from models.roadmap_insight import Clash
from models.roadmap_layout import MARKERS
from report.colors import darker
from report.roadmap_drawing import (
    CLASH_COLOR,
    INK,
    PATTERNS,
    SEASONS,
    TODAY_COLOR,
    Box,
    Font,
    Line,
    Marker,
    Metrics,
    RoadmapDrawing,
    Shape,
    Text,
    draw_roadmap,
    ruler,
)
from report.text import TextStyle, draw_line, line_width

LANE_TITLES = 66.0  # the lane names' column, left of the chart
KEY_HEIGHT = 30.0  # the key at the foot of each roadmap page
#: How many years a page shows at most: enough to read a few years' labels.
YEARS_PER_PAGE = 8
#: A chart taller than its page is drawn smaller, down to this scale, then cut.
SMALLEST_SCALE = 0.55


def _measure(text: str, font: Font) -> float:
    return line_width(text, font.size, font.bold)


def paper_metrics() -> Metrics:
    """Sizes on paper, in points: smaller than on screen, the same rules."""
    return Metrics(measure=_measure, font_size=7.5, season_top=3.0, season_height=16.0,
                   lanes_gap=6.0, row_height=16.0, bar_height=12.0, lane_padding=4.0,
                   lane_gap=2.0, marker_size=5.0, label_gap=3.0, label_padding=3.0,
                   max_label_width=200.0, ruler_height=22.0)


def periods(span: tuple[date, date]) -> list[tuple[date, date]]:
    """The plan's span cut into pages of at most :data:`YEARS_PER_PAGE` years,
    on whole years, as even as the span allows."""
    first, last = span
    years = max(1, last.year - first.year + 1)
    count = -(-years // YEARS_PER_PAGE)
    per_page = -(-years // count)
    result = []
    start = date(first.year, 1, 1)
    while start <= last:
        end = min(add_months(start, 12 * per_page) - timedelta(days=1), date(last.year, 12, 31))
        result.append((start, end))
        start = end + timedelta(days=1)
    return result


class RoadmapPage(Flowable):
    """One period of the roadmap: a caption, the ruler, and the lanes with
    their names, as tall as its rows need. Lanes taller than ``max_height``
    are drawn smaller (wider per day, scaled down), so nothing is lost."""

    def __init__(self, pair: Sequence[Partner], items: Sequence[RoadmapItem],
                 seasons: Sequence[Season], clashes: Sequence[Clash], period: tuple[date, date],
                 today: date, dates: DateFormat, caption: str, max_height: float) -> None:
        super().__init__()
        self.pair, self.period, self.today, self.dates = pair, period, today, dates
        self.caption, self.max_height = caption, max_height
        start, end = period
        self.items = [i for i in items if i.start_date <= end and i.last_date >= start]
        self.seasons = [s for s in seasons if s.start_date <= end and s.end_date >= start]
        self.clashes = [c for c in clashes if c.start <= end and c.end >= start]
        self.metrics = paper_metrics()
        self._laid: tuple[float, RoadmapDrawing, float] | None = None  # width, drawing, scale

    def _layout(self, width: float) -> tuple[RoadmapDrawing, float]:
        if self._laid is None or self._laid[0] != width:
            days = (self.period[1] - self.period[0]).days + 1
            drawing = self._drawing((width - LANE_TITLES) / days)
            needed = CAPTION_HEIGHT + self.metrics.ruler_height + drawing.height
            scale = 1.0
            if needed > self.max_height:
                scale = max(SMALLEST_SCALE, (self.max_height - CAPTION_HEIGHT)
                            / (needed - CAPTION_HEIGHT))
                drawing = self._drawing((width - LANE_TITLES) / scale / days)
            self._laid = (width, drawing, scale)
        return self._laid[1], self._laid[2]

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        drawing, scale = self._layout(aW)
        self.width = aW
        self.height = min(self.max_height, CAPTION_HEIGHT
                          + (self.metrics.ruler_height + drawing.height) * scale)
        return aW, self.height

    def split(self, aW: float, aH: float, /) -> list[Flowable]:
        return []  # a period's chart is never cut in two: it moves to the next page

    def draw(self) -> None:
        canvas: Canvas = self.canv
        metrics = self.metrics
        drawing, scale = self._layout(self.width)
        draw_line(canvas, 0, self.height - 11, self.caption, CAPTION)
        chart_width = (self.width - LANE_TITLES) / scale
        canvas.saveState()
        canvas.translate(0, self.height - CAPTION_HEIGHT)
        canvas.scale(scale, scale)
        canvas.translate(LANE_TITLES / scale, 0)
        canvas.saveState()
        _clip(canvas, 0, -metrics.ruler_height, chart_width, metrics.ruler_height)
        paint(canvas, ruler(drawing, 0, chart_width, metrics, self.dates))
        canvas.restoreState()
        canvas.translate(0, -metrics.ruler_height)
        chart_height = min(drawing.height,
                           (self.height - CAPTION_HEIGHT) / scale - metrics.ruler_height)
        canvas.saveState()
        _clip(canvas, 0, -chart_height, chart_width, chart_height)
        paint(canvas, drawing.background_between(0, chart_width))
        for area in drawing.clash_areas:
            paint(canvas, area.shapes)
        for entry in drawing.entries.values():
            paint(canvas, entry.shapes)
        canvas.restoreState()
        _lane_titles(canvas, drawing, metrics, LANE_TITLES / scale, chart_height)
        canvas.restoreState()

    def _drawing(self, per_day: float) -> RoadmapDrawing:
        start, end = self.period
        return draw_roadmap(self.pair, self.items, self.seasons, self.clashes,
                            span=(start, end + timedelta(days=1)), per_day=per_day,
                            today=self.today, metrics=self.metrics, dates=self.dates,
                            visible_left=0.0)


CAPTION_HEIGHT = 16.0
CAPTION = TextStyle(size=9, bold=True, color="#3d5a6c", alignment="left")
KEY_TEXT = TextStyle(size=7, color=INK, alignment="left")


def _lane_titles(canvas: Canvas, drawing: RoadmapDrawing, metrics: Metrics, column: float,
                 bottom: float) -> None:
    style = TextStyle(size=metrics.font_size, bold=True)
    for band in drawing.bands:
        if band.top > bottom:
            break
        canvas.setFillColor(HexColor(band.color))
        canvas.rect(-column, -(band.top + band.height) + 2, 2.5, band.height - 4,
                    stroke=0, fill=1)
        color = INK if band.key == SEASONS else darker(band.color, 1.3)
        baseline = -(band.top + band.height / 2) - metrics.font_size * 0.35
        draw_line(canvas, -column + 6, baseline, band.title,
                  TextStyle(size=style.size, bold=True, color=color, alignment="left"),
                  width=column - 10)


def key_entries() -> list[tuple[str, str, str]]:
    """(label, shape, pattern) of every mark on the roadmap, as the screen's key."""
    marks = [("Today", "today", ""), ("Clashing transitions", "clash", ""),
             ("✓ Done", "done", ""), ("Dropped", "dropped", "")]
    return marks + [(k.label, k.shape, k.pattern) for k in kinds().values()]


def draw_key(canvas: Canvas, x: float, y: float, width: float) -> float:
    """The key, from (x, y) (the top of its first line) rightwards, wrapping
    within ``width``; returns its height."""
    glyph, gap, line = 16.0, 10.0, 10.0
    left, top = x, y
    for label, shape, pattern in key_entries():
        needed = glyph + line_width(label, KEY_TEXT.size) + gap
        if left + needed > x + width and left > x:
            left, top = x, top - line
        _glyph(canvas, shape, pattern, left, top - line / 2, glyph)
        draw_line(canvas, left + glyph + 2, top - line / 2 - 2.4, label, KEY_TEXT)
        left += needed
    return y - top + line


def _glyph(canvas: Canvas, shape: str, pattern: str, x: float, middle: float,
           size: float) -> None:
    gray = "#777777"
    if shape == "today":
        canvas.setStrokeColor(HexColor(TODAY_COLOR))
        canvas.setLineWidth(1.2)
        canvas.line(x + size / 2, middle - 4.5, x + size / 2, middle + 4.5)
    elif shape == "clash":
        canvas.setFillColor(_color(CLASH_COLOR, 0.25))
        canvas.rect(x + 1, middle - 4, size - 2, 8, stroke=0, fill=1)
    elif shape in ("done", "dropped", "phase"):
        alpha = {"done": 0.55, "dropped": 0.12}.get(shape, 0.85)
        paint(canvas, [Box(x + 1, -(middle + 3.5), size - 2, 7, fill=gray, fill_alpha=alpha,
                           pattern=pattern if pattern in PATTERNS else "",
                           pattern_color=darker(gray, 1.35), stroke=darker(gray),
                           dashed=shape == "dropped" or pattern == "dashed", radius=2.0)])
    else:
        points = tuple((x + size / 2 + px * 4, -middle + py * 4)
                       for px, py in MARKERS.get(shape, MARKERS["diamond"]))
        paint(canvas, [Marker(points, gray, 0.85, darker(gray, 1.4))])


def _clip(canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
    path = canvas.beginPath()
    path.rect(x, y, width, height)
    canvas.clipPath(path, stroke=0, fill=0)


def _color(name: str, alpha: float = 1.0) -> Color:
    color = HexColor(name)
    return Color(color.red, color.green, color.blue, alpha=alpha)


def paint(canvas: Canvas, shapes: Sequence[Shape]) -> None:
    """The drawing's shapes on a page whose origin is the drawing's top left:
    y grows down in the drawing and up on paper, so a page's y is minus the
    drawing's."""
    for shape in shapes:
        if isinstance(shape, Box):
            _box(canvas, shape)
        elif isinstance(shape, Line):
            canvas.setStrokeColor(_color(shape.color, shape.alpha))
            canvas.setLineWidth(shape.width * 0.6)
            canvas.line(shape.x1, -shape.y1, shape.x2, -shape.y2)
        elif isinstance(shape, Marker):
            path = canvas.beginPath()
            first, *rest = shape.points
            path.moveTo(first[0], -first[1])
            for px, py in rest:
                path.lineTo(px, -py)
            path.close()
            canvas.setStrokeColor(_color(shape.stroke))
            canvas.setLineWidth(0.6)
            if shape.dashed:
                canvas.setDash(2, 1.5)
            canvas.setFillColor(_color(shape.fill, shape.fill_alpha))
            canvas.drawPath(path, stroke=1, fill=1)
            canvas.setDash()
        elif isinstance(shape, Text):
            _text(canvas, shape)


def _box(canvas: Canvas, box: Box) -> None:
    bottom = -(box.y + box.height)
    radius = min(box.radius * 0.6, box.height / 2, box.width / 2)
    if box.fill:
        canvas.setFillColor(_color(box.fill, box.fill_alpha))
        canvas.roundRect(box.x, bottom, box.width, box.height, radius, stroke=0, fill=1)
    if box.pattern:
        canvas.saveState()
        path = canvas.beginPath()
        path.roundRect(box.x, bottom, box.width, box.height, radius)
        canvas.clipPath(path, stroke=0, fill=0)
        canvas.setStrokeColor(_color(box.pattern_color, 0.7))
        canvas.setFillColor(_color(box.pattern_color, 0.7))
        canvas.setLineWidth(0.4)
        if box.pattern == "hatched":
            x = box.x - box.height
            while x < box.x + box.width:
                canvas.line(x, bottom, x + box.height, bottom + box.height)
                x += 3.0
        else:  # dotted: each row of dots is one line, dashed to dots with round ends
            step = 2.2
            canvas.setLineWidth(0.7)
            canvas.setLineCap(1)
            canvas.setDash([0, step])
            for row in range(int(box.height // step) + 1):
                y = bottom + row * step
                canvas.line(box.x + (row % 2) * step / 2, y, box.x + box.width, y)
            canvas.setDash()
            canvas.setLineCap(0)
        canvas.restoreState()
    if box.stroke:
        canvas.setStrokeColor(_color(box.stroke))
        canvas.setLineWidth(box.stroke_width * 0.6)
        if box.dashed:
            canvas.setDash(2, 1.5)
        canvas.roundRect(box.x, bottom, box.width, box.height, radius, stroke=1, fill=0)
        canvas.setDash()


def _text(canvas: Canvas, text: Text) -> None:
    size = text.font.size
    baseline = -(text.y + text.height / 2) - size * 0.35
    style = TextStyle(size=size, bold=text.font.bold, color=text.color,
                      alignment="center" if text.align == "center" else
                      "right" if text.align == "right" else "left")
    drawn = draw_line(canvas, text.x, baseline, text.text, style, width=text.width)
    if text.font.struck:
        middle = baseline + size * 0.3
        canvas.setStrokeColor(HexColor(text.color))
        canvas.setLineWidth(0.5)
        canvas.line(text.x, middle, text.x + drawn, middle)


__all__ = ["RoadmapPage", "draw_key", "paint", "periods"]
