"""Goals and wins, and the opportunity-cost log.

Three lists a couple keeps together (the seeds' "establishing priorities",
"celebrate all wins as couple wins" and "the opportunity cost discussion"):

* **Goals**: each partner's short- and long-term goals, with the strengths
  the couple brings to them and the weaknesses to offset; goals where the two
  paths overlap are marked. A goal can be placed on the roadmap as a ``goal``
  marker (in "Our life" when it overlaps).
* **Wins**: a shared log, each win a ``win`` marker on the roadmap from the
  moment it is logged, with a note of appreciation that only the *other*
  partner writes. Wins since the last check-in are the evidence for the
  indicator "Individual wins are celebrated as couple victories".
* **Passed up**: the opportunity-cost log, kept in :mod:`models.passed_up`
  (the Roadmap reads it too); shown in the same tab, and deleted here with
  its marker like the others.

A roadmap marker made here is deleted with its row (one edit, one undo step);
deleting the marker on the roadmap leaves the row, which forgets the link
(:func:`models.roadmap.remove`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Date, ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column

import resources
from models.base import Entity, parent_link
from models.changes import Edit, delete, delete_all, insert, update
from models.checklist import checkins, default_indicator_uuid, long_date
from models.errors import ValidationError
from models.partners import Partner, partners
from models.passed_up import PassedUp
from models.privacy import Viewer
from models.roadmap import RoadmapItem, linked_item, marker_title, new_item
from models.validation import check_choice, check_date, clean_text

if TYPE_CHECKING:
    from models.plan_file import PlanFile

TITLE_MAX = 120
TEXT_MAX = 2000
APPRECIATION_MAX = 1000

GOAL_KIND, WIN_KIND = "goal", "win"



@cache
def content() -> dict[str, Any]:
    data: dict[str, Any] = resources.load_json("content/goals.json")
    return data


@cache
def horizon_labels() -> dict[str, str]:
    return {h["id"]: h["label"] for h in content()["horizons"]}


@cache
def status_labels() -> dict[str, str]:
    return {s["id"]: s["label"] for s in content()["goal_statuses"]}


def intro(section: str) -> str:
    """The seeds' words on a list: "goals", "wins" or "passed_up"."""
    text: str = content()["intro"][section]
    return text



def _clean_partner(value: object, what: str) -> None:
    if not isinstance(value, str) or not value:
        raise ValidationError("partner_uuid", f"Say whose {what} it is.")


class Goal(Entity):
    """One partner's goal, short or long term."""

    __tablename__ = "goal"
    noun = "goal"
    limits = {"title": ("The goal", TITLE_MAX),
              "strengths": ("The strengths", TEXT_MAX),
              "weaknesses": ("The weaknesses to offset", TEXT_MAX)}

    partner_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("partner.uuid", ondelete="RESTRICT"))
    horizon: Mapped[str] = mapped_column(String, default="short")
    title: Mapped[str] = mapped_column(String)
    #: The strengths each of you brings to it.
    strengths: Mapped[str] = mapped_column(String, default="")
    #: The weaknesses to offset, and how.
    weaknesses: Mapped[str] = mapped_column(String, default="")
    #: Where the two career paths overlap: a goal to work on together.
    overlaps: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String, default="working")
    target_date: Mapped[date | None] = mapped_column(Date, default=None)
    #: The ``goal`` marker it was placed on the roadmap as.
    roadmap_item_uuid: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("roadmap_item.uuid", ondelete="RESTRICT"), default=None)
    _partner: Mapped[Partner] = parent_link("Partner", "Goal.partner_uuid")
    _roadmap_item: Mapped[RoadmapItem | None] = parent_link("RoadmapItem",
                                                        "Goal.roadmap_item_uuid")

    def clean(self) -> None:
        _clean_partner(self.partner_uuid, "goal")
        check_choice(self.horizon, horizon_labels(), "horizon", "short or long term")
        self.title = clean_text(self.title, "title", "The goal")
        self.strengths = clean_text(self.strengths, "strengths", "The strengths",
                                    required=False, multiline=True)
        self.weaknesses = clean_text(self.weaknesses, "weaknesses", "The weaknesses to offset",
                                     required=False, multiline=True)
        if not isinstance(self.overlaps, bool):
            raise ValidationError("overlaps", "Whether the goal is shared is yes or no.")
        check_choice(self.status, status_labels(), "status", "a goal’s status")
        if self.target_date is not None:
            check_date(self.target_date, "target_date", "The target date")


