"""The main window as a couple meets it: welcome, opening, menus, partners."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QToolButton
from pytestqt.qtbot import QtBot

from models.partners import edit_partner, partners
from models.privacy import TOGETHER, Viewer
from tests.helpers import answer_dialog, stored, visible_text
from ui.window import settings
from ui.window.main_window import EXAMPLE_FILE, MainWindow


@pytest.fixture
def window(qtbot: QtBot):  # type: ignore[no-untyped-def]
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def error_text(qtbot: QtBot, win: MainWindow) -> str:
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "errorMessage") is not None)
    box = win.findChild(QMessageBox, "errorMessage")
    text = box.text()
    box.close()
    return text


def partner_names(path: Path) -> list[str]:
    rows = sorted(stored(path)["tables"]["partner"], key=lambda r: r["slot"])
    return [r["name"] for r in rows]


def test_first_start_shows_the_welcome_and_starts_a_plan_with_both_names(
        qtbot: QtBot, window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.welcome
    assert not window.welcome.start_button.isEnabled()
    qtbot.keyClicks(window.welcome.names.first, "Noor")
    qtbot.keyClicks(window.welcome.names.second, "Sam <3 & co")
    qtbot.mouseClick(window.welcome.start_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.plan_page
    assert visible_text(window.header.names) == "Noor & Sam <3 & co"
    path = window.document.plan.path
    assert path.parent == settings.data_folder()
    window.close()
    assert partner_names(path) == ["Noor", "Sam <3 & co"]

    again = MainWindow()
    qtbot.addWidget(again)
    again.open_at_start(None)
    assert again.document is not None and again.document.plan.path == path, \
        "the next start reopens the last plan"
    again.close()


def test_welcome_refuses_equal_names_and_creates_nothing(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    qtbot.keyClicks(window.welcome.names.first, "Alex")
    qtbot.keyClicks(window.welcome.names.second, " alex ")
    qtbot.mouseClick(window.welcome.start_button, Qt.MouseButton.LeftButton)
    assert window.welcome.names.error.text() == "The two partners need different names."
    assert window.document is None
    assert list(settings.data_folder().glob("*.tandem")) == []


def test_example_plan_opens_rachel_and_marcus(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.welcome.example_button, Qt.MouseButton.LeftButton)
    assert visible_text(window.header.names) == "Rachel & Marcus"
    assert window.document.plan.path == settings.data_folder() / EXAMPLE_FILE
    assert "Rachel & Marcus" in window.windowTitle()


def test_menus_carry_the_standard_shortcuts(window: MainWindow) -> None:
    keys = QKeySequence.StandardKey
    expected = {
        window.new_action: keys.New, window.open_action: keys.Open,
        window.save_copy_action: keys.SaveAs, window.close_action: keys.Close,
        window.quit_action: keys.Quit, window.undo_action: keys.Undo,
        window.redo_action: keys.Redo,
    }
    for action, key in expected.items():
        assert action.shortcut() == QKeySequence(key), action.text()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    assert window.partners_action.shortcut() == QKeySequence("Ctrl+E")


def test_partner_edit_is_one_undo_step_through_the_file(
        qtbot: QtBot, window: MainWindow, plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.window.partners_dialog import PartnersDialog

    assert window.open_plan(plan_path)
    dialog = PartnersDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "name1").setText("Ana-Lucía")
    dialog.findChild(QLineEdit, "role2").setText("Nurse 👩‍⚕️")
    dialog.accept()
    assert visible_text(window.header.names) == "Ana-Lucía & Bo"
    buttons = [b.text() for b in window.header.findChildren(QToolButton) if b.isVisible()]
    assert buttons == ["Ana-Lucía", "Both of us", "Bo"], "the keyboard choices follow, once each"
    assert window.undo_action.isEnabled() and window.undo_action.text() == "&Undo Edit partners"
    window.undo_action.trigger()
    assert visible_text(window.header.names) == "Ana & Bo"
    window.redo_action.trigger()
    window.undo_action.trigger()
    window.close_plan()
    assert partner_names(plan_path) == ["Ana", "Bo"]


def test_partner_dialog_shows_refusals_in_place_and_stores_nothing(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    from ui.window.partners_dialog import PartnersDialog

    window.open_plan(plan_path)
    dialog = PartnersDialog(window.document, window)
    qtbot.addWidget(dialog)
    name2 = dialog.findChild(QLineEdit, "name2")
    name2.setText("   ")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() != dialog.DialogCode.Accepted, "the dialog stays open"
    error = dialog.findChild(QLabel, "name2Error")
    assert error.text() == "A partner’s name can’t be empty.", "under Bo's name, not Ana's"
    assert not error.isHidden()
    shown = [label.objectName() for label in dialog.findChildren(QLabel)
             if label.objectName().endswith("rror") and not label.isHidden()]
    assert shown == ["name2Error"]
    assert dialog.focusWidget() is name2
    assert not window.undo_action.isEnabled()
    window.close_plan()
    assert partner_names(plan_path) == ["Ana", "Bo"]


def test_opening_a_wrong_file_says_why_and_keeps_the_current_plan(
        qtbot: QtBot, window: MainWindow, plan_path: Path, tmp_path: Path) -> None:
    window.open_plan(plan_path)
    bad = tmp_path / "letter.tandem"
    bad.write_text("not a plan <at all> & never was")
    assert not window.open_plan(bad)
    text = error_text(qtbot, window)
    assert "“letter.tandem” could not be opened" in text
    assert "not a Tandem plan" in text
    assert window.document.plan.path == plan_path


def test_save_a_copy_as_writes_a_plan_that_opens(qtbot: QtBot, window: MainWindow,
                                                 plan_path: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.window import file_dialogs

    window.open_plan(plan_path)
    target = tmp_path / "for the counselor.tandem"
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *args: target)
    window.save_copy_action.trigger()
    assert partner_names(tmp_path / "for the counselor.tandem") == ["Ana", "Bo"]
    assert "copy was saved" in window.statusBar().currentMessage()


def test_who_is_at_the_keyboard_can_be_switched(qtbot: QtBot, window: MainWindow,
                                                plan_path: Path) -> None:
    window.open_plan(plan_path)
    buttons = window.header.keyboard_buttons
    assert buttons[TOGETHER].isChecked(), "both partners by default"
    bo = [viewer for viewer in buttons if buttons[viewer].text() == "Bo"][0]
    assert bo.partner_uuid == partners(window.document.plan)[1].uuid
    with qtbot.waitSignal(window.document.viewer_changed) as signal:
        qtbot.mouseClick(buttons[bo], Qt.MouseButton.LeftButton)
    assert signal.args == [bo]
    assert window.document.viewer == bo
    assert window.undo_group.activeStack() is window.document.stacks[bo], \
        "Bo's own undo history"


def test_close_plan_returns_to_welcome_with_the_plan_in_recent(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    window.open_plan(plan_path)
    window.close_action.trigger()
    assert window.pages.currentWidget() is window.welcome
    assert window.welcome.recent.item(0).data(Qt.ItemDataRole.UserRole) == str(plan_path)
    assert settings.last_plan() is None
    assert not window.save_copy_action.isEnabled()


def test_window_size_is_remembered(qtbot: QtBot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.resize(777, 555)  # within the offscreen platform's 800×600 screen
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (777, 555)


def test_the_save_dialog_adds_the_suffix_before_asking_to_replace(
        qtbot: QtBot, window: MainWindow, plan_path: Path, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    from ui.window.file_dialogs import ask_save_path

    existing = tmp_path / "Kai & Lee.tandem"
    existing.write_text("someone else's plan")
    questions: list[str] = []

    def choose(dialog: QFileDialog) -> None:
        dialog.selectFile("Kai & Lee")  # typed without the suffix
        answer_dialog(qtbot, decline)  # accept() waits for the question
        dialog.accept()

    def decline(box: QMessageBox) -> None:
        questions.append(box.text())
        answer_dialog(qtbot, lambda dialog: dialog.reject())  # then the couple gives up
        box.button(QMessageBox.StandardButton.No).click()

    answer_dialog(qtbot, choose)
    chosen = ask_save_path(window, "Save a Copy", tmp_path / "copy.tandem")
    assert chosen is None, "declining to replace keeps the dialog open; then cancelled"
    assert len(questions) == 1 and "Kai & Lee.tandem" in questions[0]
    assert existing.read_text() == "someone else's plan"


def test_a_vanished_last_plan_is_reported_once_then_forgotten(qtbot: QtBot,
                                                              plan_path: Path) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.open_plan(plan_path)
    first.close()
    plan_path.unlink()
    second = MainWindow()
    qtbot.addWidget(second)
    second.open_at_start(None)
    assert "does not exist" in error_text(qtbot, second)
    assert settings.last_plan() is None and plan_path not in settings.recent_plans()
    second.close()
    third = MainWindow()
    qtbot.addWidget(third)
    third.open_at_start(None)
    assert third.findChild(QMessageBox, "errorMessage") is None
    assert third.pages.currentWidget() is third.welcome
    third.close()


def test_a_damaged_last_plan_leads_to_the_welcome_page_once_and_stays_in_recent(
        qtbot: QtBot, plan_path: Path) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.open_plan(plan_path)
    first.close()
    plan_path.write_bytes(plan_path.read_bytes()[:-7])  # cut short, as by a full disk
    second = MainWindow()
    qtbot.addWidget(second)
    second.open_at_start(None)
    assert "it is damaged" in error_text(qtbot, second)
    assert second.pages.currentWidget() is second.welcome
    assert settings.last_plan() is None, "not tried again at every start"
    assert plan_path in settings.recent_plans(), "still offered, to try again by hand"
    second.close()
    third = MainWindow()
    qtbot.addWidget(third)
    third.open_at_start(None)
    assert third.findChild(QMessageBox, "errorMessage") is None
    assert third.pages.currentWidget() is third.welcome
    third.open_at_start(plan_path)  # double-clicked, say: said again, still no failed start
    assert "it is damaged" in error_text(qtbot, third)
    assert third.pages.currentWidget() is third.welcome
    third.close()


_START = (
    "import sys\n"
    "from PySide6.QtCore import QStandardPaths, QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMessageBox\n"
    "from ui import app\n"
    "QStandardPaths.setTestModeEnabled(True)  # the settings the test wrote\n"
    "qt = app.make_application(sys.argv)\n"
    "def look():\n"
    "    for widget in qt.topLevelWidgets():\n"
    "        if isinstance(widget, QMessageBox) and widget.isVisible():\n"
    "            print('MESSAGE', widget.text().splitlines()[0])\n"
    "        elif widget.isVisible() and widget.objectName() != 'errorMessage':\n"
    "            print('WINDOW', type(widget).__name__)\n"
    "    qt.quit()\n"
    "QTimer.singleShot(300, look)\n"
    "sys.exit(app.main(sys.argv))\n"
)


@pytest.mark.parametrize("with_argument", [False, True])
def test_the_app_starts_whatever_the_last_plan_holds(plan_path: Path, private_home: Path,
                                                    with_argument: bool) -> None:
    import os
    import subprocess
    import sys

    settings.remember_plan(plan_path)
    plan_path.write_bytes(b"SQLite format 3\x00" + bytes(84) + b"garbage" * 100)
    args = [str(plan_path)] if with_argument else []
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", _START, *args], cwd=root, capture_output=True, text=True,
        timeout=60, env={**os.environ, "HOME": str(private_home), "QT_QPA_PLATFORM": "offscreen",
                         "PYTHONPATH": str(root)})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "WINDOW MainWindow" in result.stdout
    assert f"MESSAGE “{plan_path.name}” could not be opened" in result.stdout


_EXERCISES = ("models.opportunities", "models.visions", "models.checklist",
              "models.conversations", "models.support", "models.goals")
_QUICK_START = (
    "import gc, sys\n"
    "import main\n"
    "main.hold_garbage_collection()  # as a real start does first\n"
    "from PySide6.QtCore import QEvent, QObject, QStandardPaths, QTimer\n"
    "from ui import app\n"
    "from ui.window import first_paint\n"
    "first_paint.AT_THE_LATEST_MS = 60_000  # so that only the paint can release them\n"
    "QStandardPaths.setTestModeEnabled(True)  # the settings the test wrote\n"
    f"EXERCISES = {_EXERCISES!r}\n"
    "def loaded():\n"
    "    return [name for name in EXERCISES if name in sys.modules]\n"
    "class Painted(QObject):\n"
    "    def eventFilter(self, watched, event):\n"
    "        if event.type() == QEvent.Type.Paint and not seen:\n"
    "            seen.append(1)\n"
    "            print('PAINTED', window.document is not None, window.reminders_held, loaded(),\n"
    "                  gc.isenabled())\n"
    "        return False\n"
    "def after():\n"
    "    print('AFTER', window.reminders_held, loaded(), gc.isenabled(),\n"
    "          window.document is not None and not window.document.plan.rows_unchecked)\n"
    "    qt.quit()\n"
    "seen = []\n"
    "qt = app.make_application(sys.argv)\n"
    "window = app.start_window(None)  # the last plan\n"
    "watcher = Painted()\n"
    "window.tab_pages[0][1].view.viewport().installEventFilter(watcher)\n"
    "QTimer.singleShot(1500, after)\n"
    "qt.exec()\n"
)


@pytest.mark.parametrize("known", [True, False])
def test_the_roadmap_shows_before_the_other_exercises_load(
        qtbot: QtBot, plan_path: Path, private_home: Path, known: bool) -> None:
    """The everyday start (a plan Tandem closed) and the first on this
    computer: the Roadmap is drawn with only its own models loaded; the other
    exercises' models, the check of their rows on a first open, and the
    reminders follow the first paint, as does Python's garbage collector
    (held during the start, never left off)."""
    import os
    import subprocess
    import sys

    if known:
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.open_plan(plan_path)
        window.close()  # closed here: known as it was left, and the plan to open next
    else:
        settings.remember_plan(plan_path)  # the plan to open next, never opened here
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", _QUICK_START], cwd=root, capture_output=True, text=True,
        timeout=60, env={**os.environ, "HOME": str(private_home), "QT_QPA_PLATFORM": "offscreen",
                         "PYTHONPATH": str(root)})
    assert result.returncode == 0, result.stderr
    assert "PAINTED True True [] False" in result.stdout, result.stdout + result.stderr
    assert f"AFTER False {list(_EXERCISES)!r} True True" in result.stdout, result.stdout


def _example_with_a_broken_opportunity(tmp_path: Path, broken: bool = True) -> Path:
    """The example plan, one of whose opportunities another program gave a
    status no opportunity can have (its row breaks a rule; the file is sound)."""
    import sqlite3

    import resources
    from models.exchange import rows_from_dict
    from models.plan_file import PlanFile

    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "Rachel & Marcus.tandem"
    PlanFile.create(path, rows_from_dict(resources.load_json("examples/rachel-and-marcus.json"))
                    ).close()
    if not broken:
        return path
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE opportunity SET status = 'bogus' "
                 "WHERE uuid = (SELECT min(uuid) FROM opportunity)")
    conn.close()
    return path


def _only_the_roadmaps_models_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """As at start-up: the other exercises' models are not loaded yet (this
    test process has them all)."""
    from models import plan_checks, schema

    roadmap = ("plan", "partner", "roadmap_item", "season", "reveal", "passed_up")
    monkeypatch.setattr(plan_checks, "registered_types", lambda: {
        table: cls for table, cls in schema.entity_types().items() if table in roadmap})


def _started_with(qtbot: QtBot, path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A window started on ``path``, new to this computer, as at start-up:
    open, with the rows of the Roadmap's models alone checked yet."""
    _only_the_roadmaps_models_loaded(monkeypatch)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_at_start(path)
    assert window.document is not None and window.document.plan.rows_unchecked
    return window


