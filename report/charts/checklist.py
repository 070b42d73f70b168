"""The checklist's trend: one small chart per indicator, each partner's
ratings over the revealed check-ins in their colour, and the check-ins where
the two were 2 or more apart shaded as discussion points. The same figure on
screen and in the counselor report.

The small charts are placed by hand, in inches, and their date ticks are
worked out once for all of them: the automatic layout and date locators
took most of a second for a dozen indicators, and the chart is redrawn
after every rating that changes it.
"""

from __future__ import annotations

import math
import textwrap
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
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
#: Room around the small charts, in inches: legend above, dates below,
#: scores at the left, each chart's title above it.
_TOP, _BOTTOM, _LEFT, _RIGHT, _TITLE, _GAP = 0.36, 0.3, 0.32, 0.18, 0.36, 0.24
#: A small chart is at least this wide and tall, in inches.
_MIN_WIDTH, _MIN_HEIGHT = 2.4, 0.8
#: Two partners rating alike would hide one line under the other: each is
#: drawn this far off the score, one up, one down.
_DODGE = 0.06


def layout(width_in: float, height_in: float, count: int) -> tuple[int, int]:
    """Columns and rows for ``count`` small charts: as wide as they can be
    while every one stays tall enough to read."""
    widest = max(1, min(count, int((width_in - _LEFT) // (_MIN_WIDTH + _GAP)) or 1))
    columns = 1
    while columns < widest:
        rows = math.ceil(count / columns)
        tall = (height_in - _TOP - _BOTTOM) / rows - _TITLE - _GAP
        if tall >= _MIN_HEIGHT * 1.6 or columns * 3.3 > width_in:
            break
        columns += 1
    return columns, math.ceil(count / columns)


def date_ticks(first: date, last: date, most: int) -> list[date]:
    """At most ``most`` first days of months, evenly stepped, around the span."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    for step in (1, 2, 3, 6, 12, 24, 60, 120):
        if months / step <= most:
            break
    start = (first.year * 12 + first.month - 1) // step * step
    ticks = []
    index = start
    while True:
        day = date(index // 12, index % 12 + 1, 1)
        if day > last + timedelta(days=31):
            break
        if day >= first - timedelta(days=31):
            ticks.append(day)
        index += step
    return ticks


def _x(day: date) -> float:
    """Where a day is along the time axis: its day number (ticks and their
    labels are ours, so no date converter is involved)."""
    return float(day.toordinal())


def _tick_label(day: date, step_years: bool) -> str:
    return str(day.year) if step_years else f"{_MONTHS[day.month - 1]} {day.year % 100:02d}"


def trend_chart(trend: Trend, width_in: float, height_in: float) -> Figure:
    """Each indicator over time for each partner (``models.checklist_trends.trend``)."""
    figure = new_figure(width_in, height_in)
    figure.set_layout_engine("none")
    width_in, height_in = (float(v) for v in figure.get_size_inches())
    if trend.empty or not trend.indicators:
        figure.text(0.5, 0.5, textwrap.fill(EMPTY_TEXT, 60), ha="center", va="center",
                    color=FAINT_INK)
        return figure
    count = len(trend.indicators)
    columns, rows = layout(width_in, height_in, count)
    cell_w = (width_in - _LEFT - _RIGHT - (columns - 1) * _GAP) / columns
    cell_h = max(0.3, (height_in - _TOP - _BOTTOM - rows * _TITLE - (rows - 1) * _GAP) / rows)
    first, last = trend.dates[0], trend.dates[-1]
    pad = timedelta(days=max(20, (last - first).days // 25))
    ticks = date_ticks(first, last, max(2, int(cell_w * 1.4)))
    yearly = len(ticks) > 1 and (ticks[1] - ticks[0]).days > 300
    for number, indicator in enumerate(trend.indicators):
        row, column = divmod(number, columns)
        left = _LEFT + column * (cell_w + _GAP)
        top = _TOP + _TITLE + row * (cell_h + _TITLE + _GAP)
        axes = figure.add_axes((left / width_in, 1 - (top + cell_h) / height_in,
                                cell_w / width_in, cell_h / height_in))
        _draw_indicator(axes, indicator, trend, cell_w)
        axes.set_xlim(_x(first - pad), _x(last + pad))
        axes.set_xticks([_x(day) for day in ticks], [_tick_label(day, yearly) for day in ticks]
                        if number + columns >= count else [])
        axes.tick_params(labelleft=column == 0)
    _legend(figure, trend)
    return figure


def _draw_indicator(axes: Axes, indicator: IndicatorTrend, trend: Trend,
                    width_in: float) -> None:
    for day in indicator.apart:
        axes.axvline(_x(day), color=APART_COLOR, linewidth=9, zorder=0)
    for number, (partner, points) in enumerate(zip(trend.partners, indicator.series,
                                                   strict=True)):
        offset = _DODGE * (1 if number else -1) if len(trend.partners) == 2 else 0.0
        axes.plot([_x(day) for day, _score in points], [score + offset for _day, score in points],
                  color=partner.color, marker="o", markersize=4, linewidth=1.8,
                  label=partner.name, clip_on=False)
    title = indicator.title + (" (retired)" if indicator.retired else "")
    chars = max(16, int(width_in * 14.5))  # DejaVu Sans at 8.5 points: 15 a inch
    lines = textwrap.wrap(title, chars)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), chars, placeholder="…")]
    axes.set_title("\n".join(lines), loc="left",
                   fontsize=8.5, color=FAINT_INK if indicator.retired else INK, pad=4)
    axes.set_ylim(0.5, 5.5)
    axes.set_yticks([1, 2, 3, 4, 5])
    axes.tick_params(length=0, labelsize=7.5)
    axes.grid(axis="y", color=GRID, linewidth=0.6)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


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
