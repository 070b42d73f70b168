"""Opportunities benchmark: is the scoring grid quick with 100 opportunities x 20 criteria?

Generates a plan (the same every run) with 20 criteria, 100 opportunities, both
partners' weights and all 4,000 scores, every opportunity revealed (the most a
viewer can be shown), then measures:

  show the tab     a shown 1400x800 OpportunitiesTab given the open plan (as when the
                   couple switches to it), median of 7 runs, fresh tab each, in the order
                   of Qt's event loop: set_document() (reading the matrix the viewer may
                   see, building the models), the posted events (layout), and one paint
                   of the whole tab (grab()); then, apart, the work the tab queues for
                   after that paint (the sensitivity line, the discussion list behind its
                   tab). Opening the file is the plan's cost, also shown apart;
  one score        N single-score edits by Ana (default 200, random cells and values),
                   each timed as (a) the update of totals, ranking and marks: the change
                   report handled by the tab's models (the file already written), (b) that
                   and the repaint of what changed (the row, the ranks that moved, the
                   discussion list), (c) the sensitivity line that follows on the next turn,
                   and (d) the whole submit, including SQLite's durable write.

Uses QT_QPA_PLATFORM=offscreen (or --platform xcb) and a temporary folder. Prints
figures, asserts no timing.

Run from the repository root:  .venv/bin/python benchmarks/opportunities.py [--edits N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import PySide6
from bench_app import application
from PySide6.QtWidgets import QApplication

from models.changes import Cause, ChangeReport
from models.opportunities import (
    criteria,
    mark_done_scoring,
    new_criteria,
    new_opportunity,
    opportunities,
    set_score,
    set_scores,
    set_weights,
)
from models.partners import new_plan_rows, partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER, Viewer
from ui.document import PlanDocument
from ui.opportunities.tab import OpportunitiesTab

OPPORTUNITIES, CRITERIA = 100, 20
SHOW_RUNS, SHOW_TARGET_MS, UPDATE_TARGET_MS = 7, 50, 5
TODAY = date(2026, 11, 24)


def make_plan(path: Path, seed: int) -> None:
    rng = random.Random(seed)
    plan = PlanFile.create(path, new_plan_rows("Ana", "Bo"))
    plan.apply(new_criteria(plan, [f"Criterion {n}" for n in range(1, CRITERIA + 1)]),
               TOGETHER)
    pair = [p.uuid for p in partners(plan)]
    edit: tuple = ()
    for number in range(1, OPPORTUNITIES + 1):
        edit += new_opportunity(f"Opportunity {number}", TODAY - timedelta(days=number),
                                partner_uuid=rng.choice([*pair, None]),
                                salary=rng.randrange(40, 400) * 1000, currency="USD",
                                decide_by=TODAY + timedelta(days=rng.randrange(10, 90)))
    plan.apply(edit, TOGETHER)
    found, rows = criteria(plan), opportunities(plan)
    for uuid in pair:
        viewer = Viewer.partner(uuid)
        plan.apply(set_weights(plan, viewer, [(c.uuid, rng.randint(1, 10)) for c in found]),
                   viewer)
        plan.apply(set_scores(plan, viewer, [(o.uuid, c.uuid, rng.randint(1, 10))
                                             for o in rows for c in found]), viewer)
        plan.apply(mark_done_scoring(plan, viewer, [o.uuid for o in rows]), viewer)
    plan.close()


def new_tab() -> OpportunitiesTab:
    tab = OpportunitiesTab()
    tab.today = lambda: TODAY
    tab.resize(1400, 800)
    tab.show()
    QApplication.processEvents()
    return tab


def show_tab(path: Path) -> tuple[dict[str, list[float]], list[float]]:
    steps: dict[str, list[float]] = {name: [] for name in (
        "set_document", "posted events (layout)", "first paint", "then: queued work")}
    opening: list[float] = []
    for _ in range(SHOW_RUNS):
        t0 = time.perf_counter()
        document = PlanDocument(PlanFile.open(path))
        opening.append(time.perf_counter() - t0)
        tab = new_tab()
        tab.setUpdatesEnabled(False)  # so that the one paint is timed on its own
        marks = [time.perf_counter()]
        tab.set_document(document)
        marks.append(time.perf_counter())
        # As the event loop does: posted events (layout requests) before timers.
        QApplication.sendPostedEvents()
        marks.append(time.perf_counter())
        tab.setUpdatesEnabled(True)
        tab.grab()
        marks.append(time.perf_counter())
        # What the tab queued for after its first paint: the sensitivity line, the
        # discussion list behind its tab, the chart if shown.
        for _turn in range(3):
            QApplication.processEvents()
        marks.append(time.perf_counter())
        for name, t1, t2 in zip(steps, marks, marks[1:], strict=False):
            steps[name].append(t2 - t1)
        tab.set_document(None)
        tab.close()
        document.close()
    return steps, opening


def one_score(path: Path, edits: int, seed: int) -> dict[str, list[float]]:
    rng = random.Random(seed)
    document = PlanDocument(PlanFile.open(path))
    tab = new_tab()
    tab.set_document(document)
    QApplication.processEvents()
    plan = document.plan
    ana = Viewer.partner(partners(plan)[0].uuid)
    document.set_viewer(ana)
    QApplication.processEvents()
    found, rows = criteria(plan), opportunities(plan)
    timings: dict[str, list[float]] = {name: [] for name in (
        "(a) totals, ranks, marks", "(b) ... and its repaint", "(c) sensitivity (next turn)",
        "(d) whole submit")}
    for _ in range(edits):
        opportunity, criterion = rng.choice(rows), rng.choice(found)
        edit = set_score(plan, ana, opportunity.uuid, criterion.uuid, rng.randint(1, 10))
        if not edit:
            continue
        plan.apply(edit, ana)  # written first: (a) is what the tab does with the report
        report = ChangeReport.of(edit, Cause.EDIT)
        t0 = time.perf_counter()
        document.changed.emit(report)
        t1 = time.perf_counter()
        tab._later.stop()  # timed on its own, below
        QApplication.processEvents()  # paints what changed: the row, the ranks that moved
        t2 = time.perf_counter()
        tab._update_slow_parts()
        t3 = time.perf_counter()
        QApplication.processEvents()
        timings["(a) totals, ranks, marks"].append(t1 - t0)
        timings["(b) ... and its repaint"].append(t2 - t0)
        timings["(c) sensitivity (next turn)"].append(t3 - t2)
        # The same through the document, as the grid does it: written, pushed, reported.
        edit = set_score(plan, ana, opportunity.uuid, criterion.uuid, rng.randint(1, 10))
        if edit:
            t4 = time.perf_counter()
            document.submit("Score", edit)
            timings["(d) whole submit"].append(time.perf_counter() - t4)
            QApplication.processEvents()
    tab.set_document(None)
    document.close()
    return timings


def row(name: str, values: list[float], middle: float) -> str:
    return f"  {name:30}" + "".join(f"{v * 1000:>8.2f}ms" for v in
                                   (statistics.median(values), middle, max(values)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=200, help="single-score edits to time")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated plan")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM to use")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as tmp:
        app = application(options.platform, Path(tmp))
        path = Path(tmp) / "matrix.tandem"
        make_plan(path, options.seed)
        print(f"Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, platform "
              f"{app.platformName()}, {OPPORTUNITIES} opportunities x {CRITERIA} criteria, "
              f"{2 * OPPORTUNITIES * CRITERIA} scores, all revealed")

        steps, opening = show_tab(path)
        shown = ("set_document", "posted events (layout)", "first paint")
        steps["shown (the three above)"] = [sum(run) for run in zip(
            *(steps[name] for name in shown), strict=True)]
        print(f"\nShow the tab ({SHOW_RUNS} runs){'median':>17}{'min':>10}{'max':>10}")
        for name, values in steps.items():
            print(row(name, values, min(values)))
        total = statistics.median(steps["shown (the three above)"]) * 1000
        print(f"  target: under {SHOW_TARGET_MS} ms "
              f"({'within' if total < SHOW_TARGET_MS else 'OVER'})")
        print(row("(opening the file, apart)", opening, min(opening)))

        timings = one_score(path, options.edits, options.seed)
        count = len(timings["(a) totals, ranks, marks"])
        print(f"\nOne score changes ({count} edits){'median':>14}{'p95':>10}{'max':>10}")
        for name, values in timings.items():
            print(row(name, values, statistics.quantiles(values, n=20)[-1]))
        median = statistics.median(timings["(a) totals, ranks, marks"]) * 1000
        print(f"  target: under {UPDATE_TARGET_MS} ms for (a) "
              f"({'within' if median < UPDATE_TARGET_MS else 'OVER'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
