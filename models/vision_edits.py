"""Day in the Life edits: writing a vision, its schedule, being finished,
scenarios, marks. Each builder puts values in their stored form and refuses
with a :class:`ValidationError` naming the field; the view submits the edit.

The first words a partner writes store their vision (and the default
scenario, which is only stored once somebody writes for it), and each stored
burst of typing carries the marks on that section along with the words, in
the same undo step (:func:`store_section`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from models.changes import Edit, RowChange, delete_all, insert, update
from models.day_schedule import FIELDS as SCHEDULE_FIELDS
from models.day_schedule import parse_hours, parse_time
from models.errors import ValidationError
from models.privacy import Viewer
from models.reveal import mark_done, mark_not_done
from models.validation import check_choice
from models.vision_marks import follow, quote_at
from models.visions import (
    QUOTE_MAX,
    SECTIONS,
    Scenario,
    Vision,
    VisionMark,
    own_vision,
    reveal_state,
    scenario_marks,
    scenarios,
)

if TYPE_CHECKING:
    from models.plan_file import PlanFile


def _writer(viewer: Viewer) -> str:
    if not viewer.is_partner:
        raise ValidationError("author_uuid", "Each of you writes your own vision alone: "
                              "choose who is at the keyboard first.")
    return viewer.partner_uuid


def _stored_scenario(plan: PlanFile, scenario: Scenario) -> Edit:
    """Adds ``scenario`` if it is not in the plan yet: the default one is only
    stored once somebody writes for it."""
    if plan.read(select(Scenario).where(Scenario.uuid == scenario.uuid)):
        return ()
    return (insert(scenario.copy()),)


def new_scenario(plan: PlanFile, title: str) -> tuple[Scenario, Edit]:
    """A new scenario at the end of the list, and the edit adding it."""
    position = max((row.position for row in scenarios(plan)), default=-1) + 1
    scenario = Scenario(title=title, position=position)
    return scenario, (insert(scenario),)


def rename_scenario(plan: PlanFile, scenario: Scenario, title: str) -> Edit:
    if _stored_scenario(plan, scenario):  # the default, not stored yet: stored renamed
        renamed = scenario.copy()
        renamed.title = title
        return (insert(renamed),)
    change = update(scenario, title=title)
    return (change,) if change else ()


def delete_scenario(plan: PlanFile, scenario: Scenario) -> Edit:
    """The scenario with both visions, their marks and "done" marks."""
    if not plan.read(select(Scenario).where(Scenario.uuid == scenario.uuid)):
        return ()
    return delete_all(plan.with_dependents(scenario))


def _blank_vision(scenario_uuid: str, author: str) -> Vision:
    return Vision(scenario_uuid=scenario_uuid, author_uuid=author,
                  **dict.fromkeys(SECTIONS, ""), **dict.fromkeys(SCHEDULE_FIELDS))


def store_section(plan: PlanFile, viewer: Viewer, scenario: Scenario, section: str,
                  text: str) -> Edit:
    """Store what ``viewer`` wrote in a section of their vision (made on the
    first words), carrying the marks on that section along with the text."""
    check_choice(section, SECTIONS, "section", "a section of a vision")
    author = _writer(viewer)
    edit = _stored_scenario(plan, scenario)
    mine = own_vision(plan, viewer, scenario.uuid)
    if mine is None:
        if not text:
            return ()
        vision = _blank_vision(scenario.uuid, author)
        setattr(vision, section, text)
        return (*edit, insert(vision))
    change = update(mine, **{section: text})
    if change is None or change.after is None:
        return edit
    old, new = mine.text(section), str(change.after[section])
    follows: list[RowChange] = []
    for mark in scenario_marks(plan, viewer, scenario.uuid):
        if mark.vision_uuid == mine.uuid and mark.section == section:
            moved = follow(mark.quote, old, new)
            if moved is None:  # its words are gone; undo brings them back
                continue
            carried = update(mark, exact=moved.exact, prefix=moved.prefix, suffix=moved.suffix)
            if carried is not None:
                follows.append(carried)
    return (*edit, change, *follows)


def store_schedule(plan: PlanFile, viewer: Viewer, scenario: Scenario, field: str,
                   typed: str) -> Edit:
    """Store one time (or the hours from home) of ``viewer``'s schedule, as
    typed; refused with the field named when it is no time or breaks the day."""
    check_choice(field, SCHEDULE_FIELDS, "field", "a part of the schedule")
    value = parse_hours(typed, field) if field == "home_minutes" else parse_time(typed, field)
    author = _writer(viewer)
    edit = _stored_scenario(plan, scenario)
    mine = own_vision(plan, viewer, scenario.uuid)
    try:
        if mine is None:
            if value is None:
                return ()
            vision = _blank_vision(scenario.uuid, author)
            setattr(vision, field, value)
            return (*edit, insert(vision))
        change = update(mine, **{field: value})
    except ValidationError as error:
        # A schedule refused for its order is said at the field just typed in.
        if error.field in SCHEDULE_FIELDS:
            error.field = field
        raise
    return (*edit, change) if change else edit


def finish(plan: PlanFile, viewer: Viewer, scenario: Scenario) -> Edit:
    """``viewer`` is done with their vision of ``scenario``."""
    mine = own_vision(plan, viewer, scenario.uuid) if viewer.is_partner else None
    if viewer.is_partner and (mine is None or mine.is_blank):
        raise ValidationError("", "Write something first: your vision is still empty.")
    return mark_done(plan, viewer, scenario.uuid)


def unfinish(plan: PlanFile, viewer: Viewer, scenario: Scenario) -> Edit:
    """``viewer`` is not done after all (hiding their vision again if it was revealed)."""
    return mark_not_done(plan, viewer, scenario.uuid)


def delete_vision(plan: PlanFile, viewer: Viewer, vision: Vision) -> Edit:
    """Start over: the vision, the marks on it, and its author's "done"."""
    if vision.author_uuid != viewer.partner_uuid:
        raise ValidationError("", "Only the one who wrote a vision can delete it.")
    return (*delete_all(plan.with_dependents(vision)),
            *mark_not_done(plan, viewer, vision.scenario_uuid))


def new_mark(plan: PlanFile, viewer: Viewer, vision: Vision, section: str, start: int,
             end: int, kind: str, note: str = "") -> Edit:
    """Mark ``vision``'s ``section`` from ``start`` to ``end`` (characters; the
    spaces around the words are left out) as a synergy or a conflict."""
    if not reveal_state(plan, vision.scenario_uuid).revealed:
        raise ValidationError("", "Marks are made once both visions are revealed.")
    text = vision.text(section)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        raise ValidationError("exact", "Select the words you want to mark first.")
    if end - start > QUOTE_MAX:
        raise ValidationError("exact", f"That passage is {end - start:,} characters long: "
                              f"select at most {QUOTE_MAX:,} to mark.")
    quote = quote_at(text, start, end)
    mark = VisionMark(vision_uuid=vision.uuid, scenario_uuid=vision.scenario_uuid,
                      section=section, kind=kind, note=note, exact=quote.exact,
                      prefix=quote.prefix, suffix=quote.suffix,
                      author_uuid=viewer.partner_uuid or None, shared_at=None)
    mark.created_at = datetime.now(UTC).isoformat()  # to the microsecond: marks are listed by it
    return (insert(mark),)


def edit_mark(mark: VisionMark, **values: str) -> Edit:
    change = update(mark, **values)
    return (change,) if change else ()


def delete_marks(marks: Iterable[VisionMark]) -> Edit:
    return delete_all(marks)
