"""Goals & Wins benchmark: is the tab quick with years of goals and wins?

Generates a plan of G goals (default 100), W wins (default 500, each with its
roadmap marker and a note of appreciation) and P opportunities passed up
(default 50), the same every run. Then measures:

  show the tab     opening the plan until a shown 1400x860 GoalsTab is painted with it
                   (median of 7 runs, fresh document and tab each);
  one win          logging one more win with the Wins page shown: submit() (stored, undo
                   step, every page refreshed from the plan) until the tab is painted
                   (median of 15 runs);
  lead balance     models.passed_up.passed_up_sentence(), what the Roadmap tab's insight line
                   shows (median of 50);
  check-in         models.goals.wins_evidence(), what the checklist offers (median of 50).

Uses QT_QPA_PLATFORM=offscreen and a temporary folder for the plan and HOME.
Prints figures, asserts no timing.

Run from the repository root:  .venv/bin/python benchmarks/goals.py [--wins N]
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from models.changes import Edit  # noqa: E402
from models.goals import appreciate, log_win, new_goal, wins, wins_evidence  # noqa: E402
from models.partners import new_plan_rows, partners  # noqa: E402
from models.passed_up import log_passed_up, passed_up_sentence  # noqa: E402
from models.plan_file import PlanFile  # noqa: E402
from models.privacy import TOGETHER, Viewer  # noqa: E402
from ui.app import make_application  # noqa: E402
from ui.document import PlanDocument  # noqa: E402
from ui.goals.tab import WINS, GoalsTab  # noqa: E402

FIRST = date(2016, 1, 4)
TODAY = date(2026, 11, 24)


def make_plan(path: Path, goals: int, wins_count: int, passed: int, seed: int) -> None:
    chance = random.Random(seed)
    PlanFile.create(path, new_plan_rows("Ana", "Bo")).close()
    with PlanFile.open(path) as plan:
        pair = partners(plan)
        edit: Edit = ()
        for n in range(goals):
            who = pair[n % 2]
            edit += new_goal(who.uuid, f"Goal {n}: lead something bigger", chance.choice(
                ["short", "long"]), strengths="Patience, a network, " * 4,
                weaknesses="Too much on the plate " * 3, overlaps=n % 7 == 0,
                target_date=FIRST + timedelta(days=30 * n))
        for n in range(passed):
            edit += log_passed_up(pair[n % 2].uuid, f"Offer {n} from far away",
                                  FIRST + timedelta(days=60 * n), viewer=TOGETHER,
                                  gained="Time together " * 5, lost="A bigger title " * 5)
        for n in range(wins_count):
            edit += log_win(pair[n % 2].uuid, f"Win {n}: shipped, closed, spoke",
                            FIRST + timedelta(days=7 * n), viewer=TOGETHER, notes="It took " * 8)
        plan.apply(edit, TOGETHER)
        thanks: Edit = ()
        for win in wins(plan):
            other = next(p for p in pair if p.uuid != win.partner_uuid)
            plan.apply(appreciate(win, Viewer.partner(other.uuid), "So proud of you " * 4),
                       Viewer.partner(other.uuid))
        del thanks


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--goals", type=int, default=100)
    parser.add_argument("--wins", type=int, default=500)
    parser.add_argument("--passed", type=int, default=50)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HOME"] = folder
        app = QApplication.instance() or make_application(sys.argv[:1])
        path = Path(folder) / "bench.tandem"
        started = time.perf_counter()
        make_plan(path, arguments.goals, arguments.wins, arguments.passed, 1)
        print(f"plan of {arguments.goals} goals, {arguments.wins} wins, {arguments.passed} "
              f"passed up made in {time.perf_counter() - started:.1f} s")

        shows = []
        for _run in range(7):
            started = time.perf_counter()
            document = PlanDocument(PlanFile.open(path))
            tab = GoalsTab()
            tab.today = lambda: TODAY
            tab.resize(1400, 860)
            tab.show()
            tab.set_document(document)
            tab.grab()
            shows.append(time.perf_counter() - started)
            tab.set_document(None)
            tab.close()
            tab.deleteLater()
            document.close()
            app.processEvents()
        print(f"show the tab  {median_ms(shows)}")

        document = PlanDocument(PlanFile.open(path))
        tab = GoalsTab()
        tab.today = lambda: TODAY
        tab.resize(1400, 860)
        tab.show()
        tab.set_document(document)
        tab.pages.setCurrentIndex(WINS)
        tab.grab()
        ana = partners(document.plan)[0]
        ones = []
        for n in range(15):
            edit = log_win(ana.uuid, f"One more win {n}", TODAY, viewer=TOGETHER)
            started = time.perf_counter()
            document.submit("Log", edit)
            tab.grab()
            ones.append(time.perf_counter() - started)
        print(f"one win       {median_ms(ones)}")
        balance, evidence = [], []
        for _run in range(50):
            started = time.perf_counter()
            passed_up_sentence(document.plan)
            balance.append(time.perf_counter() - started)
            started = time.perf_counter()
            wins_evidence(document.plan, TODAY)
            evidence.append(time.perf_counter() - started)
        print(f"lead balance  {median_ms(balance)}")
        print(f"check-in      {median_ms(evidence)}")
        tab.set_document(None)
        document.close()


if __name__ == "__main__":
    main()
