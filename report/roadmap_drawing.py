"""The roadmap as a list of shapes and texts, the same for the screen and the
page: lanes and their rows, bars, markers, labels, seasons, clash shading,
the history before today, the today line, the grid and the ruler.

The Roadmap tab paints the list with QPainter and the counselor report with
reportlab; neither decides where or how anything is drawn, so the two can't
drift apart. Sizes are in the renderer's units (pixels on screen, points on
paper) and text widths come from the renderer's own fonts (``Metrics.measure``).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from models.calendar import DAYS_PER_MONTH, DateFormat, Unit, add_months, quarter_name
from models.partners import Partner
from models.roadmap import RoadmapItem, Season, shared_lane, status_labels
from models.roadmap_insight import Clash
from models.roadmap_layout import (
    MARKERS,
    Style,
    item_color,
    item_style,
    kind_of,
    lane_key,
    lane_order,
    layout_roadmap,
)
from report.colors import DARK_TEXT, darker, readable_text_color, seen_through

TODAY_COLOR = "#c0392b"
CLASH_COLOR = "#d63031"
INK = "#555555"
FAINT_INK = "#8a8a8a"
BACKGROUND = "#fcfbf8"
SEASONS = "season"  # the band key of the seasons


# -- shapes ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Font:
    size: float
    bold: bool = False
    italic: bool = False
    struck: bool = False


@dataclass(frozen=True)
class Box:
    """A rectangle, square or rounded, filled and/or outlined; ``pattern``
    ("hatched", "dotted") is drawn over the fill in ``pattern_color``."""
    x: float
    y: float
    width: float
    height: float
    fill: str = ""
    fill_alpha: float = 1.0
    pattern: str = ""
    pattern_color: str = ""
    stroke: str = ""
    stroke_width: float = 1.0
    dashed: bool = False
    radius: float = 0.0


@dataclass(frozen=True)
class Marker:
    """A milestone's shape: a closed polygon."""
    points: tuple[tuple[float, float], ...]
    fill: str
    fill_alpha: float
    stroke: str
    stroke_width: float = 1.0
    dashed: bool = False


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str
    alpha: float = 1.0
    width: float = 1.0


@dataclass(frozen=True)
class Text:
    """Text in a box, vertically centred, already cut to fit (with "…" only
    when the box truly lacks room)."""
    x: float
    y: float
    width: float
    height: float
    text: str
    color: str
    font: Font
    align: str = "left"  # "left", "center" or "right"


Shape = Box | Marker | Line | Text


# -- measures ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Metrics:
    """How big things are, in the renderer's units, and how wide text is."""
    measure: Callable[[str, Font], float]
    font_size: float = 9.0
    season_top: float = 4.0
    season_height: float = 24.0
    lanes_gap: float = 8.0
    row_height: float = 24.0
    bar_height: float = 18.0
    lane_padding: float = 5.0
    lane_gap: float = 3.0
    marker_size: float = 7.0
    label_gap: float = 5.0
    label_padding: float = 5.0
    #: A label beside its item is at most this wide, then cut with "…".
    max_label_width: float = 340.0
    ruler_height: float = 26.0

    @property
    def font(self) -> Font:
        return Font(self.font_size)

    def fit(self, text: str, width: float, font: Font) -> str:
        """``text`` cut with "…" to fit ``width`` (whole if it fits)."""
        if self.measure(text, font) <= width:
            return text
        low, high = 0, len(text)
        while low < high:  # the longest prefix that fits with the ellipsis
            middle = (low + high + 1) // 2
            if self.measure(text[:middle].rstrip() + "…", font) <= width:
                low = middle
            else:
                high = middle - 1
        return text[:low].rstrip() + "…" if low else ""

    def compact(self) -> Metrics:
        """The same with rows closer together: for a screen too short to show
        every lane at full height (a bar still holds a line of text)."""
        return replace(self, season_top=3.0, season_height=22.0, row_height=20.0,
                       bar_height=16.0, lane_padding=3.0)

    def height(self, lane_rows: Sequence[int]) -> float:
        """How tall a drawing is whose lanes hold ``lane_rows`` rows each."""
        return (self.season_top + self.season_height + self.lanes_gap + 2
                + sum(2 * self.lane_padding + rows * self.row_height + self.lane_gap
                      for rows in lane_rows))

    def to_fit(self, lane_rows: Sequence[int], room: float | None) -> Metrics:
        """These measures, or :meth:`compact` ones where only they fit every
        lane in ``room`` (a height; None: any)."""
        if room is None or self.height(lane_rows) <= room:
            return self
        compact = self.compact()
        return compact if compact.height(lane_rows) <= room else self


