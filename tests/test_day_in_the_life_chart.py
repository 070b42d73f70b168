"""The two days on one timeline, drawn without Qt for the tab and the report."""

from __future__ import annotations

from models.day_schedule import Day, Schedule, compare_days


def hm(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def test_the_timeline_draws_both_days_and_who_is_home_in_any_script() -> None:
    from report.charts import chart_style, png
    from report.charts.day_in_the_life import NOBODY_HOME, day_timeline

    days = [Day("Zoë", "#2f6db5", Schedule(hm("07:30"), hm("08:15"), hm("17:00"), hm("17:45"),
                                            90)),
            Day("李明", "#d9822b", Schedule(hm("08:00"), hm("09:15"), hm("19:00"), hm("19:45")))]
    with chart_style():
        figure = day_timeline(compare_days(days), 8, 2.4)
        image = png(figure, dpi=80)
    assert image.startswith(b"\x89PNG") and len(image) > 3000
    axes = figure.axes[0]
    assert [label.get_text() for label in axes.get_yticklabels()] == ["Zoë", "李明", "At home"]
    assert axes.get_xlim() == (hm("06:00"), hm("21:00"))
    texts = [text.get_text() for text in axes.texts]
    assert "nobody home" in texts and "work 08:15–17:00" in texts
    from matplotlib.colors import to_hex

    colors = {to_hex(color[:3]) for collection in axes.collections
              for color in collection.get_facecolor()}
    assert NOBODY_HOME in colors, "the hours nobody is home, in red"


def test_a_day_worked_from_home_and_a_single_day_draw_too() -> None:
    from report.charts import chart_style, png
    from report.charts.day_in_the_life import day_timeline

    remote = Day("Ana", "#2f6db5", Schedule(work_start=hm("09:00"), work_end=hm("17:00"),
                                            home_minutes=480))
    with chart_style():
        figure = day_timeline(compare_days([remote]), 4, 1.6)
        assert png(figure, dpi=60).startswith(b"\x89PNG")
    texts = [text.get_text() for text in figure.axes[0].texts]
    assert "work from home 09:00–17:00" in texts and "home" in texts
