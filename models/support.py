"""Support structures: what carries two careers day to day.

- A career support budget per partner: money and hours a month for courses,
  conferences, a job search…, beside what was actually used.
- Each partner's "board of directors": mentors, coaches, friends, other
  dual-career couples, therapists. A member can be kept to its writer alone
  (a therapist, say) until they share it (:class:`~models.privacy.Private`).
- The household load: tasks, who does them, hours a week, and which are
  invisible labor (the seed: "make invisible labor visible").
- The burnout protocol the couple agreed: the signals, and what they do then.
- Pivot exploration periods: what is explored, until when, what will decide
  it; each shown on the roadmap as a "pivot" phase in the partner's lane.

Values are parsed here (amounts and hours typed as text), so the tab refuses
"abc" or "-3" with the same message as any other field.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

import resources
from models.base import Entity, parent_link
from models.changes import Edit, delete, insert, update
from models.errors import ValidationError
from models.partners import partners
from models.privacy import Private, Viewer, now_stamp
from models.roadmap import RoadmapItem, linked_item, new_item
from models.validation import check_choice, check_date, check_span, clean_text

if TYPE_CHECKING:
    from models.plan_file import PlanFile

NAME_MAX = 120
NOTE_MAX = 1000
TASK_MAX = 120
PROTOCOL_MAX = 5000
#: A month's budget above this (in any currency) is a typo, not a budget.
MONEY_MAX = 10**9
HOURS_IN_MONTH = 744
HOURS_IN_WEEK = 168
#: The roadmap kind a pivot exploration period shows as.
PIVOT_KIND = "pivot"


@cache
def content() -> dict[str, Any]:
    data: dict[str, Any] = resources.load_json("content/support.json")
    return data


@cache
def budget_categories() -> dict[str, str]:
    return {c["id"]: c["label"] for c in content()["budget"]["categories"]}


@cache
def board_roles() -> dict[str, str]:
    return {r["id"]: r["label"] for r in content()["board"]["roles"]}


@cache
def pivot_statuses() -> dict[str, str]:
    return {s["id"]: s["label"] for s in content()["pivot"]["statuses"]}


# -- numbers typed as text --------------------------------------------------------

def parse_number(value: object, field: str, label: str, most: float, *,
                 whole: bool = False) -> float:
    """A number from 0 to ``most`` from what was typed ("12", "2.5", "1,5",
    "1 200"); refused with a message naming ``label`` otherwise."""
    if isinstance(value, bool):
        raise ValidationError(field, f"{label} must be a number.")
    if isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "")
        if not text:
            return 0
        if text.count(",") == 1 and "." not in text and len(text.split(",")[1]) != 3:
            text = text.replace(",", ".")  # a decimal comma
        text = text.replace(",", "")  # thousands
        try:
            number = float(text)
        except ValueError:
            raise ValidationError(field, f"{label} must be a number, like 12 or 2.5; "
                                  f"“{value.strip()[:40]}” is not.") from None
    elif isinstance(value, int | float):
        number = float(value)
    else:
        raise ValidationError(field, f"{label} must be a number.")
    if not math.isfinite(number) or number < 0:
        raise ValidationError(field, f"{label} can’t be below 0.")
    if number > most:
        raise ValidationError(field, f"{label} is at most {most:,.0f}.")
    if whole and number != int(number):
        raise ValidationError(field, f"{label} is a whole amount, without cents.")
    return number


def _hours(value: object, field: str, label: str, most: float) -> float:
    """Hours to a tenth (a quarter of an hour is close enough to plan with)."""
    return round(parse_number(value, field, label, most), 1)


def _money(value: object, field: str, label: str) -> int:
    return int(parse_number(value, field, label, MONEY_MAX, whole=True))


def format_hours(hours: float) -> str:
    return f"{hours:g}"


def format_money(amount: int) -> str:
    return f"{amount:,}"



# -- the stored things ------------------------------------------------------------

class BudgetLine(Entity):
    """One line of a partner's career support budget, a month at a time."""

    __tablename__ = "support_budget"
    noun = "budget line"
    limits = {"note": ("The note", NOTE_MAX)}

    partner_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("partner.uuid", ondelete="RESTRICT"))
    category: Mapped[str] = mapped_column(String)
    money_per_month: Mapped[int] = mapped_column(Integer, default=0)
    hours_per_month: Mapped[float] = mapped_column(Float, default=0.0)
    money_used: Mapped[int] = mapped_column(Integer, default=0)
    hours_used: Mapped[float] = mapped_column(Float, default=0.0)
    note: Mapped[str] = mapped_column(String, default="")

    def clean(self) -> None:
        if not self.partner_uuid:
            raise ValidationError("partner_uuid", "Whose budget is it? Choose a partner.")
        check_choice(self.category, budget_categories(), "category", "a budget category")
        self.money_per_month = _money(self.money_per_month, "money_per_month",
                                      "Money a month")
        self.money_used = _money(self.money_used, "money_used", "Money used")
        self.hours_per_month = _hours(self.hours_per_month, "hours_per_month",
                                      "Hours a month", HOURS_IN_MONTH)
        self.hours_used = _hours(self.hours_used, "hours_used", "Hours used", HOURS_IN_MONTH)
        self.note = clean_text(self.note, "note", "The note", required=False)

    @classmethod
    def check_table(cls, session: Session) -> None:
        seen: set[tuple[str, str]] = set()
        for row in session.scalars(select(cls).order_by(cls.uuid)):
            key = (row.partner_uuid, row.category)
            if key in seen:
                raise ValidationError(
                    "category", f"“{budget_categories().get(row.category, row.category)}” is "
                    "in this partner’s budget already.", table=cls.__tablename__, row=row.uuid)
            seen.add(key)


