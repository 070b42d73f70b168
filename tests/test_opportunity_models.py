"""Opportunities in the plan file: weights and scores each partner's own,
hidden until both are done and then revealed at once; edits all or nothing;
deleting a criterion or an opportunity takes everyone's scores with it and
undo brings them back; accepting puts it on the roadmap in one step; and the
report's summary shows nothing that is not revealed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import resources
from models.changes import merge
from models.errors import PrivacyError, ValidationError
from models.exchange import rows_from_dict
from models.opportunities import (
    WEIGHTS_SUBJECT,
    CellError,
    Criterion,
    Opportunity,
    RoadmapEntry,
    accept,
    add_default_criteria,
    criteria,
    edit_opportunity,
    mark_done_scoring,
    mark_done_weighting,
    mark_not_done_scoring,
    move_criterion,
    new_criteria,
    new_criterion,
    new_opportunity,
    opportunities,
    opportunity_of_roadmap_item,
    opportunity_summary,
    parse_salary,
    read_matrix,
    remove_criteria,
    remove_opportunities,
    rename_criterion,
    scores,
    set_discussed,
    set_scores,
    set_weights,
    unlink_roadmap_items,
    weights,
    weights_state,
)
from models.opportunity_summary import deadline_notice, decision_words, discussion_items
from models.partners import partners
from models.plan_file import PlanFile
from models.privacy import REPORT, TOGETHER, Viewer
from models.roadmap import RoadmapItem, remove, roadmap_items
from tests.helpers import assert_delete_and_undo_restore_the_file, stored


@pytest.fixture
def plan(plan_path: Path) -> Iterator[PlanFile]:
    with PlanFile.open(plan_path) as opened:
        yield opened


def viewers(plan: PlanFile) -> tuple[Viewer, Viewer]:
    ana, bo = partners(plan)
    return Viewer.partner(ana.uuid), Viewer.partner(bo.uuid)


def seed(plan: PlanFile) -> tuple[list[Criterion], list[Opportunity]]:
    """Three criteria and two opportunities, made together."""
    plan.apply(new_criteria(plan, ["Salary", "Location", "Proximity to family"]), TOGETHER)
    ana, _bo = partners(plan)
    plan.apply(new_opportunity("Seattle offer", date(2026, 11, 10), partner_uuid=ana.uuid,
                               salary="185,000", currency="usd")
               + new_opportunity("Both remote", date(2026, 11, 12)), TOGETHER)
    return criteria(plan), opportunities(plan)


def score_all(plan: PlanFile, viewer: Viewer, opportunity: Opportunity,
              values: list[int]) -> None:
    cells = [(opportunity.uuid, c.uuid, v) for c, v in zip(criteria(plan), values, strict=True)]
    plan.apply(set_scores(plan, viewer, cells), viewer)


def test_weights_and_scores_are_stored_as_typed_and_read_back_after_reopening(
        plan: PlanFile, plan_path: Path) -> None:
    found, (seattle, _remote) = seed(plan)
    ana, _bo = viewers(plan)
    plan.apply(set_weights(plan, ana, [(found[0].uuid, " 8 "), (found[1].uuid, 5)]), ana)
    score_all(plan, ana, seattle, [9, 6, 3])
    plan.close()
    data = stored(plan_path)["tables"]
    assert sorted(w["weight"] for w in data["criterion_weight"]) == [5, 8]
    assert sorted(s["score"] for s in data["opportunity_score"]) == [3, 6, 9]
    assert all(s["author_uuid"] == ana.partner_uuid and s["shared_at"] is None
               for s in data["opportunity_score"]), "a partner's own, never shared by hand"
    offer = next(o for o in data["opportunity"] if o["title"] == "Seattle offer")
    assert (offer["salary"], offer["currency"], offer["status"]) == (185000, "USD", "considering")
    assert [c["title"] for c in sorted(data["criterion"], key=lambda c: c["position"])] == \
        ["Salary", "Location", "Proximity to family"]


def test_scores_stay_hidden_until_both_are_done_then_show_to_everyone_at_once(
        plan: PlanFile) -> None:
    _c, (seattle, remote) = seed(plan)
    ana, bo = viewers(plan)
    score_all(plan, ana, seattle, [9, 6, 3])
    score_all(plan, bo, seattle, [5, 7, 9])
    score_all(plan, ana, remote, [4, 4, 4])

    def seen(viewer: Viewer) -> list[int]:
        return sorted(s.score for s in scores(plan, viewer))

    assert seen(ana) == [3, 4, 4, 4, 6, 9] and seen(bo) == [5, 7, 9]
    assert seen(TOGETHER) == seen(REPORT) == []
    plan.apply(mark_done_scoring(plan, ana, [seattle.uuid]), ana)
    assert seen(bo) == [5, 7, 9] and seen(REPORT) == [], "one of you done is no reveal"
    plan.apply(mark_done_scoring(plan, bo, [seattle.uuid]), bo)
    assert seen(bo) == seen(TOGETHER) == seen(REPORT) == [3, 5, 6, 7, 9, 9]
    assert seen(ana) == [3, 4, 4, 4, 5, 6, 7, 9, 9], "Remote stays Ana's alone"
    plan.apply(mark_not_done_scoring(plan, bo, [seattle.uuid]), bo)
    assert seen(REPORT) == [], "taking back being done hides both again"


def test_weights_show_once_both_have_finished_weighting(plan: PlanFile) -> None:
    found, (seattle, _remote) = seed(plan)
    ana, bo = viewers(plan)
    for viewer, value in ((ana, 9), (bo, 2)):
        plan.apply(set_weights(plan, viewer, [(found[0].uuid, value)]), viewer)
    assert [w.weight for w in weights(plan, bo)] == [2]
    assert weights(plan, REPORT) == []
    plan.apply(mark_done_weighting(plan, ana), ana)
    assert [w.weight for w in weights(plan, bo)] == [2]
    # Being done with an opportunity says one is done weighting too.
    edit = mark_done_scoring(plan, bo, [seattle.uuid])
    assert {change.after["subject_uuid"] for change in edit if change.after} == \
        {seattle.uuid, WEIGHTS_SUBJECT}
    plan.apply(edit, bo)
    assert weights_state(plan).revealed
    assert sorted(w.weight for w in weights(plan, REPORT)) == [2, 9]


def test_nobody_changes_the_others_weights_or_scores_even_once_revealed(
        plan: PlanFile) -> None:
    found, (seattle, _remote) = seed(plan)
    ana, bo = viewers(plan)
    score_all(plan, bo, seattle, [5, 7, 9])
    for viewer in (ana, bo):
        plan.apply(mark_done_scoring(plan, viewer, [seattle.uuid]), viewer)
    # Ana's edit builds Ana's own rows: Bo's scores are not hers to replace.
    edit = set_scores(plan, ana, [(seattle.uuid, found[0].uuid, 1)])
    assert all(change.before is None and change.after and
               change.after["author_uuid"] == ana.partner_uuid for change in edit)
    theirs = scores(plan, ana)[0]
    from models.changes import update

    change = update(theirs, score=1)
    assert change is not None
    with pytest.raises(PrivacyError):
        plan.apply((change,), ana)
    with pytest.raises(PrivacyError):
        plan.apply((change,), TOGETHER)


def test_a_refused_value_names_its_cell_and_nothing_of_the_block_is_stored(
        plan: PlanFile, plan_path: Path) -> None:
    found, (seattle, remote) = seed(plan)
    ana, _bo = viewers(plan)
    block = [(seattle.uuid, found[0].uuid, "7"), (seattle.uuid, found[1].uuid, "8"),
             (remote.uuid, found[2].uuid, "eleven")]
    with pytest.raises(CellError) as caught:
        set_scores(plan, ana, block)
    assert (caught.value.opportunity_uuid, caught.value.criterion_uuid) == \
        (remote.uuid, found[2].uuid)
    assert "“eleven” is not a number" in caught.value.message
    with pytest.raises(CellError) as caught:
        set_weights(plan, ana, [(found[0].uuid, 5), (found[1].uuid, 0)])
    assert caught.value.criterion_uuid == found[1].uuid and "0 is out of range" in \
        caught.value.message
    plan.close()
    assert stored(plan_path)["tables"]["opportunity_score"] == []
    assert stored(plan_path)["tables"]["criterion_weight"] == []


def test_scoring_needs_one_of_you_at_the_keyboard(plan: PlanFile) -> None:
    found, (seattle, _remote) = seed(plan)
    with pytest.raises(CellError) as caught:
        set_scores(plan, TOGETHER, [(seattle.uuid, found[0].uuid, 5)])
    assert "choose who is at the keyboard" in caught.value.message
    with pytest.raises(CellError, match="choose who is at the keyboard"):
        set_weights(plan, REPORT, [(found[0].uuid, 5)])


def test_clearing_a_score_deletes_it_and_an_unchanged_one_is_no_edit(plan: PlanFile) -> None:
    found, (seattle, _remote) = seed(plan)
    ana, _bo = viewers(plan)
    score_all(plan, ana, seattle, [9, 6, 3])
    assert set_scores(plan, ana, [(seattle.uuid, found[0].uuid, "9")]) == ()
    edit = set_scores(plan, ana, [(seattle.uuid, found[0].uuid, ""),
                                  (seattle.uuid, found[1].uuid, 2)])
    assert [(c.before is not None, c.after is not None) for c in edit] == \
        [(True, False), (True, True)]
    plan.apply(edit, ana)
    assert sorted(s.score for s in scores(plan, ana)) == [2, 3]


@pytest.fixture
def document(qapp: Any, plan_path: Path) -> Iterator[Any]:
    from ui.document import PlanDocument

    opened = PlanDocument(PlanFile.open(plan_path))
    yield opened
    opened.close()


def _fill(document: Any) -> tuple[list[Criterion], list[Opportunity]]:
    """Both partners weight, score and finish Seattle; a point gets a note."""
    plan = document.plan
    found, pair = seed(plan)
    ana, bo = viewers(plan)
    for viewer, values in ((ana, [9, 6, 3]), (bo, [5, 7, 9])):
        plan.apply(set_weights(plan, viewer, [(c.uuid, v) for c, v in
                                              zip(found, values, strict=True)]), viewer)
        score_all(plan, viewer, pair[0], values)
        plan.apply(mark_done_scoring(plan, viewer, [pair[0].uuid]), viewer)
    plan.apply(set_discussed(plan, found[2].uuid, pair[0].uuid, discussed_on=date(2026, 11, 20),
                             note="We visit every month"), TOGETHER)
    return found, pair


def test_deleting_an_opportunity_takes_everyones_scores_and_undo_restores_them(
        document: Any) -> None:
    _found, (seattle, _remote) = _fill(document)
    edit = remove_opportunities(document.plan, [seattle])
    tables = sorted({change.table for change in edit})
    assert tables == ["discussion_point", "opportunity", "opportunity_score", "reveal"]
    assert_delete_and_undo_restore_the_file(document, "Delete “Seattle offer”", edit)


def test_removing_a_criterion_takes_its_weights_and_scores_and_undo_restores_them(
        document: Any) -> None:
    found, _pair = _fill(document)
    edit = remove_criteria(document.plan, [found[2]])
    assert sorted({change.table for change in edit}) == \
        ["criterion", "criterion_weight", "discussion_point", "opportunity_score"]
    assert sum(1 for change in edit if change.table == "opportunity_score") == 2, "both partners'"
    assert_delete_and_undo_restore_the_file(document, "Remove “Proximity to family”", edit)


def test_a_partner_may_delete_an_opportunity_holding_the_others_hidden_scores(
        document: Any) -> None:
    _found, (seattle, remote) = seed(document.plan)
    ana, bo = viewers(document.plan)
    score_all(document.plan, bo, remote, [1, 2, 3])
    document.set_viewer(ana)
    document.submit("Delete", remove_opportunities(document.plan, [remote]))
    assert [o.uuid for o in opportunities(document.plan)] == [seattle.uuid]
    document.undo()
    assert sorted(s.score for s in scores(document.plan, bo)) == [1, 2, 3]


def test_accepting_adds_a_job_change_in_the_owners_lane_in_one_undo_step(
        document: Any) -> None:
    _found, (seattle, remote) = seed(document.plan)
    plan = document.plan
    ana, _bo = viewers(plan)
    document.set_viewer(ana)
    before = len(roadmap_items(plan, TOGETHER))
    document.submit("Accept", accept(seattle, ana, RoadmapEntry("Head of Platform",
                                                                date(2027, 3, 1))))
    accepted = next(o for o in opportunities(plan) if o.uuid == seattle.uuid)
    assert accepted.status == "accepted" and accepted.roadmap_item_uuid
    item = next(i for i in roadmap_items(plan, TOGETHER) if i.uuid == accepted.roadmap_item_uuid)
    assert (item.kind, item.title, item.start_date, item.partner_uuid, item.is_draft) == \
        ("job_change", "Head of Platform", date(2027, 3, 1), ana.partner_uuid, False)
    found = opportunity_of_roadmap_item(plan, item.uuid)
    assert found is not None and found.uuid == seattle.uuid, "the item links back to it"
    document.undo()
    assert len(roadmap_items(plan, TOGETHER)) == before
    assert next(o for o in opportunities(plan) if o.uuid == seattle.uuid).status == "considering"
    # Both of you: the lane you share.
    document.submit("Accept", accept(remote, ana, RoadmapEntry("Both remote", date(2027, 1, 4))))
    item = next(i for i in roadmap_items(plan, TOGETHER) if i.title == "Both remote")
    assert item.partner_uuid is None
    # A bad roadmap title is the roadmap item's refusal, and nothing is stored.
    with pytest.raises(ValidationError) as caught:
        accept(seattle, ana, RoadmapEntry("  ", date(2027, 3, 1)))
    assert caught.value.table == "roadmap_item" and caught.value.field == "title"
    # The opportunity's own fields are refused first, then the roadmap item's.
    with pytest.raises(ValidationError) as caught:
        new_opportunity("Lisbon", date(2026, 11, 24), salary="lots", status="accepted",
                        roadmap=RoadmapEntry("", date(2027, 1, 1)), viewer=ana)
    assert (caught.value.table, caught.value.field) == ("opportunity", "salary")
    with pytest.raises(ValidationError) as caught:
        accept(seattle, ana, RoadmapEntry("", date(2027, 1, 1)), title="")
    assert (caught.value.table, caught.value.field) == ("opportunity", "title")


def test_a_roadmap_item_an_opportunity_became_can_be_deleted_and_undo_relinks_it(
        document: Any) -> None:
    _found, (seattle, _remote) = seed(document.plan)
    plan = document.plan
    document.submit("Accept", accept(seattle, TOGETHER, RoadmapEntry("Seattle", date(2027, 3, 1))))
    item = next(i for i in roadmap_items(plan, TOGETHER) if i.title == "Seattle")
    document.submit("Delete", remove(plan, [item]))  # the opportunity forgets the link
    assert opportunity_of_roadmap_item(plan, item.uuid) is None
    assert [o.status for o in opportunities(plan) if o.uuid == seattle.uuid] == ["accepted"]
    document.undo()
    relinked = opportunity_of_roadmap_item(plan, item.uuid)
    assert relinked is not None and relinked.uuid == seattle.uuid
    assert [i.title for i in roadmap_items(plan, TOGETHER) if i.uuid == item.uuid] == ["Seattle"]
    # The same, built by the opportunities' own function, is one edit too.
    edit = merge(unlink_roadmap_items(plan, [item.uuid]), remove(plan, [item]))
    assert len(edit) == 2


@pytest.mark.parametrize(("values", "field", "words"), [
    ({"title": "  "}, "title", "The title can’t be empty."),
    ({"salary": "-50,000"}, "salary", "can’t be negative"),
    ({"salary": -1}, "salary", "can’t be negative"),
    ({"salary": "1" + "0" * 13}, "salary", "check the number of zeros"),
    ({"salary": "9" * 5000}, "salary", "check the number of zeros"),
    ({"salary": "lots"}, "salary", "“lots” is not an amount"),
    ({"salary": "185.5k"}, "salary", "is not an amount"),
    ({"salary": "100000", "currency": ""}, "currency", "Say which currency"),
    ({"currency": "dollars"}, "currency", "“dollars” is not a currency"),
    ({"status": "maybe"}, "status", "is not a status"),
    ({"decide_by": date(2026, 1, 1)}, "decide_by", "is before the day it came up"),
    ({"arose_on": date(1800, 1, 1)}, "arose_on", "out of range"),
    ({"title": "x" * 121}, "title", "too long: 121 characters, at most 120"),
    ({"employer": "A\x00B"}, "employer", "control character"),
])
def test_an_opportunity_refused_says_which_field_and_why(values: dict[str, Any], field: str,
                                                         words: str) -> None:
    fields: dict[str, Any] = {"title": "Offer", "arose_on": date(2026, 11, 10),
                              "currency": "EUR", **values}
    title, arose = fields.pop("title"), fields.pop("arose_on")
    with pytest.raises(ValidationError) as caught:
        new_opportunity(title, arose, **fields)
    assert caught.value.field == field and words in caught.value.message
    assert caught.value.table == "opportunity"


@pytest.mark.parametrize(("typed", "amount"), [
    ("185000", 185000), ("185,000", 185000), ("185 000", 185000), ("185\u00a0000", 185000),
    ("185k", 185000), ("$185,000", 185000), ("185 000 €", 185000), ("1,250,000", 1250000),
    ("0", 0), ("", None), (None, None), (90000, 90000),
])
def test_a_salary_as_people_type_it(typed: object, amount: int | None) -> None:
    assert parse_salary(typed) == amount


def test_criteria_are_unique_by_name_and_keep_the_order_given(plan: PlanFile) -> None:
    plan.apply(add_default_criteria(plan), TOGETHER)
    assert [c.title for c in criteria(plan)] == [
        "Salary", "Location", "Growth potential", "Work-life balance", "Proximity to family"]
    assert add_default_criteria(plan) == (), "the five are there already"
    with pytest.raises(ValidationError, match="There is a criterion “Salary” already"):
        new_criterion(plan, "  salary ")
    location = criteria(plan)[1]
    with pytest.raises(ValidationError, match="criterion “Salary” already"):
        plan.apply(rename_criterion(location, "SALARY"), TOGETHER)
    with pytest.raises(ValidationError, match="can’t be empty"):
        new_criterion(plan, "")
    plan.apply(move_criterion(plan, location.uuid, -1), TOGETHER)
    assert [c.title for c in criteria(plan)][:2] == ["Location", "Salary"]
    assert move_criterion(plan, location.uuid, -1) == (), "first already"
    plan.apply(new_criterion(plan, "通勤 🚲 <b>&</b>"), TOGETHER)
    assert criteria(plan)[-1].title == "通勤 🚲 <b>&</b>"


def test_deadlines_remind_gently_within_a_week_or_once_past(plan: PlanFile) -> None:
    today = date(2026, 11, 24)
    plan.apply(new_opportunity("Seattle offer", date(2026, 11, 10),
                               decide_by=date(2026, 11, 27))
               + new_opportunity("Far away", date(2026, 11, 10), decide_by=date(2027, 2, 1))
               + new_opportunity("Decided", date(2026, 11, 10), decide_by=date(2026, 11, 25),
                                 status="declined"), TOGETHER)
    rows = opportunities(plan)
    assert deadline_notice(rows, today) == (
        "The decision on “Seattle offer” is due in 3 days (Friday 27 November). A good "
        "moment to compare your scores together.")
    assert "in 7 days" in deadline_notice(rows, date(2026, 11, 20)), "a week ahead"
    assert deadline_notice(rows, date(2026, 11, 19)) == "", "more than a week: no reminder"
    assert "was due 2 days ago" in deadline_notice(rows, date(2026, 11, 29))
    assert "is due today" in deadline_notice(rows, date(2026, 11, 27))
    seattle = next(r for r in rows if r.title == "Seattle offer")
    assert decision_words(seattle, today) == "Considering · decide in 3 days"
    plan.apply(edit_opportunity(seattle, status="accepted"), TOGETHER)
    assert deadline_notice(opportunities(plan), today) == "", "accepted: nothing to remind"


def test_the_report_sees_only_that_scoring_is_under_way(plan: PlanFile) -> None:
    found, (seattle, remote) = seed(plan)
    ana, bo = viewers(plan)
    for viewer in (ana, bo):
        plan.apply(set_weights(plan, viewer, [(c.uuid, 5) for c in found]), viewer)
    score_all(plan, ana, seattle, [9, 9, 9])
    score_all(plan, bo, seattle, [3, 3, 3])
    score_all(plan, ana, remote, [7, 7, 7])
    plan.apply(mark_done_scoring(plan, ana, [seattle.uuid]), ana)
    summary = opportunity_summary(plan, REPORT)
    row = next(r for r in summary.opportunities if r.title == "Seattle offer")
    assert not row.revealed and row.progress == "Ana is done; Bo is still scoring"
    assert all(pair == (None, None) for pair in row.scores)
    assert row.totals[0].rounded is None and row.combined.rounded is None and row.rank is None
    assert summary.criteria[0].weights == (None, None), "weights not finished by both"
    assert all(bar is None for item in summary.chart.opportunities for bar in item.bars)
    assert summary.points == ()
    plan.apply(mark_done_scoring(plan, bo, [seattle.uuid]), bo)
    summary = opportunity_summary(plan, REPORT)
    row = summary.opportunities[0]
    assert row.title == "Seattle offer" and row.revealed and row.rank == 1
    assert row.scores == ((9, 3), (9, 3), (9, 3))
    assert (row.totals[0].rounded, row.totals[1].rounded, row.combined.rounded) == (90, 30, 60)
    assert all(row.differs)
    assert [p.title for p in summary.points] == [
        "“Seattle offer” · Salary", "“Seattle offer” · Location",
        "“Seattle offer” · Proximity to family"]
    remote_row = next(r for r in summary.opportunities if r.title == "Both remote")
    assert remote_row.scores == ((None, None),) * 3, "Ana's Remote scores stay hers"
    assert remote_row.progress == "Ana and Bo are still scoring"


def test_a_discussion_note_is_kept_when_the_scores_come_closer(plan: PlanFile) -> None:
    found, (seattle, _remote) = seed(plan)
    ana, bo = viewers(plan)
    score_all(plan, ana, seattle, [9, 5, 5])
    score_all(plan, bo, seattle, [3, 5, 5])
    for viewer in (ana, bo):
        plan.apply(mark_done_scoring(plan, viewer, [seattle.uuid]), viewer)
    items = discussion_items(read_matrix(plan, TOGETHER))
    assert [(i.criterion_uuid, i.values, i.current, i.discussed) for i in items] == \
        [(found[0].uuid, (9, 3), True, False)]
    plan.apply(set_discussed(plan, found[0].uuid, seattle.uuid, discussed_on=date(2026, 11, 24),
                             note="Equity counts too"), TOGETHER)
    assert set_discussed(plan, found[0].uuid, seattle.uuid, note="Equity counts too") == ()
    plan.apply(set_scores(plan, bo, [(seattle.uuid, found[0].uuid, 8)]), bo)
    (item,) = discussion_items(read_matrix(plan, TOGETHER))
    assert (item.values, item.current, item.discussed) == ((9, 8), False, True)
    assert item.note is not None and item.note.note == "Equity counts too"
    with pytest.raises(ValidationError, match="too long"):
        set_discussed(plan, found[0].uuid, seattle.uuid, note="x" * 501)


def test_the_example_plan_holds_the_seattle_story_scored_and_revealed(tmp_path: Path) -> None:
    data = resources.load_json("examples/rachel-and-marcus.json")
    assert data["schema"] >= 5  # the step that holds opportunities, or later
    with PlanFile.create(tmp_path / "example.tandem", rows_from_dict(data)) as plan:
        summary = opportunity_summary(plan, REPORT)
        assert [(r.title, r.whose, r.rank, r.status) for r in summary.opportunities] == [
            ("Seattle: Head of Platform", "Rachel", 1, "Accepted"),
            ("Stay in Chicago", "Marcus", 2, "Declined"),
            ("Both remote, anywhere", "Both of you", 3, "Declined")]
        assert all(r.revealed and all(t.complete for t in r.totals)
                   for r in summary.opportunities)
        assert summary.sensitivity == (
            "“Seattle: Head of Platform” leads unless “Proximity to family” matters 2 points "
            "more to Marcus (then it ties with “Stay in Chicago”).")
        assert len(summary.points) == 4 and sum(1 for p in summary.points if p.note) == 2
        seattle = next(o for o in opportunities(plan) if o.title.startswith("Seattle"))
        item = next(i for i in roadmap_items(plan, TOGETHER)
                    if i.uuid == seattle.roadmap_item_uuid)
        assert isinstance(item, RoadmapItem) and item.title == "Head of Platform, Seattle startup"


def test_a_plan_of_format_5_keeps_its_scores_and_their_privacy(tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "plan-v5.tandem"
    shutil.copyfile(Path(__file__).parent / "data" / "plan-v5.tandem", path)
    with PlanFile.open(path) as plan:
        rachel, _marcus = partners(plan)
        summary = opportunity_summary(plan, REPORT)
        shown = {row.title: row for row in summary.opportunities}
        assert set(shown) == {"Seattle: Head of Platform", "Chicago partner track",
                              "Both remote 🏡"}
        assert shown["Seattle: Head of Platform"].revealed
        assert not shown["Chicago partner track"].revealed
        assert "Location <city> & 🌧️ 天气" in [c.title for c in criteria(plan)]
        mine = scores(plan, Viewer.partner(rachel.uuid))
        together = scores(plan, TOGETHER)
        assert len(mine) == 20  # her own fifteen, and Marcus's five on Seattle, revealed
        assert len(together) == 10  # Seattle's ten
        seattle = next(o for o in opportunities(plan) if o.title.startswith("Seattle"))
        assert seattle.status == "accepted" and seattle.roadmap_item_uuid
