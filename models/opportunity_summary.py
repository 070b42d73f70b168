"""What the Opportunities tab and the counselor report show of the matrix,
in words and plain data: who is done, decisions and their deadlines, the
points to talk about, the chart's bars, and the report's summary. Everything
here starts from a :class:`~models.opportunities.Matrix`, which holds only
what one viewer may see."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple, Protocol

from models.opportunities import (
    DiscussionPoint,
    Matrix,
    Opportunity,
    content,
    read_matrix,
    salary_text,
    status_labels,
)
from models.opportunity_scoring import Combined, Total, describe_sensitivity
from models.privacy import Viewer
from models.reveal import RevealState

if TYPE_CHECKING:
    from models.plan_file import PlanFile


# -- who is done ---------------------------------------------------------------------------

class Named(Protocol):
    """A partner, or a plain copy of one a view keeps."""

    @property
    def uuid(self) -> str: ...

    @property
    def name(self) -> str: ...


def progress_words(pair: Sequence[Named], state: RevealState, doing: str = "scoring") -> str:
    """Who is done, in words, naming nothing of what they wrote:
    "Rachel is done; Marcus is still scoring"."""
    done = [p.name for p in pair if state.is_done(p.uuid)]
    busy = [p.name for p in pair if not state.is_done(p.uuid)]
    if not busy:
        return "You are both done: revealed"
    if not done:
        return f"{busy[0]} and {busy[1]} are still {doing}" if len(busy) == 2 \
            else f"{busy[0]} is still {doing}"
    return f"{done[0]} is done; {busy[0]} is still {doing}"


# -- decisions and their deadlines -----------------------------------------------------------

#: A decision deadline this many days away (or past) is worth a gentle reminder.
REMIND_DAYS = 7


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


def due_words(deadline: date, today: date) -> str:
    """ "today", "tomorrow", "in 3 days", "2 days ago", "on 2027-01-15"."""
    days = (deadline - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    if 1 < days <= 31:
        return f"in {_days(days)}"
    if -31 <= days < -1:
        return f"{_days(-days)} ago"
    return f"on {deadline.isoformat()}"


def decision_words(row: Opportunity, today: date) -> str:
    """The Decision column: "Considering · decide in 3 days", "Accepted"…"""
    label = status_labels().get(row.status, row.status)
    if row.is_considered and row.decide_by is not None:
        days = (row.decide_by - today).days
        verb = "was due" if days < 0 else "decide"
        return f"{label} · {verb} {due_words(row.decide_by, today)}"
    if row.status == "accepted" and row.roadmap_item_uuid:
        return f"{label} · on the roadmap"
    return label


def deadline_notice(rows: Iterable[Opportunity], today: date) -> str:
    """A gentle reminder of decisions due within a week or past, for
    opportunities still being considered; "" when there is none."""
    due = sorted((row.decide_by, row.title) for row in rows
                 if row.is_considered and row.decide_by is not None
                 and (row.decide_by - today).days <= REMIND_DAYS)
    if not due:
        return ""
    if len(due) == 1:
        deadline, title = due[0]
        if deadline < today:
            return (f"The decision on “{title}” was due {due_words(deadline, today)}. Still "
                    "considering it? Talk it through together, then mark it accepted or "
                    "declined, or give yourselves a new date.")
        return (f"The decision on “{title}” is due {due_words(deadline, today)} "
                f"({deadline.strftime('%A')} {deadline.day} {deadline.strftime('%B')}). "
                "A good moment to compare your scores together.")
    listed = ", ".join(f"“{title}” ({due_words(deadline, today)})" for deadline, title in due[:4])
    more = f" and {len(due) - 4} more" if len(due) > 4 else ""
    return f"Decisions due soon: {listed}{more}. A good moment to sit down together."


# -- discussion points, the report's summary and the chart's data -------------------------------

class DiscussionItem(NamedTuple):
    """A point to talk about, as one viewer sees it: where both partners'
    visible scores (or weights, ``opportunity_uuid`` None) differ by 3 or
    more, or where the couple noted an agreement before (``current`` False
    once they no longer differ that much). A tuple: there may be thousands."""

    criterion_uuid: str
    opportunity_uuid: str | None
    #: Both partners' values, in slot order (None where not visible).
    values: tuple[int | None, int | None]
    current: bool
    note: DiscussionPoint | None

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.criterion_uuid, self.opportunity_uuid)

    @property
    def discussed(self) -> bool:
        return self.note is not None and self.note.discussed_on is not None


def discussion_items(matrix: Matrix,
                     opportunity_uuids: Iterable[str] | None = None) -> list[DiscussionItem]:
    """The discussion list: weights first, then opportunities, in the grid's
    order; with ``opportunity_uuids``, only those opportunities' points (for
    updating a list after one score)."""
    board = matrix.board
    only = None if opportunity_uuids is None else set(opportunity_uuids)
    current = {(p.criterion_uuid, p.opportunity_uuid): p.values
               for p in board.points(None if only is None else
                                     [o for o in board.opportunities if o in only])}
    known_criteria = set(board.criteria)
    order = {uuid: i for i, uuid in enumerate(board.opportunities)}
    columns = {uuid: i for i, uuid in enumerate(board.criteria)}
    keys = set(current) | {k for k in matrix.discussions
                           if k[0] in known_criteria and (k[1] is None or k[1] in order)
                           and (only is None or k[1] in only)}
    notes = matrix.discussions
    if keys == current.keys():  # no note on a point that has gone: already in order
        return [DiscussionItem(key[0], key[1], values, True, notes.get(key))
                for key, values in current.items()]
    found: list[DiscussionItem] = []
    one, two = board.partners
    for key in sorted(keys, key=lambda k: (-1 if k[1] is None else order[k[1]], columns[k[0]])):
        criterion, opportunity_uuid = key
        if key in current:
            values: tuple[int | None, int | None] = current[key]
        elif opportunity_uuid is None:
            values = (board.weight(one, criterion), board.weight(two, criterion))
        else:
            values = (board.score(opportunity_uuid, one, criterion),
                      board.score(opportunity_uuid, two, criterion))
        found.append(DiscussionItem(criterion, opportunity_uuid, values, key in current,
                                    notes.get(key)))
    return found


def point_title(matrix: Matrix, criterion_uuid: str, opportunity_uuid: str | None) -> str:
    """“Seattle offer” · Salary, or: Weights of “Salary”."""
    criterion = next((c.title for c in matrix.criteria if c.uuid == criterion_uuid), "?")
    if opportunity_uuid is None:
        return f"Weights of “{criterion}”"
    title = next((o.title for o in matrix.opportunities if o.uuid == opportunity_uuid), "?")
    return f"“{title}” · {criterion}"


def ranked_rows(matrix: Matrix) -> list[Opportunity]:
    """The opportunities by rank (best first), then those without one, in order."""
    ranks = matrix.board.ranks()
    position = {row.uuid: i for i, row in enumerate(matrix.opportunities)}
    return sorted(matrix.opportunities,
                  key=lambda row: (ranks.get(row.uuid, len(position) + 1), position[row.uuid]))


@dataclass(frozen=True)
class ChartBar:
    """One partner's weighted total of one opportunity, split by criterion."""

    partner_name: str
    color: str
    #: Points each criterion brings, in the criteria's order (0 where it does not count).
    parts: tuple[float, ...]
    total: int
    complete: bool


