"""Startup benchmark: how long until a couple sees their roadmap?

Measures, in one run, the wall time from spawning a fresh Python process to its
first real paint on the display, for:

  floor   imports PySide6.QtWidgets and sqlalchemy.orm, creates a QApplication
          and shows a bare QMainWindow, until that window has painted -- the
          least any such app can cost;
  tandem  starts Tandem through main.py, opening the example plan (created once
          in a temporary folder), until the Roadmap chart of it has painted
          (the watcher is benchmarks/startup_probe.py), as the first time
          on this computer (fresh settings each run: the Roadmap's rows are
          checked before the paint, the other exercises' right after it);
  reopen  the same, as every day after: one set of settings, so Tandem
          knows the plan as it closed it (its rows are not checked again,
          and the other exercises' models load after the first paint);
  frozen  with --frozen APP_FOLDER: the same for the frozen app (PyInstaller,
          packaging/tandem.spec), through its own copy of that watcher,
          APP_FOLDER/tandem-startup-probe.

The parent records the wall clock just before spawning; the child prints
time.time() once the paint event is over. Run it on a real display (xcb; here
under Xvfb) -- offscreen skips the window system -- with fresh temporary
XDG_CONFIG_HOME / XDG_DATA_HOME, so real user settings are never touched. One
unreported warm-up run of each comes first; after that they alternate.
Also prints how long after that paint the window's reminders follow (they
read every exercise). Prints figures only; it asserts nothing about timings. The targets: tandem at
most 1.3x the floor, frozen at most 1.2x tandem.

Run from the repository root:
  xvfb-run -a .venv/bin/python benchmarks/startup.py [--runs N] [--frozen build/dist/tandem]
"""

from __future__ import annotations

import argparse
import compileall
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
#: The frozen app against the same start from source.
FROZEN_TARGET = 1.2
HEAVY = ("matplotlib", "reportlab")

# Each child prints one JSON line on stdout once its window has been shown.
REPORT = """
def report(**extra):
    print(json.dumps(dict(shown=time.time(), **extra)), flush=True)
"""

# The bare window, watched as Tandem is (benchmarks/paint_watch.py, which
# imports Qt alone: here too it comes before SQLAlchemy).
FLOOR_CHILD = "import json, sys, time" + REPORT + """
sys.path.append("benchmarks")
from paint_watch import Painted
from PySide6.QtWidgets import QApplication, QMainWindow
import sqlalchemy.orm

app = QApplication(sys.argv)
window = QMainWindow()
watcher = Painted(window, lambda: (report(), app.quit()))
window.show()
sys.exit(app.exec())
"""

# Tandem as main.py starts it, with the paint watcher of startup_probe.py
# (which imports ui first, as main.py does: the model before Qt).
TANDEM_CHILD = """
import sys
sys.path.append("benchmarks")  # after the project, whose packages the scripts here must not hide
import startup_probe  # reports the Roadmap's first paint, then closes Tandem
import main
sys.exit(main.main(["tandem", *sys.argv[1:]]))
"""
#: The frozen app's copy of that child, built beside its ``tandem``.
PROBE = "tandem-startup-probe"


def run_once(command: list[str], platform: str, scratch: Path, home: Path | None = None) -> dict:
    """Spawn one child (in a fresh home unless ``home`` is given); return its
    report with 'seconds' from spawn to shown."""
    home = home or Path(tempfile.mkdtemp(dir=scratch))
    env = dict(os.environ, QT_QPA_PLATFORM=platform,
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    start = time.time()  # wall clock, comparable with the child's time.time()
    proc = subprocess.run(command, cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    result = json.loads(lines[-1]) if lines else {}
    if proc.returncode != 0 or "shown" not in result:
        sys.exit(f"child failed (exit {proc.returncode}): {' '.join(command)}\n"
                 f"{proc.stdout}{proc.stderr}")
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
    parser.add_argument("--frozen", type=Path, metavar="APP_FOLDER",
                        help="also time the frozen app in this folder (build/dist/tandem, "
                             f"built with TANDEM_STARTUP_PROBE=1 so that it holds {PROBE})")
    options = parser.parse_args()
    runs = max(5, options.runs)
    probe = None
    if options.frozen is not None:
        probe = options.frozen / PROBE
        if not probe.is_file():
            sys.exit(f"{probe} not found: build the app with TANDEM_STARTUP_PROBE=1 "
                     "(see packaging/README.md)")

    # An installed Tandem runs from bytecode (pip and PyInstaller compile it),
    # as the floor's PySide6 and SQLAlchemy do: compile ours too, whatever
    # PYTHONDONTWRITEBYTECODE says, or each start would time compiling it.
    for folder in ("models", "ui", "report", "resources", "benchmarks"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    compileall.compile_file(ROOT / "main.py", quiet=1)

    import PySide6
    print(f"Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, "
          f"platform {options.platform}, {runs} runs each (+1 warm-up)")
    heavy: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as tmp:
        scratch = Path(tmp)
        plan = make_plan(scratch)
        # "tandem" opens the plan as if for the first time on this computer
        # (a fresh home each run); "reopen" as every day after (one home: the
        # warm-up run closed it, so Tandem knows it as it left it).
        children = {"floor": [sys.executable, "-c", FLOOR_CHILD],
                    "tandem": [sys.executable, "-c", TANDEM_CHILD, str(plan)],
                    "reopen": [sys.executable, "-c", TANDEM_CHILD, str(plan)]}
        kept_home = Path(tempfile.mkdtemp(dir=scratch))
        if probe is not None:
            children["frozen"] = [str(probe), str(plan)]
        times: dict[str, list[float]] = {name: [] for name in children}
        #: From the plan's paint until the reminders the window shows after it.
        settling: dict[str, list[float]] = {name: [] for name in children}
        for index in range(runs + 1):
            for name, command in children.items():
                result = run_once(command, options.platform, scratch,
                                  kept_home if name == "reopen" else None)
                heavy.update(result.get("heavy", []))
                if index > 0:  # run 0 is the warm-up
                    times[name].append(result["seconds"])
                    if "settled" in result:
                        settling[name].append(result["settled"] - result["shown"])

    print(f"\n{'':8}{'runs':>6}{'median':>10}{'min':>10}{'max':>10}")
    for name, values in times.items():
        print(f"{name:8}{len(values):>6}" + "".join(
            f"{v * 1000:>8.0f}ms" for v in
            (statistics.median(values), min(values), max(values))))
    print()
    for name in ("tandem", "reopen"):
        ratio = statistics.median(times[name]) / statistics.median(times["floor"])
        verdict = "within" if ratio <= TARGET else "OVER"
        print(f"{name}/floor (medians): {ratio:.2f}x  (target: at most {TARGET}x; {verdict})")
    for name, values in settling.items():
        if values:
            print(f"{name}: the reminders follow the plan's paint by "
                  f"{statistics.median(values) * 1000:.0f}ms (median)")
    if "frozen" in times:
        frozen = statistics.median(times["frozen"]) / statistics.median(times["tandem"])
        verdict = "within" if frozen <= FROZEN_TARGET else "OVER"
        print(f"frozen/tandem (medians): {frozen:.2f}x  "
              f"(target: at most {FROZEN_TARGET}x; {verdict})")
    if heavy:
        print(f"heavy modules loaded by the time the window was shown: "
              f"{', '.join(sorted(heavy))} -- they must not be")
    else:
        print(f"heavy modules loaded by the time the window was shown: none "
              f"({' and '.join(HEAVY)} not in sys.modules) -- good")
    return 0


if __name__ == "__main__":
    sys.exit(main())
