"""The Opportunities chart: each opportunity's weighted total per partner, a
bar each, split by criterion, so a couple sees not only who scores it higher
but what carries each total. Drawn from :class:`models.opportunity_summary.OpportunityChart`
(only what one viewer may see), for the tab and the report alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from report.charts import FAINT_INK, GRID, INK, new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from models.opportunity_summary import OpportunityChart

#: Distinct, colour-blind-safe colours for criteria (Paul Tol's "muted" and
#: "light" schemes), in order; more criteria than colours repeat them.
CRITERION_COLORS = (
    "#332288", "#88ccee", "#44aa99", "#117733", "#999933", "#ddcc77", "#cc6677", "#882255",
    "#aa4499", "#77aadd", "#ee8866", "#eedd88", "#ffaabb", "#99ddff", "#aaaa00", "#bbcc33",
    "#dddddd", "#4477aa", "#66ccee", "#228833",
)
TITLE_MOST = 42
#: Bars per opportunity (one per partner), and the gap after them, in bar heights.
PAIR, GAP = 2, 1.6


def _short(text: str, most: int = TITLE_MOST) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


def _ink(color: str) -> str:
    """A partner's colour, darkened until it reads on white (as in the grid)."""
    from matplotlib.colors import to_rgb

    red, green, blue = to_rgb(color)
    for _step in range(8):
        def linear(c: float) -> float:
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
        if 1.05 / (luminance + 0.05) >= 4.5:
            break
        red, green, blue = red / 1.18, green / 1.18, blue / 1.18
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (red, green, blue)))


def weighted_totals(data: OpportunityChart, width_in: float, height_in: float,
                    most: int = 12) -> Figure:
    """Horizontal bars, two per opportunity (the partners, in order), each
    split by criterion: how many of the 100 points each criterion brings.
    At most ``most`` opportunities, in the order given (the ranking's)."""
    figure = new_figure(width_in, height_in)
    axes = figure.add_subplot()
    shown = data.opportunities[:most]
    if not shown or not data.criteria:
        axes.set_axis_off()
        axes.text(0.5, 0.5, "Add criteria and opportunities, and score them: each of your "
                  "weighted totals shows here, split by criterion.", ha="center", va="center",
                  wrap=True, color=FAINT_INK, transform=axes.transAxes)
        return figure
    count = len(data.criteria)
    # Per criterion: the bars it has a piece of, where the piece starts, how long it is.
    rows: list[list[float]] = [[] for _ in range(count)]
    lefts: list[list[float]] = [[] for _ in range(count)]
    widths: list[list[float]] = [[] for _ in range(count)]
    ticks: list[float] = []
    labels: list[str] = []
    for place, item in enumerate(shown):
        top = place * (PAIR + GAP)
        axes.text(0, top - 0.55, _short(item.title), ha="left", va="bottom", fontweight="bold",
                  color=INK, clip_on=False)
        for side, bar in enumerate(item.bars):
            y = top + side
            ticks.append(y)
            labels.append(data.partners[side][0])
            if bar is None:
                axes.text(1, y, "not revealed yet, or no total", va="center", color=FAINT_INK,
                          fontstyle="italic")
                continue
            left = 0.0
            for k, points in enumerate(bar.parts):
                if points > 0:
                    rows[k].append(y)
                    lefts[k].append(left)
                    widths[k].append(points)
                    left += points
            label = str(bar.total) + ("" if bar.complete else " (partial)")
            axes.text(left + 1, y, label, va="center", color=INK)
    # One call per criterion (not per piece): fast for a hundred opportunities.
    for k, title in enumerate(data.criteria):
        if widths[k]:
            axes.barh(rows[k], widths[k], left=lefts[k], height=0.78,
                      color=CRITERION_COLORS[k % len(CRITERION_COLORS)], edgecolor="white",
                      linewidth=0.6, label=_short(title, 28))
        else:
            axes.barh([], [], color=CRITERION_COLORS[k % len(CRITERION_COLORS)],
                      label=_short(title, 28))
    axes.set_yticks(ticks, labels)
    for tick, side in zip(axes.get_yticklabels(), range(len(ticks)), strict=True):
        tick.set_color(_ink(data.partners[side % PAIR][1]))
    axes.set_xlim(0, 108)
    axes.set_ylim(len(shown) * (PAIR + GAP) - GAP + 0.1, -1.4)
    axes.set_xlabel("weighted total, out of 100")
    axes.xaxis.grid(True, color=GRID, linewidth=0.8)
    axes.set_axisbelow(True)
    for spine in ("top", "right", "left"):
        axes.spines[spine].set_visible(False)
    axes.tick_params(axis="y", length=0)
    columns = max(1, min(count, int(width_in * 1.1)))
    figure.legend(loc="outside lower center", ncols=columns, frameon=False,
                  fontsize="small", handlelength=1.0, columnspacing=1.0)
    if len(data.opportunities) > len(shown):
        figure.suptitle(f"The first {len(shown)} of {len(data.opportunities)} opportunities "
                        "by combined total", fontsize="small", color=FAINT_INK)
    return figure

