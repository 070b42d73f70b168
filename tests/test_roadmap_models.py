"""The shared roadmap's model: phases, milestones and seasons as they are kept
in a plan file, the edits that change them (and undo them), the calendar
arithmetic behind moving them, the layout the screen and the report share,
and what the roadmap tells a couple (clashes, who has led).

Every stored value is checked by closing the plan and opening it again."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

import resources
from models.base import new_uuid
from models.calendar import (
    DAYS_PER_MONTH,
    Unit,
    add_months,
    quarter_name,
    quarter_start,
    shift,
)
from models.changes import Edit, RowChange, insert, inverse
from models.errors import ValidationError
from models.exchange import plan_to_dict, rows_from_dict
from models.partners import DEFAULT_COLORS, Partner, new_plan_rows, partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER
from models.roadmap import (
    RoadmapItem,
    Season,
    duplicate,
    edit_entry,
    new_item,
    new_season,
    remove,
    roadmap_items,
    seasons,
)
from models.roadmap_insight import describe_lead, find_clashes, lead_times, lead_uneven_so_far
from models.roadmap_layout import SHARED, item_color, item_style, layout_roadmap, plan_span
from tests.helpers import stored

DATA = Path(__file__).parent / "data"
OUR_LIFE = None  # the lane of "Our life" as new_item takes it
SHARED_COLOR = "#7a5c99"
TODAY = date(2026, 7, 1)


# -- helpers -----------------------------------------------------------------------


def rooms(days: float) -> Callable[[RoadmapItem], float]:
    """Room after each item: a milestone's label takes ``days``, a phase's
    little (its label is inside it)."""
    return lambda item: days if item.end_date is None else days * 0.15


def lane(path: Path, name: str | None) -> str | None:
    """A partner's UUID (the key of their lane) by name; ``None`` for "Our life"."""
    if name is None:
        return None
    return next(p["uuid"] for p in stored(path)["tables"]["partner"] if p["name"] == name)


def add(path: Path, *edits: Edit) -> list[str]:
    """Apply each edit to the plan on disk, one after another; the UUIDs of the rows added."""
    added: list[str] = []
    with PlanFile.open(path) as plan:
        for edit in edits:
            plan.apply(edit, TOGETHER)
            added += [change.uuid for change in edit if change.before is None]
    return added


def read(path: Path) -> tuple[list[Partner], list[RoadmapItem], list[Season]]:
    """The partners, roadmap items and seasons a fresh open of the file finds."""
    with PlanFile.open(path) as plan:
        return partners(plan), roadmap_items(plan, TOGETHER), seasons(plan)


def items_by_title(path: Path) -> dict[str, RoadmapItem]:
    return {item.title: item for item in read(path)[1]}


def rows(path: Path, table: str) -> list[dict[str, Any]]:
    return stored(path)["tables"][table]


def titles_of(path: Path) -> list[str]:
    return sorted(item["title"] for item in rows(path, "roadmap_item"))


@pytest.fixture
def example_path(tmp_path: Path) -> Path:
    """The shipped example plan (Rachel and Marcus), written to a file."""
    path = tmp_path / "Rachel & Marcus.tandem"
    rows_ = rows_from_dict(resources.load_json("examples/rachel-and-marcus.json"))
    PlanFile.create(path, rows_).close()
    return path


# -- 1. phases and milestones survive closing and reopening ---------------------------


def test_phases_and_milestones_keep_every_field_after_reopening(plan_path: Path) -> None:
    ana, bo = lane(plan_path, "Ana"), lane(plan_path, "Bo")
    add(plan_path,
        new_item("job", "Data lead", date(2027, 2, 1), date(2029, 1, 31), ana,
                 notes="Team of six.\nRemote on Fridays.\n\tAsk about equity.", viewer=TOGETHER),
        new_item("degree", "MSc Statistics", date(2026, 9, 1), date(2028, 6, 30), bo,
                 status="done", viewer=TOGETHER),
        new_item("promotion", "Senior", date(2028, 3, 15), partner_uuid=ana, status="dropped", viewer=TOGETHER),
        new_item("relocation", "Move to Lisbon", date(2027, 8, 20), partner_uuid=OUR_LIFE, viewer=TOGETHER))

    items = items_by_title(plan_path)
    job, msc, senior, move = (items[t] for t in
                              ("Data lead", "MSc Statistics", "Senior", "Move to Lisbon"))
    assert (job.kind, job.partner_uuid, job.status) == ("job", ana, "planned")
    assert (job.start_date, job.end_date) == (date(2027, 2, 1), date(2029, 1, 31))
    assert job.notes == "Team of six.\nRemote on Fridays.\n\tAsk about equity."
    assert job.is_phase
    assert (msc.partner_uuid, msc.status, msc.end_date) == (bo, "done", date(2028, 6, 30))
    assert (senior.start_date, senior.end_date, senior.status) == (date(2028, 3, 15), None,
                                                                   "dropped")
    assert not senior.is_phase and senior.last_date == date(2028, 3, 15)
    assert (move.partner_uuid, move.kind, move.notes) == (None, "relocation", "")


def test_an_edit_to_an_item_is_stored(plan_path: Path) -> None:
    ana, bo = lane(plan_path, "Ana"), lane(plan_path, "Bo")
    add(plan_path, new_item("job", "Data lead", date(2027, 2, 1), date(2029, 1, 31), ana, viewer=TOGETHER))
    with PlanFile.open(plan_path) as plan:
        (job,) = roadmap_items(plan, TOGETHER)
        plan.apply(edit_entry(job, title="Head of data", partner_uuid=bo, status="done",
                              start_date=date(2027, 3, 1), end_date=date(2030, 2, 28),
                              notes="Moved over\nto Bo."), TOGETHER)
    (job,) = read(plan_path)[1]
    assert (job.title, job.partner_uuid, job.status, job.notes) == (
        "Head of data", bo, "done", "Moved over\nto Bo.")
    assert (job.start_date, job.end_date) == (date(2027, 3, 1), date(2030, 2, 28))


