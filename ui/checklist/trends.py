"""The trend of every indicator for each partner over the revealed check-ins
(the chart of ``report.charts.checklist``, as the report has it), and every
discussion point so far: where the two saw an indicator 2 or more apart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from models.checklist import short_date
from models.checklist_trends import Overview, Trend
from report.charts.checklist import describe, trend_chart
from ui.chart_view import ChartView
from ui.style import HINT_STYLE, heading, plain_tip


class TrendsPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.trend: Trend | None = None
        self.chart = ChartView()
        self.chart.setObjectName("trendChart")
        self.chart.setMinimumHeight(220)
        self.caption = QLabel()
        self.caption.setObjectName("trendCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setStyleSheet(HINT_STYLE)

        self.points = QListWidget()
        self.points.setObjectName("discussionHistory")
        self.points.setAccessibleName("Discussion points so far")
        self.points.setWordWrap(True)
        points_box = QWidget()
        box = QVBoxLayout(points_box)
        box.setContentsMargins(0, 4, 0, 0)
        caption = heading("Discussion points so far")
        caption.setToolTip("Where your two ratings of an indicator were 2 or more apart")
        box.addWidget(caption)
        box.addWidget(self.points, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        chart_box = QWidget()
        charts = QVBoxLayout(chart_box)
        charts.setContentsMargins(0, 0, 0, 0)
        charts.addWidget(self.chart, 1)
        charts.addWidget(self.caption)
        splitter.addWidget(chart_box)
        splitter.addWidget(points_box)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    def show_overview(self, overview: Overview | None) -> None:
        trend = overview.trend if overview is not None else None
        if trend != self.trend:  # a note or a date elsewhere changes no line
            self.trend = trend
            if trend is None:
                self.chart.set_chart(None)
                self.caption.clear()
            else:
                words = describe(trend)
                self.chart.set_chart(lambda width, height: trend_chart(trend, width, height),
                                     words)
                self.caption.setText(words)
        self.points.clear()
        for point in overview.divergences if overview is not None else ():
            scores = ", ".join(f"{name} {score}" for name, score, _note in point.ratings)
            item = QListWidgetItem(f"{short_date(point.held_on)} · {point.indicator}: {scores}")
            notes = "\n".join(f"{name}: {note}" for name, _score, note in point.ratings if note)
            if notes:
                item.setToolTip(plain_tip(notes))
            self.points.addItem(item)
        if overview is not None and not overview.divergences:
            empty = QListWidgetItem("None yet: so far you have rated every indicator within "
                                    "1 of each other." if not overview.trend.empty else
                                    "None yet.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.points.addItem(empty)