@dataclass(frozen=True)
class ChartOpportunity:
    title: str
    #: Each partner's bar, in slot order; None where the viewer can't see one.
    bars: tuple[ChartBar | None, ChartBar | None]


@dataclass(frozen=True)
class OpportunityChart:
    criteria: tuple[str, ...]
    partners: tuple[tuple[str, str], tuple[str, str]]  # (name, colour) in slot order
    opportunities: tuple[ChartOpportunity, ...]


def chart_data(matrix: Matrix) -> OpportunityChart:
    """What the chart of weighted totals shows, as the matrix's viewer may see
    it: opportunities in the ranking's order, then those without a rank."""
    board = matrix.board
    column = {uuid: i for i, uuid in enumerate(board.criteria)}
    found: list[ChartOpportunity] = []
    for row in ranked_rows(matrix):
        bars: list[ChartBar | None] = []
        for partner in matrix.partners:
            total = board.total(row.uuid, partner.uuid)
            if total.rounded is None:
                bars.append(None)
                continue
            parts = [0.0] * len(board.criteria)
            for criterion, points in board.contributions(row.uuid, partner.uuid):
                parts[column[criterion]] = points
            bars.append(ChartBar(partner.name, partner.color, tuple(parts), total.rounded,
                                 total.complete))
        found.append(ChartOpportunity(row.title, (bars[0], bars[1])))
    return OpportunityChart(tuple(c.title for c in matrix.criteria),
                            ((matrix.partners[0].name, matrix.partners[0].color),
                             (matrix.partners[1].name, matrix.partners[1].color)),
                            tuple(found))


