"""Hostile text through the editors: saving a dialog never changes a field
nobody touched, lengths count characters as the models do, and user text is
shown as typed in tooltips, menus and buttons. Every check reads the file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible, QAction, QColor
from PySide6.QtWidgets import QColorDialog, QDialogButtonBox, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from models.partners import NAME_MAX, edit_partner, partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER, Viewer
from models.roadmap import TITLE_MAX, new_item, new_season, roadmap_items, seasons
from tests.helpers import stored, tip_text, type_text
from ui.document import PlanDocument
from ui.roadmap.editor import ItemDialog, SeasonDialog
from ui.roadmap.items import ClashItem
from ui.roadmap.tab import RoadmapTab
from ui.roadmap.table import RoadmapTables
from ui.window import settings
from ui.window.main_window import MainWindow
from ui.window.partners_dialog import PartnersDialog

EMOJI_NAME = "🐙" * NAME_MAX  # 60 characters, 120 UTF-16 units
BOM_ROLE = "\ufeffNurse"
NBSP_NOTES = "Run 10\u00a0km,\nthen\u00a0lunch"
SCRIPT = "<script>alert(1)</script>"


def change_partner(path: Path, slot: int, **values: str) -> None:
    with PlanFile.open(path) as plan:
        plan.apply(edit_partner(partners(plan)[slot - 1], **values), TOGETHER)


def stored_partners(path: Path) -> list[dict[str, Any]]:
    return sorted(stored(path)["tables"]["partner"], key=lambda row: row["slot"])


def stored_items(path: Path) -> list[dict[str, Any]]:
    return stored(path)["tables"]["roadmap_item"]


def force(path: Path, sql: str, *params: object) -> None:
    """Write what today's models would refuse, as an older version (or
    another tool) might have left it."""
    with sqlite3.connect(path) as connection:
        connection.execute(sql, params)
    connection.close()


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


@pytest.fixture
def document(plan_path: Path) -> Iterator[PlanDocument]:
    doc = PlanDocument(PlanFile.open(plan_path))
    yield doc
    if doc.plan._conn is not None:
        doc.close()


def open_partners(qtbot: QtBot, window: MainWindow) -> PartnersDialog:
    assert window.document is not None
    dialog = PartnersDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_ok(qtbot: QtBot, dialog: Any) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


# -- the partners dialog saves only what changed --------------------------------------

def test_a_60_emoji_name_survives_changing_the_other_partners_colour(
        qtbot: QtBot, window: MainWindow, plan_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    change_partner(plan_path, 1, name=EMOJI_NAME)
    window.open_plan(plan_path)
    dialog = open_partners(qtbot, window)
    name1 = dialog.findChild(QLineEdit, "name1")
    assert name1.text() == EMOJI_NAME, "shown whole: 60 characters are within the limit"

    monkeypatch.setattr(QColorDialog, "getColor", lambda *args: QColor("#2a9d8f"))
    qtbot.mouseClick(dialog.forms[1].fields["color"].button, Qt.MouseButton.LeftButton)
    [change] = dialog.edit()
    assert dict(change.after or {}) == {"color": "#2a9d8f"}, "only the touched field"
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    window.close_plan()
    rows = stored_partners(plan_path)
    assert [row["name"] for row in rows] == [EMOJI_NAME, "Bo"]
    assert [row["color"] for row in rows] == ["#2f6db5", "#2a9d8f"]


def test_a_byte_order_mark_role_survives_the_partners_dialog(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    change_partner(plan_path, 2, role=BOM_ROLE, field="Pédiatrie\u00a0&\u00a0soins")
    window.open_plan(plan_path)
    dialog = open_partners(qtbot, window)
    click_ok(qtbot, dialog)
    assert window.document is not None and window.document.undo_stack.count() == 0, \
        "accepted untouched: nothing to save"

    dialog = open_partners(qtbot, window)
    name2 = dialog.findChild(QLineEdit, "name2")
    name2.selectAll()
    qtbot.keyClicks(name2, "Bo & Co")
    click_ok(qtbot, dialog)
    window.close_plan()
    [_ana, bo] = stored_partners(plan_path)
    assert (bo["name"], bo["role"], bo["field"]) == \
        ("Bo & Co", BOM_ROLE, "Pédiatrie\u00a0&\u00a0soins")


def test_a_refusal_lands_under_the_partner_it_is_about(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    window.open_plan(plan_path)
    dialog = open_partners(qtbot, window)
    role2 = dialog.findChild(QLineEdit, "role2")
    role2.setText("r" * 130)  # longer than typing allows, as a paste by code would be
    click_ok(qtbot, dialog)
    assert dialog.findChild(QLabel, "role2Error").isVisible()
    assert not dialog.findChild(QLabel, "role1Error").isVisible()
    assert dialog.focusWidget() is role2

    role2.setText("Nurse")
    name1 = dialog.findChild(QLineEdit, "name1")
    name1.selectAll()
    qtbot.keyClicks(name1, "BO")
    click_ok(qtbot, dialog)
    error = dialog.findChild(QLabel, "name1Error")
    assert error.isVisible() and error.text() == "The two partners need different names."
    assert not dialog.findChild(QLabel, "name2Error").isVisible(), "Bo's name was not touched"
    assert not dialog.findChild(QLabel, "role2Error").isVisible()
    window.close_plan()
    assert [row["name"] for row in stored_partners(plan_path)] == ["Ana", "Bo"]


def test_a_stored_name_the_models_now_refuse_is_shown_whole_and_left_alone(
        qtbot: QtBot, window: MainWindow, plan_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    too_long = "Bo" + "o" * NAME_MAX
    force(plan_path, "UPDATE partner SET name = ? WHERE slot = 2", too_long)
    window.open_plan(plan_path)
    dialog = open_partners(qtbot, window)
    assert dialog.findChild(QLineEdit, "name2").text() == too_long, "never cut"
    monkeypatch.setattr(QColorDialog, "getColor", lambda *args: QColor("#264653"))
    qtbot.mouseClick(dialog.forms[0].fields["color"].button, Qt.MouseButton.LeftButton)
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    window.close_plan()
    rows = stored_partners(plan_path)
    assert [row["name"] for row in rows] == ["Ana", too_long]
    assert rows[0]["color"] == "#264653"


# -- the roadmap's dialogs and table ---------------------------------------------------------

def test_notes_with_no_break_spaces_survive_the_item_and_season_dialogs(
        qtbot: QtBot, document: PlanDocument, plan_path: Path) -> None:
    ana = partners(document.plan)[0].uuid
    document.submit("Add", new_item("job", "Clinic", date(2026, 1, 1), date(2027, 1, 1),
                                    partner_uuid=ana, notes=NBSP_NOTES, viewer=TOGETHER))
    document.submit("Add", new_season(ana, "Clinic", date(2026, 1, 1), date(2026, 12, 31),
                                      notes=NBSP_NOTES))
    steps = document.undo_stack.count()
    [item] = roadmap_items(document.plan, document.viewer)
    dialog = ItemDialog(document, item)
    qtbot.addWidget(dialog)
    assert dialog.notes.raw_text() == NBSP_NOTES
    dialog.ok_button.click()
    season_dialog = SeasonDialog(document, seasons(document.plan)[0])
    qtbot.addWidget(season_dialog)
    season_dialog.ok_button.click()
    assert document.undo_stack.count() == steps, "accepted untouched: nothing saved"

    dialog = ItemDialog(document, item)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.selectAll()
    qtbot.keyClicks(dialog.title_edit, "Clinic & co")
    dialog.ok_button.click()
    document.close()
    [row] = stored_items(plan_path)
    assert (row["title"], row["notes"]) == ("Clinic & co", NBSP_NOTES)
    [season] = stored(plan_path)["tables"]["season"]
    assert season["notes"] == NBSP_NOTES


def test_typed_notes_keep_their_no_break_spaces(qtbot: QtBot, document: PlanDocument,
                                                plan_path: Path) -> None:
    dialog = ItemDialog(document, lane="", start=date(2027, 5, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.title_edit, "Move")
    type_text(qtbot, dialog.notes, NBSP_NOTES)
    dialog.ok_button.click()
    document.close()
    assert [row["notes"] for row in stored_items(plan_path)] == [NBSP_NOTES]


def test_a_stored_title_the_models_now_refuse_is_shown_whole_and_left_alone(
        qtbot: QtBot, document: PlanDocument, plan_path: Path) -> None:
    document.submit("Add", new_item("relocation", "Move", date(2027, 5, 1), viewer=TOGETHER))
    uuid = roadmap_items(document.plan, document.viewer)[0].uuid
    document.close()
    too_long = "🏠" * (TITLE_MAX + 1)
    force(plan_path, "UPDATE roadmap_item SET title = ? WHERE uuid = ?", too_long, uuid)

    again = PlanDocument(PlanFile.open(plan_path))
    [item] = roadmap_items(again.plan, again.viewer)
    dialog = ItemDialog(again, item)
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == too_long
    dialog.ok_button.click()
    assert not dialog.isVisible() and again.undo_stack.count() == 0
    again.close()
    assert [row["title"] for row in stored_items(plan_path)] == [too_long]


def test_a_table_cell_opened_and_closed_untouched_stores_nothing(
        qtbot: QtBot, document: PlanDocument, plan_path: Path) -> None:
    bom_title = "\ufeffWedding"
    document.submit("Add", new_item("wedding", bom_title, date(2028, 5, 20),
                                    notes="Line one\nline\u00a0two", viewer=TOGETHER))
    tables = RoadmapTables()
    qtbot.addWidget(tables)
    tables.set_document(document)
    tables.show()
    qtbot.waitExposed(tables)
    view: QTableView = tables.item_view
    model = tables.items
    for field in ("title", "notes", "kind", "start_date"):
        index = view.model().index(0, model.column_of(field))
        view.setCurrentIndex(index)
        qtbot.keyClick(view, Qt.Key.Key_F2)
        editor = view.indexWidget(index)
        assert editor is not None, field
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda i=index: view.indexWidget(i) is None)
    assert document.undo_stack.count() == 1, "only the add"
    tables.set_document(None)
    document.close()
    [row] = stored_items(plan_path)
    assert (row["title"], row["notes"]) == (bom_title, "Line one\nline\u00a0two")


def test_a_table_title_is_limited_in_characters(qtbot: QtBot, document: PlanDocument) -> None:
    document.submit("Add", new_item("wedding", "W", date(2028, 5, 20), viewer=TOGETHER))
    tables = RoadmapTables()
    qtbot.addWidget(tables)
    tables.set_document(document)
    tables.show()
    index: QModelIndex = tables.item_view.model().index(0, 0)
    tables.item_view.setCurrentIndex(index)
    qtbot.keyClick(tables.item_view, Qt.Key.Key_F2)
    editor = tables.item_view.indexWidget(index)
    assert isinstance(editor, QLineEdit) and editor.maxLength() > TITLE_MAX * 2
    editor.selectAll()
    for _ in range(TITLE_MAX + 1):
        type_text(qtbot, editor, "🏠")
    assert editor.text() == "🏠" * TITLE_MAX
    tables.set_document(None)


# -- user text is plain text --------------------------------------------------------------------

def assert_literal_tip(tip: str, text: str) -> None:
    """An escaped rich-text tooltip that shows ``text`` literally."""
    assert "&lt;script&gt;" in tip and SCRIPT not in tip, tip
    assert text in tip_text(tip)


def test_chart_tooltips_show_markup_literally(qtbot: QtBot, document: PlanDocument) -> None:
    ana, bo = (p.uuid for p in partners(document.plan))
    document.submit("Rename", edit_partner(partners(document.plan)[0], name=SCRIPT))
    document.submit("Add", new_item("job", SCRIPT, date(2027, 1, 1), date(2028, 1, 1),
                                    partner_uuid=ana, notes=f"notes {SCRIPT}", viewer=TOGETHER))
    document.submit("Add", new_item("degree", "Nursing", date(2026, 9, 1), date(2029, 6, 30),
                                    partner_uuid=bo, viewer=TOGETHER))
    document.submit("Add", new_season(ana, SCRIPT, date(2027, 1, 1), date(2027, 12, 31)))
    tab = RoadmapTab()
    qtbot.addWidget(tab)
    tab.set_document(document)
    tips = {entry.uuid: entry.toolTip() for entry in tab.scene.entries.values()}
    job = next(i.uuid for i in roadmap_items(document.plan, document.viewer) if i.kind == "job")
    assert_literal_tip(tips[job], f"{SCRIPT}\n")
    assert f"notes {SCRIPT}" in tip_text(tips[job])
    season = seasons(document.plan)[0].uuid
    assert_literal_tip(tips[season], f"{SCRIPT} leads: {SCRIPT}")
    clashes = [i for i in tab.scene.items() if isinstance(i, ClashItem)]
    assert len(clashes) == 2, "shaded in each lane the clash concerns"
    for clash in clashes:
        assert_literal_tip(clash.toolTip(), f"starts a new job ({SCRIPT})")
    tab.set_document(None)


def test_header_tooltips_show_markup_literally(window: MainWindow, plan_path: Path) -> None:
    change_partner(plan_path, 1, name=SCRIPT, role="<i>Nurse</i>")
    window.open_plan(plan_path)
    assert_literal_tip(window.header.names.toolTip(), f"{SCRIPT} · <i>Nurse</i>")
    button = window.header.keyboard_buttons[Viewer.partner(partners(window.document.plan)[0].uuid)]
    assert_literal_tip(button.toolTip(), f"{SCRIPT} at the keyboard")
    action = window.keyboard_group.actions()[0]
    assert_literal_tip(action.toolTip(), f"{SCRIPT} at the keyboard (Ctrl+Alt+1)")


def test_an_ampersand_in_a_name_is_kept_in_menus_and_buttons(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    ben = plan_path.with_name("Ben & Jerry.tandem")
    plan_path.rename(ben)
    change_partner(ben, 1, name="Ben & Jerry")
    window.open_plan(ben)
    settings.remember_plan(ben)

    window.recent_menu.aboutToShow.emit()
    recent = window.recent_menu.actions()[0]
    name, details = recent.text().split("\t")
    assert name == "&1 Ben && Jerry"
    assert details.endswith(" · opened today")
    assert QAction(name).iconText() == "1 Ben & Jerry"

    keyboard = window.keyboard_menu.actions()[0]
    assert keyboard.text() == "Ben && Jerry"
    assert keyboard.iconText() == "Ben & Jerry"

    assert window.document is not None
    button = window.header.keyboard_buttons[Viewer.partner(partners(window.document.plan)[0].uuid)]
    assert button.text() == "Ben && Jerry"
    shown = QAccessible.queryAccessibleInterface(button)
    assert shown is not None and shown.text(QAccessible.Text.Name) == "Ben & Jerry"
    assert QAction(button.text()).iconText() == "Ben & Jerry"

    document = window.document
    document.submit("Rename “Ben & Jerry”",
                    edit_partner(partners(document.plan)[0], name="Ben"))
    assert window.undo_action.text() == "&Undo Rename “Ben && Jerry”"
    assert window.undo_action.iconText() == "Undo Rename “Ben & Jerry”"
    window.undo_action.trigger()
    assert window.redo_action.text() == "&Redo Rename “Ben && Jerry”"
    assert not window.undo_action.isEnabled() and window.undo_action.text() == "&Undo"
