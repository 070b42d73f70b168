"""The household load: one bar per partner, hours a week, split into the tasks
anyone can see and the invisible labor (planning, remembering, family and
emotional work), with the even split marked. The same figure in the Support
tab and in the counselor report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from report.charts import FAINT_INK, GRID, INK, new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from models.support import HouseholdShare

EMPTY_TEXT = "List household tasks, who does them and their hours a week: the balance shows here."
NAME_MOST = 24


def _short(text: str) -> str:
    return text if len(text) <= NAME_MOST else text[:NAME_MOST - 1] + "…"


def household_chart(shares: list[HouseholdShare], width_in: float,
                    height_in: float) -> Figure:
    figure = new_figure(width_in, height_in)
    axes = figure.add_subplot()
    total = sum(share.hours for share in shares)
    if not shares or total <= 0:
        axes.set_axis_off()
        axes.text(0.5, 0.5, EMPTY_TEXT, ha="center", va="center", wrap=True, color=FAINT_INK,
                  transform=axes.transAxes)
        return figure
    rows = list(range(len(shares)))
    colors = [share.color for share in shares]
    axes.barh(rows, [s.visible_hours for s in shares], height=0.6, color=colors,
              edgecolor="white", linewidth=0.8, label="Tasks anyone can see")
    axes.barh(rows, [s.invisible_hours for s in shares], left=[s.visible_hours for s in shares],
              height=0.6, color=colors, alpha=0.45, hatch="///", edgecolor="white",
              linewidth=0.8, label="Invisible labor")
    widest = max(share.hours for share in shares)
    for row, share in zip(rows, shares, strict=True):
        axes.text(share.hours + widest * 0.02, row,
                  f"{share.hours:g} h ({round(100 * share.hours / total)}%)",
                  va="center", color=INK, parse_math=False)
    even = total / len(shares)
    axes.axvline(even, color=FAINT_INK, linestyle=(0, (4, 3)), linewidth=1)
    axes.text(even, -0.55, "even split", ha="center", va="bottom", color=FAINT_INK,
              fontsize="small")
    axes.set_yticks(rows, [_short(share.name) for share in shares])
    for tick in axes.get_yticklabels():
        tick.set_parse_math(False)  # a name with "$" is a name, not mathematics
    axes.set_ylim(len(shares) - 0.4, -0.9)
    axes.set_xlim(0, widest * 1.3)
    axes.set_xlabel("hours a week")
    axes.xaxis.grid(True, color=GRID, linewidth=0.8)
    axes.set_axisbelow(True)
    for spine in ("top", "right", "left"):
        axes.spines[spine].set_visible(False)
    axes.tick_params(axis="y", length=0)
    figure.legend(loc="outside lower center", ncols=2, frameon=False, fontsize="small",
                  handlelength=1.4)
    return figure
