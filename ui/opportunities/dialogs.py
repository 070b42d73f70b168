"""Adding, editing and accepting an opportunity. Each is one undo step built
by ``models.opportunities``; a refusal keeps the dialog open with the models'
message under its field. Accepting offers to put the opportunity on the
roadmap as a job change in its owner's lane, in the same step."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.calendar import add_months
from models.changes import Edit
from models.errors import TandemError, ValidationError
from models.opportunities import (
    NOTES_MAX,
    PLACE_MAX,
    TITLE_MAX,
    Opportunity,
    RoadmapEntry,
    accept,
    add_default_criteria,
    currencies,
    edit_opportunity,
    new_opportunity,
    opportunities,
    status_labels,
)
from models.partners import partners
from models.roadmap import TITLE_MAX as ROADMAP_TITLE_MAX
from models.roadmap import shared_lane
from ui.dates import OptionalDate, date_edit, to_date
from ui.document import PlanDocument
from ui.form import Form
from ui.style import HINT_STYLE, error_label
from ui.text_fields import NotesEdit, line_edit

SALARY_TYPED_MAX = 30


def dot_icon(color: str) -> QIcon:
    """A filled circle in a partner's (or the shared lane's) colour."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(color).darker(130))
    painter.setBrush(QColor(color))
    painter.drawEllipse(QRectF(5, 5, 22, 22))
    painter.end()
    pixmap.setDevicePixelRatio(2)
    return QIcon(pixmap)


