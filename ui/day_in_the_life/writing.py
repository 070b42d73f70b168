"""Writing a vision: the sections in a list (with their word counts), the
chosen one's prompt and editor beside it, and the rough schedule. The
author writes; anyone else reads a revealed vision here, and sees nothing
of a hidden one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.day_schedule import Schedule, format_time
from models.errors import TandemError, ValidationError
from models.partners import Partner
from models.privacy import Viewer
from models.vision_edits import store_schedule, store_section
from models.visions import Scenario, Vision, content, section_title, sections
from ui.day_in_the_life.schedule_editor import ScheduleEditor
from ui.day_in_the_life.section_editor import SectionPane
from ui.document import PlanDocument
from ui.live_text import LiveText
from ui.style import heading

#: How the vision on the page may be used.
WRITE, READ, HIDDEN = "write", "read", "hidden"
SCHEDULE = "schedule"


class VisionPage(QWidget):
    #: Someone chose to sit at the keyboard from the hidden page: a partner's UUID.
    sit_down = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self.scenario: Scenario | None = None
        self.partner: Partner | None = None
        self.mode = HIDDEN
        #: The context the editors show: (scenario, whose vision, viewer, mode).
        self._context: tuple[str, str, Viewer | None, str] | None = None
        self._lives: dict[str, LiveText] = {}
        self._bindings: dict[str, object] = {}

        self.banner = QLabel()
        self.banner.setObjectName("visionBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)

        self.list = QListWidget()
        self.list.setObjectName("sectionList")
        self.list.setMaximumWidth(300)
        self.list.setMinimumWidth(210)
        self.list.setSpacing(2)
        self.list.setToolTip("The parts of the day (Alt+↑ and Alt+↓ go from one to the next)")
        self.stack = QStackedWidget()
        self.panes: dict[str, SectionPane] = {}
        for section in sections():
            pane = SectionPane(section)
            pane.counted.connect(self._counted)
            pane.editor.refused.connect(pane.show_error)
            self.panes[section.key] = pane
            self.stack.addWidget(pane)
            item = QListWidgetItem(section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            self.list.addItem(item)
        self.schedule = ScheduleEditor()
        self.schedule.committed.connect(self._store_schedule)
        self.stack.addWidget(self.schedule)
        item = QListWidgetItem(content()["schedule"]["title"])
        item.setData(Qt.ItemDataRole.UserRole, SCHEDULE)
        self.list.addItem(item)
        self.list.currentRowChanged.connect(self._section_chosen)

        self.start_over = QToolButton()
        self.start_over.setObjectName("startOver")
        column = QVBoxLayout()
        column.addWidget(self.list, 1)
        column.addWidget(self.start_over, 0, Qt.AlignmentFlag.AlignLeft)
        writing = QWidget()
        body = QHBoxLayout(writing)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(column)
        body.addSpacing(12)
        # A page of a comfortable width, in the middle of what is left of a wide window.
        self.stack.setMaximumWidth(next(iter(self.panes.values())).editor.measure())
        body.addStretch(1)
        body.addWidget(self.stack, 4)
        body.addStretch(1)

        self.hidden = QWidget()
        card = QVBoxLayout(self.hidden)
        card.setContentsMargins(40, 30, 40, 30)
        self.hidden_title = heading("", 1.3)
        self.hidden_title.setObjectName("hiddenTitle")
        card.addWidget(self.hidden_title)
        self.hidden_text = QLabel()
        self.hidden_text.setObjectName("hiddenText")
        self.hidden_text.setWordWrap(True)
        self.hidden_text.setTextFormat(Qt.TextFormat.PlainText)
        card.addWidget(self.hidden_text)
        self.sit_buttons = QHBoxLayout()
        card.addLayout(self.sit_buttons)
        card.addStretch(1)

        self.pages = QStackedWidget()
        self.writing_area = writing
        self.pages.addWidget(writing)
        self.pages.addWidget(self.hidden)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        self.list.setCurrentRow(0)

    # -- showing -----------------------------------------------------------------------

    def set_document(self, document: PlanDocument | None) -> None:
        self.flush()
        self._unbind()
        self.document = document
        self._context = None

    def flush(self) -> None:
        """Store whatever is typed and not yet stored."""
        for live in self._lives.values():
            live.flush()

    def show_vision(self, scenario: Scenario, partner: Partner, vision: Vision | None,
                    mode: str, revealed: bool, hidden: str = "",
                    sitters: tuple[Partner, ...] = ()) -> None:
        """Show ``partner``'s vision of ``scenario``: to ``WRITE`` (the author at the
        keyboard), to ``READ`` (revealed), or ``HIDDEN`` with ``hidden`` saying why
        and, for both together, a button per partner in ``sitters`` to sit down."""
        assert self.document is not None
        self.scenario, self.partner = scenario, partner
        context = (scenario.uuid, partner.uuid, self.document.viewer, mode)
        changed = context != self._context
        if changed:
            self.flush()
            self._context = context
            self._unbind()
            self.schedule.clear_error()  # a refused time typed for another vision goes
        self.mode = mode
        self._show_banner(scenario, partner, mode, revealed)
        if mode == HIDDEN:
            self.pages.setCurrentWidget(self.hidden)
            self.hidden_title.setText(f"{partner.name}’s vision is hidden")
            self.hidden_text.setText(hidden)
            self._show_sitters(sitters)
            for pane in self.panes.values():  # nothing of it stays in a widget
                self._set_text(pane, "")
            self.schedule.set_schedule(Schedule(), writable=False)
            self._describe_schedule(Schedule())
            return
        self.pages.setCurrentWidget(self.writing_area)
        writable = mode == WRITE
        for key, pane in self.panes.items():
            text = vision.text(key) if vision is not None else ""
            if changed:
                pane.set_writable(writable, pane.section.placeholder if writable
                                  else f"{partner.name} wrote nothing here.")
                self._set_text(pane, text)
                if writable:
                    self._bind(pane)
            elif key in self._lives:
                self._lives[key].show(text)
            elif pane.editor.raw_text() != text:
                self._set_text(pane, text)
        schedule = vision.schedule if vision else Schedule()
        self.schedule.set_schedule(schedule, writable)
        self._describe_schedule(schedule)

    def _show_banner(self, scenario: Scenario, partner: Partner, mode: str,
                     revealed: bool) -> None:
        title = scenario.title
        if mode == WRITE and revealed:
            text = (f"Your vision of “{title}”, {partner.name}, revealed: your partner reads "
                    "what you change here. It is stored as you type.")
        elif mode == WRITE:
            text = (f"Your vision of “{title}”, {partner.name}: written alone, and stored as "
                    "you type. Your partner sees it once you are both finished.")
        elif mode == READ:
            text = (f"{partner.name}’s vision of “{title}”, revealed. Only {partner.name} can "
                    "change it.")
        else:
            text = f"“{title}”: each of you writes alone, and both visions are revealed together."
        self.banner.setText(text)

    def _show_sitters(self, sitters: tuple[Partner, ...]) -> None:
        while self.sit_buttons.count():
            item = self.sit_buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for partner in sitters:
            button = QPushButton(f"Write as {partner.name.replace('&', '&&')}")
            button.setObjectName(f"sitDown{partner.slot}")
            button.setToolTip(f"{partner.name} at the keyboard: write your vision alone")
            button.clicked.connect(lambda _=False, uuid=partner.uuid: self.sit_down.emit(uuid))
            self.sit_buttons.addWidget(button)
        self.sit_buttons.addStretch(1)

    def _set_text(self, pane: SectionPane, text: str) -> None:
        editor = pane.editor
        if editor.raw_text() != text:
            editor.blockSignals(True)
            try:
                editor.setPlainText(text)
            finally:
                editor.blockSignals(False)
        pane.recount()

    # -- storing -----------------------------------------------------------------------

    def _unbind(self) -> None:
        """Let go of the editors' storing: what they show next is another vision."""
        self._bindings.clear()
        for live in self._lives.values():
            live.deleteLater()
        self._lives.clear()

    def _bind(self, pane: SectionPane) -> None:
        """Store ``pane``'s typing in the vision now shown, and only there."""
        assert self.document is not None and self.scenario is not None
        document, scenario, viewer = self.document, self.scenario, self.document.viewer
        key = pane.section.key
        token = object()
        self._bindings[key] = token

        def store(text: str, merge_key: str) -> None:
            if self._bindings.get(key) is not token:
                return  # a vision no longer shown: its typing was stored before it went
            edit = store_section(document.plan, viewer, scenario, key, text)
            document.submit(f"Write “{section_title(key)}”", edit, merge_key, initiator=pane)
            pane.error.hide()

        def refused(error: TandemError) -> None:
            pane.show_error(error.message)

        self._lives[key] = LiveText(document, pane.editor, f"{scenario.uuid}:{key}", store,
                                    refused)

    def _store_schedule(self, field: str, typed: str) -> None:
        if self.document is None or self.scenario is None or self.mode != WRITE:
            return
        label = content()["schedule"]["fields"][field]["label"]
        try:
            edit = store_schedule(self.document.plan, self.document.viewer, self.scenario,
                                  field, typed)
            self.document.submit(f"Set “{label}” in the schedule", edit, initiator=self)
        except ValidationError as error:
            self.schedule.show_error(error.field or field, error.message)
            return
        except TandemError as error:
            self.schedule.show_error(field, error.message)
            return
        self.schedule.clear_error(field)

    # -- moving around -----------------------------------------------------------------

    def _section_chosen(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)

    def _describe_schedule(self, schedule: Schedule) -> None:
        item = self.list.item(self.list.count() - 1)
        title = content()["schedule"]["title"]
        span = schedule.away or schedule.work
        item.setText(f"{title}\n{format_time(span[0])}–{format_time(span[1])}" if span
                     else title)

    def _counted(self, key: str, words: int) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                item.setText(f"{section_title(key)}\n{words:,} word{'' if words == 1 else 's'}"
                             if words else section_title(key))

    def step_section(self, step: int) -> None:
        """Go to the next (1) or previous (-1) part of the day, into its editor."""
        row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
        self.list.setCurrentRow(row)
        self.focus_section()

    def focus_section(self) -> None:
        current = self.stack.currentWidget()
        if isinstance(current, SectionPane):
            current.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        elif current is self.schedule:
            self.schedule.fields["leave_home"].setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to_section(self, key: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.list.setCurrentRow(row)

    def current_editor_pane(self) -> SectionPane | None:
        current = self.stack.currentWidget()
        return current if isinstance(current, SectionPane) else None

    def is_blank(self) -> bool:
        """Nothing written and no schedule, as the page shows it now."""
        return all(pane.editor.document().isEmpty() for pane in self.panes.values()) and \
            not any(field.text().strip() for field in self.schedule.fields.values())
