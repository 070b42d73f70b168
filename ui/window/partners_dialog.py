"""Editing both partners' names, colours, roles and fields: one undo step.

One form per partner, so that a refusal is shown under the field of the
partner it is about; only the fields the user changed are saved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.changes import Edit
from models.errors import TandemError, ValidationError
from models.partners import (
    NAME_MAX,
    ROLE_MAX,
    Partner,
    check_partner_colors,
    edit_partners,
    partners,
)
from ui.document import PlanDocument
from ui.form import Form
from ui.style import error_label, heading, readable_ink
from ui.text_fields import line_edit

#: Roles and fields show this many characters at least, and grow to show
#: longer ones up to the wide limit ("Partner at a Chicago law firm": 29).
ROLE_CHARS, WIDE_ROLE_CHARS = 48, 72


class ColorField(QWidget):
    """A partner's colour as a swatch, and a plain button that opens the
    picker. The colour is never shown as a code: people see it."""

    picked = Signal()

    def __init__(self, color: str, whose: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.whose = whose
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.swatch = QFrame()
        self.swatch.setObjectName("swatch")
        height = self.fontMetrics().height() + 8
        self.swatch.setFixedSize(3 * height, height)
        layout.addWidget(self.swatch)
        self.button = QPushButton("Choose…")
        self.button.setToolTip("Choose the colour this partner has everywhere in the plan")
        self.button.clicked.connect(self._choose)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.setFocusProxy(self.button)  # a refusal puts the focus here
        self.set_color(color)

    def value(self) -> str:
        return self.color

    def set_color(self, color: str) -> None:
        self.color = color
        self.swatch.setStyleSheet(f"QFrame#swatch {{ background: {color}; "
                                  "border: 1px solid palette(dark); border-radius: 4px; }")

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.color), self, f"{self.whose}’s colour")
        if chosen.isValid() and chosen.name() != self.color:
            self.set_color(chosen.name())
            self.picked.emit()


def _text_width(edit: QLineEdit, chars: int) -> int:
    """The width of a line edit that shows ``chars`` average characters."""
    metrics = QFontMetrics(edit.font())
    return metrics.averageCharWidth() * chars + 2 * edit.style().pixelMetric(
        edit.style().PixelMetric.PM_DefaultFrameWidth) + 8


def _partner_form(partner: Partner, number: int) -> Form:
    form = Form()
    form.setObjectName(f"partner{number}")
    color = ColorField(partner.color, partner.name)
    fields: list[tuple[str, str, QWidget]] = [
        ("name", "&Name:", line_edit(partner.name, limit=NAME_MAX)),
        ("role", "Current &role:", line_edit(partner.role, limit=ROLE_MAX,
                                             placeholder="e.g. Partner at a law firm")),
        ("field", "&Field:", line_edit(partner.field, limit=ROLE_MAX,
                                       placeholder="e.g. Corporate law")),
        ("color", "&Colour:", color),
    ]
    for field, label, widget in fields:
        widget.setObjectName(f"{field}{number}")
        form.add_field(field, label, widget)
        if isinstance(widget, QLineEdit):
            # Wide enough to read a role whole, and wider for a longer one.
            needed = QFontMetrics(widget.font()).horizontalAdvance(widget.text()) + 16
            widget.setMinimumWidth(min(max(_text_width(widget, ROLE_CHARS), needed),
                                       _text_width(widget, WIDE_ROLE_CHARS)))
    # The caption's mnemonic opens the picker (a label's buddy must take focus).
    for caption in form.findChildren(QLabel):
        if caption.buddy() is color:
            caption.setBuddy(color.button)
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
        #: Whose colour was picked last: a refusal of two close colours is
        #: shown under it.
        self.last_picked = 1
        #: Each partner's part is headed by their name, in their colour.
        self.headings: list[QLabel] = []
        for number, partner in enumerate(self.pair, start=1):
            if number > 1:
                layout.addSpacing(self.fontMetrics().height())
            title = heading(partner.name, 1.2)
            title.setObjectName(f"partnerHeading{number}")
            layout.addWidget(title)
            form = _partner_form(partner, number)
            layout.addWidget(form)
            self.forms.append(form)
            self.headings.append(title)
            name, color = form.fields["name"], form.fields["color"]
            assert isinstance(name, QLineEdit) and isinstance(color, ColorField)
            name.textChanged.connect(lambda _text, i=number - 1: self._head(i))
            color.picked.connect(lambda i=number - 1: self._picked(i))
            self._head(number - 1)
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

    def _head(self, index: int) -> None:
        """A part's heading: the name as it is being typed, in the colour
        as it is chosen (made readable on the dialog's background)."""
        values = self.forms[index].values()
        name = str(values["name"]).strip() or f"Partner {index + 1}"
        self.headings[index].setText(name)
        ink = readable_ink(str(values["color"]), self.palette().color(QPalette.ColorRole.Window))
        self.headings[index].setStyleSheet(f"color: {ink};")

    def edit(self) -> Edit:
        return edit_partners(self.pair, [self.changes(form) for form in self.forms],
                             self.last_picked)

    def _picked(self, index: int) -> None:
        """Say at once, under it, that a colour just picked is too close to
        the other partner's (OK refuses it too)."""
        self.last_picked = index
        self._head(index)
        for form in self.forms:
            form.error_label("color").hide()
        try:
            check_partner_colors(self.pair, [self.changes(form) for form in self.forms],
                                 index)
        except ValidationError as error:
            self._show_error(error)

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
        for partner, form in zip(self.pair, self.forms, strict=True):
            if form in touched and partner.uuid == error.row:  # a colour too close
                return form
        return touched[-1] if touched else None
