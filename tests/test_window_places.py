"""Where a plan is, as the window says it: the title names the plan once,
Open Recent and the welcome page give each plan's folder and when it was
last opened, File ▸ Show in Folder opens the folder, and the welcome page
says where a new plan will be saved."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from models.partners import edit_partner, new_plan_rows, partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER
from ui.window import settings
from ui.window.main_window import MainWindow
from ui.window.settings import RecentPlan, readable_folder
from ui.window.welcome import opened_when, recent_details


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def new_plan(folder: Path, stem: str, first: str, second: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.tandem"
    PlanFile.create(path, new_plan_rows(first, second)).close()
    return path


def shown_title(window: MainWindow) -> str:
    """The title as the window system shows it, before Qt adds " — Tandem"."""
    handle = window.windowHandle()
    assert handle is not None
    return handle.title()


# -- the title ---------------------------------------------------------------------

@pytest.mark.parametrize(("stem", "names", "title"), [
    ("Zoë & 李明", ("Zoë", "李明"), "Zoë & 李明"),
    ("Example - Rachel & Marcus", ("Rachel", "Marcus"), "Example - Rachel & Marcus"),
    ("budget 2027", ("Ana", "Bo"), "Ana & Bo — budget 2027"),
    ("Ben & Jerry and Kai", ("Ben & Jerry", "Kai"), "Ben & Jerry and Kai"),
    ("ours [*]", ("Ana", "Bo"), "Ana & Bo — ours [*]"),
    ("Ana [*] & Bo", ("Ana [*]", "Bo"), "Ana [*] & Bo"),
    ("[*][*] plan", ("Ana", "Bo"), "Ana & Bo — [*][*] plan"),
])
def test_the_title_names_the_plan_once(window: MainWindow, tmp_path: Path, stem: str,
                                       names: tuple[str, str], title: str) -> None:
    path = new_plan(tmp_path / "plans", stem, *names)
    assert window.open_plan(path)
    assert shown_title(window) == title
    for name in names:
        assert shown_title(window).count(name) == 1, "the couple named once"
    assert window.windowFilePath() == str(path), "the platform's path (a proxy icon on macOS)"


def test_the_title_follows_a_rename_and_the_welcome(window: MainWindow, tmp_path: Path) -> None:
    path = new_plan(tmp_path / "plans", "Ana & Bo", "Ana", "Bo")
    window.open_plan(path)
    assert shown_title(window) == "Ana & Bo"
    document = window.document
    assert document is not None
    document.submit("Rename", edit_partner(partners(document.plan)[1], name="Bea"))
    assert shown_title(window) == "Ana & Bea — Ana & Bo"
    document.undo()
    assert shown_title(window) == "Ana & Bo"
    window.close_plan()
    assert shown_title(window) == "Welcome"
    assert window.windowFilePath() == ""


# -- Open Recent and the welcome page's list ------------------------------------------

def test_recent_plans_show_their_folder_and_when_they_were_opened(
        window: MainWindow, private_home: Path, tmp_path: Path) -> None:
    mine = new_plan(private_home / "Plans", "Ana & Bo", "Ana", "Bo")
    theirs = new_plan(tmp_path / "shared", "Kai & Lee", "Kai", "Lee")
    last_week = datetime.now().astimezone() - timedelta(days=7)
    settings.remember_plan(theirs, opened=last_week)
    window.open_plan(mine)  # opened now

    window.recent_menu.aboutToShow.emit()
    texts = [action.text() for action in window.recent_menu.actions()[:2]]
    assert texts[0] == f"&1 Ana && Bo\t~{Path('/Plans')} · opened today"
    week = QLocale().toString(QDate(last_week.year, last_week.month, last_week.day),
                              QLocale.FormatType.ShortFormat)
    assert texts[1] == f"&2 Kai && Lee\t{tmp_path / 'shared'} · opened {week}"
    assert window.recent_menu.actions()[0].statusTip() == str(mine)

    window.close_plan()
    rows = [window.welcome.recent.item(row).text() for row in range(2)]
    assert rows == [f"Ana & Bo    —    ~{Path('/Plans')} · opened today",
                    f"Kai & Lee    —    {tmp_path / 'shared'} · opened {week}"]


def test_opened_yesterday_and_earlier() -> None:
    today = date(2026, 3, 10)
    noon = datetime(2026, 3, 9, 12).astimezone()
    assert opened_when(noon, today) == "opened yesterday"
    assert opened_when(noon + timedelta(days=1), today) == "opened today"
    earlier = opened_when(noon - timedelta(days=40), today)
    assert earlier == "opened " + QLocale().toString(QDate(2026, 1, 28),
                                                    QLocale.FormatType.ShortFormat)


def test_settings_from_an_older_tandem_without_dates_still_load(
        window: MainWindow, private_home: Path, tmp_path: Path) -> None:
    old = new_plan(private_home / "Documents", "Ana & Bo", "Ana", "Bo")
    # As Tandem wrote them before dates were kept: only the list of paths.
    written = settings._settings()
    written.setValue("recent", [str(old), str(tmp_path / "gone.tandem")])
    written.sync()
    assert settings.recent_entries() == [
        RecentPlan(old, None), RecentPlan(tmp_path / "gone.tandem", None)]
    window.recent_menu.aboutToShow.emit()
    assert window.recent_menu.actions()[0].text() == \
        f"&1 Ana && Bo\t~{Path('/Documents')}", "the folder, and no date it never had"
    assert recent_details(RecentPlan(old, None)) == f"~{Path('/Documents')}"

    window.open_plan(old)  # from now on, with its date
    [entry] = [e for e in settings.recent_entries() if e.path == old]
    assert entry.opened is not None and entry.opened.date() == date.today()
    assert [e.opened for e in settings.recent_entries() if e.path != old] == [None]


@pytest.mark.parametrize("value", ["not json", "[1, 2]", '{"PLAN": "Tuesday"}', '{"PLAN": 7}'])
def test_damaged_dates_in_the_settings_are_ignored(plan_path: Path, value: str) -> None:
    settings.remember_plan(plan_path)
    file = QSettings(settings._settings().fileName(), QSettings.Format.IniFormat)
    file.setValue("recent_opened", value.replace("PLAN", str(plan_path)))
    file.sync()
    assert settings.recent_entries() == [RecentPlan(plan_path, None)]


def test_a_forgotten_plan_takes_its_date_with_it(plan_path: Path, tmp_path: Path) -> None:
    other = new_plan(tmp_path / "other", "Kai & Lee", "Kai", "Lee")
    settings.remember_plan(plan_path)
    settings.remember_plan(other)
    settings.forget_recent(plan_path)
    assert [e.path for e in settings.recent_entries()] == [other]
    assert str(plan_path) not in str(settings._settings().value("recent_opened"))
    settings.forget_recent()
    assert settings.recent_entries() == []


def test_folders_are_shown_with_a_tilde_for_home(private_home: Path, tmp_path: Path) -> None:
    assert readable_folder(private_home) == "~"
    assert readable_folder(private_home / "Plans" / "Ours") == \
        f"~{Path('/Plans/Ours')}"
    assert readable_folder(tmp_path / "elsewhere") == str(tmp_path / "elsewhere")
    assert readable_folder(Path(str(private_home) + "-not-home")) == \
        str(private_home) + "-not-home", "a folder beside home is not in it"


# -- File ▸ Show in Folder -------------------------------------------------------------

def test_show_in_folder_opens_the_plans_folder(window: MainWindow, plan_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(QUrl(url)) or True)
    assert not window.show_folder_action.isEnabled(), "no plan, no folder"
    window.open_plan(plan_path)
    assert window.show_folder_action.isEnabled()
    assert window.show_folder_action in window.menuBar().actions()[0].menu().actions()
    window.show_folder_action.trigger()
    assert opened == [QUrl.fromLocalFile(str(plan_path.parent))]
    assert opened[0].toLocalFile() == str(plan_path.parent)


def test_show_in_folder_says_so_when_no_file_manager_opens(
        qtbot: QtBot, window: MainWindow, plan_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    window.open_plan(plan_path)
    window.show_folder_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorMessage") is not None)
    box = window.findChild(QMessageBox, "errorMessage")
    text = box.text()
    box.close()
    assert "could not open a file manager" in text
    assert str(plan_path) in text, "and says where the plan is"


# -- the welcome page ----------------------------------------------------------------------

def test_the_welcome_page_says_where_a_new_plan_is_saved(
        qtbot: QtBot, window: MainWindow, private_home: Path) -> None:
    folder = settings.data_folder()
    assert private_home in folder.parents
    place = window.welcome.save_place
    assert place.isVisible()
    shown = f"~{folder.as_posix().removeprefix(private_home.as_posix())}"
    assert place.text().startswith(f"Your plan will be saved in {shown}.")
    assert str(private_home) not in place.text(), "home as ~, readably"
    assert str(folder) in place.toolTip()
    # And it is so.
    qtbot.keyClicks(window.welcome.names.first, "Noor")
    qtbot.keyClicks(window.welcome.names.second, "Sam")
    qtbot.mouseClick(window.welcome.start_button, Qt.MouseButton.LeftButton)
    assert window.document is not None and window.document.plan.path.parent == folder


def test_ampersands_in_file_names_stay_in_the_recent_list(window: MainWindow,
                                                         tmp_path: Path) -> None:
    path = new_plan(tmp_path / "R&D plans", "Ben & Jerry", "Ben", "Jerry")
    with PlanFile.open(path) as plan:
        plan.apply(edit_partner(partners(plan)[0], name="Ben & Co"), TOGETHER)
    window.open_plan(path)
    window.recent_menu.aboutToShow.emit()
    assert window.recent_menu.actions()[0].text() == \
        f"&1 Ben && Jerry\t{str(tmp_path / 'R&D plans').replace('&', '&&')} · opened today"