@dataclass(frozen=True)
class Scale:
    """Time across the drawing: ``origin`` at x = 0, ``per_day`` units a day."""
    origin: date
    per_day: float

    def x(self, day: date) -> float:
        return (day - self.origin).days * self.per_day

    def date_at(self, x: float) -> date:
        return self.origin + timedelta(days=round(x / self.per_day))

    @property
    def unit(self) -> Unit:
        """The step a drag snaps to at this scale."""
        return snap_unit(self.per_day)

    def steps(self, dx: float) -> int:
        """How many snapping steps a horizontal drag of ``dx`` covers."""
        return round(dx / self.per_day / self.unit.days)


def ruler_unit(per_day: float) -> str:
    """What the ruler counts at this scale: "Weeks", "Months", "Quarters",
    "Years" or "Decades" (the zoom control says the same)."""
    for name, least in (("Weeks", 2.2), ("Months", 0.55), ("Quarters", 0.3),
                        ("Years", 0.075)):
        if per_day >= least:
            return name
    return "Decades"


def snap_unit(per_day: float) -> Unit:
    """Drags move in steps a hand can aim at: weeks when close, quarters when far."""
    if per_day >= 2.0:
        return Unit.WEEK
    if per_day >= 0.3:
        return Unit.MONTH
    return Unit.QUARTER


# -- the drawing ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Band:
    """A horizontal band (the seasons, or a lane) and its title."""
    key: str
    title: str
    color: str
    top: float
    height: float


@dataclass
class Entry:
    """One phase, milestone or season: where it is (its bar or marker, the
    part a pointer takes hold of), how it is drawn, and what hovering says."""
    uuid: str
    kind: str  # "phase", "milestone" or "season"
    lane: str  # a lane key, or SEASONS
    start: date
    end: date | None
    x: float
    y: float
    width: float
    height: float
    shapes: list[Shape]
    tooltip: str
    style: Style | None = None
    color: str = ""


@dataclass(frozen=True)
class ClashArea:
    """Where a clash quarter is shaded (one lane it concerns) and why."""
    x: float
    y: float
    width: float
    height: float
    explanation: str
    shapes: tuple[Shape, ...]


@dataclass
class RoadmapDrawing:
    scale: Scale
    span: tuple[date, date]
    today: date
    bands: list[Band]
    entries: dict[str, Entry]
    clash_areas: list[ClashArea]
    #: Lane tints, the history before today, the grid and the today line,
    #: sorted by their left edge (see :meth:`background_between`).
    background: list[Shape]
    width: float
    height: float
    #: The measures it is drawn with (compact ones where the room is short).
    metrics: Metrics
    clashes: list[Clash] = field(default_factory=list)
    _lefts: list[float] = field(default_factory=list)

    def background_between(self, left: float, right: float) -> list[Shape]:
        """The background shapes that may show between two x positions."""
        if not self._lefts:
            self._lefts = [_left(shape) for shape in self.background]
        stop = bisect.bisect_right(self._lefts, right)
        return [s for s in self.background[:stop] if _right(s) >= left]

    def band(self, key: str) -> Band:
        return next(b for b in self.bands if b.key == key)

    @property
    def lane_rows(self) -> list[int]:
        """How many rows each lane holds, top to bottom."""
        m = self.metrics
        return [round((b.height - 2 * m.lane_padding) / m.row_height)
                for b in self.bands if b.key != SEASONS]

    def lane_at(self, y: float) -> str | None:
        for band in self.bands:
            if band.key != SEASONS and band.top - 2 <= y <= band.top + band.height + 2:
                return band.key
        return None


