"""File ▸ Restore from Backup…, and the offer of a backup when a plan is damaged.

The dialog lists the open plan's backups with when and why each was made and
what it holds (read in the background, each checked whole; a damaged one is
left out with a note), the space they use and their folder. A chosen backup
opens as a new copy beside the plan, or replaces the plan after a question
that says what will happen; the window does either (it owns the open plan)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.backups import (
    DAILY,
    RECENT,
    WEEKLY,
    Backup,
    BackupError,
    Listed,
    Listing,
    Rescue,
    Summary,
    Unreadable,
    plan_identity,
)
from models.errors import PlanFileError
from models.plan_file import PlanFile
from ui.dates import date_text
from ui.style import HINT_STYLE, error_label, heading, plain_tip
from ui.window.backups import AutoBackups

BACKUP_ROLE = Qt.ItemDataRole.UserRole


def _day_and_time(moment: datetime, now: datetime) -> tuple[str, str, str]:
    """"today" or "yesterday" (else ""), the date and the time of ``moment``,
    in the time zone of ``now``."""
    local = moment.astimezone(now.tzinfo)
    time = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    near = {0: "today", 1: "yesterday"}.get((now.date() - local.date()).days, "")
    return near, date_text(local.date()), time


def when_text(moment: datetime, now: datetime) -> str:
    """"Today, 14:30", "Yesterday, 09:05", "01/06/2026, 14:30" (for a table cell)."""
    near, day, time = _day_and_time(moment, now)
    return f"{near.capitalize() or day}, {time}"


def made_phrase(moment: datetime, now: datetime) -> str:
    """"today at 14:30", "on 01/06/2026 at 14:30" (for a sentence)."""
    near, day, time = _day_and_time(moment, now)
    return f"{near} at {time}" if near else f"on {day} at {time}"


def size_text(size: int) -> str:
    """"612.4 KB", "3.1 MB": one decimal is all a person needs here."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def summary_text(summary: Summary) -> str:
    """"Ana & Bo: 42 roadmap items, 12 other entries"."""
    return (f"{' & '.join(summary.names)}: "
            f"{_count(summary.roadmap_items, 'roadmap item', 'roadmap items')}, "
            f"{_count(summary.other_entries, 'other entry', 'other entries')}")


