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


PRIVACY_TEXT = (
    "<h3>Privacy between the two of you</h3>"
    "<p>Some things you write alone: a roadmap draft “only me, until I share it” now, "
    "and later your own scores, visions and check-in ratings before you reveal them "
    "together. While one of you is at the keyboard (top right), what the other keeps "
    "private is hidden from every view, from the undo history and from the printed "
    "report.</p>"
    "<p><b>This is privacy between partners sharing a laptop, not encryption.</b> "
    "The plan file holds everything, and anyone who opens it with other tools can "
    "read it. Keep the file somewhere only the two of you use.</p>")


def show_privacy(parent: QWidget) -> QMessageBox:
    """Says plainly what privacy in Tandem is and is not (non-blocking)."""
    box = QMessageBox(QMessageBox.Icon.Information, "Privacy", "",
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("privacyHelp")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(PRIVACY_TEXT)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
