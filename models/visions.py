"""Day in the Life: each partner's ideal workday, written alone, compared together.

A *scenario* ("A workday five years from now", "If we move to Seattle") is
shared by the couple; each partner writes their own *vision* of it, section
by section, with a rough schedule of the day. A vision is its author's alone
(``author_only``) and hidden from the other until both are done with the
scenario: the scenario is the subject of the joint reveal
(:mod:`models.reveal`), so that each can dream up several days, and reveal
them one conversation at a time. Once revealed, either partner (or both
together) marks passages as synergies or conflicts (:class:`VisionMark`,
anchored by quote: :mod:`models.vision_marks`).

This module holds the rows, what each viewer may read of them, and the
report's summary; the edits are in :mod:`models.vision_edits`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

import resources
from models.base import Entity
from models.day_schedule import FIELDS as SCHEDULE_FIELDS
from models.day_schedule import (
    Day,
    DayComparison,
    Schedule,
    check_schedule,
    compare_days,
)
from models.errors import ValidationError
from models.partners import partners
from models.privacy import Private, Viewer, now_stamp
from models.reveal import RevealState, reveal_states
from models.validation import check_choice, check_unique_titles, clean_text
from models.vision_marks import Quote, Span, locate

if TYPE_CHECKING:
    from models.plan_file import PlanFile

#: The sections of a vision, in the order they are written (the columns of ``vision``).
SECTIONS = ("commute", "workspace", "colleagues", "tasks", "challenges", "personal_life",
            "notes")
#: Characters a section may hold: a pasted megabyte of any script, with room to spare.
SECTION_MAX = 2_000_000
TITLE_MAX = 120
NOTE_MAX = 300
#: The longest passage a new mark may quote.
QUOTE_MAX = 5000

_SURROGATE = re.compile("[\ud800-\udfff]")
#: Control characters (Unicode category Cc) but line feed and tab.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# -- content ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Section:
    key: str
    title: str
    prompt: str
    placeholder: str


@dataclass(frozen=True)
class MarkKind:
    id: str
    label: str
    color: str
    highlight: str
    examples: str


@cache
def content() -> dict[str, Any]:
    data: dict[str, Any] = resources.load_json("content/visions.json")
    return data


@cache
def sections() -> tuple[Section, ...]:
    return tuple(Section(s["key"], s["title"], s["prompt"], s["placeholder"])
                 for s in content()["sections"])


def section_title(key: str) -> str:
    return next(s.title for s in sections() if s.key == key)


@cache
def mark_kinds() -> dict[str, MarkKind]:
    return {key: MarkKind(key, k["label"], k["color"], k["highlight"], k["examples"])
            for key, k in content()["marks"].items()}


def default_scenario_title() -> str:
    return str(content()["default_scenario"])


# -- the rows -----------------------------------------------------------------------------

@lru_cache(maxsize=16)
def _problem(text: str) -> str:
    """What makes ``text`` unfit to store, if anything. Remembered: a commit
    checks a vision several times, and its sections mostly unchanged, and a
    megabyte costs ~12 ms to search but ~0.3 ms to hash and look up."""
    if not text.isascii() and _SURROGATE.search(text):
        return "broken"
    return "control" if _CONTROL.search(text) else ""


def clean_section(value: object, field: str, label: str) -> str:
    """A section's text as typed (spacing and blank lines are the writer's),
    with line endings made plain; refused with a broken or control character."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(field, f"{label} must be text.")
    text = value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value
    problem = _problem(text)
    if problem == "broken":
        raise ValidationError(field, f"{label} contains a broken character (half of an emoji "
                              "or symbol, perhaps from pasting). Delete it and type it again.")
    if problem:
        raise ValidationError(field, f"{label} contains a control character.")
    return text


