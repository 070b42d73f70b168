"""Calendar arithmetic in the units people plan in: weeks, months, quarters."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import Enum

DAYS_PER_MONTH = 365.2425 / 12


class Unit(Enum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"

    @property
    def days(self) -> float:
        return {"week": 7.0, "month": DAYS_PER_MONTH, "quarter": 3 * DAYS_PER_MONTH,
                "year": 12 * DAYS_PER_MONTH}[self.value]


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, unit: Unit, count: int) -> date:
    """``day`` moved by ``count`` whole units."""
    if unit is Unit.WEEK:
        return day + timedelta(weeks=count)
    months = {Unit.MONTH: 1, Unit.QUARTER: 3, Unit.YEAR: 12}[unit]
    return add_months(day, months * count)


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarter_name(day: date) -> str:
    return f"Q{(day.month - 1) // 3 + 1} {day.year}"


def months_between(start: date, end: date) -> float:
    return max(0.0, (end - start).days / DAYS_PER_MONTH)


def month_label(day: date) -> str:
    return day.strftime("%b %Y")
