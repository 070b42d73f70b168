"""Opportunities: the Career Opportunity Evaluation Matrix.

The couple lists criteria (the factors that matter), each partner weights
them from 1 to 10, and each scores every opportunity on every criterion from
1 to 10. Weights and scores are each partner's own (:class:`~models.privacy.Private`,
changed by their author alone) and stay hidden from the other, from both
together and from the report until both partners are done: scores per
opportunity, weights all at once (:data:`WEIGHTS_SUBJECT`). This module
stores, reads and builds edits; the arithmetic lives in
:mod:`models.opportunity_scoring`, and what the tab and the report show in
words (discussion points, deadlines, the chart's data, the report's summary)
in :mod:`models.opportunity_summary`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

import resources
from models.base import Entity, parent_link
from models.changes import Edit, RowChange, delete, insert, merge, update
from models.errors import ValidationError
from models.opportunity_scoring import (
    Scoreboard,
    check_rating,
    parse_rating,
)
from models.partners import Partner, partners
from models.privacy import TOGETHER, Private, Viewer, visible
from models.reveal import Reveal, RevealState, mark_done, mark_not_done, reveal_states
from models.roadmap import RoadmapItem, linked_item, new_item
from models.validation import check_choice, check_date, check_unique_titles, clean_text

if TYPE_CHECKING:
    from models.opportunity_summary import OpportunitySummary
    from models.plan_file import PlanFile

CRITERION_MAX = 60
TITLE_MAX = 120
PLACE_MAX = 120
NOTES_MAX = 5000
AGREED_MAX = 500
#: A salary above this (a year, in any currency) is a typo, not an offer.
SALARY_MAX = 10**12
#: The subject both partners' weights are revealed with: one for the whole
#: plan, the same in every plan (subjects are compared within one plan).
WEIGHTS_SUBJECT = "55de5910-bcf5-5639-b1c8-1212af7b17b1"
#: The roadmap kind an accepted opportunity becomes.
ROADMAP_KIND = "job_change"

_CURRENCY = re.compile(r"[A-Z]{3}")


@cache
def content() -> dict[str, Any]:
    data: dict[str, Any] = resources.load_json("content/opportunities.json")
    return data


@cache
def status_labels() -> dict[str, str]:
    return {s["id"]: s["label"] for s in content()["statuses"]}


def default_criteria() -> list[str]:
    return list(content()["default_criteria"])


def suggested_criteria() -> list[tuple[str, str]]:
    """The other factors the seed articles name: (title, why)."""
    return [(s["title"], s["why"]) for s in content()["suggested_criteria"]]


def currencies() -> list[str]:
    return list(content()["currencies"])


# -- the stored things ------------------------------------------------------------------
#
# Each link to a parent row is also declared as a many-to-one relationship that
# nothing reads (``lazy="raise"``): it tells SQLAlchemy to write a parent before
# the rows that refer to it and to delete it after them, so that an edit (or its
# undo) holding both never trips a foreign key. A flush orders the tables of
# unrelated mappers otherwise as it likes.


class Criterion(Entity):
    """A factor that matters (salary, location…), a column of the matrix."""

    __tablename__ = "criterion"
    noun = "criterion"
    limits = {"title": ("A criterion’s name", CRITERION_MAX)}

    title: Mapped[str] = mapped_column(String)
    #: Where it stands among the criteria, from 0.
    position: Mapped[int] = mapped_column(Integer, default=0)

    def clean(self) -> None:
        self.title = clean_text(self.title, "title", "A criterion’s name")
        if isinstance(self.position, bool) or not isinstance(self.position, int) \
                or self.position < 0:
            raise ValidationError("position", "A criterion’s place is a number from 0.")

    @classmethod
    def check_table(cls, session: Session) -> None:
        check_unique_titles(session.scalars(select(cls).order_by(cls.position, cls.uuid)),
                            cls.__tablename__, lambda first: f"There is a criterion “{first}” already.")


class CriterionWeight(Private, Entity):
    """How much a criterion matters to one partner, from 1 to 10."""

    __tablename__ = "criterion_weight"
    noun = "weight"
    reveal_with = "weights_subject"
    author_only = True
    __table_args__ = (UniqueConstraint("criterion_uuid", "author_uuid"),)

    criterion_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("criterion.uuid", ondelete="RESTRICT"))
    #: Always :data:`WEIGHTS_SUBJECT`: all of a partner's weights show at once.
    weights_subject: Mapped[str] = mapped_column(String(36), default=WEIGHTS_SUBJECT)
    weight: Mapped[int] = mapped_column(Integer)
    _criterion: Mapped[Criterion] = parent_link("Criterion", "CriterionWeight.criterion_uuid")
    _author: Mapped[Partner | None] = parent_link("Partner", "CriterionWeight.author_uuid")

    def clean(self) -> None:
        _clean_own(self, "weight")
        if self.weights_subject != WEIGHTS_SUBJECT:
            raise ValidationError("weights_subject", "A weight is revealed with the others.")
        check_rating(self.weight, "weight", "A weight")


class Opportunity(Entity):
    """A job offer, a move, a way of working: a row of the matrix."""

    __tablename__ = "opportunity"
    noun = "opportunity"
    limits = {"title": ("The title", TITLE_MAX), "employer": ("The employer or place", PLACE_MAX),
              "location": ("The location", PLACE_MAX), "notes": ("The note text", NOTES_MAX)}

    title: Mapped[str] = mapped_column(String)
    #: Whose it is; ``None`` for both (a joint move, both going remote).
    partner_uuid: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("partner.uuid", ondelete="RESTRICT"), default=None)
    employer: Mapped[str] = mapped_column(String, default="")
    location: Mapped[str] = mapped_column(String, default="")
    #: A year's pay in whole units of ``currency``; ``None`` when not known.
    salary: Mapped[int | None] = mapped_column(Integer, default=None)
    #: ISO 4217 code ("USD"); "" when no salary is given.
    currency: Mapped[str] = mapped_column(String, default="")
    notes: Mapped[str] = mapped_column(String, default="")
    status: Mapped[str] = mapped_column(String, default="considering")
    arose_on: Mapped[date] = mapped_column(Date)
    decide_by: Mapped[date | None] = mapped_column(Date, default=None)
    #: The job change it became on the roadmap, once accepted.
    roadmap_item_uuid: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("roadmap_item.uuid", ondelete="RESTRICT"), default=None)
    _partner: Mapped[Partner | None] = parent_link("Partner", "Opportunity.partner_uuid")
    _roadmap_item: Mapped[RoadmapItem | None] = parent_link("RoadmapItem",
                                                        "Opportunity.roadmap_item_uuid")

    def clean(self) -> None:
        self.title = clean_text(self.title, "title", "The title")
        self.employer = clean_text(self.employer, "employer", "The employer or place",
                                   required=False)
        self.location = clean_text(self.location, "location", "The location", required=False)
        self.notes = clean_text(self.notes, "notes", "The note text", required=False,
                                multiline=True)
        check_choice(self.status, status_labels(), "status", "a status")
        self.salary = parse_salary(self.salary)
        self.currency = clean_currency(self.currency)
        if self.salary is not None and not self.currency:
            raise ValidationError("currency", "Say which currency the salary is in (USD, EUR…).")
        check_date(self.arose_on, "arose_on", "The day it came up")
        if self.decide_by is not None:
            check_date(self.decide_by, "decide_by", "The decision deadline")
            if self.decide_by < self.arose_on:
                raise ValidationError(
                    "decide_by", f"The decision deadline ({self.decide_by.isoformat()}) is "
                    f"before the day it came up ({self.arose_on.isoformat()}).")

    @property
    def is_considered(self) -> bool:
        return self.status == "considering"


class OpportunityScore(Private, Entity):
    """One partner's score of one opportunity on one criterion, from 1 to 10.
    A cell without one is missing, never zero."""

    __tablename__ = "opportunity_score"
    noun = "score"
    reveal_with = "opportunity_uuid"
    author_only = True
    __table_args__ = (UniqueConstraint("opportunity_uuid", "criterion_uuid", "author_uuid"),)

    opportunity_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("opportunity.uuid", ondelete="RESTRICT"))
    criterion_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("criterion.uuid", ondelete="RESTRICT"))
    score: Mapped[int] = mapped_column(Integer)
    _opportunity: Mapped[Opportunity] = parent_link("Opportunity", "OpportunityScore.opportunity_uuid")
    _criterion: Mapped[Criterion] = parent_link("Criterion", "OpportunityScore.criterion_uuid")
    _author: Mapped[Partner | None] = parent_link("Partner", "OpportunityScore.author_uuid")

    def clean(self) -> None:
        _clean_own(self, "score")
        check_rating(self.score, "score", "A score")


class DiscussionPoint(Entity):
    """What the couple agreed about a point where they differ: a cell
    (``opportunity_uuid`` set) or a criterion's weights (``None``)."""

    __tablename__ = "discussion_point"
    noun = "discussion point"
    limits = {"note": ("What you agreed", AGREED_MAX)}

    criterion_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("criterion.uuid", ondelete="RESTRICT"))
    opportunity_uuid: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("opportunity.uuid", ondelete="RESTRICT"), default=None)
    #: When it was marked as discussed; ``None`` while it is still to talk about.
    discussed_on: Mapped[date | None] = mapped_column(Date, default=None)
    note: Mapped[str] = mapped_column(String, default="")
    _criterion: Mapped[Criterion] = parent_link("Criterion", "DiscussionPoint.criterion_uuid")
    _opportunity: Mapped[Opportunity | None] = parent_link("Opportunity",
                                                       "DiscussionPoint.opportunity_uuid")

    def clean(self) -> None:
        self.note = clean_text(self.note, "note", "What you agreed", required=False)
        if self.discussed_on is not None:
            check_date(self.discussed_on, "discussed_on", "The day you discussed it")

    @classmethod
    def check_table(cls, session: Session) -> None:
        seen: set[tuple[str, str | None]] = set()
        for row in session.scalars(select(cls).order_by(cls.uuid)):
            key = (row.criterion_uuid, row.opportunity_uuid)
            if key in seen:
                raise ValidationError("note", "That point has a note already.",
                                      table=cls.__tablename__, row=row.uuid)
            seen.add(key)


