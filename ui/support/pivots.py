"""Pivot exploration periods: what is explored, from when until when, what
will decide it; each shown on the roadmap as a "pivot" phase in the partner's
lane, which follows its changes. The seed: "ideas can be examined without
commitment, followed by structured planning once direction is clear"."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.calendar import add_months
from models.changes import Edit
from models.support import (
    NAME_MAX,
    NOTE_MAX,
    PivotPeriod,
    add_pivot,
    delete_pivot,
    edit_pivot,
    pivot_periods,
    pivot_statuses,
    show_on_roadmap,
)
from ui.dates import date_format, date_text
from ui.document import PlanDocument
from ui.support.page import SupportPage, fill_partners, partner_choices, partner_color
from ui.support.rows import Column, short
from ui.text_fields import line_edit


def _edit(document: PlanDocument, row: PivotPeriod, field: str, value: Any) -> Edit:
    return edit_pivot(document.plan, document.viewer, row, **{field: value})


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class PivotsPage(SupportPage):
    key = "pivot"

    def __init__(self, parent: QWidget | None = None):
        statuses = [(label, key) for key, label in pivot_statuses().items()]
        columns = [
            Column("partner_uuid", "Who", "choice", choices=partner_choices(self),
                   color=partner_color(self)),
            Column("what", "Exploring", limit=NAME_MAX, stretch=True),
            Column("start_date", "From", "date", show=lambda r: date_text(r.start_date)),
            Column("end_date", "Until", "date", show=lambda r: date_text(r.end_date)),
            Column("decides", "What will decide it", limit=NOTE_MAX, stretch=True),
            Column("status", "Status", "choice", choices=lambda: statuses),
            Column("outcome", "What you decided", limit=NOTE_MAX),
            Column("roadmap_item_uuid", "On the roadmap", editable=lambda r: False,
                   show=lambda r: "Yes" if r.roadmap_item_uuid else "No"),
        ]
        super().__init__(columns, lambda d: pivot_periods(d.plan), _edit, lambda r: r.what,
                         parent)
        self.roadmap_button = self.button("Place on &Roadmap", self.put_on_roadmap,
                                          "Add the selected explorations to the roadmap as "
                                          "pivot phases")
        self.delete_button = self.button("De&lete", self.delete,
                                         "Delete the selected explorations and their phases "
                                         "on the roadmap")
        self.who = QComboBox()
        self.who.setObjectName("newPivotWho")
        self.what = line_edit(limit=NAME_MAX, placeholder="What is explored, e.g. “Moving "
                                                          "into teaching”")
        self.what.setObjectName("newPivotWhat")
        self.what.returnPressed.connect(self.add)
        self.start = QDateEdit()
        self.start.setObjectName("newPivotStart")
        self.until = QDateEdit()
        self.until.setObjectName("newPivotUntil")
        for edit in (self.start, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format().pattern)
        today = date.today()
        self.start.setDate(_qdate(today))
        self.until.setDate(_qdate(add_months(today, 6)))  # until the couple says otherwise
        self.decides = line_edit(limit=NOTE_MAX, placeholder="What will decide it, e.g. "
                                                             "“three conversations and a trial "
                                                             "class”")
        self.decides.setObjectName("newPivotDecides")
        self.decides.returnPressed.connect(self.add)
        self.on_roadmap = QCheckBox("Show on the roadmap")
        self.on_roadmap.setChecked(True)
        add_button = QPushButton("&Add Exploration")
        add_button.clicked.connect(self.add)
        form = QWidget()
        rows = QVBoxLayout(form)
        rows.setContentsMargins(0, 0, 0, 0)
        first, second = QHBoxLayout(), QHBoxLayout()
        for line, fields in ((first, (("&Who", self.who), ("&Exploring", self.what),
                                      ("&From", self.start), ("&Until", self.until))),
                             (second, (("What will de&cide it", self.decides),))):
            for text, widget in fields:
                label = QLabel(text)
                label.setBuddy(widget)
                line.addWidget(label)
                line.addWidget(widget, 1 if widget in (self.what, self.decides) else 0)
            rows.addLayout(line)
        second.addWidget(self.on_roadmap)
        second.addWidget(add_button)
        self.finish(form)

    def refresh(self) -> None:
        super().refresh()
        if self.document is not None:
            fill_partners(self.who, self.document)

    def add(self) -> None:
        document = self.document
        if document is None:
            return
        who, what, decides = self.who.currentData(), self.what.text(), self.decides.text()
        start, until, on_roadmap = _day(self.start), _day(self.until), self.on_roadmap.isChecked()
        added = self.submit(f"Add pivot exploration “{short(what.strip())}”",
                            lambda: add_pivot(document.viewer, who, what, start, until, decides,
                                              on_roadmap=on_roadmap))
        if added:
            self.what.clear()
            self.decides.clear()
            self.select(added[-1].uuid)
        else:
            self.what.setFocus()

    def put_on_roadmap(self) -> None:
        document = self.document
        rows = [row for row in self.selected() if not row.roadmap_item_uuid]
        if document is not None and rows:
            self.submit("Show on the roadmap",
                        lambda: tuple(c for row in rows
                                      for c in show_on_roadmap(document.viewer, row)))

    def delete(self) -> None:
        document = self.document
        rows = self.selected()
        if document is not None and rows:
            self.submit(f"Delete {len(rows)} pivot exploration{'s' if len(rows) > 1 else ''}",
                        lambda: tuple(c for row in rows
                                      for c in delete_pivot(document.plan, document.viewer, row)))

    def enable(self) -> None:
        rows = self.selected()
        self.roadmap_button.setEnabled(any(not row.roadmap_item_uuid for row in rows))
        self.delete_button.setEnabled(bool(rows))

