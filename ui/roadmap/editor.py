"""The forms behind the roadmap: adding or editing a phase, a milestone or a
season. Each is one undo step, built by ``models.roadmap`` and stored through
:meth:`PlanDocument.submit`; a refusal keeps the form open and shows the
models' message under the field it is about."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.changes import Edit, merge
from models.errors import TandemError
from models.partners import partners
from models.roadmap import (
    LABEL_MAX,
    NOTES_MAX,
    TITLE_MAX,
    Kind,
    RoadmapItem,
    Season,
    default_end,
    edit_entry,
    milestone_kinds,
    new_item,
    new_season,
    phase_kinds,
    share,
    status_labels,
)
from models.roadmap_layout import SHARED, lane_key, lane_order
from ui.dates import date_edit, to_date
from ui.document import PlanDocument
from ui.form import Form
from ui.roadmap.items import paint_kind
from ui.style import HINT_STYLE
from ui.text_fields import NotesEdit, line_edit

W = TypeVar("W", bound=QWidget)

ICON_SIZE = 16


# -- small helpers ---------------------------------------------------------------

def swatch_icon(color: str) -> QIcon:
    """A filled circle in a lane's or partner's colour."""

    def draw(painter: QPainter, size: float) -> None:
        painter.setPen(QPen(QColor(color).darker(130), 1))
        painter.setBrush(QColor(color))
        painter.drawEllipse(QRectF(2.5, 2.5, size - 5, size - 5))

    return _icon(draw)


def kind_icon(kind: Kind, color: str) -> QIcon:
    """A phase's bar with its pattern, or a milestone's marker shape."""
    return _icon(lambda painter, size: paint_kind(
        painter, kind.shape, kind.pattern, QRectF(0, 0, size, size), QColor(color)))


def _icon(draw: Callable[[QPainter, float], None]) -> QIcon:
    scale = 2  # drawn at twice the size, so it stays crisp on high-DPI screens
    pixmap = QPixmap(ICON_SIZE * scale, ICON_SIZE * scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    draw(painter, float(ICON_SIZE))
    painter.end()
    pixmap.setDevicePixelRatio(scale)
    return QIcon(pixmap)


def _select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


# -- the shared dialog -----------------------------------------------------------

class EntryDialog(QDialog):
    """A dialog for one roadmap entry: a :class:`Form` (each field with its
    own error line beneath it, and a general one), then OK and Cancel.

    Subclasses add fields with :meth:`add_field` (keyed by the models' field
    name, so a :class:`ValidationError` finds its place) and build their edit
    in :meth:`build`; an edit of a stored entry carries only the fields the
    user changed (:meth:`Form.changed`)."""

    def __init__(self, document: PlanDocument, entry: RoadmapItem | Season | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        #: The item or season being edited; ``None`` when adding one.
        self.entry = entry
        #: The UUID of the entry added or edited, once stored.
        self.saved_uuid: str | None = None
        self.setMinimumWidth(440)
        self.body = QVBoxLayout(self)
        self.form = Form()
        self.body.addWidget(self.form)
        self.fields = self.form.fields
        self.error_labels = self.form.error_labels
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Add" if entry is None else "Save")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body.addWidget(self.buttons)

    # -- building the form --

    def add_intro(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("intro")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet(HINT_STYLE)
        self.body.insertWidget(0, label)
        self.body.insertSpacing(1, 6)
        return label

    def add_field(self, field: str, label: str, widget: W, tooltip: str) -> W:
        """A labelled row (``label`` with its mnemonic, e.g. "&Title:") and,
        hidden until needed, the row of its error message."""
        return self.form.add_field(field, label, widget, tooltip)

    def date_edit(self, value: date) -> QDateEdit:
        return date_edit(value)

    # -- errors --

    def error_label(self, field: str) -> QLabel:
        """The error line of a models' field name; "" is the general one."""
        return self.form.error_label(field)

    def clear_errors(self) -> None:
        self.form.clear_errors()

    def show_error(self, error: TandemError) -> None:
        """Put the message under its field (or above the buttons) and focus it."""
        self.form.show_error(error)

    # -- storing --

    def build(self) -> tuple[str, Edit]:
        """The undo text and the edit; may raise :class:`TandemError`."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            text, edit = self.build()
            self.document.submit(text, edit)
        except TandemError as error:
            self.show_error(error)
            return
        self.saved_uuid = edit[0].uuid if edit else getattr(self.entry, "uuid", None)
        self.clear_errors()
        super().accept()


# -- items -----------------------------------------------------------------------

class ItemDialog(EntryDialog):
    """Add a phase or milestone (``item`` None), or edit ``item``.

    For a new item, ``phase`` chooses a phase (start and end) or a milestone
    (one date), ``lane`` is the lane key (a partner's UUID, or "" for "Our
    life") and ``start`` the first date (today if None); a new phase ends a
    year after it starts."""

    def __init__(self, document: PlanDocument, item: RoadmapItem | None = None, *,
                 phase: bool = True, lane: str = SHARED, start: date | None = None,
                 parent: QWidget | None = None):
        super().__init__(document, item, parent)
        self.item = item
        self.is_phase = item.is_phase if item is not None else phase
        noun = "Phase" if self.is_phase else "Milestone"
        self.setWindowTitle(f"Add {noun}" if item is None else f"Edit “{item.title}”")
        self.lanes = lane_order(partners(document.plan))

        self.title_edit = line_edit(item.title if item else "", limit=TITLE_MAX,
                                    placeholder="e.g. PhD in Lisbon" if self.is_phase
                                    else "e.g. Defend the thesis")
        self.add_field("title", "&Title:", self.title_edit,
                       "What this is, as it will read on the roadmap")

        self.kind_combo = QComboBox()
        for kind in phase_kinds() if self.is_phase else milestone_kinds():
            self.kind_combo.addItem(kind.label, kind.id)
        if item is not None:
            _select_data(self.kind_combo, item.kind)
        self.add_field("kind", "&Kind:", self.kind_combo,
                       "What sort of phase this is: it sets the bar's pattern"
                       if self.is_phase else
                       "What sort of milestone this is: it sets the marker's shape")

        self.lane_combo = QComboBox()
        for key, title, color in self.lanes:
            self.lane_combo.addItem(swatch_icon(color), title, key)
        _select_data(self.lane_combo, lane_key(item) if item is not None else lane)
        self.add_field("partner_uuid", "&Lane:", self.lane_combo,
                       "Whose career this belongs to, or “Our life” for what you share")

        first = item.start_date if item is not None else (start or date.today())
        self.start_edit = self.date_edit(first)
        self.add_field("start_date", "&Start:" if self.is_phase else "&Date:", self.start_edit,
                       "The day this phase begins" if self.is_phase
                       else "The day this milestone happens")

        self.end_edit: QDateEdit | None = None
        if self.is_phase:
            if item is not None and item.end_date is not None:
                self.end_edit = self.date_edit(item.end_date)
            else:
                self.end_edit = self.date_edit(default_end(first))
            self.add_field("end_date", "&End:", self.end_edit,
                           "The last day of this phase")

        self.status_combo = QComboBox()
        for status, label in status_labels().items():
            self.status_combo.addItem(label, status)
        _select_data(self.status_combo, item.status if item is not None else "planned")
        self.add_field("status", "Stat&us:", self.status_combo,
                       "Planned, done, or dropped (kept on the roadmap, struck out)")

        self.notes = NotesEdit(item.notes if item is not None else "", limit=NOTES_MAX)
        self.add_field("notes", "&Notes:", self.notes,
                       "Details, conditions or doubts you want to remember")

        self.private = QCheckBox("Only &me, until I share it")
        self.private.setObjectName("draft")
        viewer = document.viewer
        if item is None:
            self.private.setEnabled(viewer.is_partner)
            self.private.setToolTip(
                "Keep it as a private draft: only you see it, until you share it"
                if viewer.is_partner else
                "To write a private draft, choose who is at the keyboard (top right) first")
        else:
            self.private.setChecked(item.is_draft)
            self.private.setEnabled(item.is_draft)
            self.private.setToolTip("Untick to share this draft with your partner"
                                    if item.is_draft else
                                    "Shared with both of you: it stays shared")
        self.body.insertWidget(self.body.indexOf(self.buttons), self.private)
        if item is not None:
            self._link_back(document, item)

        self.lane_combo.currentIndexChanged.connect(self._paint_kinds)
        self._paint_kinds()
        self.title_edit.setFocus()

    def _link_back(self, document: PlanDocument, item: RoadmapItem) -> None:
        """Where this item came from: the opportunity accepted onto the roadmap."""
        from models.opportunities import opportunity_of_roadmap_item

        source = opportunity_of_roadmap_item(document.plan, item.uuid)
        if source is None:
            return
        origin = QLabel(f"Added when the opportunity “{source.title}” was accepted: its "
                        "scores are in the Opportunities tab.")
        origin.setObjectName("opportunityLink")
        origin.setTextFormat(Qt.TextFormat.PlainText)
        origin.setWordWrap(True)
        origin.setStyleSheet(HINT_STYLE)
        self.body.insertWidget(self.body.indexOf(self.buttons), origin)

    def _paint_kinds(self) -> None:
        color = self.lanes[max(0, self.lane_combo.currentIndex())][2]
        by_id = {k.id: k for k in (phase_kinds() if self.is_phase else milestone_kinds())}
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemIcon(index, kind_icon(by_id[self.kind_combo.itemData(index)],
                                                         color))

    def build(self) -> tuple[str, Edit]:
        title = self.title_edit.text()
        if self.item is not None:
            changes = self.form.changed()
            if "partner_uuid" in changes:
                changes["partner_uuid"] = changes["partner_uuid"] or None  # "Our life"
            edit = edit_entry(self.item, **changes)
            if self.item.is_draft and not self.private.isChecked():
                edit = merge(edit, share([self.item]))
            return f"Edit “{title.strip()}”", edit
        lane = self.lane_combo.currentData()
        return f"Add “{title.strip()}”", new_item(
            self.kind_combo.currentData(), title, to_date(self.start_edit.date()),
            to_date(self.end_edit.date()) if self.end_edit is not None else None,
            partner_uuid=None if lane == SHARED else lane,
            status=self.status_combo.currentData(), notes=self.notes.raw_text(),
            viewer=self.document.viewer, draft=self.private.isChecked())


# -- seasons ---------------------------------------------------------------------

SEASON_INTRO = ("A season is a period in which one career takes priority while the other "
                "provides stability, by explicit agreement.")


class SeasonDialog(EntryDialog):
    """Add a season (``season`` None) or edit ``season``. A new one starts on
    ``start`` (today if None), lasts a year, and is led by ``leader_uuid``
    (the first partner if None)."""

    def __init__(self, document: PlanDocument, season: Season | None = None, *,
                 start: date | None = None, leader_uuid: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(document, season, parent)
        self.season = season
        self.setWindowTitle("Add Season" if season is None else f"Edit Season “{season.label}”")
        self.add_intro(SEASON_INTRO)
        pair = partners(document.plan)

        self.leader_combo = QComboBox()
        for partner in pair:
            self.leader_combo.addItem(swatch_icon(partner.color), partner.name, partner.uuid)
        _select_data(self.leader_combo, season.leader_uuid if season is not None
                     else leader_uuid or pair[0].uuid)
        self.add_field("leader_uuid", "&Leads:", self.leader_combo,
                       "Whose career takes priority during this season")

        self.label_edit = line_edit(season.label if season is not None else "",
                                    limit=LABEL_MAX, placeholder="e.g. Startup, MBA")
        self.add_field("label", "&What for:", self.label_edit,
                       "What the season is for, in a word or two")

        first = season.start_date if season is not None else (start or date.today())
        self.start_edit = self.date_edit(first)
        self.add_field("start_date", "&Start:", self.start_edit,
                       "The day the season begins; seasons may not overlap")
        last = season.end_date if season is not None else default_end(first)
        self.end_edit = self.date_edit(last)
        self.add_field("end_date", "&End:", self.end_edit,
                       "The last day of the season, when you agreed to look at it again")

        self.notes = NotesEdit(season.notes if season is not None else "", limit=NOTES_MAX)
        self.add_field("notes", "&Notes:", self.notes,
                       "What you agreed: what the other career keeps, when you review it")
        self.label_edit.setFocus()

    def build(self) -> tuple[str, Edit]:
        label = self.label_edit.text()
        if self.season is not None:
            return f"Edit season “{label.strip()}”", edit_entry(self.season,
                                                                 **self.form.changed())
        return f"Add season “{label.strip()}”", new_season(
            self.leader_combo.currentData(), label, to_date(self.start_edit.date()),
            to_date(self.end_edit.date()), notes=self.notes.raw_text())
