"""The roadmap's shapes (:mod:`report.roadmap_drawing`) painted with QPainter,
and the screen's own measures: text widths from Qt's fonts, in pixels."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QApplication

from report.roadmap_drawing import Box, Font, Line, Marker, Metrics, Shape, Text

#: How each phase pattern is drawn on screen.
PATTERN_BRUSHES = {
    "hatched": Qt.BrushStyle.BDiagPattern,
    "dotted": Qt.BrushStyle.Dense6Pattern,
}
_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
          "right": Qt.AlignmentFlag.AlignRight}


@lru_cache(maxsize=64)
def qfont(font: Font) -> QFont:
    result = QFont(QApplication.font())
    result.setPointSizeF(font.size)
    result.setBold(font.bold)
    result.setItalic(font.italic)
    result.setStrikeOut(font.struck)
    return result


@lru_cache(maxsize=64)
def _metrics(font: Font) -> QFontMetricsF:
    return QFontMetricsF(qfont(font))


@lru_cache(maxsize=4096)
def measure(text: str, font: Font) -> float:
    return _metrics(font).horizontalAdvance(text)


def screen_metrics() -> Metrics:
    """The chart's measures on screen: the application's font size, in pixels."""
    return Metrics(measure=measure, font_size=QApplication.font().pointSizeF())


def color(name: str, alpha: float = 1.0) -> QColor:
    result = QColor(name)
    result.setAlphaF(alpha)
    return result


def paint_shapes(painter: QPainter, shapes: Iterable[Shape]) -> None:
    lines: dict[tuple[str, float, float], list[QLineF]] = {}
    for shape in shapes:
        if isinstance(shape, Line):  # batched: a grid is hundreds of lines of a few shades
            key = (shape.color, shape.alpha, shape.width)
            lines.setdefault(key, []).append(QLineF(shape.x1, shape.y1, shape.x2, shape.y2))
            continue
        _flush(painter, lines)
        if isinstance(shape, Box):
            _box(painter, shape)
        elif isinstance(shape, Marker):
            pen = QPen(color(shape.stroke), shape.stroke_width)
            if shape.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(color(shape.fill, shape.fill_alpha) if shape.fill_alpha > 0.2
                             else Qt.BrushStyle.NoBrush)
            painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in shape.points]))
        elif isinstance(shape, Text):
            painter.setFont(qfont(shape.font))
            painter.setPen(color(shape.color))
            painter.drawText(QRectF(shape.x, shape.y, shape.width, shape.height),
                             _ALIGN[shape.align] | Qt.AlignmentFlag.AlignVCenter
                             | Qt.TextFlag.TextSingleLine, shape.text)


    _flush(painter, lines)


def _flush(painter: QPainter, lines: dict[tuple[str, float, float], list[QLineF]]) -> None:
    for (name, alpha, width), batch in lines.items():
        painter.setPen(QPen(color(name, alpha), width))
        painter.drawLines(batch)
    lines.clear()


def _box(painter: QPainter, box: Box) -> None:
    rect = QRectF(box.x, box.y, box.width, box.height)
    painter.setPen(Qt.PenStyle.NoPen)
    if box.fill:
        painter.setBrush(color(box.fill, box.fill_alpha))
        _draw(painter, rect, box.radius)
    if box.pattern in PATTERN_BRUSHES:
        painter.setBrush(QBrush(color(box.pattern_color), PATTERN_BRUSHES[box.pattern]))
        _draw(painter, rect, box.radius)
    if box.stroke:
        pen = QPen(color(box.stroke), box.stroke_width)
        if box.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        _draw(painter, rect, box.radius)


def _draw(painter: QPainter, rect: QRectF, radius: float) -> None:
    if radius:
        painter.drawRoundedRect(rect, radius, radius)
    else:
        painter.drawRect(rect)