class BoardMember(Private, Entity):
    """Someone on one partner's board of directors. Kept to its writer alone
    while ``shared_at`` is empty."""

    __tablename__ = "board_member"
    noun = "board member"
    limits = {"name": ("The name", NAME_MAX), "note": ("How they help", NOTE_MAX)}

    #: Whose board it is.
    partner_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("partner.uuid", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String)
    role: Mapped[str] = mapped_column(String, default="mentor")
    note: Mapped[str] = mapped_column(String, default="")

    def clean(self) -> None:
        if not self.partner_uuid:
            raise ValidationError("partner_uuid", "Whose board is it? Choose a partner.")
        self.name = clean_text(self.name, "name", "The name")
        check_choice(self.role, board_roles(), "role", "a role on the board")
        self.note = clean_text(self.note, "note", "How they help", required=False)
        self.clean_privacy()


class HouseholdTask(Entity):
    """A task at home, who does it (``None``: both, equally) and its hours a week."""

    __tablename__ = "household_task"
    noun = "household task"
    limits = {"title": ("The task", TASK_MAX)}

    title: Mapped[str] = mapped_column(String)
    partner_uuid: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("partner.uuid", ondelete="RESTRICT"), default=None)
    hours_per_week: Mapped[float] = mapped_column(Float, default=0.0)
    #: Invisible labor: planning, remembering, emotional and family work.
    invisible: Mapped[bool] = mapped_column(Boolean, default=False)

    def clean(self) -> None:
        self.title = clean_text(self.title, "title", "The task")
        self.hours_per_week = _hours(self.hours_per_week, "hours_per_week", "Hours a week",
                                     HOURS_IN_WEEK)
        if not isinstance(self.invisible, bool):
            raise ValidationError("invisible", "Invisible labor is yes or no.")


class BurnoutProtocol(Entity):
    """The couple's agreed burnout protocol: one for the plan."""

    __tablename__ = "burnout_protocol"
    noun = "burnout protocol"
    limits = {"signals": ("The signals", PROTOCOL_MAX),
              "protocol": ("The protocol", PROTOCOL_MAX)}

    signals: Mapped[str] = mapped_column(String, default="")
    protocol: Mapped[str] = mapped_column(String, default="")

    def clean(self) -> None:
        self.signals = clean_text(self.signals, "signals", "The signals", required=False,
                                  multiline=True)
        self.protocol = clean_text(self.protocol, "protocol", "The protocol", required=False,
                                   multiline=True)

    @classmethod
    def check_table(cls, session: Session) -> None:
        rows = list(session.scalars(select(cls).order_by(cls.uuid)))
        if len(rows) > 1:
            raise ValidationError("signals", "A plan has one burnout protocol.",
                                  table=cls.__tablename__, row=rows[1].uuid)


