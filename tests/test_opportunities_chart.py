"""The Opportunities chart, drawn without Qt: each partner's bar is split by
criterion and adds up to their total; hidden bars are said to be hidden; any
script draws; a long list shows its first places and says so."""

from __future__ import annotations

import pytest

from models.opportunity_summary import ChartBar, ChartOpportunity, OpportunityChart


def _chart(count: int = 2) -> OpportunityChart:
    criteria = ("Salary", "家族の近く", "Growth 🌱")
    partners = (("Rachel", "#2f6db5"), ("מרקוס", "#d9822b"))
    rows = []
    for number in range(count):
        first = ChartBar("Rachel", "#2f6db5", (30.0, 20.0 + number % 7, 10.0), 60 + number % 7,
                         True)
        second = None if number % 2 else ChartBar("מרקוס", "#d9822b", (10.0, 0.0, 25.5), 36,
                                                  False)
        rows.append(ChartOpportunity(f"Offer {number} <b>&</b> 🚀", (first, second)))
    return OpportunityChart(criteria, partners, tuple(rows))


def test_each_bar_is_split_by_criterion_and_adds_up_to_its_total() -> None:
    from report.charts import chart_style, png
    from report.charts.opportunities import CRITERION_COLORS, weighted_totals

    data = _chart(2)
    with chart_style():
        figure = weighted_totals(data, 8, 4)
        image = png(figure, dpi=60)
    assert image.startswith(b"\x89PNG")
    axes = figure.axes[0]
    pieces = [(p.get_y() + p.get_height() / 2, p.get_width(), p.get_facecolor())
              for p in axes.patches]
    # Bar rows: Offer 0 Rachel at y 0, Marcus at y 1; Offer 1 Rachel at y 3.6.
    total = {round(y, 1): 0.0 for y, _w, _c in pieces}
    for y, width, _color in pieces:
        total[round(y, 1)] += width
    assert total == {0.0: pytest.approx(60.0), 1.0: pytest.approx(35.5),
                     3.6: pytest.approx(61.0)}
    salary = [p for p in pieces if p[2][:3] == pytest.approx(_rgb(CRITERION_COLORS[0]))]
    assert len(salary) == 3, "one Salary piece per shown bar"
    texts = [t.get_text() for t in axes.texts]
    assert "60" in texts and "36 (partial)" in texts
    assert "not revealed yet, or no total" in texts, "Marcus's hidden bar is said, not drawn"
    assert "Offer 0 <b>&</b> 🚀" in texts, "titles as typed"
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert legend == ["Salary", "家族の近く", "Growth 🌱"]


def _rgb(color: str) -> tuple[float, float, float]:
    red, green, blue = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return red, green, blue


def test_a_long_list_shows_its_first_places_and_says_so() -> None:
    from report.charts import chart_style
    from report.charts.opportunities import weighted_totals

    with chart_style():
        figure = weighted_totals(_chart(30), 8, 6, most=12)
    assert figure.get_suptitle() == "The first 12 of 30 opportunities by combined total"
    titles = [t.get_text() for t in figure.axes[0].texts if t.get_text().startswith("Offer")]
    assert len(titles) == 12


def test_nothing_to_draw_says_what_will_show() -> None:
    from report.charts import chart_style
    from report.charts.opportunities import weighted_totals

    with chart_style():
        figure = weighted_totals(OpportunityChart((), (("A", "#000000"), ("B", "#ffffff")), ()),
                                 5, 3)
    assert "weighted totals shows here" in figure.axes[0].texts[0].get_text()
