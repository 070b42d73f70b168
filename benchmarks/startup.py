"""Startup benchmark: how long until a couple sees their roadmap?

Measures, in one run, the wall time from spawning a fresh Python process to its
first real paint on the display, for:

  floor   imports PySide6.QtWidgets and sqlalchemy.orm, creates a QApplication
          and shows a bare QMainWindow, until that window has painted -- the
          least any such app can cost;
  tandem  starts Tandem as main.py does, opening the example plan (created once
          in a temporary folder), until the Roadmap chart of it has painted.

The parent records the wall clock just before spawning; the child prints
time.time() once the paint event is over. Run it on a real display (xcb; here
under Xvfb) -- offscreen skips the window system -- with fresh temporary
XDG_CONFIG_HOME / XDG_DATA_HOME, so real user settings are never touched. One
unreported warm-up run of each comes first; after that the two alternate.
Prints figures only; it asserts nothing about timings. The target is tandem at
most 1.3x the floor.

Run from the repository root:  xvfb-run -a .venv/bin/python benchmarks/startup.py [--runs N]
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
TARGET = 1.3
HEAVY = ("matplotlib", "reportlab")

# Each child prints one JSON line on stdout once its window has been shown.
REPORT = """
def report(**extra):
    print(json.dumps(dict(shown=time.time(), **extra)), flush=True)
"""

# Reports once the watched widget has painted (after its paint event is over).
PAINTED = """
from PySide6.QtCore import QEvent, QObject, QTimer

class Painted(QObject):
    def __init__(self, widget, then):
        super().__init__()
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.then is not None:
            then, self.then = self.then, None
            QTimer.singleShot(0, then)
        return False
"""

FLOOR_CHILD = "import json, sys, time" + REPORT + PAINTED + """
from PySide6.QtWidgets import QApplication, QMainWindow
import sqlalchemy.orm

app = QApplication(sys.argv)
window = QMainWindow()
watcher = Painted(window, lambda: (report(), app.quit()))
window.show()
sys.exit(app.exec())
"""

# Tandem's own imports come first, as in main.py (ui imports its model before Qt).
TANDEM_CHILD = f"import json, sys, time\nHEAVY = {HEAVY!r}\nimport ui.app" + REPORT + PAINTED + """
from pathlib import Path
from PySide6.QtCore import QTimer
from ui.app import make_application

def done():
    report(heavy=[name for name in HEAVY if name in sys.modules],
           welcome_built=window._welcome is not None)
    window.close()  # closes the plan cleanly; happens after the time is taken
    app.quit()

plan = Path(sys.argv[1])
app = make_application(sys.argv)
from ui.window.main_window import MainWindow
real_show = MainWindow.show

def watched_show(window):
    # Watch the chart for its first paint before anything is shown.
    global watcher
    watcher = Painted(window.tab_pages[0][1].view.viewport(), done)
    real_show(window)

MainWindow.show = watched_show
window = ui.app.start_window(plan)  # exactly as ui.app.main starts
if window.document is None:
    sys.exit(f"benchmark child: the plan {plan} did not open")
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
    parser.add_argument("--platform", default="xcb",
                        help="QT_QPA_PLATFORM for children (xcb: a real display)")
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