class PivotPeriod(Entity):
    """A time to explore a career change without committing to it."""

    __tablename__ = "pivot_period"
    noun = "pivot exploration"
    limits = {"what": ("What is explored", NAME_MAX),
              "decides": ("What will decide it", NOTE_MAX),
              "outcome": ("What you decided", NOTE_MAX)}

    partner_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("partner.uuid", ondelete="RESTRICT"))
    what: Mapped[str] = mapped_column(String)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    decides: Mapped[str] = mapped_column(String, default="")
    status: Mapped[str] = mapped_column(String, default="exploring")
    outcome: Mapped[str] = mapped_column(String, default="")
    #: The pivot phase on the roadmap, if it is shown there.
    roadmap_item_uuid: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("roadmap_item.uuid", ondelete="RESTRICT"), default=None)
    _roadmap_item: Mapped[RoadmapItem | None] = parent_link("RoadmapItem",
                                                        "PivotPeriod.roadmap_item_uuid")

    def clean(self) -> None:
        if not self.partner_uuid:
            raise ValidationError("partner_uuid", "Who explores it? Choose a partner.")
        self.what = clean_text(self.what, "what", "What is explored")
        check_date(self.start_date, "start_date", "The start")
        check_date(self.end_date, "end_date", "Until")
        check_span(self.start_date, self.end_date, "end_date")
        self.decides = clean_text(self.decides, "decides", "What will decide it",
                                  required=False, multiline=True)
        check_choice(self.status, pivot_statuses(), "status", "a status of a pivot")
        self.outcome = clean_text(self.outcome, "outcome", "What you decided", required=False,
                                  multiline=True)


# -- reading ------------------------------------------------------------------------

def _slots(plan: PlanFile) -> dict[str, int]:
    return {p.uuid: p.slot for p in partners(plan)}


def budget_lines(plan: PlanFile) -> list[BudgetLine]:
    """Both partners' budget lines: by partner, then in the categories' order."""
    order, slots = list(budget_categories()), _slots(plan)
    rows = plan.read(select(BudgetLine))
    return sorted(rows, key=lambda r: (slots.get(r.partner_uuid, 3),
                                       order.index(r.category) if r.category in order else 99,
                                       r.uuid))


def board_members(plan: PlanFile, viewer: Viewer) -> list[BoardMember]:
    """The members ``viewer`` may see (shared, or their own), by board, then name."""
    slots = _slots(plan)
    rows = plan.read(select(BoardMember), viewer)
    return sorted(rows, key=lambda r: (slots.get(r.partner_uuid, 3), r.name.casefold(), r.uuid))


def household_tasks(plan: PlanFile) -> list[HouseholdTask]:
    return plan.read(select(HouseholdTask).order_by(HouseholdTask.title, HouseholdTask.uuid))


def burnout_protocol(plan: PlanFile) -> BurnoutProtocol | None:
    rows = plan.read(select(BurnoutProtocol).order_by(BurnoutProtocol.uuid))
    return rows[0] if rows else None


def pivot_periods(plan: PlanFile) -> list[PivotPeriod]:
    return plan.read(select(PivotPeriod).order_by(PivotPeriod.start_date, PivotPeriod.uuid))


# -- what the numbers say --------------------------------------------------------------

@dataclass(frozen=True)
class BudgetTotal:
    partner_uuid: str
    name: str
    money_per_month: int
    money_used: int
    hours_per_month: float
    hours_used: float


def budget_totals(plan: PlanFile) -> list[BudgetTotal]:
    """Each partner's budget and use, summed over their lines."""
    lines = budget_lines(plan)
    return [BudgetTotal(p.uuid, p.name,
                        sum(r.money_per_month for r in lines if r.partner_uuid == p.uuid),
                        sum(r.money_used for r in lines if r.partner_uuid == p.uuid),
                        round(sum(r.hours_per_month for r in lines if r.partner_uuid == p.uuid),
                              1),
                        round(sum(r.hours_used for r in lines if r.partner_uuid == p.uuid), 1))
            for p in partners(plan)]


