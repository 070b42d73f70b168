"""Support structures in the report: each partner's career support budget and
what was used, the shared members of each board of directors (a member kept
private never reaches the report), the household load with its chart, the
agreed burnout protocol and the pivot explorations. Off by default: budgets
and the household are personal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from models.privacy import REPORT
from models.support import (
    board_members,
    board_roles,
    budget_categories,
    budget_lines,
    budget_totals,
    burnout_protocol,
    format_hours,
    format_money,
    household_balance,
    household_shares,
    household_tasks,
    pivot_periods,
    pivot_statuses,
)
from report.page import SMALL, Context, Point, chart, heading, sentence, space, table

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from models.support import HouseholdShare

KEY = "support"
LANDSCAPE = False
#: A partner carrying this share of the household hours or more is a point to talk about.
UNEVEN = 60


def points(context: Context) -> list[Point]:
    result = []
    shares = household_shares(context.plan)
    total = sum(s.hours for s in shares)
    if total > 0:
        heavier = max(shares, key=lambda s: s.hours)
        percent = round(100 * heavier.hours / total)
        if percent >= UNEVEN:
            result.append(Point(KEY, False, f"Household: {heavier.name} carries {percent}% of "
                                            f"the {format_hours(round(total, 1))} hours a week."))
        else:
            result.append(Point(KEY, True, "Household: the hours a week are shared about "
                                           "evenly."))
    for total_row in budget_totals(context.plan):
        if total_row.money_per_month and total_row.money_used > total_row.money_per_month:
            result.append(Point(KEY, False, f"{total_row.name} used more of their career "
                                            "support budget than planned."))
    protocol = burnout_protocol(context.plan)
    if protocol is not None and protocol.signals and protocol.protocol:
        result.append(Point(KEY, True, "You have agreed burnout signals and a protocol."))
    return result


def story(context: Context) -> list[Flowable]:
    width = context.portrait[0]
    parts: list[Flowable] = [heading("Support structures", KEY)]
    empty = len(parts)
    parts += _budget(context, width)
    parts += _board(context, width)
    parts += _household(context, width)
    parts += _burnout(context)
    parts += _pivots(context, width)
    if len(parts) == empty:
        parts.append(sentence("Nothing here yet: no budget, board of directors, household "
                              "tasks, burnout protocol or pivot exploration is in the plan."))
    return parts


def _name(context: Context, uuid: str | None) -> str:
    partner = context.partner(uuid)
    return partner.name if partner is not None else "Both"


def _budget(context: Context, width: float) -> list[Flowable]:
    lines = budget_lines(context.plan)
    if not lines:
        return []
    labels = budget_categories()
    rows: list[list[object]] = [["Partner", "For", "Money a month", "Used", "Hours a month",
                                 "Used"]]
    for line in lines:
        rows.append([_name(context, line.partner_uuid), labels.get(line.category, line.category),
                     format_money(line.money_per_month), format_money(line.money_used),
                     format_hours(line.hours_per_month), format_hours(line.hours_used)])
    totals = "; ".join(f"{t.name}: {format_money(t.money_used)} of {format_money(t.money_per_month)}"
                       f" a month used, {format_hours(t.hours_used)} of "
                       f"{format_hours(t.hours_per_month)} hours"
                       for t in budget_totals(context.plan))
    column = (width - 0.34 * width) / 4
    return [heading("Career support budget", "support-budget", 1),
            sentence("Money and time each partner may spend on their career every month, "
                     "and what was actually used.", SMALL),
            table(rows, [0.16 * width, 0.18 * width, column, column, column, column]),
            space(), sentence(totals + ".", SMALL)]


def _board(context: Context, width: float) -> list[Flowable]:
    members = [m for m in board_members(context.plan, REPORT) if not m.is_draft]
    if not members:
        return []
    roles = board_roles()
    notes = context.options.notes
    rows: list[list[object]] = [["Whose board", "Who", "Role",
                                 *(["How they help"] if notes else [])]]
    for member in members:
        rows.append([_name(context, member.partner_uuid), member.name,
                     roles.get(member.role, member.role), *([member.note] if notes else [])])
    widths = [0.18 * width, 0.28 * width, 0.18 * width] + ([0.36 * width] if notes else [])
    return [heading("Board of directors", "support-board", 1), table(rows, widths)]


def _household(context: Context, width: float) -> list[Flowable]:
    tasks = household_tasks(context.plan)
    if not tasks:
        return []
    shares = household_shares(context.plan)
    rows: list[list[object]] = [["Task", "Who", "Hours a week", "Invisible labor"]]
    for task in tasks:
        rows.append([task.title, _name(context, task.partner_uuid),
                     format_hours(task.hours_per_week), "yes" if task.invisible else ""])
    return [heading("Household load", "support-household", 1),
            sentence(household_balance(shares)),
            chart(lambda w, h: _chart(shares, w, h), width, 130, context),
            table(rows, [0.46 * width, 0.2 * width, 0.16 * width, 0.18 * width])]


def _chart(shares: list[HouseholdShare], width_in: float, height_in: float) -> Figure:
    from report.charts.support import household_chart

    return household_chart(shares, width_in, height_in)


def _burnout(context: Context) -> list[Flowable]:
    protocol = burnout_protocol(context.plan)
    if protocol is None or not (protocol.signals or protocol.protocol):
        return []
    parts: list[Flowable] = [heading("Burnout protocol", "support-burnout", 1)]
    if protocol.signals:
        parts += [sentence("The signals", SMALL), sentence(protocol.signals)]
    if protocol.protocol:
        parts += [sentence("What we do then", SMALL), sentence(protocol.protocol)]
    return parts


def _pivots(context: Context, width: float) -> list[Flowable]:
    pivots = pivot_periods(context.plan)
    if not pivots:
        return []
    statuses = pivot_statuses()
    rows: list[list[object]] = [["Who", "Exploring", "When", "What will decide it", "Status"]]
    for pivot in pivots:
        status = statuses.get(pivot.status, pivot.status)
        if pivot.outcome:
            status += f": {pivot.outcome}"
        rows.append([_name(context, pivot.partner_uuid), pivot.what,
                     f"{context.dates.text(pivot.start_date)} – "
                     f"{context.dates.text(pivot.end_date)}", pivot.decides, status])
    return [heading("Pivot exploration", "support-pivot", 1),
            table(rows, [0.13 * width, 0.22 * width, 0.2 * width, 0.27 * width, 0.18 * width])]
