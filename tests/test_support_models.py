"""Support structures without Qt: budgets, the board of directors (with
private members), the household balance, the burnout protocol and pivot
exploration periods on the roadmap."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from models.changes import inverse
from models.errors import PrivacyError, ValidationError
from models.partners import partners
from models.plan_file import PlanFile
from models.privacy import REPORT, TOGETHER, Viewer
from models.roadmap import remove, roadmap_items
from models.support import (
    add_board_member,
    add_budget_line,
    add_pivot,
    add_task,
    board_members,
    budget_lines,
    budget_totals,
    burnout_protocol,
    delete_pivot,
    edit_pivot,
    edit_row,
    household_balance,
    household_shares,
    household_tasks,
    parse_number,
    pivot_notice,
    pivot_periods,
    set_burnout,
    share_member,
)
from tests.helpers import stored


@pytest.fixture
def plan(plan_path: Path) -> Iterator[PlanFile]:
    with PlanFile.open(plan_path) as opened:
        yield opened


def test_a_budget_line_keeps_money_and_hours_after_reopening(plan: PlanFile,
                                                             plan_path: Path) -> None:
    ana, bo = partners(plan)
    plan.apply(add_budget_line(plan, ana.uuid, "courses", money_per_month="1 200",
                               hours_per_month="6,5", money_used=800, hours_used="4"), TOGETHER)
    plan.apply(add_budget_line(plan, bo.uuid), TOGETHER)  # the first free category
    plan.close()
    rows = sorted(stored(plan_path)["tables"]["support_budget"],
                  key=lambda r: r["partner_uuid"] != ana.uuid)
    assert (rows[0]["money_per_month"], rows[0]["hours_per_month"], rows[0]["money_used"],
            rows[0]["hours_used"]) == (1200, 6.5, 800, 4.0)
    assert rows[1]["category"] == "courses" and rows[1]["money_per_month"] == 0


@pytest.mark.parametrize(("typed", "message"), [
    ("abc", "must be a number"), ("-3", "can’t be below 0"), ("1e12", "at most"),
    ("nan", "can’t be below 0"), ("12.50", "whole amount"), ("<b>&</b>", "must be a number"),
    ("١٢", None), ("🙂", "must be a number")])
def test_money_typed_wrong_is_refused_naming_the_field(plan: PlanFile, typed: str,
                                                       message: str | None) -> None:
    ana = partners(plan)[0]
    if message is None:  # Arabic-Indic digits are digits to Python: 12
        assert parse_number(typed, "money_per_month", "Money a month", 10**9) == 12
        return
    with pytest.raises(ValidationError, match=message) as caught:
        add_budget_line(plan, ana.uuid, "courses", money_per_month=typed)
    assert caught.value.field == "money_per_month"


def test_a_category_is_in_a_partner_s_budget_once(plan: PlanFile) -> None:
    ana, bo = partners(plan)
    plan.apply(add_budget_line(plan, ana.uuid, "courses"), TOGETHER)
    plan.apply(add_budget_line(plan, bo.uuid, "courses"), TOGETHER)  # the other's: fine
    with pytest.raises(ValidationError, match="in this partner’s budget already"):
        plan.apply(add_budget_line(plan, ana.uuid, "courses"), TOGETHER)
    assert len(budget_lines(plan)) == 2


def test_budget_totals_sum_each_partner_s_lines(plan: PlanFile) -> None:
    ana, bo = partners(plan)
    plan.apply(add_budget_line(plan, ana.uuid, "courses", money_per_month=100,
                               hours_per_month=2.5)
               + add_budget_line(plan, ana.uuid, "job_search", money_per_month=50,
                                 hours_per_month=10, hours_used=12), TOGETHER)
    totals = {t.name: t for t in budget_totals(plan)}
    assert (totals["Ana"].money_per_month, totals["Ana"].hours_per_month,
            totals["Ana"].hours_used) == (150, 12.5, 12)
    assert totals["Bo"].money_per_month == 0


def test_a_private_board_member_is_seen_by_its_writer_alone_until_shared(
        plan: PlanFile) -> None:
    ana, bo = partners(plan)
    as_ana, as_bo = Viewer.partner(ana.uuid), Viewer.partner(bo.uuid)
    plan.apply(add_board_member(as_ana, ana.uuid, "Dr. Quill zq-44", "therapist",
                                only_me=True), as_ana)
    assert [m.name for m in board_members(plan, as_ana)] == ["Dr. Quill zq-44"]
    for viewer in (as_bo, TOGETHER, REPORT):
        assert board_members(plan, viewer) == []
    (member,) = board_members(plan, as_ana)
    with pytest.raises(PrivacyError):
        plan.apply(edit_row(member, name="Renamed"), as_bo)
    plan.apply(share_member(member), as_ana)
    assert [m.name for m in board_members(plan, REPORT)] == ["Dr. Quill zq-44"]


def test_keeping_a_member_private_needs_someone_at_the_keyboard(plan: PlanFile) -> None:
    with pytest.raises(ValidationError, match="choose who you are"):
        add_board_member(TOGETHER, partners(plan)[0].uuid, "Kim", only_me=True)
    with pytest.raises(ValidationError, match="name can’t be empty"):
        add_board_member(TOGETHER, partners(plan)[0].uuid, "  ")


def test_the_household_balance_counts_shared_tasks_half_and_names_invisible_labor(
        plan: PlanFile) -> None:
    ana, bo = partners(plan)
    plan.apply(add_task("Cooking", ana.uuid, "7") + add_task("Laundry", None, "3")
               + add_task("Remembering birthdays", ana.uuid, "2", invisible=True)
               + add_task("Bins", bo.uuid, 1), TOGETHER)
    shares = {s.name: s for s in household_shares(plan)}
    assert (shares["Ana"].visible_hours, shares["Ana"].invisible_hours) == (8.5, 2)
    assert shares["Bo"].hours == 2.5
    sentence = household_balance(list(shares.values()))
    assert sentence.startswith("Ana carries 10.5 h a week (81%), Bo 2.5 h (19%).")
    assert "Invisible labor: 2 h, 100% of it by Ana" in sentence and "uneven" in sentence
    assert "No household hours yet" in household_balance([])


def test_hours_a_week_are_at_most_a_week(plan: PlanFile) -> None:
    with pytest.raises(ValidationError, match="Hours a week is at most 168"):
        add_task("Everything", None, 169)
    (task,) = add_task("Cooking", None, "2.25")
    assert task.after is not None and task.after["hours_per_week"] == 2.2


def test_the_burnout_protocol_is_one_row_made_on_first_use(plan: PlanFile,
                                                           plan_path: Path) -> None:
    plan.apply(set_burnout(plan, signals="“Red day” in our chat"), TOGETHER)
    plan.apply(set_burnout(plan, protocol="We cancel the weekend plans.\nI cook."), TOGETHER)
    row = burnout_protocol(plan)
    assert row is not None and row.signals == "“Red day” in our chat"
    assert row.protocol == "We cancel the weekend plans.\nI cook."
    plan.close()
    assert len(stored(plan_path)["tables"]["burnout_protocol"]) == 1


def test_a_pivot_is_a_phase_on_the_roadmap_that_follows_its_edits(plan: PlanFile) -> None:
    ana, bo = partners(plan)
    edit = add_pivot(TOGETHER, ana.uuid, "Teaching <maths> 📐", date(2027, 1, 1),
                     date(2027, 6, 30), "Whether a school will have me by June")
    plan.apply(edit, TOGETHER)
    (pivot,) = pivot_periods(plan)
    (item,) = roadmap_items(plan, TOGETHER)
    assert (item.kind, item.title, item.partner_uuid, item.start_date, item.end_date) == \
        ("pivot", "Teaching <maths> 📐", ana.uuid, date(2027, 1, 1), date(2027, 6, 30))
    assert pivot.roadmap_item_uuid == item.uuid
    plan.apply(edit_pivot(plan, TOGETHER, pivot, what="Teaching", end_date=date(2027, 9, 30),
                          partner_uuid=bo.uuid), TOGETHER)
    (item,) = roadmap_items(plan, TOGETHER)
    assert (item.title, item.end_date, item.partner_uuid) == ("Teaching", date(2027, 9, 30),
                                                              bo.uuid)
    with pytest.raises(ValidationError, match="before the start"):
        edit_pivot(plan, TOGETHER, pivot_periods(plan)[0], end_date=date(2026, 1, 1))


def test_deleting_a_pivot_takes_its_phase_and_undo_brings_both_back(plan: PlanFile) -> None:
    ana = partners(plan)[0]
    plan.apply(add_pivot(TOGETHER, ana.uuid, "Law → design", date(2027, 1, 1),
                         date(2027, 3, 31)), TOGETHER)
    edit = delete_pivot(plan, TOGETHER, pivot_periods(plan)[0])
    plan.apply(edit, TOGETHER)
    assert pivot_periods(plan) == [] and roadmap_items(plan, TOGETHER) == []
    plan.apply(inverse(edit), TOGETHER)
    assert pivot_periods(plan)[0].roadmap_item_uuid == roadmap_items(plan, TOGETHER)[0].uuid


def test_deleting_the_phase_on_the_roadmap_keeps_the_pivot(plan: PlanFile) -> None:
    ana = partners(plan)[0]
    plan.apply(add_pivot(TOGETHER, ana.uuid, "Design", date(2027, 1, 1), date(2027, 3, 31)),
               TOGETHER)
    plan.apply(remove(plan, roadmap_items(plan, TOGETHER)), TOGETHER)
    (pivot,) = pivot_periods(plan)
    assert pivot.roadmap_item_uuid is None


def test_a_pivot_whose_time_is_up_is_a_notice(plan: PlanFile) -> None:
    ana = partners(plan)[0]
    plan.apply(add_pivot(TOGETHER, ana.uuid, "Design", date(2027, 1, 1), date(2027, 3, 31),
                         on_roadmap=False), TOGETHER)
    assert pivot_notice(plan, date(2027, 2, 1)) == ""
    assert "ends in 3 days" in pivot_notice(plan, date(2027, 3, 28))
    assert "time to decide" in pivot_notice(plan, date(2027, 4, 2))
    plan.apply(edit_row(pivot_periods(plan)[0], status="going_ahead"), TOGETHER)
    assert pivot_notice(plan, date(2027, 4, 2)) == ""
    assert household_tasks(plan) == []


@pytest.mark.parametrize(("build", "field", "message"), [
    (lambda ana: add_board_member(TOGETHER, ana, "x" * 121), "name", "too long: 121 characters"),
    (lambda ana: add_task("🧺" * 121, ana, 1), "title", "too long: 121 characters"),
    (lambda ana: add_task("Bins\x07", ana, 1), "title", "control character"),
    (lambda ana: add_task("Bins", ana, "٣ ساعات"), "hours_per_week", "must be a number"),
    (lambda ana: add_pivot(TOGETHER, ana, "Design", date(2027, 6, 1), date(2027, 1, 1)),
     "end_date", "before the start"),
    (lambda ana: add_pivot(TOGETHER, ana, "", date(2027, 1, 1), date(2027, 6, 1)),
     "what", "can’t be empty"),
    (lambda ana: add_budget_line_for(ana, note="n" * 1001), "note", "too long"),
])
def test_bad_input_is_refused_naming_its_field(plan: PlanFile, build: object, field: str,
                                               message: str) -> None:
    ana = partners(plan)[0].uuid
    with pytest.raises(ValidationError, match=message) as caught:
        build(ana)  # type: ignore[operator]
    assert caught.value.field == field


def add_budget_line_for(partner_uuid: str, **values: object) -> object:
    from models.changes import insert
    from models.support import BudgetLine

    return insert(BudgetLine(partner_uuid=partner_uuid, category="courses", money_per_month=0,
                             hours_per_month=0, money_used=0, hours_used=0, **values))


def test_text_in_every_script_is_kept_exactly(plan: PlanFile, plan_path: Path) -> None:
    ana = partners(plan)[0]
    name = "  Kim <b>&</b> 김민지 שלום 🌿  "
    plan.apply(add_board_member(TOGETHER, ana.uuid, name, "friend", "مرشد & <i>guide</i>"),
               TOGETHER)
    plan.close()
    (row,) = stored(plan_path)["tables"]["board_member"]
    assert (row["name"], row["note"]) == (name.strip(), "مرشد & <i>guide</i>")


def test_a_plan_of_format_8_keeps_its_support_structures_and_their_privacy(
        tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "plan-v8.tandem"
    shutil.copyfile(Path(__file__).parent / "data" / "plan-v8.tandem", path)
    with PlanFile.open(path) as plan:
        rachel, marcus = partners(plan)
        lines = {(line.partner_uuid, line.category): line for line in budget_lines(plan)}
        courses = lines[(rachel.uuid, "courses")]
        assert (courses.money_per_month, courses.hours_used) == (250, 9.5)
        assert courses.note == "Leadership <course> & 📚 课程 — קורס"
        for viewer in (Viewer.partner(marcus.uuid), TOGETHER, REPORT):
            names = [member.name for member in board_members(plan, viewer)]
            assert sorted(names) == ["Dr. <Kim> & 金", "Priya & Sam"]
        assert "Private coach kp-58" in [m.name for m in
                                         board_members(plan, Viewer.partner(rachel.uuid))]
        invisible = [task for task in household_tasks(plan) if task.invisible]
        assert [(t.title, t.hours_per_week) for t in invisible] == [("תכנון ארוחות", 1.5)]
        protocol = burnout_protocol(plan)
        assert protocol is not None and "\tNo questions that evening." in protocol.signals
        pivots = {pivot.what: pivot for pivot in pivot_periods(plan)}
        venture = pivots["Exploring <venture> capital"]
        phase = [item for item in roadmap_items(plan, REPORT)
                 if item.uuid == venture.roadmap_item_uuid]
        assert [(p.kind, p.title) for p in phase] == [("pivot", "Exploring <venture> capital")]
        teaching = pivots["Teaching law"]
        assert (teaching.status, teaching.roadmap_item_uuid) == ("set_aside", None)
        assert teaching.outcome == "Not now: the firm first."
