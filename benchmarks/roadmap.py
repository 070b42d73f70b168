"""Roadmap benchmark: is the Roadmap tab quick with a plan of hundreds of items?

Generates, in a temporary folder, a plan of N roadmap items (default 500; the same
mix every run: phases and milestones of every kind and status in all three lanes,
1995-2045, plus a dozen seasons), then measures in this process:

  show the tab   from opening the plan file to the RoadmapTab (1400x800, already
                 shown) painted with it: the median of 7 runs, each with a fresh
                 document and tab, split into opening the file, set_document()
                 (queries, layout, building the scene) and the first paint;
  drag a phase   at a months zoom, a real drag of a visible phase with QTest on the
                 chart's viewport: M mouse moves (default 300) back and forth, some
                 across lanes, each timed as (a) the move event alone and (b) the
                 event plus a synchronous repaint of the chart, the cost of a frame.
                 Escape then discards the drag.

Runs with QT_QPA_PLATFORM=offscreen (override with --platform xcb) and a temporary
HOME, so real plans and settings are never touched. Prints figures only; it asserts
nothing about timings (it fails only if the drag did not happen).

Run from the repository root:  .venv/bin/python benchmarks/roadmap.py [--items N] [--moves M]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST, LAST = date(1995, 1, 1), date(2045, 12, 31)
TODAY = date(2026, 6, 1)  # fixed, so that "past" and "future" are the same every run
SHOW_RUNS = 7
SHOW_TARGET_MS = 300
MOVE_TARGET_MS = 8
MONTHS = 0.75  # pixels per day of a "Months" zoom level: drags snap to months


def make_plan(path: Path, count: int, seed: int) -> None:
    """A plan with ``count`` items and ~12 seasons, written in one transaction."""
    from models.calendar import add_months
    from models.partners import new_plan_rows, partners
    from models.plan_file import PlanFile
    from models.roadmap import STATUSES, milestone_kinds, new_item, new_season, phase_kinds

    rng = random.Random(seed)
    plan = PlanFile.create(path, new_plan_rows("Ana", "Bo"))
    leaders = [p.uuid for p in partners(plan.session)]
    lanes = [*leaders, None]  # None is the shared "Our life" lane
    edit: tuple = ()
    for number in range(count):
        start = FIRST + timedelta(days=rng.randrange((LAST - FIRST).days - 31))
        lane, status = rng.choice(lanes), rng.choices(STATUSES, weights=(5, 4, 1))[0]
        if rng.random() < 0.6:
            kind = rng.choice(phase_kinds())
            end = min(add_months(start, rng.randint(1, 48)), LAST)
        else:
            kind, end = rng.choice(milestone_kinds()), None
        edit += new_item(kind.id, f"{kind.label} {number + 1}", start, end, lane, status)
    slot = (LAST - FIRST) / 12  # one season in each twelfth, so none overlap
    for number in range(12):
        start = add_months(FIRST + slot * number, rng.randint(0, 12))
        edit += new_season(leaders[number % 2], f"Season {number + 1}", start,
                           add_months(start, rng.randint(12, 36)))
    plan.apply(edit)
    plan.close()


def new_tab():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from ui.roadmap.tab import RoadmapTab

    tab = RoadmapTab()
    tab.today = lambda: TODAY
    tab.resize(1400, 800)
    tab.show()
    QApplication.processEvents()
    return tab


def show_tab(path: Path) -> tuple[list[float], ...]:
    """Seconds for opening, set_document and the first paint, for each run."""
    from PySide6.QtWidgets import QApplication

    from models.plan_file import PlanFile
    from ui.document import PlanDocument

    opening, setting, painting = [], [], []
    for _ in range(SHOW_RUNS):
        tab = new_tab()
        t0 = time.perf_counter()
        document = PlanDocument(PlanFile.open(path))
        t1 = time.perf_counter()
        tab.set_document(document)
        t2 = time.perf_counter()
        QApplication.processEvents()  # queued layout work, as the event loop would do
        tab.grab()  # paints the whole tab, synchronously
        t3 = time.perf_counter()
        opening.append(t1 - t0), setting.append(t2 - t1), painting.append(t3 - t2)
        tab.set_document(None)
        tab.close()
        tab.deleteLater()
        document.close()
        QApplication.processEvents()
    return opening, setting, painting


def drag_phase(path: Path, moves: int) -> tuple[list[float], list[float], int]:
    """Seconds per move event, and per move event plus repaint; moves that moved it."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from models.plan_file import PlanFile
    from ui.document import PlanDocument
    from ui.roadmap.items import BAR_HEIGHT, PhaseItem

    document = PlanDocument(PlanFile.open(path))
    tab = new_tab()
    tab.set_document(document)
    tab.set_zoom(MONTHS, anchor=date(2026, 1, 1), anchor_x=500)
    QApplication.processEvents()
    view, viewport = tab.view, tab.view.viewport()
    area = viewport.rect().adjusted(250, 40, -250, -40)
    visible = [e for e in tab.scene.entries.values() if isinstance(e, PhaseItem)
               and e.width > 60 and area.contains(view.mapFromScene(e.scenePos()))]
    if not visible:
        sys.exit("no phase is visible at the months zoom: nothing to drag")
    entry = min(visible, key=lambda e: (e.start, e.uuid))
    press = view.mapFromScene(entry.scenePos() + QPointF(entry.width / 2, BAR_HEIGHT / 2))
    # The centres of the lanes on screen, to drag across now and then.
    lanes = [view.mapFromScene(QPointF(0, b.top + b.height / 2)).y() for b in tab.scene.bands[1:]]
    lanes = [y for y in lanes if 0 < y < viewport.height()] or [press.y()]

    origin = entry.pos()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press)
    if tab.scene.drag is None or tab.scene.drag.item is not entry:
        sys.exit("pressing on the phase did not start a drag")
    event, frame, moved = [], [], 0
    for step in range(1, moves + 1):
        phase = step % 80  # 40 steps of 5 px right, then 40 back: 8 months each way
        dx = 5 * (phase if phase <= 40 else 80 - phase)
        y = lanes[step // 20 % len(lanes)] if step % 60 >= 40 else press.y()
        before = entry.pos()
        t0 = time.perf_counter()
        QTest.mouseMove(viewport, QPoint(press.x() + dx, y))
        t1 = time.perf_counter()
        viewport.repaint()
        t2 = time.perf_counter()
        event.append(t1 - t0), frame.append(t2 - t0)
        moved += entry.pos() != before
        if tab.scene.drag is None:
            sys.exit(f"the drag ended by itself at move {step}")
        QApplication.processEvents()  # untimed: what else the event loop would do
    if moved == 0 or entry.pos() == origin and moves > 40:
        sys.exit("the phase never moved: the benchmark measured no drag")
    QTest.keyClick(view, Qt.Key.Key_Escape)  # discard the drag, then let go
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       press)
    QApplication.processEvents()
    if document.undo_stack.count() or entry.pos() != origin:
        sys.exit("Escape did not discard the drag")
    tab.set_document(None)
    document.close()
    return event, frame, moved


