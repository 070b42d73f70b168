"""Alone, then revealed together: one mechanism for every exercise.

Each partner scores an opportunity, writes a vision, rates a check-in or
answers a question alone; the other's answers stay hidden (so neither anchors
on the other) until *both* have said they are done with that subject. Then
both sets are revealed at once. Nobody ever changes the other's rows: each
partner's "done" is a :class:`Reveal` row of their own, and a row that waits
for a reveal names its subject (``Private.reveal_with``); :func:`models.privacy.visible`
shows it once two partners are done with that subject.

Before the reveal, both together and the report see who is done, never what
was written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Select, String, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Entity
from models.changes import Edit, delete, insert
from models.errors import ValidationError
from models.privacy import TOGETHER, Private, Viewer, now_stamp

if TYPE_CHECKING:
    from models.plan_file import PlanFile


class Reveal(Private, Entity):
    """One partner is done with one subject. Seen by both at once (it is
    shared when made), changed by its author alone."""

    __tablename__ = "reveal"
    noun = "“done” mark"
    author_only = True
    #: Hangs on whatever row its subject is; no foreign key can say which table.
    loose_links = ("subject_uuid",)
    __table_args__ = (UniqueConstraint("subject_uuid", "author_uuid"),)

    subject_uuid: Mapped[str] = mapped_column(String(36))

    def clean(self) -> None:
        if not self.author_uuid:
            raise ValidationError(
                "author_uuid", "Each of you says for yourself when you are done: choose who "
                "is at the keyboard first.")
        if self.shared_at is None:
            raise ValidationError("shared_at", "Being done is never private.")


def revealed_subjects() -> Select[str]:
    """The subjects both partners are done with (for SQL filters)."""
    return (select(Reveal.subject_uuid).group_by(Reveal.subject_uuid)
            .having(func.count(func.distinct(Reveal.author_uuid)) >= 2))


@dataclass(frozen=True)
class RevealState:
    #: The partners (UUIDs) who said they are done.
    done: frozenset[str] = frozenset()

    @property
    def revealed(self) -> bool:
        return len(self.done) >= 2

    def is_done(self, partner_uuid: str) -> bool:
        return partner_uuid in self.done


def reveal_states(plan: PlanFile, subjects: Iterable[str]) -> dict[str, RevealState]:
    """Who is done with each subject (every subject given has a state)."""
    wanted = list(subjects)
    # Done marks are always shared: both together see every one.
    marks = plan.read(select(Reveal).where(Reveal.subject_uuid.in_(wanted)), TOGETHER)
    done: dict[str, set[str]] = {subject: set() for subject in wanted}
    for mark in marks:
        if mark.author_uuid:
            done[mark.subject_uuid].add(mark.author_uuid)
    return {subject: RevealState(frozenset(partners)) for subject, partners in done.items()}


def mark_done(plan: PlanFile, viewer: Viewer, subject_uuid: str) -> Edit:
    """``viewer`` is done with ``subject_uuid``; nothing if already so."""
    if not viewer.is_partner:
        raise ValidationError("author_uuid", "Each of you says for yourself when you are "
                              "done: choose who is at the keyboard first.")
    if reveal_states(plan, [subject_uuid])[subject_uuid].is_done(viewer.partner_uuid):
        return ()
    stamp = now_stamp()
    return (insert(Reveal(subject_uuid=subject_uuid, author_uuid=viewer.partner_uuid,
                          shared_at=stamp)),)


def mark_not_done(plan: PlanFile, viewer: Viewer, subject_uuid: str) -> Edit:
    """``viewer`` takes back being done (hiding their part again if it was
    revealed); nothing if they were not done."""
    marks = plan.read(select(Reveal).where(Reveal.subject_uuid == subject_uuid,
                                           Reveal.author_uuid == viewer.partner_uuid),
                      TOGETHER)
    return tuple(delete(mark) for mark in marks)