def test_one_day_phases_and_the_extreme_dates_and_lengths_are_accepted(plan_path: Path) -> None:
    longest = "L" * 120
    add(plan_path,
        new_item("sabbatical", "One day off", date(2027, 5, 5), date(2027, 5, 5), viewer=TOGETHER),
        new_item("milestone", "First", date(1940, 1, 1), viewer=TOGETHER),
        new_item("milestone", "Last", date(2100, 12, 31), viewer=TOGETHER),
        new_item("job", longest, date(1940, 1, 1), date(2100, 12, 31), viewer=TOGETHER),
        new_season(lane(plan_path, "Ana"), "S" * 80, date(1940, 1, 1), date(2100, 12, 31)))
    items = items_by_title(plan_path)
    assert items["One day off"].end_date == date(2027, 5, 5)
    assert items["First"].start_date == date(1940, 1, 1)
    assert items["Last"].start_date == date(2100, 12, 31)
    assert items[longest].end_date == date(2100, 12, 31)
    assert [s["label"] for s in rows(plan_path, "season")] == ["S" * 80]


def test_titles_labels_and_notes_are_stored_trimmed(plan_path: Path) -> None:
    add(plan_path,
        new_item("job", "  Data lead \t", date(2027, 2, 1), date(2029, 1, 31),
                 notes="\n  first line\nsecond line  \n", viewer=TOGETHER),
        new_season(lane(plan_path, "Bo"), "  Bo's MSc ", date(2026, 9, 1), date(2028, 7, 1)))
    (item,) = rows(plan_path, "roadmap_item")
    assert (item["title"], item["notes"]) == ("Data lead", "first line\nsecond line")
    assert rows(plan_path, "season")[0]["label"] == "Bo's MSc"


# -- 2. bad input is refused, and nothing is stored -------------------------------------

VALID_ITEM: dict[str, Any] = {"kind": "job", "title": "Data lead", "start": date(2027, 2, 1),
                              "end": date(2029, 1, 31), "status": "planned"}
OUT_OF_RANGE = "is out of range: use a date between 1940 and 2100."

BAD_ITEMS = [
    pytest.param({"title": ""}, "title", "The title can’t be empty.", id="empty title"),
    pytest.param({"title": " \t  "}, "title", "The title can’t be empty.", id="blank title"),
    pytest.param({"title": "x" * 121}, "title",
                 "The title is too long: 121 characters, at most 120.", id="121-char title"),
    pytest.param({"title": "Data\x00lead"}, "title", "The title contains a control character.",
                 id="NUL in title"),
    pytest.param({"title": "Data\x1b[31mlead"}, "title",
                 "The title contains a control character.", id="escape in title"),
    pytest.param({"title": "Data\nlead"}, "title", "The title contains a control character.",
                 id="newline in title"),
    pytest.param({"kind": "rocket"}, "kind", "“rocket” is not a kind of roadmap item.",
                 id="unknown kind"),
    pytest.param({"status": "maybe"}, "status", "“maybe” is not a status.", id="unknown status"),
    pytest.param({"end": None}, "end_date", "“Job” is a phase: it needs an end date.", id="phase without end"),
    pytest.param({"kind": "promotion"}, "end_date", "“Promotion” is a milestone: it has one date, not an end.",
                 id="milestone with end"),
    pytest.param({"start": date(2029, 1, 1), "end": date(2028, 12, 31)}, "end_date",
                 "The end (2028-12-31) is before the start (2029-01-01).", id="end before start"),
    pytest.param({"start": date(1939, 12, 31)}, "start_date",
                 f"The start 1939-12-31 {OUT_OF_RANGE}", id="start before 1940"),
    pytest.param({"end": date(2101, 1, 1)}, "end_date",
                 f"The end 2101-01-01 {OUT_OF_RANGE}", id="end after 2100"),
    pytest.param({"kind": "wedding", "end": None, "start": date(1939, 6, 1)}, "start_date",
                 f"The date 1939-06-01 {OUT_OF_RANGE}", id="milestone before 1940"),
    pytest.param({"kind": "child", "end": None, "start": date(2101, 3, 1)}, "start_date",
                 f"The date 2101-03-01 {OUT_OF_RANGE}", id="milestone after 2100"),
]

#: How a bad value can reach the plan: a new item, an edit of a stored one, or a
#: row that skipped the checks of new_item (undo, import) and meets the plan file's.
WAYS = ["new", "edit", "raw insert"]


@pytest.mark.parametrize("how", WAYS)
@pytest.mark.parametrize(("bad", "field", "message"), BAD_ITEMS)
def test_a_bad_item_is_refused_with_a_message_and_nothing_is_stored(
        plan_path: Path, how: str, bad: dict[str, Any], field: str, message: str) -> None:
    ana = lane(plan_path, "Ana")
    if how == "edit":
        add(plan_path, new_item(partner_uuid=ana, **VALID_ITEM, viewer=TOGETHER))
    before = stored(plan_path)
    values = {**VALID_ITEM, **bad}
    with PlanFile.open(plan_path) as plan, pytest.raises(ValidationError) as caught:
        if how == "new":
            plan.apply(new_item(partner_uuid=ana, **values, viewer=TOGETHER), TOGETHER)
        elif how == "edit":
            (item,) = roadmap_items(plan, TOGETHER)
            plan.apply(edit_entry(item, kind=values["kind"], title=values["title"],
                                  status=values["status"], start_date=values["start"],
                                  end_date=values["end"]), TOGETHER)
        else:  # as undo or an import could bring it, past the builders' checks
            plan.apply((RowChange("roadmap_item", new_uuid(), None, {
                "kind": values["kind"], "title": values["title"], "status": values["status"],
                "start_date": values["start"], "end_date": values["end"],
                "partner_uuid": ana, "notes": "", "author_uuid": None,
                "shared_at": "2026-01-01T00:00:00+00:00"}),), TOGETHER)
    assert caught.value.message == message
    assert caught.value.field == field, "the message goes next to the input it is about"
    assert stored(plan_path) == before


VALID_SEASON: dict[str, Any] = {"label": "Ana's PhD", "start": date(2027, 1, 1),
                                "end": date(2028, 1, 1)}

