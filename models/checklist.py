"""The Success Indicator Checklist: indicators, check-ins and each partner's
ratings, alone and then revealed together.

The seed's seven indicators are the defaults (``resources/content/checklist.json``).
A plan holds no indicator rows until the couple first changes them or starts
a check-in: until then :func:`indicators` gives the defaults, with fixed
UUIDs, and the first edit that needs them stores them as part of itself (so
undoing it leaves the plan as it was). A retired indicator is asked no more,
but keeps its ratings, its place in old check-ins and its trend.

Each partner's rating of an indicator in a check-in is their own
(:class:`Rating`, ``author_only``), hidden from the other, from both together
and from the report until both are done with that check-in
(:mod:`models.reveal`). What the couple agreed to do next is shared.
The trend, the divergences and the report's summary
(:func:`checklist_summary`) are worked out in :mod:`models.checklist_trends`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

import resources
from models.base import Entity
from models.changes import Edit, delete_all, insert, merge, update
from models.errors import ValidationError
from models.partners import Partner, partners
from models.privacy import Private, Viewer
from models.reveal import RevealState, mark_done, mark_not_done, reveal_states
from models.validation import check_date, clean_text

if TYPE_CHECKING:
    from models.checklist_trends import ChecklistSummary
    from models.plan_file import PlanFile

TITLE_MAX = 160
#: A rating's note is short: a reason, not an essay.
NOTE_MAX = 280
AGREED_MAX = 4000
LOWEST, HIGHEST = 1, 5
#: Ratings this far apart or more are a discussion point.
GAP = 2
#: Names the seed indicators' fixed UUIDs (uuid5 of their keys).
_DEFAULTS_NAMESPACE = uuid.UUID("5f6f7d3c-2b8e-4a11-9c61-7c6a1e0c4b21")

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def long_date(day: date) -> str:
    """"22 August 2026": the same words whatever the system's language."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}"


@cache
def content() -> dict[str, object]:
    data: dict[str, object] = resources.load_json("content/checklist.json")
    return data


@cache
def scale_labels() -> dict[int, str]:
    """What each score means: 1 "Not at all" … 5 "Fully"."""
    data = resources.load_json("content/checklist.json")
    return {int(step["score"]): str(step["label"]) for step in data["scale"]}


# -- the entities ------------------------------------------------------------------

class Indicator(Entity):
    """A sign that both careers are working together, rated at every check-in."""

    __tablename__ = "checklist_indicator"
    noun = "indicator"
    limits = {"title": ("An indicator", TITLE_MAX)}

    title: Mapped[str] = mapped_column(String)
    #: Where it is listed; ties are listed by title.
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: When the couple stopped asking it; ``None`` while in use.
    retired_on: Mapped[date | None] = mapped_column(Date, default=None)

    @property
    def retired(self) -> bool:
        return self.retired_on is not None

    def clean(self) -> None:
        self.title = clean_text(self.title, "title", "An indicator")
        if not isinstance(self.position, int) or isinstance(self.position, bool):
            raise ValidationError("position", "An indicator’s place must be a whole number.")
        if self.retired_on is not None:
            check_date(self.retired_on, "retired_on", "The day it was retired")


class CheckIn(Entity):
    """A dated check-in, and the note of what the couple agreed to do next."""

    __tablename__ = "checkin"
    noun = "check-in"
    limits = {"agreed": ("What you agreed", AGREED_MAX)}

    held_on: Mapped[date] = mapped_column(Date)
    agreed: Mapped[str] = mapped_column(String, default="")

    def clean(self) -> None:
        check_date(self.held_on, "held_on", "The date of a check-in")
        self.agreed = clean_text(self.agreed, "agreed", "What you agreed", required=False,
                                 multiline=True)

    @classmethod
    def check_table(cls, session: Session) -> None:
        twice = session.execute(
            select(cls.held_on, func.max(cls.uuid)).group_by(cls.held_on)
            .having(func.count() > 1)).first()
        if twice is not None:
            raise ValidationError("held_on", _twice_message(twice[0]),
                                  table=cls.__tablename__, row=twice[1])