def _clean_own(row: CriterionWeight | OpportunityScore, what: str) -> None:
    """A weight or score is written by one partner and never shared by hand."""
    if not row.author_uuid:
        raise ValidationError("author_uuid", f"Each of you gives a {what} alone: choose who "
                              "is at the keyboard first.")
    if row.shared_at is not None:
        raise ValidationError("shared_at", f"A {what} is revealed together, never shared alone.")


# -- single values ------------------------------------------------------------------------

#: Currency symbols typed around an amount, and spaces.
_SYMBOLS = "$€£¥₹₩₪₽₺₫฿₦₱ \u00a0"
_SEPARATORS = re.compile(r"(?<=\d)[,\u00a0\u202f' ](?=\d{3}(?!\d))")


def parse_salary(value: object) -> int | None:
    """A year's salary as typed ("185000", "185,000", "185 000", "185k") or
    stored; ``None`` when empty. Refuses negative, fractional and absurd amounts."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValidationError("salary", "The salary is a whole amount, like 185000.")
    if isinstance(value, int):
        amount = value
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        negative = text[:1] in ("-", "\u2212")
        # "$185,000", "185 000 €": the symbol is the currency's business.
        plain = _SEPARATORS.sub("", text.lstrip("-\u2212").strip(_SYMBOLS))
        factor = 1
        if plain[-1:] in ("k", "K"):
            plain, factor = plain[:-1].strip(), 1000
        if not plain.isdigit() or not plain.isascii():
            raise ValidationError("salary", f"“{text[:30]}” is not an amount: type the salary "
                                  "as a whole number, like 185000, 185,000 or 185k.")
        if negative:
            raise ValidationError("salary", "A salary can’t be negative.")
        # Beyond any salary, and beyond what Python turns into a number at once.
        amount = int(plain) * factor if len(plain) <= 15 else SALARY_MAX + 1
    else:
        raise ValidationError("salary", "The salary is a whole amount, like 185000.")
    if amount < 0:
        raise ValidationError("salary", "A salary can’t be negative.")
    if amount > SALARY_MAX:
        raise ValidationError("salary", "That salary can’t be right: check the number of zeros "
                              f"(at most {SALARY_MAX:,} a year).")
    return amount


def clean_currency(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError("currency", "The currency is a three-letter code, like USD or EUR.")
    code = value.strip().upper()
    if code and not _CURRENCY.fullmatch(code):
        raise ValidationError("currency", f"“{value.strip()[:20]}” is not a currency: use its "
                              "three-letter code, like USD, EUR or GBP.")
    return code


def salary_text(opportunity: Opportunity) -> str:
    if opportunity.salary is None:
        return ""
    return f"{opportunity.salary:,} {opportunity.currency} a year".strip()


class CellError(ValidationError):
    """A weight or score refused, naming its cell: the opportunity ("" for a
    weight) and the criterion, so a grid can mark that very cell."""

    def __init__(self, field: str, message: str, opportunity_uuid: str, criterion_uuid: str):
        super().__init__(field, message, table="opportunity_score" if opportunity_uuid
                         else "criterion_weight")
        self.opportunity_uuid = opportunity_uuid
        self.criterion_uuid = criterion_uuid


# -- reading --------------------------------------------------------------------------------

def criteria(plan: PlanFile) -> list[Criterion]:
    return plan.read(select(Criterion).order_by(Criterion.position, Criterion.title))


def opportunities(plan: PlanFile) -> list[Opportunity]:
    return plan.read(select(Opportunity).order_by(Opportunity.arose_on, Opportunity.title,
                                                  Opportunity.uuid))


def opportunity(plan: PlanFile, uuid: str) -> Opportunity | None:
    found = plan.read(select(Opportunity).where(Opportunity.uuid == uuid))
    return found[0] if found else None


def weights(plan: PlanFile, viewer: Viewer) -> list[CriterionWeight]:
    """The weights ``viewer`` may see: their own, and both partners' once both
    are done weighting."""
    return plan.read(select(CriterionWeight), viewer)


def scores(plan: PlanFile, viewer: Viewer, *, uuids: Iterable[str] | None = None,
           opportunity_uuids: Iterable[str] | None = None) -> list[OpportunityScore]:
    """The scores ``viewer`` may see (their own; both partners' of an
    opportunity both are done with), optionally only these rows or these
    opportunities'."""
    statement = select(OpportunityScore)
    if uuids is not None:
        statement = statement.where(OpportunityScore.uuid.in_(list(uuids)))
    if opportunity_uuids is not None:
        statement = statement.where(OpportunityScore.opportunity_uuid.in_(list(opportunity_uuids)))
    return plan.read(statement, viewer)