@dataclass(frozen=True)
class HouseholdShare:
    """One partner's part of the household load, in hours a week (a task
    done by both counts half for each)."""

    partner_uuid: str
    name: str
    color: str
    visible_hours: float
    invisible_hours: float

    @property
    def hours(self) -> float:
        return round(self.visible_hours + self.invisible_hours, 1)


def household_shares(plan: PlanFile) -> list[HouseholdShare]:
    tasks = household_tasks(plan)
    people = partners(plan)
    shares = []
    for p in people:
        def part(task: HouseholdTask, uuid: str = p.uuid) -> float:
            if task.partner_uuid is None:
                return task.hours_per_week / 2
            return task.hours_per_week if task.partner_uuid == uuid else 0.0
        shares.append(HouseholdShare(
            p.uuid, p.name, p.color,
            round(sum(part(t) for t in tasks if not t.invisible), 2),
            round(sum(part(t) for t in tasks if t.invisible), 2)))
    return shares


def household_balance(shares: list[HouseholdShare]) -> str:
    """One sentence on the balance, for the tab and the report."""
    total = sum(s.hours for s in shares)
    if len(shares) < 2 or total <= 0:
        return "No household hours yet: list the tasks, who does them and their hours a week."
    first, second = sorted(shares, key=lambda s: -s.hours)
    percent = round(100 * first.hours / total)
    said = (f"{first.name} carries {format_hours(first.hours)} h a week ({percent}%), "
            f"{second.name} {format_hours(second.hours)} h ({100 - percent}%).")
    invisible = sum(s.invisible_hours for s in shares)
    if invisible:
        heavier = max(shares, key=lambda s: s.invisible_hours)
        said += (f" Invisible labor: {format_hours(round(invisible, 1))} h, "
                 f"{round(100 * heavier.invisible_hours / invisible)}% of it by {heavier.name}.")
    if percent >= 60:
        said += " That is uneven: worth talking through."
    return said


# -- edits: budget ---------------------------------------------------------------------

def add_budget_line(plan: PlanFile, partner_uuid: str, category: str | None = None,
                    **values: Any) -> Edit:
    """A new line in ``partner_uuid``'s budget: the first category they have
    no line for yet, unless ``category`` is given."""
    taken = {r.category for r in budget_lines(plan) if r.partner_uuid == partner_uuid}
    if category is None:
        free = [c for c in budget_categories() if c not in taken]
        if not free:
            raise ValidationError("category", "Every category is in this budget already.")
        category = free[0]
    values = {"money_per_month": 0, "hours_per_month": 0, "money_used": 0, "hours_used": 0,
              "note": "", **values}
    return (insert(BudgetLine(partner_uuid=partner_uuid, category=category, **values)),)


def edit_row(row: Entity, **values: Any) -> Edit:
    """Change some fields of a budget line, board member or household task."""
    change = update(row, **values)
    return (change,) if change else ()


def delete_rows(rows: list[Entity]) -> Edit:
    return tuple(delete(row) for row in rows)


# -- edits: board ------------------------------------------------------------------------

def add_board_member(viewer: Viewer, partner_uuid: str, name: str, role: str = "mentor",
                     note: str = "", *, only_me: bool = False) -> Edit:
    """Someone on ``partner_uuid``'s board, written by ``viewer``; with
    ``only_me``, their writer's alone until shared."""
    if only_me and not viewer.is_partner:
        raise ValidationError("shared_at", "Keeping someone to yourself needs you at the "
                              "keyboard: choose who you are first (at the top right).")
    return (insert(BoardMember(partner_uuid=partner_uuid, name=name, role=role, note=note,
                               author_uuid=viewer.partner_uuid or None,
                               shared_at=None if only_me else now_stamp())),)


def share_member(row: BoardMember) -> Edit:
    return edit_row(row, shared_at=now_stamp()) if row.is_draft else ()


