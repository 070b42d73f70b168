"""Conversations: the seed's four question decks, answered alone, revealed
together, then talked through.

The questions of the four decks (Core Career Values, Practical Career
Trajectories, Relationship Integration, Contingency Planning) are content
(``resources/content/questions.json``), never rows: each has a fixed UUID
made from its id, so that a plan made today and one made next year name it
alike. Questions the couple adds are rows (:class:`CustomQuestion`), in one
of the four decks or in "Our own questions".

Each partner's answer to a question is their own (:class:`Answer`,
``author_only``), hidden from the other, from both together and from the
report until both are done with that question: the question's UUID is the
subject of the joint reveal (:mod:`models.reveal`). Whether a question was
discussed, and what the couple agreed, is shared (:class:`QuestionNote`).
Answers, notes and "done" marks hang on their question by its UUID alone (a
built-in question has no row to point at): deleting a question of the couple's
own takes them along (``loose_links``), and undo brings them back.

The edits are in :mod:`models.conversation_edits`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

import resources
from models.base import Entity
from models.errors import ValidationError
from models.partners import Partner, partners
from models.privacy import Private, Viewer
from models.reveal import RevealState, reveal_states
from models.validation import check_choice, check_date, clean_text
from models.visions import clean_section

if TYPE_CHECKING:
    from models.plan_file import PlanFile

QUESTION_MAX = 300
#: An answer may be long: a few paragraphs, pasted from elsewhere too.
ANSWER_MAX = 20_000
AGREED_MAX = 4000
OWN_DECK = "own"
#: Names the built-in questions' fixed UUIDs (uuid5 of "deck.question").
_NAMESPACE = uuid.UUID("0c7b3f52-61a4-4f0e-9d55-2e8f3a1c6b90")
ANSWER_ALONE = ("Each of you answers alone: choose who is at the keyboard first "
                "(at the top right, or Ctrl+Alt+1 and Ctrl+Alt+2).")


# -- content ---------------------------------------------------------------------------

@cache
def content() -> dict[str, Any]:
    data: dict[str, Any] = resources.load_json("content/questions.json")
    return data


@dataclass(frozen=True)
class Question:
    """A question of a deck, built in or the couple's own."""

    uuid: str
    deck: str
    text: str
    #: The couple's own (a :class:`CustomQuestion` row), which they may change.
    custom: bool = False


@dataclass(frozen=True)
class Deck:
    id: str
    title: str
    questions: tuple[Question, ...] = ()


@dataclass(frozen=True)
class Advice:
    heading: str
    text: str