class RoadmapOffer(QWidget):
    """"Add it to the roadmap": a job change in the owner's lane, its title
    and date, with an error line of its own (a refusal of the roadmap item
    is not about the opportunity's fields)."""

    def __init__(self, title: str, start: date, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.check = QCheckBox()
        self.check.setObjectName("addToRoadmap")
        self.check.setChecked(True)
        layout.addWidget(self.check)
        row = QHBoxLayout()
        row.setContentsMargins(24, 0, 0, 0)
        self.title = line_edit(title, limit=ROADMAP_TITLE_MAX)
        self.title.setObjectName("roadmapTitle")
        self.title.setToolTip("How the job change reads on the roadmap")
        self.title.setAccessibleName("Title on the roadmap")
        self.start = date_edit(start)
        self.start.setObjectName("roadmapDate")
        self.start.setToolTip("When the change happens: the day the new job starts")
        self.start.setAccessibleName("Date on the roadmap")
        row.addWidget(self.title, 1)
        row.addWidget(QLabel("on"))
        row.addWidget(self.start)
        layout.addLayout(row)
        self.error = error_label("roadmapError")
        layout.addWidget(self.error)
        self.check.toggled.connect(self.title.setEnabled)
        self.check.toggled.connect(self.start.setEnabled)

    def set_lane(self, lane: str) -> None:
        self.check.setText(f"&Add it to the roadmap: a job change in {lane}")

    def entry(self) -> RoadmapEntry | None:
        """The job change to add, or None when unticked."""
        if not self.check.isChecked():
            return None
        return RoadmapEntry(self.title.text(), to_date(self.start.date()))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.title.setFocus()


def default_start(row_deadline: date | None, today: date) -> date:
    """A new job starts, as a first guess, at the start of the month after next
    from when the decision is due."""
    base = add_months(row_deadline or today, 2)
    return base.replace(day=1)


def lane_words(document: PlanDocument, partner_uuid: str | None) -> str:
    pair = partners(document.plan)
    owner = next((p for p in pair if p.uuid == partner_uuid), None)
    return f"{owner.name}'s lane" if owner else f"“{shared_lane()[0]}”, the lane you share"


class OpportunityDialog(QDialog):
    """Add an opportunity (``row`` None) or see and change one."""

    def __init__(self, document: PlanDocument, row: Opportunity | None = None, *,
                 today: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.row = row
        self.today = today or date.today()
        #: The UUID of the opportunity added or edited, once stored.
        self.saved_uuid: str | None = None
        #: Add the exercise's five factors with it (the plan has no criteria yet).
        self.with_defaults = False
        self.setWindowTitle("Add Opportunity" if row is None else f"Opportunity “{row.title}”")
        self.setMinimumWidth(480)
        body = QVBoxLayout(self)
        self.form = Form()
        body.addWidget(self.form)
        pair = partners(document.plan)

        self.title_edit = line_edit(row.title if row else "", limit=TITLE_MAX,
                                    placeholder="e.g. Head of Platform, Seattle startup")
        self.form.add_field("title", "&Title:", self.title_edit,
                            "What the opportunity is, as it reads in the grid")
        self.whose = QComboBox()
        for partner in pair:
            self.whose.addItem(dot_icon(partner.color), partner.name, partner.uuid)
        self.whose.addItem(dot_icon(shared_lane()[1]), "Both of us", None)
        owner = row.partner_uuid if row else document.viewer.partner_uuid or None
        self.whose.setCurrentIndex(max(0, self.whose.findData(owner)))
        self.form.add_field("partner_uuid", "&Whose:", self.whose,
                            "Whose career it is, or both (a joint move, both going remote)")
        self.employer = line_edit(row.employer if row else "", limit=PLACE_MAX,
                                  placeholder="The employer, school or place")
        self.form.add_field("employer", "&Employer or place:", self.employer,
                            "Who offers it, or where it is")
        self.location = line_edit(row.location if row else "", limit=PLACE_MAX,
                                  placeholder="e.g. Seattle, WA — or remote")
        self.form.add_field("location", "&Location:", self.location, "Where you would live or work")
        salary = "" if row is None or row.salary is None else f"{row.salary:,}"
        self.salary = line_edit(salary, limit=SALARY_TYPED_MAX, placeholder="e.g. 185,000 or 185k")
        self.form.add_field("salary", "&Salary a year:", self.salary,
                            "A year's pay, as a whole amount; leave empty if not known")
        self.currency = line_edit(row.currency if row else self._default_currency(), limit=3,
                                  placeholder="USD")
        completer = QCompleter(currencies(), self.currency)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.currency.setCompleter(completer)
        self.form.add_field("currency", "C&urrency:", self.currency,
                            "The salary's currency, as its three-letter code (USD, EUR, GBP…)")
        self.status = QComboBox()
        for status, label in status_labels().items():
            self.status.addItem(label, status)
        self.status.setCurrentIndex(max(0, self.status.findData(row.status if row
                                                                else "considering")))
        self.form.add_field("status", "Stat&us:", self.status,
                            "Still considering it, accepted, or declined")
        self.arose = date_edit(row.arose_on if row else self.today)
        self.form.add_field("arose_on", "Came &up on:", self.arose, "The day it came up")
        self.deadline = OptionalDate("Decide by", row.decide_by if row else None,
                                     self.today + timedelta(days=14))
        self.deadline.setObjectName("decide_by")
        self.form.add_field("decide_by", "&Deadline:", self.deadline,
                            "When you want (or have) to decide; Tandem reminds you gently "
                            "in the week before")
        self.notes = NotesEdit(row.notes if row else "", limit=NOTES_MAX)
        self.form.add_field("notes", "&Notes:", self.notes,
                            "Conditions, doubts, questions to ask before deciding")

        title = row.title if row else ""
        self.offer = RoadmapOffer(title, default_start(row.decide_by if row else None,
                                                       self.today))
        body.addWidget(self.offer)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Add" if row is None else "Save")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        body.addWidget(self.buttons)
        self.status.currentIndexChanged.connect(self._update_offer)
        self.whose.currentIndexChanged.connect(self._update_offer)
        self.title_edit.textEdited.connect(self._follow_title)
        self._update_offer()
        self.title_edit.setFocus()

    def _default_currency(self) -> str:
        """The currency of the last opportunity entered, else the system's."""
        found = opportunities(self.document.plan)
        used = [row.currency for row in found if row.currency]
        if used:
            return used[-1]
        code = QLocale().currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
        return code if len(code) == 3 and code.isalpha() and code.isupper() else "USD"

    def _follow_title(self, text: str) -> None:
        if not self.offer.title.isModified():
            self.offer.title.setText(text.strip())

    def _update_offer(self) -> None:
        linked = self.row is not None and bool(self.row.roadmap_item_uuid)
        self.offer.setVisible(self.status.currentData() == "accepted" and not linked)
        self.offer.set_lane(lane_words(self.document, self.whose.currentData()))

    def build(self) -> tuple[str, Edit]:
        roadmap = self.offer.entry() if self.offer.isVisibleTo(self) else None
        title = self.title_edit.text().strip()
        if self.row is None:
            factors = add_default_criteria(self.document.plan) if self.with_defaults else ()
            text = f"Add “{title}”" + (" with the five factors" if factors else "")
            return text, factors + new_opportunity(
                self.title_edit.text(), to_date(self.arose.date()),
                partner_uuid=self.whose.currentData(), employer=self.employer.text(),
                location=self.location.text(), salary=self.salary.text(),
                currency=self.currency.text(), notes=self.notes.raw_text(),
                status=self.status.currentData(), decide_by=self.deadline.value(),
                roadmap=roadmap, viewer=self.document.viewer)
        changes = self.form.changed()
        if self.status.currentData() == "accepted" and roadmap is not None:
            changes.pop("status", None)
            return f"Accept “{title}”", accept(self.row, self.document.viewer, roadmap,
                                                **changes)
        return f"Edit “{title}”", edit_opportunity(self.row, **changes)

    def accept(self) -> None:
        self.offer.error.hide()
        try:
            text, edit = self.build()
            self.document.submit(text, edit)
        except ValidationError as error:
            if error.table == "roadmap_item":
                self.form.clear_errors()
                self.offer.show_error(error.message)
            else:
                self.form.show_error(error)
            return
        except TandemError as error:
            self.form.show_error(error)
            return
        self.saved_uuid = next((c.uuid for c in edit if c.table == "opportunity"),
                               self.row.uuid if self.row else None)
        super().accept()


class AcceptDialog(QDialog):
    """Accept an opportunity, and (unless unticked) add it to the roadmap as a
    job change in its owner's lane: one undo step."""

    def __init__(self, document: PlanDocument, row: Opportunity, *, today: date | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.row = row
        self.setWindowTitle(f"Accept “{row.title}”")
        body = QVBoxLayout(self)
        intro = QLabel(f"Accept “{row.title}”? Congratulations on deciding together.")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        body.addWidget(intro)
        self.offer = RoadmapOffer(row.title, default_start(row.decide_by,
                                                           today or date.today()))
        self.offer.set_lane(lane_words(document, row.partner_uuid))
        self.offer.setVisible(not row.roadmap_item_uuid)
        body.addWidget(self.offer)
        if row.roadmap_item_uuid:
            already = QLabel("It is on the roadmap already.")
            already.setStyleSheet(HINT_STYLE)
            body.addWidget(already)
        self.error = error_label("acceptError")
        body.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Accept")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        body.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        roadmap = self.offer.entry() if not self.row.roadmap_item_uuid else None
        try:
            self.document.submit(f"Accept “{self.row.title}”",
                                 accept(self.row, self.document.viewer, roadmap))
        except ValidationError as error:
            if error.table == "roadmap_item":
                self.offer.show_error(error.message)
            else:
                self.error.setText(error.message)
                self.error.show()
            return
        except TandemError as error:
            self.error.setText(error.message)
            self.error.show()
            return
        super().accept()
