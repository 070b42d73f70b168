"""The Roadmap tab: toolbar, chart with its rulers, insight line, legend,
and the same plan as a table. Gestures become edits of models.roadmap."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCursor, QIcon, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QStyle,
    QToolBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

import resources
from models.changes import ChangeReport, Edit
from models.errors import TandemError
from models.partners import Partner, partners
from models.passed_up import PassedUp, passed_up_brief, passed_up_sentence
from models.roadmap import (
    RoadmapItem,
    Season,
    duplicate,
    edit_entry,
    moved,
    remove,
    roadmap_entry,
    roadmap_items,
    seasons,
    share,
)
from models.roadmap_insight import describe_clashes, find_clashes, lead_times
from models.roadmap_layout import lane_after, lane_key, plan_span
from report.roadmap_drawing import fit_per_day, ruler_unit
from ui.actions import Shortcut, make_action
from ui.dates import date_format
from ui.document import PlanDocument
from ui.roadmap.lead_bar import LeadBalance
from ui.roadmap.legend import Legend
from ui.roadmap.scale import DEFAULT_ZOOM, ZOOM_LEVELS
from ui.roadmap.scene import RoadmapScene
from ui.roadmap.view import LaneHeader, RoadmapView, TimeAxis
from ui.style import error_label, plain_tip

if TYPE_CHECKING:
    from ui.roadmap.table import RoadmapTables

#: What the chart shows: a change to any of these redraws it.
#: A passed-up entry always has its cross, but the count beside the lead
#: balance follows the log itself (a cross may be deleted alone).
SHOWN = (RoadmapItem, Season, Partner, PassedUp)


class RoadmapTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        #: Replaceable in tests, so "the past" does not move under them.
        self.today: Callable[[], date] = date.today
        self.px_per_day = ZOOM_LEVELS[DEFAULT_ZOOM]
        #: The widest zoom: the whole plan with a margin, in the view's width.
        self._fit_per_day = ZOOM_LEVELS[-1]
        #: Until the couple zooms, the whole plan is fitted to the window.
        self._auto_fit = True
        self._fitted_width = 0
        #: The private drafts on the chart (the viewer's own), which can be shared.
        self._drafts: set[str] = set()
        self._watching: Callable[[ChangeReport], None] = lambda _report: None

        self.scene = RoadmapScene()
        self.view = RoadmapView(self.scene)
        self.axis = TimeAxis(self.view)
        self.lanes = LaneHeader(self.view)
        self.legend = Legend()
        self.lead = LeadBalance()
        self.empty_hint = QLabel(self.view.viewport())
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet(
            "background: rgba(255, 255, 255, 220); border-radius: 8px; padding: 14px;")
        self.empty_hint.setText(
            "Your roadmap is empty. Add a phase (Ctrl+Shift+P) for a job, a degree or a "
            "break; a milestone (Ctrl+Shift+M) for a move, a wedding or a promotion; or a "
            "season (Ctrl+Shift+L) in which one career leads. Or right-click where it goes.")
        self.empty_hint.hide()
        self.insight = QLabel(wordWrap=True)
        self.insight.setObjectName("roadmapInsight")
        self.insight.setTextFormat(Qt.TextFormat.PlainText)
        self.message = error_label("roadmapMessage")

        self.toolbar = QToolBar("Roadmap")
        self.toolbar.setIconSize(QSize(18, 18))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._make_actions()

        chart = QWidget()
        grid = QGridLayout(chart)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(0)
        grid.addWidget(QLabel(""), 0, 0)
        grid.addWidget(self.axis, 0, 1)
        grid.addWidget(self.lanes, 1, 0)
        grid.addWidget(self.view, 1, 1)

        #: The same plan as tables: made when first shown (most sessions never do).
        self.tables: RoadmapTables | None = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(chart)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        below = QHBoxLayout()
        below.addWidget(self.lead, 3)
        below.addWidget(self.insight, 2)
        layout.addLayout(below)
        layout.addWidget(self.legend)

        # Queued: these rebuild the scene, which must not happen while the
        # item that reported them is still handling its mouse event.
        queued = Qt.ConnectionType.QueuedConnection
        self.scene.drag_finished.connect(self._drag_finished, queued)
        self.scene.edit_requested.connect(self.edit_entry, queued)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.view.zoom_requested.connect(self._zoom_at)
        self.view.nudge_requested.connect(self.nudge)
        self.view.lane_step_requested.connect(self.step_lane)
        self.view.delete_requested.connect(self.delete_selected)
        self.view.edit_selected_requested.connect(self.edit_selected)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.resized.connect(self._view_resized)
        self.view.horizontalScrollBar().valueChanged.connect(self._scrolled)
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self._refit_now)
        self._refit_rows = QTimer(self, singleShot=True, interval=0)
        self._refit_rows.timeout.connect(self.refresh)
        self.set_document(None)

    # -- actions ------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], object], shortcut: Shortcut, tip: str,
                checkable: bool = False, icon: str = "") -> QAction:
        action = make_action(self, text, slot, shortcut, tip, checkable)
        if icon:
            action.setIcon(QIcon(str(resources.path(f"icons/{icon}.svg"))))
        # Only while the roadmap has the focus: Delete must not delete elsewhere.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.add_phase_action = self._action(
            "Add &Phase…", lambda: self.add_item(phase=True), "Ctrl+Shift+P",
            "Add a period with a start and an end: a degree, a job, a sabbatical", icon="add-phase")
        self.add_milestone_action = self._action(
            "Add &Milestone…", lambda: self.add_item(phase=False), "Ctrl+Shift+M",
            "Add a single date: a graduation, a promotion, a move, a child", icon="add-milestone")
        self.add_season_action = self._action(
            "Add &Season…", self.add_season, "Ctrl+Shift+L",
            "Add a season in which one career leads while the other provides stability", icon="add-season")
        self.edit_action = self._action("&Edit…", self.edit_selected, "F2",
                                        "Edit the selected item (or double-click, or Enter)", icon="edit")
        self.duplicate_action = self._action("D&uplicate", self.duplicate_selected, "Ctrl+D",
                                             "Duplicate the selected phases and milestones", icon="duplicate")
        self.delete_action = self._action("&Delete", self.delete_selected, keys.Delete,
                                          "Delete the selected items and seasons", icon="delete")
        self.share_action = self._action(
            "S&hare Draft", self.share_selected, "Ctrl+Shift+S",
            "Show your selected private drafts to your partner (and in the report)", icon="share")
        self.share_action.setEnabled(False)
        self.zoom_in_action = self._action("Zoom &In", lambda: self.zoom(1), keys.ZoomIn,
                                           "Show a shorter time, in more detail (Ctrl+wheel)", icon="zoom-in")
        self.zoom_out_action = self._action("Zoom &Out", lambda: self.zoom(-1), keys.ZoomOut,
                                            "Show a longer time, up to decades (Ctrl+wheel)", icon="zoom-out")
        self.fit_action = self._action("&Fit Whole Plan", self.fit_whole_plan, "Ctrl+0",
                                       "Show the whole plan, past and future, at once", icon="fit")
        self.today_action = self._action("&Today", self.scroll_to_today, "Ctrl+T",
                                         "Scroll to today", icon="today")
        self.table_action = self._action("Show &Table", self.toggle_table, "Ctrl+L",
                                         "Show the same plan as a sortable, editable table",
                                         checkable=True, icon="table")
        for action in (self.add_phase_action, self.add_milestone_action, self.add_season_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.edit_action, self.duplicate_action, self.delete_action,
                       self.share_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.zoom_out_action)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLevel")
        self.zoom_label.setToolTip("How much time the chart shows; dragging snaps to this step")
        self.toolbar.addWidget(self.zoom_label)
        self.toolbar.addAction(self.zoom_in_action)
        self.toolbar.addAction(self.fit_action)
        self.toolbar.addAction(self.today_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.table_action)

    # -- document ---------------------------------------------------------------------------

    def set_document(self, document: PlanDocument | None) -> None:
        if self.document is not None:
            self.document.unwatch(self._watching)
        self.document = document
        self._auto_fit = True
        self.message.hide()
        # The table fills only when shown: most sessions never open it.
        if self.tables is not None:
            self.tables.set_document(document if self.tables.isVisibleTo(self) else None)
        if document is not None:
            self._watching = document.watch(SHOWN, self._on_changed)
        self.setEnabled(document is not None)
        self.refresh()

    def _on_changed(self, report: ChangeReport) -> None:
        self.message.hide()  # a change went through: an old refusal no longer applies
        # The rows are packed anew whatever changed, so the whole chart is rebuilt.
        self.refresh()

    def refresh(self) -> None:
        if self.document is None:
            self.scene.clear_plan()
            self.insight.clear()
            return
        plan, viewer = self.document.plan, self.document.viewer
        pair, items, all_seasons = partners(plan), roadmap_items(plan, viewer), seasons(plan)
        self._drafts = {item.uuid for item in items if item.is_draft}
        today = self.today()
        span = plan_span(items, all_seasons, today)
        self._fit_per_day = self._fit_scale(items, span, today)
        if self._auto_fit or self.px_per_day < self._fit_per_day:
            self.px_per_day = self._fit_per_day
        clashes = find_clashes(pair, items)
        self.scene.set_visible_left(self.view.mapToScene(0, 0).x())
        # Rows closer together where only then every lane is in sight (a small screen).
        self.scene.rebuild(pair, items, all_seasons, clashes, span, self.px_per_day, today,
                           date_format(), room=self.view.viewport().height())
        self._fitted_width = self._fit_width()
        self.lead.set_times(lead_times(pair, all_seasons, today), passed_up_brief(plan),
                            passed_up_sentence(plan))
        self.insight.setText(describe_clashes(clashes))
        self.empty_hint.setVisible(not items and not all_seasons)
        self._place_hint()
        self._update_zoom_label()
        self.axis.update()
        self.lanes.update()

    def _refit_now(self) -> None:
        if self._auto_fit and self.document is not None:
            self.refresh()

    def _view_resized(self) -> None:
        # A window being laid out resizes many times: refit once it settles,
        # and only if the room for the plan really changed.
        if self.document is not None and self._auto_fit and \
                abs(self._fit_width() - self._fitted_width) > 2:
            self._refit.start()
        elif self.document is not None and (drawing := self.scene.drawing) is not None and \
                self.scene.metrics.to_fit(drawing.lane_rows, self.view.viewport().height()) \
                != drawing.metrics:
            self._refit_rows.start()  # full rows now fit, or only compact ones do
        self._place_hint()

    @property
    def compact_rows(self) -> bool:
        """Whether the chart's rows are drawn closer together than usual, to fit."""
        drawing = self.scene.drawing
        return drawing is not None and drawing.metrics != self.scene.metrics

    def _place_hint(self) -> None:
        viewport = self.view.viewport()
        width = min(520, viewport.width() - 40)
        self.empty_hint.setFixedWidth(max(width, 200))
        self.empty_hint.adjustSize()
        self.empty_hint.move((viewport.width() - self.empty_hint.width()) // 2,
                             max(20, viewport.height() // 3))

    def _scrolled(self) -> None:
        self.scene.set_visible_left(self.view.mapToScene(0, 0).x())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Icons with words where they fit, icons alone (words on hover) where they don't:
        # no action hides behind the toolbar's "»".
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        if self.toolbar.sizeHint().width() > self.width() - 12:
            self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    # -- feedback -----------------------------------------------------------------------------

    def refuse(self, message: str, at: QPoint | None = None) -> None:
        """Say why, where the gesture happened, and keep it in view."""
        self.message.setText(message)
        self.message.show()
        QToolTip.showText(at or QCursor.pos(), plain_tip(message), self.view)

    def _submit(self, text: str, edit: Edit, merge_key: str = "") -> bool:
        if self.document is None or not edit:
            return False
        try:
            self.document.submit(text, edit, merge_key, initiator=self)
        except TandemError as error:
            self.refuse(error.message)
            return False
        self.message.hide()
        return True

    # -- selection ----------------------------------------------------------------------------

    def selected_entries(self) -> list[RoadmapItem | Season]:
        if self.document is None:
            return []
        found: list[RoadmapItem | Season] = []
        for entry in self.view.selected():
            row = roadmap_entry(self.document.plan, self.document.viewer, entry.uuid)
            if row is not None:
                found.append(row)
        return found

    def _drafts_selected(self) -> list[RoadmapItem]:
        return [e for e in self.selected_entries() if isinstance(e, RoadmapItem) and e.is_draft]

    def _selection_changed(self) -> None:
        uuids = [e.uuid for e in self.view.selected()]
        has = bool(uuids)
        for action in (self.edit_action, self.delete_action, self.duplicate_action):
            action.setEnabled(has)
        self.share_action.setEnabled(bool(self._drafts.intersection(uuids)))
        if self.tables is not None and self.tables.isVisible():
            self.tables.select_uuids(uuids)

    def select(self, uuids: list[str]) -> None:
        """Select these entries on the chart (from the table, or after an edit)."""
        self.scene.clearSelection()
        for uuid in uuids:
            entry = self.scene.entries.get(uuid)
            if entry is not None:
                entry.setSelected(True)
                self.view.ensureVisible(entry, 40, 20)

    # -- edits from gestures -------------------------------------------------------------

    def _drag_finished(self, uuid: str, start: date, end: date | None, lane: str) -> None:
        assert self.document is not None
        found = roadmap_entry(self.document.plan, self.document.viewer, uuid)
        if isinstance(found, RoadmapItem):
            item = found
            values: dict[str, object] = {"start_date": start, "end_date": end,
                                         "partner_uuid": lane or None}
            entry: RoadmapItem | Season = item
            verb = "Move" if item.start_date != start or (lane or None) != item.partner_uuid \
                else "Resize"
            title = item.title
        else:
            season = found
            if season is None:
                return
            values = {"start_date": start, "end_date": end}
            entry, verb, title = season, "Move season", season.label
        if not self._submit(f"{verb} “{title}”", edit_entry(entry, **values)):
            self.scene.restore(uuid)

    def nudge(self, steps: int) -> None:
        entries = self.selected_entries()
        edit: Edit = ()
        for entry in entries:
            start, end = moved(entry.start_date, entry.end_date, self.scene.scale.unit, steps)
            edit += edit_entry(entry, start_date=start, end_date=end)
        direction = "later" if steps > 0 else "earlier"
        key = "nudge:" + ",".join(sorted(e.uuid for e in entries))
        self._submit(f"Move {self._names(entries)} {direction}", edit, merge_key=key)

    def step_lane(self, step: int) -> None:
        if self.document is None:
            return
        pair = partners(self.document.plan)
        items = [e for e in self.selected_entries() if isinstance(e, RoadmapItem)]
        edit: Edit = ()
        for item in items:
            target = lane_after(pair, lane_key(item), step)
            edit += edit_entry(item, partner_uuid=target or None)
        self._submit(f"Move {self._names(items)} to another lane", edit)

    def delete_selected(self) -> None:
        entries = self.selected_entries()
        if self.document is not None and entries:
            self._submit(f"Delete {self._names(entries)}", remove(self.document.plan, entries))

    def duplicate_selected(self) -> None:
        if self.document is None:
            return
        entries = [e for e in self.selected_entries() if isinstance(e, RoadmapItem)]
        edit = duplicate(entries, self.document.viewer)
        if self._submit(f"Duplicate {self._names(entries)}", edit):
            self.select([change.uuid for change in edit])

    def share_selected(self) -> None:
        """Share the selected drafts of the partner at the keyboard."""
        drafts = self._drafts_selected()
        if drafts:
            self._submit(f"Share {self._names(drafts)}", share(drafts))

    @staticmethod
    def _names(entries: list[RoadmapItem] | list[RoadmapItem | Season]) -> str:
        if len(entries) == 1:
            entry = entries[0]
            return f"“{entry.title if isinstance(entry, RoadmapItem) else entry.label}”"
        return f"{len(entries)} items"

    # -- dialogs -------------------------------------------------------------------------------

    def _default_lane(self) -> str:
        return self.document.viewer.partner_uuid if self.document else ""

    def _view_center_date(self) -> date:
        center = self.view.mapToScene(self.view.viewport().rect().center())
        return self.scene.scale.date_at(center.x())

    def add_item(self, phase: bool, lane: str | None = None, start: date | None = None) -> None:
        if self.document is None:
            return
        from ui.roadmap.editor import ItemDialog

        dialog = ItemDialog(self.document, phase=phase,
                            lane=self._default_lane() if lane is None else lane,
                            start=start or self._view_center_date(), parent=self)
        dialog.exec()

    def add_season(self, start: date | None = None) -> None:
        if self.document is None:
            return
        from ui.roadmap.editor import SeasonDialog

        leader = self.document.viewer.partner_uuid or None
        SeasonDialog(self.document, start=start or self._view_center_date(),
                     leader_uuid=leader, parent=self).exec()

    def edit_selected(self) -> None:
        selected = self.view.selected()
        if selected:
            self.edit_entry(selected[0].uuid)

    def edit_entry(self, uuid: str) -> None:
        if self.document is None:
            return
        from ui.roadmap.editor import ItemDialog, SeasonDialog

        entry = roadmap_entry(self.document.plan, self.document.viewer, uuid)
        if isinstance(entry, RoadmapItem):
            ItemDialog(self.document, entry, parent=self).exec()
        elif entry is not None:
            SeasonDialog(self.document, entry, parent=self).exec()

    def _context_menu(self, pos: QPoint) -> None:
        point = self.view.mapToScene(pos)
        day = self.scene.scale.date_at(point.x())
        lane = self.scene.lane_at(point.y())
        item = self.view.itemAt(pos)
        if item is not None and item in self.scene.entries.values() and not item.isSelected():
            self.scene.clearSelection()
            item.setSelected(True)
        menu = QMenu(self)
        menu.addAction("Add Phase Here…", lambda: self.add_item(True, lane, day))
        menu.addAction("Add Milestone Here…", lambda: self.add_item(False, lane, day))
        menu.addAction("Add Season Here…", lambda: self.add_season(day))
        menu.addSeparator()
        for action in (self.edit_action, self.duplicate_action, self.delete_action):
            menu.addAction(action)
        if self.share_action.isEnabled():
            menu.addAction(self.share_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # -- zoom and scrolling ------------------------------------------------------------------

    def _fit_width(self) -> int:
        """The width the whole plan is fitted to: the view's, less a vertical
        scroll bar even before it shows, so that its coming needs no refit."""
        bar = self.view.verticalScrollBar()
        extent = 0 if bar.isVisible() else self.view.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent)
        return max(200, self.view.viewport().width() - extent - 4)

    def _fit_scale(self, items: list[RoadmapItem], span: tuple[date, date],
                   today: date) -> float:
        """Pixels per day that show the whole plan, and the labels beside its
        last items, in the view."""
        return fit_per_day(items, span, self._fit_width(), self.scene.metrics, today,
                           ZOOM_LEVELS[0])

    def _update_zoom_label(self) -> None:
        unit = self.scene.scale.unit.value
        self.zoom_label.setText(f"  {ruler_unit(self.px_per_day)}  ")
        self.zoom_label.setToolTip(f"The ruler counts {ruler_unit(self.px_per_day).lower()}; "
                                   f"a drag moves things by whole {unit}s")
        self.zoom_in_action.setEnabled(self.px_per_day < ZOOM_LEVELS[0] * 0.99)
        self.zoom_out_action.setEnabled(self.px_per_day > self._fit_per_day * 1.01)

    def set_zoom(self, px_per_day: float, anchor: date | None = None,
                 anchor_x: int | None = None) -> None:
        """Zoom, keeping ``anchor`` where it was on screen (default: the
        centre). Never wider than the whole plan."""
        viewport = self.view.viewport().rect()
        if anchor is None:
            anchor, anchor_x = self._view_center_date(), viewport.center().x()
        if anchor_x is None:
            anchor_x = int(self.view.mapFromScene(self.scene.scale.x(anchor), 0).x())
        self._auto_fit = px_per_day <= self._fit_per_day * 1.001
        self.px_per_day = max(px_per_day, self._fit_per_day)
        self.refresh()
        bar = self.view.horizontalScrollBar()
        left = self.scene.scale.x(anchor) - anchor_x
        bar.setValue(int(left - self.scene.sceneRect().left()) + bar.minimum())

    def zoom(self, steps: int, anchor: date | None = None, anchor_x: int | None = None) -> None:
        """One step closer (``steps`` > 0) or farther. By keys or the toolbar,
        the point under the mouse stays where it is, else the selection, else today."""
        if steps > 0:
            closer = [px for px in ZOOM_LEVELS if px > self.px_per_day * 1.01]
            target = min(closer) if closer else ZOOM_LEVELS[0]
        else:
            farther = [px for px in ZOOM_LEVELS if px < self.px_per_day * 0.99]
            target = max(farther) if farther else self._fit_per_day
        if anchor is None:
            anchor, anchor_x = self._zoom_anchor()
        self.set_zoom(target, anchor, anchor_x)

    def _zoom_anchor(self) -> tuple[date, int]:
        viewport = self.view.viewport()
        pointer = viewport.mapFromGlobal(QCursor.pos())
        if viewport.rect().contains(pointer):
            return self.scene.scale.date_at(self.view.mapToScene(pointer).x()), pointer.x()
        selected = self.view.selected()
        day = selected[0].start if selected else self.today()
        x = int(self.view.mapFromScene(self.scene.scale.x(day), 0).x())
        if not 0 <= x <= viewport.width():  # not in view: keep the centre instead
            return self._view_center_date(), viewport.width() // 2
        return day, x

    def _zoom_at(self, steps: int, scene_x: float) -> None:
        anchor = self.scene.scale.date_at(scene_x)
        anchor_x = self.view.mapFromScene(scene_x, 0).x()
        self.zoom(steps, anchor, anchor_x)

    def fit_whole_plan(self) -> None:
        if self.document is None:
            return
        self._auto_fit = True
        self.refresh()
        self.view.horizontalScrollBar().setValue(self.view.horizontalScrollBar().minimum())

    def scroll_to_today(self) -> None:
        self.view.centerOn(self.scene.scale.x(self.today()), self.view.mapToScene(0, 0).y())

    def toggle_table(self) -> None:
        shown = self.table_action.isChecked()
        if self.tables is None:
            from ui.roadmap.table import RoadmapTables

            self.tables = RoadmapTables()
            self.tables.selection_changed.connect(self.select)
            self.splitter.addWidget(self.tables)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
            # Tab leaves the chart for the tables (made last, they would come last).
            QWidget.setTabOrder(self.view, self.tables.item_view)
            QWidget.setTabOrder(self.tables.item_view, self.tables.season_view)
        if shown and self.tables.document is not self.document:
            self.tables.set_document(self.document)
        self.tables.setVisible(shown)
        if self.tables.isVisible() and self.splitter.sizes()[1] < 300:
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([total * 55 // 100, total * 45 // 100])
        if self.tables.isVisible():
            self.tables.select_uuids([e.uuid for e in self.view.selected()])



