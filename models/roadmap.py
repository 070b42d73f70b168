"""The shared career roadmap: phases and milestones in three lanes (each
partner's and "Our life"), and the seasons in which one career leads.

Kinds (job, degree, move, child…) and statuses are data in
``resources/content/roadmap_kinds.json``. A phase or milestone can be a
private draft of its author, "only me, until I share it" (:mod:`models.privacy`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, ForeignKey, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

import resources
from models.base import Entity, entity_types
from models.calendar import Unit, add_months, shift
from models.changes import Edit, delete, insert, update
from models.errors import ValidationError
from models.privacy import Private, Viewer, now_stamp
from models.validation import check_choice, check_date, check_span, clean_text

if TYPE_CHECKING:
    from models.plan_file import PlanFile

TITLE_MAX = 120
NOTES_MAX = 5000
LABEL_MAX = 80


@dataclass(frozen=True)
class Kind:
    id: str
    label: str
    #: "phase" for a span of time, else the milestone marker's shape.
    shape: str
    pattern: str
    #: "start" (the start is a transition), "span" (all of it is demanding),
    #: "point" (a demanding milestone) or "" (not demanding).
    demanding: str
    activity: str

    @property
    def is_phase(self) -> bool:
        return self.shape == "phase"


@cache
def kinds() -> dict[str, Kind]:
    data = resources.load_json("content/roadmap_kinds.json")
    return {k["id"]: Kind(k["id"], k["label"], k["shape"], k.get("pattern", ""),
                          k["demanding"], k["activity"]) for k in data["kinds"]}


def phase_kinds() -> list[Kind]:
    return [k for k in kinds().values() if k.is_phase]


def milestone_kinds() -> list[Kind]:
    return [k for k in kinds().values() if not k.is_phase]


@cache
def status_labels() -> dict[str, str]:
    """Every status an item can have (the one list of them), with its label."""
    data = resources.load_json("content/roadmap_kinds.json")
    return {s["id"]: s["label"] for s in data["statuses"]}


def shared_lane() -> tuple[str, str]:
    """The "Our life" lane's title and colour."""
    lane = resources.load_json("content/roadmap_kinds.json")["shared_lane"]
    return lane["title"], lane["color"]


class RoadmapItem(Private, Entity):
    """A phase (start and end) or a milestone (one date) in a lane."""

    __tablename__ = "roadmap_item"
    noun = "roadmap item"
    limits = {"title": ("The title", TITLE_MAX), "notes": ("The note text", NOTES_MAX)}

    #: The partner whose lane it is in; ``None`` for "Our life".
    partner_uuid: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("partner.uuid", ondelete="RESTRICT"), default=None)
    kind: Mapped[str] = mapped_column(String)
    title: Mapped[str] = mapped_column(String)
    notes: Mapped[str] = mapped_column(String, default="")
    status: Mapped[str] = mapped_column(String, default="planned")
    start_date: Mapped[date] = mapped_column(Date)
    #: ``None`` for a milestone.
    end_date: Mapped[date | None] = mapped_column(Date, default=None)

    @property
    def is_phase(self) -> bool:
        return self.end_date is not None

    @property
    def last_date(self) -> date:
        return self.end_date or self.start_date

    def clean(self) -> None:
        kind = kinds()[check_choice(self.kind, kinds(), "kind", "a kind of roadmap item")]
        self.title = clean_text(self.title, "title", "The title")
        self.notes = clean_text(self.notes, "notes", "The note text", required=False,
                                multiline=True)
        check_choice(self.status, status_labels(), "status", "a status")
        self.clean_privacy()
        check_date(self.start_date, "start_date", "The start" if kind.is_phase else "The date")
        if kind.is_phase:
            if self.end_date is None:
                raise ValidationError(
                    "end_date", f"“{kind.label}” is a phase: it needs an end date.")
            check_date(self.end_date, "end_date", "The end")
            check_span(self.start_date, self.end_date, "end_date")
        elif self.end_date is not None:
            raise ValidationError(
                "end_date", f"“{kind.label}” is a milestone: it has one date, not an end.")


class Season(Entity):
    """A period in which one partner's career leads, by explicit agreement.
    Like a phase, it runs from its first day to its last day, both included."""

    __tablename__ = "season"
    noun = "season"
    limits = {"label": ("What the season is for", LABEL_MAX),
              "notes": ("The note text", NOTES_MAX)}

    leader_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("partner.uuid", ondelete="RESTRICT"))
    label: Mapped[str] = mapped_column(String)
    notes: Mapped[str] = mapped_column(String, default="")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)

    def clean(self) -> None:
        self.label = clean_text(self.label, "label", "What the season is for")
        self.notes = clean_text(self.notes, "notes", "The note text", required=False,
                                multiline=True)
        check_date(self.start_date, "start_date", "The start")
        check_date(self.end_date, "end_date", "The end")
        check_span(self.start_date, self.end_date, "end_date")

    @classmethod
    def check_table(cls, session: Session) -> None:
        ordered = list(session.scalars(select(cls).order_by(cls.start_date, cls.end_date)))
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            if later.start_date <= earlier.end_date:
                raise ValidationError(
                    "start_date",
                    f"Seasons may not overlap: “{later.label}” starts "
                    f"{later.start_date.isoformat()}, while “{earlier.label}” lasts until "
                    f"{earlier.end_date.isoformat()}.", table=cls.__tablename__, row=later.uuid)