def discussion_points(plan: PlanFile) -> list[DiscussionPoint]:
    return plan.read(select(DiscussionPoint))


def opportunity_of_roadmap_item(plan: PlanFile, item_uuid: str) -> Opportunity | None:
    """The opportunity that became this roadmap item when it was accepted, if any."""
    found = plan.read(select(Opportunity).where(Opportunity.roadmap_item_uuid == item_uuid))
    return found[0] if found else None


def weights_state(plan: PlanFile) -> RevealState:
    """Who is done weighting."""
    return reveal_states(plan, [WEIGHTS_SUBJECT])[WEIGHTS_SUBJECT]


@dataclass
class Matrix:
    """Everything of the matrix one viewer may see, read at once."""

    partners: list[Partner]
    criteria: list[Criterion]
    opportunities: list[Opportunity]
    board: Scoreboard
    #: The UUID of each score row shown, by (opportunity, partner, criterion).
    score_rows: dict[str, tuple[str, str, str]]
    #: The UUID of each weight row shown, by (partner, criterion).
    weight_rows: dict[str, tuple[str, str]]
    reveals: dict[str, RevealState]
    weights_reveal: RevealState
    discussions: dict[tuple[str, str | None], DiscussionPoint]

    def names(self) -> dict[str, str]:
        return {p.uuid: p.name for p in self.partners}