# -- edits: household --------------------------------------------------------------------

def add_task(title: str, partner_uuid: str | None = None, hours_per_week: object = 0,
             invisible: bool = False) -> Edit:
    return (insert(HouseholdTask(title=title, partner_uuid=partner_uuid,
                                 hours_per_week=hours_per_week, invisible=invisible)),)


# -- edits: burnout ------------------------------------------------------------------------

def set_burnout(plan: PlanFile, **values: str) -> Edit:
    """Write the signals or the protocol (the plan's one protocol is made on first use)."""
    row = burnout_protocol(plan)
    if row is None:
        return (insert(BurnoutProtocol(**{"signals": "", "protocol": "", **values})),)
    return edit_row(row, **values)


# -- edits: pivots ---------------------------------------------------------------------------

def add_pivot(viewer: Viewer, partner_uuid: str, what: str, start: date, end: date,
              decides: str = "", *, on_roadmap: bool = True) -> Edit:
    """A pivot exploration period; with ``on_roadmap``, a "pivot" phase in the
    partner's lane, linked to it, in the same edit (one undo step)."""
    pivot = PivotPeriod(partner_uuid=partner_uuid, what=what, start_date=start, end_date=end,
                        decides=decides, status="exploring", outcome="")
    if not on_roadmap:
        return (insert(pivot),)
    pivot.cleaned()  # the pivot's own fields are refused first, naming its fields
    item = new_item(PIVOT_KIND, what, start, end, partner_uuid=partner_uuid, viewer=viewer)
    pivot.roadmap_item_uuid = item[0].uuid
    return (*item, insert(pivot))


_ON_THE_ROADMAP = {"what": "title", "start_date": "start_date", "end_date": "end_date",
                   "partner_uuid": "partner_uuid"}


def edit_pivot(plan: PlanFile, viewer: Viewer, row: PivotPeriod, **values: Any) -> Edit:
    """Change a pivot; its phase on the roadmap follows its title, dates and lane."""
    own = edit_row(row, **values)
    item = _item_of(plan, viewer, row)
    follow = {_ON_THE_ROADMAP[k]: v for k, v in values.items() if k in _ON_THE_ROADMAP}
    if not own or item is None or not follow:
        return own
    change = update(item, **follow)
    return own + ((change,) if change else ())


def show_on_roadmap(viewer: Viewer, row: PivotPeriod) -> Edit:
    """Put a pivot that is not (or no longer) on the roadmap there."""
    if row.roadmap_item_uuid:
        return ()
    item = new_item(PIVOT_KIND, row.what, row.start_date, row.end_date,
                    partner_uuid=row.partner_uuid, viewer=viewer)
    return (*item, *edit_row(row, roadmap_item_uuid=item[0].uuid))


def delete_pivot(plan: PlanFile, viewer: Viewer, row: PivotPeriod) -> Edit:
    """Delete a pivot and its phase on the roadmap (one undo step brings both back)."""
    item = _item_of(plan, viewer, row)
    return (delete(row),) + ((delete(item),) if item is not None else ())


def _item_of(plan: PlanFile, viewer: Viewer, row: PivotPeriod) -> RoadmapItem | None:
    return linked_item(plan, viewer, row.roadmap_item_uuid)


def pivot_due(plan: PlanFile, today: date) -> PivotPeriod | None:
    """The first exploration still open whose time is up, or ends within a
    week: what :func:`pivot_notice` speaks of."""
    return next((row for row in pivot_periods(plan) if row.status == "exploring"
                 and (row.end_date - today).days <= 7), None)


def pivot_notice(plan: PlanFile, today: date) -> str:
    """A pivot exploration still open whose time is up, or ends within a week."""
    row = pivot_due(plan, today)
    if row is not None:
        days = (row.end_date - today).days
        if days < 0:
            return (f"The pivot exploration “{row.what}” ended on {row.end_date:%d %B %Y}: "
                    "time to decide, by what you agreed would decide it.")
        if days <= 7:
            return (f"The pivot exploration “{row.what}” ends in {days} "
                    f"day{'s' if days != 1 else ''}.")
    return ""
