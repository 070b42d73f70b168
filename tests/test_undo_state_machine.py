"""Random sequences of edits by either partner or both, private drafts,
merged nudges, undos and redos on each viewer's own stack, and reopenings
always leave the file equal to what a simple model of the rules expects.

The model below knows the rules in its own words (what a valid name is, who
may touch a draft, which columns a step changed, when an undo is stale); it
never looks at the edit the code under test built, only at the file."""

from __future__ import annotations

import copy
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from models.errors import TandemError
from models.exchange import plan_to_dict
from models.partners import edit_partner, new_plan_rows, partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER, Viewer
from models.roadmap import edit_entry, new_item, new_season, remove, roadmap_items, seasons, share
from ui.document import PlanDocument

TEXTS = st.text(
    alphabet=st.characters(codec="utf-8"), max_size=70
) | st.sampled_from(["Ana", "Bo", "Ümit", "李雷", "<b>&</b>", "🚀 Rocket", "", "   ", "x\x07",
                     "ana ", "e\u0301", "half \ud83d"])
KINDS = st.sampled_from(["job", "degree", "promotion", "relocation", "no-such-kind"])
PHASES = {"job", "degree"}
DATES = st.dates(min_value=date(1930, 1, 1), max_value=date(2110, 12, 31))
DAYS = st.integers(min_value=-4000, max_value=4000)
WHO = st.sampled_from(["ana", "bo", "both"])

Row = dict[str, Any]
Rows = dict[tuple[str, str], Row]


# -- the rules, as the couple would state them ------------------------------------------

def clean_text(value: str, limit: int) -> str | None:
    """Trimmed text, or None when the rules refuse it."""
    if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        return None
    text = value.strip()
    if not text or len(text) > limit or any(unicodedata.category(c) == "Cc" for c in text):
        return None
    return text


def valid_date(day: date) -> bool:
    return date(1940, 1, 1) <= day <= date(2100, 12, 31)


def plan_is_valid(rows: Rows) -> bool:
    """The rules across rows: two different names; seasons never overlap."""
    names = [r["name"].casefold() for (t, _u), r in rows.items() if t == "partner"]
    if len(set(names)) != 2:
        return False
    spans = sorted((r["start"], r["end"]) for (t, _u), r in rows.items() if t == "season")
    return all(later[0] > earlier[1] for earlier, later in zip(spans, spans[1:], strict=False))


def may_touch(who: str, before: Row | None, after: Row | None) -> bool:
    """A draft is its author's alone, before and after."""
    for row in (before, after):
        if row is not None and row.get("draft") and row.get("author") != who:
            return False
    return True


@dataclass
class Step:
    """One undo step as the model sees it: each row before and after."""
    rows: dict[tuple[str, str], tuple[Row | None, Row | None]]
    key: str = ""


@dataclass
class Stack:
    steps: list[Step] = field(default_factory=list)
    index: int = 0


def run(rows: Rows, who: str, changes: dict[tuple[str, str], tuple[Row | None, Row | None]],
        ) -> Rows | None:
    """``rows`` after going from each "from" to each "to", or None when the
    plan refuses: a row is not as the step left it, a draft is someone
    else's, or a rule across rows breaks. An update compares only the
    columns the step changed."""
    result = copy.deepcopy(rows)
    for key, (start, end) in changes.items():
        current = result.get(key)
        if start is None:
            if current is not None or not may_touch(who, None, end):
                return None
            result[key] = copy.deepcopy(end)  # type: ignore[arg-type]
        elif end is None:
            if current != start or not may_touch(who, current, None):
                return None
            del result[key]
        else:
            if current is None:
                return None
            changed = [c for c in end if start.get(c) != end[c]]
            after = {**current, **{c: end[c] for c in changed}}
            if any(current[c] != start[c] for c in changed) or not may_touch(who, current, after):
                return None
            result[key] = after
    return result if plan_is_valid(result) else None


