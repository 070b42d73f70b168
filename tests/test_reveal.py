"""Alone, then revealed together: each partner's part of a subject stays
theirs until both are done, then both show at once; nobody rewrites the
other's part, and being done is never private."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import String, create_engine, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from models.base import Base, new_uuid
from models.changes import inverse
from models.errors import PrivacyError, ValidationError
from models.partners import Partner, new_plan_rows, partners
from models.plan_file import PlanFile
from models.privacy import REPORT, TOGETHER, Private, Viewer, check_change, visible
from models.reveal import Reveal, mark_done, mark_not_done, reveal_states
from tests.helpers import stored


class _Base(DeclarativeBase):
    pass


class Answer(Private, _Base):
    """A stand-in for a score, a vision or a rating: each partner's own,
    revealed with its subject (the views bring the real ones)."""

    __tablename__ = "answer"
    reveal_with = "subject_uuid"
    author_only = True
    loose_links = ("subject_uuid",)  # a real one has a foreign key to its subject
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    subject_uuid: Mapped[str] = mapped_column(String(36))
    text: Mapped[str] = mapped_column(String)
    # Hide the mixin's foreign key to "partner" from this separate metadata.
    author_uuid: Mapped[str | None] = mapped_column(String(36), default=None)


@pytest.fixture
def session() -> Iterator[Session]:
    """The plan's own tables and a stand-in's, in one database in memory."""
    engine = create_engine("sqlite://")
    event.listen(engine, "connect", lambda conn, _r: conn.execute("PRAGMA foreign_keys = ON"))
    Base.metadata.create_all(engine)
    _Base.metadata.create_all(engine)
    with Session(engine) as db:
        db.add_all(new_plan_rows("Ana", "Bo"))
        db.commit()
        yield db
    engine.dispose()


def seen_by(session: Session, viewer: Viewer) -> list[str]:
    return sorted(session.scalars(select(Answer.text).where(visible(Answer, viewer))))


def test_answers_stay_hidden_until_both_are_done_then_show_at_once(session: Session) -> None:
    ana, bo = (p.uuid for p in session.scalars(select(Partner).order_by(Partner.slot)))
    session.add_all([Answer(subject_uuid="seattle", text="Ana: 8", author_uuid=ana),
                     Answer(subject_uuid="seattle", text="Bo: 3", author_uuid=bo),
                     Answer(subject_uuid="remote", text="Ana: 6", author_uuid=ana)])
    session.commit()
    as_ana, as_bo = Viewer.partner(ana), Viewer.partner(bo)
    assert seen_by(session, as_ana) == ["Ana: 6", "Ana: 8"]
    assert seen_by(session, as_bo) == ["Bo: 3"]
    assert seen_by(session, TOGETHER) == seen_by(session, REPORT) == []

    session.add(Reveal(subject_uuid="seattle", author_uuid=ana, shared_at="2026-11-24T10:00:00"))
    session.commit()
    assert seen_by(session, as_bo) == ["Bo: 3"], "one done is not a reveal"
    assert seen_by(session, TOGETHER) == []

    session.add(Reveal(subject_uuid="seattle", author_uuid=bo, shared_at="2026-11-24T10:05:00"))
    session.commit()
    assert seen_by(session, as_bo) == ["Ana: 8", "Bo: 3"]
    assert seen_by(session, TOGETHER) == seen_by(session, REPORT) == ["Ana: 8", "Bo: 3"]
    assert seen_by(session, as_ana) == ["Ana: 6", "Ana: 8", "Bo: 3"], \
        "another subject stays Ana's alone"


def test_nobody_rewrites_the_others_part_revealed_or_not() -> None:
    mine = {"uuid": "a", "subject_uuid": "seattle", "author_uuid": "bo", "shared_at": None,
            "text": "Bo: 3"}
    ana = Viewer.partner("ana")
    for revealed in (False, True):
        with pytest.raises(PrivacyError):
            check_change(Answer, ana, mine, {**mine, "text": "Bo: 10"}, revealed=revealed)
        with pytest.raises(PrivacyError):
            check_change(Answer, TOGETHER, mine, None, revealed=revealed)
    check_change(Answer, Viewer.partner("bo"), mine, {**mine, "text": "Bo: 4"}, revealed=True)
    # Deleting the subject takes everyone's answers with it, and undo brings them back.
    check_change(Answer, ana, mine, None, moved_parents={"seattle"})
    check_change(Answer, ana, None, mine, moved_parents={"seattle"})


@pytest.fixture
def plan(plan_path: Path) -> Iterator[PlanFile]:
    with PlanFile.open(plan_path) as opened:
        yield opened


def test_done_marks_are_stored_seen_by_both_and_taken_back_by_their_author(
        plan: PlanFile, plan_path: Path) -> None:
    ana, bo = (Viewer.partner(p.uuid) for p in partners(plan))
    subject = new_uuid()
    assert reveal_states(plan, [subject])[subject].done == frozenset()
    plan.apply(mark_done(plan, ana, subject), ana)
    assert mark_done(plan, ana, subject) == (), "done once is done"
    state = reveal_states(plan, [subject])[subject]
    assert state.is_done(ana.partner_uuid) and not state.revealed
    edit = mark_done(plan, bo, subject)
    plan.apply(edit, bo)
    assert reveal_states(plan, [subject])[subject].revealed
    with pytest.raises(PrivacyError):
        plan.apply(mark_not_done(plan, bo, subject), ana)  # Ana can't un-done Bo
    plan.apply(inverse(edit), bo)  # Bo takes it back (undo)
    assert not reveal_states(plan, [subject])[subject].revealed
    plan.close()
    marks = stored(plan_path)["tables"]["reveal"]
    assert [m["author_uuid"] for m in marks] == [ana.partner_uuid]
    assert all(m["shared_at"] for m in marks), "being done is never private"


def test_being_done_needs_someone_at_the_keyboard(plan: PlanFile) -> None:
    with pytest.raises(ValidationError) as caught:
        mark_done(plan, TOGETHER, new_uuid())
    assert "choose who is at the keyboard" in caught.value.message


def test_done_marks_follow_their_subject_when_it_is_deleted(plan: PlanFile) -> None:
    """A done mark hangs on its subject though no foreign key can say so:
    deleting the subject lists it, so undo brings it back."""
    ana, bo = partners(plan)
    for partner in (ana, bo):
        viewer = Viewer.partner(partner.uuid)
        plan.apply(mark_done(plan, viewer, ana.uuid), viewer)  # any row can be a subject
    found = plan.with_dependents(ana)
    assert sorted(type(row).__name__ for row in found[:-1]) == ["Reveal", "Reveal"]
    assert all(row.subject_uuid == ana.uuid for row in found[:-1])  # type: ignore[attr-defined]
