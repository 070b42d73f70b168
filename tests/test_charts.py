"""Charts are drawn without Qt, with the shipped fonts, and shown on screen
at the widget's size; matplotlib waits until a chart is first drawn."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parent.parent


def bars(labels: list[str]):  # type: ignore[no-untyped-def]
    from report.charts import new_figure

    def draw(width: float, height: float):  # type: ignore[no-untyped-def]
        figure = new_figure(width, height)
        axes = figure.add_subplot()
        axes.barh(labels, range(1, len(labels) + 1), color="#2f6db5")
        return figure

    return draw


def test_a_chart_with_any_script_draws_with_the_shipped_fonts_and_no_warning() -> None:
    from report.charts import chart_style, png

    labels = ["Salary", "Проживание", "家族の近く", "קרבה למשפחה", "قرب العائلة", "Growth 🌱"]
    with chart_style():
        figure = bars(labels)(5, 3)
        image = png(figure, dpi=80)
    assert image.startswith(b"\x89PNG") and len(image) > 2000
    used = {text.get_fontname() for text in figure.axes[0].get_yticklabels()}
    assert used == {"DejaVu Sans"}, "the first of the shipped fonts, others as fallbacks"


def test_the_chart_view_shows_the_chart_at_its_size(qtbot: QtBot) -> None:
    from ui.chart_view import ChartView

    view = ChartView()
    qtbot.addWidget(view)
    view.resize(480, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_chart(bars(["Salary", "Location"]), "Total score of each opportunity")
    assert view.drawn and view.accessibleDescription() == "Total score of each opportunity"
    image = view.grab().toImage()
    colors = {image.pixelColor(x, y).name() for x in range(0, 480, 8) for y in range(0, 300, 8)}
    assert "#ffffff" in colors and len(colors) > 3, "something is drawn on white"
    view.resize(300, 200)
    qtbot.waitUntil(lambda: view.drawn and view._pixmap is not None
                    and view._pixmap.width() == int(300 * view.devicePixelRatioF()))


def test_the_report_package_never_imports_qt_and_the_app_start_never_imports_matplotlib(
) -> None:
    code = (
        "import importlib, pkgutil, sys, report\n"
        "for m in pkgutil.walk_packages(report.__path__, 'report.'):\n"
        "    importlib.import_module(m.name)\n"
        "from report.charts import chart_style, new_figure, png\n"
        "with chart_style():\n"
        "    png(new_figure(2, 2))\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert result.returncode == 0, f"report imported Qt: {result.stdout}{result.stderr}"
    start = ("import sys\n"
             "from ui.window.main_window import MainWindow\n"
             "print(sorted(n for n in sys.modules if n.split('.')[0] in "
             "('matplotlib', 'reportlab')))\n")
    result = subprocess.run([sys.executable, "-c", start], cwd=ROOT, capture_output=True,
                            text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT),
                                 "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.strip() == "[]", result.stderr


def test_dollar_signs_in_a_name_are_drawn_as_typed_not_as_mathematics() -> None:
    """A partner called "$x^2$ Lee" or an indicator costing "$5 or $10" is
    people's text: matplotlib would otherwise set it as a formula."""
    import io

    from report.charts import chart_style

    labels = ["$x^2$ Lee", "Costs $5 or $10"]
    with chart_style():
        figure = bars(labels)(5, 2)
        drawn = io.BytesIO()
        figure.savefig(drawn, format="svg")
    svg = re.sub(r"<!--.*?-->", "", drawn.getvalue().decode(), flags=re.S)  # the texts, not comments
    assert "$x^2$ Lee" in svg and "Costs $5 or $10" in svg
