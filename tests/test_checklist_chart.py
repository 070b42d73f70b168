"""The checklist's trend chart, drawn without Qt as the report will draw it:
one small chart per indicator, both partners' lines, divergences shaded."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from models.calendar import add_months
from models.checklist_trends import IndicatorTrend, PartnerLine, Trend
from report.charts import chart_style, png
from report.charts.checklist import APART_COLOR, date_ticks, describe, layout, trend_chart

PAIR = (PartnerLine("a", "Rachel", "#2f6db5"), PartnerLine("b", "Marcus", "#d9822b"))
DAYS = (date(2026, 2, 21), date(2026, 5, 16), date(2026, 8, 22))


def trend(titles: list[str], days: tuple[date, ...] = DAYS) -> Trend:
    lines = tuple(IndicatorTrend(str(n), title, n == len(titles) - 1,
                                 (tuple(zip(days, [2, 3, 4] * len(days), strict=False)),
                                  tuple((day, 4) for day in days)), days[:1])
                  for n, title in enumerate(titles))
    return Trend(PAIR, days, lines)


def texts(figure: Any) -> list[str]:
    return [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))]


def test_each_indicator_gets_its_titled_chart_with_both_partners_and_the_shading() -> None:
    titles = ["Both partners feel their careers are valued equally", "家族の近く 🌱",
              "קרבה למשפחה", "<b>&</b> Money talk stays calm"]
    with chart_style():
        figure = trend_chart(trend(titles), 9, 5)
        image = png(figure, dpi=60)
    assert image.startswith(b"\x89PNG")
    shown = "\n".join(texts(figure))
    for title in titles[:-1]:
        assert title in shown.replace("\n", " ")
    assert "<b>&</b> Money talk stays calm (retired)" in shown, "markup is text"
    assert "Rachel" in shown and "Marcus" in shown and "2 or more apart: talk about it" in shown
    lines = figure.axes[0].get_lines()
    assert len(lines) == 2 * len(titles), "a line per partner per indicator"
    assert {line.get_color() for line in lines} == {"#2f6db5", "#d9822b"}
    colors = [tuple(c) for coll in figure.axes[0].collections for c in coll.get_colors()]
    from matplotlib.colors import to_rgba

    assert to_rgba(APART_COLOR) in colors, "the divergence is shaded"


def test_before_any_reveal_the_chart_says_what_will_come() -> None:
    empty = Trend(PAIR, (), ())
    with chart_style():
        figure = trend_chart(empty, 6, 3)
    assert any("once a check-in is revealed" in text for text in texts(figure))
    assert describe(empty).startswith("The trend appears here")


def test_forty_check_ins_of_twelve_indicators_fit_with_readable_ticks() -> None:
    days = tuple(add_months(date(2023, 1, 14), n) for n in range(40))
    many = trend([f"Indicator {n}" for n in range(12)], days)
    assert layout(14.5, 7.3, 12) == (4, 3)
    assert layout(5, 12, 7)[0] == 1, "a narrow, tall space: one column"
    ticks = date_ticks(days[0], days[-1], 4)
    assert 2 <= len(ticks) <= 4 and all(t.day == 1 for t in ticks)
    assert all(days[0] <= t <= days[-1] for t in ticks), "never outside the chart"
    with chart_style():
        figure = trend_chart(many, 14.5, 7.3)
        png(figure, dpi=40)
    assert "2024" in texts(figure) or "Jan 24" in texts(figure)
    assert describe(many) == ("Rachel and Marcus: ratings of 12 indicators over 40 revealed "
                              "check-ins; 12 times 2 or more apart, shaded.")


@pytest.mark.parametrize("first, last, most, expected", [
    (date(2026, 2, 1), date(2026, 9, 11), 3, [date(2026, 4, 1), date(2026, 7, 1)]),
    (date(2026, 1, 20), date(2026, 3, 13), 3, [date(2026, 2, 1), date(2026, 3, 1)]),
    (date(2023, 1, 2), date(2026, 6, 1), 4, [date(2024, 1, 1), date(2025, 1, 1),
                                             date(2026, 1, 1)]),
])
def test_date_ticks_are_first_days_of_months_evenly_stepped(first: date, last: date, most: int,
                                                          expected: list[date]) -> None:
    assert date_ticks(first, last, most) == expected