def _left(shape: Shape) -> float:
    if isinstance(shape, Line):
        return min(shape.x1, shape.x2)
    if isinstance(shape, Marker):
        return min(x for x, _y in shape.points)
    return shape.x


def _right(shape: Shape) -> float:
    if isinstance(shape, Line):
        return max(shape.x1, shape.x2)
    if isinstance(shape, Marker):
        return max(x for x, _y in shape.points)
    return shape.x + shape.width


def span_text(dates: DateFormat, start: date, end: date | None) -> str:
    return dates.text(start) if end is None else f"{dates.text(start)} – {dates.text(end)}"


class _Drafter:
    """Draws one plan at one scale (the state shared by the steps below)."""

    def __init__(self, pair: Sequence[Partner], scale: Scale, today: date, metrics: Metrics,
                 dates: DateFormat):
        self.pair, self.scale, self.today, self.m, self.dates = pair, scale, today, metrics, dates
        self.names = {p.uuid: p.name for p in pair}
        self.colors = {p.uuid: p.color for p in pair}
        self.label_font = metrics.font

    # -- labels --

    def label_width(self, style: Style) -> float:
        font = replace(self.label_font, struck=style.struck_out)
        return min(self.m.measure(style.label, font), self.m.max_label_width)

    def label_inside(self, style: Style, width: float) -> bool:
        font = replace(self.label_font, struck=style.struck_out)
        return self.m.measure(style.label, font) + 2 * self.m.label_padding <= width

    def room_after(self, item: RoadmapItem) -> float:
        """Days an item needs after its last day: its label, when beside it."""
        style = item_style(item, self.today)
        per_day, m = self.scale.per_day, self.m
        if item.end_date is None:
            needed = m.marker_size + m.label_gap + self.label_width(style) + 2 * m.marker_size
        else:
            width = (item.end_date - item.start_date).days * per_day
            needed = 2 * m.lane_gap if self.label_inside(style, width) else \
                m.label_gap + self.label_width(style) + m.marker_size
        return needed / per_day

    # -- entries --

    def tooltip(self, item: RoadmapItem) -> str:
        owner = self.names.get(item.partner_uuid or "", shared_lane()[0])
        status = status_labels()[item.status]
        draft = " · private draft, only you see it" if item.is_draft else ""
        return (f"{item.title}\n{kind_of(item).label} · {owner} · {status}{draft}\n"
                f"{span_text(self.dates, item.start_date, item.end_date)}"
                + (f"\n\n{item.notes}" if item.notes else ""))

    def phase(self, item: RoadmapItem, x: float, y: float, width: float, color: str,
              visible_left: float | None) -> list[Shape]:
        m, style = self.m, item_style(item, self.today)
        width = max(width, 3.0)
        fill = color
        outline = darker(color)
        dashed = style.outline_dashed or style.pattern == "dashed"
        shapes: list[Shape] = [Box(x, y, width, m.bar_height, fill=fill,
                                   fill_alpha=style.fill_alpha,
                                   pattern=style.pattern if style.pattern in PATTERNS else "",
                                   pattern_color=darker(color, 1.35), stroke=outline,
                                   dashed=dashed, radius=4.0)]
        shapes += self.phase_label(item, style, x, y, width, color, visible_left)
        return shapes

    def phase_label(self, item: RoadmapItem, style: Style, x: float, y: float, width: float,
                    color: str, visible_left: float | None) -> list[Shape]:
        """Inside the bar when it fits there (kept at the visible left edge
        when the bar starts off screen), else beside it."""
        m = self.m
        font = replace(self.label_font, struck=style.struck_out)
        if self.label_inside(style, width):
            left = x if visible_left is None else max(x, visible_left)
            room = x + width - left - 2 * m.label_padding
            if room < m.measure("…", font):
                return []
            text = m.fit(style.label, room, font)
            strong = style.fill_alpha >= 0.8
            background = seen_through(color, style.fill_alpha)
            ink = readable_text_color(background if strong else seen_through(color, 0.3))
            shapes: list[Shape] = []
            if style.pattern in PATTERNS:  # hatching never runs behind text
                shapes.append(Box(left + m.label_padding - 2, y + 3,
                                  m.measure(text, font) + 4, m.bar_height - 6,
                                  fill=background, radius=2.0))
            shapes.append(Text(left + m.label_padding, y, room, m.bar_height, text,
                               ink if strong or style.pattern in PATTERNS else DARK_TEXT, font))
            return shapes
        width_beside = self.label_width(style)
        text = m.fit(style.label, width_beside, font)
        ink = FAINT_INK if style.struck_out or style.draft else DARK_TEXT
        return [Text(x + width + m.label_gap, y, width_beside + 1, m.bar_height, text, ink, font)]

    def milestone(self, item: RoadmapItem, x: float, y: float, color: str) -> list[Shape]:
        m, style = self.m, item_style(item, self.today)
        cy, size = y + m.bar_height / 2, m.marker_size
        points = tuple((x + px * size, cy + py * size)
                       for px, py in MARKERS.get(kind_of(item).shape, MARKERS["diamond"]))
        faint = style.fill_alpha <= 0.2
        font = replace(self.label_font, struck=style.struck_out)
        width = self.label_width(style)
        return [Marker(points, color, max(style.fill_alpha, 0.25), darker(color, 1.4),
                       dashed=style.outline_dashed),
                Text(x + size + m.label_gap, y, width + 1, m.bar_height,
                     m.fit(style.label, width, font),
                     FAINT_INK if faint or style.draft else DARK_TEXT, font)]

    def season(self, season: Season, x: float, width: float) -> list[Shape]:
        m = self.m
        color = self.colors.get(season.leader_uuid, "#777777")
        leader = self.names.get(season.leader_uuid, "?")
        font = Font(m.font_size, bold=True)
        shapes: list[Shape] = [Box(x, m.season_top, max(width, 3.0), m.season_height,
                                   fill=color, fill_alpha=0.22, stroke=color, radius=6.0)]
        room = width - 2 * m.label_padding - 2
        if room > m.measure("…", font):
            shapes.append(Text(x + m.label_padding + 2, m.season_top, room, m.season_height,
                               m.fit(f"{leader} leads: {season.label}", room, font),
                               darker(color, 1.6), font))
        return shapes


