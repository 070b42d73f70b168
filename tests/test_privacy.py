"""Privacy is a rule of the model: a partner's private draft is seen by its
author alone, and changed by nobody else, whatever reads or writes it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from models.changes import inverse
from models.errors import PrivacyError, ValidationError
from models.exchange import visible_plan_to_dict
from models.partners import partners
from models.plan_file import PlanFile
from models.privacy import REPORT, TOGETHER, Viewer, check_change
from models.roadmap import (
    RoadmapItem,
    edit_entry,
    new_item,
    remove,
    roadmap_entry,
    roadmap_items,
    share,
)
from tests.helpers import stored

SECRET = "Apply to the Lisbon fellowship ✶ zq-7741"


@pytest.fixture
def with_draft(plan_path: Path) -> Path:
    """Ana's plan holds one shared item and Ana's private draft."""
    with PlanFile.open(plan_path) as plan:
        ana, _bo = partners(plan)
        me = Viewer.partner(ana.uuid)
        plan.apply(new_item("job", "Data lead", date(2027, 1, 1), date(2028, 1, 1), ana.uuid,
                            viewer=me), me)
        plan.apply(new_item("degree", SECRET, date(2027, 9, 1), date(2029, 6, 30), ana.uuid,
                            notes=f"notes of {SECRET}", viewer=me, draft=True), me)
    return plan_path


def viewers(plan: PlanFile) -> tuple[Viewer, Viewer]:
    ana, bo = partners(plan)
    return Viewer.partner(ana.uuid), Viewer.partner(bo.uuid)


def test_a_draft_is_stored_and_seen_by_its_author_alone(with_draft: Path) -> None:
    with PlanFile.open(with_draft) as plan:
        ana, bo = viewers(plan)
        assert {i.title for i in roadmap_items(plan, ana)} == {"Data lead", SECRET}
        for other in (bo, TOGETHER, REPORT):
            assert [i.title for i in roadmap_items(plan, other)] == ["Data lead"]
            assert SECRET not in json.dumps(visible_plan_to_dict(plan, other), ensure_ascii=False)
        draft = next(i for i in roadmap_items(plan, ana) if i.is_draft)
        assert roadmap_entry(plan, ana, draft.uuid) is not None
        assert roadmap_entry(plan, bo, draft.uuid) is None
        assert roadmap_entry(plan, TOGETHER, draft.uuid) is None
    drafts = [r for r in stored(with_draft)["tables"]["roadmap_item"] if r["shared_at"] is None]
    assert [r["title"] for r in drafts] == [SECRET], "the file keeps it (privacy is no encryption)"


def test_nobody_else_can_change_or_delete_a_draft_and_the_refusal_names_nothing(
        with_draft: Path) -> None:
    before = stored(with_draft)
    with PlanFile.open(with_draft) as plan:
        ana, bo = viewers(plan)
        draft = next(i for i in roadmap_items(plan, ana) if i.is_draft)
        attempts = [edit_entry(draft, title="Renamed"), remove(plan, [draft]), share([draft]),
                    edit_entry(draft, partner_uuid=None)]
        for edit in attempts:
            for other in (bo, TOGETHER, REPORT):
                with pytest.raises(PrivacyError) as caught:
                    plan.apply(edit, other)
                assert SECRET not in caught.value.message
                assert "zq-7741" not in caught.value.message
    assert stored(with_draft) == before


def test_sharing_shows_a_draft_to_both_and_undoing_it_hides_it_again(with_draft: Path) -> None:
    with PlanFile.open(with_draft) as plan:
        ana, bo = viewers(plan)
        draft = next(i for i in roadmap_items(plan, ana) if i.is_draft)
        edit = share([draft])
        plan.apply(edit, ana)
        assert SECRET in [i.title for i in roadmap_items(plan, bo)]
        assert SECRET in [i.title for i in roadmap_items(plan, TOGETHER)]
        shared = next(i for i in roadmap_items(plan, bo) if i.title == SECRET)
        plan.apply(edit_entry(shared, title="Lisbon fellowship"), bo)  # shared: Bo may edit
        plan.apply(edit_entry(next(i for i in roadmap_items(plan, bo) if i.uuid == draft.uuid),
                              title=SECRET), bo)
        plan.apply(inverse(edit), ana)  # Ana undoes her share
        assert [i.title for i in roadmap_items(plan, bo)] == ["Data lead"]


def test_the_report_reads_but_never_writes(with_draft: Path) -> None:
    with PlanFile.open(with_draft) as plan:
        shared = roadmap_items(plan, REPORT)[0]
        with pytest.raises(PrivacyError, match="only reads the plan"):
            plan.apply(edit_entry(shared, title="Changed by the report"), REPORT)


def test_a_draft_needs_one_author_who_stays_its_author(with_draft: Path) -> None:
    with PlanFile.open(with_draft) as plan:
        ana, bo = viewers(plan)
        with pytest.raises(ValidationError) as caught:
            new_item("relocation", "Our secret move", date(2027, 1, 1), viewer=TOGETHER, draft=True)
        assert caught.value.field == "author_uuid"
        assert "choose who is at the keyboard" in caught.value.message
        draft = next(i for i in roadmap_items(plan, ana) if i.is_draft)
        with pytest.raises(PrivacyError, match="can’t be changed afterwards"):
            plan.apply(edit_entry(draft, author_uuid=bo.partner_uuid), ana)


def test_a_private_row_may_follow_its_parent_out_of_the_plan_and_back() -> None:
    """A partner deleting a shared parent takes the other's private children
    with it (and undo brings them back); alone, the child is untouchable."""
    draft = {"uuid": "child", "partner_uuid": "parent", "author_uuid": "bo",
             "shared_at": None, "title": "private"}
    ana = Viewer.partner("ana")
    check_change(RoadmapItem, ana, draft, None, moved_parents={"parent"})
    check_change(RoadmapItem, ana, None, draft, moved_parents={"parent"})
    with pytest.raises(PrivacyError):
        check_change(RoadmapItem, ana, draft, None, moved_parents=set())
    with pytest.raises(PrivacyError):
        check_change(RoadmapItem, ana, draft, {**draft, "title": "x"}, moved_parents={"parent"})


def test_reading_private_rows_without_a_viewer_is_a_programming_error(with_draft: Path) -> None:
    from sqlalchemy import select

    with PlanFile.open(with_draft) as plan, pytest.raises(TypeError, match="needs a viewer"):
        plan.read(select(RoadmapItem))


def test_no_view_reads_the_plan_but_through_the_model() -> None:
    """The session would read private rows unfiltered and write without
    checks: the UI never touches it, only models/ functions that take a viewer."""
    import re

    ui = Path(__file__).resolve().parent.parent / "ui"
    offenders = [f"{path.relative_to(ui.parent)}:{number}"
                 for path in sorted(ui.rglob("*.py"))
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r"\.session\b|\bSession\b", line)]
    assert offenders == []
