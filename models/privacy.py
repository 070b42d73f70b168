"""Who may see and change what a partner writes alone.

Some things are written by one partner privately: a roadmap draft "only me,
until I share it" now, scores and visions before they are revealed later.
Such rows carry their author and when they were shared (:class:`Private`).
Every read of them takes a :class:`Viewer` and is filtered in SQL
(:func:`visible`), and every edit is checked against the viewer
(:func:`check_change`), so no widget has to remember to hide anything.

This is privacy between partners sharing a laptop, not encryption: the plan
file holds everything, and anyone who opens it with other tools can read it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, ForeignKey, String, or_
from sqlalchemy.orm import Mapped, mapped_column

from models.errors import PrivacyError, ValidationError


class Seat(Enum):
    """Who is looking: one partner, both together, or the printed report."""

    PARTNER = "partner"
    TOGETHER = "together"
    REPORT = "report"


@dataclass(frozen=True)
class Viewer:
    seat: Seat
    #: The partner's UUID when ``seat`` is :attr:`Seat.PARTNER`, else "".
    partner_uuid: str = ""

    @staticmethod
    def partner(uuid: str) -> Viewer:
        if not uuid:
            raise ValueError("a partner viewer needs the partner's UUID")
        return Viewer(Seat.PARTNER, uuid)

    @property
    def is_partner(self) -> bool:
        return self.seat is Seat.PARTNER

    def may_see(self, author_uuid: str | None, shared_at: str | None) -> bool:
        """The rule of :func:`visible`, for one row already in hand."""
        return shared_at is not None or (self.is_partner and author_uuid == self.partner_uuid)


TOGETHER = Viewer(Seat.TOGETHER)
#: The counselor report and the export: like both together, and read-only.
REPORT = Viewer(Seat.REPORT)


def now_stamp() -> str:
    """When something was shared, as stored: ISO 8601 in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Private:
    """Mixed into an entity that a partner can write privately.

    ``shared_at`` is ``None`` while the row is its author's alone; once set,
    both partners and the report see it. ``author_uuid`` is who wrote it
    (``None`` for what was made together, which is always shared)."""

    author_uuid: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("partner.uuid", ondelete="RESTRICT"), default=None)
    shared_at: Mapped[str | None] = mapped_column(String, default=None)

    #: The column naming the subject this row is revealed with, "alone, then
    #: revealed together" (:mod:`models.reveal`): the row shows to both once
    #: both partners are done with that subject. "" for rows shared by hand.
    reveal_with: ClassVar[str] = ""
    #: Only the author ever changes the row, even once everyone sees it (a
    #: partner's own score or rating: the other may read it, not rewrite it).
    author_only: ClassVar[bool] = False

    @property
    def is_draft(self) -> bool:
        return self.shared_at is None

    def clean_privacy(self) -> None:
        """The row rule every private entity adds to its own: a draft has an author."""
        if self.shared_at is None and not self.author_uuid:
            raise ValidationError(
                "author_uuid", "A private draft is written by one of you alone: choose who "
                "is at the keyboard first.")


def visible(cls: type[Private], viewer: Viewer) -> ColumnElement[bool]:
    """The SQL condition for the rows of ``cls`` that ``viewer`` may see:
    shared, revealed (both done with its subject), or their own."""
    seen: list[ColumnElement[bool]] = [cls.shared_at.is_not(None)]
    if cls.reveal_with:
        from models.reveal import revealed_subjects

        seen.append(getattr(cls, cls.reveal_with).in_(revealed_subjects()))
    if viewer.is_partner:
        seen.append(cls.author_uuid == viewer.partner_uuid)
    return or_(*seen)


def is_private(cls: type) -> bool:
    return isinstance(cls, type) and issubclass(cls, Private)


def parent_links(cls: type) -> list[str]:
    """The columns by which a row of ``cls`` hangs on a parent row: its
    foreign keys and its ``loose_links`` (UUIDs of a row of any table). Its
    author is no parent: partners are never deleted."""
    table = getattr(cls, "__table__")  # noqa: B009 - set by the mapping, not by this mixin
    keys = [c.key for c in table.columns if c.foreign_keys and c.key != "author_uuid"]
    return keys + list(getattr(cls, "loose_links", ()))


def check_change(cls: type, viewer: Viewer, before: Mapping[str, Any] | None,
                 after: Mapping[str, Any] | None, moved_parents: Iterable[str] = (),
                 revealed: bool = False) -> None:
    """Refuse a change of one row that ``viewer`` may not make.

    ``before`` and ``after`` are the row's whole values before and after the
    change (``None`` when it does not exist). ``moved_parents`` are the UUIDs
    the same edit deletes or inserts: a private row may follow its parent out
    of the plan (and back, on undo) whoever deletes the parent, because a
    partner must be able to delete a shared opportunity holding the other's
    private scores. ``revealed``: the row's subject is revealed to both
    (see :mod:`models.reveal`). Messages never name the row's content."""
    if viewer.seat is Seat.REPORT:
        raise PrivacyError("The report only reads the plan; it can’t change it.")
    if not is_private(cls):
        return
    if before is not None and after is not None and \
            before.get("author_uuid") != after.get("author_uuid"):
        raise PrivacyError("Who wrote something can’t be changed afterwards.")
    row = before if before is not None else after
    if row is None:  # a stale step (the row is gone already): the plan file says so
        return
    author = row.get("author_uuid")
    private = not revealed and any(values is not None and values.get("shared_at") is None
                                   for values in (before, after))
    mine = viewer.is_partner and author == viewer.partner_uuid
    if mine or not (private or (author and getattr(cls, "author_only", False))):
        return
    if before is None or after is None:  # added or deleted with its parent
        links = {row.get(key) for key in parent_links(cls)}
        if links & set(moved_parents):
            return
    if not private:
        raise PrivacyError("Only the one who wrote that can change it.")
    if before is None and not viewer.is_partner:
        raise PrivacyError("Something private is written by one of you alone: choose who "
                           "is at the keyboard first.")
    if viewer.is_partner:
        raise PrivacyError("That is private to the other partner until they share it.")
    raise PrivacyError("That is private to one of you until it is shared.")