#: The phase patterns a renderer draws over the fill.
PATTERNS = ("hatched", "dotted")


def draw_roadmap(pair: Sequence[Partner], items: Sequence[RoadmapItem],
                 seasons: Sequence[Season], clashes: Sequence[Clash], *, span: tuple[date, date],
                 per_day: float, today: date, metrics: Metrics,
                 dates: DateFormat | None = None, visible_left: float | None = None,
                 room: float | None = None) -> RoadmapDrawing:
    """The whole roadmap over ``span`` at ``per_day`` units a day. Labels of
    bars that start left of ``visible_left`` are kept at that edge. Rows are
    drawn closer together where only then every lane fits ``room`` (a height)."""
    dates = dates or DateFormat()
    scale = Scale(span[0], per_day)
    drafter = _Drafter(pair, scale, today, metrics, dates)
    # The rows are packed by widths alone: the same with compact measures.
    layout = layout_roadmap(pair, items, drafter.room_after)
    m = metrics.to_fit([lane.rows for lane in layout.lanes], room)
    if m is not metrics:
        drafter = _Drafter(pair, scale, today, m, dates)
    bands = [Band(SEASONS, "Seasons", INK, m.season_top, m.season_height)]
    top = m.season_top + m.season_height + m.lanes_gap
    for lane in layout.lanes:
        height = 2 * m.lane_padding + lane.rows * m.row_height
        bands.append(Band(lane.key, lane.title, lane.color, top, height))
        top += height + m.lane_gap
    width = scale.x(span[1])
    drawing = RoadmapDrawing(scale, span, today, bands, {}, [], [], width, top + 2, m,
                             list(clashes))
    for season in seasons:
        drawing.entries[season.uuid] = season_entry(drafter, season, season.start_date,
                                                    season.end_date)
    for item in items:
        placement = layout.placements[item.uuid]
        drawing.entries[item.uuid] = entry_for(drafter, drawing, item, placement.lane,
                                               placement.row, item.start_date, item.end_date,
                                               visible_left)
    # Labels beside the last items may reach past the plan's last day.
    drawing.width = max([width] + [_right(shape) + 8 for entry in drawing.entries.values()
                                   for shape in entry.shapes])
    drawing.clash_areas = _clash_areas(drawing, items, clashes)
    drawing.background = sorted(_background(drawing, m), key=_left)
    return drawing


