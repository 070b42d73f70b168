"""Conversations edits: answering a question, being done with it, the
couple's note (discussed, what was agreed), and questions of their own. Each
builder puts values in their stored form and refuses with a
:class:`ValidationError` naming the field; the view submits the edit."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from models.changes import Edit, delete_all, insert, update
from models.conversations import (
    ANSWER_ALONE,
    Answer,
    CustomQuestion,
    Question,
    QuestionNote,
    custom_questions,
    find_question,
    notes,
    own_answer,
)
from models.errors import ValidationError
from models.privacy import Viewer
from models.reveal import mark_done, mark_not_done, reveal_states
from models.validation import check_choice

if TYPE_CHECKING:
    from models.plan_file import PlanFile


def _known(plan: PlanFile, question_uuid: str) -> Question:
    found = find_question(plan, question_uuid)
    if found is None:
        raise ValidationError("question_uuid", "That question is no longer in the plan.")
    return found


def store_answer(plan: PlanFile, viewer: Viewer, question_uuid: str, text: str) -> Edit:
    """Store what ``viewer`` wrote to a question (their answer is made on the
    first words)."""
    if not viewer.is_partner:
        raise ValidationError("text", ANSWER_ALONE)
    _known(plan, question_uuid)
    if reveal_states(plan, [question_uuid])[question_uuid].is_done(viewer.partner_uuid):
        # What the other reads (or will, at the reveal) is what was said to be done.
        raise ValidationError("text", "You said you are done with this answer: choose Not "
                              "Done Yet to change it.")
    mine = own_answer(plan, viewer, question_uuid)
    if mine is None:
        if not text:
            return ()
        return (insert(Answer(question_uuid=question_uuid, text=text,
                              author_uuid=viewer.partner_uuid, shared_at=None)),)
    change = update(mine, text=text)
    return (change,) if change else ()


def finish(plan: PlanFile, viewer: Viewer, question_uuid: str) -> Edit:
    """``viewer`` is done with the question: both answers show once both are."""
    if not viewer.is_partner:
        raise ValidationError("", ANSWER_ALONE)
    _known(plan, question_uuid)
    mine = own_answer(plan, viewer, question_uuid)
    if mine is None or mine.is_blank:
        raise ValidationError("text", "Write your answer first: it is still empty.")
    return mark_done(plan, viewer, question_uuid)


def unfinish(plan: PlanFile, viewer: Viewer, question_uuid: str) -> Edit:
    """``viewer`` is not done after all (hiding their answer again if it was revealed)."""
    return mark_not_done(plan, viewer, question_uuid)


def _note(plan: PlanFile, question_uuid: str) -> QuestionNote | None:
    return notes(plan, [question_uuid]).get(question_uuid)


def set_discussed(plan: PlanFile, question_uuid: str, discussed: bool, on: date) -> Edit:
    """Mark the question as talked through (on ``on``), or not yet."""
    _known(plan, question_uuid)
    note = _note(plan, question_uuid)
    day = on if discussed else None
    if note is None:
        if not discussed:
            return ()
        return (insert(QuestionNote(question_uuid=question_uuid, discussed_on=day, agreed="")),)
    if (note.discussed_on is not None) == discussed:
        return ()
    change = update(note, discussed_on=day)
    return (change,) if change else ()


def store_agreed(plan: PlanFile, question_uuid: str, text: str) -> Edit:
    """What the couple agreed about the question (shared; either of them writes it)."""
    _known(plan, question_uuid)
    note = _note(plan, question_uuid)
    if note is None:
        if not text:
            return ()
        return (insert(QuestionNote(question_uuid=question_uuid, discussed_on=None,
                                    agreed=text)),)
    change = update(note, agreed=text)
    return (change,) if change else ()


def add_question(plan: PlanFile, deck: str, text: str) -> tuple[CustomQuestion, Edit]:
    """A question of the couple's own at the end of ``deck``."""
    from models.conversations import deck_titles

    check_choice(deck, deck_titles(), "deck", "a deck of questions")
    position = max((q.position for q in custom_questions(plan)), default=-1) + 1
    row = CustomQuestion(deck=deck, text=text, position=position)
    return row, (insert(row),)


def _row(plan: PlanFile, question: Question) -> CustomQuestion:
    found = [q for q in custom_questions(plan) if q.uuid == question.uuid]
    if not question.custom or not found:
        raise ValidationError("text", "The seed’s questions stay as they are; add one of "
                              "your own instead.")
    return found[0]


def edit_question(plan: PlanFile, question: Question, text: str) -> Edit:
    change = update(_row(plan, question), text=text)
    return (change,) if change else ()


def delete_question(plan: PlanFile, question: Question) -> Edit:
    """A question of the couple's own, with both answers, its note and the
    "done" marks (undo brings them all back)."""
    return delete_all(plan.with_dependents(_row(plan, question)))
