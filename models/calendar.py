"""Calendar arithmetic in the units people plan in: weeks, months, quarters."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
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


_SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                 "Dec")
_LONG_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


@dataclass(frozen=True)
class DateFormat:
    """How a person reads a date: a pattern in Qt's letters (d, dd, M, MM,
    MMM, MMMM, yy, yyyy; text in single quotes is kept) and the month names.
    The screen takes both from the system locale; the page from the same
    settings, so that one date reads the same everywhere."""

    pattern: str = "d MMM yyyy"
    short_months: tuple[str, ...] = _SHORT_MONTHS
    long_months: tuple[str, ...] = _LONG_MONTHS
    #: The pattern for a month alone on the ruler ("MMM yyyy").
    month_pattern: str = "MMM yyyy"

    def text(self, day: date) -> str:
        return format_date(day, self.pattern, self)

    def month(self, day: date) -> str:
        return format_date(day, self.month_pattern, self)


def format_date(day: date, pattern: str, names: DateFormat | None = None) -> str:
    """``day`` written by ``pattern`` (Qt's letters, see :class:`DateFormat`)."""
    names = names or DateFormat()
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "'":  # quoted text; '' is a quote
            end = pattern.find("'", index + 1)
            end = len(pattern) if end < 0 else end
            out.append(pattern[index + 1:end] or "'")
            index = end + 1
            continue
        count = 1
        while index + count < len(pattern) and pattern[index + count] == char and char in "dMy":
            count += 1
        if char == "d":
            out.append(f"{day.day:02d}" if count >= 2 else str(day.day))
        elif char == "M":
            out.append({1: str(day.month), 2: f"{day.month:02d}",
                        3: names.short_months[day.month - 1]}.get(
                count, names.long_months[day.month - 1]))
        elif char == "y":
            out.append(f"{day.year % 100:02d}" if count == 2 else f"{day.year:04d}")
        else:
            out.append(char)
        index += count
    return "".join(out)
