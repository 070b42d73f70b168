"""The things on the roadmap a couple takes hold of: phases, milestones,
seasons, and the clash shading that explains itself on hover. Each paints
the shapes the drawing (:mod:`report.roadmap_drawing`) gives it and reports
gestures; the scene decides what they mean."""

from __future__ import annotations

from datetime import date
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from models.roadmap_layout import MARKERS, Style
from report.roadmap_drawing import ClashArea, Entry, Line, Marker, Shape
from ui.roadmap.painter import PATTERN_BRUSHES, paint_shapes
from ui.style import STRONG_INK, plain_tip

EDGE_GRIP = 6.0


def paint_kind(painter: QPainter, shape: str, pattern: str, rect: QRectF, color: QColor) -> None:
    """A kind's glyph (a phase's bar with its pattern, or a milestone's marker)
    for the legend and the editors' lists, drawn as on the chart."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if shape == "phase":
        bar = QRectF(rect.left() + 1, rect.center().y() - rect.height() * 0.25,
                     rect.width() - 2, rect.height() * 0.5)
        light = QColor(color)
        light.setAlphaF(0.35 if pattern in PATTERN_BRUSHES else 0.85)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(light)
        painter.drawRoundedRect(bar, 2, 2)
        if pattern in PATTERN_BRUSHES:
            painter.setBrush(QBrush(color, PATTERN_BRUSHES[pattern]))
            painter.drawRoundedRect(bar, 2, 2)
        pen = QPen(color.darker(130), 1)
        if pattern == "dashed":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(bar, 2, 2)
    else:
        painter.setPen(QPen(color.darker(130), 1))
        painter.setBrush(color)
        size = min(rect.width(), rect.height()) / 2 - 1
        painter.drawPath(marker_path(shape, rect.center(), size))
    painter.restore()


def marker_path(shape: str, center: QPointF, size: float) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(center.x() + x * size, center.y() + y * size)
                               for x, y in MARKERS.get(shape, MARKERS["diamond"])]))
    path.closeSubpath()
    return path


@runtime_checkable
class GestureHost(Protocol):
    """What an item asks of the scene it is in: the scene decides what a
    gesture means (the items know nothing more of it)."""

    def begin_drag(self, entry: TimeItem, mode: str, press: QPointF) -> None: ...

    def drag_to(self, point: QPointF) -> None: ...

    def finish_drag(self) -> None: ...

    def request_edit(self, uuid: str) -> None: ...


class TimeItem(QGraphicsItem):
    """One entry of the drawing (a phase, a milestone or a season), placed at
    its bar or marker, painting the entry's shapes; it can be selected,
    dragged and edited. Its tooltip is plain text, shown as typed."""

    def __init__(self, entry: Entry):
        super().__init__()
        self.uuid = entry.uuid
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        self._bounds = QRectF()
        self.set_entry(entry)

    def set_entry(self, entry: Entry) -> None:
        """Draw it as ``entry`` says (after a refresh, or while dragged)."""
        self.prepareGeometryChange()
        self.entry = entry
        self.setPos(entry.x, entry.y)
        left, top = min(_left(s) for s in entry.shapes), min(_top(s) for s in entry.shapes)
        right = max(_right(s) for s in entry.shapes)
        bottom = max(_bottom(s) for s in entry.shapes)
        self._bounds = QRectF(left - entry.x - 2, top - entry.y - 2, right - left + 4,
                              bottom - top + 4)
        self.setToolTip(plain_tip(entry.tooltip))
        self.update()

    # What the scene and tests read of an entry.
    @property
    def start(self) -> date:
        return self.entry.start

    @property
    def end(self) -> date | None:
        return self.entry.end

    @property
    def lane(self) -> str:
        return self.entry.lane

    @property
    def width(self) -> float:
        return self.entry.width

    @property
    def style(self) -> Style | None:
        return self.entry.style

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-self.entry.x, -self.entry.y)
        paint_shapes(painter, self.entry.shapes)
        if self.isSelected():
            entry = self.entry
            painter.setPen(QPen(QColor(STRONG_INK), 2.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(entry.x - 1, entry.y - 1, entry.width + 2,
                                           entry.height + 2), 4, 4)

    def host(self) -> GestureHost | None:
        """The scene, when it takes gestures (a plain scene only shows the item)."""
        scene = self.scene()
        return scene if isinstance(scene, GestureHost) else None

    def grip_at(self, x: float) -> str:
        """"start" or "end" when the pointer is on a resizable edge of a span
        (``x`` from its start), else "move"."""
        if self.entry.kind != "milestone" and self.width > 3 * EDGE_GRIP:
            if 0 <= x <= EDGE_GRIP:
                return "start"
            if self.width - EDGE_GRIP <= x <= self.width:
                return "end"
        return "move"

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        grip = self.grip_at(event.pos().x())
        self.setCursor(Qt.CursorShape.SizeHorCursor if grip != "move"
                       else Qt.CursorShape.OpenHandCursor)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)  # selection
        host = self.host()
        if host is not None and event.button() == Qt.MouseButton.LeftButton:
            host.begin_drag(self, self.grip_at(event.pos().x()), event.scenePos())
            event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        host = self.host()
        if host is not None:
            host.drag_to(event.scenePos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        host = self.host()
        if host is not None and event.button() == Qt.MouseButton.LeftButton:
            host.finish_drag()
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        host = self.host()
        if host is not None:
            host.request_edit(self.uuid)


class PhaseItem(TimeItem):
    """A phase's bar, its label inside it or beside it."""


class MilestoneItem(TimeItem):
    """A milestone's marker at its date, its label to the right."""


class SeasonItem(TimeItem):
    """A band across the top: which career leads, when."""


def item_for(entry: Entry) -> TimeItem:
    kinds: dict[str, type[TimeItem]] = {"phase": PhaseItem, "milestone": MilestoneItem,
                                        "season": SeasonItem}
    return kinds[entry.kind](entry)


class ClashItem(QGraphicsItem):
    """A quarter in which both careers face demanding transitions, shaded in
    one lane it concerns; hover says why."""

    def __init__(self, area: ClashArea):
        super().__init__()
        self.area = area
        self.setPos(area.x, area.y)
        self.setToolTip(plain_tip(area.explanation))  # it quotes titles and names
        self.setZValue(-5)
        self.setAcceptHoverEvents(True)
        # Tall (a whole lane) and many: paint only what is exposed.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:
        return QRectF(-1, 0, self.area.width + 2, self.area.height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # straight edges
        painter.setClipRect(option.exposedRect)
        painter.translate(-self.area.x, -self.area.y)
        paint_shapes(painter, self.area.shapes)


def _left(shape: Shape) -> float:
    return min(_xs(shape))


def _right(shape: Shape) -> float:
    return max(_xs(shape))


def _top(shape: Shape) -> float:
    return min(_ys(shape))


def _bottom(shape: Shape) -> float:
    return max(_ys(shape))


def _xs(shape: Shape) -> list[float]:
    if isinstance(shape, Marker):
        return [x for x, _y in shape.points]
    if isinstance(shape, Line):
        return [shape.x1, shape.x2]
    return [shape.x, shape.x + shape.width]


def _ys(shape: Shape) -> list[float]:
    if isinstance(shape, Marker):
        return [y for _x, y in shape.points]
    if isinstance(shape, Line):
        return [shape.y1, shape.y2]
    return [shape.y, shape.y + shape.height]
