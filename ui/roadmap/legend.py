"""What the shapes, patterns and colours of the roadmap mean: one line, the
rest behind "More" (so a small screen keeps its room for the lanes)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from models.roadmap import kinds
from ui.roadmap.items import paint_kind
from ui.style import FAINT_INK, INK, TODAY_COLOR, clash_color

ENTRY_GAP = 16.0
LINE = 20.0
ICON = 24.0


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("roadmapLegend")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # The marks of a plan's state first: they are on every roadmap.
        self.entries = [("Today", "today", ""), ("Clashing transitions", "clash", ""),
                        ("✓ Done", "done", ""), ("Dropped", "dropped", "")]
        self.entries += [(k.label, k.shape, k.pattern) for k in kinds().values()]
        self.setToolTip("What the shapes on the roadmap mean")
        self.expanded = False
        self.more = QToolButton(self)
        self.more.setObjectName("legendMore")
        self.more.setAutoRaise(True)
        self.more.clicked.connect(self.toggle)

    def toggle(self) -> None:
        self.expanded = not self.expanded
        self._fit()

    def _layout(self, width: float) -> list[tuple[float, float, str, str, str]]:
        metrics = QFontMetricsF(self.font())
        room = width - 8 - (0 if self.expanded else self.more.sizeHint().width() + 8)
        x, y, placed = 8.0, 2.0, []
        for label, shape, pattern in self.entries:
            w = ICON + metrics.horizontalAdvance(label)
            if x + w > room and x > 8:
                if not self.expanded:
                    break
                x, y = 8.0, y + LINE
            placed.append((x, y, label, shape, pattern))
            x += w + ENTRY_GAP
        return placed

    def hidden_count(self) -> int:
        """How many meanings the collapsed line leaves out."""
        return len(self.entries) - len(self._layout(self.width()))

    def heightForWidth(self, width: int) -> int:
        placed = self._layout(width)
        return int((placed[-1][1] if placed else 0) + LINE + 4)

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        return QSize(600, self.heightForWidth(max(self.width(), 600)))

    def _fit(self) -> None:
        hidden = 0 if self.expanded else self.hidden_count()
        self.more.setText("Fewer" if self.expanded else f"{hidden} more…")
        self.more.setToolTip("Show every shape and pattern" if not self.expanded
                             else "Keep the key to one line")
        self.more.setVisible(self.expanded or hidden > 0)
        hint = self.more.sizeHint()
        self.more.setGeometry(self.width() - hint.width() - 4, 0, hint.width(), int(LINE))
        self.setFixedHeight(self.heightForWidth(self.width()))
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

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
            painter.drawText(QRectF(x + ICON - 2, y, 400, LINE), Qt.AlignmentFlag.AlignVCenter,
                             label)
        painter.end()