class Scenario(Entity):
    """The day both partners imagine: a horizon or a what-if. Shared."""

    __tablename__ = "vision_scenario"
    noun = "scenario"
    limits = {"title": ("The scenario’s title", TITLE_MAX)}

    title: Mapped[str] = mapped_column(String)
    position: Mapped[int] = mapped_column(Integer, default=0)

    def clean(self) -> None:
        self.title = clean_text(self.title, "title", "The scenario’s title")
        if not isinstance(self.position, int):
            raise ValidationError("position", "A scenario’s place in the list is a number.")

    @classmethod
    def check_table(cls, session: Session) -> None:
        check_unique_titles(session.scalars(select(cls).order_by(cls.position, cls.uuid)),
                            cls.__tablename__, lambda first: f"There is already a scenario “{first}”.")


class Vision(Private, Entity):
    """One partner's ideal day in one scenario: seven sections of free text
    and a rough schedule. Its author's alone until both are done."""

    __tablename__ = "vision"
    noun = "vision"
    reveal_with = "scenario_uuid"
    author_only = True
    limits = {s["key"]: (f"The section “{s['title']}”", SECTION_MAX)
              for s in resources.load_json("content/visions.json")["sections"]}
    __table_args__ = (UniqueConstraint("scenario_uuid", "author_uuid"),)

    scenario_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("vision_scenario.uuid", ondelete="RESTRICT"))
    commute: Mapped[str] = mapped_column(String, default="")
    workspace: Mapped[str] = mapped_column(String, default="")
    colleagues: Mapped[str] = mapped_column(String, default="")
    tasks: Mapped[str] = mapped_column(String, default="")
    challenges: Mapped[str] = mapped_column(String, default="")
    personal_life: Mapped[str] = mapped_column(String, default="")
    notes: Mapped[str] = mapped_column(String, default="")
    #: For the unit of work alone, never read (rows are read detached): it
    #: orders the SQL of an edit, parents added before children and deleted after.
    scenario_row: Mapped[Scenario] = relationship(lazy="raise")
    leave_home: Mapped[int | None] = mapped_column(Integer, default=None)
    work_start: Mapped[int | None] = mapped_column(Integer, default=None)
    work_end: Mapped[int | None] = mapped_column(Integer, default=None)
    back_home: Mapped[int | None] = mapped_column(Integer, default=None)
    home_minutes: Mapped[int | None] = mapped_column(Integer, default=None)

    def clean(self) -> None:
        if not self.author_uuid:
            raise ValidationError("author_uuid", "Each of you writes your own vision: choose "
                                  "who is at the keyboard first.")
        for key in SECTIONS:
            setattr(self, key, clean_section(getattr(self, key), key, self.limits[key][0]))
        for key in SCHEDULE_FIELDS:
            value = getattr(self, key)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                raise ValidationError(key, "A time in the schedule is stored as minutes.")
        check_schedule(self.schedule)

    def text(self, section: str) -> str:
        return str(getattr(self, section) or "")

    @property
    def schedule(self) -> Schedule:
        return Schedule(*(getattr(self, key) for key in SCHEDULE_FIELDS))

    @property
    def is_blank(self) -> bool:
        return not any(self.text(key).strip() for key in SECTIONS) and self.schedule.is_empty


