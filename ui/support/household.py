"""The household load: tasks, who does them, hours a week, and which are
invisible labor, with a chart of the balance (the seed: "make invisible
labor visible")."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QPushButton, QWidget

from models.changes import Edit
from models.support import (
    TASK_MAX,
    HouseholdShare,
    HouseholdTask,
    add_task,
    content,
    delete_rows,
    edit_row,
    format_hours,
    household_balance,
    household_shares,
    household_tasks,
)
from ui.chart_view import ChartView
from ui.document import PlanDocument
from ui.support.page import SupportPage, fill_partners, hint, partner_choices, partner_color
from ui.support.rows import Column, short
from ui.text_fields import line_edit

BOTH = "Both of us"


def _edit(document: PlanDocument, row: HouseholdTask, field: str, value: Any) -> Edit:
    return edit_row(row, **{field: value})


class HouseholdPage(SupportPage):
    key = "household"

    def __init__(self, parent: QWidget | None = None):
        columns = [
            Column("title", "Task", limit=TASK_MAX, stretch=True),
            Column("partner_uuid", "Who does it", "choice", choices=partner_choices(self, BOTH),
                   color=partner_color(self)),
            Column("hours_per_week", "Hours a week", "number",
                   show=lambda r: format_hours(r.hours_per_week)),
            Column("invisible", "Invisible labor", "check",
                   tip="Planning, remembering, family and emotional work: the load nobody "
                       "sees"),
        ]
        super().__init__(columns, lambda d: household_tasks(d.plan), _edit, lambda r: r.title,
                         parent)
        self.delete_button = self.button("De&lete", self.delete, "Delete the selected tasks")
        self.title = line_edit(limit=TASK_MAX, placeholder="A task at home, e.g. “Planning "
                                                           "meals” or “Kids’ appointments”")
        self.title.setObjectName("newTaskTitle")
        self.title.setAccessibleName("Task")
        self.title.returnPressed.connect(self.add)
        self.who = QComboBox()
        self.who.setObjectName("newTaskWho")
        self.who.setAccessibleName("Who does it")
        self.hours = line_edit(limit=8, placeholder="hours a week")
        self.hours.setObjectName("newTaskHours")
        self.hours.setAccessibleName("Hours a week")
        self.hours.setMaximumWidth(110)
        self.hours.returnPressed.connect(self.add)
        self.invisible = QCheckBox("&Invisible labor")
        self.invisible.setObjectName("newTaskInvisible")
        add_button = QPushButton("&Add Task")
        add_button.clicked.connect(self.add)
        adding = QWidget()
        row = QHBoxLayout(adding)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.who, self.hours, self.invisible, add_button):
            row.addWidget(widget, 1 if widget is self.title else 0)
        self.balance = hint("")
        self.balance.setObjectName("householdBalance")
        self.balance.setStyleSheet("")
        self.chart = ChartView()
        self.chart.setObjectName("householdChart")
        self.chart.setMinimumSize(260, 170)
        self._shares: list[HouseholdShare] | None = None
        self.finish(adding, self.balance, hint(content()["household"]["systems"]),
                    beside=self.chart)

    def refresh(self) -> None:
        super().refresh()
        document = self.document
        if document is None:
            self._shares = None
            self.balance.setText("")
            self.chart.set_chart(None)
            return
        fill_partners(self.who, document, BOTH)
        shares = household_shares(document.plan)
        if shares == self._shares and self.chart.drawn:
            return  # a title or a tick that changed no hours: the chart stands
        self._shares = shares
        sentence = household_balance(shares)
        self.balance.setText(sentence)

        def draw(width: float, height: float) -> Any:
            from report.charts.support import household_chart

            return household_chart(shares, width, height)

        self.chart.set_chart(draw, sentence)

    def add(self) -> None:
        document = self.document
        if document is None:
            return
        title, who = self.title.text(), self.who.currentData()
        hours, invisible = self.hours.text(), self.invisible.isChecked()
        added = self.submit(f"Add household task “{short(title.strip())}”",
                            lambda: add_task(title, who, hours, invisible))
        if added:
            self.title.clear()
            self.hours.clear()
            self.invisible.setChecked(False)
            self.select(added[0].uuid)
            self.title.setFocus()
        else:
            self.title.setFocus()

    def delete(self) -> None:
        rows = self.selected()
        if rows:
            self.submit(f"Delete {len(rows)} household task{'s' if len(rows) > 1 else ''}",
                        lambda: delete_rows(rows))

    def enable(self) -> None:
        self.delete_button.setEnabled(bool(self.selected()))