def _visible_values(plan: PlanFile, viewer: Viewer, entity: type[Private],
                    *columns: Any) -> list[Any]:
    """Plain values of the rows of a private table that ``viewer`` may see,
    filtered as :meth:`PlanFile.read` filters rows (:func:`visible`): a grid
    of a hundred opportunities by twenty criteria holds thousands of scores,
    and making each a mapped object would cost the time the tab has to show."""
    session = plan.session
    try:
        # On the connection, not the session: plain rows, no ORM loading per row.
        return list(session.connection().execute(select(*columns).where(visible(entity,
                                                                                viewer))))
    finally:
        session.rollback()  # no read transaction is left open


def read_matrix(plan: PlanFile, viewer: Viewer) -> Matrix:
    pair = partners(plan)
    found_criteria, found_opportunities = criteria(plan), opportunities(plan)
    board = Scoreboard((pair[0].uuid, pair[1].uuid), [c.uuid for c in found_criteria],
                       [o.uuid for o in found_opportunities])
    weight_rows: dict[str, tuple[str, str]] = {}
    W = CriterionWeight
    for uuid, author, criterion, weight in _visible_values(
            plan, viewer, W, W.uuid, W.author_uuid, W.criterion_uuid, W.weight):
        board.weights.setdefault(author, {})[criterion] = weight
        weight_rows[uuid] = (author, criterion)
    score_rows: dict[str, tuple[str, str, str]] = {}
    S = OpportunityScore
    for uuid, opportunity_uuid, author, criterion, score in _visible_values(
            plan, viewer, S, S.uuid, S.opportunity_uuid, S.author_uuid, S.criterion_uuid,
            S.score):
        board.scores.setdefault((opportunity_uuid, author), {})[criterion] = score
        score_rows[uuid] = (opportunity_uuid, author, criterion)
    done: dict[str, set[str]] = {uuid: set() for uuid in [*board.opportunities,
                                                           WEIGHTS_SUBJECT]}
    # Done marks are shared when made: both together see every one.
    for subject, author in _visible_values(plan, TOGETHER, Reveal, Reveal.subject_uuid,
                                           Reveal.author_uuid):
        if subject in done and author:
            done[subject].add(author)
    states = {subject: RevealState(frozenset(who)) for subject, who in done.items()}
    weights_reveal = states.pop(WEIGHTS_SUBJECT)
    notes = {(d.criterion_uuid, d.opportunity_uuid): d for d in discussion_points(plan)}
    return Matrix(pair, found_criteria, found_opportunities, board, score_rows, weight_rows,
                  states, weights_reveal, notes)