class Win(Entity):
    """A win of one partner's, celebrated as the couple's."""

    __tablename__ = "win"
    noun = "win"
    limits = {"title": ("The win", TITLE_MAX), "notes": ("The note text", TEXT_MAX),
              "appreciation": ("The note of appreciation", APPRECIATION_MAX)}

    partner_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("partner.uuid", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String)
    won_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(String, default="")
    #: The other partner's note of appreciation ("" until they write it).
    appreciation: Mapped[str] = mapped_column(String, default="")
    #: Its ``win`` marker on the roadmap.
    roadmap_item_uuid: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("roadmap_item.uuid", ondelete="RESTRICT"), default=None)
    _partner: Mapped[Partner] = parent_link("Partner", "Win.partner_uuid")
    _roadmap_item: Mapped[RoadmapItem | None] = parent_link("RoadmapItem", "Win.roadmap_item_uuid")

    def clean(self) -> None:
        _clean_partner(self.partner_uuid, "win")
        self.title = clean_text(self.title, "title", "The win")
        check_date(self.won_on, "won_on", "The day of the win")
        self.notes = clean_text(self.notes, "notes", "The note text", required=False,
                                multiline=True)
        self.appreciation = clean_text(self.appreciation, "appreciation",
                                       "The note of appreciation", required=False,
                                       multiline=True)


# -- reading ---------------------------------------------------------------------------

def _slots(plan: PlanFile) -> dict[str, int]:
    return {p.uuid: p.slot for p in partners(plan)}


def goals(plan: PlanFile) -> list[Goal]:
    """Every goal: by partner, short term before long term, then by date."""
    slots, order = _slots(plan), list(horizon_labels())
    rows = plan.read(select(Goal))
    return sorted(rows, key=lambda g: (slots.get(g.partner_uuid, 3), order.index(g.horizon)
                                       if g.horizon in order else len(order),
                                       g.target_date or date.max, g.title.casefold(), g.uuid))


def wins(plan: PlanFile) -> list[Win]:
    """Every win, the latest first."""
    return plan.read(select(Win).order_by(Win.won_on.desc(), Win.uuid))


def marker(plan: PlanFile, viewer: Viewer, row: Goal | Win | PassedUp) -> RoadmapItem | None:
    """The roadmap marker of ``row``, if it has one ``viewer`` may see."""
    return linked_item(plan, viewer, row.roadmap_item_uuid)


def wins_since(plan: PlanFile, since: date | None, until: date | None = None) -> list[Win]:
    """The wins after ``since`` (every win when ``None``) up to ``until``,
    the earliest first."""
    found = [w for w in wins(plan) if (since is None or w.won_on > since)
             and (until is None or w.won_on <= until)]
    return sorted(found, key=lambda w: (w.won_on, w.uuid))


def last_checkin_day(plan: PlanFile, today: date) -> date | None:
    """The day of the latest check-in held up to ``today``."""
    held = [c.held_on for c in checkins(plan) if c.held_on <= today]
    return max(held, default=None)


def wins_since_last_checkin(plan: PlanFile, today: date) -> list[Win]:
    """The evidence for "Individual wins are celebrated as couple victories"
    at the next check-in: the wins since the last one (all, before the first)."""
    return wins_since(plan, last_checkin_day(plan, today), today)


#: The check-in indicator the wins are evidence for.
WINS_INDICATOR = default_indicator_uuid("wins_celebrated")


def wins_evidence(plan: PlanFile, today: date) -> str:
    """One sentence for the check-in: the wins since the last one, and how
    many the other partner has appreciated."""
    return _evidence(plan, last_checkin_day(plan, today), today)


def checkin_wins_evidence(plan: PlanFile, held_on: date) -> str:
    """The same sentence for the check-in held on ``held_on``: the wins since
    the check-in before it, up to its day."""
    before = [c.held_on for c in checkins(plan) if c.held_on < held_on]
    return _evidence(plan, max(before, default=None), held_on)


