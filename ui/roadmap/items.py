"""The shapes on the roadmap: phase bars, milestone markers, season bands,
clash highlights. They paint and report gestures; the scene decides."""

from __future__ import annotations

from datetime import date
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
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
from ui.style import DARK_TEXT, STRONG_INK, clash_color, plain_tip, readable_text_color

BAR_HEIGHT = 20.0
MARKER_SIZE = 8.0
EDGE_GRIP = 6.0

#: How each phase pattern of the kinds' data is drawn.
PATTERN_BRUSHES = {
    "hatched": Qt.BrushStyle.BDiagPattern,
    "dotted": Qt.BrushStyle.Dense6Pattern,
}


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


def text_color(color: QColor, alpha: float) -> QColor:
    """A bar's label: on a strong fill, whichever reads on its colour; on a
    faint one, dark, as on the chart's light background."""
    return QColor(readable_text_color(color) if alpha >= 0.8 else DARK_TEXT)


@runtime_checkable
class GestureHost(Protocol):
    """What an item asks of the scene it is in: the scene decides what a
    gesture means (the items know nothing more of it)."""

    def begin_drag(self, entry: TimeItem, mode: str, press: QPointF) -> None: ...

    def drag_to(self, point: QPointF) -> None: ...

    def finish_drag(self) -> None: ...

    def request_edit(self, uuid: str) -> None: ...


class TimeItem(QGraphicsItem):
    """Something with dates that can be selected, dragged and edited. Its
    ``tooltip`` is plain text (it quotes titles and notes), shown as typed."""

    def __init__(self, uuid: str, start: date, end: date | None, color: str, tooltip: str):
        super().__init__()
        self.uuid = uuid
        self.start = start
        self.end = end
        self.color = QColor(color)
        self.setToolTip(plain_tip(tooltip))
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        self.width = 0.0

    def set_width(self, width: float) -> None:
        """For spans: the pixels from start to end (a sliver at least)."""
        self.prepareGeometryChange()
        self.width = max(width, 3.0)

    def host(self) -> GestureHost | None:
        """The scene, when it takes gestures (a plain scene only shows the item)."""
        scene = self.scene()
        return scene if isinstance(scene, GestureHost) else None

    def grip_at(self, x: float) -> str:
        """"start" or "end" when the pointer is on a resizable edge, else "move"."""
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
    def __init__(self, uuid: str, start: date, end: date, color: str, tooltip: str,
                 style: Style, lane: str):
        super().__init__(uuid, start, end, color, tooltip)
        self.style = style
        self.lane = lane

    def boundingRect(self) -> QRectF:
        return QRectF(-1, -1, self.width + 2, BAR_HEIGHT + 2)

    def grip_at(self, x: float) -> str:
        if self.width > 3 * EDGE_GRIP:
            if x <= EDGE_GRIP:
                return "start"
            if x >= self.width - EDGE_GRIP:
                return "end"
        return "move"

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        rect = QRectF(0, 0, self.width, BAR_HEIGHT)
        fill = QColor(self.color)
        fill.setAlphaF(self.style.fill_alpha)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 4, 4)
        pattern = PATTERN_BRUSHES.get(self.style.pattern)
        if pattern is not None:
            painter.setBrush(QBrush(self.color.darker(135), pattern))
            painter.drawRoundedRect(rect, 4, 4)
        selected = self.isSelected()
        pen = QPen(QColor(STRONG_INK) if selected else self.color.darker(130),
                   2.2 if selected else 1.0)
        if self.style.outline_dashed or self.style.pattern == "dashed":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, 4, 4)
        if self.width > 24:
            font = QFont(painter.font())
            font.setStrikeOut(self.style.struck_out)
            painter.setFont(font)
            painter.setPen(text_color(self.color, self.style.fill_alpha))
            text_rect = rect.adjusted(6, 0, -4, 0)
            label = QFontMetricsF(font).elidedText(self.style.label, Qt.TextElideMode.ElideRight,
                                                   text_rect.width())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, label)


class MilestoneItem(TimeItem):
    """A marker at its date (x = 0), its label to the right."""

    def __init__(self, uuid: str, day: date, color: str, tooltip: str, style: Style,
                 shape: str, lane: str, label_width: float):
        super().__init__(uuid, day, None, color, tooltip)
        self.style = style
        self.marker = shape
        self.lane = lane
        self.label_width = label_width

    def boundingRect(self) -> QRectF:
        return QRectF(-MARKER_SIZE - 2, -1, MARKER_SIZE + 6 + self.label_width, BAR_HEIGHT + 2)

    def shape_path(self) -> QPainterPath:
        return marker_path(self.marker, QPointF(0, BAR_HEIGHT / 2), MARKER_SIZE)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(self.color)
        fill.setAlphaF(max(self.style.fill_alpha, 0.25))
        selected = self.isSelected()
        pen = QPen(QColor(STRONG_INK) if selected else self.color.darker(140),
                   2.2 if selected else 1.0)
        if self.style.outline_dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill if self.style.fill_alpha > 0.2 else Qt.BrushStyle.NoBrush)
        painter.drawPath(self.shape_path())
        font = QFont(painter.font())
        font.setStrikeOut(self.style.struck_out)
        painter.setFont(font)
        painter.setPen(QColor(DARK_TEXT) if self.style.fill_alpha > 0.2 else QColor("#777777"))
        text_rect = QRectF(MARKER_SIZE + 4, 0, self.label_width - 4, BAR_HEIGHT)
        label = QFontMetricsF(font).elidedText(self.style.label, Qt.TextElideMode.ElideRight,
                                               text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, label)


class SeasonItem(TimeItem):
    """A band across the top: which career leads, when."""

    def __init__(self, uuid: str, start: date, end: date, color: str, tooltip: str,
                 label: str, height: float):
        super().__init__(uuid, start, end, color, tooltip)
        self.label = label
        self.height = height

    def boundingRect(self) -> QRectF:
        return QRectF(-1, -1, self.width + 2, self.height + 2)

    grip_at = PhaseItem.grip_at

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        rect = QRectF(0, 0, self.width, self.height)
        fill = QColor(self.color)
        fill.setAlphaF(0.22)
        selected = self.isSelected()
        painter.setPen(QPen(QColor(STRONG_INK) if selected else self.color, 2.2 if selected else 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 6, 6)
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.color.darker(150))
        text_rect = rect.adjusted(8, 0, -6, 0)
        label = QFontMetricsF(font).elidedText(self.label, Qt.TextElideMode.ElideRight,
                                               text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, label)


class ClashItem(QGraphicsItem):
    """A quarter in which both careers face demanding transitions; hover says why."""

    def __init__(self, width: float, height: float, explanation: str):
        super().__init__()
        self.width = width
        self.height = height
        self.setToolTip(plain_tip(explanation))  # it quotes titles and names
        self.setZValue(-5)
        self.setAcceptHoverEvents(True)
        # Tall and many: paint only what is exposed.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.width, self.height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        exposed = option.exposedRect.intersected(self.boundingRect())
        painter.fillRect(exposed, clash_color(40))
        painter.setPen(QPen(clash_color(150), 1))
        for x in (0.0, self.width):
            if exposed.left() <= x <= exposed.right():
                painter.drawLine(QPointF(x, exposed.top()), QPointF(x, exposed.bottom()))
