"""The success checklist in the report: the latest revealed check-in with
both partners' ratings, how each indicator moved over time, where the two
were 2 or more apart, and the red flags a partner chose to share (a private
flag never reaches the report)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from models.checklist import checklist_summary, scale_labels
from models.checklist_trends import ChecklistSummary, Trend
from models.privacy import REPORT
from models.red_flags import advice
from report.page import (
    SMALL,
    Context,
    Point,
    bullets,
    chart,
    heading,
    sentence,
    table,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

KEY = "checklist"
LANDSCAPE = False
#: Named on the counselor's page; the rest counted.
NAMED = 3
GAP_FILL = "#f6dfc0"
AMBER = "#c07a2c"
RED = "#b03a2e"
#: A rating this high from both is where they agree things go well.
WELL = 4


def _summary(context: Context) -> ChecklistSummary:
    return checklist_summary(context.plan, REPORT)


def points(context: Context) -> list[Point]:
    summary = _summary(context)
    result = []
    latest = summary.latest
    if latest is not None:
        when = context.dates.text(latest.checkin.held_on)
        apart = [row for row in latest.rows if row.divergent]
        well = [row for row in latest.rows
                if all(c.score is not None and c.score >= WELL for c in row.cells)]
        if well:
            named = ", ".join(f"“{row.indicator.title}”" for row in well[:NAMED])
            more = len(well) - NAMED
            result.append(Point(KEY, True, f"Check-in of {when}: both rate {named}"
                                           + (f" and {more} more" if more > 0 else "")
                                           + f" {WELL} or 5 out of 5."))
        if apart:
            named = "; ".join(f"“{row.indicator.title}” ({_scores(summary, row.cells)})"
                              for row in apart[:NAMED])
            more = len(apart) - NAMED
            result.append(Point(KEY, False, f"Check-in of {when}: rated 2 or more apart: "
                                            f"{named}" + (f"; and {more} more." if more > 0
                                                          else ".")))
    for flag in summary.shared_flags:
        result.append(Point(KEY, False, f"Red flag shared by {flag.partner}: {flag.text}"))
    return result


def _scores(summary: ChecklistSummary, cells: tuple[object, ...]) -> str:
    parts = []
    for partner, cell in zip(summary.partners, cells, strict=True):
        score = getattr(cell, "score", None)
        parts.append(f"{partner.name} {'—' if score is None else score}")
    return ", ".join(parts)


def story(context: Context) -> list[Flowable]:
    width = context.portrait[0]
    summary = _summary(context)
    parts: list[Flowable] = [heading("Check-ins", KEY),
                             sentence("At each check-in, each partner rated the success "
                                      "indicators alone, from 1 (not at all) to 5 (fully); the "
                                      "ratings were revealed together.", SMALL)]
    latest = summary.latest
    if latest is None:
        parts.append(sentence("No check-in is revealed yet: a check-in shows here once both "
                              "partners have finished rating it."))
    else:
        parts += _latest(context, summary, width)
    if not summary.trend.empty and len(summary.trend.dates) > 1:
        trend = summary.trend
        rows = -(-len(trend.indicators) // 3)
        parts += [heading("How things moved", "checklist-trend", 1),
                  chart(lambda w, h: _trend(trend, w, h), width,
                        min(context.portrait[1] * 0.7, 60 + 120 * rows), context)]
    parts += _divergences(context, summary, width)
    parts += _flags(context, summary, width)
    return parts


def _trend(trend: Trend, width_in: float, height_in: float) -> Figure:
    from report.charts.checklist import trend_chart

    return trend_chart(trend, width_in, height_in)


def _latest(context: Context, summary: ChecklistSummary, width: float) -> list[Flowable]:
    latest = summary.latest
    assert latest is not None
    labels = scale_labels()
    names = [partner.name for partner in summary.partners]
    rows: list[list[object]] = [["Indicator", *names]]
    shading = []
    for number, row in enumerate(latest.rows, 1):
        cells = []
        for cell in row.cells:
            if cell.score is None:
                cells.append("not rated")
                continue
            text = f"{cell.score} · {labels.get(cell.score, '')}"
            if cell.note and context.options.notes:
                text += f"\n{cell.note}"
            cells.append(text)
        rows.append([row.indicator.title, *cells])
        if row.divergent:
            shading.append(("BACKGROUND", (1, number), (-1, number), HexColor(GAP_FILL)))
    parts: list[Flowable] = [
        heading(f"The latest check-in: {context.dates.text(latest.checkin.held_on)}",
                "checklist-latest", 1),
        table(rows, [width * 0.36, width * 0.32, width * 0.32], extra=shading)]
    if latest.checkin.agreed.strip():
        parts += [sentence("What they agreed to do next", SMALL),
                  sentence(latest.checkin.agreed)]
    return parts


def _divergences(context: Context, summary: ChecklistSummary, width: float
                 ) -> list[Flowable]:
    parts: list[Flowable] = [heading("Where they saw things differently", "checklist-apart", 1)]
    if not summary.divergences:
        parts.append(sentence("In no revealed check-in were the two ratings of an indicator "
                              "2 or more apart."))
        return parts
    lines = []
    for point in summary.divergences:
        said = "; ".join(f"{name} {score}" + (f" (“{note}”)" if note and context.options.notes
                                                else "")
                         for name, score, note in point.ratings)
        lines.append((AMBER, f"{context.dates.text(point.held_on)} · {point.indicator}: {said}"))
    parts.append(bullets(lines, width))
    return parts


def _flags(context: Context, summary: ChecklistSummary, width: float) -> list[Flowable]:
    parts: list[Flowable] = [heading("Red flags", "checklist-flags", 1)]
    if not summary.shared_flags:
        parts.append(sentence("No red flag has been shared."))
        return parts
    lines = []
    for flag in summary.shared_flags:
        text = f"{flag.partner}: {flag.text}"
        if flag.note and context.options.notes:
            text += f"\n{flag.note}"
        lines.append((RED, text))
    words = advice()
    parts += [bullets(lines, width), sentence(words.heading, SMALL),
              sentence(f"{words.text} {words.counselor}", SMALL)]
    return parts