@dataclass(frozen=True)
class SummaryCriterion:
    title: str
    #: Both partners' weights, in slot order; None where not given or not revealed.
    weights: tuple[int | None, int | None]
    #: How much it counts in the combined total (0 to 1); None until both weighted all.
    share: float | None
    differs: bool


@dataclass(frozen=True)
class SummaryOpportunity:
    title: str
    whose: str
    employer: str
    location: str
    salary: str
    status: str
    arose_on: date
    decide_by: date | None
    #: Both partners' scores are shown (both are done with it).
    revealed: bool
    #: Who is done, in words ("Rachel is done; Marcus is still scoring").
    progress: str
    #: Per criterion, in order: both partners' scores (None: missing or hidden).
    scores: tuple[tuple[int | None, int | None], ...]
    differs: tuple[bool, ...]
    totals: tuple[Total, Total]
    combined: Combined
    rank: int | None


@dataclass(frozen=True)
class SummaryPoint:
    title: str
    values: tuple[int | None, int | None]
    current: bool
    discussed_on: date | None
    note: str


@dataclass(frozen=True)
class OpportunitySummary:
    """The matrix as the report prints it, for one viewer (the report's own,
    :data:`models.privacy.REPORT`): only what is revealed or shared."""

    partners: tuple[str, str]
    criteria: tuple[SummaryCriterion, ...]
    #: By rank (ranked first, best first), then the others in the grid's order.
    opportunities: tuple[SummaryOpportunity, ...]
    points: tuple[SummaryPoint, ...]
    weights_progress: str
    sensitivity: str
    explanation: str
    chart: OpportunityChart


def summarize(plan: PlanFile, viewer: Viewer) -> OpportunitySummary:
    """See :func:`models.opportunities.opportunity_summary`."""
    matrix = read_matrix(plan, viewer)
    board, pair = matrix.board, matrix.partners
    one, two = board.partners
    shares = board.shares()
    summary_criteria = tuple(
        SummaryCriterion(c.title, (board.weight(one, c.uuid), board.weight(two, c.uuid)),
                         shares.get(c.uuid), board.weight_differs(c.uuid))
        for c in matrix.criteria)
    ranked = board.ranks()
    names = matrix.names()
    rows: list[SummaryOpportunity] = []
    for row in ranked_rows(matrix):
        state = matrix.reveals.get(row.uuid, RevealState())
        rows.append(SummaryOpportunity(
            title=row.title, whose=names.get(row.partner_uuid or "", "Both of you"),
            employer=row.employer, location=row.location, salary=salary_text(row),
            status=status_labels().get(row.status, row.status), arose_on=row.arose_on,
            decide_by=row.decide_by, revealed=state.revealed,
            progress=progress_words(pair, state),
            scores=tuple((board.score(row.uuid, one, c), board.score(row.uuid, two, c))
                         for c in board.criteria),
            differs=tuple(board.score_differs(row.uuid, c) for c in board.criteria),
            totals=(board.total(row.uuid, one), board.total(row.uuid, two)),
            combined=board.combined(row.uuid), rank=ranked.get(row.uuid)))
    points = tuple(
        SummaryPoint(point_title(matrix, item.criterion_uuid, item.opportunity_uuid),
                     item.values, item.current,
                     item.note.discussed_on if item.note else None,
                     item.note.note if item.note else "")
        for item in discussion_items(matrix))
    return OpportunitySummary(
        partners=(pair[0].name, pair[1].name), criteria=summary_criteria,
        opportunities=tuple(rows), points=points,
        weights_progress=progress_words(pair, matrix.weights_reveal, "weighting"),
        sensitivity=describe_matrix_sensitivity(matrix),
        explanation=str(content()["explanation"]), chart=chart_data(matrix))


def describe_matrix_sensitivity(matrix: Matrix) -> str:
    return describe_sensitivity(matrix.board.sensitivity(),
                                {o.uuid: o.title for o in matrix.opportunities},
                                {c.uuid: c.title for c in matrix.criteria}, matrix.names())