# -- reading -------------------------------------------------------------------

def roadmap_items(plan: PlanFile, viewer: Viewer) -> list[RoadmapItem]:
    """The phases and milestones ``viewer`` may see, by date."""
    return plan.read(select(RoadmapItem).order_by(RoadmapItem.start_date, RoadmapItem.uuid),
                     viewer)


def seasons(plan: PlanFile) -> list[Season]:
    return plan.read(select(Season).order_by(Season.start_date))


def roadmap_entry(plan: PlanFile, viewer: Viewer, uuid: str) -> RoadmapItem | Season | None:
    """The item or season with this UUID, if ``viewer`` may see it."""
    found: list[RoadmapItem | Season] = [
        *plan.read(select(RoadmapItem).where(RoadmapItem.uuid == uuid), viewer),
        *plan.read(select(Season).where(Season.uuid == uuid))]
    return found[0] if found else None


def linked_item(plan: PlanFile, viewer: Viewer, uuid: str | None) -> RoadmapItem | None:
    """The roadmap item another exercise's row links to (a goal's marker…),
    if it has one ``viewer`` may see."""
    if not uuid:
        return None
    found = plan.read(select(RoadmapItem).where(RoadmapItem.uuid == uuid), viewer)
    return found[0] if found else None


def marker_title(prefix: str, title: object) -> str:
    """A marker's title for a row titled ``title`` (cut to a marker's length)."""
    text = f"{prefix}{title}" if isinstance(title, str) else ""
    return text[:TITLE_MAX]


# -- rules for gestures ----------------------------------------------------------

def moved(start: date, end: date | None, unit: Unit, steps: int,
          edge: str = "move") -> tuple[date, date | None]:
    """Dates after moving by whole units: the whole span (``"move"``), or only
    its ``"start"`` or ``"end"``; an edge never passes the other one."""
    if edge == "move" or end is None:
        return shift(start, unit, steps), shift(end, unit, steps) if end else None
    if edge == "start":
        return min(shift(start, unit, steps), end), end
    return start, max(shift(end, unit, steps), start)


def default_end(start: date) -> date:
    """A new phase or season lasts a year until the couple says otherwise."""
    return add_months(start, 12) - timedelta(days=1)


# -- edits -----------------------------------------------------------------------

def new_item(kind: str, title: str, start: date, end: date | None = None,
             partner_uuid: str | None = None, status: str = "planned", notes: str = "", *,
             viewer: Viewer, draft: bool = False) -> Edit:
    """Add a phase (with ``end``) or a milestone, written by ``viewer``; a
    ``draft`` stays private to its author until shared. Refused here if invalid."""
    item = RoadmapItem(kind=kind, title=title, start_date=start, end_date=end,
                       partner_uuid=partner_uuid, status=status, notes=notes,
                       author_uuid=viewer.partner_uuid or None,
                       shared_at=None if draft else now_stamp())
    return (insert(item),)


def new_season(leader_uuid: str, label: str, start: date, end: date, notes: str = "") -> Edit:
    season = Season(leader_uuid=leader_uuid, label=label, start_date=start, end_date=end,
                    notes=notes)
    return (insert(season),)


def edit_entry(entry: RoadmapItem | Season, **values: Any) -> Edit:
    """Change some fields of an item or season."""
    change = update(entry, **values)
    return (change,) if change else ()


def share(items: Iterable[RoadmapItem]) -> Edit:
    """Share private drafts with the other partner (and the report)."""
    stamp = now_stamp()
    return tuple(change for item in items if item.is_draft
                 for change in edit_entry(item, shared_at=stamp))


def duplicate(entries: Iterable[RoadmapItem | Season], viewer: Viewer) -> Edit:
    """Copies with new identities, written by ``viewer`` (a draft's copy is a
    draft too); seasons can't overlap, so only items are copied."""
    copies: list[Entity] = []
    for entry in entries:
        if isinstance(entry, RoadmapItem):
            values = entry.record()
            values.pop("uuid")
            values["author_uuid"] = viewer.partner_uuid or None
            if not entry.is_draft:
                values["shared_at"] = now_stamp()
            copies.append(RoadmapItem(**values))
    return tuple(insert(copy) for copy in copies)


def remove(plan: PlanFile, entries: Sequence[RoadmapItem | Season]) -> Edit:
    """Delete items and seasons. A row elsewhere that only points at an item
    (an opportunity that became it) forgets the link in the same edit, so
    undo restores the link with the item."""
    items = [entry.uuid for entry in entries if isinstance(entry, RoadmapItem)]
    return (*_unlinked(plan, items), *(delete(entry) for entry in entries))


def _unlinked(plan: PlanFile, item_uuids: list[str]) -> Edit:
    if not item_uuids:
        return ()
    changes = []
    for cls in entity_types().values():
        for column in cls.__table__.columns:
            points_here = column.key != "author_uuid" and column.nullable and any(
                fk.column.table.name == RoadmapItem.__tablename__
                for fk in column.foreign_keys)
            if not points_here:
                continue
            for row in plan.read(select(cls).where(column.in_(item_uuids))):
                change = update(row, **{column.key: None})
                if change is not None:
                    changes.append(change)
    return tuple(changes)
