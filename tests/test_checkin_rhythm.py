"""When the next check-in is due: a month or a quarter after the last one, on
the same day or the month's last, due a week ahead and overdue after;
across month ends, year ends and leap years, with the day injected."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from models.checkin_rhythm import (
    DueState,
    describe_due,
    due,
    due_notice,
    next_due,
    plan_due,
    rhythm,
    set_rhythm,
)
from models.checklist import new_checkin
from models.errors import ValidationError
from models.plan_file import PlanFile
from models.privacy import TOGETHER
from tests.helpers import stored


@pytest.mark.parametrize("last, every, expected", [
    (date(2027, 1, 31), "monthly", date(2027, 2, 28)),  # no 31 February: its last day
    (date(2028, 1, 31), "monthly", date(2028, 2, 29)),  # a leap year has a 29th
    (date(2028, 2, 29), "monthly", date(2028, 3, 29)),
    (date(2027, 12, 15), "monthly", date(2028, 1, 15)),  # across the year's end
    (date(2026, 11, 30), "quarterly", date(2027, 2, 28)),
    (date(2027, 11, 30), "quarterly", date(2028, 2, 29)),
    (date(2028, 2, 29), "quarterly", date(2028, 5, 29)),
    (date(2099, 11, 30), "quarterly", date(2100, 2, 28)),  # 2100 is no leap year
    (date(2026, 8, 22), "quarterly", date(2026, 11, 22)),
])
def test_the_next_check_in_is_a_month_or_quarter_later_clamped_to_the_month(
        last: date, every: str, expected: date) -> None:
    assert next_due(last, every) == expected


@pytest.mark.parametrize("today, state, days_left", [
    (date(2028, 2, 21), DueState.LATER, 8),
    (date(2028, 2, 22), DueState.DUE, 7),  # a week ahead
    (date(2028, 2, 29), DueState.DUE, 0),  # the day itself, a leap day
    (date(2028, 3, 1), DueState.OVERDUE, -1),
    (date(2028, 12, 31), DueState.OVERDUE, -306),
])
def test_due_a_week_ahead_and_overdue_after_its_day(today: date, state: DueState,
                                                    days_left: int) -> None:
    when = due(date(2027, 11, 30), "quarterly", today)
    assert (when.next, when.state, when.days_left) == (date(2028, 2, 29), state, days_left)


def test_in_a_common_year_the_same_check_in_is_due_on_28_february() -> None:
    when = due(date(2026, 11, 30), "quarterly", date(2027, 3, 1))
    assert when.next == date(2027, 2, 28) and when.state is DueState.OVERDUE
    assert when.days_left == -1


def test_the_notice_is_gentle_and_only_when_due_or_overdue() -> None:
    last = date(2026, 8, 22)
    assert due_notice(due(None, "quarterly", date(2026, 11, 24))) == ""
    assert due_notice(due(last, "quarterly", date(2026, 11, 1))) == ""
    assert describe_due(due(last, "quarterly", date(2026, 11, 1))) == \
        "Next check-in due on 22 November 2026, in 3 weeks."
    soon = due_notice(due(last, "quarterly", date(2026, 11, 19)))
    assert soon.startswith("A check-in is due on 22 November 2026, in 3 days")
    assert due_notice(due(last, "quarterly", date(2026, 11, 22))).startswith(
        "Your check-in is due today")
    late = due_notice(due(last, "quarterly", date(2026, 11, 24)))
    assert late.startswith("Your check-in was due on 22 November 2026, 2 days ago.")
    assert "No pressure" in late
    assert "3 weeks ago" in due_notice(due(last, "quarterly", date(2026, 12, 15)))
    assert "5 months ago" in due_notice(due(last, "monthly", date(2027, 2, 15)))
    assert "1 day ago" in due_notice(due(last, "monthly", date(2026, 9, 23)))


def test_the_rhythm_is_stored_once_and_counts_from_the_latest_check_in(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        assert rhythm(plan) == "quarterly", "the default"
        assert set_rhythm(plan, "quarterly") == (), "nothing to store for the default"
        assert plan_due(plan, date(2026, 11, 24)).state is DueState.NONE
        plan.apply(new_checkin(plan, date(2026, 10, 31), date(2026, 11, 24)), TOGETHER)
        plan.apply(set_rhythm(plan, "monthly"), TOGETHER)
        plan.apply(set_rhythm(plan, "monthly"), TOGETHER)  # unchanged: no second row
        when = plan_due(plan, date(2026, 11, 24))
        assert (when.next, when.state) == (date(2026, 11, 30), DueState.DUE)
        with pytest.raises(ValidationError, match="is not a rhythm of check-ins"):
            set_rhythm(plan, "weekly")
    assert [r["every"] for r in stored(plan_path)["tables"]["checkin_rhythm"]] == ["monthly"]