BAD_SEASONS = [
    pytest.param({"label": ""}, "label", "What the season is for can’t be empty.",
                 id="empty label"),
    pytest.param({"label": "   "}, "label", "What the season is for can’t be empty.",
                 id="blank label"),
    pytest.param({"label": "s" * 81}, "label",
                 "What the season is for is too long: 81 characters, at most 80.",
                 id="81-char label"),
    pytest.param({"label": "PhD\x07"}, "label",
                 "What the season is for contains a control character.", id="bell in label"),
    pytest.param({"end": date(2026, 12, 31)}, "end_date",
                 "The end (2026-12-31) is before the start (2027-01-01).", id="end before start"),
    pytest.param({"start": date(1939, 12, 31)}, "start_date",
                 f"The start 1939-12-31 {OUT_OF_RANGE}", id="start before 1940"),
    pytest.param({"end": date(2101, 1, 1)}, "end_date", f"The end 2101-01-01 {OUT_OF_RANGE}",
                 id="end after 2100"),
]


@pytest.mark.parametrize("how", WAYS)
@pytest.mark.parametrize(("bad", "field", "message"), BAD_SEASONS)
def test_a_bad_season_is_refused_with_a_message_and_nothing_is_stored(
        plan_path: Path, how: str, bad: dict[str, Any], field: str, message: str) -> None:
    ana = lane(plan_path, "Ana")
    if how == "edit":
        add(plan_path, new_season(ana, **VALID_SEASON))
    before = stored(plan_path)
    values = {**VALID_SEASON, **bad}
    with PlanFile.open(plan_path) as plan, pytest.raises(ValidationError) as caught:
        if how == "new":
            plan.apply(new_season(ana, **values), TOGETHER)
        elif how == "edit":
            (season,) = seasons(plan)
            plan.apply(edit_entry(season, label=values["label"], start_date=values["start"],
                                  end_date=values["end"]), TOGETHER)
        else:
            plan.apply((insert(Season(leader_uuid=ana, label=values["label"], notes="",
                                      start_date=values["start"], end_date=values["end"])),), TOGETHER)
    assert caught.value.message == message
    assert caught.value.field == field
    assert stored(plan_path) == before


def test_a_lane_of_someone_not_in_the_plan_is_refused(plan_path: Path) -> None:
    before = stored(plan_path)
    with PlanFile.open(plan_path) as plan, pytest.raises(ValidationError):
        plan.apply(new_item("job", "Ghost job", date(2027, 1, 1), date(2028, 1, 1),
                            partner_uuid="00000000-0000-4000-8000-000000000000", viewer=TOGETHER), TOGETHER)
    assert stored(plan_path) == before


# -- 2b. seasons may touch but not overlap --------------------------------------------------


@pytest.fixture
def two_seasons(plan_path: Path) -> Path:
    """Ana leads in 2027, Bo in 2029: a gap of a year between."""
    add(plan_path,
        new_season(lane(plan_path, "Ana"), "Ana's PhD", date(2027, 1, 1), date(2028, 1, 1)),
        new_season(lane(plan_path, "Bo"), "Bo's startup", date(2029, 1, 1), date(2030, 1, 1)))
    return plan_path


@pytest.mark.parametrize(("label", "start", "end", "message"), [
    pytest.param("Bo's MSc", date(2027, 6, 1), date(2028, 6, 1),
                 "Seasons may not overlap: “Bo's MSc” starts 2027-06-01, while "
                 "“Ana's PhD” lasts until 2028-01-01.", id="starts inside another"),
    pytest.param("Early", date(2026, 6, 1), date(2027, 2, 1),
                 "Seasons may not overlap: “Ana's PhD” starts 2027-01-01, while "
                 "“Early” lasts until 2027-02-01.", id="ends inside another"),
    pytest.param("Everything", date(2026, 1, 1), date(2031, 1, 1),
                 "Seasons may not overlap: “Ana's PhD” starts 2027-01-01, while "
                 "“Everything” lasts until 2031-01-01.", id="covers others"),
    pytest.param("Same start", date(2029, 1, 1), date(2029, 6, 1),
                 "Seasons may not overlap: “Bo's startup” starts 2029-01-01, while "
                 "“Same start” lasts until 2029-06-01.", id="same start"),
])
def test_an_overlapping_season_is_refused_naming_both(two_seasons: Path, label: str, start: date,
                                                     end: date, message: str) -> None:
    bo = lane(two_seasons, "Bo")
    before = stored(two_seasons)
    with PlanFile.open(two_seasons) as plan, pytest.raises(ValidationError) as caught:
        plan.apply(new_season(bo, label, start, end), TOGETHER)
    assert caught.value.message == message
    assert stored(two_seasons) == before


def test_moving_a_season_into_another_is_refused(two_seasons: Path) -> None:
    before = stored(two_seasons)
    with PlanFile.open(two_seasons) as plan:
        phd, startup = seasons(plan)
        with pytest.raises(ValidationError) as caught:
            plan.apply(edit_entry(startup, start_date=date(2027, 10, 1)), TOGETHER)
        assert caught.value.message == (
            "Seasons may not overlap: “Bo's startup” starts 2027-10-01, while "
            "“Ana's PhD” lasts until 2028-01-01.")
        with pytest.raises(ValidationError) as caught:
            plan.apply(edit_entry(phd, end_date=date(2029, 3, 1)), TOGETHER)
        assert "“Ana's PhD” lasts until 2029-03-01" in caught.value.message
        assert "“Bo's startup” starts 2029-01-01" in caught.value.message
        assert plan_to_dict(plan.session) == before, "the open plan shows what is stored"
    assert stored(two_seasons) == before


def test_a_season_edit_that_stays_clear_of_the_others_is_accepted(two_seasons: Path) -> None:
    with PlanFile.open(two_seasons) as plan:
        phd, _startup = seasons(plan)
        plan.apply(edit_entry(phd, start_date=date(2027, 3, 1), end_date=date(2028, 12, 31),
                              label="Ana's PhD, longer"), TOGETHER)
    spans = [(s.label, s.start_date, s.end_date) for s in read(two_seasons)[2]]
    assert spans == [("Ana's PhD, longer", date(2027, 3, 1), date(2028, 12, 31)),
                     ("Bo's startup", date(2029, 1, 1), date(2030, 1, 1))]


