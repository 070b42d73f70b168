"""The two ideal days on one timeline: a lane per partner (commute, work,
work from home) and, beneath, who is at home when, with the hours nobody
is home in red. Drawn from :class:`models.day_schedule.DayComparison`, for
the Day in the Life tab and the counselor report alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.day_schedule import DayComparison, format_time, presence, timeline_span
from report.charts import FAINT_INK, GRID, INK, new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

NOBODY_HOME = "#d63031"
BOTH_HOME = "#b9d9b5"
BAR_HEIGHT = 0.56


def _text_on(color: str) -> str:
    """White or near-black text, whichever reads better on ``color`` (#rrggbb)."""
    red, green, blue = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))

    def linear(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return "#ffffff" if (1.05 / (luminance + 0.05)) >= 4.5 else "#1d1d1d"


def _bar(axes: Axes, y: float, start: int, end: int, color: str, *, alpha: float = 1.0,
         label: str = "", label_color: str = "") -> None:
    axes.broken_barh([(start, end - start)], (y - BAR_HEIGHT / 2, BAR_HEIGHT),
                     facecolors=color, alpha=alpha, edgecolor="none")
    _label(axes, y, start, end, label, label_color or _text_on(color))


def _from_home(axes: Axes, y: float, start: int, end: int, color: str, label: str = "") -> None:
    """Work done at home: hatched in the partner's colour."""
    axes.broken_barh([(start, end - start)], (y - BAR_HEIGHT / 2, BAR_HEIGHT),
                     facecolors="#ffffff", edgecolor=color, hatch="///", linewidth=0.8)
    _label(axes, y, start, end, label, INK)


def _label(axes: Axes, y: float, start: int, end: int, label: str, color: str) -> None:
    if label and end - start >= 50:
        axes.text((start + end) / 2, y, label, ha="center", va="center", fontsize=8,
                  color=color, clip_on=True,
                  bbox={"boxstyle": "round,pad=0.15", "facecolor": "#ffffff", "alpha": 0.75,
                        "edgecolor": "none"} if color == INK else None)


def day_timeline(comparison: DayComparison, width_in: float, height_in: float) -> Figure:
    """The timeline of ``comparison``'s days; call inside ``chart_style()``."""
    figure = new_figure(width_in, height_in)
    axes = figure.add_subplot()
    days = comparison.days
    span = timeline_span(days)
    lanes = len(days)
    for index, day in enumerate(days):
        y = lanes - index
        schedule, work, away = day.schedule, day.schedule.work, day.schedule.away
        if away is not None:
            _bar(axes, y, away[0], away[1], day.color, alpha=0.3)
        if work is not None:
            label = f"{format_time(work[0])}–{format_time(work[1])}"
            if schedule.works_from_home:
                _from_home(axes, y, work[0], work[1], day.color, f"work from home {label}")
                continue
            start = max(work[0], away[0]) if away else work[0]
            end = min(work[1], away[1]) if away else work[1]
            for part in ((work[0], start), (end, work[1])):
                if part[1] > part[0]:  # worked at home, before leaving or once back
                    _from_home(axes, y, part[0], part[1], day.color)
            if end > start:
                _bar(axes, y, start, end, day.color, label=f"work {label}")
    for start, end, home in presence(days, span):
        if not home:
            color, label = NOBODY_HOME, "nobody home"
        elif len(home) == len(days):
            color, label = BOTH_HOME, "both home" if len(days) > 1 else "home"
        else:
            color = next(day.color for day in days if day.name == home[0])
            label = f"{home[0]} home"
        _bar(axes, 0, start, end, color, alpha=0.85 if not home else 0.55, label=label,
             label_color="#ffffff" if not home else INK)
    axes.set_xlim(*span)
    axes.set_ylim(-0.6, lanes + 0.6)
    axes.set_yticks([lanes - i for i in range(lanes)] + [0],
                    [day.name for day in days] + ["At home"])
    hours = (span[1] - span[0]) // 60
    step = 1 if width_in >= hours * 0.45 else 2 if width_in >= hours * 0.22 else 3
    ticks = list(range(span[0], span[1] + 1, 60 * step))
    axes.set_xticks(ticks, [format_time(t % (24 * 60)) if t < 24 * 60 else "24:00"
                            for t in ticks])
    axes.grid(axis="x", color=GRID, linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.tick_params(axis="y", length=0, labelcolor=INK)
    axes.tick_params(axis="x", colors=FAINT_INK)
    return figure
