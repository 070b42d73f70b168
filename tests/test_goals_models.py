"""Goals, wins and the opportunity-cost log in the plan file: stored as typed
and read back after reopening, refused with the field named, their roadmap
markers made in the same edit and kept in step, the note of appreciation the
other partner's alone, the passed-up count for the lead balance, and the
wins offered as evidence at the next check-in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from models.changes import inverse
from models.checklist import new_checkin
from models.errors import ValidationError
from models.goals import (
    appreciate,
    delete_row,
    edit_goal,
    edit_win,
    goals,
    log_win,
    marker,
    new_goal,
    place_goal,
    take_goal_off_roadmap,
    wins,
    wins_evidence,
    wins_since_last_checkin,
)
from models.partners import Partner, partners
from models.passed_up import (
    edit_passed_up,
    log_passed_up,
    passed_up,
    passed_up_counts,
    passed_up_lines,
    passed_up_sentence,
)
from models.plan_file import PlanFile
from models.privacy import TOGETHER, Viewer
from models.roadmap import remove, roadmap_items
from tests.helpers import stored

TODAY = date(2026, 11, 24)
HOSTILE = "<b>Lead & “grow”</b> 🚀 צוות 团队 \u200f!"


@pytest.fixture
def plan(plan_path: Path) -> Iterator[PlanFile]:
    with PlanFile.open(plan_path) as opened:
        yield opened


def pair(plan: PlanFile) -> tuple[Partner, Partner]:
    ana, bo = partners(plan)
    return ana, bo


def as_partner(partner: Partner) -> Viewer:
    return Viewer.partner(partner.uuid)


def test_a_goal_is_stored_as_typed_and_read_back_after_reopening(plan: PlanFile,
                                                                 plan_path: Path) -> None:
    ana, _bo = pair(plan)
    plan.apply(new_goal(ana.uuid, HOSTILE, "long", strengths="Ana: 耐心\nBo: <i>network</i>",
                        weaknesses="  Impatience  ", overlaps=True,
                        target_date=date(2030, 6, 30)), TOGETHER)
    plan.close()
    (row,) = stored(plan_path)["tables"]["goal"]
    assert row["title"] == HOSTILE.strip()
    assert row["strengths"] == "Ana: 耐心\nBo: <i>network</i>"
    assert row["weaknesses"] == "Impatience", "trimmed once, when written"
    assert (row["horizon"], row["overlaps"], row["target_date"]) == ("long", True, "2030-06-30")


@pytest.mark.parametrize(("values", "field", "words"), [
    ({"title": "   "}, "title", "The goal can’t be empty."),
    ({"title": "x" * 121}, "title", "too long: 121 characters, at most 120"),
    ({"horizon": "someday"}, "horizon", "is not short or long term"),
    ({"target_date": date(2200, 1, 1)}, "target_date", "out of range"),
    ({"strengths": "bad \x07 bell"}, "strengths", "control character"),
    ({"weaknesses": "half \ud83d emoji"}, "weaknesses", "broken character"),
])
def test_a_goal_refused_names_its_field_and_nothing_is_stored(
        plan: PlanFile, values: dict[str, Any], field: str, words: str) -> None:
    ana, _bo = pair(plan)
    arguments: dict[str, Any] = {"title": "Lead a team", "horizon": "short", **values}
    with pytest.raises(ValidationError) as refused:
        plan.apply(new_goal(ana.uuid, arguments.pop("title"), arguments.pop("horizon"),
                            **arguments), TOGETHER)
    assert refused.value.field == field and refused.value.table == "goal"
    assert words in refused.value.message
    assert goals(plan) == []


def test_a_goal_placed_on_the_roadmap_keeps_its_marker_in_step(plan: PlanFile) -> None:
    ana, _bo = pair(plan)
    plan.apply(new_goal(ana.uuid, "Lead a team", target_date=date(2028, 3, 1)), TOGETHER)
    (goal,) = goals(plan)
    placed = place_goal(goal, TOGETHER, TODAY)
    plan.apply(placed, TOGETHER)
    (goal,) = goals(plan)
    item = marker(plan, TOGETHER, goal)
    assert item is not None
    assert (item.kind, item.title, item.start_date, item.partner_uuid, item.status) == \
        ("goal", "Lead a team", date(2028, 3, 1), ana.uuid, "planned")
    assert place_goal(goal, TOGETHER, TODAY) == (), "placed once"
    plan.apply(edit_goal(plan, TOGETHER, goal, title="Lead two teams", overlaps=True,
                         status="reached", target_date=date(2029, 1, 1)), TOGETHER)
    (goal,) = goals(plan)
    item = marker(plan, TOGETHER, goal)
    assert item is not None
    assert (item.title, item.start_date, item.partner_uuid, item.status) == \
        ("Lead two teams", date(2029, 1, 1), None, "done"), "an overlapping goal: Our life"
    plan.apply(take_goal_off_roadmap(plan, TOGETHER, goal), TOGETHER)
    (goal,) = goals(plan)
    assert goal.roadmap_item_uuid is None and roadmap_items(plan, TOGETHER) == []


def test_a_goal_without_a_date_goes_on_the_roadmap_today(plan: PlanFile) -> None:
    ana, _bo = pair(plan)
    plan.apply(new_goal(ana.uuid, "Write a book"), TOGETHER)
    plan.apply(place_goal(goals(plan)[0], TOGETHER, TODAY), TOGETHER)
    (item,) = roadmap_items(plan, TOGETHER)
    assert item.start_date == TODAY


def test_deleting_a_marker_on_the_roadmap_leaves_the_goal_and_undo_relinks_it(
        plan: PlanFile) -> None:
    ana, _bo = pair(plan)
    plan.apply(new_goal(ana.uuid, "Lead a team"), TOGETHER)
    plan.apply(place_goal(goals(plan)[0], TOGETHER, TODAY), TOGETHER)
    linked = goals(plan)[0].roadmap_item_uuid
    edit = remove(plan, roadmap_items(plan, TOGETHER))
    plan.apply(edit, TOGETHER)
    assert goals(plan)[0].roadmap_item_uuid is None
    plan.apply(inverse(edit), TOGETHER)
    assert goals(plan)[0].roadmap_item_uuid == linked


def test_a_win_is_logged_with_its_marker_in_one_edit_and_deleted_with_it(
        plan: PlanFile) -> None:
    ana, _bo = pair(plan)
    edit = log_win(ana.uuid, "Closed the deal", date(2026, 9, 30), viewer=TOGETHER,
                   notes="Big one")
    plan.apply(edit, TOGETHER)
    (win,) = wins(plan)
    (item,) = roadmap_items(plan, TOGETHER)
    assert win.roadmap_item_uuid == item.uuid
    assert (item.kind, item.partner_uuid, item.start_date, item.status) == \
        ("win", ana.uuid, date(2026, 9, 30), "done")
    plan.apply(edit_win(plan, TOGETHER, win, title="Closed the Harlan deal",
                        won_on=date(2026, 10, 1)), TOGETHER)
    (item,) = roadmap_items(plan, TOGETHER)
    assert (item.title, item.start_date) == ("Closed the Harlan deal", date(2026, 10, 1))
    gone = delete_row(plan, TOGETHER, wins(plan)[0])
    plan.apply(gone, TOGETHER)
    assert wins(plan) == [] and roadmap_items(plan, TOGETHER) == []
    plan.apply(inverse(gone), TOGETHER)
    assert [w.title for w in wins(plan)] == ["Closed the Harlan deal"]
    assert len(roadmap_items(plan, TOGETHER)) == 1


def test_a_win_refused_before_its_marker_names_the_win_s_field(plan: PlanFile) -> None:
    ana, _bo = pair(plan)
    with pytest.raises(ValidationError) as refused:
        log_win(ana.uuid, "", TODAY, viewer=TOGETHER)
    assert (refused.value.table, refused.value.field) == ("win", "title")
    with pytest.raises(ValidationError) as refused:
        log_win(ana.uuid, "Award", date(1900, 1, 1), viewer=TOGETHER)
    assert (refused.value.table, refused.value.field) == ("win", "won_on")


def test_only_the_other_partner_writes_the_note_of_appreciation(plan: PlanFile) -> None:
    ana, bo = pair(plan)
    plan.apply(log_win(ana.uuid, "Promotion", TODAY, viewer=TOGETHER), TOGETHER)
    (win,) = wins(plan)
    for viewer in (as_partner(ana), TOGETHER):
        with pytest.raises(ValidationError) as refused:
            appreciate(win, viewer, "Well done me")
        assert refused.value.field == "appreciation"
        assert "other partner" in refused.value.message
    with pytest.raises(ValueError, match="appreciate"):
        edit_win(plan, TOGETHER, win, appreciation="sneaky")
    plan.apply(appreciate(win, as_partner(bo), "  So proud of you 🎉 <3  "), as_partner(bo))
    assert wins(plan)[0].appreciation == "So proud of you 🎉 <3"


def test_an_entry_of_the_log_has_its_marker_in_the_lane_of_who_passed_it_up(
        plan: PlanFile) -> None:
    ana, bo = pair(plan)
    plan.apply(log_passed_up(ana.uuid, HOSTILE, date(2025, 3, 1), viewer=as_partner(bo),
                             gained="Time together", lost="A bigger title"), as_partner(bo))
    (entry,) = passed_up(plan)
    item = marker(plan, TOGETHER, entry)
    assert item is not None
    assert (item.kind, item.partner_uuid, item.start_date) == ("passed_up", ana.uuid,
                                                               date(2025, 3, 1))
    assert item.title == ("Passed up: " + HOSTILE.strip())[:120]
    plan.apply(edit_passed_up(plan, TOGETHER, entry, partner_uuid=bo.uuid, title="Offer"),
               TOGETHER)
    item = marker(plan, TOGETHER, passed_up(plan)[0])
    assert item is not None and (item.partner_uuid, item.title) == (bo.uuid, "Passed up: Offer")
    with pytest.raises(ValidationError) as refused:
        log_passed_up(ana.uuid, "Offer", date(2025, 3, 1), viewer=TOGETHER, lost="x" * 2001)
    assert (refused.value.table, refused.value.field) == ("passed_up", "lost")
    assert len(passed_up(plan)) == 1


def test_the_passed_up_count_beside_the_lead_balance(plan: PlanFile) -> None:
    ana, bo = pair(plan)
    assert passed_up_sentence(plan) == ""
    for title in ("Offer A", "Offer B"):
        plan.apply(log_passed_up(ana.uuid, title, TODAY, viewer=TOGETHER), TOGETHER)
    assert passed_up_sentence(plan) == (
        "Passed up for the relationship (the opportunity-cost log): Ana 2 opportunities, "
        "Bo none.")
    plan.apply(log_passed_up(bo.uuid, "Offer C", TODAY, viewer=TOGETHER), TOGETHER)
    assert [c.count for c in passed_up_counts(plan)] == [2, 1]
    assert "Bo 1 opportunity." in passed_up_sentence(plan)
    assert sorted(line.partner for line in passed_up_lines(plan)) == ["Ana", "Ana", "Bo"]


def test_wins_since_the_last_check_in_are_the_evidence_for_the_next(plan: PlanFile) -> None:
    ana, bo = pair(plan)
    assert wins_evidence(plan, TODAY) == "No wins logged so far: small ones count too."
    for who, title, day in ((ana, "Old win", date(2026, 5, 1)),
                            (bo, "On the day", date(2026, 8, 22)),
                            (ana, "New win", date(2026, 9, 30)),
                            (bo, "Future", date(2027, 1, 1))):
        plan.apply(log_win(who.uuid, title, day, viewer=TOGETHER), TOGETHER)
    assert [w.title for w in wins_since_last_checkin(plan, TODAY)] == \
        ["Old win", "On the day", "New win"], "no check-in yet: every win so far"
    plan.apply(new_checkin(plan, date(2026, 8, 22), TODAY), TOGETHER)
    plan.apply(new_checkin(plan, date(2026, 12, 1), date(2026, 12, 1)), TOGETHER)
    assert [w.title for w in wins_since_last_checkin(plan, TODAY)] == ["New win"], \
        "after the day of the last check-in held, up to today"
    win = next(w for w in wins(plan) if w.title == "New win")
    plan.apply(appreciate(win, as_partner(bo), "Bravo"), as_partner(bo))
    assert wins_evidence(plan, TODAY) == (
        "1 win logged since the check-in of 22 August 2026 (Ana: New win); 1 of them with a "
        "note of appreciation from the other partner.")


def test_the_example_couple_has_goals_wins_and_passed_up_opportunities(
        tmp_path: Path) -> None:
    import resources
    from models.exchange import rows_from_dict

    path = tmp_path / "example.tandem"
    with PlanFile.create(path, rows_from_dict(
            resources.load_json("examples/rachel-and-marcus.json"))) as example:
        assert {g.horizon for g in goals(example)} == {"short", "long"}
        assert sum(g.overlaps for g in goals(example)) == 2
        assert all(p.roadmap_item_uuid for p in passed_up(example))
        assert [c.count for c in passed_up_counts(example)] == [1, 1]
        assert wins_evidence(example, TODAY).startswith(
            "2 wins logged since the check-in of 22 August 2026")


def test_a_plan_of_format_10_keeps_its_goals_wins_and_markers(tmp_path: Path) -> None:
    import shutil

    from models import goals as g
    from models import passed_up as p

    path = tmp_path / "plan-v10.tandem"
    shutil.copyfile(Path(__file__).parent / "data" / "plan-v10.tandem", path)
    with PlanFile.open(path) as plan:
        rachel, marcus = partners(plan)
        found = {goal.title: goal for goal in g.goals(plan)}
        talk = found["Speak at <PyCon> & 🎤 大会 — כנס"]
        assert (talk.partner_uuid, talk.horizon, talk.strengths) == (
            rachel.uuid, "short", "Knows the subject\nPractised speaker at home")
        practice = found["Our own practice"]
        flags = {item.uuid: item for item in roadmap_items(plan, TOGETHER)}
        assert practice.overlaps and flags[practice.roadmap_item_uuid].partner_uuid is None
        assert found["Pass the bar"].status == "reached"
        won = {win.title: win for win in g.wins(plan)}
        assert won["Promoted <lead> 🎉"].appreciation == "So proud of you ❤️\nTruly."
        assert won["First client in Seattle"].appreciation == ""
        assert won["Marker deleted win"].roadmap_item_uuid is None
        zurich = next(entry for entry in p.passed_up(plan) if entry.title == "Job in Zurich")
        assert len(zurich.lost) > 1900 and zurich.roadmap_item_uuid in flags
        assert p.passed_up_brief(plan) == "Passed up for the relationship: Rachel 1, Marcus 1."


def test_the_reminder_of_a_win_speaks_to_whoever_is_at_the_keyboard(plan: PlanFile) -> None:
    from models.goals import goals_notice

    ana, bo = partners(plan)
    plan.apply(log_win(ana.uuid, "Shipped <v2>", date(2026, 11, 2), viewer=TOGETHER), TOGETHER)
    today = date(2026, 11, 24)
    assert goals_notice(plan, today, you=ana.uuid) == (
        "Your win “Shipped <v2>” is waiting for Bo’s note of appreciation.")
    assert goals_notice(plan, today, you=bo.uuid) == (
        "Ana’s win “Shipped <v2>” is waiting for your note of appreciation.")
    assert goals_notice(plan, today) == ("Ana’s win “Shipped <v2>” is waiting for a note of "
                                         "appreciation from the other partner.")
