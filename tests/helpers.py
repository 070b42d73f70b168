"""Small helpers shared by tests."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from models.exchange import plan_to_dict
from models.plan_file import PlanFile


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def stored(path: Path) -> dict[str, Any]:
    """What the file on disk holds, read by a fresh open."""
    with PlanFile.open(path) as plan:
        return plan_to_dict(plan.session)


def visible_text(label: Any) -> str:
    """The text a QLabel shows, with any rich-text markup rendered away."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()