# -- edits: criteria --------------------------------------------------------------------------

def _next_position(plan: PlanFile) -> int:
    found = criteria(plan)
    return max((c.position for c in found), default=-1) + 1


def new_criteria(plan: PlanFile, titles: Iterable[str]) -> Edit:
    """Add criteria at the end, in order; titles already there are skipped."""
    present = {c.title.casefold() for c in criteria(plan)}
    position = _next_position(plan)
    changes: list[RowChange] = []
    for title in titles:
        row = Criterion(title=title, position=position).cleaned()
        if row.title.casefold() not in present:
            present.add(row.title.casefold())
            changes.append(insert(row))
            position += 1
    return tuple(changes)


def new_criterion(plan: PlanFile, title: str) -> Edit:
    """Add one criterion at the end; refused if one of that name is there."""
    cleaned = Criterion(title=title, position=0).cleaned().title
    existing = next((c for c in criteria(plan) if c.title.casefold() == cleaned.casefold()),
                    None)
    if existing is not None:
        raise ValidationError("title", f"There is a criterion “{existing.title}” already.")
    return (insert(Criterion(title=cleaned, position=_next_position(plan))),)


def add_default_criteria(plan: PlanFile) -> Edit:
    """The five factors of the exercise, those not there yet."""
    return new_criteria(plan, default_criteria())


