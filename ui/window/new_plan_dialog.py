"""File ▸ New Plan: both names and where the plan file goes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.base import Entity
from models.errors import ValidationError
from models.partners import new_plan_rows
from models.plan_file import suggested_name, unused_path
from ui.window.file_dialogs import ask_save_path
from ui.window.welcome import PartnerNamesForm


class NewPlanDialog(QDialog):
    def __init__(self, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("New Plan")
        self.folder = folder
        self._chosen: Path | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Who is this plan for?"))
        self.names = PartnerNamesForm()
        layout.addWidget(self.names)
        row = QHBoxLayout()
        row.addWidget(QLabel("Saved as:"))
        self.location = QLineEdit(readOnly=True)
        self.location.setObjectName("location")
        row.addWidget(self.location, 1)
        browse = QPushButton("&Change…")
        browse.setToolTip("Choose another folder or file name for the plan")
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        layout.addLayout(row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create Plan")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.names.changed.connect(self._update)
        self.rows: list[Entity] = []
        self._update()

    def path(self) -> Path:
        if self._chosen is not None:
            return self._chosen
        return unused_path(self.folder, suggested_name(*self.names.names()))

    def _update(self) -> None:
        self.location.setText(str(self.path()))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.names.is_filled())

    def _browse(self) -> None:
        chosen = ask_save_path(self, "Save the New Plan As", self.path())
        if chosen is not None:
            self._chosen = chosen
            self._update()

    def accept(self) -> None:
        try:
            self.rows = new_plan_rows(*self.names.names())
        except ValidationError as error:
            self.names.show_error(error)
            return
        super().accept()

