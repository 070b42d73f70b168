"""The checklist's trend: one small chart per indicator, each partner's
ratings over the revealed check-ins in their colour, and the check-ins where
the two were 2 or more apart shaded as discussion points. The same figure on
screen and in the counselor report.

The small charts are drawn on one canvas measured in inches (one matplotlib
``Axes`` over the whole figure), not as an ``Axes`` each: a dozen Axes with
their ticks took a quarter of a second to draw, and the chart is drawn again
whenever a rating changes it while it is shown. Grid lines and shading are
one collection each.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from report.charts import FAINT_INK, GRID, INK, new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from models.checklist_trends import IndicatorTrend, Trend

#: Where the two partners saw an indicator 2 or more apart.
APART_COLOR = "#f3d9a4"
EMPTY_TEXT = ("The trend appears here once a check-in is revealed: when both of you are "
              "done rating it.")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: Room around the small charts, in inches: legend above, dates below,
#: scores at the left, each chart's title above it, and between charts.
_TOP, _BOTTOM, _LEFT, _RIGHT, _TITLE, _GAP = 0.36, 0.3, 0.32, 0.18, 0.36, 0.24
#: A small chart is at least this wide and tall, in inches.
_MIN_WIDTH, _MIN_HEIGHT = 2.4, 0.8
#: Two partners rating alike would hide one line under the other: each is
#: drawn this far off the score (in scores), one up, one down.
_DODGE = 0.06
_SCORES = (1, 2, 3, 4, 5)
_SMALL = 7.5


def layout(width_in: float, height_in: float, count: int) -> tuple[int, int]:
    """Columns and rows for ``count`` small charts: as few columns as keep
    every chart tall enough to read, as many as the width allows."""
    widest = max(1, min(count, int((width_in - _LEFT) // (_MIN_WIDTH + _GAP)) or 1))
    columns = 1
    while columns < widest:
        rows = math.ceil(count / columns)
        tall = (height_in - _TOP - _BOTTOM) / rows - _TITLE - _GAP
        if tall >= _MIN_HEIGHT * 1.6 or columns * 3.3 > width_in:
            break
        columns += 1
    return columns, math.ceil(count / columns)


def date_ticks(start: date, end: date, most: int) -> list[date]:
    """At most ``most`` first days of months between ``start`` and ``end``,
    evenly stepped (every month, two, three, six, a year…)."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= most), 120)
    index = (start.year * 12 + start.month - 1) // step * step
    ticks: list[date] = []
    while (day := date(index // 12, index % 12 + 1, 1)) <= end:
        if day >= start:
            ticks.append(day)
        index += step
    return ticks


@dataclass(frozen=True)
class _Panel:
    """Where one small chart is, in inches from the figure's top left."""

    left: float
    top: float
    width: float
    height: float
    #: The days at its left and right edges.
    start: date
    end: date

    def x(self, day: date) -> float:
        whole = (self.end - self.start).days or 1
        return self.left + self.width * (day - self.start).days / whole

    def y(self, score: float) -> float:
        return self.top + self.height * (1 - (score - 0.5) / len(_SCORES))


def trend_chart(trend: Trend, width_in: float, height_in: float) -> Figure:
    """Each indicator over time for each partner (``models.checklist_trends.trend``)."""
    from matplotlib.collections import LineCollection

    figure = new_figure(width_in, height_in)
    figure.set_layout_engine(None)  # placed by hand: no layout pass (a second draw)
    width_in, height_in = (float(v) for v in figure.get_size_inches())
    if trend.empty or not trend.indicators:
        figure.text(0.5, 0.5, textwrap.fill(EMPTY_TEXT, 60), ha="center", va="center",
                    color=FAINT_INK)
        return figure
    canvas = figure.add_axes((0, 0, 1, 1))
    canvas.set_axis_off()
    canvas.set_xlim(0, width_in)
    canvas.set_ylim(height_in, 0)  # inches, downwards, as the panels are placed

    count = len(trend.indicators)
    columns, rows = layout(width_in, height_in, count)
    cell_w = (width_in - _LEFT - _RIGHT - (columns - 1) * _GAP) / columns
    cell_h = max(0.3, (height_in - _TOP - _BOTTOM - rows * _TITLE - (rows - 1) * _GAP) / rows)
    first, last = trend.dates[0], trend.dates[-1]
    pad = timedelta(days=max(20, (last - first).days // 25))
    ticks = date_ticks(first - pad, last + pad, max(2, int(cell_w * 1.4)))
    yearly = len(ticks) > 1 and (ticks[1] - ticks[0]).days > 300

    grid, frame, shade = [], [], []
    for number, indicator in enumerate(trend.indicators):
        row, column = divmod(number, columns)
        panel = _Panel(_LEFT + column * (cell_w + _GAP),
                       _TOP + _TITLE + row * (cell_h + _TITLE + _GAP), cell_w, cell_h,
                       first - pad, last + pad)
        right, bottom = panel.left + panel.width, panel.top + panel.height
        grid += [[(panel.left, panel.y(s)), (right, panel.y(s))] for s in _SCORES]
        frame += [[(panel.left, panel.top), (panel.left, bottom)],
                  [(panel.left, bottom), (right, bottom)]]
        shade += [[(panel.x(day), panel.top), (panel.x(day), bottom)] for day in indicator.apart]
        _draw_indicator(canvas, panel, indicator, trend)
        if column == 0:
            for score in _SCORES:
                canvas.text(panel.left - 0.07, panel.y(score), str(score), ha="right",
                            va="center", fontsize=_SMALL, color=FAINT_INK)
        if number + columns >= count:  # the last in its column: dates under it
            for day in ticks:
                label = str(day.year) if yearly else f"{_MONTHS[day.month - 1]} {day.year % 100:02d}"
                canvas.text(panel.x(day), bottom + 0.06, label, ha="center", va="top",
                            fontsize=_SMALL, color=FAINT_INK)
    canvas.add_collection(LineCollection(grid, colors=GRID, linewidths=0.6, zorder=0))
    canvas.add_collection(LineCollection(frame, colors=GRID, linewidths=0.8, zorder=0))
    if shade:
        canvas.add_collection(LineCollection(shade, colors=APART_COLOR, linewidths=9,
                                             zorder=-1))
    _legend(figure, trend)
    return figure


def _draw_indicator(canvas: Axes, panel: _Panel, indicator: IndicatorTrend,
                    trend: Trend) -> None:
    for number, (partner, points) in enumerate(zip(trend.partners, indicator.series,
                                                   strict=True)):
        offset = _DODGE * (1 if number else -1) if len(trend.partners) == 2 else 0.0
        canvas.plot([panel.x(day) for day, _score in points],
                    [panel.y(score + offset) for _day, score in points],
                    color=partner.color, marker="o", markersize=4, linewidth=1.8)
    title = indicator.title + (" (retired)" if indicator.retired else "")
    chars = max(16, int(panel.width * 14.5))  # DejaVu Sans at 8.5 points: 15 an inch
    lines = textwrap.wrap(title, chars)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), chars, placeholder="…")]
    canvas.text(panel.left, panel.top - 0.06, "\n".join(lines), ha="left", va="bottom",
                fontsize=8.5, color=FAINT_INK if indicator.retired else INK)


def _legend(figure: Figure, trend: Trend) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Line2D | Patch] = [
        Line2D([], [], color=p.color, marker="o", markersize=4, linewidth=1.8, label=p.name)
        for p in trend.partners]
    if any(indicator.apart for indicator in trend.indicators):
        handles.append(Patch(color=APART_COLOR, label="2 or more apart: talk about it"))
    figure.legend(handles=handles, loc="upper center", ncols=len(handles), frameon=False,
                  bbox_to_anchor=(0.5, 1.0), borderaxespad=0.3)


def describe(trend: Trend) -> str:
    """The chart in words (for screen readers and the tooltip)."""
    if trend.empty:
        return EMPTY_TEXT
    names = " and ".join(p.name for p in trend.partners)
    apart = sum(len(i.apart) for i in trend.indicators)
    words = (f"{names}: ratings of {len(trend.indicators)} indicators over "
             f"{len(trend.dates)} revealed check-in{'s' if len(trend.dates) != 1 else ''}")
    if apart:
        words += f"; {apart} time{'s' if apart != 1 else ''} 2 or more apart, shaded"
    return words + "."
