"""Support benchmark: is the Support tab quick with a full household and long budgets?

Generates a plan (the same every run) with N household tasks (default 300), both partners'
budget lines in every category, 60 board members and 40 pivot explorations (each a pivot
phase on the roadmap). Then measures:

  show the tab       opening the plan until a shown 1400x860 SupportTab is painted with
                     it, on the Household page (median of 7 runs, fresh document and tab
                     each): opening the file, set_document() (every page's rows, the
                     balance), the chart drawn and one paint (grab());
  one task's hours   one household task's hours changed through its cell (R runs, default
                     15): submit() (stored, undo step, the page refreshed from the plan)
                     until the balance is rewritten and the chart redrawn and painted;
  one pivot's title  a pivot renamed through its cell: the pivot and its roadmap phase in
                     one edit, until the page is refreshed and painted.

Uses QT_QPA_PLATFORM=offscreen and a temporary folder for the plan and HOME. Prints
figures, asserts no timing.

Run from the repository root:  .venv/bin/python benchmarks/support.py [--tasks N]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

# The repository first: benchmarks/report.py would otherwise stand for the report package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from models.calendar import add_months  # noqa: E402
from models.changes import Edit  # noqa: E402
from models.partners import new_plan_rows, partners  # noqa: E402
from models.plan_file import PlanFile  # noqa: E402
from models.privacy import TOGETHER  # noqa: E402
from models.support import (  # noqa: E402
    add_board_member,
    add_budget_line,
    add_pivot,
    add_task,
    board_roles,
    budget_categories,
)
from report.charts import chart_style  # noqa: E402
from ui.app import make_application  # noqa: E402
from ui.document import PlanDocument  # noqa: E402
from ui.support.tab import SupportTab  # noqa: E402

SHOW_RUNS = 7


def make_plan(path: Path, tasks: int, seed: int) -> None:
    rng = random.Random(seed)
    plan = PlanFile.create(path, new_plan_rows("Ana", "Bo"))
    pair = partners(plan)
    edit: Edit = ()
    for number in range(tasks):
        who = rng.choice([pair[0].uuid, pair[1].uuid, None])
        edit += add_task(f"Task {number}: {rng.choice(['cooking', 'bills', 'school run'])}",
                         who, round(rng.uniform(0.5, 6), 1), rng.random() < 0.3)
    plan.apply(edit, TOGETHER)
    for partner in pair:
        edit = ()
        for category in budget_categories():
            edit += add_budget_line(plan, partner.uuid, category,
                                    money_per_month=rng.randint(0, 500),
                                    hours_per_month=rng.randint(0, 20),
                                    money_used=rng.randint(0, 500),
                                    hours_used=rng.randint(0, 20), note="Evening classes")
        plan.apply(edit, TOGETHER)
    roles = list(board_roles())
    edit = ()
    for number in range(60):
        edit += add_board_member(TOGETHER, pair[number % 2].uuid, f"Person {number}",
                                 roles[number % len(roles)], "Monthly call")
    for number in range(40):
        start = add_months(date(2026, 1, 1), number)
        edit += add_pivot(TOGETHER, pair[number % 2].uuid, f"Pivot {number}", start,
                          add_months(start, 5), "Three conversations")
    plan.apply(edit, TOGETHER)
    plan.close()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=300)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HOME"] = folder
        path = Path(folder) / "bench.tandem"
        make_plan(path, args.tasks, 7)
        qInstallMessageHandler(lambda *_: None)  # font warnings of the offscreen platform
        app = make_application(sys.argv[:1])
        warm = time.perf_counter()
        with chart_style():  # matplotlib and the fonts, loaded once, timed apart
            from report.charts import support as _support  # noqa: F401
        print(f"loading matplotlib, the fonts and the chart module: "
              f"{ms(time.perf_counter() - warm)}")

        shows = []
        for _run in range(SHOW_RUNS + 1):
            start = time.perf_counter()
            document = PlanDocument(PlanFile.open(path))
            tab = SupportTab()
            tab.resize(1400, 860)
            tab.show_page(tab.household)
            tab.show()
            tab.set_document(document)  # draws the chart: the page is shown
            tab.grab()
            shows.append(time.perf_counter() - start)
            if _run < SHOW_RUNS:
                tab.set_document(None)
                tab.deleteLater()
                document.close()
                app.processEvents()
        shows = shows[1:]  # the first run warms Qt's caches
        print(f"show the tab ({args.tasks} tasks, 14 budget lines, 60 board members, "
              f"40 pivots): median {ms(statistics.median(shows))}, max {ms(max(shows))}")

        page = tab.household
        times = []
        for run in range(args.runs):
            index = page.model.index(run % page.model.rowCount(), 2)
            start = time.perf_counter()
            page.model.setData(index, str(2 + run % 2), Qt.ItemDataRole.EditRole)
            page.grab()  # the chart is redrawn by the refresh itself
            times.append(time.perf_counter() - start)
        print(f"one task's hours, until the balance and chart are redrawn: median "
              f"{ms(statistics.median(times))}, max {ms(max(times))}")

        tab.show_page(tab.pivots)
        pivots = tab.pivots
        times = []
        for run in range(args.runs):
            start = time.perf_counter()
            pivots.model.setData(pivots.model.index(0, 1), f"Pivot renamed {run}",
                                 Qt.ItemDataRole.EditRole)
            pivots.grab()
            times.append(time.perf_counter() - start)
        print(f"one pivot's title (and its roadmap phase): median "
              f"{ms(statistics.median(times))}, max {ms(max(times))}")
        tab.set_document(None)
        document.close()
        QApplication.processEvents()


if __name__ == "__main__":
    main()
