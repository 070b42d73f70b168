"""Text fields mean what the plan stores: a limit of N characters lets in
exactly what the models accept (emoji, CJK, combining marks), text set from
code is never cut, and notes are read exactly as shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from models.errors import ValidationError
from models.partners import NAME_MAX, clean_name
from models.roadmap import NOTES_MAX
from tests.helpers import type_text
from ui.text_fields import NotesEdit, PlainTextEdit, line_edit, raw_text

EMOJI = "🧑‍🚀"[0]  # one code point, two UTF-16 units
CJK = "東"
E_ACUTE = "e\u0301"  # two code points: e and a combining acute accent


def type_each(qtbot: QtBot, widget: QLineEdit | PlainTextEdit, text: str) -> None:
    """One key (or one input-method commit) per character."""
    for char in text:
        type_text(qtbot, widget, char)


def shown_line(qtbot: QtBot, text: str = "", limit: int = NAME_MAX) -> QLineEdit:
    edit = line_edit(text, limit=limit)
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    return edit


@pytest.mark.parametrize("char", [EMOJI, CJK, "x"], ids=["emoji", "cjk", "ascii"])
def test_a_line_takes_exactly_as_many_characters_as_the_model(qtbot: QtBot, char: str) -> None:
    edit = shown_line(qtbot)
    type_each(qtbot, edit, char * NAME_MAX)
    assert edit.text() == char * NAME_MAX, "setMaxLength would have stopped emoji at 30"
    assert clean_name(edit.text()) == edit.text(), "and the model takes all of it"
    type_each(qtbot, edit, char + "y")
    assert edit.text() == char * NAME_MAX, "one more is refused, as the model would"
    with pytest.raises(ValidationError):
        clean_name(char * (NAME_MAX + 1))


def test_combining_marks_count_as_the_characters_they_are(qtbot: QtBot) -> None:
    edit = shown_line(qtbot)
    type_each(qtbot, edit, E_ACUTE * (NAME_MAX // 2))
    assert edit.text() == E_ACUTE * (NAME_MAX // 2)
    assert len(edit.text()) == NAME_MAX
    assert clean_name(edit.text()) == edit.text()
    type_text(qtbot, edit, "\u0301")  # a lone combining mark is a character, too
    qtbot.keyClicks(edit, "e")
    assert edit.text() == E_ACUTE * (NAME_MAX // 2)


def test_pasting_past_the_limit_is_refused_whole(qtbot: QtBot) -> None:
    edit = shown_line(qtbot, EMOJI * (NAME_MAX - 2))
    edit.end(False)
    edit.insert(CJK * 3)
    assert edit.text() == EMOJI * (NAME_MAX - 2)
    edit.insert(CJK * 2)
    assert edit.text() == EMOJI * (NAME_MAX - 2) + CJK * 2


def test_a_longer_stored_value_is_shown_whole_and_can_be_shortened(qtbot: QtBot) -> None:
    long = "x" * (NAME_MAX + 5)
    edit = shown_line(qtbot, long)
    assert edit.text() == long, "never cut: the models decide about a stored value"
    edit.end(False)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == long[:-1], "deleting is not undone while it is still too long"
    edit.setText("")
    qtbot.keyClicks(edit, "y" * (NAME_MAX + 3))
    assert edit.text() == "y" * NAME_MAX, "once it fits, the limit holds"


def test_notes_are_read_raw_with_no_break_spaces_and_byte_order_marks(qtbot: QtBot) -> None:
    text = "Ten\u00a0km run\nthen\ufeff\u00a0lunch\n\nfin"
    notes = PlainTextEdit(text)
    qtbot.addWidget(notes)
    assert notes.raw_text() == text
    assert raw_text(notes) == text
    assert notes.toPlainText() != text, "what Qt's own reading would have changed"
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    type_text(qtbot, notes, "\u00a0ok")
    assert notes.raw_text() == text + "\n\u00a0ok", "a paragraph break reads as \\n"


def test_a_leading_byte_order_mark_never_reaches_qt(qtbot: QtBot) -> None:
    """Why dialogs compare with what a field showed, not with the stored value:
    PySide drops a leading U+FEFF on the way into Qt, whatever the widget."""
    assert line_edit("\ufeffNurse", limit=NAME_MAX).text() == "Nurse"
    assert PlainTextEdit("\ufeffNotes").raw_text() == "Notes"


def test_notes_stop_at_their_limit_and_keep_a_longer_stored_text(qtbot: QtBot) -> None:
    notes = PlainTextEdit("ab", limit=5)
    qtbot.addWidget(notes)
    notes.show()
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    type_each(qtbot, notes, f"c{EMOJI}{CJK}de")
    assert notes.raw_text() == f"abc{EMOJI}{CJK}"
    notes.moveCursor(notes.textCursor().MoveOperation.Start)
    notes.insertPlainText("xyz")
    assert notes.raw_text() == f"abc{EMOJI}{CJK}", "a paste past the limit is refused whole"
    qtbot.keyClick(notes, Qt.Key.Key_Delete)
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    assert notes.raw_text() == f"\nbc{EMOJI}{CJK}", "a line break is one character"

    notes.setPlainText("0123456789")
    assert notes.raw_text() == "0123456789", "text set from code is kept whole"


def test_notes_limit_is_the_models(qtbot: QtBot) -> None:
    notes = NotesEdit(limit=NOTES_MAX)
    qtbot.addWidget(notes)
    notes.insertPlainText(EMOJI * NOTES_MAX)
    assert notes.raw_text() == EMOJI * NOTES_MAX
    type_text(qtbot, notes, EMOJI)
    assert len(notes.raw_text()) == NOTES_MAX
    assert notes.tabChangesFocus()
