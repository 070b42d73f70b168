"""The roadmap's forms as a couple uses them: adding and editing phases,
milestones and seasons, one undo step each, and every refusal shown under the
field it is about with nothing stored."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
)
from pytestqt.qtbot import QtBot

from models.errors import ValidationError
from models.partners import partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER
from models.roadmap import RoadmapItem, Season, new_item, new_season, roadmap_items, seasons
from tests.helpers import type_text
from ui.dates import date_format
from ui.document import PlanDocument
from ui.roadmap.editor import SEASON_INTRO, EntryDialog, ItemDialog, SeasonDialog

D = TypeVar("D", bound=QDialog)
TRICKY_TITLE = "Студия 🎨 <b>&</b> 東京"


@pytest.fixture
def document(plan_path: Path) -> Iterator[PlanDocument]:
    doc = PlanDocument(PlanFile.open(plan_path))
    yield doc
    doc.close()


@pytest.fixture
def pair(document: PlanDocument) -> tuple[str, str]:
    """Both partners' UUIDs (Ana's, Bo's): plain strings outlive the session."""
    ana, bo = partners(document.plan)
    return ana.uuid, bo.uuid


def stored_items(document: PlanDocument) -> list[dict[str, object]]:
    """Close the plan and read back its roadmap items from the file."""
    document.close()
    with PlanFile.open(document.plan.path) as plan:
        return [_record(item) for item in roadmap_items(plan, TOGETHER)]


def stored_seasons(document: PlanDocument) -> list[dict[str, object]]:
    document.close()
    with PlanFile.open(document.plan.path) as plan:
        return [_record(season) for season in seasons(plan)]


def _record(entry: RoadmapItem | Season) -> dict[str, object]:
    values = entry.record()
    values.pop("uuid")
    values.pop("shared_at", None)  # a time stamp: tests check it is set where it matters
    values.pop("author_uuid", None)
    return values


def refusal(make: Callable[[], object]) -> str:
    """The message the models give for a value (asked of them directly)."""
    with pytest.raises(ValidationError) as caught:
        make()
    return caught.value.message


