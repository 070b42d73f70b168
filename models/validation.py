"""Rules for single values: text, colours, dates. Each returns the cleaned
value or raises :class:`ValidationError` naming the field."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from models.errors import ValidationError

EARLIEST_DATE = date(1940, 1, 1)
LATEST_DATE = date(2100, 12, 31)

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(
    value: object, field: str, label: str, *, required: bool = True, multiline: bool = False,
) -> str:
    """Stripped text, refused when empty (if required) or holding control
    characters (which can't be seen or typed, and break exports). How long
    it may be is a limit of its own (:func:`check_length`)."""
    if not isinstance(value, str):
        raise ValidationError(field, f"{label} must be text.")
    if _SURROGATE.search(value):
        # Half of an emoji or symbol, left by a broken paste: it can't be stored.
        raise ValidationError(
            field, f"{label} contains a broken character (half of an emoji or symbol, "
            "perhaps from pasting). Delete it and type it again.")
    text = value.strip()
    if multiline:  # line endings from Windows or old Macs become plain newlines
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if required and not text:
        raise ValidationError(field, f"{label} can’t be empty.")
    allowed = "\n\t" if multiline else ""
    for char in text:
        if char not in allowed and unicodedata.category(char) == "Cc":
            raise ValidationError(field, f"{label} contains a control character.")
    return text


def check_length(text: str, field: str, label: str, max_length: int) -> None:
    """A limit on what is typed, in characters (code points, as people count
    them and as the text fields count them), not in UTF-16 units or bytes."""
    if len(text) > max_length:
        raise ValidationError(
            field, f"{label} is too long: {len(text)} characters, at most {max_length}.")


def clean_color(value: object, field: str = "color") -> str:
    """A colour as ``#rrggbb`` in lower case."""
    if not isinstance(value, str) or not _COLOR.fullmatch(value.strip()):
        raise ValidationError(field, f"“{value}” is not a colour; use the form #1f77b4.")
    return value.strip().lower()


def check_choice(value: object, choices: Iterable[str], field: str, what: str) -> str:
    """One of a fixed set of ids (statuses, kinds…); ``what`` names the set."""
    if not isinstance(value, str) or value not in choices:
        raise ValidationError(field, f"“{value}” is not {what}.")
    return value


def check_date(value: object, field: str, label: str) -> date:
    """A calendar date within the years people plan careers in."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(field, f"{label} must be a date.")
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(
            field,
            f"{label} {value.isoformat()} is out of range: use a date between "
            f"{EARLIEST_DATE.year} and {LATEST_DATE.year}.",
        )
    return value


def check_span(start: date, end: date, field: str = "end") -> None:
    """A period must end after it starts."""
    if end < start:
        raise ValidationError(
            field, f"The end ({end.isoformat()}) is before the start ({start.isoformat()})."
        )


def check_unique_titles(rows: Iterable[Any], table: str, taken: Callable[[str], str]) -> None:
    """Refuse the second of two rows whose titles differ only in case (two
    criteria "Salary" and "salary", two scenarios of one name); ``taken``
    words the refusal from the first one's title."""
    seen: dict[str, str] = {}
    for row in rows:
        key = row.title.casefold()
        if key in seen:
            raise ValidationError("title", taken(seen[key]), table=table, row=row.uuid)
        seen[key] = row.title