def fit_per_day(items: Sequence[RoadmapItem], span: tuple[date, date], width: float,
                metrics: Metrics, today: date, most: float) -> float:
    """The scale (at most ``most``) at which the plan over ``span`` fits
    ``width``, with the labels beside its last items: without drawing it."""
    days = max(30, (span[1] - span[0]).days)
    per_day = min(most, width / days)
    beside = []
    for item in items:
        style = item_style(item, today)
        label = min(metrics.measure(style.label, replace(metrics.font, struck=style.struck_out)),
                    metrics.max_label_width) + metrics.label_gap + 2 * metrics.marker_size + 8
        end = (item.last_date - span[0]).days + 1
        length = 0 if item.end_date is None else (item.end_date - item.start_date).days + 1
        beside.append((end, length, label))
    for _ in range(2):  # a label goes beside its bar only when it doesn't fit inside
        needed = [(end, label) for end, length, label in beside
                  if not length or length * per_day < label - metrics.label_gap]
        per_day = min([per_day] + [(width - label) / end for end, label in needed
                                   if end > 0 and width > label])
    return max(per_day, 0.005)


def entry_for(drafter: _Drafter, drawing: RoadmapDrawing, item: RoadmapItem, lane: str,
              row: int, start: date, end: date | None,
              visible_left: float | None = None) -> Entry:
    """How ``item`` is drawn in ``lane`` and ``row``, from ``start`` to ``end``
    (its own dates, or where a drag is taking it)."""
    m, scale = drafter.m, drafter.scale
    band = drawing.band(lane)
    y = band.top + m.lane_padding + row * m.row_height + (m.row_height - m.bar_height) / 2
    x = scale.x(start)
    moved = _moved(item, start, end)
    color = item_color(moved, drafter.pair) if lane == lane_key(moved) else \
        next(c for k, _t, c in lane_order(drafter.pair) if k == lane)
    if end is None:
        shapes = drafter.milestone(moved, x, y, color)
        return Entry(item.uuid, "milestone", lane, start, None, x - m.marker_size, y,
                     2 * m.marker_size, m.bar_height, shapes, drafter.tooltip(moved),
                     item_style(moved, drafter.today), color)
    width = scale.x(end + timedelta(days=1)) - x
    shapes = drafter.phase(moved, x, y, width, color, visible_left)
    return Entry(item.uuid, "phase", lane, start, end, x, y, max(width, 3.0), m.bar_height,
                 shapes, drafter.tooltip(moved), item_style(moved, drafter.today), color)


