"""The roadmap's graphics scene: shows the drawing of the plan
(:mod:`report.roadmap_drawing`), and turns a drag into one proposed change
(new dates, new lane), previewed with the same drawing rules.

The scene never writes to the plan: when a drag ends it emits
:attr:`RoadmapScene.drag_finished`, and the tab turns that into an edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRect, QRectF, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

from models.calendar import DateFormat
from models.partners import Partner
from models.roadmap import RoadmapItem, Season, moved
from models.roadmap_insight import Clash
from models.roadmap_layout import lane_key
from report.roadmap_drawing import (
    SEASONS,
    Band,
    Metrics,
    Redrawer,
    RoadmapDrawing,
    Scale,
    draw_roadmap,
    span_text,
)
from ui.roadmap.items import ClashItem, TimeItem, item_for
from ui.roadmap.painter import paint_shapes, screen_metrics
from ui.style import STRONG_INK


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


class RoadmapScene(QGraphicsScene):
    #: uuid, new start, new end (or None), new lane key: a finished drag.
    drag_finished = Signal(str, object, object, str)
    edit_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.metrics: Metrics = screen_metrics()
        self.dates = DateFormat()
        self.drawing: RoadmapDrawing | None = None
        self._redrawer: Redrawer | None = None
        self.entries: dict[str, TimeItem] = {}
        self._models: dict[str, RoadmapItem | Season] = {}
        self._rows: dict[str, int] = {}
        self._clamped: set[str] = set()
        self._visible_left: float | None = None
        self.drag: Drag | None = None
        self.clear_plan()

    # -- what the tab and the view read --

    @property
    def scale(self) -> Scale:
        return self.drawing.scale if self.drawing else Scale(date(2000, 1, 1), 0.2)

    @property
    def today(self) -> date:
        return self.drawing.today if self.drawing else date.today()

    @property
    def bands(self) -> list[Band]:
        return self.drawing.bands if self.drawing else []

    def band(self, key: str) -> Band:
        assert self.drawing is not None
        return self.drawing.band(key)

    def lane_at(self, y: float) -> str | None:
        return self.drawing.lane_at(y) if self.drawing else None

    def clear_plan(self) -> None:
        """Remove everything (the items are deleted with it)."""
        self.drag = None
        self.clear()
        self.entries, self._models, self._rows, self._clamped = {}, {}, {}, set()
        self.drawing = None
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
                per_day: float, today: date, dates: DateFormat | None = None,
                room: float | None = None) -> None:
        """The plan drawn anew (``room``: the height to fit every lane in,
        with rows drawn closer together if need be)."""
        selected = {i.uuid for i in self.selectedItems() if isinstance(i, TimeItem)}
        self.cancel_drag()
        self.clear_plan()
        self.dates = dates or self.dates
        self.drawing = draw_roadmap(pair, items, seasons, clashes, span=span, per_day=per_day,
                                    today=today, metrics=self.metrics, dates=self.dates,
                                    visible_left=self._visible_left, room=room)
        drawn = self.drawing.metrics
        self._redrawer = Redrawer(pair, self.drawing, drawn, self.dates)
        self._models = {**{s.uuid: s for s in seasons}, **{i.uuid: i for i in items}}
        for uuid, entry in self.drawing.entries.items():
            item = item_for(entry)
            self.entries[uuid] = item
            self.addItem(item)
            if entry.kind != "season":
                self._rows[uuid] = round((entry.y - self.band(entry.lane).top
                                          - drawn.lane_padding) / drawn.row_height)
        for area in self.drawing.clash_areas:
            self.addItem(ClashItem(area))
        self._clamped = {uuid for uuid in self.entries if self._crosses(uuid)}
        self.setSceneRect(QRectF(0, 0, self.drawing.width, self.drawing.height))
        for uuid in selected & self.entries.keys():
            self.entries[uuid].setSelected(True)
        # The background depends on the scale and the lanes: repaint all of it.
        self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.AllLayers)
        self.update()

    def _crosses(self, uuid: str) -> bool:
        """A phase whose bar starts left of the visible edge and goes on past it."""
        entry = self.entries[uuid].entry
        left = self._visible_left
        return (entry.kind == "phase" and left is not None
                and entry.x < left < entry.x + entry.width)

    def set_visible_left(self, left: float) -> None:
        """The view scrolled: labels of bars that start off screen stay at
        its left edge (the drawing's rule), and move back when they no longer need to."""
        self._visible_left = left
        if self.drawing is None:
            return
        crossing = {uuid for uuid in self.entries if self._crosses(uuid)}
        for uuid in crossing | self._clamped:
            item = self.entries[uuid]
            if self.drag is not None and self.drag.item is item:
                continue
            self._place(item, item.start, item.end, item.lane)
        self._clamped = crossing

    # -- dragging -------------------------------------------------------------------

    def _place(self, item: TimeItem, start: date, end: date | None, lane: str) -> None:
        """Draw ``item`` where these dates and this lane put it."""
        model = self._models.get(item.uuid)
        if self._redrawer is None or model is None:
            return
        if isinstance(model, Season):
            assert end is not None
            item.set_entry(self._redrawer.season(model, start, end))
            return
        # In another lane, its first row: over whatever is there until dropped.
        row = self._rows.get(item.uuid, 0) if lane == lane_key(model) else 0
        item.set_entry(self._redrawer.entry(model, lane, row, start, end, self._visible_left))

    def begin_drag(self, entry: TimeItem, mode: str, press: QPointF) -> None:
        self.drag = Drag(entry, mode, press, entry.start, entry.end, entry.lane,
                         entry.start, entry.end, entry.lane)
        entry.setZValue(50)

    def drag_to(self, point: QPointF) -> None:
        drag = self.drag
        if drag is None:
            return
        steps = self.scale.steps(point.x() - drag.press.x())
        start, end = moved(drag.start, drag.end, self.scale.unit, steps, drag.mode)
        lane = drag.lane
        target = self.lane_at(point.y())
        if drag.mode == "move" and lane != SEASONS and target is not None:
            lane = target  # "" is the shared lane: test for None, not falsiness
        if (start, end, lane) == (drag.new_start, drag.new_end, drag.new_lane):
            return
        drag.new_start, drag.new_end, drag.new_lane = start, end, lane
        self._place(drag.item, start, end, lane)
        text = span_text(self.dates, start, end)
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
        model = self._models.get(uuid)
        item = self.entries.get(uuid)
        if item is not None and model is not None:
            if isinstance(model, Season):
                self._place(item, model.start_date, model.end_date, SEASONS)
            else:
                self._place(item, model.start_date, model.end_date, lane_key(model))

    # -- painting ---------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, exposed: QRectF | QRect) -> None:
        rect = QRectF(exposed)
        painter.fillRect(rect, QColor("#fcfbf8"))
        if self.drawing is None:
            return
        painter.save()
        painter.setClipRect(rect)
        # Straight edges only: no antialiasing (it would cost more than all the items).
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        paint_shapes(painter, self.drawing.background_between(rect.left(), rect.right()))
        painter.restore()

