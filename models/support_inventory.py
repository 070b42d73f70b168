"""The seed's Support Inventory: each partner lists the ways the other
currently supports their career, and the ways they wish the other would.

A partner's lists are theirs alone (private drafts, :mod:`models.privacy`)
until they share them, one explicit step ("exchange lists without
judgment"); only the writer ever changes an item. The other partner, reading
a shared wish, may mark it as taken up: that mark is a row of their own
(:class:`SupportUptake`), so nobody ever changes the other's words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from models.base import Entity
from models.changes import Edit, delete, delete_all, insert, update
from models.errors import ValidationError
from models.partners import Partner, partners
from models.privacy import TOGETHER, Private, Viewer, now_stamp
from models.validation import check_choice, check_date, clean_text

if TYPE_CHECKING:
    from models.plan_file import PlanFile

ITEM_MAX = 500
NOW = "now"
WISH = "wish"
KINDS = (NOW, WISH)
WRITE_ALONE = ("Each of you writes your own lists: choose who is at the keyboard first "
               "(at the top right, or Ctrl+Alt+1 and Ctrl+Alt+2).")


def _check_stamp(value: str | None, what: str) -> None:
    if value is None:
        return
    try:
        datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValidationError("shared_at", f"When {what} was shared is not a date and "
                              "time.") from None


class SupportItem(Private, Entity):
    """One way a partner is supported now, or wishes to be, in their words."""

    __tablename__ = "support_item"
    noun = "support item"
    author_only = True
    limits = {"text": ("A way of support", ITEM_MAX)}

    #: :data:`NOW` (how the other supports me now) or :data:`WISH`.
    kind: Mapped[str] = mapped_column(String)
    text: Mapped[str] = mapped_column(String)
    #: Its place in its list.
    position: Mapped[int] = mapped_column(Integer, default=0)

    def clean(self) -> None:
        if not self.author_uuid:
            raise ValidationError("author_uuid", WRITE_ALONE)
        check_choice(self.kind, KINDS, "kind", "a list of the support inventory")
        self.text = clean_text(self.text, "text", "A way of support")
        if isinstance(self.position, bool) or not isinstance(self.position, int):
            raise ValidationError("position", "An item’s place must be a whole number.")
        _check_stamp(self.shared_at, "an item")

    @property
    def is_wish(self) -> bool:
        return self.kind == WISH


class SupportUptake(Private, Entity):
    """The other partner took up a shared wish: their mark, never private."""

    __tablename__ = "support_uptake"
    noun = "“taken up” mark"
    author_only = True

    item_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("support_item.uuid", ondelete="RESTRICT"))
    taken_up_on: Mapped[date] = mapped_column(Date)
    # Never read: it tells the flush to write an item before its mark and to
    # delete it after (an edit may delete an item with its mark).
    _item: Mapped[SupportItem] = relationship(lazy="raise")

    def clean(self) -> None:
        if not self.author_uuid:
            raise ValidationError("author_uuid", "The partner a wish is addressed to marks "
                                  "it as taken up: choose who is at the keyboard first.")
        if self.shared_at is None:
            raise ValidationError("shared_at", "Taking up a wish is never private.")
        _check_stamp(self.shared_at, "a “taken up” mark")
        check_date(self.taken_up_on, "taken_up_on", "The day it was taken up")

    @classmethod
    def check_table(cls, session: Session) -> None:
        twice = session.execute(select(func.max(cls.uuid)).group_by(cls.item_uuid)
                                .having(func.count() > 1)).first()
        if twice is not None:
            raise ValidationError("item_uuid", "A wish is taken up once.",
                                  table=cls.__tablename__, row=twice[0])
        wrong = session.execute(
            select(cls.uuid, SupportItem.kind, SupportItem.author_uuid, cls.author_uuid)
            .join(SupportItem, SupportItem.uuid == cls.item_uuid)
            .where((SupportItem.kind != WISH) | (SupportItem.author_uuid == cls.author_uuid))
            .limit(1)).first()
        if wrong is not None:
            message = ("Only a wish is taken up." if wrong[1] != WISH else
                       "A wish is taken up by the partner it is addressed to.")
            raise ValidationError("item_uuid", message, table=cls.__tablename__, row=wrong[0])


# -- reading -----------------------------------------------------------------------------

def support_items(plan: PlanFile, viewer: Viewer) -> list[SupportItem]:
    """The items ``viewer`` may see (their own, and the shared ones), in order."""
    return plan.read(select(SupportItem).order_by(SupportItem.position, SupportItem.uuid),
                     viewer)


def uptakes(plan: PlanFile) -> dict[str, SupportUptake]:
    """Every "taken up" mark (always shared), by the wish it marks."""
    return {row.item_uuid: row for row in plan.read(select(SupportUptake), TOGETHER)}


@dataclass(frozen=True)
class SupportList:
    """One partner's list of one kind, as a viewer sees it."""

    writer: Partner
    #: The partner the list is about ("how Marcus supports me").
    other: Partner
    kind: str
    items: tuple[SupportItem, ...]
    #: Wish UUID -> the day it was taken up.
    taken_up: dict[str, date]

    @property
    def drafts(self) -> int:
        return sum(1 for item in self.items if item.is_draft)