class Rating(Private, Entity):
    """One partner's rating (1 to 5, and a short note) of one indicator in one
    check-in: theirs alone, shown to the other once both are done."""

    __tablename__ = "checkin_rating"
    noun = "rating"
    reveal_with = "checkin_uuid"
    author_only = True
    limits = {"note": ("A note", NOTE_MAX)}

    checkin_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("checkin.uuid", ondelete="RESTRICT"))
    indicator_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("checklist_indicator.uuid", ondelete="RESTRICT"))
    #: 1 to 5; ``None`` while only a note is written.
    score: Mapped[int | None] = mapped_column(Integer, default=None)
    note: Mapped[str] = mapped_column(String, default="")
    # Never read: they only tell the flush that a check-in or an indicator is
    # written before its ratings and deleted after them (foreign keys are
    # checked row by row, and an edit may delete a check-in with its ratings).
    _checkin: Mapped[CheckIn] = relationship(lazy="raise")
    _indicator: Mapped[Indicator] = relationship(lazy="raise")

    def clean(self) -> None:
        if not self.author_uuid:
            raise ValidationError("author_uuid", RATE_ALONE)
        if self.shared_at is not None:
            raise ValidationError("shared_at", "A rating shows when you are both done with "
                                  "the check-in, never on its own.")
        self.score = clean_score(self.score)
        self.note = clean_text(self.note, "note", "A note", required=False)

    @classmethod
    def check_table(cls, session: Session) -> None:
        twice = session.execute(
            select(func.max(cls.uuid))
            .group_by(cls.checkin_uuid, cls.indicator_uuid, cls.author_uuid)
            .having(func.count() > 1)).first()
        if twice is not None:
            raise ValidationError("indicator_uuid", "Each of you rates an indicator once "
                                  "per check-in.", table=cls.__tablename__, row=twice[0])


RATE_ALONE = ("Each of you rates alone: choose who is at the keyboard first "
              "(at the top right, or Ctrl+Alt+1 and Ctrl+Alt+2).")


def clean_score(value: object) -> int | None:
    """A score as stored: a whole number from 1 to 5, or ``None`` (not rated).
    Digits typed as text are taken; anything else is refused, saying why."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text.isascii() or not text.isdigit():
            raise ValidationError("score", f"“{value}” is not a rating: rate from {LOWEST} "
                                  f"({scale_labels()[LOWEST].lower()}) to {HIGHEST} "
                                  f"({scale_labels()[HIGHEST].lower()}).")
        value = int(text)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("score", f"A rating is a whole number from {LOWEST} to {HIGHEST}.")
    if not LOWEST <= value <= HIGHEST:
        raise ValidationError("score", f"{value} is out of range: rate from {LOWEST} "
                              f"({scale_labels()[LOWEST].lower()}) to {HIGHEST} "
                              f"({scale_labels()[HIGHEST].lower()}).")
    return value


def _twice_message(day: date) -> str:
    return (f"There is already a check-in on {long_date(day)}. Open that one, or choose "
            "another day.")


# -- reading ------------------------------------------------------------------------

def default_indicator_uuid(key: str) -> str:
    """The fixed UUID of one of the seed's indicators, by its key in
    ``resources/content/checklist.json`` ("wins_celebrated")."""
    return str(uuid.uuid5(_DEFAULTS_NAMESPACE, key))


@cache
def default_indicators() -> tuple[Indicator, ...]:
    """The seed's seven, as they are stored on first use (fixed UUIDs)."""
    data = resources.load_json("content/checklist.json")
    return tuple(Indicator(uuid=default_indicator_uuid(item["key"]),
                           title=item["title"], position=number, retired_on=None)
                 for number, item in enumerate(data["indicators"], start=1))


def _stored_indicators(plan: PlanFile) -> list[Indicator]:
    return plan.read(select(Indicator).order_by(Indicator.position, Indicator.title,
                                                Indicator.uuid))


def indicators(plan: PlanFile) -> list[Indicator]:
    """Every indicator, in use and retired, in their order; the seed's
    defaults while the plan has none of its own."""
    return _stored_indicators(plan) or [row.copy() for row in default_indicators()]


