"""What every benchmark of the interface sets up first: a private home
folder (real settings and recent plans are never touched), the Qt platform
asked for, the offscreen platform's window-manager notes kept quiet, and
Tandem's own application object."""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from ui.app import make_application


def application(platform: str, folder: Path) -> QApplication:
    home = folder / "home"
    os.environ.update(QT_QPA_PLATFORM=platform, HOME=str(home),
                      XDG_CONFIG_HOME=str(home / "config"),
                      XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))
    qInstallMessageHandler(lambda _mode, _context, message: None if "propagateSizeHints"
                           in message else print(message, file=sys.stderr))
    return make_application([sys.argv[0]])


def row(name: str, values: list[float]) -> str:
    """One line of a timings table: median, least and most, in milliseconds."""
    return f"  {name:26}" + "".join(f"{v * 1000:>8.1f}ms" for v in
                                   (statistics.median(values), min(values), max(values)))
