"""The paint watcher of ``benchmarks/startup.py``, run before Tandem starts.

Imported (from source) or run as the first script of the frozen
``tandem-startup-probe`` (``TANDEM_STARTUP_PROBE=1`` when building the spec),
it waits for the first window Tandem shows, watches the Roadmap chart for its
first paint, then prints one JSON line (``time.time()`` once that paint is
over, and again once what the window does after it, the reminders, is done;
which heavy modules were loaded by the paint, whether the welcome page was
built) and closes Tandem. What starts Tandem afterwards is ``main.py``, so
the frozen app is measured through its real entry point.
"""

# ruff: noqa: I001, E402  (as main.py starts: the collector held, then ui, which imports the model before Qt)
import json
import sys
import time

import main

main.hold_garbage_collection()  # as main.main() does before it imports the app
import ui.app  # noqa: F401
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from paint_watch import Painted
from ui.window.main_window import MainWindow

HEAVY = ("matplotlib", "reportlab")


_watchers = []
_real_show = MainWindow.show


def _watched_show(window):
    def report(**values):
        print(json.dumps(values), flush=True)
        window.close()  # closes the plan cleanly; happens after the time is taken
        QApplication.quit()

    def done():
        shown = time.time()
        heavy = [name for name in HEAVY if name in sys.modules]
        # Queued after what the window queued to follow its first paint.
        QTimer.singleShot(0, lambda: report(
            shown=shown, settled=time.time(), heavy=heavy,
            welcome_built=window._welcome is not None,
            reminders_waiting=getattr(window, "reminders_held", False)))

    def opened():  # runs once the start has tried to open the plan
        if window.document is None:
            report(error="the plan did not open")

    if not _watchers:
        _watchers.append(Painted(window.tab_pages[0][1].view.viewport(), done))
        QTimer.singleShot(0, opened)
    _real_show(window)


MainWindow.show = _watched_show
