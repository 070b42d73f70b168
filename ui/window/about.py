"""Which Tandem this is, and the About box that says so.

The version is read from the installed distribution's metadata, so that
``pyproject.toml`` is the one place it is written."""

from __future__ import annotations

from functools import cache
from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

DISTRIBUTION = "tandem"
#: When Tandem runs from a copy of the source that was never installed.
UNKNOWN_VERSION = "0+unknown"


@cache
def app_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return UNKNOWN_VERSION


def show_about(parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle("About Tandem")
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        f"<h3>Tandem {app_version()}</h3>"
        "<p>Plan two ambitious careers together: a shared roadmap, opportunities "
        "scored by each partner, and check-ins over time.</p>"
        "<p>Your plan stays on this computer, in one file you own. Every change is "
        "saved at once.</p>")
    box.exec()
