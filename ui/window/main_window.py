"""The main window: assembles the welcome page, the header, the tabs, the menus
and the undo group. It holds no business rules; file flows call models."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDateTime, QEvent, QSize, Qt, QTime, QTimer, QUrl, SignalInstance
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QKeySequence,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

import resources
from models.backups import Backup, is_damage
from models.base import Entity
from models.changes import ChangeReport
from models.errors import TandemError
from models.partners import Partner, new_plan_rows, partners, plan_title
from models.plan_file import SUFFIX, PlanFile, fingerprint, suggested_name, unused_path
from models.privacy import Viewer
from ui.actions import Shortcut, make_action
from ui.document import PlanDocument
from ui.messages import show_error
from ui.style import plain_label, plain_tip, shown_text
from ui.window import file_dialogs, settings
from ui.window.about import app_version, show_about, show_privacy
from ui.window.backups import AutoBackups, BackupNotice, busy
from ui.window.first_paint import AfterFirstPaint
from ui.window.header import CoupleHeader, keyboard_choices
from ui.window.notices import NoticeBar
from ui.window.tabs import PlanTab, create_tabs
from ui.window.tabs import today as tabs_today
from ui.window.welcome import WelcomePage, recent_details

EXAMPLE_RESOURCE = "examples/rachel-and-marcus.json"
EXAMPLE_FILE = "Example - Rachel & Marcus" + SUFFIX
#: As each platform's file manager is called.
SHOW_IN_FOLDER = {"darwin": "Show in &Finder", "win32": "Show in E&xplorer"}.get(
    sys.platform, "Show in &Folder")


#: A new window's size, where the screen has room for it.
DEFAULT_SIZE = QSize(1280, 800)
#: Room left on the screen for the title bar, which is not known before the
#: window is first shown.
FRAME_ALLOWANCE = 40


def _same_file(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


class MainWindow(QMainWindow):
    def __init__(self, welcome: bool = True) -> None:
        """``welcome``: start on the welcome page. Without it (a plan is about
        to be opened) the page is built only if it is ever needed."""
        super().__init__()
        self.document: PlanDocument | None = None
        #: The reminders wait for the plan's first paint at start-up (open_at_start).
        self.reminders_held = False
        self._checks_owed = False
        self.undo_group = QUndoGroup(self)
        self.setMinimumSize(760, 520)
        self._first_size()

        self.pages = QStackedWidget()
        self._welcome: WelcomePage | None = None
        self.starting = QWidget()  # shown until a plan or the welcome page is
        self.pages.addWidget(self.starting)

        self.plan_page = QWidget()
        layout = QVBoxLayout(self.plan_page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = CoupleHeader()
        self.header.edit_partners.clicked.connect(self.edit_partners)
        layout.addWidget(self.header)
        self.notices = NoticeBar()
        self.notices.go_to.connect(self.tabs_go_to)
        layout.addWidget(self.notices)
        self.tabs = QTabWidget(documentMode=True)
        self.tabs.setObjectName("planTabs")
        self.tab_specs = create_tabs()
        #: (title, widget) of each tab; a tab not built yet is an empty stand-in.
        self.tab_pages: list[tuple[str, QWidget]] = []
        self._built: set[int] = set()
        for index, spec in enumerate(self.tab_specs):
            widget = spec.make() if index == 0 else QWidget()
            if index == 0:
                self._built.add(index)
            self.tab_pages.append((spec.title, widget))
            self.tabs.addTab(widget, spec.title)
        self.tabs.currentChanged.connect(self._build_tab)
        layout.addWidget(self.tabs, 1)
        # Reminders count days: a plan left open overnight is reminded anew.
        self.day_timer = QTimer(self, singleShot=True)
        self.day_timer.timeout.connect(self.new_day)
        self._await_midnight()
        self.pages.addWidget(self.plan_page)
        self.setCentralWidget(self.pages)

        self._create_menus()
        self._create_backups()
        geometry, state = settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self._show_document(None, welcome)

    def _first_size(self) -> None:
        """1280 × 800 where the screen has room (a restored window keeps its
        own size), else the screen's free area, so that nothing of the window
        starts below a small screen's edge (a 1366 × 768 laptop's, say)."""
        free = self.screen().availableGeometry()
        self.resize(min(DEFAULT_SIZE.width(), free.width()),
                    min(DEFAULT_SIZE.height(), free.height() - FRAME_ALLOWANCE))

    @property
    def welcome(self) -> WelcomePage:
        if self._welcome is None:
            self._welcome = WelcomePage()
            self._welcome.start_requested.connect(self.start_plan)
            self._welcome.example_requested.connect(self.open_example)
            self._welcome.open_requested.connect(self.choose_and_open)
            self._welcome.recent_requested.connect(self.open_plan)
            self._welcome.set_recent(settings.recent_entries())
            self.pages.addWidget(self._welcome)
        return self._welcome

    # -- menus ------------------------------------------------------------------

    def _action(self, menu: QMenu, text: str, slot: Callable[..., object],
                shortcut: Shortcut | None = None, tip: str = "") -> QAction:
        action = make_action(self, text, slot, shortcut, tip)
        menu.addAction(action)
        return action

    def _create_menus(self) -> None:
        keys = QKeySequence.StandardKey
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self.new_action = self._action(file, "&New Plan…", self.new_plan, keys.New,
                                       "Start a new plan for a couple")
        self.open_action = self._action(file, "&Open…", self.choose_and_open, keys.Open,
                                        "Open a plan file")
        self.recent_menu = file.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._action(file, "Open the &Example Plan", self.open_example,
                     tip="Open Rachel and Marcus's example plan")
        file.addSeparator()
        self.save_copy_action = self._action(
            file, "Save a &Copy As…", self.save_copy, keys.SaveAs,
            "Write a copy of this plan elsewhere, e.g. to share or back up")
        self.restore_action = self._action(
            file, "Restore from &Backup…", self.restore_from_backup,
            tip="Go back to an automatic backup of this plan, as a copy or in its place")
        self.show_folder_action = self._action(
            file, SHOW_IN_FOLDER, self.show_in_folder,
            tip="Open the folder this plan’s file is in, in the system’s file manager")
        self.close_action = self._action(file, "&Close Plan", self.close_plan, keys.Close,
                                         "Close this plan and return to the welcome page")
        file.addSeparator()
        self.export_action = self._action(
            file, "&Export Report…", self.export_report, "Ctrl+Shift+E",
            "Write the counselor report as a PDF: only what both of you have shared")
        self.print_action = self._action(
            file, "&Print…", self.print_report, keys.Print,
            "Print the counselor report, with a preview")
        file.addSeparator()
        self.quit_action = self._action(file, "&Quit", self.close, keys.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit = bar.addMenu("&Edit")
        group = self.undo_group
        self.undo_action = self._step_action("&Undo", keys.Undo, self._undo,
                                             group.canUndoChanged, group.undoTextChanged)
        self.redo_action = self._step_action("&Redo", keys.Redo, self._redo,
                                             group.canRedoChanged, group.redoTextChanged)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self.partners_action = self._action(edit, "&Partners…", self.edit_partners, "Ctrl+E",
                                            "Change names, colours, roles and fields")

        view = bar.addMenu("&View")
        self.tab_actions = []
        for index in range(self.tabs.count()):
            title = self.tabs.tabText(index)
            self.tab_actions.append(self._action(
                view, title, lambda _=False, i=index: self.tabs.setCurrentIndex(i),
                f"Ctrl+{index + 1}"))
        view.addSeparator()
        self.history_dock = QDockWidget("Undo History", self)
        self.history_dock.setObjectName("undoHistory")
        self.history = QUndoView(self.undo_group)
        self.history.setEmptyLabel("Plan as opened")
        self.history.setToolTip("Every change made at this keyboard since the plan was "
                                "opened; click a step to go back to it, and forward again. "
                                "Each of you, and both together, have a history of your own.")
        self.history_dock.setWidget(self.history)
        self.history_dock.hide()
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_action = self.history_dock.toggleViewAction()
        self.history_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.history_action.setStatusTip("Show every change since the plan was opened")
        view.addAction(self.history_action)
        self.keyboard_menu = view.addMenu("At the &Keyboard")
        self.keyboard_group = QActionGroup(self)

        help_menu = bar.addMenu("&Help")
        self.privacy_action = self._action(
            help_menu, "&Privacy Between the Two of You", self.explain_privacy,
            tip="What a private draft is, and what it is not")
        self.about_action = self._action(help_menu, "&About Tandem", self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _step_action(self, verb: str, key: QKeySequence.StandardKey, step: Callable[[], None],
                     can_step: SignalInstance, step_text: SignalInstance) -> QAction:
        """Undo or Redo, named after the step it takes. QUndoGroup's own
        actions would show a step named “Ben & Jerry” as “Ben Jerry”."""
        action = QAction(verb, self)
        action.setShortcut(QKeySequence(key))
        action.setEnabled(False)
        action.triggered.connect(step)
        can_step.connect(action.setEnabled)

        def name(text: str) -> None:
            action.setText(f"{verb} {plain_label(text)}" if text else verb)

        step_text.connect(name)
        return action

    def _undo(self) -> None:
        if self.document is not None:
            self.document.undo()

    def _redo(self) -> None:
        if self.document is not None:
            self.document.redo()

    def tabs_go_to(self, index: int) -> None:
        """Show a tab; from a reminder, at what the reminder speaks of (a tab
        that can says so with ``show_reminder(today)``)."""
        self.tabs.setCurrentIndex(index)
        show_reminder = getattr(self.tab(index), "show_reminder", None)
        if callable(show_reminder):
            show_reminder(tabs_today())

    def tab(self, index: int) -> QWidget:
        """The tab at ``index``, built now if it was not yet."""
        self._build_tab(index)
        return self.tab_pages[index][1]

    def _build_tab(self, index: int) -> None:
        if index < 0 or index in self._built:
            return
        self._built.add(index)
        spec = self.tab_specs[index]
        widget = spec.make()
        stand_in = self.tab_pages[index][1]
        self.tab_pages[index] = (spec.title, widget)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)  # replacing the page is no change of tab
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, spec.title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        stand_in.deleteLater()
        assert isinstance(widget, PlanTab)
        widget.set_document(self.document)

    def _await_midnight(self) -> None:
        now = QDateTime.currentDateTime()
        midnight = QDateTime(now.date().addDays(1), QTime(0, 0, 1))
        self.day_timer.start(max(1000, now.msecsTo(midnight)))

    def new_day(self) -> None:
        """Past midnight: the reminders and the tabs' day counts start from today."""
        self._update_notices()
        for index, (_title, widget) in enumerate(self.tab_pages):
            check_day = getattr(widget, "check_day", None)
            if index in self._built and callable(check_day):
                check_day()
        self._await_midnight()

    def _update_notices(self) -> None:
        if self.reminders_held:  # until the plan is first painted (open_at_start)
            return
        for index, spec in enumerate(self.tab_specs):
            if spec.notice is not None:
                text = spec.notice(self.document) if self.document is not None else ""
                self.notices.set_notice(index, shown_text(spec.title), text)

    def _fill_recent_menu(self) -> None:
        """Each plan by its name, with its folder and when it was last opened
        (in the column shortcuts use; on macOS, where that column takes only
        shortcuts, after a dash)."""
        self.recent_menu.clear()
        entries = settings.recent_entries()
        between = " — " if sys.platform == "darwin" else "\t"
        for number, entry in enumerate(entries, start=1):
            path = entry.path
            action = self.recent_menu.addAction(
                f"&{number} {plain_label(path.stem)}{between}{plain_label(recent_details(entry))}")
            action.setToolTip(plain_tip(str(path)))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_plan(p))
        if not entries:
            self.recent_menu.addAction("No recent plans").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear the List", self._clear_recent)

    def _clear_recent(self) -> None:
        settings.forget_recent()
        if self._welcome is not None:
            self._welcome.set_recent([])

    def show_in_folder(self) -> None:
        """Open the plan's folder in the system's file manager."""
        if self.document is None:
            return
        path = self.document.plan.path
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))):
            show_error(self, "Tandem could not open a file manager on this computer. "
                             f"The plan is kept here:\n\n{path}")

    def _fill_keyboard_menu(self) -> None:
        """One action per choice, made when a plan opens so that the
        shortcuts work before the menu is ever opened."""
        self.keyboard_menu.clear()
        for action in self.keyboard_group.actions():
            self.keyboard_group.removeAction(action)
        self.keyboard_actions: dict[Viewer, QAction] = {}
        if self.document is None:
            return
        for number, (viewer, name) in enumerate(keyboard_choices(self.document), start=1):
            action = make_action(self, plain_label(name),
                                 lambda _=False, v=viewer: self._set_viewer(v),
                                 f"Ctrl+Alt+{number}", f"{name} at the keyboard",
                                 checkable=True)
            action.setToolTip(plain_tip(action.toolTip()))  # it quotes the name
            action.setChecked(self.document.viewer == viewer)
            self.keyboard_group.addAction(action)
            self.keyboard_menu.addAction(action)
            self.keyboard_actions[viewer] = action

    def _viewer_changed(self, viewer: Viewer) -> None:
        if self.document is not None:
            self.undo_group.setActiveStack(self.document.undo_stack)
        for choice, action in self.keyboard_actions.items():
            action.setChecked(choice == viewer)
        self._update_notices()  # they speak to whoever is at the keyboard

    def _set_viewer(self, viewer: Viewer) -> None:
        if self.document is not None:
            self.document.set_viewer(viewer)

    # -- opening and closing ------------------------------------------------------

    def open_at_start(self, path: Path | None) -> None:
        """Open ``path``, else the last plan, else show the welcome page. A
        last plan that can't be opened is not tried again at the next start:
        the welcome page says why, once, and the plan stays in Recent Plans.
        In a shown window the reminders follow the plan's first paint: they
        read every exercise, whose models are loaded only then."""
        target = path or settings.last_plan()
        self.reminders_held = self.isVisible()
        opened = target is not None and self.open_plan(target, rows_later=self.reminders_held)
        if opened and self.reminders_held:
            AfterFirstPaint(self.tabs, self._release_reminders)
        else:
            self._release_reminders()
        if target is not None and not opened and path is None:
            settings.set_last_plan(None)

    def _release_reminders(self) -> None:
        if self.reminders_held:
            self.reminders_held = False
            if self._check_rest():
                self._update_notices()

    def _check_rest(self) -> bool:
        """The rows a plan opened at start-up left for after the first paint
        (``PlanFile.open``'s rows_later): checked before it is backed up or
        edited. A plan that breaks a rule is closed, as if it had never
        opened, with the message (or its latest good backup offered)."""
        document = self.document
        if document is None or not self._checks_owed:
            return True
        try:
            document.plan.check_rest()  # (done already if an edit came first)
        except TandemError as error:
            path = document.plan.path
            self._close_document()  # neither backed up nor remembered as checked
            if settings.last_plan() == path:
                settings.set_last_plan(None)  # not tried again at the next start
            if not self._offer_backup_of_damaged(error):
                show_error(self, error.message)
            return False
        self._checks_owed = False
        settings.remember_plan(document.plan.path)
        self._back_up_on_open(document)
        return True

    def open_plan(self, path: Path, rows_later: bool = False) -> bool:
        """Open ``path`` in this window (``rows_later``: see ``PlanFile.open``;
        then :meth:`_check_rest` must follow)."""
        path = Path(path).absolute()
        if self.document is not None and _same_file(self.document.plan.path, path):
            return True
        try:
            plan = PlanFile.open(path, known_good=settings.known_good(path, app_version()),
                                 rows_later=rows_later)
        except TandemError as error:
            if not path.exists():  # moved or deleted: stop offering it
                settings.forget_recent(path)
                if settings.last_plan() == path:
                    settings.set_last_plan(None)
                if self._welcome is not None:
                    self._welcome.set_recent(settings.recent_entries())
            if not self._offer_backup_of_damaged(error):
                show_error(self, error.message)
            return False
        self._set_plan(plan)
        if plan.migrated_from is not None:
            self.statusBar().showMessage(
                "This plan was upgraded from an older version of Tandem; the original is "
                "kept beside it.", 15000)
        return True

    def _set_plan(self, plan: PlanFile) -> None:
        self._close_document()
        document = PlanDocument(plan, self)
        document.failed.connect(lambda message: show_error(self, message))
        document.changed.connect(self._on_changed)
        document.viewer_changed.connect(self._viewer_changed)
        for stack in document.stacks.values():
            self.undo_group.addStack(stack)
        self.undo_group.setActiveStack(document.undo_stack)
        self.document = document
        #: Rows left for after the first paint: until they pass (_check_rest)
        #: the plan is neither a recent plan nor backed up.
        self._checks_owed = plan.rows_unchecked
        if not self._checks_owed:
            settings.remember_plan(plan.path)
        self._show_document(document)
        if not self._checks_owed:
            self._back_up_on_open(document)

    def _remember_checked(self, path: Path) -> None:
        """A plan Tandem opened (every check passed) and closed is as its
        edits left it, each checked as it was made: the next open may skip
        checking its rows again, if nothing else has written to it since."""
        with contextlib.suppress(OSError):  # gone or unreadable: the next open checks it whole
            settings.remember_good(path, app_version(), fingerprint(path))

    def _on_changed(self, report: ChangeReport) -> None:
        self._update_notices()
        if report.touches(Partner):  # the names changed
            self._update_title()
            self._fill_keyboard_menu()

    def _close_document(self) -> None:
        if self.document is None:
            return
        document, self.document = self.document, None
        checked, self._checks_owed = not self._checks_owed, False
        if checked:
            self._back_up_on_close(document)
        self._show_document(None)
        for stack in document.stacks.values():
            self.undo_group.removeStack(stack)
        document.close()
        document.deleteLater()
        if checked:
            self._remember_checked(document.plan.path)

    def _show_document(self, document: PlanDocument | None, welcome: bool = True) -> None:
        if document is not None:
            self.pages.setCurrentWidget(self.plan_page)
            # Laid out before the tabs draw the plan, so each draws once, at its real size.
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.header.set_document(document)
        self._fill_keyboard_menu()
        for index, (_title, widget) in enumerate(self.tab_pages):
            if index in self._built:
                assert isinstance(widget, PlanTab)
                widget.set_document(document)
        self._update_notices()
        for action in (self.save_copy_action, self.show_folder_action, self.close_action,
                       self.export_action, self.print_action, self.partners_action,
                       *self.tab_actions):
            action.setEnabled(document is not None)
        if document is None:
            self.notices.clear()
            if welcome or self._welcome is not None:
                self.welcome.set_recent(settings.recent_entries())
                self.pages.setCurrentWidget(self.welcome)
        self._update_title()

    def _update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle("Welcome")
            self.setWindowFilePath("")
            return
        # The file's path for the platform (a proxy icon on macOS); the title
        # names the plan, and Qt adds " — Tandem". A literal "[*]" is written
        # "[*][*]": alone, Qt takes it for the place of a "modified" mark.
        path = self.document.plan.path
        self.setWindowFilePath(str(path))
        title = plan_title(partners(self.document.plan), path.stem)
        self.setWindowTitle(title.replace("[*]", "[*][*]"))

    def choose_and_open(self) -> None:
        start = self.document.plan.path.parent if self.document else settings.data_folder()
        path = file_dialogs.ask_open_path(self, start)
        if path is not None:
            self.open_plan(path)

    def _create(self, path: Path, rows: list[Entity]) -> None:
        if self.document is not None and _same_file(self.document.plan.path, path):
            show_error(self, "That plan is open. Choose another name for the new plan.")
            return
        try:
            plan = PlanFile.create(path, rows)
        except TandemError as error:
            show_error(self, error.message)
            return
        self._set_plan(plan)

    def start_plan(self, first: str, second: str) -> None:
        """From the welcome page: a new plan in the data folder."""
        try:
            rows = new_plan_rows(first, second)
        except TandemError as error:
            self.welcome.names.show_error(error)
            return
        self._create(unused_path(settings.data_folder(), suggested_name(first, second)), rows)

    def new_plan(self) -> None:
        from ui.window.new_plan_dialog import NewPlanDialog

        dialog = NewPlanDialog(settings.data_folder(), self)
        if dialog.exec() == NewPlanDialog.DialogCode.Accepted:
            self._create(dialog.path(), dialog.rows)

    def open_example(self) -> None:
        """Open the example couple's plan, made from its resource on first use."""
        path = settings.data_folder() / EXAMPLE_FILE
        if path.exists():
            self.open_plan(path)
        else:
            from models.exchange import rows_from_dict  # (with every exercise's model)

            self._create(path, rows_from_dict(resources.load_json(EXAMPLE_RESOURCE)))

    def export_report(self) -> None:
        if self.document is not None:
            from ui.window.report_export import export_report

            export_report(self, self.document)

    def print_report(self) -> None:
        if self.document is not None:
            from ui.window.report_export import print_report

            print_report(self, self.document)

    def save_copy(self) -> None:
        if self.document is None:
            return
        plan = self.document.plan
        suggestion = plan.path.with_name(f"{plan.path.stem} (copy){SUFFIX}")
        target = file_dialogs.ask_save_path(self, "Save a Copy of the Plan", suggestion)
        if target is None:
            return
        try:
            plan.copy_to(target)
        except TandemError as error:
            show_error(self, error.message)
            return
        self.statusBar().showMessage(f"A copy was saved as {target}", 8000)

    def close_plan(self) -> None:
        self._close_document()
        settings.set_last_plan(None)

    # -- dialogs ------------------------------------------------------------------

    def edit_partners(self) -> None:
        if self.document is None:
            return
        from ui.window.partners_dialog import PartnersDialog

        PartnersDialog(self.document, self).exec()

    def about(self) -> None:
        show_about(self)

    def explain_privacy(self) -> None:
        show_privacy(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.save_window_state(self.saveGeometry(), self.saveState())
        self._close_document()  # the last plan stays remembered, to reopen next time
        self.backups.wait()  # the backup of the plan just closed is written whole
        super().closeEvent(event)

    # -- backups (ui/window/backups.py, ui/window/backups_dialog.py) -----------------

    def _create_backups(self) -> None:
        """Automatic backups, and the notice that says when they are off."""
        self.backups = AutoBackups(self)
        self.backup_notice = BackupNotice()
        self.backup_notice.retry.clicked.connect(self.backups.retry)
        self.backups.problem_changed.connect(self._backup_problem)
        layout = self.plan_page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.notices) + 1, self.backup_notice)
        self.restore_action.setEnabled(False)

    def _back_up_on_open(self, document: PlanDocument) -> None:
        self.backups.plan_opened(document)
        self.restore_action.setEnabled(True)

    def _back_up_on_close(self, document: PlanDocument) -> None:
        self.backups.plan_closing(document)
        self.restore_action.setEnabled(False)
        self.backup_notice.show_problem("")

    def _backup_problem(self, text: str) -> None:
        if self.document is not None:
            self.backup_notice.show_problem(text)
        elif text:  # a plan just closed: the notice went with it
            self.statusBar().showMessage(text.replace("\n\n", " "), 15000)

    def restore_from_backup(self) -> None:
        if self.document is None:
            return
        from ui.window.backups_dialog import RestoreDialog

        dialog = RestoreDialog(self.backups, self.document.plan, self)
        dialog.open_copy.connect(self._open_backup_as_copy)
        dialog.replace.connect(self._replace_with_backup)
        dialog.open()

    def _open_backup_as_copy(self, backup: Backup, beside: Path | None = None) -> None:
        """Write ``backup`` as a new plan beside ``beside`` (the open plan), and open it."""
        if beside is None:
            if self.document is None:
                return
            beside = self.document.plan.path
        store = self.backups.store()
        try:
            with busy():
                path = store.open_as_copy(backup, beside)
        except TandemError as error:
            try:  # its folder can't be written (a read-only stick?): the data folder can
                with busy():
                    path = store.open_as_copy(backup, settings.data_folder() / beside.name)
            except (TandemError, OSError):
                show_error(self, error.message)
                return
        if self.open_plan(path):
            self.statusBar().showMessage(f"The backup was opened as a copy: {path}", 15000)

    def _replace_with_backup(self, backup: Backup) -> None:
        """Put ``backup`` in place of the open plan; the store backs the plan up first."""
        if self.document is None:
            return
        path = self.document.plan.path
        self.backups.wait()  # backups under way are written first
        self.backups.forget(self.document)  # the backup made before the restore covers it
        self._close_document()
        try:
            with busy():
                self.backups.store().replace_plan(path, backup)
        except TandemError as error:
            self.open_plan(path)  # as it was
            show_error(self, error.message)
            return
        if self.open_plan(path):
            self.statusBar().showMessage(
                "The plan now holds the backup. The plan as it was is kept as a backup "
                "(Before a backup replaced it): File ▸ Restore from Backup goes back.", 15000)

    def _offer_backup_of_damaged(self, error: TandemError) -> bool:
        """When a plan is damaged, offer its latest good backup instead of a dead end."""
        if not is_damage(error):
            return False
        store = self.backups.store()
        try:
            rescue = store.rescue(error.path)
        except TandemError:
            return False
        if rescue is None:
            return False
        from ui.window.backups_dialog import offer_backup

        offer_backup(self, error, rescue, store.now(), self._open_backup_as_copy)
        return True
