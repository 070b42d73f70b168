"""What the shapes, patterns and colours of the roadmap mean."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from models.roadmap import kinds
from ui.roadmap.items import paint_kind
from ui.style import FAINT_INK, INK, TODAY_COLOR, clash_color

ENTRY_GAP = 18.0
LINE = 20.0


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("roadmapLegend")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.entries = [(k.label, k.shape, k.pattern) for k in kinds().values()]
        self.entries += [("✓ Done", "done", ""), ("Dropped", "dropped", ""),
                         ("Clashing transitions", "clash", ""), ("Today", "today", "")]
        self.setToolTip("What the shapes on the roadmap mean")

    def _layout(self, width: float) -> list[tuple[float, float, str, str, str]]:
        metrics = QFontMetricsF(self.font())
        x, y, placed = 8.0, 4.0, []
        for label, shape, pattern in self.entries:
            w = 26 + metrics.horizontalAdvance(label)
            if x + w > width - 8 and x > 8:
                x, y = 8.0, y + LINE
            placed.append((x, y, label, shape, pattern))
            x += w + ENTRY_GAP
        return placed

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(self._layout(width)[-1][1] + LINE + 4)

    def sizeHint(self) -> QSize:
        return QSize(600, self.heightForWidth(max(self.width(), 600)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.setFixedHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = QColor(INK)
        for x, y, label, shape, pattern in self._layout(self.width()):
            icon = QRectF(x, y + 1, 20, 16)
            painter.setPen(QPen(ink, 1))
            if shape == "done":
                painter.setBrush(QColor("#d8d8d8"))
                painter.drawRoundedRect(icon.adjusted(0, 3, 0, -3), 3, 3)
            elif shape == "dropped":
                painter.setPen(QPen(ink, 1, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(icon.adjusted(0, 3, 0, -3), 3, 3)
            elif shape == "clash":
                painter.fillRect(icon.adjusted(0, 2, 0, -2), clash_color(60))
            elif shape == "today":
                painter.setPen(QPen(QColor(TODAY_COLOR), 1.6))
                painter.drawLine(QPointF(x + 10, y + 2), QPointF(x + 10, y + 16))
            else:
                paint_kind(painter, shape, pattern, icon, QColor(FAINT_INK))
            painter.setPen(ink)
            painter.drawText(QRectF(x + 24, y, 400, LINE), Qt.AlignmentFlag.AlignVCenter, label)
        painter.end()