def _evidence(plan: PlanFile, since: date | None, until: date) -> str:
    found = wins_since(plan, since, until)
    when = f"since the check-in of {long_date(since)}" if since else "so far"
    if not found:
        return f"No wins logged {when}: small ones count too."
    names = {p.uuid: p.name for p in partners(plan)}
    listed = "; ".join(f"{names.get(w.partner_uuid, '')}: {w.title}" for w in found)
    thanked = sum(1 for w in found if w.appreciation)
    count = "1 win" if len(found) == 1 else f"{len(found)} wins"
    return (f"{count} logged {when} ({listed}); {thanked} of them with a note of "
            "appreciation from the other partner.")


# -- edits: goals -----------------------------------------------------------------------

def new_goal(partner_uuid: str, title: str, horizon: str = "short", *, strengths: str = "",
             weaknesses: str = "", overlaps: bool = False, status: str = "working",
             target_date: date | None = None) -> Edit:
    return (insert(Goal(partner_uuid=partner_uuid, title=title, horizon=horizon,
                        strengths=strengths, weaknesses=weaknesses, overlaps=overlaps,
                        status=status, target_date=target_date)),)


def _lane(goal: Goal, overlaps: bool | None = None) -> str | None:
    """A goal's marker goes in its partner's lane, or in "Our life" where
    the two paths overlap."""
    return None if (goal.overlaps if overlaps is None else overlaps) else goal.partner_uuid


def _goal_marker_status(status: str) -> str:
    return {"reached": "done", "set_aside": "dropped"}.get(status, "planned")


def edit_goal(plan: PlanFile, viewer: Viewer, goal: Goal, **values: Any) -> Edit:
    """Change some fields of a goal; its roadmap marker follows its title,
    date, status and lane in the same edit."""
    change = update(goal, **values)
    if change is None:
        return ()
    item = marker(plan, viewer, goal)
    if item is None:
        return (change,)
    after = {**goal.record(), **(change.after or {})}
    moved = update(item, title=marker_title("", after["title"]),
                   start_date=after["target_date"] or item.start_date,
                   status=_goal_marker_status(after["status"]),
                   partner_uuid=None if after["overlaps"] else after["partner_uuid"])
    return (change,) + ((moved,) if moved else ())


def place_goal(goal: Goal, viewer: Viewer, today: date) -> Edit:
    """Put a goal on the roadmap as a ``goal`` marker on its target date
    (today's when it has none); nothing if it is there already."""
    if goal.roadmap_item_uuid:
        return ()
    added = new_item(GOAL_KIND, marker_title("", goal.title), goal.target_date or today,
                     partner_uuid=_lane(goal), status=_goal_marker_status(goal.status),
                     viewer=viewer)
    linked = update(goal, roadmap_item_uuid=added[0].uuid)
    return added + ((linked,) if linked else ())


def take_goal_off_roadmap(plan: PlanFile, viewer: Viewer, goal: Goal) -> Edit:
    item = marker(plan, viewer, goal)
    if item is None:
        return ()
    return _unlinked(goal) + (delete(item),)


def _unlinked(row: Goal | Win | PassedUp) -> Edit:
    change = update(row, roadmap_item_uuid=None)
    return (change,) if change else ()


def delete_row(plan: PlanFile, viewer: Viewer, row: Goal | Win | PassedUp) -> Edit:
    """Delete a goal, win or entry with its roadmap marker (one undo step
    brings both back)."""
    item = marker(plan, viewer, row)
    if item is not None:
        return delete_all(plan.with_dependents(item))  # the row, then its marker
    return delete_all(plan.with_dependents(row))


# -- edits: wins ------------------------------------------------------------------------

def log_win(partner_uuid: str, title: str, won_on: date, *, viewer: Viewer,
            notes: str = "") -> Edit:
    """Log a win with its ``win`` marker in the partner's lane."""
    win = Win(partner_uuid=partner_uuid, title=title, won_on=won_on, notes=notes,
              appreciation="")
    row = insert(win)  # refused here first, with the win's own fields
    added = new_item(WIN_KIND, marker_title("", win.title), won_on, partner_uuid=partner_uuid,
                     status="done", viewer=viewer)
    linked = insert(Win(**{**dict(row.after or {}), "roadmap_item_uuid": added[0].uuid}))
    return added + (linked,)


