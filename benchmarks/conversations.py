"""Conversations benchmark: is the Conversations tab quick with a well-used plan?

Generates a plan with the seed's 20 questions and N of the couple's own (default 200,
spread over the five decks), each answered by both partners (answers of about 1,500
characters), all revealed, half discussed with an agreement; and M support items per
partner (default 60), shared, half of the wishes taken up. The same every run. Then
measures:

  show the tab      opening the plan until a shown 1400x860 ConversationsTab is painted
                    with it (median of 7 runs, fresh document and tab each);
  one burst stored  with a question shown, its partner's answer changed as a burst of
                    typing is stored (R runs, default 15): submit() (stored, undo step,
                    the decks' progress, the question and the lists refreshed) and a paint;
  next question     Alt+Down: the next question's view built and painted (R runs);
  support page      switching to the Support Inventory page and painting it.

Uses QT_QPA_PLATFORM=offscreen (or --platform xcb) and a temporary folder for the plan
and HOME. Prints figures, asserts no timing.

Run from the repository root:  .venv/bin/python -P benchmarks/conversations.py [--questions N]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import PySide6
from bench_app import application, row
from PySide6.QtWidgets import QApplication

from models.changes import Edit
from models.conversation_edits import (
    add_question,
    finish,
    set_discussed,
    store_agreed,
    store_answer,
)
from models.conversations import deck_titles, decks
from models.partners import new_plan_rows, partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER, Viewer
from models.support_inventory import KINDS, WISH, add_item, set_taken_up, share_lists, support_items
from ui.conversations.tab import SUPPORT, ConversationsTab
from ui.document import PlanDocument

SHOW_RUNS = 7
DAY = date(2026, 11, 24)
WORDS = ("career", "Seattle", "weekend", "support", "season", "move", "team", "balance",
         "family", "promotion", "listen", "trust", "time", "money", "dream")


def prose(rng: random.Random, characters: int) -> str:
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < characters:
        words.append(rng.choice(WORDS))
    return " ".join(words).capitalize() + "."


def make_plan(path: Path, own: int, items: int, seed: int) -> None:
    rng = random.Random(seed)
    plan = PlanFile.create(path, new_plan_rows("Ana", "Bo"))
    ids = list(deck_titles())
    for number in range(own):
        _row, edit = add_question(plan, ids[number % len(ids)], f"Our question {number + 1}?")
        plan.apply(edit, TOGETHER)
    pair = [Viewer.partner(p.uuid) for p in partners(plan)]
    questions = [q.uuid for deck in decks(plan) for q in deck.questions]
    for viewer in pair:
        for uuid in questions:
            edit: Edit = store_answer(plan, viewer, uuid, prose(rng, 1500))
            plan.apply(edit, viewer)
            plan.apply(finish(plan, viewer, uuid), viewer)
        for number in range(items):
            _item, edit = add_item(plan, viewer, KINDS[number % 2], prose(rng, 80))
            plan.apply(edit, viewer)
        plan.apply(share_lists(plan, viewer), viewer)
    for uuid in questions[::2]:
        plan.apply(set_discussed(plan, uuid, True, DAY), TOGETHER)
        plan.apply(store_agreed(plan, uuid, prose(rng, 300)), TOGETHER)
    for viewer in pair:
        wishes = [i for i in support_items(plan, viewer)
                  if i.kind == WISH and i.author_uuid != viewer.partner_uuid]
        for item in wishes[::2]:
            plan.apply(set_taken_up(plan, viewer, item, True, DAY), viewer)
    plan.close()


def new_tab() -> ConversationsTab:
    tab = ConversationsTab()
    tab.today = lambda: DAY
    tab.resize(1400, 860)
    tab.show()
    QApplication.processEvents()
    return tab


def show_tab(path: Path) -> dict[str, list[float]]:
    steps: dict[str, list[float]] = {name: [] for name in (
        "open the file", "set_document", "first paint", "total")}
    for _ in range(SHOW_RUNS):
        tab = new_tab()
        tab.setUpdatesEnabled(False)  # so that the one paint is timed on its own
        t0 = time.perf_counter()
        document = PlanDocument(PlanFile.open(path))
        t1 = time.perf_counter()
        tab.set_document(document)
        t2 = time.perf_counter()
        tab.setUpdatesEnabled(True)
        tab.grab()
        t3 = time.perf_counter()
        for name, value in zip(steps, (t1 - t0, t2 - t1, t3 - t2, t3 - t0), strict=True):
            steps[name].append(value)
        tab.set_document(None)
        tab.close()
        document.close()
    return steps


def edit_runs(path: Path, runs: int) -> tuple[list[float], list[float], float]:
    document = PlanDocument(PlanFile.open(path))
    tab = new_tab()
    tab.set_document(document)
    viewer = Viewer.partner(partners(document.plan)[0].uuid)
    document.set_viewer(viewer)
    QApplication.processEvents()
    rng = random.Random(7)
    stored, stepped = [], []
    for number in range(runs):
        question = tab.current_question()
        assert question is not None
        from models.conversation_edits import unfinish

        document.submit("Not done", unfinish(document.plan, viewer, question.uuid))
        edit = store_answer(document.plan, viewer, question.uuid, prose(rng, 1500))
        t0 = time.perf_counter()
        document.submit("Write", edit, f"typing:{number}")
        tab.grab()
        stored.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        tab.next_action.trigger()
        tab.grab()
        stepped.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    tab.pages.setCurrentIndex(SUPPORT)
    tab.grab()
    support = time.perf_counter() - t0
    tab.set_document(None)
    document.close()
    return stored, stepped, support


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=200, help="questions of their own")
    parser.add_argument("--items", type=int, default=60, help="support items per partner")
    parser.add_argument("--runs", type=int, default=15, help="edits timed")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated plan")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM to use")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as tmp:
        app = application(options.platform, Path(tmp))
        path = Path(tmp) / "conversations.tandem"
        make_plan(path, options.questions, options.items, options.seed)
        print(f"Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, platform "
              f"{app.platformName()}, {20 + options.questions} questions answered by both "
              f"(~1,500 characters each), {options.items} support items each")

        steps = show_tab(path)
        print(f"\nShow the tab ({SHOW_RUNS} runs){'median':>16}{'min':>10}{'max':>10}")
        for name, values in steps.items():
            print(row(name, values))
        stored, stepped, support = edit_runs(path, options.runs)
        print(f"\nAs a partner ({options.runs} runs){'median':>12}{'min':>10}{'max':>10}")
        print(row("burst stored and painted", stored))
        print(row("next question shown", stepped))
        print(f"\nSupport Inventory page shown and painted: {support * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