def rename_criterion(criterion: Criterion, title: str) -> Edit:
    change = update(criterion, title=title)
    return (change,) if change else ()


def remove_criteria(plan: PlanFile, rows: Sequence[Criterion]) -> Edit:
    """Delete criteria with the weights, scores and notes that hang on them
    (both partners'), so that undo brings every one back."""
    return _delete_with_dependents(plan, rows)


def move_criterion(plan: PlanFile, uuid: str, step: int) -> Edit:
    """Move a criterion ``step`` places (-1 left/up, +1 right/down); nothing
    at either end. Positions are made 0, 1, 2… on the way."""
    ordered = criteria(plan)
    index = next((i for i, c in enumerate(ordered) if c.uuid == uuid), None)
    if index is None or not 0 <= index + step < len(ordered):
        return ()
    ordered.insert(index + step, ordered.pop(index))
    changes = (update(row, position=position) for position, row in enumerate(ordered))
    return tuple(change for change in changes if change is not None)


def _delete_with_dependents(plan: PlanFile, rows: Sequence[Entity]) -> Edit:
    edit: list[RowChange] = []
    seen: set[str] = set()
    for row in rows:
        for found in plan.with_dependents(row):
            if found.uuid not in seen:
                seen.add(found.uuid)
                edit.append(delete(found))
    return tuple(edit)


# -- edits: weights and scores ---------------------------------------------------------------

def _who(viewer: Viewer, what: str, opportunity_uuid: str, criterion_uuid: str) -> str:
    if not viewer.is_partner:
        raise CellError(what, f"Each of you gives a {what} alone: choose who is at the keyboard "
                        "(top right) first.", opportunity_uuid, criterion_uuid)
    return viewer.partner_uuid


def set_scores(plan: PlanFile, viewer: Viewer,
               cells: Sequence[tuple[str, str, object]]) -> Edit:
    """The viewer's own scores of several cells, (opportunity, criterion,
    value) each, as typed or pasted: a value from 1 to 10, or empty to clear.
    All or nothing: the first refused value raises :class:`CellError` naming
    its cell, and nothing is built."""
    if not cells:
        return ()
    author = _who(viewer, "score", cells[0][0], cells[0][1])
    values: dict[tuple[str, str], int | None] = {}
    for opportunity_uuid, criterion_uuid, value in cells:
        try:
            values[(opportunity_uuid, criterion_uuid)] = parse_rating(value, "score", "A score")
        except ValidationError as error:
            raise CellError("score", error.message, opportunity_uuid, criterion_uuid) from None
    mine = {(row.opportunity_uuid, row.criterion_uuid): row
            for row in plan.read(select(OpportunityScore).where(
                OpportunityScore.author_uuid == author,
                OpportunityScore.opportunity_uuid.in_({o for o, _c in values})), viewer)}
    changes: list[RowChange] = []
    for (opportunity_uuid, criterion_uuid), score in values.items():
        row = mine.get((opportunity_uuid, criterion_uuid))
        if score is None:
            if row is not None:
                changes.append(delete(row))
        elif row is None:
            changes.append(insert(OpportunityScore(
                opportunity_uuid=opportunity_uuid, criterion_uuid=criterion_uuid, score=score,
                author_uuid=author, shared_at=None)))
        else:
            change = update(row, score=score)
            if change is not None:
                changes.append(change)
    return tuple(changes)


