"""The opportunity-cost log: opportunities one partner passed up for the
relationship (the seed's "opportunity cost discussion").

Each entry says what was gained and what was lost, written together and
without blame, and has a ``passed_up`` marker in that partner's lane. Not
private: a row that points at a roadmap item must be readable and unlinkable
by whoever deletes the item (:func:`models.roadmap.remove` reads such rows
without a viewer). Kept apart from the goals and wins (:mod:`models.goals`,
whose tab shows it) because the Roadmap reads it too, to put the count beside
the lead balance, and it should not load the goals' model to do so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Entity, parent_link
from models.changes import Edit, insert, update
from models.errors import ValidationError
from models.partners import Partner, partners
from models.privacy import Viewer
from models.roadmap import RoadmapItem, linked_item, marker_title, new_item
from models.validation import check_date, clean_text

if TYPE_CHECKING:
    from models.plan_file import PlanFile

TITLE_MAX = 120
TEXT_MAX = 2000
#: The kind of an entry's roadmap marker.
PASSED_UP_KIND = "passed_up"
_MARKER_PREFIX = "Passed up: "


class PassedUp(Entity):
    """An opportunity one partner passed up for the relationship."""

    __tablename__ = "passed_up"
    noun = "opportunity passed up"
    limits = {"title": ("What was passed up", TITLE_MAX),
              "gained": ("What was gained", TEXT_MAX), "lost": ("What was lost", TEXT_MAX)}

    #: Who passed it up.
    partner_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("partner.uuid", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String)
    passed_on: Mapped[date] = mapped_column(Date)
    gained: Mapped[str] = mapped_column(String, default="")
    lost: Mapped[str] = mapped_column(String, default="")
    #: Its ``passed_up`` marker in the partner's lane.
    roadmap_item_uuid: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("roadmap_item.uuid", ondelete="RESTRICT"), default=None)
    _partner: Mapped[Partner] = parent_link("Partner", "PassedUp.partner_uuid")
    _roadmap_item: Mapped[RoadmapItem | None] = parent_link("RoadmapItem",
                                                        "PassedUp.roadmap_item_uuid")

    def clean(self) -> None:
        if not isinstance(self.partner_uuid, str) or not self.partner_uuid:
            raise ValidationError("partner_uuid", "Say whose opportunity passed up it is.")
        self.title = clean_text(self.title, "title", "What was passed up")
        check_date(self.passed_on, "passed_on", "When it was passed up")
        self.gained = clean_text(self.gained, "gained", "What was gained", required=False,
                                 multiline=True)
        self.lost = clean_text(self.lost, "lost", "What was lost", required=False,
                               multiline=True)


# -- reading ---------------------------------------------------------------------------

def passed_up(plan: PlanFile) -> list[PassedUp]:
    """The log, the latest first."""
    return plan.read(select(PassedUp).order_by(PassedUp.passed_on.desc(), PassedUp.uuid))


@dataclass(frozen=True)
class PassedUpCount:
    partner: Partner
    count: int


def passed_up_counts(plan: PlanFile) -> list[PassedUpCount]:
    """How many opportunities each partner has passed up."""
    rows = passed_up(plan)
    return [PassedUpCount(p, sum(1 for r in rows if r.partner_uuid == p.uuid))
            for p in partners(plan)]


def _times(count: int) -> str:
    return "1 opportunity" if count == 1 else f"{count} opportunities"


def passed_up_sentence(plan: PlanFile) -> str:
    """Context beside the lead balance: who has passed up what for the
    relationship (the opportunity-cost log). "" when the log is empty.
    Said as a count, never as a verdict."""
    counts = passed_up_counts(plan)
    if not any(c.count for c in counts):
        return ""
    parts = [f"{c.partner.name} {_times(c.count) if c.count else 'none'}" for c in counts]
    return ("Passed up for the relationship (the opportunity-cost log): "
            + ", ".join(parts) + ".")


def passed_up_brief(plan: PlanFile) -> str:
    """:func:`passed_up_sentence` short enough to sit beside the lead balance:
    "Passed up for the relationship: Rachel 1, Marcus 2." ("" when none)."""
    counts = passed_up_counts(plan)
    if not any(c.count for c in counts):
        return ""
    return ("Passed up for the relationship: "
            + ", ".join(f"{c.partner.name} {c.count}" for c in counts) + ".")


# -- edits -------------------------------------------------------------------------------

def log_passed_up(partner_uuid: str, title: str, passed_on: date, *, viewer: Viewer,
                  gained: str = "", lost: str = "") -> Edit:
    """Write down an opportunity ``partner_uuid`` passed up, with its marker
    in their lane."""
    entry = PassedUp(partner_uuid=partner_uuid, title=title, passed_on=passed_on,
                     gained=gained, lost=lost)
    row = insert(entry)  # refused here first, with the entry's own fields
    added = new_item(PASSED_UP_KIND, marker_title(_MARKER_PREFIX, entry.title), passed_on,
                     partner_uuid=partner_uuid, status="done", viewer=viewer)
    linked = insert(PassedUp(**{**dict(row.after or {}), "roadmap_item_uuid": added[0].uuid}))
    return added + (linked,)


def edit_passed_up(plan: PlanFile, viewer: Viewer, entry: PassedUp, **values: Any) -> Edit:
    """Change an entry; its marker follows its title, day and lane."""
    change = update(entry, **values)
    if change is None:
        return ()
    item = linked_item(plan, viewer, entry.roadmap_item_uuid)
    if item is None:
        return (change,)
    after = {**entry.record(), **(change.after or {})}
    moved = update(item, title=marker_title(_MARKER_PREFIX, after["title"]),
                   start_date=after["passed_on"], partner_uuid=after["partner_uuid"])
    return (change,) + ((moved,) if moved else ())


# -- for the report -----------------------------------------------------------------------

@dataclass(frozen=True)
class PassedUpLine:
    partner: str
    title: str
    passed_on: date
    gained: str
    lost: str


def passed_up_lines(plan: PlanFile) -> list[PassedUpLine]:
    names = {p.uuid: p.name for p in partners(plan)}
    return [PassedUpLine(names.get(r.partner_uuid, ""), r.title, r.passed_on, r.gained, r.lost)
            for r in passed_up(plan)]
