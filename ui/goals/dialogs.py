"""Adding and changing a goal, a win, an opportunity passed up, and writing
a note of appreciation. Each save is one undo step built by ``models.goals``;
a refusal keeps the dialog open with the models' message under its field,
and only the fields the user changed are saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.changes import Edit
from models.errors import TandemError
from models.goals import (
    APPRECIATION_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Goal,
    Win,
    appreciate,
    edit_goal,
    edit_win,
    horizon_labels,
    log_win,
    new_goal,
    status_labels,
)
from models.partners import partners
from models.passed_up import PassedUp, edit_passed_up, log_passed_up
from ui.dates import OptionalDate, date_edit, date_text, to_date
from ui.document import PlanDocument
from ui.form import Form
from ui.style import HINT_STYLE
from ui.text_fields import NotesEdit, line_edit


class CheckField(QCheckBox):
    """A tick box a :class:`Form` can read."""

    def value(self) -> bool:
        return self.isChecked()


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class RowDialog(QDialog):
    """A form, then Save and Cancel; :meth:`build` gives the step's text and edit."""

    def __init__(self, document: PlanDocument, title: str, ok_text: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        #: The UUID of the row added or changed, once stored.
        self.saved_uuid = ""
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.body = QVBoxLayout(self)
        self.form = Form()
        self.body.addWidget(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        """Call when every field is in: the buttons go last."""
        self.body.addWidget(self.buttons)

    def build(self) -> tuple[str, Edit, str]:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            text, edit, uuid = self.build()
            self.document.submit(text, edit)
        except TandemError as error:
            self.form.show_error(error)
            return
        self.saved_uuid = uuid
        super().accept()


def _partner_combo(document: PlanDocument, chosen: str | None) -> QComboBox:
    combo = QComboBox()
    for partner in partners(document.plan):
        combo.addItem(partner.name, partner.uuid)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    return combo


class GoalDialog(RowDialog):
    """Add a goal (``row`` None) or change one."""

    def __init__(self, document: PlanDocument, row: Goal | None = None, *,
                 today: Callable[[], date] = date.today, parent: QWidget | None = None):
        super().__init__(document, "Add Goal" if row is None else "Edit Goal",
                         "Add" if row is None else "Save", parent)
        self.row = row
        form = self.form
        self.whose = _partner_combo(document, row.partner_uuid if row
                                    else document.viewer.partner_uuid or None)
        form.add_field("partner_uuid", "&Whose goal:", self.whose,
                       "Whose career the goal is for")
        self.horizon = QComboBox()
        for key, label in horizon_labels().items():
            self.horizon.addItem(label, key)
        self.horizon.setCurrentIndex(max(0, self.horizon.findData(row.horizon if row
                                                                  else "short")))
        form.add_field("horizon", "&Term:", self.horizon,
                       "Short term (the next year or two) or long term (five, ten, "
                       "twenty years)")
        self.title = line_edit(row.title if row else "", limit=TITLE_MAX,
                               placeholder="e.g. Lead a team of twelve")
        form.add_field("title", "&Goal:", self.title, "What you want to achieve")
        self.target = OptionalDate("Reach it by", row.target_date if row else None,
                                   today().replace(month=12, day=31))
        self.target.setObjectName("target_date")
        form.add_field("target_date", "&By when:", self.target,
                       "When you hope to reach it; placing the goal on the roadmap puts "
                       "its marker on this date")
        self.strengths = NotesEdit(row.strengths if row else "", limit=TEXT_MAX,
                                   placeholder="What each of you brings to it")
        form.add_field("strengths", "&Strengths:", self.strengths,
                       "The strengths each of you brings to this goal: your combined "
                       "capabilities")
        self.weaknesses = NotesEdit(row.weaknesses if row else "", limit=TEXT_MAX,
                                    placeholder="What could hold it back, and how you offset it")
        form.add_field("weaknesses", "Weaknesses to &offset:", self.weaknesses,
                       "Individual limitations, and how the two of you offset them")
        self.overlaps = CheckField("Our career paths &overlap here: a goal to work on together")
        self.overlaps.setChecked(row.overlaps if row else False)
        form.add_field("overlaps", "Shared:", self.overlaps,
                       "Mark the goals where your two paths overlap: opportunities for "
                       "collaboration and mutual support")
        self.status = QComboBox()
        for key, label in status_labels().items():
            self.status.addItem(label, key)
        self.status.setCurrentIndex(max(0, self.status.findData(row.status if row
                                                                else "working")))
        form.add_field("status", "Stat&us:", self.status)
        self.finish()
        self.title.setFocus()

    def build(self) -> tuple[str, Edit, str]:
        title = self.title.text().strip()
        if self.row is None:
            edit = new_goal(self.whose.currentData(), self.title.text(),
                            self.horizon.currentData(), strengths=self.strengths.raw_text(),
                            weaknesses=self.weaknesses.raw_text(),
                            overlaps=self.overlaps.isChecked(),
                            status=self.status.currentData(), target_date=self.target.value())
            return f"Add the goal “{title}”", edit, edit[0].uuid
        return (f"Edit the goal “{title}”",
                edit_goal(self.document.plan, self.document.viewer, self.row,
                          **self.form.changed()), self.row.uuid)


class WinDialog(RowDialog):
    """Log a win (``row`` None) or change one. Its note of appreciation is
    the other partner's: see :class:`AppreciationDialog`."""

    def __init__(self, document: PlanDocument, row: Win | None = None, *,
                 today: Callable[[], date] = date.today, parent: QWidget | None = None):
        super().__init__(document, "Log a Win" if row is None else "Edit Win",
                         "Log It" if row is None else "Save", parent)
        self.row = row
        if row is None:
            self.body.insertWidget(0, _hint("Every win counts, small ones too: it goes on "
                                            "the roadmap as a win marker, and the other "
                                            "partner can add a note of appreciation."))
        self.whose = _partner_combo(document, row.partner_uuid if row
                                    else document.viewer.partner_uuid or None)
        self.form.add_field("partner_uuid", "&Whose win:", self.whose)
        self.title = line_edit(row.title if row else "", limit=TITLE_MAX,
                               placeholder="e.g. Closed the biggest deal of the year")
        self.form.add_field("title", "W&in:", self.title, "What went well")
        self.won_on = date_edit(row.won_on if row else today())
        self.form.add_field("won_on", "&When:", self.won_on, "The day of the win")
        self.notes = NotesEdit(row.notes if row else "", limit=TEXT_MAX,
                               placeholder="What it took, what it means")
        self.form.add_field("notes", "&Notes:", self.notes)
        self.finish()
        self.title.setFocus()

    def build(self) -> tuple[str, Edit, str]:
        title = self.title.text().strip()
        if self.row is None:
            edit = log_win(self.whose.currentData(), self.title.text(),
                           to_date(self.won_on.date()), notes=self.notes.raw_text(),
                           viewer=self.document.viewer)
            uuid = next(c.uuid for c in edit if c.table == Win.__tablename__)
            return f"Log the win “{title}”", edit, uuid
        return (f"Edit the win “{title}”",
                edit_win(self.document.plan, self.document.viewer, self.row,
                         **self.form.changed()), self.row.uuid)


class AppreciationDialog(RowDialog):
    """The other partner's note of appreciation for a win."""

    def __init__(self, document: PlanDocument, row: Win, winner: str, writer: str,
                 parent: QWidget | None = None):
        super().__init__(document, f"Appreciate {winner}’s Win", "Save", parent)
        self.row = row
        said = QLabel(f"{winner}: {row.title} ({date_text(row.won_on)})")
        said.setObjectName("appreciatedWin")
        said.setTextFormat(Qt.TextFormat.PlainText)
        said.setWordWrap(True)
        self.body.insertWidget(0, said)
        self.body.insertWidget(1, _hint("When one of you succeeds, both benefit: say what "
                                        "it means to you, as a couple’s victory."))
        self.note = NotesEdit(row.appreciation, limit=APPRECIATION_MAX,
                              placeholder=f"From {writer}, with appreciation")
        self.form.add_field("appreciation", "&Note:", self.note,
                            "Only the other partner writes it: the winner reads it")
        self.finish()
        self.note.setFocus()

    def build(self) -> tuple[str, Edit, str]:
        return (f"Appreciate the win “{self.row.title}”",
                appreciate(self.row, self.document.viewer, self.note.raw_text()),
                self.row.uuid)


class PassedUpDialog(RowDialog):
    """Write down an opportunity one of you passed up (``row`` None), or
    change an entry."""

    def __init__(self, document: PlanDocument, row: PassedUp | None = None, *,
                 today: Callable[[], date] = date.today, parent: QWidget | None = None):
        super().__init__(document, "Opportunity Passed Up" if row is None
                         else "Edit Opportunity Passed Up", "Add" if row is None else "Save",
                         parent)
        self.row = row
        self.body.insertWidget(0, _hint("Without blame: what was gained, and what was "
                                        "lost. It goes on the roadmap as a marker in the "
                                        "lane of the one who passed it up."))
        self.whose = _partner_combo(document, row.partner_uuid if row
                                    else document.viewer.partner_uuid or None)
        self.form.add_field("partner_uuid", "&Passed up by:", self.whose,
                            "Who passed the opportunity up")
        self.title = line_edit(row.title if row else "", limit=TITLE_MAX,
                               placeholder="e.g. Offer to lead the New York office")
        self.form.add_field("title", "&Opportunity:", self.title,
                            "The opportunity passed up for the relationship")
        self.passed_on = date_edit(row.passed_on if row else today())
        self.form.add_field("passed_on", "&When:", self.passed_on,
                            "When it was passed up")
        self.gained = NotesEdit(row.gained if row else "", limit=TEXT_MAX,
                                placeholder="What was gained, together or alone")
        self.form.add_field("gained", "What was &gained:", self.gained)
        self.lost = NotesEdit(row.lost if row else "", limit=TEXT_MAX,
                              placeholder="What it cost, honestly")
        self.form.add_field("lost", "What was &lost:", self.lost)
        self.finish()
        self.title.setFocus()

    def build(self) -> tuple[str, Edit, str]:
        title = self.title.text().strip()
        if self.row is None:
            edit = log_passed_up(self.whose.currentData(), self.title.text(),
                                 to_date(self.passed_on.date()), viewer=self.document.viewer,
                                 gained=self.gained.raw_text(), lost=self.lost.raw_text())
            uuid = next(c.uuid for c in edit if c.table == PassedUp.__tablename__)
            return f"Add “{title}” to the opportunity-cost log", edit, uuid
        return (f"Edit “{title}” in the opportunity-cost log",
                edit_passed_up(self.document.plan, self.document.viewer, self.row,
                               **self.form.changed()), self.row.uuid)