class RestoreDialog(QDialog):
    """The backups of the open plan; emits the choice, then closes."""

    #: Open this :class:`~models.backups.Backup` as a new copy beside the plan.
    open_copy = Signal(object)
    #: Put this :class:`~models.backups.Backup` in place of the plan (already confirmed).
    replace = Signal(object)

    def __init__(self, backups: AutoBackups, plan: PlanFile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from Backup")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(860, 480)
        self.backups = backups
        self.plan_path = plan.path
        self.now = backups.store().now()
        #: Whether the listing has arrived (for tests and the buttons).
        self.loaded = False

        layout = QVBoxLayout(self)
        layout.addWidget(heading("Backups of this plan", 1.2))
        intro = QLabel(
            "Tandem makes a backup of this plan when it is opened (once a day) and when it is "
            f"closed after changes. It keeps the {RECENT} latest, the first of each of the last "
            f"{DAILY} days and the first of each of the last {WEEKLY} weeks. Open one as a "
            "copy to look at it or take something from it, or put it in place of the plan.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.problem = error_label("backupsOff")
        layout.addWidget(self.problem)

        self.table = QTreeWidget()
        self.table.setObjectName("backupList")
        self.table.setAccessibleName("Backups of this plan")
        self.table.setHeaderLabels(["Made", "Why", "The plan then", "Last change"])
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.header()
        header.setStretchLastSection(False)
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda *_: self._open_copy())
        layout.addWidget(self.table, 1)

        self.status = QLabel("Reading the backups…")
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        self.unreadable = QLabel()
        self.unreadable.setObjectName("unreadableBackups")
        self.unreadable.setWordWrap(True)
        self.unreadable.setTextFormat(Qt.TextFormat.PlainText)  # file names and reasons
        self.unreadable.hide()
        layout.addWidget(self.unreadable)

        where = QHBoxLayout()
        self.space = QLabel()
        self.space.setObjectName("backupSpace")
        self.space.setWordWrap(True)
        self.space.setTextFormat(Qt.TextFormat.PlainText)
        self.space.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.space.setStyleSheet(HINT_STYLE)
        where.addWidget(self.space, 1)
        self.show_folder = QPushButton("Show Folder")
        self.show_folder.setToolTip("Open the folder holding these backups")
        self.show_folder.setEnabled(False)
        self.show_folder.clicked.connect(self._show_folder)
        where.addWidget(self.show_folder)
        layout.addLayout(where)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton("Open as a Copy",
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setToolTip("Open the chosen backup as a new plan file beside this "
                                    "one; this plan stays as it is")
        self.replace_button = buttons.addButton("Replace This Plan…",
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.replace_button.setToolTip("Put the chosen backup in place of this plan (after "
                                       "a backup of the plan as it is now)")
        self.open_button.clicked.connect(self._open_copy)
        self.replace_button.clicked.connect(self._replace)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_buttons()

        self.folder: Path | None = None
        if backups.problem:
            self.problem.setText(backups.problem)
            self.problem.show()
        try:
            self.identity = plan_identity(plan)
        except BackupError as error:
            self.identity = ""
            self.problem.setText(error.message)
            self.problem.show()
            self.status.setText("There are no backups of this plan.")
            return
        backups.backup_read.connect(self._add_backup, Qt.ConnectionType.QueuedConnection)
        backups.listed.connect(self._show_listing)
        self._unreadable: list[Unreadable] = []
        backups.list_backups(self.identity)

    # -- showing the backups ---------------------------------------------------------

    def _add_backup(self, identity: str, item: Listed | Unreadable) -> None:
        """Each backup as soon as it is read: the latest, wanted most, first."""
        if identity != self.identity:
            return
        if isinstance(item, Unreadable):
            self._unreadable.append(item)
            lines = [f"“{u.backup.path.name}”: {u.reason}" for u in self._unreadable]
            self.unreadable.setText(
                f"Not listed: {_count(len(lines), 'backup', 'backups')} that can’t be read, so "
                f"{'it' if len(lines) == 1 else 'they'} can’t be restored.\n" + "\n".join(lines))
            self.unreadable.show()
            return
        row = self._row(item)
        self.table.addTopLevelItem(row)
        if self.table.topLevelItemCount() == 1:
            self.table.setCurrentItem(row)

    def _show_listing(self, identity: str, listing: Listing | None, message: str) -> None:
        if identity != self.identity:
            return
        self.loaded = True
        if listing is None:
            self.status.setText(message)
            return
        if listing.backups:
            count = _count(len(listing.backups), "backup", "backups")
            self.status.setText(f"{count} of this plan, the latest first.")
        else:
            self.status.setText("No backups of this plan yet. Tandem makes the first when a "
                                "plan is opened, and one when it is closed after changes.")
        self.folder = listing.folder
        self.space.setText(
            f"The backups of this plan use {size_text(listing.space_used)}; the backups of all "
            f"plans, {size_text(listing.all_space_used)}.\nFolder: {listing.folder}")
        self.show_folder.setEnabled(listing.folder.is_dir())
        self._update_buttons()

    def _row(self, listed: Listed) -> QTreeWidgetItem:
        backup, summary = listed.backup, listed.summary
        plan_then = summary_text(summary)
        if summary.source is not None and summary.source.name != self.plan_path.name:
            plan_then += f" (from “{summary.source.name}”)"
        last_change = (when_text(summary.last_change, self.now)
                       if summary.last_change is not None else "Not known")
        item = QTreeWidgetItem([when_text(backup.made_at, self.now), backup.reason.description,
                                plan_then, last_change])
        item.setData(0, BACKUP_ROLE, listed)
        tip = [backup.path.name, size_text(listed.size)]
        if summary.source is not None:
            tip.append(f"Made from {summary.source}")
        for column in range(4):
            item.setToolTip(column, plain_tip("\n".join(tip)))
        return item

    def chosen(self) -> Backup | None:
        listed = self._chosen()
        return listed.backup if listed is not None else None

    def _chosen(self) -> Listed | None:
        item = self.table.currentItem()
        if item is None or not item.isSelected():
            return None
        listed = item.data(0, BACKUP_ROLE)
        return listed if isinstance(listed, Listed) else None

    def _update_buttons(self) -> None:
        chosen = self.chosen() is not None
        self.open_button.setEnabled(chosen)
        self.replace_button.setEnabled(chosen)

    def _show_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    # -- choosing --------------------------------------------------------------------

    def _open_copy(self) -> None:
        backup = self.chosen()
        if backup is not None:
            self.accept()
            self.open_copy.emit(backup)

    def _replace(self) -> None:
        listed = self._chosen()
        if listed is not None and self._confirm_replace(listed):
            self.accept()
            self.replace.emit(listed.backup)

    def _confirm_replace(self, listed: Listed) -> bool:
        made = made_phrase(listed.backup.made_at, self.now)
        box = QMessageBox(QMessageBox.Icon.Warning, "Replace the Plan with a Backup?",
                          f"Replace “{self.plan_path.name}” with the backup made {made} "
                          f"({summary_text(listed.summary)})?",
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("confirmReplace")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            "The plan file will hold the plan as it was then: whatever was changed since is "
            "taken out of it, and the undo history starts afresh.\n\n"
            "First Tandem makes a backup of the plan as it is now (listed as “Before a backup "
            "replaced it”), so you can go back with Restore from Backup.")
        yes = box.addButton("Replace the Plan", QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is yes


def offer_backup(parent: QWidget, error: PlanFileError, rescue: Rescue, now: datetime,
                 open_copy: Callable[[Backup, Path], None]) -> QMessageBox:
    """The message for a damaged plan, offering its latest good backup as a
    copy (``open_copy(backup, damaged_path)``) instead of a dead end. Window
    modal; does not block."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Tandem", error.message,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("errorMessage")  # the error message, with an offer
    box.setTextFormat(Qt.TextFormat.PlainText)  # names may hold < & >
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    listed = rescue.backup
    if listed is None:
        box.setInformativeText(rescue.how)
        box.addButton(QMessageBox.StandardButton.Ok)
    else:
        made = made_phrase(listed.backup.made_at, now)
        box.setInformativeText(
            f"Tandem has a backup of this plan, made {made} "
            f"({summary_text(listed.summary)}). {rescue.how}\n\n"
            f"Open it as a copy? It is saved as a new plan file beside the damaged one, "
            f"which is left as it is.")
        button = box.addButton("Open the Backup as a Copy", QMessageBox.ButtonRole.AcceptRole)
        button.setObjectName("openBackup")
        close = box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(button)
        box.setEscapeButton(close)
        button.clicked.connect(lambda: open_copy(listed.backup, error.path))
    box.open()
    return box