def edit_win(plan: PlanFile, viewer: Viewer, win: Win, **values: Any) -> Edit:
    """Change a win (not its appreciation: see :func:`appreciate`); the
    marker follows its title, day and lane."""
    if "appreciation" in values:
        raise ValueError("the appreciation is written with appreciate()")
    change = update(win, **values)
    if change is None:
        return ()
    item = marker(plan, viewer, win)
    if item is None:
        return (change,)
    after = {**win.record(), **(change.after or {})}
    moved = update(item, title=marker_title("", after["title"]), start_date=after["won_on"],
                   partner_uuid=after["partner_uuid"])
    return (change,) + ((moved,) if moved else ())


def appreciate(win: Win, viewer: Viewer, text: str) -> Edit:
    """The other partner's note of appreciation for ``win`` (only they write it)."""
    if not viewer.is_partner:
        raise ValidationError("appreciation", "The note of appreciation comes from the other "
                              "partner: choose them as the one at the keyboard first.",
                              table=Win.__tablename__, row=win.uuid)
    if viewer.partner_uuid == win.partner_uuid:
        raise ValidationError("appreciation", "The note of appreciation comes from the other "
                              "partner: it is theirs to write, not the winner’s.",
                              table=Win.__tablename__, row=win.uuid)
    change = update(win, appreciation=text)
    return (change,) if change else ()


def may_appreciate(win: Win, viewer: Viewer) -> bool:
    return viewer.is_partner and viewer.partner_uuid != win.partner_uuid


# -- for the report -----------------------------------------------------------------------

@dataclass(frozen=True)
class GoalLine:
    partner: str
    horizon: str
    title: str
    strengths: str
    weaknesses: str
    overlaps: bool
    status: str
    target_date: date | None


def goal_lines(plan: PlanFile) -> list[GoalLine]:
    names = {p.uuid: p.name for p in partners(plan)}
    return [GoalLine(names.get(g.partner_uuid, ""), horizon_labels().get(g.horizon, g.horizon),
                     g.title, g.strengths, g.weaknesses, g.overlaps,
                     status_labels().get(g.status, g.status), g.target_date)
            for g in goals(plan)]


@dataclass(frozen=True)
class WinLine:
    partner: str
    title: str
    won_on: date
    notes: str
    appreciation: str
    #: Who wrote the note of appreciation: the other partner.
    appreciated_by: str


def win_lines(plan: PlanFile) -> list[WinLine]:
    pair = partners(plan)
    names = {p.uuid: p.name for p in pair}
    other = {p.uuid: q.name for p in pair for q in pair if q.uuid != p.uuid}
    return [WinLine(names.get(w.partner_uuid, ""), w.title, w.won_on, w.notes, w.appreciation,
                    other.get(w.partner_uuid, "") if w.appreciation else "")
            for w in wins(plan)]


def wins_waiting(plan: PlanFile, today: date) -> list[Win]:
    """The wins since the last check-in still without the other partner's
    note of appreciation: what :func:`goals_notice` speaks of."""
    return [w for w in wins_since_last_checkin(plan, today) if not w.appreciation]


def goals_notice(plan: PlanFile, today: date, you: str = "") -> str:
    """A win waiting for the other partner's note of appreciation; said to
    ``you`` (the partner at the keyboard) when one is."""
    waiting = wins_waiting(plan, today)
    if not waiting:
        return ""
    pair = partners(plan)
    first = waiting[0]
    winner = next((p.name for p in pair if p.uuid == first.partner_uuid), "")
    other = next((p for p in pair if p.uuid != first.partner_uuid), None)
    more = f" (and {len(waiting) - 1} more)" if len(waiting) > 1 else ""
    if first.partner_uuid == you and other is not None:
        return (f"Your win “{first.title}”{more} is waiting for {other.name}’s note of "
                "appreciation.")
    if other is not None and other.uuid == you:
        return f"{winner}’s win “{first.title}”{more} is waiting for your note of appreciation."
    return (f"{winner}’s win “{first.title}”{more} is waiting "
            "for a note of appreciation from the other partner.")

