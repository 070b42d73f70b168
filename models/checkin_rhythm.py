"""How often the couple checks in, and when the next check-in is due.

The couple chooses a rhythm (every month or every quarter; the content file
lists them). The next check-in is due that many months after the last one,
on the same day of the month, or the month's last day when it has no such
day (31 January + 1 month = 28 or 29 February). It is *due* from a week
before that day, and *overdue* after it. Every rule takes ``today``, so
that month ends and leap years can be tested.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

import resources
from models.base import Entity
from models.calendar import add_months
from models.changes import Edit, insert, update
from models.checklist import checkins, long_date
from models.errors import ValidationError
from models.validation import check_choice

if TYPE_CHECKING:
    from models.plan_file import PlanFile

#: A check-in is due from this many days before its day.
DUE_AHEAD = timedelta(days=7)


@dataclass(frozen=True)
class RhythmChoice:
    id: str
    label: str
    months: int


@cache
def rhythms() -> dict[str, RhythmChoice]:
    data = resources.load_json("content/checklist.json")
    return {r["id"]: RhythmChoice(r["id"], r["label"], int(r["months"]))
            for r in data["rhythms"]}


@cache
def default_rhythm() -> str:
    return str(resources.load_json("content/checklist.json")["default_rhythm"])


class Rhythm(Entity):
    """The plan's one rhythm of check-ins (no row: the default)."""

    __tablename__ = "checkin_rhythm"
    noun = "check-in rhythm"

    every: Mapped[str] = mapped_column(String)

    def clean(self) -> None:
        check_choice(self.every, rhythms(), "every", "a rhythm of check-ins")

    @classmethod
    def check_table(cls, session: Session) -> None:
        if (session.scalar(select(func.count()).select_from(cls)) or 0) > 1:
            raise ValidationError("every", "A plan has one rhythm of check-ins.")


def rhythm(plan: PlanFile) -> str:
    """The id of the rhythm the couple chose (the default until they choose)."""
    found = plan.read(select(Rhythm))
    return found[0].every if found else default_rhythm()


def set_rhythm(plan: PlanFile, every: str) -> Edit:
    found = plan.read(select(Rhythm))
    if found:
        change = update(found[0], every=every)
        return (change,) if change else ()
    if every == default_rhythm():
        return ()
    return (insert(Rhythm(every=every)),)


# -- when the next one is due ------------------------------------------------------

class DueState(Enum):
    NONE = "none"  # no check-in yet: nothing to count from
    LATER = "later"
    DUE = "due"  # within a week of its day, or on it
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Due:
    state: DueState
    last: date | None = None
    next: date | None = None
    #: Days from today to the next check-in's day (negative once past it).
    days_left: int = 0


def next_due(last: date, every: str) -> date:
    return add_months(last, rhythms()[every].months)


def due(last: date | None, every: str, today: date) -> Due:
    if last is None:
        return Due(DueState.NONE)
    day = next_due(last, every)
    left = (day - today).days
    if left < 0:
        state = DueState.OVERDUE
    elif left <= DUE_AHEAD.days:
        state = DueState.DUE
    else:
        state = DueState.LATER
    return Due(state, last, day, left)


def plan_due(plan: PlanFile, today: date) -> Due:
    """When the plan's next check-in is due, counted from its latest one."""
    found = checkins(plan)
    return due(found[0].held_on if found else None, rhythm(plan), today)


def _span(days: int) -> str:
    """A distance in time as people say it: days, then weeks, then months."""
    if days == 1:
        return "1 day"
    if days < 14:
        return f"{days} days"
    if days < 60:
        return f"{days // 7} weeks"
    months = round(days / 30.44)
    return f"{months} months" if months < 24 else f"{months // 12} years"


def describe_due(when: Due) -> str:
    """The line the Checklist tab always shows about the rhythm."""
    if when.state is DueState.NONE or when.next is None:
        return "No check-ins yet: start your first whenever you are both here."
    day = long_date(when.next)
    if when.state is DueState.LATER:
        return f"Next check-in due on {day}, in {_span(when.days_left)}."
    if when.state is DueState.DUE:
        return (f"Your next check-in is due today, {day}." if when.days_left == 0 else
                f"Your next check-in is due on {day}, in {_span(when.days_left)}.")
    return f"Your check-in was due on {day}, {_span(-when.days_left)} ago."


def due_notice(when: Due) -> str:
    """The window's gentle reminder, or "" when no check-in is due yet."""
    if when.next is None:
        return ""
    day = long_date(when.next)
    if when.state is DueState.DUE:
        if when.days_left == 0:
            return "Your check-in is due today: find an unhurried hour together when you can."
        return (f"A check-in is due on {day}, in {_span(when.days_left)}: a good moment "
                "to find an unhurried hour together.")
    if when.state is DueState.OVERDUE:
        return (f"Your check-in was due on {day}, {_span(-when.days_left)} ago. No pressure: "
                "whenever you are both ready, an unhurried hour together is enough.")
    return ""