def test_seasons_that_follow_day_after_day_are_accepted(two_seasons: Path) -> None:
    # A season's end date is its last day: the next may start the day after.
    bo = lane(two_seasons, "Bo")
    add(two_seasons, new_season(bo, "Between", date(2028, 1, 2), date(2028, 12, 31)))
    with PlanFile.open(two_seasons) as plan:
        phd = seasons(plan)[0]
        plan.apply(edit_entry(phd, start_date=date(2026, 1, 1)), TOGETHER)
    spans = [(s.label, s.start_date, s.end_date) for s in read(two_seasons)[2]]
    assert spans == [("Ana's PhD", date(2026, 1, 1), date(2028, 1, 1)),
                     ("Between", date(2028, 1, 2), date(2028, 12, 31)),
                     ("Bo's startup", date(2029, 1, 1), date(2030, 1, 1))]


def test_seasons_sharing_a_day_overlap(two_seasons: Path) -> None:
    bo = lane(two_seasons, "Bo")
    with PlanFile.open(two_seasons) as plan, pytest.raises(ValidationError) as caught:
        plan.apply(new_season(bo, "Same day", date(2028, 1, 1), date(2028, 6, 1)), TOGETHER)
    assert "lasts until 2028-01-01" in caught.value.message


def test_a_one_day_season_is_accepted(plan_path: Path) -> None:
    add(plan_path, new_season(lane(plan_path, "Ana"), "Defence day", date(2027, 5, 5),
                              date(2027, 5, 5)))
    assert [(s.start_date, s.end_date) for s in read(plan_path)[2]] == \
        [(date(2027, 5, 5), date(2027, 5, 5))]


# -- 2c. any text people type is stored exactly ------------------------------------------


@pytest.mark.parametrize("text", [
    pytest.param("Doctorat 🎓🌱 — 博士課程", id="emoji and CJK"),
    pytest.param("<b>R&D</b> & <script>alert(1)</script> > 3", id="markup"),
    pytest.param("👩‍🎓 Ана 😀 ℵ ﷺ", id="combined emoji and other scripts"),
    pytest.param("'; DROP TABLE roadmap_item; --", id="SQL"),
])
def test_unusual_text_is_stored_exactly(plan_path: Path, text: str) -> None:
    add(plan_path,
        new_item("degree", text, date(2027, 1, 1), date(2028, 1, 1), lane(plan_path, "Ana"),
                 notes=f"{text}\n{text}", viewer=TOGETHER),
        new_season(lane(plan_path, "Ana"), text, date(2027, 1, 1), date(2028, 1, 1),
                   notes=f"{text}\n\n{text}"))
    (item,) = rows(plan_path, "roadmap_item")
    (season,) = rows(plan_path, "season")
    assert (item["title"], item["notes"]) == (text, f"{text}\n{text}")
    assert (season["label"], season["notes"]) == (text, f"{text}\n\n{text}")


# -- 2d. an edit is stored whole or not at all ------------------------------------------------


def test_an_edit_whose_second_row_is_bad_stores_neither(plan_path: Path) -> None:
    ana, bo = lane(plan_path, "Ana"), lane(plan_path, "Bo")
    add(plan_path,
        new_item("job", "Data lead", date(2027, 2, 1), date(2029, 1, 31), ana, viewer=TOGETHER),
        new_item("degree", "MSc", date(2026, 9, 1), date(2028, 6, 30), bo, viewer=TOGETHER))
    before = stored(plan_path)
    with PlanFile.open(plan_path) as plan:
        job, msc = sorted(roadmap_items(plan, TOGETHER), key=lambda i: i.title)
        attempts = [
            lambda: edit_entry(job, title="Head of data")
            + edit_entry(msc, end_date=date(2020, 1, 1)),
            lambda: new_item("wedding", "Wedding", date(2027, 6, 1), viewer=TOGETHER)
            + edit_entry(msc, title=" "),
            lambda: new_item("child", "First child", date(2029, 5, 1), viewer=TOGETHER)
            + new_season(ana, "Two at once", date(2027, 1, 1), date(2028, 1, 1))
            + new_season(bo, "Overlapping", date(2027, 6, 1), date(2028, 6, 1)),
        ]
        for build in attempts:
            with pytest.raises(ValidationError):
                plan.apply(build(), TOGETHER)
            assert plan_to_dict(plan.session) == before
        assert (job.title, msc.title) == ("Data lead", "MSc"), "the open plan shows what is stored"
    assert stored(plan_path) == before


# -- 3. duplicate, remove, and undoing them -----------------------------------------------


@pytest.fixture
def filled(plan_path: Path) -> Path:
    """Ana & Bo with items in every lane and two seasons."""
    ana, bo = lane(plan_path, "Ana"), lane(plan_path, "Bo")
    add(plan_path,
        new_item("job", "Data lead", date(2027, 2, 1), date(2029, 1, 31), ana,
                 notes="Team of six.\nRemote on Fridays.", viewer=TOGETHER),
        new_item("degree", "MSc 統計", date(2026, 9, 1), date(2028, 6, 30), bo, status="done", viewer=TOGETHER),
        new_item("wedding", "Wedding 💍", date(2027, 6, 12), notes="<Porto> & friends", viewer=TOGETHER),
        new_item("promotion", "Senior", date(2028, 3, 1), partner_uuid=ana, status="dropped", viewer=TOGETHER),
        new_season(ana, "Ana's new job", date(2027, 1, 1), date(2027, 12, 31)),
        new_season(bo, "Bo's thesis", date(2028, 1, 1), date(2028, 7, 1)))
    return plan_path


def _without_uuid(record: dict[str, Any]) -> dict[str, Any]:
    """A row as a copy repeats it: not its identity, nor when it was shared
    (a copy is shared when it is made, maybe a second after the original)."""
    return {k: v for k, v in record.items() if k not in ("uuid", "shared_at")}