class EditUndoReopen(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="tandem-sm-"))
        self.path = self.folder / "plan.tandem"
        self.document = PlanDocument(PlanFile.create(self.path, new_plan_rows("Ana", "Bo")))
        pair = partners(self.document.plan)
        self.slots = {p.uuid: who for p, who in zip(pair, ("ana", "bo"), strict=True)}
        self.uuids = {who: uuid for uuid, who in self.slots.items()}
        self.model: Rows = self._read()
        self.stacks: dict[str, Stack] = {"ana": Stack(), "bo": Stack(), "both": Stack()}

    # -- reading the file, in the model's terms --

    def _read(self) -> Rows:
        plan = self.document.plan
        plan.session.expire_all()
        data = plan_to_dict(plan.session)["tables"]
        rows: Rows = {}
        for p in data["partner"]:
            rows[("partner", p["uuid"])] = {"name": p["name"], "color": p["color"],
                                            "role": p["role"]}
        for i in data["roadmap_item"]:
            rows[("item", i["uuid"])] = {
                "kind": i["kind"], "title": i["title"], "start": i["start_date"],
                "end": i["end_date"], "lane": self.slots.get(i["partner_uuid"], "our life"),
                "author": self.slots.get(i["author_uuid"]), "draft": i["shared_at"] is None}
        for s in data["season"]:
            rows[("season", s["uuid"])] = {"label": s["label"], "leader": self.slots[s["leader_uuid"]],
                                           "start": s["start_date"], "end": s["end_date"]}
        return rows

    def _viewer(self, who: str) -> Viewer:
        return TOGETHER if who == "both" else Viewer.partner(self.uuids[who])

    def _at_keyboard(self, who: str) -> None:
        self.document.set_viewer(self._viewer(who))

    # -- submitting, and what the model expects of it --

    def _submit(self, who: str, build: Any, expected: Rows | None, key: str = "") -> None:
        """Build and submit an edit as ``who``; the model has said what the
        plan should hold afterwards (``None``: refused, nothing stored)."""
        self._at_keyboard(who)
        try:
            edit = build()
            if not edit:  # nothing would change: the plan is not even asked
                assert expected is None or expected == self.model
                return
            self.document.submit("edit", edit, merge_key=key)
        except TandemError:
            assert expected is None or expected == self.model, \
                "the rules allow this, yet the plan refused it"
            return
        assert expected is not None, "the rules refuse this, yet the plan took it"
        if expected == self.model:
            return  # no change, no step
        actual = self._read()
        new_keys = set(actual) - set(self.model)
        for new_key in new_keys:  # the UUID the plan gave a new row
            placeholder = next(k for k in expected if k[1] == "new" and k[0] == new_key[0])
            expected[new_key] = expected.pop(placeholder)
        changes = {k: (self.model.get(k), expected.get(k))
                   for k in set(self.model) | set(expected)
                   if self.model.get(k) != expected.get(k)}
        stack = self.stacks[who]
        del stack.steps[stack.index:]
        top = stack.steps[-1] if stack.steps and stack.index == len(stack.steps) else None
        if key and top is not None and top.key == key:
            for row_key, (_start, end) in changes.items():
                start = top.rows.get(row_key, (self.model.get(row_key), None))[0]
                top.rows[row_key] = (start, end)
            top.rows = {k: v for k, v in top.rows.items() if v[0] != v[1]}
            if not top.rows:  # back where it started: the step goes away
                stack.steps.pop()
                stack.index -= 1
        else:
            stack.steps.append(Step(changes, key))
            stack.index += 1
        self.model = expected

    # -- partners --

    @rule(who=WHO, slot=st.sampled_from(["ana", "bo"]), name=TEXTS)
    def rename(self, who: str, slot: str, name: str) -> None:
        expected: Rows | None = copy.deepcopy(self.model)
        clean = clean_text(name, 60)
        if clean is None:
            expected = None
        else:
            expected[("partner", self.uuids[slot])]["name"] = clean  # type: ignore[index]
            if not plan_is_valid(expected):  # type: ignore[arg-type]
                expected = None
        partner = next(p for p in partners(self.document.plan) if p.uuid == self.uuids[slot])
        self._submit(who, lambda: edit_partner(partner, name=name), expected)

    # -- roadmap items --

    @rule(who=WHO, lane=st.sampled_from(["ana", "bo", "our life"]), kind=KINDS, title=TEXTS,
          start=DATES, days=DAYS, draft=st.booleans())
    def add_item(self, who: str, lane: str, kind: str, title: str, start: date, days: int,
                 draft: bool) -> None:
        end = start + timedelta(days=days) if kind in PHASES else None
        clean = clean_text(title, 120)
        ok = (kind != "no-such-kind" and clean is not None and valid_date(start)
              and (end is None or (valid_date(end) and end >= start))
              and (not draft or who != "both"))
        expected: Rows | None = None
        if ok:
            expected = copy.deepcopy(self.model)
            expected[("item", "new")] = {
                "kind": kind, "title": clean, "start": start.isoformat(),
                "end": end.isoformat() if end else None, "lane": lane,
                "author": None if who == "both" else who, "draft": draft}
        owner = None if lane == "our life" else self.uuids[lane]
        self._submit(who, lambda: new_item(kind, title, start, end, owner, viewer=self._viewer(who),
                                           draft=draft), expected)

    def _item(self, who: str, pick: int) -> tuple[tuple[str, str], Any] | None:
        """An item ``who`` can see, with its model key."""
        items = roadmap_items(self.document.plan, self._viewer(who))
        if not items:
            return None
        item = items[pick % len(items)]
        return ("item", item.uuid), item

    @rule(who=WHO, pick=st.integers(min_value=0), steps=st.sampled_from([-1, 1, 1, 2]))
    def nudge(self, who: str, pick: int, steps: int) -> None:
        """Move an item by whole months, merged with the nudges before it."""
        found = self._item(who, pick)
        if found is None:
            return
        key, item = found
        start = item.start_date + timedelta(days=31 * steps)
        end = item.end_date + timedelta(days=31 * steps) if item.end_date else None
        expected: Rows | None = copy.deepcopy(self.model)
        if valid_date(start) and (end is None or valid_date(end)):
            expected[key].update(start=start.isoformat(),  # type: ignore[index]
                                 end=end.isoformat() if end else None)
        else:
            expected = None
        self._submit(who, lambda: edit_entry(item, start_date=start, end_date=end), expected,
                     key=f"nudge:{item.uuid}")

    @rule(who=WHO, pick=st.integers(min_value=0))
    def nudge_there_and_back(self, who: str, pick: int) -> None:
        """Two merged nudges that cancel out leave no step at all."""
        self.nudge(who, pick, 1)
        self.nudge(who, pick, -1)

    @rule(who=WHO, pick=st.integers(min_value=0), title=TEXTS)
    def rename_any_item(self, who: str, pick: int, title: str) -> None:
        """Try to rename any item of the file, the other partner's drafts
        included (as a stale screen or a careless view might)."""
        keys = sorted(k for k in self.model if k[0] == "item")
        if not keys:
            return
        key = keys[pick % len(keys)]
        item = self.document.plan.with_dependents(
            next(i for i in self._all_items() if i.uuid == key[1]))[-1]
        clean = clean_text(title, 120)
        expected: Rows | None = None
        if clean is not None and may_touch(who, self.model[key], None):
            expected = copy.deepcopy(self.model)
            expected[key]["title"] = clean
        self._submit(who, lambda: edit_entry(item, title=title), expected)

    def _all_items(self) -> list[Any]:
        """Every item in the file, whoever may see it (tests may look)."""
        from models.roadmap import RoadmapItem

        plan = self.document.plan
        found = [row.copy() for row in plan.session.query(RoadmapItem)]
        plan.session.rollback()
        plan.session.expunge_all()
        return found

    @rule(who=WHO, pick=st.integers(min_value=0))
    def share_item(self, who: str, pick: int) -> None:
        found = self._item(who, pick)
        if found is None:
            return
        key, item = found
        expected = copy.deepcopy(self.model)
        expected[key]["draft"] = False
        self._submit(who, lambda: share([item]), expected)

    @rule(who=WHO, pick=st.integers(min_value=0))
    def delete_item(self, who: str, pick: int) -> None:
        found = self._item(who, pick)
        if found is None:
            return
        key, item = found
        expected = copy.deepcopy(self.model)
        del expected[key]
        self._submit(who, lambda: remove(self.document.plan, [item]), expected)

    # -- seasons --

    @rule(who=WHO, leader=st.sampled_from(["ana", "bo"]), label=TEXTS, start=DATES, days=DAYS)
    def add_season(self, who: str, leader: str, label: str, start: date, days: int) -> None:
        end = start + timedelta(days=days)
        clean = clean_text(label, 80)
        expected: Rows | None = None
        if clean is not None and valid_date(start) and valid_date(end) and end >= start:
            expected = copy.deepcopy(self.model)
            expected[("season", "new")] = {"label": clean, "leader": leader,
                                           "start": start.isoformat(), "end": end.isoformat()}
            if not plan_is_valid(expected):
                expected = None
        self._submit(who, lambda: new_season(self.uuids[leader], label, start, end), expected)

    @rule(who=WHO, pick=st.integers(min_value=0))
    def delete_season(self, who: str, pick: int) -> None:
        found = seasons(self.document.plan)
        if found:
            season = found[pick % len(found)]
            expected = copy.deepcopy(self.model)
            del expected[("season", season.uuid)]
            self._submit(who, lambda: remove(self.document.plan, [season]), expected)

    # -- undo, redo, reopen --

    @rule(who=WHO)
    def undo(self, who: str) -> None:
        self._at_keyboard(who)
        stack, qt = self.stacks[who], self.document.undo_stack
        assert qt.canUndo() == (stack.index > 0)
        if not qt.canUndo():
            return
        step = stack.steps[stack.index - 1]
        after = run(self.model, who, {k: (end, start) for k, (start, end) in step.rows.items()})
        self.document.undo()
        if after is None:  # stale or refused: the step is taken off the list
            del stack.steps[stack.index - 1]
        else:
            self.model = after
        stack.index -= 1

    @rule(who=WHO)
    def redo(self, who: str) -> None:
        self._at_keyboard(who)
        stack, qt = self.stacks[who], self.document.undo_stack
        assert qt.canRedo() == (stack.index < len(stack.steps))
        if not qt.canRedo():
            return
        step = stack.steps[stack.index]
        after = run(self.model, who, step.rows)
        self.document.redo()
        if after is None:
            del stack.steps[stack.index]
        else:
            self.model = after
            stack.index += 1

    @rule()
    def reopen(self) -> None:
        self.document.close()
        self.document = PlanDocument(PlanFile.open(self.path))
        self.stacks = {who: Stack() for who in self.stacks}

    @invariant()
    def file_matches_the_model(self) -> None:
        assert self._read() == self.model
        for who, stack in self.stacks.items():
            assert self.document.stacks[self._viewer(who)].count() == len(stack.steps)

    def teardown(self) -> None:
        expected = self.model
        self.document.close()
        try:
            self.document = PlanDocument(PlanFile.open(self.path))
            assert self._read() == expected, "the file equals the model after reopening"
            self.document.close()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def test_edits_undos_redos_and_reopenings_keep_file_and_model_equal(qapp: Any) -> None:
    # How many examples and steps: the Hypothesis profile (tests/conftest.py).
    run_state_machine_as_test(EditUndoReopen)