def _defaults_if_needed(plan: PlanFile) -> Edit:
    """Stores the defaults, when the plan has no indicators yet."""
    if _stored_indicators(plan):
        return ()
    return tuple(insert(row.copy()) for row in default_indicators())


def checkins(plan: PlanFile) -> list[CheckIn]:
    """Every check-in, the newest first."""
    return plan.read(select(CheckIn).order_by(CheckIn.held_on.desc()))


def checkin(plan: PlanFile, uuid: str) -> CheckIn | None:
    found = plan.read(select(CheckIn).where(CheckIn.uuid == uuid))
    return found[0] if found else None


def ratings(plan: PlanFile, viewer: Viewer, checkin_uuids: Iterable[str] | None = None,
            ) -> list[Rating]:
    """The ratings ``viewer`` may see (of some check-ins, or of all)."""
    query = select(Rating)
    if checkin_uuids is not None:
        query = query.where(Rating.checkin_uuid.in_(list(checkin_uuids)))
    return plan.read(query, viewer)


def rated_indicators(plan: PlanFile) -> set[str]:
    """Indicators anyone has rated, whoever may see the ratings (only which
    indicators, never a rating): one with history is retired, never deleted."""
    session = plan.session
    try:
        return set(session.scalars(select(Rating.indicator_uuid).distinct()))
    finally:
        session.rollback()


class Seen(Enum):
    """What a viewer sees of one partner's rating."""

    OWN = "own"  # the viewer's own: shown and changeable
    SHOWN = "shown"  # revealed: shown, changed by its author alone
    HIDDEN = "hidden"  # not revealed yet: nothing of it is shown


@dataclass(frozen=True)
class Cell:
    seen: Seen
    #: ``None`` when not rated, and always when hidden.
    rating: Rating | None = None

    @property
    def score(self) -> int | None:
        return self.rating.score if self.rating is not None else None

    @property
    def note(self) -> str:
        return self.rating.note if self.rating is not None else ""


@dataclass(frozen=True)
class SheetRow:
    indicator: Indicator
    #: One per partner, in the partners' order.
    cells: tuple[Cell, ...]

    @property
    def gap(self) -> int | None:
        """How far apart the two ratings are, when both are shown and rated."""
        scores = [cell.score for cell in self.cells]
        if len(scores) != 2 or scores[0] is None or scores[1] is None:
            return None
        return abs(scores[0] - scores[1])

    @property
    def divergent(self) -> bool:
        gap = self.gap
        return gap is not None and gap >= GAP


@dataclass(frozen=True)
class Sheet:
    """One check-in as a viewer sees it: a row per indicator asked (those
    in use, and retired ones rated in it), a cell per partner."""

    checkin: CheckIn
    partners: tuple[Partner, ...]
    state: RevealState
    rows: tuple[SheetRow, ...]

    def column(self, partner_uuid: str) -> int:
        return next(i for i, p in enumerate(self.partners) if p.uuid == partner_uuid)

    def unrated(self, partner_uuid: str) -> list[Indicator]:
        """The indicators ``partner_uuid`` has not rated yet (seen as their own)."""
        column = self.column(partner_uuid)
        return [row.indicator for row in self.rows
                if row.cells[column].seen is Seen.OWN and row.cells[column].score is None]

    @property
    def divergences(self) -> list[SheetRow]:
        return [row for row in self.rows if row.divergent]