def inventory(plan: PlanFile, viewer: Viewer) -> list[SupportList]:
    """Both partners' lists (now, then wishes), as ``viewer`` may see them."""
    pair = partners(plan)
    if len(pair) < 2:
        return []
    seen = support_items(plan, viewer)
    marks = uptakes(plan)
    found = []
    for writer in pair:
        other = next(p for p in pair if p.uuid != writer.uuid)
        for kind in KINDS:
            items = tuple(i for i in seen if i.author_uuid == writer.uuid and i.kind == kind)
            found.append(SupportList(writer, other, kind, items, {
                i.uuid: marks[i.uuid].taken_up_on for i in items if i.uuid in marks}))
    return found


# -- editing -----------------------------------------------------------------------------

def _writer(viewer: Viewer) -> str:
    if not viewer.is_partner:
        raise ValidationError("author_uuid", WRITE_ALONE)
    return viewer.partner_uuid


def add_item(plan: PlanFile, viewer: Viewer, kind: str, text: str) -> tuple[SupportItem, Edit]:
    """A new item at the end of ``viewer``'s list of ``kind``, private until shared."""
    author = _writer(viewer)
    check_choice(kind, KINDS, "kind", "a list of the support inventory")
    mine = [i for i in support_items(plan, viewer) if i.author_uuid == author]
    position = max((i.position for i in mine), default=-1) + 1
    item = SupportItem(kind=kind, text=text, position=position, author_uuid=author,
                       shared_at=None)
    return item, (insert(item),)


def edit_item(item: SupportItem, text: str) -> Edit:
    change = update(item, text=text)
    return (change,) if change else ()


def delete_item(plan: PlanFile, item: SupportItem) -> Edit:
    """The item and the other's "taken up" mark on it (undo brings both back)."""
    return delete_all(plan.with_dependents(item))


def share_lists(plan: PlanFile, viewer: Viewer) -> Edit:
    """Show every private item of ``viewer``'s to the other partner (and the
    report): the writer's explicit step, undoable. Nothing when all are shared."""
    author = _writer(viewer)
    stamp = now_stamp()
    edit = []
    for item in support_items(plan, viewer):
        if item.author_uuid == author and item.is_draft:
            change = update(item, shared_at=stamp)
            if change is not None:
                edit.append(change)
    return tuple(edit)


def unshared_count(plan: PlanFile, viewer: Viewer) -> int:
    """How many of ``viewer``'s own items the other partner can't see yet."""
    if not viewer.is_partner:
        return 0
    return sum(1 for i in support_items(plan, viewer)
               if i.author_uuid == viewer.partner_uuid and i.is_draft)


def set_taken_up(plan: PlanFile, viewer: Viewer, item: SupportItem, taken: bool,
                 on: date) -> Edit:
    """``viewer`` marks the other's shared wish as taken up (or not, after all)."""
    if not viewer.is_partner:
        raise ValidationError("taken_up_on", "The partner a wish is addressed to marks it as "
                              "taken up: choose who is at the keyboard first.")
    if not item.is_wish:
        raise ValidationError("taken_up_on", "Only a wish is taken up.")
    if item.author_uuid == viewer.partner_uuid:
        raise ValidationError("taken_up_on", "Your partner marks your wish as taken up, "
                              "not you.")
    if item.is_draft:
        raise ValidationError("taken_up_on", "That wish is not shared yet.")
    mark = uptakes(plan).get(item.uuid)
    if taken:
        if mark is not None:
            return ()
        return (insert(SupportUptake(item_uuid=item.uuid, taken_up_on=on,
                                     author_uuid=viewer.partner_uuid,
                                     shared_at=now_stamp())),)
    return (delete(mark),) if mark is not None else ()


# -- the report ----------------------------------------------------------------------------

@dataclass(frozen=True)
class SharedList:
    writer: str
    other: str
    kind: str
    #: (text, the day it was taken up or None), shared items only.
    items: tuple[tuple[str, date | None], ...]


def shared_inventory(plan: PlanFile, viewer: Viewer) -> list[SharedList]:
    """The lists as the report shows them: shared items only (never a private
    one, even the viewer's own)."""
    return [SharedList(found.writer.name, found.other.name, found.kind, tuple(
        (item.text, found.taken_up.get(item.uuid)) for item in found.items if not item.is_draft))
        for found in inventory(plan, viewer)]