def season_entry(drafter: _Drafter, season: Season, start: date, end: date) -> Entry:
    """How a season is drawn from ``start`` to ``end`` (its own, or a drag's)."""
    m, scale = drafter.m, drafter.scale
    x = scale.x(start)
    width = scale.x(end + timedelta(days=1)) - x
    leader = drafter.names.get(season.leader_uuid, "?")
    return Entry(season.uuid, "season", SEASONS, start, end, x, m.season_top, max(width, 3.0),
                 m.season_height, drafter.season(season, x, width),
                 f"{leader} leads: {season.label}\n{span_text(drafter.dates, start, end)}"
                 + (f"\n\n{season.notes}" if season.notes else ""),
                 color=drafter.colors.get(season.leader_uuid, "#777777"))


def _moved(item: RoadmapItem, start: date, end: date | None) -> RoadmapItem:
    if (item.start_date, item.end_date) == (start, end):
        return item
    copy = item.copy()
    copy.start_date, copy.end_date = start, end
    return copy


class Redrawer:
    """Draws single entries again on a drawing already made: a drag's preview,
    a label kept at the visible edge while scrolling."""

    def __init__(self, pair: Sequence[Partner], drawing: RoadmapDrawing, metrics: Metrics,
                 dates: DateFormat | None = None):
        self.drawing = drawing
        self.drafter = _Drafter(pair, drawing.scale, drawing.today, metrics, dates or DateFormat())

    def entry(self, item: RoadmapItem, lane: str, row: int, start: date, end: date | None,
              visible_left: float | None = None) -> Entry:
        return entry_for(self.drafter, self.drawing, item, lane, row, start, end, visible_left)

    def season(self, season: Season, start: date, end: date) -> Entry:
        return season_entry(self.drafter, season, start, end)


def _clash_areas(drawing: RoadmapDrawing, items: Sequence[RoadmapItem],
                 clashes: Sequence[Clash]) -> list[ClashArea]:
    """Each clash quarter shaded in the lanes it concerns, not across them all."""
    lanes = {item.uuid: lane_key(item) for item in items}
    areas = []
    for clash in clashes:
        x0, x1 = drawing.scale.x(clash.start), drawing.scale.x(clash.end)
        explanation = clash.explanation()
        concerned = {lanes.get(uuid) for uuid in clash.item_uuids}
        for band in drawing.bands:
            if band.key in concerned:
                shapes = (Box(x0, band.top, x1 - x0, band.height, fill=CLASH_COLOR,
                              fill_alpha=0.13),
                          Line(x0, band.top, x0, band.top + band.height, CLASH_COLOR, 0.55),
                          Line(x1, band.top, x1, band.top + band.height, CLASH_COLOR, 0.55))
                areas.append(ClashArea(x0, band.top, x1 - x0, band.height, explanation,
                                       shapes))
    return areas


def _background(drawing: RoadmapDrawing, m: Metrics) -> list[Shape]:
    scale, (first, last) = drawing.scale, drawing.span
    left, right = 0.0, drawing.width
    top, bottom = 0.0, drawing.height
    shapes: list[Shape] = [Box(left, top, right - left, bottom - top, fill=BACKGROUND)]
    for band in drawing.bands[1:]:
        shapes.append(Box(left, band.top, right - left, band.height, fill=band.color,
                          fill_alpha=0.06))
    today_x = scale.x(drawing.today)
    if today_x > left:  # the career history: everything before today
        shapes.append(Box(left, top, min(today_x, right) - left, bottom - top, fill="#000000",
                          fill_alpha=0.05))
    months = 1 if scale.per_day * DAYS_PER_MONTH >= 24 else (
        3 if scale.per_day * 3 * DAYS_PER_MONTH >= 24 else 12)
    day = date(first.year, 1, 1)
    while day <= last:
        x = scale.x(day)
        if x >= left:
            shapes.append(Line(x, top, x, bottom, "#000000", 0.16 if day.month == 1 else 0.06))
        day = add_months(day, months)
    if left <= today_x <= right:
        shapes.append(Line(today_x, top, today_x, bottom, TODAY_COLOR, 1.0, 1.6))
    return shapes


# -- the ruler -----------------------------------------------------------------------------