def test_a_plan_new_to_this_computer_breaking_a_rule_is_refused_just_after_it_shows(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At start-up a plan this computer has not opened before shows its
    Roadmap once the Roadmap's rows pass their rules; every other row is
    checked right after the first paint, before the plan is backed up or
    can be edited. One that breaks a rule closes the plan again with the
    message, and nothing of it is remembered or backed up."""
    from ui.window.about import app_version

    path = _example_with_a_broken_opportunity(tmp_path)
    window = _started_with(qtbot, path, monkeypatch)
    assert window.reminders_held
    message = error_text(qtbot, window)
    assert "it is damaged" in message and "opportunity" in message
    assert window.document is None and window.pages.currentWidget() is window.welcome
    assert settings.last_plan() is None, "not tried again at the next start"
    assert settings.known_good(path, app_version()) == ""
    window.backups.wait()  # any backup under way is written
    assert window.backups.store().backups(_identity(path)) == []
    assert [entry.path for entry in settings.recent_entries()] == []
    window.close()


def test_a_sound_plan_new_to_this_computer_is_backed_up_once_checked_whole(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same start with a plan that passes: once its other rows pass,
    it is backed up as any plan is on opening, and becomes the plan to
    reopen."""
    path = _example_with_a_broken_opportunity(tmp_path, broken=False)
    identity = _identity(path)
    window = _started_with(qtbot, path, monkeypatch)
    assert not window.restore_action.isEnabled()
    qtbot.waitUntil(lambda: not window.reminders_held)
    assert window.document is not None and not window.document.plan.rows_unchecked
    window.backups.wait()
    assert len(window.backups.store().backups(identity)) == 1
    assert window.restore_action.isEnabled()
    assert settings.last_plan() == path
    assert window.notices.isVisible()
    window.close()


def test_a_plan_new_to_this_computer_is_checked_whole_before_an_edit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from models.errors import PlanFileError
    from models.plan_file import PlanFile
    from models.roadmap import new_item
    from tests.helpers import digest

    path = _example_with_a_broken_opportunity(tmp_path)
    before = digest(path)
    _only_the_roadmaps_models_loaded(monkeypatch)
    plan = PlanFile.open(path, rows_later=True)
    try:
        assert plan.rows_unchecked
        with pytest.raises(PlanFileError, match="it is damaged"):
            plan.apply(new_item("milestone", "A move", plan_day(), viewer=TOGETHER), TOGETHER)
    finally:
        plan.close()
    assert digest(path) == before, "nothing written to a plan not checked whole"


def plan_day() -> object:
    from datetime import date

    return date(2030, 5, 1)


def _identity(path: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT uuid FROM plan").fetchone()[0])
    finally:
        conn.close()


def test_a_first_window_fits_a_small_screen(qtbot: QtBot) -> None:
    """No saved size yet: the window takes Tandem's own size where the screen
    has room, never more than the screen's free area (the test screen is
    800 pixels square), title bar included."""
    from ui.window.main_window import DEFAULT_SIZE, FRAME_ALLOWANCE

    window = MainWindow()
    qtbot.addWidget(window)
    free = window.screen().availableGeometry()
    assert free.width() < DEFAULT_SIZE.width()
    assert window.width() == free.width()
    assert window.height() == min(DEFAULT_SIZE.height(), free.height() - FRAME_ALLOWANCE)
    window.close()


def test_the_header_and_the_menu_list_who_is_at_the_keyboard_alike(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    window.open_plan(plan_path)
    ana, bo = (Viewer.partner(p.uuid) for p in partners(window.document.plan))
    expected = [("Ana", ana), ("Both of us", TOGETHER), ("Bo", bo)]  # the roadmap's lanes
    buttons = window.header.keyboard_buttons
    header = sorted((button.geometry().x(), button.text(), viewer)
                    for viewer, button in buttons.items() if button.isVisible())
    assert [(text, viewer) for _x, text, viewer in header] == expected
    menu = window.keyboard_menu.actions()
    assert [(action.text(), viewer) for action, (_text, viewer) in zip(menu, expected, strict=True)] \
        == expected
    assert [action.shortcut() for action in menu] == \
        [QKeySequence(f"Ctrl+Alt+{n}") for n in (1, 2, 3)]


def test_at_the_keyboard_shortcuts_work_before_the_menu_is_opened(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    window.open_plan(plan_path)
    ana, bo = (Viewer.partner(p.uuid) for p in partners(window.document.plan))
    window.activateWindow()
    for key, viewer in ((Qt.Key.Key_3, bo), (Qt.Key.Key_1, ana), (Qt.Key.Key_2, TOGETHER)):
        qtbot.keyClick(window, key,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        assert window.document.viewer == viewer
        assert window.header.keyboard_buttons[viewer].isChecked()
        checked = [a.text() for a in window.keyboard_menu.actions() if a.isChecked()]
        assert checked == [window.header.keyboard_buttons[viewer].text()]


def test_settings_follow_the_home_folder_they_are_read_in(
        plan_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.remember_plan(plan_path)
    assert settings.recent_plans() == [plan_path]
    other_home = tmp_path / "another home"
    other_home.mkdir()
    monkeypatch.setenv("HOME", str(other_home))
    assert settings.recent_plans() == [], "another user (or test) starts with no recent plans"


def test_undo_history_lists_each_step_and_clicking_one_goes_back(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    from models.partners import edit_partner

    window.open_plan(plan_path)
    window.history_action.trigger()
    assert window.history_dock.isVisible()
    for name in ("Ann", "Annie"):
        ana = partners(window.document.plan)[0]
        window.document.submit(f"Rename to {name}", edit_partner(ana, name=name))
    model = window.history.model()
    steps = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert steps == ["Plan as opened", "Rename to Ann", "Rename to Annie"]
    window.history.setCurrentIndex(model.index(0, 0))
    assert visible_text(window.header.names) == "Ana & Bo"
    window.close_plan()
    assert partner_names(plan_path) == ["Ana", "Bo"]


def test_a_plan_closed_here_reopens_without_its_rows_checked_again_unless_it_changed(
        qtbot: QtBot, plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reopening the plan a couple closed yesterday need not re-check every
    row (each edit was checked as it was made); a file another program wrote
    to meanwhile is checked whole and refused if it breaks a rule."""
    import sqlite3

    from models import plan_checks

    checked: list[int] = []
    real = plan_checks.check_rows
    monkeypatch.setattr(plan_checks, "check_rows", lambda session: (checked.append(1),
                                                                    real(session)))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_plan(plan_path) and checked == [1]
    window.close_plan()
    assert window.open_plan(plan_path) and checked == [1], "closed here, unchanged since"
    assert window.document is not None
    window.document.submit("Rename", edit_partner(partners(window.document.plan)[0],
                                                  name="Anaïs"))
    window.close_plan()
    assert window.open_plan(plan_path) and checked == [1], "its own edits were checked"
    window.close_plan()
    conn = sqlite3.connect(plan_path, isolation_level=None)
    conn.execute("UPDATE partner SET name = 'Bo' WHERE slot = 1")  # behind Tandem's back
    conn.close()
    assert not window.open_plan(plan_path)  # its rows checked (its backups are, too)
    assert "The two partners need different names" in error_text(qtbot, window)
    window.close()
