"""Checklist benchmark: is the Checklist tab quick with years of check-ins?

Generates a plan of N check-ins (default 40, monthly from 2023) of M indicators (default
12: the seed's seven and five of the couple's own), each rated by both partners with a
note, all revealed; the same every run. Then measures:

  show the tab     opening the plan until a shown 1400x860 ChecklistTab is painted with it
                   (median of 7 runs, fresh document and tab each): opening the file,
                   set_document() (history, the newest check-in's ratings, the trend data,
                   red flags, indicators, the due date), and one paint of the tab (grab());
  show the trend   switching to the Trends page until its chart of M small charts is drawn
                   and painted (after matplotlib and the fonts are loaded, timed apart);
  one rating       with the Trends page shown, one partner changes one rating of a revealed
                   check-in (R runs, default 15, alternating 2 and 4): submit() (stored,
                   undo step, the tab refreshed from the plan) until the chart is redrawn
                   and painted.

Uses QT_QPA_PLATFORM=offscreen (or --platform xcb) and a temporary folder for the plan
and HOME. Prints figures, asserts no timing.

Run from the repository root:  .venv/bin/python benchmarks/checklist.py [--checkins N]
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

from models.calendar import add_months
from models.changes import Edit
from models.checklist import add_indicator, indicators, new_checkin, rate
from models.partners import new_plan_rows, partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER, Viewer
from models.reveal import mark_done
from report.charts import chart_style
from ui.checklist.tab import TRENDS, ChecklistTab
from ui.document import PlanDocument

FIRST = date(2023, 1, 14)
SHOW_RUNS = 7
OWN = ["We each take a real holiday", "Money talk stays calm", "We sleep enough",
       "Friends see both of us", "We laugh at work stories"]


def make_plan(path: Path, count: int, per: int, seed: int) -> date:
    """``count`` monthly check-ins of ``per`` indicators, rated and revealed; the
    day after the last one."""
    rng = random.Random(seed)
    plan = PlanFile.create(path, new_plan_rows("Ana", "Bo"))
    for title in OWN[:max(0, per - 7)]:
        plan.apply(add_indicator(plan, title), TOGETHER)
    asked = indicators(plan)[:per]
    pair = [Viewer.partner(p.uuid) for p in partners(plan)]
    last = FIRST
    for number in range(count):
        last = add_months(FIRST, number)
        start = new_checkin(plan, last, last)
        plan.apply(start, TOGETHER)
        uuid = next(c.uuid for c in start if c.table == "checkin")
        for viewer in pair:
            edit: Edit = ()
            for indicator in asked:
                edit += rate(plan, viewer, uuid, indicator.uuid, score=rng.randint(1, 5),
                             note=rng.choice(["", "Better than last month", "Busy weeks"]))
            plan.apply(edit, viewer)
            plan.apply(mark_done(plan, viewer, uuid), viewer)
    plan.close()
    return add_months(last, 1)


def new_tab(today: date) -> ChecklistTab:
    tab = ChecklistTab()
    tab.today = lambda: today
    tab.resize(1400, 860)
    tab.show()
    QApplication.processEvents()
    return tab


def show_tab(path: Path, today: date) -> dict[str, list[float]]:
    steps: dict[str, list[float]] = {name: [] for name in (
        "open the file", "set_document", "first paint", "total")}
    for _ in range(SHOW_RUNS):
        tab = new_tab(today)
        tab.setUpdatesEnabled(False)  # so that the one paint is timed on its own
        t0 = time.perf_counter()
        document = PlanDocument(PlanFile.open(path))
        t1 = time.perf_counter()
        tab.set_document(document)
        t2 = time.perf_counter()
        tab.setUpdatesEnabled(True)
        tab.grab()  # paints the whole tab, synchronously
        t3 = time.perf_counter()
        for name, value in zip(steps, (t1 - t0, t2 - t1, t3 - t2, t3 - t0), strict=True):
            steps[name].append(value)
        tab.set_document(None)
        tab.close()
        document.close()
    return steps


def trend_runs(path: Path, today: date, runs: int,
               ) -> tuple[float, float, list[float], list[float]]:
    """Seconds to load matplotlib and the fonts, to show the Trends page, then
    per rating change: submit alone, and submit until the chart is painted."""
    document = PlanDocument(PlanFile.open(path))
    tab = new_tab(today)
    tab.set_document(document)
    QApplication.processEvents()
    t0 = time.perf_counter()
    with chart_style():  # matplotlib imported and the fonts registered: once per run of the app
        pass
    warm = time.perf_counter() - t0
    t0 = time.perf_counter()
    tab.pages.setCurrentIndex(TRENDS)
    tab.trends.chart.redraw()  # what the page's settle timer does once it is shown
    tab.trends.chart.grab()
    shown = time.perf_counter() - t0
    if not tab.trends.chart.drawn:
        sys.exit("the trend chart was not drawn")
    viewer = Viewer.partner(partners(document.plan)[0].uuid)
    document.set_viewer(viewer)
    QApplication.processEvents()
    newest = tab.current_uuid()
    first = indicators(document.plan)[0].uuid
    submit, whole = [], []
    for number in range(runs):
        before = tab.trends.trend
        edit = rate(document.plan, viewer, newest, first, score=2 if number % 2 else 4)
        t0 = time.perf_counter()
        document.submit("Rate", edit)
        t1 = time.perf_counter()
        tab.trends.chart.grab()
        t2 = time.perf_counter()
        if tab.trends.trend == before or not tab.trends.chart.drawn:
            sys.exit("the rating did not change the trend")
        submit.append(t1 - t0)
        whole.append(t2 - t0)
    tab.set_document(None)
    document.close()
    return warm, shown, submit, whole


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkins", type=int, default=40, help="check-ins in the plan")
    parser.add_argument("--indicators", type=int, default=12, choices=range(7, 13),
                        metavar="7..12", help="indicators rated in each")
    parser.add_argument("--runs", type=int, default=15, help="rating changes timed")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated plan")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM to use")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as tmp:
        app = application(options.platform, Path(tmp))
        path = Path(tmp) / "checklist.tandem"
        today = make_plan(path, options.checkins, options.indicators, options.seed)
        print(f"Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, platform "
              f"{app.platformName()}, {options.checkins} check-ins x {options.indicators} "
              f"indicators, both partners, all revealed")

        steps = show_tab(path, today)
        print(f"\nShow the tab ({SHOW_RUNS} runs){'median':>16}{'min':>10}{'max':>10}")
        for name, values in steps.items():
            print(row(name, values))

        warm, shown, submit, whole = trend_runs(path, today, options.runs)
        print(f"\nShow the Trends page: {shown * 1000:.1f} ms (first chart drawn and painted), "
              f"after {warm * 1000:.0f} ms to load matplotlib and the fonts (once per run "
              "of the app)")
        print(f"\nOne rating changed, Trends shown ({options.runs} runs)"
              f"{'median':>6}{'min':>10}{'max':>10}")
        print(row("submit and refresh", submit))
        print(row("... and chart redrawn", whole))
    return 0


if __name__ == "__main__":
    sys.exit(main())