def set_score(plan: PlanFile, viewer: Viewer, opportunity_uuid: str, criterion_uuid: str,
              value: object) -> Edit:
    return set_scores(plan, viewer, [(opportunity_uuid, criterion_uuid, value)])


def set_weights(plan: PlanFile, viewer: Viewer, cells: Sequence[tuple[str, object]]) -> Edit:
    """The viewer's own weights of several criteria, (criterion, value) each:
    1 to 10, or empty to clear. All or nothing, like :func:`set_scores`."""
    if not cells:
        return ()
    author = _who(viewer, "weight", "", cells[0][0])
    values: dict[str, int | None] = {}
    for criterion_uuid, value in cells:
        try:
            values[criterion_uuid] = parse_rating(value, "weight", "A weight")
        except ValidationError as error:
            raise CellError("weight", error.message, "", criterion_uuid) from None
    mine = {row.criterion_uuid: row for row in plan.read(
        select(CriterionWeight).where(CriterionWeight.author_uuid == author), viewer)}
    changes: list[RowChange] = []
    for criterion_uuid, weight in values.items():
        row = mine.get(criterion_uuid)
        if weight is None:
            if row is not None:
                changes.append(delete(row))
        elif row is None:
            changes.append(insert(CriterionWeight(criterion_uuid=criterion_uuid, weight=weight,
                                                  weights_subject=WEIGHTS_SUBJECT,
                                                  author_uuid=author, shared_at=None)))
        else:
            change = update(row, weight=weight)
            if change is not None:
                changes.append(change)
    return tuple(changes)


# -- edits: done, and revealed ------------------------------------------------------------------

def mark_done_scoring(plan: PlanFile, viewer: Viewer, opportunity_uuids: Iterable[str]) -> Edit:
    """The viewer is done scoring these opportunities, and so done weighting:
    each opportunity's scores show to both once the other is done with it too."""
    edit: Edit = ()
    for uuid in opportunity_uuids:
        edit = merge(edit, mark_done(plan, viewer, uuid))
    return merge(edit, mark_done(plan, viewer, WEIGHTS_SUBJECT)) if edit else edit


def mark_not_done_scoring(plan: PlanFile, viewer: Viewer,
                          opportunity_uuids: Iterable[str]) -> Edit:
    """The viewer takes back being done (their scores hide again); their
    weights stay revealed: totals already seen rest on them."""
    edit: Edit = ()
    for uuid in opportunity_uuids:
        edit = merge(edit, mark_not_done(plan, viewer, uuid))
    return edit


def mark_done_weighting(plan: PlanFile, viewer: Viewer) -> Edit:
    return mark_done(plan, viewer, WEIGHTS_SUBJECT)


# -- edits: opportunities ------------------------------------------------------------------------

@dataclass(frozen=True)
class RoadmapEntry:
    """The job change an accepted opportunity becomes on the roadmap."""

    title: str
    start: date


def new_opportunity(title: str, arose_on: date, *, partner_uuid: str | None = None,
                    employer: str = "", location: str = "", salary: object = None,
                    currency: str = "", notes: str = "", status: str = "considering",
                    decide_by: date | None = None, roadmap: RoadmapEntry | None = None,
                    viewer: Viewer | None = None) -> Edit:
    """Add an opportunity; one added as accepted with ``roadmap`` (written by
    ``viewer``) goes onto the roadmap in the same edit, as :func:`accept` does."""
    row = Opportunity(title=title, partner_uuid=partner_uuid, employer=employer,
                      location=location, salary=salary, currency=currency, notes=notes,
                      status=status, arose_on=arose_on, decide_by=decide_by)
    row.cleaned()  # its own fields are refused first, then the roadmap item's
    added: Edit = ()
    if status == "accepted" and roadmap is not None and viewer is not None:
        added = _roadmap_item(roadmap, partner_uuid, viewer)
        row.roadmap_item_uuid = added[0].uuid
    return (*added, insert(row))