class VisionMark(Private, Entity):
    """A synergy or a conflict, marked on a passage of a revealed vision with
    a short note. It shows exactly while its visions do (it quotes them), and
    either partner may change it: marks are the couple's notes on what they
    compare together, and one vision's author carries them along as they
    edit (:func:`models.vision_edits.store_section`)."""

    __tablename__ = "vision_mark"
    noun = "mark"
    reveal_with = "scenario_uuid"
    limits = {"note": ("The note", NOTE_MAX)}

    vision_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("vision.uuid", ondelete="RESTRICT"))
    scenario_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("vision_scenario.uuid", ondelete="RESTRICT"))
    section: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)
    note: Mapped[str] = mapped_column(String, default="")
    #: The passage (W3C TextQuoteSelector: exact, prefix, suffix).
    exact: Mapped[str] = mapped_column(String)
    prefix: Mapped[str] = mapped_column(String, default="")
    suffix: Mapped[str] = mapped_column(String, default="")
    created_at: Mapped[str] = mapped_column(String, default=now_stamp)
    #: For the unit of work alone (see ``Vision.scenario_row``).
    vision_row: Mapped[Vision] = relationship(lazy="raise")
    scenario_row: Mapped[Scenario] = relationship(lazy="raise")

    def clean(self) -> None:
        check_choice(self.kind, mark_kinds(), "kind", "a kind of mark")
        check_choice(self.section, SECTIONS, "section", "a section of a vision")
        self.note = clean_text(self.note, "note", "The note", required=False)
        for key in ("exact", "prefix", "suffix"):
            if not isinstance(getattr(self, key), str):
                raise ValidationError(key, "A mark’s passage is text.")
        if not self.exact:
            raise ValidationError("exact", "A mark needs a passage: select some words first.")
        if self.shared_at is not None:
            raise ValidationError("shared_at", "A mark shows with its visions, never alone.")

    @property
    def quote(self) -> Quote:
        return Quote(self.exact, self.prefix, self.suffix)

    @classmethod
    def check_table(cls, session: Session) -> None:
        stray = session.scalars(select(cls).join(Vision, Vision.uuid == cls.vision_uuid)
                                .where(Vision.scenario_uuid != cls.scenario_uuid)).first()
        if stray is not None:
            raise ValidationError("scenario_uuid", "A mark belongs to the scenario of the "
                                  "vision it marks.", table=cls.__tablename__, row=stray.uuid)


# -- reading ------------------------------------------------------------------------------

def scenarios(plan: PlanFile) -> list[Scenario]:
    return plan.read(select(Scenario).order_by(Scenario.position, Scenario.title))


def visions(plan: PlanFile, viewer: Viewer, scenario_uuid: str) -> dict[str, Vision]:
    """The visions of a scenario ``viewer`` may see, by author."""
    rows = plan.read(select(Vision).where(Vision.scenario_uuid == scenario_uuid), viewer)
    return {row.author_uuid or "": row for row in rows}


def own_vision(plan: PlanFile, viewer: Viewer, scenario_uuid: str) -> Vision | None:
    return visions(plan, viewer, scenario_uuid).get(viewer.partner_uuid) \
        if viewer.is_partner else None


def reveal_state(plan: PlanFile, scenario_uuid: str) -> RevealState:
    return reveal_states(plan, [scenario_uuid])[scenario_uuid]


def scenario_marks(plan: PlanFile, viewer: Viewer, scenario_uuid: str) -> list[VisionMark]:
    """The marks of a revealed scenario, oldest first; none before the reveal
    (not even one's own: they quote the other's vision)."""
    if not reveal_state(plan, scenario_uuid).revealed:
        return []
    return plan.read(select(VisionMark).where(VisionMark.scenario_uuid == scenario_uuid)
                     .order_by(VisionMark.created_at, VisionMark.uuid), viewer)


def mark_places(marks: Iterable[VisionMark], texts: dict[tuple[str, str], str]
                ) -> dict[str, Span | None]:
    """Where each mark's passage is now, by mark, in ``texts`` (keyed by
    vision UUID and section); ``None`` when its words are gone."""
    return {mark.uuid: locate(mark.quote, texts.get((mark.vision_uuid, mark.section), ""))
            for mark in marks}


_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
                   r"|[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def word_count(text: str) -> int:
    """Words as a writer counts them: runs of letters and digits, and each
    Chinese or Japanese character on its own (they are written without spaces)."""
    return sum(1 for _ in _WORD.finditer(text))


# -- the report ---------------------------------------------------------------------------