def ruler(drawing: RoadmapDrawing, left: float, right: float, metrics: Metrics,
          dates: DateFormat | None = None) -> list[Shape]:
    """The time ruler between two x positions: two lines of labels (the
    larger unit above, the ruler's own unit below), ticks, the clash quarters
    marked in red, and "Today"; no label ever overlaps another."""
    dates = dates or DateFormat()
    scale, m = drawing.scale, metrics
    unit = ruler_unit(scale.per_day)
    first, last = scale.date_at(left), scale.date_at(right)
    height = m.ruler_height
    shapes: list[Shape] = [Box(left, 0, right - left, height, fill="#f3f1ec")]
    taken: dict[float, list[tuple[float, float]]] = {0.0: [], height / 2: []}
    font, bold = Font(m.font_size), Font(m.font_size, bold=True)

    def place(x: float, y: float, text: str, label_font: Font, color: str = INK,
              until: float | None = None) -> None:
        """A label centred in its unit (from ``x`` to ``until``) when it fits
        there, else right of its tick; never touching one already placed on
        its line (the first placed win: "Today" is placed first)."""
        width = m.measure(text, label_font)
        if until is not None and until - x >= width + 8:
            x = (x + until - width) / 2 - 2
        box = (x + 2, x + 4 + width)
        if box[1] > right or any(a < box[1] + 6 and box[0] < b + 6 for a, b in taken[y]):
            return
        taken[y].append(box)
        shapes.append(Text(x + 2, y, width + 2, height / 2, text, color, label_font))

    for clash in drawing.clashes:
        x0, x1 = scale.x(clash.start), scale.x(clash.end)
        if x1 >= left and x0 <= right:
            shapes.append(Box(x0, height - 4, x1 - x0, 4, fill=CLASH_COLOR, fill_alpha=0.7))
    today_x = scale.x(drawing.today)
    if left <= today_x <= right:
        shapes.append(Line(today_x, 0, today_x, height, TODAY_COLOR, 1.0, 1.6))
        place(today_x, 0, "Today", bold, TODAY_COLOR)
    upper: list[tuple[float, str]] = []
    lower: list[tuple[float, str, bool]] = []  # x, text, major tick
    if unit == "Weeks":
        month = date(first.year, first.month, 1)
        while month <= last:
            upper.append((scale.x(month), dates.month(month)))
            month = add_months(month, 1)
        monday = first - timedelta(days=first.weekday())
        while monday <= last:
            lower.append((scale.x(monday), str(monday.day), monday.day <= 7))
            monday += timedelta(days=7)
    elif unit in ("Months", "Quarters"):
        step = 1 if unit == "Months" else 3
        year = date(first.year, 1, 1)
        while year <= last:
            upper.append((scale.x(year), str(year.year)))
            year = date(year.year + 1, 1, 1)
        month = date(first.year, 1, 1)
        while month <= last:
            text = dates.short_months[month.month - 1] if step == 1 else \
                quarter_name(month).split()[0]
            lower.append((scale.x(month), text, month.month == 1))
            month = add_months(month, step)
    else:
        every = 1 if unit == "Years" else 10
        number = first.year - first.year % every
        while number <= last.year:
            lower.append((scale.x(date(number, 1, 1)), str(number), number % 10 == 0))
            number += every
        if unit == "Decades":
            for y in range(first.year, last.year + 1):
                x = scale.x(date(y, 1, 1))
                shapes.append(Line(x, height - 4, x, height, FAINT_INK))
    for x, text in upper:
        shapes.append(Line(x, 0, x, height / 2, FAINT_INK))
        place(x, 0, text, bold)
    step_x = lower[1][0] - lower[0][0] if len(lower) > 1 else 0.0
    for x, text, major in lower:
        shapes.append(Line(x, height - (9 if major else 5), x, height, INK if major else FAINT_INK))
        place(x, height / 2, text, font, until=x + step_x if unit != "Decades" else None)
    return shapes

