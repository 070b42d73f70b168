"""Random sequences of edits, undos, redos and reopenings always leave the file
equal to what the couple expects to see (a property-based test)."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from models.errors import TandemError
from models.exchange import plan_to_dict
from models.partners import edit_partner, new_plan_rows, partners
from models.plan_file import PlanFile
from models.validation import clean_text
from ui.document import PlanDocument

NAMES = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=70
) | st.sampled_from(["Ana", "Bo", "Ümit", "李雷", "<b>&</b>", "🚀 Rocket", "", "   "])
COLORS = st.sampled_from(["#2f6db5", "#d9822b", "#000000", "#ABCDEF", "red", "#12345"])


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

    def _expect_edit(self, slot: int, **values: str) -> None:
        expected = copy.deepcopy(self.history[self.index])
        row = next(r for r in expected["tables"]["partner"] if r["slot"] == slot)
        row.update(values)
        plan = self.document.plan
        before = self.history[self.index]
        try:
            edit = edit_partner(partners(plan.session)[slot - 1], **values)
            self.document.submit("edit", edit)
        except TandemError:
            assert _state(plan) == before, "a refused edit stores nothing"
            return
        if expected == before:
            return  # a no-op edit is no undo step
        del self.history[self.index + 1:]
        self.history.append(expected)
        self.index += 1

    @rule(slot=st.sampled_from([1, 2]), name=NAMES)
    def rename(self, slot: int, name: str) -> None:
        try:
            cleaned = clean_text(name, "name", "name", max_length=60)
        except TandemError:
            cleaned = name
        self._expect_edit(slot, name=cleaned)

    @rule(slot=st.sampled_from([1, 2]), color=COLORS)
    def recolor(self, slot: int, color: str) -> None:
        self._expect_edit(slot, color=color.lower())

    @rule(slot=st.sampled_from([1, 2]), role=NAMES)
    def change_role(self, slot: int, role: str) -> None:
        self._expect_edit(slot, role=role.strip())

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
        with PlanFile.open(self.path) as plan:
            assert plan_to_dict(plan.session) == expected, "the file equals the model"


def test_edits_undos_redos_and_reopenings_keep_file_and_model_equal(qapp) -> None:  # type: ignore[no-untyped-def]
    run_state_machine_as_test(
        EditUndoReopen,
        settings=settings(max_examples=60, stateful_step_count=25,
                          suppress_health_check=[HealthCheck.too_slow]),
    )