def sheet(plan: PlanFile, viewer: Viewer, checkin_uuid: str,
          all_indicators: list[Indicator] | None = None) -> Sheet | None:
    """The check-in ``checkin_uuid`` as ``viewer`` may see it; ``None`` if gone."""
    found = checkin(plan, checkin_uuid)
    if found is None:
        return None
    pair = tuple(partners(plan))
    state = reveal_states(plan, [checkin_uuid])[checkin_uuid]
    seen = ratings(plan, viewer, [checkin_uuid])
    by_key = {(r.indicator_uuid, r.author_uuid): r for r in seen}
    rated = {r.indicator_uuid for r in seen}
    rows = []
    for indicator in all_indicators if all_indicators is not None else indicators(plan):
        if indicator.retired and indicator.uuid not in rated:
            continue
        cells = []
        for partner in pair:
            if viewer.is_partner and partner.uuid == viewer.partner_uuid:
                how = Seen.OWN
            else:
                how = Seen.SHOWN if state.revealed else Seen.HIDDEN
            rating = by_key.get((indicator.uuid, partner.uuid)) if how is not Seen.HIDDEN \
                else None
            cells.append(Cell(how, rating))
        rows.append(SheetRow(indicator, tuple(cells)))
    return Sheet(found, pair, state, tuple(rows))


def progress(state: RevealState, pair: Sequence[Partner]) -> str:
    """Who is done with a check-in, in words (never what anyone rated)."""
    if state.revealed:
        return "Revealed"
    done = [p.name for p in pair if state.is_done(p.uuid)]
    waiting = [p.name for p in pair if not state.is_done(p.uuid)]
    if not done or not waiting:
        return "Each of you rates alone"
    return f"{done[0]} is done · waiting for {waiting[0]}"


# -- edits: indicators ------------------------------------------------------------

def add_indicator(plan: PlanFile, title: str) -> Edit:
    """A new indicator of the couple's own, listed last."""
    current = indicators(plan)
    last = max((row.position for row in current), default=0)
    return _defaults_if_needed(plan) + (insert(Indicator(title=title, position=last + 1)),)


def _with_defaults(plan: PlanFile, edit: Edit) -> Edit:
    """``edit`` of indicators, storing the defaults first if the plan has
    none: a default that the edit changes is stored changed (a row can't be
    added and changed in one edit)."""
    return merge(_defaults_if_needed(plan), edit) if edit else ()


def _change(plan: PlanFile, indicator: Indicator, **values: object) -> Edit:
    change = update(indicator, **values)
    return _with_defaults(plan, (change,)) if change is not None else ()


def rename_indicator(plan: PlanFile, indicator: Indicator, title: str) -> Edit:
    return _change(plan, indicator, title=title)


def retire_indicator(plan: PlanFile, indicator: Indicator, today: date) -> Edit:
    """Ask it no more; its ratings and trend stay."""
    return _change(plan, indicator, retired_on=today) if not indicator.retired else ()


def restore_indicator(plan: PlanFile, indicator: Indicator) -> Edit:
    """Ask a retired indicator again."""
    return _change(plan, indicator, retired_on=None)


def move_indicator(plan: PlanFile, indicator: Indicator, step: int) -> Edit:
    """Move one place up (``step`` -1) or down (+1) the list; nothing at an end."""
    current = indicators(plan)
    index = next(i for i, row in enumerate(current) if row.uuid == indicator.uuid)
    other = index + step
    if not 0 <= other < len(current):
        return ()
    order = list(current)
    order[index], order[other] = order[other], order[index]
    edit: Edit = ()
    for number, row in enumerate(order, start=1):  # renumbered: ties can't hide a move
        change = update(row, position=number)
        if change is not None:
            edit += (change,)
    return _with_defaults(plan, edit)


def delete_indicator(plan: PlanFile, indicator: Indicator) -> Edit:
    """Delete an indicator nobody has rated yet (one with history is retired)."""
    if indicator.uuid in rated_indicators(plan):
        raise ValidationError("title", f"“{indicator.title}” has been rated in a check-in, "
                              "so it keeps its history: retire it instead.",
                              table=Indicator.__tablename__, row=indicator.uuid)
    if not _stored_indicators(plan):  # deleting a default stores the others
        return tuple(insert(row.copy()) for row in default_indicators()
                     if row.uuid != indicator.uuid)
    return delete_all(plan.with_dependents(indicator))


# -- edits: check-ins -------------------------------------------------------------

def _check_day(plan: PlanFile, held_on: object, today: date, uuid: str = "") -> date:
    day = check_date(held_on, "held_on", "The date of a check-in")
    if day > today:
        raise ValidationError("held_on", f"A check-in can’t be dated in the future "
                              f"({long_date(day)}; today is {long_date(today)}).")
    if any(other.held_on == day and other.uuid != uuid for other in checkins(plan)):
        raise ValidationError("held_on", _twice_message(day))
    return day


