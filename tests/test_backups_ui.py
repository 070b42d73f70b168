"""Backups as a couple meets them: made in the background as a plan opens and
closes, File ▸ Restore from Backup… (as a copy, or in place and back again),
the offer of a backup when a plan is damaged, and the notice when backups
are off."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from models.backups import Backup, BackupStore, Reason
from models.exchange import plan_to_dict
from models.partners import edit_partner, partners
from models.plan_file import PlanFile
from models.plan_snapshot import open_snapshot
from models.privacy import Viewer
from models.roadmap import new_item
from tests.helpers import answer_dialog, digest, every_text, visible_text
from ui.window.backups import backup_base
from ui.window.backups_dialog import RestoreDialog
from ui.window.main_window import MainWindow

ZONE = timezone(timedelta(hours=2))


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 6, 3, 9, 0, tzinfo=ZONE)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def window(qtbot: QtBot, clock: Clock) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    win.backups.clock = clock
    win.show()
    yield win
    win.close()


def store(clock: Clock) -> BackupStore:
    return BackupStore(backup_base(), clock)


def contents(path: Path) -> dict[str, Any]:
    """Every row of a plan file, read as a snapshot: the file may be open in
    the window, or a read-only backup."""
    with open_snapshot(path) as copy:
        return plan_to_dict(copy.session)


def names(path: Path) -> list[str]:
    rows = sorted(contents(path)["tables"]["partner"], key=lambda r: r["slot"])
    return [r["name"] for r in rows]


def open_and_back_up(qtbot: QtBot, window: MainWindow, path: Path) -> Backup | None:
    with qtbot.waitSignal(window.backups.written, timeout=5000) as written:
        assert window.open_plan(path)
    result = written.args[0]
    assert result is None or isinstance(result, Backup)
    return result


def rename_first(window: MainWindow, name: str) -> None:
    document = window.document
    assert document is not None
    document.submit("Edit partners", edit_partner(partners(document.plan)[0], name=name))


def settle(window: MainWindow) -> None:
    """Every backup under way written, and its report delivered."""
    window.backups.wait()
    QApplication.processEvents()


def backups_made_before(plan_path: Path, clock: Clock, days: list[int]) -> list[Backup]:
    """Backups made on 1, 2… June at 09:00, the first partner named "Ana <day>"."""
    made = []
    start = clock.now
    with PlanFile.open(plan_path) as plan:
        for day in days:
            plan.apply(edit_partner(partners(plan)[0], name=f"Ana {day}"),
                       Viewer.partner(partners(plan)[0].uuid))
            clock.now = datetime(2026, 6, day, 9, 0, tzinfo=ZONE)
            backup = store(clock).back_up(plan, Reason.OPENED)
            assert backup is not None
            made.append(backup)
    clock.now = start
    return made


def restore_dialog(qtbot: QtBot, window: MainWindow) -> RestoreDialog:
    window.restore_action.trigger()
    (dialog,) = [d for d in window.findChildren(RestoreDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: dialog.loaded)
    return dialog


def rows(dialog: RestoreDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.topLevelItem(r).text(c) for c in range(4)]
            for r in range(table.topLevelItemCount())]


def click_row(qtbot: QtBot, dialog: RestoreDialog, row: int) -> None:
    table = dialog.table
    rect = table.visualItemRect(table.topLevelItem(row))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# -- made without anyone thinking of them ------------------------------------------------


def test_a_plan_is_backed_up_in_the_background_on_opening_once_a_day_and_on_closing_after_changes(
        qtbot: QtBot, window: MainWindow, plan_path: Path, clock: Clock) -> None:
    opened = open_and_back_up(qtbot, window, plan_path)
    assert opened is not None and opened.reason is Reason.OPENED
    assert names(opened.path) == ["Ana", "Bo"]
    identity = opened.path.parent.name

    window.close_plan()  # nothing changed: nothing to back up
    settle(window)
    assert len(store(clock).backups(identity)) == 1

    clock.now += timedelta(hours=3)
    assert open_and_back_up(qtbot, window, plan_path) is None, "once a day"
    window.document.set_viewer(list(window.document.stacks)[1])  # not a change of the plan
    window.close_plan()
    settle(window)
    assert len(store(clock).backups(identity)) == 1

    open_and_back_up(qtbot, window, plan_path)
    rename_first(window, "Ana-Lucía")
    clock.now += timedelta(hours=2)
    with qtbot.waitSignal(window.backups.written, timeout=5000) as written:
        window.close_plan()
    closed = written.args[0]
    assert closed.reason is Reason.CLOSED and names(closed.path) == ["Ana-Lucía", "Bo"]

    clock.now += timedelta(days=1)
    assert open_and_back_up(qtbot, window, plan_path) is not None, "a new day"


def test_quitting_writes_the_last_backup_whole_before_the_app_ends(
        qtbot: QtBot, window: MainWindow, plan_path: Path, clock: Clock) -> None:
    opened = open_and_back_up(qtbot, window, plan_path)
    assert opened is not None
    rename_first(window, "Ana at closing time")
    clock.now += timedelta(hours=1)
    window.close()
    latest = store(clock).backups(opened.path.parent.name)[0]
    assert latest.reason is Reason.CLOSED and names(latest.path)[0] == "Ana at closing time"


def test_backups_that_cant_be_written_say_so_while_the_plan_opens_and_can_be_tried_again(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    blocker = backup_base()
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the backup folder should be")
    with qtbot.waitSignal(window.backups.problem_changed, timeout=5000):
        assert window.open_plan(plan_path)
    assert window.document is not None and window.pages.currentWidget() is window.plan_page
    notice = window.backup_notice
    assert notice.isVisible()
    assert notice.text.text().startswith("Backups are off: Tandem can’t write to its backup "
                                         "folder")
    assert str(blocker) in notice.text.text()
    rename_first(window, "Ana, still saved")  # the plan saves as ever
    assert names(plan_path)[0] == "Ana, still saved"

    dialog = restore_dialog(qtbot, window)
    assert dialog.problem.isVisible() and "Backups are off" in dialog.problem.text()
    dialog.close()

    blocker.unlink()
    with qtbot.waitSignal(window.backups.written, timeout=5000) as written:
        qtbot.mouseClick(notice.retry, Qt.MouseButton.LeftButton)
    assert isinstance(written.args[0], Backup)
    assert not notice.isVisible()


def test_a_backup_that_fails_as_the_plan_closes_is_said_in_the_status_bar(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    blocker = backup_base()
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the backup folder should be")
    with qtbot.waitSignal(window.backups.problem_changed, timeout=5000):
        window.open_plan(plan_path)
    rename_first(window, "Ana, changed")
    with qtbot.waitSignal(window.backups.problem_changed, timeout=5000):
        window.close_plan()
    assert window.statusBar().currentMessage().startswith("Backups are off")
    assert names(plan_path)[0] == "Ana, changed"


# -- File ▸ Restore from Backup… ---------------------------------------------------------------


def test_the_dialog_lists_each_backup_with_date_and_summary_and_notes_a_damaged_one(
        qtbot: QtBot, window: MainWindow, plan_path: Path, clock: Clock) -> None:
    first, second = backups_made_before(plan_path, clock, [1, 2])
    second.path.chmod(0o644)
    second.path.write_bytes(second.path.read_bytes()[:8192])  # damaged after it was made
    open_and_back_up(qtbot, window, plan_path)
    ana = Viewer.partner(partners(window.document.plan)[0].uuid)
    window.document.set_viewer(ana)
    window.document.submit("Add", new_item("job", "Secret <b>offer</b>", date(2030, 1, 1),
                                           date(2031, 1, 1), viewer=ana, draft=True))
    window.document.submit("Add", new_item("relocation", "Shared move", date(2030, 1, 1),
                                           viewer=ana))
    dialog = restore_dialog(qtbot, window)
    today, older = rows(dialog)
    assert today[:3] == ["Today, 09:00", "When the plan was opened",
                         "Ana 2 & Bo: 0 roadmap items, 0 other entries"]
    assert older[1:3] == ["When the plan was opened",
                          "Ana 1 & Bo: 0 roadmap items, 0 other entries"]
    assert older[0].endswith("09:00") and not older[0].startswith(("Today", "Yesterday"))
    assert dialog.unreadable.isVisible()
    assert second.path.name in dialog.unreadable.text()
    assert "damaged" in dialog.unreadable.text()
    space = dialog.space.text()
    assert str(first.path.parent) in space and "all plans" in space
    assert dialog.show_folder.isEnabled()
    assert dialog.table.currentItem() is dialog.table.topLevelItem(0), "the latest, chosen"
    assert "Secret" not in every_text(dialog), "the list reads no private draft"


def test_a_chosen_backup_opens_as_a_copy_beside_the_plan(
        qtbot: QtBot, window: MainWindow, plan_path: Path, clock: Clock) -> None:
    backups_made_before(plan_path, clock, [1])
    open_and_back_up(qtbot, window, plan_path)
    rename_first(window, "Ana, today")
    dialog = restore_dialog(qtbot, window)
    click_row(qtbot, dialog, 1)
    assert dialog.chosen() is not None and dialog.chosen().made_at.day == 1
    with qtbot.waitSignal(window.backups.written, timeout=5000):  # the copy opens
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    copy = plan_path.with_name("Ana & Bo (backup of 2026-06-01 09.00).tandem")
    assert window.document is not None and window.document.plan.path == copy
    assert visible_text(window.header.names) == "Ana 1 & Bo"
    assert names(plan_path)[0] == "Ana, today", "the plan itself stays as it was"


def test_replacing_the_plan_asks_first_and_can_be_undone_through_the_backup_it_made(
        qtbot: QtBot, window: MainWindow, plan_path: Path, clock: Clock) -> None:
    backups_made_before(plan_path, clock, [1])
    open_and_back_up(qtbot, window, plan_path)
    rename_first(window, "Ana, after a bad day")
    bad_day = contents(plan_path)
    questions: list[str] = []

    def answer(choice: str) -> None:
        def press(box: QMessageBox) -> None:
            questions.append(f"{box.text()}\n{box.informativeText()}")
            next(b for b in box.buttons() if b.text() == choice).click()
        answer_dialog(qtbot, press)

    dialog = restore_dialog(qtbot, window)
    click_row(qtbot, dialog, 1)
    answer("Cancel")
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and contents(plan_path) == bad_day, "cancelled: nothing changed"
    assert "Replace “Ana & Bo.tandem” with the backup made on" in questions[0]
    assert "First Tandem makes a backup of the plan as it is now" in questions[0]
    assert "the undo history starts afresh" in questions[0]

    clock.now += timedelta(minutes=5)
    answer("Replace the Plan")
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.document is not None
                    and visible_text(window.header.names) == "Ana 1 & Bo")
    assert window.document.plan.path == plan_path
    assert names(plan_path) == ["Ana 1", "Bo"]
    assert not window.undo_action.isEnabled(), "the undo history starts afresh"
    assert "Restore from Backup goes back" in window.statusBar().currentMessage()

    dialog = restore_dialog(qtbot, window)
    assert rows(dialog)[0][1] == "Before a backup replaced it"
    assert rows(dialog)[0][2].startswith("Ana, after a bad day & Bo")
    click_row(qtbot, dialog, 0)
    clock.now += timedelta(minutes=5)
    answer("Replace the Plan")
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: visible_text(window.header.names) == "Ana, after a bad day & Bo")
    assert contents(plan_path) == bad_day, "the restore undone, exactly"


# -- a damaged plan ---------------------------------------------------------------------------


def test_a_damaged_plan_offers_its_latest_good_backup_as_a_copy(
        qtbot: QtBot, window: MainWindow, plan_path: Path, clock: Clock) -> None:
    open_and_back_up(qtbot, window, plan_path)
    rename_first(window, "Ana, saved at closing")
    with qtbot.waitSignal(window.backups.written, timeout=5000):
        window.close_plan()
    plan_path.write_bytes(plan_path.read_bytes()[:-7])  # cut short, as by a full disk
    damaged = digest(plan_path)
    offers: list[str] = []

    def accept(box: QMessageBox) -> None:
        offers.append(f"{box.text()}\n{box.informativeText()}")
        box.findChild(QPushButton, "openBackup").click()

    answer_dialog(qtbot, accept)
    clock.now += timedelta(hours=1)
    assert not window.open_plan(plan_path)
    qtbot.waitUntil(lambda: window.document is not None)
    text = offers[0]
    assert "“Ana & Bo.tandem” could not be opened: it is damaged" in text
    assert "Tandem has a backup of this plan, made today at 09:00" in text
    assert "Ana, saved at closing & Bo: 0 roadmap items, 0 other entries" in text
    assert "read which plan this is from the damaged file itself" in text
    copy = plan_path.with_name("Ana & Bo (backup of 2026-06-03 09.00).tandem")
    assert window.document.plan.path == copy
    assert visible_text(window.header.names) == "Ana, saved at closing & Bo"
    assert digest(plan_path) == damaged, "the damaged file is left as it is"


def test_declining_the_offer_opens_nothing(qtbot: QtBot, window: MainWindow,
                                           plan_path: Path, clock: Clock) -> None:
    backups_made_before(plan_path, clock, [1])
    plan_path.write_bytes(bytes(100) + plan_path.read_bytes()[100:])  # its header wiped
    answer_dialog(qtbot, lambda box: box.button(QMessageBox.StandardButton.Close).click())
    assert not window.open_plan(plan_path)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorMessage") is None)
    assert window.document is None
    assert [p.name for p in plan_path.parent.iterdir()] == [plan_path.name]



def test_a_restore_that_fails_leaves_the_plan_open_as_it_was_and_says_why(
        qtbot: QtBot, window: MainWindow, plan_path: Path, clock: Clock) -> None:
    (older,) = backups_made_before(plan_path, clock, [1])
    open_and_back_up(qtbot, window, plan_path)
    rename_first(window, "Ana, kept")
    dialog = restore_dialog(qtbot, window)
    click_row(qtbot, dialog, 1)
    older.path.unlink()  # gone between the list and the choice (another Tandem rotated it)
    answer_dialog(qtbot, lambda box: next(
        b for b in box.buttons() if b.text() == "Replace the Plan").click())
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorMessage") is not None)
    error = window.findChild(QMessageBox, "errorMessage")
    assert "does not exist" in error.text()
    error.close()
    assert window.document is not None and window.document.plan.path == plan_path
    assert names(plan_path)[0] == "Ana, kept"
