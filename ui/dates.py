"""Dates as a person reads them, following the system's locale: the same
format in the chart, its tooltips, the editors and the tables (the drawing
rules write dates with it too, see :class:`models.calendar.DateFormat`)."""

from __future__ import annotations

from datetime import date
from functools import cache

from PySide6.QtCore import QLocale

from models.calendar import DateFormat


@cache
def date_format() -> DateFormat:
    """The locale's short date, always with the whole year (a plan spans
    decades: "3/4/27" could be 1927 or 2027), and its month names."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:  # no locale chosen: "1 08 2027" reads badly
        return DateFormat()
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    short = tuple(locale.monthName(m, QLocale.FormatType.ShortFormat) for m in range(1, 13))
    long = tuple(locale.monthName(m, QLocale.FormatType.LongFormat) for m in range(1, 13))
    return DateFormat(pattern=pattern, short_months=short, long_months=long)


def date_text(day: date) -> str:
    return date_format().text(day)
