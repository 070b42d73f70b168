"""Dates as a person reads them, following the system's locale: the same
format in the chart, its tooltips, the editors and the tables (the drawing
rules write dates with it too, see :class:`models.calendar.DateFormat`)."""

from __future__ import annotations

from datetime import date
from functools import cache

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QDateEdit, QHBoxLayout, QWidget

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


# -- date fields ---------------------------------------------------------------------

#: Date fields reach past the models' range (1940-2100), so that a date out
#: of it is refused with the models' message rather than clamped.
WIDGET_EARLIEST = QDate(1900, 1, 1)
WIDGET_LATEST = QDate(2199, 12, 31)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(value: date, parent: QWidget | None = None) -> QDateEdit:
    """A date field with a calendar, reading the date as the chart and the
    tables write it."""
    edit = QDateEdit(to_qdate(value), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format().pattern)
    edit.setDateRange(WIDGET_EARLIEST, WIDGET_LATEST)
    edit.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
    return edit


class OptionalDate(QWidget):
    """A date that may be left out (a deadline, a target date): a box to
    tick, the date beside it; ``value()`` is ``None`` while the box is clear.
    The box takes the focus: the date is disabled until it is ticked."""

    def __init__(self, label: str, value: date | None, default: date,
                 parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(label)
        self.check.setChecked(value is not None)
        self.date = date_edit(value or default)
        self.date.setEnabled(value is not None)
        self.check.toggled.connect(self.date.setEnabled)
        layout.addWidget(self.check)
        layout.addWidget(self.date, 1)
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        return to_date(self.date.date()) if self.check.isChecked() else None
