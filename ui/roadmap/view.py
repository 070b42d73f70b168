"""The roadmap's view and its rulers: zoom with Ctrl+wheel, keys for the
selection, a time axis above and lane names beside that stay in sight."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from report.roadmap_drawing import ruler
from ui.roadmap.items import TimeItem
from ui.roadmap.painter import paint_shapes
from ui.roadmap.scene import RoadmapScene
from ui.style import RULER_BACKGROUND, readable_ink


class RoadmapView(QGraphicsView):
    zoom_requested = Signal(int, float)  # steps (+ closer), scene x to keep under the pointer
    nudge_requested = Signal(int)        # -1 earlier, +1 later, in snapping units
    lane_step_requested = Signal(int)    # -1 up, +1 down
    delete_requested = Signal()
    edit_selected_requested = Signal()
    view_changed = Signal()
    resized = Signal()

    def __init__(self, scene: RoadmapScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.roadmap = scene
        self.setObjectName("roadmapChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip("")
        self.setAccessibleName("Roadmap chart")
        self.setAccessibleDescription(
            "Both careers and your shared life over time. The same items are in the table.")
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.view_changed.emit())
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.view_changed.emit())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = 1 if event.angleDelta().y() > 0 else -1
            self.zoom_requested.emit(steps, self.mapToScene(event.position().toPoint()).x())
            event.accept()
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or \
                abs(event.angleDelta().x()) > abs(event.angleDelta().y()):
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - (event.angleDelta().y() or event.angleDelta().x()))
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if not self.roadmap.cancel_drag():
                self.roadmap.clearSelection()
            event.accept()
            return
        if self.roadmap.drag is not None:
            return  # keys wait until the drag is over
        selected = self.selected()
        handlers: dict[int, Callable[[], object]] = {
            Qt.Key.Key_Left: lambda: self.nudge_requested.emit(-1),
            Qt.Key.Key_Right: lambda: self.nudge_requested.emit(1),
            Qt.Key.Key_Up: lambda: self.lane_step_requested.emit(-1),
            Qt.Key.Key_Down: lambda: self.lane_step_requested.emit(1),
            Qt.Key.Key_Delete: self.delete_requested.emit,
            Qt.Key.Key_Backspace: self.delete_requested.emit,
            Qt.Key.Key_Return: self.edit_selected_requested.emit,
            Qt.Key.Key_Enter: self.edit_selected_requested.emit,
        }
        if key in handlers and selected:
            handlers[key]()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab walks through the items in time order, so every item is
        reachable without a mouse."""
        entries = sorted(self.roadmap.entries.values(), key=lambda e: (e.start, e.y(), e.uuid))
        if not entries:
            return super().focusNextPrevChild(forward)
        current = self.selected()
        index = entries.index(current[0]) if current else (-1 if forward else len(entries))
        index += 1 if forward else -1
        if not 0 <= index < len(entries):  # past the last item: leave the chart
            self.roadmap.clearSelection()
            # QWidget's, not QGraphicsView's: that one cycles through the items again.
            return QWidget.focusNextPrevChild(self, forward)
        self.roadmap.clearSelection()
        entries[index].setSelected(True)
        self.ensureVisible(entries[index], 40, 20)
        return True

    def selected(self) -> list[TimeItem]:
        return [i for i in self.roadmap.selectedItems() if isinstance(i, TimeItem)]


class TimeAxis(QWidget):
    """The ruler above the chart: the drawing's ruler for what is in view
    (its unit follows the zoom; no label overlaps another)."""

    def __init__(self, view: RoadmapView, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.setFixedHeight(int(view.roadmap.metrics.ruler_height))
        view.view_changed.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(400, self.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(RULER_BACKGROUND))
        scene = self.view.roadmap
        if scene.drawing is not None:
            offset = (self.view.viewport().mapToGlobal(QPoint(0, 0))
                      - self.mapToGlobal(QPoint(0, 0))).x()
            left = self.view.mapToScene(0, 0).x()
            right = self.view.mapToScene(self.view.viewport().width(), 0).x()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.translate(offset - left, 0)
            paint_shapes(painter, ruler(scene.drawing, left, right, scene.metrics, scene.dates))
        painter.end()


class LaneHeader(QWidget):
    """The names of the lanes, level with them, whatever the scroll."""

    def __init__(self, view: RoadmapView, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.setFixedWidth(112)
        view.view_changed.connect(self.update)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(RULER_BACKGROUND))
        offset = (self.view.viewport().mapToGlobal(QPoint(0, 0))
                  - self.mapToGlobal(QPoint(0, 0))).y()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        for band in self.view.roadmap.bands:
            top = self.view.mapFromScene(QPointF(0, band.top)).y() + offset
            rect = QRectF(6, top, self.width() - 10, band.height)
            color = QColor(band.color)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(QRectF(6, top + 3, 4, band.height - 6), 2, 2)
            painter.setPen(QColor(readable_ink(band.color, RULER_BACKGROUND)))
            text = QFontMetricsF(bold).elidedText(band.title, Qt.TextElideMode.ElideRight,
                                                  rect.width() - 12)
            painter.drawText(rect.adjusted(10, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()
