"""Choosing plan files. The ``.tandem`` suffix is added by the dialog itself,
so that "replace the existing file?" is asked about the name really used."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from models.plan_file import SUFFIX

FILE_FILTER = f"Tandem plans (*{SUFFIX});;All files (*)"


def ask_save_path(parent: QWidget, title: str, suggestion: Path) -> Path | None:
    dialog = QFileDialog(parent, title, str(suggestion.parent), FILE_FILTER)
    dialog.setObjectName("savePlanDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(SUFFIX.lstrip("."))
    dialog.selectFile(suggestion.name)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def ask_open_path(parent: QWidget, start: Path) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Open a Plan", str(start), FILE_FILTER)
    return Path(name) if name else None
