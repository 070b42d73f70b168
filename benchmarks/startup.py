"""Startup benchmark: how long until Tandem's main window is on screen?

Measures, in one run, the wall time from spawning a fresh Python process to its
main window being shown (after the first turn of the event loop), for:

  floor   imports PySide6.QtWidgets and sqlalchemy.orm, creates a QApplication
          and shows a bare QMainWindow -- the least any such app can cost;
  tandem  starts Tandem as main.py does, opening the example plan (created once
          in a temporary folder), and shows the main window with the plan open.

The parent records the wall clock just before spawning; the child prints
time.time() from a zero-delay QTimer.singleShot queued after show(). Children run
with QT_QPA_PLATFORM=offscreen (override with --platform xcb) and with fresh
temporary XDG_CONFIG_HOME / XDG_DATA_HOME, so real user settings are never touched.
One unreported warm-up run of each comes first; after that the two alternate.
Prints figures only; it asserts nothing about timings. The target is tandem at
most 1.5x the floor.

Run from the repository root:  .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.5
HEAVY = ("matplotlib", "reportlab")

# Each child prints one JSON line on stdout once its window has been shown.
REPORT = """
def report(**extra):
    print(json.dumps(dict(shown=time.time(), **extra)), flush=True)
"""

FLOOR_CHILD = "import json, sys, time" + REPORT + """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
import sqlalchemy.orm

app = QApplication(sys.argv)
window = QMainWindow()
window.show()
QTimer.singleShot(0, lambda: (report(), app.quit()))
sys.exit(app.exec())
"""

TANDEM_CHILD = f"import json, sys, time\nHEAVY = {HEAVY!r}" + REPORT + """
from pathlib import Path
from PySide6.QtCore import QTimer
from ui.app import make_application

def done():
    report(heavy=[name for name in HEAVY if name in sys.modules])
    window.close()  # closes the plan cleanly; happens after the time is taken
    app.quit()

plan = Path(sys.argv[1])
app = make_application(sys.argv)
from ui.window.main_window import MainWindow
window = MainWindow()
window.open_at_start(plan)
if window.document is None:
    sys.exit(f"benchmark child: the plan {plan} did not open")
window.show()
QTimer.singleShot(0, done)
sys.exit(app.exec())
"""


def run_once(code: str, args: list[str], platform: str, scratch: Path) -> dict:
    """Spawn one child; return its report with 'seconds' from spawn to shown."""
    home = Path(tempfile.mkdtemp(dir=scratch))
    env = dict(os.environ, QT_QPA_PLATFORM=platform,
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    start = time.time()  # wall clock, comparable with the child's time.time()
    proc = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        sys.exit(f"child failed (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}")
    result = json.loads(lines[-1])
    result["seconds"] = result["shown"] - start
    return result


def make_plan(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    import resources
    from models.exchange import rows_from_dict
    from models.plan_file import PlanFile
    path = folder / "rachel-and-marcus.tandem"
    rows = rows_from_dict(resources.load_json("examples/rachel-and-marcus.json"))
    PlanFile.create(path, rows).close()
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="measured runs of each (min 5)")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for children")
    options = parser.parse_args()
    runs = max(5, options.runs)

    import PySide6
    print(f"Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, "
          f"platform {options.platform}, {runs} runs each (+1 warm-up)")
    times: dict[str, list[float]] = {"floor": [], "tandem": []}
    heavy: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as tmp:
        scratch = Path(tmp)
        plan = make_plan(scratch)
        children = {"floor": (FLOOR_CHILD, []), "tandem": (TANDEM_CHILD, [str(plan)])}
        for index in range(runs + 1):
            for name, (code, args) in children.items():
                result = run_once(code, args, options.platform, scratch)
                heavy.update(result.get("heavy", []))
                if index > 0:  # run 0 is the warm-up
                    times[name].append(result["seconds"])

    print(f"\n{'':8}{'runs':>6}{'median':>10}{'min':>10}{'max':>10}")
    for name, values in times.items():
        print(f"{name:8}{len(values):>6}" + "".join(
            f"{v * 1000:>8.0f}ms" for v in
            (statistics.median(values), min(values), max(values))))
    ratio = statistics.median(times["tandem"]) / statistics.median(times["floor"])
    verdict = "within" if ratio <= TARGET else "OVER"
    print(f"\ntandem/floor (medians): {ratio:.2f}x  (target: at most {TARGET}x; {verdict})")
    if heavy:
        print(f"heavy modules loaded by the time the window was shown: "
              f"{', '.join(sorted(heavy))} -- they must not be")
    else:
        print(f"heavy modules loaded by the time the window was shown: none "
              f"({' and '.join(HEAVY)} not in sys.modules) -- good")
    return 0


if __name__ == "__main__":
    sys.exit(main())
