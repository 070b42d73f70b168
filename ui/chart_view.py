"""A chart of :mod:`report.charts` on screen: drawn at the widget's size
and its screen's pixel density, redrawn after a resize settles. matplotlib is
imported when the first chart is drawn, not when the app starts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Makes a figure of a size in inches (width, height).
Draw = Callable[[float, float], "Figure"]
#: The logical pixels per inch charts are laid out at (fonts keep their size).
LOGICAL_DPI = 96.0


class ChartView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)
        self._draw: Draw | None = None
        self._pixmap: QPixmap | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(120)
        self._settle.timeout.connect(self.redraw)

    def sizeHint(self) -> QSize:
        return QSize(520, 320)

    def set_chart(self, draw: Draw | None, description: str = "") -> None:
        """Show what ``draw`` makes; ``description`` says in words what it
        shows, for screen readers (and as the tooltip)."""
        self._draw = draw
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.redraw()

    def redraw(self) -> None:
        self._pixmap = None
        if self._draw is not None and self.isVisible() and self.width() > 0:
            from report.charts import chart_style, rgba

            ratio = self.devicePixelRatioF()
            with chart_style():
                figure = self._draw(self.width() / LOGICAL_DPI, self.height() / LOGICAL_DPI)
                width, height, pixels = rgba(figure, LOGICAL_DPI * ratio)
            image = QImage(pixels, width, height, QImage.Format.Format_RGBA8888).copy()
            self._pixmap = QPixmap.fromImage(image)
            self._pixmap.setDevicePixelRatio(ratio)
        self.update()

    @property
    def drawn(self) -> bool:
        return self._pixmap is not None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pixmap is None:
            self._settle.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._settle.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if self._pixmap is not None:
            painter.drawPixmap(0, 0, self._pixmap)
        painter.end()
