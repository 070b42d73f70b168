"""The opportunity scoring grid in the report: the ranking with each
partner's weighted total, the weights, both partners' scores side by side
(gaps of 3 or more marked), the chart, and what is left to talk about.
Before both partners are done with an opportunity, only that scoring is
under way is shown (the report's viewer sees nothing else)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from models.opportunities import opportunity_summary
from models.opportunity_summary import OpportunitySummary, SummaryOpportunity
from models.privacy import REPORT
from report.page import (
    BODY,
    SMALL,
    Context,
    Point,
    bullets,
    chart,
    heading,
    sentence,
    space,
    table,
    tint,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

KEY = "opportunities"
LANDSCAPE = False
#: Opportunities side by side in one table of scores.
PER_TABLE = 4
#: Named one by one on the counselor's page; the rest counted.
NAMED = 3
GAP_FILL = "#f6dfc0"
AMBER = "#c07a2c"


def _summary(context: Context) -> OpportunitySummary:
    return opportunity_summary(context.plan, REPORT)


def _total(row: SummaryOpportunity, side: int) -> str:
    total = row.totals[side]
    if total.rounded is None:
        return "—"
    return f"{total.rounded}" if total.complete else f"{total.rounded} ({total.counted}/{total.of})"


def points(context: Context) -> list[Point]:
    summary = _summary(context)
    first, second = summary.partners
    revealed = [row for row in summary.opportunities if row.revealed]
    result: list[Point] = []
    if len(revealed) >= 2:
        tops = []
        for side in (0, 1):
            scored = [r for r in revealed if r.totals[side].rounded is not None]
            if scored:
                tops.append(max(scored, key=lambda r: r.totals[side].value or 0.0))
        if len(tops) == 2 and tops[0].title == tops[1].title:
            top = tops[0]
            result.append(Point(KEY, True, f"Opportunities: both rank “{top.title}” highest "
                                           f"({first} {_total(top, 0)}, {second} "
                                           f"{_total(top, 1)} of 100)."))
        elif len(tops) == 2:
            result.append(Point(KEY, False, f"Opportunities: {first}’s highest total is "
                                            f"“{tops[0].title}” ({_total(tops[0], 0)}), "
                                            f"{second}’s is “{tops[1].title}” "
                                            f"({_total(tops[1], 1)})."))
    open_points = [p for p in summary.points if p.current and p.discussed_on is None]
    if open_points:
        named = "; ".join(f"{p.title} ({_pair(p.values, first, second)})"
                          for p in open_points[:NAMED])
        more = len(open_points) - NAMED
        result.append(Point(KEY, False, f"Opportunities: {len(open_points)} score or weight "
                                        f"gap{'s' if len(open_points) != 1 else ''} of 3 or "
                                        f"more not yet talked through: {named}"
                                        + (f"; and {more} more." if more > 0 else ".")))
    talked = [p for p in summary.points if p.discussed_on is not None]
    if talked:
        result.append(Point(KEY, True, f"Opportunities: {len(talked)} gap"
                                       f"{'s' if len(talked) != 1 else ''} talked through, "
                                       "with what was agreed."))
    return result


def _pair(values: tuple[int | None, int | None], first: str, second: str) -> str:
    def one(value: int | None) -> str:
        return "—" if value is None else str(value)

    return f"{first} {one(values[0])}, {second} {one(values[1])}"


def story(context: Context) -> list[Flowable]:
    summary = _summary(context)
    width = context.portrait[0]
    parts: list[Flowable] = [heading("Opportunities", KEY),
                             sentence(summary.explanation, SMALL)]
    if not summary.opportunities:
        parts.append(sentence("No opportunities are in the plan yet."))
        return parts
    parts += _ranking(context, summary, width)
    if summary.sensitivity:
        parts.append(sentence(summary.sensitivity, BODY))
    revealed = [row for row in summary.opportunities if row.revealed]
    if revealed and summary.chart.criteria:
        count = min(len(summary.chart.opportunities), 12)
        parts += [heading("Weighted totals, by criterion", "opportunities-chart", 1),
                  chart(lambda w, h: _chart(summary, w, h), width,
                        min(context.portrait[1] * 0.6, 90 + 34 * count), context)]
    parts += _weights(summary, width)
    parts += _scores(summary, revealed, width)
    parts += _talk(summary, width)
    return parts


def _chart(summary: OpportunitySummary, width_in: float, height_in: float) -> Figure:
    from report.charts.opportunities import weighted_totals

    return weighted_totals(summary.chart, width_in, height_in)


def _ranking(context: Context, summary: OpportunitySummary, width: float) -> list[Flowable]:
    first, second = summary.partners
    rows: list[list[object]] = [["Rank", "Opportunity", "Status", first, second, "Combined"]]
    for row in summary.opportunities:
        about = " · ".join(part for part in (row.whose, row.employer, row.location, row.salary)
                           if part)
        title = f"{row.title}\n{about}" if about else row.title
        if row.revealed:
            combined = "—" if row.combined.rounded is None else str(row.combined.rounded)
            rows.append([str(row.rank or "—"), title, row.status, _total(row, 0),
                         _total(row, 1), combined])
        else:
            rows.append(["", title, row.status, row.progress, "", ""])
    spans = [("SPAN", (3, n), (5, n)) for n, row in enumerate(summary.opportunities, 1)
             if not row.revealed]
    return [heading("The ranking", "opportunities-ranking", 1),
            sentence("Each partner’s weighted total from 0 to 100, over the criteria both "
                     "weighted and scored (a number in brackets: how many of them counted; a "
                     "missing score is never a zero). The combined total is their average.",
                     SMALL),
            table(rows, [w * width for w in (0.07, 0.39, 0.13, 0.135, 0.135, 0.14)],
                  extra=spans)]


def _weights(summary: OpportunitySummary, width: float) -> list[Flowable]:
    first, second = summary.partners
    parts: list[Flowable] = [heading("What matters, and how much", "opportunities-weights", 1)]
    if not summary.criteria:
        parts.append(sentence("No criteria yet."))
        return parts
    if any(c.weights == (None, None) for c in summary.criteria):
        parts.append(sentence(summary.weights_progress, SMALL))
    rows: list[list[object]] = [["Criterion", f"{first}’s weight", f"{second}’s weight",
                                 "Share of the combined total"]]
    gaps = []
    for number, criterion in enumerate(summary.criteria, 1):
        share = "—" if criterion.share is None else f"{round(criterion.share * 100)} %"
        rows.append([criterion.title, *("—" if w is None else str(w) for w in criterion.weights),
                     share])
        if criterion.differs:
            gaps.append(("BACKGROUND", (1, number), (2, number), HexColor(GAP_FILL)))
    parts.append(table(rows, [w * width for w in (0.4, 0.18, 0.18, 0.24)], extra=gaps))
    return parts


def _scores(summary: OpportunitySummary, revealed: list[SummaryOpportunity],
            width: float) -> list[Flowable]:
    first, second = summary.partners
    parts: list[Flowable] = [heading("Both partners’ scores", "opportunities-scores", 1)]
    if not revealed:
        parts.append(sentence("No opportunity’s scores are revealed yet: they are shown once "
                              "both partners are done scoring it."))
        return parts
    parts.append(sentence(f"Each cell: {first}’s score, then {second}’s, from 1 to 10. Cells "
                          "3 or more apart are shaded.", SMALL))
    for start in range(0, len(revealed), PER_TABLE):
        chunk = revealed[start:start + PER_TABLE]
        rows: list[list[object]] = [["Criterion", *(row.title for row in chunk)]]
        shading = []
        for index, criterion in enumerate(summary.criteria):
            cells = []
            for column, row in enumerate(chunk, 1):
                one, two = row.scores[index]
                cells.append(f"{'—' if one is None else one}  /  {'—' if two is None else two}")
                if row.differs[index]:
                    shading.append(("BACKGROUND", (column, index + 1), (column, index + 1),
                                    HexColor(GAP_FILL)))
            rows.append([criterion.title, *cells])
        rest = (width * 0.72) / PER_TABLE
        parts += [table(rows, [width * 0.28, *([rest] * len(chunk))], extra=[
            ("ALIGN", (1, 1), (-1, -1), "CENTER"), *shading]), space(8)]
    return parts


def _talk(summary: OpportunitySummary, width: float) -> list[Flowable]:
    first, second = summary.partners
    parts: list[Flowable] = [heading("To talk about", "opportunities-talk", 1)]
    if not summary.points:
        parts.append(sentence("No score or weight is 3 or more apart."))
        return parts
    lines = []
    for point in summary.points:
        text = f"{point.title}: {_pair(point.values, first, second)}"
        if not point.current:
            text += " (closer now)"
        if point.discussed_on is not None:
            text += " · talked through"
        if point.note:
            text += f"\nAgreed: {point.note}"
        lines.append((AMBER if point.discussed_on is None else tint(AMBER, 0.5), text))
    parts.append(bullets(lines, width))
    return parts