def test_duplicate_gives_copies_with_new_identities_and_undo_removes_them(filled: Path) -> None:
    before = stored(filled)
    with PlanFile.open(filled) as plan:
        chosen = [i for i in roadmap_items(plan, TOGETHER) if i.title in ("Data lead", "Wedding 💍")]
        edit = duplicate(chosen, TOGETHER)
        plan.apply(edit, TOGETHER)
    after = rows(filled, "roadmap_item")
    old_uuids = {r["uuid"] for r in before["tables"]["roadmap_item"]}
    copies = [r for r in after if r["uuid"] not in old_uuids]
    assert len(after) == 6 and len(copies) == 2
    assert len({r["uuid"] for r in after}) == 6, "every copy has an identity of its own"
    originals = {r["title"]: _without_uuid(r) for r in before["tables"]["roadmap_item"]}
    for copy in copies:
        assert _without_uuid(copy) == originals[copy["title"]]
        assert copy["shared_at"], "a copy of a shared item is shared"
    assert rows(filled, "season") == before["tables"]["season"]
    with PlanFile.open(filled) as plan:
        plan.apply(inverse(edit), TOGETHER)
    assert stored(filled) == before


def test_duplicate_leaves_seasons_out_because_they_cannot_overlap(filled: Path) -> None:
    before = stored(filled)
    with PlanFile.open(filled) as plan:
        chosen = [*seasons(plan), roadmap_items(plan, TOGETHER)[0]]
        plan.apply(duplicate(chosen, TOGETHER), TOGETHER)
    assert rows(filled, "season") == before["tables"]["season"]
    assert len(rows(filled, "roadmap_item")) == len(before["tables"]["roadmap_item"]) + 1


def test_remove_items_and_seasons_in_one_edit_and_undo_restores_them(filled: Path) -> None:
    before = stored(filled)
    with PlanFile.open(filled) as plan:
        doomed: list[RoadmapItem | Season] = [
            i for i in roadmap_items(plan, TOGETHER) if i.title != "Wedding 💍"]
        doomed.insert(1, seasons(plan)[0])
        edit = remove(plan, doomed)
        plan.apply(edit, TOGETHER)
    assert titles_of(filled) == ["Wedding 💍"]
    assert [s["label"] for s in rows(filled, "season")] == ["Bo's thesis"]
    with PlanFile.open(filled) as plan:
        plan.apply(inverse(edit), TOGETHER)
    assert stored(filled) == before
    with PlanFile.open(filled) as plan:
        plan.apply(edit, TOGETHER)  # and redo
    assert titles_of(filled) == ["Wedding 💍"]


def test_undo_and_redo_of_an_item_edit(filled: Path) -> None:
    before = stored(filled)
    bo = lane(filled, "Bo")
    with PlanFile.open(filled) as plan:
        job = next(i for i in roadmap_items(plan, TOGETHER) if i.title == "Data lead")
        edit = edit_entry(job, title="Head of data", partner_uuid=bo, status="done",
                          start_date=date(2027, 4, 1), notes="")
        plan.apply(edit, TOGETHER)
        after = plan_to_dict(plan.session)
        plan.apply(inverse(edit), TOGETHER)
    assert stored(filled) == before
    with PlanFile.open(filled) as plan:
        plan.apply(edit, TOGETHER)
    assert stored(filled) == after


def test_an_edit_that_changes_nothing_is_empty(filled: Path) -> None:
    with PlanFile.open(filled) as plan:
        job = next(i for i in roadmap_items(plan, TOGETHER) if i.title == "Data lead")
        assert edit_entry(job, title="Data lead", end_date=date(2029, 1, 31)) == ()


def test_undo_of_an_edit_whose_text_the_plan_trims(filled: Path) -> None:
    before = stored(filled)
    with PlanFile.open(filled) as plan:
        job = next(i for i in roadmap_items(plan, TOGETHER) if i.title == "Data lead")
        edit = edit_entry(job, title="  Head of data  ", notes="Team of six.\r\n")
        plan.apply(edit, TOGETHER)
        assert "Head of data" in [i.title for i in roadmap_items(plan, TOGETHER)]
        plan.apply(inverse(edit), TOGETHER)  # undo matches what was stored, trimmed
    assert stored(filled) == before