def shown(qtbot: QtBot, dialog: D) -> D:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_ok(qtbot: QtBot, dialog: EntryDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def assert_refused(dialog: EntryDialog, field: str, message: str) -> None:
    """Still open, the message under ``field`` alone, that field focused."""
    assert dialog.isVisible()
    assert dialog.result() == 0
    label = dialog.findChild(QLabel, f"{field or 'form'}Error")
    assert label is dialog.error_label(field)
    assert label.isVisible()
    assert label.text() == message
    others = [lab.objectName() for lab in dialog.error_labels.values()
              if lab is not label and lab.isVisible()]
    assert others == []
    if field:
        assert dialog.focusWidget() is dialog.fields[field]


# -- adding and editing items ------------------------------------------------------

def test_adding_a_phase_stores_it_exactly_and_one_undo_removes_it(
        qtbot: QtBot, document: PlanDocument, pair: tuple[str, str]) -> None:
    ana = pair[0]
    dialog = shown(qtbot, ItemDialog(document, phase=True, lane=ana,
                                     start=date(2026, 9, 1)))
    assert dialog.windowTitle() == "Add Phase"
    assert dialog.ok_button.text() == "Add"
    assert dialog.lane_combo.currentData() == ana
    assert dialog.end_edit is not None
    assert dialog.end_edit.date() == QDate(2027, 8, 31), "a new phase lasts a year, to its last day"

    type_text(qtbot, dialog.title_edit, TRICKY_TITLE)
    choose(dialog.kind_combo, "degree")
    dialog.end_edit.setDate(QDate(2028, 6, 30))
    choose(dialog.status_combo, "done")
    type_text(qtbot, dialog.notes, "Two years, then we decide.\nTogether.")
    click_ok(qtbot, dialog)

    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == f"Add “{TRICKY_TITLE}”"
    [item] = roadmap_items(document.plan, document.viewer)
    assert dialog.saved_uuid == item.uuid

    document.undo_stack.undo()
    assert roadmap_items(document.plan, document.viewer) == [], "one undo removes it"
    document.undo_stack.redo()

    assert stored_items(document) == [{
        "partner_uuid": ana, "kind": "degree", "title": TRICKY_TITLE,
        "notes": "Two years, then we decide.\nTogether.", "status": "done",
        "start_date": date(2026, 9, 1), "end_date": date(2028, 6, 30),
    }]


def test_an_added_phase_undone_is_gone_from_the_file(
        qtbot: QtBot, document: PlanDocument) -> None:
    dialog = shown(qtbot, ItemDialog(document, lane="", start=date(2030, 1, 1)))
    qtbot.keyClicks(dialog.title_edit, "Year in Japan")
    choose(dialog.kind_combo, "sabbatical")
    click_ok(qtbot, dialog)
    assert len(roadmap_items(document.plan, document.viewer)) == 1
    assert roadmap_items(document.plan, document.viewer)[0].partner_uuid is None, "“Our life” is no partner"
    document.undo_stack.undo()
    assert stored_items(document) == []


def test_editing_a_milestones_date_and_lane_is_one_undo_step(
        qtbot: QtBot, document: PlanDocument, pair: tuple[str, str]) -> None:
    ana, bo = pair
    document.submit("Add", new_item("promotion", "Team lead", date(2027, 3, 1),
                                    partner_uuid=ana, notes="If the reorg happens", viewer=TOGETHER))
    [item] = roadmap_items(document.plan, document.viewer)

    dialog = shown(qtbot, ItemDialog(document, item))
    assert dialog.windowTitle() == "Edit “Team lead”"
    assert dialog.ok_button.text() == "Save"
    assert dialog.end_edit is None, "a milestone has one date"
    assert dialog.findChild(QLabel, "end_dateError") is None
    assert dialog.lane_combo.currentData() == ana
    assert dialog.kind_combo.currentData() == "promotion"
    dialog.start_edit.setDate(QDate(2027, 10, 15))
    choose(dialog.lane_combo, bo)
    click_ok(qtbot, dialog)

    assert not dialog.isVisible()
    assert document.undo_stack.count() == 2
    assert document.undo_stack.undoText() == "Edit “Team lead”"
    document.undo_stack.undo()
    [before] = roadmap_items(document.plan, document.viewer)
    assert (before.start_date, before.partner_uuid) == (date(2027, 3, 1), ana), \
        "one undo restores both the date and the lane"
    document.undo_stack.redo()

    assert stored_items(document) == [{
        "partner_uuid": bo, "kind": "promotion", "title": "Team lead",
        "notes": "If the reorg happens", "status": "planned",
        "start_date": date(2027, 10, 15), "end_date": None,
    }]


def test_moving_an_item_to_our_life_stores_no_partner(
        qtbot: QtBot, document: PlanDocument, pair: tuple[str, str]) -> None:
    document.submit("Add", new_item("job", "Consulting", date(2026, 1, 1), date(2027, 1, 1),
                                    partner_uuid=pair[1], viewer=TOGETHER))
    dialog = shown(qtbot, ItemDialog(document, roadmap_items(document.plan, document.viewer)[0]))
    choose(dialog.lane_combo, "")
    click_ok(qtbot, dialog)
    assert [i["partner_uuid"] for i in stored_items(document)] == [None]


def test_saving_an_unchanged_item_adds_no_undo_step(
        qtbot: QtBot, document: PlanDocument) -> None:
    document.submit("Add", new_item("wedding", "Wedding", date(2028, 5, 20), viewer=TOGETHER))
    [item] = roadmap_items(document.plan, document.viewer)
    dialog = shown(qtbot, ItemDialog(document, item))
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert dialog.saved_uuid == item.uuid
    assert document.undo_stack.count() == 1


# -- refusals ------------------------------------------------------------------------

def test_an_empty_title_is_refused_under_the_title_until_it_is_filled_in(
        qtbot: QtBot, document: PlanDocument) -> None:
    dialog = shown(qtbot, ItemDialog(document, phase=False, start=date(2027, 5, 1)))
    assert dialog.windowTitle() == "Add Milestone"
    qtbot.keyClicks(dialog.title_edit, "   ")
    click_ok(qtbot, dialog)
    assert_refused(dialog, "title", refusal(lambda: new_item("graduation", "", date(2027, 5, 1), viewer=TOGETHER)))
    assert dialog.error_label("title").text() == "The title can’t be empty."
    assert document.undo_stack.count() == 0

    qtbot.keyClicks(dialog.title_edit, "Defence")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert not dialog.error_label("title").isVisible()
    assert [i["title"] for i in stored_items(document)] == ["Defence"]


def test_an_end_before_the_start_is_refused_under_the_end(
        qtbot: QtBot, document: PlanDocument) -> None:
    dialog = shown(qtbot, ItemDialog(document, start=date(2026, 9, 1)))
    qtbot.keyClicks(dialog.title_edit, "Residency")
    assert dialog.end_edit is not None
    dialog.end_edit.setDate(QDate(2026, 8, 29))
    click_ok(qtbot, dialog)
    assert_refused(dialog, "end_date", refusal(
        lambda: new_item("job", "Residency", date(2026, 9, 1), date(2026, 8, 29), viewer=TOGETHER)))
    assert "before the start" in dialog.error_label("end_date").text()
    assert stored_items(document) == []


def test_a_start_in_1900_is_refused_with_the_models_range(
        qtbot: QtBot, document: PlanDocument) -> None:
    dialog = shown(qtbot, ItemDialog(document, start=date(2026, 9, 1)))
    dialog.start_edit.setMinimumDate(QDate(1900, 1, 1))
    qtbot.keyClicks(dialog.title_edit, "Apprenticeship")
    dialog.start_edit.setDate(QDate(1900, 6, 1))
    assert dialog.start_edit.date() == QDate(1900, 6, 1), "the widget lets the models decide"
    click_ok(qtbot, dialog)
    message = refusal(lambda: new_item("job", "Apprenticeship", date(1900, 6, 1),
                                       date(2027, 9, 1), viewer=TOGETHER))
    assert message == ("The start 1900-06-01 is out of range: "
                       "use a date between 1940 and 2100.")
    assert_refused(dialog, "start_date", message)
    assert stored_items(document) == []


def test_an_overlapping_season_is_refused_under_the_start(
        qtbot: QtBot, document: PlanDocument, pair: tuple[str, str]) -> None:
    ana, bo = pair
    document.submit("Add", new_season(ana, "Startup", date(2026, 1, 1), date(2028, 1, 1)))
    dialog = shown(qtbot, SeasonDialog(document, start=date(2027, 1, 1), leader_uuid=bo))
    assert dialog.leader_combo.currentData() == bo
    qtbot.keyClicks(dialog.label_edit, "MBA")
    click_ok(qtbot, dialog)

    message = dialog.error_label("start_date").text()
    assert "overlap" in message
    assert message == ("Seasons may not overlap: “MBA” starts 2027-01-01, "
                       "while “Startup” lasts until 2028-01-01.")
    assert_refused(dialog, "start_date", message)
    assert document.undo_stack.count() == 1
    assert stored_seasons(document) == [{
        "leader_uuid": ana, "label": "Startup", "notes": "",
        "start_date": date(2026, 1, 1), "end_date": date(2028, 1, 1),
    }]


def test_a_general_refusal_is_shown_above_the_buttons(
        qtbot: QtBot, document: PlanDocument) -> None:
    dialog = shown(qtbot, ItemDialog(document, start=date(2026, 1, 1)))
    dialog.show_error(ValidationError("", "That change conflicts with the plan."))
    assert_refused(dialog, "", "That change conflicts with the plan.")
    assert dialog.findChild(QLabel, "formError") is dialog.error_label("")


# -- seasons ----------------------------------------------------------------------

def test_adding_and_editing_a_season(
        qtbot: QtBot, document: PlanDocument, pair: tuple[str, str]) -> None:
    ana, bo = pair
    dialog = shown(qtbot, SeasonDialog(document, start=date(2026, 1, 1)))
    assert dialog.windowTitle() == "Add Season"
    intro = dialog.findChild(QLabel, "intro")
    assert intro is not None and intro.text() == SEASON_INTRO
    assert intro.isVisible()
    assert dialog.leader_combo.currentData() == ana, "the first partner by default"
    type_text(qtbot, dialog.label_edit, "Startup 🚀")
    dialog.end_edit.setDate(QDate(2028, 1, 1))
    qtbot.keyClicks(dialog.notes, "Bo keeps the steady job.")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert document.undo_stack.undoText() == "Add season “Startup 🚀”"

    [season] = seasons(document.plan)
    edit = shown(qtbot, SeasonDialog(document, season))
    assert edit.windowTitle() == "Edit Season “Startup 🚀”"
    assert edit.ok_button.text() == "Save"
    choose(edit.leader_combo, bo)
    edit.label_edit.clear()
    qtbot.keyClicks(edit.label_edit, "Residency")
    click_ok(qtbot, edit)
    assert not edit.isVisible()
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert [(s.leader_uuid, s.label) for s in seasons(document.plan)] == \
        [(ana, "Startup 🚀")]
    document.undo_stack.redo()
    assert stored_seasons(document) == [{
        "leader_uuid": bo, "label": "Residency", "notes": "Bo keeps the steady job.",
        "start_date": date(2026, 1, 1), "end_date": date(2028, 1, 1),
    }]


# -- cancelling ---------------------------------------------------------------------

def test_escape_stores_nothing(qtbot: QtBot, document: PlanDocument) -> None:
    dialog = shown(qtbot, ItemDialog(document, start=date(2026, 1, 1)))
    qtbot.keyClicks(dialog.title_edit, "Not yet")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert document.undo_stack.count() == 0
    assert stored_items(document) == []


def test_cancelling_an_edit_stores_nothing(
        qtbot: QtBot, document: PlanDocument, pair: tuple[str, str]) -> None:
    document.submit("Add", new_season(pair[0], "Startup", date(2026, 1, 1),
                                      date(2028, 1, 1)))
    dialog = shown(qtbot, SeasonDialog(document, seasons(document.plan)[0]))
    qtbot.keyClicks(dialog.label_edit, " and more")
    dialog.start_edit.setDate(QDate(2025, 1, 1))
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert document.undo_stack.count() == 1
    assert [(s["label"], s["start_date"]) for s in stored_seasons(document)] == \
        [("Startup", date(2026, 1, 1))]


# -- the form itself ------------------------------------------------------------------

@pytest.mark.parametrize("make", [
    lambda doc: ItemDialog(doc),
    lambda doc: ItemDialog(doc, phase=False),
    lambda doc: SeasonDialog(doc),
], ids=["phase", "milestone", "season"])
def test_every_field_has_a_tooltip_a_mnemonic_label_and_an_error_line(
        qtbot: QtBot, document: PlanDocument,
        make: Callable[[PlanDocument], EntryDialog]) -> None:
    dialog = shown(qtbot, make(document))
    captions = {label.buddy(): label.text() for label in dialog.findChildren(QLabel)
                if label.buddy() is not None}
    for field, widget in dialog.fields.items():
        assert widget.toolTip(), field
        assert "&" in captions[widget], field
        assert dialog.findChild(QLabel, f"{field}Error") is not None
        assert not dialog.error_label(field).isVisible()
    assert dialog.findChild(QLabel, "formError") is not None
    for edit in (w for w in dialog.fields.values() if isinstance(w, QDateEdit)):
        assert edit.calendarPopup()
        assert edit.displayFormat() == date_format().pattern, "one date format everywhere"
        assert edit.minimumDate() <= QDate(1900, 1, 1)