def builtin_uuid(deck: str, key: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{deck}.{key}"))


@cache
def builtin_decks() -> tuple[Deck, ...]:
    """The seed's four decks, then "Our own questions" (empty), in order."""
    found = [Deck(d["id"], d["title"], tuple(Question(builtin_uuid(d["id"], q["id"]), d["id"],
                                                      q["text"]) for q in d["questions"]))
             for d in content()["decks"]]
    own = content()["own_deck"]
    return (*found, Deck(own["id"], own["title"]))


@cache
def deck_titles() -> dict[str, str]:
    return {deck.id: deck.title for deck in builtin_decks()}


@cache
def builtin_questions() -> dict[str, Question]:
    return {q.uuid: q for deck in builtin_decks() for q in deck.questions}


def starter() -> Advice:
    """The seed's conversation starter."""
    data = content()["starter"]
    return Advice(data["heading"], data["text"])


def advice() -> tuple[Advice, ...]:
    """The seed's advice: both careers matter equally, timing, a judgment-free zone."""
    return tuple(Advice(a["heading"], a["text"]) for a in content()["advice"])


# -- the rows ----------------------------------------------------------------------------

class CustomQuestion(Entity):
    """A question the couple added, to one of the decks. Shared."""

    __tablename__ = "conversation_question"
    noun = "question"
    limits = {"text": ("A question", QUESTION_MAX)}

    #: The deck's id: one of the seed's four, or :data:`OWN_DECK`.
    deck: Mapped[str] = mapped_column(String)
    text: Mapped[str] = mapped_column(String)
    #: Where it is listed in its deck, after the seed's questions.
    position: Mapped[int] = mapped_column(Integer, default=0)

    def clean(self) -> None:
        check_choice(self.deck, deck_titles(), "deck", "a deck of questions")
        self.text = clean_text(self.text, "text", "A question")
        if isinstance(self.position, bool) or not isinstance(self.position, int):
            raise ValidationError("position", "A question’s place must be a whole number.")

    @classmethod
    def check_table(cls, session: Session) -> None:
        seen = {(q.deck, q.text.casefold()) for q in builtin_questions().values()}
        for row in session.scalars(select(cls).order_by(cls.position, cls.uuid)):
            key = (row.deck, row.text.casefold())
            if key in seen:
                raise ValidationError("text", f"“{deck_titles()[row.deck]}” has that "
                                      "question already.", table=cls.__tablename__,
                                      row=row.uuid)
            seen.add(key)
        _check_questions_exist(session)


class Answer(Private, Entity):
    """One partner's answer to one question, in their own words: theirs
    alone until both are done with the question."""

    __tablename__ = "conversation_answer"
    noun = "answer"
    reveal_with = "question_uuid"
    author_only = True
    loose_links = ("question_uuid",)
    limits = {"text": ("Your answer", ANSWER_MAX)}

    question_uuid: Mapped[str] = mapped_column(String(36))
    text: Mapped[str] = mapped_column(String, default="")

    def clean(self) -> None:
        if not self.author_uuid:
            raise ValidationError("author_uuid", ANSWER_ALONE)
        if self.shared_at is not None:
            raise ValidationError("shared_at", "An answer shows when you are both done with "
                                  "the question, never on its own.")
        # As typed: spacing and blank lines are the writer's (a field that
        # stores itself while being typed in must get back what it holds).
        self.text = clean_section(self.text, "text", "Your answer")

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()

    @classmethod
    def check_table(cls, session: Session) -> None:
        twice = session.execute(select(func.max(cls.uuid)).group_by(cls.question_uuid,
                                                                     cls.author_uuid)
                                .having(func.count() > 1)).first()
        if twice is not None:
            raise ValidationError("question_uuid", "Each of you answers a question once.",
                                  table=cls.__tablename__, row=twice[0])
        _check_questions_exist(session)


class QuestionNote(Entity):
    """Whether the couple discussed a question, and what they agreed. Shared:
    either partner, or both together, writes it."""

    __tablename__ = "conversation_note"
    noun = "discussion note"
    loose_links = ("question_uuid",)
    limits = {"agreed": ("What you agreed", AGREED_MAX)}

    question_uuid: Mapped[str] = mapped_column(String(36))
    #: When it was marked as discussed; ``None`` while it is still to talk about.
    discussed_on: Mapped[date | None] = mapped_column(Date, default=None)
    agreed: Mapped[str] = mapped_column(String, default="")

    def clean(self) -> None:
        self.agreed = clean_section(self.agreed, "agreed", "What you agreed")
        if self.discussed_on is not None:
            check_date(self.discussed_on, "discussed_on", "The day you discussed it")

    @classmethod
    def check_table(cls, session: Session) -> None:
        twice = session.execute(select(func.max(cls.uuid)).group_by(cls.question_uuid)
                                .having(func.count() > 1)).first()
        if twice is not None:
            raise ValidationError("question_uuid", "A question has one discussion note.",
                                  table=cls.__tablename__, row=twice[0])
        _check_questions_exist(session)


def _check_questions_exist(session: Session) -> None:
    """Answers and notes name a question of a deck, built in or stored (no
    foreign key can say so: a built-in question has no row)."""
    known = select(CustomQuestion.uuid)
    builtin = list(builtin_questions())
    for cls in (Answer, QuestionNote):
        stray = session.scalars(select(cls.uuid).where(cls.question_uuid.not_in(known),
                                                       cls.question_uuid.not_in(builtin))
                                .limit(1)).first()
        if stray is not None:
            raise ValidationError("question_uuid", f"{'An answer' if cls is Answer else 'A note'}"
                                  " belongs to a question that is not in the plan.",
                                  table=cls.__tablename__, row=stray)


# -- reading -----------------------------------------------------------------------------

def custom_questions(plan: PlanFile) -> list[CustomQuestion]:
    return plan.read(select(CustomQuestion).order_by(CustomQuestion.position,
                                                     CustomQuestion.uuid))


def decks(plan: PlanFile) -> list[Deck]:
    """Every deck with its questions: the seed's, then the couple's own."""
    added: dict[str, list[Question]] = {}
    for row in custom_questions(plan):
        added.setdefault(row.deck, []).append(Question(row.uuid, row.deck, row.text, True))
    return [Deck(deck.id, deck.title, (*deck.questions, *added.get(deck.id, ())))
            for deck in builtin_decks()]


def find_question(plan: PlanFile, question_uuid: str) -> Question | None:
    found = builtin_questions().get(question_uuid)
    if found is not None:
        return found
    rows = plan.read(select(CustomQuestion).where(CustomQuestion.uuid == question_uuid))
    return Question(rows[0].uuid, rows[0].deck, rows[0].text, True) if rows else None


def answers(plan: PlanFile, viewer: Viewer, question_uuids: Iterable[str] | None = None
            ) -> dict[str, dict[str, Answer]]:
    """The answers ``viewer`` may see, by question, then by author."""
    statement = select(Answer)
    if question_uuids is not None:
        statement = statement.where(Answer.question_uuid.in_(list(question_uuids)))
    found: dict[str, dict[str, Answer]] = {}
    for row in plan.read(statement, viewer):
        found.setdefault(row.question_uuid, {})[row.author_uuid or ""] = row
    return found


def own_answer(plan: PlanFile, viewer: Viewer, question_uuid: str) -> Answer | None:
    if not viewer.is_partner:
        return None
    rows = plan.read(select(Answer).where(Answer.question_uuid == question_uuid,
                                          Answer.author_uuid == viewer.partner_uuid), viewer)
    return rows[0] if rows else None


def notes(plan: PlanFile, question_uuids: Iterable[str] | None = None) -> dict[str, QuestionNote]:
    statement = select(QuestionNote)
    if question_uuids is not None:
        statement = statement.where(QuestionNote.question_uuid.in_(list(question_uuids)))
    return {row.question_uuid: row for row in plan.read(statement)}


@dataclass(frozen=True)
class QuestionState:
    """One question as a viewer sees it: who is done, the answers they may
    read (their own always; the other's once revealed), and the couple's note."""

    question: Question
    state: RevealState
    answers: dict[str, Answer] = field(default_factory=dict)
    note: QuestionNote | None = None

    @property
    def revealed(self) -> bool:
        return self.state.revealed

    @property
    def discussed(self) -> bool:
        return self.note is not None and self.note.discussed_on is not None

    @property
    def agreed(self) -> str:
        return self.note.agreed if self.note is not None else ""

    def answer_of(self, partner_uuid: str) -> str:
        row = self.answers.get(partner_uuid)
        return row.text if row is not None else ""


@dataclass(frozen=True)
class DeckProgress:
    """How far a deck has come: questions each partner answered (said they
    are done with), revealed to both, and discussed."""

    deck: Deck
    #: Per partner, in the pair's order.
    answered: tuple[int, ...]
    revealed: int
    discussed: int

    @property
    def total(self) -> int:
        return len(self.deck.questions)


@dataclass(frozen=True)
class Conversations:
    pair: tuple[Partner, ...]
    decks: tuple[Deck, ...]
    states: dict[str, QuestionState]

    def deck(self, deck_id: str) -> Deck:
        return next(deck for deck in self.decks if deck.id == deck_id)

    def progress(self, deck: Deck) -> DeckProgress:
        found = [self.states[q.uuid] for q in deck.questions]
        return DeckProgress(
            deck, tuple(sum(1 for s in found if s.state.is_done(p.uuid)) for p in self.pair),
            sum(1 for s in found if s.revealed), sum(1 for s in found if s.discussed))


def conversations(plan: PlanFile, viewer: Viewer) -> Conversations:
    """Every deck and question as ``viewer`` may see it (the report passes
    :data:`models.privacy.REPORT`): before a question's reveal, only its
    author reads an answer; everyone sees who is done."""
    every = decks(plan)
    uuids = [q.uuid for deck in every for q in deck.questions]
    states = reveal_states(plan, uuids)
    seen = answers(plan, viewer)
    found_notes = notes(plan)
    return Conversations(tuple(partners(plan)), tuple(every), {
        uuid: QuestionState(question, states[uuid], seen.get(uuid, {}), found_notes.get(uuid))
        for deck in every for question in deck.questions for uuid in (question.uuid,)})


def question_state(plan: PlanFile, viewer: Viewer, question: Question) -> QuestionState:
    """One question alone (cheaper than :func:`conversations` after one edit)."""
    state = reveal_states(plan, [question.uuid])[question.uuid]
    return QuestionState(question, state, answers(plan, viewer, [question.uuid]).get(
        question.uuid, {}), notes(plan, [question.uuid]).get(question.uuid))


def waiting_questions(plan: PlanFile) -> list[str]:
    """The questions (UUIDs, in deck order) one partner is done with and the
    other not yet: what :func:`waiting_notice` speaks of."""
    uuids = [q.uuid for deck in decks(plan) for q in deck.questions]
    states = reveal_states(plan, uuids)
    return [uuid for uuid in uuids if len(states[uuid].done) == 1]


def waiting_notice(plan: PlanFile, you: str = "") -> str:
    """When one partner is done with questions the other has not answered
    yet: who is done, never what they wrote ("" when none); said to ``you``
    (the partner at the keyboard) when one is."""
    pair = partners(plan)
    uuids = [q.uuid for deck in decks(plan) for q in deck.questions]
    waiting: dict[str, int] = {}
    for state in reveal_states(plan, uuids).values():
        if len(state.done) == 1:
            (who,) = state.done
            waiting[who] = waiting.get(who, 0) + 1
    parts = []
    for partner in pair:
        count = waiting.get(partner.uuid, 0)
        if count:
            other = next(p for p in pair if p.uuid != partner.uuid)
            questions = "a question" if count == 1 else f"{count} questions"
            if partner.uuid == you:
                parts.append(f"You have answered {questions} {other.name} hasn’t yet: each "
                             f"answer shows to you both once {other.name} answers too.")
            elif other.uuid == you:
                parts.append(f"{partner.name} has answered {questions} you haven’t yet: each "
                             "answer shows to you both once you answer too.")
            else:
                parts.append(f"{partner.name} has answered {questions} {other.name} hasn’t "
                             f"yet: each answer shows to you both once {other.name} answers "
                             "too.")
    return " ".join(parts)


# -- the report ----------------------------------------------------------------------------

@dataclass(frozen=True)
class AnsweredQuestion:
    question: str
    #: (partner name, answer) in the pair's order; "" where one wrote nothing.
    answers: tuple[tuple[str, str], ...]
    discussed_on: date | None
    agreed: str


@dataclass(frozen=True)
class DeckSummary:
    title: str
    total: int
    #: (partner name, questions answered) in the pair's order.
    answered: tuple[tuple[str, int], ...]
    discussed: int
    revealed: tuple[AnsweredQuestion, ...]
    #: Questions one partner is done with, waiting for the other: (question, who is done).
    waiting: tuple[tuple[str, str], ...]


def conversations_summary(plan: PlanFile, viewer: Viewer) -> list[DeckSummary]:
    """Each deck as the report shows it: the revealed questions with both
    answers and what was agreed; of the others, only who is done."""
    seen = conversations(plan, viewer)
    found = []
    for deck in seen.decks:
        progress = seen.progress(deck)
        revealed, waiting = [], []
        for question in deck.questions:
            state = seen.states[question.uuid]
            if state.revealed:
                revealed.append(AnsweredQuestion(
                    question.text, tuple((p.name, state.answer_of(p.uuid)) for p in seen.pair),
                    state.note.discussed_on if state.note else None, state.agreed))
            elif state.state.done:
                done = " and ".join(p.name for p in seen.pair if state.state.is_done(p.uuid))
                waiting.append((question.text, done))
        found.append(DeckSummary(deck.title, progress.total, tuple(
            (p.name, n) for p, n in zip(seen.pair, progress.answered, strict=True)),
            progress.discussed, tuple(revealed), tuple(waiting)))
    return found
