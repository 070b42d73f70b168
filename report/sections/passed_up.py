"""The opportunity-cost log in the report: opportunities each partner passed
up for the relationship, with what was gained and what was lost. The
section is off by default: the log is personal."""

from __future__ import annotations

from reportlab.platypus import Flowable

from models.passed_up import passed_up_lines
from report.page import SMALL, Context, Point, heading, sentence, table

KEY = "passed_up"
LANDSCAPE = False


def points(context: Context) -> list[Point]:
    lines = passed_up_lines(context.plan)
    if not lines:
        return []
    counts = {p.name: sum(1 for line in lines if line.partner == p.name) for p in context.pair}
    said = ", ".join(f"{name} {count}" for name, count in counts.items())
    if all(counts.values()):
        return [Point(KEY, True, f"Both have passed up opportunities for the relationship "
                                 f"({said}).")]
    return [Point(KEY, False, f"Opportunities passed up for the relationship: {said}. "
                              "One-sided sacrifice is worth talking about, without blame.")]


def story(context: Context) -> list[Flowable]:
    width = context.portrait[0]
    parts: list[Flowable] = [
        heading("Opportunities passed up", KEY),
        sentence("The opportunity-cost discussion: real opportunities one of them passed up "
                 "for the relationship, and, without blame, what was gained and what was "
                 "lost.", SMALL)]
    lines = passed_up_lines(context.plan)
    if not lines:
        parts.append(sentence("No opportunity passed up is written down."))
        return parts
    rows: list[list[object]] = [["When", "Who", "Opportunity", "What was gained",
                                 "What was lost"]]
    for line in lines:
        rows.append([context.dates.text(line.passed_on), line.partner, line.title, line.gained,
                     line.lost])
    parts.append(table(rows, [width * f for f in (0.13, 0.12, 0.25, 0.25, 0.25)]))
    return parts
