"""A rough schedule of an ideal workday, and what two of them say together.

Times are minutes after midnight (07:30 is 450); a day never runs past
midnight. A schedule may be partial: each time is optional, and what is
missing is drawn and counted from what is given. Who is at home when is
what a couple wants to see ("who is home for the school run?"), so the
comparison is about presence at home: when nobody is, who leaves last and
who is back first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from models.errors import ValidationError

DAY_MINUTES = 24 * 60
#: The schedule's fields, in the order a day runs.
TIME_FIELDS = ("leave_home", "work_start", "work_end", "back_home")
FIELDS = (*TIME_FIELDS, "home_minutes")
#: How the fields are named in messages.
LABELS = {"leave_home": "Leaving home", "work_start": "The start of work",
          "work_end": "The end of work", "back_home": "Being back home",
          "home_minutes": "The hours from home"}

_TIME = re.compile(r"(\d{1,2})(?:\s*[:.h]\s*(\d{2})|(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?",
                   re.IGNORECASE)
_HOURS = re.compile(r"(\d{1,2})(?:\s*([.,])\s*(\d{1,2})|\s*[:h]\s*(\d{2}))?\s*h?", re.IGNORECASE)


@dataclass(frozen=True)
class Schedule:
    leave_home: int | None = None
    work_start: int | None = None
    work_end: int | None = None
    back_home: int | None = None
    #: How much of the workday is worked from home, in minutes.
    home_minutes: int | None = None

    @property
    def is_empty(self) -> bool:
        return all(getattr(self, name) is None for name in FIELDS)

    @property
    def works_from_home(self) -> bool:
        """The whole workday at home: no commute, and the hours from home fill it."""
        length = self.work_length
        return (self.leave_home is None and self.back_home is None and length is not None
                and self.home_minutes is not None and self.home_minutes >= length)

    @property
    def work_length(self) -> int | None:
        if self.work_start is None or self.work_end is None:
            return None
        return self.work_end - self.work_start

    @property
    def away(self) -> tuple[int, int] | None:
        """When this partner is away from home, as far as the schedule tells:
        from leaving (else the start of work) to being back (else its end)."""
        if self.works_from_home:
            return None
        start = self.leave_home if self.leave_home is not None else self.work_start
        end = self.back_home if self.back_home is not None else self.work_end
        if start is None or end is None or end <= start:
            return None
        return start, end

    @property
    def work(self) -> tuple[int, int] | None:
        if self.work_start is None or self.work_end is None:
            return None
        return self.work_start, self.work_end


# -- typing times and hours ------------------------------------------------------------

def format_time(minutes: int | None) -> str:
    """07:30, as the fields show and the messages quote a time."""
    if minutes is None:
        return ""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def format_hours(minutes: int | None) -> str:
    """2, 1.5 or 1:20: hours as a person would type them."""
    if minutes is None:
        return ""
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return str(hours)
    if rest == 30:
        return f"{hours}.5"
    return f"{hours}:{rest:02d}"


def describe_duration(minutes: int) -> str:
    """"1 h 30 min", "45 min", "2 h"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def parse_time(text: str, field: str) -> int | None:
    """A time of day typed as 7, 7:30, 07.30, 0730, 7h30, 7:30 pm or 19:30; empty
    is "not given". Refuses anything else, naming ``field``."""
    typed = text.strip()
    if not typed:
        return None
    label = LABELS.get(field, "The time")
    match = _TIME.fullmatch(typed)
    if match is None:
        raise ValidationError(field, f"{label}: “{typed}” is not a time of day. "
                              "Type it like 07:30 or 19:15.")
    hours, minutes = int(match.group(1)), int(match.group(2) or match.group(3) or 0)
    half = (match.group(4) or "").lower().replace(".", "")
    if half:
        if not 1 <= hours <= 12:
            raise ValidationError(field, f"{label}: “{typed}” is not a time of day: "
                                  "with am or pm, the hour is 1 to 12.")
        hours = hours % 12 + (12 if half == "pm" else 0)
    if hours > 23 or minutes > 59:
        raise ValidationError(field, f"{label}: “{typed}” is not a time of day: use "
                              "00:00 to 23:59 (a day here ends at midnight).")
    return hours * 60 + minutes


def parse_hours(text: str, field: str = "home_minutes") -> int | None:
    """A number of hours typed as 2, 2.5, 2,5 or 2:30 (minutes stored)."""
    typed = text.strip()
    if not typed:
        return None
    match = _HOURS.fullmatch(typed)
    if match is None:
        raise ValidationError(field, f"“{typed}” is not a number of hours. Type it like "
                              "2, 1.5 or 1:30.")
    hours: int = int(match.group(1))
    minutes: int
    if match.group(3) is not None:  # a decimal fraction of an hour
        fraction = match.group(3)
        minutes = round(int(fraction) * 60 / 10 ** len(fraction))
    else:
        minutes = int(match.group(4) or 0)
        if minutes > 59:
            raise ValidationError(field, f"“{typed}” is not a number of hours: after the "
                                  "colon come minutes, 00 to 59.")
    return hours * 60 + minutes


# -- rules --------------------------------------------------------------------------------

