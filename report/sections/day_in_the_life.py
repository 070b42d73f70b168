"""A day in the life in the report: for each scenario both partners have
revealed, the two visions side by side section by section, the synergies and
conflicts the couple marked, and both days on one timeline. A scenario not
revealed yet says only who has finished; its visions are never read."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from models.privacy import REPORT
from models.visions import ScenarioSummary, day_in_the_life_summary
from report.page import (
    SMALL,
    Context,
    Point,
    bullets,
    chart,
    heading,
    sentence,
    table,
    tint,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from models.day_schedule import DayComparison

KEY = "day_in_the_life"
LANDSCAPE = False
#: Marked passages quoted on the counselor's page, each side; the rest counted.
NAMED = 2


def _summaries(context: Context) -> list[ScenarioSummary]:
    return day_in_the_life_summary(context.plan, REPORT)


def _quote(text: str, most: int = 80) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= most else text[:most - 1].rstrip() + '…'}”"


def points(context: Context) -> list[Point]:
    result = []
    for scenario in _summaries(context):
        if not scenario.revealed:
            continue
        for agree in (True, False):
            marks = [m for m in scenario.marks if m.found
                     and (m.kind.id == "synergy") == agree]
            if not marks:
                continue
            what = "synerg" if agree else "conflict"
            count = (f"{len(marks)} {what}{'ies' if agree else 's'}" if len(marks) != 1
                     else f"one {what}{'y' if agree else ''}")
            named = "; ".join(f"{_quote(m.passage, 60)} in {m.partner_name}’s vision"
                              + (f" ({m.note})" if m.note else "") for m in marks[:NAMED])
            more = len(marks) - NAMED
            result.append(Point(KEY, agree, f"A day in the life, “{scenario.title}”: {count} "
                                            f"marked: {named}"
                                            + (f"; and {more} more." if more > 0 else ".")))
    return result


def story(context: Context) -> list[Flowable]:
    width = context.portrait[0]
    parts: list[Flowable] = [heading("A day in the life", KEY),
                             sentence("Each partner wrote, alone, an ideal workday in each "
                                      "scenario; both visions were revealed at the same moment, "
                                      "then compared.", SMALL)]
    summaries = _summaries(context)
    if not summaries:
        parts.append(sentence("No vision is written yet."))
        return parts
    for number, scenario in enumerate(summaries):
        parts.append(heading(scenario.title, f"day-{number}", 1))
        if not scenario.revealed:
            done = (" and ".join(scenario.done) + " finished"
                    if scenario.done else "neither partner has finished")
            parts.append(sentence(f"Not revealed yet ({done}): the two visions are shown "
                                  "once both partners have finished."))
            continue
        parts += _side_by_side(context, scenario, width)
        parts += _marks(scenario, width)
        if scenario.day is not None:
            parts += [chart(partial(_timeline, scenario.day), width, 150, context),
                      *(sentence(finding, SMALL) for finding in scenario.day.findings)]
    return parts


def _timeline(day: DayComparison, width_in: float, height_in: float) -> Figure:
    from report.charts.day_in_the_life import day_timeline

    return day_timeline(day, width_in, height_in)


def _side_by_side(context: Context, scenario: ScenarioSummary, width: float
                  ) -> list[Flowable]:
    first, second = scenario.visions
    rows: list[list[object]] = [["", first.name, second.name]]
    for one, two in zip(first.sections, second.sections, strict=True):
        if one.text.strip() or two.text.strip():
            rows.append([one.title, one.text or "—", two.text or "—"])
    if len(rows) == 1:
        return [sentence("Both visions are empty.")]
    header = [("BACKGROUND", (1, 0), (1, 0), HexColor(tint(first.color, 0.25))),
              ("BACKGROUND", (2, 0), (2, 0), HexColor(tint(second.color, 0.25)))]
    return [table(rows, [width * 0.18, width * 0.41, width * 0.41], striped=False,
                  extra=header)]


def _marks(scenario: ScenarioSummary, width: float) -> list[Flowable]:
    if not scenario.marks:
        return [sentence("No synergies or conflicts are marked yet.", SMALL)]
    lines = []
    for mark in scenario.marks:
        where = f"{mark.kind.label} in {mark.partner_name}’s “{mark.section_title}”"
        text = f"{where}: {_quote(mark.passage)}"
        if mark.note:
            text += f" — {mark.note}"
        text += (" (marked together)" if mark.marked_by == "Both of you"
                 else f" (marked by {mark.marked_by})")
        if not mark.found:
            text += "; the passage is no longer in the vision"
        lines.append((mark.kind.color, text))
    return [sentence("Marked passages", SMALL), bullets(lines, width)]
