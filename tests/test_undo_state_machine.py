"""Random sequences of edits, undos, redos and reopenings always leave the file
equal to what the couple expects to see (a property-based test)."""

from __future__ import annotations

import copy
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from models.changes import Edit
from models.errors import TandemError
from models.exchange import plan_to_dict
from models.partners import edit_partner, new_plan_rows, partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER
from models.roadmap import (
    RoadmapItem,
    Season,
    edit_entry,
    new_item,
    new_season,
    remove,
    roadmap_items,
    seasons,
)
from ui.document import PlanDocument

NAMES = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=70
) | st.sampled_from(["Ana", "Bo", "Ümit", "李雷", "<b>&</b>", "🚀 Rocket", "", "   "])
COLORS = st.sampled_from(["#2f6db5", "#d9822b", "#000000", "#ABCDEF", "red", "#12345"])
KINDS = st.sampled_from(["job", "degree", "caregiving", "promotion", "relocation", "child",
                         "no-such-kind"])
DATES = st.dates(min_value=date(1930, 1, 1), max_value=date(2110, 12, 31))
DAYS = st.integers(min_value=-4000, max_value=4000)


def applied(state: dict[str, Any], edit: Edit) -> dict[str, Any]:
    """What an edit should do to a plan, computed on plain dicts: an
    independent model of the plan file's semantics."""
    result = copy.deepcopy(state)
    for change in edit:
        rows = result["tables"][change.table]
        as_json = {k: v.isoformat() if isinstance(v, date) else v
                   for k, v in (change.after or {}).items()}
        if change.before is None:
            rows.append(as_json)
        elif change.after is None:
            rows[:] = [r for r in rows if r["uuid"] != change.uuid]
        else:
            next(r for r in rows if r["uuid"] == change.uuid).update(as_json)
        rows.sort(key=lambda r: r["uuid"])
    return result


def _state(plan: PlanFile) -> dict[str, Any]:
    plan.session.expire_all()  # read what the database holds, not what we remember
    return plan_to_dict(plan.session)


class EditUndoReopen(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="tandem-sm-"))
        self.path = self.folder / "plan.tandem"
        self.document = PlanDocument(PlanFile.create(self.path, new_plan_rows("Ana", "Bo")))
        # The expected history, as the undo stack should see it.
        self.history = [_state(self.document.plan)]
        self.index = 0

    def _submit(self, build: Any) -> None:
        """Build and submit an edit; the file must then hold exactly what the
        dict model says, or, if refused, what it held before."""
        before = self.history[self.index]
        plan = self.document.plan
        try:
            edit = build()
            self.document.submit("edit", edit)
        except TandemError:
            assert _state(plan) == before, "a refused edit stores nothing"
            return
        if not edit:
            return  # a no-op edit is no undo step
        del self.history[self.index + 1:]
        self.history.append(applied(before, edit))
        self.index += 1

    def _partner(self, slot: int) -> Any:
        return partners(self.document.plan)[slot - 1]

    @rule(slot=st.sampled_from([1, 2]), name=NAMES)
    def rename(self, slot: int, name: str) -> None:
        self._submit(lambda: edit_partner(self._partner(slot), name=name))

    @rule(slot=st.sampled_from([1, 2]), color=COLORS)
    def recolor(self, slot: int, color: str) -> None:
        self._submit(lambda: edit_partner(self._partner(slot), color=color))

    @rule(slot=st.sampled_from([1, 2]), role=NAMES)
    def change_role(self, slot: int, role: str) -> None:
        self._submit(lambda: edit_partner(self._partner(slot), role=role))

    @rule(slot=st.sampled_from([0, 1, 2]), kind=KINDS, title=NAMES, start=DATES, days=DAYS)
    def add_item(self, slot: int, kind: str, title: str, start: date, days: int) -> None:
        owner = self._partner(slot).uuid if slot else None
        phase = kind in ("job", "degree", "caregiving")
        try:
            end = start + timedelta(days=days) if phase else None
        except OverflowError:
            end = start
        self._submit(lambda: new_item(kind, title, start, end, owner, viewer=TOGETHER))

    @rule(pick=st.integers(min_value=0), days=DAYS, slot=st.sampled_from([0, 1, 2]))
    def move_item(self, pick: int, days: int, slot: int) -> None:
        items = roadmap_items(self.document.plan, TOGETHER)
        if not items:
            return
        item = items[pick % len(items)]
        owner = self._partner(slot).uuid if slot else None
        shift = timedelta(days=days)
        self._submit(lambda: edit_entry(
            item, start_date=item.start_date + shift,
            end_date=item.end_date + shift if item.end_date else None, partner_uuid=owner))

    @rule(pick=st.integers(min_value=0))
    def delete_entry(self, pick: int) -> None:
        entries: list[RoadmapItem | Season] = [*roadmap_items(self.document.plan, TOGETHER),
                                               *seasons(self.document.plan)]
        if entries:
            self._submit(lambda: remove([entries[pick % len(entries)]]))

    @rule(slot=st.sampled_from([1, 2]), label=NAMES, start=DATES, days=DAYS)
    def add_season(self, slot: int, label: str, start: date, days: int) -> None:
        end = start + timedelta(days=days)
        self._submit(lambda: new_season(self._partner(slot).uuid, label, start, end))

    @rule()
    def undo(self) -> None:
        stack = self.document.undo_stack
        assert stack.canUndo() == (self.index > 0)
        if stack.canUndo():
            stack.undo()
            self.index -= 1

    @rule()
    def redo(self) -> None:
        stack = self.document.undo_stack
        assert stack.canRedo() == (self.index < len(self.history) - 1)
        if stack.canRedo():
            stack.redo()
            self.index += 1

    @rule()
    def reopen(self) -> None:
        self.document.close()
        self.document = PlanDocument(PlanFile.open(self.path))
        self.history = [self.history[self.index]]
        self.index = 0

    @invariant()
    def database_matches_expectation(self) -> None:
        assert _state(self.document.plan) == self.history[self.index]

    def teardown(self) -> None:
        expected = self.history[self.index]
        self.document.close()
        try:
            with PlanFile.open(self.path) as plan:
                assert plan_to_dict(plan.session) == expected, "the file equals the model"
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def test_edits_undos_redos_and_reopenings_keep_file_and_model_equal(qapp) -> None:  # type: ignore[no-untyped-def]
    run_state_machine_as_test(
        EditUndoReopen,
        settings=settings(max_examples=80, stateful_step_count=30,
                          suppress_health_check=[HealthCheck.too_slow]),
    )
