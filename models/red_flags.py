"""The seed's Red Flag Alert Box: each partner ticks, alone, the red flags they
see, with a note. A ticked flag is its author's alone (a private draft,
:mod:`models.privacy`) until they share it with one explicit step; only the
author ever changes it. Shared flags are seen by both, together, and may go
into the report; private ones never leave their author's screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

import resources
from models.base import Entity
from models.changes import Edit, delete, insert, update
from models.errors import ValidationError
from models.partners import partners
from models.privacy import Private, Viewer, now_stamp
from models.validation import check_choice, clean_text

if TYPE_CHECKING:
    from models.plan_file import PlanFile

NOTE_MAX = 1000
TICK_ALONE = ("Each of you ticks red flags alone: choose who is at the keyboard first "
              "(at the top right, or Ctrl+Alt+1 and Ctrl+Alt+2).")


@dataclass(frozen=True)
class FlagText:
    id: str
    text: str


@cache
def flag_texts() -> dict[str, FlagText]:
    """The seed's six red flags, by id, in the seed's order."""
    data = resources.load_json("content/checklist.json")
    return {f["id"]: FlagText(f["id"], f["text"]) for f in data["red_flags"]}


@dataclass(frozen=True)
class Advice:
    heading: str
    text: str
    counselor: str


@cache
def advice() -> Advice:
    """What to do when red flags are present: talk early, without blame; a
    counselor can help (the seeds' words)."""
    data = resources.load_json("content/checklist.json")["red_flag_advice"]
    return Advice(data["heading"], data["text"], data["counselor"])


class RedFlag(Private, Entity):
    """One partner's tick of one red flag, with their note."""

    __tablename__ = "red_flag"
    noun = "red flag"
    author_only = True
    limits = {"note": ("The note", NOTE_MAX)}

    #: Which of the seed's flags (an id of :func:`flag_texts`).
    flag: Mapped[str] = mapped_column(String)
    note: Mapped[str] = mapped_column(String, default="")

    @property
    def text(self) -> str:
        found = flag_texts().get(self.flag)
        return found.text if found is not None else self.flag

    @property
    def shared_on(self) -> date | None:
        return datetime.fromisoformat(self.shared_at).date() if self.shared_at else None

    def clean(self) -> None:
        if not self.author_uuid:
            raise ValidationError("author_uuid", TICK_ALONE)
        check_choice(self.flag, flag_texts(), "flag", "one of the red flags")
        self.note = clean_text(self.note, "note", "The note", required=False, multiline=True)
        if self.shared_at is not None:
            try:
                datetime.fromisoformat(self.shared_at)
            except (TypeError, ValueError):
                raise ValidationError("shared_at", "When a red flag was shared is not a "
                                      "date and time.") from None

    @classmethod
    def check_table(cls, session: Session) -> None:
        twice = session.execute(select(func.max(cls.uuid)).group_by(cls.flag, cls.author_uuid)
                                .having(func.count() > 1)).first()
        if twice is not None:
            raise ValidationError("flag", "Each of you ticks a red flag once.",
                                  table=cls.__tablename__, row=twice[0])


def red_flags(plan: PlanFile, viewer: Viewer) -> list[RedFlag]:
    """The ticks ``viewer`` may see: their own, and the shared ones, in the
    seed's order, then by who ticked them."""
    order = list(flag_texts())
    found = plan.read(select(RedFlag), viewer)
    slots = {p.uuid: p.slot for p in partners(plan)}
    return sorted(found, key=lambda row: (order.index(row.flag) if row.flag in order
                                          else len(order), slots.get(row.author_uuid or "", 3)))


def tick(plan: PlanFile, viewer: Viewer, flag: str, note: str = "") -> Edit:
    """``viewer`` ticks ``flag``, privately; nothing if they ticked it already."""
    if not viewer.is_partner:
        raise ValidationError("author_uuid", TICK_ALONE)
    if any(row.flag == flag and row.author_uuid == viewer.partner_uuid
           for row in red_flags(plan, viewer)):
        return ()
    return (insert(RedFlag(flag=flag, note=note, author_uuid=viewer.partner_uuid,
                           shared_at=None)),)


def untick(row: RedFlag) -> Edit:
    return (delete(row),)


def edit_note(row: RedFlag, note: str) -> Edit:
    change = update(row, note=note)
    return (change,) if change else ()


def share_flag(row: RedFlag) -> Edit:
    """Show a private tick to the other partner (and the report): the
    author's explicit step, undoable."""
    if not row.is_draft:
        return ()
    change = update(row, shared_at=now_stamp())
    return (change,) if change else ()


@dataclass(frozen=True)
class SharedFlag:
    """A shared red flag as the report shows it."""

    partner: str
    text: str
    note: str
    shared_on: date | None


def shared_flags(plan: PlanFile, viewer: Viewer) -> list[SharedFlag]:
    """The shared red flags only (never a private one, even the viewer's own)."""
    names = {p.uuid: p.name for p in partners(plan)}
    return [SharedFlag(names.get(row.author_uuid or "", ""), row.text, row.note, row.shared_on)
            for row in red_flags(plan, viewer) if not row.is_draft]