def check_schedule(schedule: Schedule) -> None:
    """Refuse a schedule no day can have, naming the field to correct."""
    for name in TIME_FIELDS:
        value = getattr(schedule, name)
        if value is not None and not 0 <= value < DAY_MINUTES:
            raise ValidationError(name, f"{LABELS[name]} must be a time between 00:00 "
                                  "and 23:59.")
    start, end = schedule.work_start, schedule.work_end
    if start is not None and end is not None and end <= start:
        raise ValidationError(
            "work_end", f"The workday can’t end at {format_time(end)}, before it starts at "
            f"{format_time(start)}. (A day here runs from midnight to midnight.)")
    leave, back = schedule.leave_home, schedule.back_home
    if leave is not None and back is not None and back <= leave:
        raise ValidationError(
            "back_home", f"You can’t be back home at {format_time(back)} before leaving at "
            f"{format_time(leave)}.")
    home = schedule.home_minutes
    if home is not None:
        length = schedule.work_length
        if home < 0 or home > DAY_MINUTES:
            raise ValidationError("home_minutes", "The hours from home must be between 0 "
                                  "and 24.")
        if length is not None and home > length:
            raise ValidationError(
                "home_minutes", f"{format_hours(home)} hours from home is more than the "
                f"workday of {format_time(start)} to {format_time(end)} "
                f"({describe_duration(length)}).")


# -- two days together -------------------------------------------------------------------

@dataclass(frozen=True)
class Day:
    """One partner's day, for the timeline and its findings."""

    name: str
    color: str
    schedule: Schedule


@dataclass(frozen=True)
class DayComparison:
    days: tuple[Day, ...]
    #: When nobody is at home (both away at once), earliest first.
    nobody_home: tuple[tuple[int, int], ...]
    #: What the timeline says, in sentences, for the screen and the report.
    findings: tuple[str, ...]


def _overlap(first: tuple[int, int], second: tuple[int, int]) -> tuple[int, int] | None:
    start, end = max(first[0], second[0]), min(first[1], second[1])
    return (start, end) if end > start else None


def compare_days(days: Sequence[Day]) -> DayComparison:
    """What two partners' schedules say together: when nobody is home, who
    leaves last in the morning and who is back first, when both are home,
    and each commute. Days without a schedule are left out."""
    given = tuple(day for day in days if not day.schedule.is_empty)
    findings: list[str] = []
    aways = [(day, day.schedule.away) for day in given]
    known = [(day, span) for day, span in aways if span is not None]
    nobody: tuple[tuple[int, int], ...] = ()
    if len(given) == 2 and len(known) == 2:
        both = _overlap(known[0][1], known[1][1])
        nobody = (both,) if both else ()
        if both:
            findings.append(f"Nobody is home from {format_time(both[0])} to "
                            f"{format_time(both[1])} ({describe_duration(both[1] - both[0])}).")
        else:
            findings.append("One of you is home all day.")
        last = max(known, key=lambda pair: pair[1][0])
        first = min(known, key=lambda pair: pair[1][1])
        if known[0][1][0] != known[1][1][0]:
            findings.append(f"In the morning, {last[0].name} is home longest, until "
                            f"{format_time(last[1][0])}.")
        if known[0][1][1] != known[1][1][1]:
            findings.append(f"In the evening, {first[0].name} is home first, from "
                            f"{format_time(first[1][1])}.")
        findings.append("You are both home again from "
                        f"{format_time(max(span[1] for _day, span in known))}.")
    for day, span in aways:
        if day.schedule.works_from_home:
            findings.append(f"{day.name} works from home all day.")
        elif span is None and day.schedule.home_minutes is None:
            findings.append(f"{day.name}’s schedule is too rough to tell when they are away.")
    for day in given:
        schedule = day.schedule
        commute = 0
        if schedule.leave_home is not None and schedule.work_start is not None:
            commute += max(0, schedule.work_start - schedule.leave_home)
        if schedule.back_home is not None and schedule.work_end is not None:
            commute += max(0, schedule.back_home - schedule.work_end)
        parts = []
        if commute:
            parts.append(f"commutes {describe_duration(commute)} in all")
        if schedule.home_minutes and not schedule.works_from_home:
            parts.append(f"works {format_hours(schedule.home_minutes)} h from home")
        if parts:
            findings.append(f"{day.name} {' and '.join(parts)}.")
    return DayComparison(given, nobody, tuple(findings))


def timeline_span(days: Sequence[Day]) -> tuple[int, int]:
    """The hours the timeline shows: the whole of both days, in whole hours,
    with an hour to spare, and at least 06:00 to 20:00."""
    times = [value for day in days for value in (getattr(day.schedule, name)
                                                 for name in TIME_FIELDS) if value is not None]
    start = min([6 * 60, *[t - 60 for t in times]])
    end = max([20 * 60, *[t + 60 for t in times]])
    return max(0, start // 60 * 60), min(DAY_MINUTES, -(-end // 60) * 60)


def presence(days: Sequence[Day], span: tuple[int, int]) -> list[tuple[int, int, tuple[str, ...]]]:
    """Who is at home when, over ``span``: (start, end, names of those home),
    in order, each stretch as long as nobody leaves or comes back. A day
    whose schedule does not tell when its partner is away counts as home."""
    aways = [(day.name, day.schedule.away) for day in days]
    cuts = sorted({span[0], span[1], *(t for _name, away in aways if away for t in away
                                       if span[0] < t < span[1])})
    stretches: list[tuple[int, int, tuple[str, ...]]] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        home = tuple(name for name, away in aways
                     if away is None or not away[0] <= start < away[1])
        if stretches and stretches[-1][2] == home:
            stretches[-1] = (stretches[-1][0], end, home)
        else:
            stretches.append((start, end, home))
    return stretches
