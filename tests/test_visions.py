"""Visions in the plan: each partner's own, hidden until both are finished
with the scenario, then revealed together; marks that follow their passage
as its author goes on writing; deleting with undo; and what the report may
show (never an unrevealed vision)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import resources
from models.base import new_uuid
from models.changes import inverse
from models.errors import PrivacyError, ValidationError
from models.exchange import rows_from_dict, visible_plan_to_dict
from models.partners import partners
from models.plan_file import PlanFile
from models.privacy import REPORT, TOGETHER, Viewer
from models.vision_edits import (
    delete_scenario,
    delete_vision,
    finish,
    new_mark,
    new_scenario,
    rename_scenario,
    store_schedule,
    store_section,
    unfinish,
)
from models.visions import (
    SECTION_MAX,
    SECTIONS,
    Scenario,
    Vision,
    day_in_the_life_summary,
    default_scenario_title,
    mark_places,
    scenario_marks,
    scenarios,
    sections,
    visions,
    word_count,
)
from tests.helpers import stored

SECRET = "Quit law for a pottery studio in Tofino ✶ zq-7731"


@pytest.fixture
def plan(plan_path: Path) -> Iterator[PlanFile]:
    with PlanFile.open(plan_path) as opened:
        yield opened


def people(plan: PlanFile) -> tuple[Viewer, Viewer]:
    ana, bo = partners(plan)
    return Viewer.partner(ana.uuid), Viewer.partner(bo.uuid)


def default() -> Scenario:
    return Scenario(uuid=new_uuid(), title=default_scenario_title(), position=0)


def write(plan: PlanFile, viewer: Viewer, scenario: Scenario, section: str, text: str) -> None:
    plan.apply(store_section(plan, viewer, scenario, section, text), viewer)


def reveal(plan: PlanFile, scenario: Scenario) -> None:
    for viewer in people(plan):
        plan.apply(finish(plan, viewer, scenario), viewer)


def text_of(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)


def test_the_sections_are_the_columns_and_the_prompts_come_from_the_seed() -> None:
    assert tuple(s.key for s in sections()) == SECTIONS
    assert set(SECTIONS) <= set(Vision.limits)
    titles = [s.title for s in sections()]
    assert titles == ["Morning and commute", "Workspace", "Colleagues", "The work itself",
                      "Challenges", "How work fits with personal life", "Free notes"]
    assert all(s.prompt and s.placeholder for s in sections())
    assert "commute, workspace, colleagues, tasks, challenges" in \
        resources.load_json("content/visions.json")["intro"]


def test_the_first_words_store_the_default_scenario_and_the_vision(plan: PlanFile,
                                                                    plan_path: Path) -> None:
    ana, _bo = people(plan)
    scenario = default()
    assert scenarios(plan) == []
    assert store_section(plan, ana, scenario, "commute", "") == (), "nothing to store"
    write(plan, ana, scenario, "commute", "By bike, twenty minutes 🚲")
    write(plan, ana, scenario, "tasks", "Design reviews\n\nand hiring")
    plan.close()
    data = stored(plan_path)["tables"]
    assert [s["title"] for s in data["vision_scenario"]] == ["A workday five years from now"]
    (row,) = data["vision"]
    assert (row["commute"], row["tasks"], row["author_uuid"], row["shared_at"]) == \
        ("By bike, twenty minutes 🚲", "Design reviews\n\nand hiring", ana.partner_uuid, None)


def test_nobody_writes_a_vision_without_sitting_down(plan: PlanFile) -> None:
    with pytest.raises(ValidationError, match="choose who is at the keyboard"):
        store_section(plan, TOGETHER, default(), "commute", "Ours")


def test_a_vision_is_hidden_from_the_other_and_both_together_until_both_are_done(
        plan: PlanFile) -> None:
    ana, bo = people(plan)
    scenario = default()
    write(plan, ana, scenario, "challenges", SECRET)
    write(plan, bo, scenario, "challenges", "Making partner by 40")
    for viewer in (bo, TOGETHER, REPORT):
        assert ana.partner_uuid not in visions(plan, viewer, scenario.uuid)
        assert "zq-7731" not in text_of(visible_plan_to_dict(plan, viewer))
    assert "zq-7731" in text_of(visible_plan_to_dict(plan, ana)), "the check can fail"
    plan.apply(finish(plan, ana, scenario), ana)
    assert ana.partner_uuid not in visions(plan, bo, scenario.uuid), "one done is no reveal"
    plan.apply(finish(plan, bo, scenario), bo)
    for viewer in (ana, bo, TOGETHER, REPORT):
        assert set(visions(plan, viewer, scenario.uuid)) == {ana.partner_uuid, bo.partner_uuid}
    plan.apply(unfinish(plan, bo, scenario), bo)
    assert ana.partner_uuid not in visions(plan, bo, scenario.uuid), "hidden again"


def test_nobody_changes_the_other_s_vision_even_revealed(plan: PlanFile) -> None:
    ana, bo = people(plan)
    scenario = default()
    write(plan, ana, scenario, "commute", "Train")
    write(plan, bo, scenario, "commute", "Car")
    reveal(plan, scenario)
    anas = visions(plan, bo, scenario.uuid)[ana.partner_uuid]
    from models.changes import update

    for viewer in (bo, TOGETHER):
        with pytest.raises(PrivacyError):
            plan.apply((update(anas, commute="Bus"),), viewer)
    with pytest.raises(ValidationError, match="Only the one who wrote a vision"):
        delete_vision(plan, bo, anas)


def test_being_finished_needs_something_written(plan: PlanFile) -> None:
    ana, _bo = people(plan)
    with pytest.raises(ValidationError, match="Write something first"):
        finish(plan, ana, default())
    scenario = default()
    plan.apply(store_schedule(plan, ana, scenario, "work_start", "9"), ana)
    assert finish(plan, ana, scenario), "a schedule alone is something"


def test_a_schedule_is_stored_as_typed_and_refused_at_the_field_typed(plan: PlanFile,
                                                                     plan_path: Path) -> None:
    ana, _bo = people(plan)
    scenario = default()
    plan.apply(store_schedule(plan, ana, scenario, "work_end", "5:30 pm"), ana)
    with pytest.raises(ValidationError) as caught:
        store_schedule(plan, ana, scenario, "work_start", "18:00")
    assert caught.value.field == "work_start", "said where it was typed"
    assert "can’t end at 17:30, before it starts at 18:00" in caught.value.message
    with pytest.raises(ValidationError, match="“nine” is not a time of day"):
        store_schedule(plan, ana, scenario, "work_start", "nine")
    plan.apply(store_schedule(plan, ana, scenario, "work_start", "08:30"), ana)
    plan.apply(store_schedule(plan, ana, scenario, "home_minutes", "1.5"), ana)
    plan.close()
    (row,) = stored(plan_path)["tables"]["vision"]
    assert (row["work_start"], row["work_end"], row["home_minutes"]) == (510, 1050, 90)


@pytest.mark.parametrize("text", [
    "Emoji 👩🏽‍💻🚆 and accents: crème brûlée, Ångström, naïve",
    "עברית: אני רוכבת לעבודה · العربية: أصل إلى المكتب",
    "中文：早上七点出门。日本語：朝七時に家を出る。한국어: 아침 일곱 시",
    "<b>bold</b> & <script>alert('x')</script> &amp; {{braces}} %s",
    "Tabs\tand\n\nblank lines\u00a0kept\u2028as typed  ",
])
def test_any_text_survives_the_round_trip_exactly(plan: PlanFile, plan_path: Path,
                                                  text: str) -> None:
    ana, _bo = people(plan)
    write(plan, ana, default(), "notes", text)
    plan.close()
    assert stored(plan_path)["tables"]["vision"][0]["notes"] == text


def test_a_megabyte_is_stored_whole_and_more_than_the_limit_refused(plan: PlanFile,
                                                                   plan_path: Path) -> None:
    ana, _bo = people(plan)
    scenario = default()
    megabyte = ("A line of the day, with a café ☕ and 東京.\n" * 30_000)[:1_000_000]
    write(plan, ana, scenario, "tasks", megabyte)
    with pytest.raises(ValidationError) as caught:
        store_section(plan, ana, scenario, "tasks", "x" * (SECTION_MAX + 1))
    assert (caught.value.field, caught.value.message) == (
        "tasks", f"The section “The work itself” is too long: {SECTION_MAX + 1} characters, "
        f"at most {SECTION_MAX}.")
    plan.close()
    assert stored(plan_path)["tables"]["vision"][0]["tasks"] == megabyte


@pytest.mark.parametrize(("text", "says"), [
    ("half an emoji \ud83d", "broken character"),
    ("a bell \x07 rings", "control character"),
    ("form\x0cfeed", "control character"),
])
def test_characters_the_plan_cannot_keep_are_refused_naming_the_section(
        plan: PlanFile, text: str, says: str) -> None:
    ana, _bo = people(plan)
    with pytest.raises(ValidationError) as caught:
        store_section(plan, ana, default(), "workspace", text)
    assert caught.value.field == "workspace" and says in caught.value.message
    assert "Workspace" in caught.value.message


def test_windows_line_endings_become_plain_ones(plan: PlanFile) -> None:
    ana, _bo = people(plan)
    scenario = default()
    write(plan, ana, scenario, "notes", "one\r\ntwo\rthree")
    assert visions(plan, ana, scenario.uuid)[ana.partner_uuid].notes == "one\ntwo\nthree"


def test_words_are_counted_as_a_writer_counts_them() -> None:
    assert word_count("") == 0
    assert word_count("  Home by six, every day. ") == 5
    assert word_count("It's a well-known café") == 6
    assert word_count("朝七時に家を出る") == 8, "each Chinese or Japanese character is a word"
    assert word_count("אני רוכבת לעבודה") == 3


# -- marks ---------------------------------------------------------------------------------

def revealed_pair(plan: PlanFile) -> tuple[Scenario, Vision, Vision]:
    ana, bo = people(plan)
    scenario = default()
    write(plan, ana, scenario, "personal_life", "I leave at five. We are home by six. Then "
                                                "dinner, bath and bedtime.")
    write(plan, bo, scenario, "commute", "Two long commutes and a toddler, every day.")
    reveal(plan, scenario)
    mine = visions(plan, TOGETHER, scenario.uuid)
    return scenario, mine[ana.partner_uuid], mine[bo.partner_uuid]


def place_of(plan: PlanFile, scenario: Scenario, vision: Vision) -> str | None:
    (mark,) = scenario_marks(plan, TOGETHER, scenario.uuid)
    current = visions(plan, TOGETHER, scenario.uuid)
    text = current[vision.author_uuid or ""].text(mark.section)
    place = mark_places([mark], {(mark.vision_uuid, mark.section): text})[mark.uuid]
    return None if place is None else text[place[0]:place[1]]


def test_a_mark_is_made_on_a_revealed_passage_by_either_partner_or_both(plan: PlanFile) -> None:
    scenario, anas, bos = revealed_pair(plan)
    ana, bo = people(plan)
    text = anas.personal_life
    start = text.index("We are home by six")
    plan.apply(new_mark(plan, bo, anas, "personal_life", start - 1, start + 19, "synergy",
                        "we both want to be home by six"), bo)
    (mark,) = scenario_marks(plan, ana, scenario.uuid)
    assert (mark.exact, mark.author_uuid, mark.kind) == ("We are home by six.", bo.partner_uuid,
                                                         "synergy"), "spaces are left out"
    assert mark.prefix == "I leave at five. " and mark.suffix.startswith(" Then dinner")
    plan.apply(new_mark(plan, TOGETHER, bos, "commute", 0, 9, "conflict", ""), TOGETHER)
    assert [m.author_uuid for m in scenario_marks(plan, TOGETHER, scenario.uuid)] == \
        [bo.partner_uuid, None]


def test_marks_wait_for_the_reveal_and_refuse_an_empty_passage(plan: PlanFile) -> None:
    ana, bo = people(plan)
    scenario = default()
    write(plan, ana, scenario, "commute", "Train")
    anas = visions(plan, ana, scenario.uuid)[ana.partner_uuid]
    with pytest.raises(ValidationError, match="once both visions are revealed"):
        new_mark(plan, ana, anas, "commute", 0, 5, "synergy")
    write(plan, bo, scenario, "commute", "Car")
    reveal(plan, scenario)
    with pytest.raises(ValidationError, match="Select the words"):
        new_mark(plan, ana, anas, "commute", 2, 2, "synergy")
    with pytest.raises(ValidationError, match="is not a kind of mark"):
        new_mark(plan, ana, anas, "commute", 0, 5, "maybe")
    with pytest.raises(ValidationError, match="The note is too long"):
        new_mark(plan, ana, anas, "commute", 0, 5, "synergy", "n" * 301)


def test_a_mark_follows_its_passage_as_its_author_writes_before_and_inside_it(
        plan: PlanFile) -> None:
    scenario, anas, _bos = revealed_pair(plan)
    ana, _bo = people(plan)
    text = anas.personal_life
    start = text.index("home by six")
    plan.apply(new_mark(plan, TOGETHER, anas, "personal_life", start, start + 11, "synergy",
                        "dinner together"), TOGETHER)
    before = "Up at 6:30, coffee first. " + text
    write(plan, ana, scenario, "personal_life", before)
    assert place_of(plan, scenario, anas) == "home by six"
    inside = before.replace("home by six", "home by half past six")
    edit = store_section(plan, ana, scenario, "personal_life", inside)
    assert {change.table for change in edit} == {"vision", "vision_mark"}, \
        "the mark moves in the same step as the words"
    plan.apply(edit, ana)
    assert place_of(plan, scenario, anas) == "home by half past six"
    (mark,) = scenario_marks(plan, TOGETHER, scenario.uuid)
    assert mark.exact == "home by half past six"
    plan.apply(inverse(edit), ana)
    assert place_of(plan, scenario, anas) == "home by six", "undo puts the mark back too"


def test_a_mark_whose_passage_is_deleted_says_so_and_returns_with_undo(plan: PlanFile) -> None:
    scenario, anas, _bos = revealed_pair(plan)
    ana, _bo = people(plan)
    text = anas.personal_life
    start = text.index("We are home by six.")
    plan.apply(new_mark(plan, ana, anas, "personal_life", start, start + 19, "synergy"), ana)
    edit = store_section(plan, ana, scenario, "personal_life",
                         text.replace("We are home by six. ", ""))
    plan.apply(edit, ana)
    assert place_of(plan, scenario, anas) is None
    (summary,) = day_in_the_life_summary(plan, REPORT)
    assert [(m.passage, m.found) for m in summary.marks] == [("We are home by six.", False)]
    plan.apply(inverse(edit), ana)
    assert place_of(plan, scenario, anas) == "We are home by six."


# -- deleting ------------------------------------------------------------------------------

def test_deleting_a_vision_or_a_scenario_and_undoing_restores_the_file(qapp: Any,
                                                                      plan_path: Path) -> None:
    from tests.helpers import assert_delete_and_undo_restore_the_file
    from ui.document import PlanDocument

    document = PlanDocument(PlanFile.open(plan_path))
    try:
        plan = document.plan
        scenario, anas, bos = revealed_pair(plan)
        ana, bo = people(plan)
        plan.apply(new_mark(plan, bo, anas, "personal_life", 0, 5, "conflict", "early"), bo)
        plan.apply(new_mark(plan, TOGETHER, bos, "commute", 0, 9, "synergy", ""), TOGETHER)
        document.set_viewer(ana)
        edit = delete_vision(plan, ana, anas)
        assert sorted(c.table for c in edit) == ["reveal", "vision", "vision_mark"], \
            "her vision, the mark on it, and her “finished”"
        assert_delete_and_undo_restore_the_file(document, "Delete my vision", edit)
        document.set_viewer(bo)  # either of you may delete the scenario, with all of it
        edit = delete_scenario(plan, scenarios(plan)[0])
        assert sorted(c.table for c in edit) == ["reveal", "reveal", "vision", "vision",
                                                 "vision_mark", "vision_mark",
                                                 "vision_scenario"]
        assert_delete_and_undo_restore_the_file(document, "Delete the scenario", edit)
    finally:
        document.close()


def test_scenarios_are_added_renamed_and_kept_apart(plan: PlanFile, plan_path: Path) -> None:
    seattle, edit = new_scenario(plan, "  If we move to Seattle ")
    plan.apply(edit, TOGETHER)
    chicago, edit = new_scenario(plan, "If we stay in Chicago")
    plan.apply(edit, TOGETHER)
    with pytest.raises(ValidationError, match="There is already a scenario “If we move to "
                                              "Seattle”"):
        plan.apply(new_scenario(plan, "if we move to seattle")[1], TOGETHER)
    with pytest.raises(ValidationError, match="can’t be empty"):
        new_scenario(plan, "   ")
    with pytest.raises(ValidationError, match="too long"):
        new_scenario(plan, "x" * 121)
    unsaved = default()
    plan.apply(rename_scenario(plan, unsaved, "Ten years from now"), TOGETHER)
    plan.apply(rename_scenario(plan, chicago, "If we stay <in> Chicago & co"), TOGETHER)
    assert [s.title for s in scenarios(plan)] == [
        "If we move to Seattle", "Ten years from now", "If we stay <in> Chicago & co"]
    plan.close()
    rows = stored(plan_path)["tables"]["vision_scenario"]
    assert {(r["title"], r["position"]) for r in rows} == {
        ("If we move to Seattle", 0), ("Ten years from now", 0),
        ("If we stay <in> Chicago & co", 1)}, "stored trimmed, markup as typed"


# -- the report ----------------------------------------------------------------------------

def test_the_report_shows_revealed_visions_side_by_side_and_never_an_unrevealed_one(
        plan: PlanFile) -> None:
    scenario, anas, _bos = revealed_pair(plan)
    ana, bo = people(plan)
    plan.apply(store_schedule(plan, ana, scenario, "leave_home", "7:30"), ana)
    plan.apply(store_schedule(plan, ana, scenario, "back_home", "18:00"), ana)
    plan.apply(store_schedule(plan, bo, scenario, "leave_home", "8:00"), bo)
    plan.apply(store_schedule(plan, bo, scenario, "back_home", "19:30"), bo)
    plan.apply(new_mark(plan, bo, anas, "personal_life", 0, 16, "synergy", "early evenings"), bo)
    hidden, edit = new_scenario(plan, "If we move to Seattle")
    plan.apply(edit, TOGETHER)
    write(plan, ana, hidden, "notes", SECRET)
    plan.apply(finish(plan, ana, hidden), ana)

    summaries = day_in_the_life_summary(plan, REPORT)
    shown, waiting = summaries
    assert (shown.title, shown.revealed) == ("A workday five years from now", True)
    assert [v.name for v in shown.visions] == ["Ana", "Bo"]
    assert [s.title for s in shown.visions[0].sections] == [s.title for s in sections()]
    assert shown.visions[0].sections[5].text.startswith("I leave at five.")
    assert [(m.kind.label, m.note, m.partner_name, m.marked_by, m.passage, m.found)
            for m in shown.marks] == [("Synergy", "early evenings", "Ana", "Bo",
                                       "I leave at five.", True)]
    assert shown.day is not None
    assert shown.day.findings[0] == "Nobody is home from 08:00 to 18:00 (10 h)."
    assert (waiting.title, waiting.revealed, waiting.done, waiting.visions) == \
        ("If we move to Seattle", False, ("Ana",), ())
    for viewer in (REPORT, TOGETHER, bo):
        assert "zq-7731" not in repr(day_in_the_life_summary(plan, viewer))
    assert "zq-7731" in visions(plan, ana, hidden.uuid)[ana.partner_uuid].notes, \
        "the search can find it"


# -- older plans and the example -------------------------------------------------------------

def test_a_format_4_plan_upgrades_to_hold_visions(tmp_path: Path) -> None:
    path = tmp_path / "plan-v4.tandem"
    shutil.copyfile(Path(__file__).parent / "data" / "plan-v4.tandem", path)
    with PlanFile.open(path) as plan:
        assert plan.migrated_from == 4
        assert scenarios(plan) == []
        rachel, _marcus = people(plan)
        scenario = default()
        write(plan, rachel, scenario, "commute", "Light rail 🚈")
        assert visions(plan, rachel, scenario.uuid)[rachel.partner_uuid].commute == \
            "Light rail 🚈"


def test_the_example_plan_has_both_visions_revealed_with_marks_and_schedules(
        tmp_path: Path) -> None:
    data = resources.load_json("examples/rachel-and-marcus.json")
    assert data["schema"] >= 6  # the step that holds visions, or later
    plan = PlanFile.create(tmp_path / "example.tandem", rows_from_dict(data))
    try:
        five, chicago = day_in_the_life_summary(plan, REPORT)
        assert five.revealed and [v.name for v in five.visions] == ["Rachel", "Marcus"]
        assert all(s.text for v in five.visions for s in v.sections), "every section written"
        assert len(five.marks) >= 4 and all(m.found for m in five.marks)
        assert {m.kind.id for m in five.marks} == {"synergy", "conflict"}
        assert {m.marked_by for m in five.marks} == {"Rachel", "Marcus", "Both of you"}
        assert five.day is not None and five.day.nobody_home
        assert (chicago.revealed, chicago.done) == (False, ("Rachel",))
        marcus = Viewer.partner(partners(plan)[1].uuid)
        assert "Blue Line" not in text_of(visible_plan_to_dict(plan, marcus)), \
            "Rachel's Chicago vision waits for Marcus"
    finally:
        plan.close()


def test_a_plan_of_format_6_keeps_its_visions_and_their_privacy(tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "plan-v6.tandem"
    shutil.copyfile(Path(__file__).parent / "data" / "plan-v6.tandem", path)
    with PlanFile.open(path) as plan:
        summary = {s.title: s for s in day_in_the_life_summary(plan, REPORT)}
        five = summary["A workday five years from now"]
        assert five.revealed and len(five.marks) == 4
        assert [m.found for m in five.marks].count(False) == 1  # its passage was rewritten
        texts = " ".join(section.text for vision in five.visions for section in vision.sections)
        assert "带团队" in texts and "שלום" in texts and "\t" in texts
        seattle = summary["If we move to Seattle <soon> 🌲"]
        assert not seattle.revealed and seattle.done == ("Rachel",)
        assert "🤐" not in repr(seattle)
