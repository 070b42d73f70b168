"""Each partner's career support budget: money and hours a month for
courses, conferences, a job search…, beside what was actually used."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget

from models.changes import Edit
from models.partners import partners
from models.support import (
    NOTE_MAX,
    BudgetLine,
    add_budget_line,
    budget_categories,
    budget_lines,
    budget_totals,
    delete_rows,
    edit_row,
    format_hours,
    format_money,
)
from ui.document import PlanDocument
from ui.style import plain_label
from ui.support.page import SupportPage, hint, partner_choices, partner_color
from ui.support.rows import Column


def _edit(document: PlanDocument, row: BudgetLine, field: str, value: Any) -> Edit:
    return edit_row(row, **{field: value})


def _describe(row: BudgetLine) -> str:
    return budget_categories().get(row.category, row.category)


class BudgetPage(SupportPage):
    key = "budget"

    def __init__(self, parent: QWidget | None = None):
        categories = [(label, key) for key, label in budget_categories().items()]
        columns = [
            Column("partner_uuid", "Whose", "choice", choices=partner_choices(self),
                   color=partner_color(self)),
            Column("category", "For", "choice", choices=lambda: categories),
            Column("money_per_month", "Money a month", "number",
                   show=lambda r: format_money(r.money_per_month),
                   tip="What may be spent each month, in your currency (whole amounts)"),
            Column("money_used", "Money used", "number", show=lambda r: format_money(r.money_used),
                   tip="What was actually spent in a month, on average"),
            Column("hours_per_month", "Hours a month", "number",
                   show=lambda r: format_hours(r.hours_per_month),
                   tip="Time set aside each month: evening classes, conferences, job search"),
            Column("hours_used", "Hours used", "number", show=lambda r: format_hours(r.hours_used),
                   tip="Time actually used in a month, on average"),
            Column("note", "Note", limit=NOTE_MAX, stretch=True),
        ]
        super().__init__(columns, lambda d: budget_lines(d.plan), _edit, _describe, parent)
        self.add_buttons: list[QPushButton] = []
        self.delete_button = self.button("De&lete", self.delete, "Delete the selected lines")
        self.totals = hint("")
        self.totals.setObjectName("budgetTotals")
        self.totals.setStyleSheet("")
        self.finish(self.totals, hint("Type amounts as plain numbers (1200 or 1 200). Money "
                                      "used above the budget is no failure: a sign to talk "
                                      "the budget over."))

    def refresh(self) -> None:
        super().refresh()
        self._make_add_buttons()
        document = self.document
        if document is None:
            self.totals.setText("")
            return
        if not self.model.rows:
            self.totals.setText("No budget yet: add a line for either of you, then type the "
                                "money and hours a month into it.")
            return
        lines = []
        for total in budget_totals(document.plan):
            over = " (more than planned)" if total.money_used > total.money_per_month else ""
            lines.append(f"{total.name}: {format_money(total.money_used)} of "
                         f"{format_money(total.money_per_month)} a month used{over}; "
                         f"{format_hours(total.hours_used)} of "
                         f"{format_hours(total.hours_per_month)} hours.")
        self.totals.setText("\n".join(lines))

    def _make_add_buttons(self) -> None:
        """One "Add a line for …" button per partner, named as they are now."""
        people = partners(self.document.plan) if self.document is not None else []
        while len(self.add_buttons) < len(people):
            button = QPushButton()
            number = len(self.add_buttons)
            button.clicked.connect(lambda _=False, n=number: self.add(n))
            self.buttons.insertWidget(number, button)
            self.add_buttons.append(button)
        for number, button in enumerate(self.add_buttons):
            button.setVisible(number < len(people))
            if number < len(people):
                button.setText(plain_label(f"Add a Line for {people[number].name}"))

    def add(self, number: int) -> None:
        document = self.document
        if document is None:
            return
        partner = partners(document.plan)[number]
        added = self.submit(f"Add a budget line for {partner.name}",
                            lambda: add_budget_line(document.plan, partner.uuid))
        if added:
            self.select(added[0].uuid)
            self.table.setFocus()

    def delete(self) -> None:
        rows = self.selected()
        if rows:
            self.submit(f"Delete {len(rows)} budget line{'s' if len(rows) > 1 else ''}",
                        lambda: delete_rows(rows))

    def enable(self) -> None:
        self.delete_button.setEnabled(bool(self.selected()))
