"""The household chart: a bar per partner split into visible tasks and
invisible labor, names drawn as typed, and a sentence when there is nothing."""

from __future__ import annotations

from typing import Any

from models.support import HouseholdShare
from report.charts import chart_style, png
from report.charts.support import EMPTY_TEXT, household_chart


def texts(figure: Any) -> list[str]:
    found = [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))]
    return [text for text in found if text]


def test_each_partner_s_hours_are_drawn_with_their_share() -> None:
    shares = [HouseholdShare("a", "Ana $x$ <b>&</b>", "#2f6db5", 8.5, 2),
              HouseholdShare("b", "李明", "#d9822b", 2.5, 0)]
    with chart_style():
        figure = household_chart(shares, 6, 2.5)
        assert png(figure)[:4] == b"\x89PNG"
    drawn = texts(figure)
    assert "10.5 h (81%)" in drawn and "2.5 h (19%)" in drawn
    ticks = figure.axes[0].get_yticklabels()
    assert [t.get_text() for t in ticks] == ["Ana $x$ <b>&</b>", "李明"]
    assert not any(t.get_parse_math() for t in ticks), "a name is not mathematics"
    bars = figure.axes[0].patches
    assert [round(b.get_width(), 1) for b in bars] == [8.5, 2.5, 2.0, 0.0]


def test_without_hours_the_chart_says_what_to_do() -> None:
    with chart_style():
        figure = household_chart([HouseholdShare("a", "Ana", "#2f6db5", 0, 0)], 6, 2.5)
    assert EMPTY_TEXT in texts(figure)