def ms(seconds: float) -> str:
    return f"{seconds * 1000:>8.1f}ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=500, help="roadmap items in the plan")
    parser.add_argument("--moves", type=int, default=300, help="mouse moves in the drag")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the generated plan")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM to use")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as tmp:
        home = Path(tmp) / "home"
        os.environ.update(QT_QPA_PLATFORM=options.platform, HOME=str(home),
                          XDG_CONFIG_HOME=str(home / "config"),
                          XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))
        sys.path.insert(0, str(ROOT))
        import PySide6
        from PySide6.QtWidgets import QApplication

        app = QApplication([sys.argv[0]])
        path = Path(tmp) / "big.tandem"
        make_plan(path, options.items, options.seed)
        print(f"Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, "
              f"platform {app.platformName()}, {options.items} items + 12 seasons, "
              f"{options.moves} moves")

        opening, setting, painting = show_tab(path)
        total = [sum(run) for run in zip(opening, setting, painting, strict=True)]
        print(f"\nShow the tab ({SHOW_RUNS} runs){'median':>14}{'min':>10}{'max':>10}")
        for name, values in (("open the file", opening), ("set_document", setting),
                             ("first paint", painting), ("total", total)):
            print(f"  {name:27}" + "".join(
                ms(v) for v in (statistics.median(values), min(values), max(values))))
        verdict = "within" if statistics.median(total) * 1000 < SHOW_TARGET_MS else "OVER"
        print(f"  target: under {SHOW_TARGET_MS} ms ({verdict})")

        event, frame, moved = drag_phase(path, options.moves)
        print(f"\nMouse move during a drag ({len(event)} moves, {moved} moved the phase)"
              f"\n{'':29}{'median':>10}{'p95':>10}{'max':>10}")
        for name, values in (("(a) move event", event), ("(b) event + repaint", frame)):
            p95 = statistics.quantiles(values, n=20)[-1]
            print(f"  {name:27}" + "".join(
                ms(v) for v in (statistics.median(values), p95, max(values))))
        verdict = "within" if statistics.median(event) * 1000 < MOVE_TARGET_MS else "OVER"
        print(f"  target: under {MOVE_TARGET_MS} ms per move event, a 60 Hz frame being "
              f"16.7 ms ({verdict} for the median event)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
