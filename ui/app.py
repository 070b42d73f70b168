"""The application entry point: ``tandem [PLAN_FILE]``."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import resources
from ui.window.about import app_version

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow

APP_NAME = "Tandem"
#: The installed desktop entry's name (packaging/bundle.py APP_ID).
DESKTOP_ID = "org.tandem_planner.Tandem"


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(app_version())
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(QIcon(str(resources.path("icons/tandem.svg"))))
    return app


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tandem", description="Plan two careers together.")
    parser.add_argument("plan", nargs="?", type=Path, help="a .tandem plan file to open")
    parser.add_argument("--version", action="version", version=f"Tandem {app_version()}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    args = parse_args(argv[1:])
    from ui.window import settings, single_instance
    from ui.window.first_paint import AfterFirstPaint

    # Already open in a running Tandem (a second double-click): that window comes forward.
    if single_instance.hand_off(args.plan or settings.last_plan()):
        return 0
    app = make_application(argv)
    window = start_window(args.plan)  # kept: the window lives as long as the app runs
    # Answers later starts (a child of the window): macOS's file-open events
    # from the start, a second start's socket once the window has painted.
    server = single_instance.PlanServer(window, listen=False)
    AfterFirstPaint(window, server.follow_window)
    result = app.exec()
    del window
    return result


def start_window(plan: Path | None) -> MainWindow:
    """The window as Tandem starts: shown first (a message about a plan that
    can't be opened sits on it), then ``plan`` or else the last plan opened.
    The welcome page is built only if no plan opens."""
    from ui.window import settings
    from ui.window.first_paint import AfterFirstPaint
    from ui.window.main_window import MainWindow

    window = MainWindow(welcome=plan is None and settings.last_plan() is None)
    window.show()
    window.open_at_start(plan)
    AfterFirstPaint(window, gc.enable)  # held until now (main.py): a quicker start
    return window
