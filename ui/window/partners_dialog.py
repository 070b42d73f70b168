"""Editing both partners' names, colours, roles and fields: one undo step.

One form per partner, so that a refusal is shown under the field of the
partner it is about; only the fields the user changed are saved."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.changes import Edit
from models.errors import TandemError, ValidationError
from models.partners import NAME_MAX, ROLE_MAX, Partner, edit_partner, partners
from ui.document import PlanDocument
from ui.form import Form
from ui.style import error_label, swatch_style
from ui.text_fields import line_edit


class ColorButton(QPushButton):
    def __init__(self, color: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setToolTip("Choose the colour this partner has everywhere in the plan")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.clicked.connect(self._choose)
        self.set_color(color)

    def value(self) -> str:
        return self.color

    def set_color(self, color: str) -> None:
        self.color = color
        self.setText(color)
        self.setStyleSheet(swatch_style(color))

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.color), self, "Partner colour")
        if chosen.isValid():
            self.set_color(chosen.name())


def _partner_form(partner: Partner, number: int) -> Form:
    form = Form()
    form.setObjectName(f"partner{number}")
    fields = [
        ("name", "&Name:", line_edit(partner.name, limit=NAME_MAX)),
        ("role", "Current &role:", line_edit(partner.role, limit=ROLE_MAX,
                                             placeholder="e.g. Partner at a law firm")),
        ("field", "&Field:", line_edit(partner.field, limit=ROLE_MAX,
                                       placeholder="e.g. Corporate law")),
        ("color", "&Colour:", ColorButton(partner.color)),
    ]
    for field, label, widget in fields:
        widget.setObjectName(f"{field}{number}")
        form.add_field(field, label, widget)
    return form


def _refusal(partner: Partner, values: dict[str, str]) -> ValidationError | None:
    """What the models say of this partner alone with these values."""
    probe = Partner(**{**partner.record(), **values})
    try:
        probe.check()
    except ValidationError as error:
        return error
    return None


class PartnersDialog(QDialog):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Partners")
        self.setMinimumWidth(420)  # a refusal under a field reads in a line or two
        self.document = document
        self.pair = partners(document.plan)
        layout = QVBoxLayout(self)
        self.forms: list[Form] = []
        for number, partner in enumerate(self.pair, start=1):
            box = QGroupBox(f"Partner {number}")
            form = _partner_form(partner, number)
            QVBoxLayout(box).addWidget(form)
            layout.addWidget(box)
            self.forms.append(form)
        #: Refusals about neither partner (the file could not be written…).
        self.error = error_label("error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def changes(self, form: Form) -> dict[str, str]:
        """What the user changed in one partner's form (all of it is text)."""
        return {field: str(value) for field, value in form.changed().items()}

    def edit(self) -> Edit:
        edit: Edit = ()
        for partner, form in zip(self.pair, self.forms, strict=True):
            edit += edit_partner(partner, **self.changes(form))
        return edit

    def accept(self) -> None:
        for form in self.forms:
            form.clear_errors()
        self.error.hide()
        try:
            self.document.submit("Edit partners", self.edit())
        except TandemError as error:
            self._show_error(error)
            return
        super().accept()

    def _show_error(self, error: TandemError) -> None:
        form = self._form_about(error)
        if form is not None:
            form.show_error(error)
            return
        self.error.setText(error.message)
        self.error.show()

    def _form_about(self, error: TandemError) -> Form | None:
        """The form of the partner a refusal is about: the one whose own
        values the models refuse with it; for a rule about both (different
        names), the one whose field the user changed, the second if both."""
        if not isinstance(error, ValidationError) or not error.field:
            return None
        for partner, form in zip(self.pair, self.forms, strict=True):
            refusal = _refusal(partner, self.changes(form))
            if refusal is not None and (refusal.field, refusal.message) == \
                    (error.field, error.message):
                return form
        touched = [form for form in self.forms if error.field in form.changed()]
        return touched[-1] if touched else None