def waiting_notice(plan: PlanFile, you: str = "") -> str:
    """The reminder when one partner is finished with a scenario and the
    other is not yet: who is done, never what they wrote ("" when none);
    said to ``you`` (the partner at the keyboard) when one is."""
    every = scenarios(plan)
    pair = partners(plan)
    states = reveal_states(plan, [s.uuid for s in every])
    waiting = []
    for scenario in every:
        state = states[scenario.uuid]
        if len(state.done) == 1:
            done = next(p for p in pair if state.is_done(p.uuid))
            other = next(p for p in pair if p.uuid != done.uuid)
            if done.uuid == you:
                waiting.append(f"You are finished with “{scenario.title}”: it is revealed "
                               f"to you both once {other.name} is finished too.")
            elif other.uuid == you:
                waiting.append(f"{done.name} is finished with “{scenario.title}”: it is "
                               "revealed to you both once you are finished too.")
            else:
                waiting.append(f"{done.name} is finished with “{scenario.title}”: it is "
                               f"revealed to you both once {other.name} is finished too.")
    notice = waiting[0] if waiting else ""
    if len(waiting) > 1:
        more = len(waiting) - 1
        notice += f" ({more} more vision{'s' if more > 1 else ''} waiting.)"
    return notice


@dataclass(frozen=True)
class SectionText:
    key: str
    title: str
    text: str


@dataclass(frozen=True)
class VisionSummary:
    partner_uuid: str
    name: str
    color: str
    sections: tuple[SectionText, ...]
    schedule: Schedule


@dataclass(frozen=True)
class MarkSummary:
    kind: MarkKind
    note: str
    #: Whose vision, and which section of it, the passage is in.
    partner_name: str
    section_title: str
    passage: str
    #: ``False`` when the passage's words are no longer in the vision.
    found: bool
    marked_by: str


@dataclass(frozen=True)
class ScenarioSummary:
    title: str
    revealed: bool
    #: The names of the partners who are done (all a viewer sees before the reveal).
    done: tuple[str, ...]
    visions: tuple[VisionSummary, ...]
    marks: tuple[MarkSummary, ...]
    #: The two days together, when the schedules say something.
    day: DayComparison | None


def day_in_the_life_summary(plan: PlanFile, viewer: Viewer) -> list[ScenarioSummary]:
    """Every scenario as the report shows it: both visions side by side with
    their marks and the day timeline's data once revealed; before that, only
    who is done. Unrevealed visions never, whoever the viewer."""
    pair = partners(plan)
    names = {p.uuid: p.name for p in pair}
    found: list[ScenarioSummary] = []
    for scenario in scenarios(plan):
        state = reveal_state(plan, scenario.uuid)
        done = tuple(p.name for p in pair if state.is_done(p.uuid))
        if not state.revealed:
            found.append(ScenarioSummary(scenario.title, False, done, (), (), None))
            continue
        by_author = visions(plan, viewer, scenario.uuid)
        summaries = tuple(VisionSummary(
            p.uuid, p.name, p.color,
            tuple(SectionText(s.key, s.title, by_author[p.uuid].text(s.key) if p.uuid in
                              by_author else "") for s in sections()),
            by_author[p.uuid].schedule if p.uuid in by_author else Schedule()) for p in pair)
        marks = scenario_marks(plan, viewer, scenario.uuid)
        texts = {(v.uuid, key): v.text(key) for v in by_author.values() for key in SECTIONS}
        places = mark_places(marks, texts)
        whose = {v.uuid: names.get(v.author_uuid or "", "") for v in by_author.values()}
        kinds = mark_kinds()
        summary_marks = tuple(MarkSummary(
            kinds[m.kind], m.note, whose.get(m.vision_uuid, ""), section_title(m.section),
            m.exact, places[m.uuid] is not None,
            names.get(m.author_uuid or "", "Both of you")) for m in marks)
        comparison = compare_days([Day(v.name, v.color, v.schedule) for v in summaries])
        found.append(ScenarioSummary(scenario.title, True, done, summaries, summary_marks,
                                     comparison if comparison.days else None))
    return found
