"""A rough schedule of the day: times typed as people type them, days that
can't be refused with the field to correct, and two days together: when
nobody is home, who is home in the morning and in the evening."""

from __future__ import annotations

import pytest

from models.day_schedule import (
    Day,
    Schedule,
    check_schedule,
    compare_days,
    format_hours,
    format_time,
    parse_hours,
    parse_time,
    presence,
    timeline_span,
)
from models.errors import ValidationError


def hm(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


@pytest.mark.parametrize(("typed", "stored"), [
    ("7", "07:00"), ("7:30", "07:30"), ("07.30", "07:30"), ("7h30", "07:30"),
    ("0730", "07:30"), ("19:05", "19:05"), ("7:30 pm", "19:30"), ("12 am", "00:00"),
    ("12:15 p.m.", "12:15"), (" 23:59 ", "23:59"), ("0", "00:00"),
    ("７:３０", "07:30"),  # full-width digits, as a Japanese input method types them
])
def test_times_are_read_as_people_type_them(typed: str, stored: str) -> None:
    assert format_time(parse_time(typed, "work_start")) == stored


@pytest.mark.parametrize("typed", ["25:00", "7:75", "24:00", "13 pm", "soon", "7:3", "-1",
                                   "<b>8</b>", "8 o'clock"])
def test_what_is_no_time_of_day_is_refused_naming_the_field(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_time(typed, "leave_home")
    assert caught.value.field == "leave_home"
    assert caught.value.message.startswith("Leaving home: “")
    assert typed.strip() in caught.value.message, "the message quotes what was typed"


def test_an_empty_time_is_not_given() -> None:
    assert parse_time("  ", "work_end") is None
    assert parse_hours("") is None


@pytest.mark.parametrize(("typed", "minutes"), [("2", 120), ("1.5", 90), ("1,5", 90),
                                                ("1:20", 80), ("0.25", 15), ("8h", 480)])
def test_hours_from_home_are_read_as_typed(typed: str, minutes: int) -> None:
    assert parse_hours(typed) == minutes


@pytest.mark.parametrize("typed", ["two", "1:75", "1.5.2", "∞"])
def test_hours_that_are_no_number_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError, match="not a number of hours"):
        parse_hours(typed)


def test_hours_are_shown_as_a_person_would_type_them() -> None:
    assert [format_hours(m) for m in (120, 90, 80, None)] == ["2", "1.5", "1:20", ""]


def test_a_workday_that_ends_before_it_starts_is_refused_at_its_end() -> None:
    with pytest.raises(ValidationError) as caught:
        check_schedule(Schedule(work_start=hm("18:00"), work_end=hm("09:00")))
    assert caught.value.field == "work_end"
    assert caught.value.message.startswith("The workday can’t end at 09:00, before it "
                                           "starts at 18:00.")
    with pytest.raises(ValidationError, match="can’t end at 09:00, before it starts at 09:00"):
        check_schedule(Schedule(work_start=hm("09:00"), work_end=hm("09:00")))


def test_being_back_before_leaving_and_too_many_hours_from_home_are_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        check_schedule(Schedule(leave_home=hm("08:00"), back_home=hm("07:00")))
    assert caught.value.field == "back_home"
    with pytest.raises(ValidationError) as caught:
        check_schedule(Schedule(work_start=hm("09:00"), work_end=hm("11:00"), home_minutes=180))
    assert caught.value.field == "home_minutes"
    assert "3 hours from home is more than the workday of 09:00 to 11:00 (2 h)" \
        in caught.value.message
    with pytest.raises(ValidationError, match="between 00:00 and 23:59"):
        check_schedule(Schedule(leave_home=24 * 60))
    check_schedule(Schedule(work_start=hm("09:00")))  # rough is fine: one time alone


RACHEL = Day("Rachel", "#2f6db5", Schedule(hm("07:30"), hm("08:15"), hm("17:00"), hm("17:45"),
                                           90))
MARCUS = Day("Marcus", "#d9822b", Schedule(hm("08:00"), hm("09:15"), hm("19:00"), hm("19:45")))


def test_two_days_show_when_nobody_is_home_and_who_covers_morning_and_evening() -> None:
    together = compare_days([RACHEL, MARCUS])
    assert together.nobody_home == ((hm("08:00"), hm("17:45")),)
    assert together.findings == (
        "Nobody is home from 08:00 to 17:45 (9 h 45 min).",
        "In the morning, Marcus is home longest, until 08:00.",
        "In the evening, Rachel is home first, from 17:45.",
        "You are both home again from 19:45.",
        "Rachel commutes 1 h 30 min in all and works 1.5 h from home.",
        "Marcus commutes 2 h in all.",
    )


def test_days_that_do_not_overlap_leave_someone_home_all_day() -> None:
    night = Day("Ana", "#111111", Schedule(hm("18:00"), hm("18:30"), hm("23:00"), hm("23:30")))
    together = compare_days([RACHEL, night])
    assert together.nobody_home == ()
    assert together.findings[0] == "One of you is home all day."


def test_a_day_from_home_and_a_day_without_a_schedule() -> None:
    remote = Day("Ana", "#111111", Schedule(work_start=hm("09:00"), work_end=hm("17:00"),
                                            home_minutes=8 * 60))
    assert remote.schedule.works_from_home and remote.schedule.away is None
    together = compare_days([remote, MARCUS, Day("Bo", "#222222", Schedule())])
    assert [day.name for day in together.days] == ["Ana", "Marcus"], "no schedule, no lane"
    assert "Ana works from home all day." in together.findings
    assert together.nobody_home == ()


def test_presence_says_who_is_home_stretch_by_stretch() -> None:
    stretches = presence([RACHEL, MARCUS], (hm("06:00"), hm("21:00")))
    assert [(format_time(a), format_time(b), home) for a, b, home in stretches] == [
        ("06:00", "07:30", ("Rachel", "Marcus")),
        ("07:30", "08:00", ("Marcus",)),
        ("08:00", "17:45", ()),
        ("17:45", "19:45", ("Rachel",)),
        ("19:45", "21:00", ("Rachel", "Marcus")),
    ]


def test_the_timeline_spans_both_days_in_whole_hours() -> None:
    assert timeline_span([RACHEL, MARCUS]) == (hm("06:00"), hm("21:00"))
    early = Day("Ana", "#111111", Schedule(leave_home=hm("04:40"), work_end=hm("23:30")))
    assert timeline_span([early]) == (hm("03:00"), 24 * 60)
