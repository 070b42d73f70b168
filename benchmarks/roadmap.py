"""Roadmap benchmark: is the Roadmap tab quick with a plan of hundreds of items?

Generates a plan of N items (default 500, the same every run: phases and milestones of
every kind and status in the three lanes, 1995-2045, and 12 seasons), then measures:

  show the tab   opening the plan until a shown 1400x800 RoadmapTab is painted with it
                 (median of 7 runs, fresh document and tab each): opening the file,
                 set_document(), the queued relayout (scroll bars appear, auto-fit
                 refits), and one paint of the whole tab (grab());
  drag a phase   M mouse moves (default 300; QTest on the viewport) dragging a visible
                 phase at a months zoom, back and forth and across lanes. Every other
                 move is timed as (a) the event alone and (b) the event and a repaint
                 of the whole chart (the worst case); the others as (c) one drag step
                 as the app runs it: the event, then the event loop's own repaint of
                 what changed and its flush to the display (target: p95 under 8 ms,
                 on a real display). Escape then discards the drag.

Uses QT_QPA_PLATFORM=offscreen, or a real display with --platform xcb (under
``xvfb-run`` here), and a temporary folder for the plan and HOME. Prints figures,
asserts no timing; fails only if no drag happened.

Run from the repository root:  .venv/bin/python benchmarks/roadmap.py [--items N] [--moves M]
On a real display:             xvfb-run -a .venv/bin/python benchmarks/roadmap.py --platform xcb
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
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from models.calendar import add_months
from models.partners import new_plan_rows, partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER
from models.roadmap import milestone_kinds, new_item, new_season, phase_kinds, status_labels
from ui.document import PlanDocument
from ui.roadmap.items import PhaseItem
from ui.roadmap.tab import RoadmapTab

FIRST, LAST = date(1995, 1, 1), date(2045, 12, 31)
TODAY = date(2026, 6, 1)  # fixed, so that the past is the same every run
SHOW_RUNS, SHOW_TARGET_MS, MOVE_TARGET_MS = 7, 300, 8
MONTHS = 0.75  # pixels per day at a "Months" zoom level: drags snap to months


def make_plan(path: Path, count: int, seed: int) -> None:
    """``count`` items and 12 seasons, written in one transaction."""
    rng = random.Random(seed)
    plan = PlanFile.create(path, new_plan_rows("Ana", "Bo"))
    leaders = [p.uuid for p in partners(plan)]
    statuses = list(status_labels())  # planned, done, dropped
    edit: tuple = ()
    for number in range(1, count + 1):
        start = FIRST + timedelta(days=rng.randrange((LAST - FIRST).days - 31))
        lane = rng.choice([*leaders, None])  # None: the shared "Our life" lane
        status = rng.choices(statuses, weights=(5, 4, 1))[0]
        if rng.random() < 0.6:
            kind = rng.choice(phase_kinds())
            end = min(add_months(start, rng.randint(1, 48)), LAST)
        else:
            kind, end = rng.choice(milestone_kinds()), None
        edit += new_item(kind.id, f"{kind.label} {number}", start, end, lane, status,
                         viewer=TOGETHER)
    for number in range(12):  # one in each twelfth of the span, so none overlap
        start = add_months(FIRST + (LAST - FIRST) / 12 * number, rng.randint(0, 12))
        edit += new_season(leaders[number % 2], f"Season {number + 1}", start,
                           add_months(start, rng.randint(12, 36)))
    plan.apply(edit, TOGETHER)
    plan.close()


def new_tab() -> RoadmapTab:
    tab = RoadmapTab()
    tab.today = lambda: TODAY
    tab.resize(1400, 800)
    tab.show()
    QApplication.processEvents()
    return tab


def show_tab(path: Path) -> dict[str, list[float]]:
    """Seconds of each step of showing the tab with the plan, for each run."""
    steps: dict[str, list[float]] = {name: [] for name in (
        "open the file", "set_document", "queued relayout", "first paint")}
    for _ in range(SHOW_RUNS):
        tab = new_tab()
        tab.setUpdatesEnabled(False)  # so that the one paint is timed on its own
        marks = [time.perf_counter()]
        document = PlanDocument(PlanFile.open(path))
        marks.append(time.perf_counter())
        tab.set_document(document)
        marks.append(time.perf_counter())
        for _turn in range(3):  # scroll bars appear, the chart narrows, auto-fit refits
            QApplication.processEvents()
        marks.append(time.perf_counter())
        tab.setUpdatesEnabled(True)
        tab.grab()  # paints the whole tab, synchronously
        marks.append(time.perf_counter())
        for name, t0, t1 in zip(steps, marks, marks[1:], strict=False):
            steps[name].append(t1 - t0)
        tab.set_document(None)
        tab.close()
        document.close()
    return steps


def drag_phase(path: Path, moves: int) -> tuple[list[float], list[float], list[float], str]:
    """Seconds per move event, and per event and repaint; what the drag did."""
    document = PlanDocument(PlanFile.open(path))
    tab = new_tab()
    tab.set_document(document)
    tab.set_zoom(MONTHS, anchor=TODAY, anchor_x=500)
    QApplication.processEvents()
    scene, view, viewport = tab.scene, tab.view, tab.view.viewport()
    area = viewport.rect().adjusted(250, 40, -250, -40)
    phases = [e for e in scene.entries.values() if isinstance(e, PhaseItem) and e.width > 60
              and area.contains(view.mapFromScene(e.scenePos()))]
    if not phases:
        sys.exit("no phase is visible at the months zoom: there is nothing to drag")
    entry = min(phases, key=lambda e: (e.start, e.uuid))
    press = view.mapFromScene(entry.scenePos() + QPointF(entry.width / 2, entry.entry.height / 2))
    others = [view.mapFromScene(QPointF(0, b.top + b.height / 2)).y()
              for b in scene.bands[1:] if b.key != entry.lane]
    others = [y for y in others if 0 < y < viewport.height()] or others

    origin, no = entry.pos(), Qt.KeyboardModifier.NoModifier
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, no, press)
    if scene.drag is None or scene.drag.item is not entry:
        sys.exit("pressing on the phase did not start a drag")
    event, frame, step_cost, moved, crossed = [], [], [], 0, 0
    for step in range(1, moves + 1):
        turn = step % 80  # 40 moves of 5 px to the right, 40 back: 8 months each way
        x = press.x() + 5 * (turn if turn <= 40 else 80 - turn)
        y = others[step // 60 % len(others)] if step % 60 >= 40 else press.y()
        before = entry.pos()
        if step % 2:  # (c) as the app runs: the event, then Qt repaints what changed
            t0 = time.perf_counter()
            QTest.mouseMove(viewport, QPoint(x, y))
            QApplication.processEvents()
            step_cost.append(time.perf_counter() - t0)
        else:  # (a) the event alone, (b) with a repaint of the whole view
            t0 = time.perf_counter()
            QTest.mouseMove(viewport, QPoint(x, y))
            t1 = time.perf_counter()
            viewport.repaint()
            event.append(t1 - t0), frame.append(time.perf_counter() - t0)
            QApplication.processEvents()  # untimed: the rest of the event loop's turn
        if scene.drag is None:
            sys.exit(f"the drag ended by itself at move {step}")
        moved += entry.pos() != before
        crossed += scene.drag.new_lane != scene.drag.lane
    if not moved:
        sys.exit("the phase never moved: no drag was measured")
    QTest.keyClick(view, Qt.Key.Key_Escape)  # discard the drag, then let go
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, no, press)
    QApplication.processEvents()
    if document.undo_stack.count() or entry.pos() != origin:
        sys.exit("Escape did not discard the drag")
    tab.set_document(None)
    document.close()
    return event, frame, step_cost, f"{moved} moved the phase, {crossed} in another lane"


def row(name: str, values: list[float], middle: float) -> str:
    return f"  {name:24}" + "".join(f"{v * 1000:>8.1f}ms" for v in
                                   (statistics.median(values), middle, max(values)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=500, help="roadmap items in the plan")
    parser.add_argument("--moves", type=int, default=300, help="mouse moves in the drag")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated plan")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM to use")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as tmp:
        app = application(options.platform, Path(tmp))
        make_plan(Path(tmp) / "big.tandem", options.items, options.seed)
        print(f"Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, platform "
              f"{app.platformName()}, {options.items} roadmap items + 12 seasons")

        steps = show_tab(Path(tmp) / "big.tandem")
        steps["total"] = [sum(run) for run in zip(*steps.values(), strict=True)]
        print(f"\nShow the tab ({SHOW_RUNS} runs){'median':>11}{'min':>10}{'max':>10}")
        for name, values in steps.items():
            print(row(name, values, min(values)))
        total = statistics.median(steps["total"]) * 1000
        print(f"  target: under {SHOW_TARGET_MS} ms "
              f"({'within' if total < SHOW_TARGET_MS else 'OVER'})")

        event, frame, step_cost, did = drag_phase(Path(tmp) / "big.tandem", options.moves)
        print(f"\nMouse moves during a drag ({len(event) + len(step_cost)} moves: {did})"
              f"\n{'':26}{'median':>10}{'p95':>10}{'max':>10}")
        for name, values in (("(a) move event", event), ("(b) event + whole repaint", frame),
                             ("(c) one drag step", step_cost)):
            print(row(name, values, statistics.quantiles(values, n=20)[-1]))
        p95 = statistics.quantiles(step_cost, n=20)[-1] * 1000
        print(f"  target: one drag step under {MOVE_TARGET_MS} ms at p95 on a real display; "
              f"here {p95:.1f} ms on {app.platformName()} "
              f"({'within' if p95 < MOVE_TARGET_MS else 'OVER'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
