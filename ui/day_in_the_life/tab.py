"""The Day in the Life tab: choose a scenario, write your vision of it
alone, say when you are finished, and compare both once revealed.

What shows follows who is at the keyboard (the models' viewer rule): the
author writes their own vision, a revealed vision is read by anyone, and a
hidden one shows nothing but who is finished."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.base import new_uuid
from models.changes import ChangeReport, Edit
from models.errors import TandemError
from models.partners import Partner, partners
from models.privacy import Viewer
from models.reveal import Reveal, RevealState, reveal_states
from models.vision_edits import (
    delete_scenario,
    delete_vision,
    finish,
    new_scenario,
    rename_scenario,
    unfinish,
)
from models.visions import (
    Scenario,
    Vision,
    VisionMark,
    content,
    default_scenario_title,
    own_vision,
    scenarios,
    visions,
    waiting_notice,
)
from ui.actions import Shortcut, make_action
from ui.day_in_the_life.compare_page import ComparePage
from ui.day_in_the_life.scenario_dialog import ScenarioDialog
from ui.day_in_the_life.section_editor import SectionPane
from ui.day_in_the_life.writing import HIDDEN, READ, WRITE, VisionPage
from ui.document import PlanDocument
from ui.messages import show_error
from ui.style import HINT_STYLE, error_label, plain_label, plain_tip, swatch_style

#: What the tab shows: a change to any of these refreshes it.
SHOWN = (Scenario, Vision, VisionMark, Reveal, Partner)
COMPARE = "compare"


class DayInTheLifeTab(QWidget):
    #: A gentle reminder for the window: a vision waiting for its partner's.
    notice_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dayInTheLife")
        self.document: PlanDocument | None = None
        self._watching: Callable[[ChangeReport], None] = lambda _report: None
        #: The scenario shown, the partner whose vision is shown, and how.
        self.scenario: Scenario | None = None
        self.shown = ""
        self.mode = WRITE
        #: The default scenario until somebody writes for it (then it is stored).
        self._unsaved: Scenario | None = None
        self._notice = ""
        self._last_viewer: Viewer | None = None

        self.intro = QLabel(content()["intro"])
        self.intro.setObjectName("dayIntro")
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(HINT_STYLE)

        self._make_actions()
        self.scenario_box = QComboBox()
        self.scenario_box.setObjectName("scenarioBox")
        self.scenario_box.setMinimumContentsLength(24)
        self.scenario_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scenario_box.setToolTip("The day you each imagine: five years from now, or "
                                     "another horizon or what-if")
        self.scenario_box.currentIndexChanged.connect(self._scenario_chosen)
        caption = QLabel("&Scenario:")
        caption.setBuddy(self.scenario_box)

        self.view_group = QButtonGroup(self)
        self.view_buttons: list[QToolButton] = []
        for index in range(3):
            button = QToolButton()
            button.setCheckable(True)
            button.setObjectName(f"showVision{index}")
            self.view_group.addButton(button, index)
            self.view_buttons.append(button)
        self.view_buttons[2].setText("Compare Side by Side")
        self.view_buttons[2].setToolTip("Both visions side by side, with your synergies and "
                                        f"conflicts and both days on one timeline "
                                        f"({self.compare_action.shortcut().toString()})")
        self.view_group.idClicked.connect(self._view_clicked)

        self.status = QLabel()
        self.status.setObjectName("revealStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.finish_button = QPushButton()
        self.finish_button.setObjectName("finishButton")
        self.finish_button.clicked.connect(self.toggle_finished)
        self.message = error_label("dayMessage")

        bar = QHBoxLayout()
        bar.addWidget(caption)
        bar.addWidget(self.scenario_box)
        for action in (self.new_scenario_action, self.rename_scenario_action,
                       self.delete_scenario_action):
            button = QToolButton()
            button.setDefaultAction(action)
            bar.addWidget(button)
        bar.addSpacing(18)
        for button in self.view_buttons:
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.finish_button)

        self.writing = VisionPage()
        self.writing.sit_down.connect(self._sit_down)
        self.writing.start_over.setDefaultAction(self.delete_vision_action)
        self.comparing = ComparePage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.writing)
        self.pages.addWidget(self.comparing)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.intro)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)
        self.set_document(None)

    # -- actions -----------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], object], shortcut: Shortcut | None,
                tip: str) -> QAction:
        action = make_action(self, text, slot, shortcut, tip)
        # Only while this tab has the focus: other tabs have shortcuts of their own.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.new_scenario_action = self._action(
            "&New Scenario…", self.add_scenario, "Ctrl+Shift+N",
            "Imagine another day: ten years out, or “if we move to Seattle”")
        self.rename_scenario_action = self._action("Re&name…", self.rename_current, None,
                                                   "Rename this scenario")
        self.delete_scenario_action = self._action(
            "&Delete…", self.delete_current, None,
            "Delete this scenario with both visions of it and their marks")
        self.delete_vision_action = self._action(
            "Start &Over…", self.delete_own_vision, None,
            "Delete your vision of this scenario and write it anew")
        self.switch_action = self._action("Other &Vision", self.switch_vision, "Ctrl+Shift+W",
                                          "Show the other partner’s vision")
        self.compare_action = self._action("&Compare", lambda: self.set_mode(COMPARE),
                                           "Ctrl+Shift+C", "Compare both visions side by side")
        self.finish_action = self._action("I’m &Finished", self.toggle_finished,
                                          "Ctrl+Shift+F", "Say you are finished with your "
                                          "vision: both are revealed when you both are")
        self.next_section_action = self._action(
            "Next Part of the Day", lambda: self.writing.step_section(1),
            QKeySequence("Alt+Down"), "Go to the next part of the day")
        self.previous_section_action = self._action(
            "Previous Part of the Day", lambda: self.writing.step_section(-1),
            QKeySequence("Alt+Up"), "Go to the previous part of the day")

    # -- the document --------------------------------------------------------------------

    def set_document(self, document: PlanDocument | None) -> None:
        self.writing.flush()
        if self.document is not None:
            self.document.unwatch(self._watching)
        self.document = document
        self.scenario, self._unsaved, self.shown, self.mode = None, None, "", WRITE
        self._last_viewer = None
        self.writing.set_document(document)
        self.comparing.set_document(document)
        if document is not None:
            self._watching = document.watch(SHOWN, self._on_changed)
        self.setEnabled(document is not None)
        self.refresh()

    def _on_changed(self, report: ChangeReport) -> None:
        if isinstance(report.initiator, SectionPane) and not report.touches(Scenario):
            # Typing in the vision on screen: it shows itself already.
            self._show_status(blank=self.writing.is_blank())
            return
        self.message.hide()
        self.refresh()

    def refresh(self) -> None:
        if self.document is None:
            self.scenario_box.clear()
            self._notice = ""
            self.notice_changed.emit("")
            return
        plan = self.document.plan
        stored = scenarios(plan)
        if not stored and self._unsaved is None:
            self._unsaved = Scenario(uuid=new_uuid(), title=default_scenario_title(),
                                     position=0)
        if stored:
            choices = stored
        else:
            assert self._unsaved is not None
            choices = [self._unsaved]
        self.scenario = next((s for s in choices if self.scenario
                              and s.uuid == self.scenario.uuid), choices[0])
        self._fill_scenarios(choices)
        pair = partners(plan)
        viewer = self.document.viewer
        if viewer != self._last_viewer:  # a partner who sits down sees their own vision
            self._last_viewer = viewer
            if viewer.is_partner:
                self.shown = viewer.partner_uuid
                if not reveal_states(plan, [self.scenario.uuid])[self.scenario.uuid].revealed:
                    self.mode = WRITE  # nothing to compare yet: to writing
        if self.shown not in {p.uuid for p in pair}:
            self.shown = viewer.partner_uuid if viewer.is_partner else pair[0].uuid
        self._show_view_buttons(pair)
        self._show_status()
        self._show_page(pair)
        self._update_notice()

    def _fill_scenarios(self, choices: list[Scenario]) -> None:
        box = self.scenario_box
        wanted = [(s.uuid, s.title) for s in choices]
        have = [(box.itemData(i), box.itemText(i)) for i in range(box.count())]
        box.blockSignals(True)
        try:
            if wanted != have:
                box.clear()
                for uuid, title in wanted:
                    box.addItem(title, uuid)
                    box.setItemData(box.count() - 1, plain_tip(title),
                                    Qt.ItemDataRole.ToolTipRole)
            assert self.scenario is not None
            box.setCurrentIndex(max(0, box.findData(self.scenario.uuid)))
        finally:
            box.blockSignals(False)
        self.delete_scenario_action.setEnabled(self._is_stored())

    def _is_stored(self) -> bool:
        return self.scenario is not None and self.scenario is not self._unsaved

    def _show_view_buttons(self, pair: list[Partner]) -> None:
        for button, partner in zip(self.view_buttons, pair, strict=False):
            button.setText(plain_label(f"{partner.name}’s Vision"))
            button.setToolTip(plain_tip(f"{partner.name}’s vision of this day (Ctrl+Shift+W "
                                        "goes from one vision to the other)"))
            button.setStyleSheet(f"QToolButton:checked {{ {swatch_style(partner.color)} "
                                 "font-weight: bold; }")
        checked = 2 if self.mode == COMPARE else next(
            (i for i, p in enumerate(pair) if p.uuid == self.shown), 0)
        self.view_buttons[checked].setChecked(True)

    def _state(self) -> RevealState:
        assert self.document is not None and self.scenario is not None
        return reveal_states(self.document.plan, [self.scenario.uuid])[self.scenario.uuid]

    def _show_status(self, blank: bool | None = None) -> None:
        """Who is finished, and the finish button; ``blank`` says whether the
        viewer's vision is empty (read from the plan when not given)."""
        if self.document is None or self.scenario is None:
            return
        pair, state, viewer = partners(self.document.plan), self._state(), self.document.viewer
        if state.revealed:
            self.status.setText("Both finished: revealed")
        else:
            self.status.setText(" · ".join(
                f"{p.name}: {'finished ✓' if state.is_done(p.uuid) else 'writing'}"
                for p in pair))
        done = viewer.is_partner and state.is_done(viewer.partner_uuid)
        self.finish_button.setVisible(viewer.is_partner and not state.revealed)
        self.finish_button.setText("Not Finished Yet" if done else "I’m Finished")
        self.finish_button.setToolTip(
            "Take back “finished”, to go on writing before the reveal" if done else
            "Your vision is revealed together with your partner’s once you are both finished "
            f"({self.finish_action.shortcut().toString()})")
        if blank is None:
            mine = own_vision(self.document.plan, viewer, self.scenario.uuid) \
                if viewer.is_partner else None
            blank = mine is None or mine.is_blank
        self.finish_button.setEnabled(done or not blank)
        if not done and blank:
            self.finish_button.setToolTip("Write something first: your vision is still empty")

    def _show_page(self, pair: list[Partner]) -> None:
        assert self.document is not None and self.scenario is not None
        plan, viewer, state = self.document.plan, self.document.viewer, self._state()
        if self.mode == COMPARE:
            self.writing.flush()
            self.pages.setCurrentWidget(self.comparing)
            self.comparing.show_scenario(self.scenario, pair, state)
            return
        self.pages.setCurrentWidget(self.writing)
        partner = next(p for p in pair if p.uuid == self.shown)
        by_author = visions(plan, viewer, self.scenario.uuid)
        # Revealed, a vision is read by anyone (if its author wrote nothing, it is empty).
        mode = WRITE if viewer.partner_uuid == partner.uuid else READ if state.revealed \
            else HIDDEN
        other = next(p for p in pair if p.uuid != partner.uuid)
        if viewer.is_partner:
            why = (f"{partner.name} writes alone, as you do. Both visions are revealed at the "
                   f"same moment, once you are both finished. {partner.name} is "
                   f"{'finished' if state.is_done(partner.uuid) else 'still writing'}; you "
                   f"are {'finished' if state.is_done(other.uuid) else 'still writing'}.")
            sitters: tuple[Partner, ...] = ()
        else:
            why = ("Each of you writes alone: choose who is at the keyboard (top right, or "
                   "below). Both visions are revealed at the same moment, once you are both "
                   "finished. " + " ".join(
                       f"{p.name} is {'finished' if state.is_done(p.uuid) else 'writing'}."
                       for p in pair))
            sitters = tuple(pair)
        self.writing.show_vision(self.scenario, partner, by_author.get(partner.uuid), mode,
                                 state.revealed, why, sitters)
        self.delete_vision_action.setEnabled(mode == WRITE and partner.uuid in by_author)
        self.writing.start_over.setVisible(mode == WRITE)

    def _update_notice(self) -> None:
        assert self.document is not None
        notice = waiting_notice(self.document.plan)
        if notice != self._notice:
            self._notice = notice
            self.notice_changed.emit(notice)

    # -- choosing what shows -------------------------------------------------------------

    def _scenario_chosen(self, index: int) -> None:
        if self.document is None or index < 0:
            return
        uuid = self.scenario_box.itemData(index)
        self.writing.flush()
        found = [s for s in scenarios(self.document.plan) if s.uuid == uuid]
        self.scenario = found[0] if found else self._unsaved
        self.refresh()

    def _view_clicked(self, index: int) -> None:
        if index == 2:
            self.set_mode(COMPARE)
            return
        if self.document is None:
            return
        pair = partners(self.document.plan)
        self.writing.flush()
        self.shown, self.mode = pair[index].uuid, WRITE
        self.refresh()

    def set_mode(self, mode: str) -> None:
        self.writing.flush()
        self.mode = mode
        self.refresh()

    def switch_vision(self) -> None:
        """To the other partner's vision (from comparing: to your own, or the first)."""
        if self.document is None:
            return
        pair = partners(self.document.plan)
        self.writing.flush()
        if self.mode == COMPARE:
            viewer = self.document.viewer
            self.shown = viewer.partner_uuid if viewer.is_partner else pair[0].uuid
        else:
            self.shown = next(p.uuid for p in pair if p.uuid != self.shown)
        self.mode = WRITE
        self.refresh()

    def _sit_down(self, partner_uuid: str) -> None:
        if self.document is not None:
            self.document.set_viewer(Viewer.partner(partner_uuid))
            self.writing.focus_section()

    # -- edits -------------------------------------------------------------------------

    def _submit(self, text: str, edit: Edit) -> bool:
        if self.document is None or not edit:
            return False
        try:
            self.document.submit(text, edit, initiator=self)
        except TandemError as error:
            self.message.setText(error.message)
            self.message.show()
            return False
        return True

    def toggle_finished(self) -> None:
        if self.document is None or self.scenario is None:
            return
        viewer = self.document.viewer
        self.writing.flush()
        state = self._state()
        if not viewer.is_partner or state.revealed:
            return
        title = self.scenario.title
        try:
            if state.is_done(viewer.partner_uuid):
                edit = unfinish(self.document.plan, viewer, self.scenario)
                text = f"Not finished with “{title}”"
            else:
                edit = finish(self.document.plan, viewer, self.scenario)
                text = f"Finished “{title}”"
        except TandemError as error:
            self.message.setText(error.message)
            self.message.show()
            return
        if self._submit(text, edit) and self._state().revealed:
            self.set_mode(COMPARE)  # both are finished: the moment to compare

    def add_scenario(self) -> None:
        if self.document is None:
            return
        document = self.document
        self.writing.flush()

        def build(title: str) -> tuple[Scenario, Edit]:
            return new_scenario(document.plan, title)

        dialog = ScenarioDialog(document, "New Scenario", "", build, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.scenario is not None:
            self.scenario, self.mode = dialog.scenario, WRITE
            self.refresh()

    def rename_current(self) -> None:
        if self.document is None or self.scenario is None:
            return
        document, scenario = self.document, self.scenario
        self.writing.flush()

        def build(title: str) -> tuple[Scenario, Edit]:
            return scenario, rename_scenario(document.plan, scenario, title)

        ScenarioDialog(document, "Rename Scenario", scenario.title, build, self).exec()

    def delete_current(self) -> None:
        if self.document is None or self.scenario is None or not self._is_stored():
            return
        self.writing.flush()
        title = self.scenario.title
        if self._confirm("Delete Scenario", f"Delete “{title}”, with everything both of you "
                         "wrote for it and its marks?\n\nUndo (Ctrl+Z) brings it all back."):
            self._submit(f"Delete the scenario “{title}”",
                         delete_scenario(self.document.plan, self.scenario))

    def delete_own_vision(self) -> None:
        if self.document is None or self.scenario is None:
            return
        self.writing.flush()
        mine = own_vision(self.document.plan, self.document.viewer, self.scenario.uuid)
        if mine is None:
            return
        if not self._confirm("Start Over", f"Delete your vision of “{self.scenario.title}” "
                             "and the marks on it, to write it anew? Your “finished” is taken "
                             "back too.\n\nUndo (Ctrl+Z) brings it all back."):
            return
        try:
            edit = delete_vision(self.document.plan, self.document.viewer, mine)
        except TandemError as error:
            show_error(self, error.message)
            return
        self._submit(f"Delete my vision of “{self.scenario.title}”", edit)

    def _confirm(self, title: str, text: str) -> bool:
        """Ask before deleting; the question quotes a title as typed (plain text)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText("Delete")
        return box.exec() == QMessageBox.StandardButton.Yes
