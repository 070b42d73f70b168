"""Goals and wins in the report: each partner's short- and long-term goals
with the strengths they bring and the weaknesses to offset, the goals where
their paths overlap, and the log of wins with the other partner's note of
appreciation. Goals and wins are written together, so nothing here is
private; a win's own notes follow the report's "notes" choice."""

from __future__ import annotations

from reportlab.platypus import Flowable

from models.goals import GoalLine, WinLine, goal_lines, win_lines
from report.page import H2, SMALL, Context, Heading, Point, bullets, heading, ours, sentence, table

KEY = "goals"
LANDSCAPE = False
SHARED_INK = "#7a5c99"
WIN_INK = "#c9a227"
#: Named on the counselor's page; the rest counted.
NAMED = 3


def points(context: Context) -> list[Point]:
    result = []
    shared = [line for line in goal_lines(context.plan) if line.overlaps]
    if shared:
        named = "; ".join(f"{line.partner}: “{line.title}”" for line in shared[:NAMED])
        more = len(shared) - NAMED
        result.append(Point(KEY, True, "Goals where their career paths overlap: " + named
                            + (f"; and {more} more." if more > 0 else ".")))
    wins = win_lines(context.plan)
    if wins:
        counts = ", ".join(f"{p.name} {sum(1 for w in wins if w.partner == p.name)}"
                           for p in context.pair)
        waiting = sum(1 for w in wins if not w.appreciation)
        if waiting:
            result.append(Point(KEY, False, f"Wins logged: {counts}; {waiting} still without "
                                            "a note of appreciation from the other partner."))
        else:
            result.append(Point(KEY, True, f"Wins logged: {counts}; each one appreciated by "
                                           "the other partner."))
    return result


def story(context: Context) -> list[Flowable]:
    width = context.portrait[0]
    parts: list[Flowable] = [
        heading("Goals and wins", KEY),
        sentence("Each partner’s short- and long-term goals, with the strengths they bring "
                 "and the weaknesses to offset; goals where their paths overlap are marked. "
                 "Wins are logged as the couple’s victories, with a note of appreciation "
                 "from the other partner.", SMALL)]
    lines = goal_lines(context.plan)
    if not lines:
        parts.append(sentence("No goals written down yet."))
    for partner in context.pair:
        mine = [line for line in lines if line.partner == partner.name]
        if mine:
            parts += [_subheading(ours(f"{partner.name}’s goals"), f"{KEY}-{partner.slot}"),
                      _goal_table(context, mine, width)]
    shared = [line for line in lines if line.overlaps]
    if shared:
        parts += [_subheading("Where their paths overlap", f"{KEY}-overlap"),
                  bullets([(SHARED_INK, f"{line.partner}: {line.title}") for line in shared],
                          width)]
    parts += _wins(context, win_lines(context.plan), width)
    return parts


def _subheading(text: str, key: str) -> Heading:
    """A bookmark, kept out of the contents: the contents page stays one page."""
    return Heading(text, H2, key, 1, listed=False)


def _goal_table(context: Context, lines: list[GoalLine], width: float) -> Flowable:
    rows: list[list[object]] = [["Term", "Goal", "By", "Strengths", "Weaknesses to offset",
                                 "Status"]]
    for line in lines:
        title = line.title + ("\n(our paths overlap)" if line.overlaps else "")
        by = context.dates.text(line.target_date) if line.target_date else ""
        rows.append([line.horizon, title, by, line.strengths, line.weaknesses, line.status])
    return table(rows, [width * f for f in (0.1, 0.22, 0.11, 0.23, 0.23, 0.11)])


def _wins(context: Context, wins: list[WinLine], width: float) -> list[Flowable]:
    parts: list[Flowable] = [heading("Wins, celebrated together", f"{KEY}-wins", 1)]
    if not wins:
        parts.append(sentence("No wins logged yet."))
        return parts
    rows: list[list[object]] = [["When", "Whose", "Win", "Appreciation"]]
    for win in wins:
        title = win.title + (f"\n{win.notes}" if win.notes and context.options.notes else "")
        thanks = f"{win.appreciated_by}: {win.appreciation}" if win.appreciation else "—"
        rows.append([context.dates.text(win.won_on), win.partner, title, thanks])
    parts.append(table(rows, [width * f for f in (0.14, 0.14, 0.34, 0.38)]))
    return parts