# -- 4. calendar arithmetic -----------------------------------------------------------------


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2027, 1, 31), 1, date(2027, 2, 28)),
    (date(2028, 1, 31), 1, date(2028, 2, 29)),
    (date(2027, 3, 31), -1, date(2027, 2, 28)),
    (date(2027, 5, 31), 1, date(2027, 6, 30)),
    (date(2027, 1, 30), 2, date(2027, 3, 30)),
    (date(2027, 4, 30), 1, date(2027, 5, 30)),
    (date(2027, 1, 15), 0, date(2027, 1, 15)),
    (date(2026, 11, 30), 3, date(2027, 2, 28)),
    (date(2027, 1, 10), -13, date(2025, 12, 10)),
    (date(2027, 12, 31), 2, date(2028, 2, 29)),
])
def test_add_months_keeps_the_day_or_clamps_to_the_months_end(day: date, months: int,
                                                               expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(("day", "unit", "count", "expected"), [
    (date(2027, 1, 31), Unit.WEEK, 1, date(2027, 2, 7)),
    (date(2027, 1, 3), Unit.WEEK, -2, date(2026, 12, 20)),
    (date(2027, 1, 31), Unit.MONTH, 1, date(2027, 2, 28)),
    (date(2027, 3, 31), Unit.MONTH, -1, date(2027, 2, 28)),
    (date(2027, 11, 30), Unit.QUARTER, 1, date(2028, 2, 29)),
    (date(2027, 1, 15), Unit.QUARTER, -2, date(2026, 7, 15)),
    (date(2028, 2, 29), Unit.YEAR, 1, date(2029, 2, 28)),
    (date(2028, 2, 29), Unit.YEAR, -4, date(2024, 2, 29)),
    (date(2027, 6, 1), Unit.YEAR, -10, date(2017, 6, 1)),
])
def test_shift_moves_by_whole_units(day: date, unit: Unit, count: int, expected: date) -> None:
    assert shift(day, unit, count) == expected


def test_unit_lengths_in_days() -> None:
    assert Unit.WEEK.days == 7
    assert Unit.YEAR.days == pytest.approx(365.2425)
    assert Unit.QUARTER.days == pytest.approx(3 * DAYS_PER_MONTH)


@pytest.mark.parametrize(("day", "start", "name"), [
    (date(2027, 1, 1), date(2027, 1, 1), "Q1 2027"),
    (date(2027, 3, 31), date(2027, 1, 1), "Q1 2027"),
    (date(2027, 4, 1), date(2027, 4, 1), "Q2 2027"),
    (date(2027, 8, 20), date(2027, 7, 1), "Q3 2027"),
    (date(2027, 12, 31), date(2027, 10, 1), "Q4 2027"),
])
def test_quarters(day: date, start: date, name: str) -> None:
    assert quarter_start(day) == start
    assert quarter_name(day) == name


def test_moving_a_stored_milestone_by_a_month_from_the_31st(plan_path: Path) -> None:
    add(plan_path, new_item("job_offer", "Offer", date(2027, 1, 31), partner_uuid=OUR_LIFE, viewer=TOGETHER))
    with PlanFile.open(plan_path) as plan:
        (offer,) = roadmap_items(plan, TOGETHER)
        plan.apply(edit_entry(offer, start_date=shift(offer.start_date, Unit.MONTH, 1)), TOGETHER)
    assert read(plan_path)[1][0].start_date == date(2027, 2, 28)


# -- 5. layout and style --------------------------------------------------------------------


def test_lanes_run_first_partner_our_life_second_partner_in_their_colours(
        tmp_path: Path) -> None:
    path = tmp_path / "Zoe & Adam.tandem"
    PlanFile.create(path, new_plan_rows("Zoe", "Adam", ("#112233", "#445566"))).close()
    zoe, adam = lane(path, "Zoe"), lane(path, "Adam")
    add(path,
        new_item("job", "Zoe's job", date(2027, 1, 1), date(2028, 1, 1), zoe, viewer=TOGETHER),
        new_item("wedding", "Wedding", date(2027, 6, 1), viewer=TOGETHER),
        new_item("degree", "Adam's PhD", date(2027, 1, 1), date(2030, 1, 1), adam, viewer=TOGETHER))
    pair, items, _ = read(path)
    layout = layout_roadmap(pair, items, rooms(30))
    assert [(ln.key, ln.title, ln.color) for ln in layout.lanes] == [
        (zoe, "Zoe", "#112233"), (SHARED, "Our life", SHARED_COLOR), (adam, "Adam", "#445566")]
    colours = {item.title: item_color(item, pair) for item in items}
    assert colours == {"Zoe's job": "#112233", "Wedding": SHARED_COLOR,
                       "Adam's PhD": "#445566"}


def test_the_default_colours_are_the_lane_colours(plan_path: Path) -> None:
    pair, items, _ = read(plan_path)
    layout = layout_roadmap(pair, items, rooms(30))
    assert [ln.color for ln in layout.lanes] == [DEFAULT_COLORS[0], SHARED_COLOR,
                                                 DEFAULT_COLORS[1]]


def test_overlapping_phases_get_rows_of_their_own_and_others_share_the_first(
        plan_path: Path) -> None:
    ana, bo = lane(plan_path, "Ana"), lane(plan_path, "Bo")
    add(plan_path,
        new_item("job", "Ana's job", date(2020, 1, 1), date(2022, 12, 31), ana, viewer=TOGETHER),
        new_item("degree", "Ana's evening MBA", date(2021, 9, 1), date(2023, 6, 30), ana, viewer=TOGETHER),
        new_item("sabbatical", "Ana's break", date(2024, 1, 1), date(2024, 6, 30), ana, viewer=TOGETHER),
        new_item("job", "Bo's first job", date(2020, 1, 1), date(2021, 12, 31), bo, viewer=TOGETHER),
        new_item("job", "Bo's second job", date(2022, 3, 1), date(2024, 12, 31), bo, viewer=TOGETHER))
    pair, items, _ = read(plan_path)
    layout = layout_roadmap(pair, items, rooms(30))
    row = {i.title: layout.placements[i.uuid].row for i in items}
    assert row == {"Ana's job": 0, "Ana's evening MBA": 1, "Ana's break": 0,
                   "Bo's first job": 0, "Bo's second job": 0}
    assert {i.title: layout.placements[i.uuid].lane for i in items} == {
        "Ana's job": ana, "Ana's evening MBA": ana, "Ana's break": ana,
        "Bo's first job": bo, "Bo's second job": bo}
    assert [ln.rows for ln in layout.lanes] == [2, 1, 1], "an empty lane still has its row"


def test_milestones_close_together_stack_and_far_apart_share_a_row(plan_path: Path) -> None:
    add(plan_path,
        new_item("wedding", "Wedding", date(2027, 6, 1), viewer=TOGETHER),
        new_item("relocation", "Move", date(2027, 6, 11), viewer=TOGETHER),
        new_item("child", "Child", date(2028, 6, 1), viewer=TOGETHER),
        new_item("milestone", "Anniversary", date(2028, 7, 1), viewer=TOGETHER))  # 30 days after
    pair, items, _ = read(plan_path)
    layout = layout_roadmap(pair, items, rooms(30))
    assert {i.title: layout.placements[i.uuid].row for i in items} == {
        "Wedding": 0, "Move": 1, "Child": 0, "Anniversary": 0}
    assert layout.lane(SHARED).rows == 2
    zoomed_out = layout_roadmap(pair, items, rooms(90))
    assert {i.title: zoomed_out.placements[i.uuid].row for i in items} == {
        "Wedding": 0, "Move": 1, "Child": 0, "Anniversary": 1}, \
        "at a smaller scale a marker needs more days of room: a month apart now stack"


def test_a_milestone_takes_the_gap_before_a_phase_in_its_row(plan_path: Path) -> None:
    ana = lane(plan_path, "Ana")
    add(plan_path,
        new_item("job", "Ana's job", date(2020, 1, 1), date(2024, 12, 31), ana, viewer=TOGETHER),
        new_item("degree", "Ana's MBA", date(2019, 1, 1), date(2021, 6, 30), ana, viewer=TOGETHER),
        new_item("milestone", "Prize", date(2016, 5, 1), None, ana, viewer=TOGETHER),
        new_item("milestone", "Too close", date(2019, 12, 15), None, ana, viewer=TOGETHER))
    pair, items, _ = read(plan_path)
    layout = layout_roadmap(pair, items, rooms(30))
    assert {i.title: layout.placements[i.uuid].row for i in items} == {
        "Ana's MBA": 0, "Ana's job": 1, "Prize": 0, "Too close": 2}, \
        "years before the first phase are room enough; a month before the job is not"
    assert layout.lane(ana).rows == 3


def test_the_example_plan_lays_out_with_every_item_placed_and_nothing_overlapping(
        example_path: Path) -> None:
    pair, items, _ = read(example_path)
    milestone_days = 60
    layout = layout_roadmap(pair, items, rooms(milestone_days))
    assert [ln.title for ln in layout.lanes] == ["Rachel", "Our life", "Marcus"]
    assert set(layout.placements) == {i.uuid for i in items}
    by_cell: dict[tuple[str, int], list[RoadmapItem]] = {}
    for item in items:
        place = layout.placements[item.uuid]
        assert place.lane == (item.partner_uuid or SHARED)
        assert 0 <= place.row < layout.lane(place.lane).rows
        by_cell.setdefault((place.lane, place.row), []).append(item)
    for cell in by_cell.values():
        cell.sort(key=lambda i: i.start_date)
        for earlier, later in zip(cell, cell[1:], strict=False):
            room = milestone_days if earlier.end_date is None else 1
            assert later.start_date >= earlier.last_date + timedelta(days=room), \
                f"{earlier.title!r} and {later.title!r} would be drawn on top of each other"


def test_item_styles_show_dropped_done_and_past(filled: Path) -> None:
    ana = lane(filled, "Ana")
    add(filled,
        new_item("job", "Old job", date(2018, 1, 1), date(2020, 1, 1), ana, viewer=TOGETHER),
        new_item("job", "Old job, done", date(2015, 1, 1), date(2017, 12, 31), ana,
                 status="done", viewer=TOGETHER))
    items = items_by_title(filled)
    style = {title: item_style(item, TODAY) for title, item in items.items()}
    dropped = style["Senior"]
    assert dropped.struck_out and dropped.label == "Senior"
    assert all(dropped.fill_alpha < s.fill_alpha for t, s in style.items() if t != "Senior")
    assert not any(s.struck_out for t, s in style.items() if t != "Senior")
    assert style["MSc 統計"].label == "✓ MSc 統計"
    assert style["Old job, done"].label == "✓ Old job, done"
    assert style["Data lead"].label == "Data lead"
    assert style["Old job"].fill_alpha < style["Data lead"].fill_alpha, "the past is fainter"
    assert style["Old job, done"].fill_alpha < style["MSc 統計"].fill_alpha
    # An item ending today is not yet past.
    assert item_style(items["Data lead"], date(2029, 1, 31)).fill_alpha == \
        style["Data lead"].fill_alpha
    assert item_style(items["Data lead"], date(2029, 2, 1)).fill_alpha == \
        style["Old job"].fill_alpha


def test_plan_span_covers_today_and_every_item_and_season(filled: Path) -> None:
    _pair, items, all_seasons = read(filled)
    for today in (date(2020, 1, 1), date(2027, 6, 1), date(2035, 1, 1)):
        first, last = plan_span(items, all_seasons, today)
        assert first < today < last
        assert first < min(i.start_date for i in items)
        assert last > max(i.last_date for i in items)
        assert first < min(s.start_date for s in all_seasons)
        assert last > max(s.end_date for s in all_seasons)
    assert plan_span([], [], TODAY) == (TODAY - timedelta(days=183),
                                        TODAY + timedelta(days=183))


# -- 6. what the roadmap tells a couple: clashes and lead --------------------------------

#: An item as (lane: "Ana", "Bo" or None for "Our life", kind, title, start, end, status).
Spec = tuple[str | None, str, str, date, date | None, str]


def plan_with(path: Path, specs: Sequence[Spec]) -> tuple[list[Partner], list[RoadmapItem]]:
    lanes = {name: lane(path, name) for name in ("Ana", "Bo")}
    add(path, *(new_item(kind, title, start, end, lanes[who] if who else None, status=status, viewer=TOGETHER)
                for who, kind, title, start, end, status in specs))
    pair, items, _ = read(path)
    return pair, items


def test_a_new_job_while_the_other_studies_is_a_clash(plan_path: Path) -> None:
    pair, items = plan_with(plan_path, [
        ("Ana", "job", "Data lead", date(2027, 2, 1), date(2029, 1, 31), "planned"),
        ("Bo", "degree", "MSc Statistics", date(2026, 9, 1), date(2028, 6, 30), "planned"),
    ])
    (clash,) = find_clashes(pair, items)
    assert (clash.start, clash.end) == (date(2027, 1, 1), date(2027, 4, 1))
    assert clash.title == "Q1 2027: demanding transitions at the same time"
    assert clash.explanation() == (
        "Q1 2027: demanding transitions at the same time\n"
        "• Bo studies (MSc Statistics)\n"
        "• Ana starts a new job (Data lead)")
    assert set(clash.item_uuids) == {i.uuid for i in items}


def test_a_job_change_in_the_quarter_of_a_move_is_a_clash(plan_path: Path) -> None:
    pair, items = plan_with(plan_path, [
        ("Ana", "job_change", "Switch to Lisbon office", date(2027, 8, 1), None, "planned"),
        (None, "relocation", "Move to Lisbon", date(2027, 9, 30), None, "planned"),
    ])
    (clash,) = find_clashes(pair, items)
    assert clash.title.startswith("Q3 2027")
    assert clash.reasons == ("Ana changes jobs (Switch to Lisbon office)",
                             "Our life: move or relocation (Move to Lisbon)")


def test_both_studying_is_no_clash_except_where_one_of_them_starts(plan_path: Path) -> None:
    pair, items = plan_with(plan_path, [
        ("Ana", "degree", "PhD", date(2025, 9, 1), date(2028, 6, 30), "planned"),
        ("Bo", "degree", "MSc", date(2026, 1, 15), date(2028, 12, 31), "planned"),
    ])
    assert [c.title for c in find_clashes(pair, items)] == [
        "Q1 2026: demanding transitions at the same time"]


@pytest.mark.parametrize("specs", [
    pytest.param([
        ("Ana", "job", "New job", date(2027, 2, 1), date(2029, 1, 31), "planned"),
        ("Ana", "degree", "Evening MBA", date(2027, 1, 10), date(2028, 12, 31), "planned"),
        ("Ana", "job_offer", "Another offer", date(2027, 3, 1), None, "planned"),
    ], id="demanding items in one lane only"),
    pytest.param([
        ("Ana", "promotion", "Senior", date(2027, 2, 1), None, "planned"),
        (None, "wedding", "Wedding", date(2027, 3, 1), None, "planned"),
        ("Bo", "sabbatical", "Break", date(2027, 1, 1), date(2027, 12, 31), "planned"),
        ("Bo", "job", "Bo's new job", date(2027, 1, 15), date(2029, 1, 1), "planned"),
    ], id="not demanding: promotion, wedding, sabbatical"),
    pytest.param([
        ("Ana", "job_change", "Considered move", date(2027, 2, 1), None, "dropped"),
        ("Bo", "job", "Bo's new job", date(2027, 3, 1), date(2029, 1, 1), "planned"),
    ], id="dropped item"),
    pytest.param([
        ("Ana", "job", "Ana's new job", date(2027, 3, 31), date(2029, 1, 1), "planned"),
        ("Bo", "job", "Bo's new job", date(2027, 4, 1), date(2029, 1, 1), "planned"),
    ], id="transitions in different quarters"),
    pytest.param([
        ("Ana", "job", "Ana's job", date(2025, 1, 6), date(2030, 1, 1), "planned"),
        ("Bo", "job_change", "Bo's switch", date(2027, 2, 1), None, "planned"),
    ], id="a job is demanding only where it starts"),
])
def test_no_clash(plan_path: Path, specs: list[Spec]) -> None:
    pair, items = plan_with(plan_path, specs)
    assert find_clashes(pair, items) == []


def test_the_example_plan_warns_of_the_seattle_move(example_path: Path) -> None:
    pair, items, _ = read(example_path)
    clashes = {c.title.split(":")[0]: c for c in find_clashes(pair, items)}
    assert {"Q1 2027", "Q3 2027"} <= set(clashes)
    q1 = clashes["Q1 2027"].explanation()
    assert "• Rachel starts a new job (Head of Platform, Seattle startup)" in q1
    assert "• Our life: long-distance period (Long distance: Rachel in Seattle" in q1
    assert "dropped option" not in q1, "a dropped plan is no clash"
    q3 = clashes["Q3 2027"].explanation()
    assert "• Our life: move or relocation (Move to Seattle)" in q3
    assert "• Marcus starts a new job (Partner, Seattle office of a national firm)" in q3


def test_lead_times_so_far_and_in_the_whole_plan(plan_path: Path) -> None:
    add(plan_path,
        new_season(lane(plan_path, "Ana"), "Ana's turn", date(2026, 1, 1), date(2026, 12, 31)),
        new_season(lane(plan_path, "Bo"), "Bo's turn", date(2027, 1, 1), date(2027, 12, 31)))
    pair, _items, all_seasons = read(plan_path)
    ana, bo = lead_times(pair, all_seasons, TODAY)
    assert (ana.partner.name, bo.partner.name) == ("Ana", "Bo")
    assert ana.so_far == pytest.approx(181 / DAYS_PER_MONTH)  # Jan to June
    assert ana.in_plan == pytest.approx(365 / DAYS_PER_MONTH)
    assert bo.so_far == 0, "Bo's season is still to come"
    assert bo.in_plan == pytest.approx(365 / DAYS_PER_MONTH)
    assert describe_lead([ana, bo]) == (
        "Ana’s career has led 6 months so far (12 in the whole plan); "
        "Bo’s career has led 0 months so far (12 in the whole plan).")
    later = lead_times(pair, all_seasons, date(2030, 1, 1))
    assert [round(t.so_far) for t in later] == [12, 12], "after every season, all of it is past"


def test_an_uneven_lead_so_far_is_said_without_a_verdict(plan_path: Path) -> None:
    add(plan_path,
        new_season(lane(plan_path, "Ana"), "Ana's turn", date(2020, 1, 1), date(2023, 12, 31)),
        new_season(lane(plan_path, "Bo"), "Bo's turn", date(2027, 1, 1), date(2028, 12, 31)))
    pair, _items, all_seasons = read(plan_path)
    assert lead_uneven_so_far(lead_times(pair, all_seasons, TODAY)) == (
        "So far Ana’s career has led 48 months, Bo’s 0 months. Bo’s seasons to come: "
        "24 months.")
    # Once Bo has led half as long as Ana, it is even enough to say nothing.
    assert lead_uneven_so_far(lead_times(pair, all_seasons, date(2029, 1, 1))) == ""
    # Less than a year in all is too early to call uneven.
    assert lead_uneven_so_far(lead_times(pair, all_seasons, date(2020, 9, 1))) == ""


def test_lead_times_without_seasons(plan_path: Path) -> None:
    pair, _items, all_seasons = read(plan_path)
    assert describe_lead(lead_times(pair, all_seasons, TODAY)) == (
        "No seasons yet: add one to agree whose career leads when, "
        "and to see how the lead is shared over the years.")


# -- 7. the schema: a plan from before the roadmap gets one -----------------------------


def test_a_plan_from_format_1_can_hold_a_roadmap_after_upgrading(tmp_path: Path) -> None:
    path = tmp_path / "plan-v1.tandem"
    shutil.copyfile(DATA / "plan-v1.tandem", path)
    with PlanFile.open(path) as plan:
        assert plan.migrated_from == 1
        rachel, marcus = partners(plan)
        plan.apply(new_item("job", "Head of Platform", date(2027, 3, 1), date(2031, 2, 28),
                            rachel.uuid, notes="Seattle\nstartup", viewer=TOGETHER), TOGETHER)
        plan.apply(new_season(marcus.uuid, "Making partner", date(2019, 1, 1),
                              date(2026, 1, 15)), TOGETHER)
    pair, items, all_seasons = read(path)
    assert [p.name for p in pair] == ["Rachel", "Marcus"]
    (item,) = items
    assert (item.title, item.partner_uuid, item.notes) == ("Head of Platform", pair[0].uuid,
                                                           "Seattle\nstartup")
    assert (item.start_date, item.end_date) == (date(2027, 3, 1), date(2031, 2, 28))
    assert [(s.label, s.leader_uuid) for s in all_seasons] == [("Making partner", pair[1].uuid)]
    assert [p.field for p in pair] == ["Technology 🚀", "Corporate law · 企業法"]

