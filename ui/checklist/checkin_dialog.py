"""Starting a check-in, or moving one to another day: a date, refused in
place when it is in the future or the day of another check-in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.changes import Edit
from models.checklist import CheckIn, change_checkin_date, long_date, new_checkin
from models.errors import TandemError
from ui.dates import date_edit
from ui.document import PlanDocument
from ui.form import Form
from ui.style import HINT_STYLE

NEW_INTRO = ("Each of you then rates every indicator on your own. Your ratings show to "
             "both of you once you are both done; then agree together on what to do next.")


class CheckinDialog(QDialog):
    """Start a check-in (``checkin`` None) or change the day of ``checkin``."""

    def __init__(self, document: PlanDocument, today: Callable[[], date],
                 checkin: CheckIn | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.today = today
        self.checkin = checkin
        #: The check-in started or moved, once stored.
        self.saved_uuid: str | None = None
        self.setWindowTitle("New Check-in" if checkin is None else
                            f"Change the Day of the Check-in of {long_date(checkin.held_on)}")
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        if checkin is None:
            intro = QLabel(NEW_INTRO)
            intro.setWordWrap(True)
            intro.setTextFormat(Qt.TextFormat.PlainText)
            intro.setStyleSheet(HINT_STYLE)
            layout.addWidget(intro)
        self.form = Form()
        day = checkin.held_on if checkin is not None else today()
        self.date_edit = date_edit(day)
        self.form.add_field("held_on", "&Date:", self.date_edit,
                            "The day you sit down together: today, or a day past")
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Start" if checkin is None else "Change")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.date_edit.setFocus()

    def chosen(self) -> date:
        value = self.date_edit.date()
        return date(value.year(), value.month(), value.day())

    def build(self) -> tuple[str, Edit]:
        plan, day = self.document.plan, self.chosen()
        if self.checkin is None:
            return (f"Start the check-in of {long_date(day)}",
                    new_checkin(plan, day, self.today()))
        return (f"Move the check-in to {long_date(day)}",
                change_checkin_date(plan, self.checkin, day, self.today()))

    def accept(self) -> None:
        try:
            text, edit = self.build()
            self.document.submit(text, edit)
        except TandemError as error:
            self.form.show_error(error)
            return
        if self.checkin is not None:
            self.saved_uuid = self.checkin.uuid
        else:
            self.saved_uuid = next((c.uuid for c in edit if c.table == CheckIn.__tablename__),
                                   None)
        super().accept()