def edit_opportunity(row: Opportunity, **values: Any) -> Edit:
    change = update(row, **values)
    return (change,) if change else ()


def remove_opportunities(plan: PlanFile, rows: Sequence[Opportunity]) -> Edit:
    """Delete opportunities with everyone's scores, done marks and notes on
    them; undo brings them all back."""
    return _delete_with_dependents(plan, rows)


def accept(row: Opportunity, viewer: Viewer, roadmap: RoadmapEntry | None = None,
           **values: Any) -> Edit:
    """Accept an opportunity (with any other changes in ``values``) and, with
    ``roadmap``, add it to the roadmap as a job change in its owner's lane,
    linked to it: one edit, so one undo step takes back both."""
    values["status"] = "accepted"
    accepted = edit_opportunity(row, **values)  # its own fields are refused first
    if roadmap is None or row.roadmap_item_uuid:
        return accepted
    added = _roadmap_item(roadmap, values.get("partner_uuid", row.partner_uuid), viewer)
    values["roadmap_item_uuid"] = added[0].uuid
    return added + edit_opportunity(row, **values)


def _roadmap_item(entry: RoadmapEntry, lane: str | None, viewer: Viewer) -> Edit:
    """The job change on the roadmap: shared at once (the couple decided together)."""
    return new_item(ROADMAP_KIND, entry.title, entry.start, partner_uuid=lane, viewer=viewer)


def unlink_roadmap_items(plan: PlanFile, item_uuids: Iterable[str]) -> Edit:
    """Before roadmap items are deleted: the opportunities that became them
    forget the link (in the same edit, so undo restores it)."""
    wanted = list(item_uuids)
    rows = plan.read(select(Opportunity).where(Opportunity.roadmap_item_uuid.in_(wanted)))
    return tuple(change for row in rows
                 if (change := update(row, roadmap_item_uuid=None)) is not None)


def roadmap_item_of(plan: PlanFile, viewer: Viewer, row: Opportunity) -> RoadmapItem | None:
    return linked_item(plan, viewer, row.roadmap_item_uuid)


# -- edits: discussion points --------------------------------------------------------------------

def set_discussed(plan: PlanFile, criterion_uuid: str, opportunity_uuid: str | None, *,
                  discussed_on: date | None | bool = False, note: str | None = None) -> Edit:
    """Mark a point as discussed (``discussed_on`` a date) or not (``None``),
    and/or say what was agreed (``note``); ``False``/``None`` leave a part as
    it is. The row is made on first use."""
    found = plan.read(select(DiscussionPoint).where(
        DiscussionPoint.criterion_uuid == criterion_uuid,
        DiscussionPoint.opportunity_uuid.is_(None) if opportunity_uuid is None
        else DiscussionPoint.opportunity_uuid == opportunity_uuid))
    values: dict[str, Any] = {}
    if discussed_on is not False:
        values["discussed_on"] = discussed_on
    if note is not None:
        values["note"] = note
    if found:
        change = update(found[0], **values)
        return (change,) if change else ()
    if not values.get("discussed_on") and not (values.get("note") or "").strip():
        return ()
    return (insert(DiscussionPoint(criterion_uuid=criterion_uuid,
                                   opportunity_uuid=opportunity_uuid,
                                   discussed_on=values.get("discussed_on"),
                                   note=values.get("note", ""))),)


def opportunity_summary(plan: PlanFile, viewer: Viewer) -> OpportunitySummary:
    """The grid with both partners' scores, totals, ranking, discussion points
    and the chart's data, as ``viewer`` may see it (the report passes
    :data:`models.privacy.REPORT`): before a reveal, an opportunity says only
    who is done scoring it. See :mod:`models.opportunity_summary`."""
    from models.opportunity_summary import summarize

    return summarize(plan, viewer)