def new_checkin(plan: PlanFile, held_on: object, today: date) -> Edit:
    """Start a check-in dated ``held_on`` (not after ``today``, not on the day
    of another one)."""
    day = _check_day(plan, held_on, today)
    return _defaults_if_needed(plan) + (insert(CheckIn(held_on=day, agreed="")),)


def change_checkin_date(plan: PlanFile, row: CheckIn, held_on: object, today: date) -> Edit:
    day = _check_day(plan, held_on, today, row.uuid)
    change = update(row, held_on=day)
    return (change,) if change else ()


def edit_agreed(row: CheckIn, text: str) -> Edit:
    """What the couple agreed to do next (shared: either of you, or both, write it)."""
    change = update(row, agreed=text)
    return (change,) if change else ()


def delete_checkin(plan: PlanFile, row: CheckIn) -> Edit:
    """The check-in with every rating and "done" mark in it (both partners'),
    so that undo brings them all back."""
    return delete_all(plan.with_dependents(row))


_UNSET = object()


def rate(plan: PlanFile, viewer: Viewer, checkin_uuid: str, indicator_uuid: str, *,
         score: object = _UNSET, note: object = _UNSET) -> Edit:
    """``viewer``'s rating (score, note or both) of an indicator in a check-in;
    nothing if unchanged. Refused for anyone but a partner at the keyboard."""
    if not viewer.is_partner:
        raise ValidationError("author_uuid", RATE_ALONE)
    values: dict[str, object] = {}
    if score is not _UNSET:
        values["score"] = clean_score(score)
    if note is not _UNSET:
        values["note"] = note
    mine = plan.read(select(Rating).where(Rating.checkin_uuid == checkin_uuid,
                                          Rating.indicator_uuid == indicator_uuid,
                                          Rating.author_uuid == viewer.partner_uuid), viewer)
    if mine:
        change = update(mine[0], **values)
        return (change,) if change else ()
    if values.get("score") is None and not str(values.get("note", "")).strip():
        return ()  # nothing to store yet
    return _defaults_if_needed(plan) + (insert(Rating(
        checkin_uuid=checkin_uuid, indicator_uuid=indicator_uuid,
        author_uuid=viewer.partner_uuid, shared_at=None,
        score=values.get("score"), note=values.get("note", ""))),)


def mark_checkin_done(plan: PlanFile, viewer: Viewer, checkin_uuid: str) -> Edit:
    """``viewer`` is done rating: refused while an indicator has no rating of theirs."""
    if not viewer.is_partner:
        raise ValidationError("author_uuid", RATE_ALONE)
    seen = sheet(plan, viewer, checkin_uuid)
    if seen is None:
        return ()
    missing = seen.unrated(viewer.partner_uuid)
    if missing:
        count = "1 indicator has" if len(missing) == 1 else f"{len(missing)} indicators have"
        raise ValidationError("score", f"Rate every indicator first: {count} no rating of "
                              f"yours yet (“{missing[0].title}”"
                              f"{'' if len(missing) == 1 else ' …'}).",
                              table=Indicator.__tablename__, row=missing[0].uuid)
    return mark_done(plan, viewer, checkin_uuid)


def mark_checkin_not_done(plan: PlanFile, viewer: Viewer, checkin_uuid: str) -> Edit:
    """``viewer`` takes back being done, hiding their ratings again if shown."""
    return mark_not_done(plan, viewer, checkin_uuid)


# -- for the report -----------------------------------------------------------------

def checklist_summary(plan: PlanFile, viewer: Viewer) -> ChecklistSummary:
    """What the counselor report shows of the checklist, as ``viewer`` (the
    report's is :data:`models.privacy.REPORT`) may see it: the latest revealed
    check-in, the trend, the divergences of 2 or more, and the shared red flags."""
    from models.checklist_trends import summary

    return summary(plan, viewer)
