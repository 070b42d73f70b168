"""The roadmap's graphics scene: places the plan's items by the shared layout
rules, and turns a drag into one proposed change (new dates, new lane).

The scene never writes to the plan: when a drag ends it emits
:attr:`RoadmapScene.drag_finished`, and the tab turns that into an edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRect, QRectF, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

from models.calendar import add_months
from models.partners import Partner
from models.roadmap import RoadmapItem, Season, moved, status_labels
from models.roadmap_insight import Clash
from models.roadmap_layout import (
    RoadmapLayout,
    item_color,
    item_style,
    kind_of,
    lane_key,
    layout_roadmap,
)
from ui.roadmap.items import BAR_HEIGHT, ClashItem, MilestoneItem, PhaseItem, SeasonItem, TimeItem
from ui.roadmap.scale import TimeScale
from ui.style import INK, STRONG_INK, TODAY_COLOR

SEASON_TOP = 6.0
SEASON_HEIGHT = 26.0
LANES_TOP = SEASON_TOP + SEASON_HEIGHT + 10
ROW_HEIGHT = 28.0
LANE_PADDING = 8.0
MILESTONE_ROOM = 170.0  # pixels a milestone's marker and label take


@dataclass(frozen=True)
class Band:
    """A horizontal band (the seasons, or a lane) for the lane header to label."""
    key: str
    title: str
    color: str
    top: float
    height: float


@dataclass
class Drag:
    item: TimeItem
    mode: str  # "move", "start" or "end"
    press: QPointF
    start: date
    end: date | None
    lane: str
    new_start: date
    new_end: date | None
    new_lane: str


def date_text(day: date) -> str:
    return f"{day.day} {day.strftime('%b %Y')}"


def span_text(start: date, end: date | None) -> str:
    return date_text(start) if end is None else f"{date_text(start)} – {date_text(end)}"


class RoadmapScene(QGraphicsScene):
    #: uuid, new start, new end (or None), new lane key: a finished drag.
    drag_finished = Signal(str, object, object, str)
    edit_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.scale = TimeScale(date(2000, 1, 1), 0.2)
        self.bands: list[Band] = []
        self.entries: dict[str, TimeItem] = {}
        self.today = date.today()
        self.drag: Drag | None = None
        self.layout: RoadmapLayout | None = None
        self._span = (date(2000, 1, 1), date(2030, 1, 1))
        self.clear_plan()

    def clear_plan(self) -> None:
        """Remove everything (the items are deleted with it)."""
        self.drag = None
        self.clear()
        self.entries = {}
        self.bands = []
        # Shows the dates while dragging; remade here because clear() deletes it.
        self._drag_label = QGraphicsSimpleTextItem()
        self._drag_label.setZValue(100)
        font = QFont()
        font.setBold(True)
        self._drag_label.setFont(font)
        self._drag_label.setBrush(QColor(STRONG_INK))
        self._drag_label.hide()
        self.addItem(self._drag_label)

    # -- building ---------------------------------------------------------------------

    def rebuild(self, pair: Sequence[Partner], items: Sequence[RoadmapItem],
                seasons: Sequence[Season], clashes: Sequence[Clash], span: tuple[date, date],
                scale: TimeScale, today: date) -> None:
        selected = {i.uuid for i in self.selectedItems() if isinstance(i, TimeItem)}
        self.cancel_drag()
        self.clear_plan()
        self.scale, self.today, self._span = scale, today, span
        self.layout = layout_roadmap(pair, items, MILESTONE_ROOM / scale.px_per_day)
        names = {p.uuid: p.name for p in pair}
        colors = {p.uuid: p.color for p in pair}

        self.bands = [Band("season", "Seasons", INK, SEASON_TOP, SEASON_HEIGHT)]
        top = LANES_TOP
        for lane in self.layout.lanes:
            height = 2 * LANE_PADDING + lane.rows * ROW_HEIGHT
            self.bands.append(Band(lane.key, lane.title, lane.color, top, height))
            top += height + 4
        bottom = top

        for season in seasons:
            leader = names.get(season.leader_uuid, "?")
            tooltip = (f"{leader} leads: {season.label}\n{span_text(season.start_date, season.end_date)}"
                       + (f"\n\n{season.notes}" if season.notes else ""))
            self._add(SeasonItem(season.uuid, season.start_date, season.end_date,
                                 colors.get(season.leader_uuid, "#777777"), tooltip,
                                 f"{leader} leads: {season.label}", SEASON_HEIGHT))
        for item in items:
            kind = kind_of(item)
            style = item_style(item, today)
            owner = names.get(item.partner_uuid or "", "Our life")
            status = status_labels()[item.status]
            tooltip = (f"{item.title}\n{kind.label} · {owner} · {status}\n"
                       f"{span_text(item.start_date, item.end_date)}"
                       + (f"\n\n{item.notes}" if item.notes else ""))
            color = item_color(item, pair)
            entry: TimeItem
            if item.end_date is not None:
                entry = PhaseItem(item.uuid, item.start_date, item.end_date, color, tooltip,
                                  style, lane_key(item))
            else:
                entry = MilestoneItem(item.uuid, item.start_date, color, tooltip, style,
                                      kind.shape, lane_key(item), MILESTONE_ROOM - 16)
            self._add(entry)
        for clash in clashes:
            x0, x1 = scale.x(clash.start), scale.x(clash.end)
            band = ClashItem(x1 - x0, bottom - LANES_TOP + 4, clash.explanation())
            band.setPos(x0, LANES_TOP - 4)
            self.addItem(band)
        self.setSceneRect(QRectF(scale.x(span[0]), 0, scale.x(span[1]) - scale.x(span[0]),
                                 bottom + 6))
        for uuid in selected & self.entries.keys():
            self.entries[uuid].setSelected(True)
        # The background (lanes, grid, today, history) depends on the scale
        # and the lanes: repaint all of it, not just where items changed.
        self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.AllLayers)
        self.update()

    def _add(self, entry: TimeItem) -> None:
        self.entries[entry.uuid] = entry
        self.addItem(entry)
        self._place(entry, entry.start, entry.end, getattr(entry, "lane", "season"))

    def band(self, key: str) -> Band:
        return next(b for b in self.bands if b.key == key)

    def _place(self, entry: TimeItem, start: date, end: date | None, lane: str) -> None:
        """Put ``entry`` where these dates and this lane belong."""
        x = self.scale.x(start)
        if isinstance(entry, SeasonItem):
            entry.setPos(x, SEASON_TOP)
        else:
            band = self.band(lane)
            placement = self.layout.placements.get(entry.uuid) if self.layout else None
            row = placement.row if placement and placement.lane == lane else 0
            entry.setPos(x, band.top + LANE_PADDING + row * ROW_HEIGHT
                         + (ROW_HEIGHT - BAR_HEIGHT) / 2)
        if isinstance(entry, PhaseItem | SeasonItem) and end is not None:  # spans only
            entry.set_width(self.scale.x(end) - x)

    def lane_at(self, y: float) -> str | None:
        for band in self.bands[1:]:
            if band.top - 2 <= y <= band.top + band.height + 2:
                return band.key
        return None

    # -- dragging -------------------------------------------------------------------

    def begin_drag(self, entry: TimeItem, mode: str, press: QPointF) -> None:
        lane = getattr(entry, "lane", "season")
        self.drag = Drag(entry, mode, press, entry.start, entry.end, lane,
                         entry.start, entry.end, lane)
        entry.setZValue(50)

    def drag_to(self, point: QPointF) -> None:
        drag = self.drag
        if drag is None:
            return
        steps = self.scale.steps(point.x() - drag.press.x())
        start, end = moved(drag.start, drag.end, self.scale.unit, steps, drag.mode)
        lane = drag.lane
        target = self.lane_at(point.y())
        if drag.mode == "move" and lane != "season" and target is not None:
            lane = target  # "" is the shared lane: test for None, not falsiness
        if (start, end, lane) == (drag.new_start, drag.new_end, drag.new_lane):
            return
        drag.new_start, drag.new_end, drag.new_lane = start, end, lane
        self._place(drag.item, start, end, lane)
        text = span_text(start, end)
        if lane != drag.lane:
            text += f"  →  {self.band(lane).title}"
        self._drag_label.setText(text)
        self._drag_label.setPos(drag.item.pos() + QPointF(0, -18))
        self._drag_label.show()

    def finish_drag(self) -> None:
        drag, self.drag = self.drag, None
        if drag is None:
            return
        self._drag_label.hide()
        drag.item.setZValue(0)
        if (drag.new_start, drag.new_end, drag.new_lane) != (drag.start, drag.end, drag.lane):
            self.drag_finished.emit(drag.item.uuid, drag.new_start, drag.new_end, drag.new_lane)

    def cancel_drag(self) -> bool:
        """Put the dragged item back (Escape); True if a drag was under way."""
        drag, self.drag = self.drag, None
        if drag is None:
            return False
        self._drag_label.hide()
        drag.item.setZValue(0)
        self._place(drag.item, drag.start, drag.end, drag.lane)
        drag.item.ungrabMouse()
        return True

    def request_edit(self, uuid: str) -> None:
        """An item was double-clicked: the tab opens its editor."""
        self.edit_requested.emit(uuid)

    def restore(self, uuid: str) -> None:
        """Undo a drag's preview after the plan refused it."""
        entry = self.entries.get(uuid)
        if entry is not None:
            self._place(entry, entry.start, entry.end, getattr(entry, "lane", "season"))

    # -- painting ---------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, exposed: QRectF | QRect) -> None:
        rect = QRectF(exposed)
        painter.fillRect(rect, QColor("#fcfbf8"))
        for band in self.bands[1:]:
            color = QColor(band.color)
            color.setAlphaF(0.06)
            painter.fillRect(QRectF(rect.left(), band.top, rect.width(), band.height), color)
        today_x = self.scale.x(self.today)
        if rect.left() < today_x:  # the career history: everything before today
            painter.fillRect(QRectF(rect.left(), rect.top(), today_x - rect.left(),
                                    rect.height()), QColor(0, 0, 0, 14))
        self._draw_grid(painter, rect)
        painter.setPen(QPen(QColor(TODAY_COLOR), 1.6))
        painter.drawLine(QPointF(today_x, rect.top()), QPointF(today_x, rect.bottom()))

    def _draw_grid(self, painter: QPainter, rect: QRectF) -> None:
        first = self.scale.date_at(rect.left())
        last = self.scale.date_at(rect.right())
        months = 1 if self.scale.px_per_day * 30 >= 24 else (3 if self.scale.px_per_day * 91 >= 24
                                                           else 12)
        day = date(first.year, 1, 1)
        while day <= last:
            x = self.scale.x(day)
            year_line = day.month == 1
            painter.setPen(QPen(QColor(0, 0, 0, 40 if year_line else 16), 1))
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            day = add_months(day, months)

