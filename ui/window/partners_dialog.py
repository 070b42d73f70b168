"""Editing both partners' names, colours, roles and fields: one undo step."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.changes import Edit
from models.errors import TandemError, ValidationError
from models.partners import NAME_MAX, ROLE_MAX, edit_partner, partners
from ui.document import PlanDocument
from ui.style import error_label, swatch_style


class ColorButton(QPushButton):
    def __init__(self, color: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setToolTip("Choose the colour this partner has everywhere in the plan")
        self.clicked.connect(self._choose)
        self.set_color(color)

    def set_color(self, color: str) -> None:
        self.color = color
        self.setText(color)
        self.setStyleSheet(swatch_style(color))

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.color), self, "Partner colour")
        if chosen.isValid():
            self.set_color(chosen.name())


class PartnersDialog(QDialog):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Partners")
        self.document = document
        self.pair = partners(document.session)
        layout = QVBoxLayout(self)
        self.fields: list[dict[str, QWidget]] = []
        for index, partner in enumerate(self.pair, start=1):
            box = QGroupBox(f"Partner {index}")
            form = QFormLayout(box)
            name = QLineEdit(partner.name, maxLength=NAME_MAX, objectName=f"name{index}")
            role = QLineEdit(partner.role, maxLength=ROLE_MAX, objectName=f"role{index}",
                             placeholderText="e.g. Partner at a law firm")
            field = QLineEdit(partner.field, maxLength=ROLE_MAX, objectName=f"field{index}",
                              placeholderText="e.g. Corporate law")
            color = ColorButton(partner.color)
            form.addRow("&Name:", name)
            form.addRow("Current &role:", role)
            form.addRow("&Field:", field)
            row = QHBoxLayout()
            row.addWidget(color)
            row.addStretch(1)
            form.addRow("&Colour:", row)
            layout.addWidget(box)
            self.fields.append({"name": name, "role": role, "field": field, "color": color})
        self.error = error_label("error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def edit(self) -> Edit:
        edit: Edit = ()
        for partner, fields in zip(self.pair, self.fields, strict=True):
            values = {key: widget.text() for key, widget in fields.items()
                      if isinstance(widget, QLineEdit)}
            values["color"] = fields["color"].color  # type: ignore[attr-defined]
            edit += edit_partner(partner, **values)
        return edit

    def accept(self) -> None:
        try:
            self.document.submit("Edit partners", self.edit())
        except TandemError as error:
            self.error.setText(error.message)
            self.error.show()
            if isinstance(error, ValidationError):
                self._focus(error.field)
            return
        super().accept()

    def _focus(self, field: str) -> None:
        widgets = [f[field] for f in self.fields if isinstance(f.get(field), QLineEdit)]
        empty = [w for w in widgets if not w.text().strip()]  # type: ignore[attr-defined]
        target = (empty or widgets[-1:] or [None])[0]
        if target is not None:
            target.setFocus()
            target.selectAll()  # type: ignore[attr-defined]
