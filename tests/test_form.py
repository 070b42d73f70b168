"""The shared form: refusals under the field they are about, and only the
fields the user changed reported as changed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QLabel, QLineEdit, QVBoxLayout
from pytestqt.qtbot import QtBot

from models.errors import TandemError, ValidationError
from ui.form import Form
from ui.text_fields import NotesEdit, line_edit


def make_form(qtbot: QtBot) -> tuple[QDialog, Form]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = Form()
    QVBoxLayout(dialog).addWidget(form)
    form.add_field("title", "&Title:", line_edit("\ufeffRunning <b>&</b>", limit=20),
                   "What it is")
    combo = QComboBox()
    for label, value in (("Job", "job"), ("Degree", "degree")):
        combo.addItem(label, value)
    combo.setCurrentIndex(1)
    form.add_field("kind", "&Kind:", combo)
    form.add_field("start_date", "&Start:", QDateEdit(QDate(2027, 3, 1)))
    form.add_field("notes", "&Notes:", NotesEdit("a\u00a0b", limit=100))
    dialog.resize(320, 200)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, form


def visible_errors(form: Form) -> dict[str, str]:
    return {field: label.text() for field, label in form.error_labels.items()
            if label.isVisible()}


def test_fields_are_keyed_labelled_and_named(qtbot: QtBot) -> None:
    _dialog, form = make_form(qtbot)
    assert list(form.fields) == ["title", "kind", "start_date", "notes"]
    title = form.fields["title"]
    assert title.objectName() == "title" and title.toolTip() == "What it is"
    captions = {label.buddy(): label.text() for label in form.findChildren(QLabel)
                if label.buddy() is not None}
    assert captions[title] == "&Title:"
    assert form.findChild(QLabel, "titleError") is form.error_label("title")
    assert form.findChild(QLabel, "formError") is form.error_label("")
    assert visible_errors(form) == {}


def test_nothing_is_changed_until_the_user_changes_it(qtbot: QtBot) -> None:
    _dialog, form = make_form(qtbot)
    assert form.value("title") == "Running <b>&</b>", "Qt dropped the leading BOM"
    assert form.changed() == {}, "what a field showed is its own start, not the stored value"
    assert form.values() == {"title": "Running <b>&</b>", "kind": "degree",
                             "start_date": date(2027, 3, 1), "notes": "a\u00a0b"}
    date_edit = form.fields["start_date"]
    assert isinstance(date_edit, QDateEdit)
    date_edit.setDate(QDate(2028, 1, 1))
    qtbot.keyClicks(form.fields["title"], "!")
    assert form.changed() == {"title": "Running <b>&</b>!", "start_date": date(2028, 1, 1)}
    date_edit.setDate(QDate(2027, 3, 1))
    assert form.changed() == {"title": "Running <b>&</b>!"}, "changed back is unchanged"


def test_a_refusal_shows_under_its_field_which_takes_the_focus(qtbot: QtBot) -> None:
    _dialog, form = make_form(qtbot)
    form.show_error(ValidationError("title", "The title can’t be <empty>."))
    assert visible_errors(form) == {"title": "The title can’t be <empty>."}
    title = form.fields["title"]
    assert isinstance(title, QLineEdit)
    assert form.focusWidget() is title and title.selectedText() == title.text()

    form.show_error(ValidationError("kind", "“x” is not a kind."))
    assert visible_errors(form) == {"kind": "“x” is not a kind."}, "one message at a time"
    assert form.focusWidget() is form.fields["kind"]


def test_other_refusals_show_on_the_general_line(qtbot: QtBot) -> None:
    _dialog, form = make_form(qtbot)
    form.show_error(ValidationError("status", "Not a field of this form."))
    assert visible_errors(form) == {"": "Not a field of this form."}
    form.show_error(TandemError("The plan could not be written."))
    assert visible_errors(form) == {"": "The plan could not be written."}
    form.clear_errors()
    assert visible_errors(form) == {}
    assert form.error_label("").text() == ""


def test_the_window_grows_to_show_a_long_message(qtbot: QtBot) -> None:
    dialog, form = make_form(qtbot)
    before = dialog.height()
    form.show_error(ValidationError("notes", "A long refusal, word after word. " * 12))
    assert form.error_label("notes").isVisible()
    assert dialog.height() > before
    assert form.error_label("notes").height() >= form.error_label("notes").heightForWidth(
        form.error_label("notes").width())
